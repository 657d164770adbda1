"""Haml as Rouge 3.30's Haml lexer tokenises it: each line's indentation first (``/`` and
``-#`` comments and ``:filter`` blocks take the lines indented under them), then tags with
their ``.class``/``#id`` shorthands, ``{...}`` and ``(...)`` attributes, ``=``/``-`` Ruby
lines and plain text with ``#{...}`` interpolation.

As in Rouge, one Ruby lexer serves every Ruby piece (and the ``:ruby`` filter), restarted at
each ``-``/``=`` line and ``{`` attribute list; plain text goes to one HTML lexer for the
whole input; a filter's body goes to a lexer restarted at each filter (an unknown filter's
body is ``nd``).  A `` |`` at the end of a line continues it."""

from __future__ import annotations

import re

from ..regex_lexer import (Action, LexRun, Mixin, RegexLexer, Rule, delegate, feed_embedded,
                           indentation, rx, starts_block, then)
from . import css, erb, html, javascript, markdown, ruby, sass

_IDENTIFIER = r"[\w:-]+"
_RUBY_VAR = r"[a-z]\w*"
# a " |" line break that continues the line, or any character
_DOT = r"(?:[ ]\|\n(?=.*[ ]\|)|.)"
_TEXT = r"([^#\n]|#[^{\n]|(\\\\)*\\#\{)+"

_FILTERS = {"javascript": javascript.LEXER, "css": css.LEXER, "ruby": ruby.LEXER,
            "erb": erb.LEXER, "markdown": markdown.LEXER, "sass": sass.LEXER}


def _line_start(run: LexRun, m: re.Match[str]) -> None:
    run.token("", m.group())
    indentation(run, m.group())


def _block(token: str | tuple[str, ...], state: str | None) -> Action:
    def action(run: LexRun, m: re.Match[str]) -> None:
        if isinstance(token, tuple):
            for i, css_class in enumerate(token, start=1):
                run.token(css_class, m.group(i))
        else:
            run.token(token, m.group())
        run.pop()
        if state is not None:
            starts_block(run, state)
    return action


def _restart_ruby(run: LexRun) -> None:
    run.vars["ruby"] = ruby.LEXER.new_run()


def _ruby_line(run: LexRun, m: re.Match[str]) -> None:
    run.token("p", m.group())
    run.reset()
    _restart_ruby(run)
    run.push("ruby_line")


def _ruby_tag(run: LexRun, m: re.Match[str]) -> None:
    run.token("p", m.group())
    _restart_ruby(run)
    run.push("ruby_tag")


def _to_ruby(push: str | None = None, pop: bool = False) -> Action:
    def action(run: LexRun, m: re.Match[str]) -> None:
        feed_embedded(run, "ruby", ruby.LEXER, m.group())
        if push:
            run.push(push)
        if pop:
            run.pop()
    return action


TO_RUBY = delegate("ruby", ruby.LEXER)


def filter_start(filters: dict[str, RegexLexer]) -> Action:
    """A ``:name`` line: the lines indented under it go to the filter's lexer, restarted
    here (``ruby`` is the lexer Ruby pieces share); an unknown filter's text is ``nd``."""
    def action(run: LexRun, m: re.Match[str]) -> None:
        run.token("nd", m.group())
        run.pop()
        starts_block(run, "filter_block")
        lexer = filters.get(m.group(1).strip(" \t\n\v\f\r\0"))  # Ruby's String#strip
        key = "ruby" if lexer is ruby.LEXER else "filter_run"
        if lexer is not None:
            run.vars[key] = lexer.new_run()
        run.vars["filter"] = (key, lexer)
    return action


def _filter_text(run: LexRun, m: re.Match[str]) -> None:
    key, lexer = run.vars["filter"]
    if lexer is None:
        run.token("nd", m.group())
    else:
        feed_embedded(run, key, lexer, m.group())


def _line_end(run: LexRun, m: re.Match[str]) -> None:
    run.token("", m.group())
    run.reset()


#: the states Slim's lexer shares
SHARED = {
    "root": [
        Rule(rx(r"\s*\n"), ""),
        Rule(rx(r"\s*"), action=_line_start),
    ],
    "filter_block": [
        Rule(rx(_TEXT), action=_filter_text),
        Mixin("interpolation"),
        Mixin("indented_block"),
    ],
    "interpolation": [Rule(rx(r"#[{]"), "si", "ruby")],
    "ruby": [Rule(rx(r"[}]"), "si", "#pop"), Mixin("ruby_inner")],
    "ruby_inner": [
        Rule(rx(r"[{]"), action=_to_ruby(push="ruby_inner")),
        Rule(rx(r"[}]"), action=_to_ruby(pop=True)),
        Rule(rx(r"[^{}]+"), action=TO_RUBY),
    ],
    "indented_block": [Rule(rx(r"\n"), action=_line_end)],
}

LEXER = RegexLexer({
    **SHARED,
    "content": [
        Mixin("css"),
        Rule(rx(f"%{_IDENTIFIER}"), action=then("nt", goto="tag")),
        Rule(rx(rf"!!!{_DOT}*\n"), "nn", "#pop"),
        Rule(rx(rf"(/)(\[{_DOT}*?\])({_DOT}*\n)"), action=_block(("c", "cs", "c"), None)),
        Rule(rx(rf"/{_DOT}*\n"), action=_block("c", "html_comment_block")),
        Rule(rx(rf"-#{_DOT}*\n"), action=_block("c", "haml_comment_block")),
        Rule(rx(r"-"), action=_ruby_line),
        Rule(rx(rf":({_DOT}*)\n"), action=filter_start(_FILTERS)),
        Mixin("eval_or_plain"),
    ],
    "css": [
        Rule(rx(rf"\.{_IDENTIFIER}"), action=then("nc", goto="tag")),
        Rule(rx(f"#{_IDENTIFIER}"), action=then("nf", goto="tag")),
    ],
    "tag": [
        Mixin("css"),
        Rule(rx(r"[{]"), action=_ruby_tag),
        Rule(rx(rf"\[{_DOT}*?\]"), action=TO_RUBY),
        Rule(rx(r"\("), "p", "html_attributes"),
        Rule(rx(r"\s*\n"), "", "#pop"),
        Rule(rx(r"[<>]{1,2}(?=[ \t=])"), "p"),
        Mixin("eval_or_plain"),
    ],
    "plain": [
        Rule(rx(_TEXT), action=delegate("html", html.LEXER)),
        Mixin("interpolation"),
        Rule(rx(r"\n"), action=_line_end),
    ],
    "eval_or_plain": [
        Rule(rx(r"[&!]?=="), "p", "plain"),
        Rule(rx(r"[&!]?[=!]"), action=_ruby_line),
        Rule(rx(r""), action=then(push=("plain",))),
    ],
    "ruby_line": [
        Rule(rx(r"\n"), "", "#pop"),
        Rule(rx(r",[ \t]*\n"), action=TO_RUBY),
        Rule(rx(r"[ ]\|[ \t]*\n"), "se"),
        Rule(rx(r".*?(?=(,$| \|)?[ \t]*$)"), action=TO_RUBY),
    ],
    "ruby_tag": [Mixin("ruby_inner")],
    "html_attributes": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(rf"{_IDENTIFIER}\s*="), "na", "html_attribute_value"),
        Rule(rx(_IDENTIFIER), "na"),
        Rule(rx(r"\)"), "", "#pop"),
    ],
    "html_attribute_value": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(_RUBY_VAR), "nv", "#pop"),
        Rule(rx(f"@{_RUBY_VAR}"), "vi", "#pop"),
        Rule(rx(rf"\${_RUBY_VAR}"), "vg", "#pop"),
        Rule(rx(r"'(\\\\|\\'|[^'\n])*'"), "s", "#pop"),
        Rule(rx(r'"(\\\\|\\"|[^"\n])*"'), "s", "#pop"),
    ],
    "html_comment_block": [Rule(rx(f"{_DOT}+"), "c"), Mixin("indented_block")],
    "haml_comment_block": [Rule(rx(f"{_DOT}+"), "cp"), Mixin("indented_block")],
})

"""Slim as Rouge 3.30's Slim lexer tokenises it: Haml's line, filter and interpolation states
(``haml.SHARED``) with Slim's content: tags with ``.class``/``#id`` shorthands and
``name=value`` attributes, ``-``/``=`` Ruby lines, ``|`` text blocks, ``/`` comments,
``*splats`` and inline HTML.  A backslash before a line break continues the line.

Unlike Haml's, the one Ruby lexer is restarted only by a ``ruby:`` filter.  (Rouge's
"end of block" rule asks that the line break not follow a backslash; its scanner sees
nothing before the cursor, so that always holds.)"""

from __future__ import annotations

import re

from ..regex_lexer import Action, LexRun, Mixin, RegexLexer, Rule, delegate, feed_embedded, rx
from ..regex_lexer import starts_block, then
from . import coffeescript, css, erb, haml, html, javascript, markdown, ruby, sass, scss

_RUBY_CHARS = r"[\w!?@$]"
# a backslash-newline line continuation, or any character
_DOT = r"(?:\\\n|.)"
_HTML_TAG = r"(</?[\w\s='\"]+?/?>)"

_FILTERS = {"ruby": ruby.LEXER, "erb": erb.LEXER, "javascript": javascript.LEXER,
            "css": css.LEXER, "coffee": coffeescript.LEXER, "markdown": markdown.LEXER,
            "scss": scss.LEXER, "sass": sass.LEXER}


def _splat(push: str | None) -> Action:
    def action(run: LexRun, m: re.Match[str]) -> None:
        run.token("p", m.group(1))
        feed_embedded(run, "ruby", ruby.LEXER, m.group(2))
        if push is not None:
            run.push(push)
    return action


def _group_to(key: str, lexer: RegexLexer, pop: bool) -> Action:
    def action(run: LexRun, m: re.Match[str]) -> None:
        feed_embedded(run, key, lexer, m.group(1))
        if pop:
            run.pop()
    return action


def _text_block(run: LexRun, m: re.Match[str]) -> None:
    run.token("p", m.group())
    run.pop()
    starts_block(run, "plain_block")
    run.goto("plain_block")


LEXER = RegexLexer({
    **haml.SHARED,
    "content": [
        Mixin("css"),
        Rule(rx(f"/{_DOT}*"), "c", "indented_block"),
        Rule(rx(r"(doctype)(\s+)(.*)"), ("nn", "w", ""), "#pop"),
        Rule(rx(r"(\w*):\s*\n"), action=haml.filter_start(_FILTERS)),
        Rule(rx(r"[|'](?=\s)"), action=_text_block),
        Rule(rx(r"-|==|="), "p", "ruby_line"),
        Rule(rx(rf"(\*)({_RUBY_CHARS}+\(.*?\))"), action=_splat("tag")),
        Rule(rx(rf"(\*)({_RUBY_CHARS}+)"), action=_splat("tag")),
        Rule(rx(_HTML_TAG), action=_group_to("html", html.LEXER, pop=True)),
        Rule(rx(r"\w+"), "nt", "tag"),
    ],
    "tag": [
        Mixin("css"),
        Mixin("indented_block"),
        Mixin("interpolation"),
        Rule(rx(r"[<>]"), "p"),
        Rule(rx(r"\s+?"), "w"),
        Rule(rx(rf"(\*)({_RUBY_CHARS}+)"), action=_splat(None)),
        Rule(rx(rf"(\*)(\{{{_DOT}+?\}})"), action=_splat(None)),
        Rule(rx(r"([\w\-]+)(\s*)(\=)"), ("na", "w", "p"), "html_attr"),
        Rule(rx(f"(\\=)({_DOT}+)"), action=_splat(None)),
        Rule(rx(r"&\S*?;"), "ni"),
        Rule(rx(f"{_DOT}+?"), ""),
        Rule(rx(r"\s*\n"), "w", "#pop"),
    ],
    "css": [
        Rule(rx(r"\.[\w-]*"), action=then("nc", goto="tag")),
        Rule(rx(r"#[a-zA-Z][\w:-]*"), action=then("nf", goto="tag")),
    ],
    "html_attr": [
        Rule(rx(rf"\s*(['\"]){_DOT}*?\1"), "s", "#pop"),
        Rule(rx(rf"({_RUBY_CHARS}+\(.*?\))"), action=_group_to("ruby", ruby.LEXER, pop=True)),
        Rule(rx(rf"({_RUBY_CHARS}+)"), action=_group_to("ruby", ruby.LEXER, pop=True)),
        Rule(rx(r"\s+"), "w"),
    ],
    "ruby_line": [
        Mixin("indented_block"),
        Rule(rx(r"[,\\]\s*\n"), action=haml.TO_RUBY),
        Rule(rx(r"[ ]\|[ \t]*\n"), "se"),
        Rule(rx(r".*?(?=([,\\]$| \|)?[ \t]*$)"), action=haml.TO_RUBY),
    ],
    "plain_block": [
        Mixin("interpolation"),
        Rule(rx(_HTML_TAG), action=_group_to("html", html.LEXER, pop=False)),
        Rule(rx(r"&\S*?;"), "ni"),
        Rule(rx(f"{_DOT}+?"), ""),
        Mixin("indented_block"),
    ],
})

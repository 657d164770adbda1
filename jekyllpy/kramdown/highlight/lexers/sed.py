"""sed scripts as Rouge 3.30's sed lexer tokenises them: addresses, commands, and the regexes
and replacements of ``s`` and ``y`` lexed by two small lexers whose state carries over for the
whole script.  After ``s///``, a ``w FILE`` flag is yielded three times (as keyword, text and
name), as Rouge does when it emits the whole match for each of its three tokens."""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, feed_embedded, rx, then

REGEX = RegexLexer({
    "root": [
        Rule(rx(r"\\."), "se"),
        Rule(rx(r"\["), "p", "brackets"),
        Rule(rx(r"[$^.*]"), "o"),
        Rule(rx(r"[()]"), "p"),
        Rule(rx(r"."), "sr"),
    ],
    "brackets": [
        Rule(rx(r"\^"), action=then("p", goto="brackets_int")),
        Rule(rx(r""), action=then(goto="brackets_int")),
    ],
    "brackets_int": [
        Rule(rx(r".-."), "nv"),
        Rule(rx(r"\]"), "p", "#pop"),
        Rule(rx(r"."), "sr"),
    ],
})

REPLACEMENT = RegexLexer({
    "root": [
        Rule(rx(r"\\.", re.S), "se"),
        Rule(rx(r"&"), "o"),
        Rule(rx(r"[^\\&]+", re.S), ""),
    ],
})

_EDOT = r"(?:\\.|.)"


def _reset(css: str):
    def action(run: LexRun, m: re.Match[str]) -> None:
        run.token(css, m.group())
        run.reset()
    return action


def _transform(first: str, then_state: str | None):
    """``s`` (its pattern through the regex lexer) or ``y`` (both parts as replacements)."""
    def action(run: LexRun, m: re.Match[str]) -> None:
        run.token("k", m.group(1))
        run.token("p", m.group(2))
        feed_embedded(run, first, REGEX if first == "regex" else REPLACEMENT, m.group(3))
        run.token("p", m.group(4))
        feed_embedded(run, "replacement", REPLACEMENT, m.group(5))
        run.token("p", m.group(6))
        if then_state is None:
            run.pop()
        else:
            run.goto(then_state)
    return action


def _address_regex(run: LexRun, m: re.Match[str]) -> None:
    run.token("kn", m.group(1))
    feed_embedded(run, "regex", REGEX, m.group(2))
    run.token("kn", m.group(3))


def _address_custom(run: LexRun, m: re.Match[str]) -> None:
    run.token("kn", m.group(1) + m.group(2))
    feed_embedded(run, "regex", REGEX, m.group(3))
    run.token("kn", m.group(4))


def _write_flag(run: LexRun, m: re.Match[str]) -> None:
    for css in ("k", "", "n"):
        run.token(css, m.group())


LEXER = RegexLexer({
    "whitespace": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"#.*?\n"), action=_reset("c")),
        Rule(rx(r"\n"), action=_reset("")),
        Rule(rx(r";"), action=_reset("p")),
    ],
    "root": [Mixin("addr_range")],
    "command": [
        Mixin("whitespace"),
        Rule(rx(rf"(s)(.)({_EDOT}*?)(\2)({_EDOT}*?)(\2)", re.S),
             action=_transform("regex", "flags")),
        Rule(rx(rf"(y)(.)({_EDOT}*?)(\2)({_EDOT}*?)(\2)", re.S),
             action=_transform("replacement", None)),
        Rule(rx(r"([aic])(\s*)"), action=lambda run, m: (
            run.token("k", m.group(1)), run.token("", m.group(2)), run.goto("text"))),
        Rule(rx(r"[pd]"), "k"),
        Rule(rx(r"([qQl])(\s+)(\d+)", re.I), ("k", "", "m"), "#pop"),
        Rule(rx(r"[={}dDgGhHlnpPqx]"), "k", "#pop"),
        Rule(rx(r"([rRwW])(\s+)(\S+)"), ("k", "", "n"), "#pop"),
        Rule(rx(r"([:btT])(\s+)(\S+)"), ("k", "", "nl"), "#pop"),
    ],
    "addr_range": [
        Mixin("whitespace"),
        Rule(rx(r"\d+"), "kn"),
        Rule(rx(r"[$,~+!]"), "kn"),
        Rule(rx(r"(/)((?:\\.|.)*?)(/)"), action=_address_regex),
        Rule(rx(r"(\\)(.)((?:\\.|.)*?)(\2)"), action=_address_custom),
        Rule(rx(r""), None, "command"),
    ],
    "text": [
        Rule(rx(r"[^\\\n]+"), "s"),
        Rule(rx(r"\\\n"), "se"),
        Rule(rx(r"\\"), "s"),
        Rule(rx(r"\n"), "", "#pop"),
    ],
    "flags": [
        Rule(rx(r"[gp]+"), "k", "#pop"),
        Rule(rx(r"([wW])(\s+)(\S+)"), action=_write_flag),
        Rule(rx(r""), None, "#pop"),
    ],
})

"""ERB templates as Rouge 3.30 tokenises them: ``<%# comments %>``, ``<% ruby %>`` handed to
the Ruby lexer, everything else to the HTML lexer (each keeping its state across pieces)."""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, RegexLexer, Rule, rx
from . import html, ruby

_OPEN = r"<%%|<%=|<%#|<%-|<%"
_CLOSE = r"%%>|-%>|%>"


def _delegate(name: str, lexer: RegexLexer):
    def action(run: LexRun, m: re.Match[str]) -> None:
        inner = run.vars.get(name)
        if inner is None:
            inner = run.vars[name] = lexer.new_run()
        inner.tokens = []
        lexer.feed(inner, m.group())
        run.tokens.extend(inner.tokens)
    return action


STATES = {
    "root": [
        Rule(rx(r"<%#"), "c", "comment"),
        Rule(rx(_OPEN), "cp", "ruby"),
        Rule(rx(rf".+?(?={_OPEN})|.+", re.S), action=_delegate("html", html.LEXER)),
    ],
    "comment": [
        Rule(rx(_CLOSE), "c", "#pop"),
        Rule(rx(rf".+?(?={_CLOSE})|.+", re.S), "c"),
    ],
    "ruby": [
        Rule(rx(_CLOSE), "cp", "#pop"),
        Rule(rx(rf".+?(?={_CLOSE})|.+", re.S), action=_delegate("ruby", ruby.LEXER)),
    ],
}

LEXER = RegexLexer(STATES)

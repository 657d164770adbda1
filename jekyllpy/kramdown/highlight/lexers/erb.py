"""ERB templates as Rouge 3.30 tokenises them: ``<%# comments %>``, ``<% ruby %>`` handed to
the Ruby lexer, everything else to the HTML lexer (each keeping its state across pieces)."""

from __future__ import annotations

import re

from ..regex_lexer import RegexLexer, Rule, delegate, rx
from . import html, ruby

_OPEN = r"<%%|<%=|<%#|<%-|<%"
_CLOSE = r"%%>|-%>|%>"


STATES = {
    "root": [
        Rule(rx(r"<%#"), "c", "comment"),
        Rule(rx(_OPEN), "cp", "ruby"),
        Rule(rx(rf".+?(?={_OPEN})|.+", re.S), action=delegate("html", html.LEXER)),
    ],
    "comment": [
        Rule(rx(_CLOSE), "c", "#pop"),
        Rule(rx(rf".+?(?={_CLOSE})|.+", re.S), "c"),
    ],
    "ruby": [
        Rule(rx(_CLOSE), "cp", "#pop"),
        Rule(rx(rf".+?(?={_CLOSE})|.+", re.S), action=delegate("ruby", ruby.LEXER)),
    ],
}

LEXER = RegexLexer(STATES)

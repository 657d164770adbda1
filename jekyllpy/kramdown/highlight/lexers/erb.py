"""ERB templates as Rouge 3.30 tokenises them: ``<%# comments %>``, ``<% ruby %>`` handed to
the Ruby lexer, everything else to the HTML lexer (each keeping its state across pieces).
Rouge's EEX lexer has the same shape (:func:`template_states`)."""

from __future__ import annotations

import re

from ..regex_lexer import RegexLexer, Rule, StateRules, delegate, rx
from . import html, ruby


def template_states(opening: str, closing: str, code: str,
                    lexer: RegexLexer) -> dict[str, StateRules]:
    """Comments and code between ``opening`` and ``closing`` tags (code handed to
    ``lexer``, kept as ``code``), the text around them handed to HTML."""
    return {
        "root": [
            Rule(rx(r"<%#"), "c", "comment"),
            Rule(rx(opening), "cp", code),
            Rule(rx(rf".+?(?={opening})|.+", re.S), action=delegate("html", html.LEXER)),
        ],
        "comment": [
            Rule(rx(closing), "c", "#pop"),
            Rule(rx(rf".+?(?={closing})|.+", re.S), "c"),
        ],
        code: [
            Rule(rx(closing), "cp", "#pop"),
            Rule(rx(rf".+?(?={closing})|.+", re.S), action=delegate(code, lexer)),
        ],
    }


STATES = template_states(r"<%%|<%=|<%#|<%-|<%", r"%%>|-%>|%>", "ruby", ruby.LEXER)

LEXER = RegexLexer(STATES)

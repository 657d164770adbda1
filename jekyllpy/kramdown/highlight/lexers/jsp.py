"""JSP as Rouge 3.30's JSP lexer tokenises it: ``<%-- --%>`` comments, directives,
``<jsp:...>`` and prefixed tags with their attributes (``${...}`` interpolation inside
values), scriptlets and expressions through one native Java lexer, the rest through one
native HTML lexer; both keep their state between pieces, as Rouge's do."""

from __future__ import annotations

import re

from ..regex_lexer import Mixin, RegexLexer, Rule, delegate, rx, then
from . import html, java

_DIRECTIVES = "page|include|taglib"
_ACTIONS = "scriptlet|declaration|expression"
_HTML = delegate("html", html.LEXER)
_JAVA = delegate("java", java.LEXER)

LEXER = RegexLexer({
    "root": [
        Rule(rx(r"<%--"), "c", "jsp_comment"),
        Rule(rx(rf"<%@\s*(?:{_DIRECTIVES})\s*"), "nt", "jsp_directive"),
        Rule(rx(rf"<jsp:directive\.(?:{_DIRECTIVES})"), "nt", "jsp_directive2"),
        Rule(rx(rf"<jsp:(?:{_ACTIONS})>"), "nt", "jsp_expression"),
        Rule(rx(r"<[a-zA-Z]*:[a-zA-Z]*\s*"), "nt", "jsp_tag"),
        Rule(rx(r"</[a-zA-Z]*:[a-zA-Z]*>"), "nt"),
        Rule(rx(r"<%[!=]?"), "nt", "jsp_expression2"),
        Rule(rx(r"(?:.+?)(?=(?:<%|</?[a-zA-Z]*:))", re.S), action=_HTML),
        Rule(rx(r".+", re.S), action=_HTML),
    ],
    "jsp_comment": [
        Rule(rx(r"--%>"), "c", "#pop"),
        Rule(rx(r".", re.S), "c"),
    ],
    "jsp_directive": [
        Rule(rx(r"%>"), "nt", "#pop"),
        Mixin("attributes"),
        Rule(rx(r"(?:.+?)(?=%>)", re.S), action=_HTML),
    ],
    "jsp_directive2": [
        Rule(rx(r"/>"), "nt", "#pop"),
        Mixin("attributes"),
        Rule(rx(r"(?:.+?)(?=/>)", re.S), action=_HTML),
    ],
    "jsp_expression": [
        Rule(rx(rf"</jsp:(?:{_ACTIONS})>"), "nt", "#pop"),
        Mixin("attributes"),
        Rule(rx(r"[^</]+"), action=_JAVA),
    ],
    "jsp_expression2": [
        Rule(rx(r"%>"), "nt", "#pop"),
        Rule(rx(r"[^%>]+"), action=_JAVA),
    ],
    "jsp_tag": [
        Rule(rx(r"/?>"), "nt", "#pop"),
        Mixin("attributes"),
        Rule(rx(r"(?:.+?)(?=/?>)", re.S), action=_HTML),
    ],
    "attributes": [Rule(rx(r"\s*[a-zA-Z0-9_:-]+\s*=\s*", re.S), "na", "attr")],
    "attr": [
        Rule(rx(r'"'), action=then("s", goto="double_quotes")),
        Rule(rx(r"'"), action=then("s", goto="single_quotes")),
        Rule(rx(r"[^\s>]+"), "s", "#pop"),
    ],
    "double_quotes": [
        Rule(rx(r'"'), "s", "#pop"),
        Rule(rx(r"\$\{"), "si", "jsp_interp"),
        Rule(rx(r'[^"]+'), "s"),
    ],
    "single_quotes": [
        Rule(rx(r"'"), "s", "#pop"),
        Rule(rx(r"\$\{"), "si", "jsp_interp"),
        Rule(rx(r"[^']+"), "s"),
    ],
    "jsp_interp": [
        Rule(rx(r"\}"), "si", "#pop"),
        Rule(rx(r"'"), "l", "jsp_interp_literal_start"),
        Rule(rx(r"[^'}]+"), action=_JAVA),
    ],
    "jsp_interp_literal_start": [
        Rule(rx(r"'"), "l", "#pop"),
        Rule(rx(r"[^']+"), "l"),
    ],
})

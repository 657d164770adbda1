"""Handlebars and Mustache templates as Rouge 3.30's Handlebars lexer tokenises them: the
text between ``{{...}}`` tags goes to one HTML lexer whose state carries over (left in an
unquoted attribute value, it is taken out of it, as Rouge does), the tags are lexed here."""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, RegexLexer, Rule, delegate, feed_embedded, rx, then
from . import html

_ID = r"[\w$-]+"


def _html_text(run: LexRun, m: re.Match[str]) -> None:
    feed_embedded(run, "html", html.LEXER, m.group())
    inner = run.vars["html"]
    if inner.stack and inner.stack[-1] == "attr":  # an unquoted attribute value ended
        inner.pop()


LEXER = RegexLexer({
    "root": [
        Rule(rx(r"\\\{+"), action=delegate("html", html.LEXER)),
        Rule(rx(r"\{\{!--"), "c", "comment"),
        Rule(rx(r"\{\{!.*?\}\}"), "c"),
        Rule(rx(r"\{\{\{?"), action=then("k", push=("stache", "open_sym"))),
        Rule(rx(r"(.+?)(?=\\|\{\{)", re.S), action=_html_text),
        Rule(rx(r".+", re.S), action=delegate("html", html.LEXER)),
    ],
    "comment": [
        Rule(rx(r"\{\{"), "c", "#push"),
        Rule(rx(r"\}\}"), "c", "#pop"),
        Rule(rx(r"[^{}]+", re.S), "c"),
        Rule(rx(r"[{}]"), "c"),
    ],
    "stache": [
        Rule(rx(r"\}\}\}?"), "k", "#pop"),
        Rule(rx(r"\|"), "p"),
        Rule(rx(r"~"), "k"),
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"[=]"), "o"),
        Rule(rx(r"[\[\]]"), "p"),
        Rule(rx(r"[()]"), "p"),
        Rule(rx(r"[.](?=[}\s])"), "nv"),
        Rule(rx(r"[.][.]"), "nv"),
        Rule(rx(r"[/.]"), "p"),
        Rule(rx(r'"(\\.|.)*?"'), "s2"),
        Rule(rx(r"'(\\.|.)*?'"), "s1"),
        Rule(rx(r"\d+(?=}\s)"), "m"),
        Rule(rx(r"(true|false)(?=[}\s])"), "kc"),
        Rule(rx(r"else(?=[}\s])"), "k"),
        Rule(rx(r"this(?=[}\s])"), "bp"),
        Rule(rx(rf"@{_ID}"), "na"),
        Rule(rx(_ID), "nv"),
    ],
    "open_sym": [
        Rule(rx(r"[#/]"), action=then("k", goto="block_name")),
        Rule(rx(r"[>^&~]"), "k"),
        Rule(rx(r""), None, "#pop"),
    ],
    "block_name": [
        Rule(rx(r"if(?=[}\s])"), "k"),
        Rule(rx(_ID), "nn", "#pop"),
        Rule(rx(r""), None, "#pop"),
    ],
})

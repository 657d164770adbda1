"""An email message as Rouge 3.30's Email lexer tokenises it: header names (tags) and values
(attributes, continued on lines starting with a blank) up to the first empty line, then the
body as text with ``>`` quoted lines as comments."""

from __future__ import annotations

from ..regex_lexer import RegexLexer, Rule, rx, then

LEXER = RegexLexer({
    "fields": [
        Rule(rx(r"[:]"), "o", "field_body"),
        Rule(rx(r"[^\n\r:]+"), "nt"),
        Rule(rx(r"[\n\r]"), "nt"),
    ],
    "field_body": [
        Rule(rx(r"(?:\r?\n){2}"), action=then("", pop=2)),
        Rule(rx(r"\r?\n(?![ \v\t\f])"), "", "#pop"),
        Rule(rx(r"[^\n\r]+"), "na"),
        Rule(rx(r"[\n\r]"), "na"),
    ],
    "root": [
        Rule(rx(r"\n"), ""),
        Rule(rx(r"^>.*"), "c"),
        Rule(rx(r".+"), ""),
    ],
}, start=("root", "fields"))

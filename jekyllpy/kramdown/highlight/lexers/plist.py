"""Property lists (the OpenStep text format) as Rouge 3.30's plist lexer tokenises them."""

from __future__ import annotations

import re

from ..regex_lexer import Mixin, RegexLexer, Rule, rx

LEXER = RegexLexer({
    "whitespace": [Rule(rx(r"\s+"), "w")],
    "root": [
        Rule(rx(r"//.*$"), "c"),
        Rule(rx(r"/\*.+?\*/", re.S), "c"),
        Mixin("whitespace"),
        Rule(rx(r"\{"), "p", "dictionary"),
        Rule(rx(r"\("), "p", "array"),
        Rule(rx(r'"([^"\\]|\\.)*"'), "s2"),
        Rule(rx(r"'([^'\\]|\\.)*'"), "s1"),
        Rule(rx(r"<"), "p", "data"),
        Rule(rx(r"[\w$/:.-]+"), "l"),
    ],
    "dictionary": [
        Mixin("root"),
        Rule(rx(r"[=;]"), "p"),
        Rule(rx(r"\}"), "p", "#pop"),
    ],
    "array": [
        Mixin("root"),
        Rule(rx(r"[,]"), "p"),
        Rule(rx(r"\)"), "p", "#pop"),
    ],
    "data": [
        Rule(rx(r"[0-9a-fA-F\s]+"), "mh"),
        Rule(rx(r">"), "p", "#pop"),
    ],
})

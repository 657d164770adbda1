"""Java ``.properties`` files as Rouge 3.30's Properties lexer tokenises them."""

from __future__ import annotations

import re

from ..regex_lexer import Mixin, RegexLexer, Rule, rx

LEXER = RegexLexer({
    "basic": [
        Rule(rx(r"[!#].*?\n"), "c"),
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"\\\n"), "se"),
    ],
    "root": [
        Mixin("basic"),
        Rule(rx(r"([\w.-]+)(\s*)([=:])"), ("py", "", "p"), "value"),
    ],
    "value": [
        Rule(rx(r"\n"), "", "#pop"),
        Mixin("basic"),
        Rule(rx(r'"'), "s", "dq"),
        Rule(rx(r"'.*?'"), "s"),
        Mixin("esc_str"),
        Rule(rx(r"[^\\\n]+"), "s"),
    ],
    "dq": [
        Rule(rx(r'"'), "s", "#pop"),
        Mixin("esc_str"),
        Rule(rx(r'[^\\"]+', re.S), "s"),
    ],
    "esc_str": [
        Rule(rx(r"\\u[0-9]{4}"), "se"),
        Rule(rx(r"\\.", re.S), "se"),
    ],
})

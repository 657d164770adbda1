"""Elm as Rouge 3.30's Elm lexer tokenises it (nested block comments, triple-quoted
strings, custom infix operator characters)."""

from __future__ import annotations

import re

from ..regex_lexer import RegexLexer, Rule, rx

_KEYWORDS = "module exposing port import as type alias if then else case of let in".split()

LEXER = RegexLexer({
    "root": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"--.*"), "c1"),
        Rule(rx(r"\{-"), "cm", "multiline_comment"),
        Rule(rx(rf"\b({'|'.join(_KEYWORDS)})\b"), "k"),
        Rule(rx(r"[a-z]\w*"), "n"),
        Rule(rx(r"_"), "n"),
        Rule(rx(r"[A-Z]\w*"), "kt"),
        Rule(rx(r"(->|::|//|\.\.|&&|\|\||\+\+|\|>|<\||>>|<<|==|/=|<=|>=)"), "o"),
        Rule(rx(r"[+-/*%=<>^|!]"), "o"),
        Rule(rx(r"\\"), "o"),
        Rule(rx(r"[@#$&~?]"), "o"),
        Rule(rx(r'"""'), "s", "multiline_string"),
        Rule(rx(r"'(\\.|.)'"), "sc"),
        Rule(rx(r'"'), "s", "double_quote"),
        Rule(rx(r"0x[\da-f]+", re.I), "mh"),
        Rule(rx(r"\d+e[+-]?\d+", re.I), "mf"),
        Rule(rx(r"\d+\.\d+(e[+-]?\d+)?", re.I), "mf"),
        Rule(rx(r"\d+"), "mi"),
        Rule(rx(r"[\[\](),;`{}:]"), "p"),
    ],
    "multiline_comment": [
        Rule(rx(r"-\}"), "cm", "#pop"),
        Rule(rx(r"\{-"), "cm", "multiline_comment"),
        Rule(rx(r"[^-{}]+"), "cm"),
        Rule(rx(r"[-{}]"), "cm"),
    ],
    "double_quote": [
        Rule(rx(r'[^\\"]+'), "s2"),
        Rule(rx(r'\\"'), "se"),
        Rule(rx(r'"'), "s2", "#pop"),
    ],
    "multiline_string": [
        Rule(rx(r'\\"'), "se"),
        Rule(rx(r'"""'), "s", "#pop"),
        Rule(rx(r'[^"]+'), "s"),
        Rule(rx(r'"'), "s"),
    ],
})

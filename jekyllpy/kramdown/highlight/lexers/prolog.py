"""Prolog as Rouge 3.30's Prolog lexer tokenises it (atoms start with a Unicode lowercase
letter, Onigmo's ``[[:lower:]]``; ``is``, ``mod``, ``div`` and ``not`` are operators wherever
they start, as in Rouge; inside a block comment only runs starting with ``*`` are matched)."""

from __future__ import annotations

from ...parser import unicode_classes as U
from .. import unicode_props as P
from ..regex_lexer import Mixin, RegexLexer, Rule, rx

LEXER = RegexLexer({
    "bol": [
        Rule(rx(r"#.*"), "c1"),
        Rule(rx(r""), None, "#pop"),
    ],
    "basic": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"%.*"), "c1"),
        Rule(rx(r"/\*"), "cm", "nested_comment"),
        Rule(rx(r"[\[\](){}|.,;!]"), "p"),
        Rule(rx(r":-|-->"), "p"),
        Rule(rx(r'"[^"]*"'), "s2"),
        Rule(rx(r"\d+\.\d+"), "mf"),
        Rule(rx(r"\d+"), "m"),
    ],
    "atoms": [
        Rule(rx(f"[{P.LOWER}]([{U.WORD}])*"), "ss"),
        Rule(rx(r"'[^']*'"), "ss"),
    ],
    "operators": [
        Rule(rx(r"(<|>|=<|>=|==|=:=|=|/|//|\*|\+|-)(?=\s|[a-zA-Z0-9\[])"), "o"),
        Rule(rx(r"is"), "o"),
        Rule(rx(r"(mod|div|not)"), "o"),
        Rule(rx(r"[#&*+-./:<=>?@^~]+"), "o"),
    ],
    "variables": [
        Rule(rx(r"[A-Z]+\w*"), "nv"),
        Rule(rx(f"_[{U.WORD}]*"), "nv"),
    ],
    "root": [
        Mixin("basic"),
        Mixin("atoms"),
        Mixin("variables"),
        Mixin("operators"),
    ],
    "nested_comment": [
        Rule(rx(r"/\*"), "cm", "#push"),
        Rule(rx(r"\s*\*[^*/]+"), "cm"),
        Rule(rx(r"\*/"), "cm", "#pop"),
    ],
}, start=("root", "bol"))

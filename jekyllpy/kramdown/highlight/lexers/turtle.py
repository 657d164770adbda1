"""Turtle and TriG (RDF) as Rouge 3.30's Turtle lexer tokenises them.  Rouge's decimal
pattern takes a single digit after the point lazily, so ``1.25`` is a float ``1.2`` then an
integer ``5``; kept.  Its case-insensitive ``base``/``prefix`` take U+017F for the ``s`` as
Ruby's /i does."""

from __future__ import annotations

import re

from .. import unicode_props as P
from ..regex_lexer import RegexLexer, Rule, ruby_ci, rx

_END = f"(?![{P.BOUNDARY_WORD}])"  # Ruby's \b after a word character (unicode_props)
_NAME_CHARS = r"[^:;<>#@\"().\[\]{} ]"

LEXER = RegexLexer({
    "root": [
        Rule(rx(f"@base{_END}"), "kd"),
        Rule(rx(f"@prefix{_END}"), "kd"),
        Rule(rx(f"true{_END}"), "kc"),
        Rule(rx(f"false{_END}"), "kc"),
        Rule(rx(r'""".*?"""', re.S), "s"),
        Rule(rx(r'"(?:[^"\\]|\\.)*"'), "s"),
        Rule(rx(r"'''.*?'''", re.S), "s"),
        Rule(rx(r"'(?:[^'\\]|\\.)*'"), "s"),
        Rule(rx(r"#.*$"), "c1"),
        Rule(rx(r"@[^\s,.;]+"), "na"),
        Rule(rx(r"[+-]?[0-9]+\.[0-9]*E[+-]?[0-9]+"), "mf"),
        Rule(rx(r"[+-]?\.[0-9]+E[+-]?[0-9]+"), "mf"),
        Rule(rx(r"[+-]?[0-9]+E[+-]?[0-9]+"), "mf"),
        Rule(rx(r"[+-]?[0-9]*\.[0-9]+?"), "mf"),
        Rule(rx(r"[+-]?[0-9]+"), "mi"),
        Rule(rx(r"[.,;(){}\[\]]|\^\^"), "p"),
        Rule(rx(r"<[^>]*>"), "nl"),
        Rule(rx(ruby_ci("base") + _END), "kd"),
        Rule(rx(ruby_ci("prefix") + _END), "kd"),
        Rule(rx(f"GRAPH{_END}"), "k"),
        Rule(rx(f"a{_END}"), "k"),
        Rule(rx(r"\s+"), "w"),
        Rule(rx(f"{_NAME_CHARS}*:"), "nn"),
        Rule(rx(f"{_NAME_CHARS}+"), "n"),
    ],
})

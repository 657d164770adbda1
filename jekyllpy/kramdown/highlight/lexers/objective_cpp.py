"""Objective-C++ as Rouge 3.30's Objective-C++ lexer tokenises it: Objective-C's rules on
C++'s states, and ``.class`` / ``@selector(class)`` read as the pseudo-name ``class``."""

from __future__ import annotations

from ..regex_lexer import RegexLexer, Rule, rx
from . import objective_c

_STATES = objective_c.make_states(True, lambda: LEXER)
_STATES["statements"] = [
    Rule(rx(r"(\.)(class)"), ("o", "bp")),
    Rule(rx(r"(@selector)(\()(class)(\))"), ("k", "p", "bp", "p")),
    *_STATES["statements"],
]

LEXER: RegexLexer = RegexLexer(_STATES, start=("root", "bol"))

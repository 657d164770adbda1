"""Rego (Open Policy Agent) as Rouge 3.30's Rego lexer tokenises it: words (Onigmo's
``[[:word:]]``, from kramdown's ``unicode_classes``) are constants, operator words or names."""

from __future__ import annotations

import re

from ...parser import unicode_classes as U
from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, rx

_CONSTANTS = frozenset(("true", "false", "null"))
_OPERATOR_WORDS = frozenset(("as", "default", "else", "import", "not", "package", "some",
                             "with"))


def _word(run: LexRun, m: re.Match[str]) -> None:
    word = m.group()
    run.token("kc" if word in _CONSTANTS else "ow" if word in _OPERATOR_WORDS else "n", word)


LEXER = RegexLexer({
    "basic": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"#.*"), "c1"),
        Rule(rx(r"[\[\](){}|.,;!]"), "p"),
        Rule(rx(r'"[^"]*"'), "s2"),
        Rule(rx(r"-?\d+\.\d+(?:[eE][+-]?\d+)?"), "mf"),
        Rule(rx(r"-?\d+(?:[eE][+-]?\d+)?"), "m"),
        Rule(rx(r"\\u[0-9a-fA-F]{4}"), "mh"),
        Rule(rx(r"\\[\"/bfnrt]"), "se"),
    ],
    "operators": [
        Rule(rx(r"=|!=|>=|<=|>|<|\+|-|\*|%|/|\||&|:="), "o"),
        Rule(rx(r"[/:?@^~]+"), "o"),
    ],
    "root": [
        Mixin("basic"),
        Mixin("operators"),
        Rule(rx(f"[{U.WORD}]+"), action=_word),
    ],
})

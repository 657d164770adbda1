"""Lean (3) as Rouge 3.30's Lean lexer tokenises it (its keyword, type and operator lists
generated into the registry; the operators are regex alternatives, tried in Rouge's order):
``--`` comments with the blanks before them, strings with escapes, words (``#check`` too)
as keywords, types or names, anything else an error."""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, RegexLexer, Rule, rx
from ..rouge_registry import WORDS

_KEYWORDS = frozenset(WORDS["lean_keywords"])
_TYPES = frozenset(WORDS["lean_types"])


def _word(run: LexRun, m: re.Match[str]) -> None:
    word = m.group()
    run.token("k" if word in _KEYWORDS else "kt" if word in _TYPES else "n", word)


LEXER = RegexLexer({
    "root": [
        Rule(rx(r"\s*--+\s+.*?$"), "cd"),
        Rule(rx(r'"'), "s", "string"),
        Rule(rx(r"\d+"), "mi"),
        Rule(rx(r"#?\w+"), action=_word),
        Rule(rx("[\u03bb]"), "k"),
        Rule(rx(r"\:=?"), ""),
        Rule(rx(r"\.[0-9]*"), "o"),
        Rule(rx("|".join(WORDS["lean_operators"])), "o"),
        Rule(rx("[\\s(),\\[\\]\u03b1\u03b2\u2039\u203a]+"), ""),
        Rule(rx(r"."), "err"),
    ],
    "string": [
        Rule(rx(r'"'), "s", "#pop"),
        Rule(rx(r"\\"), "se", "escape"),
        Rule(rx(r'[^\\"]+'), "s"),
    ],
    "escape": [
        Rule(rx(r"[nrt\"'\\]"), "se", "#pop"),
        Rule(rx(r"[xX][0-9a-fA-F]+"), "se", "#pop"),
    ],
})

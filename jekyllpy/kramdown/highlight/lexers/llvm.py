"""LLVM IR as Rouge 3.30's LLVM lexer tokenises it (its keyword, instruction and type names
generated into the registry): labels, ``@global``/``%local``/``!meta`` names, strings and
numbers first; then ``iN`` types, and a word in none of the lists is an error.  A lone
``x`` is punctuation (as in ``<4 x i32>``), and Rouge tries that before words, so a word
starting with ``x`` is split after its first letter; kept."""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, rx
from ..rouge_registry import WORDS

_TYPES = frozenset(WORDS["llvm_types"])
_KEYWORDS = frozenset(WORDS["llvm_instructions"]) | frozenset(WORDS["llvm_keywords"])

_STRING = r'"[^"]*?"'
_IDENT = rf"(?:[-a-zA-Z$._][-a-zA-Z$._0-9]*|{_STRING})"


def _word(run: LexRun, m: re.Match[str]) -> None:
    word = m.group()
    run.token("kt" if word in _TYPES else "k" if word in _KEYWORDS else "err", word)


LEXER = RegexLexer({
    "basic": [
        Rule(rx(r";.*?$"), "c1"),
        Rule(rx(r"\s+"), ""),
        Rule(rx(rf"{_IDENT}\s*:"), "nl"),
        Rule(rx(rf"@(?:{_IDENT}|\d+)"), "vg"),
        Rule(rx(r"#\d+"), "vg"),
        Rule(rx(rf"[%!]{_IDENT}"), "nv"),
        Rule(rx(r"[%!]\d+"), "nv"),
        Rule(rx(f"c?{_STRING}"), "s"),
        Rule(rx(r"0[xX][a-fA-F0-9]+"), "m"),
        Rule(rx(r"-?\d+(?:[.]\d+)?(?:[eE][-+]?\d+(?:[.]\d+)?)?"), "m"),
        Rule(rx(r"[=<>{}\[\]()*.,!]|x"), "p"),
    ],
    "root": [
        Mixin("basic"),
        Rule(rx(r"i[1-9]\d*"), "kt"),
        Rule(rx(r"\w+"), action=_word),
    ],
})

"""SQL as Rouge 3.30's SQL lexer tokenises it: words are keywords or type names by Rouge's
(upper-cased) word lists, double quotes and backticks quote identifiers."""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, RegexLexer, Rule, rx
from ..rouge_registry import WORDS

KEYWORDS = frozenset(WORDS["sql_keywords"])
TYPES = frozenset(WORDS["sql_keywords_type"])


def _word(run: LexRun, m: re.Match[str]) -> None:
    upper = m.group().upper()
    run.token("nb" if upper in TYPES else "k" if upper in KEYWORDS else "n", m.group())


STATES = {
    "root": [
        Rule(rx(r"\s+", re.S), ""),
        Rule(rx(r"--.*"), "c1"),
        Rule(rx(r"/\*"), "cm", "multiline_comments"),
        Rule(rx(r"\d+"), "mi"),
        Rule(rx(r"'"), "s1", "single_string"),
        Rule(rx(r'"'), "nv", "double_string"),
        Rule(rx(r"`"), "nv", "backtick"),
        Rule(rx(r"\w[\w\d]*"), action=_word),
        Rule(rx(r"[+*/<>=~!@#%&|?^-]"), "o"),
        Rule(rx(r"[;:()\[\]\{\},.]"), "p"),
    ],
    "multiline_comments": [
        Rule(rx(r"/[*]"), "cm", "multiline_comments"),
        Rule(rx(r"[*]/"), "cm", "#pop"),
        Rule(rx(r"[^/*]+"), "cm"),
        Rule(rx(r"[/*]"), "cm"),
    ],
    "backtick": [
        Rule(rx(r"\\."), "se"),
        Rule(rx(r"``"), "se"),
        Rule(rx(r"`"), "nv", "#pop"),
        Rule(rx(r"[^\\`]+"), "nv"),
    ],
    "single_string": [
        Rule(rx(r"\\."), "se"),
        Rule(rx(r"''"), "se"),
        Rule(rx(r"'"), "s1", "#pop"),
        Rule(rx(r"[^\\']+"), "s1"),
    ],
    "double_string": [
        Rule(rx(r"\\."), "se"),
        Rule(rx(r'""'), "se"),
        Rule(rx(r'"'), "nv", "#pop"),
        Rule(rx(r'[^\\"]+'), "nv"),
    ],
}

LEXER = RegexLexer(STATES)

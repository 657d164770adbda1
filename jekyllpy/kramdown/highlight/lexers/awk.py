"""Awk as Rouge 3.30's Awk lexer tokenises it: a slash where an operand may start opens a
regex.  (Rouge's rule for a regex at a line's start begins with a lookbehind, which its
scanner, seeing nothing before the cursor, never satisfies; it is left out.)"""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, rx, then
from .javascript import REGEX_STATES

_KEYWORDS = frozenset("""if else while for do break continue return next nextfile delete exit
print printf getline""".split())
_CONSTANTS = frozenset("""CONVFMT FS NF NR FNR FILENAME RS OFS ORS OFMT SUBSEP ARGC ARGV
ENVIRON""".split())
_BUILTINS = frozenset("""exp log sqrt sin cos atan2 length rand srand int substr index match
split sub gsub sprintf system tolower toupper""".split())


def _name(run: LexRun, m: re.Match[str]) -> None:
    word = m.group()
    if word in _KEYWORDS:
        run.token("k", word)
        run.push("expr_start")
    elif word == "function":
        run.token("kd", word)
        run.push("expr_start")
    elif word in ("BEGIN", "END"):
        run.token("kr", word)
    elif word in _CONSTANTS:
        run.token("kc", word)
    elif word in _BUILTINS:
        run.token("nb", word)
    elif word.startswith("$"):
        run.token("nv", word)
    else:
        run.token("nx", word)


LEXER = RegexLexer({
    "comments_and_whitespace": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"#.*?$"), "c1"),
    ],
    "expr_start": [
        Mixin("comments_and_whitespace"),
        Rule(rx(r"/"), action=then("sr", goto="regex")),
        Rule(rx(r""), None, "#pop"),
    ],
    "regex_end": [Rule(rx(r""), None, "#pop")],
    **REGEX_STATES,
    "root": [
        Mixin("comments_and_whitespace"),
        Rule(rx(r"[-<>+*/%^!=]=?|in\b|\+\+|--|\|"), "o", "expr_start"),
        Rule(rx(r"&&|\|\||~!?"), "o", "expr_start"),
        Rule(rx(r"[(\[,]"), "p", "expr_start"),
        Rule(rx(r";"), "p", "statement"),
        Rule(rx(r"[)\].]"), "p"),
        Rule(rx(r"[?]"), action=then("p", push=("ternary", "expr_start"))),
        Rule(rx(r"[{}]"), "p", "statement"),
        Rule(rx(r"[$a-zA-Z_][a-zA-Z0-9_]*"), action=_name),
        Rule(rx(r"[0-9]+\.[0-9]+"), "mf"),
        Rule(rx(r"[0-9]+"), "mi"),
        Rule(rx(r'"(\\[\\"]|[^"])*"'), "s2"),
        Rule(rx(r":"), "p"),
    ],
    "statement": [
        Rule(rx(r"[{}]"), "p"),
        Mixin("expr_start"),
    ],
    "ternary": [
        Rule(rx(r":"), action=then("p", goto="expr_start")),
        Mixin("root"),
    ],
})

"""Unified diffs and patches as Rouge 3.30's diff lexer tokenises them: whole lines,
classified by their first character."""

from __future__ import annotations

from ..regex_lexer import RegexLexer, Rule, rx

STATES = {
    "root": [
        Rule(rx(r"^ .*$\n?"), ""),
        Rule(rx(r"^---$\n?"), "p"),
        Rule(rx(r"^[+>]+.*$\n?"), "gi"),
        Rule(rx(r"^\+.*$\n?"), "gi"),
        Rule(rx(r"^[-<]+.*$\n?"), "gd"),
        Rule(rx(r"^!.*$\n?"), "gs"),
        Rule(rx(r"^([Ii]ndex|diff).*$\n?"), "gh"),
        Rule(rx(r"^(@@[^@]*@@)([^\n]*\n)"), ("p", "")),
        Rule(rx(r"^\w.*$\n?"), "p"),
        Rule(rx(r"^=.*$\n?"), "gh"),
        Rule(rx(r"\s.*$\n?"), ""),
    ],
}

LEXER = RegexLexer(STATES)

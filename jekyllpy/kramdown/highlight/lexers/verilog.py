"""Verilog and SystemVerilog as Rouge 3.30's Verilog lexer tokenises it (its keyword, type
and system-task names generated into the registry).

Rouge enters ``statement`` at the first non-blank text and never leaves it: each line break
there opens a ``bol`` state (a label, or a `` `define `` line) that closes at the line's first
other text.  Inside a
`` `define `` line only blanks, ``;``, ``=`` and words are known; anything else is an error
character, as in Rouge."""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, rx, then
from ..rouge_registry import WORDS

_KEYWORDS = frozenset(WORDS["verilog_keywords"])
_TYPES = frozenset(WORDS["verilog_keywords_type"])
_TASKS = frozenset(WORDS["verilog_keywords_system_task"])

_ID = r"[a-zA-Z_][a-zA-Z0-9_]*"


def _name(run: LexRun, m: re.Match[str]) -> None:
    name = m.group()
    css = ("k" if name in _KEYWORDS else "kt" if name in _TYPES
           else "nb" if name in _TASKS else "n")
    run.token(css, name)


LEXER = RegexLexer({
    "root": [
        Mixin("expr_whitespace"),
        Rule(rx(r""), action=then(push=("statement",))),
    ],
    "expr_bol": [
        Mixin("inline_whitespace"),
        Rule(rx(r"`define"), "cp", "macro"),
        Rule(rx(r""), action=then(pop=1)),
    ],
    "bol": [
        Rule(rx(rf"{_ID}:(?!:)"), "nl"),
        Mixin("expr_bol"),
    ],
    "inline_whitespace": [
        Rule(rx(r"[ \t\r]+"), ""),
        Rule(rx(r"\\\n"), ""),
        Rule(rx(r"/(?:\\\n)?[*].*?[*](?:\\\n)?/", re.S), "cm"),
    ],
    "whitespace": [
        Rule(rx(r"\n+"), "", "bol"),
        Rule(rx(r"//(?:\\.|.)*?$"), "c1", "bol"),
        Mixin("inline_whitespace"),
    ],
    "expr_whitespace": [
        Rule(rx(r"\n+"), "", "expr_bol"),
        Mixin("whitespace"),
    ],
    "string": [
        Rule(rx(r'"'), "s", "#pop"),
        Rule(rx(r"\\(?:[\\abfnrtv\"']|x[a-fA-F0-9]{2,4}|[0-7]{1,3})"), "se"),
        Rule(rx(r'[^\\"\n]+'), "s"),
        Rule(rx(r"\\\n"), "s"),
        Rule(rx(r"\\"), "s"),
    ],
    "statement": [
        Mixin("whitespace"),
        Rule(rx(r'L?"'), "s", "string"),
        Rule(rx(r"(?:[0-9_]+\.[0-9_]*|[0-9_]*\.[0-9_]+)(?:[eE][+-]?[0-9_]+)?"), "mf"),
        Rule(rx(r"[0-9_]+[eE][+-]?[0-9_]+"), "mf"),
        Rule(rx(r"[0-9]*'h[0-9a-fA-F_?]+"), "mh"),
        Rule(rx(r"[0-9]*'b?[01xz_?]+"), "mb"),
        Rule(rx(r"[0-9]*'d[0-9_?]+"), "mi"),
        Rule(rx(r"[0-9_]+[lLuU]*"), "mi"),
        Rule(rx(r"[-~!%^&*+=|?:<>/@{}]"), "o"),
        Rule(rx(r"[()\[\],.$#;]"), "p"),
        Rule(rx(r"`\w+"), "cp"),
        Rule(rx(_ID), action=_name),
    ],
    "macro": [
        Rule(rx(r"\n"), "cp", "#pop"),
        Mixin("inline_whitespace"),
        Rule(rx(r";"), "p"),
        Rule(rx(r"="), "o"),
        Rule(rx(r"\w+"), ""),
    ],
})

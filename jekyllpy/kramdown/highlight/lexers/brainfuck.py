"""Brainfuck as Rouge 3.30's Brainfuck lexer tokenises it: pointer moves are builtins, the
other commands functions, any other text a comment; brackets open loops, except that a
bracket the text starts with (after blanks) opens a comment up to its matching bracket, and
a closing bracket with no loop open is an error."""

from __future__ import annotations

from ..regex_lexer import Mixin, RegexLexer, Rule, rx, then

LEXER = RegexLexer({
    "bol": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"\["), "cm", "comment_multi"),
        Rule(rx(r""), action=then(pop=1)),
    ],
    "root": [
        Rule(rx(r"\]"), "err"),
        Rule(rx(r"\["), "p", "loop"),
        Mixin("comment_single"),
        Mixin("commands"),
    ],
    "comment_multi": [
        Rule(rx(r"\["), "cm", "comment_multi"),
        Rule(rx(r"\]"), "cm", "#pop"),
        Rule(rx(r"[^\[\]]+"), "cm"),
    ],
    "comment_single": [Rule(rx(r"[^><+\-.,\[\]]+"), "c1")],
    "loop": [
        Rule(rx(r"\["), "p", "loop"),
        Rule(rx(r"\]"), "p", "#pop"),
        Mixin("comment_single"),
        Mixin("commands"),
    ],
    "commands": [
        Rule(rx(r"[><]+"), "nb"),
        Rule(rx(r"[+\-.,]+"), "nf"),
    ],
}, start=("root", "bol"))

"""MATLAB as Rouge 3.30's MATLAB lexer tokenises it (builtin function names generated into
the registry; a ``!`` line's command lexed as shell; a quote opens a string only when another
follows on the line, else it is the transpose operator)."""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, RegexLexer, Rule, rx
from ..rouge_registry import WORDS
from . import shell

_KEYWORDS = frozenset("""arguments break case catch classdef continue else elseif end for
function global if import methods otherwise parfor persistent properties return spmd switch
try while""".split())
_BUILTINS = frozenset(WORDS["matlab_builtins"])


def _word(run: LexRun, m: re.Match[str]) -> None:
    word = m.group()
    run.token("k" if word in _KEYWORDS else "nb" if word in _BUILTINS else "n", word)


def _shell_escape(run: LexRun, m: re.Match[str]) -> None:
    run.token("k", m.group(1))
    run.tokens.extend(shell.LEXER.lex(m.group(2)))


LEXER = RegexLexer({
    "root": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"[{]%.*?%[}]", re.S), "cm"),
        Rule(rx(r"%.*$"), "c1"),
        Rule(rx(r"([.][.][.])(.*?)$"), ("k", "c")),
        Rule(rx(r"^(!)(.*?)(?=%|$)"), action=_shell_escape),
        Rule(rx(r"[a-zA-Z][_a-zA-Z0-9]*"), action=_word),
        Rule(rx(r"[(){};:,/\\\]\[]"), "p"),
        Rule(rx(r"~=|==|<<|>>|[-~+/*%=<>&^|.@]"), "o"),
        Rule(rx(r"(\d+\.\d*|\d*\.\d+)(e[+-]?[0-9]+)?", re.I), "mf"),
        Rule(rx(r"\d+e[+-]?[0-9]+", re.I), "mf"),
        Rule(rx(r"\d+L"), "il"),
        Rule(rx(r"\d+"), "mi"),
        Rule(rx(r"'(?=(.*'))"), "s1", "chararray"),
        Rule(rx(r'"(?=(.*"))'), "s2", "string"),
        Rule(rx(r"'"), "o"),
    ],
    "chararray": [
        Rule(rx(r"[^']+"), "s1"),
        Rule(rx(r"''"), "se"),
        Rule(rx(r"'"), "s1", "#pop"),
    ],
    "string": [
        Rule(rx(r'[^"]+'), "s2"),
        Rule(rx(r'""'), "se"),
        Rule(rx(r'"'), "s2", "#pop"),
    ],
})

"""Wolfram Language (Mathematica) as Rouge 3.30's Mathematica lexer tokenises it (its
built-in symbol names generated into the registry): numbers in bases and with precision,
accuracy and ``*^`` exponents; ``sym::msg`` messages; ``In[n]:=`` prompts; symbols with
contexts and named characters (``\\[Alpha]``); slots; nested ``(* *)`` comments with
``::Section::`` and `` :Author: `` markup.  Rouge's comment state has no rule for a line
break (its ``.`` stops at one), so each line break inside a comment is an error token;
kept."""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, RegexLexer, Rule, rx
from ..rouge_registry import WORDS

_PSEUDO = frozenset(("Module", "With", "Block"))
_BUILTINS = frozenset(WORDS["mathematica_builtins"])

_NUMBER = r"(?:\.\d+|\d+\.\d*|\d+)"
_BASE_DIGITS = r"(?:\.\w+|\w+\.\w*|\w+)"
_PRECISION = rf"(?:`(?:`?{_NUMBER})?)"
_EXPONENT = r"(?:\*\^[+-]?\d+)"
_STRING = r'"(?:\\\\|\\"|[^"])*"'
_IDENT = r"[a-zA-Z$][$a-zA-Z0-9]*"
_SYMBOL = rf"(?:{_IDENT}|\\\[{_IDENT}\])+"


def _symbol(run: LexRun, m: re.Match[str]) -> None:
    name = m.group()
    run.token("bp" if name in _PSEUDO else "nb" if name in _BUILTINS else "nv", name)


LEXER = RegexLexer({
    "root": [
        Rule(rx(r"\s+"), "w"),
        Rule(rx(r"\(\*"), "c", "comment"),
        Rule(rx(rf"\d+\^\^{_BASE_DIGITS}{_PRECISION}?{_EXPONENT}?"), "m"),
        Rule(rx(f"{_NUMBER}{_PRECISION}?{_EXPONENT}?"), "m"),
        Rule(rx(f"::(?:{_IDENT}|{_STRING})"), "nt"),
        Rule(rx(r"(?:In|Out)\[[0-9]+\]:?="), "gp"),
        Rule(rx(f"`?{_SYMBOL}(?:`{_SYMBOL})*`?"), action=_symbol),
        Rule(rx(rf'#(?:{_IDENT}|"{_IDENT}")|#[0-9]*'), "nf"),
        Rule(rx(r"[+\-*/|,;.:@~=><&`'^?!_%]"), "o"),
        Rule(rx(r"[\[\](){}]"), "p"),
        Rule(rx(_STRING), "s"),
    ],
    "comment": [
        Rule(rx(r"\(\*"), "c", "comment"),
        Rule(rx(r"\*\)"), "c", "#pop"),
        Rule(rx(f"::{_IDENT}::"), "cp"),
        Rule(rx(rf"[ ]:(?:{_IDENT}|[^\S])+:[ ]"), "cp"),
        Rule(rx(r"."), "c"),
    ],
})

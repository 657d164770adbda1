"""R as Rouge 3.30's R lexer tokenises it.  The primitive functions of ``base`` are names of
functions only right before ``(``; their dots are any character, as in Rouge's pattern."""

from __future__ import annotations

import re

from ...parser import unicode_classes as U
from ..regex_lexer import LexRun, RegexLexer, Rule, rx

_KEYWORDS = frozenset("if else for while repeat in next break function".split())
_KEYWORD_CONSTANTS = frozenset(
    "NULL Inf TRUE FALSE NaN NA NA_integer_ NA_real_ NA_complex_ NA_character_".split())
_BUILTIN_CONSTANTS = frozenset("LETTERS letters month.abb month.name pi T F".split())
_PRIMITIVES = """
abs acos acosh all any anyNA Arg as.call as.character as.complex as.double as.environment
as.integer as.logical as.null.default as.numeric as.raw asin asinh atan atanh attr attributes
baseenv browser c call ceiling class Conj cos cosh cospi cummax cummin cumprod cumsum digamma
dim dimnames emptyenv exp expression floor forceAndCall gamma gc.time globalenv Im interactive
invisible is.array is.atomic is.call is.character is.complex is.double is.environment
is.expression is.finite is.function is.infinite is.integer is.language is.list is.logical
is.matrix is.na is.name is.nan is.null is.numeric is.object is.pairlist is.raw is.recursive
is.single is.symbol lazyLoadDBfetch length lgamma list log max min missing Mod names nargs
nzchar oldClass on.exit pos.to.env proc.time prod quote range Re rep retracemem return round
seq_along seq_len seq.int sign signif sin sinh sinpi sqrt standardGeneric substitute sum
switch tan tanh tanpi tracemem trigamma trunc unclass untracemem UseMethod xtfrm
""".split()


def _name(run: LexRun, m: re.Match[str]) -> None:
    word = m.group()
    if word in _KEYWORDS:
        css = "k"
    elif word in _KEYWORD_CONSTANTS:
        css = "kc"
    elif word in _BUILTIN_CONSTANTS:
        css = "nb"
    else:
        css = "n"
    run.token(css, word)


LEXER = RegexLexer({
    "root": [
        Rule(rx(r"#'.*?$"), "cd"),
        Rule(rx(r"#.*?$"), "c1"),
        Rule(rx(r"\s+"), "w"),
        Rule(rx(r"`[^`]+?`"), "n"),
        Rule(rx(r"'(\\.|.)*?'", re.S), "s1"),
        Rule(rx(r'"(\\.|.)*?"', re.S), "s2"),
        Rule(rx(r"%[^%]*?%"), "o"),
        Rule(rx(r"0[xX][a-fA-F0-9]+([pP][0-9]+)?[Li]?"), "mh"),
        Rule(rx(r"[+-]?(\d+([.]\d+)?|[.]\d+)([eE][+-]?\d+)?[Li]?"), "m"),
        # Rouge's pattern also has a negative lookbehind, which its scanner never fails.
        Rule(rx(rf"\b({'|'.join(_PRIMITIVES)})(?=\()"), "nf"),
        Rule(rx(rf"(?:(?:[{U.ALPHA}]|[.][._{U.ALPHA}])[._{U.ALNUM}]*)|[.]"), action=_name),
        Rule(rx(r"[\[\]{}();,]"), "p"),
        Rule(rx(r"[-<>?*+^/!=~$@:%&|]"), "o"),
    ],
})

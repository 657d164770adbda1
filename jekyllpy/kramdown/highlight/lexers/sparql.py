"""SPARQL as Rouge 3.30's SPARQL lexer tokenises it: variables, prefixed names, IRIs, and
words classed by Rouge's lists in upper case (builtins, keywords; any other word is an
error); strings are followed by an optional ``@lang`` tag or ``^^`` type marker.

Onigmo's ``[[:word:]]`` (letters, marks, decimal digits, connector punctuation) comes from
kramdown's ``unicode_classes``, the characters Ruby's ``\\b`` counts as word characters from
``unicode_props``; Ruby's /i letter class also takes U+017F and U+212A, which fold into
``s`` and ``k``."""

from __future__ import annotations

import re

from ...parser import unicode_classes as U
from .. import unicode_props as P
from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, ruby_ci, rx, then
from ..rouge_registry import WORDS

#: Rouge compares the upper-cased word with these (so isBLANK, isIRI, ... never match)
_BUILTINS = frozenset(WORDS["sparql_builtins"])
_KEYWORDS = frozenset(WORDS["sparql_keywords"])

_W = f"[{U.WORD}]"
_W_DASH = f"[{U.WORD}-]"
_END = f"(?![{P.BOUNDARY_WORD}])"  # Ruby's \b after a word character


def _word(run: LexRun, m: re.Match[str]) -> None:
    word = m.group().upper()
    run.token("nb" if word in _BUILTINS else "k" if word in _KEYWORDS else "err", m.group())


def _closing(css: str, quote: str) -> Rule:
    return Rule(rx(quote), action=then(css, goto="string_end"))


def _body(css: str, quote: str) -> list[Rule | Mixin]:
    return [
        Mixin("string_escapes"),
        Rule(rx(r"\\"), css),
        Rule(rx(f"[^{quote}\\\\]+"), css),
    ]


LEXER = RegexLexer({
    "root": [
        Rule(rx(r"\s+"), "w"),
        Rule(rx(r"#.*"), "c1"),
        Rule(rx(r'"""'), "s2", "string_double_literal"),
        Rule(rx(r'"'), "s2", "string_double"),
        Rule(rx(r"'''"), "s1", "string_single_literal"),
        Rule(rx(r"'"), "s1", "string_single"),
        Rule(rx(f"[$?]{_W}+"), "nv"),
        Rule(rx(f"({_W_DASH}*)(:)({_W_DASH}+)?"), ("nn", "o", "ss")),
        Rule(rx(r"<[^>]*>"), "nn"),
        Rule(rx(ruby_ci("true|false")), "kc"),
        Rule(rx(f"a{_END}"), "k"),
        Rule(rx(f"[A-Za-z\u017f\u212a]{_W}+{_END}"), action=_word),
        Rule(rx(r"[+\-]?(?:\d+\.\d*|\.\d+)(?:[eE][+\-]?[0-9]+)?"), "mf"),
        Rule(rx(r"[+\-]?\d+"), "mi"),
        Rule(rx(r"[\]\[(){}.,;=]"), "p"),
        Rule(rx(r"[/?*+=!<>]|&&|\|\||\^\^"), "o"),
    ],
    "string_double": [_closing("s2", '"'), *_body("s2", '"')],
    "string_double_literal": [_closing("s2", '"""'), Rule(rx(r'"'), "s2"), *_body("s2", '"')],
    "string_single": [_closing("s1", "'"), *_body("s1", "'")],
    "string_single_literal": [_closing("s1", "'''"), Rule(rx(r"'"), "s1"), *_body("s1", "'")],
    "string_escapes": [
        Rule(rx(r"\\[tbnrf\"'\\]"), "se"),
        Rule(rx(r"\\u[0-9a-fA-F]{4}"), "se"),
        Rule(rx(r"\\U[0-9a-fA-F]{8}"), "se"),
    ],
    "string_end": [
        Rule(rx(r"(@)([a-zA-Z]+(?:-[a-zA-Z0-9]+)*)"), ("o", "py")),
        Rule(rx(r"\^\^"), "o"),
        Rule(rx(r""), action=then(pop=1)),
    ],
})

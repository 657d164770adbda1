"""Cython as Rouge 3.30's Cython lexer tokenises it: Python's states (with Cython's keywords
wherever Python's lexer looks names up, and f-string interpolation lexed as Cython), with
Cython's rules first in the root (``cdef``/``cpdef``/``ctypedef`` definitions, ``cimport``,
``struct``, calls, C types after ``(`` and ``,``) and the indented block after a
``cdef ...:`` line, whose indentation is remembered as in Rouge.

Ruby's /i letter class ``[a-z_]`` also takes U+017F and U+212A (its ``\\w`` does not)."""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, rx, then
from . import python

KEYWORDS = python.KEYWORDS | frozenset(("by", "except?", "fused", "gil", "nogil"))
_C_KEYWORDS = frozenset("public readonly extern api inline enum union".split())

_ID = "[a-zA-Z_\u017f\u212a]\\w*"
_DOTTED = "[a-zA-Z_.\u017f\u212a][\\w.]*"
_BLANKS = r"(?:\\\s|\s)+"


def _class_of(word: str, default: str) -> str:
    if word in KEYWORDS:
        return "k"
    if word in python.EXCEPTIONS or word in python.BUILTINS:
        return "nb"
    if word in python.PSEUDO:
        return "bp"
    return default


def _identifier(run: LexRun, m: re.Match[str]) -> None:
    run.token(_class_of(m.group(), "n"), m.group())


def _call(run: LexRun, m: re.Match[str]) -> None:
    run.token(_class_of(m.group(), "nf"), m.group())


def _recurse(run: LexRun, m: re.Match[str]) -> None:
    run.tokens.extend(LEXER.lex(m.group()))


def _c_type(run: LexRun, m: re.Match[str]) -> None:
    word = m.group()
    if word in KEYWORDS:
        run.token("k", word)
        run.pop()
    elif word == "def":
        run.token("k", word)
        run.goto("funcname")
    elif word in ("struct", "class"):
        run.token("kr", word)
        run.goto("classname")
    elif word in _C_KEYWORDS:
        run.token("kr", word)
    else:
        run.token("kt", word)
        run.pop()


def _indent(run: LexRun, m: re.Match[str]) -> None:
    run.token("", m.group())
    run.goto("c_start")
    indentation = run.vars.get("indentation")
    if indentation is None:
        run.vars["indentation"] = m.group()
    elif len(indentation) > len(m.group()):
        run.vars["indentation"] = None
        run.pop(2)  # c_start and c_definitions


def _dedent(run: LexRun, m: re.Match[str]) -> None:
    run.vars["indentation"] = None
    run.reset()


def _replace_actions(rules: list, old, new) -> list:
    return [Rule(r.pattern, r.token, r.next_state, new) if isinstance(r, Rule)
            and r.action is old else r for r in rules]


STATES = {name: list(rules) for name, rules in python.STATES.items()}
STATES["root"] = [
    Rule(rx(r"cp?def|ctypedef"), action=then("k", push=("c_definitions", "c_start"))),
    Rule(rx(rf"(from)({_BLANKS})({_DOTTED})({_BLANKS})(cimport)"), ("kn", "", "nn", "", "kn")),
    Rule(rx(rf"(cimport)(\s+)({_DOTTED})"), ("kn", "", "nn")),
    Rule(rx(rf"(struct)({_BLANKS})"), ("k", ""), "classname"),
    Mixin("func_call_fix"),
    Rule(rx(r"[(,]"), "p", "c_start"),
    *_replace_actions(STATES["root"], python._identifier, _identifier),
]
STATES["generic_interpol"] = _replace_actions(STATES["generic_interpol"], python._recurse,
                                              _recurse)
STATES["classname"] = [Rule(rx(_BLANKS), ""), *STATES["classname"]]
STATES["funcname"] = [Rule(rx(_BLANKS), ""), *STATES["funcname"]]
STATES.update({
    "func_call_fix": [Rule(rx(rf"{_ID}(?=\()"), action=_call)],
    "c_start": [
        Rule(rx(r"[^\S\n]+"), ""),
        Rule(rx(r"cp?def|ctypedef"), "k"),
        Rule(rx(r"(?:un)?signed"), "kt"),
        Rule(rx(rf"{_ID}(?=(?:\*+)|(?:[ \t]*\[)|(?:[ \t]+\w))"), action=_c_type),
        Rule(rx(r""), None, "#pop"),
    ],
    "c_definitions": [
        Rule(rx(r"\n"), "", "c_indent"),
        Mixin("root"),
    ],
    "c_indent": [
        Rule(rx(r"[ \t]+"), action=_indent),
        Rule(rx(r""), action=_dedent),
    ],
})

LEXER: RegexLexer = RegexLexer(STATES)

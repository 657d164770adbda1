"""Hy as Rouge 3.30's HyLang lexer tokenises it: the name after an opening parenthesis is a
keyword, a builtin or a function, other names keywords, builtins or plain names (Rouge's
lists, checked equal to its own); ``'symbols``, ``:keywords`` and ``\\c`` characters."""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, RegexLexer, Rule, rx

_KEYWORDS = frozenset("""False None True and as assert break class continue def del elif else
except finally for from global if import in is lambda nonlocal not or pass raise return
try""".split())
_BUILTINS = frozenset("""
!= % %= & &= * ** **= *= *map + += , - -= -> ->> . / // //= /= < << <<= <= = > >= >> >>= @ @= ^
^= accumulate apply as-> assoc butlast calling-module-name car cdr chain coll? combinations
comp complement compress cond cons cons? constantly count cut cycle dec defclass defmacro
defmacro! defmacro/g! defmain defn defreader dict-comp disassemble dispatch-reader-macro
distinct do doto drop drop-last drop-while empty? eval eval-and-compile eval-when-compile
even? every? filter first flatten float? fn for* fraction genexpr gensym get group-by identity
if* if-not if-python2 inc input instance? integer integer-char? integer? interleave interpose
islice iterable? iterate iterator? juxt keyword keyword? last let lif lif-not list* list-comp
macro-error macroexpand macroexpand-1 map merge-with multicombinations name neg? none? not-in
not? nth numeric? odd? partition permutations pos? product quasiquote quote range read
read-str reduce remove repeat repeatedly require rest second set-comp setv some string string?
symbol? take take-nth take-while tee unless unquote unquote-splicing when with*
with-decorator with-gensyms xor yield-from zero? zip zip-longest | |= ~""".split())

_IDENTIFIER = r"[\w!$%*+,<=>?/.-]+"
_KEYWORD = r"[\w!#$%*+,<=>?/.-]+"


def _class_of(name: str, default: str) -> str:
    return "k" if name in _KEYWORDS else "nb" if name in _BUILTINS else default


def _head(run: LexRun, m: re.Match[str]) -> None:
    run.token("p", m.group(1))
    run.token("w", m.group(2))
    run.token(_class_of(m.group(3), "nf"), m.group(3))


def _name(run: LexRun, m: re.Match[str]) -> None:
    run.token(_class_of(m.group(), "n"), m.group())


LEXER = RegexLexer({
    "root": [
        Rule(rx(r";.*?$"), "c1"),
        Rule(rx(r"\s+"), "w"),
        Rule(rx(r"-?\d+\.\d+"), "mf"),
        Rule(rx(r"-?\d+"), "mi"),
        Rule(rx(r"0x-?[0-9a-fA-F]+"), "mh"),
        Rule(rx(r'"(?:\\.|[^"])*"'), "s"),
        Rule(rx(f"'{_KEYWORD}"), "ss"),
        Rule(rx(f"::?{_KEYWORD}"), "no"),
        Rule(rx("\\\\(?:.|[a-zA-Z\u017f\u212a]+)"), "sc"),
        Rule(rx(r"~@|[`'#^~&@]"), "o"),
        Rule(rx(rf"(\()(\s*)({_IDENTIFIER})"), action=_head),
        Rule(rx(_IDENTIFIER), action=_name),
        Rule(rx(r"[\[\]{}()]"), "p"),
    ],
})

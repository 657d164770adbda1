"""Vala as Rouge 3.30's Vala lexer tokenises it.  Rouge's case-insensitive name class also
takes U+017F and U+212A (Ruby folds them into ``s`` and ``k``), spelled out here; ``class``,
``struct``, ``namespace`` and ``using`` are matched without word boundaries, as in Rouge."""

from __future__ import annotations

import re

from .. import unicode_props as P
from ..regex_lexer import Mixin, RegexLexer, Rule, rx

_END = f"(?![{P.BOUNDARY_WORD}])"  # Ruby's \b after a word character

_ID = "@?[_a-zA-Z\u017f\u212a]\\w*"
_KEYWORDS = """abstract as async base break case catch const construct continue default
delegate delete do dynamic else ensures enum errordomain extern false finally for foreach get
global if in inline interface internal is lock new null out override owned private protected
public ref requires return set signal sizeof static switch this throw throws true try typeof
unowned var value virtual void weak while yield""".split()
_TYPES = """bool char double float int int8 int16 int32 int64 long short size_t ssize_t string
unichar uint uint8 uint16 uint32 uint64 ulong ushort""".split()

LEXER = RegexLexer({
    "whitespace": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"//.*?$"), "c1"),
        Rule(rx(r"/[*].*?[*]/", re.S), "cm"),
    ],
    "root": [
        Mixin("whitespace"),
        Rule(rx(r"^\s*\[.*?\]"), "na"),
        Rule(rx(rf"(<\[)\s*({_ID}:)?"), "k"),
        Rule(rx(r"\]>"), "k"),
        Rule(rx(r"[~!%^&*()+=|\[\]{}:;,.<>/?-]"), "p"),
        Rule(rx(r'@"(\\.|.)*?"'), "s"),
        Rule(rx(r'"(\\.|.)*?["\n]'), "s"),
        Rule(rx(r"'(\\.|.)'"), "sc"),
        Rule(rx(r"0x[0-9a-f]+[lu]?", re.I), "m"),
        Rule(rx(r"[0-9]([.][0-9]*)?(e[+-][0-9]+)?[fldu]?", re.I), "m"),
        Rule(rx(rf"\b({'|'.join(_KEYWORDS)}){_END}"), "k"),
        Rule(rx(rf"\b({'|'.join(_TYPES)}){_END}"), "kt"),
        Rule(rx(r"class|struct"), "k", "class"),
        Rule(rx(r"namespace|using"), "k", "namespace"),
        Rule(rx(rf"{_ID}(?=\s*[(])"), "nf"),
        Rule(rx(_ID), "n"),
        Rule(rx(r"#.*"), "cp"),
    ],
    "class": [Mixin("whitespace"), Rule(rx(_ID), "nc", "#pop")],
    "namespace": [
        Mixin("whitespace"),
        Rule(rx(r"(?=[(])"), None, "#pop"),
        Rule(rx(rf"({_ID}|[.])+"), "nn", "#pop"),
    ],
})

"""Xojo (REALbasic) as Rouge 3.30's Xojo lexer tokenises it.  Its words are matched
case-insensitively as Ruby's /i matches them (:func:`..regex_lexer.ruby_ci`), and end with
Ruby's ``\\b``."""

from __future__ import annotations

import re

from .. import unicode_props as P
from ..regex_lexer import RegexLexer, Rule, ruby_ci, rx

_KEYWORDS = """addhandler aggregates array asc assigns attributes begin break byref byval call
case catch class const continue char ctype declare delegate dim do downto each else elseif end
enum event exception exit extends false finally for function global goto if implements
inherits interface lib loop mod module new next nil object of optional paramarray private
property protected public raise raiseevent rect redim removehandler return select shared soft
static step sub super then to true try until using uend uhile""".split()
_TYPES = """boolean cfstringref cgfloat cstring curency date double int8 int16 int32 int64
integer ostype pstring ptr short single single string structure variant uinteger uint8 uint16
uint32 uint64 ushort windowptr wstring""".split()
_OPERATORS = "addressof weakaddressof and as in is isa mod not or xor".split()


# Ruby's \b (its word characters from unicode_props): after a word character, and anywhere
_W = P.BOUNDARY_WORD
_END = f"(?![{_W}])"
_B = f"(?:(?<=[{_W}])(?![{_W}])|(?<![{_W}])(?=[{_W}]))"


def _words(words: list[str]) -> str:
    return rf"\b(?:{'|'.join(ruby_ci(w) for w in words)}){_END}"


LEXER = RegexLexer({
    "root": [
        Rule(rx(r"\s+"), "w"),
        Rule(rx(ruby_ci("rem") + _END + r".*?$"), "c1"),
        Rule(rx(r"[//'].*$"), "c1"),
        Rule(rx(r"\#" + ruby_ci("tag Note") + r".*?\#" + ruby_ci("tag EndNote"), re.S), "cp"),
        Rule(rx(r"\s*[#].*$"), "cp"),
        Rule(rx(r'".*?"'), "s2"),
        Rule(rx(r"[(){}!#,:]"), "p"),
        Rule(rx(_words(_KEYWORDS)), "k"),
        Rule(rx(_words(_TYPES)), "kd"),
        Rule(rx(_words(_OPERATORS)), "o"),
        Rule(rx(r"[+-]?(\d+\.\d*|\d*\.\d+)"), "mf"),
        Rule(rx(r"[+-]?\d+"), "mi"),
        Rule(rx(r"&[cChH][0-9a-fA-F]+"), "mh"),
        Rule(rx(r"&[oO][0-7]+"), "mo"),
        Rule(rx(rf"\b[\w.]+{_B}"), ""),
        Rule(rx(r"<=|>=|<>|[=><+\-*/\\]"), "o"),
    ],
})

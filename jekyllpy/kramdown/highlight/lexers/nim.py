"""Nim as Rouge 3.30's Nim lexer tokenises it.  Keywords may carry an ``_`` after any letter
(Nim ignores underscores in identifiers), as Rouge's patterns allow; Rouge's interpolation
rule starts with a lookbehind its scanner always satisfies, left out here."""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, rx

_KEYWORDS = """addr as asm atomic bind block break case cast const continue converter defer
discard distinct do elif else end enum except export func finally for from generic if import
include interface iterator let macro method mixin nil object of out proc ptr raise ref return
static template try tuple type using var when while with without yield""".split()
_OPWORDS = "and or not xor shl shr div mod in notin is isnot".split()
_PSEUDO = "nil true false".split()
_TYPES = """int int8 int16 int32 int64 float float32 float64 bool char range array seq set
string""".split()
_NAMESPACE = "from import include".split()


def _underscorize(words: list[str]) -> str:
    return "|".join("".join(f"{re.escape(ch)}_?" for ch in word) for word in words)


def _float_start(run: LexRun, m: re.Match[str]) -> None:
    run.push("floatsuffix")
    run.push("floatnumber")
    run.token("mf", m.group())


LEXER = RegexLexer({
    "chars": [
        Rule(rx(r"\\([\\abcefnrtvl\"']|x[a-fA-F0-9]{2}|[0-9]{1,3})"), "se"),
        Rule(rx(r"'"), "sc", "#pop"),
        Rule(rx(r"."), "sc"),
    ],
    "strings": [
        Rule(rx(r"\$(\d+|#|\w+)+"), "si"),
        Rule(rx(r"[^\\'\"$\n]+"), "s"),
        Rule(rx(r"['\"\\]"), "s"),
        Rule(rx(r"\$"), "s"),
    ],
    "dqs": [
        Rule(rx(r"\\([\\abcefnrtvl\"']|\n|x[a-fA-F0-9]{2}|[0-9]{1,3})"), "se"),
        Rule(rx(r'"'), "s", "#pop"),
        Mixin("strings"),
    ],
    "rdqs": [
        Rule(rx(r'"(?!")'), "s", "#pop"),
        Rule(rx(r'"'), "se", "#pop"),
        Mixin("strings"),
    ],
    "tdqs": [
        Rule(rx(r'"""(?!")'), "s", "#pop"),
        Mixin("strings"),
        Mixin("nl"),
    ],
    "funcname": [
        Rule(rx(r"((?![\d_])\w)(((?!_)\w)|(_(?!_)\w))*"), "nf", "#pop"),
        Rule(rx(r"`.+`"), "nf", "#pop"),
    ],
    "nl": [Rule(rx(r"\n"), "s")],
    "floatnumber": [
        Rule(rx(r"\.(?!\.)[0-9_]*"), "mf"),
        Rule(rx(r"[eE][+-]?[0-9][0-9_]*"), "mf"),
        Rule(rx(r""), None, "#pop"),
    ],
    "floatsuffix": [
        Rule(rx(r"'?[fF](32|64)"), "mf"),
        Rule(rx(r""), None, "#pop"),
    ],
    "intsuffix": [
        Rule(rx(r"'?[iI](32|64)"), "il"),
        Rule(rx(r"'?[iI](8|16)"), "mi"),
        Rule(rx(r"'?[uU]"), "mi"),
        Rule(rx(r""), None, "#pop"),
    ],
    "root": [
        Rule(rx(r"##.*$"), "sd"),
        Rule(rx(r"#.*$"), "c"),
        Rule(rx(r"\*|=|>|<|\+|-|/|@|\$|~|&|%|!|\?|\||\\|\[|\]"), "o"),
        Rule(rx(r"\.\.|\.|,|\[\.|\.\]|\{\.|\.\}|\(\.|\.\)|\{|\}|\(|\)|:|\^|`|;"), "p"),
        Rule(rx(r'(?:\w+)"'), "s", "rdqs"),
        Rule(rx(r'"""'), "s", "tdqs"),
        Rule(rx(r'"'), "s", "dqs"),
        Rule(rx(r"'"), "sc", "chars"),
        Rule(rx(rf"({_underscorize(_OPWORDS)})\b"), "ow"),
        Rule(rx(r"(p_?r_?o_?c_?\s)(?![(\[\]])"), "k", "funcname"),
        Rule(rx(rf"({_underscorize(_KEYWORDS)})\b"), "k"),
        Rule(rx(rf"({_underscorize(_NAMESPACE)})\b"), "kn"),
        Rule(rx(r"(v_?a_?r)\b"), "kd"),
        Rule(rx(rf"({_underscorize(_TYPES)})\b"), "kt"),
        Rule(rx(rf"({_underscorize(_PSEUDO)})\b"), "kp"),
        Rule(rx(r"\b((?![_\d])\w)(((?!_)\w)|(_(?!_)\w))*"), "n"),
        Rule(rx(r"[0-9][0-9_]*(?=([eE.]|'?[fF](32|64)))"), action=_float_start),
        Rule(rx(r"0[xX][a-fA-F0-9][a-fA-F0-9_]*"), "mh", "intsuffix"),
        Rule(rx(r"0[bB][01][01_]*"), "m", "intsuffix"),
        Rule(rx(r"0o[0-7][0-7_]*"), "mo", "intsuffix"),
        Rule(rx(r"[0-9][0-9_]*"), "mi", "intsuffix"),
        Rule(rx(r"\s+"), ""),
        Rule(rx(r".+$"), "err"),
    ],
})

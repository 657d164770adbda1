"""Scala as Rouge 3.30's Scala lexer tokenises it.  Identifiers and operator characters follow
the specification's classes (Unicode letters, math and other symbols); a name before ``(`` is a
function even when it is a keyword, as in Rouge; type positions after ``:``, ``type`` and
inside brackets take their own states."""

from __future__ import annotations

import re

from .. import unicode_props as P
from ..regex_lexer import LexRun, RegexLexer, Rule, rx

_LETTER = f"[{P.L}$_]"
_UPPER = f"[{P.LU}$_]"
# Ruby's \b (its word characters from unicode_props); the names here may end in an operator
_W = P.BOUNDARY_WORD
_B = f"(?:(?<=[{_W}])(?![{_W}])|(?<![{_W}])(?=[{_W}]))"
# an operator character: ASCII or a math/other symbol, but not a space, letter, digit,
# bracket or delimiter
_OP = (rf"(?:(?![{P.SPACE}{P.L}$_0-9(){{}}\[\]\u2018\u2019\".;,])"
       rf"[\u0020-\u007f{P.SM}{P.SO}])")
_IDREST = rf"(?:{_LETTER}(?:{_LETTER}|[0-9])*(?:(?<=_){_OP}+)?)"
_TICKED = r"`[^`]+`"
_ANY_NAME = rf"(?:{_IDREST}|{_OP}+|{_TICKED})"
_KEYWORDS = ("abstract case catch def do else extends final finally for forSome if implicit "
             "lazy match new override private protected requires return sealed super this "
             "throw try val var while with yield").split()
# Rouge's type-chunk pattern lacks an alternation bar between the operator and the
# backquoted name (an operator run must be followed by one); kept as it is.
_TYPECHUNK = rf"(?:{_IDREST}|{_OP}+{_TICKED})"
_TYPE_KEYWORD = r"<[%:]|>:|[#_\u21d2]|forSome|type"


def _to_typeparam(run: LexRun, m: re.Match[str]) -> None:
    for css, i in (("kt", 1), ("", 2), ("o", 3)):
        run.token(css, m.group(i))
    run.pop()
    run.push("typeparam")


LEXER = RegexLexer({
    "root": [
        Rule(rx(r"(class|trait|object)(\s+)"), ("k", ""), "class"),
        Rule(rx(rf"'{_IDREST}(?!')"), "ss"),
        Rule(rx(r"[^\S\n]+"), ""),
        Rule(rx(r"//.*"), "c1"),
        Rule(rx(r"/\*"), "cm", "comment"),
        Rule(rx(rf"@{_IDREST}"), "nd"),
        Rule(rx(rf"(def)(\s+)({_ANY_NAME})(\s*)"), ("k", "", "nf", "")),
        Rule(rx(rf"(val)(\s+)({_ANY_NAME})(\s*)"), ("k", "", "nv", "")),
        Rule(rx(rf"(this)(\n*)(\.)({_IDREST})"), ("k", "", "o", "py")),
        Rule(rx(rf"({_IDREST}|_)(\n*)(\.)({_IDREST})"), ("nv", "", "o", "py")),
        Rule(rx(rf"{_UPPER}{_IDREST}{_B}"), "nc"),
        Rule(rx(rf"({_IDREST})([{P.SPACE}]*)(\()"), ("nf", "", "o")),
        Rule(rx(rf"(\.)({_IDREST})"), ("o", "py")),
        Rule(rx(rf"({'|'.join(_KEYWORDS)}){_B}|(<[%:-]|=>|>:|[#=@_\u21d2\u2190])({_B}|(?=\s)|$)"),
             "k"),
        Rule(rx(rf":(?!{_OP})"), "k", "type"),
        Rule(rx(rf"(true|false|null){_B}"), "kc"),
        Rule(rx(r"(import|package)(\s+)"), ("k", ""), "import"),
        Rule(rx(r"(type)(\s+)"), ("k", ""), "type"),
        Rule(rx(r'""".*?"""(?!")', re.S), "s"),
        Rule(rx(r'"(\\\\|\\"|[^"])*"'), "s"),
        Rule(rx(r"'\\.'|'[^\\]'|'\\u[0-9a-fA-F]{4}'"), "sc"),
        Rule(rx(_IDREST), "n"),
        Rule(rx(_TICKED), "n"),
        Rule(rx(r"\["), "o", "typeparam"),
        Rule(rx(r"[(){};,.#]"), "o"),
        Rule(rx(rf"{_OP}+"), "o"),
        Rule(rx(r"([0-9][0-9]*\.[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?[fFdD]?"), "mf"),
        Rule(rx(r"([0-9][0-9]*[fFdD])"), "mf"),
        Rule(rx(r"0x[0-9a-fA-F]+"), "mh"),
        Rule(rx(r"[0-9]+L?"), "mi"),
        Rule(rx(r"\n"), ""),
    ],
    "class": [
        Rule(rx(rf"({_ANY_NAME})(\s*)(\[)"), ("nc", "", "o"), "typeparam"),
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"\{"), "o", "#pop"),
        Rule(rx(r"\("), "o", "#pop"),
        Rule(rx(r"//.*"), "c1", "#pop"),
        Rule(rx(_ANY_NAME), "nc", "#pop"),
    ],
    "type": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(_TYPE_KEYWORD), "k"),
        Rule(rx(r"([,);}]|=>|=)(\s*)"), ("o", ""), "#pop"),
        Rule(rx(r"[({]"), "o", "type"),
        Rule(rx(rf"({_TYPECHUNK}(?:\.{_TYPECHUNK})*)(\s*)(\[)"), action=_to_typeparam),
        Rule(rx(rf"({_TYPECHUNK}(?:\.{_TYPECHUNK})*)(\s*)$"), ("kt", ""), "#pop"),
        Rule(rx(r"//.*"), "c1", "#pop"),
        Rule(rx(rf"\.|{_ANY_NAME}"), "kt"),
    ],
    "typeparam": [
        Rule(rx(r"[\s,]+"), ""),
        Rule(rx(r"<[%:]|=>|>:|[#_\u21d2]|forSome|type"), "k"),
        Rule(rx(r"([\])}])"), "o", "#pop"),
        Rule(rx(r"[(\[{]"), "o", "typeparam"),
        Rule(rx(rf"\.|{_ANY_NAME}"), "kt"),
    ],
    "comment": [
        Rule(rx(r"[^/*]+"), "cm"),
        Rule(rx(r"/\*"), "cm", "comment"),
        Rule(rx(r"\*/"), "cm", "#pop"),
        Rule(rx(r"[*/]"), "cm"),
    ],
    "import": [Rule(rx(rf"({_IDREST}|\.)+"), "nn", "#pop")],
})

"""Kotlin as Rouge 3.30's Kotlin lexer tokenises it (declarations, functions, generic
parameters, destructuring, labels, numeric literals).  Rouge's Unicode categories in names are
Onigmo's (``unicode_props``), and its ``\\b`` is Ruby's."""

from __future__ import annotations

import re

from .. import unicode_props as P
from ..regex_lexer import RegexLexer, Rule, rx

KEYWORDS = (
    "abstract annotation as break by catch class companion const constructor continue "
    "crossinline do dynamic else enum external false final finally for fun get if import in "
    "infix inline inner interface internal is lateinit noinline null object open operator out "
    "override package private protected public reified return sealed set super suspend tailrec "
    "this throw true try typealias typeof val var vararg when where while yield").split()

_LETTERS = f"{P.LU}{P.LL}{P.LT}{P.LM}{P.NL}"
_NAME_CHARS = f"[-_{_LETTERS}{P.ND}{P.PC}{P.CF}{P.MN}{P.MC}]*"
CLASS_NAME = f"`?[{P.LU}]{_NAME_CHARS}`?"
NAME = f"`?[_{_LETTERS}]{_NAME_CHARS}`?"
# Ruby's \b: after a word character, and anywhere (a name may end in a backquote)
_END = f"(?![{P.BOUNDARY_WORD}])"
_B = f"(?:(?<=[{P.BOUNDARY_WORD}]){_END}|(?<![{P.BOUNDARY_WORD}])(?=[{P.BOUNDARY_WORD}]))"
_DEC = r"(?:[0-9][0-9_]*[0-9]|[0-9])"
_EXP = rf"[eE][+-]?{_DEC}"
_DOUBLE = rf"(?:(?:{_DEC})?\.{_DEC}(?:{_EXP})?|{_DEC}{_EXP})"

LEXER = RegexLexer({
    "root": [
        Rule(rx(rf"\b(companion)(\s+)(object){_END}"), ("k", "", "k")),
        Rule(rx(r"\b(class|data\s+class|interface|object)(\s+)"), ("kd", ""), "class"),
        Rule(rx(r"\b(fun)(\s+)"), ("k", ""), "function"),
        Rule(rx(r"\b(package|import)(\s+)"), ("k", ""), "package"),
        Rule(rx(r"\b(val|var)(\s+)(\()"), ("kd", "", "p"), "destructure"),
        Rule(rx(r"\b(val|var)(\s+)"), ("kd", ""), "property"),
        Rule(rx(rf"(return|continue|break|this|super)(@{NAME})?{_B}"), ("k", "nd")),
        Rule(rx(rf"\bfun{_END}"), "k"),
        Rule(rx(rf"\b(?:{'|'.join(KEYWORDS)}){_END}"), "k"),
        Rule(rx(r"^\s*\[.*?\]"), "na"),
        Rule(rx(r"[^\S\n]+"), ""),
        Rule(rx(r"\\\n"), ""),
        Rule(rx(r"//.*?$"), "c1"),
        Rule(rx(r"/[*].*[*]/"), "cm"),
        Rule(rx(r"/[*].*"), "cm", "comment"),
        Rule(rx(r"\n"), ""),
        Rule(rx(r"(::)(class)"), ("o", "k")),
        Rule(rx(r"::|!!|\?[:.]"), "o"),
        Rule(rx(r"(\.\.)"), "o"),
        Rule(rx(rf"(?:{_DOUBLE}[fF]?)|(?:{_DEC}[fF])"), "mf"),
        Rule(rx(r"0[bB](?:[01][01_]*[01]|[01])[uU]?L?"), "mb"),
        Rule(rx(r"0[xX](?:[0-9a-fA-F][0-9a-fA-F_]*[0-9a-fA-F]|[0-9a-fA-F])[uU]?L?"), "mh"),
        Rule(rx(r"(?:(?:[1-9][0-9_]*[0-9])|[0-9])[uU]?L?"), "mi"),
        Rule(rx(r"[~!%^&*()+=|\[\]:;,.<>/?-]"), "p"),
        Rule(rx(r"[{}]"), "p"),
        Rule(rx(r"@\"(\"\"|[^\"])*\"", re.S), "s"),
        Rule(rx(r"\"\"\".*?\"\"\"", re.S), "s"),
        Rule(rx(r"\"(\\\\|\\\"|[^\"\n])*[\"\n]", re.S), "s"),
        Rule(rx(r"'\\.'|'[^\\]'"), "sc"),
        Rule(rx(f"(@{CLASS_NAME})"), "nd"),
        Rule(rx(f"({CLASS_NAME})(<)"), ("nc", "p"), "generic_parameters"),
        Rule(rx(CLASS_NAME), "nc"),
        Rule(rx(rf"({NAME})(?=\s*[({{])"), "nf"),
        Rule(rx(f"({NAME})@"), "nd"),
        Rule(rx(NAME), "n"),
    ],
    "package": [Rule(rx(r"\S+"), "nn", "#pop")],
    "class": [Rule(rx(CLASS_NAME), "nc", "#pop")],
    "function": [
        Rule(rx(r"(<)"), "p", "generic_parameters"),
        Rule(rx(r"(\s+)"), ""),
        Rule(rx(rf"({CLASS_NAME})(\.)"), ("nc", "p")),
        Rule(rx(NAME), "nf", "#pop"),
    ],
    "generic_parameters": [
        Rule(rx(CLASS_NAME), "nc"),
        Rule(rx(r"(<)"), "p", "generic_parameters"),
        Rule(rx(r"(reified|out|in)"), "k"),
        Rule(rx(r"([,:.?])"), "p"),
        Rule(rx(r"(\s+)"), ""),
        Rule(rx(r"(>)"), "p", "#pop"),
    ],
    "property": [
        Rule(rx(r"(<)"), "p", "generic_parameters"),
        Rule(rx(r"(\s+)"), ""),
        Rule(rx(NAME), "py", "#pop"),
    ],
    "destructure": [
        Rule(rx(r"(,)"), "p"),
        Rule(rx(r"(\))"), "p", "#pop"),
        Rule(rx(r"(\s+)"), ""),
        Rule(rx(NAME), "py"),
    ],
    "comment": [
        Rule(rx(r"/[*]"), "cm", "comment"),
        Rule(rx(r"[*]/"), "cm", "#pop"),
        Rule(rx(r"[^/*]+"), "cm"),
        Rule(rx(r"[/*]"), "cm"),
    ],
})

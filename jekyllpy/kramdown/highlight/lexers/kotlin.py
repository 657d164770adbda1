"""Kotlin as Rouge 3.30's Kotlin lexer tokenises it (declarations, functions, generic
parameters, destructuring, labels, numeric literals).  Rouge's Unicode letter categories are
matched with Python's word classes; uppercase (class names) is Latin uppercase."""

from __future__ import annotations

import re

from ..regex_lexer import RegexLexer, Rule, rx

KEYWORDS = (
    "abstract annotation as break by catch class companion const constructor continue "
    "crossinline do dynamic else enum external false final finally for fun get if import in "
    "infix inline inner interface internal is lateinit noinline null object open operator out "
    "override package private protected public reified return sealed set super suspend tailrec "
    "this throw true try typealias typeof val var vararg when where while yield").split()

_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_NAME_CHARS = r"(?:[-_]|(?u:\w))*"
CLASS_NAME = rf"`?[{_UPPER}]{_NAME_CHARS}`?"
NAME = rf"`?(?:_|(?u:[^\W\d_])){_NAME_CHARS}`?"
_DEC = r"(?:[0-9][0-9_]*[0-9]|[0-9])"
_EXP = rf"[eE][+-]?{_DEC}"
_DOUBLE = rf"(?:(?:{_DEC})?\.{_DEC}(?:{_EXP})?|{_DEC}{_EXP})"

LEXER = RegexLexer({
    "root": [
        Rule(rx(r"\b(companion)(\s+)(object)\b"), ("k", "", "k")),
        Rule(rx(r"\b(class|data\s+class|interface|object)(\s+)"), ("kd", ""), "class"),
        Rule(rx(r"\b(fun)(\s+)"), ("k", ""), "function"),
        Rule(rx(r"\b(package|import)(\s+)"), ("k", ""), "package"),
        Rule(rx(r"\b(val|var)(\s+)(\()"), ("kd", "", "p"), "destructure"),
        Rule(rx(r"\b(val|var)(\s+)"), ("kd", ""), "property"),
        Rule(rx(rf"(return|continue|break|this|super)(@{NAME})?\b"), ("k", "nd")),
        Rule(rx(r"\bfun\b"), "k"),
        Rule(rx(rf"\b(?:{'|'.join(KEYWORDS)})\b"), "k"),
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

"""Smalltalk as Rouge 3.30's Smalltalk lexer tokenises it: after an object (a name, a literal,
a closing bracket) the next word is a message (a function), else a variable; method
headers on a line of their own, block parameters, pragmas, symbol and array literals.

Ruby's /i letter classes also take U+017F and U+212A (its ``\\w`` does not), and Ruby's
``\\b`` after a word comes from ``unicode_props``."""

from __future__ import annotations

import re

from .. import unicode_props as P
from ..regex_lexer import Mixin, RegexLexer, Rule, rx, then

_OPS = r"[-+*/\\~<>=|&!?,@%]"
_LETTER = "[a-zA-Z\u017f\u212a]"  # Ruby's [a-z] under /i
_END = f"(?![{P.BOUNDARY_WORD}])"  # Ruby's \b after a word character

LEXER = RegexLexer({
    "root": [
        Rule(rx(r"(<)(\w+:)(.*?)(>)"), ("p", "k", "", "p")),
        Mixin("whitespaces"),
        Mixin("method_definition"),
        Rule(rx(r"([|])([\w\s]*)([|])"), ("p", "nv", "p")),
        Mixin("objects"),
        Rule(rx(r"\^|:=|_"), "o"),
        Rule(rx(r"[)}\]]"), "p", "after_object"),
        Rule(rx(r"[({\[!]"), "p"),
    ],
    "method_definition": [
        Rule(rx(rf"({_LETTER}\w*:)(\s*)(\w+)"), ("nf", "", "nv")),
        Rule(rx(rf"^(\s*)(\b{_LETTER}\w*{_END})(\s*)$"), ("", "nf", "")),
        Rule(rx(rf"^(\s*)({_OPS}+)(\s*)(\w+)(\s*)$"), ("", "nf", "", "nv", "")),
    ],
    "block_variables": [
        Mixin("whitespaces"),
        Rule(rx(r"(:)(\s*)(\w+)"), ("o", "", "nv")),
        Rule(rx(r"[|]"), "p", "#pop"),
        Rule(rx(r""), None, "#pop"),
    ],
    "literals": [
        Rule(rx(r"'(?:''|.)*?'", re.S), "s", "after_object"),
        Rule(rx(r"[$]."), "sc", "after_object"),
        Rule(rx(r"#[(]"), "ss", "parenth"),
        Rule(rx(r"(?:\d+r)?-?\d+(?:\.\d+)?(?:e-?\d+)?"), "m", "after_object"),
        Rule(rx(rf"#(?:\"[^\"]*\"|{_OPS}+|[\w:]+)"), "ss", "after_object"),
    ],
    "parenth": [
        Rule(rx(r"[)]"), action=then("ss", goto="after_object")),
        Mixin("inner_parenth"),
    ],
    "inner_parenth": [
        Rule(rx(r"#[(]"), "ss", "inner_parenth"),
        Rule(rx(r"[)]"), "ss", "#pop"),
        Mixin("whitespaces"),
        Mixin("literals"),
        Rule(rx(rf"(?:{_OPS}|[\w:])+"), "ss"),
    ],
    "whitespaces": [
        Rule(rx(r"! !$"), "k"),
        Rule(rx(r"\s+"), ""),
        Rule(rx(r'".*?"', re.S), "c"),
    ],
    "objects": [
        Rule(rx(r"\["), "p", "block_variables"),
        Rule(rx(f"(?:self|super|true|false|nil|thisContext){_END}"), "bp", "after_object"),
        Rule(rx(rf"[A-Z]\w*(?!:){_END}"), "nc", "after_object"),
        Rule(rx(rf"[a-z]\w*(?!:){_END}"), "nv", "after_object"),
        Mixin("literals"),
    ],
    "after_object": [
        Mixin("whitespaces"),
        Rule(rx(r"(?:ifTrue|ifFalse|whileTrue|whileFalse|timesRepeat):"), "nb", "#pop"),
        Rule(rx(f"new(?!:){_END}"), "nb"),
        Rule(rx(r":=|_"), "o", "#pop"),
        Rule(rx(rf"{_LETTER}+\w*:"), "nf", "#pop"),
        Rule(rx(rf"{_LETTER}+\w*"), "nf"),
        Rule(rx(f"{_OPS}+"), "nf", "#pop"),
        Rule(rx(r"[.]"), "p", "#pop"),
        Rule(rx(r";"), "p"),
        Rule(rx(r""), None, "#pop"),
    ],
})

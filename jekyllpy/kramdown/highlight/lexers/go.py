"""Go as Rouge 3.30's Go lexer tokenises it (the language spec's token classes)."""

from __future__ import annotations

import re

from ...parser import unicode_classes as U
from .. import unicode_props as P
from ..regex_lexer import Mixin, RegexLexer, Rule, rx

_END = f"(?![{P.BOUNDARY_WORD}])"  # Ruby's \b after a word character

_KEYWORD = (r"\b(?:break|default|func|interface|select|case|defer|go|map|struct|chan|else"
            r"|goto|package|switch|const|fallthrough|if|range|type|continue|for|import|return"
            r"|var)" + _END)
_LETTER = f"(?:[{U.ALPHA}]|_)"
_DIGIT_U = r"(?u:\d)"
_OPERATOR = (r"\+=|\+\+|\+|&\^=|&\^|&=|&&|&|==|=|!=|!|-=|--|-|\|=|\|\||\||<=|<-|<<=|<<|<"
             r"|\*=|\*|\^=|\^|>>=|>>|>=|>|/|/=|:=|%|%=|\.\.\.|\.|:")
_DECIMALS = r"[0-9]+"
_EXPONENT = rf"[eE][+\-]?{_DECIMALS}"
_FLOAT = (rf"(?:{_DECIMALS}\.(?:{_DECIMALS})?(?:{_EXPONENT})?|{_DECIMALS}{_EXPONENT}"
          rf"|\.{_DECIMALS}(?:{_EXPONENT})?)")
_INT = r"(?:0[xX][0-9A-Fa-f]+|[0-9][0-9]*|0[0-7]*)"
_ESCAPED = r"\\[abfnrtv\\'\"]"
_UNICODE_VALUE = rf"(?:[^\n]|\\u[0-9A-Fa-f]{{4}}|\\U[0-9A-Fa-f]{{8}}|{_ESCAPED})"
_BYTE_VALUE = r"(?:\\[0-7]{3}|\\x[0-9A-Fa-f]{2})"

STATES = {
    "simple_tokens": [
        Rule(rx(r"//(?:(?!\n).)*|/\*(?:(?!\*/).)*\*/", re.S), "c"),
        Rule(rx(_KEYWORD), "k"),
        Rule(rx(r"\b(?:bool|byte|complex64|complex128|error|float32|float64|int8|int16|int32"
                r"|int64|int|rune|string|uint8|uint16|uint32|uint64|uintptr|uint)" + _END), "kt"),
        Rule(rx(r"\b(?:append|cap|close|complex|copy|delete|imag|len|make|new|panic|print"
                r"|println|real|recover)" + _END), "nb"),
        Rule(rx(r"\b(?:true|false|iota|nil)" + _END), "no"),
        Rule(rx(rf"(?:{_DECIMALS}|{_FLOAT})i"), "m"),
        Rule(rx(_FLOAT), "m"),
        Rule(rx(_INT), "m"),
        Rule(rx(rf"'(?:{_UNICODE_VALUE}|{_BYTE_VALUE})'"), "sc"),
        Rule(rx(_OPERATOR), "o"),
        Rule(rx(r"\(|\)|\[|\]|\{|\}|,|;"), "p"),
        Rule(rx(rf"(?!{_KEYWORD}){_LETTER}(?:{_LETTER}|{_DIGIT_U})*"), "n"),
        Rule(rx(r"\s+"), ""),
    ],
    "root": [
        Mixin("simple_tokens"),
        Rule(rx(r"`"), "s", "raw_string"),
        Rule(rx(r'"'), "s", "interpreted_string"),
    ],
    "interpreted_string": [
        Rule(rx(rf"{_ESCAPED}|\\u[0-9A-Fa-f]{{4}}|\\U[0-9A-Fa-f]{{8}}|\\x[0-9A-Fa-f]{{2}}"),
             "se"),
        Rule(rx(r"\\."), "err"),
        Rule(rx(r'"'), "s", "#pop"),
        Rule(rx(r'[^"\\]+'), "s"),
    ],
    "raw_string": [
        Rule(rx(r"`"), "s", "#pop"),
        Rule(rx(r"[^`]+", re.S), "s"),
    ],
}

LEXER = RegexLexer(STATES)

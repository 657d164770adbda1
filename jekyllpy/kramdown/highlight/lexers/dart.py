"""Dart as Rouge 3.30's Dart lexer tokenises it.  A line that looks like a method
declaration has its leading words lexed afresh by the same lexer, then the method name."""

from __future__ import annotations

import re

from .. import unicode_props as P
from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, rx

_END = f"(?![{P.BOUNDARY_WORD}])"  # Ruby's \b after a word character

_KEYWORDS = ("as assert await break case catch continue default do else finally for if in is "
             "new rethrow return super switch this throw try while with yield").split()
_DECLARATIONS = ("abstract async dynamic const covariant external extends factory final get "
                 "implements late native on operator required set static sync typedef "
                 "var").split()
_TYPES = ("bool Comparable double Dynamic enum Function int List Map Never Null num Object "
          "Pattern Set String Symbol Type Uri void").split()
_IMPORTS = ["import", "deferred", "export", "library", r"part\s*of", "part", "source"]
_ID = r"[a-zA-Z_]\w*"


def _method(run: LexRun, m: re.Match[str]) -> None:
    run.tokens.extend(LEXER.lex(m.group(1)))
    run.token("nf", m.group(2))
    run.token("", m.group(3))
    run.token("p", m.group(4))


LEXER = RegexLexer({
    "root": [
        Rule(rx(r"^(\s*(?:[a-zA-Z_][a-zA-Z\d_.\[\]]*\s+)+?)([a-zA-Z_]\w*)(\s*)(\()"),
             action=_method),
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"//.*?$"), "c1"),
        Rule(rx(r"/\*.*?\*/", re.S), "cm"),
        Rule(rx(r'"'), "s", "dqs"),
        Rule(rx(r"'"), "s", "sqs"),
        Rule(rx(r'r"[^"]*"'), "sx"),
        Rule(rx(r"r'[^']*'"), "sx"),
        Rule(rx(rf"#(?:{_ID})*"), "ss"),  # Rouge: its /i stops at the interpolated name
        Rule(rx(rf"@{_ID}"), "nd"),
        Rule(rx(rf"(?:{'|'.join(_KEYWORDS)}){_END}"), "k"),
        Rule(rx(rf"(?:{'|'.join(_DECLARATIONS)}){_END}"), "kd"),
        Rule(rx(rf"(?:{'|'.join(_TYPES)}){_END}"), "kt"),
        Rule(rx(rf"(?:true|false|null){_END}"), "kc"),
        Rule(rx(rf"(?:class|interface|mixin){_END}"), "kd", "class"),
        Rule(rx(rf"(?:{'|'.join(_IMPORTS)}){_END}"), "kn", "import"),
        Rule(rx(rf"(\.)({_ID})"), ("o", "na")),
        Rule(rx(rf"{_ID}:"), "nl"),
        Rule(rx(rf"\$?{_ID}"), "n"),
        Rule(rx(r"[~^*!%&|+=:/?-]"), "o"),
        Rule(rx(r"[\[\](){}<>.,;]"), "p"),
        Rule(rx(r"\d*\.\d+([eE]\-?\d+)?"), "mf"),
        Rule(rx(r"0x[\da-fA-F]+"), "mh"),
        Rule(rx(r"\d+L?"), "mi"),
        Rule(rx(r"\n"), ""),
    ],
    "class": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(_ID), "nc", "#pop"),
    ],
    "dqs": [
        Rule(rx(r'"'), "s", "#pop"),
        Rule(rx(r'[^\\$"]+'), "s"),
        Mixin("string"),
    ],
    "sqs": [
        Rule(rx(r"'"), "s", "#pop"),
        Rule(rx(r"[^\\$']+"), "s"),
        Mixin("string"),
    ],
    "import": [
        Rule(rx(r";"), "o", "#pop"),
        Rule(rx(rf"(?:show|hide){_END}"), "kd"),
        Mixin("root"),
    ],
    "string": [
        Mixin("interpolation"),
        Rule(rx(r"\\[nrt\"'\\]"), "se"),
    ],
    "interpolation": [
        Rule(rx(rf"\${_ID}"), "si"),
        Rule(rx(r"\$\{[^}]+\}"), "si"),
    ],
})

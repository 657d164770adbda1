"""Java as Rouge 3.30's Java lexer tokenises it (keywords, declarations and types by word
lists, method signatures, ``.attribute`` access, constants and classes by capitalisation)."""

from __future__ import annotations

import re

from ...parser import unicode_classes as U
from .. import unicode_props as P
from ..regex_lexer import LexRun, RegexLexer, Rule, rx

_KEYWORDS = ("assert break case catch continue default do else finally for if goto instanceof "
             "new return switch this throw try while").split()
_DECLARATIONS = ("abstract const enum extends final implements native private protected "
                 "public static strictfp super synchronized throws transient volatile").split()
_TYPES = "boolean byte char double float int long short var void".split()

_ID = f"[{U.ALPHA}_][{U.WORD}]*"
_UPPER = P.UPPER  # Onigmo's [[:upper:]]
_END = f"(?![{P.BOUNDARY_WORD}])"  # Ruby's \b after a word character
_DIGIT = r"(?:[0-9]_+[0-9]|[0-9])"


def _signature(run: LexRun, m) -> None:
    # The return type and modifiers are lexed afresh, as Rouge delegates them.
    run.tokens.extend(LEXER.lex(m.group(1)))
    run.token("nf", m.group(2))
    run.token("", m.group(3))
    run.token("o", m.group(4))


STATES = {
    "root": [
        Rule(rx(r"[^\S\n]+"), ""),
        Rule(rx(r"//.*?$"), "c1"),
        Rule(rx(r"/\*.*?\*/", re.S), "cm"),
        Rule(rx(rf"(?:{'|'.join(_KEYWORDS)}){_END}"), "k"),
        Rule(rx(r"(\s*(?:[a-zA-Z_][a-zA-Z0-9_.\[\]<>]*\s+)+?)([a-zA-Z_][a-zA-Z0-9_]*)(\s*)(\()"),
             action=_signature),
        Rule(rx(f"@{_ID}"), "nd"),
        Rule(rx(rf"(?:{'|'.join(_DECLARATIONS)}){_END}"), "kd"),
        Rule(rx(rf"(?:{'|'.join(_TYPES)}){_END}"), "kt"),
        Rule(rx(f"(?:true|false|null){_END}"), "kc"),
        Rule(rx(f"(?:class|interface){_END}"), "kd", "class"),
        Rule(rx(f"(?:import|package){_END}"), "kn", "import"),
        Rule(rx(r'"(\\\\|\\"|[^"])*"'), "s"),
        Rule(rx(r"'(?:\\.|[^\\]|\\u[0-9a-f]{4})'"), "sc"),
        Rule(rx(rf"(\.)({_ID})"), ("o", "na")),
        Rule(rx(f"{_ID}:"), "nl"),
        Rule(rx(rf"[{_UPPER}][{_UPPER}{P.DIGIT}_]*{_END}"), "no"),
        Rule(rx(rf"[{_UPPER}][{U.ALNUM}]*{_END}"), "nc"),
        Rule(rx(rf"\$?{_ID}"), "n"),
        Rule(rx(r"[~^*!%&\[\](){}<>\|+=:;,.\/?-]"), "o"),
        Rule(rx(rf"{_DIGIT}+\.{_DIGIT}+([eE]{_DIGIT}+)?[fd]?"), "mf"),
        Rule(rx(r"0[bB](?:[01]_+[01]|[01])+"), "mb"),
        Rule(rx(r"0[xX](?:[0-9a-fA-F]_+[0-9a-fA-F]|[0-9a-fA-F])+"), "mh"),
        Rule(rx(r"0(?:[0-7]_+[0-7]|[0-7])+"), "mo"),
        Rule(rx(rf"{_DIGIT}+L?"), "mi"),
        Rule(rx(r"\n"), ""),
    ],
    "class": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(_ID), "nc", "#pop"),
    ],
    "import": [
        Rule(rx(r"\s+"), ""),
        # (Rouge's pattern is case-insensitive: Ruby also folds U+017F and U+212A into it)
        Rule(rx("[a-zA-Z0-9_.\u017f\u212a]+\\*?"), "nn", "#pop"),
    ],
}

LEXER = RegexLexer(STATES)

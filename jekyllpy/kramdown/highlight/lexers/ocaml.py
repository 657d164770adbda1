"""OCaml as Rouge 3.30's OCaml lexer (on its shared OCaml rules) tokenises it.  Rouge's
case-insensitive name class also takes U+017F and U+212A (Ruby folds them into ``s`` and
``k``), spelled out here; its float pattern's ``.`` is any character, as in Rouge."""

from __future__ import annotations

import re

from ..regex_lexer import Action, LexRun, Mixin, RegexLexer, Rule, rx

#: OCaml's and ReasonML's common keywords; OCaml adds "match" and "raise", ReasonML "switch"
COMMON_KEYWORDS = frozenset("""as assert begin class constraint do done downto else end
exception external false for fun function functor if in include inherit initializer lazy let
module mutable new nonrec object of open rec sig struct then to true try type val virtual when
while with""".split())
_WORD_OPERATORS = frozenset("and asr land lor lsl lxor mod or".split())
_PRIMITIVES = frozenset("unit int float bool string char list array".split())
OPERATOR = r"[;,_!$%&*+./:<=>?@^|~#-]+"
ID = "[a-zA-Z\u017f\u212a_][\\w']*"
UPPER_ID = r"[A-Z][\w']*"
_HEX = "[0-9a-fA-F]"


def literals(quoted_char: str) -> list[Rule]:
    """Number, character and string literals as Rouge's OCaml rules have them; a plain
    quoted character is ``quoted_char`` (OCaml's ``'[.]'``, ReasonML's ``'[^'/]'``)."""
    return [
        Rule(rx(r"-?\d[\d_]*(.[\d_]*)?(e[+-]?\d[\d_]*)", re.I), "mf"),
        Rule(rx(rf"0x{_HEX}[0-9a-fA-F_]*", re.I), "mh"),
        Rule(rx(r"0o[0-7][0-7_]*", re.I), "mo"),
        Rule(rx(r"0b[01][01_]*", re.I), "mb"),
        Rule(rx(r"\d[\d_]*"), "mi"),
        Rule(rx(rf"'(?:(\\[\\\"'ntbr ])|(\\[0-9]{{3}})|(\\x{_HEX}{{2}}))'"), "sc"),
        Rule(rx(quoted_char), "sc"),
        Rule(rx(r"'"), "k"),
        Rule(rx(r'"'), "s2", "string"),
    ]


#: OCaml's literals and its comment and string states; F#'s Rouge lexer restates them word
#: for word (``fsharp.py``)
LITERALS = literals(r"'[.]'")
SHARED_STATES = {
    "comment": [
        Rule(rx(r"[^(*)]+"), "c"),
        Rule(rx(r"[(][*]"), "c", "#push"),
        Rule(rx(r"[*][)]"), "c", "#pop"),
        Rule(rx(r"[(*)]"), "c"),
    ],
    "string": [
        Rule(rx(r'[^\\"]+'), "s2"),
        Mixin("escape_sequence"),
        Rule(rx(r"\\\n"), "s2"),
        Rule(rx(r'"'), "s2", "#pop"),
    ],
    "escape_sequence": [
        Rule(rx(r"\\[\\\"'ntbr]"), "se"),
        Rule(rx(r"\\\d{3}"), "se"),
        Rule(rx(rf"\\x{_HEX}{{2}}"), "se"),
    ],
}


def word(keywords: frozenset[str]) -> Action:
    """A name: a keyword, word operator, primitive type or plain name."""
    def action(run: LexRun, m: re.Match[str]) -> None:
        name = m.group()
        css = ("k" if name in keywords else "ow" if name in _WORD_OPERATORS
               else "kt" if name in _PRIMITIVES else "n")
        run.token(css, name)
    return action


DOTTED = [
    Rule(rx(r"\s+"), ""),
    Rule(rx(r"[.]"), "p"),
    Rule(rx(rf"{UPPER_ID}(?=\s*[.])"), "nn"),
    Rule(rx(UPPER_ID), "nc", "#pop"),
    Rule(rx(ID), "n", "#pop"),
    Rule(rx(r"[({\[]"), "p", "#pop"),
]

LEXER = RegexLexer({
    "root": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"false|true|[(][)]|\[\]"), "bp"),
        Rule(rx(rf"{UPPER_ID}(?=\s*[.])"), "nn", "dotted"),
        Rule(rx(rf"`{ID}"), "nt"),
        Rule(rx(UPPER_ID), "nc"),
        Rule(rx(r"[(][*](?![)])"), "c", "comment"),
        Rule(rx(ID), action=word(COMMON_KEYWORDS | {"match", "raise"})),
        Rule(rx(r"[(){}\[\];]+"), "p"),
        Rule(rx(OPERATOR), "o"),
        *LITERALS,
        Rule(rx(rf"[~?]{ID}"), "nv"),
    ],
    **SHARED_STATES,
    "dotted": DOTTED,
})

"""ReasonML as Rouge 3.30's ReasonML lexer (on its shared OCaml rules) tokenises it: OCaml's
names, literals, strings and dotted paths (``ocaml.py``) with ``//`` and nesting ``/* */``
comments, ``switch`` as a keyword and ``'[^'/]'`` as a plain quoted character."""

from __future__ import annotations

from ..regex_lexer import RegexLexer, Rule, rx
from . import ocaml

LEXER = RegexLexer({
    "root": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"false|true|[(][)]|\[\]"), "bp"),
        Rule(rx(rf"{ocaml.UPPER_ID}(?=\s*[.])"), "nn", "dotted"),
        Rule(rx(rf"`{ocaml.ID}"), "nt"),
        Rule(rx(ocaml.UPPER_ID), "nc"),
        Rule(rx(r"//.*"), "c1"),
        Rule(rx(r"/\*"), "cm", "comment"),
        Rule(rx(ocaml.ID), action=ocaml.word(ocaml.COMMON_KEYWORDS | {"switch"})),
        Rule(rx(r"[(){}\[\];]+"), "p"),
        Rule(rx(ocaml.OPERATOR), "o"),
        *ocaml.literals(r"'[^'/]'"),
        Rule(rx(rf"[~?]{ocaml.ID}"), "nv"),
    ],
    "comment": [
        Rule(rx(r"[^/*]+"), "cm"),
        Rule(rx(r"/\*"), "cm", "comment"),
        Rule(rx(r"\*/"), "cm", "#pop"),
        Rule(rx(r"[*/]"), "cm"),
    ],
    "string": ocaml.SHARED_STATES["string"],
    "escape_sequence": ocaml.SHARED_STATES["escape_sequence"],
    "dotted": ocaml.DOTTED,
})

"""Velocity templates as Rouge 3.30's Velocity lexer tokenises them: ``#directive(...)``,
``#{directive}``, ``$variable``/``${variable}`` references with properties and calls,
``##`` and ``#* *#`` comments; the rest through one HTML lexer whose state carries over.
Ruby's /i letter class also takes U+017F and U+212A; Ruby's ``\\b`` comes from
``unicode_props``."""

from __future__ import annotations

import re

from .. import unicode_props as P
from ..regex_lexer import Mixin, RegexLexer, Rule, delegate, rx
from . import html

_ID = "[a-zA-Z_\u017f\u212a]\\w*"
_END = f"(?![{P.BOUNDARY_WORD}])"  # Ruby's \b after a word character
_AHEAD = f"(?=[{P.BOUNDARY_WORD}])"  # Ruby's \b at the cursor

LEXER = RegexLexer({
    "root": [
        Rule(rx(r"[^{#$]+"), action=delegate("html", html.LEXER)),
        Rule(rx(r"(#)(\*.*?\*)(#)", re.S), "cm"),
        Rule(rx(r"(##)(.*?$)"), "c1"),
        Rule(rx(rf"(#\{{?)({_ID})(\}}?)(\s?\()"), ("p", "nf", "p", "p"), "directive_params"),
        Rule(rx(rf"(#\{{?)({_ID})(\}}|{_END})"), ("p", "nf", "p")),
        Rule(rx(r"\$\{?"), "p", "variable"),
    ],
    "variable": [
        Rule(rx(_ID), "nv"),
        Rule(rx(r"\("), "p", "func_params"),
        Rule(rx(rf"(\.)({_ID})"), ("p", "nv")),
        Rule(rx(r"\}"), "p", "#pop"),
        Rule(rx(r""), None, "#pop"),
    ],
    "directive_params": [
        Rule(rx(rf"(?:&&|\|\||==?|!=?|[-<>+*%&|^/])|{_AHEAD}(?:eq|ne|gt|lt|ge|le|not|in){_END}"),
             "o"),
        Rule(rx(r"\["), "o", "range_operator"),
        Rule(rx(rf"\b{_ID}{_END}"), "nf"),
        Mixin("func_params"),
    ],
    "range_operator": [
        Rule(rx(r"[.]{2}"), "o"),
        Mixin("func_params"),
        Rule(rx(r"\]"), "o", "#pop"),
    ],
    "func_params": [
        Rule(rx(r"\$\{?"), "p", "variable"),
        Rule(rx(r"\s+"), ""),
        Rule(rx(r","), "p"),
        Rule(rx(r'"(?:\\\\|\\"|[^"])*"'), "s2"),
        Rule(rx(r"'(?:\\\\|\\'|[^'])*'"), "s1"),
        Rule(rx(r"0[xX][0-9a-fA-F]+[Ll]?"), "mh"),
        Rule(rx(rf"\b[0-9]+{_END}"), "mi"),
        Rule(rx(f"(?:true|false|null){_END}"), "kc"),
        Rule(rx(r"[(\[]"), "p", "#push"),
        Rule(rx(r"[)\]}]"), "p", "#pop"),
    ],
})

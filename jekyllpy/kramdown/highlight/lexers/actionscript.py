"""ActionScript as Rouge 3.30's ActionScript lexer tokenises it: JavaScript-like states
(statements with labels, expression starts where ``/`` opens a regex and ``{`` an object,
the ternary), with ActionScript's word lists (checked equal to Rouge's).

Rouge's operator class ``[:-<...]`` holds the range ``:`` to ``<``, so ``;`` is an operator
too (its own rule comes too late to apply); a ``#!`` line after blanks is a comment anywhere
in the root state (Rouge's ``\\A`` holds at the cursor); its rule looking behind the cursor
can never match and is left out."""

from __future__ import annotations

import re

from ..regex_lexer import Mixin, RegexLexer, Rule, rx, then
from .javascript import REGEX_STATES, _identifier_action

_KEYWORDS = frozenset("""for in while do break return continue switch case default if else
throw try catch finally new delete typeof is this with""".split())
_DECLARATIONS = frozenset(("var", "with", "function"))
_RESERVED = frozenset("""dynamic final internal native public protected private class const
override static package interface extends implements namespace set get import include super
flash_proxy object_proxy trace""".split())
_CONSTANTS = frozenset("true false null NaN Infinity undefined".split())
_BUILTINS = frozenset("""void Function Math Class Object RegExp decodeURI decodeURIComponent
encodeURI encodeURIComponent eval isFinite isNaN parseFloat parseInt this""".split())

_ID = r"[$a-zA-Z_][a-zA-Z0-9_]*"


#: a name as JavaScript's lexer reads one, with ActionScript's word lists
_name = _identifier_action(_KEYWORDS, _DECLARATIONS, _RESERVED, _CONSTANTS, _BUILTINS)


LEXER = RegexLexer({
    "comments_and_whitespace": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"//.*?$"), "c1"),
        Rule(rx(r"/\*.*?\*/", re.S), "cm"),
    ],
    "expr_start": [
        Mixin("comments_and_whitespace"),
        Rule(rx(r"/"), action=then("sr", goto="regex")),
        Rule(rx(r"[{]"), "p", "object"),
        Rule(rx(r""), None, "#pop"),
    ],
    **REGEX_STATES,  # JavaScript's, as Rouge restates them
    "regex_end": [
        Rule(rx(r"[gim]+"), "sr", "#pop"),
        Rule(rx(r""), None, "#pop"),
    ],
    "root": [
        Rule(rx(r"\s*#!.*?\n", re.S), "cp", "statement"),
        Rule(rx(r"\n"), "", "statement"),
        Mixin("comments_and_whitespace"),
        Rule(rx(r"\+\+|--|~|&&|\|\||\\(?=\n)|<<|>>>?|===|!=="), "o", "expr_start"),
        Rule(rx(r"[:-<>+*%&|\^/!=]=?"), "o", "expr_start"),
        Rule(rx(r"[(\[,]"), "p", "expr_start"),
        Rule(rx(r";"), "p", "statement"),
        Rule(rx(r"[)\].]"), "p"),
        Rule(rx(r"[?]"), action=then("p", push=("ternary", "expr_start"))),
        Rule(rx(r"[{}]"), "p", "statement"),
        Rule(rx(_ID), action=_name),
        Rule(rx(r"\-?[0-9][0-9]*\.[0-9]+(?:[eE][0-9]+)?[fd]?"), "mf"),
        Rule(rx(r"0x[0-9a-fA-F]+"), "mh"),
        Rule(rx(r"\-?[0-9]+"), "mi"),
        Rule(rx(r'"(?:\\\\|\\"|[^"])*"'), "s2"),
        Rule(rx(r"'(?:\\\\|\\'|[^'])*'"), "s1"),
    ],
    "statement": [
        Rule(rx(rf"({_ID})(\s*)(:)"), ("nl", "", "p")),
        Rule(rx(r"[{}]"), "p"),
        Mixin("expr_start"),
    ],
    "object": [
        Mixin("comments_and_whitespace"),
        Rule(rx(r"[}]"), action=then("p", goto="statement")),
        Rule(rx(rf"({_ID})(\s*)(:)"), ("na", "", "p"), "expr_start"),
        Rule(rx(r":"), "p"),
        Mixin("root"),
    ],
    "ternary": [
        Rule(rx(r":"), action=then("p", goto="expr_start")),
        Mixin("root"),
    ],
})

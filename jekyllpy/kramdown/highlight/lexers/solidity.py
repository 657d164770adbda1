"""Solidity as Rouge 3.30's Solidity lexer tokenises it (statements up to ``;``, strings with
escapes, sized integer and bytes types)."""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, rx

_KEYWORDS = frozenset("""abstract anonymous as assembly break catch calldata constant
constructor continue contract do delete else emit enum event external fallback for function
hex if indexed interface internal import is library mapping memory modifier new override
payable public pure pragma private receive return returns storage struct throw try type using
var view virtual while""".split())
_BUILTINS = frozenset("""now false true balance selector super this blockhash gasleft assert
require revert selfdestruct suicide call callcode delegatecall send transfer addmod ecrecover
keccak256 mulmod sha256 sha3 ripemd160""".split())
_CONSTANTS = frozenset("wei finney szabo ether seconds minutes hours days weeks years".split())
_TYPES = frozenset("address bool byte bytes int string uint".split())
_RESERVED = frozenset("""alias after apply auto case copyof default define final fixed
immutable implements in inline let macro match mutable null of partial promise reference
relocatable sealed sizeof static supports switch typedef typeof ufixed unchecked""".split())


def _name(run: LexRun, m: re.Match[str]) -> None:
    name = m.group()
    css = ("k" if name in _KEYWORDS else "nb" if name in _BUILTINS
           else "kc" if name in _CONSTANTS else "kt" if name in _TYPES
           else "kr" if name in _RESERVED else "n")
    run.token(css, name)


LEXER = RegexLexer({
    "expr_bol": [
        Mixin("inline_whitespace"),
        Rule(rx(r""), None, "#pop"),
    ],
    "bol": [Mixin("expr_bol")],
    "inline_whitespace": [
        Rule(rx(r"[ \t\r]+"), ""),
        Rule(rx(r"\\\n"), ""),
        Rule(rx(r"/\*"), "cm", "comment_multi"),
    ],
    "whitespace": [
        Rule(rx(r"\n+"), "", "bol"),
        Rule(rx(r"//(\\.|.)*?\n"), "c1", "bol"),
        Mixin("inline_whitespace"),
    ],
    "expr_whitespace": [
        Rule(rx(r"\n+"), "", "expr_bol"),
        Mixin("whitespace"),
    ],
    "statements": [
        Mixin("whitespace"),
        Rule(rx(r"(hex)?\""), "s", "string_double"),
        Rule(rx(r"(hex)?'"), "s", "string_single"),
        Rule(rx(r"'(\\.|\\[0-7]{1,3}|\\x[a-f0-9]{1,2}|[^\\'\n])'", re.I), "sc"),
        Rule(rx(r"\d\d*\.\d+([eE]\d+)?", re.I), "mf"),
        Rule(rx(r"0x[0-9a-f]+", re.I), "mh"),
        Rule(rx(r"\d+([eE]\d+)?", re.I), "mi"),
        Rule(rx(r"\*/"), "err"),
        Rule(rx(r"[~!%^&*+=|?:<>/-]"), "o"),
        Rule(rx(r"[()\[\],.]"), "p"),
        Rule(rx(r"u?fixed\d+x\d+"), "kr"),
        Rule(rx(r"bytes\d+"), "kt"),
        Rule(rx(r"u?int\d+"), "kt"),
        Rule(rx(r"[a-zA-Z$_][\w$_]*"), action=_name),
    ],
    "root": [
        Mixin("expr_whitespace"),
        Rule(rx(r""), None, "statement"),
    ],
    "statement": [
        Rule(rx(r";"), "p", "#pop"),
        Mixin("expr_whitespace"),
        Mixin("statements"),
        Rule(rx(r"[{}]"), "p"),
    ],
    "string_common": [
        Rule(rx(r"\\(u[a-fA-F0-9]{4}|x..|[^x])"), "se"),
        Rule(rx(r"[^\\\"'\n]+"), "s"),
        Rule(rx(r"\\\n"), "s"),
        Rule(rx(r"\\"), "s"),
    ],
    "string_double": [
        Mixin("string_common"),
        Rule(rx(r'"'), "s", "#pop"),
        Rule(rx(r"'"), "s"),
    ],
    "string_single": [
        Mixin("string_common"),
        Rule(rx(r"'"), "s", "#pop"),
        Rule(rx(r'"'), "s"),
    ],
    "comment_multi": [
        Rule(rx(r"\*/"), "cm", "#pop"),
        Rule(rx(r"[^*/]+"), "cm"),
        Rule(rx(r"[*/]"), "cm"),
    ],
}, start=("root", "bol"))

"""Haxe as Rouge 3.30's Haxe lexer tokenises it: JavaScript-like statement, expression-start
(``~/regex/``, ``{`` objects, ``#if`` conditionals), object and ternary states, ``@:meta``
data, and single-quoted strings with ``$name`` and ``${...}`` interpolation; word lists
checked equal to Rouge's.

Rouge fails on ``using`` (it pushes a state it never defines; ``import`` is found in its
keyword list first), so a page with it cannot be highlighted by Rouge at all; here it is a
keyword and lexing goes on."""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, rx, then
from .javascript import REGEX_STATES

_KEYWORDS = frozenset("""break case cast catch class continue default do else enum false for
function if import interface macro new null override package private public return switch
this throw true try untyped while""".split())
_IMPORTS = frozenset(("import", "using"))
_DECLARATIONS = frozenset("""abstract dynamic extern extends from implements inline static to
typedef var""".split())
_RESERVED = frozenset("super trace inline build autoBuild enum".split())
_CONSTANTS = frozenset(("true", "false", "null"))
_BUILTINS = frozenset("""Void Dynamic Math Class Any Float Int UInt String StringTools Sys EReg
isNaN parseFloat parseInt this Array Map Date DateTools Bool Lambda Reflect Std File
FileSystem""".split())

_ID = r"[$a-zA-Z_][a-zA-Z0-9_]*"
_HEX = "[0-9a-fA-F]"


def _name(run: LexRun, m: re.Match[str]) -> None:
    word = m.group()
    if word in _KEYWORDS:
        run.token("k", word)
        run.push("expr_start")
    elif word in _IMPORTS:
        run.token("k", word)  # (using) Rouge pushes an undefined state here and fails
    elif word in _DECLARATIONS:
        run.token("kd", word)
        run.push("expr_start")
    elif word in _RESERVED:
        run.token("kr", word)
    elif word in _CONSTANTS:
        run.token("kc", word)
    elif word in _BUILTINS:
        run.token("nb", word)
    else:
        run.token("nx", word)


def _metadata_name(run: LexRun, m: re.Match[str]) -> None:
    run.token("nd", m.group(1))
    run.token("p", m.group(2))
    if not m.group(2):
        run.pop()


LEXER = RegexLexer({
    "comments_and_whitespace": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"//.*?$"), "c1"),
        Rule(rx(r"/\*.*?\*/", re.S), "cm"),
    ],
    "expr_start": [
        Mixin("comments_and_whitespace"),
        Rule(rx(r"#(?:if|elseif|else|end).*"), "cp"),
        Rule(rx(r"~"), action=then("sr", goto="regex")),
        Rule(rx(r"[{]"), "p", "object"),
        Rule(rx(r""), None, "#pop"),
    ],
    **REGEX_STATES,  # JavaScript's, as Rouge restates them
    "regex_end": [
        Rule(rx(r"[gim]+"), "sr", "#pop"),
        Rule(rx(r""), None, "#pop"),
    ],
    "root": [
        Rule(rx(r"\n"), "", "statement"),
        Rule(rx(r"\{"), "p", "expr_start"),
        Mixin("comments_and_whitespace"),
        Rule(rx(r"@"), "nd", "metadata"),
        Rule(rx(r"\+\+|--|~|&&|\|\||\\(?=\n)|<<|>>|==|!="), "o", "expr_start"),
        Rule(rx(r"[-:<>+*%&|\^/!=]=?"), "o", "expr_start"),
        Rule(rx(r"[(\[,]"), "p", "expr_start"),
        Rule(rx(r";"), "p", "statement"),
        Rule(rx(r"[)\]}.]"), "p"),
        Rule(rx(r"[?]"), action=then("p", push=("ternary", "expr_start"))),
        Rule(rx(_ID), action=_name),
        Rule(rx(r"\-?\d+\.\d+(?:[eE]\d+)?[fd]?"), "mf"),
        Rule(rx(f"0x{_HEX}+"), "mh"),
        Rule(rx(r"\-?[0-9]+"), "mi"),
        Rule(rx(r'"'), "s2", "str_double"),
        Rule(rx(r"'"), "s1", "str_single"),
    ],
    "statement": [
        Rule(rx(rf"({_ID})(\s*)(:)"), ("nl", "", "p")),
        Mixin("expr_start"),
    ],
    "object": [
        Mixin("comments_and_whitespace"),
        Rule(rx(r"[}]"), action=then("p", goto="statement")),
        Rule(rx(rf"({_ID})(\s*)(:)"), ("na", "", "p"), "expr_start"),
        Rule(rx(r":"), "p"),
        Mixin("root"),
    ],
    "metadata": [
        Rule(rx(rf"({_ID})(\()?"), action=_metadata_name),
        Rule(rx(rf":{_ID}(?:\.{_ID})*"), "nd", "#pop"),
        Rule(rx(r"\)"), "nd", "#pop"),
        Mixin("root"),
    ],
    "ternary": [
        Rule(rx(r":"), action=then("p", goto="expr_start")),
        Mixin("root"),
    ],
    "str_double": [
        Mixin("str_escape"),
        Rule(rx(r'"'), "s2", "#pop"),
        Rule(rx(r'[^\\"]+'), "s2"),
    ],
    "str_single": [
        Mixin("str_escape"),
        Rule(rx(r"'"), "s1", "#pop"),
        Rule(rx(r"\$\$"), "s1"),
        Rule(rx(rf"\${_ID}"), "si"),
        Rule(rx(r"\$\{"), "si", "str_interpol"),
        Rule(rx(r"[^\\$']+"), "s1"),
    ],
    "str_escape": [
        Rule(rx(r"\\[\\tnr'\"]"), "se"),
        Rule(rx(r"\\[0-7]{3}"), "se"),
        Rule(rx(f"\\\\x{_HEX}{{2}}"), "se"),
        Rule(rx(f"\\\\u{_HEX}{{4}}"), "se"),
        Rule(rx(f"\\\\u\\{{{_HEX}{{1,6}}\\}}"), "se"),
    ],
    "str_interpol": [
        Rule(rx(r"\}"), "si", "#pop"),
        Mixin("root"),
    ],
})

"""Standard ML as Rouge 3.30's SML lexer tokenises it: nesting of ``let``/``local``/``struct``
blocks and brackets kept on the stack as in Rouge (``let``, ``if`` and ``local`` push the
current state twice, ``do``/``else``/``end``/``in``/``then`` pop once), names after ``val``,
``fun``, ``datatype``, ``type``, ``exception`` and ``structure``, dotted paths, and a
keyword ahead leaving a declaration's state (``breakout``).  Keywords end with Ruby's
``\\b`` (``unicode_props``) and no ``'`` after them."""

from __future__ import annotations

import re

from .. import unicode_props as P
from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, rx, then

#: in Rouge's order (its breakout pattern is an alternation of them)
_KEYWORD_LIST = """abstype and andalso as case datatype do else end exception fn fun handle if
in infix infixr let local nonfix of op open orelse raise rec then type val with withtype while
eqtype functor include sharing sig signature struct structure where""".split()
_KEYWORDS = frozenset(_KEYWORD_LIST)
_SYMBOLIC_RESERVED = frozenset(": | = => -> # :>".split())

_ID = r"[\w']+"
_SYMBOL = r"[!%&$#/:<=>?@\\~`^|*+-]+"
_END = f"(?![{P.BOUNDARY_WORD}])"  # Ruby's \b after a word character


def _kw(words: str) -> re.Pattern[str]:
    """``\\b(words)\\b(?!')`` as Rouge writes its keyword rules."""
    return rx(rf"\b(?:{words}){_END}(?!')")


def _id_css(word: str) -> str:
    if word in _KEYWORDS:
        return "kr"
    return "p" if word in _SYMBOLIC_RESERVED else "n"


def _name(run: LexRun, m: re.Match[str]) -> None:
    run.token(_id_css(m.group()), m.group())


def _name_then_pop(run: LexRun, m: re.Match[str]) -> None:
    run.token(_id_css(m.group()), m.group())
    run.pop()


def _push_twice(run: LexRun, m: re.Match[str]) -> None:
    run.token("kr", m.group())
    run.push()
    run.push()


def _dotted(push: bool):
    def action(run: LexRun, m: re.Match[str]) -> None:
        run.token("err" if m.group(1) in _KEYWORDS else "nn", m.group(1))
        run.token("p", m.group(2))
        if push:
            run.push("dotted")
    return action


LEXER = RegexLexer({
    "whitespace": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"[(][*]"), "c", "comment"),
    ],
    "delimiters": [
        Rule(rx(r"[(\[{]"), "p", "main"),
        Rule(rx(r"[)\]}]"), "p", "#pop"),
        Rule(_kw("let|if|local"), action=_push_twice),
        Rule(_kw("struct|sig|while"), "kr", "#push"),
        Rule(_kw("do|else|end|in|then"), "kr", "#pop"),
    ],
    "core": [
        Rule(rx(r"[()\[\]{},;_]|[.][.][.]"), "p"),
        Rule(rx(r'#"'), "sc", "char"),
        Rule(rx(r'"'), "s2", "string"),
        Rule(rx(r"~?0x[0-9a-fA-F]+"), "mh"),
        Rule(rx(r"0wx[0-9a-fA-F]+"), "mh"),
        Rule(rx(r"0w\d+"), "mi"),
        Rule(rx(r"~?\d+(?:[.]\d+)?[eE]~?\d+"), "mf"),
        Rule(rx(r"~?\d+[.]\d+"), "mf"),
        Rule(rx(r"~?\d+"), "mi"),
        Rule(rx(r"#\s*[1-9][0-9]*"), "nl"),
        Rule(rx(rf"#\s*{_ID}"), "nl"),
        Rule(rx(rf"#\s+{_SYMBOL}"), "nl"),
        Rule(_kw("datatype|abstype"), "kr", "dname"),
        Rule(rx(rf"(?=\bexception{_END}(?!'))"), None, "ename"),
        Rule(_kw("functor|include|open|signature|structure"), "kr", "sname"),
        Rule(_kw("type|eqtype"), "kr", "tname"),
        Rule(rx(f"'{_ID}"), "nd"),
        Rule(rx(rf"({_ID})([.])"), action=_dotted(True)),
        Rule(rx(_ID), action=_name),
        Rule(rx(_SYMBOL), action=_name),
    ],
    "dotted": [
        Rule(rx(rf"({_ID})([.])"), action=_dotted(False)),
        Rule(rx(_ID), action=_name_then_pop),
        Rule(rx(_SYMBOL), action=_name_then_pop),
    ],
    "root": [
        Rule(rx(r"#!.*?\n"), "cp"),
        Rule(rx(r""), None, "main"),
    ],
    "main": [
        Mixin("whitespace"),
        Rule(_kw("val|and"), "kr", "vname"),
        Rule(_kw("fun"), action=then("kr", goto="main_fun", push=("fname",))),
        Mixin("delimiters"),
        Mixin("core"),
    ],
    "main_fun": [
        Mixin("whitespace"),
        Rule(_kw("fun|and"), "kr", "fname"),
        Rule(_kw("val"), action=then("kr", goto="main", push=("vname",))),
        Rule(rx(r"[|]"), "p", "fname"),
        Rule(_kw("case|handle"), action=then("kr", goto="main")),
        Mixin("delimiters"),
        Mixin("core"),
    ],
    "has_escapes": [
        Rule(rx(r"\\[\\\"abtnvfr]"), "se"),
        Rule(rx(r"\\\^[\x40-\x5e]"), "se"),
        Rule(rx(r"\\[0-9]{3}"), "se"),
        Rule(rx(r"\\u[0-9a-fA-F]{4}"), "se"),
        Rule(rx(r"\\\s+\\"), "si"),
    ],
    "string": [
        Rule(rx(r'[^"\\]+'), "s2"),
        Rule(rx(r'"'), "s2", "#pop"),
        Mixin("has_escapes"),
    ],
    "char": [
        Rule(rx(r'[^"\\]+'), "sc"),
        Rule(rx(r'"'), "sc", "#pop"),
        Mixin("has_escapes"),
    ],
    "breakout": [
        Rule(rx(rf"(?=\b(?:{'|'.join(_KEYWORD_LIST)}){_END}(?!'))"), None, "#pop"),
    ],
    "sname": [
        Mixin("whitespace"),
        Mixin("breakout"),
        Rule(rx(_ID), "nn"),
        Rule(rx(r""), None, "#pop"),
    ],
    "has_annotations": [
        Rule(rx(r"'[\w']*"), "nd"),
        Rule(rx(r"[(]"), "p", "tyvarseq"),
    ],
    "fname": [
        Mixin("whitespace"),
        Mixin("has_annotations"),
        Rule(rx(_ID), "nf", "#pop"),
        Rule(rx(_SYMBOL), "nf", "#pop"),
    ],
    "vname": [
        Mixin("whitespace"),
        Mixin("has_annotations"),
        Rule(rx(rf"({_ID})(\s*)(=(?!{_SYMBOL}))"), ("nv", "", "p"), "#pop"),
        Rule(rx(rf"({_SYMBOL})(\s*)(=(?!{_SYMBOL}))"), ("nv", "", "p")),
        Rule(rx(_ID), "nv", "#pop"),
        Rule(rx(_SYMBOL), "nv", "#pop"),
        Rule(rx(r""), None, "#pop"),
    ],
    "tname": [
        Mixin("whitespace"),
        Mixin("breakout"),
        Mixin("has_annotations"),
        Rule(rx(r"'[\w']*"), "nd"),
        Rule(rx(r"[(]"), "p", "tyvarseq"),
        Rule(rx(f"=(?!{_SYMBOL})"), action=then("p", goto="typbind")),
        Rule(rx(_ID), "kt"),
        Rule(rx(_SYMBOL), "kt"),
    ],
    "typbind": [
        Mixin("whitespace"),
        Rule(_kw("and"), action=then("kr", goto="tname")),
        Mixin("breakout"),
        Mixin("core"),
    ],
    "dname": [
        Mixin("whitespace"),
        Mixin("breakout"),
        Mixin("has_annotations"),
        Rule(rx(rf"(=)(\s*)(datatype){_END}"), ("p", "", "kr"), "#pop"),
        Rule(rx(f"=(?!{_SYMBOL})"), action=then("p", goto="datbind", push=("datcon",))),
        Rule(rx(_ID), "kt"),
        Rule(rx(_SYMBOL), "kt"),
    ],
    "datbind": [
        Mixin("whitespace"),
        Rule(_kw("and"), action=then("kr", goto="dname")),
        Rule(_kw("withtype"), action=then("kr", goto="tname")),
        Rule(_kw("of"), "kr"),
        Rule(rx(rf"([|])(\s*)({_ID})"), ("p", "", "nc")),
        Rule(rx(rf"([|])(\s+)({_SYMBOL})"), ("p", "", "nc")),
        Mixin("breakout"),
        Mixin("core"),
    ],
    "ename": [
        Mixin("whitespace"),
        Rule(rx(rf"(exception|and)(\s+)({_ID})"), ("kr", "", "nc")),
        Rule(rx(rf"(exception|and)(\s*)({_SYMBOL})"), ("kr", "", "nc")),
        Rule(_kw("of"), "kr"),
        Mixin("breakout"),
        Mixin("core"),
    ],
    "datcon": [
        Mixin("whitespace"),
        Rule(rx(_ID), "nc", "#pop"),
        Rule(rx(_SYMBOL), "nc", "#pop"),
    ],
    "tyvarseq": [
        Mixin("whitespace"),
        Rule(rx(r"'[\w']*"), "nd"),
        Rule(rx(_ID), "n"),
        Rule(rx(r","), "p"),
        Rule(rx(r"[)]"), "p", "#pop"),
        Rule(rx(_SYMBOL), "n"),
    ],
    "comment": [
        Rule(rx(r"[^(*)]+"), "cm"),
        Rule(rx(r"[(][*]"), "cm", "#push"),
        Rule(rx(r"[*][)]"), "cm", "#pop"),
        Rule(rx(r"[(*)]"), "cm"),
    ],
})

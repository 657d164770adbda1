"""CoffeeScript as Rouge 3.30's CoffeeScript lexer tokenises it.  A slash is a regex where an
operand may start (after an operator, an opening bracket, a name, at a line's start); block
regexes (``///``) take comments and interpolation; strings are multi-line."""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, rx

_KEYWORDS = frozenset("""
for by while until loop break continue return switch when then if else do yield throw try
catch finally await new delete typeof instanceof super extends this class import export
debugger""".split())
_CONSTANTS = frozenset("true false yes no on off null NaN Infinity undefined".split())
_BUILTINS = frozenset("""
Array Boolean Date Error Function Math netscape Number Object Packages RegExp String sun
decodeURI decodeURIComponent encodeURI encodeURIComponent eval isFinite isNaN parseFloat
parseInt document window""".split())
_ID = r"[$a-zA-Z_][a-zA-Z0-9_]*"
# Rouge writes the word operators with a leading \b, which at the cursor only asks for a word
# character next (its scanner sees nothing before the cursor): the words themselves do.
_OPERATOR = (r"[+][+]|--|~|&&|and\b|or\b|is\b|isnt\b|not\b|in\b|of\b|[?]|:|=|[|][|]"
             r"|\\(?=\n)|(?:<<|>>>?|==?|!=?|[-<>+*`%&|^/])=?")


def _name(run: LexRun, m: re.Match[str]) -> None:
    word = m.group()
    if word in _KEYWORDS:
        css = "k"
    elif word in _CONSTANTS:
        css = "no"
    elif word in _BUILTINS:
        css = "nb"
    else:
        css = "nx"
    run.token(css, word)
    run.push("slash_starts_regex")


def _goto(state: str, css: str) -> object:
    def action(run: LexRun, m: re.Match[str]) -> None:
        run.token(css, m.group())
        run.goto(state)
    return action


LEXER = RegexLexer({
    "comments": [
        Rule(rx(r"###[^#].*?###", re.S), "cm"),
        Rule(rx(r"#.*$"), "c1"),
    ],
    "whitespace": [Rule(rx(r"\s+"), "")],
    "regex_comment": [
        Rule(rx(r"^#(?!\{).*$"), "c1"),
        Rule(rx(r"(\s+)(#(?!\{).*)$"), ("", "c1")),
    ],
    "multiline_regex_begin": [Rule(rx(r"///"), action=_goto("multiline_regex", "sr"))],
    "multiline_regex_end": [Rule(rx(r"///([gimy]+\b|\B)"), "sr", "#pop")],
    "multiline_regex": [
        Mixin("multiline_regex_end"),
        Mixin("regex_comment"),
        Mixin("has_interpolation"),
        Mixin("comments"),
        Mixin("whitespace"),
        Mixin("code_escape"),
        Rule(rx(r"\\\D"), "se"),
        Rule(rx(r"\\\d+"), "nv"),
        Rule(rx(r".", re.S), "sr"),
    ],
    "slash_starts_regex": [
        Mixin("comments"),
        Mixin("whitespace"),
        Mixin("multiline_regex_begin"),
        Rule(rx(r"/(\\.|[^\[/\\\n]|\[(\\.|[^\]\\\n])*\])+/([gimy]+\b|\B)"), "sr", "#pop"),
        Rule(rx(r""), None, "#pop"),
    ],
    "root": [
        Rule(rx(r"^(?=\s|/|<!--)"), None, "slash_starts_regex"),
        Mixin("comments"),
        Mixin("whitespace"),
        Rule(rx(_OPERATOR), "o", "slash_starts_regex"),
        Rule(rx(r"[-=]>"), "nf"),
        Rule(rx(rf"(@)([ \t]*)({_ID})"), ("vi", "", "na"), "slash_starts_regex"),
        Rule(rx(rf"([.])([ \t]*)({_ID})"), ("p", "", "na"), "slash_starts_regex"),
        Rule(rx(rf"{_ID}(?=\s*:)"), "na", "slash_starts_regex"),
        Rule(rx(_ID), action=_name),
        Rule(rx(r"[{(\[;,]"), "p", "slash_starts_regex"),
        Rule(rx(r"[})\].]"), "p"),
        Rule(rx(r"\d+[.]\d+([eE]\d+)?[fd]?"), "mf"),
        Rule(rx(r"0x[0-9a-fA-F]+"), "mh"),
        Rule(rx(r"\d+"), "mi"),
        Rule(rx(r'"""'), "s", "tdqs"),
        Rule(rx(r"'''"), "s", "tsqs"),
        Rule(rx(r'"'), "s", "dqs"),
        Rule(rx(r"'"), "s", "sqs"),
    ],
    "code_escape": [
        Rule(rx(r"\\(c[A-Z]|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|u\{[0-9a-fA-F]{4}\})"), "se"),
    ],
    "strings": [
        Rule(rx(r"[^#\\'\"]+", re.S), "s"),
        Mixin("code_escape"),
        Rule(rx(r"\\."), "se"),
        Rule(rx(r"#"), "s"),
    ],
    "double_strings": [
        Rule(rx(r"'"), "s"),
        Mixin("has_interpolation"),
        Mixin("strings"),
    ],
    "single_strings": [
        Rule(rx(r'"'), "s"),
        Mixin("strings"),
    ],
    "interpolation": [
        Rule(rx(r"\}"), "si", "#pop"),
        Mixin("root"),
    ],
    "has_interpolation": [Rule(rx(r"[#][{]"), "si", "interpolation")],
    "dqs": [Rule(rx(r'"'), "s", "#pop"), Mixin("double_strings")],
    "tdqs": [Rule(rx(r'"""'), "s", "#pop"), Rule(rx(r'"'), "s"), Mixin("double_strings")],
    "sqs": [Rule(rx(r"'"), "s", "#pop"), Mixin("single_strings")],
    "tsqs": [Rule(rx(r"'''"), "s", "#pop"), Rule(rx(r"'"), "s"), Mixin("single_strings")],
})

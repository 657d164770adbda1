"""Lua as Rouge 3.30's Lua lexer tokenises it (builtin functions highlighted, no module
disabled: Rouge's defaults).  Rouge's float pattern ends in a quote character, so ``3.14`` is
read as integer, dot, integer; the first argument list of ``gsub`` takes Lua patterns."""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, rx
from ..rouge_registry import WORDS

_BUILTINS = frozenset(WORDS["lua_builtins"])
_ID = r"[A-Za-z_][A-Za-z0-9_]*"


def _name(run: LexRun, m: re.Match[str]) -> None:
    name = m.group()
    if name == "gsub":
        run.token("nb", name)
        run.push("gsub")
    elif name in _BUILTINS:
        run.token("nb", name)
    elif "." in name:
        head, tail = name.split(".", 1)
        run.token("n", head)
        run.token("p", ".")
        run.token("n", tail)
    else:
        run.token("n", name)


def _regex_quote(run: LexRun, m: re.Match[str]) -> None:
    run.token("sr", m.group())
    run.goto("regex_end")


LEXER = RegexLexer({
    "root": [
        Rule(rx(r"#!(.*?)$"), "cp"),
        Rule(rx(r""), None, "base"),
    ],
    "base": [
        Rule(rx(r"--\[(=*)\[.*?\]\1\]", re.S), "cm"),
        Rule(rx(r"--.*$"), "c1"),
        Rule(rx(r"(\d*\.\d+|\d+\.\d*)(e[+-]?\d+)?'", re.I), "mf"),
        Rule(rx(r"\d+e[+-]?\d+", re.I), "mf"),
        Rule(rx(r"0x[0-9a-f]*", re.I), "mh"),
        Rule(rx(r"\d+"), "mi"),
        Rule(rx(r"\n"), ""),
        Rule(rx(r"[^\S\n]"), ""),
        Rule(rx(r"\[(=*)\[.*?\]\1\]", re.S), "s"),
        Rule(rx(r"(==|~=|<=|>=|\.\.\.|\.\.|[=+\-*/%^<>#])"), "o"),
        Rule(rx(r"[\[\]{}().,:;]"), "p"),
        Rule(rx(r"(and|or|not)\b"), "ow"),
        Rule(rx(r"(break|do|else|elseif|end|for|if|in|repeat|return|then|until|while)\b"),
             "k"),
        Rule(rx(r"(local)\b"), "kd"),
        Rule(rx(r"(true|false|nil)\b"), "kc"),
        Rule(rx(r"(function)\b"), "k", "function_name"),
        Rule(rx(rf"{_ID}(\.{_ID})?"), action=_name),
        Rule(rx(r"'"), "s1", "escape_sqs"),
        Rule(rx(r'"'), "s2", "escape_dqs"),
    ],
    "function_name": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(rf"(?:({_ID})(\.))?({_ID})"), ("nc", "p", "nf"), "#pop"),
        Rule(rx(r"\("), "p", "#pop"),
    ],
    "gsub": [
        Rule(rx(r"\)"), "p", "#pop"),
        Rule(rx(r"[(,]"), "p"),
        Rule(rx(r"\s+"), ""),
        Rule(rx(r'"'), "sr", "regex"),
    ],
    "regex": [
        Rule(rx(r'"'), action=_regex_quote),
        Rule(rx(r"\[\^?"), "se", "regex_group"),
        Rule(rx(r"\\."), "se"),
        Rule(rx(r"[(][?][:=<!]"), "se"),
        Rule(rx(r"[{][\d,]+[}]"), "se"),
        Rule(rx(r"[()?]"), "se"),
        Rule(rx(r"."), "sr"),
    ],
    "regex_end": [
        Rule(rx(r"[$]+"), "sr", "#pop"),
        Rule(rx(r""), None, "#pop"),
    ],
    "regex_group": [
        Rule(rx(r"/"), "se"),
        Rule(rx(r"\]"), "se", "#pop"),
        Rule(rx(r"(\\)(.)"), ("se", "sr")),
        Rule(rx(r"."), "sr"),
    ],
    "escape_sqs": [Mixin("string_escape"), Mixin("sqs")],
    "escape_dqs": [Mixin("string_escape"), Mixin("dqs")],
    "string_escape": [Rule(rx(r"\\([abfnrtv\\\"']|\d{1,3})"), "se")],
    "sqs": [Rule(rx(r"'"), "s1", "#pop"), Rule(rx(r"[^']+"), "s1")],
    "dqs": [Rule(rx(r'"'), "s2", "#pop"), Rule(rx(r'[^"]+'), "s2")],
})

"""Liquid templates as Rouge 3.30's Liquid lexer tokenises them: ``{% tag %}`` blocks with
their markup, ``{{ output | filters }}``, ``comment`` and ``raw`` bodies; whitespace inside
tags keeps the ``w`` class."""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, rx

W = "w"


def _groups(*classes: str, push: str | None = None, pop: bool = False, reset: bool = False):
    def action(run: LexRun, m: re.Match[str]) -> None:
        for i, css in enumerate(classes, start=1):
            run.token(css, m.group(i))
        if pop:
            run.pop()
        if reset:
            run.reset()
        if push:
            run.push(push)
    return action


def _quoted_class(value: str | None) -> str:
    if value and re.search(r"'[^']*'", value):
        return "s1"
    if value and re.search(r'"[^"]*"', value):
        return "s2"
    return ""


def _cycle(run: LexRun, m: re.Match[str]) -> None:
    css = _quoted_class(m.group(3)) or "na"
    for i, c in enumerate(("nt", W, css, W, "p", W), start=1):
        run.token(c, m.group(i))
    run.push("variable_tag_markup")


def _for(run: LexRun, m: re.Match[str]) -> None:
    for i, c in enumerate(("nt", W, "nv", W, "nt", W), start=1):
        run.token(c, m.group(i))
    run.token(_quoted_class(m.group(7)) or "nv", m.group(7))
    run.token(W, m.group(8))
    run.push("tag_markup")


def _reset(css: str):
    def action(run: LexRun, m: re.Match[str]) -> None:
        run.token(css, m.group())
        run.reset()
    return action


STATES = {
    "root": [
        Rule(rx(r"[^\{]+"), ""),
        Rule(rx(r"(\{%-?)(\s*)"), action=_groups("p", W, push="tag_or_block")),
        Rule(rx(r"(\{\{-?)(\s*)"), action=_groups("p", W, push="output")),
        Rule(rx(r"\{"), ""),
    ],
    "tag_or_block": [
        Rule(rx(r"(if|elsif|unless|case)\b"), "kr", "condition"),
        Rule(rx(r"(when)\b"), "kr", "when"),
        Rule(rx(r"(else)(\s*)(-?%\})"), action=_groups("kr", W, "p", pop=True)),
        Rule(rx(r"(capture|(?:in|de)crement)(\s+)([^\s%]+)(\s*)(-?%\})"),
             action=_groups("nt", W, "nv", W, "p", pop=True)),
        Rule(rx(r"(comment)(\s*)(-?%\})"), action=_groups("nt", W, "p", push="comment")),
        Rule(rx(r"(raw)(\s*)(-?%\})"), action=_groups("nt", W, "p", push="raw")),
        Rule(rx(r"(end(?:if|unless|case))(\s*)(-?%\})"), action=_groups("kr", W, "p", pop=True)),
        Rule(rx(r"(end(?:[^\s%]+))(\s*)(-?%\})"), action=_groups("nt", W, "p", pop=True)),
        Rule(rx(r"(assign|echo)\b"), "nt", "assign"),
        Rule(rx(r"(include|render)\b"), "nt", "include"),
        Rule(rx(r"(cycle)(\s+)(?:([^\s:]*)(\s*)(:))?(\s*)"), action=_cycle),
        Rule(rx(r"(for|tablerow)(\s+)([\w-]+)(\s+)(in)(\s+)"
                r"((?:[^\s%,\|'\"]|(?:\"[^\"]*\"|'[^']*'))+)(\s*)"), action=_for),
        Rule(rx(r"([^\s%]+)(\s*)"), action=_groups("nt", W, push="tag_markup")),
    ],
    "output": [
        Rule(rx(r"(\|)(\s*)([a-zA-Z_][^\s}\|:]*)"), action=_groups("p", W, "nf", push="filters")),
        Mixin("end_of_tag"),
        Mixin("generic"),
    ],
    "filters": [
        Rule(rx(r"(\|)(\s*)([a-zA-Z_][^\s%}\|:]*)"), ("p", W, "nf")),
        Mixin("end_of_tag"),
        Mixin("end_of_block"),
        Mixin("variable_param_markup"),
    ],
    "condition": [
        Rule(rx(r"([=!]=|[<>]=?)"), "o"),
        Rule(rx(r"(and|or|contains)\b"), "ow"),
        Mixin("end_of_block"),
        Mixin("generic"),
    ],
    "when": [Mixin("end_of_block"), Mixin("generic")],
    "end_of_tag": [Rule(rx(r"-?\}\}"), action=_reset("p"))],
    "end_of_block": [Rule(rx(r"-?%\}"), action=_reset("p"))],
    "param_markup": [
        Mixin("whitespace"),
        Mixin("keyword"),
        Mixin("string"),
        Mixin("number"),
        Rule(rx(r"([^\s=:]+)(\s*)(=|:)"), ("na", W, "o")),
        Rule(rx(r"[,:]"), "p"),
    ],
    "default_param_markup": [Mixin("param_markup"), Rule(rx(r"\S+"), "")],
    "variable_param_markup": [Mixin("param_markup"), Mixin("variable"), Rule(rx(r"\S+"), "")],
    "tag_markup": [
        Rule(rx(r"(reversed)\b"), "na"),
        Mixin("end_of_block"),
        Mixin("default_param_markup"),
    ],
    "variable_tag_markup": [Mixin("end_of_block"), Mixin("variable_param_markup")],
    "keyword": [Rule(rx(r"(false|true|nil)\b"), "kc")],
    "variable": [
        Rule(rx(r"(empty|blank|forloop\.[^\s%}\|:]+)\b"), "nb"),
        Rule(rx(r"\.(?=\w)|\[|\]"), "p"),
        Rule(rx(r"(first|last|size)\b"), "nf"),
        Rule(rx(r"[a-zA-Z_][\w-]*\??"), "nv"),
    ],
    "string": [Rule(rx(r"'[^']*'"), "s1"), Rule(rx(r'"[^"]*"'), "s2")],
    "number": [Rule(rx(r"-"), "o"), Rule(rx(r"\d+\.\d+"), "mf"), Rule(rx(r"\d+"), "mi")],
    "generic": [Mixin("whitespace"), Mixin("keyword"), Mixin("string"), Mixin("number"),
                Mixin("variable")],
    "whitespace": [Rule(rx(r"[ \t]+"), W)],
    "comment": [
        Rule(rx(r"[^\{]+"), "c"),
        Rule(rx(r"(\{%-?)(\s*)(endcomment)(\s*)(-?%\})"),
             action=_groups("p", W, "nt", W, "p", reset=True)),
        Rule(rx(r"\{"), "c"),
    ],
    "raw": [
        Rule(rx(r"[^\{]+"), ""),
        Rule(rx(r"(\{%-?)(\s*)(endraw)(\s*)(-?%\})"),
             action=_groups("p", W, "nt", W, "p", reset=True)),
        Rule(rx(r"\{"), ""),
    ],
    "assign": [
        Rule(rx(r"="), "o"),
        Rule(rx(r"(\|)(\s*)([a-zA-Z_][^\s%\|:]*)"), action=_groups("p", W, "nf", push="filters")),
        Mixin("end_of_block"),
        Mixin("generic"),
    ],
    "include": [
        Rule(rx(r"(\{\{-?)(\s*)"), action=_groups("p", W, push="output_embed")),
        Rule(rx(r"(with|for)\b"), "nt"),
        Rule(rx(r"[\/\w-]+(\.[\w-]+)+\b"), ""),
        Mixin("variable_tag_markup"),
    ],
    "output_embed": [
        Rule(rx(r"(\|)(\s*)([a-zA-Z_][^\s}\|:]*)"), ("p", W, "nf")),
        Rule(rx(r"-?\}\}"), "p", "#pop"),
        Mixin("variable_param_markup"),
    ],
}

LEXER = RegexLexer(STATES)

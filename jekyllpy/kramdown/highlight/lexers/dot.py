"""Graphviz DOT as Rouge 3.30's DOT lexer tokenises it; an HTML label (``<...>``) goes to
an HTML lexer started afresh at each label.  Rouge's case-insensitive keyword pattern also
takes U+017F for ``s`` (Ruby's folding), spelled out here."""

from __future__ import annotations

import re

from .. import unicode_props as P
from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, delegate, rx
from . import html

_END = f"(?![{P.BOUNDARY_WORD}])"  # Ruby's \b after a word character


def _ci(word: str) -> str:
    extra = {"s": "\u017f", "k": "\u212a"}
    return "".join(f"[{c.lower()}{c.upper()}{extra.get(c, '')}]" for c in word)


def _html_label(run: LexRun, m: re.Match[str]) -> None:
    run.token("p", m.group())
    run.vars["html"] = html.LEXER.new_run()
    run.push("html")


_KEYWORDS = "|".join(_ci(w) for w in ("strict", "graph", "digraph", "subgraph", "node", "edge"))
_TO_HTML = delegate("html", html.LEXER)

LEXER = RegexLexer({
    "comments_and_whitespace": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"#.*"), "c1"),
        Rule(rx(r"//.*?$"), "c1"),
        Rule(rx(r"/(\\\n)?[*].*?[*](\\\n)?/", re.S), "cm"),
    ],
    "html": [
        Rule(rx(r"[^<>]+"), action=_TO_HTML),
        Rule(rx(r"<.+?>", re.S), action=_TO_HTML),
        Rule(rx(r">"), "p", "#pop"),
    ],
    "ID": [
        Rule(rx(r"([a-zA-Z][a-zA-Z_0-9]*)(\s*)(=)"), ("n", "", "p")),
        Rule(rx(r"[a-zA-Z][a-zA-Z_0-9]*"), "nv"),
        Rule(rx(r"([0-9]+)?\.[0-9]+"), "mf"),
        Rule(rx(r"[0-9]+"), "mi"),
        Rule(rx(r'"(\\"|[^"])*"'), "s2"),
        Rule(rx(r"<"), action=_html_label),
    ],
    "a_list": [
        Mixin("comments_and_whitespace"),
        Mixin("ID"),
        Rule(rx(r"[=;,]"), "p"),
        Rule(rx(r"\]"), "o", "#pop"),
    ],
    "root": [
        Mixin("comments_and_whitespace"),
        Rule(rx(rf"\b({_KEYWORDS}){_END}"), "k"),
        Rule(rx(r"[{};:=]"), "p"),
        Rule(rx(r"-[->]"), "o"),
        Rule(rx(r"\["), "o", "a_list"),
        Mixin("ID"),
    ],
})

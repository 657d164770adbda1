"""Sass (the indented syntax) as Rouge 3.30's Sass lexer tokenises it: SCSS's shared states
(``scss.COMMON``), with lines instead of braces: each line's indentation is read first, a
comment line makes the lines indented under it comments too, and a line break ends the
selector or value it is in."""

from __future__ import annotations

import re

from ..regex_lexer import (LexRun, Mixin, RegexLexer, Rule, indentation, rx, starts_block,
                           then)
from .scss import COMMON, ID


def _line_start(run: LexRun, m: re.Match[str]) -> None:
    run.token("", m.group())
    indentation(run, m.group())


def _comment_block(token: str, state: str):
    def action(run: LexRun, m: re.Match[str]) -> None:
        run.token(token, m.group())
        run.pop()
        starts_block(run, state)
    return action


def _line_end(run: LexRun, m: re.Match[str]) -> None:
    run.token("", m.group())
    run.reset()


LEXER = RegexLexer({
    **COMMON,
    "root": [
        Rule(rx(r"[ \t]*\n"), ""),
        Rule(rx(r"[ \t]*"), action=_line_start),
    ],
    "content": [
        Rule(rx(r"//.*?$"), action=_comment_block("c1", "single_comment")),
        Rule(rx(r"/[*].*?\n"), action=_comment_block("cm", "multi_comment")),
        Rule(rx(r"@import\b"), "k", "import"),
        Mixin("content_common"),
        Rule(rx(f"={ID}"), "nf", "value"),
        Rule(rx(f"[+]{ID}"), "nd", "value"),
        Rule(rx(r":"), "na", "old_style_attr"),
        Rule(rx(r"(?=[^\[\n]+?:([^a-z]|$))"), action=then(push=("attribute",))),
        Rule(rx(r""), action=then(push=("selector",))),
    ],
    "single_comment": [Rule(rx(r".*?$"), "c1", "#pop")],
    "multi_comment": [Rule(rx(r".*?\n"), "cm", "#pop")],
    "import": [
        Rule(rx(r"[ \t]+"), ""),
        Rule(rx(r"\S+"), "s"),
        Rule(rx(r"\n"), "", "#pop"),
    ],
    "old_style_attr": [
        Mixin("attr_common"),
        Rule(rx(r""), action=then(pop=1, push=("value",))),
    ],
    "end_section": [Rule(rx(r"\n"), action=_line_end)],
})

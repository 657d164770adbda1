"""Gherkin (Cucumber) as Rouge 3.30's Gherkin lexer tokenises it, with its keywords in
every spoken language (generated into the registry).  A line with a colon is a section
heading whose keyword (the text before the colon) decides the state; a step keyword starts a
step; tables come after a heading or an examples section."""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, rx
from ..rouge_registry import WORDS

_ELEMENT = frozenset(WORDS["gherkin_element"])
_FEATURE = frozenset(WORDS["gherkin_feature"])
_EXAMPLES = frozenset(WORDS["gherkin_examples"])


def _step_alternative(word: str) -> str:
    # a keyword ending in "<" needs no boundary after it (the "<" is dropped), one ending in
    # a space needs none either; every other one ends at a word boundary
    if word.endswith("<"):
        return re.escape(word[:-1])
    if word.endswith(" "):
        return re.escape(word)
    return re.escape(word) + r"\b"


_STEP = "|".join(_step_alternative(w) for w in WORDS["gherkin_step"])
_REST_OF_LINE = r".*?(?=[#\n])"


def _heading(run: LexRun, m: re.Match[str]) -> None:
    run.reset()
    keyword = m.group(1)
    if keyword in _ELEMENT:
        run.push("description")
        css = "kn"
    elif keyword in _FEATURE:
        run.push("feature_description")
        css = "kd"
    elif keyword in _EXAMPLES:
        run.push("example_description")
        css = "nn"
    else:
        css = "err"
    run.token(css, m.group(1))
    run.token("p", m.group(2))


def _step(run: LexRun, m: re.Match[str]) -> None:
    run.token("nf", m.group())
    run.reset()
    run.push("step")


def _goto_table(run: LexRun, m: re.Match[str]) -> None:
    run.token("", m.group())
    run.goto("table")


LEXER = RegexLexer({
    "basic": [
        Rule(rx(r"#.*$"), "c"),
        Rule(rx(r"[ \r\t]+"), ""),
    ],
    "root": [
        Mixin("basic"),
        Rule(rx(r"\n"), ""),
        Rule(rx(r'""".*?"""', re.S), "s"),
        Rule(rx(r"@[^\s@]+"), "nt"),
        Mixin("has_table"),
        Mixin("has_examples"),
    ],
    "has_scenarios": [Rule(rx(r"(.*?)(:)"), action=_heading)],
    "has_examples": [
        Mixin("has_scenarios"),
        Rule(rx(_STEP), action=_step),
    ],
    "has_table": [Rule(rx(r"(?=[|])"), None, "table_header")],
    "table_header": [
        Rule(rx(r"[^|\s]+"), "nv"),
        Rule(rx(r"\n"), action=_goto_table),
        Mixin("table"),
    ],
    "table": [
        Mixin("basic"),
        Rule(rx(r"\n"), "", "table_bol"),
        Rule(rx(r"[|]"), "p"),
        Rule(rx(r"[^|\s]+"), "n"),
    ],
    "table_bol": [
        Rule(rx(r"(?=\s*[^\s|])"), action=lambda run, m: run.reset()),
        Rule(rx(r""), None, "#pop"),
    ],
    "description": [
        Mixin("basic"),
        Mixin("has_examples"),
        Rule(rx(r"\n"), ""),
        Rule(rx(_REST_OF_LINE), ""),
    ],
    "feature_description": [
        Mixin("basic"),
        Mixin("has_scenarios"),
        Rule(rx(r"\n"), ""),
        Rule(rx(_REST_OF_LINE), ""),
    ],
    "example_description": [
        Mixin("basic"),
        Mixin("has_table"),
        Rule(rx(r"\n"), ""),
        Rule(rx(_REST_OF_LINE), ""),
    ],
    "step": [
        Mixin("basic"),
        Rule(rx(r"<.*?>"), "nv"),
        Rule(rx(r'".*?"'), "s"),
        Rule(rx(r"\S[^\s<]*"), ""),
        Rule(rx(_REST_OF_LINE), "", "#pop"),
    ],
})

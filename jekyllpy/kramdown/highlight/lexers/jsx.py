"""JSX as Rouge 3.30's JSX lexer tokenises it: JavaScript where an expression may start
with an element (``<Tag attr={...}>text</Tag>``); text between tags goes to the HTML lexer
and ``{...}`` back to JavaScript."""

from __future__ import annotations

from ..regex_lexer import Mixin, RegexLexer, Rule, delegate, rx, then
from . import html
from . import javascript as js


def add_jsx(states: dict) -> dict:
    """JSX's states added to (JavaScript or TypeScript) ``states``."""
    states["expr_start"] = [Mixin("tag"), *states["expr_start"]]
    states.update(_JSX_STATES)
    return states


_JSX_STATES = {
    "tag": [Rule(rx(r"<"), action=then("p", push=("tag_opening", "element", "element_name")))],
    "tag_opening": [
        Rule(rx(r"</"), action=then("p", goto="element", push=("element_name",))),
        Mixin("tag"),
        Rule(rx(r"{"), action=then("si", push=("interpol", "expr_start"))),
        Rule(rx(r"[^<{]+"), action=delegate("html", html.LEXER)),
    ],
    "element": [
        Mixin("comments_and_whitespace"),
        Rule(rx(r"/>"), action=then("p", pop=2)),
        Rule(rx(r">"), "p", "#pop"),
        Rule(rx(r"{"), action=then("si", push=("interpol", "expr_start"))),
        Rule(rx(r"\w[\w-]*"), "na"),
        Rule(rx(r"="), "p"),
        Rule(rx(r"([\"']).*?(\1)"), "s"),
    ],
    "element_name": [
        Rule(rx(r"[A-Z]\w*"), "nc"),
        Rule(rx(r"\w+"), "nt"),
        Rule(rx(r"\."), "p"),
        Rule(rx(r""), action=then(pop=1)),
    ],
    "interpol": [
        Rule(rx(r"}"), "si", "#pop"),
        Rule(rx(r"{"), action=then("p", push=("interpol_inner", "statement"))),
        Mixin("root"),
    ],
    "interpol_inner": [
        Rule(rx(r"}"), action=then("p", goto="statement")),
        Mixin("root"),
    ],
}

LEXER = RegexLexer(add_jsx(js.make_states()), start=("root", "expr_start"))

"""JSON as Rouge 3.30's JSON lexer tokenises it: keys are labels (``nl``), whitespace keeps
the ``w`` class, and anything outside the grammar (a top-level comma, a bare word) is an
error token, character by character."""

from __future__ import annotations

import re

from ..regex_lexer import Mixin, RegexLexer, Rule, rx

STATES = {
    "whitespace": [Rule(rx(r"\s+"), "w")],
    "root": [
        Mixin("whitespace"),
        Rule(rx(r"{"), "p", "object"),
        Rule(rx(r"\["), "p", "array"),
        Mixin("name"),
        Mixin("value"),
        Rule(rx(r"[\]}]"), "p"),
    ],
    "object": [
        Mixin("whitespace"),
        Mixin("name"),
        Mixin("value"),
        Rule(rx(r"}"), "p", "#pop"),
        Rule(rx(r","), "p"),
    ],
    "name": [Rule(rx(r'("(?:\\.|[^"\\\n])*?")(\s*)(:)'), ("nl", "w", "p"))],
    "value": [
        Mixin("whitespace"),
        Mixin("constants"),
        Rule(rx(r'"'), "s2", "string"),
        Rule(rx(r"\["), "p", "array"),
        Rule(rx(r"{"), "p", "object"),
    ],
    "string": [
        Rule(rx(r'[^\\"]+'), "s2"),
        Rule(rx(r"\\."), "se"),
        Rule(rx(r'"'), "s2", "#pop"),
    ],
    "array": [
        Mixin("value"),
        Rule(rx(r"\]"), "p", "#pop"),
        Rule(rx(r","), "p"),
    ],
    "constants": [
        Rule(rx(r"(?:true|false|null)"), "kc"),
        Rule(rx(r"-?(?:0|[1-9]\d*)\.\d+(?:e[+-]?\d+)?", re.I), "mf"),
        Rule(rx(r"-?(?:0|[1-9]\d*)(?:e[+-]?\d+)?", re.I), "mi"),
    ],
}

LEXER = RegexLexer(STATES)


def _json_doc_states() -> dict:
    """Rouge's JSON-doc lexer: JSON with bare keys, comments and ``...`` elisions."""
    states = dict(STATES)
    states["name"] = [Rule(rx(r"([$\w]+)(\s*)(:)"), ("na", "", "p")), *STATES["name"]]
    states["value"] = [
        Rule(rx(r"/[*].*?[*]/"), "c"),
        Rule(rx(r"//.*?$"), "c1"),
        Rule(rx(r"(\.\.\.)"), "c1"),
        *STATES["value"],
    ]
    return states


JSON_DOC = RegexLexer(_json_doc_states())

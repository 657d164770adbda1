"""BibTeX as Rouge 3.30's BibTeX lexer tokenises it: ``@type{key, field = value # value}``
entries (``@comment`` is a comment, ``@string`` and ``@preamble`` take a field or a value),
values as names, numbers, and quoted or braced strings with nested braces; text outside
entries is a comment."""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, rx, then

_PUNCTUATION = r"@!$&.\\:;<>?\[\]^`|~*/+\-"
# Rouge's pattern is case-insensitive: its first [a-z] also takes U+017F and U+212A
_NAME = f"[a-zA-Z\u017f\u212a_{_PUNCTUATION}][\\w{_PUNCTUATION}]*"

_ENTRY_STATES = {"preamble": ("closing_brace", "value", "opening_brace"),
                 "string": ("closing_brace", "field", "opening_brace")}


def _entry(run: LexRun, m: re.Match[str]) -> None:
    kind = m.group(1).lower()
    if kind == "comment":
        run.token("c", m.group())
        return
    run.token("nc", m.group())
    for state in _ENTRY_STATES.get(kind, ("closing_brace", "command_body", "opening_brace")):
        run.push(state)


LEXER = RegexLexer({
    "root": [
        Mixin("whitespace"),
        Rule(rx(f"@({_NAME})"), action=_entry),
        Rule(rx(r".+"), "c"),
    ],
    "opening_brace": [Mixin("whitespace"), Rule(rx(r"[{(]"), "p", "#pop")],
    "closing_brace": [Mixin("whitespace"), Rule(rx(r"[})]"), "p", "#pop")],
    "command_body": [
        Mixin("whitespace"),
        Rule(rx(r"[^\s,}]+"), action=then("nl", pop=1, push=("fields",))),
    ],
    "fields": [
        Mixin("whitespace"),
        Rule(rx(r","), "p", "field"),
        Rule(rx(r""), action=then(pop=1)),
    ],
    "field": [
        Mixin("whitespace"),
        Rule(rx(_NAME), action=then("na", push=("value", "equal_sign"))),
        Rule(rx(r""), action=then(pop=1)),
    ],
    "equal_sign": [Mixin("whitespace"), Rule(rx(r"="), "p", "#pop")],
    "value": [
        Mixin("whitespace"),
        Rule(rx(_NAME), "nv"),
        Rule(rx(r'"'), "s", "quoted_string"),
        Rule(rx(r"\{"), "s", "braced_string"),
        Rule(rx(r"\d+"), "m"),
        Rule(rx(r"#"), "p"),
        Rule(rx(r""), action=then(pop=1)),
    ],
    "quoted_string": [
        Rule(rx(r"\{"), "s", "braced_string"),
        Rule(rx(r'"'), "s", "#pop"),
        Rule(rx(r'[^{"]+'), "s"),
    ],
    "braced_string": [
        Rule(rx(r"\{"), "s", "braced_string"),
        Rule(rx(r"\}"), "s", "#pop"),
        Rule(rx(r"[^{}]+"), "s"),
    ],
    "whitespace": [Rule(rx(r"\s+"), "")],
})

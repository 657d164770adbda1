"""Test Anything Protocol output as Rouge 3.30's TAP lexer tokenises it: the version line, the
plan, ``ok``/``not ok`` test lines with their ``#`` directives (``TODO`` and ``SKIP`` marked,
case-insensitive as Ruby's /i matches, U+017F and U+212A included), diagnostics and
``Bail out!``; other lines are text."""

from __future__ import annotations

from .. import unicode_props as P
from ..regex_lexer import RegexLexer, Rule, ruby_ci, rx, then

_END = f"(?![{P.BOUNDARY_WORD}])"  # Ruby's \b after a word character (unicode_props)
LEXER = RegexLexer({
    "root": [
        Rule(rx(r"^TAP version \d+\n"), "nn"),
        Rule(rx(r"^1\.\.\d+"), "kd", "plan"),
        Rule(rx(r"^(not ok)([^\S\n]*)(\d*)"), ("gr", "", "mi"), "test"),
        Rule(rx(r"^(ok)([^\S\n]*)(\d*)"), ("kr", "", "mi"), "test"),
        Rule(rx(r"^#.*\n"), "c"),
        Rule(rx(r"^Bail out!.*\n"), "gr"),
        Rule(rx(r"^.*\n"), ""),
    ],
    "plan": [
        Rule(rx(r"[^\S\n]+"), ""),
        Rule(rx(r"#"), "c", "directive"),
        Rule(rx(r"\n"), "c", "#pop"),
        Rule(rx(r".*\n"), "gr", "#pop"),
    ],
    "test": [
        Rule(rx(r"[^\S\n]+"), ""),
        Rule(rx(r"#"), "c", "directive"),
        Rule(rx(r"\S+"), ""),
        Rule(rx(r"\n"), "", "#pop"),
    ],
    "directive": [
        Rule(rx(r"[^\S\n]+"), "c"),
        Rule(rx(r"\b" + ruby_ci("todo") + _END), "cp"),
        Rule(rx(r"\b" + ruby_ci("skip") + r"\S*"), "cp"),
        Rule(rx(r"\S+"), "c"),
        Rule(rx(r"\n"), action=then("c", pop=2)),
    ],
})

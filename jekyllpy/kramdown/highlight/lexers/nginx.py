"""nginx configuration as Rouge 3.30's nginx lexer tokenises it.  Rouge's case-insensitive
letter classes also take U+017F and U+212A (Ruby folds them into ``s`` and ``k``); they are
spelled out here instead of using Python's ASCII case folding."""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, rx

_ID = r"[^\s$;{}()#]+"
_LETTERS_I = "a-zA-Z\u017f\u212a"  # [a-z] under Ruby's /i


def _open_block(run: LexRun, m: re.Match[str]) -> None:
    run.token("p", m.group())
    run.pop()
    run.push("block")


LEXER = RegexLexer({
    "root": [
        Rule(rx(r"(include)(\s+)([^\s;]+)"), ("k", "", "n")),
        Rule(rx(_ID), "k", "statement"),
        Mixin("base"),
    ],
    "block": [
        Rule(rx(r"\}"), "p", "#pop"),
        Rule(rx(_ID), "kn", "statement"),
        Mixin("base"),
    ],
    "statement": [
        Rule(rx(r"\{"), action=_open_block),
        Rule(rx(r";"), "p", "#pop"),
        Mixin("base"),
    ],
    "base": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"#.*"), "c1"),
        Rule(rx(r"(?:on|off)\b"), "no"),
        Rule(rx(r"[$][\w-]+"), "nv"),
        Rule(rx(rf"([{_LETTERS_I}0-9.-]+)(:)([0-9]+)"), ("nf", "p", "mi")),
        Rule(rx(rf"[{_LETTERS_I}-]+/[{_LETTERS_I}-]+"), "nc"),
        Rule(rx(r"[0-9]+[kmgKMG\u212a]?\b"), "mi"),
        Rule(rx(r"(~)(\s*)([^\s{]+)"), ("p", "", "sr")),
        Rule(rx(r"[:=~]"), "p"),
        Rule(rx(rf"/(?:{_ID})?"), "n"),
        Rule(rx(r"[^#\s;{}$\\]+"), "s"),
        Rule(rx(r"[$;]"), ""),
    ],
})

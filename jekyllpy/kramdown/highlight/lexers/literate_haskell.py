"""Literate Haskell (bird style) as Rouge 3.30's LiterateHaskell lexer tokenises it: prose is
text; each ``> `` line's code goes to one Haskell lexer whose state carries over between
lines (``regex_lexer.feed_embedded``), the ``>`` itself a label."""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, RegexLexer, Rule, feed_embedded, rx
from . import haskell


def _code_line(run: LexRun, m: re.Match[str]) -> None:
    run.token("nl", m.group(1))
    feed_embedded(run, "haskell", haskell.LEXER, m.group(2))


LEXER = RegexLexer({
    "root": [
        Rule(rx(r"\s*?\n(?=>)"), "", "code"),
        Rule(rx(r".*?\n"), ""),
        Rule(rx(r".+\Z"), ""),
    ],
    "code": [
        Rule(rx(r"(>)( .*?(?:\n|\Z))"), action=_code_line),
        Rule(rx(r"\s*\n(?=\s*[^>])"), "", "#pop"),
    ],
})

"""VHDL as Rouge 3.30's VHDL lexer tokenises it (its keyword, type and operator-word names
generated into the registry, looked up in lower case).  Rouge tries integers before
decimals, so ``1.5`` is an integer, an operator and an integer; kept.  Its case-insensitive
``true|false|null`` also takes U+017F for the ``s`` (Ruby's /i folding), while the name
after a ``'`` is matched as written (Rouge's name pattern keeps its own flags)."""

from __future__ import annotations

import re

from .. import unicode_props as P
from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, ruby_ci, rx
from ..rouge_registry import WORDS

_KEYWORDS = frozenset(WORDS["vhdl_keywords"])
_TYPES = frozenset(WORDS["vhdl_keywords_type"])
_OPERATOR_WORDS = frozenset(WORDS["vhdl_operator_words"])

_END = f"(?![{P.BOUNDARY_WORD}])"  # Ruby's \b after a word character (unicode_props)
_ID = r"[a-zA-Z][a-zA-Z0-9_]*"


def _name(run: LexRun, m: re.Match[str]) -> None:
    word = m.group().lower()
    css = ("k" if word in _KEYWORDS else "kt" if word in _TYPES
           else "ow" if word in _OPERATOR_WORDS else "n")
    run.token(css, m.group())


LEXER = RegexLexer({
    "root": [Mixin("whitespace"), Mixin("statements")],
    "whitespace": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"\n"), ""),
        Rule(rx(r"--.*$"), "c1"),
    ],
    "statements": [
        Rule(rx(r"-?\d+"), "mi"),
        Rule(rx(r"-?\d+[.]\d+"), "mf"),
        Rule(rx(r'[boxBOX]?"[^"]*"'), "s1"),
        Rule(rx(r"'[^']?'"), "sc"),
        Rule(rx(f"'{_ID}"), "na"),
        Rule(rx(r"[(),:;]"), "p"),
        Rule(rx(ruby_ci("(?:true|false|null)") + _END), "nb"),
        Rule(rx(_ID), action=_name),
        Rule(rx(r"=>|[*][*]|:=|/=|>=|<=|<>|\?\?|\?=|\?/=|\?>|\?<|\?>=|\?<=|<<|>>"
                r"|[#&'*+-./:<=>?@^]"), "o"),
    ],
})

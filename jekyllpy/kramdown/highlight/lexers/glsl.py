"""GLSL as Rouge 3.30's GLSL lexer tokenises it: C's states with GLSL's word lists
(generated into the registry), its ``gl_`` variables as builtins."""

from __future__ import annotations

from ..regex_lexer import RegexLexer
from ..rouge_registry import WORDS
from . import c

_WORDS = tuple(frozenset(WORDS[f"glsl_{k}"])
               for k in ("keywords", "keywords_type", "reserved", "builtins"))

LEXER: RegexLexer = RegexLexer(c.make_states(False, lambda: LEXER, _WORDS),
                               start=("root", "bol"))

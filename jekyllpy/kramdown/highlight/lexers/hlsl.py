"""HLSL as Rouge 3.30's HLSL lexer tokenises it: C's states with HLSL's word lists
(generated into the registry), and a function signature may end in a ``: SEMANTIC``."""

from __future__ import annotations

import re

from ..regex_lexer import RegexLexer, Rule, rx
from ..rouge_registry import WORDS
from . import c

_WORDS = tuple(frozenset(WORDS[f"hlsl_{k}"])
               for k in ("keywords", "keywords_type", "reserved", "builtins"))
_STATES = c.make_states(False, lambda: LEXER, _WORDS)
_FUNCTION = Rule(rx(rf"([\w*\s]+?[\s*])({c.ID})(\s*\([^;]*?\)(?:\s*:\s+{c.ID})?)"
                    rf"({c._WS}?)({{|;)", re.S), action=c._function_action(lambda: LEXER))
assert _STATES["root"][1].pattern.pattern.startswith(r"([\w*\s]+?[\s*])")
_STATES["root"] = [_STATES["root"][0], _FUNCTION, *_STATES["root"][2:]]

LEXER: RegexLexer = RegexLexer(_STATES, start=("root", "bol"))

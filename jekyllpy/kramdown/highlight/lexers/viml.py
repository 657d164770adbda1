"""Vim script as Rouge 3.30's VimL lexer tokenises it, with Rouge's command, function,
option and autocommand word lists.

Rouge's rule ``(?<=\\s)"...`` (a trailing comment) can never match, since its scanner cannot
look behind the cursor, so it is left out.
"""

from __future__ import annotations

import re

from .. import unicode_props as P
from ..regex_lexer import LexRun, RegexLexer, Rule, rx
from ..rouge_registry import WORDS

_END = f"(?![{P.BOUNDARY_WORD}])"  # Ruby's \b after a word character

COMMANDS = frozenset(WORDS["viml_command"])
OTHERS = frozenset(WORDS["viml_function"]) | frozenset(WORDS["viml_option"]) \
    | frozenset(WORDS["viml_auto"])


def _word(run: LexRun, m: re.Match[str]) -> None:
    name = m.group()
    run.token("k" if name in COMMANDS else "nb" if name in OTHERS else "", name)


STATES = {
    "root": [
        Rule(rx(r"^(\s*)(\".*?)$"), ("", "c")),
        Rule(rx(r"^\s*\\"), "se"),
        Rule(rx(r"[ \t]+"), ""),
        Rule(rx(r"/(\\\\|\\/|[^\n/])*/"), "sr"),
        Rule(rx(r"\"(\\\\|\\\"|[^\n\"])*\""), "s2"),
        Rule(rx(r"'(\\\\|\\'|[^\n'])*'"), "s1"),
        Rule(rx(r"-?\d+"), "m"),
        Rule(rx(r"#[0-9a-f]{6}", re.I), "mh"),
        Rule(rx(r"^:"), "p"),
        Rule(rx(r"[():<>+=!\[\]{}\|,~.-]"), "p"),
        Rule(rx(rf"\b(let|if|else|endif|elseif|fun|function|endfunction){_END}"), "k"),
        Rule(rx(rf"\b(NONE|bold|italic|underline|dark|light){_END}"), "nb"),
        Rule(rx(rf"[absg]:\w+{_END}"), "nv"),
        Rule(rx(rf"\b\w+{_END}"), action=_word),
        Rule(rx(r".", re.S), ""),
    ],
}

LEXER = RegexLexer(STATES)

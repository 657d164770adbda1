"""Stata as Rouge 3.30's Stata lexer tokenises it (its command, function and keyword lists
generated into the registry, the first two as Rouge's ordered alternations): commands at a
line's start, ``*``, ``//`` and ``/* */`` comments, compound and macro strings, ``%fmt``
formats, ``strNNN`` types, factor-variable operators, numbers.  Rouge's lookbehind before
``$macro`` always holds (its scanner sees nothing before the cursor) and is left out; words
end with Ruby's ``\\b`` (``unicode_props``)."""

from __future__ import annotations

import re

from .. import unicode_props as P
from ..regex_lexer import LexRun, RegexLexer, Rule, rx
from ..rouge_registry import WORDS

_TYPES = frozenset(WORDS["stata_type_keywords"])
_RESERVED = frozenset(WORDS["stata_reserved_keywords"])
_END = f"(?![{P.BOUNDARY_WORD}])"  # Ruby's \b after a word character


def _word(run: LexRun, m: re.Match[str]) -> None:
    word = m.group()
    run.token("kr" if word in _RESERVED else "kt" if word in _TYPES else "n", word)


LEXER = RegexLexer({
    "root": [
        Rule(rx(r"^\s*#.*$"), "cp"),
        Rule(rx(r"^\*!.*$"), "ch"),
        Rule(rx(r"^\s*\*.*$"), "c1"),
        Rule(rx(rf"^\s*(?:{'|'.join(WORDS['stata_keywords'])}){_END}"), "k"),
        Rule(rx(r"[ \t]+"), "w"),
        Rule(rx(r"[\n\r]+"), ""),
        Rule(rx(r"//.*?$"), "c1"),
        Rule(rx(r"/(?:\\\n)?[*].*?[*](?:\\\n)?/", re.S), "cm"),
        Rule(rx(r"`\"(?:\\.|.)*?\"'"), "s2"),
        Rule(rx(r'"(?:\\.|.)*?"'), "s2"),
        Rule(rx(r"`(?:\\.|.)*?'"), "s2"),
        Rule(rx(r"\$\w+"), "s2"),
        Rule(rx(r"%\S+"), "py"),
        Rule(rx(r"\bstr(?:204[0-5]|20[0-3][0-9]|[01][0-9][0-9][0-9]|[0-9][0-9][0-9]|[0-9][0-9]"
                rf"|[1-9]){_END}"), "kt"),
        Rule(rx(rf"\b(?:{'|'.join(WORDS['stata_primitive_functions'])})(?=\()"), "nf"),
        Rule(rx(r"\.\.(?=.*\])"), "o"),
        Rule(rx(r"[+-]?(?:\d+(?:[.]\d+)?|[.]\d+)(?:[eE][+-]?\d+)?"), "m"),
        Rule(rx(r"\b[ICOicoLFDSlfds]\w*\."), "o"),
        Rule(rx(r"\b[ICOicoLFDSlfds]\w*(?=\(.*\)\.)"), "o"),
        Rule(rx(r"\w+"), action=_word),
        Rule(rx(r"[\[\]{}();,]"), "p"),
        Rule(rx(r"[-<>?*+'^/\\!#.=~:&|]"), "o"),
    ],
})

"""Racket as Rouge 3.30's Racket lexer tokenises it (its keyword and builtin names generated
into the registry): the name after an opening bracket is a keyword, a builtin or a function;
block and datum comments.  Case-insensitive rules are spelled out as Ruby's /i matches them
(:func:`..regex_lexer.ruby_ci`)."""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, RegexLexer, Rule, ruby_ci, rx
from ..rouge_registry import WORDS

_KEYWORDS = frozenset(WORDS["racket_keywords"])
_BUILTINS = frozenset(WORDS["racket_builtins"])
_ID = r"[^\s()\[\]{}'`,.]+"


def _command(run: LexRun, m: re.Match[str]) -> None:
    word = m.group()
    run.token("k" if word in _KEYWORDS else "nb" if word in _BUILTINS else "nf", word)
    run.pop()


LEXER = RegexLexer({
    "root": [
        Rule(rx(r";.*$"), "c1"),
        Rule(rx(r"#!.*"), "c1"),
        Rule(rx(r"#\|"), "cm", "block_comment"),
        Rule(rx(r"#;"), "cm", "sexp_comment"),
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"[+-]inf[.][f0]"), "mf"),
        Rule(rx(r"[+-]nan[.]0"), "mf"),
        Rule(rx(r"[-]min[.]0"), "mf"),
        Rule(rx(r"[+]max[.]0"), "mf"),
        Rule(rx(r"-?\d+\.\d+"), "mf"),
        Rule(rx(r"-?\d+"), "mi"),
        Rule(rx(rf"#:(?:{_ID})+"), "nt"),
        Rule(rx(r"#b[01]+"), "mb"),
        Rule(rx(r"#o[0-7]+"), "mo"),
        Rule(rx(r"#d[0-9]+"), "mi"),
        Rule(rx(r"#[xX][0-9a-fA-F]+"), "mh"),
        Rule(rx(r"#[ei][\d.]+"), "mx"),
        Rule(rx(r'"(\\\\|\\"|[^"])*"'), "s"),
        Rule(rx(rf"['`](?:{_ID})"), "ss"),
        Rule(rx(r"#\\([()/'\"._!$%& ?=+-]{1}|[a-zA-Z\u017f\u212a0-9]+)"), "sc"),
        Rule(rx(ruby_ci("#t(rue)?|#f(alse)?")), "no"),
        Rule(rx(r"(?:'|#|`|,@|,|\.)"), "o"),
        Rule(rx(r"(['#])(\s*)(\()"), ("ss", "", "p")),
        Rule(rx(r"\(|\[|\{"), "p", "command"),
        Rule(rx(r"\)|\]|\}"), "p"),
        Rule(rx(_ID), "nv"),
    ],
    "block_comment": [
        Rule(rx(r"[^|#]+"), "cm"),
        Rule(rx(r"\|#"), "cm", "#pop"),
        Rule(rx(r"#\|"), "cm", "block_comment"),
        Rule(rx(r"[|#]"), "cm"),
    ],
    "sexp_comment": [
        Rule(rx(r"[({\[]"), "cm", "sexp_comment_inner"),
        Rule(rx(r'"(?:\\"|[^"])*?"'), "cm", "#pop"),
        Rule(rx(r"[^\s]+"), "cm", "#pop"),
        Rule(rx(r""), None, "#pop"),
    ],
    "sexp_comment_inner": [
        Rule(rx(r"[^(){}\[\]]+"), "cm"),
        Rule(rx(r"[)}\]]"), "cm", "#pop"),
        Rule(rx(r"[({\[]"), "cm", "sexp_comment_inner"),
    ],
    "command": [
        Rule(rx(_ID), action=_command),
        Rule(rx(r""), None, "#pop"),
    ],
})

"""Jinja (Django) templates as Rouge 3.30's Jinja lexer tokenises them: ``{% %}``
statements, ``{{ }}`` expressions, ``{# #}`` comments, raw and verbatim blocks; the text
between them goes to one HTML lexer whose state carries over.

Rouge keeps Jinja's word lists in class variables that its Twig lexer shares: in a Ruby
process where Twig highlighted first, Jinja uses Twig's lists.  Here Jinja always uses its
own (and Twig is left to the Pygments fallback)."""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, delegate, rx
from . import html

_KEYWORDS = frozenset("""as context do else extends from ignore missing import include
reversed recursive scoped autoescape endautoescape block endblock call endcall filter endfilter
for endfor if endif macro endmacro set endset trans endtrans with endwith without""".split())
_TESTS = frozenset("""callable defined divisibleby equalto escaped even iterable lower mapping
none number odd sameas sequence string undefined upper""".split())
_PSEUDO_KEYWORDS = frozenset("true false none True False None".split())
_WORD_OPERATORS = frozenset("is in and or not".split())


def _raw_start(run: LexRun, m: re.Match[str]) -> None:
    for css, i in (("cp", 1), ("", 2), ("k", 3), ("", 4), ("cp", 5)):
        run.token(css, m.group(i))
    run.push(m.group(3))  # "raw" or "verbatim"


def _statement_word(run: LexRun, m: re.Match[str]) -> None:
    word = m.group()
    css = ("k" if word in _KEYWORDS else "kp" if word in _PSEUDO_KEYWORDS
           else "ow" if word in _WORD_OPERATORS else "nb" if word in _TESTS else "nv")
    run.token(css, word)


def _block_end(name: str) -> list[Rule]:
    return [
        Rule(rx(rf"(\{{%-?)(\s*)({name})(\s*)(-?%\}})"), ("cp", "", "k", "", "cp"), "#pop"),
        Rule(rx(r"[^{]+"), ""),
        Rule(rx(r"\{"), ""),
    ]


_TO_HTML = delegate("html", html.LEXER)

LEXER = RegexLexer({
    "root": [
        Rule(rx(r"\{#"), "c", "comment"),
        Rule(rx(r"##.*"), "c"),
        Rule(rx(r"(\{%-?)(\s*)(raw|verbatim)(\s*)(-?%\})"), action=_raw_start),
        Rule(rx(r"\{%"), "cp", "statement"),
        Rule(rx(r"\{\{"), "cp", "expression"),
        Rule(rx(r"(.+?)(?=\\|\{\{|\{%|\{#|##)", re.S), action=_TO_HTML),
        Rule(rx(r".+", re.S), action=_TO_HTML),
    ],
    "filter": [Rule(rx(r"(\|\s*)(\w+)"), ("o", "nf"))],
    "function": [Rule(rx(r"(\w+)(\()"), ("nf", "p"))],
    "text": [Rule(rx(r"\s+"), "")],
    "literal": [
        Rule(rx(r'"(\\.|.)*?"'), "s2"),
        Rule(rx(r"'(\\.|.)*?'"), "s1"),
        Rule(rx(r"\d+(?=}\s)"), "m"),
        Rule(rx(r"(\+|\-|\*|//?|\*\*?|=)"), "o"),
        Rule(rx(r"(<=?|>=?|===?|!=)"), "o"),
        Rule(rx(r","), "p"),
        Rule(rx(r"\["), "p"),
        Rule(rx(r"\]"), "p"),
        Rule(rx(r"\("), "p"),
        Rule(rx(r"\)"), "p"),
    ],
    "comment": [
        Rule(rx(r"[^#]+", re.S), "c"),
        Rule(rx(r"#\}"), "c", "#pop"),
        Rule(rx(r"#"), "c"),
    ],
    "expression": [
        Rule(rx(r"\w+\.?", re.S), "nv"),
        Mixin("filter"),
        Mixin("function"),
        Mixin("literal"),
        Mixin("text"),
        Rule(rx(r"%\}|\}\}"), "cp", "#pop"),
    ],
    "statement": [
        Rule(rx(r"(\w+\.?)"), action=_statement_word),
        Mixin("filter"),
        Mixin("function"),
        Mixin("literal"),
        Mixin("text"),
        Rule(rx(r"%\}"), "cp", "#pop"),
    ],
    "raw": _block_end("endraw"),
    "verbatim": _block_end("endverbatim"),
})

"""Jinja (Django) and Twig templates as Rouge 3.30's Jinja lexer and its Twig subclass
tokenise them: ``{% %}`` statements, ``{{ }}`` expressions, ``{# #}`` comments, raw and
verbatim blocks; the text between them goes to one HTML lexer whose state carries over.  Twig
differs only in its word lists.

Rouge keeps the word lists in class variables, set when a statement first looks a word up,
and Twig's lookups find Jinja's once Jinja has set them: in a Ruby process where a Jinja
block was highlighted before, Twig uses Jinja's lists (and where a Twig block came first, a
later Jinja block makes the next Twig block fail).  Here each uses its own lists, as each
does in a process that highlights only it."""

from __future__ import annotations

import re

from ..regex_lexer import Action, LexRun, Mixin, RegexLexer, Rule, delegate, rx
from . import html

_JINJA_KEYWORDS = frozenset("""as context do else extends from ignore missing import include
reversed recursive scoped autoescape endautoescape block endblock call endcall filter endfilter
for endfor if endif macro endmacro set endset trans endtrans with endwith without""".split())
_JINJA_TESTS = frozenset("""callable defined divisibleby equalto escaped even iterable lower mapping
none number odd sameas sequence string undefined upper""".split())
_JINJA_PSEUDO_KEYWORDS = frozenset("true false none True False None".split())
_JINJA_WORD_OPERATORS = frozenset("is in and or not".split())

_TWIG_KEYWORDS = frozenset("""as do extends flush from import include use else starts ends
with without autoescape endautoescape block endblock embed endembed filter endfilter for endfor
if endif macro endmacro sandbox endsandbox set endset spaceless endspaceless""".split())
_TWIG_TESTS = frozenset("constant defined divisibleby empty even iterable null odd sameas".split())
_TWIG_PSEUDO_KEYWORDS = frozenset("true false none".split())
_TWIG_WORD_OPERATORS = frozenset("b-and b-or b-xor is in and or not".split())


def _raw_start(run: LexRun, m: re.Match[str]) -> None:
    for css, i in (("cp", 1), ("", 2), ("k", 3), ("", 4), ("cp", 5)):
        run.token(css, m.group(i))
    run.push(m.group(3))  # "raw" or "verbatim"


def _statement_word(keywords: frozenset[str], pseudo_keywords: frozenset[str],
                    word_operators: frozenset[str], tests: frozenset[str]) -> Action:
    def action(run: LexRun, m: re.Match[str]) -> None:
        word = m.group()
        css = ("k" if word in keywords else "kp" if word in pseudo_keywords
               else "ow" if word in word_operators else "nb" if word in tests else "nv")
        run.token(css, word)
    return action


def _block_end(name: str) -> list[Rule]:
    return [
        Rule(rx(rf"(\{{%-?)(\s*)({name})(\s*)(-?%\}})"), ("cp", "", "k", "", "cp"), "#pop"),
        Rule(rx(r"[^{]+"), ""),
        Rule(rx(r"\{"), ""),
    ]


_TO_HTML = delegate("html", html.LEXER)

#: both languages' states but ``statement``
_STATES = {
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
    "raw": _block_end("endraw"),
    "verbatim": _block_end("endverbatim"),
}


def _statement(word: Action) -> list[Rule | Mixin]:
    return [
        Rule(rx(r"(\w+\.?)"), action=word),
        Mixin("filter"),
        Mixin("function"),
        Mixin("literal"),
        Mixin("text"),
        Rule(rx(r"%\}"), "cp", "#pop"),
    ]


LEXER = RegexLexer({**_STATES, "statement": _statement(_statement_word(
    _JINJA_KEYWORDS, _JINJA_PSEUDO_KEYWORDS, _JINJA_WORD_OPERATORS, _JINJA_TESTS))})
TWIG = RegexLexer({**_STATES, "statement": _statement(_statement_word(
    _TWIG_KEYWORDS, _TWIG_PSEUDO_KEYWORDS, _TWIG_WORD_OPERATORS, _TWIG_TESTS))})

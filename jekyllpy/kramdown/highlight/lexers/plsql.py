"""PL/SQL as Rouge 3.30's PLSQL lexer tokenises it (its four word lists generated into the
registry, looked up in upper case: types, functions, reserved words, keywords): quoted
strings with their quotes as operators, ``q'[...]'`` strings with any delimiter, ``$IF``
conditional compilation, cursor attributes, ``create or replace ...`` and ``when matched
then ...`` headers, and dotted names.  Rouge's case-insensitive words also take U+017F and
U+212A as Ruby folds them; words end with Ruby's ``\\b`` (``unicode_props``)."""

from __future__ import annotations

import re

from .. import unicode_props as P
from ..regex_lexer import LexRun, RegexLexer, Rule, rx
from ..regex_lexer import ruby_ci as _ci
from ..rouge_registry import WORDS

_TYPES = frozenset(WORDS["plsql_keywords_type"])
_FUNCTIONS = frozenset(WORDS["plsql_keywords_func"])
_RESERVED = frozenset(WORDS["plsql_keywords_reserved"])
_KEYWORDS = frozenset(WORDS["plsql_keywords"])

_END = f"(?![{P.BOUNDARY_WORD}])"  # Ruby's \b after a word character
_NAME = r"\w[\w\d$]*"
_CLOSING = {"{": "}", "[": "]", "(": ")", "<": ">"}


def _name(run: LexRun, m: re.Match[str]) -> None:
    word = m.group(1).upper()
    css = ("kt" if word in _TYPES else "nf" if word in _FUNCTIONS
           else "kr" if word in _RESERVED else "k" if word in _KEYWORDS else "n")
    run.token(css, m.group(1))
    run.token("p", m.group(2))
    if m.group(2) == ".":
        run.push("dotnames")


def _dotted_last(run: LexRun, m: re.Match[str]) -> None:
    run.token("nf" if m.group().upper() in _FUNCTIONS else "n", m.group())
    run.pop()


def _q_string(run: LexRun, m: re.Match[str]) -> None:
    """``q'`` and a delimiter: a state for text up to the closing delimiter and ``'``."""
    close = re.escape(_CLOSING.get(m.group(1), m.group(1)))
    name = f"q_string {close}"
    if name not in run.states:
        run.states[name] = [
            Rule(rx(f"(?:{close}[^']|[^{close}]'|[^{close}'])+", re.S), "sx"),
            Rule(rx(f"{close}'"), "o", "#pop"),
        ]
    run.token("o", m.group())
    run.push(name)


LEXER = RegexLexer({
    "root": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"--.*"), "c1"),
        Rule(rx(r"/\*"), "cm", "multiline_comments"),
        Rule(rx(r"[qQ]'(.)"), action=_q_string),
        Rule(rx(r"'"), "o", "single_string"),
        Rule(rx(r'"'), "o", "double_string"),
        Rule(rx(r"(\$(?:" + _ci("IF|THEN|ELSE|ELSIF|ERROR|END") + r"|(?:\$\$?\w[\w\d]*)))(\s+)"),
             ("cp", "")),
        Rule(rx(r"[+-]?(?:(?:\.\d+(?:[eE][+-]?\d+)?)|\d+\.(?:\d+(?:[eE][+-]?\d+)?)?)[fFdD]?"),
             "mf"),
        Rule(rx(r"[+-]?\d+"), "mi"),
        Rule(rx("%(?:" + _ci("TYPE|ROWTYPE|FOUND|ISOPEN|NOTFOUND|ROWCOUNT") + f"){_END}"), "na"),
        Rule(rx(r"=>|\|\||\*\*|<<|>>|\.\.|<>|[:!~^<>]=|[-+%/*=<>@&!^\[\]]"), "o"),
        Rule(rx("(" + _ci("NOT|AND|OR|LIKE|BETWEEN|IN") + r")(\s)"), ("ow", "")),
        Rule(rx("(" + _ci("IS") + r")(\s+)(?:(" + _ci("NOT") + r")(\s+))?(" + _ci("NULL")
                + f"{_END})"), ("ow", "", "ow", "", "ow")),
        Rule(rx(r"\.(?=\w)"), "p", "dotnames"),
        Rule(rx(r"[;:()\[\],.]"), "p"),
        Rule(rx("(" + _ci("create") + r")(\s+)(?:(" + _ci("or") + r")(\s+)(" + _ci("replace")
                + r")(\s+))?(" + _ci("package|function|procedure|type") + r")(?:(\s+)("
                + _ci("body") + rf"))?(\s+)({_NAME})"),
             ("kr", "", "kr", "", "kr", "", "kr", "", "kr", "", "n")),
        Rule(rx("(" + _ci("when") + r")(\s+)(?:(" + _ci("not") + r")(\s+))?(" + _ci("matched")
                + r")(\s+)(" + _ci("then") + r")(\s+)(" + _ci("update|insert") + f"){_END}"
                + r"(?:(\s+)(" + _ci("set") + r")(\s+))?"),
             ("kr", "", "kr", "", "kr", "", "kr", "", "kr", "", "kr", "")),
        Rule(rx(rf"({_NAME})(\.(?=\w))?"), action=_name),
    ],
    "multiline_comments": [
        Rule(rx(r"(?:[*][^/]|[^*])+", re.S), "cm"),
        Rule(rx(r"[*]/"), "cm", "#pop"),
    ],
    "single_string": [
        Rule(rx(r"\\."), "se"),
        Rule(rx(r"''"), "se"),
        Rule(rx(r"'"), "o", "#pop"),
        Rule(rx(r"[^\\']+"), "s1"),
    ],
    "double_string": [
        Rule(rx(r"\\."), "se"),
        Rule(rx(r'""'), "se"),
        Rule(rx(r'"'), "o", "#pop"),
        Rule(rx(r'[^\\"]+'), "nv"),
    ],
    "dotnames": [
        Rule(rx(rf"({_NAME})(\.(?=\w))"), ("n", "p")),
        Rule(rx(_NAME), action=_dotted_last),
    ],
})

"""Haskell as Rouge 3.30's Haskell lexer tokenises it (nested block comments, pragmas,
import and module headers, character and string escapes, quasiquotes)."""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, rx

_RESERVED = frozenset("""_ case class data default deriving do else if in infix infixl infixr
instance let newtype of then type where""".split())
_ASCII_NAMES = ("NUL SOH [SE]TX EOT ENQ ACK BEL BS HT LF VT FF CR S[OI] DLE DC[1-4] NAK SYN "
                "ETB CAN EM SUB ESC [FGRU]S SP DEL").split()
_SYM = r"[:!#$%&*+.\\/<=>?@^|~-]"
_UPPER_START = re.compile(r"'?[A-Z]")


def _word(run: LexRun, m: re.Match[str]) -> None:
    word = m.group()
    if word == "import":
        run.token("kr", word)
        run.push("import")
    elif word == "module":
        run.token("kr", word)
        run.push("module")
    elif word in _RESERVED:
        run.token("kr", word)
    elif _UPPER_START.match(word):
        run.token("kt", word)
    else:
        run.token("n", word)


def _char_escape(run: LexRun, m: re.Match[str]) -> None:
    run.token("se", m.group())
    run.goto("character_end")
    run.push("escape")


def _char(run: LexRun, m: re.Match[str]) -> None:
    run.token("sc", m.group())
    run.goto("character_end")


def _groups(run: LexRun, m: re.Match[str], tokens: tuple[str, ...]) -> None:
    for i, css in enumerate(tokens, start=1):
        run.token(css, m.group(i))


def _nested_comment(css: str) -> list[Rule]:
    return [
        Rule(rx(r"-\}"), css, "#pop"),
        Rule(rx(r"\{-"), css, "comment"),
        Rule(rx(r"[^-{}]+"), css),
        Rule(rx(r"[-{}]"), css),
    ]


LEXER = RegexLexer({
    "basic": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"\{-#"), "cp", "comment_preproc"),
        Rule(rx(r"\{-"), "cm", "comment"),
        Rule(rx(r"^--\s+\|.*?$"), "cd"),
        Rule(rx(r"--(?![!#$%&*+./<=>?@^|_~]).*?$"), "c1"),
    ],
    "comment": _nested_comment("cm"),
    "comment_preproc": _nested_comment("cp"),
    "root": [
        Mixin("basic"),
        Rule(rx(r"'(?=(?:.|\\\S+)')"), "sc", "character"),
        Rule(rx(r'"'), "s", "string"),
        Rule(rx(r"\d+e[+-]?\d+", re.I), "mf"),
        Rule(rx(r"\d+\.\d+(e[+-]?\d+)?", re.I), "mf"),
        Rule(rx(r"0o[0-7]+", re.I), "mo"),
        Rule(rx(r"0x[\da-f]+", re.I), "mh"),
        Rule(rx(r"\d+"), "mi"),
        Rule(rx(r"[\w']+"), action=_word),
        Rule(rx(rf"\\(?!{_SYM}+)"), "nf"),
        Rule(rx(rf"(<-|::|->|=>|=)(?!{_SYM}+)"), "o"),
        Rule(rx(rf":{_SYM}*"), "o"),
        Rule(rx(rf"{_SYM}+"), "o"),
        Rule(rx(r"\[\s*\]"), "kt"),
        Rule(rx(r"\(\s*\)"), "nb"),
        Rule(rx(r"(\[)([_a-z][\w']*)(\|)"), ("o", "n", "o"), "quasiquotation"),
        Rule(rx(r"[\[\](),;`{}]"), "p"),
    ],
    "import": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r'"'), "s", "string"),
        Rule(rx(r"\bqualified\b"), "k"),
        Rule(rx(r"([A-Z][\w.]*)(\s+)(as)(\s+)([A-Z][a-zA-Z0-9_.]*)"),
             ("nn", "", "k", "", "n"), "#pop"),
        Rule(rx(r"([A-Z][\w.]*)(\s+)(hiding)(\s+)(\()"),
             action=lambda run, m: (_groups(run, m, ("nn", "", "k", "", "p")),
                                    run.goto("funclist"))),
        Rule(rx(r"([A-Z][\w.]*)(\s+)(\()"),
             action=lambda run, m: (_groups(run, m, ("nn", "", "p")), run.goto("funclist"))),
        Rule(rx(r"[\w.]+"), "nn", "#pop"),
    ],
    "module": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"([A-Z][\w.]*)(\s+)(\()"), ("nn", "", "p"), "funclist"),
        Rule(rx(r"\bwhere\b"), "kr", "#pop"),
        Rule(rx(r"[A-Z][a-zA-Z0-9_.]*"), "nn", "#pop"),
    ],
    "funclist": [
        Mixin("basic"),
        Rule(rx(r"[A-Z]\w*"), "kt"),
        Rule(rx(r"(_[\w']+|[a-z][\w']*)"), "nf"),
        Rule(rx(r","), "p"),
        Rule(rx(rf"{_SYM}+"), "o"),
        Rule(rx(r"\("), "p", "funclist"),
        Rule(rx(r"\)"), "p", "#pop"),
    ],
    "character": [
        Rule(rx(r"\\"), action=_char_escape),
        Rule(rx(r"."), action=_char),
    ],
    "character_end": [
        Rule(rx(r"'"), "sc", "#pop"),
        Rule(rx(r"."), "err", "#pop"),
    ],
    "quasiquotation": [
        Rule(rx(r"\|\]"), "o", "#pop"),
        Rule(rx(r"[^|]+"), ""),
        Rule(rx(r"\|"), ""),
    ],
    "string": [
        Rule(rx(r'"'), "s", "#pop"),
        Rule(rx(r"\\"), "se", "escape"),
        Rule(rx(r'[^\\"]+'), "s"),
    ],
    "escape": [
        Rule(rx(r"[abfnrtv\"'&\\]"), "se", "#pop"),
        Rule(rx(r"\^[\]\[A-Z@^_]"), "se", "#pop"),
        Rule(rx("|".join(_ASCII_NAMES)), "se", "#pop"),
        Rule(rx(r"o[0-7]+", re.I), "se", "#pop"),
        Rule(rx(r"x[\da-f]+", re.I), "se", "#pop"),
        Rule(rx(r"\d+"), "se", "#pop"),
        Rule(rx(r"\s+\\"), "se", "#pop"),
    ],
})

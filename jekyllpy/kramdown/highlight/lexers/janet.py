"""Janet as Rouge 3.30's Janet lexer tokenises it (its special-form and core-function names
generated into the registry): the name after ``(`` is a keyword, a core function (reserved)
or a function, and Rouge then goes on in a new root state, which no closing bracket leaves;
kept.  Quoted and quasiquoted forms, keywords, radix and hex numbers, strings and
backquoted long strings.  Names use Onigmo's ``[[:alpha:]]``/``[[:word:]]`` (kramdown's
``unicode_classes``) and constants end with Ruby's ``\\b`` (``unicode_props``)."""

from __future__ import annotations

import re

from ...parser import unicode_classes as U
from .. import unicode_props as P
from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, rx
from ..rouge_registry import WORDS

_SPECIALS = frozenset(WORDS["janet_specials"])
_BUNDLED = frozenset(WORDS["janet_bundled"])

_PUNCT = r"[_!$%^&*+=~<>.?/-]"
_SYMBOL = f"(?:[{U.ALPHA}]|{_PUNCT})(?:[{U.WORD}]|{_PUNCT}|:)*"
_HEX = "[0-9a-fA-F]"
_END = f"(?![{P.BOUNDARY_WORD}])"  # Ruby's \b after a word character


def _head(run: LexRun, m: re.Match[str]) -> None:
    name = m.group()
    if name in ("quote", "quasiquote"):
        run.token("k", name)
        run.goto(name)
    else:
        run.token("k" if name in _SPECIALS else "kr" if name in _BUNDLED else "nf", name)
        run.goto("root")


LEXER = RegexLexer({
    "root": [
        Rule(rx(r"#.*?$"), "c1"),
        Rule(rx(r"\s+"), "w"),
        Rule(rx(f"(?:true|false|nil){_END}"), "no"),
        Rule(rx(f"(['~])({_SYMBOL})"), ("o", "ss")),
        Rule(rx(f":(?:[{U.WORD}]|{_PUNCT}|:)*"), "kc"),
        Rule(rx(r"[+-]?\d{1,2}r[\w.]+(?:&[+-]?\w+)?"), "mf"),
        Rule(rx(f"[+-]?0x{_HEX}[{_HEX[1:-1]}_]*(?:\\.{_HEX}[{_HEX[1:-1]}_]*)?"), "mh"),
        Rule(rx(f"[+-]?0x\\.{_HEX}[{_HEX[1:-1]}_]*"), "mh"),
        Rule(rx(r"[+-]?\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?"), "mf"),
        Rule(rx(r"[+-]?\.\d[\d_]*(?:[eE][+-]?\d+)?"), "mf"),
        Rule(rx(r'@?"'), "s2", "string"),
        Rule(rx(r"@?(`+).*?\1", re.S), "sh"),
        Rule(rx(r"\("), "p", "function"),
        Rule(rx(r"(')(@?[(\[{])"), ("o", "p"), "quote"),
        Rule(rx(r"(~)(@?[(\[{])"), ("o", "p"), "quasiquote"),
        Rule(rx(r"[#~,';|]"), "o"),
        Rule(rx(r"@?[(){}\[\]]"), "p"),
        Rule(rx(_SYMBOL), "n"),
    ],
    "string": [
        Rule(rx(r'"'), "s2", "#pop"),
        Rule(rx(f"\\\\(?:u{_HEX}{{4}}|U{_HEX}{{6}})"), "se"),
        Rule(rx(r"\\."), "se"),
        Rule(rx(r'[^"\\]+'), "s2"),
    ],
    "function": [
        Rule(rx(r"[)]"), "p", "#pop"),
        Rule(rx(_SYMBOL), action=_head),
        Mixin("root"),
    ],
    "quote": [
        Rule(rx(r"[(\[{]"), "p", "#push"),
        Rule(rx(r"[)\]}]"), "p", "#pop"),
        Rule(rx(_SYMBOL), "se"),
        Mixin("root"),
    ],
    "quasiquote": [
        Rule(rx(r"(,)(\()"), ("o", "p"), "function"),
        Rule(rx(r"(\()(\s*)(unquote)(\s+)(\()"), ("p", "", "k", "", "p"), "function"),
        Rule(rx(f"(,)({_SYMBOL})"), ("o", "n")),
        Rule(rx(f"(\\()(\\s*)(unquote)(\\s+)({_SYMBOL})"), ("p", "", "k", "", "n")),
        Mixin("quote"),
    ],
})

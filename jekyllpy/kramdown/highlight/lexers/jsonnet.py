"""Jsonnet as Rouge 3.30's Jsonnet lexer tokenises it: names are keywords, ``function``,
constants, standard-library function names (builtins) or other
names; double-quoted, single-quoted and ``|||`` block strings with escapes."""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, rx

_KEYWORDS = frozenset("""self super local for in if then else import importstr error
tailstrict assert""".split())
_CONSTANTS = frozenset(("null", "true", "false"))
_BUILTINS = frozenset("""acos asin atan ceil char codepoint cos exp exponent filter floor
force length log makeArray mantissa objectFields objectHas pow sin sqrt tan thisFile type abs
assertEqual escapeStringBash escapeStringDollars escapeStringJson escapeStringPython
filterMap flattenArrays foldl foldr format join lines manifestIni manifestPython
manifestPythonVars map max min mod range set setDiff setInter setMember setUnion sort split
stringChars substr toString uniq""".split())


def _name(run: LexRun, m: re.Match[str]) -> None:
    word = m.group()
    css = ("k" if word in _KEYWORDS else "kd" if word == "function"
           else "kc" if word in _CONSTANTS else "nb" if word in _BUILTINS else "nx")
    run.token(css, word)


LEXER = RegexLexer({
    "root": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"//.*?$"), "c1"),
        Rule(rx(r"#.*?$"), "c1"),
        Rule(rx(r"/\*.*?\*/", re.S), "cm"),
        Rule(rx(r"-?(?:0|[1-9]\d*)\.\d+(?:[eE][+-]\d+)?"), "mf"),
        Rule(rx(r"-?(?:0|[1-9]\d*)(?:[eE][+-]\d+)?"), "mi"),
        Rule(rx(r"[{}:.,;+\[\]=%()]"), "p"),
        Rule(rx(r'"'), "s", "string_double"),
        Rule(rx(r"'"), "s", "string_single"),
        Rule(rx(r"\|\|\|"), "s", "string_block"),
        Rule(rx(r"\$"), "k"),
        Rule(rx(r"[a-zA-Z_][a-zA-Z0-9_]*"), action=_name),
    ],
    "string": [
        Rule(rx(r"\\(?:[\\/bfnrt]|u[0-9a-fA-F]{4})"), "se"),
        Rule(rx(r"\\."), "se"),
    ],
    "string_double": [
        Mixin("string"),
        Rule(rx(r'\\"'), "se"),
        Rule(rx(r'"'), "s", "#pop"),
        Rule(rx(r'[^\\"]+'), "s"),
    ],
    "string_single": [
        Mixin("string"),
        Rule(rx(r"'"), "s", "#pop"),
        Rule(rx(r"[^\\']+"), "s"),
    ],
    "string_block": [
        Mixin("string"),
        Rule(rx(r"\|\|\|"), "s", "#pop"),
        Rule(rx(r"[^|\\]+"), "s"),
        Rule(rx(r"\|"), "s"),
    ],
})

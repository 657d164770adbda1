"""MoonScript as Rouge 3.30's MoonScript lexer tokenises it (with Rouge's default options:
every Lua builtin highlighted, Lua's list from the registry): a dotted name is a builtin
when Lua's list has it whole, else split at its dot; ``"?...":`` and ``name:`` keys,
``:name`` symbols, ``@`` fields, ``[[...]]`` long strings and ``#{}`` interpolation; a
decimal is a float only when a ``'`` follows it (Rouge's pattern ends in one), else an
integer, a dot and an integer.
Ruby's ``\\b`` after keywords comes from ``unicode_props``."""

from __future__ import annotations

import re

from .. import unicode_props as P
from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, rx
from ..rouge_registry import WORDS

_BUILTINS = frozenset(WORDS["lua_builtins"])
_END = f"(?![{P.BOUNDARY_WORD}])"  # Ruby's \b after a word character
_KEYWORDS = """break class continue do else elseif end extends for if import in repeat return
switch super then unless until using when with while""".split()


def _name(run: LexRun, m: re.Match[str]) -> None:
    name = m.group()
    if name in _BUILTINS:
        run.token("nb", name)
    elif "." in name:
        first, rest = name.split(".", 1)
        run.token("n", first)
        run.token("p", ".")
        run.token("n", rest)
    else:
        run.token("n", name)


LEXER = RegexLexer({
    "root": [
        Rule(rx(r"#!(?:.*?)$"), "cp"),
        Rule(rx(r""), None, "main"),
    ],
    "base": [
        # (Rouge's decimal pattern ends in a quote: only a decimal before a ' is a float)
        Rule(rx(r"(?:\d*\.\d+|\d+\.\d*)(?:[eE][+-]?\d+)?'"), "mf"),
        Rule(rx(r"\d+[eE][+-]?\d+"), "mf"),
        Rule(rx(r"0[xX][0-9a-fA-F]*"), "mh"),
        Rule(rx(r"\d+"), "mi"),
        Rule(rx(r"@(?:\w\w*)*"), "vi"),
        Rule(rx(r"[A-Z]\w*"), "nc"),
        Rule(rx(r'"?[^"]+":'), "ss"),
        Rule(rx(r"(?:\w\w*):"), "ss"),
        Rule(rx(r":(?:\w\w*)"), "ss"),
        Rule(rx(r"\s+"), "w"),
        Rule(rx(r"==|~=|!=|<=|>=|\.\.\.|\.\.|->|=>|[=+\-*/%^<>#!\\]"), "o"),
        Rule(rx(r"[\[\]{}().,:;]"), "p"),
        Rule(rx(f"(?:and|or|not){_END}"), "ow"),
        Rule(rx(f"(?:{'|'.join(_KEYWORDS)}){_END}"), "k"),
        Rule(rx(f"(?:local|export){_END}"), "kd"),
        Rule(rx(f"(?:true|false|nil){_END}"), "kc"),
        Rule(rx(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?"), action=_name),
    ],
    "main": [
        Rule(rx(r"--.*$"), "c1"),
        Rule(rx(r"\[(=*)\[.*?\]\1\]", re.S), "sh"),
        Mixin("base"),
        Rule(rx(r"'"), "s1", "sqs"),
        Rule(rx(r'"'), "s2", "dqs"),
    ],
    "sqs": [
        Rule(rx(r"'"), "s1", "#pop"),
        Rule(rx(r"[^']+"), "s1"),
    ],
    "interpolation": [
        Rule(rx(r"\}"), "si", "#pop"),
        Mixin("base"),
    ],
    "dqs": [
        Rule(rx(r"#\{"), "si", "interpolation"),
        Rule(rx(r'"'), "s2", "#pop"),
        Rule(rx(r"#[^{]"), "s2"),
        Rule(rx(r'[^"#]+'), "s2"),
    ],
})

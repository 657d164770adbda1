"""Apex (Salesforce) as Rouge 3.30's Apex lexer tokenises it.  A name is matched with an
optional ``@``, ``$`` or ``.`` before it and ``:`` or ``(`` after it, and Rouge looks the
whole match up in its word lists (checked equal to Rouge's): so ``if(`` is a function call
and ``.select`` a property, not keywords; kept.  Ruby's /i letter class also takes U+017F
and U+212A."""

from __future__ import annotations

import re

from .. import unicode_props as P
from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, rx

_KEYWORDS = frozenset("""assert break case catch continue default do else finally for if goto
instanceof new return switch this throw try while insert update delete""".split())
_DECLARATIONS = frozenset("""abstract const enum extends final implements native private
protected public static super synchronized throws transient volatile with sharing without
inherited virtual global testmethod""".split())
_SOQL = frozenset("""SELECT FROM WHERE UPDATE LIKE TYPEOF END USING SCOPE WITH DATA CATEGORY
GROUP BY ROLLUP CUBE HAVING ORDER ASC DESC NULLS FIRST LAST LIMIT OFFSET FOR VIEW REFERENCE
TRACKING VIEWSTAT OR AND""".split())
_TYPES = frozenset("String boolean byte char double float int long short var void".split())
_CONSTANTS = frozenset(("true", "false", "null"))

_LETTERS = "a-zA-Z\u017f\u212a"  # Ruby's a-z under /i
_ID = f"[{_LETTERS}_][{_LETTERS}0-9_]*"
_DIGIT = r"(?:[0-9]_+[0-9]|[0-9])"
_HEX = r"[0-9a-fA-F]"
_END = f"(?![{P.BOUNDARY_WORD}])"  # Ruby's \b after a word character


def _name(run: LexRun, m: re.Match[str]) -> None:
    whole = m.group()
    lower, upper = whole.lower(), whole.upper()
    if lower in _KEYWORDS or upper in _SOQL:
        run.token("k", whole)
    elif lower in _DECLARATIONS:
        run.token("kd", whole)
    elif lower in _TYPES:
        run.token("kt", whole)
    elif lower in _CONSTANTS:
        run.token("kc", whole)
    elif lower == "package":
        run.token("kn", whole)
    elif m.group(1) == "@":
        run.token("nd", whole)
    elif m.group(3) in (":", "(") or m.group(1) == ".":
        name = "nl" if m.group(3) == ":" else "nf" if m.group(3) == "(" else "py"
        run.token("o", m.group(1))
        run.token(name, m.group(2))
        run.token("p", m.group(3))
    else:
        run.token("n", whole)


LEXER = RegexLexer({
    "root": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"//.*?$"), "c1"),
        Rule(rx(r"/\*.*?\*/", re.S), "cm"),
        Rule(rx(f"(?:class|interface){_END}"), "kd", "class"),
        Rule(rx(f"import{_END}"), "kn", "import"),
        Rule(rx(f"([@$.]?)({_ID})([:(]?)"), action=_name),
        Rule(rx(r'"'), "s2", "dq"),
        Rule(rx(r"'"), "s1", "sq"),
        Rule(rx(rf"{_DIGIT}+\.{_DIGIT}+(?:[eE]{_DIGIT}+)?[fd]?"), "mf"),
        Rule(rx(r"0[bB](?:[01]_+[01]|[01])+"), "mb"),
        Rule(rx(rf"0[xX](?:{_HEX}_+{_HEX}|{_HEX})+"), "mh"),
        Rule(rx(r"0(?:[0-7]_+[0-7]|[0-7])+"), "mo"),
        Rule(rx(rf"{_DIGIT}+L?"), "mi"),
        Rule(rx(r"[-+/*~^!%&<>|=.?]"), "o"),
        Rule(rx(r"[\[\](){},:;]"), "p"),
    ],
    "class": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(_ID), "nc", "#pop"),
    ],
    "import": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(f"[{_LETTERS}0-9_.]+\\*?"), "nn", "#pop"),
    ],
    "escape": [Rule(rx(r"\\[btnfr\\\"']"), "se")],
    "dq": [
        Mixin("escape"),
        Rule(rx(r'[^\\"]+'), "s2"),
        Rule(rx(r'"'), "s2", "#pop"),
    ],
    "sq": [
        Mixin("escape"),
        Rule(rx(r"[^\\']+"), "s2"),
        Rule(rx(r"'"), "s2", "#pop"),
    ],
})

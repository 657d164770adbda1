"""SCSS as Rouge 3.30's SCSS lexer (on its shared Sass rules) tokenises it: each statement is
a selector, an attribute or an at-rule with a value; interpolation, variables, placeholders,
and CSS's word lists for builtins, constants and property names."""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, rx, then
from .css import ATTRIBUTES, BUILTINS, CONSTANTS

ID = r"[\w-]+"


def _value_word(run: LexRun, m: re.Match[str]) -> None:
    word = m.group()
    run.token("nb" if word in BUILTINS else "no" if word in CONSTANTS else "n", word)


def _attr_word(run: LexRun, m: re.Match[str]) -> None:
    run.token("nl" if m.group() in ATTRIBUTES else "na", m.group())


def _end_section(run: LexRun, m: re.Match[str]) -> None:
    run.token("p", m.group())
    run.reset()


#: the states SCSS shares with Sass (Rouge's SassCommon); each adds ``root`` and
#: ``end_section``, which ``value`` and ``selector`` take in.
COMMON = {
    "content_common": [
        Rule(rx(r"@for\b"), "k", "for"),
        Rule(rx(r"@(debug|warn|if|each|while|else|return|media)"), "k", "value"),
        Rule(rx(f"(@mixin)(\\s+)({ID})"), ("k", "", "nf"), "value"),
        Rule(rx(f"(@function)(\\s+)({ID})"), ("k", "", "nf"), "value"),
        Rule(rx(r"@extend\b"), "k", "selector"),
        Rule(rx(f"(@include)(\\s+)({ID})"), ("k", "", "nd"), "value"),
        Rule(rx(f"@{ID}"), "k", "selector"),
        Rule(rx(r"&"), "k", "selector"),
        Rule(rx(f"([$]{ID})([ \\t]*)(:)"), ("nv", "", "p"), "value"),
    ],
    "value": [
        Mixin("end_section"),
        Rule(rx(r"[ \t]+"), ""),
        Rule(rx(f"[$]{ID}"), "nv"),
        Rule(rx(r"url[(]"), "sx", "string_url"),
        Rule(rx(rf"{ID}(?=\s*[(])"), "nf"),
        Rule(rx(f"%{ID}"), "nd"),
        Rule(rx(r"(true|false)\b"), "bp"),
        Rule(rx(r"(and|or|not)\b"), "ow"),
        Rule(rx("#[a-zA-Z0-9\u017f\u212a]{1,6}"), "mh"),  # Ruby's /i: also U+017F, U+212A
        Rule(rx(r"-?\d+(%|[a-z]+)?"), "m"),
        Rule(rx(r"-?\d*\.\d+(%|[a-z]+)?"), "mi"),
        Mixin("has_strings"),
        Mixin("has_interp"),
        Rule(rx(r"[~^*!&%<>\|+=@:,.\/?-]+"), "o"),
        Rule(rx(r"[\[\]()]+"), "p"),
        Rule(rx(r"/[*]"), "cm", "inline_comment"),
        Rule(rx(r"//[^\n]*"), "c1"),
        Rule(rx(ID), action=_value_word),
    ],
    "has_interp": [Rule(rx(r"[#][{]"), "si", "interpolation")],
    "has_strings": [Rule(rx(r"\""), "s2", "dq"), Rule(rx(r"'"), "s1", "sq")],
    "interpolation": [Rule(rx(r"}"), "si", "#pop"), Mixin("value")],
    "selector": [
        Mixin("end_section"),
        Mixin("has_strings"),
        Mixin("has_interp"),
        Rule(rx(r"[ \t]+"), ""),
        Rule(rx(r":"), "nd", "pseudo_class"),
        Rule(rx(r"[.]"), "nc", "class"),
        Rule(rx(r"#"), "nn", "id"),
        Rule(rx(r"%"), "nv", "placeholder"),
        Rule(rx(ID), "nt"),
        Rule(rx(r"&"), "k"),
        Rule(rx(r"[~^*!&\[\]()<>\|+=@:;,.\/?-]"), "o"),
    ],
    "dq": [
        Rule(rx(r"\""), "s2", "#pop"),
        Mixin("has_interp"),
        Rule(rx(r"(\\.|#(?![{])|[^\n\"#])+"), "s2"),
    ],
    "sq": [
        Rule(rx(r"'"), "s1", "#pop"),
        Mixin("has_interp"),
        Rule(rx(r"(\\.|#(?![{])|[^\n'#])+"), "s1"),
    ],
    "string_url": [
        Rule(rx(r"[)]"), "sx", "#pop"),
        Rule(rx(r"(\\.|#(?![{])|[^\n)#])+"), "sx"),
        Mixin("has_interp"),
    ],
    "selector_piece": [Mixin("has_interp"), Rule(rx(r""), action=then(pop=1))],
    "pseudo_class": [Rule(rx(ID), "nd"), Mixin("selector_piece")],
    "class": [Rule(rx(ID), "nc"), Mixin("selector_piece")],
    "id": [Rule(rx(ID), "nn"), Mixin("selector_piece")],
    "placeholder": [Rule(rx(ID), "nv"), Mixin("selector_piece")],
    "for": [Rule(rx(r"(from|to|through)"), "ow"), Mixin("value")],
    "attr_common": [Mixin("has_interp"), Rule(rx(ID), action=_attr_word)],
    "attribute": [
        Mixin("attr_common"),
        Rule(rx(r"([ \t]*)(:)"), ("", "p"), "value"),
    ],
    "inline_comment": [
        Rule(rx(r"(\\#|#(?=[^\n{])|\*(?=[^\n\/])|[^\n#*])+"), "cm"),
        Mixin("has_interp"),
        Rule(rx(r"[*]/"), "cm", "#pop"),
    ],
}

LEXER = RegexLexer({
    **COMMON,
    "root": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"//.*?$"), "c1"),
        Rule(rx(r"/[*].*?[*]/", re.S), "cm"),
        Rule(rx(r"@import\b"), "k", "value"),
        Mixin("content_common"),
        Rule(rx(r"(?=[^;{}][;}])"), action=then(push=("attribute",))),
        Rule(rx(r"(?=[^;{}:\[]+:[^a-z])"), action=then(push=("attribute",))),
        Rule(rx(r""), action=then(push=("selector",))),
    ],
    "end_section": [
        Rule(rx(r"\n"), ""),
        Rule(rx(r"[;{}]"), action=_end_section),
    ],
})

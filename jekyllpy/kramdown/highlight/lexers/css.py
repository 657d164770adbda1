"""CSS as Rouge 3.30's CSS lexer tokenises it: selectors (tags, classes, ids, pseudo
classes), at-rules with their bodies, declarations (known properties ``nl``, others ``py``)
and values (numbers with units, colours, builtins and constants by Rouge's word lists)."""

from __future__ import annotations

import re

from ...parser import unicode_classes as U
from .. import unicode_props as P
from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, rx, then
from ..rouge_registry import WORDS

ATTRIBUTES = frozenset(WORDS["css_attributes"])
BUILTINS = frozenset(WORDS["css_builtins"])
CONSTANTS = frozenset(WORDS["css_constants"])
VENDOR_PREFIXES = tuple(WORDS["css_vendor_prefixes"])

# Rouge: [\p{L}_-][\p{Word}\p{Cf}-]* (Onigmo's properties: Python's \w has no marks and counts
# other numbers such as U+00B2 as letters)
IDENTIFIER = rf"[{P.L}_-][{U.WORD}{P.CF}-]*"
NUMBER = r"-?(?:[0-9]+(\.[0-9]+)?|\.[0-9]+)"
_UNITS = "em|px|pt|pc|in|mm|cm|ex|rem|ch|vw|vh|vmin|vmax|dpi|dpcm|dppx|deg|grad|rad|turn|s|ms|Hz|kHz"


def _value_word(run: LexRun, m: re.Match[str]) -> None:
    word = m.group()
    run.token("no" if word in CONSTANTS else "nb" if word in BUILTINS else "n", word)


def _declaration(run: LexRun, m: re.Match[str]) -> None:
    name = m.group(1)
    known = name in ATTRIBUTES or name.startswith(VENDOR_PREFIXES)
    run.token("nl" if known else "py", name)
    run.token("", m.group(2))
    run.token("p", m.group(3))
    run.push("stanza_value")


STATES = {
    "root": [
        Mixin("basics"),
        Rule(rx(r"{"), "p", "stanza"),
        Rule(rx(f":[:]?{IDENTIFIER}"), "nd"),
        Rule(rx(rf"\.{IDENTIFIER}"), "nc"),
        Rule(rx(f"#{IDENTIFIER}"), "nf"),
        Rule(rx(f"@{IDENTIFIER}"), "k", "at_rule"),
        Rule(rx(IDENTIFIER), "nt"),
        Rule(rx(r"[~^*!%&\[\]()<>|+=@:;,./?-]"), "o"),
        Rule(rx(r'"(\\\\|\\"|[^"])*"'), "s1"),
        Rule(rx(r"'(\\\\|\\'|[^'])*'"), "s2"),
    ],
    "value": [
        Mixin("basics"),
        Rule(rx(r"url\(.*?\)"), "sx"),
        Rule(rx(r"#[0-9a-f]{1,6}", re.I), "m"),
        Rule(rx(rf"{NUMBER}(?:%|(?:{_UNITS})(?![{P.BOUNDARY_WORD}]))?"), "m"),  # Ruby's \b
        Rule(rx(r"[\[\]():\/.,]"), "p"),
        Rule(rx(r'"(\\\\|\\"|[^"])*"'), "s1"),
        Rule(rx(r"'(\\\\|\\'|[^'])*'"), "s2"),
        Rule(rx(IDENTIFIER), action=_value_word),
    ],
    "at_rule": [
        Rule(rx(rf"{{(?=\s*{IDENTIFIER}\s*:)", re.S), "p", "at_stanza"),
        Rule(rx(r"{"), "p", "at_body"),
        Rule(rx(r";"), "p", "#pop"),
        Mixin("value"),
    ],
    "at_body": [Mixin("at_content"), Mixin("root")],
    "at_stanza": [Mixin("at_content"), Mixin("stanza")],
    "at_content": [Rule(rx(r"}"), action=then("p", pop=2))],
    "basics": [
        Rule(rx(r"\s+", re.S), ""),
        Rule(rx(r"/\*(?:.*?)\*/", re.S), "c"),
    ],
    "stanza": [
        Mixin("basics"),
        Rule(rx(r"}"), "p", "#pop"),
        Rule(rx(rf"({IDENTIFIER})(\s*)(:)", re.S), action=_declaration),
    ],
    "stanza_value": [
        Rule(rx(r";"), "p", "#pop"),
        Rule(rx(r"(?=})"), action=then(pop=1)),
        Rule(rx(rf"!\s*important(?![{P.BOUNDARY_WORD}])"), "cp"),
        Rule(rx(r"^@.*?$"), "cp"),
        Mixin("value"),
    ],
}

LEXER = RegexLexer(STATES)

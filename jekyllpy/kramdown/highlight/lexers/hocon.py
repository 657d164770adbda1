"""HOCON as Rouge 3.30's HOCON lexer tokenises it: JSON's states with comments, bare and
quoted keys before ``:``, ``=`` or ``{``, unquoted values (literals), ``${...}``
substitutions, ``include`` keywords and triple-quoted strings.  Rouge's triple-quoted string
shares the plain string's rules, whose lone ``"`` ends it first, so such a string ends at the
first quote that no other character follows; kept."""

from __future__ import annotations

from .. import unicode_props as P
from ..regex_lexer import Mixin, RegexLexer, Rule, rx
from . import json

_END = f"(?![{P.BOUNDARY_WORD}])"  # Ruby's \b after a word character

STATES = dict(json.STATES)
STATES.update({
    "comments": [
        Rule(rx(r"//.*?$"), "c1"),
        Rule(rx(r"#.*?$"), "c1"),
    ],
    "root": [Mixin("comments"), *json.STATES["root"]],
    "object": [
        Rule(rx(rf"\b(?:include|url|file|classpath){_END}"), "k"),
        *json.STATES["object"],
    ],
    "name": [
        Rule(rx(r'("(?:"|[^"\n])*?")(\s*)([:=]|(?={))'), ("nl", "w", "p")),
        Rule(rx(r"([-\w.]+)(\s*)([:=]|(?={))"), ("nl", "w", "p")),
    ],
    "value": [
        Mixin("comments"),
        Rule(rx(r"\n"), "w"),
        Rule(rx(r"\s+"), "w"),
        Mixin("constants"),
        Rule(rx(r"[$][{][?]?"), "si", "interpolation"),
        Rule(rx(r'"""'), "s2", "multiline_string"),
        Rule(rx(r'"'), "s2", "string"),
        Rule(rx(r"\["), "p", "array"),
        Rule(rx(r"{"), "p", "object"),
        Rule(rx(r"[()=]"), "p"),
        Rule(rx(r'[^$"{}\[\]:=,+#`^?!@*&]+?'), "l"),
    ],
    "interpolation": [
        Rule(rx(r"[\w\-.]+?"), "nv"),
        Rule(rx(r"}"), "si", "#pop"),
    ],
    "string": [
        Rule(rx(r"[$][{][?]?"), "si", "interpolation"),
        Rule(rx(r'[^\\"${]+'), "s2"),
        *json.STATES["string"],
    ],
    "multiline_string": [
        Rule(rx(r'"[^"]{1,2}'), "s2"),
        Mixin("string"),
        Rule(rx(r'"""'), "s2", "#pop"),
    ],
    "constants": [
        Rule(rx(r"\d+\.(?:\d+\.?){3,}"), "l"),
        *json.STATES["constants"],
    ],
})

LEXER = RegexLexer(STATES)

"""QML as Rouge 3.30's Qml lexer tokenises it: JavaScript's states with QML's rules first in
its root (``Type {`` and ``Type on target {`` open a type block, a lone ``{`` nests) and a
type block state for ``id:``, ``name:`` bindings, ``signal`` and ``property`` declarations."""

from __future__ import annotations

from ..regex_lexer import Mixin, RegexLexer, Rule, rx, then
from . import javascript as js

_NAME = r"[$a-zA-Z_][a-zA-Z0-9_.]*"

STATES = js.make_states()
STATES["root"] = [
    Rule(rx(rf"({_NAME})(\s*)({{)"), ("kt", "", "p"), "type_block"),
    Rule(rx(rf"({_NAME})(\s+)(on)(\s+)({_NAME})(\s*)({{)"),
         ("kt", "", "k", "", "nl", "", "p"), "type_block"),
    Rule(rx(r"[{]"), "p", "#push"),
    *STATES["root"],
]
STATES.update({
    "type_block": [
        Rule(rx(rf"(id)(\s*)(:)(\s*)({_NAME})"), ("nl", "", "p", "", "kd")),
        Rule(rx(rf"({_NAME})(\s*)(:)"), ("nl", "", "p"), "expr_start"),
        Rule(rx(rf"(signal)(\s+)({_NAME})"), ("kd", "", "nl"), "signal"),
        Rule(rx(rf"(property)(\s+)({_NAME})(\s+)({_NAME})(\s*)(:?)"),
             ("kd", "", "kt", "", "nl", "", "p"), "expr_start"),
        Rule(rx(r"[}]"), "p", "#pop"),
        Mixin("root"),
    ],
    "signal": [
        Mixin("comments_and_whitespace"),
        Rule(rx(r"\("), action=then("p", goto="signal_args")),
        Rule(rx(r""), None, "#pop"),
    ],
    "signal_args": [
        Mixin("comments_and_whitespace"),
        Rule(rx(rf"({_NAME})(\s+)({_NAME})(\s*)(,?)"), ("kt", "", "n", "", "p")),
        Rule(rx(r"\)"), "p", "#pop"),
    ],
})

LEXER = RegexLexer(STATES)

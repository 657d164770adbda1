"""TSX as Rouge 3.30's TSX lexer tokenises it: JSX on TypeScript's states, and in an
element name a ``Name,`` (a generic arrow function's type parameter) ends the element."""

from __future__ import annotations

from ..regex_lexer import RegexLexer, Rule, rx
from . import jsx, typescript

_STATES = jsx.add_jsx(typescript.make_states())
_STATES["element_name"] = [
    Rule(rx(r"(\w+)(,)"), action=lambda run, m: (
        run.token("nx", m.group(1)), run.token("p", m.group(2)), run.pop(3))),
    *_STATES["element_name"],
]

LEXER = RegexLexer(_STATES, start=("root", "expr_start"))

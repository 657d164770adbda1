"""TypeScript as Rouge 3.30 tokenises it: the JavaScript lexer with more keywords,
declarations, reserved words and builtins, ``?.``/``??`` first in the root state, and
optional labels (``name?:``) in statements."""

from __future__ import annotations

from ..regex_lexer import RegexLexer, Rule, rx
from . import javascript as js



def make_states() -> dict:
    """JavaScript's states with TypeScript's words and first rules (shared with TSX)."""
    states = js.make_states(
        keywords=js.KEYWORDS | {"is", "namespace", "static", "private", "protected", "public",
                                "implements", "readonly"},
        declarations=js.DECLARATIONS | {"type", "abstract"},
        reserved=js.RESERVED | {"string", "any", "void", "number", "namespace", "module",
                                "declare", "default", "interface", "keyof"},
        builtins=js.BUILTINS | {"Pick", "Partial", "Readonly", "Record"},
    )
    states["root"] = [Rule(rx(r"[?][.]"), "p"), Rule(rx(r"[?]{2}"), "o"), *states["root"]]
    states["statement"] = [
        Rule(rx(f"({js.ID})(\\??)(\\s*)(:)"), action=lambda run, m: (
            run.token("nl", m.group(1)), run.token("p", m.group(2)), run.token("", m.group(3)),
            run.token("p", m.group(4)), run.push("expr_start"))),
        *states["statement"],
    ]
    return states


LEXER = RegexLexer(make_states())

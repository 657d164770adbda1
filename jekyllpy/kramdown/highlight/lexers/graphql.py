"""GraphQL as Rouge 3.30's GraphQL lexer tokenises it: operations and fragments with their
selection sets, type system definitions, arguments and values; a block string after the
definitions' level is a Markdown description."""

from __future__ import annotations

import re

from .. import unicode_props as P
from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule
from ..regex_lexer import rx as _rx
from . import markdown

_NAME = r"[_A-Za-z][_0-9A-Za-z]*"
_BUILTIN_TYPES = r"\b(?:Int|Float|String|Boolean|ID)\b"
_END = f"(?![{P.BOUNDARY_WORD}])"


def rx(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Rouge's GraphQL patterns with every ``\\b`` after the first character as Ruby tests
    it: each follows a name or keyword character, so it is "no word character next", with
    Ruby's word characters (``unicode_props``; Python's differ on combining marks and
    U+00B2)."""
    return _rx(pattern[:1] + pattern[1:].replace("\\b", _END), flags)


def _top(run: LexRun) -> str | None:
    return run.stack[-1] if run.stack else None


def _then(css: str | None = None, pop: int = 0, push: tuple[str, ...] = (),
          pop_if: tuple[str, ...] = (), pop_unless: str | None = None):
    """Yield the match, pop ``pop`` states, one more if the state is then one of ``pop_if``,
    push ``push``; with ``pop_unless``, pop once unless that is the current state."""
    def action(run: LexRun, m: re.Match[str]) -> None:
        if css is not None:
            run.token(css, m.group())
        if pop_unless is not None and _top(run) != pop_unless:
            run.pop()
        if pop:
            run.pop(pop)
        if pop_if and _top(run) in pop_if:
            run.pop()
        for state in push:
            run.push(state)
    return action


def _description(run: LexRun, m: re.Match[str]) -> None:
    run.token("s2", m.group(1))
    run.token("w", m.group(2))
    run.tokens.extend(markdown.LEXER.lex(m.group(3)))
    run.token("w", m.group(4))
    run.token("s2", m.group(5))


LEXER = RegexLexer({
    "root": [
        Rule(rx(r"\b(?:query|mutation|subscription)\b"), "k", "query_definition"),
        Rule(rx(r"\{"), action=_then("p", push=("query_definition", "selection_set"))),
        Rule(rx(r"\bfragment\b"), "k", "fragment_definition"),
        Rule(rx(r"\bscalar\b"), "k", "value"),
        Rule(rx(r"\b(?:type|interface|enum)\b"), "k", "type_definition"),
        Rule(rx(r"\b(?:input|schema)\b"), "k", "type_definition"),
        Rule(rx(r"\bunion\b"), "k", "union_definition"),
        Rule(rx(r"\bextend\b"), "k"),
        Mixin("basic"),
        Rule(rx(r'(""")(\n)(.*?)(\n)(""")', re.S), action=_description),
    ],
    "basic": [
        Rule(rx(r"\s+"), "w"),
        Rule(rx(r"#.*$"), "c"),
        Rule(rx(r"[!,]"), "p"),
    ],
    "has_directives": [
        Rule(rx(rf"(@{_NAME})(\s*)(\()"), ("k", "w", "p"), "arguments"),
        Rule(rx(rf"@{_NAME}\b"), "k"),
    ],
    "fragment_definition": [
        Rule(rx(r"\bon\b"), "k"),
        Mixin("query_definition"),
    ],
    "query_definition": [
        Mixin("has_directives"),
        Rule(rx(rf"\b{_NAME}\b"), "n"),
        Rule(rx(r"\("), "p", "variable_definitions"),
        Rule(rx(r"\{"), "p", "selection_set"),
        Mixin("basic"),
    ],
    "type_definition": [
        Rule(rx(r"\bimplements\b"), "k"),
        Rule(rx(rf"\b{_NAME}\b"), "n"),
        Rule(rx(r"\("), "p", "variable_definitions"),
        Rule(rx(r"\{"), "p", "type_definition_set"),
        Mixin("basic"),
    ],
    "union_definition": [
        Rule(rx(rf"\b{_NAME}\b"), "n"),
        Rule(rx(r"="), "p", "union_definition_variant"),
        Mixin("basic"),
    ],
    "union_definition_variant": [
        Rule(rx(rf"\b{_NAME}\b"), action=_then("n", pop=1, push=("union_definition_pipe",))),
        Mixin("basic"),
    ],
    "union_definition_pipe": [
        Rule(rx(r"\|"), action=_then("p", pop=1, push=("union_definition_variant",))),
        Rule(rx(r"(?!\||\s+|#[^\n]*)"), action=_then(pop=2)),
        Mixin("basic"),
    ],
    "type_definition_set": [
        Rule(rx(r"\}"), action=_then("p", pop=2)),
        Rule(rx(rf"\b({_NAME})(\s*)(\()"), ("n", "w", "p"), "variable_definitions"),
        Rule(rx(rf"\b{_NAME}\b"), "n"),
        Rule(rx(r":"), "p", "type_names"),
        Mixin("basic"),
    ],
    "arguments": [
        Rule(rx(r"\)"), "p", "#pop"),
        Rule(rx(rf"\b{_NAME}\b"), "n"),
        Rule(rx(r":"), "p", "value"),
        Mixin("basic"),
    ],
    "variable_definitions": [
        Rule(rx(r"\)"), "p", "#pop"),
        Rule(rx(rf"\${_NAME}\b"), "nv"),
        Rule(rx(rf"\b{_NAME}\b"), "n"),
        Rule(rx(r":"), "p", "type_names"),
        Rule(rx(r"="), "p", "value"),
        Mixin("basic"),
    ],
    "type_names": [
        Rule(rx(_BUILTIN_TYPES), "nb", "#pop"),
        Rule(rx(rf"\b{_NAME}\b"), "n", "#pop"),
        Rule(rx(r"\["), "p", "type_name_list"),
        Mixin("basic"),
    ],
    "type_name_list": [
        Rule(rx(_BUILTIN_TYPES), "nb"),
        Rule(rx(rf"\b{_NAME}\b"), "n"),
        Rule(rx(r"\]"), action=_then("p", pop=2)),
        Mixin("basic"),
    ],
    "selection_set": [
        Mixin("has_directives"),
        Rule(rx(r"\}"), action=_then("p", pop=1,
                                     pop_if=("query_definition", "fragment_definition"))),
        Rule(rx(rf"\b({_NAME})(\s*)(\()"), ("n", "w", "p"), "arguments"),
        Rule(rx(rf"\b({_NAME})(\s*)(:)"), ("n", "w", "p")),
        Rule(rx(rf"\b{_NAME}\b"), "n"),
        Rule(rx(r"(\.\.\.)(\s+)(on)\b"), ("p", "w", "k")),
        Rule(rx(r"\.\.\."), "p"),
        Rule(rx(r"\{"), "p", "selection_set"),
        Mixin("basic"),
    ],
    "list": [
        Rule(rx(r"\]"), action=_then("p", pop=1, pop_if=("value",))),
        Mixin("value"),
    ],
    "object": [
        Rule(rx(r"\}"), action=_then("p", pop=1, pop_if=("value",))),
        Rule(rx(rf"\b({_NAME})(\s*)(:)"), ("n", "w", "p"), "value"),
        Mixin("basic"),
    ],
    "value": [
        Rule(rx(r'""".*?"""', re.S), "s2"),
        Rule(rx(rf"\${_NAME}\b"), action=_then("nv", pop_unless="list")),
        Rule(rx(r"\b(?:true|false|null)\b"), action=_then("kc", pop_unless="list")),
        Rule(rx(r"[+-]?[0-9]+\.[0-9]+(?:[eE][+-]?[0-9]+)?"), action=_then("mf", pop_unless="list")),
        Rule(rx(r"[+-]?[1-9][0-9]*(?:[eE][+-]?[0-9]+)?"), action=_then("mi", pop_unless="list")),
        Rule(rx(r'"(\\[\\"]|[^"])*"'), action=_then("s2", pop_unless="list")),
        Rule(rx(rf"\b{_NAME}\b"), action=_then("n", pop_unless="list")),
        Rule(rx(r"\{"), "p", "object"),
        Rule(rx(r"\["), "p", "list"),
        Mixin("basic"),
    ],
})

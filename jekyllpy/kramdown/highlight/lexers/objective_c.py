"""Objective-C as Rouge 3.30's Objective-C lexer tokenises it: the C lexer with rules put
before its statements (``@`` literals and directives, message sends in brackets, ternaries)
and before its top level (method definitions starting with ``-`` or ``+``)."""

from __future__ import annotations

import re
from collections.abc import Callable

from ...parser import unicode_classes as U
from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, rx
from . import c

# Rouge's /i name class; Ruby also folds U+017F and U+212A into s and k
_ID = "[a-zA-Z\u017f\u212a$_][a-zA-Z0-9\u017f\u212a$_]*"
_AT_KEYWORDS = frozenset("""selector private protected public encode synchronized try throw
catch finally end property synthesize dynamic optional interface implementation import
autoreleasepool""".split())
_AT_BUILTINS = frozenset("true false YES NO".split())
_BUILTINS = frozenset("YES NO nil".split())


def _word_action(cpp: bool):
    keywords, types, reserved = ((c.CPP_KEYWORDS, c.CPP_TYPES, c.CPP_RESERVED) if cpp
                                 else (c.C_KEYWORDS, c.C_TYPES, c.C_RESERVED))

    def action(run: LexRun, m: re.Match[str]) -> None:
        name = m.group()
        if name in keywords:
            css = "k"
        elif name in types:
            css = "kt"
        elif name in reserved:
            css = "kr"
        elif name in _BUILTINS:
            css = "nb"
        else:
            css = "n"
        run.token(css, name)
    return action


def _at_word(run: LexRun, m: re.Match[str]) -> None:
    word = m.group(1)
    css = "k" if word in _AT_KEYWORDS else "nb" if word in _AT_BUILTINS else "err"
    run.token(css, m.group())


def _method_start(get_lexer: Callable[[], RegexLexer]):
    def action(run: LexRun, m: re.Match[str]) -> None:
        run.token("k", m.group(1))
        run.token("", m.group(2))
        if m.group(3):
            run.tokens.extend(get_lexer().lex(m.group(3)))
        run.token("", m.group(4))
        run.push("method_definition")
    return action


def _typed_argument(get_lexer: Callable[[], RegexLexer]):
    def action(run: LexRun, m: re.Match[str]) -> None:
        run.tokens.extend(get_lexer().lex(m.group(1)))
        run.token("nv", m.group(2))
    return action


def _goto(state: str, css: str):
    def action(run: LexRun, m: re.Match[str]) -> None:
        run.token(css, m.group())
        run.goto(state)
    return action


def make_states(cpp: bool, get_lexer: Callable[[], RegexLexer]) -> dict:
    """Objective-C's states on C's, or (``cpp``) Objective-C++'s on C++'s."""
    states = c.make_states(cpp, get_lexer)
    word_rule = states["statements"][-1]
    assert word_rule.pattern.pattern == c.ID
    states["statements"] = [
        Rule(rx(r'@"'), "s", "string"),
        Rule(rx(r"@'(\\[0-7]{1,3}|\\x[a-fA-F0-9]{1,2}|\\.|[^\\'\n]')"), "sc"),
        Rule(rx(r"@(\d+[.]\d*|[.]\d+|\d+)e[+-]?\d+l?", re.I), "mf"),
        Rule(rx(r"@(\d+[.]\d*|[.]\d+|\d+f)f?", re.I), "mf"),
        Rule(rx(r"@0x[0-9a-fA-F]+[lL]?"), "mh"),
        Rule(rx(r"@0[0-7]+l?", re.I), "mo"),
        Rule(rx(r"@\d+l?"), "mi"),
        Rule(rx(r"\bin\b"), "k"),
        Rule(rx(r"@(?:interface|implementation)\b"), "k", "objc_classname"),
        Rule(rx(r"@(?:class|protocol)\b"), "k", "forward_classname"),
        Rule(rx(rf"@([{U.ALNUM}]+)"), action=_at_word),
        Rule(rx(r"[?]"), "p", "ternary"),
        Rule(rx(r"\["), "p", "message"),
        Rule(rx(r"@\["), "p", "array_literal"),
        Rule(rx(r"@\{"), "p", "dictionary_literal"),
        *states["statements"][:-1],
        Rule(rx(c.ID), action=_word_action(cpp)),
    ]
    states["root"] = [
        Rule(rx(rf"([-+])(\s*)([(].*?[)])?(\s*)(?={_ID}:?)"), action=_method_start(get_lexer)),
        *states["root"],
    ]
    states.update({
        "ternary": [Rule(rx(r":"), "p", "#pop"), Mixin("statements")],
        "message_shared": [
            Rule(rx(r"\]"), "p", "#pop"),
            Rule(rx(r"\{"), "p", "#pop"),
            Rule(rx(r";"), "err"),
            Mixin("statements"),
        ],
        "message": [
            Rule(rx(rf"({_ID})(\s*)(:)"),
                 action=lambda run, m: (_groups(run, m, ("nf", "", "p")),
                                        run.goto("message_with_args"))),
            Rule(rx(rf"({_ID})(\s*)(\])"), ("nf", "", "p"), "#pop"),
            Mixin("message_shared"),
        ],
        "message_with_args": [
            Rule(rx(r"\{"), "p", "function"),
            Rule(rx(rf"({_ID})(\s*)(:)"), ("nf", "", "p"), "#pop"),
            Mixin("message_shared"),
        ],
        "array_literal": [
            Rule(rx(r"\]"), "p", "#pop"),
            Rule(rx(r","), "p"),
            Mixin("statements"),
        ],
        "dictionary_literal": [
            Rule(rx(r"\}"), "p", "#pop"),
            Rule(rx(r","), "p"),
            Mixin("statements"),
        ],
        "objc_classname": [
            Mixin("whitespace"),
            Rule(rx(rf"({_ID})(\s*)(:)(\s*)({_ID})"), ("nc", "", "p", "", "nc"), "#pop"),
            Rule(rx(rf"({_ID})(\s*)([(])(\s*)({_ID})(\s*)([)])"),
                 ("nc", "", "p", "", "nl", "", "p"), "#pop"),
            Rule(rx(_ID), "nc", "#pop"),
        ],
        "forward_classname": [
            Mixin("whitespace"),
            Rule(rx(rf"({_ID})(\s*)(,)(\s*)"), ("nc", "", "p", ""), "#push"),
            Rule(rx(rf"({_ID})(\s*)(;?)"), ("nc", "", "p"), "#pop"),
        ],
        "method_definition": [
            Rule(rx(r","), "p"),
            Rule(rx(r"[.][.][.]"), "p"),
            Rule(rx(rf"([(].*?[)])({_ID})"), action=_typed_argument(get_lexer)),
            Rule(rx(rf"({_ID})(\s*)(:)", re.S), ("nf", "", "p")),
            Rule(rx(r";"), "p", "#pop"),
            Rule(rx(r"\{"), action=_goto("function", "p")),
            Mixin("inline_whitespace"),
            Rule(rx(r"//.*?\n"), "c1"),
            Rule(rx(r"\s+"), ""),
            Rule(rx(r""), None, "#pop"),
        ],
    })
    return states


def _groups(run: LexRun, m: re.Match[str], tokens: tuple[str, ...]) -> None:
    for i, css in enumerate(tokens, start=1):
        run.token(css, m.group(i))


LEXER: RegexLexer = RegexLexer(make_states(False, lambda: LEXER), start=("root", "bol"))

"""JavaScript as Rouge 3.30's JavaScript lexer tokenises it.

The lexer tracks whether an expression may start (``expr_start``: a ``/`` there begins a
regex literal, a ``{`` an object whose keys are attributes), statements (labels), object
literals, the ternary, template strings and quoted strings with their delimiters.

Rouge's rule ``(?<=\\n)(?=\\s|/|<!--)`` in its root state can never match (its scanner
cannot look behind the cursor), so it is left out.
"""

from __future__ import annotations

import re

from ...parser import unicode_classes as U
from .. import unicode_props as P
from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, rx, then

KEYWORDS = frozenset(
    "as async await break case catch continue debugger default delete do else export finally "
    "from for if import in instanceof new of return super switch this throw try typeof void "
    "while yield".split())
DECLARATIONS = frozenset(
    "var let const with function class extends constructor get set static".split())
RESERVED = frozenset("enum implements interface package private protected public".split())
CONSTANTS = frozenset("true false null NaN Infinity undefined".split())
BUILTINS = frozenset(
    "Array Boolean Date Error Function Math netscape Number Object Packages RegExp String sun "
    "decodeURI decodeURIComponent encodeURI encodeURIComponent Error eval isFinite isNaN "
    "parseFloat parseInt document window navigator self global Promise Set Map WeakSet "
    "WeakMap Symbol Proxy Reflect Int8Array Uint8Array Uint8ClampedArray Int16Array "
    "Uint16Array Uint16ClampedArray Int32Array Uint32Array Uint32ClampedArray Float32Array "
    "Float64Array DataView ArrayBuffer".split())

# Rouge: [\p{L}\p{Nl}$_][\p{Word}]* (Onigmo's properties; Python's letters add U+00B2 and
# other numbers)
ID = f"[{P.L}{P.NL}$_][{U.WORD}]*"


def _identifier_action(keywords: frozenset[str], declarations: frozenset[str],
                       reserved: frozenset[str], constants: frozenset[str],
                       builtins: frozenset[str]):
    def action(run: LexRun, m: re.Match[str]) -> None:
        word = m.group()
        if word in keywords:
            run.token("k", word)
            run.push("expr_start")
        elif word in declarations:
            run.token("kd", word)
            run.push("expr_start")
        elif word in reserved:
            run.token("kr", word)
        elif word in constants:
            run.token("kc", word)
        elif word in builtins:
            run.token("nb", word)
        else:
            run.token("nx", word)
    return action


def _decorator(run: LexRun, m: re.Match[str]) -> None:
    run.token("p", m.group(1))
    run.token("nd", m.group(2))
    run.push("expr_start")


#: a regex literal's body and ``[...]`` groups, as Rouge's JavaScript lexer reads them (its Awk
#: lexer restates them word for word: ``awk.py``; ActionScript and Haxe share them)
REGEX_STATES = {
    "regex": [
        Rule(rx(r"/"), action=then("sr", goto="regex_end")),
        Rule(rx(r"[^/]\n"), "err", "#pop"),
        Rule(rx(r"\n"), "err", "#pop"),
        Rule(rx(r"\[\^"), "se", "regex_group"),
        Rule(rx(r"\["), "se", "regex_group"),
        Rule(rx(r"\\."), "se"),
        Rule(rx(r"[(][?][:=<!]"), "se"),
        Rule(rx(r"[{][\d,]+[}]"), "se"),
        Rule(rx(r"[()?]"), "se"),
        Rule(rx(r"."), "sr"),
    ],
    "regex_group": [
        Rule(rx(r"/"), "se"),
        Rule(rx(r"[^/]\n"), action=then("err", pop=2)),
        Rule(rx(r"\]"), "se", "#pop"),
        Rule(rx(r"\\."), "se"),
        Rule(rx(r"."), "sr"),
    ],
}


def make_states(keywords: frozenset[str] = KEYWORDS, declarations: frozenset[str] = DECLARATIONS,
                reserved: frozenset[str] = RESERVED, constants: frozenset[str] = CONSTANTS,
                builtins: frozenset[str] = BUILTINS) -> dict:
    """The JavaScript states for these word lists (TypeScript extends them)."""
    identifier = _identifier_action(keywords, declarations, reserved, constants, builtins)
    return {
    "multiline_comment": [
        Rule(rx(r"[*]/"), "cm", "#pop"),
        Rule(rx(r"[^*/]+"), "cm"),
        Rule(rx(r"[*/]"), "cm"),
    ],
    "comments_and_whitespace": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"<!--"), "c"),
        Rule(rx(r"//.*?$"), "c1"),
        Rule(rx(r"/[*]"), "cm", "multiline_comment"),
    ],
    "expr_start": [
        Mixin("comments_and_whitespace"),
        Rule(rx(r"/"), action=then("sr", goto="regex")),
        Rule(rx(r"[{]"), action=then("p", goto="object")),
        Rule(rx(r""), "", "#pop"),
    ],
    "regex_end": [
        Rule(rx(r"[gimuy]+"), "sr", "#pop"),
        Rule(rx(r""), action=then(pop=1)),
    ],
    **REGEX_STATES,
    "root": [
        Rule(rx(r"\s*#!.*?\n", re.S), "cp", "statement"),
        Mixin("comments_and_whitespace"),
        Rule(rx(r"\+\+|--|~|\?\?=?|&&|\|\||\\(?=\n)|<<|>>>?|===|!=="), "o", "expr_start"),
        Rule(rx(r"[-<>+*%&|\^/!=]=?"), "o", "expr_start"),
        Rule(rx(r"[(\[,]"), "p", "expr_start"),
        Rule(rx(r";"), "p", "statement"),
        Rule(rx(r"[)\].]"), "p"),
        Rule(rx(r"`"), "s2", "template_string"),
        Rule(rx(r"[?][.]"), "p"),
        Rule(rx(r"[?]"), action=then("p", push=("ternary", "expr_start"))),
        Rule(rx(r"(@)(\w+)?"), action=_decorator),
        Rule(rx(r"[{}]"), "p", "statement"),
        Rule(rx(ID, re.I), action=identifier),
        Rule(rx(r"[0-9][0-9]*\.[0-9]+([eE][0-9]+)?[fd]?"), "mf"),
        Rule(rx(r"0x[0-9a-fA-F]+", re.I), "mh"),
        Rule(rx(r"0o[0-7][0-7_]*", re.I), "mo"),
        Rule(rx(r"0b[01][01_]*", re.I), "mb"),
        Rule(rx(r"[0-9]+"), "mi"),
        Rule(rx(r'"'), "dl", "dq"),
        Rule(rx(r"'"), "dl", "sq"),
        Rule(rx(r":"), "p"),
    ],
    "dq": [
        Rule(rx(r'\\[\\nrt"]?'), "se"),
        Rule(rx(r'[^\\"]+'), "s2"),
        Rule(rx(r'"'), "dl", "#pop"),
    ],
    "sq": [
        Rule(rx(r"\\[\\nrt']?"), "se"),
        Rule(rx(r"[^\\']+"), "s1"),
        Rule(rx(r"'"), "dl", "#pop"),
    ],
    "statement": [
        Rule(rx(r"case\b"), action=then("k", goto="expr_start")),
        Rule(rx(f"({ID})(\\s*)(:)"), ("nl", "", "p")),
        Mixin("expr_start"),
    ],
    "object": [
        Mixin("comments_and_whitespace"),
        Rule(rx(r"[{]"), "p", "#push"),
        Rule(rx(r"[}]"), action=then("p", goto="statement")),
        Rule(rx(f"({ID})(\\s*)(:)"), action=lambda run, m: (
            run.token("na", m.group(1)), run.token("", m.group(2)), run.token("p", m.group(3)),
            run.push("expr_start"))),
        Rule(rx(r":"), "p"),
        Mixin("root"),
    ],
    "ternary": [
        Rule(rx(r":"), action=then("p", goto="expr_start")),
        Mixin("root"),
    ],
    "template_string": [
        Rule(rx(r"[$]\{"), "p", "template_string_expr"),
        Rule(rx(r"`"), "s2", "#pop"),
        Rule(rx(r"\\[$`]"), "se"),
        Rule(rx(r"[^$`\\]+"), "s2"),
        Rule(rx(r"[\\$]"), "s2"),
    ],
    "template_string_expr": [
        Rule(rx(r"}"), "p", "#pop"),
        Mixin("root"),
    ],
    }


LEXER = RegexLexer(make_states())

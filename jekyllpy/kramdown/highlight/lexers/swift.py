"""Swift as Rouge 3.30's Swift lexer tokenises it (keywords, declarations, attributes,
access modifiers, tuples, string interpolation, capitalised names as types)."""

from __future__ import annotations

import re

from ...parser import unicode_classes as U
from .. import unicode_props as P
from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, rx, then

KEYWORDS = frozenset(
    "await break case continue default do else fallthrough if in for return switch where while "
    "try catch throw guard defer repeat as dynamicType is new super self Self Type __COLUMN__ "
    "__FILE__ __FUNCTION__ __LINE__ associativity async didSet get infix inout isolated "
    "mutating none nonmutating operator override postfix precedence prefix set unowned weak "
    "willSet throws rethrows precedencegroup".split())
DECLARATIONS = frozenset(
    "actor class deinit enum convenience extension final func import init internal lazy let "
    "nonisolated optional private protocol public required static struct subscript typealias "
    "var dynamic indirect associatedtype open fileprivate some".split())
CONSTANTS = frozenset("true false nil".split())

# Rouge: _|(?!\p{Mc})\p{Alpha}|[^\u0000-\uFFFF], then [\p{Alnum}_]|[^\u0000-\uFFFF] (Onigmo's
# classes), and [[:upper:]] for types
ID = (f"(?:_|(?![{P.MC}])[{U.ALPHA}]|[\U00010000-\U0010ffff])"
      f"(?:[{U.ALNUM}_]|[\U00010000-\U0010ffff])*")
_UPPER = re.compile(f"[{P.UPPER}]")
_END = f"(?![{P.BOUNDARY_WORD}])"  # Ruby's \b after a word character


def _access(run: LexRun, m: re.Match[str]) -> None:
    if m.group(3) == "set":
        run.token("kd", m.group())
    else:
        for css, i in (("kd", 1), ("kd", 2), ("err", 3), ("kd", 4)):
            run.token(css, m.group(i))


def _unowned(run: LexRun, m: re.Match[str]) -> None:
    if m.group(2) in ("safe", "unsafe"):
        run.token("kd", m.group())
    else:
        for css, i in (("kd", 1), ("err", 2), ("kd", 3)):
            run.token(css, m.group(i))


def _call(run: LexRun, m: re.Match[str]) -> None:
    run.token("kt" if _UPPER.match(m.group()) else "nf", m.group())


def _word(run: LexRun, m: re.Match[str]) -> None:
    word = m.group()
    css = ("k" if word in KEYWORDS else "kd" if word in DECLARATIONS
           else "kc" if word in CONSTANTS else "kt" if _UPPER.match(word) else "n")
    run.token(css, word)


LEXER = RegexLexer({
    "bol": [
        Rule(rx(r"#.*"), "cp"),
        Mixin("inline_whitespace"),
        Rule(rx(r""), action=then(pop=1)),
    ],
    "inline_whitespace": [Rule(rx(r"\s+", re.S), ""), Mixin("has_comments")],
    "whitespace": [
        Rule(rx(r"\n+", re.S), "", "bol"),
        Rule(rx(r"//.*?$"), "c1", "bol"),
        Mixin("inline_whitespace"),
    ],
    "has_comments": [Rule(rx(r"/[*]"), "cm", "nested_comment")],
    "nested_comment": [
        Mixin("has_comments"),
        Rule(rx(r"[*]/"), "cm", "#pop"),
        Rule(rx(r"[^*/]+", re.S), "cm"),
        Rule(rx(r"."), "cm"),
    ],
    "root": [
        Mixin("whitespace"),
        Rule(rx(r"\$(([1-9]\d*)?\d)"), "nv"),
        Rule(rx(r"[()\[\]{}:;,?\\]"), "p"),
        Rule(rx(r"[-/=+*%<>!&|^.~]+"), "o"),
        Rule(rx(r"@?\""), "s", "dq"),
        Rule(rx(r"'(\\.|.)'"), "sc"),
        Rule(rx(r"(\d+(?:_\d+)*\*|(?:\d+(?:_\d+)*)*\.\d+(?:_\d)*)(e[+-]?\d+(?:_\d)*)?", re.I),
             "mf"),
        Rule(rx(r"\d+e[+-]?[0-9]+", re.I), "mf"),
        Rule(rx(r"0o?[0-7]+(?:_[0-7]+)*"), "mo"),
        Rule(rx(r"0x[0-9A-Fa-f]+(?:_[0-9A-Fa-f]+)*((\.[0-9A-F]+(?:_[0-9A-F]+)*)?p[+-]?\d+)?"),
             "mh"),
        Rule(rx(r"0b[01]+(?:_[01]+)*"), "mb"),
        Rule(rx(r"[\d]+(?:_\d+)*"), "mi"),
        Rule(rx(f"@{ID}"), "kd"),
        Rule(rx(r"(private|internal)(\([ ]*)(\w+)([ ]*\))"), action=_access),
        Rule(rx(r"(unowned\([ ]*)(\w+)([ ]*\))"), action=_unowned),
        Rule(rx(r"#available\([^)]+\)"), "kd"),
        Rule(rx(r"(#(?:selector|keyPath)\()([^)]+?(?:[(].*?[)])?)(\))"), ("kd", "nf", "kd")),
        Rule(rx(r"#(line|file|column|function|dsohandle)"), "kd"),
        Rule(rx(rf"(let|var){_END}(\s*)({ID})"), ("k", "", "nv")),
        Rule(rx(rf"(let|var){_END}(\s*)([(])"), ("k", "", "p"), "tuple"),
        Rule(rx(rf"(?!\b(if|while|for|private|internal|unowned|switch|case){_END})"
                rf"(?=[{P.BOUNDARY_WORD}]){ID}"
                r"(?=(\?|!)?\s*[(])"), action=_call),
        Rule(rx(r"as[?!]?(?=\s)"), "k"),
        Rule(rx(r"try[!]?(?=\s)"), "k"),
        Rule(rx(rf"(#?(?!default)(?![{P.UPPER}]){ID})(\s*)(:)"),
             ("nv", "", "p")),
        Rule(rx(ID), action=_word),
        Rule(rx(f"(`)({ID})(`)"), ("p", "nv", "p")),
    ],
    "tuple": [
        Rule(rx(f"({ID})"), "nv"),
        Rule(rx(f"(`)({ID})(`)"), ("p", "nv", "p")),
        Rule(rx(r","), "p"),
        Rule(rx(r"[(]"), "p", "#push"),
        Rule(rx(r"[)]"), "p", "#pop"),
        Mixin("inline_whitespace"),
    ],
    "dq": [
        Rule(rx(r"\\[\\0tnr'\"]"), "se"),
        Rule(rx(r"\\[(]"), "se", "interp"),
        Rule(rx(r"\\u\{[0-9a-fA-F]{1,8}\}"), "se"),
        Rule(rx(r"[^\\\"]+"), "s"),
        Rule(rx(r"\"\"\""), "s", "#pop"),
        Rule(rx(r"\""), "s", "#pop"),
    ],
    "interp": [
        Rule(rx(r"[(]"), "p", "interp_inner"),
        Rule(rx(r"[)]"), "se", "#pop"),
        Mixin("root"),
    ],
    "interp_inner": [
        Rule(rx(r"[(]"), "p", "#push"),
        Rule(rx(r"[)]"), "p", "#pop"),
        Mixin("root"),
    ],
}, start=("root", "bol"))

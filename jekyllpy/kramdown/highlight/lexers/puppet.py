"""Puppet manifests as Rouge 3.30's Puppet lexer tokenises them.  (Rouge's rule for a ``-``
before ``]`` in a regex class starts with a lookbehind its scanner never sees through, so
there it always applies.)"""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, rx

_KEYWORDS = frozenset("""and case class default define else elsif if in import inherits node
unless""".split())
_ID = r"[a-z]\w*"
_QUALNAME = rf"(::)?({_ID}::)*\w+"


def _property(run: LexRun, m: re.Match[str]) -> None:
    word = m.group()
    run.token("kp" if word in ("before", "require", "notify", "subscribe") else "py", word)


def _name(run: LexRun, m: re.Match[str]) -> None:
    word = m.group()
    run.token("k" if word in _KEYWORDS
              else "kc" if word in ("false", "true", "undef") else "n", word)


LEXER = RegexLexer({
    "whitespace": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"#.*?\n"), "c"),
    ],
    "root": [
        Mixin("whitespace"),
        Rule(rx(rf"[$]{_QUALNAME}"), "nv"),
        Rule(rx(rf"({_ID})(?=\s*[=+]>)"), action=_property),
        Rule(rx(rf"({_QUALNAME})(?=\s*[(])"), "nf"),
        Rule(rx(r"[A-Z]\w*"), "nc"),
        Rule(rx(r"[+=|~-]>|<[|~-]"), "p"),
        Rule(rx(r"[|:}();\[\]]"), "p"),
        Rule(rx(r"\{"), "p", "regex_allowed"),
        Rule(rx(r","), "p", "regex_allowed"),
        Rule(rx(r"(in|and|or)\b"), "ow"),
        Rule(rx(r"[=!<>]="), "o"),
        Rule(rx(r"[=!]~"), "o", "regex_allowed"),
        Rule(rx(r"[.=<>!+*/-]"), "o"),
        Rule(rx(rf"(class|include)(\s*)({_QUALNAME})"), action=lambda run, m: (
            run.token("k", m.group(1)), run.token("", m.group(2)), run.token("nc", m.group(3)))),
        Rule(rx(r"node\b"), "k", "regex_allowed"),
        Rule(rx(r"'(\\[\\']|[^'])*'", re.S), "s1"),
        Rule(rx(r'"'), "s2", "dquotes"),
        Rule(rx(r"\d+([.]\d+)?(e[+-]\d+)?"), "m"),
        Rule(rx(_QUALNAME), action=_name),
    ],
    "regex_allowed": [
        Mixin("whitespace"),
        Rule(rx(r"/"), "sr", "regex"),
        Rule(rx(r""), None, "#pop"),
    ],
    "regex": [
        Rule(rx(r"/"), "sr", "#pop"),
        Rule(rx(r"\\."), "se"),
        Rule(rx(r"[(){}]"), "si"),
        Rule(rx(r"\["), "si", "regex_class"),
        Rule(rx(r"."), "sr"),
    ],
    "regex_class": [
        Rule(rx(r"\]"), "si", "#pop"),
        Rule(rx(r"-(?=\])"), "sr"),
        Rule(rx(r"-"), "si"),
        Rule(rx(r"\\."), "se"),
        Rule(rx(r"[^\\\]-]+"), "sr"),
    ],
    "dquotes": [
        Rule(rx(r'"'), "s2", "#pop"),
        Rule(rx(r'[^$\\"]+', re.S), "s2"),
        Rule(rx(r"\\.", re.S), "se"),
        Rule(rx(rf"[$]{_QUALNAME}"), "nv"),
        Rule(rx(rf"[$][{{]{_QUALNAME}[}}]"), "nv"),
    ],
})

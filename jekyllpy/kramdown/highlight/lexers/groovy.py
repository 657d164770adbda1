"""Groovy as Rouge 3.30's Groovy lexer tokenises it.  A line that looks like a method
declaration has its leading words lexed by the same lexer sharing the current state stack
(Rouge delegates to a copy of itself whose stack is the same list), then the method name."""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, RegexLexer, Rule, rx

_KEYWORDS = frozenset("""assert break case catch continue default do else finally for if goto
instanceof new return switch this throw try while in as""".split())
_DECLARATIONS = frozenset("""abstract const enum extends final implements native private
protected public static strictfp super synchronized throws transient volatile""".split())
_TYPES = frozenset("def boolean byte char double float int long short void".split())
_CONSTANTS = frozenset("true false null".split())


def _method(run: LexRun, m: re.Match[str]) -> None:
    inner = LexRun("", run.states, run.stack)  # the same stack list, as Rouge's clone shares it
    LEXER.feed(inner, m.group(1))
    run.tokens.extend(inner.tokens)
    run.token("nf", m.group(2))
    run.token("", m.group(3))
    run.token("o", m.group(4))


def _word(run: LexRun, m: re.Match[str]) -> None:
    word = m.group()
    if word in _KEYWORDS:
        css = "k"
    elif word in _DECLARATIONS:
        css = "kd"
    elif word in _TYPES:
        css = "kt"
    elif word in _CONSTANTS:
        css = "kc"
    else:
        css = "n"
    run.token(css, word)


LEXER = RegexLexer({
    "root": [
        Rule(rx(r"^(\s*(?:\w[\w.\[\]]*\s+)+?)(\w\w*)(\s*)(\()"), action=_method),
        Rule(rx(r"[^\S\n]+"), ""),
        Rule(rx(r"//.*?$"), "c1"),
        Rule(rx(r"/[*].*?[*]/", re.S), "cm"),
        Rule(rx(r"@\w[\w.]*"), "nd"),
        Rule(rx(r"(class|interface|trait)\b"), "kd", "class"),
        Rule(rx(r"package\b"), "kn", "import"),
        Rule(rx(r"import\b"), "kn", "import"),
        Rule(rx(r'""".*?"""', re.S), "s2"),
        Rule(rx(r"'''.*?'''", re.S), "s1"),
        Rule(rx(r'"(\\.|\\\n|.)*?"'), "s2"),
        Rule(rx(r"'(\\.|\\\n|.)*?'"), "s1"),
        Rule(rx(r"\$/(\$.|.)*?/\$", re.S), "s"),
        Rule(rx(r"/(\\.|\\\n|.)*?/"), "s"),
        Rule(rx(r"'\\.'|'[^\\]'|'\\u[0-9a-f]{4}'"), "sc"),
        Rule(rx(r"(\.)([a-zA-Z_][a-zA-Z0-9_]*)"), ("o", "na")),
        Rule(rx(r"[a-zA-Z_][a-zA-Z0-9_]*:"), "nl"),
        Rule(rx(r"[a-zA-Z_$][a-zA-Z0-9_]*"), action=_word),
        Rule(rx(r"[~^*!%&\[\](){}<>|+=:;,./?-]"), "o"),
        Rule(rx(r"\d+\.\d+([eE]\d+)?[fd]?"), "mf"),
        Rule(rx(r"0x[0-9a-f]+"), "mh"),
        Rule(rx(r"[0-9]+L?"), "mi"),
        Rule(rx(r"\n"), ""),
    ],
    "class": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"\w\w*"), "nc", "#pop"),
    ],
    "import": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"[\w.]+[*]?"), "nn", "#pop"),
    ],
})

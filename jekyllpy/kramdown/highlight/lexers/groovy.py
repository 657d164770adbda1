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


def make_lexer(keywords: frozenset[str] = _KEYWORDS, types: frozenset[str] = _TYPES
               ) -> RegexLexer:
    """Groovy's lexer, or one with other keyword and type lists (Rouge's Gradle lexer)."""
    def method(run: LexRun, m: re.Match[str]) -> None:
        inner = LexRun("", run.states, run.stack)  # the same stack list, as Rouge's clone has
        lexer.feed(inner, m.group(1))
        run.tokens.extend(inner.tokens)
        run.token("nf", m.group(2))
        run.token("", m.group(3))
        run.token("o", m.group(4))

    def word(run: LexRun, m: re.Match[str]) -> None:
        name = m.group()
        if name in keywords:
            css = "k"
        elif name in _DECLARATIONS:
            css = "kd"
        elif name in types:
            css = "kt"
        elif name in _CONSTANTS:
            css = "kc"
        else:
            css = "n"
        run.token(css, name)

    lexer = RegexLexer(_states(method, word))
    return lexer


def _states(method, word) -> dict:
    return {
        "root": [
            Rule(rx(r"^(\s*(?:\w[\w.\[\]]*\s+)+?)(\w\w*)(\s*)(\()"), action=method),
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
            Rule(rx(r"[a-zA-Z_$][a-zA-Z0-9_]*"), action=word),
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
    }


LEXER = make_lexer()

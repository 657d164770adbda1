"""Configuration-file lexers of Rouge 3.30 restated: Conf, SSH, systemd units and Apache.
Rouge's case-insensitive letter classes also take U+017F and U+212A (Ruby folds them into
``s`` and ``k``); they are spelled out here."""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, rx
from ..rouge_registry import WORDS

_FOLDED = "\u017f\u212a"

CONF = RegexLexer({
    "root": [
        Rule(rx(r"#.*?\n"), "c"),
        Rule(rx(r'".*?"'), "s2"),
        Rule(rx(r"'.*?'"), "s1"),
        Rule(rx(rf"[a-zA-Z{_FOLDED}]\w*"), "n"),
        Rule(rx(r"\d+"), "m"),
        Rule(rx(r"[^\w#\"']+"), ""),
    ],
})

SSH = RegexLexer({
    "root": [
        Rule(rx(rf"[a-zA-Z0-9{_FOLDED}]+"), "k", "statement"),
        Mixin("base"),
    ],
    "statement": [
        Rule(rx(r"\n"), "", "#pop"),
        Rule(rx(r"(?:yes|no|confirm|ask|always|auto|none|force)\b"), "no"),
        Rule(rx(r"\d+"), "m"),
        Rule(rx(r"[^#\s;{}$\\]+"), ""),
        Mixin("base"),
    ],
    "base": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"#.*"), "c1"),
    ],
})

SYSTEMD = RegexLexer({
    "root": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"[;#].*"), "c"),
        Rule(rx(r"\[.*?\]$"), "k"),
        Rule(rx(r"(.*?)(=)(.*)(\\\n)"), ("nt", "p", "", "se"), "continuation"),
        Rule(rx(r"(.*?)(=)(.*)"), ("nt", "p", "")),
    ],
    "continuation": [
        Rule(rx(r"(.*?)(\\\n)"), ("", "se")),
        Rule(rx(r"(.*)'"), "", "#pop"),
    ],
})

_APACHE_WORDS = (frozenset(WORDS["apache_sections"]) | frozenset(WORDS["apache_directives"])
                 | frozenset(WORDS["apache_values"]))


def _apache_word(css: str, group: int = 0):
    def action(run: LexRun, m: re.Match[str]) -> None:
        word = m.group(group)
        run.token(css if word.lower() in _APACHE_WORDS else "", word)
    return action


def _apache_section(run: LexRun, m: re.Match[str]) -> None:
    run.token("p", m.group(1))
    _apache_word("nl", 2)(run, m)
    run.push("section")


def _apache_directive(run: LexRun, m: re.Match[str]) -> None:
    _apache_word("nc")(run, m)
    run.push("directive")


APACHE = RegexLexer({
    "whitespace": [
        Rule(rx(r"#.*"), "c"),
        Rule(rx(r"\s+"), ""),
    ],
    "root": [
        Mixin("whitespace"),
        Rule(rx(r"(</?)(\w+)"), action=_apache_section),
        Rule(rx(r"\w+"), action=_apache_directive),
    ],
    "section": [
        Rule(rx(r"([^>]+)?(>(?:\r\n?|\n)?)"), ("sr", "p"), "#pop"),
        Mixin("whitespace"),
    ],
    "directive": [
        Rule(rx(r"\r\n?|\n"), "", "#pop"),
        Mixin("whitespace"),
        Rule(rx(r"\S+"), action=_apache_word("ss")),
    ],
})

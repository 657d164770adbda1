"""TeX and LaTeX as Rouge 3.30's TeX lexer tokenises them: commands, environments, inline
and display math, ``\\verb``, comments."""

from __future__ import annotations

import re

from ..regex_lexer import Mixin, RegexLexer, Rule, rx, then

_COMMAND = r"\\([a-z]+|\s+|.)"

STATES = {
    "general": [Rule(rx(r"%.*$"), "c"), Rule(rx(r"[{}&_^]"), "p")],
    "root": [
        Rule(rx(r"\\\["), "p", "displaymath"),
        Rule(rx(r"\\\("), "p", "inlinemath"),
        Rule(rx(r"\$\$"), "p", "displaymath"),
        Rule(rx(r"\$"), "p", "inlinemath"),
        Rule(rx(r"\\(begin|end)\{.*?\}"), "nt"),
        Rule(rx(r"(\\verb)\b(\S)(.*?)(\2)"), ("nb", "kp", "sx", "kp")),
        Rule(rx(_COMMAND, re.I), "k", "command"),
        Mixin("general"),
        Rule(rx(r"[^\\$%&_^{}]+"), ""),
    ],
    "math": [
        Rule(rx(_COMMAND, re.I), "nv"),
        Mixin("general"),
        Rule(rx(r"[0-9]+"), "m"),
        Rule(rx(r"[-=!+*\/()\[\]]"), "o"),
        Rule(rx(r"[^=!+*\/()\[\]\\$%&_^{}0-9-]+"), "nb"),
    ],
    "inlinemath": [
        Rule(rx(r"\\\)"), "p", "#pop"),
        Rule(rx(r"\$"), "p", "#pop"),
        Mixin("math"),
    ],
    "displaymath": [
        Rule(rx(r"\\\]"), "p", "#pop"),
        Rule(rx(r"\$\$"), "p", "#pop"),
        Rule(rx(r"\$"), "nb"),
        Mixin("math"),
    ],
    "command": [
        Rule(rx(r"\[.*?\]"), "na"),
        Rule(rx(r"\*"), "k"),
        Rule(rx(r""), action=then(pop=1)),
    ],
}

LEXER = RegexLexer(STATES)

"""Literate CoffeeScript as Rouge 3.30's LiterateCoffeescript lexer tokenises it: runs of
lines indented by four spaces go to one CoffeeScript lexer, the rest to one Markdown lexer,
each keeping its state between runs (``regex_lexer.delegate``)."""

from __future__ import annotations

import re

from ..regex_lexer import RegexLexer, Rule, delegate, rx
from . import coffeescript, markdown

LEXER = RegexLexer({
    "root": [
        Rule(rx(r"^(?:    .*?\n)+", re.S), action=delegate("coffee", coffeescript.LEXER)),
        Rule(rx(r"^(?:[ ]{0,3}(?:\S.*?|)\n)*", re.S), action=delegate("markdown", markdown.LEXER)),
    ],
})

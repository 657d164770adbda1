"""HTML as Rouge 3.30's HTML lexer tokenises it: tags with their brackets (``nt``),
attributes (``na``, with ``=``), quoted values (``s``), entities, comments, doctype, and
``<script>``/``<style>`` bodies handed to the JavaScript and CSS lexers (whose state carries
over between pieces of the same element, as Rouge's delegation does)."""

from __future__ import annotations

import re

from ...parser import unicode_classes as U
from .. import unicode_props as P
from ..regex_lexer import LexRun, RegexLexer, Rule, delegate, rx, then
from . import css, javascript

# Rouge's name classes: \p{L} first, then \p{Word}, \p{Cf} and punctuation (Onigmo's
# properties: Python's \w has no marks and counts other numbers such as U+00B2 as letters)
_LETTER = P.L
_PART = f"{U.WORD}{P.CF}"
_NAME = rf"[{_LETTER}:_-][{_PART}:.\u00b7-]*"


def _open_embedded(kind: str):
    def action(run: LexRun, m: re.Match[str]) -> None:
        run.token("nt", m.group())
        lexer = javascript.LEXER if kind == "script" else css.LEXER
        run.vars[kind] = lexer.new_run()  # Rouge resets the embedded lexer here
        run.push(f"{kind}_content")
        run.push("tag")
    return action


STATES = {
    "root": [
        Rule(rx(r"[^<&]+", re.S), ""),
        Rule(rx(r"&\S*?;"), "ni"),
        Rule(rx(r"<!DOCTYPE .*?>", re.S | re.I), "cp"),
        Rule(rx(r"<!\[CDATA\[.*?\]\]>", re.S), "cp"),
        Rule(rx(r"<!--"), "c", "comment"),
        Rule(rx(r"<\?.*?\?>", re.S), "cp"),
        Rule(rx(r"<\s*script\s*", re.S), action=_open_embedded("script")),
        Rule(rx(r"<\s*style\s*", re.S), action=_open_embedded("style")),
        Rule(rx(r"</"), "nt", "tag_end"),
        Rule(rx(r"<"), "nt", "tag_start"),
        Rule(rx(rf"<\s*{_NAME}"), "nt", "tag"),
        Rule(rx(rf"<\s*/\s*{_NAME}\s*>"), "nt"),
    ],
    "tag_end": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r">"), "nt", "#pop"),
        Rule(rx(_NAME), action=then("nt", goto="tag_end_end")),
    ],
    "tag_end_end": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r">"), "nt", "#pop"),
    ],
    "tag_start": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(_NAME), action=then("nt", goto="tag")),
        Rule(rx(r""), action=then(goto="tag")),
    ],
    "comment": [
        Rule(rx(r"[^-]+"), "c"),
        Rule(rx(r"-->"), "c", "#pop"),
        Rule(rx(r"-"), "c"),
    ],
    "tag": [
        Rule(rx(r"\s+", re.S), ""),
        Rule(rx(rf"[{_LETTER}:_\[\]()*.-][{_PART}:.\u00b7\[\]()*-]*\s*=\s*", re.S), "na",
             "attr"),
        Rule(rx(rf"[{_LETTER}:_*#-][{_PART}:.\u00b7*#-]*"), "na"),
        Rule(rx(r"/?\s*>", re.S), "nt", "#pop"),
    ],
    "attr": [
        Rule(rx(r'"'), action=then("s", goto="dq")),
        Rule(rx(r"'"), action=then("s", goto="sq")),
        Rule(rx(r"[^\s>]+"), "s", "#pop"),
    ],
    "dq": [Rule(rx(r'"'), "s", "#pop"), Rule(rx(r'[^"]+'), "s")],
    "sq": [Rule(rx(r"'"), "s", "#pop"), Rule(rx(r"[^']+"), "s")],
    "script_content": [
        Rule(rx(r"[^<]+"), action=delegate("script", javascript.LEXER)),
        Rule(rx(r"<\s*/\s*script\s*>", re.S), "nt", "#pop"),
        Rule(rx(r"<"), action=delegate("script", javascript.LEXER)),
    ],
    "style_content": [
        Rule(rx(r"[^<]+"), action=delegate("style", css.LEXER)),
        Rule(rx(r"<\s*/\s*style\s*>", re.S), "nt", "#pop"),
        Rule(rx(r"<"), action=delegate("style", css.LEXER)),
    ],
}

LEXER = RegexLexer(STATES)

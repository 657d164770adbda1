"""HTTP messages as Rouge 3.30's HTTP lexer tokenises them: a request or status line, header
lines, then the body, highlighted in the language whose mimetype the last Content-Type header
names (plain text when none or no single lexer declares it)."""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, RegexLexer, Rule, rx
from ..rouge_registry import MIMETYPES

_METHODS = "GET|POST|PUT|DELETE|HEAD|OPTIONS|TRACE|PATCH"


def _header(run: LexRun, m: re.Match[str]) -> None:
    if m.group(1).strip().lower() == "content-type":
        run.vars["content_type"] = m.group(5).split(";")[0].lower()
    for css, i in (("na", 1), ("", 2), ("p", 3), ("", 4), ("s", 5), ("", 6)):
        run.token(css, m.group(i))


def _body(run: LexRun, m: re.Match[str]) -> None:
    from ..lexing import lex  # the body's language may be any Rouge language

    tags = MIMETYPES.get(run.vars.get("content_type", "text/plain"), [])
    tag = tags[0] if len(tags) == 1 else "plaintext"
    run.tokens.extend(lex(tag, m.group()))


LEXER = RegexLexer({
    "root": [
        Rule(rx(rf"({_METHODS})([ ]+)([^ ]+)([ ]+)(HTTPS?)(/)(\d(?:\.\d)?)(\r?\n|$)"),
             ("nf", "", "nn", "", "k", "o", "m", ""), "headers"),
        Rule(rx(r"(HTTPS?)(/)(\d\.\d)([ ]+)(\d{3})([ ]+)?([^\r\n]*)?(\r?\n|$)"),
             ("k", "o", "m", "", "m", "", "ne", ""), "headers"),
    ],
    "headers": [
        Rule(rx(r"([^\s:]+)( *)(:)( *)([^\r\n]+)(\r?\n|$)"), action=_header),
        Rule(rx(r"([^\r\n]+)(\r?\n|$)"), ("s", "")),
        Rule(rx(r"\r?\n"), "", "content"),
    ],
    "content": [
        Rule(rx(r".+", re.S), action=_body),
    ],
})

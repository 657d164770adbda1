"""Markdown as Rouge 3.30's Markdown lexer tokenises it: headings, fenced code (highlighted
with the fence's language), emphasis, links and references, lists, quotes, and inline HTML
handed to the HTML lexer.

A fence without a language makes Rouge guess; here the guess is plain text, which is what
Rouge's guess gives for ordinary prose and code without a shebang or doctype.
"""

from __future__ import annotations

import re

from ..regex_lexer import (LexRun, Mixin, RegexLexer, Rule, delegate, feed_embedded, rx,
                           then)
from . import html

EDOT = r"(?:\\.|[^\\\n])"


def _sublexer_runs(name: str, code: str) -> list[tuple[str, str]]:
    from ..lexing import find_lexer, lex
    if not name:
        return [("", code)] if code else []
    # With options ("lang?opt=..."), Rouge guesses only for "guess"; an empty language
    # name before the "?" names no lexer.
    tag = None if name.startswith("?") else find_lexer(name)
    if tag is None:
        return [("sb", code)] if code else []
    return lex(tag, code)


def _line_lexer(name: str) -> RegexLexer | None:
    """Our state machine for a fence's language, if it has one: like Rouge's RegexLexers it
    continues from line to line.  (Rouge's console lexer starts afresh on each piece it is
    given, as our other lexers do here when lexed line by line.)"""
    from ..lexing import find_lexer
    from . import NATIVE
    tag = None if not name or name.startswith("?") else find_lexer(name)
    lexer = NATIVE.get(tag) if tag else None
    return lexer if isinstance(lexer, RegexLexer) else None


def _front_matter(run: LexRun, m: re.Match[str]) -> None:
    from ..lexing import lex
    run.tokens.extend(lex("yaml", m.group()))


def _fence(run: LexRun, m: re.Match[str]) -> None:
    name = m.group(3).strip()
    run.token("", m.group(1))
    run.token("p", m.group(2))
    run.token("nl", m.group(3))
    if m.group(5):
        run.tokens.extend(_sublexer_runs(name, m.group(5)))
    run.token("", m.group(6))
    if m.group(7):
        run.token("p", m.group(7))
        return
    run.vars.pop("fence", None)  # a new fence starts a fresh sublexer
    state = f"open_fence:{m.group(2)}:{name}"
    if state not in run.states:
        fence = re.escape(m.group(2))

        def close(r: LexRun, mb: re.Match[str]) -> None:
            r.pop()
            r.token("", mb.group(1))
            r.token("p", mb.group(2))

        def body(r: LexRun, mb: re.Match[str], _name: str = name) -> None:
            # Rouge delegates the whole line here (its rule has no group 1), to one sublexer
            # per fence whose state carries over from line to line.
            sub = _line_lexer(_name)
            if sub is None:
                r.tokens.extend(_sublexer_runs(_name, mb.group()))
            else:
                feed_embedded(r, "fence", sub, mb.group())

        run.states[state] = [
            Rule(rx(rf"^([ \t]*)({fence})"), action=close),
            Rule(rx(r"^.*\n"), action=body),
        ]
    run.push(state)


STATES = {
    "root": [
        Rule(rx(r"\A(---\s*\n.*?\n?)^(---\s*$\n?)", re.S), action=_front_matter),
        Rule(rx(r"\\."), "se"),
        Rule(rx(r"^[\S ]+\n(?:---*)\n"), "gh"),
        Rule(rx(r"^[\S ]+\n(?:===*)\n"), "gu"),
        Rule(rx(r"^#(?=[^#]).*?$"), "gh"),
        Rule(rx(r"^##*.*?$"), "gu"),
        Rule(rx(r"^([ \t]*)(`{3,}|~{3,})([^\n]*\n)((.*?)(\n\1)(\2))?", re.S), action=_fence),
        Rule(rx(r"\n\n((    |\t).*?\n|\n)+"), "sb"),
        Rule(rx(rf"(`+)(?:{EDOT}|\n)+?\1"), "sb"),
        Rule(rx(r"^(\s*[*]){3,}\s*$"), "p"),
        Rule(rx(r"^(\s*[-]){3,}\s*$"), "p"),
        Rule(rx(r"^\s*[*+-](?=\s)"), "p"),
        Rule(rx(r"^\s*\d+\."), "p"),
        Rule(rx(r"^\s*>.*?$"), "gt"),
        Rule(rx(rf"^(\s*)(\[)({EDOT}+?)(\])(\s*)(:)"),
             action=lambda run, m: ([run.token(c, m.group(i)) for i, c in
                                     enumerate(("", "p", "ss", "p", "", "p"), start=1)],
                                    run.push("title"), run.push("url"))),
        Rule(rx(rf"(!?\[)({EDOT}*?|[^\]]*?)(\])(?=[\[(])"),
             action=lambda run, m: (run.token("p", m.group(1)), run.token("nv", m.group(2)),
                                    run.token("p", m.group(3)), run.push("link"))),
        Rule(rx(rf"[*][*]{EDOT}*?[*][*]"), "gs"),
        Rule(rx(rf"__{EDOT}*?__"), "gs"),
        Rule(rx(rf"[*]{EDOT}*?[*]"), "ge"),
        Rule(rx(rf"_{EDOT}*?_"), "ge"),
        Rule(rx(r"<.*?@.+[.].+>"), "nv"),
        Rule(rx(rf"<(https?|mailto|ftp)://{EDOT}*?>"), "nv"),
        Rule(rx(r"[^\\`\[*\n&<]+"), ""),
        Rule(rx(r"&\S*;"), action=delegate("html", html.LEXER)),
        Rule(rx(rf"<{EDOT}*?>"), action=delegate("html", html.LEXER)),
        Rule(rx(r"[&<]"), ""),
        Rule(rx(r"\["), ""),
        Rule(rx(r"\n"), ""),
    ],
    "link": [
        Rule(rx(rf"(\[)({EDOT}*?)(\])"), ("p", "ss", "p"), "#pop"),
        Rule(rx(r"[(]"), action=then("p", push=("inline_title", "inline_url"))),
        Rule(rx(r"[ \t]+"), ""),
        Rule(rx(r""), action=then(pop=1)),
    ],
    "url": [
        Rule(rx(r"[ \t]+"), ""),
        Rule(rx(rf"(<)({EDOT}*?)(>)"), ("nt", "sx", "nt"), "#pop"),
        Rule(rx(r"\S+"), "sx", "#pop"),
    ],
    "title": [
        Rule(rx(rf"\"{EDOT}*?\""), "nn"),
        Rule(rx(rf"'{EDOT}*?'"), "nn"),
        Rule(rx(rf"[(]{EDOT}*?[)]"), "nn"),
        Rule(rx(r"\s*(?=[\"'()])"), ""),
        Rule(rx(r""), action=then(pop=1)),
    ],
    "inline_title": [Rule(rx(r"[)]"), "p", "#pop"), Mixin("title")],
    "inline_url": [
        Rule(rx(r"[^<\s)]+"), "sx", "#pop"),
        Rule(rx(r"\s+", re.S), ""),
        Mixin("url"),
    ],
}

LEXER = RegexLexer(STATES)

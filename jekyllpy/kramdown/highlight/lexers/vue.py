"""Vue single-file components as Rouge 3.30's Vue lexer (on its HTML lexer) tokenises them:
``<template>``, ``<script>`` and ``<style>`` blocks, their ``lang`` attribute, and
``{{ }}`` interpolations in templates.

How Rouge hands the blocks on, kept here: a template's or style's text goes, piece by piece,
to a *fresh* lexer of the language ``lang`` names (HTML, CSS, JavaScript, Sass, SCSS,
CoffeeScript; anything else is plain text), so no state carries from one piece to the next;
every ``<script>`` block, whatever its ``lang``, goes to one JavaScript lexer whose state
carries over from block to block; each interpolation starts another JavaScript lexer that
lasts until the next one starts."""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, feed_embedded, rx, then
from . import coffeescript, css, html, javascript, sass, scss

_LANGS = {"html": html.LEXER, "css": css.LEXER, "javascript": javascript.LEXER,
          "sass": sass.LEXER, "scss": scss.LEXER, "coffee": coffeescript.LEXER}


def _block_start(lang: RegexLexer, state: str):
    def action(run: LexRun, m: re.Match[str]) -> None:
        for css_class, i in (("nt", 1), ("", 2), ("k", 3)):
            run.token(css_class, m.group(i))
        run.vars["lang"] = lang
        run.push(state)
        run.push("lang_tag")
    return action


def _lang_attribute(run: LexRun, m: re.Match[str]) -> None:
    for css_class, i in (("na", 1), ("", 2), ("s", 3)):
        run.token(css_class, m.group(i))
    name = m.group(3).lower().replace('"', "").replace("'", "")
    run.vars["lang"] = _LANGS.get(name)


def _to_lang(run: LexRun, m: re.Match[str]) -> None:
    """The piece, lexed from the start by the block's language (None: plain text)."""
    lexer = run.vars["lang"]
    if lexer is None:
        run.token("", m.group())
    else:
        run.tokens.extend(lexer.lex(m.group()))


def _interpolation_start(run: LexRun, m: re.Match[str]) -> None:
    run.token("si", m.group())
    run.vars["interpolation"] = javascript.LEXER.new_run()
    run.push("template_interpol")


def _to_interpolation(push: bool):
    def action(run: LexRun, m: re.Match[str]) -> None:
        feed_embedded(run, "interpolation", javascript.LEXER, m.group())
        if push:
            run.push()
    return action


def _block_end(name: str) -> Rule:
    return Rule(rx(rf"(<\s*/\s*)({name})(\s*>)"), ("nt", "k", "nt"), "#pop")


STATES = {
    **html.STATES,
    "root": [
        Rule(rx(r"(<)(\s*)(template)"), action=_block_start(html.LEXER, "template")),
        Rule(rx(r"(<)(\s*)(style)"), action=_block_start(css.LEXER, "style")),
        Rule(rx(r"(<)(\s*)(script)"), action=_block_start(javascript.LEXER, "script")),
        *html.STATES["root"],
    ],
    "tag": [
        Rule(rx(r"[a-zA-Z0-9_:#\[\]()*.-]+\s*=\s*", re.S), "na", "attr"),
        *html.STATES["tag"],
    ],
    "style": [
        _block_end("style"),
        Rule(rx(r"[^<]+"), action=_to_lang),
        Rule(rx(r"<\s*/\s*style\s*>", re.S), "nt", "#pop"),
        Rule(rx(r"<"), action=_to_lang),
    ],
    "script": [_block_end("script"), Mixin("script_content")],
    "lang_tag": [
        Rule(rx(r"""(lang\s*=)(\s*)("(?:\\.|[^\\])*?"|'(\\.|[^\\])*?'|[^\s>]+)"""),
             action=_lang_attribute),
        Mixin("tag"),
    ],
    "template": [
        _block_end("template"),
        Rule(rx(r"\{\{"), action=_interpolation_start),
        Mixin("embed"),
    ],
    "template_interpol": [
        Rule(rx(r"\}\}"), "si", "#pop"),
        Rule(rx(r"\}"), "err"),
        Rule(rx(r"\{"), action=_to_interpolation(push=True)),
        Rule(rx(r"[^{}]+"), action=_to_interpolation(push=False)),
    ],
    "embed": [
        Rule(rx(r"[^{<]+"), action=_to_lang),
        Rule(rx(r"[<{][^<{]*"), action=_to_lang),
    ],
}

LEXER = RegexLexer(STATES)

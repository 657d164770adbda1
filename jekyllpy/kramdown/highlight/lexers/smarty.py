"""Smarty templates as Rouge 3.30's Smarty lexer tokenises them: ``{...}`` tags (nesting),
``{* *}`` comments, the rest through one HTML lexer whose state carries over.  Smarty's
function and modifier names are builtins, other names attributes; Rouge's exponent pattern
is the literal text ``eE``; kept."""

from __future__ import annotations

import re

from .. import unicode_props as P
from ..regex_lexer import LexRun, RegexLexer, Rule, delegate, rx
from . import html

_BUILTINS = frozenset("""append assign block call capture config_load debug extends for
foreach foreachelse break continue function if elseif else include include_php insert ldelim
rdelim literal nocache php section sectionelse setfilter strip while counter cycle eval fetch
html_checkboxes html_image html_options html_radios html_select_date html_select_time
html_table mailto math textformat capitalize cat count_characters count_paragraphs
count_sentences count_words date_format default escape from_charset indent lower nl2br
regex_replace replace spacify string_format strip strip_tags to_charset truncate unescape
upper wordwrap""".split())
_END = f"(?![{P.BOUNDARY_WORD}])"  # Ruby's \b after a word character
_HTML = delegate("html", html.LEXER)


def _name(run: LexRun, m: re.Match[str]) -> None:
    run.token("nb" if m.group() in _BUILTINS else "na", m.group())


LEXER = RegexLexer({
    "root": [
        Rule(rx(r"\{\s+"), action=_HTML),
        Rule(rx(r"\{\*.*?\*\}", re.S), "c"),
        Rule(rx(r"\{/?(?![\s*])"), "k", "smarty"),
        Rule(rx(r".+?(?={[/a-zA-Z0-9$#*\"'])", re.S), action=_HTML),
        Rule(rx(r".+", re.S), action=_HTML),
    ],
    "smarty": [
        Rule(rx(r"\{/?(?![\s*])"), "k", "smarty"),
        Rule(rx(r"}"), "k", "#pop"),
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"[~!%^&*()+=|\[\]:;,.<>/@?-]"), "o"),
        Rule(rx(r"#[a-zA-Z_]\w*#"), "nv"),
        Rule(rx(r"\$[a-zA-Z_]\w*(?:\.\w+)*"), "nv"),
        Rule(rx(f"(?:true|false|null){_END}"), "kc"),
        Rule(rx(r"[0-9](?:\.[0-9]*)?(?:eE[+-][0-9])?[flFLdD]?|0[xX][0-9a-fA-F]+[Ll]?"), "m"),
        Rule(rx(r'"(?:\\.|.)*?"'), "s2"),
        Rule(rx(r"'(?:\\.|.)*?'"), "s1"),
        Rule(rx(r"[a-zA-Z_]\w*"), action=_name),
    ],
})

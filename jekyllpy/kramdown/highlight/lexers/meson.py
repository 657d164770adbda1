"""Meson build files as Rouge 3.30's Meson lexer tokenises them.

Names are Onigmo's ``[[:alpha:]_][[:alnum:]_]*`` (kramdown's ``unicode_classes``) and
Ruby's ``\\b`` ends them (``unicode_props``).  A name before ``(`` is a builtin only when no blank separates them:
Rouge looks the blanks up with the name; kept.  Rouge's ``(?<!\\.)`` before names always
holds (its scanner sees nothing before the cursor) and is left out.  Strings remember their
quote and ``f`` prefix on a stack; in f-strings ``@...@`` is lexed afresh as Meson code."""

from __future__ import annotations

import re

from ...parser import unicode_classes as U
from .. import unicode_props as P
from ..regex_lexer import LexRun, RegexLexer, Rule, rx, then

_KEYWORDS = frozenset("continue break elif else endif if true false foreach endforeach".split())
_VARIABLES = frozenset("meson host_machine build_machine target_machine".split())
_FUNCTIONS = frozenset("""
add_global_arguments add_project_arguments add_global_link_arguments
add_project_link_arguments add_test_setup add_languages alias_target assert benchmark
both_libraries build_target configuration_data configure_file custom_target
declare_dependency dependency disabler environment error executable generator gettext
get_option get_variable files find_library find_program include_directories import
install_data install_headers install_man install_subdir is_disabler is_variable jar
join_paths library message option project run_target run_command set_variable subdir
subdir_done subproject summary shared_library shared_module static_library test vcs_tag
warning""".split())

_NAME = f"[{U.ALPHA}_][{U.ALNUM}_]*"
_END = f"(?![{P.BOUNDARY_WORD}])"  # Ruby's \b after a word character


def _open_string(run: LexRun, m: re.Match[str]) -> None:
    run.token("sa", m.group(1))
    run.token("s", m.group(2))
    run.vars.setdefault("strings", []).append((m.group(1).lower(), m.group(2)))
    run.push("generic_string")


def _quote(run: LexRun, m: re.Match[str]) -> None:
    run.token("s", m.group())
    strings = run.vars["strings"]
    if strings[-1][1] == m.group():
        strings.pop()
        run.pop()


def _at(run: LexRun, m: re.Match[str]) -> None:
    if "f" in run.vars["strings"][-1][0]:
        run.token("si", m.group())
        run.push("generic_interpol")
    else:
        run.token("s", m.group())


def _call(run: LexRun, m: re.Match[str]) -> None:
    run.token("nb" if m.group() in _FUNCTIONS else "n", m.group())


def _name(run: LexRun, m: re.Match[str]) -> None:
    word = m.group()
    run.token("nb" if word in _VARIABLES else "k" if word in _KEYWORDS else "n", word)


def _recurse(run: LexRun, m: re.Match[str]) -> None:
    run.tokens.extend(LEXER.lex(m.group()))


LEXER: RegexLexer = RegexLexer({
    "root": [
        Rule(rx(r"\n+"), ""),
        Rule(rx(r"[^\S\n]+"), ""),
        Rule(rx(r"#(?:.*)?\n?"), "c1"),
        Rule(rx(r"[\[\]{}:(),;.]"), "p"),
        Rule(rx(r"\\\n"), ""),
        Rule(rx(r"\\"), ""),
        Rule(rx(f"(?:in|and|or|not){_END}"), "ow"),
        Rule(rx(r"[-+/*%=<>]=?|!="), "o"),
        Rule(rx(r"([fF]?)('''|')"), action=_open_string),
        Rule(rx(rf"{_NAME}{_END}\s*(?=\()"), action=_call),
        Rule(rx(rf"{_NAME}(?!\s*?:)"), action=_name),
        Rule(rx(_NAME), "n"),
        Rule(rx(r"0[bB](?:_?[0-1])+"), "mb"),
        Rule(rx(r"0[oO](?:_?[0-7])+"), "mo"),
        Rule(rx(r"0[xX](?:_?[a-fA-F0-9])+"), "mh"),
        Rule(rx(r"[1-9](?:_?[0-9])*|0(?:_?0)*"), "mi"),
    ],
    "generic_string": [
        Rule(rx(r"[^'\\@]+"), "s"),
        Rule(rx(r"'''|'"), action=_quote),
        Rule(rx(r"(?=\\)"), "s", "generic_escape"),
        Rule(rx(r"@"), action=_at),
    ],
    "generic_escape": [
        Rule(rx(r"\\(?:[\\abfnrtv']|N\{[a-zA-Z][a-zA-Z ]+[a-zA-Z]\}|u[a-fA-F0-9]{4}"
                r"|U[a-fA-F0-9]{8}|x[a-fA-F0-9]{2}|[0-7]{1,3})"), action=then("se", pop=1)),
        Rule(rx(r"\\."), "s", "#pop"),
    ],
    "generic_interpol": [
        Rule(rx(r"[^@]+"), action=_recurse),
        Rule(rx(r"@"), "si", "#pop"),
    ],
})

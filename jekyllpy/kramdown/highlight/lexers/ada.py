"""Ada 2012 as Rouge 3.30's Ada lexer tokenises it: names (Onigmo's ``[[:alpha:]]``,
``[[:alnum:]]`` and ``\\p{Pc}``, ended by Ruby's ``\\b``; kramdown's ``unicode_classes`` and
``unicode_props``) are
looked up in lower case; a declaration keyword makes the next name a function (after
``package``/``procedure``... and dotted parents), ``with``/``use`` clauses at a line's start
name namespaces; based numbers, attributes and ``<<labels>>``.  Rouge's last rule for a word
starting with ``_``-like punctuation or one of the letters a, l, p, h (its class is written
``[[alpha]]``) yields an error."""

from __future__ import annotations

import re

from ...parser import unicode_classes as U
from .. import unicode_props as P
from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, ruby_ci, rx

_CLASS_OF: dict[str, str] = {}
for _css, _words in (
    ("k", """abort abstract accept access aliased all array at begin body case constant declare
     delay delta digits do else elsif end exception exit for generic goto if in interface is
     limited loop new null of others out overriding pragma private protected raise range record
     renames requeue return reverse select separate some synchronized tagged task terminate
     then until use when while with"""),
    ("ow", "abs and mod not or rem xor"),
    ("kd", "entry function package procedure subtype type"),
    ("nb", """boolean character constraint_error duration float integer natural positive
     long_float long_integer long_long_float long_long_integer program_error short_float
     short_integer short_short_integer storage_error string tasking_error wide_character
     wide_string wide_wide_character wide_wide_string"""),
):
    for _word in _words.split():
        _CLASS_OF[_word] = _css

_END = f"(?![{P.BOUNDARY_WORD}])"  # Ruby's \b after a word character
_ID = f"[{U.ALPHA}](?:[{P.PC}]?[{U.ALNUM}])*{_END}"
_NUM = r"(?:\d(?:_?\d)*)"
_XNUM = r"(?:[0-9a-fA-F](?:_?[0-9a-fA-F])*)"
_EXP = f"(?:[eE][-+]?{_NUM})?"


def _class(m: re.Match[str]) -> str:
    return _CLASS_OF.get(m.group().lower(), "n")


def _name(run: LexRun, m: re.Match[str]) -> None:
    css = _class(m)
    run.token(css, m.group())
    if css == "kd":
        run.push("decl_name")


def _unit_name(run: LexRun, m: re.Match[str]) -> None:
    css = _class(m)
    if css in ("n", "nb"):  # Rouge: any kind of Name
        run.token("nn", m.group())
    else:
        run.token(css, m.group())
        if css == "kd":
            run.goto("decl_name")
        else:
            run.pop()


LEXER = RegexLexer({
    "whitespace": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"--.*$"), "c1"),
    ],
    "dquote_string": [
        Rule(rx(r'[^"\n]+'), "s2"),
        Rule(rx(r'""'), "se"),
        Rule(rx(r'"'), "s2", "#pop"),
        Rule(rx(r"\n"), "err", "#pop"),
    ],
    "attr": [
        Mixin("whitespace"),
        Rule(rx(_ID), "na", "#pop"),
        Rule(rx(r""), None, "#pop"),
    ],
    "decl_name": [
        Mixin("whitespace"),
        Rule(rx(ruby_ci("body") + _END), "kd"),
        Rule(rx(rf"({_ID})(\.)"), ("nn", "p")),
        Rule(rx(f'{_ID}|"(?:and|or|xor|/?=|<=?|>=?|\\+|\u2013|&\\|/|mod|rem|\\*?\\*|abs|not)"'),
             "nf", "#pop"),
        Rule(rx(r""), None, "#pop"),
    ],
    "libunit_name": [
        Mixin("whitespace"),
        Rule(rx(_ID), action=_unit_name),
        Rule(rx(r"[.,]"), "p"),
        Rule(rx(r""), None, "#pop"),
    ],
    "root": [
        Mixin("whitespace"),
        Rule(rx(r"'.'"), "sc"),
        Rule(rx(r'"[^"\n]*'), "s2", "dquote_string"),
        Rule(rx(rf"{_NUM}\.{_NUM}{_EXP}"), "mf"),
        Rule(rx(rf"{_NUM}#{_XNUM}\.{_XNUM}#{_EXP}"), "mf"),
        Rule(rx(rf"2#[01](?:_?[01])*#{_EXP}"), "mb"),
        Rule(rx(rf"8#[0-7](?:_?[0-7])*#{_EXP}"), "mo"),
        Rule(rx(rf"16#{_XNUM}*#{_EXP}"), "mh"),
        Rule(rx(rf"{_NUM}#{_XNUM}#{_EXP}"), "mi"),
        Rule(rx(rf"{_NUM}#\w+#"), "err"),
        Rule(rx(f"{_NUM}{_EXP}"), "mi"),
        Rule(rx(r"'"), "p", "attr"),
        Rule(rx(f"<<{_ID}>>"), "nl"),
        Rule(rx("^(?:(" + ruby_ci("limited") + r")(\s+))?(?:(" + ruby_ci("private")
                + r")(\s+))?(" + ruby_ci("with") + f"){_END}"),
             ("kn", "", "kn", "", "kn"), "libunit_name"),
        Rule(rx(r"[+*/&<=>|]|-|=>|\.\.|\*\*|[:></]=|<<|>>|<>"), "o"),
        Rule(rx(r"[.,:;()]"), "p"),
        Rule(rx(_ID), action=_name),
        Rule(rx(f"(?:[{P.PC}]|[alph])[{U.WORD}]*"), "err"),
    ],
})

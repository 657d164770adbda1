"""PHP as Rouge 3.30's PHP lexer tokenises it (with kramdown's default options).

Rouge's PHP lexer is a template lexer over HTML: text outside ``<?php ... ?>`` (or ``<?=``)
goes to the HTML lexer, whose state carries over between pieces.  Without a ``start_inline``
option it guesses: leading whitespace before a ``<``, or text free of ``$`` before a
``<?php``/``<?=`` tag, is HTML; otherwise the code is PHP from the first character.

Inside PHP, Rouge's quirks are kept: a lone ``.`` is a float (its number pattern allows
empty digits on both sides), function names after ``function`` are plain names, names are
classified by a word list (keywords, builtin functions before ``(``) and by their shape
(``__X__``, ``E_``/``PHP_`` constants, all-caps constants, capitalised class names), and
small states follow ``use``, ``const``, ``catch``, visibility keywords, ``new`` and function
signatures, each leaving by an empty match when nothing of theirs comes next.
"""

from __future__ import annotations

import re

from .. import unicode_props as P
from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, delegate, rx, then
from ..regex_lexer import ruby_ci as _ci
from ..rouge_registry import WORDS
from . import html

KEYWORDS = frozenset(WORDS["php_keywords"])
#: Rouge compares the lower-cased name with these (so entries with capitals never match)
BUILTINS = frozenset(WORDS["php_builtins"])

# Rouge: [\p{L}_][\p{L}\p{N}_]* (Onigmo's properties, unicode_props)
ID = f"[{P.L}_][{P.L}{P.N}_]*"
_END = f"(?![{P.BOUNDARY_WORD}])"  # Ruby's \b after a word character
NS = rf"(?:{ID}\\)+"
ID_NS = rf"(?:{NS})?{ID}"

def _is_upper(ch: str) -> bool:
    return ch.isupper()


def _constant_shape(name: str) -> bool:
    """An upper-case letter then at least one upper-case letter, digit or ``_`` up to the
    end, at the start or after a namespace separator."""
    for start in [0] + [i + 1 for i, c in enumerate(name) if c == "\\"]:
        rest = name[start + 1:]
        if start < len(name) and _is_upper(name[start]) and rest and all(
                _is_upper(c) or c.isdecimal() or c == "_" for c in rest):
            return True
    return False


def _class_shape(name: str) -> bool:
    """An upper-case letter then only letters or digits up to the end, at the start or after
    a namespace separator."""
    for start in [0] + [i + 1 for i, c in enumerate(name) if c == "\\"]:
        if start < len(name) and _is_upper(name[start]) and all(
                c.isalpha() or c.isdecimal() for c in name[start + 1:]):
            return True
    return False


def _is_e_or_php_constant(name: str) -> bool:
    """``E`` or ``PHP``, then one or more groups of ``_`` and upper-case letters."""
    prefix, _, rest = name.partition("_")
    parts = rest.split("_")
    return prefix in ("E", "PHP") and "_" in name and all(
        part and all(_is_upper(c) for c in part) for part in parts)


def _called_name(run: LexRun, m: re.Match[str]) -> None:
    name = m.group().lower()
    if name in KEYWORDS:
        run.token("k", m.group())
    elif name in BUILTINS:
        run.token("nb", m.group())
    else:
        run.token("nf", m.group())


_VISIBILITY = ("public", "protected", "private")


def _name(run: LexRun, m: re.Match[str]) -> None:
    word = m.group()
    name = word.lower()
    if name == "use":
        run.push("in_use")
        run.token("kn", word)
    elif name == "const":
        run.push("in_const")
        run.token("k", word)
    elif name == "catch":
        run.push("in_catch")
        run.token("k", word)
    elif name in _VISIBILITY:
        run.push("in_visibility")
        run.token("k", word)
    elif name in KEYWORDS:
        run.token("k", word)
    elif len(word) >= 4 and word.startswith("__") and word.endswith("__"):
        run.token("nb", word)
    elif _is_e_or_php_constant(word):
        run.token("kc", word)
    elif _constant_shape(word):
        run.token("no", word)
    elif _class_shape(word):
        run.token("nc", word)
    else:
        run.token("n", word)


def _function_keyword(run: LexRun, m: re.Match[str]) -> None:
    run.push("in_function_return")
    run.push("in_function_params")
    run.push("in_function_name")
    run.token("k", m.group())


def _close_php(run: LexRun, m: re.Match[str]) -> None:
    run.token("cp", m.group())
    run.reset()


def _leave(run: LexRun, m: re.Match[str]) -> None:
    run.pop()


_to_html = delegate("html", html.LEXER)


def _html_then_pop(run: LexRun, m: re.Match[str]) -> None:
    _to_html(run, m)
    run.pop()


STATES = {
    "escape": [Rule(rx(r"\?>"), action=_close_php)],
    "return": [Rule(rx(r""), action=_leave)],
    # the guess made when lexing starts (no start_inline option)
    "start": [
        Rule(rx(r"\s*(?=<)", re.S), action=_html_then_pop),
        Rule(rx(r"[^$]+(?=<\?(php|=))", re.I), action=_html_then_pop),
        Rule(rx(r""), action=then(goto="php")),
    ],
    "names": [
        Rule(rx(rf"{ID_NS}(?=\s*\()"), action=_called_name),
        Rule(rx(ID_NS), action=_name),
    ],
    "operators": [Rule(rx(r"[~!%^&*+|:.<>/@-]+"), "o")],
    "string": [
        Rule(rx(r'"'), "s2", "#pop"),
        Rule(rx(r'[^\\{$"]+'), "s2"),
        Rule(rx(r"\\u\{[0-9a-fA-F]+\}"), "se"),
        Rule(rx(r'\\([efrntv"$\\]|[0-7]{1,3}|[xX][0-9a-fA-F]{1,2})'), "se"),
        Rule(rx(rf"\${ID}(\[\S+\]|->{ID})?"), "nv"),
        Rule(rx(r"\{\$\{"), "si", "string_interp_double"),
        Rule(rx(r"\{(?=\$)"), "si", "string_interp_single"),
        Rule(rx(r"(\{)(\S+)(\})"), ("si", "nv", "si")),
        Rule(rx(r"[${\\]+"), "s2"),
    ],
    "string_interp_double": [Rule(rx(r"\}\}"), "si", "#pop"), Mixin("php")],
    "string_interp_single": [Rule(rx(r"\}"), "si", "#pop"), Mixin("php")],
    "values": [
        Rule(rx(rf"<<<([\"']?)({ID})\1\n.*?\n\s*\2;?", re.I | re.S), "sh"),
        Rule(rx(r"(\d[_\d]*)?\.(\d[_\d]*)?(e[+-]?\d[_\d]*)?", re.I), "mf"),
        Rule(rx(r"0[0-7][0-7_]*"), "mo"),
        Rule(rx(r"0b[01][01_]*", re.I), "mb"),
        Rule(rx(r"0x[a-f0-9][a-f0-9_]*", re.I), "mh"),
        Rule(rx(r"\d[_\d]*"), "mi"),
        Rule(rx(r"'([^'\\]*(?:\\.[^'\\]*)*)'"), "s1"),
        Rule(rx(r"`([^`\\]*(?:\\.[^`\\]*)*)`"), "sb"),
        Rule(rx(r'"'), "s2", "string"),
        Rule(rx(f"({_ci('function|fn')}){_END}"), action=_function_keyword),
        Rule(rx(f"({_ci('true|false|null')}){_END}"), "kc"),
        Rule(rx(_ci("new") + _END), "k", "in_new"),
    ],
    "variables": [
        Rule(rx(rf"\$\{{\$+{ID}\}}"), "nv"),
        Rule(rx(rf"\$+{ID}"), "nv"),
    ],
    "whitespace": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"#.*?$"), "c1"),
        Rule(rx(r"//.*?$"), "c1"),
        Rule(rx(r"/\*\*(?!/).*?\*/", re.S), "cd"),
        Rule(rx(r"/\*.*?\*/", re.S), "cm"),
    ],
    "root": [
        Rule(rx(r"<\?(php|=)?", re.I), "cp", "php"),
        Rule(rx(r".*?(?=<\?)|.*", re.S), action=_to_html),
    ],
    "php": [
        Mixin("escape"),
        Mixin("whitespace"),
        Mixin("variables"),
        Mixin("values"),
        Rule(rx(rf"({_ci('namespace')})(\s+)({ID_NS})"), ("kn", "", "nn")),
        Rule(rx(rf"({_ci('class|interface|trait|extends|implements')})(\s+)({ID_NS})"),
             ("kd", "", "nc")),
        Mixin("names"),
        Rule(rx(r"[;,(){}\[\]]"), "p"),
        Mixin("operators"),
        Rule(rx(r"[=?]"), "o"),
    ],
    "in_assign": [
        Rule(rx(r","), "p", "#pop"),
        Rule(rx(r"[\[\]]"), "p"),
        Rule(rx(r"\("), "p", "in_assign_function"),
        Mixin("escape"),
        Mixin("whitespace"),
        Mixin("values"),
        Mixin("variables"),
        Mixin("names"),
        Mixin("operators"),
        Mixin("return"),
    ],
    "in_assign_function": [
        Rule(rx(r"\)"), "p", "#pop"),
        Rule(rx(r","), "p"),
        Mixin("in_assign"),
    ],
    "in_catch": [
        Rule(rx(r"\("), "p"),
        Rule(rx(r"\|"), "o"),
        Rule(rx(ID), "nc"),
        Mixin("escape"),
        Mixin("whitespace"),
        Mixin("return"),
    ],
    "in_const": [
        Rule(rx(ID), "no"),
        Rule(rx(r"="), "o", "in_assign"),
        Mixin("escape"),
        Mixin("whitespace"),
        Mixin("return"),
    ],
    "in_function_body": [
        Rule(rx(r"\{"), "p", "#push"),
        Rule(rx(r"\}"), "p", "#pop"),
        Mixin("php"),
    ],
    "in_function_name": [
        Rule(rx(r"&"), "o"),
        Rule(rx(ID), "n"),
        Rule(rx(r"\("), "p", "#pop"),
        Mixin("escape"),
        Mixin("whitespace"),
        Mixin("return"),
    ],
    "in_function_params": [
        Rule(rx(r"\)"), "p", "#pop"),
        Rule(rx(r","), "p"),
        Rule(rx(r"[.]{3}"), "p"),
        Rule(rx(r"="), "o", "in_assign"),
        Rule(rx(rf"\b(?:{_ci('public|protected|private|readonly')}){_END}"), "k"),
        Rule(rx(rf"\??{ID}"), "kt", "in_assign"),
        Mixin("escape"),
        Mixin("whitespace"),
        Mixin("variables"),
        Mixin("return"),
    ],
    "in_function_return": [
        Rule(rx(r":"), "p"),
        Rule(rx(_ci("use") + _END), "k", "in_function_use"),
        Rule(rx(rf"\??{ID}"), "kt", "in_assign"),
        Rule(rx(r"\{"), action=then("p", goto="in_function_body")),
        Mixin("escape"),
        Mixin("whitespace"),
        Mixin("return"),
    ],
    "in_function_use": [
        Rule(rx(r"[,(]"), "p"),
        Rule(rx(r"&"), "o"),
        Rule(rx(r"\)"), "p", "#pop"),
        Mixin("escape"),
        Mixin("whitespace"),
        Mixin("variables"),
        Mixin("return"),
    ],
    "in_new": [
        Rule(rx(_ci("class") + _END), action=then("kd", goto="in_new_class")),
        Rule(rx(ID_NS), "nc", "#pop"),
        Mixin("escape"),
        Mixin("whitespace"),
        Mixin("return"),
    ],
    "in_new_class": [
        Rule(rx(r"\}"), "p", "#pop"),
        Rule(rx(r"\{"), "p"),
        Mixin("php"),
    ],
    "in_use": [
        Rule(rx(r"[,}]"), "p"),
        Rule(rx(f"(?:{_ci('function|const')}){_END}"), "k"),
        Rule(rx(rf"({NS})(\{{)"), ("nn", "p")),
        Rule(rx(rf"{ID_NS}(_{ID})+"), "nf"),
        Mixin("escape"),
        Mixin("whitespace"),
        Mixin("names"),
        Mixin("return"),
    ],
    "in_visibility": [
        Rule(rx(rf"\b(?:{_ci('readonly|static')}){_END}"), "k"),
        Rule(rx(f"(?=(?:{_ci('abstract|const|function')}){_END})"), action=_leave),
        Rule(rx(rf"\??{ID}"), "kt", "#pop"),
        Mixin("escape"),
        Mixin("whitespace"),
        Mixin("return"),
    ],
}

#: lexing starts with the guess (Rouge's default ``start_inline: :guess``)
LEXER = RegexLexer(STATES, start=("root", "start"))

"""Common Lisp as Rouge 3.30's CommonLisp lexer tokenises it (its word lists generated into
the registry): every opening bracket nests a new level of the root state, and a closing one
with no level open is an error; a symbol is classed by the first of Rouge's lists naming it
(functions, special forms, macros, lambda-list keywords, declarations, types, classes).

Rouge's symbol character class has ``+-/`` as a range, so ``,`` and ``.`` are symbol
characters too; its ``#+nil`` pattern means one or more ``#`` before ``nil``.  Ruby's /i
also folds U+017F into ``s``, spelled out where a case-insensitive rule has an ``s``."""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, RegexLexer, Rule, rx
from ..rouge_registry import WORDS

# the first list naming a symbol decides its class
_CLASS_OF: dict[str, str] = {}
for _list, _css in (("builtin_functions", "nb"), ("special_forms", "k"), ("macros", "nb"),
                    ("lambda_list_keywords", "k"), ("declarations", "k"),
                    ("builtin_types", "kt"), ("builtin_classes", "nc")):
    for _word in WORDS[f"common_lisp_{_list}"]:
        _CLASS_OF.setdefault(_word, _css)

_PLAIN = r"(?:\\.|[a-zA-Z0-9!$%&*+-/<=>?@\[\]^_{}~])"
_PART = rf"(?:{_PLAIN}|[#.:])"
_SYMBOL = rf"(?:\|[^|]+\||{_PLAIN}{_PART}*)"
_ENDS = r"(?=[ \"'()\n,;`])"


def _symbol(run: LexRun, m: re.Match[str]) -> None:
    run.token(_CLASS_OF.get(m.group(), "nv"), m.group())


def _close(run: LexRun, m: re.Match[str]) -> None:
    if len(run.stack) == 1:
        run.token("err", m.group())
    else:
        run.token("p", m.group())
        run.pop()


LEXER = RegexLexer({
    "root": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r";.*$"), "c1"),
        Rule(rx(r"#\|"), "cm", "multiline_comment"),
        Rule(rx(r"#\d*Y.*$"), "cs"),
        Rule(rx(r'"(?:\\.|[^"\\])*"'), "s"),
        Rule(rx(f"[:']{_SYMBOL}"), "ss"),
        Rule(rx(r"['`]"), "o"),
        Rule(rx(rf"[-+]?\d+\.?{_ENDS}"), "mi"),
        Rule(rx(rf"[-+]?\d+/\d+{_ENDS}"), "mi"),
        Rule(rx(rf"[-+]?(?:\d*\.\d+(?:[defls][-+]?\d+)?|\d+(?:\.\d*)?[defls][-+]?\d+){_ENDS}"),
             "mf"),
        Rule(rx(rf"#\\.{_ENDS}"), "sc"),
        Rule(rx(rf"#\\{_SYMBOL}"), "sc"),
        Rule(rx(r"#\("), "o", "root"),
        Rule(rx(r"#\d*\*[01]*"), "x"),
        Rule(rx(f"#:{_SYMBOL}"), "ss"),
        Rule(rx(r"#[.,]"), "o"),
        Rule(rx(r"#'"), "nf"),
        Rule(rx(r"#[bB][+-]?[01]+(?:/[01]+)?"), "m"),
        Rule(rx(r"#[oO][+-]?[0-7]+(?:/[0-7]+)?"), "mo"),
        Rule(rx(r"#[xX][+-]?[0-9a-fA-F]+(?:/[0-9a-fA-F]+)?"), "m"),
        Rule(rx(r"(#[cC])(\()"), ("m", "p"), "root"),
        Rule(rx("(#(?:\\d+[aA]|[sS\u017f]))(\\()"), ("sx", "p"), "root"),
        Rule(rx(r'#[pP]?"(?:\\.|[^"])*"'), "ss"),
        Rule(rx(r"#\d+[=#]"), "o"),
        Rule(rx(rf"#+nil{_ENDS}\s*\("), "c", "commented_form"),
        Rule(rx(r"#[+-]"), "o"),
        Rule(rx(r",@|,|\."), "o"),
        Rule(rx(rf"(?:t|nil){_ENDS}"), "no"),
        Rule(rx(rf"\*{_SYMBOL}\*"), "vg"),
        Rule(rx(_SYMBOL), action=_symbol),
        Rule(rx(r"\("), "p", "root"),
        Rule(rx(r"\)"), action=_close),
    ],
    "multiline_comment": [
        Rule(rx(r"#\|"), "cm", "multiline_comment"),
        Rule(rx(r"\|#"), "cm", "#pop"),
        Rule(rx(r"[^|#]+"), "cm"),
        Rule(rx(r"[|#]"), "cm"),
    ],
    "commented_form": [
        Rule(rx(r"\("), "c", "commented_form"),
        Rule(rx(r"\)"), "c", "#pop"),
        Rule(rx(r"[^()]+"), "c"),
    ],
})

"""GDScript (Godot) as Rouge 3.30's GDScript lexer tokenises it (its word lists generated into
the registry, in Rouge's order: they are tried as alternations).  Strings open as double-quoted
string tokens whichever their quote, and single-quoted ones close as single-quoted; escapes
and ``%`` formats inside; kept as in Rouge."""

from __future__ import annotations

from .. import unicode_props as P
from ..regex_lexer import Mixin, RegexLexer, Rule, rx
from ..rouge_registry import WORDS


def _alternation(name: str) -> str:
    return "|".join(WORDS[f"gdscript_{name}"])


_END = f"(?![{P.BOUNDARY_WORD}])"  # Ruby's \b after a word character (unicode_props)
_NAME = r"[a-zA-Z_]\w*"
_FORMAT = r"%(?:\(\w+\))?[-#0 +]*(?:[0-9]+|[*])?(?:\.(?:[0-9]+|[*]))?[hlL]?[E-GXc-giorsux%]"


def _text_states(css: str, quote: str) -> list[Rule]:
    """A string body's formats and text, for strings closed by ``quote``."""
    other = "'" if quote == '"' else '"'
    return [
        Rule(rx(_FORMAT), "si"),
        Rule(rx(f"[^\\\\{quote}%\\n]+"), css),
        Rule(rx(f"[{other}\\\\]"), css),
        Rule(rx(r"%"), css),
    ]


def _quoted(css: str, quote: str) -> list[Rule | Mixin]:
    return [
        Rule(rx(quote), css, "#pop"),
        Rule(rx(f"\\\\\\\\|\\\\{quote}|\\\\\\n"), "se"),
        Mixin(f"text_{quote}"),
    ]


def _tripled(css: str, quote: str) -> list[Rule | Mixin]:
    return [
        Rule(rx(quote * 3), css, "#pop"),
        Mixin(f"text_{quote}"),
        Rule(rx(r"\n"), css),
    ]


LEXER = RegexLexer({
    "root": [
        Rule(rx(r"\n"), ""),
        Rule(rx(r"[^\S\n]+"), ""),
        Rule(rx(r"#.*"), "c1"),
        Rule(rx(r"[\[\]{}:(),;]"), "p"),
        Rule(rx(r"\\\n"), ""),
        Rule(rx(f"(?:in|and|or|not){_END}"), "ow"),
        Rule(rx(r"!=|==|<<|>>|&&|\+=|-=|\*=|/=|%=|&=|\|=|\|\||[-~+/*%=<>&^.!|$]"), "o"),
        Rule(rx(r"(func)((?:\s|\\)+)"), ("k", ""), "funcname"),
        Rule(rx(r"(class)((?:\s|\\)+)"), ("k", ""), "classname"),
        Rule(rx(rf"\b(?:{_alternation('keywords')}){_END}"), "k"),
        Rule(rx(rf"\b(?:{_alternation('keywords_reserved')}){_END}"), "kr"),
        Rule(rx(rf"\b(?:{_alternation('builtins')}){_END}"), "nb"),
        Rule(rx(rf"\b(?:self|false|true|PI|TAU|NAN|INF){_END}"), "bp"),
        Rule(rx(rf"\b(?:{_alternation('builtins_type')}){_END}"), "kt"),
        Rule(rx(r'"""'), "s2", "escape_tdqs"),
        Rule(rx(r"'''"), "s2", "escape_tsqs"),
        Rule(rx(r'"'), "s2", "escape_dqs"),
        Rule(rx(r"'"), "s2", "escape_sqs"),
        Rule(rx(_NAME), "n"),
        Rule(rx(r"(?:\d+\.\d*|\d*\.\d+)(?:[eE][+-]?[0-9]+)?j?"), "mf"),
        Rule(rx(r"\d+[eE][+-]?[0-9]+j?"), "mf"),
        Rule(rx(r"0[xX][a-fA-F0-9]+"), "mh"),
        Rule(rx(r"\d+j?"), "mi"),
    ],
    "funcname": [Rule(rx(_NAME), "nf", "#pop")],
    "classname": [Rule(rx(_NAME), "nc", "#pop")],
    "string_escape": [
        Rule(rx(r"\\(?:[\\abfnrtv\"']|\n|N\{.*?\}|u[a-fA-F0-9]{4}|U[a-fA-F0-9]{8}"
                r"|x[a-fA-F0-9]{2}|[0-7]{1,3})"), "se"),
    ],
    "text_'": _text_states("s1", "'"),
    'text_"': _text_states("s2", '"'),
    "escape_dqs": [Mixin("string_escape"), *_quoted("s2", '"')],
    "escape_sqs": [Mixin("string_escape"), *_quoted("s1", "'")],
    "escape_tdqs": [Mixin("string_escape"), *_tripled("s2", '"')],
    "escape_tsqs": [Mixin("string_escape"), *_tripled("s1", "'")],
})

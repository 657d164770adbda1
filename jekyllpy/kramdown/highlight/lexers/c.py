"""C and C++ as Rouge 3.30's C and C++ lexers tokenise them: preprocessor lines at the
beginning of a line, labels, function definitions (name ``nf``, the rest lexed afresh),
numbers, strings and characters, and words classified by Rouge's lists.  C++ adds its words,
``class``/``struct`` and ``template`` names, digit separators, raw strings, ``::``."""

from __future__ import annotations

import re
from typing import Callable

from .. import unicode_props as P
from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, rx, then

_END = f"(?![{P.BOUNDARY_WORD}])"  # Ruby's \b after a word character

ID = r"[a-zA-Z_][a-zA-Z0-9_]*"
# Rouge interpolates this as a group of its own, compiled without the multiline flag: the
# whole of it is optional, and its ``.`` stops at line ends even inside the ``m`` rule below.
_WS = r"(?-s:(?:\s|//.*?\n|/[*].*?[*]/)+)"

C_KEYWORDS = frozenset(
    "auto break case const continue default do else enum extern for goto if register "
    "restricted return sizeof static struct switch typedef union volatile virtual while "
    "_Alignas _Alignof _Atomic _Generic _Imaginary _Noreturn _Static_assert "
    "_Thread_local".split())
C_TYPES = frozenset(
    "int long float short double char unsigned signed void jmp_buf FILE DIR div_t ldiv_t "
    "mbstate_t sig_atomic_t fpos_t clock_t time_t va_list size_t ssize_t off_t wchar_t "
    "ptrdiff_t wctrans_t wint_t wctype_t _Bool _Complex int8_t int16_t int32_t int64_t "
    "uint8_t uint16_t uint32_t uint64_t int_least8_t int_least16_t int_least32_t "
    "int_least64_t uint_least8_t uint_least16_t uint_least32_t uint_least64_t int_fast8_t "
    "int_fast16_t int_fast32_t int_fast64_t uint_fast8_t uint_fast16_t uint_fast32_t "
    "uint_fast64_t intptr_t uintptr_t intmax_t uintmax_t char16_t char32_t".split())
C_RESERVED = frozenset(
    "__asm __int8 __based __except __int16 __stdcall __cdecl __fastcall __int32 __declspec "
    "__finally __int61 __try __leave inline _inline __inline naked _naked __naked restrict "
    "_restrict __restrict thread _thread __thread typename _typename __typename".split())
CPP_KEYWORDS = C_KEYWORDS | frozenset(
    "asm auto catch char8_t concept consteval constexpr constinit const_cast co_await "
    "co_return co_yield delete dynamic_cast explicit export friend mutable namespace new "
    "operator private protected public reinterpret_cast requires restrict size_of "
    "static_cast this throw throws typeid typename using virtual final override alignas "
    "alignof decltype noexcept static_assert thread_local try".split())
CPP_TYPES = C_TYPES | {"bool"}
CPP_RESERVED = C_RESERVED | frozenset(
    "__virtual_inheritance __uuidof __super __single_inheritance __multiple_inheritance "
    "__interface __event".split())


def _word_action(keywords: frozenset[str], types: frozenset[str], reserved: frozenset[str],
                 builtins: frozenset[str] = frozenset()):
    def action(run: LexRun, m: re.Match[str]) -> None:
        name = m.group()
        css = ("k" if name in keywords else "kt" if name in types
               else "kr" if name in reserved else "nb" if name in builtins else "n")
        run.token(css, name)
    return action


def _function_action(get_lexer: Callable[[], RegexLexer]):
    def action(run: LexRun, m: re.Match[str]) -> None:
        lexer = get_lexer()
        run.tokens.extend(lexer.lex(m.group(1)))
        run.token("nf", m.group(2))
        run.tokens.extend(lexer.lex(m.group(3)))
        run.tokens.extend(lexer.lex(m.group(4)))
        run.token("p", m.group(5))
        if m.group(5) == "{":
            run.push("function")
    return action


def make_states(cpp: bool, get_lexer: Callable[[], RegexLexer],
                words: tuple[frozenset[str], ...] | None = None) -> dict:
    """C's (or C++'s) states; ``words`` replaces their keywords, types, reserved words and
    (optionally) builtins, for the lexers Rouge derives from them with lists of their own."""
    keywords, types, reserved, *rest = words or ((CPP_KEYWORDS, CPP_TYPES, CPP_RESERVED)
                                                 if cpp else (C_KEYWORDS, C_TYPES, C_RESERVED))
    builtins = rest[0] if rest else frozenset()
    statements = [
        Mixin("whitespace"),
        Rule(rx(r"(u8|u|U|L)?\""), "s", "string"),
        Rule(rx(r"(u8|u|U|L)?'(\\.|\\[0-7]{1,3}|\\x[a-f0-9]{1,2}|[^\\'\n])'", re.I), "sc"),
        Rule(rx(r"(\d+[.]\d*|[.]?\d+)e[+-]?\d+[lu]*", re.I), "mf"),
        Rule(rx(r"\d+e[+-]?\d+[lu]*", re.I), "mf"),
        Rule(rx(r"0x[0-9a-f]+[lu]*", re.I), "mh"),
        Rule(rx(r"0[0-7]+[lu]*", re.I), "mo"),
        Rule(rx(r"\d+[lu]*", re.I), "mi"),
        Rule(rx(r"\*/"), "err"),
        Rule(rx(r"[~!%^&*+=\|?:<>/-]"), "o"),
        Rule(rx(r"[()\[\],.;]"), "p"),
        Rule(rx(r"\bcase" + _END), "k", "case"),
        Rule(rx(r"(?:true|false|NULL)" + _END), "nb"),
        Rule(rx(ID), action=_word_action(keywords, types, reserved, builtins)),
    ]
    root = [
        Mixin("expr_whitespace"),
        Rule(rx(rf"([\w*\s]+?[\s*])({ID})(\s*\([^;]*?\))({_WS}?)({{|;)", re.S),
             action=_function_action(get_lexer)),
        Rule(rx(r"\{"), "p", "function"),
        Mixin("statements"),
    ]
    case = [Rule(rx(r":"), "p", "#pop"), Mixin("statements")]
    states: dict = {
        "expr_bol": [
            Mixin("inline_whitespace"),
            Rule(rx(r"#if\s0"), "c", "if_0"),
            Rule(rx(r"#"), "cp", "macro"),
            Rule(rx(r""), action=then(pop=1)),
        ],
        "bol": [Rule(rx(f"{ID}:(?!:)"), "nl"), Mixin("expr_bol")],
        "inline_whitespace": [
            Rule(rx(r"[ \t\r]+"), ""),
            Rule(rx(r"\\\n"), ""),
            Rule(rx(r"/(\\\n)?[*].*?[*](\\\n)?/", re.S), "cm"),
        ],
        "whitespace": [
            Rule(rx(r"\n+", re.S), "", "bol"),
            Rule(rx(r"//(\\.|.)*?$"), "c1", "bol"),
            Mixin("inline_whitespace"),
        ],
        "expr_whitespace": [Rule(rx(r"\n+", re.S), "", "expr_bol"), Mixin("whitespace")],
        "statements": statements,
        "case": case,
        "root": root,
        "function": [
            Mixin("whitespace"),
            Mixin("statements"),
            Rule(rx(r";"), "p"),
            Rule(rx(r"{"), "p", "function"),
            Rule(rx(r"}"), "p", "#pop"),
        ],
        "string": [
            Rule(rx(r"\""), "s", "#pop"),
            Rule(rx(r"\\([\\abfnrtv\"']|x[a-fA-F0-9]{2,4}|[0-7]{1,3})"), "se"),
            Rule(rx(r"[^\\\"\n]+"), "s"),
            Rule(rx(r"\\\n"), "s"),
            Rule(rx(r"\\"), "s"),
        ],
        "macro": [
            Mixin("include"),
            Rule(rx(r"[^/\n\\]+"), "cp"),
            Rule(rx(r"\\.", re.S), "cp"),
            Mixin("inline_whitespace"),
            Rule(rx(r"/"), "cp"),
            Rule(rx(r"\n"), "cp", "#pop"),
        ],
        "include": [
            Rule(rx(r"(include)(\s*)(<[^>]+>)([^\n]*)"), ("cp", "", "cpf", "c1")),
            Rule(rx(r"(include)(\s*)(\"[^\"]+\")([^\n]*)"), ("cp", "", "cpf", "c1")),
        ],
        "if_0": [
            Rule(rx(r"^\s*#if"), "c", "if_0"),
            Rule(rx(r"^\s*#\s*el(?:se|if)"), "c", "#pop"),
            Rule(rx(r"^\s*#\s*endif" + _END + r".*?(?<!\\)\n", re.S), "c", "#pop"),
            Rule(rx(r".*?\n"), "c"),
        ],
    }
    if cpp:
        dq = r"\d(?:'?\d)*"
        states["root"] = [Rule(rx(r"(?:__offload|__blockingoffload|__outer)" + _END), "kp"),
                          *root]
        states["statements"] = [
            Rule(rx(r"(class|struct)" + _END), "k", "classname"),
            Rule(rx(r"template" + _END), "k", "template"),
            Rule(rx(rf"{dq}(\.{dq})?(?:y|d|h|(?:min)|s|(?:ms)|(?:us)|(?:ns)|i|(?:if)|(?:il))"
                    + _END), "mx"),
            Rule(rx(rf"({dq}[.](?:{dq})?|[.]{dq})(e[+-]?{dq}[lu]*)?", re.I), "mf"),
            Rule(rx(rf"{dq}e[+-]?{dq}[lu]*", re.I), "mf"),
            Rule(rx(r"0x[0-9a-fA-F]('?[0-9a-fA-F])*[lu]*", re.I), "mh"),
            Rule(rx(r"0b[01]+('[01]+)*"), "mb"),
            Rule(rx(r"0[0-7]('?[0-7])*[lu]*", re.I), "mo"),
            Rule(rx(rf"{dq}[lu]*", re.I), "mi"),
            Rule(rx(r"\bnullptr" + _END), "nb"),
            Rule(rx(r"(?:u8|u|U|L)?R\"([a-zA-Z0-9_{}\[\]#<>%:;.?*\+\-\/\^&|~!=,\"']{0,16})\(.*?\)\1\"",
                    re.S), "s"),
            Rule(rx(r"(::|<=>)"), "o"),
            Rule(rx(r"[{}]"), "p"),
            *statements,
        ]
        states["classname"] = [
            Rule(rx(ID), "nc", "#pop"),
            Mixin("whitespace"),
            Rule(rx(r"[.]{3}"), "o"),
            Rule(rx(r","), "p", "#pop"),
            Rule(rx(r""), action=then(pop=1)),
        ]
        states["template"] = [
            Rule(rx(r"[>;]"), "p", "#pop"),
            Rule(rx(r"typename" + _END), "k", "classname"),
            Mixin("statements"),
        ]
        states["case"] = [Rule(rx(r":(?!:)"), "p", "#pop"), Mixin("statements")]
    return states


C_LEXER: RegexLexer = RegexLexer(make_states(False, lambda: C_LEXER), start=("root", "bol"))
CPP_LEXER: RegexLexer = RegexLexer(make_states(True, lambda: CPP_LEXER), start=("root", "bol"))

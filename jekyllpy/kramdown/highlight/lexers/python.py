"""Python as Rouge 3.30's Python lexer tokenises it: word lists for keywords, builtins and
exceptions (Rouge applies them to every identifier, attribute names included), string
prefixes and delimiters tracked on a stack, escapes, f-string interpolation lexed as Python,
and ``def``/``class``/``import`` names."""

from __future__ import annotations

import re

from ...parser import unicode_classes as U
from ..regex_lexer import LexRun, RegexLexer, Rule, rx

KEYWORDS = frozenset(
    "assert break continue del elif else except exec finally for global if lambda pass print "
    "raise return try while yield as with from import yield async await nonlocal".split())
BUILTINS = frozenset(
    "__import__ abs all any apply ascii basestring bin bool buffer bytearray bytes callable chr "
    "classmethod cmp coerce compile complex delattr dict dir divmod enumerate eval execfile exit "
    "file filter float format frozenset getattr globals hasattr hash hex id input int intern "
    "isinstance issubclass iter len list locals long map max memoryview min next object oct "
    "open ord pow property range raw_input reduce reload repr reversed round set setattr slice "
    "sorted staticmethod str sum super tuple type unichr unicode vars xrange zip".split())
PSEUDO = frozenset("self None Ellipsis NotImplemented False True".split())
EXCEPTIONS = frozenset(
    "ArithmeticError AssertionError AttributeError BaseException BlockingIOError "
    "BrokenPipeError BufferError BytesWarning ChildProcessError ConnectionAbortedError "
    "ConnectionError ConnectionRefusedError ConnectionResetError DeprecationWarning EOFError "
    "EnvironmentError Exception FileExistsError FileNotFoundError FloatingPointError "
    "FutureWarning GeneratorExit IOError ImportError ImportWarning IndentationError IndexError "
    "InterruptedError IsADirectoryError KeyError KeyboardInterrupt LookupError MemoryError "
    "ModuleNotFoundError NameError NotADirectoryError NotImplemented NotImplementedError "
    "OSError OverflowError OverflowWarning PendingDeprecationWarning ProcessLookupError "
    "RecursionError ReferenceError ResourceWarning RuntimeError RuntimeWarning StandardError "
    "StopAsyncIteration StopIteration SyntaxError SyntaxWarning SystemError SystemExit "
    "TabError TimeoutError TypeError UnboundLocalError UnicodeDecodeError UnicodeEncodeError "
    "UnicodeError UnicodeTranslateError UnicodeWarning UserWarning ValueError VMSError Warning "
    "WindowsError ZeroDivisionError".split())

IDENT = f"[{U.ALPHA}_][{U.ALNUM}_]*"
DOTTED = f"[{U.ALPHA}_.][{U.ALNUM}_.]*"
_DIGITS = r"[0-9](?:_?[0-9])*"
_DECIMAL = rf"(?:(?:{_DIGITS})?\.{_DIGITS}|{_DIGITS}\.)"
_EXPONENT = rf"e[+-]?{_DIGITS}"


def _identifier(run: LexRun, m: re.Match[str]) -> None:
    word = m.group()
    if word in KEYWORDS:
        run.token("k", word)
    elif word in EXCEPTIONS or word in BUILTINS:
        run.token("nb", word)
    elif word in PSEUDO:
        run.token("bp", word)
    else:
        run.token("n", word)


def _strings(run: LexRun) -> list[tuple[str, str]]:
    return run.vars.setdefault("strings", [])  # type: ignore[return-value]


def _string_start(run: LexRun, m: re.Match[str]) -> None:
    run.token("sa", m.group(1))
    run.token("s", m.group(2))
    _strings(run).append((m.group(1).lower(), m.group(2)))
    run.push("generic_string")


def _quote(run: LexRun, m: re.Match[str]) -> None:
    run.token("s", m.group())
    stack = _strings(run)
    if stack and stack[-1][1] == m.group():
        stack.pop()
        run.pop()


def _brace(run: LexRun, m: re.Match[str]) -> None:
    stack = _strings(run)
    if stack and "f" in stack[-1][0]:
        run.token("si", m.group())
        run.push("generic_interpol")
    else:
        run.token("s", m.group())


def _escape(run: LexRun, m: re.Match[str]) -> None:
    stack = _strings(run)
    raw = bool(stack) and "r" in stack[-1][0]
    run.token("s" if raw else "se", m.group())
    run.pop()


def _recurse(run: LexRun, m: re.Match[str]) -> None:
    run.tokens.extend(LEXER.lex(m.group()))


STATES = {
    "root": [
        Rule(rx(r"\n+", re.S), ""),
        Rule(rx(r'^(:)(\s*)([ru]{0,2}""".*?""")', re.S | re.I), ("p", "", "sd")),
        Rule(rx(r"[^\S\n]+"), ""),
        Rule(rx(r"#(.*)?\n?"), "c1"),
        Rule(rx(r"[\[\]{}:(),;.]"), "p"),
        Rule(rx(r"\\\n"), ""),
        Rule(rx(r"\\"), ""),
        Rule(rx(r"(in|is|and|or|not)\b"), "ow"),
        Rule(rx(r"(<<|>>|//|\*\*)=?"), "o"),
        Rule(rx(r"[-~+/*%=<>&^|@]=?|!="), "o"),
        Rule(rx(rf"(from)((?:\\\s|\s)+)({DOTTED})((?:\\\s|\s)+)(import)"),
             ("kn", "", "nn", "", "kn")),
        Rule(rx(rf"(import)(\s+)({DOTTED})"), ("kn", "", "nn")),
        Rule(rx(r"(def)((?:\s|\\\s)+)"), ("k", ""), "funcname"),
        Rule(rx(r"(class)((?:\s|\\\s)+)"), ("k", ""), "classname"),
        Rule(rx(r"`.*?`"), "sb"),
        Rule(rx(r"([rfbu]{0,2})('''|\"\"\"|['\"])", re.I), action=_string_start),
        Rule(rx(f"@{DOTTED}", re.I), "nd"),
        Rule(rx(IDENT), action=_identifier),
        Rule(rx(rf"{_DECIMAL}(?:{_EXPONENT})?j?", re.I), "mf"),
        Rule(rx(rf"{_DIGITS}{_EXPONENT}j?", re.I), "mf"),
        Rule(rx(rf"{_DIGITS}j", re.I), "mf"),
        Rule(rx(r"0b(?:_?[0-1])+", re.I), "mb"),
        Rule(rx(r"0o(?:_?[0-7])+", re.I), "mo"),
        Rule(rx(r"0x(?:_?[a-f0-9])+", re.I), "mh"),
        Rule(rx(r"\d+L"), "il"),
        Rule(rx(r"(?:[1-9](?:_?[0-9])*|0(?:_?0)*)"), "mi"),
    ],
    "funcname": [Rule(rx(IDENT), "nf", "#pop")],
    "classname": [Rule(rx(IDENT), "nc", "#pop")],
    "generic_string": [
        Rule(rx(r"[^'\"\\{]+"), "s"),
        Rule(rx(r"\{\{"), "s"),
        Rule(rx(r"'''|\"\"\"|['\"]"), action=_quote),
        Rule(rx(r"(?=\\)"), "s", "generic_escape"),
        Rule(rx(r"\{"), action=_brace),
    ],
    "generic_escape": [
        Rule(rx(r"\\([\\abfnrtv\"']|\n|newline|N\{[a-zA-Z][a-zA-Z ]+[a-zA-Z]\}|u[a-fA-F0-9]{4}"
                r"|U[a-fA-F0-9]{8}|x[a-fA-F0-9]{2}|[0-7]{1,3})"), action=_escape),
        Rule(rx(r"\\."), "s", "#pop"),
    ],
    "generic_interpol": [
        Rule(rx(r"[^{}!:]+"), action=_recurse),
        Rule(rx(r"![asr]"), "si"),
        Rule(rx(r":"), "si"),
        Rule(rx(r"\{"), "si", "generic_interpol"),
        Rule(rx(r"\}"), "si", "#pop"),
    ],
}

LEXER = RegexLexer(STATES)

"""Tcl as Rouge 3.30's Tcl lexer tokenises it: commands and their parameters, with braces,
brackets and parentheses nesting (a stray ``}`` closes the innermost open brace, whatever is
open inside it), variables, escapes, and strings counting their own braces.  A word runs up to
a closing bracket, ``;`` or a line break (spaces included), as Rouge's character classes have
it.  (Rouge fails on a ``}`` in a string before any ``{`` outside braces; here the count goes
negative.)"""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, rx

_KEYWORDS = frozenset("""after apply array break catch continue elseif else error eval expr for
foreach global if namespace proc rename return set switch then trace unset update uplevel upvar
variable vwait while""".split())
_BUILTINS = frozenset("""append bgerror binary cd chan clock close concat dde dict encoding eof
exec exit fblocked fconfigure fcopy file fileevent flush format gets glob history http incr
info interp join lappend lassign lindex linsert list llength load loadTk lrange lrepeat
lreplace lreverse lsearch lset lsort mathfunc mathop memory msgcat open package pid
pkg::create pkg_mkIndex platform platform::shell puts pwd re_syntax read refchan regexp
registry regsub scan seek socket source split string subst tell time tm unknown
unload""".split())
_NOT_END_WORD = r"[^)\]};\n\r\t\v]"
_NOT_END_LINE = r"[^)\]};\n]"
_END_WORD = r"[)\]};\n\r\t\v]"
_OPENING = r"[(\[{\"\\]"
_CLOSING = r"[)\]}]"


def _close_brace(run: LexRun) -> None:
    while run.stack and run.stack[-1] != "brace":
        run.pop()
    run.pop()


def _brace_abort(run: LexRun, m: re.Match[str]) -> None:
    if "brace" in run.stack:
        _close_brace(run)
        run.token("p", m.group())
    else:
        run.token("err", m.group())


def _string_open_brace(run: LexRun, m: re.Match[str]) -> None:
    run.vars["brace_count"] = run.vars.get("brace_count", 0) + 1
    run.token("s2", m.group())


def _string_close_brace(run: LexRun, m: re.Match[str]) -> None:
    count = run.vars.get("brace_count", 0)
    if "brace" in run.stack and count == 0:
        _close_brace(run)
        run.token("p", m.group())
    else:
        run.vars["brace_count"] = count - 1
        run.token("s2", m.group())


def _command_word(run: LexRun, m: re.Match[str]) -> None:
    word = m.group()
    run.token("k" if word in _KEYWORDS else "nb" if word in _BUILTINS else "", word)


def _command_state(params: str) -> list:
    return [
        Mixin("word"),
        Rule(rx(rf"#{_NOT_END_LINE}+"), "c1"),
        Rule(rx(rf"(?={_END_WORD})"), None, params),
        Rule(rx(rf"{_NOT_END_WORD}+"), action=_command_word),
        Mixin("whitespace"),
    ]


def _delimiter_states(name: str, close: str, strict: bool) -> dict:
    def close_params(run: LexRun, m: re.Match[str]) -> None:
        run.token("p", m.group())
        run.pop(2)
    return {
        f"command_in_{name}": _command_state(f"params_in_{name}"),
        f"params_in_{name}": [
            Rule(rx(close), action=close_params),
            Rule(rx(_CLOSING), "err" if strict else ""),
            Mixin("params"),
        ],
        name: [
            Rule(rx(close), "p", "#pop"),
            Mixin(f"command_in_{name}"),
        ],
    }


LEXER = RegexLexer({
    "word": [
        Rule(rx(r"\{\*\}"), "k"),
        Mixin("brace_abort"),
        Mixin("interp"),
        Rule(rx(r"\{"), "p", "brace"),
        Rule(rx(r"\("), "p", "paren"),
        Rule(rx(r'"'), "s2", "string"),
        Rule(rx(rf"{_NOT_END_WORD}+?(?={_OPENING})"), ""),
    ],
    "brace_abort": [Rule(rx(r"\}"), action=_brace_abort)],
    "params": [
        Rule(rx(r";"), "p", "#pop"),
        Rule(rx(r"\n"), "", "#pop"),
        Rule(rx(r"else|elseif|then"), "k"),
        Mixin("word"),
        Mixin("whitespace"),
        Rule(rx(rf"{_NOT_END_WORD}+"), ""),
    ],
    **_delimiter_states("brace", r"\}", strict=False),
    **_delimiter_states("paren", r"\)", strict=True),
    **_delimiter_states("bracket", r"\]", strict=True),
    "command": _command_state("params"),
    "root": [Mixin("command")],
    "whitespace": [Rule(rx(r"\s+"), "")],
    "interp": [
        Rule(rx(r"\["), "p", "bracket"),
        Rule(rx(r"\$[a-z0-9.:-]+"), "nv"),
        Rule(rx(r"\$\{.*?\}", re.S), "nv"),
        Rule(rx(r"\$"), ""),
        Rule(rx(r"\\[0-7]{3}"), "se"),
        Rule(rx(r"\\x[0-9a-fA-F]{2}"), "se"),
        Rule(rx(r"\\u[0-9a-fA-F]{4}"), "se"),
        Rule(rx(r"\\.", re.S), "se"),
    ],
    "string": [
        Rule(rx(r'"'), "s2", "#pop"),
        Mixin("interp"),
        Rule(rx(r'[^\\\[$"{}]+', re.S), "s2"),
        Rule(rx(r"\{"), action=_string_open_brace),
        Rule(rx(r"\}"), action=_string_close_brace),
    ],
})

"""Elixir as Rouge 3.30's Elixir lexer tokenises it.

Notes on the translation: Rouge's scanner sees nothing before the cursor, so its lookbehinds
there (``(?<!\\.)``, ``(?<!:)``, ``(?<!\\w)``) always hold and ``(?<=[\\s])`` never does; they
are left out, and a ``\\b`` opening an alternative only asks for a word character next (so
``->`` is never a keyword).  Rouge's symbol pattern is not in extended mode, so two of its
alternatives begin with the line break and indentation of its source; kept.  A sigil without
a letter (``~(...)``) makes Rouge fail; here it is a plain sigil.
"""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, rx

_HEX = "[0-9a-fA-F]"
_KEYWORD = (r"(case|cond|end|bc|lc|if|unless|try|loop|receive|fn|defmodule|defp?|defprotocol"
            r"|defimpl|defrecord|defmacrop?|defdelegate|defexception|defguardp?|defstruct|exit"
            r"|raise|throw|after|rescue|catch|else)\b(?![?!])|(do)\b")
_OPERATOR = (r"%=|\*=|\*\*=|\+=|\-=|\^=|\|\|=|<=>|<(?!<|=)|>(?!<|=|>)|<=|>=|===|==|=~|!=|!~"
             r"|(?=[\s])\?|&(&&?|(?!\d))|\|\||\^|\*|\+|\-|/|\||\+\+|\-\-|\*\*|//|<\-|<>|<<|>>"
             r"|=|\.|~~~")
_NL = "\n" + " " * 13
_SYMBOL = (r"(:)([a-zA-Z_]\w*([?!]|=(?![>=]))?|<>|===?|>=?|<=?|" + _NL
           + r"<=>|&&?|%\(\)|%\[\]|%\{\}|\+\+?|\-\-?|\|\|?|!|//|[%&`/|]|" + _NL
           + r"\*\*?|=?~|<\-)|([a-zA-Z_]\w*([?!])?)(:)(?!:)")
_CHAR = (rf"\?(\\(x\d{{1,2}}|{_HEX}{{1,2}}(?!{_HEX})\b|0[0-7]{{0,2}}(?![0-7])\b[^x0MC])"
         r"|(\\[MC]-)+\w|[^\s\\])")
_CLOSERS = {"{": "}", "[": "]", "(": ")", "<": ">"}
_OPENERS = ["{", "[", "(", "<", "|", "/", "'", '"']


def _sigil_state(open_: str, interp: bool, css: str) -> list:
    close = _CLOSERS.get(open_, open_)
    rules = [Rule(rx(re.escape(close)), css, "#pop")]
    if interp:
        rules += [Mixin("interpoling"), Rule(rx(r"#"), css)]
    else:
        rules.append(Rule(rx(r"[\\#]"), css))
    both = re.escape(open_) + re.escape(close)
    # Ruby's String#squeeze: runs of one character become one
    chars = "".join(ch for i, ch in enumerate(both) if i == 0 or both[i - 1] != ch)
    rules.append(Rule(rx(rf"[^#{chars}\\]+", re.S), css))
    return rules


def _sigil_name(open_: str, interp: bool, css: str) -> str:
    return f"sigil {css} {'interp' if interp else 'raw'} {_OPENERS.index(open_)}"


def _sigil(run: LexRun, m: re.Match[str]) -> None:
    letter, open_ = m.group(1) or "", m.group(2)
    interp = letter in ("S", "R", "C", "W")
    css = "sx"
    if letter in ("R", "r"):
        css = "sr"
        run.push("regex_flags")
    if letter in ("W", "w"):
        run.push("list_flags")
    run.token(css, m.group())
    run.push(_sigil_name(open_, interp, css))


STATES: dict = {
    "root": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"#.*$"), "c1"),
        Rule(rx(_KEYWORD), "k"),
        Rule(rx(r"\b(import|require|use|recur|quote|unquote|super|refer)\b(?![?!])"), "kn"),
        Rule(rx(r"(and|not|or|when|xor|in)\b"), "ow"),
        Rule(rx(_OPERATOR), "o"),
        Rule(rx(_SYMBOL), "ss"),
        Rule(rx(r':"'), "ss", "interpoling_symbol"),
        Rule(rx(r"\b(nil|true|false)\b(?![?!])|[A-Z]\w*\b"), "no"),
        Rule(rx(r"\b(__(FILE|LINE|MODULE|MAIN|FUNCTION)__)\b(?![?!])"), "bp"),
        Rule(rx(r"[a-zA-Z_!]\w*[!?]?"), "n"),
        Rule(rx(r"::|[%(){};,/|:\\\[\]]"), "p"),
        Rule(rx(r"@[a-zA-Z_]\w*|&\d"), "nv"),
        Rule(rx(r"\b\d(_?\d)*(\.(?![^\d\s])(_?\d)+)([eE][-+]?\d(_?\d)*)?\b"), "mf"),
        Rule(rx(r"\b0x[0-9A-Fa-f](_?[0-9A-Fa-f])*\b"), "mh"),
        Rule(rx(r"\b0o[0-7](_?[0-7])*\b"), "mo"),
        Rule(rx(r"\b0b[01](_?[01])*\b"), "mb"),
        Rule(rx(r"\b\d(_?\d)*\b"), "mi"),
        Mixin("strings"),
        Mixin("sigil_strings"),
    ],
    "strings": [
        Rule(rx(r'(%[A-Ba-z])?"""(?:.|\n)*?"""'), "sd"),
        Rule(rx(r"'''(?:.|\n)*?'''"), "sd"),
        Rule(rx(r'"'), "s2", "dqs"),
        Rule(rx(r"'"), "s1", "sqs"),
        Rule(rx(_CHAR), "sx"),
    ],
    "dqs": [
        Mixin("escapes"),
        Mixin("interpoling"),
        Rule(rx(r'[^#"\\]+'), "s2"),
        Rule(rx(r'"'), "s2", "#pop"),
        Rule(rx(r"[#\\]"), "s2"),
    ],
    "sqs": [
        Mixin("escapes"),
        Mixin("interpoling"),
        Rule(rx(r"[^#'\\]+"), "s1"),
        Rule(rx(r"'"), "s1", "#pop"),
        Rule(rx(r"[#\\]"), "s1"),
    ],
    "interpoling": [Rule(rx(r"#\{"), "si", "interpoling_string")],
    "interpoling_string": [Rule(rx(r"\}"), "si", "#pop"), Mixin("root")],
    "escapes": [
        Rule(rx(rf"\\x{_HEX}{{2}}"), "se"),
        Rule(rx(r"\\u\{?\d+\}?"), "se"),
        Rule(rx(r"\\[\\abdefnrstv0\"']"), "se"),
    ],
    "interpoling_symbol": [
        Rule(rx(r'"'), "ss", "#pop"),
        Mixin("interpoling"),
        Rule(rx(r'[^#"]+'), "ss"),
    ],
    "sigil_strings": [
        Rule(rx(r"~([A-Za-z])?(" + "|".join(re.escape(o) for o in _OPENERS) + ")"),
             action=_sigil),
    ],
    "regex_flags": [Rule(rx(r"[fgimrsux]*"), "sr", "#pop")],
    "list_flags": [Rule(rx(r"[csa]?"), "sx", "#pop")],
}
for _open in _OPENERS:
    for _interp in (True, False):
        for _css in ("sx", "sr"):
            STATES[_sigil_name(_open, _interp, _css)] = _sigil_state(_open, _interp, _css)

LEXER = RegexLexer(STATES)

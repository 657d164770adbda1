"""Rust as Rouge 3.30's Rust lexer tokenises it: keywords, builtin types and traits by
Rouge's lists, attributes, macros (with their bracket depth), lifetimes, nested block
comments, doc comments, byte and raw strings, typed numeric literals."""

from __future__ import annotations

import re

from .. import unicode_props as P
from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, rx, then

KEYWORDS = ("as async await break const continue crate dyn else enum extern false fn for if "
            "impl in let log loop match mod move mut pub ref return self Self static struct "
            "super trait true type unsafe use where while abstract become box do final macro "
            "override priv typeof unsized virtual yield try union").split()
BUILTINS = frozenset(
    "Add BitAnd BitOr BitXor bool c_char c_double c_float char c_int clock_t c_long c_longlong "
    "Cons Const Copy c_schar c_short c_uchar c_uint c_ulong c_ulonglong c_ushort c_void dev_t "
    "DIR dirent Div Either Eq Err f32 f64 Failure FILE float fpos_t i16 i32 i64 i8 isize Index "
    "ino_t int intptr_t Left mode_t Modulo Mul Neg Nil None Num off_t Ok Option Ord Owned pid_t "
    "Ptr ptrdiff_t Right Send Shl Shr size_t Some ssize_t str Sub Success time_t u16 u32 u64 u8 "
    "usize uint uintptr_t Box Vec String Gc Rc Arc u128 i128 Result Sync Pin Unpin Sized Drop "
    "drop Fn FnMut FnOnce Clone PartialEq PartialOrd AsMut AsRef From Into Default "
    "DoubleEndedIterator ExactSizeIterator Extend IntoIterator Iterator".split())

# Rouge: [\p{XID_Start}_]\p{XID_Continue}* (Onigmo's properties, from unicode_props)
ID = f"[{P.XID_START}_][{P.XID_CONTINUE}]*"
_END = f"(?![{P.BOUNDARY_WORD}])"  # Ruby's \b after a word character
_HEX = "[0-9a-fA-F]"
ESCAPES = rf"\\(?:[nrt'\"\\0]|x{_HEX}{{2}}|u\{{(?:{_HEX}_*){{1,6}}\}})"
_SIZE = r"(?:8|16|32|64|128|size)"
_DOT = r"[.][0-9][0-9_]*"
_EXP = r"[eE][-+]?[0-9_]+"
_FLT = r"(?:f32|f64)"
_CLOSING = {"[": "]", "(": ")", "{": "}"}


def _word(run: LexRun, m: re.Match[str]) -> None:
    run.token("nb" if m.group() in BUILTINS else "n", m.group())


def _delims(run: LexRun) -> dict[str, int]:
    return run.vars.setdefault("macro_delims", {"]": 0, ")": 0, "}": 0})  # type: ignore


def _macro_open(run: LexRun, m: re.Match[str]) -> None:
    _delims(run)[_CLOSING[m.group()]] += 1
    run.token("p", m.group())


def _macro_close(run: LexRun, m: re.Match[str]) -> None:
    delims = _delims(run)
    delims[m.group()] -= 1
    if all(v == 0 for v in delims.values()):
        run.pop()
    run.token("p", m.group())


def _comment_block(css: str, name: str) -> list:
    return [
        Rule(rx(r"\*/"), css, "#pop"),
        Rule(rx(r"/\*"), css, name),
        Rule(rx(r"[^*/]+|[*/]"), css),
    ]


STATES = {
    "bol": [
        Mixin("whitespace"),
        Rule(rx(r"#\s[^\n]*"), "cs"),
        Rule(rx(r""), action=then(pop=1)),
    ],
    "attribute": [
        Mixin("whitespace"),
        Mixin("has_literals"),
        Rule(rx(r"[(,)=:]"), "nd"),
        Rule(rx(r"\]"), "nd", "#pop"),
        Rule(rx(ID), "nd"),
    ],
    "whitespace": [Rule(rx(r"\s+"), ""), Mixin("comments")],
    "comments": [
        Rule(rx(r"////+[^\n]*"), "c1"),
        Rule(rx(r"//[/!][^\n]*"), "cd"),
        Rule(rx(r"//[^\n]*"), "c1"),
        Rule(rx(r"/\*\*\*?/"), "cm"),
        Rule(rx(r"/\*\*\*+"), "cm", "nested_plain_block"),
        Rule(rx(r"/[*][*!]"), "cd", "nested_doc_block"),
        Rule(rx(r"/[*]"), "cm", "nested_plain_block"),
    ],
    "nested_plain_block": _comment_block("cm", "nested_plain_block"),
    "nested_doc_block": _comment_block("cd", "nested_doc_block"),
    "root": [
        Rule(rx(r"\n"), "", "bol"),
        Mixin("whitespace"),
        Rule(rx(r"#!?\["), "nd", "attribute"),
        Rule(rx(rf"\b(?:{'|'.join(KEYWORDS)}){_END}"), "k"),
        Mixin("has_literals"),
        Rule(rx(r"[=-]>"), "k"),
        Rule(rx(r"<->"), "k"),
        Rule(rx(r"[()\[\]{}|,:;]"), "p"),
        Rule(rx(r"[*\/!@~&+%^<>=\?-]|\.{2,3}"), "o"),
        Rule(rx(rf"([.]\s*)?{ID}(?=\s*[(])", re.S), "nf"),
        Rule(rx(rf"[.]\s*await{_END}"), "k"),
        Rule(rx(rf"[.]\s*{ID}"), "py"),
        Rule(rx(r"[.]\s*\d+"), "na"),
        Rule(rx(rf"({ID})(::)", re.S), ("nn", "p")),
        Rule(rx(r"\bmacro_rules!"), "nd", "macro_rules"),
        Rule(rx(f"{ID}!"), "nd", "macro"),
        Rule(rx(rf"'static{_END}"), "k"),
        Rule(rx(f"'{ID}"), "nv"),
        Rule(rx(ID), action=_word),
    ],
    "macro": [
        Mixin("has_literals"),
        Rule(rx(r"[\[{(]"), action=_macro_open),
        Rule(rx(r"[\]})]"), action=_macro_close),
        Rule(rx(f"{ID}!"), "nd"),
        Mixin("root"),
        Rule(rx(r"."), ""),
    ],
    "macro_rules": [
        Rule(rx(rf"[$]{ID}(:{ID})?"), "nv"),
        Rule(rx(r"[$]"), "nv"),
        Mixin("macro"),
    ],
    "has_literals": [
        Rule(rx(rf"\b(?:true|false){_END}"), "kc"),
        Rule(rx(rf"b?'(?:{ESCAPES}|[^\\])'"), "sc"),
        Rule(rx(r'b?"'), "s", "string"),
        Rule(rx(r'b?r(#*)".*?"\1', re.S), "s"),
        Rule(rx(rf"[0-9][0-9_]*(?:{_DOT}(?:{_EXP})?(?:{_FLT})?|(?:{_DOT})?{_EXP}(?:{_FLT})?"
                rf"|(?:{_DOT})?(?:{_EXP})?{_FLT}|[.](?![._{P.XID_START}]))"), "mf"),
        Rule(rx(rf"(?:0b[10_]+|0x[0-9a-fA-F_]+|0o[0-7_]+|[0-9][0-9_]*)(?:u{_SIZE}?|i{_SIZE})?"),
             "mi"),
    ],
    "string": [
        Rule(rx(r'"'), "s", "#pop"),
        Rule(rx(ESCAPES), "se"),
        Rule(rx(r'[^"\\]+', re.S), "s"),
    ],
}

LEXER = RegexLexer(STATES, start=("root", "bol"))

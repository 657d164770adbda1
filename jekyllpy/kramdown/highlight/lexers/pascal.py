"""Pascal as Rouge 3.30's Pascal lexer tokenises it (case-insensitive words, as Ruby's /i
matches them: see :func:`..regex_lexer.ruby_ci`)."""

from __future__ import annotations

import re

from ..regex_lexer import Mixin, RegexLexer, Rule, ruby_ci, rx

_KEYWORDS = """absolute abstract all and and_then array as asm assembler attribute begin bindable
case class const constructor delay destructor div do downto else end except exit export exports
external far file finalization finally for forward function goto if implementation import in
inc index inherited initialization inline interface interrupt is label library message mod
module near nil not object of on only operator or or_else otherwise out overload override
packed pascal pow private procedure program property protected public published qualified
raise read record register repeat resident resourcestring restricted safecall segment set shl
shr stdcall stored string then threadvar to try type unit until uses value var view virtual
while with write writeln xor""".split()
_TYPES = """ansichar ansistring bool boolean byte bytebool cardinal char comp currency double
dword extended int64 integer iunknown longbool longint longword pansichar pansistring pbool
pboolean pbyte pbytearray pcardinal pchar pcomp pcurrency pdate pdatetime pdouble pdword
pextended phandle pint64 pinteger plongint plongword pointer ppointer pshortint pshortstring
psingle psmallint pstring pvariant pwidechar pwidestring pword pwordarray pwordbool real real48
shortint shortstring single smallint string tclass tdate tdatetime textfile thandle tobject
ttime variant widechar widestring word wordbool""".split()

LEXER = RegexLexer({
    "whitespace": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"(//).*$\n?"), "c1"),
        Rule(rx(r"(--).*$\n?"), "c1"),
        Rule(rx(r"\(\*.*?\*\)", re.S), "cm"),
        Rule(rx(r"\{.*?\}", re.S), "cm"),
    ],
    "root": [
        Mixin("whitespace"),
        Rule(rx(r"((0(x|X)[0-9a-fA-F]*)|(([0-9]+\.?[0-9]*)|(\.[0-9]+))((e|E)(\+|-)?[0-9]+)?)"
                r"(L|l|UL|ul|u|U|F|f|ll|LL|ull|ULL)?"), "m"),
        Rule(rx(r"\$[0-9A-Fa-f]+"), "mh"),
        Rule(rx(r"[~!@#$%^&*()+`\-={}\[\]:;<>?,./|\\]"), "p"),
        Rule(rx(r"'([^']|'')*'"), "s"),
        Rule(rx(ruby_ci("(true|false|nil)") + r"\b"), "nb"),
        Rule(rx(r"\b(" + "|".join(ruby_ci(w) for w in _KEYWORDS) + r")\b"), "k"),
        Rule(rx(r"\b(" + "|".join(ruby_ci(w) for w in _TYPES) + r")\b"), "kt"),
        Rule(rx("@?[_a-zA-Z\u017f\u212a]\\w*"), "n"),
    ],
})

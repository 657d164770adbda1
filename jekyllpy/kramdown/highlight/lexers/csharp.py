"""C# as Rouge 3.30's C# lexer tokenises it (keywords, types, interpolated and verbatim
strings, class and namespace names, preprocessor lines)."""

from __future__ import annotations

import re

from .. import unicode_props as P
from ..regex_lexer import Mixin, RegexLexer, Rule, rx

# Rouge's /@?[_a-z]\w*/i: Ruby folds U+017F and U+212A into its letters (not into \w)
ID = "@?[_a-zA-Z\u017f\u212a]\\w*"
_END = f"(?![{P.BOUNDARY_WORD}])"  # Ruby's \b after a word character
KEYWORDS = (
    "abstract as base break case catch checked const continue default delegate do else enum "
    "event explicit extern false finally fixed for foreach goto if implicit in interface "
    "internal is lock new null operator out override params private protected public readonly "
    "ref return sealed sizeof stackalloc static switch this throw true try typeof unchecked "
    "unsafe virtual void volatile while add alias async await get global partial remove set "
    "value where yield nameof ascending by descending equals from group in into join let on "
    "orderby select").split()
TYPES = ("bool byte char decimal double dynamic float int long object sbyte short string uint "
         "ulong ushort var").split()
CPP = ("if endif else elif define undef line error warning region endregion "
       "pragma").split()

LEXER = RegexLexer({
    "whitespace": [
        Rule(rx(r"\s+", re.S), ""),
        Rule(rx(r"//.*?$"), "c1"),
        Rule(rx(r"/[*].*?[*]/", re.S), "cm"),
    ],
    "nest": [
        Rule(rx(r"{"), "p", "nest"),
        Rule(rx(r"}"), "p", "#pop"),
        Mixin("root"),
    ],
    "splice_string": [
        Rule(rx(r"\\."), "s"),
        Rule(rx(r"{"), "p", "nest"),
        Rule(rx(r"\"|\n"), "s", "#pop"),
        Rule(rx(r"."), "s"),
    ],
    "splice_literal": [
        Rule(rx(r"\"\""), "s"),
        Rule(rx(r"{"), "p", "nest"),
        Rule(rx(r"\""), "s", "#pop"),
        Rule(rx(r"."), "s"),
    ],
    "root": [
        Mixin("whitespace"),
        Rule(rx(r"[$]\s*\""), "s", "splice_string"),
        Rule(rx(r"[$]@\s*\""), "s", "splice_literal"),
        Rule(rx(rf"(<\[)\s*({ID}:)?", re.I), "k"),
        Rule(rx(r"\]>"), "k"),
        Rule(rx(r"[~!%^&*()+=|\[\]{}:;,.<>\/?-]"), "p"),
        Rule(rx(r"@\"(\"\"|[^\"])*\"", re.S), "s"),
        Rule(rx(r"\"(\\.|.)*?[\"\n]"), "s"),
        Rule(rx(r"'(\\.|.)'"), "sc"),
        Rule(rx(r"0x[0-9a-f]+[lu]?", re.I), "m"),
        Rule(rx(r"[0-9]([.][0-9]*)?(e[+-][0-9]+)?[fldu]?", re.I), "m"),
        Rule(rx(rf"\b(?:class|struct|interface){_END}"), "k", "class"),
        Rule(rx(rf"\b(?:namespace|using){_END}"), "k", "namespace"),
        Rule(rx(rf"^#[ \t]*({'|'.join(CPP)}){_END}.*?\n"), "cp"),
        Rule(rx(rf"\b({'|'.join(KEYWORDS)}){_END}"), "k"),
        Rule(rx(rf"\b({'|'.join(TYPES)}){_END}"), "kt"),
        Rule(rx(rf"{ID}(?=\s*[(])", re.I), "nf"),
        Rule(rx(ID, re.I), "n"),
    ],
    "class": [Mixin("whitespace"), Rule(rx(ID, re.I), "nc", "#pop")],
    "namespace": [
        Mixin("whitespace"),
        Rule(rx(r"(?=[(])"), "", "#pop"),
        Rule(rx(rf"({ID}|[.])+", re.I), "nn", "#pop"),
    ],
})

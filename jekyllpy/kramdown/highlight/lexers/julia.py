"""Julia as Rouge 3.30's Julia lexer tokenises it.

Notes on the translation: Rouge's word lists are extended-mode patterns, where spaces do not
count, so its two-word keywords are ``mutablestruct``, ``abstracttype`` and ``forouter`` (kept);
its transpose rule starts with a lookbehind, which Rouge's scanner (seeing nothing before the
cursor) never satisfies, so it is left out.
"""

from __future__ import annotations

import re

from ...parser import unicode_classes as U
from .. import unicode_props as P
from ..regex_lexer import Mixin, RegexLexer, Rule, rx
from ..rouge_registry import WORDS

_END = f"(?![{P.BOUNDARY_WORD}])"  # Ruby's \b after a word character
_BUILTINS = (r"\b(?:true|false|missing|nothing|Inf|Inf16|Inf32|Inf64|NaN|NaN16|NaN32|NaN64"
             r"|stdout|stderr|stdin|devnull|pi|π|ℯ|im|ARGS|C_NULL|ENV|ENDIAN_BOM|VERSION|undef"
             r"|(LOAD|DEPOT)_PATH)" + _END)
_KEYWORDS = (r"\b(?:function|return|module|import|export|if|else|elseif|end|for|in|isa|while"
             r"|try|catch|const|local|global|using|struct|mutablestruct|abstracttype|finally"
             r"|begin|do|quote|macro|forouter|where)" + _END)
_TYPES = rf"\b(?:{'|'.join(WORDS['julia_types'])}){_END}"
_OPERATORS = (r"\+|=|-|\*|/|\\|&|\||\$|~|\^|%|!|>>>|>>|<<|&&|\|\||\+=|-=|\*=|/=|\\=|÷=|%="
              r"|\^=|&=|\|=|\$=|>>>=|>>=|<<=|==|!=|≠|<=|≤|>=|≥|\.|::|<:|->|\?|\.\*|\.\^|\.\\"
              r"|\./|\\|<|>|÷|>:|:|===|!==|=>")
_DEFINED_NAME = f"[{P.L}{P.NL}{P.S}_][{U.WORD}{P.S}{P.PO}!]*"
_NAME_START = "a-zA-Z_\u00a1-\uffff\u1000-\u10ff"

LEXER = RegexLexer({
    "root": [
        Rule(rx(r"\n"), ""),
        Rule(rx(r"[^\S\n]+"), ""),
        Rule(rx(r"#="), "cm", "blockcomment"),
        Rule(rx(r"#.*$"), "c"),
        Rule(rx(_OPERATORS), "o"),
        Rule(rx(r"\\\n"), ""),
        Rule(rx(r"\\"), ""),
        Rule(rx(r"(function|macro)((?:\s|\\\s)+)"), ("k", "nf"), "funcname"),
        Rule(rx(r"((?:mutable )?struct|(?:abstract|primitive) type)((?:\s|\\\s)+)"),
             ("k", "nc"), "typename"),
        Rule(rx(_TYPES), "kt"),
        Rule(rx(rf"(local|global|const){_END}"), "kd"),
        Rule(rx(_KEYWORDS), "k"),
        Rule(rx(_BUILTINS), "nb"),
        Rule(rx(r"`.*?`"), "sb"),
        Rule(rx(r"'(\\.|\\[0-7]{1,3}|\\x[a-fA-F0-9]{1,3}|\\u[a-fA-F0-9]{1,4}"
                r"|\\U[a-fA-F0-9]{1,6}|[^\\'\n])'"), "sc"),
        Rule(rx(r'(?:[IL])"'), "s", "string"),
        Rule(rx(r'[E]?"'), "s", "string"),
        Rule(rx(r"@[\w.]+"), "nd"),
        Rule(rx(f"[{_NAME_START}][0-9{_NAME_START}]*!*"), "n"),
        Rule(rx(r"[\[\]{}(),;]"), "x"),
        Rule(rx(r"(\d+(_\d+)+\.\d*|\d*\.\d+(_\d+)+)([eEf][+-]?[0-9]+)?"), "mf"),
        Rule(rx(r"(\d+\.\d*|\d*\.\d+)([eEf][+-]?[0-9]+)?"), "mf"),
        Rule(rx(r"\d+(_\d+)+[eEf][+-]?[0-9]+"), "mf"),
        Rule(rx(r"\d+[eEf][+-]?[0-9]+"), "mf"),
        Rule(rx(r"0b[01]+(_[01]+)+"), "mb"),
        Rule(rx(r"0b[01]+"), "mb"),
        Rule(rx(r"0o[0-7]+(_[0-7]+)+"), "mo"),
        Rule(rx(r"0o[0-7]+"), "mo"),
        Rule(rx(r"0x[a-fA-F0-9]+(_[a-fA-F0-9]+)+"), "mh"),
        Rule(rx(r"0x[a-fA-F0-9]+"), "mh"),
        Rule(rx(r"\d+(_\d+)+"), "mi"),
        Rule(rx(r"\d+"), "mi"),
    ],
    "funcname": [
        Rule(rx(_DEFINED_NAME), "nf", "#pop"),
        Rule(rx(r"\([^\s\w{]{1,2}\)"), "o", "#pop"),
        Rule(rx(r"[^\s\w{]{1,2}"), "o", "#pop"),
    ],
    "typename": [Rule(rx(_DEFINED_NAME), "nc", "#pop")],
    "stringescape": [
        Rule(rx(r"\\([\\abfnrtv\"']|\n|N\{.*?\}|u[a-fA-F0-9]{4}|U[a-fA-F0-9]{8}"
                r"|x[a-fA-F0-9]{2}|[0-7]{1,3})"), "se"),
    ],
    "blockcomment": [
        Rule(rx(r"[^=#]"), "cm"),
        Rule(rx(r"#="), "cm", "blockcomment"),
        Rule(rx(r"=#"), "cm", "#pop"),
        Rule(rx(r"[=#]"), "cm"),
    ],
    "string": [
        Mixin("stringescape"),
        Rule(rx(r'"'), "s", "#pop"),
        Rule(rx(r'\\\\|\\"|\\\n'), "se"),
        Rule(rx(r"\$(\(\w+\))?[-#0 +]*([0-9]+|[*])?(\.([0-9]+|[*]))?"), "si"),
        Rule(rx(r'[^\\"$]+'), "s"),
        Rule(rx(r'["\\]'), "s"),
        Rule(rx(r"\$"), "s"),
    ],
})

"""NASM assembly as Rouge 3.30's Nasm lexer tokenises it.  Rouge's rules are mostly
case-insensitive; Ruby's /i also folds U+017F into ``s`` (and U+212A into ``k``), so the
letter classes are spelled out here (:func:`..regex_lexer.ruby_ci` for words)."""

from __future__ import annotations

from ..regex_lexer import Mixin, RegexLexer, Rule, ruby_ci, rx

_S = "\u017f"
_NAME = f"[a-zA-Z$._?{_S}\u212a][\\w$.?#@~]*"
_REGISTER = (rf"[rR]\d[0-5]?[bwdBWD]|[a-dA-D][lhLH]|[erER]?[a-dA-D][xX]|[erER]?[sbSB{_S}][pP]"
             rf"|[erER]?[sdSD{_S}][iI]|[c-gsC-GS{_S}][sS{_S}]|[sS{_S}][tT][0-7]|[mM][mM][0-7]"
             r"|[cC][rR][0-4]|[dD][rR][0-367]|[tT][rR][3-7]")

LEXER = RegexLexer({
    "root": [
        Rule(rx(r"^\s*%"), "cp", "preproc"),
        Mixin("whitespace"),
        Rule(rx(f"{_NAME}:"), "nl"),
        Rule(rx(f"({_NAME})(\\s+)({ruby_ci('equ')})"), ("no", "kd", "kd"), "instruction_args"),
        Rule(rx(r"BITS|USE16|USE32|SECTION|SEGMENT|ABSOLUTE|EXTERN|GLOBAL|ORG|ALIGN|STRUC"
                r"|ENDSTRUC|COMMON|CPU|GROUP|UPPERCASE|IMPORT|EXPORT|LIBRARY|MODULE"), "k",
             "instruction_args"),
        Rule(rx(ruby_ci("(?:res|d)") + "[bwdqtBWDQT]|" + ruby_ci("times")), "kd",
             "instruction_args"),
        Rule(rx(_NAME), "nf", "instruction_args"),
        Rule(rx(r"[\r\n]+"), ""),
    ],
    "instruction_args": [
        Rule(rx(r'"(\\\\"|[^"\\n])*"|' + r"'(\\\\'|[^'\\n])*'|`(\\\\`|[^`\\n])*`"), "s"),
        Rule(rx(r"(?:0[xX][\da-fA-F]+|$0[\da-fA-F]*|\d+[\da-fA-F]*[hH])"), "mh"),
        Rule(rx(r"[0-7]+[qQ]"), "mo"),
        Rule(rx(r"[01]+[bB]"), "mb"),
        Rule(rx(r"\d+\.[eE]?\d+"), "mf"),
        Rule(rx(r"\d+"), "mi"),
        Mixin("punctuation"),
        Rule(rx(_REGISTER), "nb"),
        Rule(rx(_NAME), "nv"),
        Rule(rx(r"[\r\n]+"), "", "#pop"),
        Mixin("whitespace"),
    ],
    "preproc": [
        Rule(rx(r"[^;\n]+"), "cp"),
        Rule(rx(r";.*?\n"), "c1", "#pop"),
        Rule(rx(r"\n"), "cp", "#pop"),
    ],
    "whitespace": [
        Rule(rx(r"\n"), ""),
        Rule(rx(r"[ \t]+"), ""),
        Rule(rx(r";.*"), "c1"),
    ],
    "punctuation": [
        Rule(rx(r"[,():\[\]]+"), "p"),
        Rule(rx(r"[&|^<>+*/%~-]+"), "o"),
        Rule(rx(r"\$+"), "kc"),
        Rule(rx(ruby_ci("seg|wrt|strict")), "ow"),
        Rule(rx(ruby_ci("byte") + "|[dqDQ]?" + ruby_ci("word")), "kt"),
    ],
})

"""Crystal as Rouge 3.30's Crystal lexer tokenises it: Ruby's states (``ruby.STATES``) with
Crystal's word lists, numbers (``0o17``, ``1_i64``, ``2.5_f32``), annotations ``@[...]``,
operator symbols, ``macro``, ``{% %}`` and ``\\u`` escapes.

Kept from Rouge: a character literal's pattern repeats its middle group, and Rouge yields
only that group's last repetition, so ``'abc'`` comes out as ``'c'`` (the text between is
lost, in Jekyll's output too)."""

from __future__ import annotations

import re

from ..regex_lexer import Mixin, RegexLexer, Rule, rx, then
from . import ruby

_KEYWORDS = ["BEGIN", "END", "alias", "begin", "break", "case", r"defined\?", "do", "else",
             "elsif", "end", "ensure", "for", "if", "ifdef", "in", "next", "redo", "rescue",
             "raise", "retry", "return", "super", "then", "undef", "unless", "until", "when",
             "while", "yield", "lib", "fun", "type", "of", "as"]
# put into the pattern unescaped, as Rouge does: "getter?" is "gette" and an optional "r"
_KEYWORDS_PSEUDO = """initialize new loop include extend raise attr_reader attr_writer
attr_accessor alias_method attr catch throw private module_function public protected true false
nil __FILE__ __LINE__ getter getter? getter! property property? property! struct
record""".split()
_BUILTINS_G = """abort ancestors at_exit caller catch chomp chop clone constants display dup
eval exec exit extend fail fork format freeze getc gets global_variables gsub hash id
included_modules inspect instance_eval instance_method instance_methods lambda loop method
method_missing methods module_eval name object_id open p print printf proc putc puts raise rand
readline readlines require scan select self send sleep split sprintf srand sub syscall system
test throw to_a to_s trap warn""".split()
_BUILTINS_Q = "eql equal include is_a iterator kind_of nil".split()
_BUILTINS_B = "chomp chop exit gsub sub".split()

STATES = {
    **ruby.STATES,
    "symbols": [
        Rule(rx(f":@{{0,2}}[{ruby.AZ}_]\\w*[!?]?"), "ss"),
        Rule(rx(r":(?:===|=?~|\[\][=?]?|\*\*=?|//=?|[=^*/+-]=?|&[&*+-]?=?|\|\|?=?|![=~]?|%=?"
                r"|<=>|<<?=?|>>?=?|\.\.\.?)"), "ss"),
        Rule(rx(r":'(\\\\|\\'|[^'])*'"), "ss"),
        Rule(rx(r':"'), "ss", "simple_sym"),
    ],
    "sigil_strings": [Rule(rx(r"%([rqswQWxiI])?([^\w\s}])"), action=ruby.sigil(squeeze=False))],
    "strings": [
        Mixin("symbols"),
        Rule(rx(r"\b[a-z_]\w*?[?!]?:\s+"), "ss", "expr_start"),
        Rule(rx(r'"'), "s2", "simple_string"),
        Rule(rx(r"`"), "sb", "simple_backtick"),
        Rule(rx(r"(')(\\u[a-fA-F0-9]{4}|\\u\{[a-fA-F0-9]{1,6}\}|\\[abefnrtv])?(\\\\|\\'|[^'])*(')"),
             ("s1", "se", "s1", "s1")),
    ],
    "root": [
        Mixin("whitespace"),
        Rule(rx(r"__END__"), "cp", "end_part"),
        Rule(rx(r"0o[0-7]+(?:_[0-7]+)*"), "mo"),
        Rule(rx(r"0x[0-9A-Fa-f]+(?:_[0-9A-Fa-f]+)*"), "mh"),
        Rule(rx(r"0b[01]+(?:_[01]+)*"), "mb"),
        Rule(rx(r"\d+\.\d+(e[\+\-]?\d+)?(_f32)?", re.I), "mf"),
        Rule(rx(r"\d+(e[\+\-]?\d+)", re.I), "mf"),
        Rule(rx(r"\d+_f32", re.I), "mf"),
        Rule(rx(r"[\d]+(?:_\d+)*(_[iu]\d+)?"), "mi"),
        Rule(rx(r"@\[([^\]]+)\]"), "nd"),
        Rule(rx(f"@@[{ruby.AZ}_]\\w*"), "vc"),
        Rule(rx(f"@[{ruby.AZ}_]\\w*"), "vi"),
        Rule(rx(r"\$\w+"), "vg"),
        Rule(rx(r"\$[!@&`'+~=/\\,;.<>_*\$?:\"]"), "vg"),
        Rule(rx(r"\$-[0adFiIlpvw]"), "vg"),
        Rule(rx(r"::"), "o"),
        Mixin("strings"),
        Rule(rx(rf"(?:{'|'.join(_KEYWORDS)})\b"), "k", "expr_start"),
        Rule(rx(rf"(?:{'|'.join(_KEYWORDS_PSEUDO)})\b"), "kp", "expr_start"),
        Rule(rx(r"(module)(\s+)([a-zA-Z_][a-zA-Z0-9_]*(::[a-zA-Z_][a-zA-Z0-9_]*)*)"),
             ("k", "", "nn")),
        Rule(rx(r"(def|macro\b)(\s*)"), ("k", ""), "funcname"),
        Rule(rx(r"(class\b)(\s*)"), ("k", ""), "classname"),
        Rule(rx(rf"(?:{'|'.join(_BUILTINS_Q)})[?]"), "nb", "expr_start"),
        Rule(rx(rf"(?:{'|'.join(_BUILTINS_B)})!"), "nb", "expr_start"),
        Rule(rx(rf"(?:{'|'.join(_BUILTINS_G)})\b"), "nb", "method_call"),
        Mixin("has_heredocs"),
        Rule(rx(r"\.{2,3}"), "o", "expr_start"),
        Rule(rx(r"[A-Z][a-zA-Z0-9_]*"), "no", "method_call"),
        Rule(rx(r"(\.|::)(\s*)([a-z_]\w*[!?]?|[*%&^`~+-\/\[<>=])"), ("p", "", "nf"),
             "method_call"),
        Rule(rx(r"[a-zA-Z_]\w*[?!]"), "n", "expr_start"),
        Rule(rx(r"[a-zA-Z_]\w*"), "n", "method_call"),
        Rule(rx(r"\*\*|//|>=|<=|<=>|<<?|>>?|=~|={3}|!~|&&?|\|\||\."), "o", "expr_start"),
        Rule(rx(r"\{%|%\}"), "p"),
        Rule(rx(r"[-+\/*%=<>&!^|~]=?"), "o", "expr_start"),
        Rule(rx(r"[?]"), action=then("p", push=("ternary", "expr_start"))),
        Rule(rx(r"[\[({,:\\;/]"), "p", "expr_start"),
        Rule(rx(r"[\])}]"), "p"),
    ],
    "classname": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"\("), action=then("p", push=("defexpr", "expr_start"))),
        Rule(rx(r"<<"), action=then("o", goto="expr_start")),
        Rule(rx(r"[A-Z_]\w*"), "nc", "#pop"),
        Rule(rx(r""), action=then(pop=1)),
    ],
    "ternary": [
        Rule(rx(r":(?!:)"), action=then("p", goto="expr_start")),
        Mixin("root"),
    ],
    "string_intp_escaped": [
        Mixin("string_intp"),
        Rule(rx(r"\\([\\abefnrstv#\"']|x[a-fA-F0-9]{1,2}|[0-7]{1,3})"), "se"),
        Rule(rx(r"\\u([a-fA-F0-9]{4}|\{[^}]+\})"), "se"),
        Rule(rx(r"\\."), "se"),
    ],
    "method_call": [
        Rule(rx(r"/"), action=then("o", goto="expr_start")),
        Rule(rx(r"(?=\n)"), action=then(pop=1)),
        Rule(rx(r""), action=then(goto="method_call_spaced")),
    ],
}

LEXER = RegexLexer(STATES, start=("root", "expr_start"))

"""D as Rouge 3.30's D lexer tokenises it (nesting ``/+ +/`` comments, delimited and token
strings, the language's float and integer literal forms)."""

from __future__ import annotations

from .. import unicode_props as P
from ..regex_lexer import Mixin, RegexLexer, Rule, rx

_END = f"(?![{P.BOUNDARY_WORD}])"  # Ruby's \b after a word character

_KEYWORDS = """abstract alias align asm assert auto body break case cast catch class const
continue debug default delegate delete deprecated do else enum export extern finally final
foreach_reverse foreach for function goto if immutable import interface invariant inout in is
lazy mixin module new nothrow out override package pragma private protected public pure ref
return scope shared static struct super switch synchronized template this throw try typedef
typeid typeof union unittest version volatile while with __gshared __traits __vector
__parameters""".split()
_TYPES = """bool byte cdouble cent cfloat char creal dchar double float idouble ifloat int ireal
long real short ubyte ucent uint ulong ushort void wchar""".split()
_PSEUDO = """__FILE__ __FILE_FULL_PATH__ __MODULE__ __LINE__ __FUNCTION__ __PRETTY_FUNCTION__
__DATE__ __EOF__ __TIME__ __TIMESTAMP__ __VENDOR__ __VERSION__""".split()


def _delimited(open_: str, close: str, name: str) -> dict:
    return {
        f"delimited_{name}": [
            Rule(rx(rf"[^{open_}{close}]+"), "s"),
            Rule(rx(open_), "s", f"delimited_inside_{name}"),
            Rule(rx(rf'{close}"'), "s", "#pop"),
        ],
        f"delimited_inside_{name}": [
            Rule(rx(rf"[^{open_}{close}]+"), "s"),
            Rule(rx(open_), "s", "#push"),
            Rule(rx(close), "s", "#pop"),
        ],
    }


LEXER = RegexLexer({
    "whitespace": [
        Rule(rx(r"\n"), ""),
        Rule(rx(r"\s+"), ""),
    ],
    "root": [
        Mixin("whitespace"),
        Rule(rx(r"//.*"), "c1"),
        Rule(rx(r"/(\\\n)?[*](.|\n)*?[*](\\\n)?/"), "cm"),
        Rule(rx(r"/\+"), "cm", "nested_comment"),
        Rule(rx(rf"({'|'.join(_KEYWORDS)}){_END}"), "k"),
        Rule(rx(rf"({'|'.join(_TYPES)}){_END}"), "kt"),
        Rule(rx(r"(false|true|null)" + _END), "kc"),
        Rule(rx(rf"({'|'.join(_PSEUDO)}){_END}"), "kp"),
        Rule(rx(r"macro" + _END), "kr"),
        Rule(rx(r"(string|wstring|dstring|size_t|ptrdiff_t)" + _END), "nb"),
        Rule(rx(r"0[xX]([0-9a-fA-F_]*\.[0-9a-fA-F_]+|[0-9a-fA-F_]+)[pP][+\-]?[0-9_]+[fFL]?[i]?"),
             "mf"),
        Rule(rx(r"[0-9_]+(\.[0-9_]+[eE][+\-]?[0-9_]+|\.[0-9_]*|[eE][+\-]?[0-9_]+)[fFL]?[i]?"),
             "mf"),
        Rule(rx(r"\.(0|[1-9][0-9_]*)([eE][+\-]?[0-9_]+)?[fFL]?[i]?"), "mf"),
        Rule(rx(r"0[Bb][01_]+"), "mb"),
        Rule(rx(r"0[0-7_]+"), "mo"),
        Rule(rx(r"0[xX][0-9a-fA-F_]+"), "mh"),
        Rule(rx(r"(0|[1-9][0-9_]*)([LUu]|Lu|LU|uL|UL)?"), "mi"),
        Rule(rx(r"'(\\['\"?\\abfnrtv]|\\x[0-9a-fA-F]{2}|\\[0-7]{1,3}|\\u[0-9a-fA-F]{4}"
                r"|\\U[0-9a-fA-F]{8}|\\&\w+;|.)'"), "sc"),
        Rule(rx(r'r"[^"]*"[cwd]?'), "s"),
        Rule(rx(r"`[^`]*`[cwd]?"), "s"),
        Rule(rx(r'"(\\\\|\\"|[^"])*"[cwd]?'), "s"),
        Rule(rx(r"\\(['\"?\\abfnrtv]|x[0-9a-fA-F]{2}|[0-7]{1,3}|u[0-9a-fA-F]{4}"
                r"|U[0-9a-fA-F]{8}|&\w+;)"), "s"),
        Rule(rx(r'x"[0-9a-fA-F_\s]*"[cwd]?'), "s"),
        Rule(rx(r'q"\['), "s", "delimited_bracket"),
        Rule(rx(r'q"\('), "s", "delimited_parenthesis"),
        Rule(rx(r'q"<'), "s", "delimited_angle"),
        Rule(rx(r'q"\{'), "s", "delimited_curly"),
        Rule(rx(r'q"([a-zA-Z_]\w*)\n.*?\n\1"'), "s"),
        Rule(rx(r'q"(.).*?\1"'), "s"),
        Rule(rx(r"q\{"), "s", "token_string"),
        Rule(rx(r"@([a-zA-Z_]\w*)?"), "nd"),
        Rule(rx(r"(~=|\^=|%=|\*=|==|!>=|!<=|!<>=|!<>|!<|!>|!=|>>>=|>>>|>>=|>>|>=|<>=|<>|<<=|<<"
                r"|<=|\+\+|\+=|--|-=|\|\||\|=|&&|&=|\.\.\.|\.\.|/=)"
                r"|[/.&|\-+<>!()\[\]{}?,;:$=*%^~]"), "p"),
        Rule(rx(r"[a-zA-Z_]\w*"), "n"),
        Rule(rx(r"#line\s.*\n"), "cs"),
    ],
    "nested_comment": [
        Rule(rx(r"[^+/]+"), "cm"),
        Rule(rx(r"/\+"), "cm", "#push"),
        Rule(rx(r"\+/"), "cm", "#pop"),
        Rule(rx(r"[+/]"), "cm"),
    ],
    "token_string": [
        Rule(rx(r"\{"), "p", "token_string_nest"),
        Rule(rx(r"\}"), "s", "#pop"),
        Mixin("root"),
    ],
    "token_string_nest": [
        Rule(rx(r"\{"), "p", "#push"),
        Rule(rx(r"\}"), "p", "#pop"),
        Mixin("root"),
    ],
    **_delimited(r"\[", r"\]", "bracket"),
    **_delimited(r"\(", r"\)", "parenthesis"),
    **_delimited("<", ">", "angle"),
    **_delimited(r"\{", r"\}", "curly"),
})

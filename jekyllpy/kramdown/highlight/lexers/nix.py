"""Nix expressions as Rouge 3.30's Nix lexer tokenises them.  As in Rouge, a line break
inside a block comment or a string is not matched by any rule (an error token)."""

from __future__ import annotations

from ..regex_lexer import Mixin, RegexLexer, Rule, rx

_WORD = r"[a-zA-Z0-9._-]+"
_PATH = (rf"((/{_WORD})+|~(/{_WORD})+|{_WORD}(/{_WORD})+"
         rf"|[a-z+]+://(/?{_WORD}(/{_WORD})+))")


def _words(words: str, css: str) -> list[Rule]:
    return [Rule(rx(rf"(?:{'|'.join(words.split())})\b"), css)]


LEXER = RegexLexer({
    "whitespaces": [
        Rule(rx(r"^\s*\n\s*$"), ""),
        Rule(rx(r"\s+"), ""),
    ],
    "comment": [
        Rule(rx(r"#.*$"), "c"),
        Rule(rx(r"/\*"), "c", "multiline_comment"),
    ],
    "multiline_comment": [
        Rule(rx(r"\*/"), "c", "#pop"),
        Rule(rx(r"."), "c"),
    ],
    "number": [Rule(rx(r"[0-9]"), "mi")],
    "null": [Rule(rx(r"(null)"), "kc")],
    "boolean": [Rule(rx(r"(true|false)"), "kc")],
    "binding": [Rule(rx(r"[a-zA-Z_][a-zA-Z0-9-]*"), "nv")],
    "path": [Rule(rx(_PATH), "sx")],
    "string": [
        Rule(rx(r'"'), "s2", "double_quoted_string"),
        Rule(rx(r"''"), "s2", "indented_string"),
    ],
    "string_content": [
        Rule(rx(r"\\."), "se"),
        Rule(rx(r"\$\$"), "se"),
        Rule(rx(r"\$\{"), "si", "string_interpolated_arg"),
    ],
    "indented_string_content": [
        Rule(rx(r"'''"), "se"),
        Rule(rx(r"''\$"), "se"),
        Rule(rx(r"\$\$"), "se"),
        Rule(rx(r"''\\."), "se"),
        Rule(rx(r"\$\{"), "si", "string_interpolated_arg"),
    ],
    "string_interpolated_arg": [
        Mixin("expression"),
        Rule(rx(r"\}"), "si", "#pop"),
    ],
    "indented_string": [
        Mixin("indented_string_content"),
        Rule(rx(r"''"), "s2", "#pop"),
        Rule(rx(r"."), "s2"),
    ],
    "double_quoted_string": [
        Mixin("string_content"),
        Rule(rx(r'"'), "s2", "#pop"),
        Rule(rx(r"."), "s2"),
    ],
    "operator": [
        Rule(rx(r"(\.|\?|\+\+|\+|!=|!|//|==|&&|\|\||->|/|\*|-|<|>|<=|=>)"), "o"),
    ],
    "assignment": [Rule(rx(r"(=)"), "o"), Rule(rx(r"(@)"), "o")],
    "accessor": [Rule(rx(r"(\$)"), "p")],
    "delimiter": [Rule(rx(r"(;|,|:)"), "p")],
    "atom_content": [Mixin("expression"), Rule(rx(r"\)"), "p", "#pop")],
    "atom": [Rule(rx(r"\("), "p", "atom_content")],
    "list": [Rule(rx(r"\["), "p", "list_content")],
    "list_content": [Rule(rx(r"\]"), "p", "#pop"), Mixin("expression")],
    "set": [Rule(rx(r"\{"), "p", "set_content")],
    "set_content": [Rule(rx(r"\}"), "p", "#pop"), Mixin("expression")],
    "expression": [
        Mixin("ignore"),
        Mixin("comment"),
        Mixin("boolean"),
        Mixin("null"),
        Mixin("number"),
        Mixin("path"),
        Mixin("string"),
        Mixin("keywords"),
        Mixin("operator"),
        Mixin("accessor"),
        Mixin("assignment"),
        Mixin("delimiter"),
        Mixin("binding"),
        Mixin("atom"),
        Mixin("set"),
        Mixin("list"),
    ],
    "keywords": [
        *_words("with in inherit", "kn"),
        *_words("let", "kd"),
        *_words("if then else", "k"),
        *_words("rec assert map", "kr"),
        *_words("abort baseNameOf builtins derivation fetchTarball import isNull removeAttrs "
                "throw toString", "kr"),
    ],
    "ignore": [Mixin("whitespaces")],
    "root": [Mixin("ignore"), Mixin("expression")],
})

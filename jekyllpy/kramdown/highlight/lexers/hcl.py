"""HCL and Terraform as Rouge 3.30's HCL and Terraform lexers tokenise them.  Terraform is HCL
with its own word lists, punctuation in blocks and lists, and ``${...}`` interpolation (with
regex literals) in strings and heredocs.  Rouge's case-insensitive name classes also take
U+017F and U+212A (Ruby folds them into ``s`` and ``k``); they are spelled out here."""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, rx

_FOLDED = "\u017f\u212a"
_HCL_ID = rf"[$a-zA-Z_{_FOLDED}][a-zA-Z0-9_{_FOLDED}]*"
_TF_ID = rf"[$a-zA-Z_{_FOLDED}\-][a-zA-Z0-9_{_FOLDED}\-]*"
_TF_KEYWORDS = frozenset("terraform module provider variable resource data provisioner "
                         "output".split())
_TF_DECLARATIONS = frozenset(["var", "local"])
_CONSTANTS = frozenset(["true", "false", "null"])


def _heredoc_start(run: LexRun, m: re.Match[str]) -> None:
    for css, i in (("o", 1), ("", 2), ("sh", 3), ("sh", 4), ("no", 5), ("sh", 6)):
        run.token(css, m.group(i))
    run.vars["heredoc"] = m.group(5)
    run.push("heredoc")


def _heredoc_line(run: LexRun, m: re.Match[str]) -> None:
    if m.group(1) == run.vars.get("heredoc"):
        run.token("no", m.group())
        run.pop(2)
    else:
        run.token("sh", m.group())


def _switch(css: str, state: str):
    def action(run: LexRun, m: re.Match[str]) -> None:
        run.token(css, m.group())
        run.pop()
        run.push(state)
    return action


def _states(terraform: bool) -> dict:
    keywords = _TF_KEYWORDS if terraform else frozenset()
    declarations = _TF_DECLARATIONS if terraform else frozenset()

    def name(run: LexRun, m: re.Match[str]) -> None:
        word = m.group()
        if word in keywords:
            run.token("k", word)
            run.push("composite")
        elif word in declarations:
            run.token("kd", word)
            run.push("composite")
        elif word in _CONSTANTS:
            run.token("kc", word)
        else:
            run.token("nx", word)
            run.push("composite")

    def expression_name(run: LexRun, m: re.Match[str]) -> None:
        word = m.group()
        css = ("k" if word in keywords else "kd" if word in declarations
               else "kc" if word in _CONSTANTS else "nx")
        run.token(css, word)

    block_punctuation = [Rule(rx(r"[.,()*]"), "p")] if terraform else []
    states: dict = {
        "multiline_comment": [
            Rule(rx(r"[*]/"), "cm", "#pop"),
            Rule(rx(r"[^*/]+"), "cm"),
            Rule(rx(r"[*/]"), "cm"),
        ],
        "comments_and_whitespace": [
            Rule(rx(r"\s+"), ""),
            Rule(rx(r"//.*?$"), "c1"),
            Rule(rx(r"#.*?$"), "c1"),
            Rule(rx(r"/[*]"), "cm", "multiline_comment"),
        ],
        "primitives": [
            Rule(rx(r"[0-9][0-9]*\.[0-9]+([eE][0-9]+)?[fd]?([kKmMgG]b?)?"), "mf"),
            Rule(rx(r"[0-9]+([kKmMgG]b?)?"), "mi"),
            Rule(rx(r'"'), "s2", "dq"),
            Rule(rx(r"'"), "s1", "sq"),
            Rule(rx(r"(<<-?)(\s*)('?)(\\?)(\w+)(\3)"), action=_heredoc_start),
        ],
        "root": [
            Mixin("comments_and_whitespace"),
            Mixin("primitives"),
            Rule(rx(r"\{"), "p", "hash"),
            Rule(rx(r"\["), "p", "array"),
            Rule(rx(_HCL_ID), action=name),
        ],
        "composite": [
            Mixin("comments_and_whitespace"),
            Rule(rx(r"[{]"), action=_switch("p", "hash")),
            Rule(rx(r"[\[]"), action=_switch("p", "array")),
            Mixin("root"),
            Rule(rx(r""), None, "#pop"),
        ],
        "hash": [
            *block_punctuation,
            Mixin("comments_and_whitespace"),
            Rule(rx(r"="), "p"),
            Rule(rx(r"\}"), "p", "#pop"),
            Mixin("root"),
        ],
        "array": [
            *block_punctuation,
            Mixin("comments_and_whitespace"),
            Rule(rx(r","), "p"),
            Rule(rx(r"\]"), "p", "#pop"),
            Mixin("root"),
        ],
        "dq": [
            Rule(rx(r'[^\\"]+'), "s2"),
            Rule(rx(r'\\"'), "se"),
            Rule(rx(r'"'), "s2", "#pop"),
        ],
        "sq": [
            Rule(rx(r"[^\\']+"), "s1"),
            Rule(rx(r"\\'"), "se"),
            Rule(rx(r"'"), "s1", "#pop"),
        ],
        "heredoc": [
            Rule(rx(r"\n"), "sh", "heredoc_nl"),
            Rule(rx(r"[^$\n]+"), "sh"),
            Rule(rx(r"[$]"), "sh"),
        ],
        "heredoc_nl": [
            Rule(rx(r"\s*(\w+)\s*\n"), action=_heredoc_line),
            Rule(rx(r""), None, "#pop"),
        ],
    }
    if terraform:
        states.update({
            "strings": [
                Rule(rx(r"\\."), "se"),
                Rule(rx(r"\$\{"), "k", "interpolation"),
            ],
            "dq": [
                Rule(rx(r'[^\\"$]+'), "s2"),
                Mixin("strings"),
                Rule(rx(r'"'), "s2", "#pop"),
            ],
            "sq": [
                Rule(rx(r"[^\\'$]+"), "s1"),
                Mixin("strings"),
                Rule(rx(r"'"), "s1", "#pop"),
            ],
            "heredoc": [*states["heredoc"], Mixin("strings")],
            "interpolation": [
                Rule(rx(r"\}"), "k", "#pop"),
                Mixin("expression"),
            ],
            "regexps": [Rule(rx(r'"/'), action=lambda run, m: (run.token("dl", m.group()),
                                                                 run.goto("regexp_inner")))],
            "regexp_inner": [
                Rule(rx(r'[^"/\\]+'), "sr"),
                Rule(rx(r"\\."), "sr"),
                Rule(rx(r'/"'), "dl", "#pop"),
                Rule(rx(r'["/]'), "sr"),
            ],
            "expression": [
                Mixin("regexps"),
                Mixin("primitives"),
                Rule(rx(r"\s+"), ""),
                Rule(rx(r"\+\+|--|~|&&|\|\||\\(?=\n)|<<|>>>?|==|!="), "o"),
                Rule(rx(r"[-<>+*%&|^/!=?:]=?"), "o"),
                Rule(rx(r"[(\[,]"), "p"),
                Rule(rx(r"[)\].]"), "p"),
                Rule(rx(_TF_ID), action=expression_name),
            ],
        })
    return states


HCL = RegexLexer(_states(False))
TERRAFORM = RegexLexer(_states(True))

"""F# as Rouge 3.30's FSharp lexer tokenises it.  An operator run that is one of Rouge's
"keyopts" is punctuation (its list holds ``\\+`` with the backslash, so ``+`` alone is an
operator); Rouge's case-insensitive name class also takes U+017F and U+212A (Ruby folds them
into ``s`` and ``k``), spelled out here."""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, RegexLexer, Rule, rx
from .ocaml import LITERALS, SHARED_STATES

_KEYWORDS = frozenset("""abstract and as assert base begin class default delegate do done
downcast downto elif else end exception extern false finally for fun function global if in
inherit inline interface internal lazy let let! match member module mutable namespace new not
null of open or override private public rec return return! select static struct then to true
try type upcast use use! val void when while with yield yield! sig atomic break checked
component const constraint constructor continue eager event external fixed functor include
method mixin object parallel process protected pure sealed tailcall trait virtual
volatile""".split())
_KEYOPTS = frozenset(r"""!= # & && ( ) * \+ , - -. -> . .. : :: := :> ; ;; < <- = > >] >} ? ??
[ [< [> [| ] _ ` { {< | |] } ~ |> <| <>""".split())
_WORD_OPERATORS = frozenset("and asr land lor lsl lxor mod or".split())
_PRIMITIVES = frozenset("unit int float bool string char list array".split())
_ID = "([a-zA-Z\u017f\u212a][\\w']*)|(``[^`\\n\\r\\t]+``)"
_UPPER_ID = r"[A-Z][\w']*"


def _word(run: LexRun, m: re.Match[str]) -> None:
    word = m.group()
    css = ("k" if word in _KEYWORDS else "ow" if word in _WORD_OPERATORS
           else "kt" if word in _PRIMITIVES else "n")
    run.token(css, word)


def _operator(run: LexRun, m: re.Match[str]) -> None:
    run.token("p" if m.group() in _KEYOPTS else "o", m.group())


LEXER = RegexLexer({
    "root": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"false|true|[(][)]|\[\]"), "bp"),
        Rule(rx(rf"{_UPPER_ID}(?=\s*[.])"), "nn", "dotted"),
        Rule(rx(_UPPER_ID), "nc"),
        Rule(rx(r"[(][*](?![)])"), "c", "comment"),
        Rule(rx(r"//.*?$"), "c1"),
        Rule(rx(_ID), action=_word),
        Rule(rx(r"[\[\];,{}_()!$%&*+./:<=>?@^|~#-]+"), action=_operator),
        *LITERALS,
        Rule(rx(rf"[~?](?:{_ID})"), "nv"),
    ],
    **SHARED_STATES,
    "dotted": [
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"[.]"), "p"),
        Rule(rx(rf"{_UPPER_ID}(?=\s*[.])"), "nn"),
        Rule(rx(_UPPER_ID), "nc", "#pop"),
        Rule(rx(_ID), "n", "#pop"),
        Rule(rx(r"\["), "p", "#pop"),
    ],
})

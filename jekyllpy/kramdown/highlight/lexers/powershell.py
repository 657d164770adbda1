"""PowerShell as Rouge 3.30's PowerShell lexer tokenises it.

Rouge's PowerShell lexer yields whitespace as ``w`` (Text::Whitespace), not plain text.  A
bare word starts a command (``n``) and switches to argument mode, where words up to the end
of the line (or ``|``, ``=``, ``;``, a bracket) are ``nx``; ``-Name`` is a tag (``nt``);
automatic variables (``$_``, ``$true``...) are pseudo builtins matched as prefixes, in
Rouge's order; ``$scope:name`` splits into variable, namespace and punctuation; strings and
here-strings interpolate ``$(...)`` and variables; ``.Member`` is a function name.  The
states for ``@(...)`` and ``@{...}`` accept only values, so a command inside ``@(...)``
comes out as error tokens, as in Rouge.
"""

from __future__ import annotations

import re

from .. import unicode_props as P
from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, ruby_ci, rx
from ..rouge_registry import WORDS

ATTRIBUTES = frozenset(WORDS["powershell_attributes"])


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in words)


AUTO_VARS = _alternation(WORDS["powershell_auto_vars"])
KEYWORDS = _alternation(WORDS["powershell_keywords"])
OPERATORS = _alternation(WORDS["powershell_operators"])
HELP_KEYWORDS = _alternation(WORDS["powershell_multiline_keywords"])

# Rouge's rules here are case-insensitive: Ruby also folds U+017F and U+212A into s and k
# (ruby_ci), and its \b counts other characters as word characters than Python's
_W = P.BOUNDARY_WORD
_B = f"(?:(?<=[{_W}])(?![{_W}])|(?<![{_W}])(?=[{_W}]))"


def _bracket_word(run: LexRun, m: re.Match[str]) -> None:
    run.token("bp" if m.group() in ATTRIBUTES else "n", m.group())


def _member(run: LexRun, m: re.Match[str]) -> None:
    for css, i in (("o", 1), ("nf", 2), ("p", 3), ("w", 4)):
        run.token(css, m.group(i))
    if m.group(3) is not None:  # a method call: its arguments follow
        run.push("parameters")


STATES = {
    "variable": [
        Rule(rx(AUTO_VARS), "bp"),
        Rule(rx(r"(\$)(?:(\w+)(:))?(\w+|\{(?:[^`]|`.)+?\})"), ("nv", "nn", "p", "nv")),
        Rule(rx(r"\$\w+"), "nv"),
        Rule(rx(r"\$\{(?:[^`]|`.)+?\}"), "nv"),
    ],
    "multiline": [
        Rule(rx(rf"\.(?:{ruby_ci(HELP_KEYWORDS)})"), "cs"),
        Rule(rx(r"#>"), "cm", "#pop"),
        Rule(rx(r"[^#.]+?", re.S), "cm"),
        Rule(rx(r"[#.]+"), "cm"),
    ],
    "interpol": [
        Rule(rx(r"\)"), "si", "#pop"),
        Mixin("root"),
    ],
    "dq": [
        Rule(rx(r'(?:\$#?)?"'), "s2", "#pop"),
        Rule(rx(r"\$\("), "si", "interpol"),
        Rule(rx(r"`$"), "se"),
        Rule(rx(r"`."), "se"),
        Rule(rx(r'[^"`$]+'), "s2"),
        Mixin("variable"),
    ],
    "sq": [
        Rule(rx(r"'"), "s1", "#pop"),
        Rule(rx(r"[^']+"), "s1"),
    ],
    "heredoc": [
        Rule(rx(r'(?:\$#?)?"@'), "sh", "#pop"),
        Rule(rx(r"\$\("), "si", "interpol"),
        Rule(rx(r"`$"), "se"),
        Rule(rx(r"`."), "se"),
        Rule(rx(r'[^"`$]+?', re.S), "sh"),
        Rule(rx(r'"+'), "sh"),
        Mixin("variable"),
    ],
    "class": [
        Rule(rx(r"\{"), "p", "#pop"),
        Rule(rx(r"\s+"), "w"),
        Rule(rx(r"\w+"), "nc"),
        Rule(rx(r"[:,]"), "p"),
    ],
    "expr": [
        Mixin("comments"),
        Rule(rx(r'"'), "s2", "dq"),
        Rule(rx(r"'"), "s1", "sq"),
        Rule(rx(r'@"'), "sh", "heredoc"),
        Rule(rx(r"@'.*?'@", re.S), "sh"),
        Rule(rx(r"\d*\.\d+"), "mf"),
        Rule(rx(r"\d+"), "mi"),
        Rule(rx(r"@\{"), "p", "hasht"),
        Rule(rx(r"@\("), "p", "array"),
        Rule(rx(r"\{"), "p", "brace"),
        Rule(rx(r"\["), "p", "bracket"),
    ],
    "hasht": [
        Rule(rx(r"\}"), "p", "#pop"),
        Rule(rx(r"="), "o"),
        Rule(rx(r"[,;]"), "p"),
        Mixin("expr"),
        Rule(rx(r"\w+"), "nx"),
        Mixin("variable"),
    ],
    "array": [
        Rule(rx(r"\s+"), "w"),
        Rule(rx(r"\)"), "p", "#pop"),
        Rule(rx(r"[,;]"), "p"),
        Mixin("expr"),
        Mixin("variable"),
    ],
    "brace": [
        Rule(rx(r"\}"), "p", "#pop"),
        Mixin("root"),
    ],
    "bracket": [
        Rule(rx(r"\]"), "p", "#pop"),
        Rule(rx(r"[A-Za-z]\w+\."), "n"),
        Rule(rx(r"[A-Za-z]\w+"), action=_bracket_word),
        Mixin("root"),
    ],
    "parameters": [
        Rule(rx(r"`.", re.S), "se"),
        Rule(rx(r"\s*?\n"), "w", "#pop"),
        Rule(rx(r"[;(){}\]]"), "p", "#pop"),
        Rule(rx(r"[|=]"), "o", "#pop"),
        Rule(rx(r"[/\\~\w][-.:/\\~\w]*"), "nx"),
        Rule(rx(r"\w[-\w]+"), "nx"),
        Mixin("root"),
    ],
    "comments": [
        Rule(rx(r"\s+"), "w"),
        Rule(rx(r"#.*"), "c"),
        Rule(rx(r"<#"), "cm", "multiline"),
    ],
    "root": [
        Mixin("comments"),
        Rule(rx(r"#requires\s-version \d(?:\.\d+)?"), "cp"),
        Rule(rx(r"\.\.(?=\.?\d)"), "o"),
        Rule(rx(rf"(?:{ruby_ci(OPERATORS)}){_B}"), "o"),
        Rule(rx(f"({ruby_ci('class')})(\\s+)(\\w+)"), ("kr", "w", "nc"), "class"),
        Rule(rx(f"({ruby_ci('function')})" r"(\s+)(?:(\w+)(:))?(\w[-\w]+)"),
             ("kr", "w", "nn", "p", "nf")),
        Rule(rx(rf"(?:{ruby_ci(KEYWORDS)}){_B}(?![-.])"), "kr"),
        Rule(rx(r"-{1,2}\w+"), "nt"),
        Rule(rx(r"(\.)?([-\w]+)(\[)"), ("o", "n", "p"), "bracket"),
        Rule(rx("([/\\\\~a-zA-Z\u017f\u212a][-.:/\\\\~\\w]*)(\\n)?"), ("n", "w"), "parameters"),
        Rule(rx(r"(\.)([-\w]+)(?:(\()|(\n))?"), action=_member),
        Rule(rx(r"\?"), "nf", "parameters"),
        Mixin("expr"),
        Mixin("variable"),
        Rule(rx(r"[-+*/%=!.&|]"), "o"),
        Rule(rx(r"[{}(),:;]"), "p"),
    ],
}

LEXER = RegexLexer(STATES)

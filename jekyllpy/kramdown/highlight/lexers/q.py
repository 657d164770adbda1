"""Q (kdb+) as Rouge 3.30's Q lexer tokenises it: names classed by Rouge's lists (checked
equal to its own) or as ``.z.``-style system names, dates and times, typed numbers,
symbols, ``/`` and ``\\`` comments (a lone ``\\`` line makes the rest of the text a
comment), and the blanks-led lines at the top as special comments.  Ruby's /i letter
classes also take U+017F and U+212A; words end with Ruby's ``\\b`` (``unicode_props``)."""

from __future__ import annotations

import re

from .. import unicode_props as P
from ..regex_lexer import LexRun, RegexLexer, Rule, rx

_KEYWORDS = frozenset("do if while select update delete exec from by".split())
_WORD_OPERATORS = frozenset("""and or except inter like each cross vs sv within where in asof bin
binr cor cov cut ej fby div ij insert lj ljf mavg mcount mdev mmax mmin mmu mod msum over prior
peach pj scan scov setenv ss sublist uj union upsert wavg wsum xasc xbar xcol xcols xdesc xexp
xgroup xkey xlog xprev xrank""".split())
_BUILTINS = frozenset("""first enlist value type get set count string key max min sum prd last
flip distinct raze neg desc differ dsave dev eval exit exp fills fkeys floor getenv group gtime
hclose hcount hdel hopen hsym iasc idesc inv keys load log lsq ltime ltrim maxs md5 med meta
mins next parse plist prds prev rand rank ratios read0 read1 reciprocal reverse rload rotate
rsave rtrim save sdev show signum sin sqrt ssr sums svar system tables tan til trim txf ungroup
var view views wj wj1 ww""".split())

_L = "a-zA-Z\u017f\u212a"  # Ruby's a-z under /i
_END = f"(?![{P.BOUNDARY_WORD}])"  # Ruby's \b after a word character
_SYSTEM_NAME = re.compile(r"\.[zQqho]\.")


def _name(run: LexRun, m: re.Match[str]) -> None:
    word = m.group()
    if word in _KEYWORDS:
        css = "k"
    elif word in _WORD_OPERATORS:
        css = "ow"
    elif word in _BUILTINS:
        css = "nb"
    elif _SYSTEM_NAME.match(word):
        css = "no"
    else:
        css = "n"
    run.token(css, word)


LEXER = RegexLexer({
    "root": [
        Rule(rx(r"#!(?:.*?)$"), "cp", "top"),
        Rule(rx(r""), None, "top"),
    ],
    "top": [
        Rule(rx(r"^[ \t\r]+.*$"), "cs"),
        Rule(rx(r"\n+"), ""),
        Rule(rx(r""), None, "base"),
    ],
    "base": [
        Rule(rx(r"\n+"), ""),
        Rule(rx(r"^.\)"), "kd"),
        Rule(rx(f"\\.?[{_L}][{_L}0-9_.]*"), action=_name),
        Rule(rx(r"\s+/.*"), "c1"),
        Rule(rx(r"[ \t\r]+"), "w"),
        Rule(rx(r"^/$.*?^\\$", re.S), "cm"),
        Rule(rx(r"^/[^\n]*$(?:\n[^\S\n]+.*$)*"), "cm"),
        Rule(rx(r"^\\$"), "c", "bottom"),
        Rule(rx(r"^\\\\\s+"), "k", "bottom"),
        Rule(rx(r'"'), "s", "string"),
        Rule(rx(r"(?:\d+D|\d{4}\.[01]\d\.[0123]\d[DT])(?:[012]\d:[0-5]\d(?::[0-5]\d(?:\.\d+)?)?"
                rf"|(?:[012]\d)?)[zpn]?{_END}"), "ld"),
        Rule(rx(rf"[012]\d:[0-5]\d(?::[0-5]\d(?:\.\d+)?)?[uvtpn]?{_END}"), "ld"),
        Rule(rx(rf"\d{{4}}\.[01]\d\.[0-3]\d[dpnzm]?{_END}"), "ld"),
        Rule(rx(r"0[nNwW][hijefcpmdznuvt]?"), "kc"),
        Rule(rx(r"'|/:|\\:|':|\\|/|0:|1:|2:"), "o"),
        Rule(rx(r"(?:\d+[.]\d*|[.]\d+)(?:e[+-]?\d+)?[ef]?"), "mf"),
        Rule(rx(r"\d+e[+-]?\d+[ef]?"), "mf"),
        Rule(rx(r"\d+[ef]"), "mf"),
        Rule(rx(r"0[xX][0-9a-fA-F]+"), "mh"),
        Rule(rx(r"[01]+b"), "mb"),
        Rule(rx(r"[0-9]+[hij]?"), "mi"),
        Rule(rx(f"`:[:{_L}0-9._/]*|`(?:[{_L}0-9.][:{_L}0-9._]*)?"), "ss"),
        Rule(rx(r"(?:<=|>=|<>|::)|[?:$%&|@._#*^\-+~,!><=]:?"), "o"),
        Rule(rx(r"[{}\[\]();]"), "p"),
        Rule(rx(r"\\.*\n"), ""),
    ],
    "string": [
        Rule(rx(r'\\"'), "s"),
        Rule(rx(r'"'), "s", "#pop"),
        Rule(rx(r"\\(?:[\\nr]|[01][0-7]{2})"), "se"),
        Rule(rx(r'[^\\"\n]+'), "s"),
        Rule(rx(r"\\"), "s"),
    ],
    "bottom": [Rule(rx(r".+\Z", re.S), "cm")],
})

"""PostScript as Rouge 3.30's PostScript lexer tokenises it: every word must be followed by a
delimiter (a bracket, ``/``, ``%`` or a blank), so a word at the very end of the text, with no
line break after it, is an error character by character, as in Rouge.  Rouge's rule for runs
of ``%`` comment lines can never match (its second line would have to start where the first
one's line break still is) and is left out."""

from __future__ import annotations

from ..regex_lexer import RegexLexer, Rule, rx

_DELIMITERS = r"()<>\[\]{}/%\s"
_ENDS = f"(?=[{_DELIMITERS}])"
_NAME = f"[^{_DELIMITERS}]+{_ENDS}"
_OPERATORS = """abs add aload arc arcn array atan begin bind ceiling charpath clip closepath
concat concatmatrix copy cos currentlinewidth currentmatrix currentpoint curveto cvi cvs def
defaultmatrix dict dictstackoverflow div dtransform dup end exch exec exit exp fill findfont
floor get getinterval grestore gsave identmatrix idiv idtransform index invertmatrix
itransform length lineto ln load log loop matrix mod moveto mul neg newpath pathforall
pathbbox pop print pstack put quit rand rangecheck rcurveto repeat restore rlineto rmoveto
roll rotate round run save scale scalefont setdash setfont setgray setlinecap setlinejoin
setlinewidth setmatrix setrgbcolor shfill show showpage sin sqrt stack stringwidth stroke
strokepath sub syntaxerror transform translate truncate typecheck undefined
undefinedfilename undefinedresult""".split()
_NUMBER = r"(?:\-|\+)?(?:[0-9]+\.?|[0-9]*\.[0-9]+|[0-9]+\.[0-9]*)(?:(?:e|E)[0-9]+)?"

LEXER = RegexLexer({
    "root": [
        Rule(rx(r"^%!.+?$"), "cp"),
        Rule(rx(r"%%.*?$"), "cs"),
        Rule(rx(r"%.*?$"), "c1"),
        Rule(rx(r"\("), "s", "stringliteral"),
        Rule(rx(f"/{_NAME}"), "nv"),
        Rule(rx(r"[{}<>\[\]]"), "p"),
        Rule(rx(f"(?:{'|'.join(_OPERATORS)}){_ENDS}"), "nb"),
        Rule(rx(f"(?:eq|ne|g[et]|l[et]|and|or|not|if(?:else)?|for(?:all)?){_ENDS}"), "kr"),
        Rule(rx(f"(?:false|true){_ENDS}"), "kc"),
        Rule(rx(f"<[0-9A-Fa-f]+>{_ENDS}"), "mh"),
        Rule(rx(rf"[0-9]+\#{_NUMBER}{_ENDS}"), "mo"),
        Rule(rx(f"{_NUMBER}{_ENDS}"), "mf"),
        Rule(rx(rf"(?:\-|\+)?[0-9]+{_ENDS}"), "mi"),
        Rule(rx(_NAME), "nf"),
        Rule(rx(r"\s+"), ""),
    ],
    "stringliteral": [
        Rule(rx(r"[^()\\]+"), "s"),
        Rule(rx(r"\\"), "se", "escape"),
        Rule(rx(r"\("), "s", "stringliteral"),
        Rule(rx(r"\)"), "s", "#pop"),
    ],
    "escape": [Rule(rx(r"[0-8]{3}|n|r|t|b|f|\\|\(|\)"), "se", "#pop")],
})

"""Scheme as Rouge 3.30's Scheme lexer tokenises it: the name after an opening bracket is a
keyword, a builtin or a function.  Rouge's case-insensitive classes also take U+017F and
U+212A (Ruby folds them into ``s`` and ``k``), spelled out here."""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, RegexLexer, Rule, rx

_KEYWORDS = frozenset("""lambda define if else cond and or case let let* letrec begin do delay
set! => quote quasiquote unquote unquote-splicing define-syntax let-syntax letrec-syntax
syntax-rules""".split())
_BUILTINS = frozenset("""
* + - / < <= = > >= abs acos angle append apply asin assoc assq assv atan boolean? caaaar
caaadr caaar caadar caaddr caadr caar cadaar cadadr cadar caddar cadddr caddr cadr
call-with-current-continuation call-with-input-file call-with-output-file call-with-values
call/cc car cdaaar cdaadr cdaar cdadar cdaddr cdadr cdar cddaar cddadr cddar cdddar cddddr
cdddr cddr cdr ceiling char->integer char-alphabetic? char-ci<=? char-ci<? char-ci=?
char-ci>=? char-ci>? char-downcase char-lower-case? char-numeric? char-ready? char-upcase
char-upper-case? char-whitespace? char<=? char<? char=? char>=? char>? char?
close-input-port close-output-port complex? cons cos current-input-port current-output-port
denominator display dynamic-wind eof-object? eq? equal? eqv? eval even? exact->inexact exact?
exp expt floor for-each force gcd imag-part inexact->exact inexact? input-port? integer->char
integer? interaction-environment lcm length list list->string list->vector list-ref list-tail
list? load log magnitude make-polar make-rectangular make-string make-vector map max member
memq memv min modulo negative? newline not null-environment null? number->string number?
numerator odd? open-input-file open-output-file output-port? pair? peek-char port? positive?
procedure? quotient rational? rationalize read read-char real-part real? remainder reverse
round scheme-report-environment set-car! set-cdr! sin sqrt string string->list string->number
string->symbol string-append string-ci<=? string-ci<? string-ci=? string-ci>=? string-ci>?
string-copy string-fill! string-length string-ref string-set! string<=? string<? string=?
string>=? string>? string? substring symbol->string symbol? tan transcript-off transcript-on
truncate values vector vector->list vector-fill! vector-length vector-ref vector-set! vector?
with-input-from-file with-output-to-file write write-char zero?""".split())
_FOLDED = "\u017f\u212a"
_ID = rf"[a-zA-Z{_FOLDED}0-9!$%&*+,/:<=>?@^_~|-]+"


def _command(run: LexRun, m: re.Match[str]) -> None:
    word = m.group()
    run.token("k" if word in _KEYWORDS else "nb" if word in _BUILTINS else "nf", word)
    run.pop()


LEXER = RegexLexer({
    "root": [
        Rule(rx(r";.*$"), "c1"),
        Rule(rx(r"\s+"), ""),
        Rule(rx(r"-?\d+\.\d+"), "mf"),
        Rule(rx(r"-?\d+"), "mi"),
        Rule(rx(r"[+-]inf[.][f0]"), "m"),
        Rule(rx(r"#b[01]+"), "mb"),
        Rule(rx(r"#o[0-7]+"), "mo"),
        Rule(rx(r"#d[0-9]+"), "mi"),
        Rule(rx(r"#x[0-9a-f]+", re.I), "mh"),
        Rule(rx(r"#[ei][\d.]+"), "mx"),
        Rule(rx(r'"(\\\\|\\"|[^"])*"'), "s"),
        Rule(rx(rf"'{_ID}"), "ss"),
        Rule(rx(rf"#\\([()/'\"._!$%& ?=+-]{{1}}|[a-zA-Z{_FOLDED}0-9]+)"), "sc"),
        Rule(rx(r"#t|#f"), "no"),
        Rule(rx(r"(?:'|#|`|,@|,|\.)"), "o"),
        Rule(rx(r"(['#])(\s*)(\()"), ("ss", "", "p")),
        Rule(rx(r"\(|\["), "p", "command"),
        Rule(rx(r"\)|\]"), "p"),
        Rule(rx(_ID), "nv"),
    ],
    "command": [
        Rule(rx(_ID), action=_command),
        Rule(rx(r""), None, "#pop"),
    ],
})

"""Clojure as Rouge 3.30's Clojure lexer tokenises it: a form's head is a function name
unless it is a special form (keyword) or a core function (builtin)."""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, RegexLexer, Rule, rx

_KEYWORDS = frozenset("fn def defn defmacro defmethod defmulti defn- defstruct if cond let "
                      "for".split())
# (Rouge's list ends in "zipper'", quote included: kept)
_BUILTINS = frozenset("""
. .. * + - -> / < <= = == > >= accessor agent agent-errors aget alength all-ns alter and
append-child apply array-map aset aset-boolean aset-byte aset-char aset-double aset-float
aset-int aset-long aset-short assert assoc await await-for bean binding bit-and bit-not bit-or
bit-shift-left bit-shift-right bit-xor boolean branch? butlast byte cast char children class
clear-agent-errors comment commute comp comparator complement concat conj cons constantly
construct-proxy contains? count create-ns create-struct cycle dec deref difference disj
dissoc distinct doall doc dorun doseq dosync dotimes doto double down drop drop-while edit
end? ensure eval every? false? ffirst file-seq filter find find-doc find-ns find-var first
float flush fnseq frest gensym get-proxy-class get hash-map hash-set identical? identity
if-let import in-ns inc index insert-child insert-left insert-right inspect-table inspect-tree
instance? int interleave intersection into into-array iterate join key keys keyword keyword?
last lazy-cat lazy-cons left lefts line-seq list* list load load-file locking long loop
macroexpand macroexpand-1 make-array make-node map map-invert map? mapcat max max-key memfn
merge merge-with meta min min-key name namespace neg? new newline next nil? node not not-any?
not-every? not= ns-imports ns-interns ns-map ns-name ns-publics ns-refers ns-resolve ns-unmap
nth nthrest or parse partial path peek pop pos? pr pr-str print print-str println println-str
prn prn-str project proxy proxy-mappings quot rand rand-int range re-find re-groups re-matcher
re-matches re-pattern re-seq read read-line reduce ref ref-set refer rem remove remove-method
remove-ns rename rename-keys repeat replace replicate resolve rest resultset-seq reverse rfirst
right rights root rrest rseq second select select-keys send send-off seq seq-zip seq? set
short slurp some sort sort-by sorted-map sorted-map-by sorted-set special-symbol? split-at
split-with str string? struct struct-map subs subvec symbol symbol? sync take take-nth
take-while test time to-array to-array-2d tree-seq true? union up update-proxy val vals
var-get var-set var? vector vector-zip vector? when when-first when-let when-not
with-local-vars with-meta with-open with-out-str xml-seq xml-zip zero? zipmap zipper'
""".split())
_IDENTIFIER = r"[\w!$%*+,<=>?/.-]+"
_KEYWORD = r"[\w!#$%*+,<=>?/.-]+"


def _name_token(name: str) -> str | None:
    if name in _KEYWORDS:
        return "k"
    if name in _BUILTINS:
        return "nb"
    return None


def _head(run: LexRun, m: re.Match[str]) -> None:
    run.token("p", m.group(1))
    run.token("w", m.group(2))
    run.token(_name_token(m.group(3)) or "nf", m.group(3))


def _name(run: LexRun, m: re.Match[str]) -> None:
    run.token(_name_token(m.group()) or "n", m.group())


LEXER = RegexLexer({
    "root": [
        Rule(rx(r";.*?$"), "c1"),
        Rule(rx(r"\s+"), "w"),
        Rule(rx(r"-?\d+\.\d+"), "mf"),
        Rule(rx(r"-?\d+"), "mi"),
        Rule(rx(r"0x-?[0-9a-fA-F]+"), "mh"),
        Rule(rx(r'"(\\.|[^"])*"'), "s"),
        Rule(rx(rf"'{_KEYWORD}"), "ss"),
        Rule(rx(rf"::?{_KEYWORD}"), "no"),
        # Rouge: \\(.|[a-z]+) case-insensitively; the dot always wins but at a line end
        Rule(rx(r"\\(.|[a-zA-Z\u017f\u212a]+)"), "sc"),
        Rule(rx(r"~@|[`'#^~&@]"), "o"),
        Rule(rx(rf"(\()(\s*)({_IDENTIFIER})"), action=_head),
        Rule(rx(_IDENTIFIER), action=_name),
        Rule(rx(r"[\[\]]"), "p"),
        Rule(rx(r"[{}]"), "p"),
        Rule(rx(r"[()]"), "p"),
    ],
})

"""PromQL (Prometheus queries) as Rouge 3.30's Prometheus lexer tokenises it: metric names,
``{label="value"}`` filters, ``by``/``without``/``on``/``ignoring`` label lists, durations,
aggregations and functions.  Rouge's ``and|or|unless`` operator has no word boundary, so a
name starting with one of them (``order``) is split after it; kept."""

from __future__ import annotations

import re

from .. import unicode_props as P
from ..regex_lexer import LexRun, Mixin, RegexLexer, Rule, rx

_FUNCTIONS = frozenset("""abs absent ceil changes clamp_max clamp_min count_scalar day_of_month
day_of_week days_in_month delta deriv drop_common_labels exp floor histogram_quantile
holt_winters hour idelta increase irate label_replace ln log2 log10 month predict_linear rate
resets round scalar sort sort_desc sqrt time vector year avg_over_time min_over_time
max_over_time sum_over_time count_over_time quantile_over_time stddev_over_time
stdvar_over_time""".split())
_END = f"(?![{P.BOUNDARY_WORD}])"  # Ruby's \b after a word character


def _name(run: LexRun, m: re.Match[str]) -> None:
    run.token("nb" if m.group() in _FUNCTIONS else "n", m.group())


def _quoted(css: str, quote: str) -> list[Rule]:
    return [
        Rule(rx(f"\\\\[\\\\abfnrtv{quote}]"), "se"),
        Rule(rx(f"[^\\\\{quote}]+"), css),
        Rule(rx(quote), css, "#pop"),
    ]


LEXER = RegexLexer({
    "root": [
        Mixin("strings"),
        Mixin("whitespace"),
        Rule(rx(r"-?\d+\.\d+"), "mf"),
        Rule(rx(r"-?\d+[smhdwy]?"), "mi"),
        Mixin("operators"),
        Rule(rx(r"(ignoring|on)(\()"), ("kp", "p"), "label_list"),
        Rule(rx(r"(group_left|group_right)(\()"), ("kt", "p")),
        Rule(rx(f"(?:bool|offset){_END}"), "k"),
        Rule(rx(f"(?:without|by){_END}"), "k", "label_list"),
        Rule(rx(r"[\w:]+"), action=_name),
        Mixin("metrics"),
    ],
    "metrics": [
        Rule(rx(r"[a-zA-Z0-9_-]+"), "n"),
        Rule(rx(r"[()\]:.,]"), "p"),
        Rule(rx(r"\{"), "p", "filters"),
        Rule(rx(r"\["), "p"),
    ],
    "strings": [
        Rule(rx(r'"'), "s2", "double_string_escaped"),
        Rule(rx(r"'"), "s1", "single_string_escaped"),
        Rule(rx(r"`.*`"), "sb"),
    ],
    "double_string_escaped": _quoted("s2", '"'),
    "single_string_escaped": _quoted("s1", "'"),
    "filters": [
        Mixin("inline_whitespace"),
        Rule(rx(r","), "p"),
        Mixin("labels"),
        Mixin("filter_matching_operators"),
        Mixin("strings"),
        Rule(rx(r"\}"), "p", "#pop"),
    ],
    "label_list": [
        Rule(rx(r"\("), "p"),
        Rule(rx(r"[a-zA-Z0-9_:-]+"), "na"),
        Rule(rx(r","), "p"),
        Mixin("whitespace"),
        Rule(rx(r"\)"), "p", "#pop"),
    ],
    "labels": [Rule(rx(r"[a-zA-Z0-9_:-]+"), "na")],
    "operators": [
        Rule(rx(r"[+\-*/%^]"), "o"),
        Rule(rx(r"=|==|!=|<|>|<=|>="), "o"),
        Rule(rx(r"and|or|unless"), "o"),
        Rule(rx(f"(?:sum|min|max|avg|stddev|stdvar|count|count_values|bottomk|topk){_END}"),
             "nf"),
    ],
    "filter_matching_operators": [Rule(rx(r"!(?:=|~)|=~?"), "o")],
    "inline_whitespace": [Rule(rx(r"[ \t\r]+"), "")],
    "whitespace": [
        Mixin("inline_whitespace"),
        Rule(rx(r"\n\s*"), ""),
        Rule(rx(r"#.*?$"), "c"),
    ],
})

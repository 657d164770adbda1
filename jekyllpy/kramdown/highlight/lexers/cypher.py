"""Cypher (Neo4j) as Rouge 3.30's Cypher lexer tokenises it: words are classed in upper case
by Rouge's lists (functions before ``(``, predicates, keywords; checked equal to Rouge's),
``:Label``s, ``key: value`` pairs, properties, nested comments; Rouge gives brackets and
separators the symbol class."""

from __future__ import annotations

import re

from ..regex_lexer import LexRun, RegexLexer, Rule, rx

_FUNCTIONS = frozenset("""ABS ACOS ALLSHORTESTPATHS ASIN ATAN ATAN2 AVG CEIL COALESCE COLLECT
COS COT COUNT DATE DEGREES E ENDNODE EXP EXTRACT FILTER FLOOR HAVERSIN HEAD ID KEYS LABELS LAST
LEFT LENGTH LOG LOG10 LOWER LTRIM MAX MIN NODE NODES PERCENTILECONT PERCENTILEDISC PI RADIANS
RAND RANGE REDUCE REL RELATIONSHIP RELATIONSHIPS REPLACE REVERSE RIGHT ROUND RTRIM
SHORTESTPATH SIGN SIN SIZE SPLIT SQRT STARTNODE STDEV STDEVP STR SUBSTRING SUM TAIL TAN
TIMESTAMP TOFLOAT TOINT TOINTEGER TOSTRING TRIM TYPE UPPER""".split())
_PREDICATES = frozenset("ALL AND ANY CONTAINS EXISTS HAS IN NONE NOT OR SINGLE XOR".split())
_KEYWORDS = frozenset("""AS ASC ASCENDING ASSERT BY CASE COMMIT CONSTRAINT CREATE CSV CYPHER
DELETE DESC DESCENDING DETACH DISTINCT DROP ELSE END ENDS EXPLAIN FALSE FIELDTERMINATOR FOREACH
FROM HEADERS IN INDEX IS JOIN LIMIT LOAD MATCH MERGE NULL ON OPTIONAL ORDER PERIODIC PROFILE
REMOVE RETURN SCAN SET SKIP START STARTS THEN TRUE UNION UNIQUE UNWIND USING WHEN WHERE WITH
CALL YIELD""".split())


def _call(run: LexRun, m: re.Match[str]) -> None:
    name = m.group(1).upper()
    run.token("nf" if name in _FUNCTIONS else "k" if name in _KEYWORDS else "n", m.group(1))
    run.token("w", m.group(2))
    run.token("ss", m.group(3))


def _word(run: LexRun, m: re.Match[str]) -> None:
    word = m.group().upper()
    run.token("ow" if word in _PREDICATES else "k" if word in _KEYWORDS else "n", m.group())


LEXER = RegexLexer({
    "root": [
        Rule(rx(r"[\s]+"), ""),
        Rule(rx(r"//.*?$"), "c1"),
        Rule(rx(r"/\*"), "cm", "multiline_comments"),
        Rule(rx(r"[*+\-<>=&|~%^]"), "o"),
        Rule(rx(r"[{}),;\[\]]"), "ss"),
        Rule(rx(r"(\w+)(:)(\s*)(-?[._\d]+)"), ("nl", "dl", "w", "m")),
        Rule(rx(r"(\w+)(\s*)(\()"), action=_call),
        Rule(rx(r":\w+"), "nc"),
        Rule(rx(r"(-?\d+)(\.\.)(-?\d+)"), ("m", "o", "m")),
        Rule(rx(r"(?:\d+\.\d*|\d*\.\d+)(?:[eE][+-]?\d+)?"), "mf"),
        Rule(rx(r"\d+[eE][+-]?\d+"), "mf"),
        Rule(rx(r"0[0-7]+"), "mo"),
        Rule(rx(r"0[xX][a-fA-F0-9]+"), "mh"),
        Rule(rx(r"\d+"), "mi"),
        Rule(rx(r"[.\w]+:"), "py"),
        Rule(rx(r"\("), "ss"),
        Rule(rx(r"[.\w$]+"), action=_word),
        Rule(rx(r'"(?:\\\\|\\"|[^"])*"'), "s2"),
        Rule(rx(r"'(?:\\\\|\\'|[^'])*'"), "s1"),
        Rule(rx(r"`(?:\\\\|\\`|[^`])*`"), "sb"),
    ],
    "multiline_comments": [
        Rule(rx(r"/[*]"), "cm", "multiline_comments"),
        Rule(rx(r"[*]/"), "cm", "#pop"),
        Rule(rx(r"[^/*]+"), "cm"),
        Rule(rx(r"[/*]"), "cm"),
    ],
})

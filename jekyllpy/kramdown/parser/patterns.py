"""Regular expressions shared by the parser rules, written once and imported by name.

They follow kramdown 2.4's grammar (lib/kramdown/parser/kramdown/*.rb), translated to Python's
``re`` with these conventions, which keep Ruby's matching semantics:

* every pattern is compiled with ``re.M | re.A``: ``^`` matches at line starts, and ``\\w``,
  ``\\s`` and ``\\d`` are ASCII-only, as in Ruby; ``\\b`` is not (see :func:`rx`);
* Ruby's POSIX classes ``[[:alpha:]]``/``[[:alnum:]]`` and ``\\p{Word}`` are Unicode-aware
  and include marks Python leaves out; they are explicit classes generated from Ruby
  (:mod:`.unicode_classes`; :data:`ALPHA`, :data:`ALNUM`, :data:`WORD_U`);
* Ruby's ``\\Z`` (end, or before a final newline) is :data:`END_Z`; Ruby's ``\\z`` is ``\\Z``;
* Ruby's lazy ``.*?\\n`` is written ``.*\\n`` where ``.`` stops at newlines (no ``re.S``):
  both can only end at the first newline, and the greedy form is found several times faster.
"""

from __future__ import annotations

import re
from typing import Any

from .. import regex_cache
from . import unicode_classes as U

FLAGS = re.M | re.A
_WORD_BOUNDARY = re.compile(r"(?<!\\)((?:\\\\)*)\\([bB])")


def rx(pattern: str, flags: int = 0, *, persist: bool = True) -> re.Pattern[str]:
    """Compile with the module's Ruby-compatible flags.

    Ruby's ``\\w`` is ASCII-only but its ``\\b``/``\\B`` see Unicode letters as word
    characters, so word boundaries are rewritten as Unicode-scoped groups.  Programs are
    kept between runs (:mod:`..regex_cache`); ``persist=False`` for patterns made from a
    document's text.
    """
    if "\\b" in pattern or "\\B" in pattern:
        pattern = _WORD_BOUNDARY.sub(r"\1(?u:\\\2)", pattern)
    return regex_cache.compile(pattern, FLAGS | flags, persist=persist)


# -- character classes Ruby treats as Unicode ----------------------------------------------
ALPHA = f"[{U.ALPHA}]"             # [[:alpha:]]
ALNUM = f"[{U.ALNUM}]"             # [[:alnum:]]
ALPHA_ = f"[{U.ALPHA}_]"           # [[:alpha:]_]
NAME_CHAR = f"[{U.ALNUM}._\\-]"    # [-[:alnum:]._]
WORD_U = f"[{U.WORD}]"             # \p{Word}
END_Z = r"(?=\n?\Z)"              # Ruby's \Z

# An XML name as REXML's UNAME_STR defines it (optional prefix, then a name).
UNAME = rf"(?:{ALPHA_}{NAME_CHAR}*:)?{ALPHA_}{NAME_CHAR}*"

OPT_SPACE = r" {0,3}"
INDENT_SRC = r"^(?:\t| {4})"
INDENT = rx(INDENT_SRC)

# -- block boundaries --------------------------------------------------------------------
BLANK_LINE_SRC = r"(?>^\s*\n)+"
BLANK_LINE = rx(BLANK_LINE_SRC)
EOB_MARKER_SRC = r"^\^\s*?\n"
EOB_MARKER = rx(EOB_MARKER_SRC)

ALD_ID_CHARS = r"[\w-]"
ALD_ANY_CHARS = r"(?:\\\}|[^\}])"
ALD_ID_NAME = rf"\w{ALD_ID_CHARS}*"
IAL_BLOCK_SRC = rf"\{{:(?!:|/)({ALD_ANY_CHARS}+)\}}\s*?\n"
IAL_BLOCK_START_SRC = rf"^{OPT_SPACE}{IAL_BLOCK_SRC}"
IAL_BLOCK_START = rx(IAL_BLOCK_START_SRC)

BLOCK_BOUNDARY = rx(rf"{BLANK_LINE_SRC}|{EOB_MARKER_SRC}|{IAL_BLOCK_START_SRC}|{END_Z}")

# -- HTML element classes (lib/kramdown/parser/html.rb constants) ---------------------------
HTML_CONTENT_MODEL_BLOCK = frozenset(
    "address applet article aside blockquote body dd details div dl fieldset figure figcaption "
    "footer form header hgroup iframe li main map menu nav noscript object section summary td"
    .split())
HTML_CONTENT_MODEL_SPAN = frozenset(
    "a abbr acronym b bdo big button cite caption del dfn dt em h1 h2 h3 h4 h5 h6 i ins label "
    "legend optgroup p q rb rbc rp rt rtc ruby select small span strong sub sup th tt".split())
HTML_CONTENT_MODEL_RAW = frozenset(
    "script style math option textarea pre code kbd samp var".split())
HTML_SPAN_ELEMENTS_LIST = (
    "a abbr acronym b big bdo br button cite code del dfn em i img input ins kbd label mark "
    "option q rb rbc rp rt rtc ruby samp select small span strong sub sup tt u var".split())
HTML_SPAN_ELEMENTS = frozenset(HTML_SPAN_ELEMENTS_LIST)
HTML_BLOCK_ELEMENTS = frozenset(
    "address article aside applet body blockquote caption col colgroup dd div dl dt fieldset "
    "figcaption footer form h1 h2 h3 h4 h5 h6 header hgroup hr html head iframe legend menu li "
    "main map nav ol optgroup p pre section summary table tbody td th thead tfoot tr ul".split())
HTML_ELEMENTS_WITHOUT_BODY = frozenset(
    "area base br col command embed hr img input keygen link meta param source track wbr".split())
HTML_ELEMENT = (HTML_SPAN_ELEMENTS | HTML_BLOCK_ELEMENTS | HTML_ELEMENTS_WITHOUT_BODY
                | HTML_CONTENT_MODEL_BLOCK | HTML_CONTENT_MODEL_SPAN | HTML_CONTENT_MODEL_RAW)


def html_content_model(name: str) -> str:
    """How kramdown parses the body of an HTML element: "block", "span" or "raw"."""
    if name in HTML_CONTENT_MODEL_BLOCK:
        return "block"
    if name in HTML_CONTENT_MODEL_SPAN:
        return "span"
    return "raw"


HTML_COMMENT = rx(r"<!--(.*?)-->", re.S)
HTML_INSTRUCTION = rx(r"<\?(.*?)\?>", re.S)
HTML_DOCTYPE = rx(r"<!DOCTYPE.*?>", re.S | re.I)
HTML_ATTRIBUTE = rx(rf"\s*({UNAME})(?:\s*=\s*(?:({WORD_U}+)|(\"|')(.*?)\3))?", re.S)
HTML_TAG_SRC = (rf"<((?>{UNAME}))\s*((?>\s+{UNAME}(?:\s*=\s*(?:{WORD_U}+|(\"|').*?\3))?)*)"
                rf"\s*(/)?>")
HTML_TAG = rx(HTML_TAG_SRC, re.S)
HTML_TAG_CLOSE_SRC = rf"</({UNAME})\s*>"
HTML_TAG_CLOSE = rx(HTML_TAG_CLOSE_SRC, re.S)
HTML_ENTITY_SRC = r"&([\w:][\-\w\.:]*);|&#(\d+);|&\#x([0-9a-fA-F]+);"
HTML_ENTITY = rx(HTML_ENTITY_SRC)
HTML_RAW_START = rx(rf"(?=<({UNAME}|/|!--|\?))")

_LAZY_SPAN = "|".join(HTML_SPAN_ELEMENTS_LIST + ["script"])
LAZY_END_HTML_START_SRC = rf"<(?>(?!(?:{_LAZY_SPAN})\b){UNAME})"
LAZY_END_HTML_STOP_SRC = rf"</(?!(?:{_LAZY_SPAN})\b){UNAME}\s*>"

LAZY_END_SRC = (rf"{BLANK_LINE_SRC}|{IAL_BLOCK_START_SRC}|{EOB_MARKER_SRC}"
                rf"|^{OPT_SPACE}{LAZY_END_HTML_STOP_SRC}|^{OPT_SPACE}{LAZY_END_HTML_START_SRC}"
                rf"|{END_Z}")
LAZY_END = rx(LAZY_END_SRC)

# -- paragraphs, headers, quotes, rules ----------------------------------------------------
PARAGRAPH_START = rx(rf"^{OPT_SPACE}[^ \t].*\n")
PARAGRAPH_MATCH = rx(r"^.*\n")

PATTERN_TAIL = r"[\t| ].*\n"
LIST_START_UL_SRC = rf"^({OPT_SPACE}[+*-])({PATTERN_TAIL})"
LIST_START_OL_SRC = rf"^({OPT_SPACE}\d+\.)({PATTERN_TAIL})"
LIST_START_UL = rx(LIST_START_UL_SRC)
LIST_START_OL = rx(LIST_START_OL_SRC)
LIST_START_SRC = rf"{LIST_START_UL_SRC}|{LIST_START_OL_SRC}"
LIST_START = rx(LIST_START_SRC)
DEFINITION_LIST_START_SRC = rf"^({OPT_SPACE}:)({PATTERN_TAIL})"
DEFINITION_LIST_START = rx(DEFINITION_LIST_START_SRC)

PARAGRAPH_END = rx(rf"{LAZY_END_SRC}|{DEFINITION_LIST_START_SRC}")

# The lookahead only says early what the rest requires (an underline on the next line, or,
# since [^ \t] takes a newline too, on the line after an empty one): most lines fail fast.
SETEXT_HEADER_START = rx(rf"^(?=.*\n[-=]|{OPT_SPACE}\n.*\n[-=]){OPT_SPACE}(?P<contents>[^ \t].*)\n"
                         r"(?P<level>[-=])[-=]*[ \t\r\f\v]*\n")
ATX_HEADER_START = rx(r"^(?P<level>\#{1,6})[\t ]*(?P<contents>[^ \t].*)\n")
_XML_NAME_START = (":A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF"
                   "\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF"
                   "\uFDF0-\uFFFD\U00010000-\U000EFFFF")
_XML_NAME_CHAR = _XML_NAME_START + r"\-.0-9\u00B7\u0300-\u036F\u203F-\u2040"
HEADER_ID = rx(rf"[\t ]\{{#(?P<id>[{_XML_NAME_START}][{_XML_NAME_CHAR}]*)\}}\Z")

BLOCKQUOTE_START_SRC = rf"^{OPT_SPACE}> ?"
BLOCKQUOTE_START = rx(BLOCKQUOTE_START_SRC)

HR_START = rx(rf"^{OPT_SPACE}(\*|-|_)[ \t]*\1[ \t]*\1(\1|[ \t])*\n")

# -- code blocks ---------------------------------------------------------------------------
CODEBLOCK_MATCH_SRC = (
    rf"(?:(?:{BLANK_LINE_SRC})?(?:{INDENT_SRC}[ \t]*\S.*\n)+"
    rf"(?:(?!{IAL_BLOCK_START_SRC}|{EOB_MARKER_SRC}|^{OPT_SPACE}{LAZY_END_HTML_STOP_SRC}"
    rf"|^{OPT_SPACE}{LAZY_END_HTML_START_SRC})^[ \t]*\S.*\n)*)*")
CODEBLOCK_MATCH = rx(CODEBLOCK_MATCH_SRC)
FENCED_CODEBLOCK_START = rx(r"^~{3,}")
FENCED_CODEBLOCK_MATCH = rx(r"^((~){3,})\s*?((\S+?)(?:\?\S*)?)?\s*?\n(.*?)^\1\2*\s*?\n", re.S)

# -- math ----------------------------------------------------------------------------------
BLOCK_MATH_START = rx(rf"^{OPT_SPACE}(\\)?\$\$(.*?)\$\$(\s*?\n)?", re.S)
INLINE_MATH_START = rx(r"\$\$(.*?)\$\$", re.S)

# -- tables --------------------------------------------------------------------------------
TABLE_SEP_LINE = rx(r"^([+|: \t-]*?-[+|: \t-]*?)[ \t]*\n")
TABLE_HSEP_ALIGN = rx(r"[ \t]?(:?)-+(:?)[ \t]?")
TABLE_FSEP_LINE = rx(r"^[+|: \t=]*?=[+|: \t=]*?[ \t]*\n")
TABLE_ROW_LINE = rx(r"^(.*?)[ \t]*\n")
TABLE_PIPE_CHECK_SRC = r"(?=[^\n]*\|)(?:\||.*?[^\\\n]\|)"  # the lookahead: no pipe, no scan
TABLE_PIPE_CHECK_AT_START = rx(rf"^{TABLE_PIPE_CHECK_SRC}")
TABLE_LINE = rx(rf"{TABLE_PIPE_CHECK_SRC}.*\n")
TABLE_START = rx(rf"^{OPT_SPACE}(?=\S){TABLE_PIPE_CHECK_SRC}.*\n")

# -- references ----------------------------------------------------------------------------
LINK_DEFINITION_START = rx(
    rf"^{OPT_SPACE}\[([^\n\]]+)\]:[ \t]*(?:<(.*?)>|([^\n]*?\S[^\n]*?))"
    r"(?:(?:[ \t]*?\n|[ \t]+?)[ \t]*?([\"'])(.+?)\4)?[ \t]*?\n")
FOOTNOTE_DEFINITION_START = rx(
    rf"^{OPT_SPACE}\[\^({ALD_ID_NAME})\]:\s*?(.*?\n{CODEBLOCK_MATCH_SRC})")
ABBREV_DEFINITION_START = rx(rf"^{OPT_SPACE}\*\[(.+?)\]:(.*?)\n")

# -- attribute lists and extensions --------------------------------------------------------
ALD_CLASS_NAME = r"[^\s\.#]+"
ALD_TYPE_KEY_VALUE_PAIR = rf"({ALD_ID_NAME})=(\"|')((?:\\\}}|\\\2|[^\}}\2])*?)\2"
ALD_TYPE_CLASS_NAME = rf"\.({ALD_CLASS_NAME})"
ALD_TYPE_ID_NAME = r"#([A-Za-z][\w:-]*)"
ALD_TYPE_ID_OR_CLASS = rx(rf"{ALD_TYPE_ID_NAME}|{ALD_TYPE_CLASS_NAME}")
ALD_TYPE_ID_OR_CLASS_MULTI = rf"((?:{ALD_TYPE_ID_NAME}|{ALD_TYPE_CLASS_NAME})+)"
ALD_TYPE_REF = rf"({ALD_ID_NAME})"
ALD_TYPE_ANY = rx(rf"(?:\A|\s)(?:{ALD_TYPE_KEY_VALUE_PAIR}|{ALD_TYPE_REF}|{ALD_TYPE_ID_OR_CLASS_MULTI})"
                  rf"(?=\s|{END_Z})")
ALD_START = rx(rf"^{OPT_SPACE}\{{:({ALD_ID_NAME}):({ALD_ANY_CHARS}+)\}}\s*?\n")

EXT_STOP_STR = r"\{:/(%s)?\}"
EXT_START_STR = rf"\{{::(\w+)(?:\s({ALD_ANY_CHARS}*?)|)(\/)?\}}"
EXT_BLOCK_START = rx(rf"^{OPT_SPACE}(?:{EXT_START_STR}|{EXT_STOP_STR % ALD_ID_NAME})\s*?\n")
# kramdown writes "\s" inside a Ruby double-quoted string here, which is a plain space.
EXT_BLOCK_STOP_STR = rf"^{OPT_SPACE}{EXT_STOP_STR} *?\n"
BLOCK_EXTENSIONS_START = rx(rf"^{OPT_SPACE}\{{:")
EXT_SPAN_START = rx(rf"{EXT_START_STR}|{EXT_STOP_STR % ALD_ID_NAME}")
IAL_SPAN_START = rx(rf"\{{:({ALD_ANY_CHARS}+)\}}")
SPAN_EXTENSIONS_START = rx(r"\{:")

LIST_ITEM_IAL = rx(rf"^\s*(?:\{{:(?!(?:{ALD_ID_NAME})?:|/)({ALD_ANY_CHARS}+)\}})\s*")
LIST_ITEM_IAL_CHECK = rx(rf"^(?:^\s*(?:\{{:(?!(?:{ALD_ID_NAME})?:|/)({ALD_ANY_CHARS}+)\}})\s*)?\s*\n")

# -- span level ----------------------------------------------------------------------------
EMPHASIS_START = rx(r"(?:\*\*?|__?)")
CODESPAN_DELIMITER = rx(r"`+")
AUTOLINK_CHARS = f"[{U.ALNUM}_.\\-]"   # [[:alnum:]]-_.
AUTOLINK_START = rx(rf"<((mailto|https?|ftps?):.+?|{AUTOLINK_CHARS}+?@{AUTOLINK_CHARS}+?)>")
ESCAPED_CHARS = rx(r"\\([\\.*_+`<>()\[\]{}#!:|\"'\$=-])")
LINE_BREAK = rx(r"(  |\\\\)(?=\n)")
TYPOGRAPHIC_SYMS = [("---", "mdash"), ("--", "ndash"), ("...", "hellip"),
                    ("\\<<", "&lt;&lt;"), ("\\>>", "&gt;&gt;"),
                    ("<< ", "laquo_space"), (" >>", "raquo_space"),
                    ("<<", "laquo"), (">>", "raquo")]
TYPOGRAPHIC_SYMS_RE = rx("|".join(re.escape(k) for k, _ in TYPOGRAPHIC_SYMS))
FOOTNOTE_MARKER_START = rx(rf"\[\^({ALD_ID_NAME})\]")
LINK_START = rx(r"!?\[(?=[^^])")
LINK_BRACKET_STOP = rx(r"(\])|!?\[")
LINK_PAREN_STOP = rx(r"(\()|(\))|\s(?=['\"])")
LINK_INLINE_ID = rx(r"\s*?\[([^\]]+)?\]")
LINK_INLINE_TITLE = rx(r"\s*?([\"'])(.+?)\1\s*?\)", re.S)
SMART_QUOTES_RE = rx(r"[^\\]?[\"']")
HTML_SPAN_START = rx(rf"<({UNAME}|!--|/)")
HTML_BLOCK_START = rx(rf"^{OPT_SPACE}<({UNAME}|!--|/)")
HTML_BLOCK_TAG = rx(rf"^{OPT_SPACE}{HTML_TAG_SRC}", re.S)
HTML_BLOCK_TAG_CLOSE = rx(rf"^{OPT_SPACE}{HTML_TAG_CLOSE_SRC}", re.S)
TRAILING_WHITESPACE = rx(r"[ \t]*\n")

# Smart quote rules, tried in order (lib/kramdown/parser/kramdown/smart_quotes.rb).
SQ_PUNCT = r"[!\"#\$\%'()*+,\-.\/:;<=>?\@\[\\\]\^_`{|}~]"
SQ_CLOSE = r"[^\ \\\t\r\n\[{(-]"
SQ_RULES = [
    (rx(r"(\"|')(?=[_*]{1,2}\S)"), ("lquote1",)),
    (rx(rf"(\"|')(?={SQ_PUNCT}(?!\.\.)\B)"), ("rquote1",)),
    (rx(r"(\s?)\"'(?=\w)"), (1, "ldquo", "lsquo")),
    (rx(r"(\s?)'\"(?=\w)"), (1, "lsquo", "ldquo")),
    (rx(r"(\s?)'(?=\d\ds)"), (1, "rsquo")),
    (rx(r"(\s)('|\")(?=\w)"), (1, "lquote2")),
    (rx(rf"({SQ_CLOSE})('|\")"), (1, "rquote2")),
    (rx(r"(\"|')(?=\s|s\b|$)"), ("rquote1",)),
    (rx(r"(.?)'", re.S), (1, "lsquo")),
    (rx(r"(.?)\"", re.S), (1, "ldquo")),
]


def _first_of(rules: list) -> tuple[re.Pattern[str], dict[int, Any]]:
    """One pattern trying ``(pattern, data)`` rules in order: each pattern in a group of
    its own, so ``lastindex`` names the rule that matched; its groups follow that group."""
    parts, by_group, group = [], {}, 1
    for pattern, data in rules:
        scoped = "s" if pattern.flags & re.S else ""
        parts.append(f"((?{scoped}:{pattern.pattern}))" if scoped else f"({pattern.pattern})")
        by_group[group] = data
        group += 1 + pattern.groups
    # The parts are already in Python's terms (word boundaries rewritten): no second rx pass.
    return regex_cache.compile("|".join(parts), FLAGS), by_group


#: SQ_RULES as one pattern, and each rule's substitutions by its group
SQ_FIRST, SQ_BY_GROUP = _first_of(SQ_RULES)

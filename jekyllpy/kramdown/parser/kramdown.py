"""The kramdown parser: the rule mixins put together in kramdown's rule order
(lib/kramdown/parser/kramdown.rb)."""

from __future__ import annotations

from .base import ParserBase, build_rule_table
from .blocks import BlockRules
from .extensions import ExtensionRules
from .html import HtmlRules
from .html_native import HtmlToNative
from .lists import ListRules
from .references import ReferenceRules
from .spans import SpanRules
from .table import TableRules


class KramdownParser(BlockRules, ListRules, TableRules, ExtensionRules, ReferenceRules,
                     HtmlRules, HtmlToNative, SpanRules, ParserBase):
    """Parses kramdown syntax into an element tree."""

    RULES = build_rule_table(
        BlockRules.RULES_BLOCKS, ListRules.RULES_LISTS, TableRules.RULES_TABLE,
        ExtensionRules.RULES_EXTENSIONS, ReferenceRules.RULES_REFERENCES,
        HtmlRules.RULES_HTML, SpanRules.RULES_SPANS)

    #: Block rules in the order they are tried at each line.
    BLOCK_RULES = ("blank_line", "codeblock", "codeblock_fenced", "blockquote", "atx_header",
                   "horizontal_rule", "list", "definition_list", "block_html", "setext_header",
                   "block_math", "table", "footnote_definition", "link_definition",
                   "abbrev_definition", "block_extensions", "eob_marker", "paragraph")
    #: Span rules in the order they are tried at each candidate position.
    SPAN_RULES = ("emphasis", "codespan", "autolink", "span_html", "footnote_marker", "link",
                  "smart_quotes", "inline_math", "span_extensions", "html_entity",
                  "typographic_syms", "line_break", "escaped_chars")

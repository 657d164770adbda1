"""Jekyll's ``smartify`` filter: its SmartyPants converter.

Jekyll runs kramdown with a parser of its own (``Kramdown::Parser::SmartyPants``): the
kramdown parser cut down to two block rules (HTML blocks, and "content", one line of text at
a time) and four span rules (smart quotes, HTML entities, typographic symbols, span HTML),
with the site's ``kramdown:`` settings as they are.  The HTML converter then writes the
text; the result loses its final newline.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..kramdown.converter.html import HtmlConverter
from ..kramdown.options import OPTIONS, defined_option_names, parse_option, resolve_options
from ..kramdown.parser import KramdownParser
from ..kramdown.parser.base import Rule

__all__ = ["smartify"]

_LINE = re.compile(r".*\n")


class SmartyPantsParser(KramdownParser):
    """Block HTML and plain lines; only typography and HTML inside them."""

    RULES = {**KramdownParser.RULES,
             "content": Rule("content", re.compile(""), None, "parse_content")}
    BLOCK_RULES = ("block_html", "content")
    SPAN_RULES = ("smart_quotes", "html_entity", "typographic_syms", "span_html")

    def parse_content(self) -> bool:
        self.add_text(self.src.scan(_LINE) or self.src.rest())
        if self.src.last is None:
            self.src.terminate()
        return True


def smartify(text: str, site_config: Mapping[str, Any]) -> str:
    """``Jekyll::Converters::SmartyPants#convert``."""
    kramdown = site_config.get("kramdown") or {}
    options = resolve_options({key: value for key, value in kramdown.items()
                               if str(key).lstrip(":") in OPTIONS
                               and str(key).lstrip(":") != "input"})
    parser = SmartyPantsParser(text, options)
    parser.option_parser = parse_option
    parser.known_options = defined_option_names("kramdown")
    parser.parse()
    html = HtmlConverter(parser.root, options, None).convert(parser.root)
    return html[:-1] if html.endswith("\n") else html

"""HTML inside Markdown: block-level and span-level tags, raw HTML bodies, and the
``markdown="..."`` attribute (kramdown's parser/html.rb ``Parser`` module and
parser/kramdown/html.rb).

An HTML element's body is parsed according to its *content model*: ``block`` (Markdown
blocks), ``span`` (Markdown spans) or ``raw`` (tags only, text kept as written).  The model
comes from the tag name, the ``parse_block_html``/``parse_span_html`` options and the
``markdown`` attribute, exactly as kramdown decides it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from ..element import Element
from . import patterns as P
from .base import MAX_NESTING, Rule, StopBlockParsing

_MARKDOWN_ATTR = {"0": "raw", "1": "default", "span": "span", "block": "block"}
_NEWLINES = P.rx(r"\n+")


@lru_cache(maxsize=None)
def _until_close_tag(name: str) -> re.Pattern[str]:
    return P.rx(rf"(?=</{re.escape(name)}\s*>)", re.S | re.I, persist=False)


@lru_cache(maxsize=None)
def _span_stop(name: str, ignore_case: bool) -> re.Pattern[str]:
    return P.rx(rf"</{re.escape(name)}\s*>", re.I if ignore_case else 0, persist=False)


@lru_cache(maxsize=512)
def _attribute_pairs(text: str, in_html_tag: bool) -> tuple[tuple[str, str], ...]:
    """The (name, value) pairs of a tag's attribute text, in order: the same few attribute
    texts come back again and again in a site, and the name pattern's Unicode classes make
    matching them slow."""
    pairs = []
    for m in P.HTML_ATTRIBUTE.finditer(text):
        attr, val, _sep, quoted = m.group(1, 2, 3, 4)
        pairs.append((attr.lower() if in_html_tag else attr,
                      val if val is not None else (quoted if quoted is not None else "")))
    return tuple(pairs)


class HtmlRules:
    """Mixin: HTML block and span rules plus raw HTML parsing."""

    RULES_HTML = {
        "block_html": Rule("block_html", P.HTML_BLOCK_START, None, "parse_block_html", "<"),
        "span_html": Rule("span_html", P.HTML_SPAN_START, "<", "parse_span_html", "<"),
    }

    # -- shared with kramdown's standalone HTML parser ------------------------------------------
    def handle_html_start_tag(self, line: int | None,
                              handler: Callable[[Element, bool, bool], None]) -> None:
        m = self.src.last
        name = m.group(1)
        if name.lower() in P.HTML_ELEMENT:
            name = name.lower()
        closed = m.group(4) is not None
        attrs = self.parse_html_attributes(m.group(2), line, name in P.HTML_ELEMENT)
        el = Element("html_element", name, attrs, {"category": "block"})
        if line:
            el.options["location"] = line
        self.tree.children.append(el)
        if not closed and name in P.HTML_ELEMENTS_WITHOUT_BODY:
            closed = True
        if name in ("script", "style"):
            self.handle_raw_html_tag(name)
            handler(el, False, False)
        else:
            handler(el, closed, True)

    def parse_html_attributes(self, text: str, line: int | None = None,
                              in_html_tag: bool = True) -> dict[str, str]:
        attrs: dict[str, str] = {}
        for attr, value in _attribute_pairs(text, in_html_tag):
            if attr in attrs:
                self.warning(f"Duplicate HTML attribute '{attr}' on line {line or '?'} "
                             "- overwriting previous one")
            attrs[attr] = value
        return attrs

    def handle_raw_html_tag(self, name: str) -> None:
        src = self.src
        start = src.pos
        if src.scan_until(_until_close_tag(name)) is not None:
            self.add_text(src.string[start:src.pos], self.tree.children[-1], "raw")
            src.scan(P.HTML_TAG_CLOSE)
        else:
            self.add_text(src.rest(), self.tree.children[-1], "raw")
            src.terminate()
            self.warning(f"Found no end tag for '{name}' - auto-closing it")

    def parse_raw_html(self, el: Element, handler: Callable[[Element, bool, bool], None]) -> None:
        if len(self.stack) > MAX_NESTING:
            self.add_text(self.src.rest(), el, "text")
            self.src.terminate()
            return
        self.stack.append(self.tree)
        self.tree = el
        src = self.src
        done = False
        while not src.eos() and not done:
            result = src.scan_until(P.HTML_RAW_START)
            if result is not None:
                self.add_text(result, self.tree, "text")
                line = src.current_line_number()
                if (res := self._scan_comment()) is not None:
                    self.tree.children.append(Element("xml_comment", res, None,
                                                      {"category": "block", "location": line}))
                elif (res := src.scan(P.HTML_INSTRUCTION)) is not None:
                    self.tree.children.append(Element("xml_pi", res, None,
                                                      {"category": "block", "location": line}))
                elif src.scan(P.HTML_TAG) is not None:
                    self.handle_html_start_tag(line, handler)
                elif src.scan(P.HTML_TAG_CLOSE) is not None:
                    closing = src.last.group(1)
                    expected = closing.lower() if self.tree.value in P.HTML_ELEMENT else closing
                    if self.tree.value == expected:
                        done = True
                    else:
                        self.add_text(src.last.group(), self.tree, "text")
                        self.warning(f"Found invalidly used HTML closing tag for '{closing}' on "
                                     f"line {line} - ignoring it")
                else:
                    self.add_text(src.getch(), self.tree, "text")
            else:
                self.add_text(src.rest(), self.tree, "text")
                src.terminate()
                if self.tree.type == "html_element":
                    self.warning(f"Found no end tag for '{self.tree.value}' on line "
                                 f"{self.tree.options.get('location')} - auto-closing it")
                done = True
        self.tree = self.stack.pop()

    # -- kramdown's use of it ------------------------------------------------------------------
    def handle_kramdown_html_tag(self, el: Element, closed: bool, handle_body: bool) -> None:
        if self.block_ial is not None:
            el.options["ial"] = self.block_ial
            self.block_ial = None
        tree = self.tree
        if tree.type != "html_element" or tree.options.get("content_model") != "raw":
            model = P.html_content_model(el.value) if self.options.get("parse_block_html") else "raw"
        else:
            model = "raw"
        val = _MARKDOWN_ATTR.get(el.attr.pop("markdown", None))
        if val is not None:
            model = P.html_content_model(el.value) if val == "default" else val
        src = self.src
        if model == "block":
            src.scan(P.TRAILING_WHITESPACE)
        el.options["content_model"] = model
        el.options["is_closed"] = closed
        if not closed and handle_body:
            if model == "block":
                if not self.parse_blocks(el):
                    self.warning(f"Found no end tag for '{el.value}' (line "
                                 f"{el.options.get('location')}) - auto-closing it")
            elif model == "span":
                start = src.pos
                if src.scan_until(_until_close_tag(el.value)) is not None:
                    self.add_text(src.string[start:src.pos], el)
                    src.scan(P.HTML_TAG_CLOSE)
                else:
                    self.add_text(src.rest(), el)
                    src.terminate()
                    self.warning(f"Found no end tag for '{el.value}' (line "
                                 f"{el.options.get('location')}) - auto-closing it")
            else:
                self.parse_raw_html(el, self.handle_kramdown_html_tag)
            tree = self.tree
            if not (tree.type == "html_element" and tree.options.get("content_model") == "raw"):
                src.scan(P.TRAILING_WHITESPACE)

    def _scan_comment(self) -> str | None:
        src = self.src
        if src.last_index("-->") < src.pos:
            return None
        return src.scan(P.HTML_COMMENT)

    def parse_block_html(self) -> bool:
        src = self.src
        line = src.current_line_number()
        result = self._scan_comment()
        if result is not None:
            self.tree.children.append(Element("xml_comment", result, None,
                                              {"category": "block", "location": line}))
            src.scan(P.TRAILING_WHITESPACE)
            return True
        m = src.check(P.HTML_BLOCK_TAG)
        if m is not None and m.group(1).lower() not in P.HTML_SPAN_ELEMENTS:
            src.pos = m.end()
            self.handle_html_start_tag(line, self.handle_kramdown_html_tag)
            if self.options.get("html_to_native"):
                self.convert_html_to_native(self.tree.children[-1])
            return True
        m = src.check(P.HTML_BLOCK_TAG_CLOSE)
        if m is not None and m.group(1).lower() not in P.HTML_SPAN_ELEMENTS:
            name = m.group(1).lower()
            if self.tree.type == "html_element" and self.tree.value == name:
                src.pos = m.end()
                raise StopBlockParsing
        return False

    def parse_span_html(self) -> None:
        src = self.src
        line = src.current_line_number()
        result = self._scan_comment()
        if result is not None:
            self.tree.children.append(Element("xml_comment", result, None,
                                              {"category": "span", "location": line}))
            return
        result = src.scan(P.HTML_TAG_CLOSE)
        if result is not None:
            self.warning(f"Found invalidly used HTML closing tag for '{src.last.group(1)}' "
                         f"on line {line}")
            self.add_text(result)
            return
        result = src.scan(P.HTML_TAG)
        if result is None:
            self.add_text(src.getch())
            return
        m = src.last
        tag_name = m.group(1)
        if tag_name.lower() in P.HTML_ELEMENT:
            tag_name = tag_name.lower()
        if tag_name in P.HTML_BLOCK_ELEMENTS:
            self.warning(f"Found block HTML tag '{tag_name}' in span-level text on line {line}")
            self.add_text(result)
            return
        attrs = self.parse_html_attributes(m.group(2), line, tag_name in P.HTML_ELEMENT)
        for key, value in attrs.items():
            if value:
                attrs[key] = _NEWLINES.sub(" ", value)
        if P.html_content_model(tag_name) == "raw" or \
                (self.tree._options and self.tree.options.get("content_model") == "raw"):
            do_parsing = False
        else:
            do_parsing = bool(self.options.get("parse_span_html"))
        val = _MARKDOWN_ATTR.get(attrs.pop("markdown", None))
        if val == "block":
            self.warning(f"Cannot use block-level parsing in span-level HTML tag (line {line}) "
                         "- using default mode")
        elif val == "span":
            do_parsing = True
        elif val == "default":
            do_parsing = P.html_content_model(tag_name) != "raw"
        elif val == "raw":
            do_parsing = False
        is_closed = m.group(4) is not None
        el = Element("html_element", tag_name, attrs, {
            "category": "span", "location": line,
            "content_model": "span" if do_parsing else "raw", "is_closed": is_closed})
        self.tree.children.append(el)
        stop_re = _span_stop(tag_name, tag_name in P.HTML_ELEMENT)
        if not is_closed and tag_name not in P.HTML_ELEMENTS_WITHOUT_BODY:
            if self.parse_spans(el, stop_re, None if do_parsing else ("span_html",),
                                stop_chars="<"):
                src.scan(stop_re)
            else:
                self.warning(f"Found no end tag for '{el.value}' (line {line}) - auto-closing it")
                self.add_text(src.rest(), el)
                src.terminate()
        if self.options.get("html_to_native"):
            self.convert_html_to_native(el)

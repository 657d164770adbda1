"""The GFM dialect: kramdown's parser with kramdown-parser-gfm 1.1.0's named swaps.

What changes (kramdown-parser-gfm's lib/kramdown/parser/gfm.rb): backtick fences and
indented fences, ATX headers that need a space after the hashes, ``~`` escapable, ``~~strike~~``,
task lists, hard line breaks from a trailing backslash (or every newline with ``hard_wrap``),
GitHub-style header ids, and (quirk ``paragraph_end``, on by default) paragraphs that end
where a list, header, quote or fence starts.
"""

from __future__ import annotations

import re
from typing import Any

from ..element import Element
from ..scanner import Scanner
from .. import entities, regex_cache
from . import patterns as P
from .base import Rule
from .kramdown import KramdownParser

GFM_ATX_HEADER_START = P.rx(r"^(?P<level>\#{1,6})[\t ]+(?P<contents>.*)\n")
GFM_FENCED_CODEBLOCK_START_SRC = r"^[ ]{0,3}[~`]{3,}"
GFM_FENCED_CODEBLOCK_START = P.rx(GFM_FENCED_CODEBLOCK_START_SRC)
GFM_FENCED_CODEBLOCK_MATCH = P.rx(
    r"^[ ]{0,3}(([~`]){3,})\s*?((\S+?)(?:\?\S*)?)?\s*?\n(.*?)^[ ]{0,3}\1\2*\s*?\n", re.S)
STRIKETHROUGH_MATCH = P.rx(r"~~(?!\s|~).*?[^\s~]~~", re.S)
ESCAPED_CHARS_GFM = P.rx(r"\\([\\.*_+`<>()\[\]{}#!:\|\"'\$=\-~])")
PARAGRAPH_END_GFM = P.rx(
    f"{P.LAZY_END_SRC}|{P.LIST_START_SRC}|^(?:\\#{{1,6}})[\\t ]+(?:.*)\\n"
    f"|{P.DEFINITION_LIST_START_SRC}|{P.BLOCKQUOTE_START_SRC}|{GFM_FENCED_CODEBLOCK_START_SRC}")

_QUIRK_TRAILING_HASHES = P.rx(r"[\t ]#+\Z")
_TASK_UNCHECKED = P.rx(r"\A\s*\[ \]\s+")
_TASK_CHECKED = P.rx(r"\A\s*\[x\]\s+", re.I)
_BOX_UNCHECKED = '<input type="checkbox" class="task-list-item-checkbox" disabled="disabled" />'
_BOX_CHECKED = ('<input type="checkbox" class="task-list-item-checkbox" '
                'disabled="disabled" checked="checked" />')


_NON_WORD = regex_cache.compile(f"[^{P.U.WORD}\\- \t]")


#: (parser class, quirks, hard_wrap) -> the class's rule lists as GFM changes them (see
#: GFMParser._gfm_rules)
_GFM_RULES: dict[tuple[Any, ...], tuple[tuple[str, ...], tuple[str, ...], Any]] = {}


class GFMParser(KramdownParser):
    """kramdown's parser with GitHub Flavored Markdown's differences."""

    RULES = dict(KramdownParser.RULES)
    RULES.update({
        "atx_header_gfm": Rule("atx_header_gfm", GFM_ATX_HEADER_START, None, "parse_atx_header",
                               "#"),
        "atx_header_gfm_quirk": Rule("atx_header_gfm_quirk", GFM_ATX_HEADER_START, None,
                                     "parse_atx_header_gfm_quirk", "#"),
        "codeblock_fenced_gfm": Rule("codeblock_fenced_gfm", GFM_FENCED_CODEBLOCK_START, None,
                                     "parse_codeblock_fenced", "~`"),
        "strikethrough_gfm": Rule("strikethrough_gfm", STRIKETHROUGH_MATCH, "~~",
                                  "parse_strikethrough_gfm", "~"),
        "escaped_chars_gfm": Rule("escaped_chars_gfm", ESCAPED_CHARS_GFM, r"\\",
                                  "parse_escaped_chars", "\\"),
    })
    FENCED_CODEBLOCK_MATCH = GFM_FENCED_CODEBLOCK_MATCH

    def __init__(self, source: str, options: dict[str, Any]) -> None:
        super().__init__(source, options)
        self.options["auto_id_stripping"] = True
        self._id_counter: dict[str, int] = {}
        quirks = tuple(str(q).lstrip(":") for q in (self.options.get("gfm_quirks") or ()))
        hard_wrap = bool(self.options.get("hard_wrap"))
        # the same for every document converted with the same options: worked out once
        key = (type(self), quirks, hard_wrap)  # the lists are still the class's rules
        rules = _GFM_RULES.get(key)
        if rules is None:
            rules = _GFM_RULES[key] = self._gfm_rules(quirks, hard_wrap)
        blocks, spans, self.paragraph_end = rules
        self.block_parsers, self.span_parsers = list(blocks), list(spans)
        self._hard_line_break = "\n" if hard_wrap else "\\\n"

    def _gfm_rules(self, quirks: tuple[str, ...], hard_wrap: bool
                   ) -> tuple[tuple[str, ...], tuple[str, ...], Any]:
        """kramdown's rule lists changed as GFM changes them: its own fenced code blocks,
        ATX headers, escaped characters and strikethrough; no ``line_break`` with
        ``hard_wrap``, no ``typographic_syms`` with the ``no_auto_typographic`` quirk; and
        the paragraph end pattern the ``paragraph_end`` quirk asks for."""
        blocks, spans = list(self.BLOCK_RULES), list(self.SPAN_RULES)
        if hard_wrap:
            spans.remove("line_break")
        if "no_auto_typographic" in quirks:
            spans.remove("typographic_syms")
        if "paragraph_end" in quirks:
            atx = "atx_header_gfm_quirk"
            paragraph_end = PARAGRAPH_END_GFM
        else:
            atx = "atx_header_gfm"
            paragraph_end = P.PARAGRAPH_END
        for current, replacement in (("codeblock_fenced", "codeblock_fenced_gfm"),
                                     ("atx_header", atx)):
            blocks[blocks.index(current)] = replacement
        if "escaped_chars" in spans:
            spans[spans.index("escaped_chars")] = "escaped_chars_gfm"
        spans.append("strikethrough_gfm")
        return tuple(blocks), tuple(spans), paragraph_end

    def finish_tree(self, root: Element) -> None:
        """kramdown's abbreviation pass and the GFM parser's own pass (hard line breaks,
        header ids) in one walk of the tree: they visit the same nodes, the GFM pass
        the abbreviation pass's output, except inside HTML elements and headers, which
        only the abbreviation pass enters."""
        self.update_elements(root, self.abbreviation_patterns())

    def update_elements(self, element: Element, abbreviations: tuple | None = None) -> None:
        """The GFM pass, and first, when ``abbreviations`` (see
        :meth:`abbreviation_patterns`) are given, kramdown's abbreviation pass."""
        out: list[Element] | None = None
        hard = self._hard_line_break
        found = abbreviations[0].search if abbreviations is not None else None
        children = element.children
        last = len(children) - 1
        for i, child in enumerate(children):
            ctype = child.type
            if ctype == "text":
                if found is not None and found(child.value):
                    if out is None:
                        out = children[:i]
                    pieces = self._split_abbreviations(child, *abbreviations)
                    final = len(pieces) - 1
                    for k, piece in enumerate(pieces):
                        if piece.type == "text" and hard in piece.value:
                            out.extend(self._update_text_type(
                                element, piece, i == last and k == final))
                        else:
                            out.append(piece)
                    continue
                if hard in child.value:
                    if out is None:
                        out = children[:i]
                    out.extend(self._update_text_type(element, child, i == last))
                    continue
            elif ctype == "html_element":
                if abbreviations is not None:
                    self.replace_abbreviations(child, abbreviations)
            elif ctype == "header" and self.options.get("auto_ids") and "id" not in child.attr:
                if abbreviations is not None:
                    self.replace_abbreviations(child, abbreviations)
                child.attr["id"] = self.generate_gfm_header_id(child.options["raw_text"])
            elif child.children:
                kids = child.children
                only = kids[0] if len(kids) == 1 else None
                if (only is None or only.type != "text" or hard in only.value
                        or (found is not None and found(only.value))):
                    self.update_elements(child, abbreviations)
                # else: one text child that neither pass changes (a plain paragraph or
                # emphasis): the call would find nothing to do
            if out is not None:
                out.append(child)
        if out is not None:
            element.children = out

    def update_raw_text(self, item: Element) -> None:
        parts: list[str] = []
        _collect_raw_text(item, parts)
        item.options["raw_text"] = "".join(parts)

    def generate_gfm_header_id(self, text: str) -> str:
        result = _NON_WORD.sub("", text.lower())
        result = result.replace(" ", "-").replace("\t", "-")
        count = self._id_counter.get(result, -1) + 1
        self._id_counter[result] = count
        if count > 0:
            result += f"-{count}"
        return (self.options.get("auto_id_prefix") or "") + result

    def parse_atx_header_gfm_quirk(self) -> bool:
        text, hid = self._parse_header_contents()
        stripped, n = _QUIRK_TRAILING_HASHES.subn("", text, count=1)
        if n:
            text = stripped.rstrip(" \t\n\v\f\r\x00")
        if not text:
            return False
        self._add_header(len(self.src.last.group("level")), text, hid)
        return True

    def parse_strikethrough_gfm(self) -> Element:
        src = self.src
        m = src.last
        line = src.current_line_number()
        src.pos = m.end()
        el = Element("html_element", "del", {}, {"category": "span", "line": line})
        self.tree.children.append(el)
        env = self.save_env()
        self.reset_env(src=Scanner(m.group()[2:-2], line), text_type="text")
        self.parse_spans(el)
        self.restore_env(env)
        return el

    def parse_list(self) -> bool:
        super().parse_list()
        lists = [c for c in self.tree.children if c.type in ("ul", "ol")]
        current = lists[-1]
        is_tasklist = False
        for li in current.children:
            kids = li.children
            if not kids or kids[0].type != "p":
                continue
            first = kids[0].children[0]
            value, n1 = _TASK_UNCHECKED.subn(_BOX_UNCHECKED, first.value)
            value, n2 = _TASK_CHECKED.subn(_BOX_CHECKED, value)
            first.value = value
            is_tasklist = is_tasklist or bool(n1 or n2)
            if is_tasklist:
                li.attr["class"] = "task-list-item"
        if is_tasklist:
            current.attr["class"] = "task-list"
        return True

    def _update_text_type(self, element: Element, child: Element, is_last: bool) -> list[Element]:
        """``child``'s text split at hard line breaks (``is_last``: whether it ends
        ``element``)."""
        lines = child.value.split(self._hard_line_break)
        omit_trailing_br = lines[-1] == "" and is_last and element.category() == "block"
        loc = (child.options.get("location") or 0) if child._options else 0
        out: list[Element] = []
        n = len(lines)
        for index, line in enumerate(lines):
            opts = {"location": loc + index}
            out.append(Element("text", f"\n{line}" if index > 0 else line, None, opts))
            if index < n - 2 or (index == n - 2 and not omit_trailing_br):
                out.append(Element("br", None, None, dict(opts)))
        return out


def _collect_raw_text(child: Element, parts: list[str]) -> None:
    """A header's text as GitHub's ids see it: text, code and math as written, entities,
    smart quotes and typographic symbols as their characters.  (A module function: a
    recursive closure would be a reference cycle.)"""
    t = child.type
    if t in ("text", "codespan", "math"):
        parts.append(child.value)
    elif t == "entity":
        parts.append(entities.char(child.value))
    elif t == "smart_quote":
        parts.append(entities.char(entities.entity_by_name(child.value)))
    elif t == "typographic_sym":
        if child.value == "laquo_space":
            parts.append("\u00ab\u00a0")
        elif child.value == "raquo_space":
            parts.append("\u00a0\u00bb")
        else:
            parts.append(entities.char(entities.entity_by_name(child.value)))
    else:
        for c in child.children:
            _collect_raw_text(c, parts)

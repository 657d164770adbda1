"""Definitions referenced from elsewhere: link definitions, footnotes (definitions and
markers) and abbreviations (kramdown's link.rb, footnote.rb and abbreviation.rb)."""

from __future__ import annotations

import re

from ..element import Element
from ..scanner import Scanner
from . import patterns as P
from .base import Rule

_TITLE_IN_URL = P.rx(r"[ \t]+[\"']")


class ReferenceRules:
    """Mixin: link/footnote/abbreviation definitions and footnote markers."""

    RULES_REFERENCES = {
        "link_definition": Rule("link_definition", P.LINK_DEFINITION_START, None,
                                "parse_link_definition", "["),
        "footnote_definition": Rule("footnote_definition", P.FOOTNOTE_DEFINITION_START, None,
                                    "parse_footnote_definition", "["),
        "abbrev_definition": Rule("abbrev_definition", P.ABBREV_DEFINITION_START, None,
                                  "parse_abbrev_definition", "*"),
        "footnote_marker": Rule("footnote_marker", P.FOOTNOTE_MARKER_START, r"\[",
                                "parse_footnote_marker", "["),
    }

    def parse_link_definition(self) -> bool:
        src = self.src
        m = src.last
        if m.group(3) and _TITLE_IN_URL.search(m.group(3)):
            return False
        src.pos = m.end()
        link_id = self.normalize_link_id(m.group(1))
        url = m.group(2) if m.group(2) is not None else m.group(3)
        title = m.group(5)
        if link_id in self.link_defs:
            self.warning(f"Duplicate link ID '{link_id}' on line {src.current_line_number()} "
                         "- overwriting")
        self.tree.children.append(self.new_block_el("eob", "link_def"))
        self.link_defs[link_id] = [url, title, self.tree.children[-1]]
        return True

    def parse_footnote_definition(self) -> bool:
        src = self.src
        m = src.last
        line = src.current_line_number()
        src.pos = m.end()
        name = m.group(1)
        el = Element("footnote_def", None, None, {"location": line})
        self.parse_blocks(el, P.INDENT.sub("", m.group(2)))
        if name in self.footnotes:
            self.warning(f"Duplicate footnote name '{name}' on line {line} - overwriting")
        self.tree.children.append(self.new_block_el("eob", "footnote_def"))
        self.footnotes[name] = {"content": el, "eob": self.tree.children[-1]}
        return True

    def parse_footnote_marker(self) -> None:
        src = self.src
        m = src.last
        line = src.current_line_number()
        src.pos = m.end()
        name = m.group(1)
        fn_def = self.footnotes.get(name)
        if fn_def is None:
            self.warning(f"Footnote definition for '{name}' not found on line {line}")
            self.add_text(m.group())
            return
        if "eob" in fn_def:
            eob = fn_def.pop("eob")
            self.update_attr_with_ial(eob.attr, eob.options.get("ial") or {})
            fn_def["attr"] = eob.attr
            fn_def["options"] = eob.options
        markers = fn_def.setdefault("marker", [])
        options = dict(fn_def["options"])
        options.update(name=name, location=line)
        marker = Element("footnote", fn_def["content"], fn_def["attr"], options)
        markers.append(marker)
        self.tree.children.append(marker)

    def parse_abbrev_definition(self) -> bool:
        src = self.src
        m = src.last
        line = src.current_line_number()
        src.pos = m.end()
        abbrev_id, abbrev_text = m.group(1), m.group(2).strip(" \t\n\v\f\r\x00")
        defs = self.root.options["abbrev_defs"]
        if abbrev_id in defs:
            self.warning(f"Duplicate abbreviation ID '{abbrev_id}' on line {line} - overwriting")
        self.tree.children.append(self.new_block_el("eob", "abbrev_def"))
        defs[abbrev_id] = abbrev_text
        self.root.options["abbrev_attr"][abbrev_id] = self.tree.children[-1]
        return True

    def correct_abbreviations_attributes(self) -> None:
        attrs = self.root.options["abbrev_attr"]
        for key in list(attrs):
            attrs[key] = attrs[key].attr

    def abbreviation_patterns(self) -> tuple | None:
        """(any abbreviation, an abbreviation that stands as a word) for the definitions
        read, longest first so "HTML5" wins over "HTML"; None when there are none."""
        defs = self.root.options["abbrev_defs"]
        if not defs:
            return None
        keys = sorted(defs, key=len, reverse=True)
        union = "|".join(f"(?:{re.escape(k)})" for k in keys)
        return (P.rx(union, persist=False),
                P.rx(rf"(?=(?:\W|^)(?:{union})(?!\w))", persist=False))

    def replace_abbreviations(self, el: Element, regexps: tuple | None = None) -> None:
        if regexps is None:
            regexps = self.abbreviation_patterns()
            if regexps is None:
                return
        first, last = regexps
        search = first.search
        pending = [el]  # a loop rather than recursion: every element of the tree is visited
        while pending:
            node = pending.pop()
            raw = node._options and node._options.get("content_model") == "raw"
            new_children: list[Element] | None = None
            for i, child in enumerate(node.children):
                if child.type == "text" and not raw:
                    if search(child.value):
                        if new_children is None:
                            new_children = node.children[:i]
                        new_children.extend(self._split_abbreviations(child, first, last))
                        continue
                elif child.children:
                    pending.append(child)
                if new_children is not None:
                    new_children.append(child)
            if new_children is not None:
                node.children = new_children

    def _split_abbreviations(self, child: Element, first, last) -> list[Element]:
        result: list[Element] = []
        loc = child.options.get("location") if child._options else None
        s = Scanner(child.value, loc)
        text_line = s.current_line_number()
        non_word_or_bol = P.rx(r"\W|^")
        while True:
            temp = s.scan_until(last)
            if temp is None:
                break
            abbr_line = s.current_line_number()
            abbr = s.scan(first)
            if abbr is None:
                temp += s.scan(non_word_or_bol) or ""
                abbr = s.scan(first)
            result.append(Element("text", temp, None, {"location": text_line}))
            result.append(Element("abbreviation", abbr, None, {"location": abbr_line}))
            text_line = s.current_line_number()
        result.append(Element("text", s.rest(), None, {"location": text_line}))
        return result

"""What the HTML converter writes after the body: the table of contents and the footnotes
(lib/kramdown/converter/html.rb ``convert_root``, ``generate_toc_tree``, ``footnote_content``).

Both are produced after the whole body is converted (only then are all headers and footnote
references known) and spliced in where ``{:toc}``/``{:footnotes}`` lists stood.
"""

from __future__ import annotations

import itertools
from typing import Any

from .. import entities
from ..element import Element
from .escape import escape_html

_BACKLINK = '{}<a href="#fnref:{}" class="reversefootnote" role="doc-backlink">{}</a>'
_counter = itertools.count()


class EndMatter:
    """Mixin for :class:`HtmlConverter`: TOC and footnote bookkeeping and output."""

    def _init_endmatter(self) -> None:
        self.footnote_start = self.footnote_counter = int(self.options.get("footnote_nr", 1))
        self.footnotes: list[list[Any]] = []
        self.footnotes_by_name: dict[str, list[Any]] = {}
        self.footnote_location: str | None = None
        self.toc: list[tuple[int, str, list[Element]]] = []
        self.toc_code: tuple[str, dict, str] | None = None

    @staticmethod
    def _placeholder(kind: str) -> str:
        # Private-use characters cannot come out of the parser next to this text.
        return f"\ue000kramdown-{kind}-{next(_counter)}\ue001"

    def convert_root(self, el: Element, indent: int) -> str:
        result = self.inner(el, indent)
        if self.footnote_location is not None:
            result = result.replace(self.footnote_location, self.footnote_content(), 1)
        else:
            result += self.footnote_content()
        if self.toc_code is not None:
            kind, attr, placeholder = self.toc_code
            tree = self.generate_toc_tree(self.toc, kind, attr or {})
            text = self.convert(tree, 0) if tree.children else ""
            result = result.replace(placeholder, text, 1)
        return result

    # -- footnotes ---------------------------------------------------------------------------
    def convert_footnote(self, el: Element, indent: int) -> str:
        repeat = ""
        name = (self.options.get("footnote_prefix") or "") + el.options["name"]
        footnote = self.footnotes_by_name.get(name)
        if footnote is not None:
            number = footnote[2]
            footnote[3] += 1
            repeat = f":{footnote[3]}"
        else:
            number = self.footnote_counter
            self.footnote_counter += 1
            footnote = [name, el.value, number, 0]
            self.footnotes.append(footnote)
            self.footnotes_by_name[name] = footnote
        return (f'<sup id="fnref:{name}{repeat}" role="doc-noteref">'
                f'<a href="#fn:{name}" class="footnote" rel="footnote">{number}</a></sup>')

    def footnote_content(self) -> str:
        if not self.footnotes:  # most documents: nothing to write
            return ""
        ol = Element("ol")
        if self.footnote_start != 1:
            ol.attr["start"] = self.footnote_start
        backlink = str(self.options.get("footnote_backlink", "&#8617;") or "")
        backlink_text = escape_html(backlink, "text")
        nbsp = self.entity_to_str(entities.entity_by_name("nbsp"))
        i = 0
        while i < len(self.footnotes):
            name, data, _number, repeat = self.footnotes[i]
            li = Element("li", None, {"id": f"fn:{name}", "role": "doc-endnote"})
            memo: dict = {}
            li.children = [c.deep_copy(memo) for c in data.children]
            para = None
            insert_space = False
            if (li.children and li.children[-1].type == "p") or \
                    self.options.get("footnote_backlink_inline"):
                parent = li
                while parent.children and parent.children[-1].type not in ("p", "header"):
                    parent = parent.children[-1]
                para = parent.children[-1] if parent.children else None
                insert_space = True
            if para is None:
                para = Element("p")
                li.children.append(para)
                insert_space = False
            if backlink:
                para.children.append(Element("raw", _BACKLINK.format(
                    nbsp if insert_space else "", name, backlink_text)))
                for index in range(1, repeat + 1):
                    para.children.append(Element("raw", _BACKLINK.format(
                        nbsp, f"{name}:{index}", f"{backlink_text}<sup>{index + 1}</sup>")))
            ol.children.append(Element("raw", self.convert(li, 4)))
            i += 1
        if not ol.children:
            return ""
        return self.format_as_indented_block_html(
            "div", {"class": "footnotes", "role": "doc-endnotes"}, self.convert(ol, 2), 0)

    # -- table of contents ---------------------------------------------------------------------
    def generate_toc_tree(self, toc: list, kind: str, attr: dict) -> Element:
        sections = Element(kind, None, dict(attr))
        if sections.attr.get("id") is None:
            sections.attr["id"] = "markdown-toc"
        stack: list[Element] = []
        for level, hid, children in toc:
            li = Element("li", None, None, {"level": level})
            li.children.append(Element("p", None, None, {"transparent": True}))
            a = Element("a")
            a.attr["href"] = f"#{hid}"
            a.attr["id"] = f"{sections.attr['id']}-{hid}"
            memo = {}
            a.children.extend(_fix_for_toc_entry([c.deep_copy(memo) for c in children]))
            li.children[-1].children.append(a)
            li.children.append(Element(kind))
            while True:
                if not stack:
                    sections.children.append(li)
                    stack.append(li)
                    break
                if stack[-1].options["level"] < li.options["level"]:
                    stack[-1].children[-1].children.append(li)
                    stack.append(li)
                    break
                item = stack.pop()
                if not item.children[-1].children:
                    item.children.pop()
        while stack:
            item = stack.pop()
            if not item.children[-1].children:
                item.children.pop()
        return sections


def _fix_for_toc_entry(elements: list[Element]) -> list[Element]:
    _remove_footnotes(elements)
    return _unwrap_links(elements)


def _unwrap_links(elements: list[Element]) -> list[Element]:
    out: list[Element] = []
    for c in elements:
        c.children = _unwrap_links(c.children)
        if c.type == "a":
            out.extend(c.children)
        else:
            out.append(c)
    return out


def _remove_footnotes(elements: list[Element]) -> None:
    elements[:] = [c for c in elements if c.type != "footnote"]
    for c in elements:
        _remove_footnotes(c.children)

"""The element tree: what the parser builds and the converter walks.

Mirrors the shape of kramdown's ``Kramdown::Element`` (lib/kramdown/element.rb) because the
byte-exact output depends on the same tree decisions (which node is a ``:p`` marked
transparent, which ``:blank`` survives, which attributes an IAL put where).  Every element has
a ``type`` (a short string such as ``"p"`` or ``"html_element"``), an optional ``value``, an
``attr`` dict of HTML attributes (insertion ordered, as the HTML output keeps that order), an
``options`` dict for the typed extras each type documents below, and ``children``.

Option keys used by the engine (kept in one place so a typo is easy to spot):

``location``          source line the element starts on (for warnings)
``category``          ``"block"`` or ``"span"`` for types whose category is not fixed
``transparent``       a ``p`` whose tags are not written (tight list items, definitions)
``ial``               the parsed inline attribute list (``refs`` key lists ALD references)
``raw_text``          header / dt text before span parsing (for ids and the TOC)
``level``             header level
``content_model``     ``"block"``, ``"span"`` or ``"raw"`` for HTML elements
``is_closed``         an HTML element written as ``<x />``
``lang``, ``fenced``  fenced code block details
``alignment``         table column alignments
``first_list_marker`` the marker the list started with
``codespan_delimiter`` the backticks that opened a code span
``name``              footnote name on a footnote marker
``original``          an entity as written in the source
``type``              a ``{::nomarkdown}`` block's target formats
``first_as_para``     a definition that must keep its ``<p>``
"""

from __future__ import annotations

from typing import Any

#: Element types whose category never changes.  Others carry ``options["category"]``.
BLOCK_TYPES = frozenset(
    ["blank", "p", "header", "blockquote", "codeblock", "ul", "ol", "li", "dl", "dt", "dd",
     "table", "td", "hr"]
)
SPAN_TYPES = frozenset(
    ["text", "a", "br", "img", "codespan", "footnote", "em", "strong", "entity",
     "typographic_sym", "smart_quote", "abbreviation"]
)


class Element:
    """One node of the kramdown element tree.

    ``attr`` and ``options`` are created lazily on first use: most text nodes need neither,
    and a document has many text nodes.
    """

    __slots__ = ("type", "value", "_attr", "_options", "children")

    def __init__(
        self,
        type: str,
        value: Any = None,
        attr: dict[str, Any] | None = None,
        options: dict[str, Any] | None = None,
    ) -> None:
        self.type = type
        self.value = value
        self._attr = attr
        self._options = options
        self.children: list[Element] = []

    @property
    def attr(self) -> dict[str, Any]:
        if self._attr is None:
            self._attr = {}
        return self._attr

    @attr.setter
    def attr(self, value: dict[str, Any]) -> None:
        self._attr = value

    @property
    def options(self) -> dict[str, Any]:
        if self._options is None:
            self._options = {}
        return self._options

    @options.setter
    def options(self, value: dict[str, Any]) -> None:
        self._options = value

    def category(self) -> str | None:
        """``"block"``, ``"span"`` or None, as the HTML converter and the GFM pass need it."""
        if self.type in BLOCK_TYPES:
            return "block"
        if self.type in SPAN_TYPES:
            return "span"
        return self._options.get("category") if self._options else None

    def is_block(self) -> bool:
        return self.category() == "block"

    def is_span(self) -> bool:
        return self.category() == "span"

    def __repr__(self) -> str:
        parts = [f"<kd:{self.type}"]
        if self.value is not None:
            parts.append(f" value={self.value!r}")
        if self._attr:
            parts.append(f" attr={self._attr!r}")
        if self._options:
            parts.append(f" options={self._options!r}")
        if self.children:
            parts.append(f" children={self.children!r}")
        parts.append(">")
        return "".join(parts)

    def deep_copy(self, memo: dict[int, Element] | None = None) -> Element:
        """A copy sharing nothing mutable: footnote bodies and TOC entries are copied before
        the converter changes them, so the same definition can be rendered twice.

        ``memo`` keeps shared nodes shared and cycles finite (a footnote may reference itself
        through its own body), as Ruby's Marshal round trip does.
        """
        if memo is None:
            memo = {}
        done = memo.get(id(self))
        if done is not None:
            return done
        el = Element(self.type, self.value,
                     dict(self._attr) if self._attr is not None else None,
                     _copy_options(self._options))
        memo[id(self)] = el
        if isinstance(self.value, Element):
            el.value = self.value.deep_copy(memo)
        el.children = [c.deep_copy(memo) for c in self.children]
        return el


def _copy_options(options: dict[str, Any] | None) -> dict[str, Any] | None:
    if options is None:
        return None
    out = {}
    for k, v in options.items():
        if isinstance(v, dict):
            v = dict(v)
        elif isinstance(v, list):
            v = list(v)
        out[k] = v
    return out

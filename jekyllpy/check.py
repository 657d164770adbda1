"""``jekyllpy check``: compare a folder jekyllpy built with a ``_site`` Jekyll built.

Files are matched by their relative POSIX path and sorted into four lists: identical,
differing, missing (in Jekyll's folder, not built) and extra (built, not in Jekyll's
folder).  Build-time fields are blanked first (:func:`normalise`), unless the caller asks
for the raw bytes.

For each differing file, :func:`first_difference` says where the two first part:

* **HTML** (``.html``, ``.htm``, ``.xhtml``): both files are parsed with BeautifulSoup
  (Python's ``html.parser``, so no compiled parser is needed) and the trees are walked in
  parallel, child by child in document order.  For two elements: the tag name, then the
  attributes, then their children (text and elements interleaved, as they appear).  Two
  text nodes differ when their text differs.  The first mismatch found is the deepest one,
  because the walk only stops inside an element whose name and attributes already agree.
  The location is a CSS-like path (``html > body > main > h2:nth-of-type(3)``;
  ``:nth-of-type`` is added where the parent has more than one child of that name).

  Whitespace is handled in three passes, so that a real change is never hidden behind
  indentation and an indentation change is still located:

  1. *content*: runs of white space in text collapse to one space, text is stripped and
     whitespace-only text nodes are dropped (``<pre>``, ``<textarea>``, ``<script>`` and
     ``<style>`` keep their text as it is);
  2. *whitespace*: when the content agrees, the walk is repeated with every text node kept
     exactly, which finds a whitespace-only difference (reason ``whitespace``);
  3. *markup*: when even that agrees (attribute order or quoting, ``<br>`` vs ``<br />``,
     ``&amp;`` vs ``&#38;``), the first differing line is reported (reason ``markup``).

* **Other text** (UTF-8): the first differing line, with an excerpt of both lines around
  the first differing character (reason ``line``).
* **Binary**: the first differing byte offset (reason ``bytes``).

Texts in a report are trimmed to :data:`EXCERPT_WIDTH` characters around the first
differing character, with ``…`` where something was cut.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from bs4 import BeautifulSoup
from bs4.element import Comment, Doctype, NavigableString, PageElement, Tag

__all__ = ["CheckReport", "FileDifference", "compare_dirs", "compare_trees",
           "first_difference", "first_html_difference", "first_line_difference",
           "normalise", "read_tree", "EXCERPT_WIDTH", "HTML_EXTENSIONS"]

#: Longest text shown for each side of a difference.
EXCERPT_WIDTH = 80

#: Extensions compared as HTML trees.
HTML_EXTENSIONS = (".html", ".htm", ".xhtml")

#: Elements whose text is compared exactly even in the content pass.
_VERBATIM = frozenset({"pre", "textarea", "script", "style"})

#: Shown for a node that one side does not have.
NOTHING = "(nothing)"

# What is a build-time field (the feed-level <updated>) is defined once, in the pytest
# plugin's comparison helpers; read_tree comes from there too.
from .testing.compare import normalise, read_tree  # noqa: E402

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class FileDifference:
    """Where one file differs, and what each side has there.

    ``location`` is an element path for HTML (``html > body > p:nth-of-type(2)``), else
    ``line N`` or ``byte N``.  ``reason`` is one of ``tag``, ``attributes``, ``text``,
    ``missing node``, ``extra node``, ``whitespace``, ``markup``, ``line``, ``bytes``.
    ``expected`` is Jekyll's side, ``built`` jekyllpy's, both trimmed.
    """

    path: str
    location: str
    reason: str
    expected: str
    built: str


@dataclass
class CheckReport:
    """The outcome of comparing two folders; every list is sorted by path."""

    identical: list[str] = field(default_factory=list)
    differing: list[FileDifference] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every file is identical and none is missing or extra."""
        return not (self.differing or self.missing or self.extra)

    def counts(self) -> dict[str, int]:
        """How many files are in each list."""
        return {"identical": len(self.identical), "differing": len(self.differing),
                "missing": len(self.missing), "extra": len(self.extra)}

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict: ``ok``, ``counts`` and the four lists."""
        return {"ok": self.ok, "counts": self.counts(), "identical": list(self.identical),
                "differing": [asdict(d) for d in self.differing],
                "missing": list(self.missing), "extra": list(self.extra)}


# -- trees of files -------------------------------------------------------------------------------
def compare_trees(expected: dict[str, bytes], built: dict[str, bytes], *,
                  normalised: bool = True) -> CheckReport:
    """Compare two trees of files (relative path to bytes); ``expected`` is Jekyll's.

    With ``normalised`` (the default) build-time fields are blanked first (:func:`normalise`).
    """
    report = CheckReport(missing=sorted(expected.keys() - built.keys()),
                         extra=sorted(built.keys() - expected.keys()))
    for rel in sorted(expected.keys() & built.keys()):
        want, got = expected[rel], built[rel]
        if normalised:
            want, got = normalise(rel, want), normalise(rel, got)
        difference = first_difference(rel, want, got)
        if difference is None:
            report.identical.append(rel)
        else:
            report.differing.append(difference)
    return report


def compare_dirs(expected_dir: str | os.PathLike[str], built_dir: str | os.PathLike[str], *,
                 normalised: bool = True) -> CheckReport:
    """:func:`compare_trees` on the files under two folders."""
    return compare_trees(read_tree(expected_dir), read_tree(built_dir), normalised=normalised)


# -- one file -------------------------------------------------------------------------------------
def first_difference(path: str, expected: bytes, built: bytes) -> FileDifference | None:
    """Where ``built`` first differs from ``expected`` (file ``path``), or None if equal."""
    if expected == built:
        return None
    try:
        want, got = expected.decode("utf-8"), built.decode("utf-8")
    except UnicodeDecodeError:
        offset = _common_prefix(expected, built)
        return FileDifference(path, f"byte {offset}", "bytes",
                              expected[offset:offset + 16].hex(" ") or NOTHING,
                              built[offset:offset + 16].hex(" ") or NOTHING)
    if path.lower().endswith(HTML_EXTENSIONS):
        found = first_html_difference(want, got)
        if found is not None:
            location, reason, exp_text, got_text = found
            return FileDifference(path, location, reason, exp_text, got_text)
        line, exp_text, got_text = first_line_difference(want, got)
        return FileDifference(path, f"line {line}", "markup", exp_text, got_text)
    line, exp_text, got_text = first_line_difference(want, got)
    return FileDifference(path, f"line {line}", "line", exp_text, got_text)


def first_line_difference(expected: str, built: str) -> tuple[int, str, str]:
    """The first differing line (1-based) and both lines, trimmed around the first
    differing character.  A line one side lacks shows as ``(nothing)``; call this only
    for texts that differ."""
    want, got = expected.split("\n"), built.split("\n")
    for number, (a, b) in enumerate(zip(want, got), start=1):
        if a != b:
            return (number, *_excerpts(a, b))
    number = min(len(want), len(got)) + 1
    a = want[number - 1] if number <= len(want) else NOTHING
    b = got[number - 1] if number <= len(got) else NOTHING
    return number, _trim(a, 0), _trim(b, 0)


def first_html_difference(expected: str, built: str) -> tuple[str, str, str, str] | None:
    """``(element path, reason, expected text, built text)`` for the first differing node
    of two HTML documents, or None when their trees agree even in whitespace (the
    difference is then in the markup only).  See the module docstring for the passes."""
    found = _walk(_parse(expected), _parse(built), exact=False)
    if found is None:
        found = _walk(_parse(expected, exact=True), _parse(built, exact=True), exact=True)
        if found is not None:
            found = (found[0], "whitespace", found[2], found[3])
    return found


# -- the parallel walk --------------------------------------------------------------------------
class _ExactSoup(BeautifulSoup):
    """A BeautifulSoup that keeps whitespace-only text as it is.

    BeautifulSoup replaces a whitespace-only string outside ``<pre>``/``<textarea>`` with
    one newline or space while parsing; the whitespace pass needs the real text.  The
    stack of whitespace-preserving tags is made non-empty for the duration of
    ``endData`` only, which is where that replacement is decided.
    """

    def endData(self, containerClass: Any = None) -> None:  # noqa: N802 (bs4's name)
        stack = self.preserve_whitespace_tag_stack
        self.preserve_whitespace_tag_stack = stack or [self]
        try:
            super().endData(containerClass)
        finally:
            self.preserve_whitespace_tag_stack = stack


def _parse(text: str, exact: bool = False) -> BeautifulSoup:
    # No multi-valued attributes: class="a  b" and class="a b" are different bytes.
    soup_class = _ExactSoup if exact else BeautifulSoup
    return soup_class(text, "html.parser", multi_valued_attributes=None)


def _walk(want: Tag, got: Tag, *, exact: bool) -> tuple[str, str, str, str] | None:
    """The first mismatch among the children of two elements whose own name and attributes
    agree, searched depth first in document order."""
    verbatim = exact or _is_verbatim(want)
    a_nodes, b_nodes = list(_nodes(want, verbatim)), list(_nodes(got, verbatim))
    for index in range(max(len(a_nodes), len(b_nodes))):
        a = a_nodes[index] if index < len(a_nodes) else None
        b = b_nodes[index] if index < len(b_nodes) else None
        if a is None or b is None:
            reason = "missing node" if b is None else "extra node"
            return (_path(want), reason, _describe(a, verbatim), _describe(b, verbatim))
        if isinstance(a, Tag) and isinstance(b, Tag):
            if a.name != b.name:
                return (_path(a), "tag", _describe(a, verbatim), _describe(b, verbatim))
            if a.attrs != b.attrs:
                return (_path(a), "attributes", *_excerpts(_open_tag(a), _open_tag(b)))
            found = _walk(a, b, exact=exact)
            if found is not None:
                return found
            continue
        if isinstance(a, Tag) or isinstance(b, Tag) or type(a) is not type(b):
            return (_path(want), "text", _describe(a, verbatim), _describe(b, verbatim))
        ta, tb = _text(a, verbatim), _text(b, verbatim)
        if ta != tb:
            return (_path(want), "text", *_excerpts(ta, tb, quote=verbatim))
    return None


def _is_verbatim(tag: Tag) -> bool:
    return any(t.name in _VERBATIM for t in (tag, *tag.parents) if isinstance(t, Tag))


def _nodes(tag: Tag, verbatim: bool) -> Iterator[PageElement]:
    """The children that count: elements, and text nodes (non-blank ones unless exact)."""
    for child in tag.children:
        if isinstance(child, Tag):
            yield child
        elif isinstance(child, NavigableString):
            if verbatim or isinstance(child, (Comment, Doctype)) or child.strip():
                yield child


def _text(node: PageElement, verbatim: bool) -> str:
    text = str(node)
    if isinstance(node, Comment):
        text = f"<!--{text}-->"
    elif isinstance(node, Doctype):
        text = f"<!DOCTYPE {text}>"
    return text if verbatim else _SPACE.sub(" ", text).strip()


def _describe(node: PageElement | None, verbatim: bool) -> str:
    """A short view of a node: text as text, an element as its opening tag and text."""
    if node is None:
        return NOTHING
    if isinstance(node, Tag):
        inner = _SPACE.sub(" ", node.get_text()).strip()
        return _trim(f"{_open_tag(node)}{inner}", 0)
    return _trim(_text(node, verbatim), 0, quote=verbatim)


def _open_tag(tag: Tag) -> str:
    attrs = "".join(f' {k}="{v}"' if v is not None else f" {k}"
                    for k, v in sorted(tag.attrs.items()))
    return f"<{tag.name}{attrs}>"


def _path(node: Tag) -> str:
    """``html > body > main > h2:nth-of-type(3)`` for ``node``; ``(document)`` for the
    document itself."""
    parts: list[str] = []
    current: Tag | None = node
    while current is not None and not isinstance(current, BeautifulSoup):
        parent = current.parent
        part = current.name
        if parent is not None:
            same = [c for c in parent.children if isinstance(c, Tag) and c.name == current.name]
            if len(same) > 1:
                part += f":nth-of-type({next(i for i, c in enumerate(same) if c is current) + 1})"
        parts.append(part)
        current = parent
    return " > ".join(reversed(parts)) or "(document)"


# -- excerpts -----------------------------------------------------------------------------------
def _common_prefix(a: Any, b: Any) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _excerpts(a: str, b: str, *, quote: bool = False) -> tuple[str, str]:
    """Both texts trimmed to a window around their first differing character."""
    start = _common_prefix(a, b)
    return _trim(a, start, quote=quote), _trim(b, start, quote=quote)


def _visible(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


def _trim(text: str, start: int, *, quote: bool = False) -> str:
    """``text`` cut to :data:`EXCERPT_WIDTH` characters, keeping ``start`` (the first
    differing character) in view with some context before it.  ``quote`` shows white
    space visibly (``\\n``, ``\\t``) for whitespace-only differences."""
    if quote:
        start = len(_visible(text[:start]))
        text = _visible(text)
    if len(text) <= EXCERPT_WIDTH:
        return text
    begin = max(0, min(start - EXCERPT_WIDTH // 4, len(text) - EXCERPT_WIDTH))
    piece = text[begin:begin + EXCERPT_WIDTH]
    return ("…" if begin else "") + piece + ("…" if begin + EXCERPT_WIDTH < len(text) else "")

"""Byte-diff helpers: readable differences between an expected output and a built one.

* :func:`describe_difference` -- a unified diff of two texts, where the first difference is
  (line, column, the characters on both sides, so that invisible ones show), and for HTML
  the first differing element, named by a CSS path (with beautifulsoup4 when it is
  installed; without it the line diff is all there is).
* :func:`read_tree`, :func:`compare_trees` -- two built sites, file by file.
* :func:`normalise` -- the build-time fields blanked before comparing site files.

Nothing here needs Ruby or the rest of jekyllpy.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable, Mapping
from pathlib import Path

__all__ = ["PLACEHOLDER", "compare_trees", "describe_difference", "first_difference",
           "first_differing_element", "normalise", "read_tree", "text_diff"]

#: Lines of unified diff shown per file before the rest is cut.
DIFF_LINES = 80

#: What a normalised build-time field is replaced with.
PLACEHOLDER = b"NORMALISED-BUILD-TIME"

_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".xml")
_ATOM_FEED = re.compile(rb"<feed\b[^>]*\bxmlns=\"http://www\.w3\.org/2005/Atom\"")
_FEED_UPDATED = re.compile(rb"<updated>[^<]*</updated>")


def normalise(path: str | os.PathLike[str], data: bytes) -> bytes:
    """``data`` (the bytes of built file ``path``) with its build-time fields replaced.

    Only the feed-level ``<updated>`` of an Atom feed (a ``.xml`` file with an Atom
    ``<feed>`` element; jekyll-feed writes ``site.time`` there) is touched; the
    ``<updated>`` of each ``<entry>`` is a post's date and is kept.  The same rule as
    ``scripts/regen_site_fixtures.py``'s ``normalise`` (a test checks they agree).
    """
    if not str(path).endswith(".xml") or not _ATOM_FEED.search(data):
        return data
    head_end = data.find(b"<entry")
    head_end = len(data) if head_end < 0 else head_end
    head = _FEED_UPDATED.sub(b"<updated>" + PLACEHOLDER + b"</updated>", data[:head_end],
                             count=1)
    return head + data[head_end:]


def read_tree(root: str | os.PathLike[str]) -> dict[str, bytes]:
    """Every file under ``root`` by its relative POSIX path."""
    base = Path(root)
    return {p.relative_to(base).as_posix(): p.read_bytes()
            for p in sorted(base.rglob("*")) if p.is_file()}


def compare_trees(expected: Mapping[str, bytes], actual: Mapping[str, bytes], *,
                  normalise: Callable[[str, bytes], bytes] | None = normalise,
                  expected_label: str = "expected", actual_label: str = "built") -> list[str]:
    """Human-readable differences between two trees (relative path -> bytes): files missing
    from ``actual``, files only in ``actual``, and for each file that differs (after
    ``normalise``) a :func:`describe_difference`.  Empty when the trees are the same."""
    norm = normalise or (lambda _path, data: data)
    problems = [f"missing: {p} (in {expected_label}, not {actual_label})"
                for p in sorted(expected.keys() - actual.keys())]
    problems += [f"unexpected: {p} ({actual_label}, not in {expected_label})"
                 for p in sorted(actual.keys() - expected.keys())]
    for rel in sorted(expected.keys() & actual.keys()):
        want, got = norm(rel, expected[rel]), norm(rel, actual[rel])
        if want != got:
            detail = describe_difference(_text(want), _text(got), f"{expected_label}/{rel}",
                                         f"{actual_label}/{rel}",
                                         html=rel.lower().endswith(_HTML_SUFFIXES))
            problems.append(f"differs: {rel}\n" + _indent(detail))
    return problems


def describe_difference(expected: str, actual: str, expected_name: str = "expected",
                        actual_name: str = "actual", *, html: bool = False) -> str:
    """Everything worth knowing about two different texts: the unified diff, the first
    differing character and, for HTML, the first differing element."""
    parts = [text_diff(expected, actual, expected_name, actual_name)]
    where = first_difference(expected, actual)
    if where:
        parts.append(where)
    if html:
        element = first_differing_element(expected, actual)
        if element:
            parts.append(element)
    return "\n".join(parts)


def text_diff(expected: str, actual: str, expected_name: str = "expected",
              actual_name: str = "actual", *, limit: int = DIFF_LINES) -> str:
    """A unified diff (3 lines of context, at most ``limit`` lines); a missing final
    newline is marked as ``diff`` marks it."""
    lines = list(difflib.unified_diff(_lines(expected), _lines(actual), expected_name,
                                      actual_name))
    out = [line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
           for line in lines]
    text = "".join(out).splitlines()
    if len(text) > limit:
        text = text[:limit] + [f"... ({len(text) - limit} more diff lines)"]
    return "\n".join(text)


def first_difference(expected: str, actual: str) -> str | None:
    """Where the two texts first differ: line, column and a few characters of each side
    (as Python literals, so that whitespace and line ends are visible)."""
    if expected == actual:
        return None
    at = next((i for i, (a, b) in enumerate(zip(expected, actual)) if a != b),
              min(len(expected), len(actual)))
    line = expected.count("\n", 0, at) + 1
    column = at - (expected.rfind("\n", 0, at) + 1) + 1
    return (f"first difference at line {line}, column {column}: "
            f"expected {expected[at:at + 30]!r}, got {actual[at:at + 30]!r}")


# -- HTML ----------------------------------------------------------------------------------

def first_differing_element(expected: str, actual: str) -> str | None:
    """The first differing node of two HTML documents as a CSS path with both versions
    (the walk ``jekyllpy check`` uses, :func:`jekyllpy.check.first_html_difference`);
    None without beautifulsoup4 or when the texts are the same."""
    if expected == actual:
        return None
    try:
        import bs4  # noqa: F401  (check.py needs it; its absence is allowed here)
        from ..check import first_html_difference
    except ImportError:  # beautifulsoup4 is not installed
        return None
    found = first_html_difference(expected, actual)
    if found is None:
        return ("first differing element: none -- both parse to the same elements and text; "
                "the difference is in how they are written (attribute quoting, character "
                "references, whitespace inside tags, self-closing slashes)")
    location, reason, want, got = found
    return (f"first differing element: {location} ({reason})\n"
            f"  expected: {want}\n  got:      {got}")


def _text(data: bytes) -> str:
    return data.decode("utf-8", "replace")


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def _indent(text: str) -> str:
    return "  " + text.replace("\n", "\n  ")

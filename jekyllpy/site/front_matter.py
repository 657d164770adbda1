"""YAML front matter, detected and split exactly as Jekyll does (lib/jekyll/document.rb
``YAML_FRONT_MATTER_REGEXP``) and parsed through python-frontmatter's handler interface.

Jekyll's rule: the file starts with a ``---`` line; the front matter ends at the first line
that is ``---`` or ``...``; the body is everything after that line (its newline included).
python-frontmatter's stock YAML handler splits on any ``---`` run and strips the body, which
would change the page's bytes, so a handler with Jekyll's boundary is plugged in.
"""

from __future__ import annotations

import copy
import datetime as _dt
import re
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Callable

import yaml
from frontmatter.default_handlers import YAMLHandler

from ..errors import JekyllpyError
from .yaml_loader import SiteLoader

# Jekyll's /\A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?)/m (Ruby's /m is Python's DOTALL; ^
# and $ are always line anchors in Ruby, and \s is ASCII white space only: a no-break
# space after the closing --- leaves the file without front matter).  Its lazy ".*?\n?"
# can only end where a line starts, so it is written here line by line,
# "(?:[^\n]*\n)*?": the same places tried in the same order (the same match; see
# tests/site/test_front_matter.py), seven times faster than trying every character.
FRONT_MATTER = re.compile(r"\A(---\s*\n(?:[^\n]*\n)*?)^((---|\.\.\.)\s*$\n?)",
                          re.M | re.ASCII)


class FrontMatterError(JekyllpyError, ValueError):
    """Invalid YAML front matter; carries the file and line for the message."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: invalid YAML front matter: {message}")
        self.path = path
        self.line = line


class JekyllYAMLHandler(YAMLHandler):
    """python-frontmatter handler with Jekyll's boundaries and no stripping of the body."""

    FM_BOUNDARY = FRONT_MATTER

    def detect(self, text: str) -> bool:
        return FRONT_MATTER.match(text) is not None

    def split(self, text: str) -> tuple[str, str]:
        m = FRONT_MATTER.match(text)
        if m is None:
            return "", text
        return m.group(1), text[m.end():]


@dataclass(slots=True)
class Parsed:
    """A source file split into front matter data and body; ``data`` is None without it."""

    data: dict[str, Any] | None
    content: str
    body_line: int


def has_front_matter(text: str) -> bool:
    return FRONT_MATTER.match(text) is not None


#: texts parsed lately (a rebuild reads every file again, most of them unchanged), with
#: whether their data is flat (see :func:`_is_flat`)
_PARSED: "OrderedDict[tuple[str, str], tuple[Parsed, bool]]" = OrderedDict()
_PARSED_MAX = 8192


def parse(text: str, path: str = "<string>", *, remember: bool = False,
          known: Callable[[str], Any] | None = None) -> Parsed:
    """Split and parse; raises :class:`FrontMatterError` naming file and line on bad YAML.

    A text parsed before with ``remember`` gives a copy of the same result (its data may
    be changed by the caller) without parsing the YAML again.  Remembering costs a copy
    of the data: it pays where a process reads the same files again (``serve``,
    ``--watch``), not in a single build or ``render_page``.  ``known`` may give, for a
    front matter block, data already loaded from exactly that text (by another process:
    see ``prefetch.ExcerptStream``), fresh for the caller; None means "load it here"."""
    key = (path, text)
    hit = _PARSED.get(key)
    if hit is not None:
        _PARSED.move_to_end(key)
        parsed, flat = hit
        data = parsed.data
        if flat and data is not None:
            data = {k: v[:] if type(v) is list else v for k, v in data.items()}
        else:
            data = copy_data(data)
        return Parsed(data, parsed.content, parsed.body_line)
    parsed = _parse(text, path, known)
    if not remember:
        return parsed
    stored = copy_data(parsed.data)
    _PARSED[key] = (Parsed(stored, parsed.content, parsed.body_line), _is_flat(stored))
    if len(_PARSED) > _PARSED_MAX:
        _PARSED.popitem(last=False)
    return parsed


def _is_flat(data: Any) -> bool:
    """Whether ``data`` is a mapping of immutable values and lists of them (most front
    matter: titles, dates, tags): then a copy is one new dict and a slice per list."""
    if type(data) is not dict:
        return False
    lists: set[int] = set()
    for value in data.values():
        kind = type(value)
        if kind is list:
            if id(value) in lists or any(type(item) not in _IMMUTABLE for item in value):
                return False  # a list twice (a YAML alias) stays shared: copy_data's work
            lists.add(id(value))
        elif kind not in _IMMUTABLE:
            return False
    return True


#: values YAML gives that cannot change: shared by a copy instead of copied
_IMMUTABLE = frozenset((str, int, float, bool, type(None), bytes, _dt.date, _dt.datetime))


class _Shared(Exception):
    """The same list or mapping twice in one value (a YAML alias), or a value of another
    type: the copy is left to ``copy.deepcopy``."""


def copy_data(data: Any) -> Any:
    """A deep copy of loaded YAML: ``copy.deepcopy``'s result, made quicker.

    Front matter is mappings, lists and immutable scalars, which are copied (or shared)
    directly; anything else, and data in which one list or mapping appears twice (a YAML
    alias, whose sharing ``deepcopy`` keeps), goes through ``copy.deepcopy``.
    """
    try:
        return _copy_tree(data, set())
    except _Shared:
        return copy.deepcopy(data)


def _copy_tree(value: Any, seen: set[int]) -> Any:
    kind = type(value)
    if kind in _IMMUTABLE:
        return value
    if kind is dict or kind is list:
        if id(value) in seen:
            raise _Shared
        seen.add(id(value))
        if kind is dict:
            return {key: _copy_tree(item, seen) for key, item in value.items()}
        return [_copy_tree(item, seen) for item in value]
    raise _Shared  # a set, pairs (!!omap), anything else: deepcopy copies it all


_HANDLER = JekyllYAMLHandler()


def load_front_matter(fm: str) -> Any:
    """The data of a front matter block (its ``---`` line included), as YAML gives it."""
    return _HANDLER.load(fm, Loader=SiteLoader)


def split(text: str) -> tuple[str, str]:
    """The front matter block (its ``---`` line included; empty when there is none) and
    the body after its closing line."""
    return _HANDLER.split(text)


def _parse(text: str, path: str, known: Callable[[str], Any] | None = None) -> Parsed:
    fm, content = _HANDLER.split(text)
    if not fm:  # no front matter (there is at least its "---" line otherwise)
        return Parsed(None, text, 1)
    try:
        data = known(fm) if known is not None else None
        if data is None:
            data = load_front_matter(fm)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None  # the --- line is line 1
        raise FrontMatterError(path, line, str(getattr(exc, "problem", exc))) from exc
    body_line = text.count("\n", 0, len(text) - len(content)) + 1
    # what is not a mapping (a list, a lone value) counts as no data, as in python-frontmatter
    return Parsed(dict(data) if isinstance(data, dict) else {}, content, body_line)

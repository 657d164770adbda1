"""Which directory entries a site reads: Jekyll's ``EntryFilter`` rules.

Jekyll skips names starting with ``.``, ``_``, ``#`` or ``~`` and names ending in ``~``,
unless ``include`` lists them; ``exclude`` patterns (matched against the path from the site
source, as ``File.fnmatch?`` without flags, or as a path prefix) win over the special-name
rule but lose to ``include``.  Both the reader and each collection filter with these rules.
"""

from __future__ import annotations

import fnmatch
import posixpath
import re
from pathlib import Path
from typing import Iterable

#: Jekyll 4.3's ``Configuration::DEFAULT_EXCLUDES``, appended to every site's ``exclude``.
DEFAULT_EXCLUDES = [
    ".sass-cache", ".jekyll-cache", "gemfiles", "Gemfile", "Gemfile.lock", "node_modules",
    "vendor/bundle/", "vendor/cache/", "vendor/gems/", "vendor/ruby/",
]


class EntryFilter:
    """Filters the entries of one directory, ``base`` (relative to the site source)."""

    def __init__(self, source: Path, include: Iterable[str], exclude: Iterable[str],
                 base: str = "") -> None:
        self.source = source
        self.include = [str(p) for p in include]
        include_set = set(self.include)
        self.exclude = [str(p) for p in exclude if str(p) not in include_set]
        self.base = base.strip("/")
        # the patterns joined to the source and compiled once, not once per entry
        self._root = source.as_posix().rstrip("/")
        self._include_test = _Patterns([_join(self._root, p) for p in self.include])
        self._exclude_test = _Patterns([_join(self._root, p) for p in self.exclude])

    def filter(self, entries: Iterable[str]) -> list[str]:
        """The entries (names or relative paths under ``base``) Jekyll would keep."""
        kept = []
        for entry in entries:
            if entry.endswith("."):
                continue
            included = self.included(entry)
            if not included and self.excluded(entry):
                continue
            if included or not (self.special(entry) or entry.endswith("~")):
                kept.append(entry)
        return kept

    def included(self, entry: str) -> bool:
        return (self._glob_include(self.include, entry)
                or self._glob_include(self.include, posixpath.basename(entry)))

    @staticmethod
    def special(entry: str) -> bool:
        return entry[:1] in ".#_~" or posixpath.basename(entry)[:1] in ".#_~"

    def excluded(self, entry: str) -> bool:
        return self._glob_include(self.exclude, posixpath.join("/" + self.base, entry)
                                  if self.base else "/" + entry)

    def _glob_include(self, patterns: list[str], entry: str) -> bool:
        """Whether a pattern matches ``entry`` (``File.fnmatch?``), is a prefix of it, or
        names it as a folder (``dir/``) that it is."""
        if patterns is self.include:
            test = self._include_test
        elif patterns is self.exclude:
            test = self._exclude_test
        else:
            test = _Patterns([_join(self._root, p) for p in patterns])
        return test.matches(_join(self._root, entry))


class _Patterns:
    """Patterns joined to the source, tested together: one regular expression for all
    the globs, one ``startswith`` for all the prefixes (any pattern matching in any of
    the three ways is a match, so the order they are tried in does not matter)."""

    def __init__(self, joined: list[str]) -> None:
        self.glob = re.compile("|".join(f"(?:{fnmatch.translate(p)})" for p in joined)) \
            if joined else None
        self.prefixes = tuple(joined)
        self.folders = frozenset(p for p in joined if p.endswith("/"))

    def matches(self, with_source: str) -> bool:
        if self.glob is None:
            return False
        return bool(self.glob.match(with_source) or with_source.startswith(self.prefixes)
                    or (with_source + "/" in self.folders and Path(with_source).is_dir()))


def _join(root: str, path: str) -> str:
    """``PathManager.join``: the two parts with exactly one slash between them."""
    return f"{root}/{path.lstrip('/')}" if path else root

"""EntryFilter tests all patterns at once; the answer is the per-pattern rule's."""

from __future__ import annotations

import itertools
import posixpath
from fnmatch import fnmatchcase
from pathlib import Path

from jekyllpy.site.entry_filter import EntryFilter


def _one_by_one(root: str, patterns: list[str], entry: str) -> bool:
    """Jekyll's rule, pattern by pattern: a glob match, a prefix, or a folder named with a
    trailing slash."""
    with_source = f"{root}/{entry.lstrip('/')}"
    for pattern in patterns:
        joined = f"{root}/{pattern.lstrip('/')}" if pattern else root
        if (fnmatchcase(with_source, joined) or with_source.startswith(joined)
                or (joined == with_source + "/" and Path(with_source).is_dir())):
            return True
    return False


def test_all_patterns_at_once_answer_as_one_by_one(tmp_path: Path) -> None:
    (tmp_path / "docs" / "sub").mkdir(parents=True)
    (tmp_path / "notes.md").write_text("x")
    patterns = ["*.md", "docs/", "vendor/bundle/", "/_drafts", "a[bc]?.txt", "Gemfile",
                "docs/sub/", "**/*.tmp", ""]
    entries = ["notes.md", "docs", "docs/sub", "docs/x.md", "vendor/bundle/x", "_drafts/a",
               "abz.txt", "ad.txt", "Gemfile.lock", "x/y.tmp", "other", "doc"]
    root = tmp_path.as_posix()
    for n in range(0, 4):
        for chosen in itertools.combinations(patterns, n):
            filt = EntryFilter(tmp_path, [], list(chosen))
            for entry in entries:
                assert filt.excluded(entry) == _one_by_one(root, list(chosen), "/" + entry), \
                    (chosen, entry)
            inc = EntryFilter(tmp_path, list(chosen), [])
            for entry in entries:
                assert inc.included(entry) == (
                    _one_by_one(root, list(chosen), entry)
                    or _one_by_one(root, list(chosen), posixpath.basename(entry))), \
                    (chosen, entry)

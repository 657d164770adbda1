"""Collections: ``_LABEL`` folders of documents (posts are the collection ``posts``).

Documents are files with front matter; other files of an output collection are static
files.  Documents are sorted by ``order`` (a list of file names), else by ``sort_by`` (a
front matter key, documents without it last), else by date then path.
"""

from __future__ import annotations

import datetime as _dt
import functools
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..rendering import ruby
from . import url as urls
from .entry_filter import EntryFilter

if TYPE_CHECKING:
    from .document import Document
    from .site import Site
    from .static_file import StaticFile

_UNSAFE_LABEL = re.compile(r"[^a-z0-9_\-.]", re.I)


class Collection:
    def __init__(self, site: "Site", label: str) -> None:
        self.site = site
        self.label = _UNSAFE_LABEL.sub("", label)
        collections = site.config.get("collections")
        meta = collections.get(label) if isinstance(collections, dict) else None
        self.metadata: dict[str, Any] = meta if isinstance(meta, dict) else {}
        self.docs: list["Document"] = []
        self.files: list["StaticFile"] = []

    @property
    def relative_directory(self) -> str:
        return f"_{self.label}"

    @property
    def directory(self) -> Path:
        return self.site.source / str(self.site.config.get("collections_dir") or "") \
            / self.relative_directory

    @functools.cached_property
    def source_root(self) -> str:
        """The folder documents' relative paths start from (the source, or
        ``collections_dir`` in it), as text: every document read asks for it."""
        return str(self.site.source / str(self.site.config.get("collections_dir") or ""))

    def converters_for(self, ext: str) -> list[Any]:
        """The site's converters for ``ext``, one list shared by the documents that have
        that extension (worked out once, not once per document)."""
        table: dict[str, list[Any]] = self.__dict__.setdefault("_converters_by_ext", {})
        found = table.get(ext)
        if found is None:
            found = table[ext] = self.site.converters_for(ext)
        return found

    def output_ext_for(self, ext: str) -> str:
        """The output extension of this collection's documents with extension ``ext``
        and no ``permalink`` (worked out once per extension)."""
        table: dict[str, str] = self.__dict__.setdefault("_output_ext_by_ext", {})
        found = table.get(ext)
        if found is None:
            found = table[ext] = self.site.output_ext(ext, None, self.converters_for(ext))
        return found

    def write_p(self) -> bool:
        return bool(self.metadata.get("output", False))

    @property
    def url_template(self) -> str:
        if "permalink" in self.metadata:
            return str(self.metadata["permalink"])
        return urls.add_permalink_suffix("/:collection/:path", self.site.permalink_style)

    # -- reading ---------------------------------------------------------------------------------
    def filtered_entries(self) -> list[str]:
        """Paths (relative to the collection folder) of its files, as Jekyll lists them."""
        root = self.directory
        if not root.is_dir():
            return []
        found = []
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames.sort()
            rel_dir = os.path.relpath(dirpath, root).replace(os.sep, "/")
            for name in filenames:
                found.append(name if rel_dir == "." else f"{rel_dir}/{name}")
        found.sort()
        filt = EntryFilter(self.site.source, self.site.include, self.site.exclude,
                           self.relative_directory)
        return [e for e in filt.filter(found) if not (root / e).is_dir()]

    def read(self) -> None:
        from .document import Document
        from .static_file import StaticFile
        for entry in self.filtered_entries():
            full = self.directory / entry
            if has_yaml_header(full):
                doc = Document(self.site, full, self)
                doc.read()
                if self.site.config.get("unpublished") or doc.published():
                    self.docs.append(doc)
            else:
                rel_dir = os.path.dirname(entry)
                dir_ = self.relative_directory + (f"/{rel_dir}" if rel_dir else "")
                base = self.site.source / str(self.site.config.get("collections_dir") or "")
                self.files.append(StaticFile(self.site, base, dir_, os.path.basename(entry),
                                             self))
        self.site.static_files.extend(self.files)
        self.sort_docs()

    def sort_docs(self) -> None:
        order = self.metadata.get("order")
        sort_by = self.metadata.get("sort_by")
        if isinstance(order, list):
            table = {d.relative_path: d for d in sorted(self.docs, key=functools.cmp_to_key(
                _compare_docs))}
            ordered = [table.pop(f"{self.relative_directory}/{e}") for e in order
                       if f"{self.relative_directory}/{e}" in table]
            self.docs = ordered + list(table.values())
        elif isinstance(sort_by, str):
            def cmp(a: "Document", b: "Document") -> int:
                pa, pb = a.data.get(sort_by), b.data.get(sort_by)
                if pa is None and pb is not None:
                    return 1
                if pa is not None and pb is None:
                    return -1
                result = ruby.compare(pa, pb)
                return result if result else _compare_docs(a, b)
            self.docs = ruby.sort(self.docs, cmp)
        else:
            self.docs = _sorted_by_date(self.docs)

    def to_liquid(self) -> Any:
        from ..rendering.drops import CollectionDrop
        return CollectionDrop(self)


def _compare_docs(a: "Document", b: "Document") -> int:
    """``Document#<=>``: by date, then by path."""
    da, db = a.data.get("date"), b.data.get("date")
    result = ruby.compare(da, db) if da is not None and db is not None else None
    if not result:
        pa, pb = str(a.path), str(b.path)
        result = (pa > pb) - (pa < pb)
    return result


def _sorted_by_date(docs: list["Document"], *, newest_first: bool = False
                    ) -> list["Document"]:
    """Documents in ``Document#<=>`` order (date, then path), or in the opposite order
    (a sort by ``b <=> a``, as ``site.posts`` is).

    When every date is an aware ``datetime`` (what reading gives every dated document),
    that order is a plain key, and any stable sort gives the one result Ruby's stable merge
    sort gives; Python's own sort is then used instead of the merge sort restated in
    Python.  Other dates (mixed types Ruby cannot compare) keep Ruby's sort."""
    keys = []
    for doc in docs:
        date = doc.data.get("date")
        if type(date) is not _dt.datetime or date.tzinfo is None:
            if newest_first:
                return ruby.sort(docs, lambda a, b: _compare_docs(b, a))
            return ruby.sort(docs, _compare_docs)
        keys.append((date, str(doc.path)))
    order = sorted(range(len(docs)), key=keys.__getitem__, reverse=newest_first)
    return [docs[i] for i in order]


def has_yaml_header(path: Path) -> bool:
    """Jekyll's ``Utils.has_yaml_header?``: the first line is ``---`` (trailing blanks
    allowed)."""
    try:
        with path.open("rb") as fh:
            first = fh.readline()
    except OSError:
        return False
    return re.match(rb"---\s*\r?\n", first) is not None

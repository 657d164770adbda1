"""What templates see: Jekyll's drops as read-only mappings for python-liquid.

A drop answers a key from its own methods first (``url``, ``content``, ``excerpt``, ...)
and then from the object's data, as ``Jekyll::Drops::Drop#[]`` does; an unknown key raises
KeyError, which Liquid treats as nil.  Values are computed when asked for, so a template
sees the state of the build at that moment (a post's ``content`` is its converted HTML once
the post has been rendered), as with Jekyll.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Callable

from ..config import deep_merge
from . import dependencies as _deps

if TYPE_CHECKING:
    from ..site.page import Page
    from ..site.site import Site

JEKYLL_VERSION = "4.3.1"


class Drop(Mapping):
    """Keys from ``methods`` (name -> function of the wrapped object), then ``fallback``."""

    methods: dict[str, Callable[[Any], Any]] = {}

    def __init__(self, obj: Any) -> None:
        self.obj = obj

    def fallback(self) -> Mapping[str, Any]:
        return {}

    def __getitem__(self, key: Any) -> Any:
        method = self.methods.get(key) if isinstance(key, str) else None
        if method is not None:
            return method(self.obj)
        data = self.fallback()
        if key in data:
            return data[key]
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        seen = dict.fromkeys(self.methods)
        seen.update(dict.fromkeys(self.fallback()))
        return iter(seen)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def to_liquid(self) -> "Drop":
        return self

    def __str__(self) -> str:
        return str(self.obj)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Drop) and other.obj is self.obj

    def __hash__(self) -> int:
        return id(self.obj)


def _liquid(value: Any) -> Any:
    return value.to_liquid() if value is not None and hasattr(value, "to_liquid") else value


def _rendered(doc: Any) -> Any:
    from .renderer import ensure_rendered
    ensure_rendered(doc)
    return doc


class DocumentDrop(Drop):
    methods = {
        "id": lambda d: d.id,
        "output": lambda d: _rendered(d).output,
        "content": lambda d: _rendered(d).content,
        "relative_path": lambda d: d.relative_path,
        "path": lambda d: d.relative_path,
        "url": lambda d: d.url,
        "date": lambda d: d.date,
        "collection": lambda d: d.collection.label,
        "excerpt": lambda d: _excerpt_string(d.data.get("excerpt")),
        "name": lambda d: d.data.get("name") or d.basename,
        "previous": lambda d: _liquid(d.previous_doc()),
        "next": lambda d: _liquid(d.next_doc()),
    }

    def __getitem__(self, key: Any) -> Any:
        tracker = _deps.active
        if tracker is not None:
            # a document's neighbours depend on the collection's order, its own too
            tracker.read_field(None if key in ("previous", "next") else self.obj,
                               "c:" + self.obj.collection.label, key)
        return super().__getitem__(key)

    def __iter__(self) -> Iterator[str]:
        tracker = _deps.active
        if tracker is not None:
            tracker.read_field(self.obj, "c:" + self.obj.collection.label, "*")
        return super().__iter__()

    def fallback(self) -> Mapping[str, Any]:
        return self.obj.data


def _excerpt_string(value: Any) -> str:
    if value is None:
        return ""
    from ..site.document import Excerpt
    if isinstance(value, Excerpt):
        return render_excerpt(value)
    from . import ruby
    return ruby.to_s(value)


class ExcerptDrop(DocumentDrop):
    methods = {
        **DocumentDrop.methods,
        "id": lambda e: f"{e.doc.id}#excerpt",
        "output": lambda e: e.output,
        "content": lambda e: e.content,
        "relative_path": lambda e: e.relative_path,
        "path": lambda e: e.relative_path,
        "url": lambda e: e.doc.url,
        "date": lambda e: e.doc.date,
        "collection": lambda e: e.doc.collection.label,
        "excerpt": lambda e: None,
        "layout": lambda e: e.doc.data.get("layout"),
        "name": lambda e: e.doc.data.get("name") or e.doc.basename,
        "previous": lambda e: _liquid(e.doc.previous_doc()),
        "next": lambda e: _liquid(e.doc.next_doc()),
    }

    def __getitem__(self, key: Any) -> Any:
        if key in ("previous", "next"):
            tracker = _deps.active
            if tracker is not None:
                tracker.read_field(None, "c:" + self.obj.doc.collection.label, "#keys")
        return Drop.__getitem__(self, key)

    def __iter__(self) -> Iterator[str]:
        return Drop.__iter__(self)

    def fallback(self) -> Mapping[str, Any]:
        return self.obj.data


class PageDrop(Drop):
    """A page as Jekyll gives it to Liquid: its data with ``content``, ``dir``, ``excerpt``,
    ``name``, ``path`` and ``url`` merged on top."""

    def snapshot(self) -> dict[str, Any]:
        """The hash Jekyll's ``Page#to_liquid`` builds; rebuilt only when the page's
        content has changed since the last one (templates ask for it very often: every
        ``site.pages`` loop of every page)."""
        page: "Page" = self.obj
        cached = getattr(page, "_liquid_snapshot", None)
        if cached is not None and cached[0] is page.content:
            return cached[1]
        further = {"content": page.content, "dir": page.dir,
                   "excerpt": page.data.get("excerpt"), "name": page.name,
                   "path": page.liquid_path, "url": page.url}
        value = deep_merge(page.defaults, deep_merge(page.data, further))
        page._liquid_snapshot = (page.content, value)
        return value

    def __getitem__(self, key: Any) -> Any:
        tracker = _deps.active
        if tracker is not None:
            tracker.read_field(self.obj, "pages", key)
        return super().__getitem__(key)

    def __iter__(self) -> Iterator[str]:
        tracker = _deps.active
        if tracker is not None:
            tracker.read_field(self.obj, "pages", "*")
        return super().__iter__()

    def fallback(self) -> Mapping[str, Any]:
        return self.snapshot()


class StaticFileDrop(Drop):
    methods = {
        "name": lambda f: f.name,
        "extname": lambda f: f.extname,
        "modified_time": lambda f: f.modified_time,
        "basename": lambda f: f.basename,
        "path": lambda f: f.relative_path,
        "collection": lambda f: f.collection.label if f.collection is not None else None,
    }

    def __getitem__(self, key: Any) -> Any:
        tracker = _deps.active
        if tracker is not None:
            tracker.read_field(self.obj, "static", key)
        return super().__getitem__(key)

    def __iter__(self) -> Iterator[str]:
        tracker = _deps.active
        if tracker is not None:
            tracker.read_field(self.obj, "static", "*")
        return super().__iter__()

    def fallback(self) -> Mapping[str, Any]:
        return self.obj.data


class CollectionDrop(Drop):
    methods = {
        "label": lambda c: c.label,
        "docs": lambda c: [d.to_liquid() for d in c.docs],
        "files": lambda c: [f.to_liquid() for f in c.files],
        "relative_directory": lambda c: c.relative_directory,
        "directory": lambda c: str(c.directory),
        "output": lambda c: c.write_p(),
    }

    def __getitem__(self, key: Any) -> Any:
        tracker = _deps.active
        if tracker is not None:
            tracker.read_field(None, "c:" + self.obj.label, "#keys")
            if key == "files":
                tracker.read_field(None, "static", "#keys")
        return super().__getitem__(key)

    def fallback(self) -> Mapping[str, Any]:
        return self.obj.metadata

    def __str__(self) -> str:
        return self.obj.label


class JekyllDrop(Drop):
    methods = {
        "version": lambda _: JEKYLL_VERSION,
        "environment": lambda _: os.environ.get("JEKYLL_ENV") or "development",
    }


class SiteDrop(Drop):
    """``site``: the configuration plus what was read; a collection's label gives its
    documents."""

    def __init__(self, site: "Site") -> None:
        super().__init__(site)
        self._cache: dict[str, Any] = {}

    def _posts(self) -> list[Any]:
        from ..site.collection import _sorted_by_date
        return [d.to_liquid() for d in _sorted_by_date(self.obj.posts.docs, newest_first=True)]

    def _attr_hash(self, attr: str) -> dict[str, list[Any]]:
        from ..rendering import ruby
        from ..site.collection import _compare_docs
        table: dict[Any, list[Any]] = {}
        for post in self.obj.posts.docs:
            for value in post.data.get(attr) or []:
                table.setdefault(value, []).append(post)
        return {k: [d.to_liquid() for d in reversed(ruby.sort(v, _compare_docs))]
                for k, v in table.items()}

    def __getitem__(self, key: Any) -> Any:
        site: "Site" = self.obj
        tracker = _deps.active
        if tracker is not None:
            _note_site_read(tracker, site, key)
        if key != "posts" and key in site.collections:
            return [d.to_liquid() for d in site.collections[key].docs]
        if key in self._cache:
            return self._cache[key]
        if key == "posts":
            value = self._cache[key] = self._posts()
            return value
        if key == "pages":
            return [p.to_liquid() for p in site.pages]
        if key == "html_pages":
            return [p.to_liquid() for p in site.pages if p.is_html() or p.url.endswith("/")]
        if key == "static_files":
            return [f.to_liquid() for f in site.static_files]
        if key == "documents":
            # Site#documents: each collection's documents, then its static files
            return [d.to_liquid() for c in site.collections.values()
                    for d in (*c.docs, *c.files)]
        if key == "collections":
            return [c.to_liquid() for c in sorted(site.collections.values(),
                                                  key=lambda c: c.label)]
        if key == "data":
            return site.data
        if key == "time":
            return site.time
        if key in ("categories", "tags"):
            value = self._cache[key] = self._attr_hash(key)
            return value
        if key == "related_posts":
            current = getattr(self, "current_document", None)
            from ..site.document import Document
            if isinstance(current, Document):
                return [p for p in self._posts() if p.obj is not current][:10]
            return None
        if key == "config":
            return None
        if key in site.config:
            return site.config[key]
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        tracker = _deps.active
        if tracker is not None:
            tracker.read_site("*")
        keys = dict.fromkeys(["time", "pages", "static_files", "html_pages",
                              "collections", "documents", "posts", "related_posts",
                              "categories", "tags", "data"])
        keys.update(dict.fromkeys(self.obj.config))
        return iter(keys)


def _note_site_read(tracker: Any, site: "Site", key: Any) -> None:
    """What reading ``site[key]`` ties the current render to."""
    if key in site.collections:
        tracker.read_field(None, f"c:{key}", "#keys")
    elif key in ("pages", "html_pages"):
        tracker.read_field(None, "pages", "#keys")
        if key == "html_pages":
            tracker.read_field(None, "pages", "url")
    elif key in ("static_files", "html_files"):
        tracker.read_field(None, "static", "#keys")
    elif key in ("documents", "collections"):
        for label in site.collections:
            tracker.read_field(None, f"c:{label}", "#keys")
        if key == "documents":
            tracker.read_field(None, "static", "#keys")
    elif key in ("categories", "tags"):
        tracker.read_field(None, "c:posts", "#keys")
        tracker.read_field(None, "c:posts", key)
    elif key == "related_posts":
        tracker.read_field(None, "c:posts", "#keys")
        # which posts: those other than the current document (differs page by page)
        tracker.read_site("related_posts")
    elif key in ("data", "time"):
        tracker.read_site(key)


def render_excerpt(excerpt: Any) -> str:
    """An excerpt's output, rendered the first time it is asked for (``Excerpt#output``)."""
    if excerpt.output is None:
        from .renderer import note_on_demand_render, render_standalone
        site = excerpt.doc.site
        note_on_demand_render(site)
        tracker = _deps.active
        if tracker is None:
            excerpt.output = render_standalone(site, excerpt)
        else:
            excerpt.output = tracker.excerpt(excerpt,
                                             lambda: render_standalone(site, excerpt))
    return excerpt.output

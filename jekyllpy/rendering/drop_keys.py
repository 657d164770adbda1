"""``Jekyll::Drops::Drop#keys``: the keys of a drop in Jekyll's order.

``keys`` is the drop class's ``content_methods`` (its public getters less those of
``Drop``), then the keys of its data (front matter, a collection's metadata, the
configuration) not among them.  ``to_h``/``to_json``/``inspect`` list a drop's fields in
this order (:mod:`.filters`), and Liquid's ``InputIterator`` walks a drop by them (a drop is
Enumerable: ``join``, ``map`` and the like see its keys).

Ruby lists a class's methods in the order of its method table, which depends on the ids
of the method names: the orders below are those ``content_methods`` gives in a ``jekyll
build`` (Jekyll 4.3.1, Ruby 3.1; the same with and without plugins and a theme).
"""

from __future__ import annotations

from typing import Any

from .drops import (CollectionDrop, DocumentDrop, Drop, ExcerptDrop, JekyllDrop, PageDrop,
                    SiteDrop, StaticFileDrop)

__all__ = ["drop_keys", "is_jekyll_drop"]

CONTENT_METHODS: tuple[tuple[type, tuple[str, ...]], ...] = (
    # ExcerptDrop before DocumentDrop, its superclass
    (ExcerptDrop, ("name", "date", "excerpt", "layout", "id", "relative_path", "title",
                   "categories", "collection", "next", "tags", "previous", "content",
                   "output", "path", "url")),
    (DocumentDrop, ("name", "id", "relative_path", "excerpt", "title", "categories",
                    "collection", "next", "tags", "previous", "content", "output", "path",
                    "url", "date")),
    (CollectionDrop, ("label", "files", "docs", "output", "relative_directory",
                      "directory")),
    (StaticFileDrop, ("name", "basename", "extname", "path", "collection",
                      "modified_time")),
    (SiteDrop, ("posts", "time", "html_pages", "config", "documents", "pages", "data",
                "categories", "related_posts", "tags", "static_files", "collections")),
    (JekyllDrop, ("version", "environment")),
)


def is_jekyll_drop(value: Any) -> bool:
    """Whether ``value`` stands for one of Jekyll's drops (a page's drop stands for the
    Hash ``Page#to_liquid`` returns)."""
    return isinstance(value, Drop) and not isinstance(value, PageDrop)


def drop_keys(drop: Drop) -> list[Any]:
    """``Drop#keys``.  Iterating the drop (its own keys, then its data's) is what tells a
    dependency tracker that every field was read."""
    own = next((keys for cls, keys in CONTENT_METHODS if isinstance(drop, cls)), ())
    return list(dict.fromkeys([*own, *drop]))

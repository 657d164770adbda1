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

__all__ = ["content_methods", "drop_keys", "is_enumerable_drop", "is_jekyll_drop"]

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


def is_enumerable_drop(value: Any) -> bool:
    """Whether ``value`` is one of Jekyll's Enumerable drops (``Jekyll::Drops::Drop``):
    Liquid walks it by its keys.  ``jekyll`` is a bare ``Liquid::Drop`` and a page a
    Hash."""
    return isinstance(value, Drop) and value.enumerable


def content_methods(drop: Drop) -> tuple[str, ...]:
    """``Drop#content_methods``: the drop class's getters in the order Ruby lists them."""
    return next((keys for cls, keys in CONTENT_METHODS if isinstance(drop, cls)), ())


def drop_keys(drop: Drop) -> list[Any]:
    """``Drop#keys``.  Iterating the drop (its own keys, then its data's) is what tells a
    dependency tracker that every field was read."""
    return list(dict.fromkeys([*content_methods(drop), *drop]))

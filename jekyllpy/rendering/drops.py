"""What templates see: Jekyll's drops as read-only mappings for python-liquid.

A drop answers a key from its own methods first (``url``, ``content``, ``excerpt``, ...)
and then from the object's data, as ``Jekyll::Drops::Drop#[]`` does; an unknown key raises
KeyError, which Liquid treats as nil.  Values are computed when asked for, so a template
sees the state of the build at that moment (a post's ``content`` is its converted HTML once
the post has been rendered), as with Jekyll.

What else a lookup reaches (``post.count``, ``site.first``, ``post.size``): Liquid 5.4's
``VariableLookup`` asks ``key?`` and then ``[]``.  A Jekyll drop answers ``key?`` for any
method it responds to, and ``[]`` invokes only the methods Liquid lets templates invoke: its
content methods, and of the rest of its public methods those not inherited from
``Liquid::Drop`` (so not ``Object``'s ``inspect``, ``to_s``, ``to_json``, ...) nor from
``Enumerable`` (which Jekyll's drops include), except ``count``, ``first``, ``min``,
``max`` and ``sort``.  Everything else falls through to the data, and so is nil unless the
front matter has the key: ``size`` and ``last`` are no commands on a drop (it has neither
method), whatever python-liquid does for mappings.  :attr:`Drop.calls` holds the invokable
non-content methods of each kind of drop.

Drops in arrays: Jekyll's own arrays (``site.posts``, a collection's ``docs``,
``site.pages``, ``site.static_files``, ``site.tags``' values, and what ``where``/``sort``
keep of them) hold Jekyll's objects, which print and inspect as objects
(``#<Jekyll::Document ...>``, a page's content); Liquid turns each item into its drop
(``to_liquid``) where it walks an array for a filter (``reverse``, ``map``, ...), and a
drop's own methods (``previous``, ``next``) return drops.  We keep one drop per object
for both; :meth:`Drop.as_value` gives the drop's *value* twin, marked :attr:`Drop.is_value`,
for the places Ruby holds the drop itself.  At the top of an output or a filter's input
there is no difference: Liquid always hands over ``to_liquid``'s result there.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Callable

from ..config import deep_merge
from . import dependencies as _deps

if TYPE_CHECKING:
    from ..site.page import Page
    from ..site.site import Site

JEKYLL_VERSION = "4.3.1"


# python-liquid answers these for any mapping that raises KeyError for them (its length, its
# first item); Ruby's Liquid asks the drop itself, which has no such method
_PY_LIQUID_COMMANDS = frozenset(("size", "first", "last"))


class Drop(Mapping):
    """Keys from ``methods`` (name -> function of the wrapped object), then ``calls``
    (name -> function of the drop), then ``fallback``."""

    methods: dict[str, Callable[[Any], Any]] = {}
    #: the methods other than content methods that Liquid may invoke (see the module's
    #: docstring); filled in below for each kind of drop
    calls: dict[str, Callable[["Drop"], Any]] = {}
    #: whether the drop is a ``Jekyll::Drops::Drop`` (Enumerable: walked by its keys,
    #: ``count``, ``first``, ...) rather than a bare ``Liquid::Drop``; a page's drop stands
    #: for a Hash and answers as one
    enumerable = True
    #: the Ruby class name a bare ``Drop#to_s`` prints
    ruby_class = "Liquid::Drop"
    #: whether this is the drop as a value (see :meth:`as_value`), not standing for
    #: Jekyll's object inside one of Jekyll's arrays
    is_value = False

    def __init__(self, obj: Any) -> None:
        self.obj = obj

    def fallback(self) -> Mapping[str, Any]:
        return {}

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            method = self.methods.get(key)
            if method is not None:
                return method(self.obj)
            call = self.calls.get(key)
            if call is not None:
                return call(self)
        data = self.fallback()
        if key in data:
            return data[key]
        return self.missing(key)

    def missing(self, key: Any) -> Any:
        """The value of a key the drop has no method or data for: nil.  Raised as KeyError
        (python-liquid's nil), except for ``size``/``first``/``last``, which python-liquid
        would answer from the mapping instead of giving nil."""
        if key in _PY_LIQUID_COMMANDS:
            return None
        raise KeyError(key)

    def __contains__(self, key: object) -> bool:
        """Whether the drop has a method or data of that name (not the nil that
        :meth:`missing` gives for ``size``/``last``).  Asked through ``self[key]``, so
        that a dependency tracker hears of the read, as it does of any other."""
        try:
            value = self[key]
        except KeyError:
            return False
        return (value is not None or key not in _PY_LIQUID_COMMANDS
                or key in self.calls or key in self.fallback())

    def __iter__(self) -> Iterator[str]:
        seen = dict.fromkeys(self.methods)
        seen.update(dict.fromkeys(self.fallback()))
        return iter(seen)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def to_liquid(self) -> "Drop":
        return self

    def loop_items(self) -> list[Any]:
        """What ``{% for x in drop %}`` walks: a Jekyll drop's ``each`` yields key and
        value, of which the loop variable takes the key; a page (a Hash) gives its
        ``[key, value]`` pairs; ``jekyll`` is no collection (nothing)."""
        if self.enumerable:
            return _keys(self)
        return []

    def ruby_include(self, value: Any, equal: Callable[[Any, Any], bool]) -> bool:
        """``include?`` (Liquid's ``contains``): a Jekyll drop is Enumerable, whose items
        are ``[key, value]`` pairs, so only such a pair is included; ``jekyll`` has no
        ``include?``."""
        if not self.enumerable or not isinstance(value, (list, tuple)) or len(value) != 2:
            return False
        key = value[0]
        return key in _keys(self) and equal([key, _value(self, key)], value)

    def as_value(self) -> "Drop":
        """This drop as a value Liquid holds, for arrays and hashes in which Ruby holds the
        drop rather than Jekyll's object (what ``to_liquid`` gave, what a drop's method
        returned): it inspects and prints as the drop.  One twin per drop, so that
        identity comparisons (include caching) see the same object each time; it compares
        equal to the drop."""
        if self.is_value:
            return self
        twin = self.__dict__.get("_value_twin")
        if twin is None:
            twin = copy.copy(self)
            twin.is_value = True
            self._value_twin = twin
        return twin

    # Ruby's to_s and inspect (ruby.to_s / ruby.inspect ask the value for these)

    def ruby_to_s(self, tz: Any) -> str:
        """``to_s`` of the drop (``{{ drop }}``, ``append``, ``join``)."""
        return self.ruby_class

    def object_to_s(self, tz: Any) -> str:
        """``to_s`` of what the drop stands for as an item of one of Jekyll's arrays."""
        return self.ruby_to_s(tz)

    def ruby_inspect(self, tz: Any) -> str:
        """``inspect`` of the drop as an item of an array or a hash: Jekyll's object when
        it stands for one (``#<Jekyll::Document ...>``), else ``Drop#inspect``."""
        from .filters import drop_inspect, object_inspect
        if not self.is_value:
            shown = object_inspect(self)
            if shown is not None:
                return shown
        return drop_inspect(self, tz)

    def __str__(self) -> str:
        return str(self.obj)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Drop) and other.obj is self.obj

    def __hash__(self) -> int:
        return id(self.obj)


def _liquid(value: Any) -> Any:
    """``value.to_liquid``, as a value (see :meth:`Drop.as_value`)."""
    if value is None or not hasattr(value, "to_liquid"):
        return value
    value = value.to_liquid()
    return value.as_value() if isinstance(value, Drop) else value


# ----------------------------------------------------------------- what Liquid may invoke

def _keys(drop: Drop) -> list[Any]:
    from .drop_keys import drop_keys
    return drop_keys(drop)


def _value(drop: Drop, key: Any) -> Any:
    """``Drop#[]``, which gives nil for a key it has nothing for."""
    try:
        return drop[key]
    except KeyError:
        return None


def _sorted_keys(drop: Drop) -> list[Any]:
    """The keys in the order Ruby sorts ``[key, value]`` pairs: by key (keys are distinct,
    so values are never compared), byte order of strings being code point order.  Ruby
    cannot compare a string with another kind of key and fails."""
    from .ruby import RubyArgumentError
    keys = _keys(drop)
    if not all(isinstance(k, str) for k in keys):
        raise RubyArgumentError("comparison of Array with Array failed")
    return sorted(keys)


def _pair(drop: Drop, key: Any) -> list[Any]:
    """What ``Drop#each`` yields, as Enumerable's methods collect it: ``[key, value]``."""
    return [key, _value(drop, key)]


def _first(drop: Drop) -> Any:
    keys = _keys(drop)
    return _pair(drop, keys[0]) if keys else None


def _min(drop: Drop) -> Any:
    keys = _sorted_keys(drop)
    return _pair(drop, keys[0]) if keys else None


def _max(drop: Drop) -> Any:
    keys = _sorted_keys(drop)
    return _pair(drop, keys[-1]) if keys else None


def _to_h(drop: Drop) -> dict[Any, Any]:
    """``Drop#to_h`` (invoked as ``to_hash``/``hash_for_json``: ``to_h`` itself is
    Enumerable's, which Liquid does not invoke)."""
    return {key: _value(drop, key) for key in _keys(drop)}


def _content_methods(drop: Drop) -> list[str]:
    from .drop_keys import content_methods
    return list(content_methods(drop))


def _needs_arguments(expected: str) -> Callable[[Drop], Any]:
    """A method that takes arguments: invoked without any, Ruby raises."""
    def call(drop: Drop) -> Any:
        from .ruby import RubyArgumentError
        raise RubyArgumentError(f"wrong number of arguments (given 0, expected {expected})")
    return call


def _each_key(drop: Drop) -> Any:
    """``each_key`` without a block is an Enumerator, which has no ``to_liquid``."""
    from .ruby import RubyArgumentError, inspect
    raise RubyArgumentError(f"undefined method `to_liquid' for #<Enumerator: "
                            f"{inspect(_keys(drop))}:each>")


#: ``Jekyll::Drops::Drop``'s invokable methods besides the content methods: the five
#: Enumerable methods Liquid allows, Drop's own public methods (``keys``, ``to_hash``, ...)
ENUMERABLE_CALLS: dict[str, Callable[[Drop], Any]] = {
    "count": lambda d: len(_keys(d)),
    "first": _first,
    "min": _min,
    "max": _max,
    "sort": lambda d: [_pair(d, k) for k in _sorted_keys(d)],
    "keys": _keys,
    "to_hash": _to_h,
    "hash_for_json": _to_h,
    "content_methods": _content_methods,
    "to_liquid": lambda d: d,
    "each_key": _each_key,
    "merge": _needs_arguments("1"),
    "merge!": _needs_arguments("1"),
    "fetch": _needs_arguments("1..2"),
    "[]=": _needs_arguments("2"),
}


#: imported when first needed (the site package imports this module), then kept: an
#: import statement costs about 2 us each time, and a home page asks for every post's
#: excerpt
_Excerpt: Any = None
_render_standalone: Any = None
_note_on_demand_render: Any = None
_ensure_rendered: Any = None


def _rendered(doc: Any) -> Any:
    global _ensure_rendered
    if _ensure_rendered is None:
        from .renderer import ensure_rendered as _ensure_rendered
    _ensure_rendered(doc)
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
    calls = {**ENUMERABLE_CALLS, "collapse_document": _needs_arguments("1"),
             "<=>": _needs_arguments("1")}

    def ruby_to_s(self, tz: Any) -> str:
        """``Document#to_s``: its output, else its content, else ``NO CONTENT``."""
        for key in ("output", "content"):
            text = self[key]
            if text is not None:
                return text
        return "NO CONTENT"

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
    global _Excerpt
    if value is None:
        return ""
    if _Excerpt is None:
        from ..site.document import Excerpt as _Excerpt
    if isinstance(value, _Excerpt):
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

    def ruby_to_s(self, tz: Any) -> str:
        """``Excerpt#to_s``: its output, else its content."""
        text = self["output"]
        if text is None:
            text = self["content"]
        return "" if text is None else text

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
    ``name``, ``path`` and ``url`` merged on top.

    ``Page#to_liquid`` is a Hash, not a drop: no methods to invoke, and python-liquid's
    own answers for mappings (``size``, ``first``, no ``last``) are a Hash's."""

    enumerable = False

    def missing(self, key: Any) -> Any:
        raise KeyError(key)

    def ruby_to_s(self, tz: Any) -> str:
        """``Hash#to_s``, which is its ``inspect``."""
        from .ruby import inspect
        return inspect(dict(self), tz)

    def loop_items(self) -> list[Any]:
        return [[key, value] for key, value in self.items()]

    def ruby_include(self, value: Any, equal: Callable[[Any, Any], bool]) -> bool:
        """``Hash#include?``: whether it has the key."""
        return value in self

    def object_to_s(self, tz: Any) -> str:
        """``Page#to_s``: its content (or nothing)."""
        text = self.get("content")
        return "" if text is None else text

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
    calls = ENUMERABLE_CALLS
    ruby_class = "Jekyll::Drops::StaticFileDrop"

    def object_to_s(self, tz: Any) -> str:
        """``Object#to_s`` of a StaticFile, which names its address in memory."""
        return f"#<Jekyll::StaticFile:0x{id(self.obj):016x}>"

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
    calls = ENUMERABLE_CALLS

    def ruby_to_s(self, tz: Any) -> str:
        """``CollectionDrop#to_s``: its documents' array printed (``inspect``)."""
        from .ruby import inspect
        return inspect(self["docs"], tz)

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
    """``jekyll``: a bare ``Liquid::Drop`` (not Enumerable, no data), with ``to_h`` its
    one invokable method besides ``version`` and ``environment``."""

    methods = {
        "version": lambda _: JEKYLL_VERSION,
        "environment": lambda _: os.environ.get("JEKYLL_ENV") or "development",
    }
    calls = {
        "to_h": lambda d: {key: d[key] for key in d.methods},
        "to_liquid": lambda d: d,
    }
    enumerable = False
    ruby_class = "Jekyll::Drops::JekyllDrop"

    def ruby_inspect(self, tz: Any) -> str:
        """``Liquid::Drop#inspect``: the class name."""
        return self.ruby_class


#: the names SiteDrop answers itself rather than from the configuration
_SITE_OWN = frozenset(("posts", "pages", "html_pages", "static_files", "documents",
                       "collections", "data", "time", "categories", "tags",
                       "related_posts", "config"))


class SiteDrop(Drop):
    """``site``: the configuration plus what was read; a collection's label gives its
    documents."""

    calls = ENUMERABLE_CALLS
    ruby_class = "Jekyll::Drops::SiteDrop"

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
        if type(key) is str and key not in _SITE_OWN and key not in self.calls:
            # a setting (site.title, site.show_excerpts): the usual case, found directly
            config = site.config
            if key in config:
                return config[key]
            return self.missing(key)
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
        call = self.calls.get(key) if isinstance(key, str) else None
        if call is not None:
            return call(self)
        if key in site.config:
            return site.config[key]
        return self.missing(key)

    def fallback(self) -> Mapping[str, Any]:
        """The configuration (``SiteDrop``'s fallback data)."""
        return self.obj.config

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
    global _render_standalone, _note_on_demand_render
    if excerpt.output is None:
        if _render_standalone is None:
            from .renderer import note_on_demand_render as _note_on_demand_render
            from .renderer import render_standalone as _render_standalone
        site = excerpt.doc.site
        _note_on_demand_render(site)
        tracker = _deps.active
        if tracker is None:
            excerpt.output = _render_standalone(site, excerpt)
        else:
            excerpt.output = tracker.excerpt(excerpt,
                                             lambda: _render_standalone(site, excerpt))
    return excerpt.output

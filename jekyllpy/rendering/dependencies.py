"""Dependency tracking for rebuilds: render only what a change affects.

Jekyll's ``Regenerator`` (``--incremental``) records, for each page or document, the files
it was rendered from (itself, its layouts, its includes) and on the next build skips those
whose files kept their modification times.  It does not see what a template reads of the
rest of the site, so a page listing ``site.posts`` keeps its old list when a post changes,
and a change to ``_data`` regenerates nothing.  We keep Jekyll's idea but record everything
a render reads, so that the result is always the bytes a full build would write:

* **the item itself**: a fingerprint of its key (kind, relative path, URL), its text as
  read (after the front matter) and its data (front matter, defaults, what generators
  added).  A change that leaves both alone (a comment in the front matter, a ``touch``)
  renders nothing;
* **layouts**, by name: the name's layout (path, text, data) or its absence;
* **included files** (``include``, ``include_relative``): every path the lookup tried and
  the bytes found, so that a new file shadowing a theme's include is noticed;
* **what it read of other items**, as (group, field) pairs: ``site.pages`` and a page's
  ``title`` give ("pages", "#keys") and ("pages", "title"); a collection's documents,
  ``site.posts``/``categories``/``tags``/``related_posts``, ``previous``/``next``,
  ``site.static_files``, ``link``/``post_url``, a paginator.  Reading a field ties the
  render to that field of every item of the group (and to the group's membership and
  order), not to the rest: editing a post's text re-renders the pages that show posts'
  ``content`` or ``excerpt``, not those that only list titles.  Fields whose value changes
  while the site renders (``content``, ``output``, ``excerpt``) are also compared after each
  render: a page that shows another's rendered ``content`` is rendered again when that
  content came out different this time.  Iterating over an item (``jsonify``) reads all
  of its fields; iterating over ``site`` reads everything;
* ``site.data`` (all data files together), ``site.time`` (its value: with no ``time:`` in
  the configuration, a page showing it is rendered every time), and for templates that
  call ``sassify``/``scssify``, the Sass folders;
* the render order's shared payload: a file whose Liquid mentions ``content`` or
  ``layout``, or that has no layout, depends on what the previous file left there, and is
  rendered again when that changed.

What Jekyll always regenerates is always rendered here too: pages without a source file
(plugin pages: feed, sitemap, robots.txt, Sass source maps), Sass/SCSS/CoffeeScript pages
(``asset_file?``), documents of collections that are not written, and anything with
``regenerate: true`` in its front matter.

A skipped item gets back what rendering would have given it (``content``, ``output``, its
excerpt's output if the render produced it, the payload's ``content``/``layout`` for the
next file, its warnings), so that everything rendered after it sees the same state as in
a full build.  Excerpts rendered on demand (a home page listing every post's excerpt) are
tracked the same way, and their dependencies count for the page that asked for them.

Everything is still read and generated on each build; only rendering is skipped.  The
configuration is part of the state: another configuration (or jekyllpy version, or
``JEKYLL_ENV``) renders everything.  Rendering runs on one thread; :data:`active` is the
tracker recording at the moment (read by drops and tags, which have no handle on it).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:
    from ..site.site import Site

#: the tracker recording a render right now (rendering is single-threaded)
active: "DependencyTracker | None" = None

#: format of the saved state; bump when :class:`Record` changes
STATE_VERSION = 1

_SELF_ONLY = object()
_ENTRY_WORDS = re.compile(r"\b(?:content|layout)\b")
#: fields whose values change while the site renders
_RENDERED_FIELDS = frozenset({"content", "output", "excerpt"})


def note_volatile() -> None:
    """A template read the clock or a random source (``"now" | date``, a time of day
    without a date, ``sample``): what it renders can differ from one render to the next,
    so the render recording now must not be reused."""
    if active is not None:
        active.read_volatile()


# -- fingerprints ---------------------------------------------------------------------------------
def _zone_reprs() -> list[tuple[str, str]]:
    """Reprs that name an object by its address but stand for a fixed value: the system
    zone (one per process), which dates carry when the site sets no ``timezone``."""
    from . import ruby
    zone = ruby.local_zone(None)
    return [(repr(zone), f"<{type(zone).__name__}>")]


_ZONES: list[tuple[str, str]] | None = None


def fingerprint(*values: Any) -> str:
    """A hash of ``values``, through ``repr``: exact for plain data (strings, numbers,
    dates, lists, mappings in their order; an excerpt by its text).  An object whose repr
    shows only its address gives a different hash every time, so what holds one is always
    rendered -- never wrongly skipped."""
    global _ZONES
    if _ZONES is None:
        _ZONES = _zone_reprs()
    text = repr(values)
    for address, name in _ZONES:
        if address in text:
            text = text.replace(address, name)
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _hash_text(text: Any) -> str | None:
    if text is None:
        return None
    return hashlib.blake2b(str(text).encode("utf-8", "surrogatepass"),
                           digest_size=16).hexdigest()


# -- what one render depended on -----------------------------------------------------------------
class Record:
    """What rendering one item (or one excerpt) read, and what it produced."""

    def __init__(self, key: tuple[Any, ...]) -> None:
        self.key = key
        self.fingerprint = ""
        self.layouts: dict[str, str | None] = {}
        self.files: dict[str, str | None] = {}
        self.fields: dict[tuple[str, Any], Any] = {}   # (group, field) -> signature
        self.data: str | None = None                    # site.data read: its fingerprint
        self.time: str | None = None                    # site.time read: its value
        self.everything = False                         # iterated over ``site``
        self.sass = False                               # sassify/scssify in its templates
        self.always = False
        # the shared payload
        self.entry: tuple[str | None, str] | None = None  # set when the entry state matters
        self.exit_content: Any = _SELF_ONLY
        self.exit_layout: Any = _SELF_ONLY
        # what the render produced
        self.content: Any = None
        self.output: Any = None
        self.excerpt_output: Any = None
        self.warnings: list[str] = []
        # while recording
        self.content_includes: list[str] = []
        self.in_layouts = False
        self.laid_out = False

    def merge(self, other: "Record") -> None:
        """Add what ``other`` (an excerpt rendered during this render) depended on."""
        self.layouts.update(other.layouts)
        self.files.update(other.files)
        for pair, sig in other.fields.items():
            self.fields.setdefault(pair, sig)
        self.data = self.data or other.data
        self.time = self.time or other.time
        self.everything = self.everything or other.everything
        self.sass = self.sass or other.sass
        if not self.in_layouts:
            self.content_includes.extend(other.content_includes)

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        for name in ("exit_content", "exit_layout"):
            if state[name] is _SELF_ONLY:
                state[name] = "<passthrough>"
        state["_passthrough"] = (self.exit_content is _SELF_ONLY,
                                 self.exit_layout is _SELF_ONLY)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        passthrough = state.pop("_passthrough", (False, False))
        self.__dict__.update(state)
        if passthrough[0]:
            self.exit_content = _SELF_ONLY
        if passthrough[1]:
            self.exit_layout = _SELF_ONLY


class State:
    """What the last successful build recorded."""

    def __init__(self) -> None:
        self.records: dict[tuple[Any, ...], Record] = {}
        self.excerpts: dict[tuple[Any, ...], Record] = {}
        self.digest = ""
        self.sass = ""
        self.config = ""


# -- the tracker ---------------------------------------------------------------------------------
def item_key(item: Any) -> tuple[Any, ...]:
    group = item_group(item)
    if group == "pages":
        return (group, item.relative_path, item.url)
    return (group, item.relative_path)


def item_group(item: Any) -> str:
    collection = getattr(item, "collection", None)
    if type(item).__name__ == "StaticFile":
        return "static"
    if collection is not None and hasattr(item, "date"):
        return "c:" + collection.label
    return "pages"


class DependencyTracker:
    """Decides which items a build renders, and records what each render read.

    ``store`` (optional) is a file outside the source where the state is kept between
    processes (``build --incremental``); without it the state lives in memory (serve,
    ``--watch``)."""

    def __init__(self, site: "Site", store: Path | None = None) -> None:
        self.site = site
        self.store = store
        self.state = State()
        #: (rendered, skipped) counts of the last build
        self.rendered: list[Any] = []
        self.skipped = 0
        self._config = self._config_fingerprint()
        if store is not None:
            self._load()

    # -- persistence -----------------------------------------------------------------------------
    def _config_fingerprint(self) -> str:
        from .. import __version__
        return fingerprint(STATE_VERSION, __version__, self.site.config,
                           os.environ.get("JEKYLL_ENV") or "development")

    def _load(self) -> None:
        assert self.store is not None
        try:
            with open(self.store, "rb") as fh:
                state = pickle.load(fh)
        except (OSError, EOFError, pickle.PickleError, AttributeError, ImportError,
                TypeError, ValueError):
            return
        if isinstance(state, State) and state.config == self._config:
            self.state = state

    def _save(self) -> None:
        if self.store is None:
            return
        self.store.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.store.with_name(self.store.name + ".tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(self.state, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self.store)

    # -- one build -------------------------------------------------------------------------------
    def begin(self) -> None:
        """Called once the site is read and generated, before anything renders."""
        global active
        site = self.site
        self._next = State()
        self._next.config = self._config
        self._stack: list[Record] = []
        self._current: list[Any] = []
        self._changed: set[tuple[str, str]] = set()
        self._files: dict[str, str | None] = {}
        self._layout_fps: dict[str, str | None] = {}
        self._texts: dict[str, str] = {}
        self._sigs: dict[tuple[str, Any], Any] = {}
        self._data_fp: str | None = None
        self.rendered = []
        self.skipped = 0
        # every item's key and fingerprint, from what was read (before anything renders)
        self._groups: dict[str, list[tuple[tuple[Any, ...], Any, Any, str]]] = {}
        self._raw_excerpts: dict[int, Any] = {}
        self._fps: dict[int, str] = {}
        digest = hashlib.blake2b(digest_size=16)
        items = [*site.pages, *(d for c in site.collections.values() for d in c.docs)]
        for item in items:
            key = item_key(item)
            fp = fingerprint(type(item).__name__, key, item.content, item.data)
            self._fps[id(item)] = fp
            self._groups.setdefault(key[0], []).append((key, item, item.content, fp))
            excerpt = item.data.get("excerpt")
            self._raw_excerpts[id(item)] = getattr(excerpt, "content", excerpt)
            digest.update(repr(key).encode() + fp.encode())
        for f in site.static_files:
            key = item_key(f)
            try:
                st = f.path.stat()
                stamp: Any = (st.st_mtime_ns, st.st_size)
            except OSError:
                stamp = None
            fp = fingerprint(key, f.url, stamp, f.data)
            self._groups.setdefault("static", []).append((key, f, None, fp))
            digest.update(repr(key).encode() + fp.encode())
        self._digest = digest.hexdigest()
        self._sass = self._sass_signature()
        self._next.digest, self._next.sass = self._digest, self._sass
        active = self

    def end_render(self) -> None:
        """The render is over (done or failed): nothing is recorded any more."""
        global active
        if active is self:
            active = None
        self._stack.clear()
        self._current.clear()

    def commit(self) -> None:
        """Once the destination is written: keep what this build recorded (a failed build
        keeps the old state, which still describes the destination), and save it when the
        state is kept in a file."""
        for rec in [*self._next.records.values(), *self._next.excerpts.values()]:
            for pair in rec.fields:
                if rec.fields[pair] is None:
                    rec.fields[pair] = self._sig(*pair)
        self.state = self._next
        self._save()

    # -- deciding ------------------------------------------------------------------------------
    def _always(self, item: Any) -> bool:
        if item.data.get("regenerate"):
            return True
        if item_group(item) == "pages":
            ext = getattr(item, "ext", "")
            if ext in (".sass", ".scss", ".coffee"):
                return True
            return not Path(item.path).is_file()
        return not item.write_p()

    def _stale(self, rec: Record | None, fp: str, payload: dict[str, Any] | None) -> bool:
        if rec is None or rec.always or rec.fingerprint != fp:
            return True
        if rec.everything and (self._digest != self.state.digest or self._changed):
            return True
        for name, layout_fp in rec.layouts.items():
            if self._layout_fp(name) != layout_fp:
                return True
        for path, digest in rec.files.items():
            if self._file_hash(path) != digest:
                return True
        if rec.data is not None and self._data_fingerprint() != rec.data:
            return True
        if rec.time is not None and self._time() != rec.time:
            return True
        if rec.sass and self._sass != self.state.sass:
            return True
        for (group, field), sig in rec.fields.items():
            if self._sig(group, field) != sig:
                return True
            if field in _RENDERED_FIELDS and (group, field) in self._changed:
                return True
            if field == "*" and any((group, f) in self._changed for f in _RENDERED_FIELDS):
                return True
        if rec.entry is not None and payload is not None and \
                self._entry_state(payload) != rec.entry:
            return True
        return False

    def predicted(self, item: Any) -> bool:
        """Whether ``item`` will render, as far as can be told before rendering starts
        (for the Markdown prefetch: items that may be skipped are left out)."""
        rec = self.state.records.get(item_key(item))
        if rec is None or self._always(item):
            return True
        if rec.everything or rec.entry is not None or any(
                f in _RENDERED_FIELDS or f == "*" for _, f in rec.fields):
            return False
        return self._stale(rec, self._fps.get(id(item), ""), None)

    # -- rendering -------------------------------------------------------------------------------
    def render(self, item: Any, payload: dict[str, Any], run: Callable[[], str]) -> bool:
        """Render ``item`` (``run()``) or restore it; returns whether it was rendered."""
        key = item_key(item)
        fp = self._fps.get(id(item)) or fingerprint(type(item).__name__, key, item.content,
                                                     item.data)
        old = self.state.records.get(key)
        always = self._always(item)
        if not always and not self._stale(old, fp, payload):
            assert old is not None
            self._restore(item, old, payload)
            self._next.records[key] = old
            self.skipped += 1
            return False
        rec = Record(key)
        rec.fingerprint = fp
        rec.always = always
        raw = item.content
        entry = self._entry_state(payload)
        entry_content, entry_layout = payload.get("content"), payload.get("layout")
        warnings_before = len(self.site.warnings)
        pager = getattr(item, "pager", None)
        self._push(rec, item)
        if pager is not None:
            self.read_field(None, "c:posts", "#keys")
            self.read_field(None, "c:posts", "hidden")
        try:
            item.output = run()
        finally:
            self._pop()
        rec.warnings = self.site.warnings[warnings_before:]
        rec.content, rec.output = item.content, item.output
        excerpt = item.data.get("excerpt") if hasattr(item, "date") else None
        if type(excerpt).__name__ == "Excerpt" and excerpt.output is not None:
            rec.excerpt_output = excerpt.output
        # what the next file finds in the payload
        rec.exit_content = _SELF_ONLY if payload.get("content") is entry_content \
            else payload.get("content")
        rec.exit_layout = _SELF_ONLY if payload.get("layout") is entry_layout \
            else payload.get("layout")
        if self._reads_entry(item, raw, rec):
            rec.entry = entry
        texts = [raw or ""] + [self._texts.get(p, "") for p in rec.files]
        texts += [self.site.layouts[n].content for n in rec.layouts if n in self.site.layouts]
        rec.sass = any("sassify" in t for t in texts if isinstance(t, str))
        for pair in rec.fields:
            rec.fields[pair] = None  # signatures are taken when the build is done
        if old is None or (old.content, old.output, old.excerpt_output) != \
                (rec.content, rec.output, rec.excerpt_output):
            group = key[0]
            if old is None or old.content != rec.content:
                self._changed.add((group, "content"))
            if old is None or old.output != rec.output:
                self._changed.add((group, "output"))
            if old is None or old.excerpt_output != rec.excerpt_output:
                self._changed.add((group, "excerpt"))
        self._next.records[key] = rec
        self.rendered.append(item)
        return True

    def _reads_entry(self, item: Any, raw: Any, rec: Record) -> bool:
        """Whether the item's output, or what it leaves in the payload, depends on what
        the previous file left there."""
        if rec.exit_content is _SELF_ONLY or rec.exit_layout is _SELF_ONLY \
                or not rec.laid_out:
            return True
        if not item.render_with_liquid():
            return False
        texts = [raw or ""] + [self._texts.get(p, "") for p in rec.content_includes]
        return any(_ENTRY_WORDS.search(t) for t in texts)

    def _restore(self, item: Any, rec: Record, payload: dict[str, Any]) -> None:
        item.content = rec.content
        item.output = rec.output
        if rec.excerpt_output is not None:
            excerpt = item.data.get("excerpt")
            if type(excerpt).__name__ == "Excerpt":
                excerpt.output = rec.excerpt_output
        if rec.exit_content is not _SELF_ONLY:
            payload["content"] = rec.exit_content
        if rec.exit_layout is not _SELF_ONLY:
            payload["layout"] = rec.exit_layout
        self.site.warnings.extend(rec.warnings)

    def excerpt(self, excerpt: Any, run: Callable[[], str]) -> str:
        """An excerpt's output, rendered by ``run()`` unless nothing it depends on changed."""
        doc = excerpt.doc
        key = item_key(doc) + ("#excerpt",)
        fp = self._fps.get(id(doc)) or ""
        old = self.state.excerpts.get(key)
        if old is not None and not old.everything and not self._stale(old, fp, None):
            self._next.excerpts[key] = old
            if self._stack:
                self._stack[-1].merge(old)
            return old.output
        rec = Record(key)
        rec.fingerprint = fp
        self._push(rec, doc)
        try:
            output = run()
        finally:
            self._pop()
        rec.output = output
        for pair in rec.fields:
            rec.fields[pair] = None
        if old is None or old.output != output:
            self._changed.add((key[0], "excerpt"))
        self._next.excerpts[key] = rec
        if self._stack:
            self._stack[-1].merge(rec)
        return output

    def _push(self, rec: Record, item: Any) -> None:
        self._stack.append(rec)
        self._current.append(item)

    def _pop(self) -> None:
        self._stack.pop()
        self._current.pop()

    # -- what templates read (called by drops, tags and the renderer) ---------------------------
    def read_field(self, obj: Any, group: str, field: Any) -> None:
        if not self._stack or (obj is not None and obj is self._current[-1]):
            return
        if not isinstance(field, (str, int)):
            field = repr(field)
        self._stack[-1].fields.setdefault((group, field), None)

    def read_site(self, key: str) -> None:
        if not self._stack:
            return
        rec = self._stack[-1]
        if key == "data":
            rec.data = self._data_fingerprint()
        elif key == "time":
            rec.time = self._time()
        elif key == "*":
            rec.everything = True

    def read_volatile(self) -> None:
        """The clock or a random source was read: a full build would render something
        new, so this item is rendered on every build."""
        if self._stack:
            self._stack[-1].always = True

    def read_layout(self, name: Any, layout: Any) -> None:
        if not self._stack or not isinstance(name, str):
            return
        rec = self._stack[-1]
        rec.layouts[name] = self._layout_fp(name)
        if layout is not None and rec.in_layouts:
            rec.laid_out = True

    def entering_layouts(self) -> None:
        if self._stack:
            self._stack[-1].in_layouts = True

    def read_file(self, path: Path) -> None:
        if not self._stack:
            return
        key = str(path)
        rec = self._stack[-1]
        rec.files[key] = self._file_hash(key)
        if not rec.in_layouts:
            rec.content_includes.append(key)

    # -- current values ------------------------------------------------------------------------
    def _file_hash(self, path: str) -> str | None:
        if path in self._files:
            return self._files[path]
        try:
            data = Path(path).read_bytes()
        except OSError:
            digest = None
        else:
            digest = hashlib.blake2b(data, digest_size=16).hexdigest()
            self._texts[path] = data.decode("utf-8", "replace")
        self._files[path] = digest
        return digest

    def _layout_fp(self, name: str) -> str | None:
        if name not in self._layout_fps:
            layout = self.site.layouts.get(name)
            self._layout_fps[name] = None if layout is None else fingerprint(
                str(layout.path), layout.content, layout.data)
        return self._layout_fps[name]

    def _data_fingerprint(self) -> str:
        if self._data_fp is None:
            self._data_fp = fingerprint(self.site.data)
        return self._data_fp

    def _time(self) -> str:
        return fingerprint(self.site.time)

    def _entry_state(self, payload: dict[str, Any]) -> tuple[str | None, str]:
        return (_hash_text(payload.get("content")), fingerprint(payload.get("layout")))

    def _sass_signature(self) -> str:
        """Names, sizes and times of the files under the Sass folders."""
        site = self.site
        sass = site.config.get("sass") if isinstance(site.config.get("sass"), dict) else {}
        dirs = [site.source / str(sass.get("sass_dir") or "_sass")]
        theme_sass = getattr(site.theme, "sass_path", None) if site.theme is not None else None
        if theme_sass is not None:
            dirs.append(Path(theme_sass))
        seen = []
        for directory in dirs:
            for root, _dirs, files in os.walk(directory):
                for name in sorted(files):
                    full = os.path.join(root, name)
                    try:
                        st = os.stat(full)
                    except OSError:
                        continue
                    seen.append((full, st.st_mtime_ns, st.st_size))
        return fingerprint(sorted(seen))

    def _sig(self, group: str, field: Any) -> Any:
        """What every item of ``group`` has as ``field``, as read before rendering."""
        pair = (group, field)
        if pair in self._sigs:
            return self._sigs[pair]
        if group == "site" and field == "urls":
            value = fingerprint([(key, getattr(obj, "url", None))
                                 for entries in self._groups.values()
                                 for key, obj, _raw, _fp in entries])
        else:
            entries = self._groups.get(group, [])
            if field in ("#keys", "previous", "next"):
                value = fingerprint([key for key, _obj, _raw, _fp in entries])
            elif field == "*":
                value = fingerprint([(key, fp) for key, _obj, _raw, fp in entries])
            else:
                excerpts = self._raw_excerpts
                value = fingerprint([(key, _field_value(obj, raw, field, excerpts))
                                     for key, obj, raw, _fp in entries])
        self._sigs[pair] = value
        return value


def _field_value(obj: Any, raw: Any, field: Any, excerpts: dict[int, Any]) -> Any:
    """``field`` of ``obj`` as a template would read it before rendering (the text read
    stands for ``content`` and ``excerpt``)."""
    if field == "content":
        return raw
    if field == "output":
        return None
    if field == "excerpt":
        return excerpts.get(id(obj))
    kind = type(obj).__name__
    try:
        if hasattr(obj, "date") and kind != "StaticFile":      # a document
            simple = {"id": "id", "relative_path": "relative_path", "path": "relative_path",
                      "url": "url", "date": "date"}
            if field in simple:
                return getattr(obj, simple[field])
            if field == "collection":
                return obj.collection.label
            if field == "name":
                return obj.data.get("name") or obj.basename
            return obj.data.get(field)
        if kind == "StaticFile":
            if field in ("name", "extname", "basename"):
                return getattr(obj, field)
            if field == "path":
                return obj.relative_path
            if field == "modified_time":
                return obj.path.stat().st_mtime_ns
            return obj.data.get(field)
        further = {"dir": lambda: obj.dir, "name": lambda: obj.name,
                   "path": lambda: obj.liquid_path, "url": lambda: obj.url}
        if field in further:
            return further[field]()
        if field in obj.data:
            return obj.data.get(field)
        return getattr(obj, "defaults", {}).get(field)
    except Exception as exc:  # a field that cannot be computed now: compare its failure
        return f"<{type(exc).__name__}>"


# -- where ``build --incremental`` keeps its state ----------------------------------------------
def state_path(source: Path, destination: Path) -> Path:
    """The state file of a source/destination pair: under ``$JEKYLLPY_CACHE_DIR``, else
    ``$XDG_CACHE_HOME/jekyllpy``, else ``~/.cache/jekyllpy``, in ``incremental/`` -- never
    in the source (Jekyll writes ``.jekyll-metadata`` there) nor in the destination."""
    base = os.environ.get("JEKYLLPY_CACHE_DIR")
    if not base:
        xdg = os.environ.get("XDG_CACHE_HOME")
        base = os.path.join(xdg, "jekyllpy") if xdg else \
            os.path.join(os.path.expanduser("~"), ".cache", "jekyllpy")
    name = hashlib.sha256(f"{source.resolve()}\0{destination.resolve()}".encode()) \
        .hexdigest()[:32]
    return Path(base) / "incremental" / f"{name}.pickle"

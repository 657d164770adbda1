"""Reusing an include's output when nothing it read can differ from the last time.

A theme's header or footer is rendered once per page, yet usually reads only site-wide
values, so its output is the same for every page.  Jekyll renders it every time; we render
it once and reuse the output as long as we can prove the render would be the same:

A Liquid render is deterministic given what it reads.  An include reads (1) the variables
of the render context: ``site``, ``page``, ``layout``, ``include``, variables assigned
before it; (2) what those values lead to: drops that compute their fields when asked,
lists, hashes; (3) state kept by stateful tags; (4) the clock and a random source
(``"now" | date``, ``sample``).  While an include renders we record:

* every variable it looks up in the context that it did not bind itself (its own
  assignments and loop variables are internal), with the value found.  An output is
  reused only when each of these names holds the *same* value now: the same object, or
  for strings, numbers, booleans, nil and arrays/hashes of them, an equal value of the
  same type;
* through the dependency tracker's protocol (:data:`.dependencies.active`, which drops,
  tags and filters already report to), what it read of the site's items.  Fields whose
  values change while the site renders (``content``, ``output``, ``excerpt``), reading
  every field of an item or of ``site``, ``site.related_posts`` (the current document's),
  rendering a layout or an excerpt, the clock and ``sample`` make the render *volatile*:
  its output is not kept.  Every other field of an item is fixed once the site is read;
  the number of pages and static files (a Sass source map page may be added while
  rendering) is part of what is compared;
* stateful tags are avoided rather than tracked: an include is a candidate only when
  every tag in its text is one whose effects are visible to this recording (``if``,
  ``for`` without ``offset: continue``, ``assign``, ``capture``, ``include`` ... see
  :data:`PURE_TAGS`).  Tags of plugins (``seo``, ``feed_meta``), ``include_relative`` (it
  reads the page's folder), ``cycle``, ``increment``, ``ifchanged`` make it no candidate;
  an include that is no candidate, rendered inside one that is, makes the outer one
  volatile;
* what it leaves behind, which a reused output must leave too: the variables it assigned
  (Liquid's ``include`` shares the page's variables) and the stop positions of its
  ``for`` loops (read by a later ``offset: continue``).  Renders that add build warnings
  are not kept.

Includes rendered inside a ``for`` loop are not reused (``forloop.parentloop`` reads the
loop outside), nor while another dependency tracker records (``serve``,
``--incremental``) or ``--profile`` counts templates.  Outputs are kept for one
rendering pass (:func:`.renderer._new_pass`) and dropped when it ends (they hold values
read from the site's items); the counts of reuses stay.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator, Mapping
from typing import Any, Callable, TextIO

from liquid.token import TOKEN_EXPRESSION, TOKEN_TAG

from . import dependencies as _deps
from .lexer import tokenize

__all__ = ["PURE_TAGS", "IncludeRecording", "cacheable_source", "render_reusing"]

#: Tags whose whole effect on the render context is through variables (read through the
#: context, assigned into its locals) or for-loop stop positions, all of which a recording
#: sees.  Anything else (plugin tags, ``cycle``, ``increment``, ``ifchanged``, ``liquid``,
#: ``include_relative``, ``tablerow``) keeps an include from being reused.
PURE_TAGS = frozenset({
    "if", "elsif", "else", "endif", "unless", "endunless", "case", "when", "endcase",
    "for", "endfor", "break", "continue", "assign", "capture", "endcapture", "echo",
    "comment", "endcomment", "raw", "#", "include", "highlight", "endhighlight",
})

#: fields whose values change while the site renders, as the dependency tracker lists them
_RENDERED_FIELDS = frozenset({"content", "output", "excerpt"})

#: a variable that was not found
_MISSING = object()

#: outputs kept per include file (the most recent first)
MAX_ENTRIES = 8
#: renders of a file that found no reusable output after which it is not recorded again
#: in this pass (it reads something page-dependent: recording it only costs time)
GIVE_UP_AFTER = 24

_SIMPLE = (str, int, float, bool, type(None))


def cacheable_source(source: str) -> bool:
    """Whether an include's text uses only :data:`PURE_TAGS` (and no ``for`` loop that
    continues where an earlier one stopped)."""
    after_for = False
    try:
        for token in tokenize(source):
            if token.kind == TOKEN_TAG:
                if token.value not in PURE_TAGS:
                    return False
                after_for = token.value == "for"
            elif token.kind == TOKEN_EXPRESSION and after_for:
                if "continue" in token.value:
                    return False
                after_for = False
            else:
                after_for = False
    except Exception:  # noqa: BLE001 - a template that does not lex is no candidate
        return False
    return True


def same_value(a: Any, b: Any) -> bool:
    """Whether a template could tell ``a`` from ``b``: the same object, or equal plain
    values of exactly the same types (``1`` and ``1.0`` print differently)."""
    if a is b:
        return True
    kind = type(a)
    if kind is not type(b):
        return False
    if kind in _SIMPLE:
        return bool(a == b)
    if kind is list or kind is tuple:
        return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b))
    if kind is dict:
        return (len(a) == len(b) and list(a) == list(b)
                and all(same_value(a[k], b[k]) for k in a))
    return False


class _Frame:
    """One include being recorded."""

    __slots__ = ("base", "before", "reads", "volatile")

    def __init__(self, base: int, before: dict[str, Any]) -> None:
        self.base = base            # maps in the scope chain when it started
        self.before = before        # the context's locals when it started
        self.reads: dict[str, Any] = {}
        self.volatile = False


class _Entry:
    """An include's output and what it depended on and left behind."""

    __slots__ = ("reads", "stamp", "output", "assigns", "stops")

    def __init__(self, reads: dict[str, Any], stamp: tuple[int, int], output: str,
                 assigns: dict[str, Any], stops: dict[str, Any]) -> None:
        self.reads = reads
        self.stamp = stamp
        self.output = output
        self.assigns = assigns
        self.stops = stops


class RecordingScope(Mapping):
    """Stands in for a render context's scope chain while includes are recorded: every
    lookup is passed to the recording with the position of the namespace it was found
    in."""

    __slots__ = ("chain", "recording")

    def __init__(self, chain: Any, recording: "IncludeRecording") -> None:
        self.chain = chain
        self.recording = recording

    def __getitem__(self, key: str) -> Any:
        maps = self.chain._maps
        for index, mapping in enumerate(maps):
            try:
                value = mapping[key]
            except KeyError:
                continue
            self.recording.looked_up(key, index, len(maps), mapping, value)
            return value
        self.recording.looked_up(key, -1, len(maps), None, _MISSING)
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self.chain)

    def __len__(self) -> int:
        return len(self.chain)

    def get(self, key: str, default: Any = None) -> Any:
        try:
            return self[key]
        except KeyError:
            return default

    def size(self) -> int:
        return self.chain.size()

    def push(self, namespace: Mapping[Any, Any]) -> None:
        self.chain.push(namespace)

    def pop(self) -> Mapping[Any, Any]:
        return self.chain.pop()


class IncludeRecording:
    """What the includes being rendered read: installed as the render context's scope
    (:class:`RecordingScope`) and as :data:`.dependencies.active` (drops, tags and
    filters report there what they read of the site).  Frames nest like the includes."""

    def __init__(self, locals_: dict[str, Any]) -> None:
        self.locals = locals_
        self.frames: list[_Frame] = []

    # -- variables -----------------------------------------------------------------------------
    def looked_up(self, key: str, index: int, size: int, mapping: Any, value: Any) -> None:
        for frame in self.frames:
            if key in frame.reads:
                continue
            if 0 <= index < size - frame.base:
                continue        # a namespace the include pushed (loop variables, ...)
            if mapping is self.locals and frame.before.get(key, _MISSING) is not value:
                continue        # assigned by the include itself
            frame.reads[key] = value

    def volatile(self) -> None:
        for frame in self.frames:
            frame.volatile = True

    # -- the dependency tracker's protocol -------------------------------------------------------
    def read_field(self, obj: Any, group: str, field: Any) -> None:
        if field in _RENDERED_FIELDS or field == "*":
            self.volatile()

    def read_site(self, key: str) -> None:
        if key not in ("data", "time"):
            self.volatile()

    def read_file(self, path: Any) -> None:
        """Included files do not change during a build."""

    def read_volatile(self) -> None:
        self.volatile()

    def read_layout(self, name: Any, layout: Any) -> None:
        self.volatile()

    def entering_layouts(self) -> None:
        self.volatile()

    def excerpt(self, excerpt: Any, run: Callable[[], str]) -> str:
        self.volatile()
        return run()

    def __getattr__(self, name: str) -> Callable[..., None]:
        """Any other report (one this recording does not know): nothing is kept."""
        if name.startswith("__"):
            raise AttributeError(name)

        def report(*_args: Any, **_kwargs: Any) -> None:
            self.volatile()
        return report


class IncludeOutputs:
    """The outputs kept in one rendering pass, by included file."""

    def __init__(self, site: Any) -> None:
        # weakly: the environment holding this outlives its site (see
        # JekyllEnvironment.site)
        self._site = weakref.ref(site)
        self.entries: dict[Any, list[_Entry]] = {}
        self.misses: dict[Any, int] = {}
        self.hits: dict[Any, int] = {}

    @property
    def site(self) -> Any:
        return self._site()

    def close(self) -> None:
        """The pass is over: drop the kept outputs (and the values they were checked
        against); the counts stay."""
        self.entries.clear()

    def stamp(self) -> tuple[int, int]:
        return (len(self.site.pages), len(self.site.static_files))

    def worth_recording(self, key: Any) -> bool:
        """Whether renders of ``key`` still find kept outputs often enough to be recorded
        (one that reads a page's own values never does: recording it only costs time)."""
        misses = self.misses.get(key, 0)
        return misses < GIVE_UP_AFTER or self.hits.get(key, 0) * 4 >= misses


def _lookup(scope: Any, key: str) -> Any:
    try:
        return scope[key]
    except KeyError:
        return _MISSING


def render_reusing(outputs: IncludeOutputs, key: Any, candidate: bool, context: Any,
                   buffer: TextIO, render: Callable[[TextIO], None]) -> None:
    """Write an include's output: one kept from an earlier render when every value it
    read is the same now, else ``render(buf)``'s, recorded to be reused.  ``candidate``:
    whether the included text uses only :data:`PURE_TAGS` (:func:`cacheable_source`)."""
    scope = context.scope
    recording = scope.recording if isinstance(scope, RecordingScope) else None
    if not candidate:
        if recording is not None:
            recording.volatile()  # it may read what the recording cannot see
        render(buffer)
        return
    outer = _deps.active
    if context.loops or (recording is None and outer is not None) \
            or not outputs.worth_recording(key):
        render(buffer)
        return
    entries = outputs.entries.get(key)
    if entries:
        stamp = outputs.stamp()
        for entry in entries:
            if entry.stamp == stamp and all(same_value(_lookup(scope, name), value)
                                            for name, value in entry.reads.items()):
                outputs.hits[key] = outputs.hits.get(key, 0) + 1
                buffer.write(entry.output)
                for name, value in entry.assigns.items():
                    context.assign(name, value)
                if entry.stops:
                    context.tag_namespace["stopindex"].update(entry.stops)
                return
    installed = recording is None
    if recording is None:
        recording = IncludeRecording(context.locals)
    locals_ = context.locals
    stops = context.tag_namespace["stopindex"]
    stops_before = dict(stops)
    site = outputs.site
    warnings_before = len(site.warnings)
    frame = _Frame(scope.size(), dict(locals_))
    recording.frames.append(frame)
    if installed:
        context.scope = RecordingScope(scope, recording)
        _deps.active = recording  # type: ignore[assignment]
    buf = context.get_buffer(buffer)
    try:
        render(buf)
    finally:
        recording.frames.pop()
        if installed:
            context.scope = scope
            _deps.active = outer
    output = buf.getvalue()
    buffer.write(output)
    if frame.volatile or len(site.warnings) != warnings_before:
        outputs.misses[key] = outputs.misses.get(key, 0) + 1
        return
    before = frame.before
    assigns = {k: v for k, v in locals_.items() if before.get(k, _MISSING) is not v}
    changed = {k: v for k, v in stops.items() if stops_before.get(k, _MISSING) != v}
    kept = outputs.entries.setdefault(key, [])
    kept.insert(0, _Entry(frame.reads, outputs.stamp(), output, assigns, changed))
    del kept[MAX_ENTRIES:]
    if entries:  # there were outputs, and none fitted
        outputs.misses[key] = outputs.misses.get(key, 0) + 1

"""``Site``: reset -> read -> generate -> render -> cleanup -> write, in Jekyll's order
(lib/jekyll/site.rb).

The site holds what was read (layouts, pages, static files, collections with posts first,
data), the configuration with Jekyll's defaults, the converters by extension and the
theme.  Rendering is :mod:`jekyllpy.rendering.renderer`'s job; writing never leaves the
destination and cleaning keeps ``keep_files`` as Jekyll does.
"""

from __future__ import annotations

import datetime as _dt
import os
import shutil
import sys
from pathlib import Path
from typing import Any, Callable, Iterator

from ..config import DEFAULTS, deep_merge
from ..errors import JekyllpyError
from ..rendering import ruby
from . import url as urls
from .collection import Collection
from .entry_filter import DEFAULT_EXCLUDES
from .folders import FolderMaker
from .frontmatter_defaults import FrontmatterDefaults
from .page import Layout, Page
from .static_file import StaticFile
from .theme import Theme, find_theme
from .yaml_loader import YAMLFileError, load_yaml


class BuildError(JekyllpyError):
    """A problem that stops the build, with the file (and line) it concerns."""


class Site:
    def __init__(self, config: dict[str, Any]) -> None:
        self.config = config
        self.source = Path(config["source"])
        self.destination = Path(config["destination"])
        self.warnings: list[str] = []
        self.errors: list[str] = []
        self.include: list[str] = [str(x) for x in config.get("include") or []]
        self.exclude: list[str] = [str(x) for x in config.get("exclude") or []]
        self.keep_files: list[str] = [str(x) for x in config.get("keep_files") or []]
        self.timezone = ruby.local_zone(config.get("timezone"))
        self.permalink_style = str(config.get("permalink") or "date")
        self.theme: Theme | None = find_theme(config, self.source)
        self.defaults = FrontmatterDefaults(self.source, config)
        from ..rendering.converters import site_converters
        self.converters = site_converters(self)
        self.generators: list[Callable[["Site"], None]] = []
        self.progress: Callable[[int, int], None] | None = None
        #: Liquid tag classes plugins add to the site's environment
        self.liquid_tags: list[type] = []
        #: called with each page or document once it is rendered (Jekyll's ``post_render``
        #: hooks); files a dependency tracker skips are not rendered and not passed
        self.post_render_hooks: list[Callable[[Any], None]] = []
        #: called with each post (or draft) once it is read and kept (render_page hands
        #: excerpts to a second process then, see renderer.prefetch_while_reading)
        self.post_read_hook: Callable[[Any], None] | None = None
        #: posts are read newest (last by name) first: the hook above then hands on
        #: first what a home page renders first.  The list read is the same either way;
        #: only the order of messages about bad posts changes.
        self.read_posts_newest_first = False
        #: front matter data another process loaded already, by the block's text (see
        #: renderer.prefetch_while_reading); None: every document loads its own
        self.front_matter_known: Callable[[str], Any] | None = None
        #: a :class:`jekyllpy.rendering.dependencies.DependencyTracker` renders only what
        #: changes affect (``--incremental``, serve, ``--watch``); None renders everything
        self.regenerator: Any = None
        from ..plugins import load_plugins
        load_plugins(self)
        self.reset()

    # -- state -------------------------------------------------------------------------------
    @property
    def time(self) -> _dt.datetime:
        """``site.time``: the configured ``time``, else when the site was reset."""
        return self._time

    @time.setter
    def time(self, value: _dt.datetime) -> None:
        self._time = value
        #: the time in whole seconds since the epoch, which reading compares every
        #: document's date with (worked out once)
        self.time_seconds = int(value.timestamp())

    def reset(self) -> None:
        time = self.config.get("time")
        if time:
            self.time = ruby.parse_time(ruby.to_s(time, self.timezone),
                                        self.timezone).astimezone(self.timezone)
        else:
            self.time = _dt.datetime.now(self.timezone)
        self.layouts: dict[str, Layout] = {}
        self.pages: list[Page] = []
        self.static_files: list[StaticFile] = []
        self.data: dict[str, Any] = {}
        collections = self.config.get("collections")
        names = list(collections) if isinstance(collections, (dict, list)) else []
        self.collections: dict[str, Collection] = {n: Collection(self, str(n)) for n in names}
        if "posts" not in self.collections:
            self.collections = {"posts": Collection(self, "posts"), **self.collections}

    @property
    def posts(self) -> Collection:
        return self.collections["posts"]

    def documents(self) -> list[Any]:
        return [d for c in self.collections.values() for d in c.docs]

    # -- helpers the models use ------------------------------------------------------------------
    def with_defaults(self, rel: str, type: str, own: dict[str, Any]) -> dict[str, Any]:
        defaults = self.defaults.all(rel, type)
        return deep_merge(defaults, own) if defaults else own

    def publish(self, thing: Any) -> bool:
        if thing.data.get("published", True) is False and not self.config.get("unpublished"):
            return False
        if not self.config.get("future") and hasattr(type(thing), "date"):
            if int(thing.date.timestamp()) > self.time_seconds:
                return False
        return True

    def converters_for(self, ext: str) -> list[Any]:
        return [c for c in self.converters if c.matches(ext)]

    def output_ext(self, ext: str, permalink: str | None, converters: list[Any]) -> str:
        if permalink and not permalink.endswith("/"):
            pext = os.path.splitext(permalink)[1]
            if pext:
                return pext
        exts = [c.output_ext(ext) for c in converters]
        exts = [e for e in exts if e is not None]
        if not exts:
            return ext
        return exts[-1] if len(exts) == 1 else exts[-2]

    def report_error(self, message: str) -> None:
        self.errors.append(message)
        print(message, file=sys.stderr)

    def warn(self, message: str) -> None:
        self.warnings.append(message)

    # -- the build -----------------------------------------------------------------------------
    def process(self) -> None:
        # A destination that does not exist yet will hold only what this build writes:
        # no link in it can lead out, so destinations are not probed for links.
        root = self.destination.absolute()
        fresh = not os.path.lexists(root)
        if fresh:
            urls.FRESH_DESTINATIONS.add(root)
        self._folders: FolderMaker | None = None
        try:
            self.reset()
            self.read()
            self.generate()
            if fresh and self.regenerator is None and not self.config.get("incremental"):
                # the destination's folders, made while the site renders (see folders.py)
                self._folders = FolderMaker(self._planned_folders()).start()
            self.render()
            if not fresh:  # a new destination holds nothing but this build's folders
                self.cleanup()
            self.write()
        except BaseException:
            if self._folders is not None:
                # a failed build leaves no destination behind, as it found none
                self._folders.wait()
                shutil.rmtree(root, ignore_errors=True)
            raise
        finally:
            self._folders = None
            if fresh:
                urls.FRESH_DESTINATIONS.discard(root)

    def _planned_folders(self) -> set[str]:
        """The folders the files known before rendering will be written into."""
        dest = self.destination
        return {os.path.dirname(item.destination(dest)) for item in self.each_site_file()}

    def read(self) -> None:
        from .reader import Reader
        Reader(self).read()
        limit = int(self.config.get("limit_posts") or 0)
        if limit < 0:
            raise BuildError("limit_posts must be a non-negative number")
        if limit:
            self.posts.docs = self.posts.docs[-limit:]

    def generate(self) -> None:
        for generator in self.generators:
            generator(self)

    def render(self) -> None:
        from ..rendering.renderer import render_site
        render_site(self)

    def each_site_file(self) -> Iterator[Any]:
        yield from self.pages
        for f in self.static_files:
            if f.write_p():
                yield f
        for collection in self.collections.values():
            for doc in collection.docs:
                if doc.write_p():
                    yield doc

    def cleanup(self) -> None:
        """Delete what the destination holds that this build will not write, except
        ``keep_files`` and hidden files (Jekyll's ``Cleaner``)."""
        dest = self.destination
        if not dest.is_dir():
            return
        new_files = {os.path.normpath(item.destination(dest)) for item in self.each_site_file()}
        new_dirs: set[str] = set()
        for f in new_files:
            parent = os.path.dirname(f)
            while parent != os.path.normpath(dest) and parent not in new_dirs:
                new_dirs.add(parent)
                parent = os.path.dirname(parent)
        keep = [os.path.normpath(dest / k) for k in self.keep_files]
        obsolete = []
        for dirpath, dirnames, filenames in os.walk(dest):
            for name in dirnames + filenames:
                full = os.path.join(dirpath, name)
                rel = os.path.relpath(full, dest).replace(os.sep, "/")
                if any(rel.startswith(k) for k in self.keep_files):
                    continue
                if any(k.startswith(full + os.sep) for k in keep):
                    continue
                if full in new_files or (full in new_dirs and os.path.isdir(full)):
                    continue
                obsolete.append(full)
        for path in sorted(obsolete, key=len):
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path, ignore_errors=True)
            elif os.path.lexists(path):
                os.remove(path)

    def write(self) -> None:
        if self.config.get("incremental") or self.regenerator is not None:
            # --incremental: only the files whose bytes changed are written (their
            # neighbours keep their modification times); the tracker then keeps what
            # this build depended on.
            from ..serve import write_changed
            write_changed(self)
            if self.regenerator is not None:
                self.regenerator.commit()
            return
        dest = self.destination
        folders = getattr(self, "_folders", None)
        made: set[str] = folders.made() if folders is not None else set()
        for item in self.each_site_file():
            if isinstance(item, StaticFile):
                item.write(dest)
                continue
            target = item.destination(dest)
            folder = os.path.dirname(target)
            if folder not in made:
                os.makedirs(folder, exist_ok=True)
                made.add(folder)
            target.write_bytes((item.output or "").encode("utf-8"))


# -- configuration ---------------------------------------------------------------------------------
def load_config(source: Path, config_files: list[Path] | None = None,
                overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """Jekyll's defaults, then ``_config.yml`` (or the given files, in order), then the
    command-line overrides; with Jekyll's completions (posts collection, excludes)."""
    config = deep_merge(DEFAULTS, {})
    files = config_files
    if not files:
        files = [p for p in (source / "_config.yml", source / "_config.yaml") if p.exists()][:1]
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise BuildError(f"{path}: cannot read the configuration file: {exc}") from exc
        try:
            data = load_yaml(text, str(path)) or {}
        except YAMLFileError as exc:
            raise BuildError(f"{exc} (in the configuration file)") from exc
        if not isinstance(data, dict):
            raise BuildError(f"{path}: the configuration file must hold a mapping")
        config = deep_merge(config, {str(k): v for k, v in data.items()})
    if overrides:
        config = deep_merge(config, overrides)
    config["source"] = str(source.resolve())
    return complete_config(config)


def complete_config(config: dict[str, Any]) -> dict[str, Any]:
    """Jekyll's ``add_default_collections`` and ``add_default_excludes``."""
    collections = config.get("collections")
    if isinstance(collections, list):
        collections = {str(c): {} for c in collections}
    if collections is not None:
        merged = deep_merge({"posts": {}}, collections or {})
        posts = merged["posts"] if isinstance(merged["posts"], dict) else {}
        posts["output"] = True
        if config.get("permalink") and "permalink" not in posts:
            posts["permalink"] = urls.style_to_permalink(str(config["permalink"]))
        merged["posts"] = posts
        config["collections"] = merged
    if config.get("exclude") is not None:
        excl = list(config["exclude"]) + DEFAULT_EXCLUDES
        config["exclude"] = list(dict.fromkeys(excl))
    return config


def build(source: str | os.PathLike[str], destination: str | os.PathLike[str] | None = None,
          config_files: list[Path] | None = None, *,
          progress: Callable[[int, int], None] | None = None, **overrides: Any) -> Site:
    """Build ``source`` into ``destination`` (default ``SOURCE/_site``) and return the Site.

    ``progress(done, total)`` is called after each page or document is rendered."""
    src = Path(source)
    if not src.is_dir():
        raise BuildError(f"source folder not found: {src}")
    if destination is not None:
        overrides = {**overrides, "destination": str(Path(destination).resolve())}
    config = load_config(src, config_files, overrides or None)
    if not config.get("destination"):
        config["destination"] = str(src.resolve() / "_site")
    dest = Path(config["destination"]).resolve()
    source_resolved = src.resolve()
    if dest == source_resolved or source_resolved.is_relative_to(dest):
        raise BuildError("Destination directory cannot be or contain the Source directory.")
    site = Site(config)
    site.progress = progress
    if config.get("incremental"):
        # what each file was rendered from, kept between runs outside the source and the
        # destination (see dependencies.state_path)
        from ..rendering.dependencies import DependencyTracker, state_path
        site.regenerator = DependencyTracker(site, state_path(src, dest))
    elif config.get("watch"):
        # --watch: the same tracking, in memory, for the rebuilds to come
        from ..rendering.dependencies import DependencyTracker
        site.regenerator = DependencyTracker(site)
    if config.get("profile"):
        from ..rendering.profiler import profile_process
        profile_process(site, (lambda *_: None) if config.get("quiet") else print)
    else:
        site.process()
    return site

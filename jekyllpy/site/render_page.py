"""``render_page(path)``: one page's final bytes without building the whole site.

The site is read as a build reads it (every file's front matter: templates may loop over
``site.posts``), generators run, and then only the asked-for page is rendered.  What
Jekyll would have rendered before it and the page's templates actually read is rendered
on demand: a document's ``content`` or ``output`` is produced the first time a template
asks for it (Jekyll renders every document before any page, and documents in order), and
excerpts are rendered when read, as in a build.  Nothing is written.

Known difference from a full build, by design: templates that print ``layout`` or
``content`` before the page's own layouts run see nothing left over from the file
rendered just before (a build leaks those between files).
"""

from __future__ import annotations

import gc
import os
from pathlib import Path
from typing import Any, Mapping

from ..errors import JekyllpyError
from .collection import has_yaml_header
from .site import Site, load_config


class RenderPageError(JekyllpyError):
    """The file cannot be rendered as a page: missing, not part of the site's output, or
    skipped by Jekyll (static file, ``published: false``, a future date, a draft)."""


def find_site_root(path: Path) -> Path:
    """The nearest folder above ``path`` holding ``_config.yml``/``_config.yaml``; the
    file's own folder when there is none."""
    start = path.parent
    for folder in (start, *start.parents):
        if (folder / "_config.yml").is_file() or (folder / "_config.yaml").is_file():
            return folder
    return start


def render_page(path: str | os.PathLike[str], *,
                config: Mapping[str, Any] | None = None) -> str:
    """The bytes Jekyll would write for the page, post or document at ``path``
    (layouts applied), as text.  ``config`` overrides settings of the site's
    configuration, like a later ``--config`` file.

    Python's cyclic garbage collector is paused for the call (and left as it was found):
    reading a site makes tens of thousands of objects that all stay alive until the page
    is rendered, so a collection during the call finds little to free, yet a full one
    walks the whole heap; the site's own cycles are collected later, as usual."""
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        return _render_page(Path(path), config)
    finally:
        if paused:
            gc.enable()


def _render_page(file: Path, config: Mapping[str, Any] | None) -> str:
    if not file.exists():
        raise RenderPageError(f"{file}: no such file")
    if file.is_dir():
        raise RenderPageError(f"{file}: is a folder, not a page")
    try:
        with file.open("rb"):
            pass
    except OSError as exc:
        raise RenderPageError(f"{file}: cannot be read: {exc.strerror}") from exc
    file = file.resolve()
    root = find_site_root(file).resolve()
    overrides = dict(config or {})
    site_config = load_config(root, None, overrides or None)
    if "serving" not in site_config:  # what `jekyll build` sets (after every setting)
        site_config["serving"] = False
    if not site_config.get("destination"):
        site_config["destination"] = str(root / "_site")
    site = Site(site_config)
    site.reset()
    from ..rendering.renderer import prefetch_while_reading, reading_done, render_on_demand
    prefetch_while_reading(site, file)
    try:
        site.read()
        reading_done(site)
        site.generate()
        item = _find(site, file)
        if item is None:
            raise RenderPageError(f"{file}: {_why_not_rendered(site, file, root)}")
    except BaseException:
        prefetch = getattr(site, "_prefetch", None)
        if prefetch is not None:
            prefetch.close()
        raise
    # the site goes once its page is rendered: nothing it is rendered with holds it
    # (see JekyllEnvironment.site); render_on_demand closes the prefetch
    return render_on_demand(site, item)


def _find(site: Site, file: Path) -> Any:
    # Paths are built on the resolved site root, so equal text finds the file (pathlib's
    # text of a path is its normal form); resolving every path (symlinks inside the site)
    # is the slow second try.
    target = str(file)
    for resolve in (False, True):
        def same(path: Any) -> bool:
            return Path(path).resolve() == file if resolve else os.fspath(path) == target

        for collection in site.collections.values():
            for doc in collection.docs:
                if same(doc.path):
                    return doc if doc.write_p() else None
        for page in site.pages:
            pager = getattr(page, "pager", None)
            # a paginated index: its first page (copies for /page2/ ... share its file)
            if same(page.path) and (pager is None or pager.data["page"] == 1):
                return page
    return None


def _why_not_rendered(site: Site, file: Path, root: Path) -> str:
    dest = Path(site.config["destination"]).resolve()
    if file == dest or dest in file.parents:
        return "is in the destination folder, not a source file"
    if root not in file.parents:
        return f"is not inside the site at {root}"
    if any(Path(f.path).resolve() == file for f in site.static_files):
        return "is a static file (no front matter): Jekyll copies it as it is"
    rel = file.relative_to(root).as_posix()
    for collection in site.collections.values():
        if collection.docs and any(Path(d.path).resolve() == file for d in collection.docs):
            return (f"belongs to the collection '{collection.label}', which is not output "
                    "(output: false)")
    if "/_drafts/" in f"/{rel}" and not site.config.get("show_drafts"):
        return "is a draft: Jekyll renders drafts only with --drafts (show_drafts: true)"
    if has_yaml_header(file):
        from .page import read_front_matter
        data, _ = read_front_matter(file, rel, site)
        if data.get("published") is False:
            return "has published: false, so Jekyll skips it (unless --unpublished)"
        if "/_posts/" in f"/{rel}":
            return ("is a post Jekyll does not publish: dated in the future (--future "
                    "renders it), or not named YYYY-MM-DD-title.ext")
    return ("is not part of the site's output (an excluded or special file, a layout, an "
            "include or data)")

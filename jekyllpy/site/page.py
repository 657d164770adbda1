"""Pages and layouts: files read with their front matter (Jekyll's ``Page`` and ``Layout``).

A page is any file outside the special folders whose first line is ``---``; its URL comes
from its folder, name and output extension (or its ``permalink``), and it is rendered after
every collection document.  A layout is a file of ``_layouts`` (the site's, else the theme's)
that wraps rendered content.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import url as urls
from .front_matter import FrontMatterError, parse

if TYPE_CHECKING:
    from .site import Site

HTML_EXTENSIONS = (".html", ".xhtml", ".htm")


def read_front_matter(path: Path, rel: str, site: "Site") -> tuple[dict[str, Any], str]:
    """Data and body of ``path``; bad YAML is reported (file and line) and read as no data,
    as Jekyll does, unless ``strict_front_matter`` is set."""
    text = path.read_bytes().decode("utf-8-sig" if site.config.get("encoding") in
                                    (None, "utf-8", "bom|utf-8") else "utf-8", "replace")
    try:
        parsed = parse(text, rel, remember=site.regenerator is not None)
    except FrontMatterError as exc:
        site.report_error(f"YAML Exception reading {exc}")
        if site.config.get("strict_front_matter"):
            raise
        return {}, _body_after_front_matter(text)
    return (parsed.data or {}), parsed.content


def _body_after_front_matter(text: str) -> str:
    from .front_matter import FRONT_MATTER
    m = FRONT_MATTER.match(text)
    return text[m.end():] if m else text


class Layout:
    """One file of a layouts folder: ``data`` (its front matter) and ``content``."""

    def __init__(self, site: "Site", base: Path, name: str, root: Path) -> None:
        self.site = site
        self.name = name
        self.path = base / name
        self.relative_path = "/" + self.path.relative_to(root).as_posix()
        self.ext = posixpath.splitext(name)[1]
        self.data, self.content = read_front_matter(self.path, self.relative_path, site)


class Page:
    """A page: ``dir`` is its folder relative to the source ("" at the top, no slashes
    around it), ``name`` its file name."""

    type = "pages"

    def __init__(self, site: "Site", dir: str, name: str, base: Path | None = None) -> None:
        self.site = site
        self._dir = dir
        self.name = name
        self.path = (base or site.source) / dir / name
        self.ext = posixpath.splitext(name)[1]
        self.basename = name[:len(name) - len(self.ext)].rstrip(".")
        self.relative_path = posixpath.join(dir, name).lstrip("/")
        self.output: str | None = None
        self.pager: Any = None
        own, self.content = read_front_matter(self.path, self.relative_path, site)
        # Jekyll looks a key up in the defaults only when the front matter lacks it, so an
        # explicit ``layout: null`` stays null (documents merge the defaults instead).
        self.defaults: dict[str, Any] = site.defaults.all(self.relative_path, self.type)
        self.data: dict[str, Any] = {**self.defaults, **own}
        self._url: str | None = None
        self.converters = site.converters_for(self.ext)

    # -- what Jekyll computes from name and data --------------------------------------------------
    @property
    def output_ext(self) -> str:
        return self.site.output_ext(self.ext, self.permalink, self.converters)

    @property
    def permalink(self) -> str | None:
        value = self.data.get("permalink")
        return None if value is None else str(value)

    def is_html(self) -> bool:
        return self.output_ext in HTML_EXTENSIONS

    def template(self) -> str:
        return urls.page_url_template(self.basename, self.output_ext, self.site.permalink_style)

    @property
    def url(self) -> str:
        if self._url is None:
            placeholders = urls.page_placeholders(self._dir, self.basename, self.output_ext)
            self._url = urls.url(self.template(), placeholders, self.permalink)
        return self._url

    @property
    def dir(self) -> str:
        url = self.url
        if url.endswith("/"):
            return url
        parent = posixpath.dirname(url)
        return parent if parent.endswith("/") else parent + "/"

    @property
    def liquid_path(self) -> str:
        return str(self.data["path"]) if "path" in self.data else self.relative_path

    def destination(self, dest: Path) -> Path:
        # asked for by the cleaner and by the writer: computed once per URL
        key = (dest, self.url, self.output_ext)
        cached = self.__dict__.get("_destination")
        if cached is None or cached[0] != key:
            cached = self._destination = (key, urls.destination_path(dest, *key[1:], "page"))
        return cached[1]

    def render_with_liquid(self) -> bool:
        if self.data.get("render_with_liquid") is False:
            return False
        return self.ext not in (".coffee", ".yaml", ".yml") and _has_liquid(self.content)

    def place_in_layout(self) -> bool:
        return self.ext not in (".sass", ".scss", ".coffee") and self.data.get("layout") != "none"

    def to_liquid(self) -> Any:
        drop = self.__dict__.get("_drop")
        if drop is None:
            from ..rendering.drops import PageDrop
            drop = self._drop = PageDrop(self)
        return drop


def _has_liquid(text: str) -> bool:
    return "{%" in text or "{{" in text

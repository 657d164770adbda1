"""Converters by file extension, in Jekyll's priority order: Markdown (``markdown_ext``),
Sass/SCSS, then Identity, which matches everything and changes nothing.

A file goes through every converter that matches its extension; its output extension is
the one the last converter before Identity gives (``Renderer#converter_output_ext``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..kramdown import Document
from ..site.page import Page

if TYPE_CHECKING:
    from ..site.site import Site


class MarkdownConverter:
    highlighter_prefix = ""
    highlighter_suffix = ""

    def __init__(self, config: dict[str, Any]) -> None:
        self.config = config
        self.exts = {"." + e.strip() for e in str(config.get("markdown_ext") or "").split(",")
                     if e.strip()}
        self._options: dict[str, Any] | None = None
        self._cache: dict[str, str] = {}
        #: conversions made ahead of time in a second process (set while rendering a site)
        self.prefetch: Any = None

    def matches(self, ext: str) -> bool:
        return ext.lower() in self.exts

    def output_ext(self, ext: str) -> str:
        return ".html"

    def options(self) -> dict[str, Any]:
        """Jekyll's kramdown options for this site, worked out once per build."""
        if self._options is None:
            from .. import _options_for
            self._options = _options_for(self.config)
        return self._options

    def convert(self, content: str, doc: Any = None) -> str:
        """Jekyll's converter keeps every conversion by its input for the build (the same
        excerpt or description is converted again and again: seo tags, feeds, lists).
        A page's or document's own text (``doc`` given) is converted once, so it is looked
        up but not kept: keeping it would hold every source text until the end."""
        html = self._cache.get(content)
        if html is None:
            if self.prefetch is not None:
                html = self.prefetch.lookup(content)
            if html is None:
                html = Document(content, **self.options()).to_html()
            if doc is None:
                self._cache[content] = html
        return html


class IdentityConverter:
    highlighter_prefix = ""
    highlighter_suffix = ""

    def matches(self, ext: str) -> bool:
        return True

    def output_ext(self, ext: str) -> str:
        return ext

    def convert(self, content: str, doc: Any = None) -> str:
        return content


class SassPageConverter:
    """Jekyll-sass-converter for ``.scss``/``.sass`` pages (see :mod:`.sass`)."""

    highlighter_prefix = ""
    highlighter_suffix = ""

    def __init__(self, site: "Site") -> None:
        self.site = site
        self._impl: Any = None

    def _converter(self) -> Any:
        if self._impl is None:
            from .sass import SassConverter
            theme = self.site.theme
            self._impl = SassConverter(self.site.config, source=self.site.source,
                                       theme_sass_path=theme.sass_path if theme else None)
        return self._impl

    def matches(self, ext: str) -> bool:
        return ext.lower() in (".scss", ".sass")

    def output_ext(self, ext: str) -> str:
        return ".css"

    def convert(self, content: str, doc: Any = None) -> str:
        conv = self._converter()
        css, source_map = conv.convert(content, path=doc.path, relative_path=doc.relative_path)
        if source_map is not None and doc is not None and hasattr(doc, "dir"):
            # jekyll-sass-converter adds the map as a page while pages are being rendered,
            # so it is rendered (as is) and written like any page.
            self.site.pages.append(SourceMapPage(doc, source_map))
        return css


class SourceMapPage(Page):
    """``NAME.css.map`` beside a Sass page: its data, its folder, the map as content."""

    def __init__(self, css_page: Page, source_map: str) -> None:
        self.site = css_page.site
        self._dir = css_page.dir
        self.name = css_page.basename + ".css.map"
        self.path = css_page.path.parent / self.name
        self.ext = ".map"
        self.basename = css_page.basename + ".css"
        self.relative_path = (self._dir.strip("/") + "/" + self.name).lstrip("/")
        self.output = None
        self.pager = None
        self.defaults = css_page.defaults
        self.data = css_page.data
        self.content = source_map
        self._url = None
        self.converters = [c for c in self.site.converters if isinstance(c, IdentityConverter)]

    def render_with_liquid(self) -> bool:
        return False

    def place_in_layout(self) -> bool:
        return False


def site_converters(site: "Site") -> list[Any]:
    return [MarkdownConverter(site.config), SassPageConverter(site), IdentityConverter()]

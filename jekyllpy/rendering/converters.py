"""Converters by file extension, in Jekyll's priority order: Markdown (``markdown_ext``),
Sass/SCSS, then Identity, which matches everything and changes nothing.

A file goes through every converter that matches its extension; its output extension is
the one the last converter before Identity gives (``Renderer#converter_output_ext``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..kramdown import Document
from . import ruby
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
        self._resolved: dict[str, Any] | None = None
        self._cache: dict[str, str] = {}
        self._set_up = False
        #: conversions made ahead of time in a second process (set while rendering a site)
        self.prefetch: Any = None

    def set_up(self) -> None:
        """What Jekyll's converter does when it first converts (its ``setup``): it works out
        the highlighter and its options and writes them into the ``kramdown`` section of
        the site's configuration, the very hash ``site.kramdown`` reads.  So a template
        rendered before any Markdown was converted sees the section as configured, and one
        rendered after sees ``syntax_highlighter``, ``syntax_highlighter_opts`` and
        ``coderay`` as well (set where missing or nil, added after the other keys).

        Called by :meth:`convert`, and for conversions made by the second process when
        the build takes their result (the converter is set up all the same in Jekyll),
        and by render_page when a build would have converted Markdown before the page
        (:func:`set_up_as_build_would`).  A ``kramdown`` section that is not a mapping is
        left alone (Jekyll then works on an empty hash of its own)."""
        if self._set_up:
            return
        self.options()  # the options as configured; errors (CodeRay, ...) raised here
        self._set_up = True
        section = self.config.get("kramdown")
        if not isinstance(section, dict):
            return
        from ..config import converter_config
        for key, value in converter_config(self.config).items():
            if key not in section or section[key] != value:
                section[key] = value
        # kramdown then reads the section's hash options, turning the String keys of those
        # given as hashes into Symbols in place (and a typographic symbol's value into a
        # String); each key is taken out and put back, so the order stays
        for name in ("typographic_symbols", "syntax_highlighter_opts", "math_engine_opts"):
            table = section.get(name)
            if isinstance(table, dict):
                for key in list(table):
                    value = table.pop(key)
                    if name == "typographic_symbols":
                        value = ruby.to_s(value)
                    table[_symbol_key(key) if isinstance(key, str) else key] = value

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

    def resolved_options(self) -> dict[str, Any]:
        """:meth:`options` read in by the engine (``resolve_options``), once: each
        conversion then starts from a copy (``Document.with_resolved_options``)."""
        if self._resolved is None:
            from ..kramdown.options import resolve_options
            self._resolved = resolve_options(self.options())
        return self._resolved

    def convert(self, content: str, doc: Any = None) -> str:
        """Jekyll's converter keeps every conversion by its input for the build (the same
        excerpt or description is converted again and again: seo tags, feeds, lists).
        A page's or document's own text (``doc`` given) is converted once, so it is looked
        up but not kept: keeping it would hold every source text until the end."""
        if not self._set_up:
            self.set_up()
        html = self._cache.get(content)
        if html is None:
            if self.prefetch is not None:
                html = self.prefetch.lookup(content)
            if html is None:
                html = Document.with_resolved_options(content, self.resolved_options()).to_html()
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


def _symbol_key(text: str) -> Any:
    """kramdown's ``str_to_sym`` of a hash option's key: stripped, one leading colon
    dropped, a Symbol (nil for an empty name or "nil")."""
    name = text.strip(" \t\n\v\f\r\0")
    if name.startswith(":"):
        name = name[1:]
    return None if name in ("", "nil") else ruby.RubySymbol(name)


def set_up_as_build_would(site: "Site", before: Any) -> None:
    """For a file rendered alone (render_page): set the Markdown converter up if a build
    converts Markdown before it, that is if one of the files ``before`` it in the build's
    render order is converted from Markdown (see :meth:`MarkdownConverter.set_up`).  A
    ``markdownify`` in one of those files is not seen."""
    for converter in site.converters:
        if isinstance(converter, MarkdownConverter) and not converter._set_up:
            if any(converter in getattr(item, "converters", ()) for item in before):
                converter.set_up()


def site_converters(site: "Site") -> list[Any]:
    return [MarkdownConverter(site.config), SassPageConverter(site), IdentityConverter()]

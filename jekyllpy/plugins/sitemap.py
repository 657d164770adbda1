"""jekyll-sitemap 1.4: ``sitemap.xml`` and ``robots.txt``, each unless the site already
has a page or static file at that URL.

The sitemap lists, in this order:

1. the documents of every collection with output (collections by label, posts included),
   except those with ``sitemap: false``; ``lastmod`` from ``last_modified_at``, else the
   document's date;
2. ``site.html_pages`` except ``sitemap: false`` and the page at ``/404.html``; ``lastmod``
   only from ``last_modified_at``;
3. static files ending in ``.htm``, ``.html``, ``.xhtml`` or ``.pdf`` (case matters), as
   they stood when the generators ran, except ``sitemap: false`` (front matter defaults)
   and files named ``404.html``; ``lastmod`` is the file's modification time, so it
   differs from one checkout to the next.

Every ``<loc>`` has ``/index.html`` replaced by ``/``, then goes through ``absolute_url``
and ``xml_escape``.  A ``sitemap.xsl`` in the site adds a stylesheet line.  ``robots.txt``
holds one line naming the sitemap's absolute URL.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from ..rendering import filters as jf
from ..rendering import ruby
from ..rendering import standard_filters as sf
from .feed import GeneratedPage, lookup, render_context

if TYPE_CHECKING:
    from ..site.site import Site

VERSION = "1.4.0"

LISTED_STATIC_EXTENSIONS = (".htm", ".html", ".xhtml", ".pdf")

_URLSET = ('<urlset xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:schemaLocation="http://www.sitemaps.org/schemas/sitemap/0.9 '
           'http://www.sitemaps.org/schemas/sitemap/0.9/sitemap.xsd" '
           'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')


def register(site: "Site") -> None:
    site.generators.append(generate)


def generate(site: "Site") -> None:
    # Both checks look at the pages and static files there were before either was added.
    urls = {p.url for p in site.pages} | {f.url for f in site.static_files}
    has_sitemap, has_robots = "/sitemap.xml" in urls, "/robots.txt" in urls
    if not has_sitemap:
        listed = [f.to_liquid() for f in site.static_files
                  if f.extname in LISTED_STATIC_EXTENSIONS]
        data = {"layout": None, "static_files": listed, "xsl": "/sitemap.xsl" in urls}
        site.pages.append(GeneratedPage(site, "sitemap.xml", data, render_sitemap))
    if not has_robots:
        site.pages.append(GeneratedPage(site, "robots.txt", {"layout": None}, render_robots))


def _not_false(item: Any, key: str) -> bool:
    """Liquid's ``item.key != false`` (only the value false itself fails)."""
    return lookup(item, key) is not False


def render_sitemap(page: GeneratedPage) -> str:
    from ..rendering.drops import SiteDrop
    site = page.site
    ctx = render_context(site)
    tz = ctx.env.timezone
    sd = SiteDrop(site)

    def loc(url: Any) -> str:
        return jf.xml_escape(jf.absolute_url(sf.replace(url, "/index.html", "/"), context=ctx))

    def xmlschema(value: Any) -> str:
        return ruby.output_string(jf.date_to_xmlschema(value, context=ctx), tz)

    lines = ['<?xml version="1.0" encoding="UTF-8"?>\n']
    if ruby.truthy(page.data.get("xsl")):
        href = ruby.output_string(jf.absolute_url("/sitemap.xsl", context=ctx), tz)
        lines.append(f'<?xml-stylesheet type="text/xsl" href="{href}"?>\n')
    lines.append(_URLSET + "\n")

    def entry(url: Any, lastmod: Callable[[], str] | None) -> None:
        lines.append(f"<url>\n<loc>{loc(url)}</loc>\n")
        if lastmod is not None:
            lines.append(f"<lastmod>{lastmod()}</lastmod>\n")
        lines.append("</url>\n")

    for collection in lookup(sd, "collections") or []:
        if not _not_false(collection, "output"):
            continue
        for doc in lookup(collection, "docs") or []:
            if not _not_false(doc, "sitemap"):
                continue
            modified, date = lookup(doc, "last_modified_at"), lookup(doc, "date")
            stamp = (lambda m=modified, d=date: xmlschema(sf.default(m, d))) \
                if ruby.truthy(modified) or ruby.truthy(date) else None
            entry(lookup(doc, "url"), stamp)

    for html_page in lookup(sd, "html_pages") or []:
        if not _not_false(html_page, "sitemap") or lookup(html_page, "url") == "/404.html":
            continue
        modified = lookup(html_page, "last_modified_at")
        entry(lookup(html_page, "url"),
              (lambda m=modified: xmlschema(m)) if ruby.truthy(modified) else None)

    for static in page.data.get("static_files") or []:
        if not _not_false(static, "sitemap") or lookup(static, "name") == "404.html":
            continue
        entry(lookup(static, "path"), lambda f=static: xmlschema(lookup(f, "modified_time")))
    lines.append("</urlset>\n")
    return "".join(lines)


def render_robots(page: GeneratedPage) -> str:
    ctx = render_context(page.site)
    url = jf.absolute_url("sitemap.xml", context=ctx)
    return f"Sitemap: {ruby.output_string(url, ctx.env.timezone)}\n"

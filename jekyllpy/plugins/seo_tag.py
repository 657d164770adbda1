"""jekyll-seo-tag 2.8.0: ``{% seo %}`` writes the page's title, meta, Open Graph and Twitter
tags, canonical and pagination links, and a JSON-LD script.

How the gem decides, restated (every rule checked against real Jekyll output in the
``seo_*`` fixture sites):

* Text from front matter or configuration (titles, descriptions, names) goes through
  ``markdownify | strip_html | normalize_whitespace | escape_once``; an empty result counts as
  absent.  Nothing else is escaped: author names, image alt texts, verification codes,
  ``canonical_url`` are written as given; image and logo URLs are ``uri_escape``d.
* Title: ``PAGE | SITE`` when the page's title differs from the site's; on a page without
  its own title, ``SITE | TAGLINE-OR-DESCRIPTION`` when the site has a description; else
  whichever exists.  On paginator pages after the first, ``seo_paginator_message``
  (default ``Page %<current>s of %<total>s for ``) goes in front.  2.8.0 has no
  ``title_separator`` setting.  ``title=false`` in the tag's markup (any case) drops
  ``<title>``.
* Author: the page's ``author``, the first of its ``authors``, then the site's ``author``,
  the first whose Ruby ``to_s`` is not empty; a string is a name, looked up in
  ``site.data.authors`` (whose entry, a hash, is merged over ``{"name": ...}``); a hash is
  taken as is; anything else is no author.  The Twitter handle falls back to the name.
* Home and about pages (URL ``/``, ``/index.htm(l)``, ``/about/``...) are ``WebSite``s named
  after ``social.name`` or the site's title and carry ``social.links`` as ``sameAs``;
  ``seo.type``, ``seo.name``, ``seo.links`` and ``seo.date_modified`` in front matter win.
* JSON-LD: the keys in byte order, nil values left out, Ruby's ``JSON.generate`` escaping
  (``/``, ``<``, ``>``, ``&`` and non-ASCII kept as they are).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TextIO

from liquid.ast import Node
from liquid.stream import TokenStream
from liquid.tag import Tag
from liquid.token import TOKEN_EXPRESSION, Token

from ..rendering import filters as jf
from ..rendering import ruby, standard_filters, urls
from ..rendering.drops import JEKYLL_VERSION, SiteDrop

if TYPE_CHECKING:
    from liquid.context import RenderContext

    from ..site.site import Site

VERSION = "2.8.0"

_HOME_OR_ABOUT = re.compile(r"^/(about/)?(index.html?)?$", re.M)
_NO_TITLE = re.compile(r"title=false", re.I)
_DEFAULT_PAGER_MESSAGE = "Page %<current>s of %<total>s for "
_VERIFICATIONS = (("google", "google-site-verification"), ("bing", "msvalidate.01"),
                  ("alexa", "alexaVerifyID"), ("yandex", "yandex-verification"),
                  ("baidu", "baidu-site-verification"),
                  ("facebook", "facebook-domain-verification"))


def register(site: "Site") -> None:
    site.liquid_tags.append(SeoTag)


# --------------------------------------------------------------------------- helpers

def _get(obj: Any, key: str) -> Any:
    """``obj[key]`` as a Liquid lookup: nil for anything that is not a hash or drop."""
    if not isinstance(obj, Mapping):
        return None
    try:
        return obj[key]
    except (KeyError, TypeError):
        return None


def _hash(obj: Any, key: str) -> Mapping[str, Any]:
    value = _get(obj, key)
    return value if isinstance(value, Mapping) and not hasattr(value, "to_liquid") else {}


def _truthy(value: Any) -> bool:
    return ruby.truthy(value)


def _first(*values: Any) -> Any:
    """Ruby's ``a || b || ...``."""
    for value in values:
        if _truthy(value):
            return value
    return values[-1] if values else None


def _is_absolute(value: Any) -> bool | None:
    """``Addressable::URI.parse(value).absolute?``; None when there is nothing to parse."""
    if not _truthy(value):
        return None
    try:
        return urls.is_absolute(ruby.to_s(value))
    except Exception:  # an unparsable URI: neither absolute nor relative
        return None


_FORMAT_SPEC = re.compile(r"%(?:<(\w+)>([-+ 0#]*\d*)(?:\.(\d+))?([sd])|\{(\w+)\}|(%))")


def _ruby_format(template: str, values: Mapping[str, Any]) -> str:
    """Ruby's ``format`` with named references (``%<name>s``, ``%<name>d``, ``%{name}``)."""
    def sub(m: re.Match[str]) -> str:
        if m.group(6):
            return "%"
        name = m.group(1) or m.group(5)
        text = ruby.to_s(values.get(name))
        if m.group(1):
            if m.group(4) == "d":
                text = str(int(values.get(name) or 0))
            if m.group(3) is not None and m.group(4) == "s":
                text = text[:int(m.group(3))]
            flags = m.group(2) or ""
            width = int(re.sub(r"\D", "", flags) or 0) if re.search(r"\d", flags) else 0
            if width:
                text = text.ljust(width) if "-" in flags else text.rjust(width)
        return text
    return _FORMAT_SPEC.sub(sub, template)


# --------------------------------------------------------------------------- the page's data

class SeoData:
    """What the tag knows about the page being rendered, computed when first asked for."""

    def __init__(self, context: "RenderContext", markup: str) -> None:
        self.context = context
        self.markup = markup
        env = context.env
        globals_ = context.globals
        self.page = globals_.get("page") if "page" in globals_ else None
        site = globals_.get("site") if "site" in globals_ else None
        self.site = site if site is not None else SiteDrop(env.site)  # type: ignore[attr-defined]
        self.paginator = ruby.liquid_value(context.resolve("paginator", default=None))
        self.zone = env.timezone
        self._memo: dict[str, Any] = {}

    # -- text --------------------------------------------------------------------------
    def format(self, value: Any) -> str | None:
        cache = self.context.env.__dict__.setdefault("_seo_format_cache", {})
        key = value if isinstance(value, str) else None
        if key is not None and key in cache:
            return cache[key]
        text = jf.markdownify(value, context=self.context)
        text = standard_filters.strip_html(text)
        text = jf.normalize_whitespace(text)
        text = standard_filters.escape_once(text)
        result = text or None
        if key is not None:
            cache[key] = result
        return result

    def _once(self, name: str, compute: Any) -> Any:
        if name not in self._memo:
            self._memo[name] = compute()
        return self._memo[name]

    @property
    def site_title(self) -> str | None:
        return self._once("site_title", lambda: self.format(
            _first(_get(self.site, "title"), _get(self.site, "name"))))

    @property
    def site_tagline(self) -> str | None:
        return self._once("site_tagline", lambda: self.format(_get(self.site, "tagline")))

    @property
    def site_description(self) -> str | None:
        return self._once("site_description",
                          lambda: self.format(_get(self.site, "description")))

    @property
    def page_title(self) -> str | None:
        return self._once("page_title",
                          lambda: self.format(_get(self.page, "title")) or self.site_title)

    def _base_title(self) -> str | None:
        site_title, page_title = self.site_title, self.page_title
        if site_title and page_title != site_title:
            return f"{page_title} | {site_title}"
        if self.site_description and site_title:
            return f"{site_title} | {self.site_tagline or self.site_description}"
        return page_title or site_title

    @property
    def title(self) -> str | None:
        base = self._once("title", self._base_title)
        prefix = self.page_number()
        if prefix is not None:
            return prefix + (base or "")
        return base

    def page_number(self) -> str | None:
        pager = self.paginator
        current = _get(pager, "page")
        if not _truthy(pager) or not _truthy(current):
            return None
        if not isinstance(current, int) or current <= 1:
            return None
        message = _get(self.site, "seo_paginator_message") or _DEFAULT_PAGER_MESSAGE
        return _ruby_format(ruby.to_s(message),
                            {"current": current, "total": _get(pager, "total_pages")})

    def show_title(self) -> bool:
        return bool(self.title) and not _NO_TITLE.search(self.markup)

    @property
    def description(self) -> str | None:
        def compute() -> str | None:
            raw = _first(_get(self.page, "description"), _get(self.page, "excerpt"))
            return self.format(raw) or self.site_description
        return self._once("description", compute)

    # -- classification ------------------------------------------------------------------
    @property
    def page_seo(self) -> Mapping[str, Any]:
        return _hash(self.page, "seo")

    @property
    def site_social(self) -> Mapping[str, Any]:
        return _hash(self.site, "social")

    def home_or_about(self) -> bool:
        url = _get(self.page, "url")
        return isinstance(url, str) and _HOME_OR_ABOUT.search(url) is not None

    @property
    def name(self) -> str | None:
        def compute() -> str | None:
            seo_name = self.page_seo.get("name")
            if _truthy(seo_name):
                return self.format(seo_name)
            if not self.home_or_about():
                return None
            if _truthy(self.site_social.get("name")):
                return self.format(self.site_social.get("name"))
            return self.site_title
        return self._once("name", compute)

    @property
    def type(self) -> Any:
        seo_type = self.page_seo.get("type")
        if _truthy(seo_type):
            return seo_type
        if self.home_or_about():
            return "WebSite"
        if _truthy(_get(self.page, "date")):
            return "BlogPosting"
        return "WebPage"

    @property
    def links(self) -> Any:
        seo_links = self.page_seo.get("links")
        if _truthy(seo_links):
            return seo_links
        if self.home_or_about() and _truthy(self.site_social.get("links")):
            return self.site_social.get("links")
        return None

    # -- dates ---------------------------------------------------------------------------
    def _xmlschema(self, value: Any) -> Any:
        return jf.date_to_xmlschema(value, context=self.context)

    @property
    def date_modified(self) -> Any:
        when = _first(self.page_seo.get("date_modified"),
                      ruby.liquid_value(_get(self.page, "last_modified_at")),
                      _get(self.page, "date"))
        return self._xmlschema(when) if _truthy(when) else None

    @property
    def date_published(self) -> Any:
        when = _get(self.page, "date")
        return self._xmlschema(when) if _truthy(when) else None

    # -- urls ----------------------------------------------------------------------------
    def absolute_url(self, value: Any) -> Any:
        return jf.absolute_url(value, context=self.context)

    @property
    def canonical_url(self) -> Any:
        """Asked for four times per page (link, og:url, JSON-LD url and entity)."""
        return self._once("canonical_url", self._canonical_url)

    def _canonical_url(self) -> Any:
        given = _get(self.page, "canonical_url")
        if ruby.to_s(given, self.zone) != "":
            return given
        url = ruby.to_s(self.absolute_url(_get(self.page, "url")), self.zone)
        return re.sub(r"/index\.html$", "/", url, flags=re.M)

    @property
    def logo(self) -> str | None:
        logo = _get(self.site, "logo")
        if not _truthy(logo):
            return None
        if not _is_absolute(logo):
            logo = self.absolute_url(logo)
        return jf.uri_escape(logo)

    @property
    def locale(self) -> str:
        lang = _first(_get(self.page, "lang"), _get(self.site, "lang"), "en_US")
        locale = _first(_get(self.page, "locale"), _get(self.site, "locale"), lang)
        return ruby.to_s(locale, self.zone).replace("-", "_")

    # -- author and image ----------------------------------------------------------------
    @property
    def author(self) -> Mapping[str, Any]:
        return self._once("author", self._author)

    def _author(self) -> Mapping[str, Any]:
        candidates = [_get(self.page, "author")]
        authors = _get(self.page, "authors")
        if isinstance(authors, list):
            candidates.append(authors[0] if authors else None)
        candidates.append(_get(self.site, "author"))
        found = next((c for c in candidates if ruby.to_s(c, self.zone) != ""), None)
        if isinstance(found, Mapping):
            return found
        if isinstance(found, str):
            merged: dict[str, Any] = {"name": found}
            table = _get(_get(self.site, "data"), "authors")
            if isinstance(table, Mapping):
                entry = table.get(found)
                if isinstance(entry, Mapping):
                    merged.update(entry)
            return merged
        return {}

    def author_twitter(self) -> str | None:
        handle = _first(self.author.get("twitter"), self.author.get("name"))
        if not isinstance(handle, str):
            return None
        return re.sub(r"^@", "", handle, count=1, flags=re.M)

    @property
    def image(self) -> dict[str, Any] | None:
        """The image's fields, ``path`` (escaped absolute URL) first; None without one."""
        return self._once("image", self._image)

    def _image(self) -> dict[str, Any] | None:
        meta = _get(self.page, "image")
        fields: dict[str, Any] = {"path": None}
        if isinstance(meta, Mapping):
            fields.update(meta)
        elif isinstance(meta, str):
            fields["path"] = meta
        raw = _first(fields.get("path"), fields.get("facebook"), fields.get("twitter"))
        if not _truthy(raw):
            return None
        url = raw
        if isinstance(raw, str) and _is_absolute(raw) is False:
            url = self.absolute_url(raw)
        if not _truthy(url):
            return None
        path = jf.uri_escape(url)
        if not _truthy(path):
            return None
        fields["path"] = path
        return fields

    # -- JSON-LD -------------------------------------------------------------------------
    def json_ld(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": self.type,
            "author": self._json_author(),
            "dateModified": self.date_modified,
            "datePublished": self.date_published,
            "description": self.description,
            "headline": self.page_title,
            "image": self._json_image(),
            "mainEntityOfPage": self._json_main_entity(),
            "name": self.name,
            "publisher": self._json_publisher(),
            "sameAs": self.links,
            "url": self.canonical_url,
        }
        return {k: data[k] for k in sorted(data, key=lambda k: k.encode("utf-8"))
                if data[k] is not None}

    def _json_author(self) -> dict[str, Any] | None:
        name = self.author.get("name")
        if not _truthy(name):
            return None
        kind = self.author.get("type")
        if _truthy(kind) and kind not in ("Organization", "Person"):
            return None
        out = {"@type": kind if _truthy(kind) else "Person", "name": name}
        if _truthy(self.author.get("url")):
            out["url"] = self.author.get("url")
        return out

    def _json_image(self) -> Any:
        image = self.image
        if image is None:
            return None
        if len(image) == 1:
            return image["path"]
        out = {k: v for k, v in image.items() if k != "path"}
        out["url"] = image["path"]
        out["@type"] = "imageObject"
        return out

    def _json_publisher(self) -> dict[str, Any] | None:
        logo = self.logo
        if not _truthy(logo):
            return None
        out: dict[str, Any] = {"@type": "Organization",
                               "logo": {"@type": "ImageObject", "url": logo}}
        if _truthy(self.author.get("name")):
            out["name"] = self.author.get("name")
        return out

    def _json_main_entity(self) -> dict[str, Any] | None:
        if self.type not in ("BlogPosting", "CreativeWork"):
            return None
        return {"@type": "WebPage", "@id": self.canonical_url}


# --------------------------------------------------------------------------- output

def render(context: "RenderContext", markup: str) -> str:
    seo = SeoData(context, markup)
    zone = seo.zone
    site, page, pager = seo.site, seo.page, seo.paginator
    lines: list[str] = []

    def out(value: Any) -> str:
        return ruby.output_string(value, zone)

    def meta(attr: str, name: str, value: Any) -> None:
        lines.append(f'<meta {attr}="{name}" content="{out(value)}" />')

    if seo.show_title():
        lines.append(f"<title>{out(seo.title)}</title>")
    meta("name", "generator", f"Jekyll v{JEKYLL_VERSION}")
    if seo.page_title:
        meta("property", "og:title", seo.page_title)
    if _truthy(seo.author.get("name")):
        meta("name", "author", seo.author.get("name"))
    meta("property", "og:locale", seo.locale)
    if seo.description:
        meta("name", "description", seo.description)
        meta("property", "og:description", seo.description)
    if _truthy(_get(site, "url")):
        lines.append(f'<link rel="canonical" href="{out(seo.canonical_url)}" />')
        meta("property", "og:url", seo.canonical_url)
    if seo.site_title:
        meta("property", "og:site_name", seo.site_title)
    image = seo.image
    if image is not None:
        meta("property", "og:image", image["path"])
        for key in ("height", "width", "alt"):
            if _truthy(image.get(key)):
                meta("property", f"og:image:{key}", image.get(key))
    date = _get(page, "date")
    if _truthy(date):
        meta("property", "og:type", "article")
        meta("property", "article:published_time",
             jf.date_to_xmlschema(date, context=context))
    else:
        meta("property", "og:type", "website")
    for rel, key in (("prev", "previous_page"), ("next", "next_page")):
        if _truthy(_get(pager, key)):
            href = jf.absolute_url(_get(pager, f"{key}_path"), context=context)
            lines.append(f'<link rel="{rel}" href="{out(href)}" />')
    site_twitter = _get(site, "twitter")
    if image is not None:
        card = standard_filters.default(
            standard_filters.default(_get(_get(page, "twitter"), "card"),
                                     _get(site_twitter, "card")),
            "summary_large_image")
        meta("name", "twitter:card", card)
        meta("property", "twitter:image", image["path"])
    else:
        meta("name", "twitter:card", "summary")
    if image is not None and _truthy(image.get("alt")):
        meta("name", "twitter:image:alt", image.get("alt"))
    if seo.page_title:
        meta("property", "twitter:title", seo.page_title)
    if _truthy(site_twitter):
        meta("name", "twitter:site",
             "@" + standard_filters.remove(_get(site_twitter, "username"), "@"))
        creator = seo.author_twitter()
        if _truthy(creator):
            meta("name", "twitter:creator", "@" + standard_filters.remove(creator, "@"))
    facebook = _get(site, "facebook")
    if _truthy(facebook):
        for key, attr, name in (("admins", "property", "fb:admins"),
                                ("publisher", "property", "article:publisher"),
                                ("app_id", "property", "fb:app_id")):
            if _truthy(_get(facebook, key)):
                meta(attr, name, _get(facebook, key))
    verifications = _get(site, "webmaster_verifications")
    if _truthy(verifications):
        for key, name in _VERIFICATIONS:
            if _truthy(_get(verifications, key)):
                meta("name", name, _get(verifications, key))
    elif _truthy(_get(site, "google_site_verification")):
        meta("name", "google-site-verification", _get(site, "google_site_verification"))
    body = "\n".join(lines)
    return (f"<!-- Begin Jekyll SEO tag v{VERSION} -->\n{body}\n"
            f'<script type="application/ld+json">\n{jf.to_json(seo.json_ld(), zone)}'
            "</script>\n<!-- End Jekyll SEO tag -->\n")


class SeoNode(Node):
    __slots__ = ("markup",)

    def __init__(self, token: Token, markup: str) -> None:
        super().__init__(token)
        self.markup = markup
        self.blank = False

    def render_to_output(self, context: "RenderContext", buffer: TextIO) -> int:
        return buffer.write(render(context, self.markup))


class SeoTag(Tag):
    name = "seo"
    block = False

    def parse(self, stream: TokenStream) -> Node:
        token = stream.current
        markup = ""
        if stream.peek.kind == TOKEN_EXPRESSION:
            next(stream)
            markup = stream.current.value
        return SeoNode(token, markup)

"""jekyll-feed 0.17: Atom feeds of the posts (and of chosen categories, collections and
tags), and the ``{% feed_meta %}`` tag that links to the main feed.

Configuration (``feed:`` in ``_config.yml``), as the gem reads it:

* ``path``: the posts feed (``/feed.xml``); ``categories``: a feed per category at
  ``/feed/CATEGORY.xml``; ``collections``: a list or a mapping ``NAME: {path,
  categories}``, each giving ``/feed/NAME.xml`` and ``/feed/NAME/CATEGORY.xml``;
  ``tags``: true or ``{only, except, path}``, a feed per tag (letters, digits and ``_``
  only) at ``/feed/by_tag/TAG.xml``; ``posts_limit`` (10); ``excerpt_only`` (also per
  post under ``feed:``); ``disable_in_development``.
* A feed is not generated where the source already has a file at its path.

The gem renders a minified Liquid template; here each feed is a :class:`GeneratedPage`
whose output is written out in Python when its turn to render comes (after the posts, so
their ``content`` is final), with Jekyll's own filters for every value, giving the same
bytes.  Drafts (``draft: true``) are left out unless ``show_drafts`` is set.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Mapping
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, Callable, TextIO

from liquid.ast import Node
from liquid.stream import TokenStream
from liquid.tag import Tag

from ..rendering import filters as jf
from ..rendering import ruby
from ..rendering import standard_filters as sf
from ..site.page import Page

if TYPE_CHECKING:
    from liquid.context import RenderContext

    from ..site.site import Site

VERSION = "0.17.0"

_ATOM_NS = "http://www.w3.org/2005/Atom"
_MEDIA_NS = "http://search.yahoo.com/mrss/"
_SIMPLE_TAG = re.compile(r"[^a-zA-Z0-9_]")


# --------------------------------------------------------------------------- shared helpers

class GeneratedPage(Page):
    """A page that has no source file (Jekyll's ``PageWithoutAFile``), written by a plugin.

    ``name`` may hold folders (``/feed/news.xml``), as the gems pass it.  The page's data is
    the site's front matter defaults under ``data``.  Its output comes from ``produce``,
    called when the renderer reaches the page: the page is not run through Liquid and has
    no layout, and ``produce(page)`` stands for the converter step.
    """

    def __init__(self, site: "Site", name: str, data: dict[str, Any],
                 produce: Callable[["GeneratedPage"], str]) -> None:
        self.site = site
        self._dir = ""
        self.name = name
        self.relative_path = name.lstrip("/")
        self.path = site.source / self.relative_path
        self.ext = posixpath.splitext(name)[1]
        self.basename = name[:len(name) - len(self.ext)].rstrip(".")
        self.output = None
        self.pager = None
        self.content = ""
        self.defaults = site.defaults.all(self.relative_path, self.type)
        self.data = {**self.defaults, **data}
        self._url = None
        self.converters = [_Producer(produce)]

    def render_with_liquid(self) -> bool:
        return False


class _Producer:
    """The converter step of a :class:`GeneratedPage`: its output, from its producer."""

    def __init__(self, produce: Callable[[GeneratedPage], str]) -> None:
        self.produce = produce

    def matches(self, ext: str) -> bool:
        return True

    def output_ext(self, ext: str) -> str:
        return ext

    def convert(self, content: str, doc: Any = None) -> str:
        return self.produce(doc)


def render_context(site: "Site") -> Any:
    """What Jekyll's filters need of a render context: the site's Liquid environment."""
    from ..rendering.renderer import environment_for
    return SimpleNamespace(env=environment_for(site))


def lookup(obj: Any, key: Any) -> Any:
    """``obj.key`` / ``obj[key]`` as a Liquid variable lookup: a key of a hash or drop, an
    index of an array; nil for anything else."""
    obj = sf.plain(obj)
    if isinstance(obj, Mapping):
        try:
            return obj[key]
        except (KeyError, TypeError):
            return None
    if isinstance(obj, (list, tuple)) and isinstance(key, int) and not isinstance(key, bool):
        return obj[key] if -len(obj) <= key < len(obj) else None
    return None


def is_empty(value: Any) -> bool:
    """Liquid's ``== empty``: true only for an empty string, array or hash."""
    return isinstance(value, (str, list, tuple, Mapping)) and len(value) == 0


def for_items(value: Any) -> list[Any]:
    """What ``{% for x in value %}`` walks: an array, a hash's pairs, a non-empty string."""
    value = sf.plain(value)
    if isinstance(value, (list, tuple)):
        return list(value)
    if isinstance(value, Mapping):
        return [[k, v] for k, v in value.items()]
    if isinstance(value, str):
        return [value] if value else []
    return []


def contains(value: Any, part: str) -> bool:
    """Liquid's ``contains`` with a string on the right."""
    if isinstance(value, str):
        return part in value
    if isinstance(value, (list, tuple)):
        return part in value
    if isinstance(value, Mapping):
        return part in value
    return False


# --------------------------------------------------------------------------- configuration

def _feed_config(site: "Site") -> dict[str, Any]:
    config = site.config.get("feed")
    return config if isinstance(config, dict) else {}


def _categories(value: Any) -> list[Any]:
    """The gem's category set: the configured list in order, repeats dropped."""
    items = value if isinstance(value, (list, tuple)) else [] if value is None else [value]
    unique: list[Any] = []
    for item in items:
        if item not in unique:
            unique.append(item)
    return unique


def feed_collections(config: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Collection name -> ``{"path": ..., "categories": [...]}``, in the gem's order (the
    configured collections, then ``posts`` unless configured).  As the gem does, a posts
    feed path given only under ``collections`` becomes ``feed.path`` (which ``feed_meta``
    reads)."""
    given = config.get("collections")
    if isinstance(given, list):
        raw: dict[str, Any] = {str(c): {} for c in given}
    elif isinstance(given, dict):
        raw = dict(given)
    else:
        raw = {}
    result = {str(name): dict(meta) if isinstance(meta, dict) else {}
              for name, meta in raw.items()}
    posts = result.setdefault("posts", {})
    if not ruby.truthy(posts.get("path")):
        posts["path"] = config.get("path")
    if not ruby.truthy(posts.get("categories")):
        posts["categories"] = config.get("categories")
    for meta in result.values():
        meta["categories"] = _categories(meta.get("categories"))
    return result


def feed_path(collections: dict[str, dict[str, Any]], collection: str = "posts",
              category: Any = None) -> str:
    prefix = "/feed" if collection == "posts" else f"/feed/{collection}"
    if category is not None:
        return f"{prefix}/{ruby.to_s(category)}.xml"
    path = collections.get(collection, {}).get("path")
    return ruby.to_s(path) if ruby.truthy(path) else f"{prefix}.xml"


def _source_has(site: "Site", path: str) -> bool:
    return os.path.exists(os.path.join(site.source, path.lstrip("/")))


# --------------------------------------------------------------------------- the generator

def register(site: "Site") -> None:
    # {% feed_meta %} exists even when the feed itself is disabled, as with the gem, which
    # registers the tag when it is loaded.
    site.liquid_tags.append(FeedMetaTag)
    site.generators.append(generate)


def generate(site: "Site") -> None:
    config = _feed_config(site)
    if config.get("disable_in_development") and \
            (os.environ.get("JEKYLL_ENV") or "development") == "development":
        return
    collections = feed_collections(config)
    if config is site.config.get("feed") and not ruby.truthy(config.get("path")):
        # the gem writes the posts feed path back into the site's feed settings
        config["path"] = collections["posts"]["path"]
    for name, meta in collections.items():
        for category in meta["categories"] + [None]:
            path = feed_path(collections, name, category)
            if not _source_has(site, path):
                site.pages.append(make_page(site, path, collection=name, category=category))
    tags_config = config.get("tags")
    if ruby.truthy(tags_config):
        tag_names = _site_tags(site)
        if tag_names:
            settings = tags_config if isinstance(tags_config, dict) else {}
            only = settings.get("only") or tag_names
            excluded = settings.get("except") or []
            folder = ruby.to_s(settings.get("path") or "/feed/by_tag/")
            for tag in [t for t in only if t not in excluded]:
                text = ruby.to_s(tag)
                if _SIMPLE_TAG.search(text):
                    continue
                path = f"{folder}{text}.xml"
                if not _source_has(site, path):
                    site.pages.append(make_page(site, path, tags=tag))


def _site_tags(site: "Site") -> list[Any]:
    names: dict[Any, None] = {}
    for post in site.posts.docs:
        for tag in post.data.get("tags") or []:
            names.setdefault(tag, None)
    return list(names)


def make_page(site: "Site", path: str, collection: str = "posts", category: Any = None,
              tags: Any = None) -> GeneratedPage:
    data = {"layout": None, "sitemap": False, "xsl": _source_has(site, "feed.xslt.xml"),
            "collection": collection, "category": category, "tags": tags}
    return GeneratedPage(site, path, data, render_feed)


# --------------------------------------------------------------------------- the Atom document

def render_feed(page: GeneratedPage) -> str:
    """The Atom document of one feed page, element by element as the gem writes it."""
    from ..rendering.drops import JEKYLL_VERSION, SiteDrop
    site = page.site
    ctx = render_context(site)
    tz = ctx.env.timezone
    sd = SiteDrop(site)

    def out(value: Any) -> str:
        return ruby.output_string(value, tz)

    def absolute(value: Any) -> Any:
        return jf.absolute_url(value, context=ctx)

    def esc(value: Any) -> str:
        return jf.xml_escape(value)

    lang = lookup(sd, "lang")
    parts = ['<?xml version="1.0" encoding="utf-8"?>']
    if ruby.truthy(page.data.get("xsl")):
        parts.append(f'<?xml-stylesheet type="text/xml" href="{out(absolute("/feed.xslt.xml"))}"?>')
    parts.append(f'<feed xmlns="{_ATOM_NS}" ')
    if ruby.truthy(lang):
        parts.append(f'xml:lang="{out(lang)}"')
    parts.append(f'><generator uri="https://jekyllrb.com/" version="{JEKYLL_VERSION}">'
                 'Jekyll</generator>')
    parts.append(f'<link href="{out(absolute(page.url))}" rel="self" '
                 'type="application/atom+xml" />')
    parts.append(f'<link href="{out(absolute("/"))}" rel="alternate" type="text/html" ')
    if ruby.truthy(lang):
        parts.append(f'hreflang="{out(lang)}" ')
    parts.append("/>")
    parts.append(f"<updated>{out(jf.date_to_xmlschema(site.time, context=ctx))}</updated>")
    parts.append(f"<id>{esc(absolute(page.url))}</id>")

    collection = page.data.get("collection")
    category = page.data.get("category")
    title = sf.default(lookup(sd, "title"), lookup(sd, "name"))
    if collection != "posts":
        title = sf.append(sf.append(title, " | "), sf.capitalize(collection))
    if ruby.truthy(category):
        title = sf.append(sf.append(title, " | "), sf.capitalize(category))
    if ruby.truthy(title):
        parts.append(f'<title type="html">{esc(jf.smartify(title, context=ctx))}</title>')
    description = lookup(sd, "description")
    if ruby.truthy(description):
        parts.append(f"<subtitle>{esc(description)}</subtitle>")
    author = lookup(sd, "author")
    if ruby.truthy(author):
        parts.append(f"<author><name>{esc(sf.default(lookup(author, 'name'), author))}</name>")
        email, uri = lookup(author, "email"), lookup(author, "uri")
        if ruby.truthy(email):
            parts.append(f"<email>{esc(email)}</email>")
        if ruby.truthy(uri):
            parts.append(f"<uri>{esc(uri)}</uri>")
        parts.append("</author>")

    tag = page.data.get("tags")
    if ruby.truthy(tag):
        posts = lookup(lookup(sd, "tags"), tag)
    else:
        posts = lookup(sd, collection)
    if ruby.truthy(category):
        posts = jf.where(posts, "categories", category, context=ctx)
    if not ruby.truthy(lookup(sd, "show_drafts")) and isinstance(posts, list):
        posts = [p for p in posts if lookup(p, "draft") is not True]
    posts = sf.reverse(jf.sort(posts, "date", context=ctx))
    limit = ruby.to_integer(sf.default(lookup(lookup(sd, "feed"), "posts_limit"), 10))
    for post in for_items(posts)[:max(limit, 0)]:
        parts.append(_entry(post, sd, ctx, out, absolute, esc))
    parts.append("</feed>")
    return "".join(parts)


def _entry(post: Any, sd: Any, ctx: Any, out: Callable[[Any], str],
           absolute: Callable[[Any], Any], esc: Callable[[Any], str]) -> str:
    parts = ["<entry"]
    lang = lookup(post, "lang")
    if ruby.truthy(lang):
        parts.append(f' xml:lang="{out(lang)}"')
    parts.append(">")
    title = esc(jf.normalize_whitespace(sf.strip_html(
        jf.smartify(lookup(post, "title"), context=ctx))))
    url = lookup(post, "url")
    date = lookup(post, "date")
    parts.append(f'<title type="html">{title}</title>')
    parts.append(f'<link href="{out(absolute(url))}" rel="alternate" type="text/html" '
                 f'title="{title}" />')
    parts.append(f"<published>{out(jf.date_to_xmlschema(date, context=ctx))}</published>")
    updated = sf.default(lookup(post, "last_modified_at"), date)
    parts.append(f"<updated>{out(jf.date_to_xmlschema(updated, context=ctx))}</updated>")
    parts.append(f"<id>{esc(absolute(lookup(post, 'id')))}</id>")
    excerpt_only = sf.default(lookup(lookup(post, "feed"), "excerpt_only"),
                              lookup(lookup(sd, "feed"), "excerpt_only"))
    if not ruby.truthy(excerpt_only):
        parts.append(f'<content type="html" xml:base="{esc(absolute(url))}"><![CDATA['
                     f'{sf.strip(lookup(post, "content"))}]]></content>')

    author = sf.default(sf.default(lookup(post, "author"), lookup(lookup(post, "authors"), 0)),
                        lookup(sd, "author"))
    author = sf.default(lookup(lookup(lookup(sd, "data"), "authors"), author), author)
    email = sf.default(lookup(author, "email"), None)
    uri = sf.default(lookup(author, "uri"), None)
    name = sf.default(lookup(author, "name"), author)
    parts.append(f"<author><name>{esc(sf.default(name, ''))}</name>")
    if ruby.truthy(email):
        parts.append(f"<email>{esc(email)}</email>")
    if ruby.truthy(uri):
        parts.append(f"<uri>{esc(uri)}</uri>")
    parts.append("</author>")

    category = lookup(post, "category")
    categories = lookup(post, "categories")
    if ruby.truthy(category):
        parts.append(f'<category term="{esc(category)}" />')
    elif ruby.truthy(categories):
        parts.extend(f'<category term="{esc(c)}" />' for c in for_items(categories))
    parts.extend(f'<category term="{esc(t)}" />' for t in for_items(lookup(post, "tags")))

    summary = sf.default(lookup(post, "description"), lookup(post, "excerpt"))
    if ruby.truthy(summary) and not is_empty(summary):
        text = jf.normalize_whitespace(sf.strip_html(summary))
        parts.append(f'<summary type="html"><![CDATA[{text}]]></summary>')

    image = sf.default(lookup(lookup(post, "image"), "path"), lookup(post, "image"))
    if ruby.truthy(image):
        if not contains(image, "://"):
            image = absolute(image)
        parts.append(f'<media:thumbnail xmlns:media="{_MEDIA_NS}" url="{esc(image)}" />'
                     f'<media:content medium="image" url="{esc(image)}" '
                     f'xmlns:media="{_MEDIA_NS}" />')
    parts.append("</entry>")
    return "".join(parts)


# --------------------------------------------------------------------------- {% feed_meta %}

def _attr(value: Any) -> str:
    """Ruby's ``encode(xml: :attr)``: escaped and in double quotes."""
    return '"' + jf.xml_escape(value) + '"'


class FeedMetaNode(Node):
    __slots__ = ()

    def __init__(self, token: Any) -> None:
        super().__init__(token)
        self.blank = False

    def render_to_output(self, context: "RenderContext", buffer: TextIO) -> int:
        config = context.env.site_config
        feed = config.get("feed")
        path = feed.get("path") if isinstance(feed, Mapping) else None
        if not ruby.truthy(path):
            path = "feed.xml"
        title = config.get("title")
        if not ruby.truthy(title):
            title = config.get("name")
        href = jf.absolute_url(path, context=context)
        attrs = f'type={_attr("application/atom+xml")} rel={_attr("alternate")} ' \
                f'href={_attr(href)}'
        if ruby.truthy(title):
            attrs += f" title={_attr(title)}"
        return buffer.write(f"<link {attrs} />")


class FeedMetaTag(Tag):
    """``{% feed_meta %}``: a ``<link>`` to the posts feed (anything after the name is
    ignored, as the gem does)."""

    name = "feed_meta"
    block = False

    def parse(self, stream: TokenStream) -> Node:
        from liquid.token import TOKEN_EXPRESSION
        token = stream.current
        if stream.peek.kind == TOKEN_EXPRESSION:
            next(stream)
        return FeedMetaNode(token)

"""Jekyll's tags that look the site up: ``{% link path %}`` and ``{% post_url name %}``.

Both answer with the found item's URL through ``relative_url`` (so ``baseurl`` is
prepended) and stop the build, naming what was asked for, when nothing matches.  They need
the site: the renderer sets ``env.site`` before rendering.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, TextIO

from liquid.ast import Node
from liquid.exceptions import LiquidError
from liquid.stream import TokenStream
from liquid.tag import Tag
from liquid.token import Token

from . import dependencies as _deps
from .filters import relative_url
from .tags import _markup

if TYPE_CHECKING:
    from liquid.context import RenderContext

_POST_NAME = re.compile(r"^(.+/)*(\d+-\d+-\d+)-(.*)$")


class SiteTagError(LiquidError):
    """A ``link`` or ``post_url`` that names nothing in the site."""


class LinkNode(Node):
    __slots__ = ("template",)

    def __init__(self, token: Token, template: Any) -> None:
        super().__init__(token)
        self.template = template
        self.blank = False

    def render_to_output(self, context: "RenderContext", buffer: TextIO) -> int:
        buf = context.get_buffer(buffer)
        self.template.render_with_context(context, buf)
        wanted = buf.getvalue()
        with_slash = "/" + wanted.lstrip("/") if not wanted.startswith("/") else wanted
        site = context.env.site
        tracker = _deps.active
        if tracker is not None:  # found among every file's path and URL
            tracker.read_field(None, "site", "urls")
        for item in site.each_site_file():
            if item.relative_path in (wanted, with_slash):
                buffer.write(relative_url(item.url, context=context) or "")
                return True
        raise SiteTagError(f"Could not find document '{wanted}' in tag 'link'.\n"
                           "Make sure the document exists and the path is correct.",
                           token=self.token)


class LinkTag(Tag):
    name = "link"
    block = False

    def parse(self, stream: TokenStream) -> Node:
        token, markup = _markup(stream)
        return LinkNode(token, self.env.from_string(markup.strip()))


class PostUrlNode(Node):
    __slots__ = ("name", "path", "date", "slug", "regex")

    def __init__(self, token: Token, name: str) -> None:
        super().__init__(token)
        self.blank = False
        self.name = name
        m = _POST_NAME.match(name[1:] if name.startswith("/") else name)
        if m is None:
            raise SiteTagError(
                f'Could not parse name of post "{name}" in tag \'post_url\'.\n'
                "Make sure the post exists and the name is correct.\n"
                f"Jekyll::Errors::InvalidPostNameError: '{name}' does not contain valid "
                "date and/or title.", token=token)
        self.path, self.date, self.slug = m.group(1) or "", m.group(2), m.group(3)
        base = f"{self.date}-{re.escape(self.slug)}\\.[^.]+"
        self.regex = re.compile(f"^_posts/{self.path}{base}|^{self.path}_posts/?{base}")

    def render_to_output(self, context: "RenderContext", buffer: TextIO) -> int:
        site = context.env.site
        tracker = _deps.active
        if tracker is not None:  # found among the posts' paths, slugs, dates and URLs
            for field in ("#keys", "url", "slug", "date"):
                tracker.read_field(None, "c:posts", field)
        for doc in site.posts.docs:
            if self.regex.match(doc.relative_path):
                buffer.write(relative_url(doc.url, context=context) or "")
                return True
        y, mo, d = (int(x) for x in self.date.split("-"))
        for doc in site.posts.docs:
            folder = "/".join(doc.basename.split("/")[:-1])
            slug = doc.data.get("slug")
            slug = f"{folder}/{slug}" if folder else slug
            if slug == self.slug and (doc.date.year, doc.date.month, doc.date.day) == (y, mo, d):
                buffer.write(relative_url(doc.url, context=context) or "")
                return True
        raise SiteTagError(
            f"Could not find post \"{self.name}\" in tag 'post_url'.\n"
            "Make sure the post exists and the name is correct.", token=self.token)


class PostUrlTag(Tag):
    name = "post_url"
    block = False

    def parse(self, stream: TokenStream) -> Node:
        token, markup = _markup(stream)
        return PostUrlNode(token, markup.strip())

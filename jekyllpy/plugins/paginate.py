"""jekyll-paginate 1.1: ``paginate: N`` splits ``site.posts`` over copies of the site's
``index.html`` at ``paginate_path`` (``/page:num``), each with a ``paginator``.

The template page is the ``index.html`` in the folder ``paginate_path`` lives in (or one
above it), the deepest such page winning.  Posts with ``hidden: true`` are left out.
"""

from __future__ import annotations

import math
import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..site.page import Page
    from ..site.site import Site


def register(site: "Site") -> None:
    site.generators.append(generate)


def _leading_slash(path: str) -> str:
    return path if path.startswith("/") else "/" + path


def _candidate(config: dict[str, Any], page: "Page") -> bool:
    source = str(config["source"])
    page_dir = os.path.dirname(os.path.normpath(os.path.join(
        source, _leading_slash(page.liquid_path)[1:])))
    paginate_dir = os.path.dirname(os.path.normpath(os.path.join(
        source, _leading_slash(str(config.get("paginate_path") or "/page:num"))[1:])))
    parent_of_source = os.path.dirname(source)

    def in_hierarchy(path: str) -> bool:
        if path == os.path.dirname(path) or path == parent_of_source:
            return False
        return page_dir == path or in_hierarchy(os.path.dirname(path))

    return page.name == "index.html" and in_hierarchy(paginate_dir)


def template_page(site: "Site") -> "Page | None":
    from ..rendering import ruby
    found = [p for p in site.pages if _candidate(site.config, p)]
    found = ruby.sort(found, lambda a, b: (len(b.liquid_path) > len(a.liquid_path))
                      - (len(b.liquid_path) < len(a.liquid_path)))
    return found[0] if found else None


def paginate_path(site: "Site", num: int | None) -> str | None:
    if num is None:
        return None
    if num <= 1:
        page = template_page(site)
        return page.url if page is not None else None
    fmt = str(site.config.get("paginate_path") or "/page:num").replace(":num", str(num), 1)
    return _leading_slash(fmt)


class Pager:
    def __init__(self, site: "Site", page: int, all_posts: list[Any], total_pages: int) -> None:
        per_page = int(site.config.get("paginate") or 0)
        if page > total_pages:
            raise ValueError(f"page number can't be greater than total pages: "
                             f"{page} > {total_pages}")
        start = (page - 1) * per_page
        self.data = {
            "page": page,
            "per_page": per_page,
            "posts": all_posts[start:start + per_page],
            "total_posts": len(all_posts),
            "total_pages": total_pages,
            "previous_page": page - 1 if page != 1 else None,
            "previous_page_path": paginate_path(site, page - 1 if page != 1 else None),
            "next_page": page + 1 if page != total_pages else None,
            "next_page_path": paginate_path(site, page + 1 if page != total_pages else None),
        }

    def to_liquid(self) -> dict[str, Any]:
        return self.data


def generate(site: "Site") -> None:
    from ..rendering.drops import SiteDrop
    from ..site.page import Page
    if site.config.get("paginate") is None or not site.pages:
        return
    template = template_page(site)
    if template is None:
        site.warn("Pagination: Pagination is enabled, but I couldn't find an index.html page "
                  "to use as the pagination template. Skipping pagination.")
        return
    all_posts = [p for p in SiteDrop(site)["posts"] if not p.get("hidden")]
    per_page = int(site.config.get("paginate") or 0)
    total = math.ceil(len(all_posts) / per_page) if per_page else 0
    for num in range(1, total + 1):
        pager = Pager(site, num, all_posts, total)
        if num > 1:
            page = Page(site, template._dir, template.name)
            page.pager = pager
            page._dir = paginate_path(site, num) or ""
            page._url = None
            site.pages.append(page)
        else:
            template.pager = pager

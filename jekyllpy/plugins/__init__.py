"""Plugins: Python stand-ins for the Ruby gems Jekyll sites name in ``plugins:``.

A theme's runtime dependencies (from its gemspec: minima needs jekyll-feed and
jekyll-seo-tag) are loaded first, as Jekyll does, then the names of ``plugins:``.  A plugin is
a module with ``register(site)``, which may add generators (called after
reading, before rendering), Liquid tags and filters, or pages.  A name in ``plugins:`` (or
the legacy ``gems:``) that has no stand-in here gets a warning naming it; the build goes on.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..site.site import Site

#: gem name -> module in this package
KNOWN = {
    "jekyll-feed": "feed",
    "jekyll-seo-tag": "seo_tag",
    "jekyll-sitemap": "sitemap",
    "jekyll-paginate": "paginate",
}


def load_plugins(site: "Site") -> None:
    theme_deps = site.theme.runtime_dependencies if site.theme is not None else []
    names = (theme_deps + list(site.config.get("plugins") or [])
             + list(site.config.get("gems") or []))
    for name in dict.fromkeys(str(n) for n in names):
        module_name = KNOWN.get(name)
        if module_name is None:
            site.warn(f"Plugin '{name}' is not available in jekyllpy; building without it.")
            continue
        try:
            module = importlib.import_module(f".{module_name}", __name__)
        except ModuleNotFoundError:
            site.warn(f"Plugin '{name}' is not implemented in jekyllpy yet; building "
                      "without it.")
            continue
        module.register(site)

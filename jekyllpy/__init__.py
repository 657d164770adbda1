"""jekyllpy: Jekyll 4.3's page pipeline in Python, byte-identical output.

Public API (more arrives with the site build):

* :func:`markdownify` converts Markdown exactly as Jekyll's kramdown converter does.
* :func:`render_page` gives the bytes Jekyll would write for one page, post or document,
  without building the whole site.
* :func:`build` builds a site folder into a destination, as ``jekyll build`` does.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
import json
import os
from typing import Any

from .kramdown import Document

__version__ = "0.1.0"
__all__ = ["markdownify", "render_page", "build", "__version__"]


def markdownify(text: str, config: Mapping[str, Any] | None = None) -> str:
    """Convert Markdown to HTML as Jekyll 4.3 does for a site with ``config``.

    ``config`` is a site configuration (what ``_config.yml`` holds); only its ``kramdown:``
    and ``highlighter:`` settings matter here.  Jekyll's defaults apply to everything it
    leaves out: GFM input, auto ids, smart quotes, ``entity_output: as_char``, Rouge.
    """
    if not isinstance(text, str):
        raise TypeError(f"markdownify expects str, not {type(text).__name__}")
    return Document(text, **_options_for(config)).to_html()


def _options_for(config: Mapping[str, Any] | None) -> dict[str, Any]:
    if not config:
        return dict(_cached_options("null"))
    try:
        key = json.dumps(config, sort_keys=True, default=str)
    except (TypeError, ValueError):
        return _compute_options(config)
    return dict(_cached_options(key))


@lru_cache(maxsize=64)
def _cached_options(key: str) -> dict[str, Any]:
    return _compute_options(json.loads(key))


def _compute_options(config: Mapping[str, Any] | None) -> dict[str, Any]:
    from .config import kramdown_options
    return kramdown_options(config)


def render_page(path: "str | os.PathLike[str]", *,
                config: Mapping[str, Any] | None = None) -> str:
    """The bytes (as text) Jekyll would write for the page, post or collection document at
    ``path``, layouts applied.  The site is the nearest folder above holding a
    ``_config.yml`` (else the file's folder); ``config`` overrides its settings.  Raises
    :class:`jekyllpy.site.render_page.RenderPageError` for a file Jekyll would not render
    (static file, ``published: false``, future post, draft, layout, include, missing file).
    """
    from .site.render_page import render_page as _render_page
    return _render_page(path, config=config)


def build(source: "str | os.PathLike[str]", destination: "str | os.PathLike[str] | None" = None,
          **overrides: Any) -> Any:
    """Build the site at ``source`` into ``destination`` (default ``SOURCE/_site``) and
    return the :class:`jekyllpy.site.Site`; ``overrides`` are configuration settings
    (``show_drafts=True``, ``future=True``, ``baseurl="/x"``, ...)."""
    from .site import build as _build
    return _build(source, destination, None, **overrides)

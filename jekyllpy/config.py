"""Jekyll's site configuration: its defaults, merging, and what the Markdown converter gets.

Follows Jekyll 4.3.1's lib/jekyll/configuration.rb (``DEFAULTS``, ``deep_merge_hashes``) and
lib/jekyll/converters/markdown/kramdown_parser.rb (how ``kramdown:`` and ``highlighter:``
become kramdown options).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from .kramdown.options import IGNORED_LEGACY_OPTIONS, OPTIONS

#: Jekyll 4.3.1's default configuration, in Jekyll's key order.  ``source`` and
#: ``destination`` are filled in by the site reader from the working directory.
DEFAULTS: dict[str, Any] = {
    "source": None,
    "destination": None,
    "collections_dir": "",
    "cache_dir": ".jekyll-cache",
    "plugins_dir": "_plugins",
    "layouts_dir": "_layouts",
    "data_dir": "_data",
    "includes_dir": "_includes",
    "collections": {},
    "safe": False,
    "include": [".htaccess"],
    "exclude": [],
    "keep_files": [".git", ".svn"],
    "encoding": "utf-8",
    "markdown_ext": "markdown,mkdown,mkdn,mkd,md",
    "strict_front_matter": False,
    "show_drafts": None,
    "limit_posts": 0,
    "future": False,
    "unpublished": False,
    "whitelist": [],
    "plugins": [],
    "markdown": "kramdown",
    "highlighter": "rouge",
    "lsi": False,
    "excerpt_separator": "\n\n",
    "incremental": False,
    "detach": False,
    "port": "4000",
    "host": "127.0.0.1",
    "baseurl": None,
    "show_dir_listing": False,
    "permalink": "date",
    "paginate_path": "/page:num",
    "timezone": None,
    "quiet": False,
    "verbose": False,
    "defaults": [],
    "liquid": {"error_mode": "warn", "strict_filters": False, "strict_variables": False},
    "kramdown": {
        "auto_ids": True,
        "toc_levels": [1, 2, 3, 4, 5, 6],
        "entity_output": "as_char",
        "smart_quotes": "lsquo,rsquo,ldquo,rdquo",
        "input": "GFM",
        "hard_wrap": False,
        "guess_lang": True,
        "footnote_nr": 1,
        "show_warnings": False,
    },
}

#: Highlighters kramdown can run here; any other name means "no highlighting" (Jekyll would
#: warn that the highlighter is not available and write plain code blocks).
_KNOWN_HIGHLIGHTERS = {"rouge"}


def deep_merge(base: Mapping[str, Any], overrides: Mapping[str, Any]) -> dict[str, Any]:
    """Jekyll's ``Utils.deep_merge_hashes``: nested mappings merge, everything else replaces."""
    merged = dict(base)
    for key, value in overrides.items():
        old = merged.get(key)
        if isinstance(old, Mapping) and isinstance(value, Mapping):
            merged[key] = deep_merge(old, value)
        else:
            merged[key] = value
    return merged


def kramdown_options(site_config: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The kramdown options Jekyll's converter passes for a site with ``site_config``.

    Jekyll-only keys of the ``kramdown:`` section (``show_warnings``, ``guess_lang``,
    ``coderay``) and names kramdown does not define are left out, as kramdown ignores them.
    """
    config = deep_merge(DEFAULTS, dict(site_config or {}))
    section = copy.deepcopy(dict(config.get("kramdown") or {}))

    highlighter = section.get("syntax_highlighter")
    if not highlighter:
        if section.get("enable_coderay"):
            highlighter = "coderay"
        else:
            highlighter = config.get("highlighter") or "rouge"
    opts = dict(section.get("syntax_highlighter_opts") or {})
    opts.setdefault("default_lang", "plaintext")
    if not opts.get("default_lang"):
        opts["default_lang"] = "plaintext"
    opts["guess_lang"] = section.get("guess_lang")
    coderay = section.get("coderay") or {}
    if coderay:
        merged = {**opts, **_CODERAY_DEFAULTS, **coderay}
        opts = {str(k).removeprefix("coderay_"): v for k, v in merged.items()}

    options: dict[str, Any] = {}
    for key, value in section.items():
        name = str(key)
        if name in OPTIONS and name not in ("syntax_highlighter", "syntax_highlighter_opts"):
            options[name] = value
        elif name in IGNORED_LEGACY_OPTIONS:
            continue
    name = str(highlighter).lstrip(":")
    options["syntax_highlighter"] = name if name in _KNOWN_HIGHLIGHTERS else None
    options["syntax_highlighter_opts"] = opts
    return options


_CODERAY_DEFAULTS = {"css": "style", "bold_every": 10, "line_numbers": "inline",
                     "line_number_start": 1, "tab_width": 4, "wrap": "div"}

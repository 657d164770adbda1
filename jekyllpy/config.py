"""Jekyll's site configuration: its defaults, its merge rule, and what the Markdown converter
hands to kramdown.

Follows Jekyll 4.3.1: ``Jekyll::Configuration::DEFAULTS``, ``Utils.deep_merge_hashes`` and
the converter's ``KramdownParser`` set-up, which turns a site's ``kramdown:`` section and its
``highlighter:`` into kramdown options.  Values keep YAML's plain types; Ruby truthiness
(only ``None`` and ``False`` are false) is used wherever Jekyll tests a value with ``||``.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from .kramdown.options import OPTIONS, ruby_to_s

#: Jekyll 4.3.1's default site configuration, in Jekyll's key order.  Jekyll fills ``source``
#: with the working directory and ``destination`` with its ``_site``; here they are None
#: until a site is read.  Never modified: :func:`deep_merge` copies what it takes.
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

#: What Jekyll merges under a legacy ``kramdown.coderay`` section before dropping the
#: ``coderay_`` prefixes (the result lands in ``syntax_highlighter_opts``).
CODERAY_DEFAULTS: Mapping[str, Any] = {
    "css": "style", "bold_every": 10, "line_numbers": "inline",
    "line_number_start": 1, "tab_width": 4, "wrap": "div",
}


def _truthy(value: Any) -> bool:
    """Ruby truthiness: everything but nil and false, so "" and 0 count as set."""
    return value is not None and value is not False


def deep_merge(base: Mapping[str, Any], overrides: Mapping[str, Any]) -> dict[str, Any]:
    """Jekyll's ``Utils.deep_merge_hashes``: mappings present on both sides merge key by key;
    a None in ``overrides`` keeps the existing value (a new key is added even when None);
    anything else replaces.  Keys keep ``base``'s order, new ones follow in ``overrides``'
    order.  The result shares no mutable value with either argument."""
    merged = {key: copy.deepcopy(value) for key, value in base.items()}
    for key, value in overrides.items():
        if key in merged:
            if value is None:
                continue
            if isinstance(merged[key], Mapping) and isinstance(value, Mapping):
                merged[key] = deep_merge(merged[key], value)
                continue
        merged[key] = copy.deepcopy(value)
    return merged


def site_config(user_config: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Jekyll's defaults deep-merged with a site's ``_config.yml`` data (top-level keys made
    strings, as Jekyll does).  Collections and excludes are completed by the site reader."""
    return deep_merge(DEFAULTS, {str(k): v for k, v in (user_config or {}).items()})


def converter_config(user_config: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The ``kramdown:`` section exactly as Jekyll's Markdown converter holds it after its
    set-up, Jekyll-only keys (``show_warnings``, ``guess_lang``, ``coderay``) included.

    The highlighter is ``kramdown.syntax_highlighter``, else ``coderay`` when the deprecated
    ``kramdown.enable_coderay`` is set, else the site's ``highlighter`` (nil or false there
    mean rouge).  ``syntax_highlighter_opts`` gets ``default_lang: plaintext`` unless set and
    always ``guess_lang`` from the section; a legacy ``kramdown.coderay`` section is merged
    into it over :data:`CODERAY_DEFAULTS` with ``coderay_`` prefixes dropped.

    Raises ``ValueError`` where Jekyll 4.3 stops the build: CodeRay (it needs the
    kramdown-syntax-coderay gem) or a math engine other than MathJax (a kramdown-math-* gem),
    and sections of the wrong shape.
    """
    config = site_config(user_config)
    highlighter = config.get("highlighter")
    fallback = highlighter if _truthy(highlighter) else "rouge"
    section = config.get("kramdown") if _truthy(config.get("kramdown")) else {}
    if not isinstance(section, Mapping):
        raise ValueError(f"Jekyll's kramdown configuration must be a mapping, not {section!r}")
    section = dict(section)

    if not _truthy(section.get("syntax_highlighter")):
        section["syntax_highlighter"] = (
            "coderay" if _truthy(section.get("enable_coderay")) else fallback)
    opts = section.get("syntax_highlighter_opts")
    opts = dict(_mapping(opts, "kramdown.syntax_highlighter_opts")) if _truthy(opts) else {}
    if not _truthy(opts.get("default_lang")):
        opts["default_lang"] = "plaintext"
    opts["guess_lang"] = section.get("guess_lang")
    section["syntax_highlighter_opts"] = opts
    if not _truthy(section.get("coderay")):
        section["coderay"] = {}
    coderay = section["coderay"]
    if not isinstance(coderay, (Mapping, str, list)):
        raise ValueError(f"kramdown.coderay must be a mapping, not {coderay!r}")
    if coderay:
        merged = {**opts, **CODERAY_DEFAULTS, **_mapping(coderay, "kramdown.coderay")}
        section["syntax_highlighter_opts"] = {
            ruby_to_s(key).removeprefix("coderay_"): value for key, value in merged.items()}

    if section["syntax_highlighter"] == "coderay":
        raise ValueError("highlighting with CodeRay needs Ruby's kramdown-syntax-coderay gem, "
                         "which Jekyll 4.3 refuses to run without; use rouge")
    engine = section.get("math_engine")
    if _truthy(engine) and engine != "mathjax":
        raise ValueError(f"math_engine {engine!r} needs Ruby's kramdown-math-{ruby_to_s(engine)} "
                         "gem, which Jekyll 4.3 refuses to run without; use mathjax")
    return section


def kramdown_options(user_config: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The kramdown options Jekyll's converter passes for a site with ``user_config``.

    :func:`converter_config` without the keys kramdown does not read (Jekyll's own keys,
    legacy and misspelt names: kramdown ignores them).  Keys are taken literally: Jekyll's
    YAML cannot hold Symbols, and kramdown ignores a string key written ":name".  Values
    are as Jekyll passes them; :func:`jekyllpy.kramdown.options.resolve_options` reads
    them as kramdown does.
    """
    return {key: value for key, value in converter_config(user_config).items()
            if isinstance(key, str) and key in OPTIONS}


def _mapping(value: Any, what: str) -> Mapping[Any, Any]:
    if not isinstance(value, Mapping):
        raise ValueError(f"{what} must be a mapping, not {value!r}")
    return value

"""Syntax highlighting shaped exactly like Rouge 3.30 inside kramdown (and Jekyll).

The entry point :func:`highlight` follows kramdown's Rouge integration
(lib/kramdown/converter/syntax_highlighter/rouge.rb): per-kind options (``span``/``block``
sub-hashes), the default language, ``guess_lang``, ``disable``; then Rouge's lexer lookup
(exact tag or alias; unknown names are not highlighted at all) and Rouge's HTML formatters.

Tokens come from :mod:`.lexing` (Pygments lexers, token kinds mapped to Rouge's CSS classes,
plain text for ``plaintext``); markup from :mod:`.formatter`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from .formatter import format_tokens
from .lexing import find_lexer, lex

__all__ = ["highlight", "find_lexer", "lex", "format_tokens"]


def _normalize(opts: Mapping[Any, Any]) -> dict[str, Any]:
    return {str(k).strip().lstrip(":"): v for k, v in opts.items()}


def kind_options(opts: Mapping[str, Any], kind: str) -> dict[str, Any]:
    """The options for one kind: the common ones overlaid with the ``span``/``block`` hash."""
    base = dict(opts)
    span = base.pop("span", None) or {}
    block = base.pop("block", None) or {}
    merged = {**base, **_normalize(span if kind == "span" else block)}
    if kind == "span":
        merged["wrap"] = False
    return merged


def highlight(code: str, lang: str | None, kind: Literal["block", "span"],
              opts: Mapping[str, Any], call_opts: dict[str, Any]) -> str | None:
    """Highlight ``code`` as kramdown's Rouge integration does, or return None.

    Returns what kramdown puts inside its wrapper: for a block (default options)
    ``<div class="highlight"><pre class="highlight"><code>...</code></pre></div>``, which the
    converter wraps in ``<div class="language-X highlighter-rouge">``; for a span just the
    highlighted tokens, which the converter wraps in ``<code class="language-X ...">``.
    ``call_opts["default_lang"]`` is set for the converter's ``language-`` class.
    None means "not highlighted": no language and no default, highlighting disabled, a
    language Rouge does not know, or plain text while ``guess_lang`` is off.
    """
    options = kind_options(opts, kind)
    call_opts["default_lang"] = options.get("default_lang")
    name = lang or options.get("default_lang")
    if not (name or options.get("guess_lang")):
        return None
    lexer = find_lexer(name)
    if options.get("disable") or lexer is None or (
            lexer == "plaintext" and not options.get("guess_lang")):
        return None
    options.setdefault("css_class", "highlight")
    if not options.get("css_class"):
        options["css_class"] = "highlight"
    return format_tokens(lex(lexer, code), options)

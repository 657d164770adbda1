"""Rouge's HTML output (Rouge 3.30 ``Formatters::HTMLLegacy`` and what it wraps).

One ``<span class="X">`` per token run (plain text runs have no span), only ``&``, ``<`` and
``>`` escaped; optionally a line-number table (``line_numbers``); and, unless ``wrap`` is
false, the ``<div class="highlight"><pre class="CSS_CLASS"><code>`` wrapper.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

Token = tuple[str, str]  # (css class, text); "" means plain text


def _escape(text: str) -> str:
    if "&" in text or "<" in text or ">" in text:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text


def format_html(tokens: Iterable[Token]) -> str:
    """Rouge's ``Formatters::HTML``: spans around escaped token text."""
    out = []
    for css, text in tokens:
        if css:
            out.append(f'<span class="{css}">{_escape(text)}</span>')
        else:
            out.append(_escape(text))
    return "".join(out)


def format_table(tokens: list[Token], opts: Mapping[str, Any]) -> str:
    """Rouge's ``Formatters::HTMLTable``: a gutter of line numbers beside the code."""
    start = int(opts.get("start_line", 1) or 1)
    line_format = str(opts.get("line_format", "%i"))
    table_class = opts.get("table_class", "rouge-table")
    gutter_class = opts.get("gutter_class", "rouge-gutter")
    code_class = opts.get("code_class", "rouge-code")
    lines = sum(text.count("\n") for _, text in tokens)
    formatted = format_html(tokens)
    last = tokens[-1][1] if tokens else None
    if not (last and last.endswith("\n")):
        lines += 1
        formatted += "\n"
    numbers = "\n".join(line_format.replace("%i", "%d") % i
                        for i in range(start, start + lines)) + "\n"
    return (f'<table class="{table_class}"><tbody><tr>'
            f'<td class="{gutter_class} gl"><pre class="lineno">{numbers}</pre></td>'
            f'<td class="{code_class}"><pre>{formatted}</pre></td></tr></tbody></table>')


def format_tokens(tokens: list[Token], opts: Mapping[str, Any]) -> str:
    """``HTMLLegacy``: the HTML formatter, a table with ``line_numbers``, the wrapper."""
    body = format_table(tokens, opts) if opts.get("line_numbers") else format_html(tokens)
    if "wrap" in opts and not opts["wrap"]:
        return body
    css_class = opts.get("css_class", "codehilite")
    return f'<div class="highlight"><pre class="{css_class}"><code>{body}</code></pre></div>'

"""HTML escaping as kramdown does it (lib/kramdown/utils/html.rb).

Text and attribute values keep entity references that are already there (``&amp;``,
``&#169;``) and escape every other ``&``; code is escaped completely.
"""

from __future__ import annotations

import re
from typing import Any

_MAP = {"<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;"}
_REFERENCE = r"&(?:[\w:][\-\w\.:]*;|#\d+;|#x[0-9a-fA-F]+;)"
_ALL = re.compile(r"[<>&]")
_TEXT = re.compile(rf"{_REFERENCE}|[<>&]", re.A)
_ATTRIBUTE = re.compile(rf"{_REFERENCE}|[<>&\"]", re.A)
_PATTERNS = {"all": _ALL, "text": _TEXT, "attribute": _ATTRIBUTE}


def _replace(m: re.Match[str]) -> str:
    s = m.group()
    return _MAP.get(s, s)


def escape_html(text: str, kind: str = "all") -> str:
    """Escape for HTML output; ``kind`` is "all", "text" or "attribute"."""
    if kind == "all":
        if "<" not in text and ">" not in text and "&" not in text:
            return text
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if kind == "text":
        if "<" not in text and ">" not in text and "&" not in text:
            return text
    elif "<" not in text and ">" not in text and "&" not in text and '"' not in text:
        return text
    return _PATTERNS[kind].sub(_replace, text)


def html_attributes(attr: dict[Any, Any] | None) -> str:
    """`` key="value"`` pairs in insertion order; None values and empty ids are left out."""
    if not attr:
        return ""
    parts = []
    for key, value in attr.items():
        if value is None:
            continue
        key = str(key)
        value = value if isinstance(value, str) else _ruby_to_s(value)
        if key == "id" and not value.strip(" \t\n\v\f\r"):
            continue
        parts.append(f' {key}="{escape_html(value, "attribute")}"')
    return "".join(parts)


def _ruby_to_s(value: Any) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)

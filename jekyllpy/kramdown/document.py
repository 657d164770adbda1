"""``Document``: the engine's front door, shaped like Ruby's ``Kramdown::Document``.

Parsing happens in the constructor (so ``root`` and parse warnings are available at once);
``to_html()`` converts, adding the converter's warnings.  Options are validated and coerced
once by :func:`options.resolve_options`; ``{::options}`` inside the text changes a copy.
"""

from __future__ import annotations

import sys
import threading
from typing import Any, Mapping

from .converter.html import HtmlConverter
from .element import Element
from .options import defined_option_names, parse_option, resolve_options
from .parser import GFMParser, KramdownParser

try:  # The highlighter is optional at import time so the parser can be used alone.
    from .highlight import highlight as _rouge_highlight
except ImportError:  # pragma: no cover
    _rouge_highlight = None

_PARSERS = {"kramdown": KramdownParser, "gfm": GFMParser}


def _parse_inline_option(name: str, value: Any) -> Any:
    return parse_option(name, value)


class Document:
    """A kramdown document: ``Document(text, **options).to_html()``."""

    def __init__(self, text: str, **options: Any) -> None:
        self._read(text, resolve_options(options))

    @classmethod
    def with_resolved_options(cls, text: str, options: Mapping[str, Any]) -> "Document":
        """A document parsed with options :func:`resolve_options` gave already: a caller
        converting many texts with the same options resolves them once (reading them in
        costs a short text's conversion a tenth).  The document works on its own copy of
        the mapping; the values in it (the hashes of ``link_defs``,
        ``syntax_highlighter_opts`` and the like) are shared, read and never changed by
        the engine (``{::options}`` replaces a value in the copy), and the caller must not
        change them either.  (``Document(text, **options)`` copies those too: a document's
        ``options`` are then its own to change.)"""
        doc = cls.__new__(cls)
        doc._read(text, dict(options))
        return doc

    def _read(self, text: str, options: dict[str, Any]) -> None:
        if not isinstance(text, str):
            raise TypeError(f"kramdown source must be str, not {type(text).__name__}")
        self.options: dict[str, Any] = options
        parser_cls = _parser_class(self.options.get("input"))

        def parse() -> Any:
            parser = parser_cls(text, self.options)
            parser.option_parser = _parse_inline_option
            parser.known_options = defined_option_names(self.options.get("input") or "kramdown")
            parser.parse()
            return parser
        parser = _run_deep(parse)
        self.root: Element = parser.root
        self.warnings: list[str] = list(parser.warnings)

    def to_html(self) -> str:
        """Convert to HTML exactly as kramdown's HTML converter (with Rouge) would."""
        options = dict(self.options)
        options.update(self.root.options.get("options") or {})
        highlighter = _rouge_highlight if _highlighter_name(options) == "rouge" else None

        def convert() -> tuple[str, list[str]]:
            converter = HtmlConverter(self.root, options, highlighter)
            return converter.convert(self.root), converter.warnings
        result, warnings = _run_deep(convert)
        self.warnings.extend(warnings)
        return result


def _highlighter_name(options: dict[str, Any]) -> str | None:
    name = options.get("syntax_highlighter")
    return str(name).lstrip(":") if name else None


def _parser_class(name: Any) -> type:
    key = str(name or "kramdown").lstrip(":")
    cls = _PARSERS.get(key.lower()) if key in ("kramdown", "Kramdown", "GFM") else None
    if cls is None:
        raise ValueError(f"kramdown has no parser to handle the specified input format: {name}")
    return cls


_DEEP_LIMIT = 200_000


def _run_deep(fn):
    """Run ``fn`` with room for deep recursion: nested quotes, lists and HTML recurse once
    per level, and a document may nest thousands of levels.  Plain calls run directly;
    only a RecursionError re-runs the work in a thread with a large stack."""
    try:
        return fn()
    except RecursionError:
        pass
    result: dict[str, Any] = {}

    def target() -> None:
        old = sys.getrecursionlimit()
        sys.setrecursionlimit(_DEEP_LIMIT)
        try:
            result["value"] = fn()
        except BaseException as exc:  # re-raised in the caller's thread
            result["error"] = exc
        finally:
            sys.setrecursionlimit(old)

    old_size = threading.stack_size()
    threading.stack_size(512 * 1024 * 1024)
    try:
        worker = threading.Thread(target=target)
        worker.start()
        worker.join()
    finally:
        threading.stack_size(old_size)
    if "error" in result:
        raise result["error"]
    return result["value"]

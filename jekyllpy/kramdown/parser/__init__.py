"""Parsers: kramdown syntax and its GFM dialect, both producing the same element tree."""

from __future__ import annotations

from .gfm import GFMParser
from .kramdown import KramdownParser

__all__ = ["GFMParser", "KramdownParser"]

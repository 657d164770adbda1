"""jekyllpy's kramdown engine: kramdown 2.4 (and kramdown-parser-gfm 1.1) in Python.

Self-contained: nothing here imports from the rest of jekyllpy.  The pipeline is
parser (``parser/``) -> element tree (``element.py``) -> HTML converter (``converter/``)::

    >>> from jekyllpy.kramdown import Document
    >>> Document("# Hi", input="GFM").to_html()
    '<h1 id="hi">Hi</h1>\\n'
"""

from __future__ import annotations

from .document import Document
from .element import Element

__all__ = ["Document", "Element"]

"""Languages and tokens: Rouge's lookup rules, Pygments' lexers, Rouge's CSS classes.

Rouge finds a lexer by the exact tag or alias (``ruby``, ``rb``; not ``Ruby``), or by
``lang?options``.  Languages with a lexer in :mod:`.lexers` (Rouge's rules restated) use it;
the others are tokenised by the Pygments lexer of the same language, each Pygments token kind
mapped to the nearest kind Rouge knows (whitespace as plain text), consecutive tokens of the
same class merged as Rouge's lexer does, and per-language rules from :mod:`.corrections`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .corrections import correct
from .lexers import NATIVE
from .rouge_registry import LEXERS, TOKEN_CLASSES

#: alias or tag -> tag
_BY_NAME: dict[str, str] = {}
for _tag, _aliases in LEXERS.items():
    _BY_NAME[_tag] = _tag
for _tag, _aliases in LEXERS.items():
    for _alias in _aliases:
        _BY_NAME.setdefault(_alias, _tag)

#: Rouge tag -> Pygments lexer name, where the names differ.
_PYGMENTS_NAMES = {
    "plaintext": None, "docker": "docker", "make": "make", "objective_c": "objective-c",
    "viml": "vim",
}


def find_lexer(name: str | None) -> str | None:
    """The Rouge tag for a fence language, or None if Rouge would not know it."""
    if name is None:
        return "plaintext"  # Rouge guesses; for kramdown's inputs that is plain text
    if "?" in name:
        name = name.split("?", 1)[0]
        if name in ("", "guess"):
            return "plaintext"
    elif name == "guess":
        return "plaintext"
    return _BY_NAME.get(name)


@lru_cache(maxsize=None)
def _pygments_lexer(tag: str) -> Any:
    if tag == "plaintext":
        return None
    try:
        from pygments.lexers import get_lexer_by_name
        from pygments.util import ClassNotFound
    except ImportError:  # pragma: no cover - Pygments is a dependency
        return None
    candidates = [_PYGMENTS_NAMES.get(tag, tag), tag, *LEXERS.get(tag, ())]
    for cand in candidates:
        if not cand:
            continue
        extra = {"startinline": True} if tag == "php" else {}
        try:
            return get_lexer_by_name(cand, stripnl=False, ensurenl=False, stripall=False,
                                     **extra)
        except ClassNotFound:
            continue
    return None


@lru_cache(maxsize=None)
def rouge_class(token_type: Any) -> str:
    """Rouge's CSS class for a Pygments token type (nearest kind Rouge knows).

    Pygments marks whitespace as ``Text.Whitespace``; the Rouge lexers of the languages
    left to Pygments yield it as plain text.
    """
    t = token_type
    if ".".join(t) == "Text.Whitespace":
        return ""
    while t is not None and len(t) > 0:
        name = ".".join(t)
        if name in TOKEN_CLASSES:
            return TOKEN_CLASSES[name]
        t = t.parent
    return ""


def lex(tag: str, code: str) -> list[tuple[str, str]]:
    """``(css_class, text)`` runs for ``code`` in language ``tag``."""
    if not code:
        return []
    native = NATIVE.get(tag)
    if native is not None:
        return native.lex(code)
    lexer = _pygments_lexer(tag)
    if lexer is None:
        return [("", code)]
    out: list[tuple[str, str]] = []
    last_css = None
    for token_type, text in lexer.get_tokens(code):
        if not text:
            continue
        css = rouge_class(token_type)
        if out and css == last_css:
            out[-1] = (css, out[-1][1] + text)
        else:
            out.append((css, text))
            last_css = css
    return correct(tag, out)

"""A Liquid template cut into tokens the way Liquid 5.4 cuts it, as python-liquid tokens.

Liquid splits a template at ``{%...%}`` (up to the first ``%}``), ``{{...}`` or
``{{...}}`` (up to the first ``}``, and a second one right after it), and at a ``{%`` or
``{{`` with no end: quotes mean nothing here, so ``{{ '}' }}`` is the token ``{{ '}``.
Then each token is read:

* ``{%-? name markup -?%}`` is a tag (``name`` is ``#`` or word characters); a token
  starting with ``{%`` that is not one stops the build with ``Tag '...' was not properly
  terminated with regexp: /\\%\\}/``;
* ``{{-? markup -?}}`` is a variable; a token starting with ``{{`` that does not end with
  ``}}`` stops it with ``Variable '...' was not properly terminated with regexp:
  /\\}\\}/``;
* anything else is text.  A ``-`` right after the opening delimiter strips the whitespace
  ending the text just before; one right before the closing delimiter strips the
  whitespace starting the next text (Ruby's ``strip``: ASCII whitespace, and NUL at the
  end).

``{% raw %}`` takes the tokens after it as they are, up to a token ending in
``{% endraw %}`` (``-`` is not allowed there), so ``{{`` inside it is never read (inside
a ``{% comment %}`` too: comments are parsed like any block, see :mod:`.tag_markup`).

Lines are Liquid's: a bad token's error carries a token at its opening delimiter; a tag's
token (and its markup's) sits where its markup starts, since Liquid counts the line
breaks around the tag's name (``{%\n if x ==\n%}`` is reported on line 2).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from liquid.exceptions import LiquidSyntaxError
from liquid.token import TOKEN_CONTENT, TOKEN_EXPRESSION, TOKEN_OUTPUT, TOKEN_TAG, Token

__all__ = ["tokenize"]

_TEMPLATE = re.compile(r"\{%.*?%\}|\{\{.*?\}\}?|\{%|\{\{", re.S)
_FULL_TAG = re.compile(r"\{%-?(\s*)(#|\w+)(\s*)(.*?)-?%\}\Z", re.S | re.A)
_VARIABLE = re.compile(r"\{\{-?(.*?)-?\}\}\Z", re.S)
_RAW_END = re.compile(r"(.*)\{%\s*(\w+)\s*(.*)?%\}\Z", re.S | re.A)
_WS = " \t\n\v\f\r"
_RAW_MARKUP = re.compile(r"\s*\Z", re.A)


def _split(source: str) -> Iterator[tuple[int, str]]:
    """Liquid's tokens with their offsets (text between delimiters included)."""
    pos = 0
    for m in _TEMPLATE.finditer(source):
        if m.start() > pos:
            yield pos, source[pos:m.start()]
        yield m.start(), m.group()
        pos = m.end()
    if pos < len(source):
        yield pos, source[pos:]


def _error(message: str, source: str, start: int, value: str) -> LiquidSyntaxError:
    return LiquidSyntaxError(message, token=Token(TOKEN_TAG, value, start, source))


def _check(source: str, start: int, text: str) -> re.Match[str] | None:
    """The tag or variable match of a token (None for text); raises for a bad one."""
    if text.startswith("{%"):
        m = _FULL_TAG.match(text)
        if m is None:
            raise _error(f"Tag '{text}' was not properly terminated with regexp: "
                         "/\\%\\}/", source, start, text)
        return m
    if text.startswith("{{"):
        m = _VARIABLE.match(text)
        if m is None:
            raise _error(f"Variable '{text}' was not properly terminated with regexp: "
                         "/\\}\\}/", source, start, text)
        return m
    return None


def tokenize(source: str) -> Iterator[Token]:  # noqa: C901 - one pass, as Liquid's
    """python-liquid tokens for ``source`` read as Liquid 5.4 reads it."""
    tokens = list(_split(source))
    n = len(tokens)
    i = 0
    trim_next = False
    while i < n:
        start, text = tokens[i]
        i += 1
        m = _check(source, start, text)
        if m is None:
            if trim_next:
                text = text.lstrip(_WS)
            trim_next = False
            # a following tag or variable with a leading dash strips this text's end
            if i < n and tokens[i][1][2:3] == "-" and tokens[i][1][:2] in ("{%", "{{"):
                text = text.rstrip(_WS + "\0")
            if text:
                yield Token(TOKEN_CONTENT, text, start, source)
            continue
        trim_next = text[-3:-2] == "-"
        if text.startswith("{{"):
            yield Token(TOKEN_OUTPUT, text, start, source)
            yield Token(TOKEN_EXPRESSION, m.group(1), start + 2, source)
            continue
        name = m.group(2)
        markup = m.group(4).rstrip(_WS)
        markup_start = start + m.start(4)
        if name == "raw":
            if not _RAW_MARKUP.match(m.group(4)):
                raise _error("Syntax Error in 'raw' - Valid syntax: raw", source,
                             markup_start, text)
            body = []
            while True:
                if i >= n:
                    raise _error("'raw' tag was never closed", source, markup_start, text)
                _, raw = tokens[i]
                i += 1
                end = _RAW_END.match(raw)
                if end and end.group(2) == "endraw":
                    body.append(end.group(1))
                    break
                body.append(raw)
            yield Token(TOKEN_TAG, "raw", markup_start, source)
            yield Token(TOKEN_EXPRESSION, "".join(body), start + len(text), source)
            continue
        yield Token(TOKEN_TAG, name, markup_start, source)
        if markup:
            yield Token(TOKEN_EXPRESSION, markup, markup_start, source)
    return

"""Per-language corrections for languages still tokenised by Pygments (those without a
lexer in :mod:`.lexers`), where Pygments' tokens differ from Rouge 3.30's.

Each correction takes and returns ``(css_class, text)`` runs and encodes one rule of the
corresponding Rouge lexer (not a particular snippet); they are checked by the highlighting
fixtures and the fuzzer (see docs/conformance.md for which languages are exact).
"""

from __future__ import annotations

import re
from collections.abc import Callable

Runs = list[tuple[str, str]]


def merge(runs: Runs) -> Runs:
    """Join neighbouring runs of the same class, as Rouge's lexer does."""
    out: Runs = []
    for css, text in runs:
        if out and out[-1][0] == css:
            out[-1] = (css, out[-1][1] + text)
        else:
            out.append((css, text))
    return out


def _markup(runs: Runs) -> Runs:
    """Rouge's XML lexer: tag brackets belong to the tag (``nt``), and ``=`` to the
    attribute name."""
    out: Runs = []
    for css, text in runs:
        if css == "p" and text.strip("</>") == "":
            css = "nt"
        if css == "o" and text == "=" and out and out[-1][0] == "na":
            out[-1] = ("na", out[-1][1] + text)
            continue
        out.append((css, text))
    return merge(out)


def _php(runs: Runs) -> Runs:
    """Rouge's PHP lexer: the name after ``new`` is a class (``nc``)."""
    out: Runs = []
    for css, text in runs:
        if css == "nx" and len(out) >= 2 and out[-1][0] == "" and out[-1][1].isspace() \
                and out[-2] == ("k", "new"):
            css = "nc"
        out.append((css, text))
    return merge(out)


_YAML_NUMBER = re.compile(r"[-+]?(?:\d[\d_]*(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\d+|0x[0-9a-fA-F]+|0o[0-7]+)\Z")
_YAML_CONSTANTS = {"true", "false", "yes", "no", "on", "off", "null", "~", "True", "False",
                   "TRUE", "FALSE", "Yes", "No", "YES", "NO", "On", "Off", "ON", "OFF",
                   "Null", "NULL"}


def _yaml(runs: Runs) -> Runs:
    """Rouge's YAML lexer: keys ``na``, indicators ``pi``, plain scalars ``m`` (numbers),
    ``no`` (booleans, null) or ``s``; inside flow collections keys and items are ``nv``; a
    quoted scalar is its opening quote (``s2``/``s1``) then ``s`` up to and including the
    closing quote."""
    out: Runs = []
    depth = 0
    quote: str | None = None
    for css, text in runs:
        if css in ("p", "pi"):
            depth += text.count("[") + text.count("{") - text.count("]") - text.count("}")
            depth = max(depth, 0)
            out.append(("pi", text))
            continue
        if css == "nt":
            if depth:
                stripped = text.lstrip()
                if stripped != text:
                    out.append(("", text[:len(text) - len(stripped)]))
                out.append(("nv", stripped))
            else:
                out.append(("na", text))
            continue
        if css == "l":
            plain = text.strip()
            if _YAML_NUMBER.match(plain):
                css = "m"
            elif plain in _YAML_CONSTANTS:
                css = "no"
            else:
                css = "s"
        elif css == "no":
            css = "s"
        elif css == "s" and quote is None and text[:1] in "\"'":
            # The opening quote is its own token; the rest (closing quote included) is "s".
            quote = text[0]
            out.append(("s2" if quote == '"' else "s1", quote))
            if len(text) > 1:
                out.append(("s", text[1:]))
            if len(text) >= 2 and text.endswith(quote):
                quote = None
            continue
        elif css == "s" and quote is not None and text.endswith(quote):
            quote = None
        out.append((css, text))
    return merge(out)


_CORRECTIONS: dict[str, Callable[[Runs], Runs]] = {
    "yaml": _yaml,
    "xml": _markup,
    "php": _php,
}


def correct(tag: str, runs: Runs) -> Runs:
    fix = _CORRECTIONS.get(tag)
    return fix(runs) if fix is not None else runs

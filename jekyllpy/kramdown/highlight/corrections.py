"""Per-language corrections for languages still tokenised by Pygments (those without a
lexer in :mod:`.lexers`), where Pygments' tokens differ from Rouge 3.30's.

Each correction takes and returns ``(css_class, text)`` runs and encodes one rule of the
corresponding Rouge lexer (not a particular snippet); they are checked by the highlighting
fixtures and the fuzzer (see docs/conformance.md for which languages are exact).
"""

from __future__ import annotations

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


#: Rouge tag -> correction (none left at present: PHP, the last one, has its own lexer now)
_CORRECTIONS: dict[str, Callable[[Runs], Runs]] = {}


def correct(tag: str, runs: Runs) -> Runs:
    fix = _CORRECTIONS.get(tag)
    return fix(runs) if fix is not None else runs

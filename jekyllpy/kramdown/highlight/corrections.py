"""Per-language corrections where Pygments' tokens differ from Rouge's.

Each correction takes and returns ``(css_class, text)`` runs.  Known differences, measured
against Rouge 3.30 by scripts/highlight_table.py, are fixed here one language at a time.
"""

from __future__ import annotations

from collections.abc import Callable

Runs = list[tuple[str, str]]

_CORRECTIONS: dict[str, Callable[[Runs], Runs]] = {}


def correct(tag: str, runs: Runs) -> Runs:
    fix = _CORRECTIONS.get(tag)
    return fix(runs) if fix is not None else runs

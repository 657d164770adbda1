"""``--profile``: where a build's time went, printed as Jekyll prints it.

Two tables: the time of each phase of the build (reset, read, generate, render, cleanup,
write) and, for every template file, how often it was rendered, how many bytes it made
and how long it took (inclusive of what it includes, as Jekyll counts), slowest first, at
most 50 rows.  The layout is terminal-table's, which Jekyll uses.
"""

from __future__ import annotations

import time
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator


class LiquidStats:
    """Render counts, output bytes and seconds per template file."""

    def __init__(self, roots: list[Path]) -> None:
        self.roots = [str(r).rstrip("/") + "/" for r in roots]
        self.stats: dict[str, list[float]] = defaultdict(lambda: [0, 0, 0.0])

    def name(self, path: str | Path) -> str:
        text = str(path)
        for root in self.roots:
            if text.startswith(root):
                return text[len(root):]
        return text.lstrip("/")

    @contextmanager
    def measure(self, path: str | Path, output: list[str]) -> Iterator[None]:
        """Time a render; ``output`` receives the rendered text (its bytes are counted)."""
        started = time.perf_counter()
        try:
            yield
        finally:
            entry = self.stats[self.name(path)]
            entry[0] += 1
            entry[1] += len(output[0].encode("utf-8")) if output else 0
            entry[2] += time.perf_counter() - started

    def table(self, rows: int = 50) -> str:
        ordered = sorted(self.stats.items(), key=lambda kv: -kv[1][2])[:rows]
        body = [[name, str(int(c)), _kib(b), f"{t:.3f}"] for name, (c, b, t) in ordered]
        totals = [sum(v[i] for _, v in ordered) for i in range(3)]
        body.append([f"TOTAL (for {len(ordered)} files)", str(int(totals[0])),
                     _kib(totals[1]), f"{totals[2]:.3f}"])
        return tabulate([["Filename", "Count", "Bytes", "Time"], *body])


def _kib(n: float) -> str:
    return f"{n / 1024.0:.2f}K"


def tabulate(rows: list[list[str]]) -> str:
    """terminal-table with Jekyll's style: no top or bottom border, a rule under the
    header, the first column left-aligned and the others right-aligned."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]

    def line(row: list[str]) -> str:
        cells = [row[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(row[1:], widths[1:])]
        return "| " + " | ".join(cells) + " |"

    rule = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    return "\n" + "\n".join([line(rows[0]), rule, *(line(r) for r in rows[1:])]) + "\n"


def profile_process(site: Any, say: Any) -> None:
    """Run the build phase by phase, then print both tables with ``say``."""
    roots = [site.source]
    if site.theme is not None:
        roots.append(site.theme.root)
    site.liquid_stats = LiquidStats(roots)
    phases = [["PHASE", "TIME"]]
    total = 0.0
    for phase in ("reset", "read", "generate", "render", "cleanup", "write"):
        started = time.perf_counter()
        getattr(site, phase)()
        seconds = round(time.perf_counter() - started, 4)
        total += seconds
        phases.append([phase.upper(), f"{seconds:.4f}"])
    phases.append(["TOTAL TIME", f"{total:.4f}"])
    say("\nBuild Process Summary: ")
    say(tabulate(phases) + " ")
    say("\nSite Render Stats: ")
    say(site.liquid_stats.table() + " ")

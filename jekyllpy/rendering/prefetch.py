"""Markdown converted ahead of time in a second process, where the result is already known.

Jekyll renders one file after another, and so must we: Liquid in one page may read what
another page became.  But a Markdown file without Liquid (most posts) is converted from
exactly the text it was read with, whatever else happens, so its HTML can be computed
before its turn, on another core.  The renderer still takes every file in Jekyll's order;
it only finds some conversions already done.  The output is the same bytes either way
(the engine is deterministic and the worker converts with the same options); anything the
worker fails on is simply converted again in the build process, where its error is
reported as usual.

Used only where it can pay: more than one CPU, a ``fork`` start method (the worker
inherits the loaded engine instead of importing it again), and enough files.  Set
``JEKYLLPY_WORKERS=0`` to turn it off.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

#: fewer eligible files than this: not worth a process
MIN_FILES = 40
#: files per job: big enough to amortise pickling, small enough to arrive early
BATCH = 16

_options: dict[str, Any] | None = None


def _convert_batch(texts: list[str]) -> list[str | None]:
    from ..kramdown import Document
    out: list[str | None] = []
    for text in texts:
        try:
            out.append(Document(text, **(_options or {})).to_html())
        except Exception:  # converted again (and reported) by the build process
            out.append(None)
    return out


def _init_worker(options: dict[str, Any]) -> None:
    global _options
    _options = options


class MarkdownPrefetch:
    """Conversions started early; :meth:`take` gives one back if its text is unchanged."""

    def __init__(self, options: dict[str, Any], texts: list[tuple[int, str]], *,
                 from_the_end: bool = True) -> None:
        self._pending: dict[int, tuple[str, Future, int]] = {}
        self._executor: ProcessPoolExecutor | None = None
        workers = _worker_count()
        if workers < 1 or len(texts) < MIN_FILES:
            return
        try:
            context = multiprocessing.get_context("fork")
        except ValueError:
            return
        self._executor = ProcessPoolExecutor(max_workers=workers, mp_context=context,
                                             initializer=_init_worker, initargs=(options,))
        # The worker starts from the end of the render order while the build process
        # renders from the start; a conversion the worker has not finished when the build
        # reaches it is done by the build process itself, so neither waits for the other.
        chunks = [texts[i:i + BATCH] for i in range(0, len(texts), BATCH)]
        for chunk in (reversed(chunks) if from_the_end else chunks):
            future = self._executor.submit(_convert_batch, [t for _, t in chunk])
            for index, (key, text) in enumerate(chunk):
                self._pending[key] = (text, future, index)

    def take(self, key: int, text: str) -> str | None:
        """The prefetched HTML for ``key`` if it is ready and was converted from exactly
        ``text``; None means "convert it yourself"."""
        entry = self._pending.pop(key, None)
        if entry is None or entry[0] != text:
            return None
        future = entry[1]
        if not future.done():
            future.cancel()  # not started yet: the worker need not do it at all
            return None
        try:
            return future.result()[entry[2]]
        except Exception:
            return None

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None
        self._pending.clear()


def _worker_count() -> int:
    setting = os.environ.get("JEKYLLPY_WORKERS")
    if setting is not None:
        try:
            return max(0, int(setting))
        except ValueError:
            return 0
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    # One worker beside the build process: the build process itself keeps a core busy.
    return 1 if (cpus or 1) > 1 else 0

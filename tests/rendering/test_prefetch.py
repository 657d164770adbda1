"""The Markdown worker (jekyllpy/rendering/prefetch.py)."""

from __future__ import annotations

import multiprocessing

import pytest

from jekyllpy import markdownify
from jekyllpy.rendering import prefetch


def test_a_stopped_worker_drops_the_rest_of_its_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    stop = multiprocessing.get_context("fork").Event()
    monkeypatch.setattr(prefetch, "_options", {})
    monkeypatch.setattr(prefetch, "_stop", stop)
    jobs = [("*a*", False), ("b", True)]
    assert prefetch._convert_batch(jobs) == [
        (markdownify("*a*"), None), (markdownify("b"), markdownify(markdownify("b")))]
    stop.set()
    assert prefetch._convert_batch(jobs) == [(None, None), (None, None)]


def test_prefetched_conversions_are_taken_and_closing_stops_the_worker(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JEKYLLPY_WORKERS", "1")
    monkeypatch.setattr(prefetch, "MIN_FILES", 1)
    texts = [(i, f"text *{i}*", False) for i in range(40)]
    fetch = prefetch.MarkdownPrefetch({}, texts, from_the_end=False)
    assert fetch._executor is not None
    futures = {id(entry[1]): entry[1] for entry in fetch._pending.values()}
    for future in futures.values():
        future.result(timeout=60)
    assert fetch.take(0, "text *0*") == markdownify("text *0*")
    assert fetch.take(1, "changed") is None  # converted from other text: not used
    fetch.close()
    assert fetch._stop.is_set()

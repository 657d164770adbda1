"""Documents sorted by date then path: the quick sort gives Ruby's merge sort's order."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from jekyllpy.rendering import ruby
from jekyllpy.site import collection as C


def _docs(rng: random.Random, n: int, dates: list[Any]) -> list[Any]:
    return [SimpleNamespace(data={"date": rng.choice(dates)},
                            path=Path(f"/s/_posts/{rng.randint(0, n * 3)}-{i}.md"))
            for i in range(n)]


def test_quick_sort_equals_ruby_sort_with_ties() -> None:
    rng = random.Random(5)
    zones = [dt.timezone.utc, dt.timezone(dt.timedelta(hours=5, minutes=30))]
    # few distinct instants (ties on the date), written in two zones
    dates = [dt.datetime(2020, 1, d, h, tzinfo=z) for d in (1, 2) for h in (0, 5, 23)
             for z in zones]
    for _ in range(20):
        docs = _docs(rng, 60, dates)
        assert C._sorted_by_date(docs) == ruby.sort(docs, C._compare_docs)
        # site.posts: sorted by b <=> a
        assert C._sorted_by_date(docs, newest_first=True) == ruby.sort(
            docs, lambda a, b: C._compare_docs(b, a))


def test_dates_ruby_cannot_compare_keep_ruby_sort() -> None:
    rng = random.Random(7)
    dates = [dt.date(2020, 1, 2), dt.datetime(2020, 1, 2, tzinfo=dt.timezone.utc), None, "x"]
    for _ in range(20):
        docs = _docs(rng, 30, dates)
        assert C._sorted_by_date(docs) == ruby.sort(docs, C._compare_docs)
        assert C._sorted_by_date(docs, newest_first=True) == ruby.sort(
            docs, lambda a, b: C._compare_docs(b, a))

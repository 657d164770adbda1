"""``ruby.parse_time`` takes a date alone (a post's file name) by a shortcut; the general
rules must give the same time for it."""

from __future__ import annotations

import random
from zoneinfo import ZoneInfo

import pytest

from jekyllpy.rendering import ruby


@pytest.mark.parametrize("zone", ["UTC", "America/Sao_Paulo", "Asia/Kolkata"])
def test_a_date_alone_is_local_midnight_as_with_a_time(zone: str) -> None:
    tz = ZoneInfo(zone)
    rng = random.Random(zone)
    for _ in range(2000):
        date = f"{rng.randint(1, 9999):04d}-{rng.randint(0, 13):02d}-{rng.randint(0, 32):02d}"
        try:
            expected = ruby.parse_time(date + " 00:00:00", tz)  # the general rules
        except ruby.TimeParseError:
            with pytest.raises(ruby.TimeParseError):
                ruby.parse_time(date, tz)
            continue
        got = ruby.parse_time(f" {date}\n", tz)
        assert (got, got.tzinfo) == (expected, expected.tzinfo), date


def test_time_to_s_pads_the_year_as_ruby_does() -> None:
    """``Time#to_s`` of a year before 1000 (Ruby: ``Time.utc(5, 1, 1).to_s`` is
    ``0005-01-01 00:00:00 UTC``; glibc's ``%Y`` would give ``5``)."""
    from datetime import datetime, timedelta, timezone
    assert ruby.time_to_s(datetime(5, 1, 1, tzinfo=timezone.utc), timezone.utc) == \
        "0005-01-01 00:00:00 UTC"
    plus_one = timezone(timedelta(hours=1))
    assert ruby.time_to_s(datetime(999, 12, 31, 23, 59, 59, tzinfo=plus_one), plus_one) == \
        "0999-12-31 23:59:59 +0100"
    assert ruby.time_to_s(datetime(2024, 6, 1, 12, 0, 5, tzinfo=timezone.utc),
                          timezone.utc) == "2024-06-01 12:00:05 UTC"

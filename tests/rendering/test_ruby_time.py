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


def test_plain_strftime_conversions_match_the_general_rules() -> None:
    """``strftime`` writes a date's own fields (``%Y``, ``%-d``, ``%b`` ...) by a
    shortcut; :func:`ruby._directive` must give the same text for each, on dates and
    times across the years Python has."""
    from datetime import date, datetime, timezone
    rng = random.Random(7)
    for _ in range(3000):
        when = datetime(rng.randint(1, 9999), rng.randint(1, 12), rng.randint(1, 28),
                        rng.randint(0, 23), tzinfo=timezone.utc)
        for value, is_date in ((when, False), (when.date(), True)):
            for (flags, c), plain in ruby._PLAIN_DIRECTIVES.items():
                general = ruby._directive(value, is_date, timezone.utc,
                                          (flags, "", "", "", c), f"%{flags}{c}")
                assert plain(value) == general, (value, flags, c)
    # a width, a modifier or another flag is left to the general rules
    assert [p[2] for p in ruby._strftime_parts("%5Y %Ey %^b %_d %b")[::2]] == \
        [None, None, None, None, ruby._PLAIN_DIRECTIVES[("", "b")]]
    assert ruby.strftime(date(5, 3, 9), "%b %-d, %Y %e|%y") == "Mar 9, 0005  9|05"

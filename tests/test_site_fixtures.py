"""Site fixtures: jekyllpy builds every tests/fixtures/sites/NAME/source into the same files
as Jekyll 4.3.1 did (NAME/expected/, written by scripts/regen_site_fixtures.py).

The comparisons are test items collected by jekyllpy's pytest plugin (``jekyllpy_fixtures``
in pyproject.toml; items named ``sites/NAME``): the site is built with the ``jekyllpy build``
command and NAME/build.json's arguments, from the source folder (where the regeneration
script runs ``jekyll build``).  The comparison is strict: the same set of relative paths,
and the same bytes after ``normalise`` (which blanks only build-time fields, today the
feed-level ``<updated>`` of the Atom feeds jekyll-feed writes).  No Ruby is needed.

A site the builder cannot produce yet would be listed in tests/fixtures/sites/KNOWN_DIFFERENT
with the reason (there is none); it must then still build differently (its item fails once
it matches, so that the line is removed and the site guarded from then on).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITES = ROOT / "tests" / "fixtures" / "sites"
NAMES = sorted(p.name for p in SITES.iterdir() if (p / "source").is_dir())

_spec = importlib.util.spec_from_file_location("regen_site_fixtures",
                                               ROOT / "scripts" / "regen_site_fixtures.py")
assert _spec is not None and _spec.loader is not None
regen = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(regen)

_FEED = (b'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
         b"<updated>2024-01-02T03:04:05+00:00</updated><entry>"
         b"<updated>2020-01-01T00:00:00+00:00</updated></entry></feed>")


def test_every_site_has_expected_output() -> None:
    assert len(NAMES) >= 8
    for name in NAMES:
        assert (SITES / name / "expected").is_dir(), f"{name}: run regen_site_fixtures.py"


def test_the_plugin_collects_every_site(collected_fixture_items) -> None:
    items = collected_fixture_items(SITES)
    assert sorted(item.split("::", 1)[1] for item in items) == [f"sites/{n}" for n in NAMES]


def test_normalise_blanks_only_the_feed_time() -> None:
    out = regen.normalise("feed.xml", _FEED)
    assert b"2024-01-02" not in out and b"2020-01-01T00:00:00+00:00" in out
    assert regen.normalise("feed.xml", b"<updated>x</updated>") == b"<updated>x</updated>"
    assert regen.normalise("index.html", _FEED) == _FEED


def test_build_json_is_valid() -> None:
    for name in NAMES:
        spec = SITES / name / "build.json"
        if spec.exists():
            assert set(json.loads(spec.read_text(encoding="utf-8"))) <= {"args"}, name

"""Site fixtures: jekyllpy builds every tests/fixtures/sites/NAME/source into the same files
as Jekyll 4.3.1 did (NAME/expected/, written by scripts/regen_site_fixtures.py).

The comparison is strict: the same set of relative paths, and the same bytes after the
regen script's ``normalise`` (which blanks only build-time fields, today the feed-level
``<updated>`` of the Atom feeds jekyll-feed writes).  No Ruby is needed.

Sites the builder cannot produce yet are listed in KNOWN_DIFFERENT with the reason; such a
site must still build differently (the test fails once it matches, so that the entry is
removed and the site guarded from then on).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from click.testing import CliRunner

from jekyllpy.cli import main

ROOT = Path(__file__).resolve().parent.parent
SITES = ROOT / "tests" / "fixtures" / "sites"
NAMES = sorted(p.name for p in SITES.iterdir() if (p / "source").is_dir())

_spec = importlib.util.spec_from_file_location("regen_site_fixtures",
                                               ROOT / "scripts" / "regen_site_fixtures.py")
assert _spec is not None and _spec.loader is not None
regen = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(regen)

#: Sites jekyllpy does not build identically yet, and why.
KNOWN_DIFFERENT: dict[str, str] = {
}


def _differences(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Build with the ``jekyllpy build`` command and NAME/build.json's arguments, from the
    source folder (where the regeneration script runs ``jekyll build``)."""
    source = SITES / name / "source"
    dest = tmp_path / "_site"
    monkeypatch.chdir(source)
    result = CliRunner().invoke(main, ["build", "-q", "-s", str(source), "-d", str(dest),
                                       *regen.build_args(name)])
    if result.exit_code != 0:  # a build that fails differs from Jekyll's as a whole
        return [f"build failed: {result.output.strip()} {result.exception!r}"]
    return regen.compare(regen.read_tree(SITES / name / "expected"), regen.read_tree(dest))


def test_every_site_has_expected_output() -> None:
    assert len(NAMES) >= 8
    for name in NAMES:
        assert (SITES / name / "expected").is_dir(), f"{name}: run regen_site_fixtures.py"
    assert not KNOWN_DIFFERENT.keys() - set(NAMES), "KNOWN_DIFFERENT names a missing site"


@pytest.mark.parametrize("name", NAMES)
def test_site(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    problems = _differences(name, tmp_path, monkeypatch)
    if name in KNOWN_DIFFERENT:
        assert problems, f"{name} now builds identically: remove it from KNOWN_DIFFERENT"
        pytest.xfail(KNOWN_DIFFERENT[name])
    assert not problems, "\n".join(problems)


def test_normalise_blanks_only_the_feed_time() -> None:
    feed = (b'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            b"<updated>2024-01-02T03:04:05+00:00</updated><entry>"
            b"<updated>2020-01-01T00:00:00+00:00</updated></entry></feed>")
    out = regen.normalise("feed.xml", feed)
    assert b"2024-01-02" not in out and b"2020-01-01T00:00:00+00:00" in out
    assert regen.normalise("feed.xml", b"<updated>x</updated>") == b"<updated>x</updated>"
    assert regen.normalise("index.html", feed) == feed


def test_build_json_is_valid() -> None:
    for name in NAMES:
        spec = SITES / name / "build.json"
        if spec.exists():
            assert set(json.loads(spec.read_text(encoding="utf-8"))) <= {"args"}, name

"""Markdown fixtures: every tests/fixtures/markdown/**/NAME.md converts to NAME.html.

The expected files were produced by Jekyll 4.3.1 itself (scripts/regen_fixtures.py); a case
may carry NAME.yml, a _config.yml fragment for that conversion.  The comparisons themselves
are test items collected by jekyllpy's pytest plugin (``jekyllpy_fixtures`` in
pyproject.toml; items named ``markdown/AREA/NAME``).  A case known not to match yet would be
listed in tests/fixtures/markdown/KNOWN_DIFFERENT (there is none).  This file checks that
the set is large enough, that the plugin collects every case, and, with Ruby, that Jekyll
reproduces the expected files.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "markdown"
CASES = sorted(FIXTURES.rglob("*.md"))


def _case_id(path: Path) -> str:
    return str(path.relative_to(FIXTURES).with_suffix("").as_posix())


def test_there_are_enough_fixtures() -> None:
    assert len(CASES) >= 100


def test_the_plugin_collects_every_case(collected_fixture_items) -> None:
    items = collected_fixture_items(FIXTURES)
    names = sorted(item.split("::", 1)[1] for item in items)
    assert names == sorted(f"markdown/{_case_id(p)}" for p in CASES)
    for case in CASES:
        assert case.with_suffix(".html").is_file(), f"{case}: run scripts/regen_fixtures.py"


def _jekyll_available() -> bool:
    if shutil.which("ruby") is None:
        return False
    probe = subprocess.run(["ruby", "-e", "require 'jekyll'; require 'kramdown-parser-gfm'"],
                           capture_output=True)
    return probe.returncode == 0


@pytest.mark.skipif(not _jekyll_available(), reason="Ruby Jekyll 4.3 is not installed")
def test_expected_files_are_reproduced_by_jekyll() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "regen_fixtures.py"),
                             "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr

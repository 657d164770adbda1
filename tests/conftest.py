"""Helpers shared by the project's own tests."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _collected_fixture_items(folder: Path) -> list[str]:
    """The node ids pytest (with this project's configuration) collects under ``folder``."""
    result = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q",
                             "-o", "addopts=", "-p", "no:cacheprovider", str(folder)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return [line for line in result.stdout.splitlines() if "::" in line]


@pytest.fixture
def collected_fixture_items() -> Callable[[Path], list[str]]:
    """A function: the node ids the jekyllpy plugin collects under a fixtures folder."""
    return _collected_fixture_items

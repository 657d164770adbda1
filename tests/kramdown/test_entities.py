"""kramdown's entity table, compared with kramdown itself when Ruby is present."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from jekyllpy.kramdown.entities import entity_by_code_point, entity_by_name


def test_known_quirks() -> None:
    assert entity_by_name("apos").code_point == 39
    assert entity_by_name("lceil").code_point == 8969  # swapped in kramdown's table
    assert entity_by_code_point(128).code_point == 8364  # Windows-1252 euro
    assert entity_by_name("bogus") is None


@pytest.mark.skipif(shutil.which("ruby") is None, reason="Ruby is not installed")
def test_table_equals_kramdowns() -> None:
    script = 'require "kramdown"; require "json"; puts JSON.dump(Kramdown::Utils::Entities::ENTITY_TABLE)'
    run = subprocess.run(["ruby", "-e", script], capture_output=True, text=True)
    if run.returncode != 0:
        pytest.skip("kramdown gem not installed")
    for code_point, data in json.loads(run.stdout):
        if isinstance(data, str):
            assert entity_by_name(data).code_point == code_point
            assert entity_by_code_point(code_point).name == data
        else:
            assert entity_by_code_point(code_point).code_point == data

"""The compiled-pattern cache: same patterns as ``re.compile``, kept between processes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from jekyllpy.kramdown import regex_cache
from jekyllpy.kramdown.parser import patterns as P

ROOT = Path(__file__).resolve().parents[2]

PROBE = r"""
import json, sys
from jekyllpy.kramdown import regex_cache
import jekyllpy
html = jekyllpy.markdownify("# Héllo *wörld*\n\n<div markdown='1'>[a](b) `c`</div>\n\n```python\nx = 1\n```\n")
print(json.dumps({"fresh": regex_cache._fresh, "loaded": len(regex_cache._index or {}),
                  "html": html}))
"""


def _probe(cache_dir: Path, **env: str) -> dict:
    environment = {**os.environ, "JEKYLLPY_CACHE_DIR": str(cache_dir), **env}
    out = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=environment,
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


@pytest.mark.parametrize("source, flags", [
    (r"^(?P<level>\#{1,6})[\t ]+(?P<contents>.*)\n", P.FLAGS),
    (P.UNAME, P.FLAGS),
    (r"(?i)ab(c)?|d", 0),
    (r"\bword\b", re.S),
])
def test_compiled_pattern_behaves_as_re_compile(source: str, flags: int) -> None:
    ours, theirs = regex_cache.compile(source, flags), re.compile(source, flags)
    assert (ours.pattern, ours.flags, ours.groups, ours.groupindex) == (
        theirs.pattern, theirs.flags, theirs.groups, theirs.groupindex)
    for text in ["## Title here\n", "ns:name-1.x", "ABC", "d", "a word here", "Ünïcode"]:
        a, b = ours.search(text), theirs.search(text)
        assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))


def test_programs_are_reused_by_the_next_process(tmp_path: Path) -> None:
    first = _probe(tmp_path)
    assert first["fresh"] and list(tmp_path.glob("regex.*.marshal"))
    second = _probe(tmp_path)
    assert not second["fresh"] and second["loaded"] > 100
    without = _probe(tmp_path / "unused", JEKYLLPY_REGEX_CACHE="0")
    assert first["html"] == second["html"] == without["html"]
    assert not (tmp_path / "unused").exists()


def test_a_damaged_cache_file_is_ignored(tmp_path: Path) -> None:
    good = _probe(tmp_path / "good")
    (tmp_path / "bad").mkdir()
    name = next((tmp_path / "good").glob("regex.*.marshal")).name
    (tmp_path / "bad" / name).write_bytes(b"\x00not marshal data")
    assert _probe(tmp_path / "bad")["html"] == good["html"]


def test_document_text_patterns_are_not_stored() -> None:
    before = dict(regex_cache._new)
    P.rx(r"unique-abbreviation-\d+", persist=False)
    assert regex_cache._new == before


def test_programs_are_read_from_the_file_one_by_one(tmp_path: Path) -> None:
    """The next process reads only the programs it asks for; a file whose programs do
    not match its index (or an older format) is compiled around, with the same output."""
    first = _probe(tmp_path)
    cache = next(tmp_path.glob("regex.*.marshal"))
    probe = PROBE.replace('"html": html', '"html": html, "read": len(regex_cache._used)')
    environment = {**os.environ, "JEKYLLPY_CACHE_DIR": str(tmp_path)}

    def run() -> dict:
        return json.loads(subprocess.run([sys.executable, "-c", probe], cwd=ROOT,
                                         env=environment, capture_output=True, text=True,
                                         check=True).stdout)

    # a program of a pattern this process never uses, stored by another process
    other = subprocess.run(
        [sys.executable, "-c", "from jekyllpy.kramdown import regex_cache as r; "
         "r.compile('[a-z]+-only-here-[0-9]+')"], cwd=ROOT, env=environment, check=True)
    assert other.returncode == 0
    again = run()
    assert not again["fresh"] and again["loaded"] > again["read"] and again["html"] == first["html"]
    data = bytearray(cache.read_bytes())
    data[-40:] = bytes(40)  # damage the last programs: their digests no longer match
    cache.write_bytes(bytes(data))
    assert run()["html"] == first["html"]
    cache.write_bytes(b"\xff" * 64)  # not a file of ours: a huge index length
    assert run()["html"] == first["html"]


def test_a_damaged_program_is_dropped_when_the_file_is_written_again(tmp_path: Path) -> None:
    first = _probe(tmp_path)
    cache = next(tmp_path.glob("regex.*.marshal"))
    data = bytearray(cache.read_bytes())
    data[-40:] = bytes(40)
    cache.write_bytes(bytes(data))
    second = _probe(tmp_path)  # compiles the damaged ones again and writes the file
    assert second["fresh"] and second["html"] == first["html"]
    third = _probe(tmp_path)
    assert not third["fresh"] and third["html"] == first["html"]

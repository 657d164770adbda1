"""``transliterated_header_ids``: our ids and transliterations against real kramdown's.

The expected values in ``tests/fixtures/transliteration.json`` were made by real kramdown 2.4.0
and stringex (``scripts/gen_transliteration_fixtures.py``), so these tests need no Ruby.  When
Ruby, kramdown and stringex are installed, the last test also compares every code point of the
Basic Multilingual Plane (and a few above it) with ``Kramdown::Utils::Unidecoder.decode``.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from jekyllpy.kramdown import Document
from jekyllpy.kramdown.transliteration import BLOCKS, SEPARATOR, STRINGEX_VERSION
from jekyllpy.kramdown.unidecoder import transliterate

FIXTURE = json.loads((Path(__file__).resolve().parents[1] / "fixtures" / "transliteration.json")
                     .read_text(encoding="utf-8"))
_ID = re.compile(r'<h1 id="([^"]*)"')


def _convert(text: str) -> str:
    return Document(text, transliterated_header_ids=True).to_html()


def test_fixture_made_with_the_tables_we_ship() -> None:
    assert FIXTURE["stringex"] == STRINGEX_VERSION
    assert FIXTURE["kramdown"] == "2.4.0"


@pytest.mark.parametrize("case", FIXTURE["headers"], ids=lambda c: c["text"])
def test_header_ids_match_kramdown(case: dict) -> None:
    html = _convert(f"# {case['text']}\n")
    assert _ID.findall(html) == _ID.findall(case["html"])
    assert html == case["html"]


def test_document_with_repeated_ids_matches_kramdown() -> None:
    doc = FIXTURE["document"]
    assert _convert(doc["text"]) == doc["html"]
    ids = _ID.findall(doc["html"])
    assert ids[-3:] == ["cafe", "cafe-1", "cafe-2"]  # "Cafe", "Café", "CAFÉ": one id, counted


@pytest.mark.parametrize("case", FIXTURE["code_points"], ids=lambda c: f"U+{c['cp']:04X}")
def test_code_points_match_kramdown_and_stringex(case: dict) -> None:
    ch = chr(case["cp"])
    assert transliterate(ch) == case["kramdown"]
    # stringex's own decode agrees everywhere except U+0080, which it keeps as it is.
    if case["cp"] == 0x80:
        assert case["stringex"] == ch
    else:
        assert transliterate(ch) == case["stringex"]


def test_rules() -> None:
    assert transliterate("plain ASCII\t\x00~") == "plain ASCII\t\x00~"  # ASCII is left alone
    assert transliterate("Größe") == "Grosse"
    assert transliterate("\U0001F600 \U00020000") == "? ?"  # above U+FFFF: no table
    assert transliterate("\u0800\u3400") == "??"  # BMP blocks stringex has no file for
    assert transliterate("\u02ff") == ""  # past the end of a 255-item table: empty
    assert transliterate("\u0f2a\u0f33") == "0.5-0.5"  # YAML numbers, as Ruby prints them
    assert transliterate("\u2028") == "\n"


def test_generated_tables_are_well_formed() -> None:
    assert 0x00 in BLOCKS and 0x4E in BLOCKS and 0x34 not in BLOCKS
    for block, packed in BLOCKS.items():
        items = packed.split(SEPARATOR)
        assert len(items) == 256, hex(block)
        assert all(item.isascii() for item in items), hex(block)


RUBY_ALL = r'''
require "json"
require "kramdown"
require "kramdown/utils/unidecoder"
cps = (0x80..0xFFFF).reject { |c| c.between?(0xD800, 0xDFFF) } +
      [0x10000, 0x1F389, 0x1F1E9, 0x20000, 0x2FA1D, 0xE0041, 0x10FFFF]
puts JSON.generate(cps.map { |c| Kramdown::Utils::Unidecoder.decode(c.chr(Encoding::UTF_8)) })
'''


def test_every_bmp_code_point_against_ruby() -> None:
    if shutil.which("ruby") is None:
        pytest.skip("Ruby is not installed")
    run = subprocess.run(["ruby", "-e", RUBY_ALL], capture_output=True, text=True, timeout=300)
    if run.returncode != 0:
        pytest.skip(f"kramdown/stringex not usable from Ruby: {run.stderr.strip()[-300:]}")
    expected = json.loads(run.stdout)
    cps = [c for c in range(0x80, 0x10000) if not 0xD800 <= c <= 0xDFFF]
    cps += [0x10000, 0x1F389, 0x1F1E9, 0x20000, 0x2FA1D, 0xE0041, 0x10FFFF]
    assert len(expected) == len(cps)
    wrong = [(hex(c), transliterate(chr(c)), e) for c, e in zip(cps, expected)
             if transliterate(chr(c)) != e]
    assert wrong == []

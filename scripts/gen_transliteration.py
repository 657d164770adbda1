#!/usr/bin/env python3
"""Regenerate jekyllpy/kramdown/transliteration.py from stringex's Unidecoder tables.

kramdown's ``transliterated_header_ids`` option turns header text into ASCII with the tables
that ship with the stringex gem: one YAML file per block of 256 code points
(``unidecoder_data/xHH.yml``, ``HH`` = code point >> 8), each a list whose item N is the
replacement for code point ``HH`` * 256 + N.  This reads those files and writes them as Python
data, one string per block (items joined by ``SEPARATOR``), which
``jekyllpy/kramdown/unidecoder.py`` splits on first use.

The values are what kramdown sees after Ruby's YAML loader (Psych) and Ruby's ``to_s``:

- Psych reads a few items as numbers (``0``, ``.5``, ``-.5``); kramdown substitutes their
  Ruby string form (``"0"``, ``"0.5"``, ``"-0.5"``).  PyYAML differs from Psych in two spots of
  these files, corrected by the loader below: it takes ``-.5`` for a string, and reads a bare
  ``=`` as its special "value" tag instead of a string.
- Most files list 255 items; a code point past the end of its list gives Ruby ``nil``, which
  kramdown substitutes as the empty string.  Blocks are padded with ``""`` to 256 items here.
- Blocks with no file are absent from ``BLOCKS`` (the code points in them become ``?``).

Usage: python scripts/gen_transliteration.py [UNIDECODER_DATA_DIR]
(default: the data folder of the installed stringex gem, found with ``gem contents stringex``).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

OUT = Path(__file__).resolve().parent.parent / "jekyllpy/kramdown/transliteration.py"
DEFAULT_GEM_DIR = Path("/usr/share/rubygems-integration/all/gems/stringex-2.8.5")
SEPARATOR = "\t"  # the one character no value contains (stringex maps TAB itself to two spaces)
ITEMS_PER_LINE = 16


class PsychLikeLoader(yaml.SafeLoader):
    """PyYAML's safe loader, resolving plain scalars as Psych does where these files need it."""


PsychLikeLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:value"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
# Psych allows a sign in front of a float that starts at the point ("-.5", "+.5").
PsychLikeLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float", re.compile(r"^[-+]\.[0-9][0-9_]*(?:[eE][-+]?[0-9]+)?$"), list("-+"))


def ruby_to_s(value: object, where: str) -> str:
    """The string Ruby's ``to_s`` gives for a loaded item (only the kinds these files hold)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        raise SystemExit(f"{where}: boolean item {value!r} not expected")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = repr(value)
        if not re.fullmatch(r"-?[0-9]+\.[0-9]+", text):  # exponents, inf, nan: Ruby's form differs
            raise SystemExit(f"{where}: float item {value!r} needs Ruby's Float#to_s")
        return text
    raise SystemExit(f"{where}: item of type {type(value).__name__} not expected")


def find_data_dir() -> Path:
    try:
        listing = subprocess.run(["gem", "contents", "stringex"], check=True, capture_output=True,
                                 text=True).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError):
        listing = []
    for line in listing:
        if line.endswith("/unidecoder_data/x00.yml"):
            return Path(line).parent
    return DEFAULT_GEM_DIR / "lib/stringex/unidecoder_data"


def gem_version(data_dir: Path) -> str:
    gem_root = data_dir.parents[2]
    version_file = gem_root / "VERSION"
    if version_file.is_file():
        return version_file.read_text(encoding="utf-8").strip()
    m = re.search(r"-(\d[\w.]*)$", gem_root.name)
    if not m:
        raise SystemExit(f"cannot tell the stringex version of {gem_root}")
    return m.group(1)


def load_blocks(data_dir: Path) -> dict[int, list[str]]:
    blocks: dict[int, list[str]] = {}
    for path in sorted(data_dir.glob("x*.yml")):
        m = re.fullmatch(r"x([0-9a-f]{2})\.yml", path.name)
        if not m:
            raise SystemExit(f"unexpected file {path}")
        items = yaml.load(path.read_text(encoding="utf-8"), Loader=PsychLikeLoader)
        if not isinstance(items, list) or len(items) > 256:
            raise SystemExit(f"{path}: expected a list of at most 256 items")
        values = [ruby_to_s(v, f"{path.name}[{i}]") for i, v in enumerate(items)]
        values += [""] * (256 - len(values))
        for i, v in enumerate(values):
            if not v.isascii() or SEPARATOR in v:
                raise SystemExit(f"{path.name}[{i}]: value {v!r} is not ASCII or holds SEPARATOR")
        blocks[int(m.group(1), 16)] = values
    if 0 not in blocks:
        raise SystemExit(f"no x00.yml in {data_dir}")
    return blocks


def render(blocks: dict[int, list[str]], version: str) -> str:
    lines = [
        '"""ASCII transliterations of Unicode code points, from the Unidecoder tables of stringex',
        f"{version} (generated by scripts/gen_transliteration.py; do not edit by hand).",
        "",
        "``BLOCKS[cp >> 8]`` holds the 256 replacements of one block of code points, joined by",
        "``SEPARATOR``; item ``cp & 0xFF`` is the replacement of ``cp``.  Blocks stringex has no",
        "table for are absent.  Items are what kramdown substitutes: Ruby's string form of each YAML",
        'value, and ``""`` where stringex\'s list stops short of 256.  The lookup is in',
        "``unidecoder.py``.",
        '"""',
        "",
        f'STRINGEX_VERSION = "{version}"',
        f"SEPARATOR = {ascii(SEPARATOR)}",
        "",
        "BLOCKS: dict[int, str] = {",
    ]
    for number, values in sorted(blocks.items()):
        lines.append(f"    0x{number:02x}: (")
        for start in range(0, 256, ITEMS_PER_LINE):
            chunk = values[start:start + ITEMS_PER_LINE]
            text = SEPARATOR.join(chunk) + (SEPARATOR if start + ITEMS_PER_LINE < 256 else "")
            lines.append(f"        {ascii(text)}")
        lines.append("    ),")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main() -> None:
    data_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else find_data_dir()
    blocks = load_blocks(data_dir)
    OUT.write_text(render(blocks, gem_version(data_dir)), encoding="utf-8")
    print(f"wrote {OUT} ({len(blocks)} blocks, {OUT.stat().st_size} bytes) from {data_dir}")


if __name__ == "__main__":
    main()

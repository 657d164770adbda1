#!/usr/bin/env python3
"""Per-language highlighting table: snippets identical / total in tests/fixtures/highlight.

Each ``LANG/NAME.txt`` is converted as a fenced block by ``jekyllpy.markdownify`` and compared
with ``NAME.html`` (written by real Jekyll, scripts/regen_highlight_fixtures.py).  Prints a
Markdown table for docs/conformance.md; ``--check`` exits 1 if any snippet differs.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import jekyllpy  # noqa: E402
from jekyllpy.kramdown.highlight import find_lexer  # noqa: E402
from regen_highlight_fixtures import FIXTURES, fenced  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if any snippet differs")
    args = ap.parse_args(argv)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    differing: list[str] = []
    for txt in sorted(FIXTURES.glob("*/*.txt")):
        lang = txt.parent.name
        expected = txt.with_suffix(".html").read_bytes().decode("utf-8")
        actual = jekyllpy.markdownify(fenced(lang, txt.read_bytes().decode("utf-8")))
        counts[lang][1] += 1
        if actual == expected:
            counts[lang][0] += 1
        else:
            differing.append(f"{lang}/{txt.stem}")
    print("| fence language | Rouge lexer | identical / snippets |")
    print("|---|---|---|")
    for lang in sorted(counts):
        same, total = counts[lang]
        lexer = find_lexer(lang) or "(none: plain text)"
        print(f"| `{lang}` | {lexer} | {same} / {total} |")
    same = sum(c[0] for c in counts.values())
    total = sum(c[1] for c in counts.values())
    print(f"| **all** | {len(counts)} languages | **{same} / {total}** |")
    if differing:
        print("\ndiffering: " + ", ".join(differing), file=sys.stderr)
    return 1 if args.check and differing else 0


if __name__ == "__main__":
    sys.exit(main())

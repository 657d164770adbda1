#!/usr/bin/env python3
"""Regenerate the expected HTML of tests/fixtures/markdown/ with real Jekyll.

Every ``NAME.md`` (with an optional ``NAME.yml``: a ``_config.yml`` fragment such as
``kramdown: {hard_wrap: true}``) is converted by Jekyll 4.3's own Markdown converter through
scripts/jekyll_markdown_oracle.rb, in one Ruby process, and ``NAME.html`` is written with
exactly the bytes Jekyll produced.  Expected files are never edited by hand.

    python scripts/regen_fixtures.py            # (re)write every NAME.html
    python scripts/regen_fixtures.py --check    # exit 1 if any NAME.html would change
    python scripts/regen_fixtures.py --only table

Needs Ruby with the jekyll and kramdown-parser-gfm gems (Debian: jekyll,
ruby-kramdown-parser-gfm).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from oracle_files import ROOT, convert_all, write_or_check

FIXTURES = ROOT / "tests" / "fixtures" / "markdown"


def read_text(path: Path) -> str:
    """Read without newline translation: CR and CRLF inputs must reach Jekyll unchanged."""
    return path.read_bytes().decode("utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    parser.add_argument("--only", help="only cases whose path contains this text")
    args = parser.parse_args(argv)
    paths = [p for p in sorted(FIXTURES.rglob("*.md"))
             if args.only is None or args.only in str(p.relative_to(FIXTURES))]
    if not paths:
        print("no fixtures found", file=sys.stderr)
        return 1
    requests = []
    for path in paths:
        config_path = path.with_suffix(".yml")
        config = yaml.safe_load(read_text(config_path)) if config_path.exists() else None
        requests.append((read_text(path), config))
    htmls = convert_all(requests)
    return write_or_check({p.with_suffix(".html"): h for p, h in zip(paths, htmls)}, args.check)


if __name__ == "__main__":
    sys.exit(main())

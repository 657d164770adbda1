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
import json
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "markdown"
ORACLE = ROOT / "scripts" / "jekyll_markdown_oracle.rb"


def read_text(path: Path) -> str:
    """Read without newline translation: CR and CRLF inputs must reach Jekyll unchanged."""
    return path.read_bytes().decode("utf-8")


def cases(only: str | None = None) -> list[Path]:
    found = sorted(FIXTURES.rglob("*.md"))
    return [p for p in found if only is None or only in str(p.relative_to(FIXTURES))]


def convert_all(paths: list[Path]) -> dict[str, str]:
    """Run every case through the oracle; returns relative name -> HTML."""
    requests = []
    for i, path in enumerate(paths):
        config_path = path.with_suffix(".yml")
        config = yaml.safe_load(read_text(config_path)) if config_path.exists() else None
        requests.append(json.dumps({"id": i, "text": read_text(path), "config": config}))
    proc = subprocess.run(["ruby", str(ORACLE)], input="\n".join(requests) + "\n",
                          capture_output=True, text=True, encoding="utf-8", check=True)
    results: dict[str, str] = {}
    for line in proc.stdout.splitlines():
        reply = json.loads(line)
        path = paths[reply["id"]]
        if "error" in reply:
            raise SystemExit(f"Jekyll failed on {path}: {reply['error']}")
        results[str(path)] = reply["html"]
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    parser.add_argument("--only", help="only cases whose path contains this text")
    args = parser.parse_args(argv)
    paths = cases(args.only)
    if not paths:
        print("no fixtures found", file=sys.stderr)
        return 1
    results = convert_all(paths)
    changed = []
    for path in paths:
        target = path.with_suffix(".html")
        data = results[str(path)].encode("utf-8")
        if target.exists() and target.read_bytes() == data:
            continue
        changed.append(target)
        if not args.check:
            target.write_bytes(data)
    if args.check:
        for target in changed:
            print(f"would change: {target.relative_to(ROOT)}")
        print(f"{len(paths) - len(changed)} of {len(paths)} expected files reproduced")
        return 1 if changed else 0
    print(f"{len(paths)} cases, {len(changed)} expected files written")
    return 0


if __name__ == "__main__":
    sys.exit(main())

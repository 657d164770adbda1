#!/usr/bin/env python3
"""Regenerate tests/fixtures/highlight/LANG/NAME.html with real Jekyll (Rouge 3.30).

Each ``LANG/NAME.txt`` snippet is put in a fenced code block (```` ```LANG ````) and converted
by Jekyll 4.3's Markdown converter through scripts/jekyll_markdown_oracle.rb; the HTML of
that block is stored byte for byte.  ``--check`` compares instead of writing.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "highlight"
ORACLE = ROOT / "scripts" / "jekyll_markdown_oracle.rb"


def fenced(lang: str, code: str) -> str:
    """The Markdown a snippet is tested in (shared with the test)."""
    return f"```{lang}\n{code}```\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    paths = sorted(FIXTURES.glob("*/*.txt"))
    requests = [json.dumps({"id": i, "text": fenced(p.parent.name, p.read_bytes().decode("utf-8"))})
                for i, p in enumerate(paths)]
    out = subprocess.run(["ruby", str(ORACLE)], input="\n".join(requests) + "\n",
                         capture_output=True, text=True, encoding="utf-8", check=True).stdout
    changed = []
    for line in out.splitlines():
        reply = json.loads(line)
        path = paths[reply["id"]]
        if "error" in reply:
            raise SystemExit(f"Jekyll failed on {path}: {reply['error']}")
        target = path.with_suffix(".html")
        data = reply["html"].encode("utf-8")
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
    print(f"{len(paths)} snippets, {len(changed)} expected files written")
    return 0


if __name__ == "__main__":
    sys.exit(main())

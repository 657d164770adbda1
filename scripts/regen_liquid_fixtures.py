#!/usr/bin/env python3
"""Regenerate tests/fixtures/liquid/NAME.html with real Jekyll 4.3 (Liquid 5.4).

One temporary site is built with ``jekyll build``: its ``_config.yml``, ``_data/`` and
``_includes/`` are copied from tests/fixtures/liquid/, and every ``NAME.liquid`` becomes the
page ``NAME.html`` (``layout: null`` is added to its front matter, or a front matter made of
it alone).  Files under ``tests/fixtures/liquid/pages/`` are copied into the site as they are
(targets for ``include_relative``).  Each page's output is stored byte for byte as
``NAME.html``.  ``--check`` compares instead of writing; naming fixtures limits the run.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "liquid"
SUPPORT = ("_config.yml", "_data", "_includes", "pages")


def page_source(template: str) -> str:
    """The page Jekyll reads for a fixture template (shared with the test)."""
    if template.startswith("---\n"):
        return "---\nlayout: null\n" + template[4:]
    return "---\nlayout: null\n---\n" + template


def build(templates: list[Path]) -> dict[Path, bytes]:
    """Jekyll's output for each template, keyed by the expected file's path."""
    with tempfile.TemporaryDirectory(prefix="jekyllpy-liquid-") as tmp:
        site = Path(tmp) / "site"
        site.mkdir()
        for name in SUPPORT:
            src = FIXTURES / name
            if src.is_dir():
                shutil.copytree(src, site / name)
            elif src.is_file():
                shutil.copy2(src, site / name)
        for path in templates:
            text = path.read_bytes().decode("utf-8")
            (site / f"{path.stem}.html").write_bytes(page_source(text).encode("utf-8"))
        dest = Path(tmp) / "_site"
        proc = subprocess.run(["jekyll", "build", "--quiet", "--safe", "-s", str(site),
                               "-d", str(dest)], capture_output=True, text=True)
        if proc.returncode != 0:
            head = "\n".join((proc.stdout + proc.stderr).splitlines()[:12])
            raise SystemExit(f"jekyll build failed:\n{head}")
        if proc.stderr.strip():
            print(proc.stderr, file=sys.stderr)
        return {path.with_suffix(".html"): (dest / f"{path.stem}.html").read_bytes()
                for path in templates}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare, write nothing")
    ap.add_argument("names", nargs="*", help="only these fixtures (default: all)")
    args = ap.parse_args(argv)
    templates = sorted(p for p in FIXTURES.glob("*.liquid")
                       if not args.names or p.stem in args.names)
    expected = build(templates)
    changed = []
    for target, data in expected.items():
        if target.exists() and target.read_bytes() == data:
            continue
        changed.append(target)
        if not args.check:
            target.write_bytes(data)
    if args.check:
        for target in changed:
            print(f"would change: {target.relative_to(ROOT)}")
        print(f"{len(expected) - len(changed)} of {len(expected)} expected files reproduced")
        return 1 if changed else 0
    print(f"{len(expected)} fixtures, {len(changed)} expected files written")
    return 0


if __name__ == "__main__":
    sys.exit(main())

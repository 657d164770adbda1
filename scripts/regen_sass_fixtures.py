#!/usr/bin/env python3
"""Regenerate the expected outputs of tests/fixtures/sass/ with real Jekyll 4.3.

A case is ``NAME.scss`` or ``NAME.sass`` in that folder (the page's body, without front
matter), with optionally:

* ``NAME.yml``: a ``_config.yml`` fragment (e.g. ``sass: {style: compressed}``);
* ``NAME.json``: ``{"jekyll_env": "production"}`` to build with that ``JEKYLL_ENV``
  (otherwise ``JEKYLL_ENV`` is removed: Jekyll's default environment, ``development``).

For each case a temporary site is made: ``_config.yml`` (``timezone: UTC`` plus the
fragment), the shared folders ``_sass/`` and ``vendor/``, and the page at ``css/NAME.EXT``
with an empty front matter (``---`` twice) before it.  ``jekyll build`` runs in that folder
(``--disable-disk-cache``) and what it writes becomes, beside the input:

* ``NAME.css``: ``_site/css/NAME.css``, byte for byte;
* ``NAME.css.map``: ``_site/css/NAME.css.map`` when Jekyll writes one (removed otherwise);
* ``NAME.error``: when the build fails, the two error lines Jekyll logs (the "Conversion
  error: ..." topic line and libsass's message, as printed, colours removed), and no
  ``.css``.

The page body goes through Liquid first, as every page does: inputs avoid ``{{`` and
``{%``.  Partials live in ``_sass/`` (and ``vendor/`` for ``sass.load_paths``); case names
must not share a stem, and nothing at the top of the folder may shadow an import.

``--check`` rebuilds and compares with the committed files instead of writing.  Naming
cases limits either mode to them.  Needs Jekyll 4.3.1 with jekyll-sass-converter 2.2 (sassc);
the tests need no Ruby.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "fixtures" / "sass"
SHARED = ("_sass", "vendor")
OUTPUT_SUFFIXES = (".css", ".css.map", ".error")
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def case_inputs() -> list[Path]:
    return sorted(p for p in CASES.iterdir()
                  if p.is_file() and p.suffix in (".scss", ".sass"))


def build_case(source: Path) -> dict[str, bytes]:
    """Build one case with Jekyll; the expected files by suffix."""
    name = source.stem
    fragment = source.with_suffix(".yml")
    options = source.with_suffix(".json")
    spec = json.loads(options.read_text(encoding="utf-8")) if options.exists() else {}
    with tempfile.TemporaryDirectory(prefix=f"jekyll-sass-{name}-") as tmp:
        site = Path(tmp) / "site"
        site.mkdir()
        config = "timezone: UTC\n"
        if fragment.exists():
            config += fragment.read_text(encoding="utf-8")
        (site / "_config.yml").write_text(config, encoding="utf-8")
        for folder in SHARED:
            if (CASES / folder).is_dir():
                shutil.copytree(CASES / folder, site / folder)
        (site / "css").mkdir()
        (site / "css" / source.name).write_bytes(b"---\n---\n" + source.read_bytes())
        env = {k: v for k, v in os.environ.items() if k != "JEKYLL_ENV"}
        env.update(TZ="UTC", LANG="C.UTF-8", LC_ALL="C.UTF-8")
        if spec.get("jekyll_env"):
            env["JEKYLL_ENV"] = spec["jekyll_env"]
        dest = site / "_site"
        result = subprocess.run(
            ["jekyll", "build", "-s", str(site), "-d", str(dest), "--disable-disk-cache"],
            cwd=site, env=env, capture_output=True, text=True)
        out: dict[str, bytes] = {}
        if result.returncode != 0:
            lines = [_ANSI.sub("", line) for line in result.stderr.splitlines()]
            start = next((i for i, line in enumerate(lines)
                          if line.lstrip().startswith("Conversion error:")), None)
            if start is None:
                raise SystemExit(f"jekyll build failed for {name}:\n{result.stdout}"
                                 f"{result.stderr}")
            out[".error"] = ("\n".join(lines[start:start + 2]) + "\n").encode("utf-8")
            return out
        out[".css"] = (dest / "css" / f"{name}.css").read_bytes()
        map_file = dest / "css" / f"{name}.css.map"
        if map_file.exists():
            out[".css.map"] = map_file.read_bytes()
        return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true",
                    help="rebuild and compare with the committed outputs instead of writing")
    ap.add_argument("cases", nargs="*", help="only these case names (default: all)")
    args = ap.parse_args(argv)
    inputs = case_inputs()
    if args.cases:
        wanted = set(args.cases)
        inputs = [p for p in inputs if p.stem in wanted]
        missing = wanted - {p.stem for p in inputs}
        if missing:
            raise SystemExit(f"no such case: {', '.join(sorted(missing))}")
    failed = 0
    for source in inputs:
        built = build_case(source)
        expected_paths = {s: CASES / f"{source.stem}{s}" for s in OUTPUT_SUFFIXES}
        if args.check:
            committed = {s: p.read_bytes() for s, p in expected_paths.items() if p.exists()}
            ok = committed == built
            failed += not ok
            print(f"{source.name}: {'reproduced' if ok else 'DIFFERS'}")
        else:
            for suffix, path in expected_paths.items():
                if suffix in built:
                    path.write_bytes(built[suffix])
                elif path.exists():
                    path.unlink()
            print(f"{source.name}: {', '.join(sorted(built))}")
    if args.check:
        print(f"{len(inputs) - failed} of {len(inputs)} cases reproduced")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

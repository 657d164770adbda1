#!/usr/bin/env python3
"""Regenerate tests/fixtures/sites/NAME/expected/ with real Jekyll 4.3.

Each ``tests/fixtures/sites/NAME/source/`` is a small Jekyll site.  This script copies it to
a temporary folder (so that Jekyll leaves no ``.jekyll-cache`` or other trace in the
repository), runs ``jekyll build -s COPY -d TMP --disable-disk-cache`` there (working
directory: the copy) and replaces ``NAME/expected/`` with the result, byte for byte.

Needs Jekyll 4.3.1 with the gems minima, jekyll-feed, jekyll-seo-tag, jekyll-paginate and
jekyll-sitemap 1.4 (on Debian: ``apt-get install ruby-jekyll-paginate ruby-jekyll-sitemap``);
the tests need none of this.

Environment: ``JEKYLL_ENV`` is removed, so Jekyll builds in its default environment,
``development`` (what a plain ``jekyll build`` does; ``jekyll.environment`` is
"development" and minima leaves out its production-only analytics).  ``TZ`` is set to UTC
as well, although every fixture's ``_config.yml`` already says ``timezone: UTC``.

Per-site options: ``NAME/build.json`` may hold ``{"args": [...]}``, extra arguments for
``jekyll build`` (e.g. ``["--config", "_config.yml,_config.extra.yml"]``; paths are
relative to the source folder).  The tests read the same file.

``--check`` rebuilds every site into a temporary folder and compares it with the committed
``expected/`` (same set of files, same bytes after :func:`normalise`) instead of writing.
Naming sites limits either mode to them.

Normalised fields (build time, different on every run; ``jekyllpy.testing.compare.normalise``
is the only place that knows them; this script, the pytest plugin and the tests use it):

* the feed-level ``<updated>`` element of an Atom feed in a ``.xml`` file (jekyll-feed
  writes ``site.time`` there: ``minima`` and the ``feed_*`` sites; the ``<updated>`` of
  each ``<entry>`` is the post's date and is kept).

No other fixture file holds a build-time value: the sites never print ``site.time`` or
``"now"``, give a date to every collection document whose permalink uses date placeholders
(without one it would get ``site.time``), date the future post 2999, and give their drafts
a date (drafts are dated by their mtime otherwise).  Where a build-time value is wanted,
the site fixes ``site.time`` with ``time:`` in ``_config.yml`` (``feed_options``, whose
``recipes/feed.atom`` is not a ``.xml`` file; ``sitemap_existing``, whose undated documents
get ``site.time`` as ``<lastmod>``).  The sites using jekyll-sitemap have no static file it
lists (``.html``, ``.htm``, ``.xhtml`` or ``.pdf`` without front matter): their
``<lastmod>`` is the file's mtime, which a checkout does not keep.  The minima site sets ``sass: sourcemap: never``: the
theme's Sass is in the gem, and a source map would name this machine's gem folder (the
``sass`` site keeps the default source maps, whose paths stay inside the site).
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITES = ROOT / "tests" / "fixtures" / "sites"
sys.path.insert(0, str(ROOT))

# The normalisation and tree reading are the pytest plugin's (jekyllpy.testing.compare):
# one definition of what is normalised, shared by this script, the plugin and the tests.
from jekyllpy.testing.compare import PLACEHOLDER, normalise, read_tree  # noqa: E402,F401


def site_names() -> list[str]:
    return sorted(p.name for p in SITES.iterdir() if (p / "source").is_dir())


def build_args(name: str) -> list[str]:
    """Extra ``jekyll build`` arguments from ``NAME/build.json`` (none without it)."""
    spec = SITES / name / "build.json"
    if not spec.exists():
        return []
    args = json.loads(spec.read_text(encoding="utf-8")).get("args", [])
    if not all(isinstance(a, str) for a in args):
        raise SystemExit(f"{spec}: 'args' must be a list of strings")
    return args


def jekyll_build(name: str, dest: Path) -> None:
    """Build site ``name`` with Jekyll into ``dest`` (which must not exist yet)."""
    with tempfile.TemporaryDirectory(prefix=f"jekyll-{name}-") as tmp:
        src = Path(tmp) / "source"
        shutil.copytree(SITES / name / "source", src)
        env = {k: v for k, v in os.environ.items() if k != "JEKYLL_ENV"}
        env.update(TZ="UTC", LANG="C.UTF-8", LC_ALL="C.UTF-8")
        cmd = ["jekyll", "build", "-s", str(src), "-d", str(dest), "--disable-disk-cache",
               *build_args(name)]
        result = subprocess.run(cmd, cwd=src, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            raise SystemExit(f"jekyll build failed for {name}:\n{result.stdout}{result.stderr}")
        for line in result.stderr.splitlines():
            print(f"{name}: {line}", file=sys.stderr)


def compare(expected: dict[str, bytes], actual: dict[str, bytes]) -> list[str]:
    """Human-readable differences between two trees, after :func:`normalise`."""
    problems = [f"missing: {p}" for p in sorted(expected.keys() - actual.keys())]
    problems += [f"unexpected: {p}" for p in sorted(actual.keys() - expected.keys())]
    for rel in sorted(expected.keys() & actual.keys()):
        want, got = normalise(rel, expected[rel]), normalise(rel, actual[rel])
        if want != got:
            diff = difflib.unified_diff(want.decode("utf-8", "replace").splitlines(),
                                        got.decode("utf-8", "replace").splitlines(),
                                        f"expected/{rel}", f"built/{rel}", lineterm="", n=1)
            problems.append(f"differs: {rel}\n" + "\n".join(list(diff)[:40]))
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true",
                    help="rebuild and compare with expected/ instead of writing")
    ap.add_argument("sites", nargs="*", help="only these sites (default: all)")
    args = ap.parse_args(argv)
    names = args.sites or site_names()
    unknown = [n for n in names if not (SITES / n / "source").is_dir()]
    if unknown:
        raise SystemExit(f"no such fixture site: {', '.join(unknown)}")
    failed = 0
    for name in names:
        with tempfile.TemporaryDirectory(prefix=f"site-{name}-") as tmp:
            built = Path(tmp) / "_site"
            jekyll_build(name, built)
            expected_dir = SITES / name / "expected"
            if args.check:
                problems = compare(read_tree(expected_dir) if expected_dir.is_dir() else {},
                                   read_tree(built))
                status = "reproduced" if not problems else f"{len(problems)} differences"
                print(f"{name}: {status}")
                for problem in problems:
                    print("  " + problem.replace("\n", "\n  "))
                failed += bool(problems)
            else:
                if expected_dir.exists():
                    shutil.rmtree(expected_dir)
                shutil.copytree(built, expected_dir)
                print(f"{name}: {len(read_tree(expected_dir))} files written")
    if args.check:
        print(f"{len(names) - failed} of {len(names)} sites reproduced")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

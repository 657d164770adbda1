#!/usr/bin/env python3
"""``render_page`` against a whole ``jekyllpy build`` on the same generated site.

One page of a big site should not cost a build: this times ``jekyllpy.render_page`` on a
few kinds of page (a post, the about page, a docs page, the home page that lists every
post's excerpt) and a full build, and prints each as a fraction of the build.  Target:
under a tenth.

Every timing is taken in a fresh Python process, so that neither side finds anything the
other left behind: parsed front matter, converted Markdown, URLs and other caches a
long-lived process keeps for rebuilds would otherwise make whatever runs second look
cheap.  Imports are excluded from both: jekyllpy imports most of itself (plugins,
converters, lexers) on first use, so each process first builds a small site of its own
(the same generator with 3 posts, in another folder), which loads the same modules and
shares no file with the measured site.  ``--cold`` skips that, timing imports too.
Builds and pages alternate (a build, then each page once, per round) so that other
processes' load weighs on both; each run's time is printed too.  Each rendered page is also compared with the
build's file for it.

    python scripts/bench_render_page.py                 # gen_site.py --posts 1000
    python scripts/bench_render_page.py --posts 200 --runs 3
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = {"time": "2024-06-01 12:00:00 +0000"}

#: run in a fresh process: time one build or one render_page, print JSON
_TIMED = r"""
import json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import jekyllpy
from jekyllpy.site import build
site, what, dest = Path(sys.argv[2]), sys.argv[3], Path(sys.argv[4])
config = json.loads(sys.argv[5])
if sys.argv[6]:  # imports (and nothing of the measured site) loaded by a small build
    warm = Path(sys.argv[6])
    build(warm, warm.parent / "_warm_site", [warm / "_config.yml", warm / "_pinned.yml"])
started = time.perf_counter()
if what == "build":
    built = build(site, dest, [site / "_config.yml", site / "_pinned.yml"])
    seconds = time.perf_counter() - started
    items = [*built.pages, *[d for c in built.collections.values() for d in c.docs]]
    print(json.dumps({"seconds": seconds, "posts": [str(d.path) for d in built.posts.docs],
                      "files": {str(Path(i.path).resolve()): str(i.destination(dest))
                                for i in items}}))
else:
    html = jekyllpy.render_page(what, config=config)
    seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "html": html}))
"""


def _timed(site: Path, what: str, dest: Path, warm: Path | None) -> dict:
    out = subprocess.run([sys.executable, "-c", _TIMED, str(ROOT), str(site), what, str(dest),
                          json.dumps(CONFIG), str(warm or "")],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def _generate(shared: Path, site: Path, posts: int) -> None:
    subprocess.run([sys.executable, str(shared / "perf" / "gen_site.py"), str(site),
                    "--posts", str(posts)], check=True, capture_output=True)
    (site / "_pinned.yml").write_text("time: 2024-06-01 12:00:00 +0000\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--posts", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--cold", action="store_true",
                    help="time imports too (no small build first)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        _generate(args.shared, site, args.posts)
        warm = None
        if not args.cold:
            warm = Path(tmp) / "warm" / "site"
            _generate(args.shared, warm, 3)
        dest = Path(tmp) / "_site"
        pages: dict[str, Path] = {}
        builds: list[float] = []
        times: dict[str, list[float]] = {}
        html: dict[str, str] = {}
        files: dict[str, str] = {}
        load = os.getloadavg()[0]
        # Rounds of one build and then each page once, so that a change in the machine's
        # load (other processes) weighs on builds and pages alike.
        for _ in range(args.runs):
            built = _timed(site, "build", dest, warm)
            builds.append(built["seconds"])
            files = built["files"]
            if not pages:
                posts = built["posts"]
                pages = {"a post": Path(posts[len(posts) // 2]), "about.md": site / "about.md",
                         "docs page": sorted((site / "docs").glob("*.md"))[0],
                         "index.md (all excerpts)": site / "index.md"}
            for label, path in pages.items():
                rendered = _timed(site, str(path), dest, warm)
                html[label] = rendered["html"]
                times.setdefault(label, []).append(rendered["seconds"])
        build_s = statistics.median(builds)
        print(f"site        : gen_site.py --posts {args.posts}; median of {args.runs} rounds, "
              f"each run in a fresh process, {'imports included' if args.cold else 'imports excluded'} "
              f"(load average {load:.1f} -> {os.getloadavg()[0]:.1f})")
        print(f"build       : {build_s:6.2f} s  ({_each(builds)})")
        worst = 0.0
        for label, path in pages.items():
            written = Path(files[str(path.resolve())]).read_bytes()
            same = html[label].encode() == written
            secs = statistics.median(times[label])
            worst = max(worst, secs / build_s)
            print(f"{label:24s}: {secs:6.3f} s = {secs / build_s:5.3f} of the build  "
                  f"({_each(times[label])})"
                  f"{'' if same else '  (DIFFERS from the build)'}")
        print(f"worst       : {worst:.3f} of the build (target under 0.100)")
    return 0


def _each(values: list[float]) -> str:
    """Every run's time, for judging how noisy the machine was."""
    return " ".join(f"{v:.3f}" for v in values)


if __name__ == "__main__":
    sys.exit(main())

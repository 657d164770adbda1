#!/usr/bin/env python3
"""``render_page`` against a whole ``jekyllpy build`` on the same generated site.

One page of a big site should not cost a build: this times ``jekyllpy.render_page`` on a
few kinds of page (a post, the about page, a docs page, the home page that lists every
post's excerpt) and a full build, in the same process and run (imports excluded from
both), and prints each as a fraction of the build.  Target: under a tenth.  Builds and
pages alternate (a build, then each page once, per round) so that other processes' load
weighs on both; each run's time is printed too.  Each rendered page is also compared with
the build's file for it.

    python scripts/bench_render_page.py                 # gen_site.py --posts 1000
    python scripts/bench_render_page.py --posts 200 --runs 3
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import jekyllpy  # noqa: E402
from jekyllpy.site import build  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--posts", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        subprocess.run([sys.executable, str(args.shared / "perf" / "gen_site.py"), str(site),
                        "--posts", str(args.posts)], check=True, capture_output=True)
        (site / "_pinned.yml").write_text("time: 2024-06-01 12:00:00 +0000\n")
        dest = Path(tmp) / "_site"
        pages: dict[str, Path] = {}
        builds: list[float] = []
        times: dict[str, list[float]] = {}
        html: dict[str, str] = {}
        load = os.getloadavg()[0]
        # Rounds of one build and then each page once, so that a change in the machine's
        # load (other processes) weighs on builds and pages alike.
        for _ in range(args.runs):
            started = time.perf_counter()
            built = build(site, dest, [site / "_config.yml", site / "_pinned.yml"])
            builds.append(time.perf_counter() - started)
            if not pages:
                posts = [Path(d.path) for d in built.posts.docs]
                pages = {"a post": posts[len(posts) // 2], "about.md": site / "about.md",
                         "docs page": sorted((site / "docs").glob("*.md"))[0],
                         "index.md (all excerpts)": site / "index.md"}
            for label, path in pages.items():
                started = time.perf_counter()
                html[label] = jekyllpy.render_page(
                    path, config={"time": "2024-06-01 12:00:00 +0000"})
                times.setdefault(label, []).append(time.perf_counter() - started)
        build_s = statistics.median(builds)
        print(f"site        : gen_site.py --posts {args.posts}; median of {args.runs} rounds "
              f"(load average {load:.1f} -> {os.getloadavg()[0]:.1f})")
        print(f"build       : {build_s:6.2f} s  ({_each(builds)})")
        by_path = {str(Path(i.path).resolve()): i for i in
                   [*built.pages, *[d for c in built.collections.values() for d in c.docs]]}
        worst = 0.0
        for label, path in pages.items():
            item = by_path[str(path.resolve())]
            same = html[label].encode() == item.destination(dest).read_bytes()
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

#!/usr/bin/env python3
"""Rebuild after a one-file edit, with dependency tracking, against a full build, same run.

A generated site (``shared/perf/gen_site.py``) is built once the way ``jekyllpy serve``
builds it (a Site with a :class:`DependencyTracker`); then each edit below is made in turn
and the site rebuilt as the watcher would (``process_site``), counting the files rendered
through the site's ``post_render_hooks`` and timing the rebuild.  Between edits, the same
rebuild without a tracker (everything rendered, what serve did before) gives the full
figure, so each ratio compares timings taken side by side.  After the last edit the
destination is compared with a fresh full build, byte for byte.

    python scripts/bench_rebuild.py                    # 1000 posts, 3 rounds
    python scripts/bench_rebuild.py --posts 200 --rounds 1

The machine is shared and noisy: compare only figures taken in the same run.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from jekyllpy.rendering.dependencies import DependencyTracker  # noqa: E402
from jekyllpy.serve import process_site  # noqa: E402
from jekyllpy.site.site import Site, load_config  # noqa: E402


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


#: an ISO time of the build: the feed's <updated>, and the date of collection documents
#: without one (Jekyll dates them with site.time), which the SEO tag prints
_BUILD_TIME = re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d")


def _blank_time(data: bytes | None) -> bytes | None:
    return None if data is None else _BUILD_TIME.sub(b"TIME", data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    gen = ROOT.parent / "shared" / "perf" / "gen_site.py"
    with tempfile.TemporaryDirectory(prefix="jekyllpy-rebuild-") as tmp:
        src, dest = Path(tmp) / "site", Path(tmp) / "_site"
        subprocess.run([sys.executable, str(gen), str(src), "--posts", str(args.posts)],
                       check=True, stdout=subprocess.DEVNULL)
        overrides = {"destination": str(dest)}
        site = Site(load_config(src, None, overrides))
        site.regenerator = DependencyTracker(site)
        rendered: list[object] = []
        site.post_render_hooks.append(rendered.append)
        started = time.perf_counter()
        process_site(site)
        initial = time.perf_counter() - started
        items = len(rendered)
        print(f"site: {args.posts} posts, {items} pages and documents rendered; "
              f"initial build {initial:.2f} s")

        posts = sorted((src / "_posts").iterdir())
        page = sorted((src / "docs").glob("*.md"))[0]

        def append(path: Path, text: str) -> None:
            path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")

        def retitle(path: Path) -> None:
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace("title: ", "title: Edited ", 1), encoding="utf-8")

        edits = [
            ("post body (end)", lambda r: append(posts[len(posts) // 2],
                                                 f"\nAnother paragraph {r}.\n")),
            ("post title", lambda r: retitle(posts[len(posts) // 3])),
            ("page body", lambda r: append(page, f"\nMore text {r}.\n")),
            ("about.md body", lambda r: append(src / "about.md", f"\nLater {r}.\n")),
            ("include", lambda r: append(src / "_includes" / "figure.html",
                                         f"<!-- {r} -->\n")),
            ("nothing (touch)", lambda r: os.utime(posts[0])),
        ]
        print(f"{'edit':18} {'rendered':>9} {'tracked s':>10} {'full s':>8} {'ratio':>7}")
        for name, edit in edits:
            counts, tracked, full = [], [], []
            for r in range(args.rounds):
                edit(r)
                rendered.clear()
                started = time.perf_counter()
                process_site(site)
                tracked.append(time.perf_counter() - started)
                counts.append(len(rendered))
                # the same rebuild rendering everything (no tracker); the tracker's state
                # still describes the source, which this build does not change
                tracker, site.regenerator = site.regenerator, None
                started = time.perf_counter()
                process_site(site)
                full.append(time.perf_counter() - started)
                site.regenerator = tracker
            t, f = statistics.median(tracked), statistics.median(full)
            print(f"{name:18} {max(counts):>5}/{items:<4} {t:>9.3f} {f:>8.3f} {t / f:>7.3f}")
        fresh = Path(tmp) / "fresh"
        Site(load_config(src, None, {"destination": str(fresh)})).process()
        a, b = tree(dest), tree(fresh)
        differ = [k for k in sorted(set(a) | set(b))
                  if _blank_time(a.get(k)) != _blank_time(b.get(k))]
        print("destination equals a fresh build:", "yes" if not differ else f"NO {differ[:5]}")
        shutil.rmtree(dest, ignore_errors=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Site build: ``jekyllpy build`` against ``jekyll build`` on the same generated site.

The site comes from ``shared/perf/gen_site.py`` (minima with jekyll-feed, jekyll-seo-tag and
jekyll-sitemap; 1000 posts by default).  Both builds are cold (no ``_site``, no
``.jekyll-cache``), run one after the other in the same run, each as a separate process,
timed by wall clock with peak memory (maximum resident set size) from the kernel.  The
figures are medians of the runs; the machine is shared and noisy, so only the ratios taken
in one run mean anything.

A speed figure only counts for output that matches, so the report also compares the two
``_site`` folders file by file (both builds are given the same ``time:``, so nothing needs
masking) and says how many files are identical.  Finally one more jekyllpy build runs
in-process to measure the share of its time spent highlighting code.

    python scripts/bench_site.py                      # 1000 posts, 3 runs each
    python scripts/bench_site.py --posts 100 --runs 3
    python scripts/bench_site.py --site DIR           # an existing site
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from regen_site_fixtures import compare, read_tree  # noqa: E402


def _peak_wrapper(cmd: list[str]) -> list[str]:
    """Run ``cmd`` under a tiny Python parent that prints the child's own peak RSS."""
    code = ("import resource,subprocess,sys;"
            "r=subprocess.run(sys.argv[1:]);"
            "print('PEAK_KB', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,"
            " file=sys.stderr);sys.exit(r.returncode)")
    return [sys.executable, "-c", code, *cmd]


#: Both builds get the same ``site.time`` (Jekyll's ``time:`` setting), so that the fields
#: holding it (feed.xml's <updated>, dates of undated collection documents) match too.
PINNED_TIME = "time: 2024-06-01 12:00:00 +0000\n"


def build_once(kind: str, site: Path, dest: Path, pin: Path) -> tuple[float, int]:
    for path in (dest, site / ".jekyll-cache", site / "_site"):
        shutil.rmtree(path, ignore_errors=True)
    configs = f"{site / '_config.yml'},{pin}"
    if kind == "jekyll":
        cmd = ["jekyll", "build", "-q", "-s", str(site), "-d", str(dest), "--config", configs]
    else:
        cmd = [sys.executable, "-m", "jekyllpy", "build", "-q", "-s", str(site), "-d", str(dest),
               "--config", configs]
    env = dict(os.environ)
    env.pop("JEKYLL_ENV", None)
    env["TZ"] = "UTC"
    started = time.perf_counter()
    proc = subprocess.run(_peak_wrapper(cmd), cwd=site, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        sys.exit(f"{kind} build failed:\n{proc.stderr[-2000:]}")
    peak = 0
    for line in proc.stderr.splitlines():
        if line.startswith("PEAK_KB "):
            peak = int(line.split()[1])
    return seconds, peak


def highlight_share(site: Path, dest: Path) -> tuple[float, float]:
    """(seconds highlighting, seconds building) of one in-process jekyllpy build."""
    from jekyllpy.kramdown import document as kd
    from jekyllpy.rendering import tags
    from jekyllpy.site import build

    spent = [0.0]

    def clocked(func):
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                spent[0] += time.perf_counter() - started
        return wrapper

    kd._rouge_highlight = clocked(kd._rouge_highlight)   # kramdown fenced/indented code
    tags.lex = clocked(tags.lex)                          # {% highlight %}: lexing
    tags.format_html = clocked(tags.format_html)          # ... and formatting
    shutil.rmtree(dest, ignore_errors=True)
    # One process: conversions done ahead in a second process would not be counted.
    saved = os.environ.get("JEKYLLPY_WORKERS")
    os.environ["JEKYLLPY_WORKERS"] = "0"
    try:
        started = time.perf_counter()
        build(site, dest)
        return spent[0], time.perf_counter() - started
    finally:
        if saved is None:
            del os.environ["JEKYLLPY_WORKERS"]
        else:
            os.environ["JEKYLLPY_WORKERS"] = saved


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--site", type=Path, help="an existing site instead of a generated one")
    ap.add_argument("--posts", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--no-jekyll", action="store_true", help="time jekyllpy only")
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        if args.site is not None:
            site, label = args.site.resolve(), str(args.site)
        else:
            site = tmpdir / "site"
            subprocess.run([sys.executable, str(args.shared / "perf" / "gen_site.py"), str(site),
                            "--posts", str(args.posts), "--seed", str(args.seed)],
                           check=True, capture_output=True)
            label = f"gen_site.py --posts {args.posts} --seed {args.seed}"
        have_jekyll = shutil.which("jekyll") is not None and not args.no_jekyll
        pin = tmpdir / "pinned_time.yml"
        pin.write_text(PINNED_TIME, encoding="utf-8")
        results: dict[str, list[tuple[float, int]]] = {"jekyllpy": [], "jekyll": []}
        for _ in range(args.runs):
            results["jekyllpy"].append(build_once("jekyllpy", site, tmpdir / "py_site", pin))
            if have_jekyll:
                results["jekyll"].append(build_once("jekyll", site, tmpdir / "rb_site", pin))

        print(f"site     : {label}, median of {args.runs} cold builds [best]")
        med = {}
        for kind, runs in results.items():
            if not runs:
                continue
            secs = [r[0] for r in runs]
            peaks = [r[1] for r in runs]
            med[kind] = (statistics.median(secs), statistics.median(peaks))
            print(f"{kind:9s}: {med[kind][0]:7.2f} s [{min(secs):.2f}]   "
                  f"peak {med[kind][1] / 1024:6.1f} MiB")
        if "jekyll" in med:
            print(f"speed    : {med['jekyll'][0] / med['jekyllpy'][0]:.2f}x faster than Jekyll "
                  f"(target 3x)")
            print(f"memory   : {med['jekyllpy'][1] / med['jekyll'][1]:.2f}x Jekyll's peak "
                  f"(target at most 1x)")
            expected = read_tree(tmpdir / "rb_site")
            built = read_tree(tmpdir / "py_site")
            problems = compare(expected, built)
            differing = {p.split(": ", 1)[1].splitlines()[0] for p in problems}
            same = sum(1 for name in expected if name not in differing)
            print(f"identical: {same} of {len(expected)} files of Jekyll's _site "
                  f"({len(problems)} differences)")
            for problem in problems[:15]:
                print("   ", problem.splitlines()[0])
        hl, total = highlight_share(site, tmpdir / "py_site_hl")
        print(f"highlight: {hl:.2f} s of {total:.2f} s in-process build "
              f"({100 * hl / total:.1f}% of build time)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

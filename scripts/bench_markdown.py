#!/usr/bin/env python3
"""Markdown throughput: jekyllpy.markdownify against Ruby kramdown through Jekyll's converter.

Both convert the same corpus (../shared/perf/md_corpus.py, each document separately, start-up
excluded, Jekyll's converter cache bypassed) in the same run; the figure is the ratio of MB/s.
Only documents whose output is byte-identical are reported as such.

    python scripts/bench_markdown.py                 # 2 MB corpus, 3 runs each
    python scripts/bench_markdown.py --mb 1 --runs 5
    python scripts/bench_markdown.py --pathological  # 100 KB adversarial inputs, jekyllpy only
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import jekyllpy  # noqa: E402


def make_corpus(shared: Path, mb: float, seed: int, target: Path) -> None:
    subprocess.run([sys.executable, str(shared / "perf" / "md_corpus.py"), str(target),
                    "--mb", str(mb), "--seed", str(seed)], check=True, capture_output=True)


def time_python(docs: list[str], runs: int) -> tuple[list[float], list[str]]:
    outputs = [jekyllpy.markdownify(d) for d in docs]  # warm-up (imports, caches)
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        for d in docs:
            jekyllpy.markdownify(d)
        seconds.append(time.perf_counter() - start)
    return seconds, outputs


def time_ruby(corpus: Path, runs: int) -> dict | None:
    if shutil.which("ruby") is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "ruby.json"
        proc = subprocess.run(["ruby", str(ROOT / "scripts" / "bench_markdown.rb"), str(corpus),
                               str(runs), str(out)], capture_output=True, text=True)
        if proc.returncode != 0:
            print(f"Ruby side failed: {proc.stderr.strip()[:300]}", file=sys.stderr)
            return None
        return json.loads(out.read_text(encoding="utf-8"))


PATHOLOGICAL = {
    "nested brackets": lambda n: "[" * (n // 2) + "a" + "]" * (n // 2),
    "open brackets": lambda n: "[" * n,
    "emphasis markers": lambda n: "*a " * (n // 3),
    "underscores": lambda n: "_a " * (n // 3),
    "backticks": lambda n: "`a ``b " * (n // 7),
    "unclosed <div>": lambda n: "<div>\n" * (n // 6),
    "unclosed <span>": lambda n: "<span>" * (n // 6),
    "list markers": lambda n: "* " * (n // 2),
    "list lines": lambda n: "* a\n" * (n // 4),
    "quote markers": lambda n: "> " * (n // 2),
    "link openers": lambda n: "[a](" * (n // 4),
    "image openers": lambda n: "![" * (n // 2),
    "IAL openers": lambda n: "{:" * (n // 2),
    "comment openers": lambda n: "<!--" * (n // 4),
    "tildes": lambda n: "~" * n,
}


def pathological(size: int) -> int:
    slow = 0
    print(f"{'input (%d KB)' % (size // 1000):24s} seconds")
    for name, make in PATHOLOGICAL.items():
        text = make(size)
        start = time.perf_counter()
        jekyllpy.markdownify(text)
        dt = time.perf_counter() - start
        flag = "  SLOW (over 1 s)" if dt > 1 else ""
        slow += dt > 1
        print(f"{name:24s} {dt:7.3f}{flag}")
    return slow


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--corpus", type=Path, help="use this folder of .md files")
    ap.add_argument("--mb", type=float, default=2.0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--pathological", action="store_true")
    ap.add_argument("--size", type=int, default=100_000)
    args = ap.parse_args()
    if args.pathological:
        return 1 if pathological(args.size) else 0

    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus or Path(tmp) / "corpus"
        if args.corpus is None:
            make_corpus(args.shared, args.mb, args.seed, corpus)
        names = sorted(p.name for p in corpus.glob("*.md"))
        docs = [(corpus / n).read_bytes().decode("utf-8") for n in names]
        total = sum(len(d.encode("utf-8")) for d in docs)
        py_seconds, py_html = time_python(docs, args.runs)
        ruby = time_ruby(corpus, args.runs)

    py_rate = total / statistics.median(py_seconds) / 1e6
    print(f"corpus: {len(docs)} documents, {total / 1e6:.2f} MB "
          f"(md_corpus.py --mb {args.mb} --seed {args.seed}), median of {args.runs} runs")
    print(f"jekyllpy : {py_rate:6.2f} MB/s (min time {min(py_seconds):.3f} s)")
    if ruby is None:
        print("Ruby kramdown: not available, no ratio")
        return 0
    rb_rate = total / statistics.median(ruby["seconds"]) / 1e6
    same = sum(1 for n, h in zip(names, py_html) if ruby["html"].get(n) == h)
    print(f"kramdown : {rb_rate:6.2f} MB/s (min time {min(ruby['seconds']):.3f} s)")
    print(f"ratio    : {py_rate / rb_rate:6.2f}x Ruby's throughput")
    print(f"identical: {same} of {len(docs)} documents byte-identical")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Markdown throughput: jekyllpy.markdownify against Ruby kramdown through Jekyll's converter.

Both sides convert the same corpus (``shared/perf/md_corpus.py``), each document separately,
in sorted name order, in the same run, start-up excluded, Jekyll's converter cache bypassed.
A speed figure only means something for output that matches, so besides the whole-corpus
MB/s the report gives the count of byte-identical documents and the MB/s over those alone.

    python scripts/bench_markdown.py                  # 2 MB corpus (seed 1), 3 runs each
    python scripts/bench_markdown.py --mb 1 --runs 5
    python scripts/bench_markdown.py --corpus DIR     # an existing folder of .md files
    python scripts/bench_markdown.py --pathological   # 100 KB adversarial inputs, jekyllpy only

MB is 10**6 bytes of input.  Figures are the median of the runs (best run in brackets); the
machine is shared and noisy, so compare only figures taken in the same run.  The two sides
take turns, one run each (a Ruby process per run, warmed up before it is timed), so a load
that comes and goes falls on both; and besides wall-clock time each side measures its own
thread's CPU time, which time-slicing by other processes does not inflate.  Other processes
still slow both sides down (shared caches, frequency), so the report also gives the CPU-time
ratio taken from each document's fastest run, the figure least moved by a passing load.
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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import jekyllpy  # noqa: E402

RUBY_SIDE = ROOT / "scripts" / "bench_markdown.rb"
SLOW_SECONDS = 1.0


@dataclass(slots=True)
class Timing:
    """Per-run, per-document seconds of one converter over the corpus: wall clock and the
    converting thread's CPU time."""

    doc_seconds: list[list[float]]
    doc_cpu: list[list[float]]

    def rate(self, sizes: Sequence[int], keep: Sequence[bool] | None = None,
             cpu: bool = False) -> tuple[float, float]:
        """(median, best) MB/s over the documents where ``keep`` is true (all by default)."""
        keep = keep or [True] * len(sizes)
        total = sum(s for s, k in zip(sizes, keep) if k)
        per_run = self.doc_cpu if cpu else self.doc_seconds
        runs = [sum(t for t, k in zip(run, keep) if k) for run in per_run]
        if not total or not all(runs):
            return 0.0, 0.0
        return total / statistics.median(runs) / 1e6, total / min(runs) / 1e6


    def best_per_document(self, sizes: Sequence[int]) -> float:
        """MB/s if every document took its fastest run's CPU time: the figure a passing
        load disturbs least, since a slow run of one document does not count."""
        fastest = sum(min(run[i] for run in self.doc_cpu) for i in range(len(sizes)))
        return sum(sizes) / fastest / 1e6 if fastest else 0.0


def make_corpus(shared: Path, mb: float, seed: int, target: Path) -> None:
    generator = shared / "perf" / "md_corpus.py"
    if not generator.is_file():
        sys.exit(f"corpus generator not found: {generator} (give --shared or --corpus)")
    subprocess.run([sys.executable, str(generator), str(target), "--mb", str(mb),
                    "--seed", str(seed)], check=True, capture_output=True)


def time_python(docs: Sequence[str]) -> tuple[list[float], list[float]]:
    """One timed run over every document: (wall, CPU) seconds per document."""
    clock, cpu = time.perf_counter, time.thread_time
    wall_run, cpu_run = [], []
    for d in docs:
        started, started_cpu = clock(), cpu()
        jekyllpy.markdownify(d)
        cpu_run.append(cpu() - started_cpu)
        wall_run.append(clock() - started)
    return wall_run, cpu_run


def time_ruby(corpus: Path, runs: int = 1) -> tuple[Timing, dict[str, str]] | None:
    """Run the Ruby side on the same folder; None (with the reason) when it cannot run."""
    if shutil.which("ruby") is None:
        print("Ruby kramdown: ruby not found, no reference figure", file=sys.stderr)
        return None
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "ruby.json"
        proc = subprocess.run(["ruby", str(RUBY_SIDE), str(corpus), str(runs), str(out)],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            print(f"Ruby kramdown: failed ({proc.stderr.strip()[-300:]})", file=sys.stderr)
            return None
        data = json.loads(out.read_text(encoding="utf-8"))
    return Timing(data["doc_seconds"], data["doc_cpu"]), data["html"]


def time_both(docs: Sequence[str], corpus: Path, runs: int
              ) -> tuple[Timing, list[str], tuple[Timing, dict[str, str]] | None]:
    """Alternate the sides, one run each, ``runs`` times (Python warmed up once first)."""
    py_html = [jekyllpy.markdownify(d) for d in docs]
    py = Timing([], [])
    ruby: tuple[Timing, dict[str, str]] | None = None
    for _ in range(runs):
        wall_run, cpu_run = time_python(docs)
        py.doc_seconds.append(wall_run)
        py.doc_cpu.append(cpu_run)
        one = time_ruby(corpus, 1)
        if one is None:
            ruby = None
            continue
        if ruby is None:
            ruby = one
        else:
            ruby[0].doc_seconds.extend(one[0].doc_seconds)
            ruby[0].doc_cpu.extend(one[0].doc_cpu)
    return py, py_html, ruby


#: Adversarial inputs, each a function of the wanted size in bytes.  Several of these are
#: quadratic in a naive kramdown port (a scan to the end of the text per opener).
PATHOLOGICAL: dict[str, Callable[[int], str]] = {
    "nested brackets": lambda n: "[" * (n // 2) + "a" + "]" * (n // 2),
    "nested brackets, a link defined": lambda n: "[a]: /u\n\n" + "[" * (n // 2) + "a" + "]" * (n // 2),
    "open brackets": lambda n: "[" * n,
    "emphasis markers *": lambda n: "*a " * (n // 3),
    "emphasis markers _": lambda n: "_a " * (n // 3),
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
    """Time each adversarial input once; return how many took over SLOW_SECONDS."""
    slow = 0
    print(f"{f'input ({size // 1000} KB)':32s} seconds")
    for name, make in PATHOLOGICAL.items():
        text = make(size)
        started = time.perf_counter()
        jekyllpy.markdownify(text)
        seconds = time.perf_counter() - started
        too_slow = seconds > SLOW_SECONDS
        slow += too_slow
        print(f"{name:32s} {seconds:7.3f}{f'  SLOW (over {SLOW_SECONDS:g} s)' if too_slow else ''}")
    return slow


def report(names: Sequence[str], docs: Sequence[str], runs: int, label: str,
           corpus: Path) -> None:
    sizes = [len(d.encode("utf-8")) for d in docs]
    py, py_html, ruby = time_both(docs, corpus, runs)

    print(f"corpus   : {len(docs)} documents, {sum(sizes) / 1e6:.2f} MB ({label}), "
          f"median of {runs} runs [best]")
    py_med, py_best = py.rate(sizes)
    print(f"jekyllpy : {py_med:6.2f} MB/s [{py_best:.2f}]")
    if ruby is None:
        return
    rb, rb_html = ruby
    rb_med, rb_best = rb.rate(sizes)
    same = [rb_html.get(n) == h for n, h in zip(names, py_html)]
    print(f"kramdown : {rb_med:6.2f} MB/s [{rb_best:.2f}]")
    print(f"ratio    : {py_med / rb_med:6.2f}x kramdown's throughput")
    py_cpu, rb_cpu = py.rate(sizes, cpu=True)[0], rb.rate(sizes, cpu=True)[0]
    print(f"CPU time : jekyllpy {py_cpu:.2f} MB/s, kramdown {rb_cpu:.2f} MB/s, "
          f"ratio {py_cpu / rb_cpu:.2f}x (each side's own thread)")
    py_best_doc, rb_best_doc = py.best_per_document(sizes), rb.best_per_document(sizes)
    print(f"per doc  : jekyllpy {py_best_doc:.2f} MB/s, kramdown {rb_best_doc:.2f} MB/s, "
          f"ratio {py_best_doc / rb_best_doc:.2f}x (CPU time, each document's fastest run)")
    print(f"identical: {sum(same)} of {len(docs)} documents byte-identical")
    if any(same):
        py_same, rb_same = py.rate(sizes, same)[0], rb.rate(sizes, same)[0]
        print(f"  on those alone: jekyllpy {py_same:.2f} MB/s, kramdown {rb_same:.2f} MB/s, "
              f"ratio {py_same / rb_same:.2f}x")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                    help="the shared reference folder (default: ../shared beside the repo)")
    ap.add_argument("--corpus", type=Path, help="use this folder of .md files instead")
    ap.add_argument("--mb", type=float, default=2.0, help="corpus size in MB (default 2)")
    ap.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    ap.add_argument("--runs", type=int, default=3, help="timed runs per side, at least 3")
    ap.add_argument("--pathological", action="store_true",
                    help="time adversarial inputs with jekyllpy only; exit 1 if any is slow")
    ap.add_argument("--size", type=int, default=100_000,
                    help="bytes per pathological input (default 100000)")
    args = ap.parse_args(argv)
    if args.runs < 3:
        ap.error("--runs must be at least 3 (the figure is a median)")
    if args.pathological:
        return 1 if pathological(args.size) else 0

    with tempfile.TemporaryDirectory() as tmp:
        if args.corpus is not None:
            corpus, label = args.corpus, str(args.corpus)
        else:
            corpus, label = Path(tmp) / "corpus", f"md_corpus.py --mb {args.mb:g} --seed {args.seed}"
            make_corpus(args.shared, args.mb, args.seed, corpus)
        names = sorted(p.name for p in corpus.glob("*.md"))
        if not names:
            sys.exit(f"no .md files in {corpus}")
        docs = [(corpus / n).read_bytes().decode("utf-8") for n in names]
        report(names, docs, args.runs, label, corpus)
    return 0


if __name__ == "__main__":
    sys.exit(main())

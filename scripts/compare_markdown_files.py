#!/usr/bin/env python3
"""Convert Markdown files nobody wrote for us with Jekyll and with jekyllpy, and compare.

Fixtures and the fuzzer cover what we thought of; real documents (READMEs, manuals, API
docs found on the machine) cover what people write.  Each file is converted by Jekyll 4.3's
Markdown converter (``scripts/jekyll_markdown_oracle.rb``, Jekyll's defaults) and by
``jekyllpy.markdownify``; identical copies of a text are counted once.

    python scripts/compare_markdown_files.py /usr/share/doc /usr/lib/ruby
    python scripts/compare_markdown_files.py DIR --out /tmp/md-diffs   # keep each difference
    python scripts/compare_markdown_files.py ../shared/reference --ext page
    python scripts/compare_markdown_files.py /usr/share/doc --config '{"kramdown": {"input": "kramdown"}}'

Prints one line per differing file and ``N identical, M differ, K not scored`` (not scored:
Jekyll failed, or the file is not UTF-8 or over --max-bytes).  Exit 1 if any differ.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import jekyllpy  # noqa: E402

ORACLE = ROOT / "scripts" / "jekyll_markdown_oracle.rb"


def markdown_files(paths: Iterable[Path], extensions: Sequence[str] = ("md",)) -> list[Path]:
    """Every file with one of the extensions under the given folders (and the given files),
    sorted."""
    found: set[Path] = set()
    for path in paths:
        if path.is_dir():
            for ext in extensions:
                found.update(p for p in path.rglob(f"*.{ext}") if p.is_file())
        elif path.is_file():
            found.add(path)
    return sorted(found)


def jekyll_html(texts: Sequence[str], config: dict | None = None) -> list[str | None]:
    """Jekyll's HTML for each text, None where Jekyll raised (one Ruby process for all)."""
    lines = [json.dumps({"id": i, "text": t, "config": config}) for i, t in enumerate(texts)]
    out = subprocess.run(["ruby", str(ORACLE)], input="\n".join(lines) + "\n",
                         capture_output=True, text=True, encoding="utf-8", check=True).stdout
    html: list[str | None] = [None] * len(texts)
    for line in out.splitlines():
        reply = json.loads(line)
        html[reply["id"]] = reply.get("html")
    return html


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+", type=Path, help="folders (searched by --ext) or files")
    ap.add_argument("--ext", default="md,markdown,mkd,mkdn",
                    help="file extensions searched for in folders (default: %(default)s)")
    ap.add_argument("--out", type=Path, help="write NAME.md, NAME.jekyll.html, NAME.ours.html "
                                             "for each difference here")
    ap.add_argument("--config", type=json.loads, default=None,
                    help='a site configuration fragment as JSON, for both sides, e.g. '
                         '\'{"kramdown": {"input": "kramdown"}}\'')
    ap.add_argument("--max-bytes", type=int, default=400_000, help="skip larger files")
    args = ap.parse_args(argv)

    texts: dict[str, Path] = {}
    skipped = 0
    for path in markdown_files(args.paths, args.ext.split(",")):
        data = path.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            skipped += 1
            continue
        if len(data) > args.max_bytes:
            skipped += 1
            continue
        texts.setdefault(text, path)
    order = list(texts)
    expected = jekyll_html(order, args.config)
    same = differ = 0
    for n, (text, html) in enumerate(zip(order, expected)):
        if html is None:
            skipped += 1
            continue
        ours = jekyllpy.markdownify(text, args.config)
        if ours == html:
            same += 1
            continue
        differ += 1
        print(f"differs: {texts[text]}")
        if args.out is not None:
            args.out.mkdir(parents=True, exist_ok=True)
            for suffix, content in ((".md", text), (".jekyll.html", html), (".ours.html", ours)):
                (args.out / f"{n:05d}{suffix}").write_text(content, encoding="utf-8")
    print(f"{same} identical, {differ} differ, {skipped} not scored")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())

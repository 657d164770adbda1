#!/usr/bin/env python3
"""Regenerate tests/fixtures/highlight/LANG/NAME.html with real Jekyll (Rouge 3.30).

Each ``LANG/NAME.txt`` snippet is put in a fenced code block (```` ```LANG ````) and converted
by Jekyll 4.3's Markdown converter through scripts/jekyll_markdown_oracle.rb; the HTML of
that block is stored byte for byte.  ``--check`` compares instead of writing; naming LANG
folders limits the run to them.

Rouge's Twig lexer finds its word lists in class variables that its parent, Jinja, sets
first when it has highlighted in the same process; so Twig's snippets are converted in a Ruby
process of their own (a process that highlights only Twig, as a site using only Twig does).
"""

from __future__ import annotations

import argparse
import sys

from oracle_files import ROOT, convert_all, write_or_check

FIXTURES = ROOT / "tests" / "fixtures" / "highlight"
#: fence languages converted in a Ruby process of their own (see above)
OWN_PROCESS = ("twig",)


def fenced(lang: str, code: str) -> str:
    """The Markdown a snippet is tested in (shared with the test)."""
    return f"```{lang}\n{code}```\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true")
    ap.add_argument("langs", nargs="*", help="only these LANG folders (default: all)")
    args = ap.parse_args(argv)
    paths = sorted(p for p in FIXTURES.glob("*/*.txt")
                   if not args.langs or p.parent.name in args.langs)
    groups = [[p for p in paths if p.parent.name not in OWN_PROCESS]]
    groups += [[p for p in paths if p.parent.name == lang] for lang in OWN_PROCESS]
    expected = {}
    for group in filter(None, groups):
        htmls = convert_all([(fenced(p.parent.name, p.read_bytes().decode("utf-8")), None)
                             for p in group])
        expected.update({p.with_suffix(".html"): h for p, h in zip(group, htmls)})
    return write_or_check(dict(sorted(expected.items())), args.check)


if __name__ == "__main__":
    sys.exit(main())

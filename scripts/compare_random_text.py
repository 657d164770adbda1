#!/usr/bin/env python3
"""Short random strings of Markdown's sharp edges, converted by Jekyll and by jekyllpy.

kfuzz writes documents a person might; this writes what nobody would: markers, odd
whitespace (vertical tab, form feed, NUL, U+2028, U+0085, no-break spaces), BOMs, CRs and
block starts jumbled together, where a port's translated patterns (Ruby's ``\\s`` is not
Python's) are most likely to part ways.  Jekyll's side is its Markdown converter with one
change: kramdown's code block rule declines when it scans nothing, where kramdown itself
loops forever (see ``parser/blocks.py``); a text Jekyll fails on, or takes over 5 s for,
is not scored.

    python scripts/compare_random_text.py --seed 1 -n 5000

Prints each difference (up to --show) and ``N same, M differ, K not scored``; exit 1 if any
differ.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import jekyllpy  # noqa: E402

PIECES = list("ab \t\n*_`[]()<>{}:#!|\\-=+~$&;'\".^01/") + [
    "\x00", "\u2028", "\ufeff", "é", "\U0001F600", "\x0b", "\x0c", "\u00a0", "\u3000",
    "\x85", "\r", "    ", "\n\n", "> ", "* ", "1. ", "<div>", "</div>", "```", "~~~",
    "{:.c}", "[^1]", "|", "---\n", "***"]

RUBY = r'''
require "json"
require "timeout"
require "tmpdir"
require "jekyll"
class Kramdown::Parser::Kramdown
  alias_method :jekyllpy_parse_codeblock, :parse_codeblock
  def parse_codeblock
    return false if (@src.check(self.class::CODEBLOCK_MATCH) || "").empty?
    jekyllpy_parse_codeblock
  end
end
config = Jekyll.configuration("source" => Dir.mktmpdir, "quiet" => true,
                              "disable_disk_cache" => true)
markdown = Jekyll::Site.new(config).find_converter_instance(Jekyll::Converters::Markdown)
markdown.setup
parser = markdown.instance_variable_get(:@parser)
out = JSON.parse(STDIN.read).map do |text|
  begin
    Timeout.timeout(5) { parser.convert(text.dup) }
  rescue Timeout::Error, StandardError, SystemStackError
    nil
  end
end
print JSON.dump(out)
'''


def random_texts(seed: int, count: int, longest: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(1, longest)))
            for _ in range(count)]


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-n", type=int, default=3000, help="how many texts (default 3000)")
    ap.add_argument("--longest", type=int, default=40, help="most pieces per text")
    ap.add_argument("--show", type=int, default=10, help="differences printed at most")
    args = ap.parse_args(argv)

    texts = random_texts(args.seed, args.n, args.longest)
    run = subprocess.run(["ruby", "-e", RUBY], input=json.dumps(texts), capture_output=True,
                         text=True, encoding="utf-8", check=True)
    expected = json.loads(run.stdout)
    same = differ = unscored = 0
    for text, html in zip(texts, expected):
        if html is None:
            unscored += 1
            continue
        ours = jekyllpy.markdownify(text)
        if ours == html:
            same += 1
            continue
        differ += 1
        if differ <= args.show:
            print(f"differs: {text!r}\n  jekyll: {html!r}\n  ours:   {ours!r}")
    print(f"seed {args.seed}: {same} same, {differ} differ, {unscored} not scored")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())

"""Shared by the Unicode generators: which code points Onigmo (Ruby's regex engine) puts in
a class, as the inside of a Python character class.

Ruby's ``[[:alpha:]]``, ``\\p{Word}``, ``\\p{Sm}`` ... differ from anything Python's ``re``
offers; asking the installed Ruby is the only way to match them exactly.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Mapping

RUBY = r'''
require "json"
out = { "ruby" => RUBY_VERSION, "unicode" => RbConfig::CONFIG["UNICODE_VERSION"] }
ARGV.each_slice(2) do |name, source|
  re = Regexp.new(source)
  ranges = []
  start = nil
  prev = nil
  (0..0x10FFFF).each do |cp|
    next if cp.between?(0xD800, 0xDFFF)
    if re.match?(cp.chr(Encoding::UTF_8))
      if start && prev == cp - 1 then prev = cp else (ranges << [start, prev] if start; start = prev = cp) end
    end
  end
  ranges << [start, prev] if start
  out[name] = ranges
end
puts JSON.dump(out)
'''


def onigmo_classes(classes: Mapping[str, str]) -> dict:
    """For each name -> Onigmo class source, the class's members as the inside of a Python
    character class; plus ``"ruby"`` and ``"unicode"``, the versions that answered."""
    args = [x for name_and_class in classes.items() for x in name_and_class]
    data = json.loads(subprocess.run(["ruby", "-e", RUBY, *args], check=True,
                                     capture_output=True, text=True).stdout)
    return {key: value if key in ("ruby", "unicode") else _class(value)
            for key, value in data.items()}


def _class(ranges: list[list[int]]) -> str:
    parts = []
    for lo, hi in ranges:
        parts.append(f"\\U{lo:08x}" if lo == hi else f"\\U{lo:08x}-\\U{hi:08x}")
    return "".join(parts)

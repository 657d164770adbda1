#!/usr/bin/env python3
"""Regenerate tests/fixtures/transliteration.json from real kramdown and stringex.

For header texts of our own (accents, German sharp s, Cyrillic, Greek, CJK, Arabic, emoji,
mixed) it records the HTML real kramdown gives for ``# TEXT`` with
``transliterated_header_ids: true``, each header alone and all of them in one document (so
the duplicate-id counter is exercised too).  For a fixed pseudo-random sample of code points it
records what ``Kramdown::Utils::Unidecoder.decode`` (what the option uses) and
``Stringex::Unidecoder.decode`` give for each.  tests/kramdown/test_transliteration.py checks
jekyllpy against the file without Ruby.

Usage: python scripts/gen_transliteration_fixtures.py   (needs ruby with kramdown and stringex)
"""

from __future__ import annotations

import json
import random
import subprocess
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "tests/fixtures/transliteration.json"
SEED = 20241125
SAMPLE_BMP = 200
SAMPLE_ASTRAL = 12

HEADERS = [
    "Café au lait à la crème",
    "naïve résumé façade",
    "Ærøskøbing, Ångström, Øre and Œuvre",
    "Straße, Größe, Fußgänger",
    "Tiếng Việt có dấu",
    "Ñandú 123",
    "123 Ñandú",
    "Привет, мир",
    "Щука и ёж: Съезд",
    "Ελληνικά κείμενα",
    "Ωμέγα και άλφα",
    "中文标题",
    "日本語のテキスト",
    "カタカナ ひらがな",
    "한국어 제목",
    "مرحبا بالعالم",
    "שלום עולם",
    "हिन्दी शीर्षक",
    "ภาษาไทย",
    "Emoji 🎉 party 🚀",
    "🎉 leading emoji",
    "Flags 🇩🇪 and 🇯🇵",
    "Ünïcödé *mixed* `code` – dash — and “quotes”",
    "© 2024 Company™ ® ½ ¾",
    "€100 and ¥200 and £300",
    "Ⅻ roman numeral Ⅳ",
    "ﬁnal ﬂow ligatures",
    "Ｆｕｌｌｗｉｄｔｈ ＡＢＣ",
    "CJK extension A 㐀 㑖",
    "Line\u202812 separator 34",  # U+2028 becomes a newline: "12 " then starts a line
    "Paragraph\u2029separator",
    "\u00a0non-breaking\u00a0space",
    "soft\u00adhyphen and zero\u200bwidth",
    "ÀÉÎÕÜ àéîõü",
    "Đorđe Đoković",
    "Łódź, Kraków",
    "İstanbul ılık şeker",
    "Čeština řeřicha",
    "日本 and English mixed Ελλάδα",
    "…",
    "中",
    "Cafe",
    "Café",
    "CAFÉ",
]

RUBY = r'''
require "json"
require "kramdown"
require "kramdown/utils/unidecoder"
require "stringex"
input = JSON.parse($stdin.read)
opts = { transliterated_header_ids: true }
out = {
  "kramdown" => Kramdown::VERSION,
  "stringex" => Gem.loaded_specs["stringex"].version.to_s,
  "headers" => input["headers"].map { |t|
    { "text" => t, "html" => Kramdown::Document.new("# #{t}\n", opts).to_html }
  },
  "document" => { "text" => input["document"],
                  "html" => Kramdown::Document.new(input["document"], opts).to_html },
  "code_points" => input["code_points"].map { |cp|
    ch = cp.chr(Encoding::UTF_8)
    { "cp" => cp, "kramdown" => Kramdown::Utils::Unidecoder.decode(ch),
      "stringex" => Stringex::Unidecoder.decode(ch) }
  },
}
puts JSON.generate(out)
'''


def sample_code_points() -> list[int]:
    rng = random.Random(SEED)
    bmp: set[int] = {0x80}  # the one code point where kramdown and stringex part ways
    while len(bmp) < SAMPLE_BMP:
        cp = rng.randrange(0x80, 0x10000)
        if not 0xD800 <= cp <= 0xDFFF:
            bmp.add(cp)
    astral: set[int] = set()
    while len(astral) < SAMPLE_ASTRAL:
        astral.add(rng.randrange(0x10000, 0x110000))
    return sorted(bmp) + sorted(astral)


def main() -> None:
    document = "".join(f"# {text}\n\n" for text in HEADERS)
    payload = {"headers": HEADERS, "document": document, "code_points": sample_code_points()}
    run = subprocess.run(["ruby", "-e", RUBY], input=json.dumps(payload), capture_output=True,
                         text=True, check=True)
    data = json.loads(run.stdout)
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {len(data['headers'])} headers, {len(data['code_points'])} code points "
          f"(kramdown {data['kramdown']}, stringex {data['stringex']})")


if __name__ == "__main__":
    main()

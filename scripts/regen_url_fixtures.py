#!/usr/bin/env python3
"""Regenerate tests/fixtures/url_cases.json: what Jekyll 4.3.1 answers for URL questions.

Cases are written here (slugify inputs with every mode, escape/unescape/sanitize inputs,
page-style URL templates with placeholder sets); real Ruby with Jekyll loaded answers
them (``ruby -rjekyll``, cases as JSON on stdin).  It also builds small sites in a
temporary folder (posts, pages, collection documents under several ``permalink``
settings; permalinks with and without a trailing slash or extension, spaces, unicode,
``.html``/``.json``/``.xml`` output) twice: through Jekyll's API for each page's and
document's inputs, URL and destination, and with ``jekyll build`` for the files really
written.  tests/site/test_url.py compares jekyllpy.site.url with the result; no Ruby is
needed at test time.

Usage: python scripts/regen_url_fixtures.py [--check]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests/fixtures/url_cases.json"

# ------------------------------------------------------------------------- the oracle

RUBY = r'''
require "json"
require "jekyll"
Jekyll.logger.log_level = :error
cases = JSON.parse($stdin.read)
out = { "ruby" => RUBY_VERSION, "jekyll" => Jekyll::VERSION,
        "unicode_version" => RbConfig::CONFIG["UNICODE_VERSION"] }

def attempt
  yield
rescue StandardError => e
  { "error" => e.class.name }
end

# every code point: what slugify keeps, what downcase does
slug_re = /[\p{M}\p{L}\p{Nd}]/
ranges = []
down = []
(0..0x10FFFF).each do |cp|
  next if cp.between?(0xD800, 0xDFFF)
  c = cp.chr(Encoding::UTF_8)
  if slug_re.match?(c)
    if ranges.last && ranges.last[1] == cp - 1 then ranges.last[1] = cp else ranges << [cp, cp] end
  end
  d = c.downcase
  down << [cp, d] if d != c
end
out["slug_char_ranges"] = ranges
out["downcase"] = down

out["slugify"] = cases["slugify"].map do |text, mode, cased|
  [text, mode, cased, Jekyll::Utils.slugify(text, :mode => mode, :cased => cased)]
end
out["escape_path"] = cases["escape_path"].map do |text|
  [text, attempt { Jekyll::URL.escape_path(text) }]
end
out["unescape_path"] = cases["unescape_path"].map do |text|
  [text, Jekyll::URL.unescape_path(text).unpack1("H*")]
end
out["sanitize_url"] = cases["sanitize_url"].map do |text|
  [text, Jekyll::URL.new(:template => "", :permalink => "x").sanitize_url(text)]
end
out["hash_urls"] = cases["hash_urls"].map do |template, pairs, permalink|
  placeholders = pairs.each_with_object({}) { |(k, v), h| h[k.to_sym] = v }
  [template, pairs, permalink, attempt {
    Jekyll::URL.new(:template => template, :placeholders => placeholders,
                    :permalink => permalink).to_s }]
end
out["extname"] = cases["extname"].map do |path|
  [path, File.extname(path), File.basename(path, ".*")]
end
out["add_permalink_suffix"] = cases["add_permalink_suffix"].map do |template, style|
  [template, style, Jekyll::Utils.add_permalink_suffix(template, style.to_sym)]
end

# every [a-z_]+ name a UrlDrop answers to: a real placeholder, an empty one, or a failure
UrlDoc = Struct.new(:output_ext, :cleaned_relative_path, :collection, :basename_without_ext,
                    :data, :date)
drop = Jekyll::Drops::UrlDrop.new(UrlDoc.new(".html", "/x", Struct.new(:label).new("c"), "x",
                                             { "slug" => "x", "categories" => ["c"] },
                                             Time.at(0)))
names = (drop.public_methods + drop.private_methods).map(&:to_s).grep(/\A[a-z_]+\z/)
out["drop_names"] = names.sort.uniq.select { |n| drop.key?(n) }.map do |n|
  [n, attempt { Jekyll::URL.new(:template => "/:#{n}/", :placeholders => drop).to_s }]
end

# the sites: inputs, URL and destination of every page and document
out["sites"] = cases["sites"].map do |source|
  config = Jekyll.configuration("source" => source, "destination" => File.join(source, "_site"),
                                "quiet" => true)
  site = Jekyll::Site.new(config)
  site.read
  dest = site.dest
  rel = ->(path) { path.sub(dest + "/", "") }
  entries = []
  site.pages.each do |page|
    entries << {
      "kind" => "page", "dir" => page.instance_variable_get(:@dir), "name" => page.name,
      "basename" => page.basename, "output_ext" => page.output_ext,
      "permalink" => page.permalink, "template" => page.template,
      "url" => attempt { page.url }, "destination" => attempt { rel.(page.destination(dest)) },
    }
  end
  site.documents.each do |doc|
    entries << {
      "kind" => "document", "collection" => doc.collection.label,
      "relative_directory" => doc.collection.relative_directory,
      "relative_path" => doc.relative_path, "date" => doc.date.iso8601,
      "categories" => Array(doc.data["categories"]).map(&:to_s),
      "front_matter_slug" => doc.data["front_matter_slug"],
      "slug" => doc.data["slug"], "output_ext" => doc.output_ext,
      "permalink" => doc.permalink, "url_template" => doc.url_template,
      "url" => attempt { doc.url }, "destination" => attempt { rel.(doc.destination(dest)) },
    }
  end
  { "permalink" => site.config["permalink"], "collections" => site.config["collections"],
    "entries" => entries }
end
puts JSON.generate(out)
'''

# ---------------------------------------------------------------------------- cases

SLUG_TEXTS = [
    "", " ", "-", "--", "---", "a", "A", "Hello World", "  Hello   World  ", "hello-world",
    "-leading", "trailing-", "--both--", "__under__scores__", "The Quick_Brown fox!",
    "Jekyll 4.3 is out!!!", "What's up, doc?", "C++ & C#", "50% off (today)", "a.b.c",
    "file.name.md", "...dots...", "~tilde~", "x=y;z@w", "a/b/c", "a\\b", "tab\there",
    "new\nline", "cr\r\nlf", "\n-x-\n", "vert\vtab\fform", "nbsp\u00a0space", "em\u2003space",
    "ideo\u3000space", "zero\u200bwidth", "Ærøskøbing", "Ñandú", "ÅΣΑΣ", "ΣΊΣΥΦΟΣ",
    "İstanbul", "ışık", "Straße", "ǅungla", "ﬁle", "café", "cafe\u0301", "naïve résumé",
    "Łódź", "Dvořák", "Œuvre", "Ĳssel", "ŉ", "Þórr", "Привет, мир!", "日本語のタイトル",
    "中文 标题", "한국어 제목", "עברית", "العربية", "हिन्दी", "हि\u093fन्दी", "ไทย",
    "١٢٣ arabic digits", "①②③ circled", "½ half", "x²", "Ⅻ roman", "😀 emoji 🎉",
    "👩\u200d💻 zwj", "🇫🇷 flag", "e\u0301\u0302 stacked", "\u0301leading mark",
    "a\u0488b", "Ⱟ new", "ꟁ new", "\U00010570 vithkuqi", "MiXeD CaSe", "ABC-def",
    "'quoted'", '"double"', "<tag>", "[brackets]", "{braces}", "(parens)", "a|b", "a^b",
    "a`b", "$money$", "+plus+", ",comma,", "!bang!", "@at@", "&amp;", "-_-", "._.",
    "!!!", "???", "…ellipsis…", "—dash—", "“smart”", "‘single’", "« guillemets »",
    "2023-01-02-title", "UPPER CASE TITLE", "ÀÉÎÕÜ", "àéîõü", "×÷", "ÿŸ", "ß", "ẞ",
    "   ", "\t", "a\x00b", "a\x7fb", "🏳️\u200d🌈 pride", "Ǆ ǅ ǆ", "ﬃ ligature", "Ⓐ circled",
    "ℌ ℕ", "㈱ kabu", "\u0308 lone", "a_b-c.d~e!f$g&h'i(j)k+l,m;n=o@p", "\u2028line sep",
    "\u0085next line", "-.-.-", ".-.", " - ", "- -", "-\n-", "a--b", "a - b", "ΌΣΟΣ",
    "ǰ", "ŉ", "K kelvin", "Å angstrom", "Ω ohm", "ﾊﾝｶｸ", "ＦＵＬＬ", "x\u0301\u0301",
    "1/2/3", "#hashtag", "@mention", "50°C", "€100", "a\u00adb soft", "Ⅷ", "𝔘𝔫𝔦",
]
SLUG_MODES: list[str | None] = [None, "none", "raw", "default", "pretty", "ascii", "latin",
                                "bogus"]

ESCAPE_TEXTS = [
    "", "plain", "/a/b/c.html", "a b", "/a b/c d", "100%", "%20", "%2F", "a%zz", "a#b",
    "a#b#c", "#", "##", "a?b", "a?b?c", "?", "a?b#c", "a#b?c", "a+b", "a&b=c", "a;b",
    "a,b", "a!b", "a$b", "a'b", "a(b)", "a*b", "a:b", "a@b", "a~b", "a_b", "a[b]", "a{b}",
    "a|b", "a\\b", "a^b", "a`b", 'a"b', "a<b>", "é", "café/naïve", "日本語", "😀",
    "tab\tx", "new\nline", "abc\n%%", "x y\nabc", "Ⅻ", "\u00a0", "~user", "./a", "../a",
    "a/../b", "//double", "///triple", "/", "http:", "http://host/path", "mailto:x",
    "a:b:c", ":colon", "1:x", "é:x", "a b:c", "x//y:z", "//host:80/p", "//host:x/p",
    "//u:p@host/p", "//[::1]/p", "//h%41st/p", "/a b?c d#e f", "?q r", "#f g",
    "/x#y z#w", "C:\\path", "tag/ruby on rails", "2023/01/02", "a.b.c", "a-b", "-",
    ".", "..", "...", "a%2Eb", "%E2%82%AC", "€", "¥ yen", "©", "\u200b", "e\u0301",
    "HTTP:", "svn+ssh:", "a:", "x:?q", "x:#f", "//", "////a", "http:/x", "//h:080/p",
    "//h:0/p", "//h:/p", "//[a@b]/p", "//a@b@c/p", "//u@/p", "//@h", "//h:8%30/p",
    "//u:p:q@h/p", "// h/p", "//h h/p", "//h\u3000h/p", "//h\x1ch/p", "//[zz]/p",
    "//[a b]/p", "a#b\nc d", "/p#x\ny z", "/x\nb:c", "a \n", "\n", "\n a", "ab c\n",
    "x\ny:z w", "\u2028", "a\x00b", "a\x7fb", "ftp://", "ftp:x y", "x+y:z", "x.y:z",
    "-x:y", "/:x y", "é/:x", "a/b:c d",
]
UNESCAPE_TEXTS = [
    "", "plain", "/a%20b", "%2F", "%2f", "a%2Fb%2fc", "%25", "%2541", "%", "%%", "%z1",
    "%4", "%41%42", "caf%C3%A9", "%E6%97%A5%E6%9C%AC", "%F0%9F%98%80", "%FF", "%C3",
    "%C3%28", "café%20x", "%2E%2E/%2E%2E/etc", "a+b", "%2B", "%23%3F", "%00",
    "/tags/c%23/", "%e2%82%ac",
]
SANITIZE_TEXTS = [
    "", "/", "//", "a", "/a/b", "a//b", "///a///b///", "..", "../a", "a/../b", "...",
    "....", "./a", "a/./b", "a/.", ".a", "a./", "x.y/", "a/.../b", "%2E%2E", ".//.",
    "/./.././", "a..b", "/foo.html", "/2020/01/02/title.html", "./../..//./",
]
PAGE_PLACEHOLDER_SETS: list[list[tuple[str, str | None]]] = [
    [("path", ""), ("basename", "about"), ("output_ext", ".html")],
    [("path", "/sub/dir"), ("basename", "index"), ("output_ext", ".html")],
    [("path", "/with space"), ("basename", "my page"), ("output_ext", ".html")],
    [("path", "/ünï"), ("basename", "日本"), ("output_ext", ".json")],
    [("path", "/a#b"), ("basename", "c?d"), ("output_ext", ".xml")],
    [("path", None), ("basename", "x"), ("output_ext", ".html")],
    [("path", ""), ("basename", None), ("output_ext", None)],
    [("path", "/.."), ("basename", ".."), ("output_ext", ".html")],
    [("path", "/p"), ("basename", "100%"), ("output_ext", ".html")],
    [("basename", "b"), ("path", "/p"), ("output_ext", ".html")],
    [("path", "/p"), ("pathx", "LONG"), ("basename", "b")],
    [("pathx", "LONG"), ("path", "/p"), ("basename", "b")],
    [("title", "A Title"), ("categories", "x/y"), ("year", "2020")],
    [("path", "ok\n\\0|\\&|\\\\|\\`|\\'|\\1|\\z|\\k"), ("basename", "b"),
     ("output_ext", ".html")],
    [("path", "ok\n\\k<a>"), ("basename", "b"), ("output_ext", ".html")],
    [("path", "/p"), ("basename", "a:b"), ("output_ext", ".html")],
    [("path", "/p"), ("basename", ":b"), ("output_ext", ".html")],
    [("path", "/p"), ("basename", "b"), ("output_ext", ":output_ext")],
]
HASH_TEMPLATES = [
    "/:path/:basename:output_ext", "/:path/:basename/", "/:path/", "/:path/:basename",
    ":path/:basename", "/:basename.html", "/:pathx/", "/:path_:basename", "/:path:basename",
    "/:title/", "/:categories/:title:output_ext", "/static/", "", "no-colon",
    "/:path/:basename:output_ext/:path", "/x:path", ":output_ext", "/:YEAR/:basename",
    "/../:basename/..", "/:basename/./:path",
]
PERMALINKS: list[str | None] = [None, "", "/fixed/", "/fixed.html", "/:basename/",
                                 "/a b/c", "/literal:colon/"]

EXTNAME_PATHS = [
    "a.md", "a", "a.", "a..", ".bashrc", "..bashrc", ".a.b", "a.b.c", "dir/a.md",
    "dir.x/a", "dir/.hidden", "a.md/", "_posts/2020-01-02-x.y.md", "a.b.", "...", ".",
    "a. b", "é.md", "a/b.c/d",
]
SUFFIX_STYLES = ["date", "pretty", "ordinal", "weekdate", "none", "/:title/",
                 "/:title:output_ext", "/:title.html", "/:title", "Pretty", "/:title/:output_ext"]


# Seeded random strings: runs of ASCII punctuation, white space, letters, marks, digits
# from many scripts, emoji and Unicode-14-only letters, to find what hand-picked cases miss.
_ALPHABET = (" \t\n-_.~!$&'()*+,;=@:/?#%[]{}<>|\\^`\"" "aZ09" "éÅßŒıİΣσς" "жЖ"
             "日本" "\u0301\u0308\u093f" "١٢" "½²Ⅻ" "\u00a0\u2003\u200b\u2028" "😀🎉\u200d"
             "\u2c2f\ua7c0\U00010570")


def random_texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_ALPHABET) for _ in range(rng.randint(1, 12)))
            for _ in range(count)]


# ---------------------------------------------------------------------------- sites

def _write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _fm(**data: Any) -> str:
    lines = ["---"]
    for key, value in data.items():
        lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    return "\n".join(lines) + "\n---\nbody\n"


SITE_PERMALINKS = ["date", "pretty", "ordinal", "weekdate", "none", "/:categories/:title/",
                   "/blog/:year/:month/:title:output_ext", "/:title.html"]


def _make_site(root: Path, permalink: str) -> None:
    _write(root, "_config.yml", json.dumps({
        "permalink": permalink, "timezone": "America/New_York",
        "time": "2022-02-03 04:05:06 -0500",
        "collections": {
            "docs": {"output": True},
            "recipes": {"output": True, "permalink": "/cook/:name/:title:output_ext"},
            "notes": {"output": True, "permalink": "/n/:path/"},
            "stubs": {"output": True, "permalink": "pretty"},
        },
        "defaults": [],
    }))
    # pages
    _write(root, "index.md", _fm(title="Home"))
    _write(root, "about.md", _fm(title="About"))
    _write(root, "plain.html", _fm())
    _write(root, "sub/index.md", _fm())
    _write(root, "sub/deeper/page.md", _fm())
    _write(root, "with space.md", _fm())
    _write(root, "ünïcödé.md", _fm())
    _write(root, "dots...md", _fm())
    _write(root, "data.json", _fm())
    _write(root, "feed.xml", _fm())
    _write(root, "sub/feed.xml", _fm(permalink="/feeds/main/"))
    _write(root, "api.json", _fm(permalink="/api/v1"))
    _write(root, "api2.json", _fm(permalink="/api/v2.json"))
    _write(root, "p-noext.md", _fm(permalink="/foo"))
    _write(root, "p-slash.md", _fm(permalink="/foo-dir/"))
    _write(root, "p-json.md", _fm(permalink="/thing.json"))
    _write(root, "p-html.md", _fm(permalink="/thing.html"))
    _write(root, "p-htm.md", _fm(permalink="/thing.htm"))
    _write(root, "p-space.md", _fm(permalink="/with space/page"))
    _write(root, "p-escaped.md", _fm(permalink="/pct%20space/"))
    _write(root, "p-unicode.md", _fm(permalink="/ünï/日本/"))
    _write(root, "p-placeholders.md", _fm(permalink="/pp/:path/:basename:output_ext"))
    _write(root, "p-unknown.md", _fm(permalink="/pp/:title/"))
    _write(root, "p-dotdot.md", _fm(permalink="/../../escape/"))
    _write(root, "p-pctdotdot.md", _fm(permalink="/%2E%2E/%2E%2E/pctescape/"))
    _write(root, "p-slash2f.md", _fm(permalink="/a%2Fb"))
    _write(root, "p-hash.md", _fm(permalink="/c#/sharp/"))
    _write(root, "p-query.md", _fm(permalink="/q?x=1"))
    _write(root, "p-empty.xml", _fm(permalink="/empty-xml/"))
    # posts
    _write(root, "_posts/2021-03-04-first-post.md", _fm(categories=["Rails", "Ruby Lang"]))
    _write(root, "_posts/2021-01-01-new-year.md", _fm(category="Ünïcode"))
    _write(root, "_posts/2020-12-31-last Day of 2020.md", _fm())
    _write(root, "_posts/2021-05-06-slugged.md", _fm(slug="Custom Slug!"))
    _write(root, "_posts/2021-05-07-titled.md", _fm(title="Front Matter Title"))
    _write(root, "_posts/2021-07-08-dotted...md", _fm())
    _write(root, "_posts/2021-09-10-café-crème.md", _fm())
    _write(root, "_posts/2021-02-03-日本語.md", _fm())
    _write(root, "_posts/2021-04-05-timed.md", _fm(date="2021-04-05 23:30:00 +0000"))
    _write(root, "_posts/2021-06-07-json-post.json", _fm())
    _write(root, "_posts/2021-06-08-perma.md", _fm(permalink="/posts/:year/:i_month/:slug"))
    _write(root, "_posts/2021-06-09-perma2.md", _fm(permalink="/:categories/:title.html",
                                                     categories=["A b", "a B", "x"]))
    _write(root, "_posts/2021-06-10-week.md",
           _fm(permalink="/:w_year/:week/:w_day/:short_day/:long_day/:short_month/"
                         ":long_month/:y_day/:short_year/:hour:minute:second/"))
    _write(root, "_posts/2021-06-11-underscore.md", _fm(permalink="/:year_:month_:day/:title_/"))
    _write(root, "_posts/2021-06-12-slugcats.md",
           _fm(permalink="/:slugified_categories/:name/", categories=["Ruby on Rails", "C#"]))
    _write(root, "_posts/2021-06-13-collection.md", _fm(permalink="/:collection/:path/"))
    _write(root, "tech/_posts/2021-06-14-in-subdir.md", _fm())
    _write(root, "_posts/sub/2021-06-15-nested.md", _fm())
    _write(root, "_posts/2021-06-16-trail-noext.md", _fm(permalink="/trail/noext"))
    _write(root, "_posts/2021-06-17-trail-json.md", _fm(permalink="/trail/x.json"))
    _write(root, "_posts/2021-06-18-json-slash.json", _fm(permalink="/trail/json-dir/"))
    _write(root, "_posts/2008-12-29-iso-week-edge.md", _fm())
    _write(root, "_posts/2010-01-03-iso-week-edge2.md", _fm())
    # collections
    _write(root, "_docs/intro.md", _fm())
    _write(root, "_docs/sub dir/Deep Page.md", _fm())
    _write(root, "_docs/2019-08-07-dated-doc.md", _fm())
    _write(root, "_docs/data.json", _fm())
    _write(root, "_docs/ünï.md", _fm(slug="ÜNÏ slug"))
    _write(root, "_docs/perma.md", _fm(permalink="/docs-perma/:name/"))
    _write(root, "_docs/perma-noext.md", _fm(permalink="/docs-perma/noext"))
    _write(root, "_docs/perma-xml.xml", _fm(permalink="/docs-perma/feed/"))
    _write(root, "_recipes/Pasta Carbonara.md", _fm())
    _write(root, "_recipes/crème brûlée.md", _fm(slug="creme-brulee"))
    _write(root, "_notes/a/b/c.md", _fm())
    _write(root, "_notes/x.y.md", _fm())
    _write(root, "_stubs/one.md", _fm())


def _make_error_site(root: Path) -> None:
    """Permalinks Jekyll's build stops on (so this site is only read, never built),
    next to names it accepts oddly, under ``collections_dir``."""
    _write(root, "_config.yml", json.dumps({
        "permalink": "pretty", "timezone": "Asia/Kolkata", "time": "2022-02-03 04:05:06 +0100",
        "collections_dir": "coll", "collections": {"docs": {"output": True}},
    }))
    permalinks = ["/:basename/", "/:count/", "/:hash/", "/:i_/", "/:title_x/", "/:select_/",
                  "/:Title/", "/:year2/", "/:keys/", "/:to_s/", "/:path:output_ext",
                  "/:categories/:name", "/é:title/", "/1:title/"]
    for i, permalink in enumerate(permalinks):
        _write(root, f"coll/_docs/d{i}.md", _fm(permalink=permalink, categories=[2020, "X Y"]))
    _write(root, "coll/_docs/_docs/twice.md", _fm())
    _write(root, "coll/_posts/2021-01-02-in-coll-dir.md", _fm(categories=[1.5, True]))
    _write(root, "coll/_posts/2021-01-03-colon:title.md", _fm())
    _write(root, "coll/_posts/2021-01-04-num-slug.md", _fm(slug="  Spaced  Out  "))


def _built_files(root: Path) -> list[str]:
    dest = root / "_site"
    subprocess.run(["jekyll", "build", "--quiet", "-s", str(root), "-d", str(dest)],
                   check=True, capture_output=True)
    return sorted(str(p.relative_to(dest)) for p in dest.rglob("*") if p.is_file())


# ---------------------------------------------------------------------------- main

def cases(site_roots: list[str]) -> dict[str, Any]:
    slug_texts = SLUG_TEXTS + random_texts(300, 1)
    slug_cases = [[t, m, c] for t in slug_texts for m in SLUG_MODES for c in (False, True)]
    hash_urls = []
    for template in HASH_TEMPLATES:
        for pairs in PAGE_PLACEHOLDER_SETS:
            hash_urls.append([template, [list(p) for p in pairs], None])
    for permalink in PERMALINKS:
        for pairs in PAGE_PLACEHOLDER_SETS[:6]:
            hash_urls.append(["/:path/:basename:output_ext", [list(p) for p in pairs],
                              permalink])
    return {
        "slugify": slug_cases,
        "escape_path": ESCAPE_TEXTS + SLUG_TEXTS + random_texts(400, 2),
        "unescape_path": UNESCAPE_TEXTS + [t.replace("!", "%") for t in random_texts(100, 3)],
        "sanitize_url": SANITIZE_TEXTS + [t.replace("a", ".") for t in random_texts(100, 4)],
        "hash_urls": hash_urls,
        "extname": EXTNAME_PATHS,
        "add_permalink_suffix": [[t, s] for t in ("/:path/:basename", "/:collection/:path")
                                 for s in SUFFIX_STYLES],
        "sites": site_roots,
    }


def generate() -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="jekyllpy-url-") as tmp:
        roots = []
        for i, permalink in enumerate(SITE_PERMALINKS):
            root = Path(tmp) / f"site{i}"
            _make_site(root, permalink)
            roots.append(str(root))
        errors = Path(tmp) / "errors"
        _make_error_site(errors)
        roots.append(str(errors))
        proc = subprocess.run(["ruby", "-rjekyll", "-e", RUBY],
                              input=json.dumps(cases(roots)), capture_output=True,
                              text=True, check=False)
        if proc.returncode:
            sys.exit(proc.stderr)
        data: dict[str, Any] = json.loads(proc.stdout)
        for site_root, site in zip(roots, data["sites"]):
            built = site_root != str(errors)
            site["written"] = _built_files(Path(site_root)) if built else None
            shutil.rmtree(Path(site_root) / "_site", ignore_errors=True)
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="fail if the committed fixture differs from a fresh run")
    args = parser.parse_args()
    data = generate()
    text = json.dumps(data, ensure_ascii=False, indent=None, separators=(",", ":"))
    text = text.replace('],["', '],\n["').replace('},{"', '},\n{"') + "\n"
    if args.check:
        if OUT.read_text(encoding="utf-8") != text:
            sys.exit(f"{OUT} is out of date: run scripts/regen_url_fixtures.py")
        print("url fixture up to date")
        return
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

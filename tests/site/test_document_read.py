"""Reading documents: the excerpt is cut from the text as read (when first asked for), with
the link definitions its head uses; file-name dates and relative paths."""

from __future__ import annotations

from pathlib import Path

from jekyllpy.site.document import Excerpt
from jekyllpy.site.site import Site, load_config


def _site(tmp_path: Path, posts: dict[str, str]) -> Site:
    (tmp_path / "_config.yml").write_text("title: t\ntimezone: UTC\n")
    (tmp_path / "_posts" / "sub").mkdir(parents=True)
    for name, text in posts.items():
        (tmp_path / "_posts" / name).write_text(text)
    config = load_config(tmp_path)
    config["destination"] = str(tmp_path / "_site")
    site = Site(config)
    site.reset()
    site.read()
    return site


def test_excerpt_from_the_text_as_read(tmp_path: Path) -> None:
    site = _site(tmp_path, {
        "2020-01-02-a.md": "---\n---\nSee [it][x] and [y]{:.c}.\n\nMore.\n\n[x]: /x\n[z]: /z\n"
                           "[y]: /y\n",
        "2020-01-03-b.md": "---\n---\nNo links here.\n\nMore [x].\n\n[x]: /x\n",
        "2020-01-04-c.md": "---\nexcerpt_separator: <!--more-->\n---\nOne.\n\nTwo.\n<!--more-->\n",
    })
    excerpts = {d.basename: d.data["excerpt"] for d in site.posts.docs}
    assert all(isinstance(e, Excerpt) for e in excerpts.values())
    doc = excerpts["2020-01-02-a.md"].doc
    doc.content = "changed after reading"  # as rendering does
    assert excerpts["2020-01-02-a.md"].content == \
        "See [it][x] and [y]{:.c}.\n\n[x]: /x\n[y]: /y"
    assert excerpts["2020-01-03-b.md"].content == "No links here."
    assert excerpts["2020-01-04-c.md"].content == "One.\n\nTwo.\n"


def test_dates_and_paths_from_the_file_name(tmp_path: Path) -> None:
    site = _site(tmp_path, {"2020-01-02-a.md": "---\n---\nA\n",
                            "sub/2020-01-03-b.md": "---\ndate: 2020-01-05\n---\nB\n",
                            "2020-01-04-c.md": "---\ndate: 2020-01-01 10:00:00 +0100\n---\nC\n"})
    docs = {d.relative_path: d for d in site.posts.docs}
    assert list(docs) == ["_posts/2020-01-04-c.md", "_posts/2020-01-02-a.md",
                          "_posts/sub/2020-01-03-b.md"]
    assert [str(d.data["date"]) for d in docs.values()] == [
        "2020-01-01 09:00:00+00:00", "2020-01-02 00:00:00+00:00", "2020-01-05 00:00:00+00:00"]
    assert docs["_posts/sub/2020-01-03-b.md"].url == "/2020/01/05/b.html"


def test_remembered_times_equal_parsed_ones() -> None:
    """Times kept for texts that cannot depend on today are those parse_time gives."""
    import datetime as dt

    from jekyllpy.rendering import ruby
    from jekyllpy.site import document

    tz = dt.timezone(dt.timedelta(hours=2))
    for text in ("2020-01-02", "2020-01-02 09:08:07 +0000", "2020-01-02T09:08:07Z",
                 "2020-1-2", "Jan 2, 2020", "2020-01-02 9:08 pm EST"):
        assert document._parse_time(text, tz) == ruby.parse_time(text, tz)
        assert (text, tz) in document._DATES
    for text in ("09:08", "2020-01-02:09:08"):  # a time of day alone takes today's date
        assert (text, tz) not in document._DATES
        document._parse_time(text, tz)
        assert (text, tz) not in document._DATES


def test_link_definitions_are_found_as_jekylls_pattern_finds_them() -> None:
    """The excerpt's link definitions are searched for with a pattern that starts at a
    newline (fast); it must find what Jekyll's line-anchored pattern finds."""
    import random
    import re

    from jekyllpy.site.document import _LINK_REF
    anchored = re.compile(r"^ {0,3}(?:(\[[^\]]+\])(:.+))$", re.M)
    rng = random.Random(3)
    pieces = ["[", "]", ":", " ", "  ", "\n", "a", "b c", "]:", "\r", "\t", "[x]: /u"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 24)))
        assert _LINK_REF.findall("\n" + text) == anchored.findall(text), repr(text)

"""jekyllpy.site.url against Jekyll 4.3.1's own answers (tests/fixtures/url_cases.json,
written by scripts/regen_url_fixtures.py; no Ruby needed here)."""

from __future__ import annotations

import json
import os
import unicodedata
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from jekyllpy.site import url as U

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures/url_cases.json"
CASES: dict[str, Any] = json.loads(FIXTURE.read_text(encoding="utf-8"))


def _report(mismatches: list[Any]) -> str:
    return f"{len(mismatches)} differ, first ones:\n" + "\n".join(map(repr, mismatches[:25]))


def test_fixture_comes_from_jekyll_4_3() -> None:
    assert CASES["jekyll"] == "4.3.1"


def test_slug_characters_every_code_point() -> None:
    """Ruby's [\\p{M}\\p{L}\\p{Nd}] (Unicode 13) and our predicate agree everywhere."""
    ruby: set[int] = set()
    for lo, hi in CASES["slug_char_ranges"]:
        ruby.update(range(lo, hi + 1))
    wrong = [hex(cp) for cp in range(0x110000)
             if not 0xD800 <= cp <= 0xDFFF and U._is_slug_char(chr(cp)) != (cp in ruby)]
    assert not wrong, _report(wrong)


def test_downcase_every_code_point() -> None:
    ruby = {cp: low for cp, low in CASES["downcase"]}
    wrong = []
    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        ch = chr(cp)
        if U.ruby_downcase(ch) != ruby.get(cp, ch):
            wrong.append((hex(cp), U.ruby_downcase(ch), ruby.get(cp, ch)))
    assert not wrong, _report(wrong)


def test_downcase_has_no_final_sigma() -> None:
    assert U.ruby_downcase("ΑΣ ΣΑΣ") == "ασ σασ"


def test_slugify() -> None:
    wrong = [(text, mode, cased, U.slugify(text, mode, cased), expected)
             for text, mode, cased, expected in CASES["slugify"]
             if U.slugify(text, mode, cased) != expected]
    assert not wrong, _report(wrong)
    assert len(CASES["slugify"]) >= 1000


def test_slugify_none_and_modes() -> None:
    assert U.slugify(None) is None
    assert U.slugify("A B", None) == "a-b"
    assert U.slugify("A  B", "none") == "a  b"
    assert U.slugify("--a--", "raw") == "-a-"


def _escape(text: str) -> Any:
    try:
        return U.escape_path(text)
    except U.InvalidURIError:
        return {"error": "Addressable::URI::InvalidURIError"}


def test_escape_path() -> None:
    wrong = [(text, _escape(text), expected) for text, expected in CASES["escape_path"]
             if _escape(text) != expected]
    assert not wrong, _report(wrong)


def test_unescape_path() -> None:
    wrong = []
    for text, expected_hex in CASES["unescape_path"]:
        got = U.unescape_path(text).encode("utf-8", "surrogateescape").hex()
        if got != expected_hex:
            wrong.append((text, got, expected_hex))
    assert not wrong, _report(wrong)


def test_sanitize_url() -> None:
    wrong = [(text, U.sanitize_url(text), expected) for text, expected in CASES["sanitize_url"]
             if U.sanitize_url(text) != expected]
    assert not wrong, _report(wrong)


def _page_url(template: str, pairs: list[list[Any]], permalink: str | None) -> Any:
    try:
        return U.url(template, {k: v for k, v in pairs}, permalink)
    except U.InvalidURIError:
        return {"error": "Addressable::URI::InvalidURIError"}
    except ValueError:
        return {"error": "IndexError"}


def test_page_style_urls() -> None:
    wrong = [(t, pairs, p, _page_url(t, pairs, p), expected)
             for t, pairs, p, expected in CASES["hash_urls"]
             if _page_url(t, pairs, p) != expected]
    assert not wrong, _report(wrong)


def test_extname_and_basename() -> None:
    wrong = [(path, U.ruby_extname(path), U.ruby_basename_without_ext(path), ext, base)
             for path, ext, base in CASES["extname"]
             if (U.ruby_extname(path), U.ruby_basename_without_ext(path)) != (ext, base)]
    assert not wrong, _report(wrong)


def test_add_permalink_suffix() -> None:
    wrong = [(t, s, U.add_permalink_suffix(t, s), expected)
             for t, s, expected in CASES["add_permalink_suffix"]
             if U.add_permalink_suffix(t, s) != expected]
    assert not wrong, _report(wrong)


# ------------------------------------------------------------------------------ sites

SITES = CASES["sites"]
FRONT_MATTER_SLUGS = {"_posts/2021-05-06-slugged.md", "_docs/ünï.md",
                      "_recipes/crème brûlée.md", "_posts/2021-01-04-num-slug.md"}
DEST = Path("/nonexistent-jekyllpy-dest/_site")


def _converter_ext(name: str) -> str:
    ext = U.ruby_extname(name)
    return ".html" if ext in (".md", ".html") else ext


def _check_page(site: dict[str, Any], e: dict[str, Any]) -> list[Any]:
    wrong: list[Any] = []
    if U.output_ext(e["permalink"], _converter_ext(e["name"])) != e["output_ext"]:
        wrong.append(("output_ext", e["name"], e["output_ext"]))
    template = U.page_url_template(e["basename"], e["output_ext"], site["permalink"])
    if template != e["template"]:
        wrong.append(("template", e["name"], template, e["template"]))
    got = U.url(template, U.page_placeholders(e["dir"], e["basename"], e["output_ext"]),
                e["permalink"])
    if got != e["url"]:
        wrong.append(("url", e["name"], got, e["url"]))
    dest = U.destination_path(DEST, e["url"], e["output_ext"], "page").relative_to(DEST)
    if str(dest) != e["destination"]:
        wrong.append(("destination", e["name"], str(dest), e["destination"]))
    return wrong


def _check_document(site: dict[str, Any], e: dict[str, Any]) -> list[Any]:
    wrong: list[Any] = []
    path = e["relative_path"]
    meta = site["collections"][e["collection"]]
    template = U.collection_url_template(meta.get("permalink"), site["permalink"],
                                         label=e["collection"])
    if template != e["url_template"]:
        wrong.append(("template", path, template, e["url_template"]))
    if path not in FRONT_MATTER_SLUGS and U.document_slug(path)[1] != e["slug"]:
        wrong.append(("slug", path, U.document_slug(path), e["slug"]))
    if U.output_ext(e["permalink"], _converter_ext(path)) != e["output_ext"]:
        wrong.append(("output_ext", path, e["output_ext"]))
    placeholders = U.document_placeholders(
        collection=e["collection"], relative_path=path,
        date=datetime.fromisoformat(e["date"]), output_ext=e["output_ext"],
        categories=e["categories"], slug=e["slug"],
        relative_directory=e["relative_directory"])
    try:
        got: Any = U.url(template, placeholders, e["permalink"])
    except U.UrlTemplateError:
        got = "error"
    if got != e["url"] and not (got == "error" and isinstance(e["url"], dict)):
        wrong.append(("url", path, got, e["url"]))
    if isinstance(e["url"], str):
        dest = U.destination_path(DEST, e["url"], e["output_ext"], "document")
        if str(dest.relative_to(DEST)) != e["destination"]:
            wrong.append(("destination", path, str(dest.relative_to(DEST)), e["destination"]))
    return wrong


@pytest.mark.parametrize("site", SITES, ids=[s["permalink"] for s in SITES])
def test_site_urls_and_destinations(site: dict[str, Any]) -> None:
    wrong: list[Any] = []
    for entry in site["entries"]:
        check = _check_page if entry["kind"] == "page" else _check_document
        wrong.extend(check(site, entry))
    assert not wrong, _report(wrong)


@pytest.mark.parametrize("site", SITES, ids=[s["permalink"] for s in SITES])
def test_site_written_files(site: dict[str, Any]) -> None:
    """What `jekyll build` really wrote is exactly the set of our destinations."""
    if site["written"] is None:
        pytest.skip("a site Jekyll cannot build (permalinks it stops on)")
    ours = sorted(e["destination"] for e in site["entries"])
    assert ours == site["written"]


def test_drop_names_ruby_answers() -> None:
    """Every name a Ruby UrlDrop responds to: a value, empty, or a failure, as ours."""
    drop = U.document_placeholders(collection="c", relative_path="_c/x.md",
                                   date=datetime(1970, 1, 1, tzinfo=timezone.utc),
                                   output_ext=".html", categories=["c"])
    wrong = []
    for name, expected in CASES["drop_names"]:
        try:
            got: Any = U.url("/:" + name + "/", drop)
        except U.UrlTemplateError:
            got = "error"
        if isinstance(expected, dict) and got == "error":
            continue
        if name not in drop and got != expected:
            wrong.append((name, got, expected))
    assert not wrong, _report(wrong)
    assert {n for n, e in CASES["drop_names"] if isinstance(e, str) and e not in ("/", "//")} \
        <= set(drop)


def test_posts_template_from_site_permalink() -> None:
    for site in SITES:
        expected = site["collections"]["posts"]["permalink"]
        assert U.posts_url_template(site["permalink"]) == expected


def test_site_fixture_size() -> None:
    assert sum(len(s["entries"]) for s in SITES) >= 400


# ------------------------------------------------------------------- behaviour of our own

def test_document_placeholders_dates() -> None:
    tz = timezone(timedelta(hours=-5))
    drop = U.document_placeholders(collection="posts", relative_path="_posts/2010-01-03-x.md",
                                   date=datetime(2010, 1, 3, 7, 8, 9, tzinfo=tz),
                                   output_ext=".html", categories=["B", "b", "Ç"])
    assert (drop["w_year"], drop["week"], drop["w_day"], drop["short_day"]) == \
        ("2009", "53", "7", "Sun")
    assert (drop["y_day"], drop["i_month"], drop["short_year"], drop["hour"]) == \
        ("003", "1", "10", "07")
    assert drop["categories"] == "b/ç"
    assert drop["path"] == "/2010-01-03-x"
    assert drop["title"] == "x" and drop["name"] == "2010-01-03-x"


def test_unknown_document_placeholder_stops() -> None:
    drop = U.UrlDrop({"title": "t"})
    with pytest.raises(U.UrlTemplateError, match="basename"):
        U.generate_url("/:basename/", drop)
    assert U.generate_url("/:title_/:Title", drop) == "/t_/:Title"


def test_page_placeholders_keep_unknown_keys() -> None:
    assert U.url("/:path/:title/", U.page_placeholders("/a", "b", ".html")) == "/a/:title/"


def test_destination_never_leaves_root(tmp_path: Path) -> None:
    root = tmp_path / "_site"
    root.mkdir()
    for bad in ("/../../x", "/%2E%2E/%2E%2E/x", "/..%2F..%2Fx", "/~/x"):
        path = U.destination_path(root, bad, ".html")
        assert root in path.parents, bad


def test_destination_refuses_symlink_escape(tmp_path: Path) -> None:
    root = tmp_path / "_site"
    root.mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    os.symlink(outside, root / "link")
    with pytest.raises(ValueError, match="/link/page/"):
        U.destination_path(root, "/link/page/", ".html")


def test_destination_absolute_dest_prefix_kept(tmp_path: Path) -> None:
    """Jekyll leaves a URL that already spells the destination's path where it is."""
    root = tmp_path / "_site"
    got = U.destination_path(root, f"{root}/a/", ".html")
    assert got == root / "a/index.html"


def test_transliterate_table_is_i18n_default() -> None:
    assert U.transliterate("ÆŒßŉ日") == "AEOEss'n?"
    assert all(unicodedata.name(ch) for ch in U._LATIN)


def test_document_template_fill_escapes_and_keeps_underscores() -> None:
    """Values needing escaping, names ending in ``_`` and repeated names, filled from one
    document drop (the plain values are taken as they are, the others escaped)."""
    drop = U.document_placeholders(collection="posts", relative_path="_posts/2010-01-03-x.md",
                                   date=datetime(2010, 1, 3, tzinfo=timezone.utc),
                                   output_ext=".html", categories=["My Cat", "b"])
    assert U.generate_url("/:categories_/:year_:month/:year:output_ext", drop) == \
        "/my%20cat/b_/2010_01/2010.html"
    assert U.generate_url("/static/page", drop) == "/static/page"
    assert list(drop)[:3] == ["output_ext", "path", "collection"] and len(drop) == 25

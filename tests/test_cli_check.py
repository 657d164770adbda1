"""``jekyllpy check``: build a fixture site and compare it with the ``_site`` Jekyll built
(tests/fixtures/sites/NAME/expected), then with altered copies of it; and the comparison
functions of :mod:`jekyllpy.check` on small documents."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from jekyllpy.check import (EXCERPT_WIDTH, compare_trees, first_difference,
                            first_html_difference)
from jekyllpy.cli import main

ROOT = Path(__file__).resolve().parent.parent
SITES = ROOT / "tests" / "fixtures" / "sites"
BLOG = SITES / "blog"


def _check(*args: str) -> Result:
    return CliRunner().invoke(main, ["check", *args])


@pytest.fixture()
def expected(tmp_path: Path) -> Path:
    """A private copy of the blog site's Jekyll output, to alter."""
    copy = tmp_path / "jekyll_site"
    shutil.copytree(BLOG / "expected", copy)
    return copy


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Nothing the command does may depend on (or write to) the working directory.
    monkeypatch.chdir(tmp_path)


# -- the command on fixture sites ----------------------------------------------------------------

def test_identical_build_exits_0() -> None:
    result = _check(str(BLOG / "source"), "--against", str(BLOG / "expected"))
    assert result.exit_code == 0, result.output
    files = len([p for p in (BLOG / "expected").rglob("*") if p.is_file()])
    assert f"Identical: {files} files" in result.stdout
    assert "Differing: 0 files" in result.stdout
    assert "Missing: 0 files" in result.stdout and "Extra: 0 files" in result.stdout
    assert result.stdout.rstrip().endswith("Result: identical.")


def test_altered_page_is_reported_with_its_element(expected: Path) -> None:
    page = expected / "index.html"
    text = page.read_text(encoding="utf-8")
    assert "Jun 3, 2023" in text  # the second post listed
    page.write_text(text.replace("Jun 3, 2023", "Jun 4, 2023"), encoding="utf-8")
    result = _check(str(BLOG / "source"), "--against", str(expected))
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    assert "Differing: 1 file" in result.stdout
    start = next(i for i, line in enumerate(lines) if line.strip() == "index.html")
    assert lines[start + 1].strip() == "at html > body > ul > li:nth-of-type(2) > span (text)"
    assert lines[start + 2].strip() == "expected: Jun 4, 2023"
    assert lines[start + 3].strip() == "built:    Jun 3, 2023"
    # Only that page: every other file is listed as identical.
    assert sum(1 for line in lines if line.strip().endswith(".html")) == 1
    assert "Result: 1 file not identical." in result.stdout


def test_missing_and_extra_files(expected: Path) -> None:
    (expected / "blog" / "archive.html").unlink()  # built, not in Jekyll's folder: extra
    (expected / "robots.txt").write_text("User-agent: *\n")  # not built: missing
    result = _check(str(BLOG / "source"), "--against", str(expected))
    assert result.exit_code == 1
    out = result.stdout
    assert "Missing: 1 file (in --against, not built)" in out
    assert "Extra: 1 file (built, not in --against)" in out
    missing_at = out.index("Missing:")
    extra_at = out.index("Extra:")
    assert missing_at < out.index("robots.txt") < extra_at < out.index("blog/archive.html")
    assert "Differing: 0 files" in out


def test_json_format(expected: Path) -> None:
    page = expected / "2023" / "01" / "15" / "hello-world.html"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("<title>", '<title lang="en">', 1), encoding="utf-8")
    (expected / "page3" / "index.html").unlink()
    (expected / "extra.css").write_text("a{}\n")
    result = _check(str(BLOG / "source"), "--against", str(expected), "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)  # one object, nothing else on stdout
    total = len([p for p in (BLOG / "expected").rglob("*") if p.is_file()])
    assert report["ok"] is False
    assert report["counts"] == {"identical": total - 2, "differing": 1, "missing": 1,
                                "extra": 1}
    assert report["missing"] == ["extra.css"] and report["extra"] == ["page3/index.html"]
    assert report["differing"] == [{
        "path": "2023/01/15/hello-world.html", "location": "html > head > title",
        "reason": "attributes", "expected": '<title lang="en">', "built": "<title>"}]
    assert len(report["identical"]) == total - 2
    assert report["against"] == str(expected.resolve())


def test_json_format_identical() -> None:
    result = _check(str(BLOG / "source"), "--against", str(BLOG / "expected"),
                    "--format=json")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["ok"] is True and report["differing"] == report["missing"] == []


def test_non_html_file_reports_the_first_differing_line(tmp_path: Path) -> None:
    site = SITES / "sass"
    copy = tmp_path / "jekyll_sass"
    shutil.copytree(site / "expected", copy)
    css = next(p for p in sorted(copy.rglob("*.css")))
    lines = css.read_text(encoding="utf-8").split("\n")
    lines[1] = lines[1] + " /* changed */"
    css.write_text("\n".join(lines), encoding="utf-8")
    result = _check(str(site / "source"), "--against", str(copy), "--format", "json")
    assert result.exit_code == 1, result.output
    [diff] = json.loads(result.stdout)["differing"]
    assert diff["path"] == css.relative_to(copy).as_posix()
    assert diff["location"] == "line 2" and diff["reason"] == "line"
    assert diff["expected"].endswith("/* changed */")
    assert not diff["built"].endswith("/* changed */")


def test_build_time_fields_are_blanked_unless_exact(tmp_path: Path) -> None:
    site = SITES / "feed_basic"
    copy = tmp_path / "jekyll_feed"
    shutil.copytree(site / "expected", copy)
    # expected/feed.xml holds the time of Jekyll's build; ours is now.
    assert _check(str(site / "source"), "--against", str(copy)).exit_code == 0
    result = _check(str(site / "source"), "--against", str(copy), "--exact",
                    "--format", "json")
    assert result.exit_code == 1
    [diff] = json.loads(result.stdout)["differing"]
    assert diff["path"] == "feed.xml" and diff["reason"] == "line"


def test_destination_keeps_the_build(tmp_path: Path) -> None:
    dest = tmp_path / "built"
    result = _check(str(BLOG / "source"), "--against", str(BLOG / "expected"), "-d", str(dest))
    assert result.exit_code == 0, result.output
    assert (dest / "index.html").read_bytes() == (BLOG / "expected" / "index.html").read_bytes()


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    source = str(BLOG / "source")
    assert _check(source).exit_code == 2  # no --against
    assert _check(source, "--against", str(tmp_path / "nope")).exit_code == 2
    assert _check(str(tmp_path / "nope"), "--against", str(BLOG / "expected")).exit_code == 2
    assert _check(source, "--against", str(BLOG / "expected"), "--format", "xml").exit_code == 2
    assert _check(source, "--against", str(BLOG / "expected"), "--config",
                  str(tmp_path / "none.yml")).exit_code == 2
    same = _check(source, "--against", str(BLOG / "expected"), "-d", str(BLOG / "expected"))
    assert same.exit_code == 2
    assert sorted(p.name for p in (BLOG / "expected").iterdir())  # untouched


def test_a_build_that_fails_exits_1(tmp_path: Path) -> None:
    source = tmp_path / "broken"
    source.mkdir()
    (source / "_config.yml").write_text("title: [unclosed\n")
    result = _check(str(source), "--against", str(BLOG / "expected"))
    assert result.exit_code == 1
    assert result.stderr.startswith("  Error: ") and "_config.yml" in result.stderr


# -- locating the first difference ---------------------------------------------------------------

def test_the_deepest_first_element_is_named() -> None:
    page = "<html><body><main><h2>A</h2><h2>B</h2><h2>{}</h2><p>x</p></main></body></html>"
    found = first_html_difference(page.format("Foo"), page.format("Bar"))
    assert found == ("html > body > main > h2:nth-of-type(3)", "text", "Foo", "Bar")


def test_document_order_decides_which_difference_is_first() -> None:
    want = "<div><p>one <em>two</em> three</p><p>four</p></div>"
    got = "<div><p>one <em>2</em> three</p><p>4</p></div>"
    assert first_html_difference(want, got) == ("div > p:nth-of-type(1) > em", "text", "two", "2")


@pytest.mark.parametrize("want, got, expected", [
    ("<p>a <em>b</em></p>", "<p>a <strong>b</strong></p>",
     ("p > em", "tag", "<em>b", "<strong>b")),
    ('<a href="/x">l</a>', '<a href="/y">l</a>',
     ("a", "attributes", '<a href="/x">', '<a href="/y">')),
    ("<ul><li>1</li></ul>", "<ul><li>1</li><li>2</li></ul>",
     ("ul", "extra node", "(nothing)", "<li>2")),
    ("<ul><li>1</li><li>2</li></ul>", "<ul><li>1</li></ul>",
     ("ul", "missing node", "<li>2", "(nothing)")),
    ("<p>x</p><!-- a -->", "<p>x</p><!-- b -->",
     ("(document)", "text", "<!-- a -->", "<!-- b -->")),
])
def test_kinds_of_html_difference(want: str, got: str, expected: tuple[str, ...]) -> None:
    assert first_html_difference(want, got) == expected


def test_whitespace_only_differences_are_located() -> None:
    # The content pass ignores indentation and collapses runs of spaces ...
    assert first_html_difference("<ul>\n<li>a  b</li>\n</ul>",
                                 "<ul>\n  <li>a b</li>\n</ul>") is not None
    found = first_html_difference("<ul>\n<li>a</li>\n</ul>", "<ul>\n  <li>a</li>\n</ul>")
    # ... and the whitespace pass finds where it differs, white space made visible.
    assert found == ("ul", "whitespace", "\\n", "\\n  ")
    assert first_html_difference("<p>a  b</p>", "<p>a b</p>") == ("p", "whitespace", "a  b",
                                                                  "a b")


def test_pre_text_is_compared_as_it_is() -> None:
    found = first_html_difference("<pre><code>x\n  y</code></pre>",
                                  "<pre><code>x\n y</code></pre>")
    assert found == ("pre > code", "text", "x\\n  y", "x\\n y")


def test_markup_only_differences_fall_back_to_lines() -> None:
    diff = first_difference("a.html", b'<p>x</p>\n<p a="1" b="2">y</p>\n',
                            b'<p>x</p>\n<p b="2" a="1">y</p>\n')
    assert diff is not None
    assert (diff.location, diff.reason) == ("line 2", "markup")
    assert first_difference("a.html", b"<br>", b"<br/>") is not None
    assert first_difference("a.html", b"<p>same</p>", b"<p>same</p>") is None


def test_long_texts_are_trimmed_around_the_difference() -> None:
    words = "word " * 60
    diff = first_difference("a.txt", f"{words}end\n".encode(), f"{words}END\n".encode())
    assert diff is not None and diff.location == "line 1"
    assert diff.expected.startswith("…") and diff.expected.endswith("end")
    assert diff.built.endswith("END")
    assert len(diff.expected) <= EXCERPT_WIDTH + 2


def test_lines_one_side_lacks_and_binary_files() -> None:
    diff = first_difference("a.css", b"a{}\n", b"a{}\nb{}\n")
    assert diff is not None and (diff.location, diff.expected, diff.built) == ("line 2", "",
                                                                              "b{}")
    diff = first_difference("a.png", b"\x89PNG\xff\x00", b"\x89PNG\xff\x01")
    assert diff is not None and (diff.location, diff.reason) == ("byte 5", "bytes")
    assert (diff.expected, diff.built) == ("00", "01")


def test_compare_trees_sorts_files_into_the_four_lists() -> None:
    report = compare_trees({"a.html": b"<p>1</p>", "b.css": b"x", "c.txt": b"gone"},
                           {"a.html": b"<p>2</p>", "b.css": b"x", "d.txt": b"new"})
    assert report.identical == ["b.css"] and report.missing == ["c.txt"]
    assert report.extra == ["d.txt"] and [d.path for d in report.differing] == ["a.html"]
    assert not report.ok
    assert compare_trees({"x": b"1"}, {"x": b"1"}).ok

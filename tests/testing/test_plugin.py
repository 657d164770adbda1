"""jekyllpy's pytest plugin (jekyllpy/testing/plugin.py), run on small projects by pytester:
the fixtures, the collection of Markdown pairs and site folders, and how failures read."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

import jekyllpy
from jekyllpy.site import build
from jekyllpy.testing import first_differing_element

pytest_plugins = ["pytester"]

FIXTURES_INI = """
[pytest]
jekyllpy_fixtures = fixtures/markdown fixtures/sites
"""


def fixture_folders(pytester: pytest.Pytester) -> None:
    """An ini naming fixtures/markdown and fixtures/sites, both existing."""
    pytester.makeini(FIXTURES_INI)
    for folder in ("markdown", "sites"):
        (pytester.path / "fixtures" / folder).mkdir(parents=True, exist_ok=True)


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    extra = ["-p", "jekyllpy.testing.plugin"] if os.environ.get(
        "PYTEST_DISABLE_PLUGIN_AUTOLOAD") else []
    return pytester.runpytest(*extra, "-p", "no:cacheprovider", *args)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    return path


def markdown_case(pytester: pytest.Pytester, name: str, text: str,
                  config: str | None = None, expected: str | None = None) -> Path:
    """fixtures/markdown/NAME.md with the right NAME.html (or ``expected``)."""
    md = write(pytester.path / "fixtures" / "markdown" / f"{name}.md", text)
    options = None
    if config is not None:
        write(md.with_suffix(".yml"), config)
        import yaml
        options = yaml.safe_load(config)
    write(md.with_suffix(".html"),
          jekyllpy.markdownify(text, options) if expected is None else expected)
    return md


def site_case(pytester: pytest.Pytester, name: str = "blog") -> Path:
    """fixtures/sites/NAME: a page using two config files and --baseurl (build.json), the
    expected output built by jekyllpy."""
    folder = pytester.path / "fixtures" / "sites" / name
    source = folder / "source"
    write(source / "_config.yml", "title: Site\ntimezone: UTC\n")
    write(source / "_extra.yml", "title: Extra title\n")
    write(source / "_layouts" / "default.html",
          "<html>\n<body>\n<h1>{{ site.title }}</h1>\n<main>\n{{ content }}</main>\n"
          "<a href=\"{{ site.baseurl }}/\">home</a>\n</body>\n</html>\n")
    write(source / "index.md", "---\nlayout: default\n---\n* one\n* two\n* three\n")
    write(source / "notes.md", "# not a Markdown case: inside source/\n")
    write(folder / "build.json",
          '{"args": ["--config", "_config.yml,_extra.yml", "--baseurl", "/b"]}')
    build(source, folder / "expected", [source / "_config.yml", source / "_extra.yml"],
          baseurl="/b")
    index = (folder / "expected" / "index.html").read_text(encoding="utf-8")
    assert "Extra title" in index and 'href="/b/"' in index
    return folder


# -- fixtures --------------------------------------------------------------------------------

def test_markdownify_fixture_uses_the_ini_config(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\njekyllpy_config = site/_config.yml\n")
    write(pytester.path / "site" / "_config.yml", "kramdown:\n  auto_ids: false\n")
    pytester.makepyfile("""
        def test_config(markdownify, jekyllpy_config):
            assert jekyllpy_config == {"kramdown": {"auto_ids": False}}
            assert markdownify("# Hi") == "<h1>Hi</h1>\\n"
            assert markdownify("# Hi", {"kramdown": {"auto_ids": True}}) == '<h1 id="hi">Hi</h1>\\n'
            assert markdownify("a -- b") == "<p>a – b</p>\\n"
    """)
    run(pytester).assert_outcomes(passed=1)


def test_markdownify_fixture_without_config(pytester: pytest.Pytester) -> None:
    pytester.makepyfile("""
        def test_defaults(markdownify, jekyllpy_config):
            assert jekyllpy_config is None
            assert markdownify("# Hi") == '<h1 id="hi">Hi</h1>\\n'
    """)
    run(pytester).assert_outcomes(passed=1)


def test_jekyll_site_fixture_builds_into_tmp_path(pytester: pytest.Pytester) -> None:
    site_case(pytester)
    pytester.makepyfile("""
        from pathlib import Path

        def test_build(jekyll_site, tmp_path):
            site = jekyll_site("fixtures/sites/blog/source")
            assert site.destination == tmp_path / "_site"
            index = (tmp_path / "_site" / "index.html").read_text()
            assert "<h1>Site</h1>" in index and "<li>three</li>" in index
            again = jekyll_site(Path("fixtures/sites/blog/source"), baseurl="/x",
                                config_files=["fixtures/sites/blog/source/_config.yml",
                                              "fixtures/sites/blog/source/_extra.yml"])
            assert again.destination == tmp_path / "_site-2"
            index = (tmp_path / "_site-2" / "index.html").read_text()
            assert 'href="/x/"' in index and "Extra title" in index
            assert not Path("fixtures/sites/blog/source/_site").exists()
    """)
    run(pytester).assert_outcomes(passed=1)


def test_render_page_fixture_calls_jekyllpy_render_page(
        pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []

    def fake(path: object, *, config: object = None) -> str:
        calls.append((path, config))
        return "<p>page</p>\n"

    monkeypatch.setattr(jekyllpy, "render_page", fake, raising=False)
    pytester.makepyfile("""
        def test_render(render_page):
            assert render_page("site/about.md", config={"title": "T"}) == "<p>page</p>\\n"
    """)
    run(pytester).assert_outcomes(passed=1)
    assert calls == [(pytester.path / "site" / "about.md", {"title": "T"})]


def test_render_page_fixture_skips_without_render_page(
        pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(jekyllpy, "render_page", raising=False)
    pytester.makepyfile("""
        def test_render(render_page):
            render_page("about.md")
    """)
    result = run(pytester, "-rs")
    result.assert_outcomes(skipped=1)
    result.stdout.fnmatch_lines(["*this jekyllpy has no render_page*"])


# -- collection ------------------------------------------------------------------------------

def test_collects_markdown_pairs_and_site_folders(pytester: pytest.Pytester) -> None:
    fixture_folders(pytester)
    markdown_case(pytester, "list/nested", "* a\n  * b\n")
    markdown_case(pytester, "header/no_ids", "# Title\n", config="kramdown:\n  auto_ids: false\n")
    markdown_case(pytester, "top", "plain\n")
    site_case(pytester)
    site_case(pytester, "v1.2")
    write(pytester.path / "fixtures" / "markdown" / "list" / "notes.txt", "not a case\n")
    result = run(pytester, "--collect-only", "-q")
    result.stdout.fnmatch_lines([
        "fixtures/markdown/header/no_ids.md::markdown/header/no_ids",
        "fixtures/markdown/list/nested.md::markdown/list/nested",
        "fixtures/markdown/top.md::markdown/top",
        "fixtures/sites/blog::sites/blog",
        "fixtures/sites/v1.2::sites/v1.2",
        "5 tests collected*",
    ])
    run(pytester).assert_outcomes(passed=5)


def test_nothing_is_collected_without_the_ini_option(pytester: pytest.Pytester) -> None:
    markdown_case(pytester, "list/nested", "* a\n")
    site_case(pytester)
    assert run(pytester).ret == pytest.ExitCode.NO_TESTS_COLLECTED


def test_a_missing_fixture_folder_is_a_usage_error(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\njekyllpy_fixtures = nowhere\n")
    result = run(pytester)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*jekyllpy_fixtures: no such folder:*nowhere*"])


def test_the_yml_fragment_is_applied(pytester: pytest.Pytester) -> None:
    fixture_folders(pytester)
    markdown_case(pytester, "header/ids", "# Title\n", config="kramdown:\n  auto_ids: false\n",
                  expected='<h1 id="title">Title</h1>\n')
    result = run(pytester)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["-<h1 id=\"title\">Title</h1>", "+<h1>Title</h1>"])


# -- failures --------------------------------------------------------------------------------

def test_a_mismatch_shows_a_diff_and_the_element(pytester: pytest.Pytester) -> None:
    fixture_folders(pytester)
    markdown_case(pytester, "list/nested", "* a\n* b\n* c\n",
                  expected="<ul>\n  <li>a</li>\n  <li>B</li>\n  <li>c</li>\n</ul>\n")
    result = run(pytester)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([
        "*_ markdown/list/nested _*",
        "markdown/list/nested: markdownify(nested.md) differs from nested.html",
        "--- fixtures/markdown/list/nested.html",
        "+++ markdownify(fixtures/markdown/list/nested.md)",
        "@@ *",
        "-  <li>B</li>",
        "+  <li>b</li>",
        "first difference at line 3, column 7: expected 'B*', got 'b*",
        "first differing element: ul > li:nth-of-type(2) (text)",
        "  expected: B",
        "  got:      b",
        "FAILED fixtures/markdown/list/nested.md::markdown/list/nested*",
    ])
    result.stdout.no_fnmatch_line("*Traceback*")


def test_without_beautifulsoup_the_line_diff_remains(
        pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "bs4", None)  # import bs4 raises ImportError
    assert first_differing_element("<p>a</p>", "<p>b</p>") is None
    fixture_folders(pytester)
    markdown_case(pytester, "p", "text\n", expected="<p>txet</p>\n")
    result = run(pytester)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["-<p>txet</p>", "+<p>text</p>", "first difference at line 1*"])
    result.stdout.no_fnmatch_line("*first differing element*")


def test_a_missing_html_is_reported_clearly(pytester: pytest.Pytester) -> None:
    fixture_folders(pytester)
    md = markdown_case(pytester, "emphasis/strong", "**x**\n")
    md.with_suffix(".html").unlink()
    result = run(pytester)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([
        "markdown/emphasis/strong: no expected output: fixtures/markdown/emphasis/strong.html "
        "does not exist (each NAME.md in a jekyllpy_fixtures folder needs NAME.html beside it)",
    ])


def test_a_site_mismatch_names_the_file_and_the_element(pytester: pytest.Pytester) -> None:
    fixture_folders(pytester)
    folder = site_case(pytester)
    index = folder / "expected" / "index.html"
    index.write_text(index.read_text().replace("<li>two</li>", "<li>2</li>"))
    write(folder / "expected" / "gone.html", "x")
    result = run(pytester)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([
        "sites/blog: 2 difference(s) between fixtures/sites/blog/expected/ and jekyllpy build",
        "missing: gone.html (in fixtures/sites/blog/expected, not built)",
        "differs: index.html",
        "  --- fixtures/sites/blog/expected/index.html",
        "  +++ built/index.html",
        "  -  <li>2</li>",
        "  +  <li>two</li>",
        "  first differing element: html > body > main > ul > li:nth-of-type(2) (text)",
    ])


def test_a_site_without_expected_output_fails(pytester: pytest.Pytester) -> None:
    fixture_folders(pytester)
    folder = site_case(pytester)
    import shutil
    shutil.rmtree(folder / "expected")
    result = run(pytester)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["sites/blog: no expected output: fixtures/sites/blog/expected/ "
                                 "does not exist*"])


def test_a_site_that_fails_to_build_fails(pytester: pytest.Pytester) -> None:
    fixture_folders(pytester)
    folder = site_case(pytester)
    write(folder / "build.json", '{"args": ["--config", "missing.yml"]}')
    result = run(pytester)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["sites/blog: jekyllpy build --config missing.yml failed*"])


def test_known_different(pytester: pytest.Pytester) -> None:
    fixture_folders(pytester)
    markdown_case(pytester, "list/differs", "* a\n", expected="<ul><li>a</li></ul>\n")
    markdown_case(pytester, "list/matches", "* a\n")
    write(pytester.path / "fixtures" / "markdown" / "KNOWN_DIFFERENT",
          "# cases that do not match yet\nlist/differs  nested list spacing\n"
          "list/matches  fixed since\n")
    result = run(pytester, "-rxX")
    result.assert_outcomes(passed=1, failed=1, xfailed=1)
    result.stdout.fnmatch_lines([
        "markdown/list/matches now matches its expected output: remove its line from "
        "fixtures/markdown/KNOWN_DIFFERENT",
        "XFAIL fixtures/markdown/list/differs.md::markdown/list/differs - "
        "KNOWN_DIFFERENT: nested list spacing",
    ])


def test_known_different_names_an_existing_case(pytester: pytest.Pytester) -> None:
    fixture_folders(pytester)
    site_case(pytester)
    write(pytester.path / "fixtures" / "sites" / "KNOWN_DIFFERENT", "blog x\nold gone\n")
    result = run(pytester)
    result.assert_outcomes(failed=2)
    result.stdout.fnmatch_lines(["fixtures/sites/KNOWN_DIFFERENT: no such case: old",
                                 "sites/blog now matches its expected output*"])

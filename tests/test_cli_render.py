"""``jekyllpy render PATH``: one page's final HTML on stdout (``jekyllpy.render_page``),
errors as ``  Error: ...`` on stderr with exit 1."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from jekyllpy.cli import main

SITES = Path(__file__).resolve().parent / "fixtures" / "sites"


def _render(*args: str) -> Result:
    return CliRunner().invoke(main, ["render", *args])


@pytest.fixture()
def blog(tmp_path: Path) -> Path:
    copy = tmp_path / "blog"
    shutil.copytree(SITES / "blog" / "source", copy)
    return copy


@pytest.mark.parametrize("site, page, output", [
    ("includes", "section/story.md", "section/story.html"),
    ("blog", "_posts/2023-01-15-hello-world.md", "2023/01/15/hello-world.html"),
    ("blog", "index.html", "index.html"),
])
def test_prints_the_bytes_jekyll_wrote(site: str, page: str, output: str) -> None:
    result = _render(str(SITES / site / "source" / page))
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == (SITES / site / "expected" / output).read_bytes()


def test_config_overrides_the_site_settings(blog: Path, tmp_path: Path) -> None:
    extra = tmp_path / "extra.yml"
    extra.write_text("title: Another Title\n")
    result = _render(str(blog / "index.html"), "--config", str(extra))
    assert result.exit_code == 0, result.output
    assert "<title>Home - Another Title</title>" in result.stdout


@pytest.mark.parametrize("page, words", [
    ("nope.md", "no such file"),
    ("_layouts/default.html", ""),
    ("_posts/2999-12-31-future.md", ""),
])
def test_files_jekyll_does_not_render_fail(blog: Path, page: str, words: str) -> None:
    result = _render(str(blog / page))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("  Error: ") and words in result.stderr
    assert result.stderr.count("\n") == 1  # one line, no traceback


def test_liquid_error_is_one_line(blog: Path) -> None:
    (blog / "broken.md").write_text("---\n---\n{% if %}\n")
    result = _render(str(blog / "broken.md"))
    assert result.exit_code == 1
    assert result.stderr.startswith("  Error: ") and "broken.md" in result.stderr


def test_bad_config_files(blog: Path, tmp_path: Path) -> None:
    listing = tmp_path / "list.yml"
    listing.write_text("- a\n- b\n")
    result = _render(str(blog / "index.html"), "--config", str(listing))
    assert result.exit_code == 1 and "must hold a mapping" in result.stderr
    result = _render(str(blog / "index.html"), "--config", str(tmp_path / "none.yml"))
    assert result.exit_code == 1 and "configuration file not found" in result.stderr

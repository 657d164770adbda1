"""The jekyllpy command: build and markdownify."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from jekyllpy.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "site"


def test_markdownify_stdin_to_stdout() -> None:
    result = CliRunner().invoke(main, ["markdownify"], input="# Hi -- there\n")
    assert result.exit_code == 0
    assert result.output == '<h1 id="hi--there">Hi – there</h1>\n'


def test_build_example_site(tmp_path: Path) -> None:
    source = tmp_path / "site"
    shutil.copytree(EXAMPLE, source)
    before = sorted(p.relative_to(source) for p in source.rglob("*"))
    dest = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", "-s", str(source), "-d", str(dest)])
    assert result.exit_code == 0, result.output
    assert "done in" in result.output
    assert (dest / "about" / "index.html").is_file()
    assert (dest / "index.html").is_file()
    assert (dest / "assets" / "style.css").is_file()
    assert not (dest / "_config.yml").exists()
    assert sorted(p.relative_to(source) for p in source.rglob("*")) == before


def test_missing_source_fails_with_message(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", "-s", str(tmp_path / "nope")])
    assert result.exit_code == 1
    assert "source folder not found" in result.output


def test_bad_config_yaml_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "_config.yml").write_text("title: [unclosed\n")
    result = CliRunner().invoke(main, ["build", "-s", str(tmp_path), "-d", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert "_config.yml" in result.output


def test_bad_front_matter_is_skipped_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "bad.md").write_text("---\ntitle: [x\n---\nbody\n")
    (tmp_path / "good.md").write_text("---\n---\nbody\n")
    result = CliRunner().invoke(main, ["build", "-s", str(tmp_path), "-d", str(tmp_path / "o")])
    assert result.exit_code == 0
    assert "bad.md:" in result.output
    assert (tmp_path / "o" / "good.html").read_text() == "<p>body</p>\n"
    assert not (tmp_path / "o" / "bad.html").exists()


def _jekyll() -> str | None:
    return shutil.which("jekyll")


@pytest.mark.skipif(_jekyll() is None, reason="Ruby Jekyll is not installed")
def test_example_site_matches_jekyll(tmp_path: Path) -> None:
    source = tmp_path / "site"
    shutil.copytree(EXAMPLE, source)
    subprocess.run([_jekyll(), "build", "-q", "-s", str(source), "-d", str(tmp_path / "jk")],
                   check=True, capture_output=True)
    CliRunner().invoke(main, ["build", "-q", "-s", str(source), "-d", str(tmp_path / "py")])
    jk = {p.relative_to(tmp_path / "jk"): p.read_bytes()
          for p in (tmp_path / "jk").rglob("*") if p.is_file()}
    py = {p.relative_to(tmp_path / "py"): p.read_bytes()
          for p in (tmp_path / "py").rglob("*") if p.is_file()}
    assert sorted(py) == sorted(jk)
    for rel in jk:
        assert py[rel] == jk[rel], rel

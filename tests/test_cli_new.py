"""``jekyllpy new``: the starter (minima) and blank sites, the refusal to write into a
non-empty folder, and both sites built by jekyllpy and (when Ruby is present) by Jekyll
to the same bytes, apart from build-time fields."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from jekyllpy.check import compare_dirs
from jekyllpy.cli import main
from jekyllpy.scaffold import BLANK_FOLDERS, starter_site
from jekyllpy.site.theme import find_gem

STARTER_FILES = {"_config.yml", "index.md", "about.md", "404.html", ".gitignore"}
BLANK_FILES = {"_config.yml", "_layouts/default.html", "index.md", "_sass/main.scss",
               "assets/css/main.scss", ".gitignore"}


def _new(*args: str) -> Result:
    return CliRunner().invoke(main, ["new", *args])


def _files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def _build(source: Path, dest: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(source)
    result = CliRunner().invoke(main, ["build", "-q", "-s", str(source), "-d", str(dest)])
    assert result.exit_code == 0, result.output


def _has_minima(source: Path) -> bool:
    return find_gem("minima", {}, source) is not None


def _jekyll_build(source: Path, dest: Path) -> None:
    """Build with Ruby Jekyll (development environment, no cache left in the source)."""
    env = {k: v for k, v in os.environ.items() if k != "JEKYLL_ENV"}
    proc = subprocess.run(["jekyll", "build", "-s", str(source), "-d", str(dest),
                           "--disable-disk-cache"], cwd=source, env=env,
                          capture_output=True, text=True, timeout=240)
    if proc.returncode != 0:
        pytest.skip(f"jekyll build failed here (minima or a plugin missing?): "
                    f"{proc.stdout[-300:]}{proc.stderr[-300:]}")


needs_jekyll = pytest.mark.skipif(shutil.which("jekyll") is None,
                                  reason="Ruby Jekyll is not installed")


# -- the files ------------------------------------------------------------------------------------

def test_new_starter_site(tmp_path: Path) -> None:
    target = tmp_path / "mysite"
    result = _new(str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"New jekyll site installed in {target}.\n"
    files = _files(target)
    posts = {f for f in files if f.startswith("_posts/")}
    assert files - posts == STARTER_FILES
    [post] = posts
    assert post.endswith("-hello-world.md")
    config = (target / "_config.yml").read_text(encoding="utf-8")
    for key in ("title:", "email:", "description:", "baseurl:", "url:", "theme: minima",
                "- jekyll-feed"):
        assert key in config
    assert "layout: home" in (target / "index.md").read_text(encoding="utf-8")
    assert "_site" in (target / ".gitignore").read_text(encoding="utf-8")


def test_new_blank_site(tmp_path: Path) -> None:
    target = tmp_path / "blank"
    result = _new(str(target), "--blank")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"New jekyll site installed in {target}.\n"
    assert _files(target) == BLANK_FILES
    for folder in BLANK_FOLDERS:
        assert (target / folder).is_dir() and not any((target / folder).iterdir())
    assert "theme:" not in (target / "_config.yml").read_text(encoding="utf-8")


def test_relative_path_is_reported_absolute(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = _new("rel", "--blank")
    assert result.exit_code == 0
    assert result.stdout == f"New jekyll site installed in {tmp_path / 'rel'}.\n"


def test_the_first_post_is_dated_before_now() -> None:
    now = dt.datetime(2024, 3, 1, 0, 0, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    files = starter_site(now)
    [post] = [f for f in files if f.startswith("_posts/")]
    assert post == "_posts/2024-02-29-hello-world.md"
    assert "date: 2024-02-29 23:59:00 +0200\n" in files[post]


# -- refusing to overwrite -------------------------------------------------------------------------

def test_refuses_a_non_empty_folder(tmp_path: Path) -> None:
    target = tmp_path / "busy"
    target.mkdir()
    (target / "notes.txt").write_text("mine\n")
    result = _new(str(target))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"          Conflict: {target} exists and is not empty.\n"
        f"                    Ensure {target} is empty or else try again with `--force` "
        "to proceed and overwrite any files.\n")
    assert _files(target) == {"notes.txt"}


def test_force_writes_into_a_non_empty_folder(tmp_path: Path) -> None:
    target = tmp_path / "busy"
    target.mkdir()
    (target / "notes.txt").write_text("mine\n")
    (target / "index.md").write_text("old\n")
    result = _new(str(target), "--blank", "--force")
    assert result.exit_code == 0, result.output
    assert _files(target) == BLANK_FILES | {"notes.txt"}
    assert (target / "notes.txt").read_text() == "mine\n"
    assert (target / "index.md").read_text() != "old\n"


def test_an_empty_folder_is_fine_and_a_file_is_not(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert _new(str(tmp_path / "empty"), "--blank").exit_code == 0
    (tmp_path / "file").write_text("x")
    result = _new(str(tmp_path / "file"))
    assert result.exit_code == 1 and "Conflict:" in result.stderr


# -- building what was created ---------------------------------------------------------------------

def test_blank_site_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "blank"
    assert _new(str(site), "--blank").exit_code == 0
    _build(site, tmp_path / "out", monkeypatch)
    assert _files(tmp_path / "out") == {"index.html", "assets/css/main.css",
                                        "assets/css/main.css.map"}
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "<title>Home | My new site</title>" in html and 'id="it-works"' in html


def test_starter_site_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "starter"
    assert _new(str(site)).exit_code == 0
    if not _has_minima(site):
        pytest.skip("the minima theme gem is not installed")
    _build(site, tmp_path / "out", monkeypatch)
    out = _files(tmp_path / "out")
    assert {"index.html", "about/index.html", "404.html", "feed.xml",
            "assets/main.css"} <= out
    assert any(f.endswith("/hello-world.html") for f in out)


@needs_jekyll
@pytest.mark.parametrize("blank", [False, True], ids=["starter", "blank"])
def test_jekyll_builds_the_same_bytes(blank: bool, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    assert _new(str(site), *(["--blank"] if blank else [])).exit_code == 0
    if not blank and not _has_minima(site):
        pytest.skip("the minima theme gem is not installed")
    ours, theirs = tmp_path / "ours", tmp_path / "theirs"
    _build(site, ours, monkeypatch)
    _jekyll_build(site, theirs)
    report = compare_dirs(theirs, ours)  # blanks the feed's <updated> (build time) only
    assert report.ok, report.to_json()
    assert len(report.identical) >= (3 if blank else 8)

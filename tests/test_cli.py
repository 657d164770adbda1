"""The jekyllpy command: markdownify, build, and their error paths."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from jekyllpy.errors import JekyllpyError
from click.testing import CliRunner

from jekyllpy.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "site"

#: What the example site must produce: every page at Jekyll's URL, static files copied,
#: the README (excluded in _config.yml) and underscore folders left out.
EXAMPLE_OUTPUT = sorted([
    "index.html", "about/index.html", "log.html",
    "assets/style.css", "assets/harbor.svg", "assets/lighthouse.svg", "assets/univ.svg",
])


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture()
def site(tmp_path: Path) -> Path:
    """A private copy of examples/site, so a build can never touch the repository."""
    source = tmp_path / "site"
    shutil.copytree(EXAMPLE, source, ignore=shutil.ignore_patterns("_site", ".jekyll-cache"))
    return source


# -- markdownify ---------------------------------------------------------------------------

def test_markdownify_stdin_to_stdout() -> None:
    result = CliRunner().invoke(main, ["markdownify"], input="# Hi -- there\n")
    assert result.exit_code == 0
    assert result.stdout == '<h1 id="hi--there">Hi – there</h1>\n'


def test_markdownify_is_byte_exact_utf8() -> None:
    result = CliRunner().invoke(main, ["markdownify"], input="Café \"naïve\"\n".encode())
    assert result.exit_code == 0
    assert result.stdout_bytes == "<p>Café “naïve”</p>\n".encode()


def test_markdownify_applies_the_config_kramdown_section(tmp_path: Path) -> None:
    config = tmp_path / "_config.yml"
    config.write_text("kramdown:\n  auto_ids: false\n  smart_quotes: apos,apos,quot,quot\n")
    result = CliRunner().invoke(main, ["markdownify", "--config", str(config)],
                                input='# "Hi"\n')
    assert result.exit_code == 0, result.output
    # Jekyll 4.3 gives the same (scripts/jekyll_markdown_oracle.rb with this config).
    assert result.stdout == '<h1>"Hi"</h1>\n'


def test_markdownify_bad_config_names_the_file(tmp_path: Path) -> None:
    config = tmp_path / "_config.yml"
    config.write_text("kramdown: [unclosed\n")
    result = CliRunner().invoke(main, ["markdownify", "--config", str(config)], input="x\n")
    assert result.exit_code == 1
    assert "_config.yml" in result.stderr


# -- build ---------------------------------------------------------------------------------

def test_build_example_site(site: Path, tmp_path: Path) -> None:
    before = _tree(tmp_path)
    dest = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", "-s", str(site), "-d", str(dest)])
    assert result.exit_code == 0, result.output
    assert sorted(_tree(dest)) == EXAMPLE_OUTPUT
    assert _tree(dest)["assets/style.css"] == (site / "assets" / "style.css").read_bytes()
    about = (dest / "about" / "index.html").read_text(encoding="utf-8")
    assert "<title>About | Tern Notes</title>" in about
    assert '<div class="experience-item">' in about
    # Nothing written anywhere but the destination.
    after = {k: v for k, v in _tree(tmp_path).items() if not k.startswith("out/")}
    assert after == before


def test_build_prints_jekylls_lines(site: Path, tmp_path: Path) -> None:
    dest = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", "-s", str(site), "-d", str(dest)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"Configuration file: {(site / '_config.yml').resolve()}",
        f"            Source: {site.resolve()}",
        f"       Destination: {dest.resolve()}",
        " Incremental build: disabled. Enable with --incremental",
        "      Generating... ",
        re.search(r"^ {20}done in \d+\.\d{3} seconds\.$", result.stdout, re.M).group(0),
        " Auto-regeneration: disabled. Use --watch to enable.",
    ]


def test_build_quiet_prints_nothing(site: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", "-q", "-s", str(site), "-d", str(tmp_path / "o")])
    assert result.exit_code == 0
    assert result.output == ""


def test_build_default_destination_is_cwd_site(site: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    result = CliRunner().invoke(main, ["build", "-q", "-s", str(site)])
    assert result.exit_code == 0, result.output
    assert sorted(_tree(work / "_site")) == EXAMPLE_OUTPUT
    assert not (site / "_site").exists()


def test_destination_inside_source_is_not_read_back(site: Path) -> None:
    for _ in range(2):  # the second build must not pick up the first one's output
        result = CliRunner().invoke(main, ["build", "-q", "-s", str(site),
                                           "-d", str(site / "_site")])
        assert result.exit_code == 0, result.output
    assert sorted(_tree(site / "_site")) == EXAMPLE_OUTPUT


def test_markdown_page_urls(tmp_path: Path) -> None:
    (tmp_path / "src" / "notes").mkdir(parents=True)
    (tmp_path / "src" / "notes" / "one.markdown").write_text("---\n---\n*one*\n")
    (tmp_path / "src" / "two.md").write_text("---\npermalink: /second/\n---\ntwo\n")
    (tmp_path / "src" / "plain.md").write_text("no front matter, copied as is\n")
    (tmp_path / "src" / "_drafts").mkdir()
    (tmp_path / "src" / "_drafts" / "x.md").write_text("---\n---\nx\n")
    (tmp_path / "src" / ".hidden.md").write_text("---\n---\nx\n")
    dest = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", "-q", "-s", str(tmp_path / "src"),
                                       "-d", str(dest)])
    assert result.exit_code == 0, result.output
    assert _tree(dest) == {
        "notes/one.html": b"<p><em>one</em></p>\n",
        "plain.md": b"no front matter, copied as is\n",
        "second/index.html": b"<p>two</p>\n",
    }


def test_missing_source_fails_with_message(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", "-s", str(tmp_path / "nope"),
                                       "-d", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "source folder not found" in result.stderr
    assert "nope" in result.stderr
    assert not (tmp_path / "out").exists()


def test_destination_containing_source_is_refused(site: Path) -> None:
    before = _tree(site)
    for dest in (site, site.parent):
        result = CliRunner().invoke(main, ["build", "-s", str(site), "-d", str(dest)])
        assert result.exit_code == 1
        assert "cannot be or contain the Source" in result.stderr
    assert _tree(site) == before


def test_bad_config_yaml_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "_config.yml").write_text("title: [unclosed\n")
    result = CliRunner().invoke(main, ["build", "-s", str(tmp_path), "-d", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert "_config.yml" in result.stderr


def test_bad_front_matter_is_reported_and_the_page_built_without_data(tmp_path: Path) -> None:
    # Jekyll 4.3 warns ("YAML Exception reading ...") and renders the body with no data
    # (checked with jekyll build: bad.html holds "<p>body</p>").
    (tmp_path / "bad.md").write_text("---\ntitle: [x\n---\nbody\n")
    (tmp_path / "good.md").write_text("---\n---\nbody\n")
    result = CliRunner().invoke(main, ["build", "-s", str(tmp_path), "-d", str(tmp_path / "o")])
    assert result.exit_code == 0
    assert "bad.md:" in result.stderr
    assert "YAML Exception reading" in result.stderr
    assert (tmp_path / "o" / "good.html").read_text() == "<p>body</p>\n"
    assert (tmp_path / "o" / "bad.html").read_text() == "<p>body</p>\n"


def test_liquid_error_stops_the_build(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\n---\n{% if %}\n")
    result = CliRunner().invoke(main, ["build", "-s", str(tmp_path), "-d", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert "Liquid Exception:" in result.stderr
    assert "a.md" in result.stderr
    with pytest.raises(JekyllpyError):  # --trace lets the exception through
        CliRunner().invoke(main, ["build", "-t", "-s", str(tmp_path), "-d", str(tmp_path / "o")],
                           catch_exceptions=False)


def test_python_dash_m_runs_the_cli() -> None:
    proc = subprocess.run([sys.executable, "-m", "jekyllpy", "--version"], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    assert proc.stdout.startswith("jekyllpy, version ")


# -- against real Jekyll (skipped without Ruby) --------------------------------------------

def _jekyll() -> str | None:
    return shutil.which("jekyll")


@pytest.mark.skipif(_jekyll() is None, reason="Ruby Jekyll is not installed")
def test_example_site_matches_jekyll(site: Path, tmp_path: Path) -> None:
    jk = subprocess.run([_jekyll(), "build", "-s", str(site), "-d", str(tmp_path / "jk")],
                        check=True, capture_output=True, text=True, cwd=tmp_path)
    py = CliRunner().invoke(main, ["build", "-s", str(site), "-d", str(tmp_path / "py")])
    assert py.exit_code == 0, py.output
    assert _tree(tmp_path / "py") == _tree(tmp_path / "jk")

    def lines(out: str, dest: str) -> list[str]:
        out = re.sub(r"\d+\.\d+ seconds", "N seconds", out)
        return out.replace(str((tmp_path / dest).resolve()), "DEST").splitlines()

    assert lines(py.stdout, "py") == lines(jk.stdout, "jk")


def test_library_build_refuses_to_clean_the_source(tmp_path: Path) -> None:
    from jekyllpy.site import BuildError, build

    (tmp_path / "index.md").write_text("---\n---\nhi\n")
    with pytest.raises(BuildError, match="cannot be or contain the Source"):
        build(tmp_path, tmp_path.parent)
    assert (tmp_path / "index.md").exists()


def test_profile_prints_jekylls_two_tables(tmp_path: Path) -> None:
    # Layout checked against `jekyll build --profile` (terminal-table, Jekyll's labels).
    (tmp_path / "_layouts").mkdir()
    (tmp_path / "_includes").mkdir()
    (tmp_path / "_layouts" / "default.html").write_text("<b>{% include x.html %}</b>{{ content }}")
    (tmp_path / "_includes" / "x.html").write_text("x")
    for name in ("a", "b"):
        (tmp_path / f"{name}.md").write_text("---\nlayout: default\n---\n{{ page.url }}\n")
    result = CliRunner().invoke(main, ["build", "--profile", "-s", str(tmp_path),
                                       "-d", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Build Process Summary: " in out and "Site Render Stats: " in out
    assert "| PHASE      |   TIME |" in out and "| TOTAL TIME |" in out
    rows = {line.split("|")[1].strip(): line for line in out.splitlines()
            if line.startswith("| ") and "K |" in line}
    assert rows["_layouts/default.html"].split("|")[2].strip() == "2"
    assert rows["_includes/x.html"].split("|")[2].strip() == "2"
    assert rows["a.md"].split("|")[3].strip() == "0.01K"  # "/a.html\n" is 8 bytes
    assert rows["TOTAL (for 4 files)"].split("|")[2].strip() == "6"


def test_incremental_rewrites_only_changed_files(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JEKYLLPY_CACHE_DIR", str(tmp_path / "cache"))  # not the user's
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.md").write_text("---\n---\nA\n")
    (src / "b.md").write_text("---\n---\nB\n")
    dest = tmp_path / "o"
    args = ["build", "-q", "--incremental", "-s", str(src), "-d", str(dest)]
    assert CliRunner().invoke(main, args).exit_code == 0
    os.utime(dest / "a.html", (1_000_000, 1_000_000))
    os.utime(dest / "b.html", (1_000_000, 1_000_000))
    (src / "b.md").write_text("---\n---\nB changed\n")
    assert CliRunner().invoke(main, args).exit_code == 0
    assert (dest / "a.html").stat().st_mtime == 1_000_000  # same bytes: left alone
    assert (dest / "b.html").read_text() == "<p>B changed</p>\n"
    assert sorted(p.name for p in src.iterdir()) == ["a.md", "b.md"]  # no metadata file


def _read_or_none(path: Path) -> str | None:
    """A file's text, or None while it is missing (a rebuild may be writing it)."""
    try:
        return path.read_text()
    except OSError:
        return None


@pytest.mark.timeout(300)
def test_build_watch_rebuilds_on_change(tmp_path: Path) -> None:
    """Each step waits for its condition (with a deadline generous enough for a loaded
    machine) instead of sleeping: the first build's file, then the watcher's
    "Auto-regeneration: enabled" line (printed once changes are watched, as jekyll-watch
    prints it after starting its listener), then the rebuilt file.  A watcher that never
    rebuilds still fails at the deadline."""
    (tmp_path / "a.md").write_text("---\n---\nfirst\n")
    dest = tmp_path / "o"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "jekyllpy", "build", "--watch", "-s",
                             str(tmp_path), "-d", str(dest)], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, env=env)
    lines: list[str] = []
    changed = threading.Condition()

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            with changed:
                lines.append(line)
                changed.notify_all()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()

    def wait_for(what: str, check: Callable[[], bool], timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        with changed:
            while not check():
                left = deadline - time.monotonic()
                if left <= 0 or (proc.poll() is not None and not reader.is_alive()):
                    pytest.fail(f"{what}: not within {timeout} s (exit status "
                                f"{proc.poll()}); output:\n{''.join(lines)}")
                changed.wait(min(left, 0.1))  # files change without a notification

    try:
        wait_for("first build", lambda: _read_or_none(dest / "a.html") == "<p>first</p>\n")
        wait_for("watcher started",
                 lambda: any("Auto-regeneration: enabled for" in line for line in lines))
        (tmp_path / "a.md").write_text("---\n---\nsecond\n")
        wait_for("rebuild", lambda: _read_or_none(dest / "a.html") == "<p>second</p>\n")
        wait_for("rebuild's report", lambda: any("...done in" in line for line in lines))
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        reader.join(timeout=10)
    out = "".join(lines)
    assert "Regenerating: 1 file(s) changed" in out
    assert out.index("Auto-regeneration: enabled for") < out.index("Regenerating:")

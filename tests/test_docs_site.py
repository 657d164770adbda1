"""``docs/`` is a Jekyll site (minima, jekyll-feed, jekyll-seo-tag): ``jekyll build`` and
jekyllpy must write the same bytes for it, and its pages must link to each other without a
dead link.

Both builds write into temporary folders, never into ``docs/``.  The comparison with Ruby
Jekyll skips cleanly without Ruby Jekyll or the minima theme; the link check needs only
jekyllpy (and builds without the theme when minima is not installed).  Nothing is
normalised: the site fixes ``time:`` in its ``_config.yml``, so the feed's ``<updated>``
does not move.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

import jekyllpy
from jekyllpy.site.theme import find_gem
from jekyllpy.testing import compare_trees, read_tree

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

#: What a build run inside docs/ would leave behind; neither build may create them.
LEFTOVERS = ("_site", ".jekyll-cache", ".sass-cache", ".jekyll-metadata")

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def _have_gem(name: str) -> bool:
    return find_gem(name, {}, DOCS) is not None


def _leftovers() -> set[str]:
    return {name for name in LEFTOVERS if (DOCS / name).exists()}


def _pages() -> list[Path]:
    """The Markdown pages of docs/ (front matter first), by name."""
    return sorted(p for p in DOCS.glob("*.md")
                  if p.read_text(encoding="utf-8").startswith("---\n"))


def _jekyllpy_build(dest: Path, monkeypatch: pytest.MonkeyPatch, **overrides: object):
    monkeypatch.delenv("JEKYLL_ENV", raising=False)
    return jekyllpy.build(DOCS, dest, **overrides)


# -- the same bytes as Jekyll -----------------------------------------------------------------

@pytest.mark.skipif(shutil.which("jekyll") is None, reason="Ruby Jekyll not installed")
@pytest.mark.skipif(not all(map(_have_gem, ("minima", "jekyll-feed", "jekyll-seo-tag"))),
                    reason="the minima theme, jekyll-feed or jekyll-seo-tag is not installed")
def test_docs_site_matches_jekyll(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = _leftovers()
    env = {k: v for k, v in os.environ.items() if k != "JEKYLL_ENV"}
    env.update(TZ="UTC", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    expected_dir = tmp_path / "jekyll"
    proc = subprocess.run(["jekyll", "build", "-q", "--disable-disk-cache", "-s", str(DOCS),
                           "-d", str(expected_dir)], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=240)
    assert proc.returncode == 0, f"jekyll build failed:\n{proc.stdout}\n{proc.stderr}"

    site = _jekyllpy_build(tmp_path / "jekyllpy", monkeypatch)
    assert site.warnings == [] and site.errors == []

    expected, built = read_tree(expected_dir), read_tree(tmp_path / "jekyllpy")
    assert expected, "jekyll build wrote nothing"
    problems = compare_trees(expected, built, normalise=None, expected_label="jekyll",
                             actual_label="jekyllpy")
    assert not problems, "\n".join(problems)
    assert _leftovers() == before, "a build wrote into docs/"


# -- every page builds, every link between pages resolves -------------------------------------

class _Links(HTMLParser):
    """``href``/``src`` values and element ids of one HTML file."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in ("href", "src"):
                self.links.append(value)
            elif name == "id":
                self.ids.add(value)


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def _target(dest: Path, page_url: str, link: str) -> tuple[Path, str] | None:
    """The built file a link inside the site points to (and its fragment); None for a
    link that leaves the site (a scheme such as https: or mailto:, or //host)."""
    if _SCHEME.match(link) or link.startswith("//"):
        return None
    parts = urlsplit(urljoin(page_url, link))
    path = unquote(parts.path)
    file = dest / path.lstrip("/")
    if path.endswith("/") or file.is_dir():
        file = file / "index.html"
    return file, unquote(parts.fragment)


def test_docs_pages_build_and_link(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = _leftovers()
    dest = tmp_path / "site"
    if _have_gem("minima"):
        site = _jekyllpy_build(dest, monkeypatch)
        warnings = site.warnings
    else:  # the pages' own links can still be checked, without the theme's layouts
        site = _jekyllpy_build(dest, monkeypatch, theme="")
        warnings = [w for w in site.warnings
                    if not re.fullmatch(r"Build Warning: Layout '\w+' requested in .* does "
                                        r"not exist\.", w)]
    assert warnings == [] and site.errors == []
    assert _leftovers() == before, "the build wrote into docs/"

    pages = _pages()
    assert {p.name for p in pages} >= {"index.md", "usage.md", "cli.md", "api.md",
                                       "pytest-plugin.md", "architecture.md",
                                       "conformance.md"}
    built = {p.name: dest / f"{p.stem}.html" for p in pages}
    for name, out in built.items():
        assert out.is_file(), f"docs/{name} was not built to {out.relative_to(dest)}"

    dead: list[str] = []
    linked: set[Path] = set()
    for html in sorted(dest.rglob("*.html")):
        rel = html.relative_to(dest).as_posix()
        for link in _parse(html).links:
            found = _target(dest, "/" + rel, link)
            if found is None:
                continue
            file, fragment = found
            if not file.is_file():
                dead.append(f"{rel}: {link} (no {file.relative_to(dest).as_posix()})")
                continue
            if file != html:
                linked.add(file)
            if fragment and file.suffix == ".html" and fragment not in _parse(file).ids:
                dead.append(f"{rel}: {link} (no id {fragment!r} in "
                            f"{file.relative_to(dest).as_posix()})")
    assert not dead, "dead links:\n" + "\n".join(dead)
    orphans = [name for name, out in built.items() if name != "index.md" and out not in linked]
    assert not orphans, f"pages no other page links to: {orphans}"

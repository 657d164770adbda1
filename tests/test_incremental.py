"""Rebuilds that render only what a change affects (jekyllpy/rendering/dependencies.py).

Two promises are checked: after any sequence of edits the destination holds exactly the
bytes of a fresh full build, and files whose dependencies did not change are not rendered
(counted through the site's ``post_render_hooks``, never through timings).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
import pytest

from jekyllpy.rendering.dependencies import DependencyTracker, state_path
from jekyllpy.serve import process_site
from jekyllpy.site import build
from jekyllpy.site.site import Site, load_config

SITES = Path(__file__).resolve().parent / "fixtures" / "sites"
#: a fixed build time: a fresh build and a rebuild must be comparable byte for byte
TIME = {"time": "2024-06-01 03:04:05"}


@pytest.fixture(autouse=True)
def _cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JEKYLLPY_CACHE_DIR", str(tmp_path / "cache"))


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


class Tracked:
    """A site rebuilt as serve rebuilds it, with the files each build rendered."""

    def __init__(self, src: Path, dest: Path) -> None:
        self.src, self.dest = src, dest
        self.site = Site(load_config(src, None, {**TIME, "destination": str(dest)}))
        self.site.regenerator = DependencyTracker(self.site)
        self.rendered: list[str] = []
        self.site.post_render_hooks.append(
            lambda item: self.rendered.append(item.relative_path))

    def rebuild(self) -> set[str]:
        self.rendered.clear()
        process_site(self.site)
        return set(self.rendered)

    def assert_fresh(self, tmp: Path) -> None:
        fresh = tmp / "fresh"
        shutil.rmtree(fresh, ignore_errors=True)
        Site(load_config(self.src, None, {**TIME, "destination": str(fresh)})).process()
        built, expected = tree(self.dest), tree(fresh)
        assert sorted(built) == sorted(expected)
        differing = [name for name in expected if built[name] != expected[name]]
        assert differing == []


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def append(path: Path, text: str) -> None:
    write(path, path.read_text(encoding="utf-8") + text)


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    write(path, text.replace(old, new, 1))


# -- a small site where each file has known readers ------------------------------------------------
def make_site(root: Path) -> Path:
    src = root / "src"
    write(src / "_config.yml", "title: Tracking\nexcerpt_separator: <!--more-->\n")
    write(src / "_layouts/default.html",
          "<html><title>{{ page.title }}</title>{% include nav.html %}\n{{ content }}</html>\n")
    write(src / "_layouts/post.html",
          "---\nlayout: default\n---\n<article>{{ content }}</article>\n")
    write(src / "_includes/nav.html", "<nav>{{ site.title }}</nav>")
    write(src / "_includes/note.html", "<aside>{{ include.text }}</aside>")
    write(src / "_data/people.yml", "- name: Ada\n- name: Grace\n")
    write(src / "_posts/2024-01-01-alpha.md",
          "---\nlayout: post\ntitle: Alpha\n---\nAlpha intro.\n<!--more-->\n"
          "{% include note.html text=\"alpha note\" %}\n")
    write(src / "_posts/2024-01-02-beta.md",
          "---\nlayout: post\ntitle: Beta\n---\nBeta intro.\n<!--more-->\nBeta more.\n")
    write(src / "_posts/2024-01-03-gamma.md",
          "---\nlayout: post\ntitle: Gamma\n---\nGamma intro.\n<!--more-->\nGamma more.\n")
    write(src / "index.html",
          "---\nlayout: default\ntitle: Home\n---\n{% for post in site.posts %}"
          "<h2>{{ post.title }}</h2>{{ post.excerpt }}{% endfor %}\n")
    write(src / "archive.html",
          "---\nlayout: default\ntitle: Archive\n---\n{% for post in site.posts %}"
          "<a href=\"{{ post.url }}\">{{ post.title }}</a>{% endfor %}\n")
    write(src / "about.md", "---\nlayout: default\ntitle: About\n---\nAbout us.\n")
    write(src / "people.html", "---\nlayout: default\ntitle: People\n---\n"
          "{% for p in site.data.people %}<p>{{ p.name }}</p>{% endfor %}\n")
    write(src / "style.css", "body { color: black }\n")
    return src


POSTS = {"_posts/2024-01-01-alpha.md", "_posts/2024-01-02-beta.md",
         "_posts/2024-01-03-gamma.md"}
PAGES = {"index.html", "archive.html", "about.md", "people.html"}


@pytest.fixture
def tracked(tmp_path: Path) -> Tracked:
    site = Tracked(make_site(tmp_path), tmp_path / "_site")
    assert site.rebuild() == POSTS | PAGES  # the first build renders everything
    return site


def test_nothing_changed_renders_nothing(tracked: Tracked, tmp_path: Path) -> None:
    assert tracked.rebuild() == set()
    os.utime(tracked.src / "about.md")  # a newer time, the same bytes
    assert tracked.rebuild() == set()
    tracked.assert_fresh(tmp_path)


def test_page_edit_renders_that_page(tracked: Tracked, tmp_path: Path) -> None:
    append(tracked.src / "about.md", "\nAnd more.\n")
    assert tracked.rebuild() == {"about.md"}
    tracked.assert_fresh(tmp_path)


def test_layout_edit_renders_what_uses_it(tracked: Tracked, tmp_path: Path) -> None:
    replace(tracked.src / "_layouts/post.html", "<article>", "<article class=\"post\">")
    assert tracked.rebuild() == POSTS
    tracked.assert_fresh(tmp_path)
    append(tracked.src / "_layouts/default.html", "<!-- footer -->\n")
    assert tracked.rebuild() == POSTS | PAGES  # every file's chain ends there
    tracked.assert_fresh(tmp_path)


def test_include_edit_renders_what_includes_it(tracked: Tracked, tmp_path: Path) -> None:
    replace(tracked.src / "_includes/note.html", "<aside>", "<aside class=\"note\">")
    assert tracked.rebuild() == {"_posts/2024-01-01-alpha.md"}
    tracked.assert_fresh(tmp_path)


def test_data_edit_renders_what_reads_site_data(tracked: Tracked, tmp_path: Path) -> None:
    append(tracked.src / "_data/people.yml", "- name: Linus\n")
    assert tracked.rebuild() == {"people.html"}
    tracked.assert_fresh(tmp_path)


def test_post_edits_render_the_post_and_what_lists_that_field(tracked: Tracked,
                                                              tmp_path: Path) -> None:
    beta = tracked.src / "_posts/2024-01-02-beta.md"
    append(beta, "\nAfter the excerpt.\n")   # neither title nor excerpt changes
    assert tracked.rebuild() == {"_posts/2024-01-02-beta.md"}
    tracked.assert_fresh(tmp_path)
    replace(beta, "Beta intro.", "Beta's new intro.")  # the excerpt changes
    assert tracked.rebuild() == {"_posts/2024-01-02-beta.md", "index.html"}
    tracked.assert_fresh(tmp_path)
    replace(beta, "title: Beta", "title: Better")       # the title changes
    assert tracked.rebuild() == {"_posts/2024-01-02-beta.md", "index.html", "archive.html"}
    tracked.assert_fresh(tmp_path)


def test_added_and_removed_posts(tracked: Tracked, tmp_path: Path) -> None:
    write(tracked.src / "_posts/2024-03-01-delta.md",
          "---\nlayout: post\ntitle: Delta\n---\nDelta intro.\n")
    assert tracked.rebuild() == {"_posts/2024-03-01-delta.md", "index.html", "archive.html"}
    tracked.assert_fresh(tmp_path)
    (tracked.src / "_posts/2024-01-01-alpha.md").unlink()
    assert tracked.rebuild() == {"index.html", "archive.html"}
    tracked.assert_fresh(tmp_path)


def test_a_new_include_shadowing_a_lookup_is_noticed(tmp_path: Path) -> None:
    src = make_site(tmp_path)
    write(src / "_config.yml", "title: Tracking\nincludes_dir: _parts\n")
    shutil.move(str(src / "_includes"), str(src / "_parts"))
    tracked = Tracked(src, tmp_path / "_site")
    tracked.rebuild()
    write(src / "_parts/nav.html", "<nav>changed</nav>")
    assert tracked.rebuild() == POSTS | PAGES
    tracked.assert_fresh(tmp_path)


def test_what_the_previous_file_left_in_the_payload(tmp_path: Path) -> None:
    """A file whose Liquid prints ``content`` sees what the file rendered before it left
    there (Jekyll's shared payload): it is rendered again when that changed."""
    src = make_site(tmp_path)
    write(src / "zz-leak.html", "---\n---\n{{ content | size }} {{ layout.title }}\n")
    tracked = Tracked(src, tmp_path / "_site")
    tracked.rebuild()
    append(src / "people.html", "<p>more people</p>\n")   # rendered just before zz-leak
    assert tracked.rebuild() == {"people.html", "zz-leak.html"}
    tracked.assert_fresh(tmp_path)
    append(src / "about.md", "\nMore.\n")                 # further away
    assert tracked.rebuild() == {"about.md"}
    tracked.assert_fresh(tmp_path)


def test_a_long_sequence_of_edits_stays_identical(tracked: Tracked, tmp_path: Path) -> None:
    src = tracked.src
    edits = [
        lambda: append(src / "about.md", "\nx\n"),
        lambda: replace(src / "_layouts/post.html", "<article>", "<article id=\"a\">"),
        lambda: append(src / "_includes/note.html", "!"),
        lambda: write(src / "_data/people.yml", "- name: Radia\n"),
        lambda: replace(src / "_posts/2024-01-03-gamma.md", "Gamma intro", "Gamma start"),
        lambda: write(src / "_posts/2023-12-31-zero.md", "---\ntitle: Zero\n---\nZero.\n"),
        lambda: replace(src / "index.html", "<h2>", "<h3>"),
        lambda: (src / "style.css").unlink(),
        lambda: write(src / "_layouts/post.html", "---\nlayout: default\n---\n{{ content }}"),
        lambda: replace(src / "_posts/2023-12-31-zero.md", "title: Zero",
                        "title: Zero\ndate: 2024-05-01"),
        lambda: append(src / "_config.yml", "# the configuration is read once\n"),
    ]
    for edit in edits:
        edit()
        tracked.rebuild()
        tracked.assert_fresh(tmp_path)


# -- every file of fixture sites, edited in turn --------------------------------------------------
_SUFFIXES = {".md": "\n<!-- edited -->\nEdited text.\n", ".html": "\n<!-- edited -->\n",
             ".yml": "\n# edited\n", ".scss": "\n/* edited */\n", ".txt": "edited\n",
             ".xml": "<!-- edited -->\n"}


@pytest.mark.parametrize("name", ["blog", "includes", "collections", "minima", "seo_edge",
                                  "feed_basic", "sitemap_basic", "sass"])
def test_fixture_site_edit_by_edit(name: str, tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(SITES / name / "source", src, symlinks=True)
    tracked = Tracked(src, tmp_path / "_site")
    total = len(tracked.rebuild())
    files = [p for p in sorted(src.rglob("*"))
             if p.is_file() and p.suffix in _SUFFIXES and p.name != "_config.yml"]
    assert files
    fewer = 0
    for path in files:
        append(path, _SUFFIXES[path.suffix])
        rendered = tracked.rebuild()
        tracked.assert_fresh(tmp_path)
        fewer += len(rendered) < total
    assert fewer, "some edit should have rendered less than the whole site"


# -- build --incremental ---------------------------------------------------------------------------
def test_build_incremental_keeps_its_state_outside_source_and_destination(
        tmp_path: Path) -> None:
    src = make_site(tmp_path)
    dest = tmp_path / "_site"
    before = tree(src)
    first = build(src, dest, incremental=True, **TIME)
    assert len(first.regenerator.rendered) == len(POSTS | PAGES)
    store = state_path(src, dest)
    assert store.is_file() and store.is_relative_to(tmp_path / "cache")
    assert tree(src) == before                       # nothing written into the source
    assert not any(name.endswith("metadata") or name.endswith(".pickle")
                   for name in tree(dest))
    append(src / "about.md", "\nMore.\n")
    second = build(src, dest, incremental=True, **TIME)   # a new process would do the same
    assert [i.relative_path for i in second.regenerator.rendered] == ["about.md"]
    Tracked(src, dest).assert_fresh(tmp_path)
    # another configuration renders everything
    third = build(src, dest, incremental=True, time="2024-05-06 07:08:09")
    assert len(third.regenerator.rendered) == len(POSTS | PAGES)


def test_a_failed_build_keeps_the_last_good_state(tracked: Tracked, tmp_path: Path) -> None:
    about = tracked.src / "about.md"
    text = about.read_text()
    write(about, text + "{% include missing.html %}\n")
    with pytest.raises(Exception):
        tracked.rebuild()
    write(about, text + "\nFixed.\n")
    assert tracked.rebuild() == {"about.md"}
    tracked.assert_fresh(tmp_path)


def test_one_console_for_every_command() -> None:
    import jekyllpy.cli as cli
    import jekyllpy.console as console
    import jekyllpy.serve as serve
    assert serve.Console is console.Console and cli.Console is console.Console
    assert not hasattr(serve, "_Console")


def test_a_page_reading_the_clock_or_a_random_source_renders_every_time(
        tracked: Tracked) -> None:
    # what a full build would print anew: "now", a time of day without a date, sample
    write(tracked.src / "clock.html", "---\n---\n{{ 'now' | date: '%Y' }}\n")
    write(tracked.src / "noon.html", "---\n---\n{{ '12:00' | date: '%Y' }}\n")
    write(tracked.src / "pick.html", "---\n---\n{{ site.data.people | sample | size }}\n")
    assert tracked.rebuild() == {"clock.html", "noon.html", "pick.html"}
    assert tracked.rebuild() == {"clock.html", "noon.html", "pick.html"}

"""``jekyllpy.render_page``: one page's bytes, equal to what ``jekyll build`` wrote for it.

Every page and document of the fixture sites (tests/fixtures/sites, expected output made
by Jekyll) is rendered alone and compared with Jekyll's file; and the errors for files
Jekyll does not render.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import jekyllpy
from jekyllpy.errors import JekyllpyError
from jekyllpy.site import build
from jekyllpy.site.render_page import RenderPageError
from jekyllpy.testing.compare import normalise

ROOT = Path(__file__).resolve().parent.parent
SITES = ROOT / "tests" / "fixtures" / "sites"

SITE_NAMES = sorted(p.name for p in SITES.iterdir()
                    if (p / "source").is_dir() and not (p / "build.json").exists())


@pytest.mark.parametrize("name", SITE_NAMES)
def test_every_page_alone_matches_jekyll(name: str, tmp_path: Path) -> None:
    source = SITES / name / "source"
    site = build(source, tmp_path / "_site")
    items = [p for p in site.pages if getattr(p, "pager", None) is None
             or p.pager.data["page"] == 1]
    # pages of the site's own (not the theme's assets, not generated ones)
    items = [p for p in items if Path(p.path).is_file()
             and Path(p.path).resolve().is_relative_to(source.resolve())]
    items += [d for c in site.collections.values() for d in c.docs if d.write_p()]
    checked = 0
    for item in items:
        rel = item.destination(tmp_path / "_site").relative_to(tmp_path / "_site").as_posix()
        expected = SITES / name / "expected" / rel
        if not expected.is_file():
            continue
        actual = jekyllpy.render_page(item.path).encode("utf-8")
        assert normalise(rel, actual) == normalise(rel, expected.read_bytes()), rel
        checked += 1
    assert checked, f"{name}: no page checked"


def test_errors_name_the_reason(tmp_path: Path) -> None:
    (tmp_path / "_config.yml").write_text("title: t\n")
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_layouts").mkdir()
    (tmp_path / "_layouts" / "default.html").write_text("{{ content }}")
    (tmp_path / "style.css").write_text("a{}")
    (tmp_path / "hidden.md").write_text("---\npublished: false\n---\nx\n")
    (tmp_path / "_posts" / "2999-01-01-later.md").write_text("---\n---\nx\n")
    (tmp_path / "page.md").write_text("---\n---\n*x*\n")
    assert jekyllpy.render_page(tmp_path / "page.md") == "<p><em>x</em></p>\n"
    for name, words in [("style.css", "static file"), ("hidden.md", "published: false"),
                        ("_posts/2999-01-01-later.md", "future"),
                        ("_layouts/default.html", "not part of the site's output"),
                        ("missing.md", "no such file")]:
        with pytest.raises(RenderPageError, match=words):
            jekyllpy.render_page(tmp_path / name)
    assert issubclass(RenderPageError, JekyllpyError)


def test_site_root_is_found_above_the_file_or_is_its_folder(tmp_path: Path) -> None:
    (tmp_path / "_config.yml").write_text("title: Root\n")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("---\n---\n{{ site.title }}\n")
    assert jekyllpy.render_page(tmp_path / "docs" / "a.md") == "<p>Root</p>\n"
    lone = tmp_path / "elsewhere"
    lone.mkdir()
    (lone / "b.md").write_text("---\n---\n[{{ site.title }}]\n")
    # _config.yml is looked for in every folder above, so the site is tmp_path again
    assert jekyllpy.render_page(lone / "b.md") == "<p>[Root]</p>\n"
    assert jekyllpy.render_page(lone / "b.md", config={"title": "Over"}) == "<p>[Over]</p>\n"


def test_no_site_is_kept_after_rendering(tmp_path: Path) -> None:
    """Each call reads a whole site; none may stay in memory once the page is returned
    (python-liquid caches parsers by environment, and the environment knew the site)."""
    import gc

    from jekyllpy.site.site import Site

    (tmp_path / "_config.yml").write_text("title: t\n")
    # an include (its kept outputs) and markdownify (the converter) too
    (tmp_path / "_includes").mkdir()
    (tmp_path / "_includes" / "i.html").write_text("{{ site.title | markdownify }}")
    (tmp_path / "page.md").write_text("---\n---\n{{ site.title }} *x*\n")
    (tmp_path / "inc.md").write_text("---\n---\n{% include i.html %}\n")

    def alive() -> int:
        gc.collect()
        return sum(1 for o in gc.get_objects() if isinstance(o, Site))

    before = alive()
    for _ in range(3):
        assert jekyllpy.render_page(tmp_path / "page.md") == "<p>t <em>x</em></p>\n"
        assert jekyllpy.render_page(tmp_path / "inc.md") == "<p>t</p>\n\n"
    assert alive() == before


def test_no_site_is_kept_after_a_build(tmp_path: Path) -> None:
    """Nor after a build, once its Site is let go (the environment that rendered it
    outlives it in python-liquid's parser cache)."""
    import gc
    import weakref

    (tmp_path / "src" / "_includes").mkdir(parents=True)
    (tmp_path / "src" / "_includes" / "i.html").write_text("{{ site.title | markdownify }}")
    (tmp_path / "src" / "page.md").write_text("---\n---\n{% include i.html %}\n")
    site = build(tmp_path / "src", tmp_path / "_site", title="t")
    assert site.pages[0].output == "<p>t</p>\n\n"
    ref = weakref.ref(site)
    env = site._liquid_env  # type: ignore[attr-defined]
    assert env._partials and env.tags
    del site
    gc.collect()
    assert ref() is None
    # and the environment python-liquid keeps holds no parsed templates any more
    assert not env._partials and not env.tags

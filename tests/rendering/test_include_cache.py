"""Include outputs reused across pages (jekyllpy/rendering/include_cache.py).

Every site here is built twice: as usual, and with nothing kept for reuse
(``MAX_ENTRIES = 0``, which renders every include every time, as Jekyll does).  The two
destinations must hold the same bytes, and the includes that read only site-wide values
must actually have been reused (counted through the environment's record of reuses),
while those that read anything page-dependent or stateful must not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from jekyllpy.rendering import include_cache
from jekyllpy.rendering.include_cache import cacheable_source, same_value
from jekyllpy.site import build

TIME = {"time": "2024-06-01 03:04:05"}


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def make_site(root: Path, includes: dict[str, str], layout: str, posts: int = 4,
              post_body: str = "Body {{ page.title }}\n") -> Path:
    """Posts and two pages on one layout, with the given includes."""
    src = root / "src"
    write(src / "_config.yml", "title: Reuse\nauthor: Someone\n")
    write(src / "_layouts" / "default.html", layout)
    for name, text in includes.items():
        write(src / "_includes" / name, text)
    for i in range(posts):
        write(src / "_posts" / f"2024-01-0{i + 1}-post-{i}.md",
              f"---\nlayout: default\ntitle: Post {i}\n---\n{post_body}")
    write(src / "about.md", "---\nlayout: default\ntitle: About\n---\nAbout me\n")
    write(src / "index.html", "---\nlayout: default\ntitle: Home\n---\nHome\n")
    return src


def build_both(src: Path, root: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Build with reuse and without; the trees must match.  Returns the reuses per
    include file name."""
    site = build(src, root / "reused", **TIME)
    hits = {Path(str(k)).name: n
            for k, n in site._liquid_env.include_outputs.hits.items()}  # type: ignore
    with monkeypatch.context() as m:
        m.setattr(include_cache, "MAX_ENTRIES", 0)
        build(src, root / "plain", **TIME)
    assert tree(root / "reused") == tree(root / "plain")
    return hits


PAGES = 6  # 4 posts, about, index


def test_site_wide_include_is_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = make_site(tmp_path, {"footer.html": "<footer>{{ site.title | escape }} "
                                              "{{ site.author }}</footer>"},
                    "{% include footer.html %}{{ content }}")
    hits = build_both(src, tmp_path, monkeypatch)
    assert hits == {"footer.html": PAGES - 1}
    assert "<footer>Reuse Someone</footer>" in (tmp_path / "reused" / "about.html").read_text()


def test_page_dependent_include_is_rendered_for_each_page(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = make_site(tmp_path, {"title.html": "<h1>{{ page.title }}</h1>"},
                    "{% include title.html %}{{ content }}")
    assert build_both(src, tmp_path, monkeypatch) == {}
    assert "<h1>About</h1>" in (tmp_path / "reused" / "about.html").read_text()
    assert "<h1>Home</h1>" in (tmp_path / "reused" / "index.html").read_text()


def test_assignments_and_loop_positions_are_left_behind(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the include assigns a variable and runs a loop; the layout reads both afterwards
    src = make_site(tmp_path, {"nav.html": "{% assign names = site.title | split: 'e' %}"
                                           "{% for n in names limit: 1 %}[{{ n }}]{% endfor %}"},
                    "{% include nav.html %}{{ names | size }}"
                    "{% for n in names offset: continue %}({{ n }}){% endfor %}{{ content }}")
    hits = build_both(src, tmp_path, monkeypatch)
    assert hits == {"nav.html": PAGES - 1}
    assert (tmp_path / "reused" / "about.html").read_text().startswith("[R]2(us)")


def test_variables_of_the_including_page_are_compared(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the same include sees a value the layout assigned: equal values reuse, others not
    src = make_site(tmp_path, {"show.html": "<b>{{ kind }}</b>"},
                    "{% if page.title contains 'Post' %}{% assign kind = 'post' %}"
                    "{% else %}{% assign kind = page.title %}{% endif %}"
                    "{% include show.html %}{{ content }}")
    hits = build_both(src, tmp_path, monkeypatch)
    assert hits == {"show.html": 3}  # the four posts share one output
    assert "<b>About</b>" in (tmp_path / "reused" / "about.html").read_text()


def test_parameters_are_compared(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = make_site(tmp_path, {"p.html": "<i>{{ include.a }}</i>"},
                    '{% include p.html a="x" %}{% include p.html a="y" %}'
                    "{% include p.html a=page.layout %}{{ content }}")
    hits = build_both(src, tmp_path, monkeypatch)
    assert hits == {"p.html": 3 * PAGES - 3}
    assert (tmp_path / "reused" / "about.html").read_text().startswith(
        "<i>x</i><i>y</i><i>default</i>")


@pytest.mark.parametrize("text", [
    "{{ site.posts.first.content }}",          # changes as the posts render
    "{% for f in site.pages.first %}{{ f }}{% endfor %}",  # every field of a page
    "{% for p in site.related_posts %}{{ p.title }}{% endfor %}",  # the current post's
    "{{ site.posts.last.excerpt }}",           # rendered on demand
    "{% cycle 'a', 'b' %}",                    # state kept between renders
    "{% increment n %}",
    "{{ 'now' | date: '%Y' }}",                # the clock
    "{{ site.title | split: '' | sample }}",   # a random source
    "{% include_relative x.txt %}",            # found from the page's folder
    "{% include inner.html %}",                # an include that reads the page
])
def test_what_differs_between_renders_is_never_reused(
        text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = make_site(tmp_path, {"outer.html": f"<div>{text}</div>",
                               "inner.html": "{{ page.title }}"},
                    "{% include outer.html %}{{ content }}")
    write(src / "x.txt", "x")
    write(src / "_posts" / "x.txt", "x")
    site = build(src, tmp_path / "reused", **TIME)
    hits = site._liquid_env.include_outputs.hits  # type: ignore[attr-defined]
    assert not any(Path(str(k)).name == "outer.html" for k in hits)


@pytest.mark.parametrize("text", [
    "{{ site.posts.first.content }}",
    "{% for p in site.related_posts %}{{ p.title }}{% endfor %}",
    "{% cycle 'a', 'b', 'c', 'd', 'e', 'f', 'g' %}",
    "{% increment n %}",
    "{% include inner.html %}",
    "{% for p in site.posts %}{% include inner.html %}{% endfor %}",
])
def test_outputs_that_differ_match_a_build_without_reuse(
        text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = make_site(tmp_path, {"outer.html": f"<div>{text}</div>",
                               "inner.html": "{{ page.title }}"},
                    "{% include outer.html %}{{ content }}")
    build_both(src, tmp_path, monkeypatch)


def test_nested_site_wide_includes_are_reused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = make_site(tmp_path, {"outer.html": "<div>{% include inner.html %}</div>",
                               "inner.html": "{{ site.title }}"},
                    "{% include outer.html %}{{ content }}")
    hits = build_both(src, tmp_path, monkeypatch)
    assert hits == {"outer.html": PAGES - 1}  # inner's render is part of outer's


def test_includes_inside_loops_are_rendered_each_time(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = make_site(tmp_path, {"item.html": "{{ forloop.parentloop.index }}-{{ site.title }}"},
                    "{% for a in (1..2) %}{% for b in (1..2) %}{% include item.html %}"
                    "{% endfor %}{% endfor %}{{ content }}")
    assert build_both(src, tmp_path, monkeypatch) == {}
    assert (tmp_path / "reused" / "about.html").read_text().startswith(
        "1-Reuse1-Reuse2-Reuse2-Reuse")


def test_cacheable_source() -> None:
    assert cacheable_source("{% if site.x %}{% for a in b %}{{ a }}{% endfor %}{% endif %}")
    assert cacheable_source("{%- include x.html -%}{% raw %}{% seo %}{% endraw %}")
    assert not cacheable_source("{% seo %}")
    assert not cacheable_source("{% for a in b offset: continue %}{% endfor %}")
    assert not cacheable_source("{% include_relative x %}")
    assert not cacheable_source("{% liquid assign x = 1 %}")


def test_same_value_tells_types_apart() -> None:
    assert same_value("a", "a") and same_value(1, 1) and same_value(None, None)
    assert not same_value(1, 1.0) and not same_value(1, True) and not same_value("1", 1)
    assert same_value({"a": [1, "x"]}, {"a": [1, "x"]})
    assert not same_value({"a": 1, "b": 2}, {"b": 2, "a": 1})  # order shows in a loop
    assert not same_value([1], [1.0])
    obj = object()
    assert same_value(obj, obj) and not same_value(object(), object())

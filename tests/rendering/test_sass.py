"""jekyllpy.rendering.sass against outputs written by real Jekyll 4.3.1 (sassc, libsass).

Two sets of expected bytes, both committed (no Ruby at test time):

* the fixture site ``tests/fixtures/sites/sass`` (``scripts/regen_site_fixtures.py``): each
  ``.scss``/``.sass`` page of ``source/``, front matter removed and its Liquid rendered,
  against ``expected/``;
* the cases of ``tests/fixtures/sass`` (``scripts/regen_sass_fixtures.py``): one temporary
  site per case, the page at ``css/NAME.EXT``; the CSS, the map, or Jekyll's error lines.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from jekyllpy.rendering.sass import (
    SassConverter,
    SassError,
    SassSyntaxError,
    sassify,
    scssify,
)
from jekyllpy.site.front_matter import parse

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SITE = FIXTURES / "sites" / "sass"
CASES = FIXTURES / "sass"

SITE_PAGES = sorted(p.relative_to(SITE / "source").as_posix()
                    for p in (SITE / "source").rglob("*")
                    if p.suffix in (".scss", ".sass") and not p.name.startswith("_")
                    and not any(part.startswith("_") for part in
                                p.relative_to(SITE / "source").parts))
CASE_INPUTS = sorted(p.name for p in CASES.iterdir()
                     if p.is_file() and p.suffix in (".scss", ".sass"))


def _site_converter() -> SassConverter:
    config = yaml.safe_load((SITE / "source" / "_config.yml").read_text(encoding="utf-8"))
    return SassConverter(config, source=SITE / "source", theme_sass_path=None,
                         environment="development")


@pytest.mark.parametrize("rel", SITE_PAGES)
def test_site_fixture_page(rel: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # Jekyll ran in the site's folder; the outputs do not depend on it, errors would.
    monkeypatch.chdir(SITE / "source")
    source = SITE / "source" / rel
    parsed = parse(source.read_text(encoding="utf-8"), str(source))
    assert parsed.data is not None, "a Sass page needs front matter to be converted"
    config = yaml.safe_load((SITE / "source" / "_config.yml").read_text(encoding="utf-8"))
    # The only Liquid in these pages is {{ site.title }}; the Liquid layer is tested apart.
    content = parsed.content.replace("{{ site.title }}", str(config["title"]))
    assert "{{" not in content and "{%" not in content
    css, source_map = _site_converter().convert(content, path=source, relative_path=rel)
    stem = rel.rsplit(".", 1)[0]
    assert css == (SITE / "expected" / f"{stem}.css").read_text(encoding="utf-8")
    expected_map = SITE / "expected" / f"{stem}.css.map"
    assert source_map == (expected_map.read_text(encoding="utf-8")
                          if expected_map.exists() else None)


def test_site_fixture_has_pages() -> None:
    assert SITE_PAGES == ["css/alt.sass", "css/main.scss"]


def _case_converter(name: str) -> SassConverter:
    stem = name.rsplit(".", 1)[0]
    config: dict = {"timezone": "UTC"}
    fragment = CASES / f"{stem}.yml"
    if fragment.exists():
        config.update(yaml.safe_load(fragment.read_text(encoding="utf-8")) or {})
    options = CASES / f"{stem}.json"
    spec = json.loads(options.read_text(encoding="utf-8")) if options.exists() else {}
    return SassConverter(config, source=CASES, environment=spec.get("jekyll_env")
                         or "development")


@pytest.mark.parametrize("name", CASE_INPUTS)
def test_case(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CASES)  # Jekyll's working directory was the site's folder
    stem = name.rsplit(".", 1)[0]
    converter = _case_converter(name)
    content = (CASES / name).read_bytes().decode("utf-8")
    relative_path = f"css/{name}"
    error_file = CASES / f"{stem}.error"
    if error_file.exists():
        with pytest.raises(SassSyntaxError) as info:
            converter.convert(content, path=CASES / "css" / name, relative_path=relative_path)
        expected_lines = error_file.read_text(encoding="utf-8").splitlines()
        assert info.value.jekyll_log_lines() == expected_lines
        assert info.value.line is not None and info.value.file
        return
    css, source_map = converter.convert(content, path=CASES / "css" / name,
                                        relative_path=relative_path)
    assert css.encode("utf-8") == (CASES / f"{stem}.css").read_bytes()
    map_file = CASES / f"{stem}.css.map"
    if map_file.exists():
        assert source_map is not None and source_map.encode("utf-8") == map_file.read_bytes()
    else:
        assert source_map is None


def test_cases_cover_the_brief() -> None:
    stems = {n.rsplit(".", 1)[0] for n in CASE_INPUTS}
    assert {"nested", "mixins", "extend", "precision", "imports", "expanded", "compressed",
            "never", "empty", "charset", "indented", "error_syntax"} <= stems


# --------------------------------------------------------------------------- configuration

def test_defaults() -> None:
    converter = SassConverter({}, source=CASES)
    assert converter.style == "compact"
    assert converter.precision == 10
    assert converter.sourcemap_required()
    assert converter.load_paths == [str(CASES / "_sass")]


def test_matches_and_output_ext() -> None:
    converter = SassConverter({}, source=CASES)
    assert converter.matches(".scss") and converter.matches(".SASS")
    assert not converter.matches(".css") and not converter.matches("scss")
    assert converter.output_ext(".sass") == ".css"


@pytest.mark.parametrize(("setting", "env", "required"), [
    ("always", "production", True), ("never", "development", False),
    ("development", "development", True), ("development", "production", False),
    (":never", "development", False),
])
def test_sourcemap_setting(setting: str, env: str, required: bool) -> None:
    converter = SassConverter({"sass": {"sourcemap": setting}}, source=CASES,
                              environment=env)
    assert converter.sourcemap_required() is required


def test_load_path_order_and_theme(tmp_path: Path) -> None:
    for folder in ("vendor/a", "vendor/b", "_sass", "theme/_sass"):
        (tmp_path / folder).mkdir(parents=True)
    converter = SassConverter({"sass": {"load_paths": ["vendor/*", "missing"]}},
                              source=tmp_path, theme_sass_path=tmp_path / "theme" / "_sass")
    assert converter.load_paths == [str(tmp_path / "vendor/a"), str(tmp_path / "vendor/b"),
                                    str(tmp_path / "_sass"), str(tmp_path / "theme/_sass")]


def test_safe_mode_ignores_passthrough_options() -> None:
    converter = SassConverter({"safe": True, "sass": {"precision": 3, "line_comments": True}},
                              source=CASES)
    assert converter.precision == 10 and not converter.line_comments
    assert converter.load_paths == [str(CASES / "_sass")]


def test_bad_settings() -> None:
    with pytest.raises(SassError):
        SassConverter({"sass": {"sourcemap": False}}, source=CASES)
    with pytest.raises(SassError):
        SassConverter({"sass": ["not", "a", "mapping"]}, source=CASES)


# --------------------------------------------------------------------------- filters

def test_filters_make_no_map(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CASES)
    config = {"source": str(CASES)}
    assert scssify("a { b { c: d } }", config) == "a b { c: d; }\n"
    assert sassify("@import colors\na\n  color: $primary\n", config) == \
        "a { color: #0a7cff; }\n"
    converter = SassConverter({"sass": {"style": "compressed"}}, source=CASES)
    assert converter.scssify("a { width: (100% / 3) }") == "a{width:33.3333333333%}\n"


def test_filter_error_names_stdin() -> None:
    converter = SassConverter({}, source=CASES)
    with pytest.raises(SassSyntaxError) as info:
        converter.scssify("a { b: }")
    assert info.value.relative_path is None
    assert info.value.jekyll_log_lines()[0].endswith("while converting 'stdin':")
    assert "stdin" in str(info.value)

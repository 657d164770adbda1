"""Option declarations: kramdown's value rules and our stricter names."""

from __future__ import annotations

import pytest

from jekyllpy.kramdown.options import JEKYLL_DEFAULTS, OPTIONS, resolve_options


def test_defaults_are_kramdowns() -> None:
    opts = resolve_options()
    assert opts["auto_ids"] is True
    assert opts["toc_levels"] == (1, 2, 3, 4, 5, 6)
    assert opts["smart_quotes"] == ("lsquo", "rsquo", "ldquo", "rdquo")
    assert opts["footnote_backlink"] == "&#8617;"
    assert opts["hard_wrap"] is True and opts["gfm_quirks"] == ("paragraph_end",)


@pytest.mark.parametrize("value,expected", [
    ("false", False), ("FALSE ", False), ("", False), (None, False), ("true", True),
    ("no", True), (0, True), (False, False)])
def test_boolean_strings_read_like_kramdown(value, expected) -> None:
    assert resolve_options({"auto_ids": value})["auto_ids"] is expected


@pytest.mark.parametrize("value,expected", [
    ("2..3", (2, 3)), ("1,3,3", (1, 3)), ([4, "5"], (4, 5)), (range(1, 3), (1, 2))])
def test_toc_levels_forms(value, expected) -> None:
    assert resolve_options({"toc_levels": value})["toc_levels"] == expected


def test_symbols_and_nil() -> None:
    opts = resolve_options({"syntax_highlighter": "nil", "math_engine": ":mathjax",
                            "entity_output": ":numeric"})
    assert opts["syntax_highlighter"] is None
    assert opts["math_engine"] == "mathjax"
    assert opts["entity_output"] == "numeric"


def test_hashes_from_yaml_text_with_symbol_keys() -> None:
    opts = resolve_options({"syntax_highlighter_opts": "{default_lang: ruby, ':css_class': x}"})
    assert opts["syntax_highlighter_opts"] == {"default_lang": "ruby", "css_class": "x"}


def test_smart_quotes_numbers_and_names() -> None:
    assert resolve_options({"smart_quotes": "39,39,quot,quot"})["smart_quotes"] == (
        39, 39, "quot", "quot")
    with pytest.raises(ValueError, match="smart_quotes"):
        resolve_options({"smart_quotes": "a,b"})


def test_link_defs_get_a_title_slot() -> None:
    opts = resolve_options({"link_defs": {"ex": ["http://e.com"]}})
    assert opts["link_defs"] == {"ex": ("http://e.com", None)}


def test_unknown_and_bad_values() -> None:
    with pytest.raises(ValueError, match="frobnicate"):
        resolve_options({"frobnicate": 1})
    with pytest.raises(ValueError, match="footnote_nr"):
        resolve_options({"footnote_nr": "one"})


def test_jekyll_defaults_are_valid_options() -> None:
    opts = resolve_options(JEKYLL_DEFAULTS)
    assert opts["input"] == "GFM" and opts["hard_wrap"] is False
    assert set(JEKYLL_DEFAULTS) <= set(OPTIONS)

"""Drops and the Markdown converter's set-up: the parts the fixture sites cannot reach.

The fixture sites ``drops`` and ``kramdown_setup`` (expected output from Jekyll) cover what
templates see; these tests cover paths a small site's build does not take: a conversion
taken from the second process, and Ruby Symbols as hash keys.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from jekyllpy.config import site_config
from jekyllpy.rendering import renderer
from jekyllpy.rendering.converters import MarkdownConverter
from jekyllpy.rendering.ruby import RubySymbol, inspect, to_s


class _TakesEverything:
    """A prefetch that has converted every text already."""

    def take(self, key: int, text: str) -> str:
        return "<p>done elsewhere</p>\n"


def test_a_conversion_taken_from_the_second_process_sets_the_converter_up() -> None:
    config = site_config({})
    markdown = MarkdownConverter(config)
    site = SimpleNamespace(_prefetch=_TakesEverything())
    doc: Any = SimpleNamespace(site=site, converters=[markdown], relative_path="a.md")
    assert "syntax_highlighter" not in config["kramdown"]
    assert renderer.convert(doc, "*a*\n") == "<p>done elsewhere</p>\n"
    # as Jekyll's converter does on its first conversion, wherever the HTML came from
    assert config["kramdown"]["syntax_highlighter"] == "rouge"
    assert config["kramdown"]["coderay"] == {}
    assert config["kramdown"]["syntax_highlighter_opts"] == {
        RubySymbol("default_lang"): "plaintext", RubySymbol("guess_lang"): True}


def test_set_up_keeps_the_order_and_converts_later_text_the_same() -> None:
    config = site_config({"kramdown": {"syntax_highlighter": None,
                                       "syntax_highlighter_opts": {"css_class": "hl"}}})
    markdown = MarkdownConverter(config)
    block = "```ruby\nx = 1\n```\n"
    first = markdown.convert(block)
    # set where it stood (nil), the options' hash completed in place, coderay added last
    assert list(config["kramdown"])[-3:] == ["syntax_highlighter", "syntax_highlighter_opts",
                                             "coderay"]
    assert config["kramdown"]["syntax_highlighter"] == "rouge"
    assert list(config["kramdown"]["syntax_highlighter_opts"]) == [
        RubySymbol("css_class"), RubySymbol("default_lang"), RubySymbol("guess_lang")]
    assert '<pre class="hl">' in first
    # options worked out again from the changed configuration (Symbol keys) agree
    assert MarkdownConverter(config).convert(block) == first


def test_a_kramdown_section_that_is_no_mapping_is_left_alone() -> None:
    config = site_config({})
    config["kramdown"] = False
    MarkdownConverter(config).set_up()
    assert config["kramdown"] is False


def test_symbol_keys_print_as_ruby_and_are_not_found_by_strings() -> None:
    table = {RubySymbol("css_class"): "hl", RubySymbol("a-b"): 1, "css_class": "string key"}
    assert inspect(table) == '{:css_class=>"hl", :"a-b"=>1, "css_class"=>"string key"}'
    assert table["css_class"] == "string key"
    assert table[RubySymbol("css_class")] == "hl"
    assert to_s(RubySymbol("css_class")) == "css_class"
    assert RubySymbol("x") != "x" and "x" != RubySymbol("x")

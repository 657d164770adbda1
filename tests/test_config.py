"""Jekyll's configuration defaults, its merge rule, and the kramdown options its converter
computes, compared with Ruby Jekyll itself when it is installed."""

from __future__ import annotations

import json
import shutil
import subprocess
from typing import Any

import pytest

from jekyllpy.config import (DEFAULTS, converter_config, deep_merge, kramdown_options,
                             site_config)
from jekyllpy.kramdown.options import JEKYLL_DEFAULTS, OPTIONS, resolve_options

# Site configurations (what _config.yml holds); None as the expectation marks a build that
# Jekyll 4.3 stops (a highlighter or math engine it needs an extra gem for, a bad section).
SITES: list[dict[str, Any]] = [
    {},
    {"highlighter": "none"},
    {"highlighter": None},
    {"highlighter": False},
    {"highlighter": ""},
    {"highlighter": "pygments"},
    {"highlighter": "coderay"},
    {"kramdown": None},
    {"kramdown": {"syntax_highlighter": None}},
    {"kramdown": {"syntax_highlighter": False}},
    {"kramdown": {"enable_coderay": True}},
    {"kramdown": {"enable_coderay": False, "coderay_css": "class"}},
    {"kramdown": {"coderay": {"coderay_css": "class", "coderay_line_numbers": None}}},
    {"kramdown": {"coderay": {"wrap": "span"}, "syntax_highlighter_opts": {"css": "x"}}},
    {"kramdown": {"coderay": ""}},
    {"kramdown": {"coderay": "x"}},
    {"kramdown": {"input": "kramdown", "guess_lang": False}},
    {"kramdown": {"input": "GFM", "hard_wrap": True, "gfm_quirks": "paragraph_end,no_auto_typographic"}},
    {"kramdown": {"syntax_highlighter_opts": {"default_lang": None, "css_class": "hl",
                                              "block": {"line_numbers": True}}}},
    {"kramdown": {"syntax_highlighter_opts": {"default_lang": ""}}},
    {"kramdown": {"syntax_highlighter_opts": {"guess_lang": False}, "guess_lang": True}},
    {"kramdown": {"syntax_highlighter_opts": "default_lang: ruby"}},
    {"kramdown": {"auto_ids": None, "toc_levels": "2..3", "smart_quotes": "apos,apos,quot,quot",
                  "parse_block_html": True, "footnote_backlink": "^", "show_warnings": True,
                  "unknown_thing": 1, ":auto_id_prefix": "x-"}},
    {"kramdown": {"math_engine": "katex"}},
    {"kramdown": {"math_engine": None}},
    {"kramdown": {"math_engine": "mathjax", "math_engine_opts": {"preview": True}}},
    {"kramdown": {"typographic_symbols": {"hellip": "..."}, "link_defs": {"x": ["http://x"]},
                  "entity_output": "numeric", "header_offset": "1", "footnote_nr": "3"}},
    {"kramdown": "oops"},
    {"highlighter": "rouge", "kramdown": {"syntax_highlighter": "rouge", "auto_ids": False}},
]

_JEKYLL_SCRIPT = r"""
require "json"; require "jekyll"; require "kramdown-parser-gfm"
Jekyll.logger.log_level = :error
STDIN.each_line do |line|
  begin
    site = Jekyll::Configuration.from(JSON.parse(line))
    parser = Jekyll::Converters::Markdown::KramdownParser.new(site)
    config = parser.instance_variable_get(:@config)
    dumped = JSON.dump(config)
    read = Kramdown::Options.merge(config).select { |k, _| Kramdown::Options.defined?(k) || k == :input }
    puts JSON.dump("config" => JSON.parse(dumped), "read" => read)
  rescue StandardError, ScriptError => e
    puts JSON.dump("error" => "#{e.class}: #{e.message}")
  end
end
"""


def _plain(value: Any) -> Any:
    return json.loads(json.dumps(value))


@pytest.fixture(scope="module")
def jekyll() -> list[dict[str, Any]]:
    if shutil.which("ruby") is None:
        pytest.skip("Ruby is not installed")
    stdin = "".join(json.dumps(site) + "\n" for site in SITES)
    run = subprocess.run(["ruby", "-e", _JEKYLL_SCRIPT], input=stdin, capture_output=True,
                         text=True, timeout=300)
    if run.returncode != 0:
        pytest.skip(f"Jekyll is not usable from Ruby: {run.stderr.strip()[-300:]}")
    return [json.loads(line) for line in run.stdout.splitlines()]


@pytest.mark.parametrize("index", range(len(SITES)), ids=[json.dumps(s) for s in SITES])
def test_converter_config_equals_jekylls(index: int, jekyll) -> None:
    theirs = jekyll[index]
    if "error" in theirs:
        with pytest.raises(ValueError):
            converter_config(SITES[index])
        return
    ours = converter_config(SITES[index])
    assert json.dumps(ours) == json.dumps(theirs["config"])  # same keys, values and order
    read = _plain(resolve_options(kramdown_options(SITES[index])))
    expected = dict(theirs["read"])
    expected["input"] = {"Kramdown": "kramdown"}.get(expected["input"], expected["input"])
    assert read == expected


def test_default_site() -> None:
    options = kramdown_options({})
    assert options == {"auto_ids": True, "toc_levels": [1, 2, 3, 4, 5, 6],
                       "entity_output": "as_char", "smart_quotes": "lsquo,rsquo,ldquo,rdquo",
                       "input": "GFM", "hard_wrap": False, "footnote_nr": 1,
                       "syntax_highlighter": "rouge",
                       "syntax_highlighter_opts": {"default_lang": "plaintext",
                                                   "guess_lang": True}}
    assert resolve_options(options) == resolve_options(JEKYLL_DEFAULTS)
    assert set(options) <= set(OPTIONS)


def test_highlighter_choice() -> None:
    assert kramdown_options({"highlighter": None})["syntax_highlighter"] == "rouge"
    assert kramdown_options({"highlighter": False})["syntax_highlighter"] == "rouge"
    assert kramdown_options({"highlighter": "none"})["syntax_highlighter"] == "none"
    site = {"highlighter": "none", "kramdown": {"syntax_highlighter": "rouge"}}
    assert kramdown_options(site)["syntax_highlighter"] == "rouge"
    with pytest.raises(ValueError, match="kramdown-syntax-coderay"):
        kramdown_options({"highlighter": "coderay"})
    with pytest.raises(ValueError, match="kramdown-syntax-coderay"):
        kramdown_options({"kramdown": {"enable_coderay": True}})


def test_legacy_coderay_section() -> None:
    opts = kramdown_options({"kramdown": {"coderay": {"coderay_css": "class"}}})
    assert opts["syntax_highlighter_opts"] == {
        "default_lang": "plaintext", "guess_lang": True, "css": "class", "bold_every": 10,
        "line_numbers": "inline", "line_number_start": 1, "tab_width": 4, "wrap": "div"}


def test_input_and_jekyll_only_keys() -> None:
    options = kramdown_options({"kramdown": {"input": "kramdown", "show_warnings": True,
                                             "guess_lang": False, "nonsense": 1}})
    assert options["input"] == "kramdown"
    assert options["syntax_highlighter_opts"]["guess_lang"] is False
    assert not {"show_warnings", "guess_lang", "coderay", "nonsense"} & set(options)
    assert converter_config({"kramdown": {"show_warnings": True}})["show_warnings"] is True


def test_math_engine_needing_a_gem() -> None:
    with pytest.raises(ValueError, match="kramdown-math-katex"):
        kramdown_options({"kramdown": {"math_engine": "katex"}})
    assert kramdown_options({"kramdown": {"math_engine": None}})["math_engine"] is None


def test_deep_merge_follows_jekyll() -> None:
    base = {"a": 1, "h": {"x": 1, "y": {"z": 1}}, "l": [1], "n": None}
    merged = deep_merge(base, {"h": {"y": {"w": 2}, "x": None}, "a": None, "l": [2],
                               "new": None, "n": 3})
    assert merged == {"a": 1, "h": {"x": 1, "y": {"z": 1, "w": 2}}, "l": [2], "n": 3,
                      "new": None}
    assert list(merged) == ["a", "h", "l", "n", "new"]
    merged["h"]["y"]["z"] = 9
    assert base["h"]["y"]["z"] == 1
    assert deep_merge({"h": {"x": 1}}, {"h": 5}) == {"h": 5}
    assert deep_merge({"h": 5}, {"h": {"x": 1}}) == {"h": {"x": 1}}


def test_defaults_untouched() -> None:
    before = json.dumps(DEFAULTS)
    site_config({"kramdown": {"toc_levels": [2]}})["kramdown"]["auto_ids"] = False
    kramdown_options({"kramdown": {"syntax_highlighter_opts": {"a": 1}}})
    assert json.dumps(DEFAULTS) == before


def test_defaults_equal_jekylls() -> None:
    if shutil.which("ruby") is None:
        pytest.skip("Ruby is not installed")
    script = ('require "json"; require "jekyll"; '
              'puts JSON.dump(Jekyll::Configuration::DEFAULTS.to_a)')
    run = subprocess.run(["ruby", "-e", script], capture_output=True, text=True, timeout=120)
    if run.returncode != 0:
        pytest.skip("Jekyll is not usable from Ruby")
    theirs = json.loads(run.stdout)
    ours = [[key, value] for key, value in DEFAULTS.items()]
    assert [k for k, _ in ours] == [k for k, _ in theirs]
    assert [v for k, v in ours if k not in ("source", "destination")] == \
        [v for k, v in theirs if k not in ("source", "destination")]

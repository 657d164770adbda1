"""kramdown's options and entity table: our declarations against kramdown's rules.

Most value cases run twice: through :func:`parse_option` and, when Ruby and the kramdown gems
are installed, through ``Kramdown::Options.parse`` itself; both must accept with the same
result or both refuse.  The few places where we refuse what kramdown accepts are listed in
``STRICTER`` and checked on their own.
"""

from __future__ import annotations

import json
import math
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from jekyllpy.kramdown import entities
from jekyllpy.kramdown.options import (IGNORED_OPTIONS, JEKYLL_DEFAULTS, OPTIONS, Option,
                                       defined_option_names, parse_option, resolve_options,
                                       ruby_integer, ruby_to_s)

MANIFEST = Path(__file__).resolve().parents[3] / "shared" / "conformance" / "manifest.json"


def _plain(value: Any) -> Any:
    """JSON's view of a value, so tuples and lists compare alike."""
    return json.loads(json.dumps(value, default=dict))


def _ruby(script: str, stdin: str = "") -> str:
    if shutil.which("ruby") is None:
        pytest.skip("Ruby is not installed")
    run = subprocess.run(["ruby", "-e", script], input=stdin, capture_output=True, text=True,
                         timeout=120)
    if run.returncode != 0:
        pytest.skip(f"kramdown is not usable from Ruby: {run.stderr.strip()[-300:]}")
    return run.stdout


# -- (option, value) cases kramdown and we must agree on ---------------------------------------
AGREED: list[tuple[str, Any]] = [
    *[("auto_ids", v) for v in (True, False, None, "false", "FALSE", " false\n", "", " ",
                                 "no", "0", 0, 1, "true", [], {}, 1.5)],
    ("hard_wrap", "false"), ("hard_wrap", "off"), ("parse_block_html", "true"),
    *[("footnote_nr", v) for v in (1, "2", " 3 ", "0x1F", "0b11", "0o17", "017", "08", "0d19",
                                    "1_000", "1__0", "_1", "1_", "", None, "1.5", 1.5, True,
                                    "abc", "-4", "+3", "- 1", "00", "0_", "0_1", "0_8",
                                    "12\n", "\t7\t", "0X1f", "0x_1", "1e3", 2.0, [1])],
    ("header_offset", "-1"), ("header_offset", -2), ("line_width", "80"), ("list_indent", "4"),
    *[("auto_id_prefix", v) for v in ("x-", 1, 1.5, 1e20, 1e-5, 123456789012345.6, None, True,
                                       [1, "a", None], {"a": [1.0]})],
    ("footnote_backlink", ""), ("footnote_backlink", "&#8617;"), ("footnote_prefix", 0.1),
    ("template", ""), ("template", None),
    *[("entity_output", v) for v in ("as_char", ":numeric", " symbolic ", "as_input")],
    *[("math_engine", v) for v in ("mathjax", "nil", "", None, ":", " :katex ", 5)],
    *[("syntax_highlighter", v) for v in ("rouge", ":rouge", "nil", None, "none", "pygments")],
    *[("toc_levels", v) for v in ("2..3", "1,3,3", "3..2", "1..7", "0,1", "x", "1, 2",
                                  "a\n2..3", "a\n1,2", [4, "5"], [1.9, "2x"], ["abc"], [],
                                  [None], [1, 1, 2], [7], "", 5, None, {}, [True])],
    *[("smart_quotes", v) for v in ("lsquo,rsquo,ldquo,rdquo",
                                    ["lsquo", "rsquo", "ldquo", "rdquo"], "39,39,quot,quot",
                                    "apos,apos,quot,quot", "0x27,39,quot,quot",
                                    [8216, 8217, "8220", " 8221 "], "a,b", "1,2,3,4,5",
                                    "1,2,3,4,,,", None, {"a": 1}, [1.5, 2, 3, 4], 8216)],
    *[("typographic_symbols", v) for v in ({"hellip": "...", "mdash": 5, ":ndash": None},
                                           "{hellip: '...'}", "hellip: x", "[1]", "x", None,
                                           {"laquo": 1.5, "raquo_space": [1]}, "")],
    *[("link_defs", v) for v in ({"a": ["u"]}, {"a": ["u", "t"]}, {"a": []},
                                 {"a": ["u", "t", "x"]}, {"a": "u"}, "a: [u, t]", None, "[1]",
                                 "{a: [u], b: [v, w]}")],
    *[("syntax_highlighter_opts", v) for v in (
        {"default_lang": "ruby", ":css_class": "x", "block": {"line_numbers": True}},
        "default_lang: ruby\nguess_lang: true", "{a: &x 1, b: *x}", "d: 2020-01-01",
        "s: :sym", "s: ':sym'", "- 1", "", "{a: 1", {}, [], "span: {disable: true}")],
    ("math_engine_opts", {"preview": True}), ("math_engine_opts", "{preview: true}"),
    *[("latex_headers", v) for v in ("a,b,c,d,e,f", ["a"], "a,b,c,d,e,f,g", list("abcdef"))],
    *[("forbidden_inline_options", v) for v in (["template", ":auto_ids", "nil", 1],
                                                "template", None, [])],
    *[("gfm_quirks", v) for v in ("paragraph_end,no_auto_typographic", [],
                                  ["paragraph_end", ":x", None, 3], "", 5, None)],
]

#: Values kramdown accepts and we refuse on purpose (see the options module's docstring).
STRICTER: list[tuple[str, Any]] = [
    ("entity_output", "bogus"), ("entity_output", None), ("entity_output", ""),
    ("template", "document"), ("syntax_highlighter", "minted"),
    ("smart_quotes", "a,b,c,d"), ("smart_quotes", "-1,39,39,39"),
    ("smart_quotes", [None, 39, 39, 39]), ("smart_quotes", [True, 39, 39, 39]),
]

_PARSE_SCRIPT = r"""
require "json"; require "kramdown"; require "kramdown-parser-gfm"
STDIN.each_line do |line|
  name, value = JSON.parse(line)
  begin
    puts JSON.dump("ok" => Kramdown::Options.parse(name, value))
  rescue StandardError => e
    puts JSON.dump("error" => e.class.name)
  end
end
"""


def _ours(name: str, value: Any) -> dict[str, Any]:
    try:
        return {"ok": _plain(parse_option(name, value))}
    except ValueError as exc:
        return {"error": str(exc)}


@pytest.fixture(scope="module")
def kramdown_parse() -> list[dict[str, Any]]:
    cases = AGREED + STRICTER
    stdin = "".join(json.dumps([name, value]) + "\n" for name, value in cases)
    return [json.loads(line) for line in _ruby(_PARSE_SCRIPT, stdin).splitlines()]


@pytest.mark.parametrize("index", range(len(AGREED)),
                         ids=[f"{n}={v!r}" for n, v in AGREED])
def test_values_read_as_kramdown_reads_them(index: int, kramdown_parse) -> None:
    name, value = AGREED[index]
    theirs, ours = kramdown_parse[index], _ours(name, value)
    if "error" in theirs:
        assert "error" in ours, f"kramdown refuses ({theirs['error']}), we gave {ours}"
    else:
        assert ours == theirs


@pytest.mark.parametrize("index", range(len(STRICTER)),
                         ids=[f"{n}={v!r}" for n, v in STRICTER])
def test_stricter_than_kramdown(index: int, kramdown_parse) -> None:
    name, value = STRICTER[index]
    assert "ok" in kramdown_parse[len(AGREED) + index]
    with pytest.raises(ValueError, match=name):
        parse_option(name, value)


# -- the same rules without Ruby ---------------------------------------------------------------
@pytest.mark.parametrize("value,expected", [
    ("false", False), ("FALSE ", False), ("", False), (None, False), ("true", True),
    ("no", True), (0, True), (" ", True), (False, False), ("\0false\0", False)])
def test_booleans(value: Any, expected: bool) -> None:
    assert resolve_options({"auto_ids": value})["auto_ids"] is expected


@pytest.mark.parametrize("text,expected", [
    ("12", 12), (" -0x1f ", -31), ("0b101", 5), ("0o17", 15), ("017", 15), ("0d19", 19),
    ("1_000", 1000), ("0_1", 1), ("00", 0), ("+3", 3)])
def test_ruby_integer(text: str, expected: int) -> None:
    assert ruby_integer(text) == expected


@pytest.mark.parametrize("text", ["08", "1__0", "_1", "1_", "", "1.5", "0x", "- 1", "0_8", "١"])
def test_ruby_integer_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        ruby_integer(text)


@pytest.mark.parametrize("value,text", [
    (None, ""), (True, "true"), (2.0, "2.0"), (1e16, "1.0e+16"), (1e15, "1.0e+15"),
    (123456789012345.6, "123456789012345.6"), (1e-4, "0.0001"), (1e-5, "1.0e-05"),
    (math.inf, "Infinity"), ([1, "a", None], '[1, "a", nil]'), ({"a": 1}, '{"a"=>1}')])
def test_ruby_to_s(value: Any, text: str) -> None:
    assert ruby_to_s(value) == text


@pytest.mark.parametrize("value,expected", [
    ("2..3", (2, 3)), ("1,3,3", (1, 3)), ([4, "5"], (4, 5)), (range(1, 3), (1, 2)),
    ("3..2", ()), ((6, 1), (6, 1))])
def test_toc_levels(value: Any, expected: tuple[int, ...]) -> None:
    assert resolve_options({"toc_levels": value})["toc_levels"] == expected


def test_symbols_and_nil() -> None:
    opts = resolve_options({"syntax_highlighter": "nil", "math_engine": ":mathjax",
                            "entity_output": " :numeric "})
    assert opts["syntax_highlighter"] is None
    assert opts["math_engine"] == "mathjax"
    assert opts["entity_output"] == "numeric"
    # A highlighter kramdown lacks is kept: the converter then warns and writes plain code.
    assert resolve_options({"syntax_highlighter": "none"})["syntax_highlighter"] == "none"


def test_hashes_get_symbol_keys_and_accept_yaml() -> None:
    opts = resolve_options({"syntax_highlighter_opts": "{default_lang: ruby, ':css_class': x}",
                            "math_engine_opts": {":preview": True}})
    assert opts["syntax_highlighter_opts"] == {"default_lang": "ruby", "css_class": "x"}
    assert opts["math_engine_opts"] == {"preview": True}
    with pytest.raises(ValueError, match="syntax_highlighter_opts"):
        resolve_options({"syntax_highlighter_opts": "d: 2020-01-01"})  # Psych refuses dates


def test_smart_quotes_names_and_code_points() -> None:
    read = resolve_options({"smart_quotes": "39,0x27,quot, 8221 "})["smart_quotes"]
    assert read == (39, 39, "quot", 8221)
    with pytest.raises(ValueError, match="smart_quotes"):
        resolve_options({"smart_quotes": "a,b"})
    with pytest.raises(ValueError, match="'nosuch'"):
        resolve_options({"smart_quotes": "nosuch,39,39,39"})


def test_typographic_symbols_and_link_defs() -> None:
    opts = resolve_options({"typographic_symbols": {"hellip": "...", ":mdash": 3},
                            "link_defs": {"ex": ["http://e.com"], "t": ["/u", "T"]}})
    assert opts["typographic_symbols"] == {"hellip": "...", "mdash": "3"}
    assert opts["link_defs"] == {"ex": ("http://e.com", None), "t": ("/u", "T")}


def test_forbidden_inline_options_and_quirks() -> None:
    opts = resolve_options({"forbidden_inline_options": ["template", ":auto_ids"],
                            "gfm_quirks": "paragraph_end,no_auto_typographic"})
    assert opts["forbidden_inline_options"] == ("template", "auto_ids")
    assert opts["gfm_quirks"] == ("paragraph_end", "no_auto_typographic")
    with pytest.raises(ValueError, match="forbidden_inline_options"):
        resolve_options({"forbidden_inline_options": "template"})


@pytest.mark.parametrize("value,expected", [
    ("GFM", "GFM"), (":GFM", "GFM"), ("gFM", "GFM"), ("kramdown", "kramdown"),
    ("Kramdown", "kramdown"), (None, "kramdown")])
def test_input(value: Any, expected: str) -> None:
    assert resolve_options({"input": value})["input"] == expected


@pytest.mark.parametrize("value", ["gfm", "html", "markdown", "", "commonmark"])
def test_input_refused(value: str) -> None:
    with pytest.raises(ValueError, match="input"):
        resolve_options({"input": value})


def test_bad_values_name_the_option_and_value() -> None:
    with pytest.raises(ValueError, match=r"'one'.*footnote_nr"):
        resolve_options({"footnote_nr": "one"})
    with pytest.raises(ValueError, match=r"'bogus'.*entity_output"):
        resolve_options({"entity_output": "bogus"})
    with pytest.raises(ValueError, match="toc_levels"):
        resolve_options({"toc_levels": "1..9"})
    with pytest.raises(ValueError, match="link_defs"):
        resolve_options({"link_defs": {"a": []}})


def test_unknown_names_raise_but_legacy_names_are_dropped() -> None:
    with pytest.raises(ValueError, match="frobnicate"):
        resolve_options({"frobnicate": 1})
    with pytest.raises(ValueError, match="formatter"):
        resolve_options({"formatter": "x"})
    opts = resolve_options({"enable_coderay": False, "coderay_css": "class",
                            "gfm_emojis": True, ":auto_ids": "false"})
    assert not set(IGNORED_OPTIONS) & set(opts)
    assert opts["auto_ids"] is False


def test_results_are_fresh() -> None:
    first = resolve_options()
    first["syntax_highlighter_opts"]["x"] = 1
    first["link_defs"]["y"] = ("u", None)
    assert resolve_options()["syntax_highlighter_opts"] == {}
    assert resolve_options()["link_defs"] == {}
    given = {"block": {"css": "class"}}
    resolve_options({"syntax_highlighter_opts": given})["syntax_highlighter_opts"]["block"]["x"] = 1
    assert given == {"block": {"css": "class"}}


def test_declarations() -> None:
    assert all(isinstance(opt, Option) and opt.name == name and opt.doc
               for name, opt in OPTIONS.items())
    with pytest.raises(AttributeError):
        OPTIONS["auto_ids"].default = False  # type: ignore[misc]
    assert "input" not in defined_option_names("GFM")
    assert {"hard_wrap", "gfm_quirks"} <= defined_option_names("GFM")
    assert not {"hard_wrap", "gfm_quirks"} & defined_option_names("kramdown")


def test_names_and_defaults_equal_kramdowns() -> None:
    script = ('require "json"; require "kramdown"; require "kramdown-parser-gfm"; '
              'puts JSON.dump(Kramdown::Options.definitions.values.map { |d| [d.name, d.default] })')
    theirs = json.loads(_ruby(script))
    ours = [[name, _plain(opt.default)] for name, opt in OPTIONS.items() if name != "input"]
    assert ours == theirs


def test_jekyll_defaults() -> None:
    opts = resolve_options(JEKYLL_DEFAULTS)
    assert opts["input"] == "GFM" and opts["hard_wrap"] is False
    assert opts["syntax_highlighter"] == "rouge"
    assert opts["syntax_highlighter_opts"] == {"default_lang": "plaintext", "guess_lang": True}
    assert opts["toc_levels"] == (1, 2, 3, 4, 5, 6) and opts["footnote_nr"] == 1
    assert opts["smart_quotes"] == ("lsquo", "rsquo", "ldquo", "rdquo")
    assert opts["auto_ids"] is True and opts["entity_output"] == "as_char"
    assert set(JEKYLL_DEFAULTS) <= set(OPTIONS)
    with pytest.raises(TypeError):
        JEKYLL_DEFAULTS["auto_ids"] = False  # type: ignore[index]


@pytest.mark.skipif(not MANIFEST.exists(), reason="conformance corpus not present")
def test_every_conformance_case_resolves() -> None:
    for case in json.loads(MANIFEST.read_text(encoding="utf-8")):
        resolve_options(case.get("options") or {})


# -- entities ----------------------------------------------------------------------------------
def test_entity_quirks() -> None:
    assert entities.entity_by_name("apos") == entities.Entity(39, "apos")
    assert entities.entity_by_name("lceil").code_point == 8969  # swapped in kramdown's table
    assert entities.entity_by_code_point(128) == entities.Entity(8364, "euro")
    assert entities.entity_by_code_point(129) is None
    assert entities.entity_by_name("bogus") is None and entities.entity_by_name("AMP") is None
    assert entities.char(entities.Entity(8364, None)) == "€"
    assert entities.char(entities.Entity(0xD800, None)) == ""
    assert entities.char(entities.Entity(0x110000, None)) == ""


def test_entity_table_equals_kramdowns() -> None:
    script = ('require "json"; require "kramdown"; m = Kramdown::Utils::Entities::ENTITY_MAP; '
              'puts JSON.dump(m.map { |k, e| [k, e.code_point, e.name, e.char] })')
    rows = json.loads(_ruby(script))
    by_name = {k: (cp, name, ch) for k, cp, name, ch in rows if isinstance(k, str)}
    by_point = {k: (cp, name, ch) for k, cp, name, ch in rows if isinstance(k, int)}
    assert set(by_name) == set(entities.BY_NAME)
    assert set(by_point) == set(entities.BY_CODE_POINT)
    for name, (cp, ename, ch) in by_name.items():
        ent = entities.entity_by_name(name)
        assert (ent.code_point, ent.name, entities.char(ent)) == (cp, ename, ch)
    for point, (cp, ename, ch) in by_point.items():
        ent = entities.entity_by_code_point(point)
        assert (ent.code_point, ent.name, entities.char(ent)) == (cp, ename, ch)


def test_resolved_options_convert_as_the_options_they_come_from() -> None:
    """``Document.with_resolved_options`` (options read in once, as the site converter
    does) converts as ``Document(text, **options)``, and a text's own ``{::options}``
    changes only its copy."""
    from jekyllpy.kramdown import Document
    from jekyllpy.kramdown.options import resolve_options

    options = {"input": "GFM", "auto_ids": True, "toc_levels": [1, 2, 3],
               "syntax_highlighter_opts": {"default_lang": "plaintext",
                                           "span": {"line_numbers": False},
                                           "block": {"line_numbers": True, "start_line": 3}},
               "link_defs": {"given": ["/given", "Given"]},
               "typographic_symbols": {"hellip": "...", "mdash": "--"},
               "math_engine_opts": {"preview": True}}
    resolved = resolve_options(options)
    before = repr(resolved)
    # every option a hash or list holds is read by some text here; the options the
    # conversions share must come out as they went in
    texts = ["# A head\n\nSome *text* [x](/y) [given] and [given][] -- wait...\n",
             "{::options auto_ids=\"false\" toc_levels=\"2\" /}\n# Head\n\n* a\n* b\n",
             "{::options syntax_highlighter_opts=\"{default_lang: ruby}\" /}\n\n    y = 2\n",
             "# After\n\n```ruby\nx = 1\n```\n\n`z = 3`{:.language-ruby}\n",
             "* toc\n{:toc}\n\n## Two\n\n$$a^2$$ and $$b$$ inline\n\nnote[^1]\n\n[^1]: Foot\n",
             "*[HTML]: Hyper\n\nHTML here\n\n[given]: /other\n"]
    for text in texts:
        assert (Document.with_resolved_options(text, resolved).to_html()
                == Document(text, **options).to_html())
    assert repr(resolved) == before

"""The Liquid layer against real Jekyll: each tests/fixtures/liquid/NAME.liquid rendered by
our environment must give the bytes Jekyll 4.3 wrote in NAME.html
(scripts/regen_liquid_fixtures.py builds the same site with ``jekyll build``).

``site`` is the fixture ``_config.yml`` merged with Jekyll's defaults, plus ``data`` read
from ``_data`` the way Jekyll reads it (YAML and JSON through the YAML loader, CSV as rows of
strings); ``page`` is the template's front matter with the keys Jekyll adds that the
templates use (``path``, ``url``, ``name``, ``dir``).  YAML timestamps are read as Psych
reads them: no offset means UTC, shown in the site's zone.

Fixtures known to differ are listed in KNOWN_DIFFERENT with the reason; such a test fails
if it starts to match, so the list cannot go stale.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import sys
import warnings
from pathlib import Path
from collections.abc import Mapping
from typing import Any

import pytest
import yaml

from jekyllpy.config import DEFAULTS, deep_merge
from jekyllpy.rendering import make_environment
from jekyllpy.rendering.ruby import local_zone

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "liquid"
TEMPLATES = sorted(FIXTURES.glob("*.liquid"))
sys.path.insert(0, str(ROOT / "scripts"))
from regen_liquid_fixtures import page_source  # noqa: E402

KNOWN_DIFFERENT: dict[str, str] = {}


def _psych(value: Any, zone: dt.tzinfo) -> Any:
    """PyYAML's values as Psych gives them: a naive timestamp is UTC, shown locally."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.timezone.utc).astimezone(zone)
        return value
    if isinstance(value, dict):
        return {k: _psych(v, zone) for k, v in value.items()}
    if isinstance(value, list):
        return [_psych(v, zone) for v in value]
    return value


def _read_data(folder: Path, zone: dt.tzinfo) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for path in sorted(folder.iterdir()):
        if path.is_dir():
            data[path.name] = _read_data(path, zone)
        elif path.suffix == ".csv":
            with path.open(encoding="utf-8", newline="") as fh:
                data[path.stem] = [dict(row) for row in csv.DictReader(fh)]
        elif path.suffix in (".yml", ".yaml", ".json"):
            data[path.stem] = _psych(yaml.safe_load(path.read_text(encoding="utf-8")), zone)
    return data


def _split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    assert text.startswith("---\n")
    end = text.index("\n---\n", 3)
    return yaml.safe_load(text[4:end + 1]) or {}, text[end + 5:]


def _site_config() -> dict[str, Any]:
    config = yaml.safe_load((FIXTURES / "_config.yml").read_text(encoding="utf-8"))
    merged = deep_merge(DEFAULTS, config)
    merged["source"] = str(FIXTURES)
    return merged


def render_fixture(template: Path) -> str:
    config = _site_config()
    zone = local_zone(config.get("timezone"))
    config = _psych(config, zone)
    env = make_environment(config, includes_dirs=[FIXTURES / "_includes"])
    front, body = _split_front_matter(page_source(template.read_text(encoding="utf-8")))
    page = _psych(front, zone)
    name = f"{template.stem}.html"
    page.update({"path": name, "url": f"/{name}", "name": name, "dir": "/"})
    site = dict(config)
    site["data"] = _read_data(FIXTURES / "_data", zone)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return env.from_string(body).render(site=site, page=page)


@pytest.mark.parametrize("template", TEMPLATES, ids=[p.stem for p in TEMPLATES])
def test_fixture_matches_jekyll(template: Path) -> None:
    expected = template.with_suffix(".html").read_bytes().decode("utf-8")
    if template.stem in KNOWN_DIFFERENT:
        try:
            actual = render_fixture(template)
        except Exception:  # noqa: BLE001 - a known gap may raise where Ruby renders
            actual = None
        assert actual != expected, "now identical: remove it from KNOWN_DIFFERENT"
        pytest.xfail(KNOWN_DIFFERENT[template.stem])
    assert render_fixture(template) == expected


# --------------------------------------------------------------------------- the API


def _render(text: str, config: dict[str, Any] | None = None, **data: Any) -> str:
    env = make_environment(deep_merge(DEFAULTS, config or {}))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return env.from_string(text).render(**data)


def test_unknown_filters_pass_input_through_by_default() -> None:
    assert _render("{{ 'x' | nope | upcase }}") == "X"


def test_strict_filters_raise() -> None:
    from liquid.exceptions import UnknownFilterError
    with pytest.raises(UnknownFilterError):
        _render("{{ 'x' | nope }}", {"liquid": {"strict_filters": True}})


def test_strict_variables_raise() -> None:
    from liquid.exceptions import UndefinedError
    assert _render("[{{ missing }}]") == "[]"
    with pytest.raises(UndefinedError):
        _render("{{ missing }}", {"liquid": {"strict_variables": True}})


def test_error_mode_strict_raises_on_syntax_errors_warn_does_not() -> None:
    # Ruby Liquid 5.4 in warn mode: a broken {{ }} is warned about and skipped, a broken
    # tag is still a syntax error (checked with jekyll build and Liquid::Template.parse).
    from liquid.exceptions import LiquidSyntaxError
    assert _render("a{{ x | }}b") == "ab"
    with pytest.raises(LiquidSyntaxError):
        _render("a{{ x | }}b", {"liquid": {"error_mode": "strict"}})
    with pytest.raises(LiquidSyntaxError):
        _render("a{% if %}b")


def test_variable_markup_error_modes() -> None:
    # What Jekyll 4.3 did with each markup (jekyll build, error_mode strict / warn / lax):
    # strict stops on what Ruby's strict lexer or parser refuses, with its message; warn
    # warns and reads the markup laxly; lax reads it laxly without a word.
    from liquid.exceptions import LiquidSyntaxError, LiquidSyntaxWarning
    cases = {
        "{{ 1.0e+16 | times: 10 }}": ("Unexpected character +", "0"),
        "{{ 1e5 | plus: 1 }}": ("Expected end_of_string but found id", "1"),
        "{{ café }}": ("Unexpected character é", ""),
        '{{ "a" | append: "b" "c" }}': ("Expected end_of_string but found string", "ab"),
        "{{ 'x' | upcase | }}": ("Expected id but found end_of_string", "X"),
        "{{ .5 }}": ('[:dot, "."] is not a valid expression', ""),
        "{{ page.-s }}": ("Expected id but found dash", ""),
    }
    for markup, (message, lax) in cases.items():
        with pytest.raises(LiquidSyntaxError, match=re.escape(message)):
            _render(markup, {"liquid": {"error_mode": "strict"}})
        assert _render(markup, {"liquid": {"error_mode": "lax"}}) == lax
        env = make_environment(deep_merge(DEFAULTS, {}))
        with pytest.warns(LiquidSyntaxWarning, match=re.escape(message)):
            assert env.from_string(markup).render() == lax
    # what the strict reading accepts renders the same in every mode, without a warning
    for mode in ("strict", "warn", "lax"):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            env = make_environment(deep_merge(DEFAULTS, {"liquid": {"error_mode": mode}}))
            text = '{{ -1.5 | plus: 1 }}{{ x | where: "a", empty | size }}{{ (1..2) }}'
            assert env.from_string(text).render(x=[{"a": []}]) == "-0.51" + "1..2"


def test_assign_syntax_is_liquids() -> None:
    from liquid.exceptions import LiquidSyntaxError
    for mode in ("strict", "warn", "lax"):
        with pytest.raises(LiquidSyntaxError, match="Valid syntax: assign"):
            _render('{% assign café = "x" %}', {"liquid": {"error_mode": mode}})
    assert _render('{% assign t-1 = 1e5 | plus: 2 %}{{ t-1 }}') == "2"


def test_comparisons_that_raise_in_ruby_raise() -> None:
    # Liquid::ArgumentError in Jekyll 4.3 (the build stops), whatever the error_mode
    from jekyllpy.rendering.ruby import RubyArgumentError
    day = dt.date(2024, 1, 2)
    time = dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc)
    cases = [
        ("{% if d < t %}{% endif %}", "comparison of Date with Time failed"),
        ("{% if t > d %}{% endif %}", "comparison of Time with Date failed"),
        ("{% if t < 5 %}{% endif %}", "comparison of Time with 5 failed"),
        ("{% if t <= '2025' %}{% endif %}", "comparison of Time with String failed"),
        ("{% if 5 < '6' %}{% endif %}", "comparison of Integer with String failed"),
        ("{% if '6' >= 5 %}{% endif %}", "comparison of String with 5 failed"),
        ("{{ (1..f) | join }}", "invalid integer"),
        ('{{ x | where_exp: "i", "i < t" }}', "comparison of Date with Time failed"),
    ]
    for text, message in cases:
        with pytest.raises(RubyArgumentError, match=re.escape(message)):
            _render(text, {"liquid": {"error_mode": "lax"}}, d=day, t=time, f=1.5, x=[day])


def test_render_errors_always_raise() -> None:
    from jekyllpy.rendering.standard_filters import FilterError
    with pytest.raises(FilterError):
        _render("{{ 1 | divided_by: 0 }}", {"liquid": {"error_mode": "lax"}})


def test_output_rules() -> None:
    out = _render("{{ a }}|{{ b }}|{{ c }}|{{ d }}|{{ e }}|{{ f }}", a=1e20, b=1e-05,
                  c=[["x", [None, 2.5]], "y"], d={"k": [1, None]}, e=None,
                  f=dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc))
    assert out == '1.0e+20|1.0e-05|x2.5y|{"k"=>[1, nil]}||2024-01-02 03:04:05 UTC'


class _Drop(Mapping[str, Any]):
    """A drop as the site layer will pass them: a Mapping, with to_liquid."""

    def __init__(self, **data: Any) -> None:
        self._data = data

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __iter__(self) -> Any:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def to_liquid(self) -> dict[str, Any]:
        return dict(self._data)


def test_drops_are_mappings() -> None:
    docs = [_Drop(title="b", n=2), _Drop(title="a", n=1), _Drop(title="c", n=3)]
    text = ("{{ docs | sort: 'title' | map: 'n' | join: ',' }} "
            "{{ docs | where: 'n', 2 | map: 'title' | join }} {{ docs[1].title }} "
            "{{ docs | where_exp: 'd', 'd.n > 1' | size }} {{ docs | first | jsonify }}")
    assert _render(text, docs=docs) == '1,2,3 b a 2 {"title":"b","n":2}'


def test_markdownify_callable_is_used() -> None:
    env = make_environment(dict(DEFAULTS), markdownify=lambda text: f"<md>{text}</md>")
    assert env.from_string("{{ 'x' | markdownify }}").render() == "<md>x</md>"


def test_include_missing_file_names_the_dirs(tmp_path: Path) -> None:
    from jekyllpy.rendering.tags import IncludeError
    env = make_environment(dict(DEFAULTS), includes_dirs=[tmp_path])
    with pytest.raises(IncludeError, match="Could not locate the included file 'nope.html'"):
        env.from_string("{% include nope.html %}").render()
    with pytest.raises(IncludeError, match="invalid characters"):
        env.from_string("{% include ../x.html %}").render()


def test_tag_markup_error_modes() -> None:
    # What Jekyll 4.3 did with each tag's markup (jekyll build with error_mode strict /
    # warn / lax): strict stops with Ruby's strict parser message, warn warns it and uses
    # the lax reading, lax reads laxly without a word.  "!" marks a render error.
    from jekyllpy.rendering.ruby import RubyArgumentError
    from liquid.exceptions import LiquidSyntaxError, LiquidSyntaxWarning
    cases = {
        "{% assign n = 5 %}{% if n < 1.0e+16 %}y{% else %}n{% endif %}":
            ('Unexpected character + in "n < 1.0e+16"', "n"),
        "{% if a b %}y{% endif %}": ('Expected end_of_string but found id in "a b"',
                                     "!Unknown operator b"),
        "{% if x = 1 %}y{% endif %}": ('Unexpected character = in "x = 1"',
                                       "!Unknown operator ="),
        "{% if 1 == 1 junk %}y{% else %}n{% endif %}":
            ('Expected end_of_string but found id in "1 == 1 junk"', "y"),
        "{% if café %}y{% else %}n{% endif %}": ('Unexpected character é in "café"', "n"),
        "{% if 1 == %}y{% else %}n{% endif %}":
            ('[:end_of_string] is not a valid expression in "1 =="', "n"),
        "{% for i in (1..5) limit:2 reversed %}{{ i }}{% endfor %}":
            ('Expected end_of_string but found id in "i in (1..5) limit:2 reversed"', "12"),
        "{% for i in (1..3) foo:2 %}{{ i }}{% endfor %}":
            ("Invalid attribute in for loop. Valid attributes are limit and offset in "
             '"i in (1..3) foo:2"', "123"),
    }
    for markup, (message, lax) in cases.items():
        with pytest.raises(LiquidSyntaxError, match=re.escape(message)):
            _render(markup, {"liquid": {"error_mode": "strict"}})
        for mode in ("lax", "warn"):
            env = make_environment(deep_merge(DEFAULTS, {"liquid": {"error_mode": mode}}))
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                if lax.startswith("!"):
                    with pytest.raises(RubyArgumentError, match=re.escape(lax[1:])):
                        env.from_string(markup).render()
                else:
                    assert env.from_string(markup).render() == lax
            said = [str(w.message) for w in caught
                    if issubclass(w.category, LiquidSyntaxWarning)]
            if mode == "warn":
                assert len(said) == 1 and message in said[0]
            else:
                assert said == []


def test_tag_syntax_errors() -> None:
    # Liquid::SyntaxError from the lax readings: Jekyll stops in warn and lax mode (strict
    # mode stops earlier, with the strict parser's message)
    from liquid.exceptions import LiquidSyntaxError
    lax_only = {
        "{% if %}y{% endif %}": "Syntax Error in tag 'if' - Valid syntax: if [expression]",
        "{% if 1 and %}y{% endif %}": "Syntax Error in tag 'if' - Valid syntax: if",
        "{% for i (1..3) %}{% endfor %}": "Syntax Error in 'for loop' - Valid syntax: "
                                           "for [item] in [collection]",
        "{% for i in %}{% endfor %}": "Syntax Error in 'for loop'",
    }
    for mode in ("warn", "lax"):
        for markup, message in lax_only.items():
            with pytest.raises(LiquidSyntaxError, match=re.escape(message)):
                _render(markup, {"liquid": {"error_mode": mode}})
    with pytest.raises(LiquidSyntaxError, match=re.escape(
            '[:end_of_string] is not a valid expression in ""')):
        _render("{% if %}y{% endif %}", {"liquid": {"error_mode": "strict"}})
    # case, when, cycle and raw have one reading in every mode
    cases = {
        "{% case %}{% when 1 %}{% endcase %}": "Syntax Error in 'case' - Valid syntax: "
                                               "case [condition]",
        "{% case 1 %}{% when %}a{% endcase %}":
            "Syntax Error in tag 'case' - Valid when condition: {% when [condition] "
            "[or condition2...] %}",
        "{% case 1 %}{% else x %}a{% endcase %}":
            "Syntax Error in tag 'case' - Valid else condition: {% else %} (no parameters)",
        "{% cycle %}": "Syntax Error in 'cycle' - Valid syntax: cycle [name :] var "
                       "[, var2, var3 ...]",
        "{% cycle ,'a' %}": "Syntax Error in 'cycle'",
        "{% if true %}a": "'if' tag was never closed",
        "{% raw x %}a{% endraw %}": "Syntax Error in 'raw' - Valid syntax: raw",
        "{% raw %}a{%- endraw %}": "'raw' tag was never closed",
    }
    for mode in ("strict", "warn", "lax"):
        for markup, message in cases.items():
            with pytest.raises(LiquidSyntaxError, match=re.escape(message)):
                _render(markup, {"liquid": {"error_mode": mode}})


def test_tokens_ruby_cannot_terminate() -> None:
    # Liquid splits at the first "}" or "%}" whatever the quotes; Jekyll 4.3 stops with
    # these messages, naming the line (counted in the content) of the bad token.
    from liquid.exceptions import LiquidSyntaxError
    cases = {
        "a\nb\n{{ '}' }}": ("Variable '{{ '}' was not properly terminated with regexp: "
                            "/\\}\\}/", 3),
        "a{{ x": ("Variable '{{' was not properly terminated with regexp: /\\}\\}/", 1),
        "{{ x }": ("Variable '{{ x }' was not properly terminated with regexp: /\\}\\}/", 1),
        "a\n{% if": ("Tag '{%' was not properly terminated with regexp: /\\%\\}/", 2),
        "a {% if true %}\nb{% endif": ("Tag '{%' was not properly terminated", 2),
        "{% %}": ("Tag '{% %}' was not properly terminated with regexp: /\\%\\}/", 1),
        "{% comment %}\n\n{{ '}' }}{% endcomment %}": ("Variable '{{ '}' was not", 3),
    }
    for mode in ("strict", "warn", "lax"):
        for text, (message, line) in cases.items():
            with pytest.raises(LiquidSyntaxError, match=re.escape(message)) as info:
                _render(text, {"liquid": {"error_mode": mode}})
            assert info.value.context()[0] == line


def test_filter_arguments_counted_as_ruby_counts() -> None:
    # Liquid::ArgumentError from Ruby's arity check, keyword arguments counting as one
    # trailing hash (jekyll build, Jekyll 4.3.1)
    from jekyllpy.rendering.standard_filters import FilterError
    cases = {
        '{{ "a" | upcase: x: 1 }}': "wrong number of arguments (given 2, expected 1)",
        '{{ "a" | append: "c", x: "b" }}': "wrong number of arguments (given 3, expected 2)",
        '{{ "a" | append: x: "b", "c" }}': "wrong number of arguments (given 3, expected 2)",
        '{{ "a" | compact: "c", x: "b" }}': "wrong number of arguments (given 3, "
                                            "expected 1..2)",
        '{{ "a" | date }}': "wrong number of arguments (given 1, expected 2)",
        '{{ "a b" | split }}': "wrong number of arguments (given 1, expected 2)",
        '{{ "x" | append: "}}" }}': "wrong number of arguments (given 1, expected 2)",
        '{{ "a" | map: x: "b" }}': "cannot select the property '{\"x\"=>\"b\"}'",
        '{{ "a" | sort: "c", x: "b" }}': "Invalid nils order: '{\"x\"=>\"b\"}' is not a "
                                         "valid nils order. It must be 'first' or 'last'.",
    }
    for text, message in cases.items():
        with pytest.raises(FilterError, match=re.escape(message)):
            _render(text)


def test_unknown_and_misplaced_tags() -> None:
    # A tag no tag is registered as ends a block's body and the block decides; Jekyll
    # 4.3.1 stopped with these messages (jekyll build, every error_mode), on these lines
    # (counted in the content): where the tag's markup starts, or for a block never
    # closed, the template's last line.
    from liquid.exceptions import LiquidSyntaxError
    cases = {
        "a{% else %}b": ("Unexpected outer 'else' tag", 1),
        "a{% end %}b": ("Unexpected outer 'end' tag", 1),
        "a\n{% foo %}b": ("Unknown tag 'foo'", 2),
        "a{% endif %}b": ("Unknown tag 'endif'", 1),
        "x{% endraw %}y": ("Unknown tag 'endraw'", 1),
        "x{% endcomment %}y": ("Unknown tag 'endcomment'", 1),
        "x{% doc %}y{% enddoc %}": ("Unknown tag 'doc'", 1),
        "{% if true %}a{% foo %}b{% endif %}": ("Unknown tag 'foo'", 1),
        "{% if true %}a{% when %}b{% endif %}": ("Unknown tag 'when'", 1),
        "{% if true %}a{% endfor %}b{% endif %}":
            ("'endfor' is not a valid delimiter for if tags. use endif", 1),
        "a{% if true %}\n{% endfor\nx\n%}":
            ("'endfor' is not a valid delimiter for if tags. use endif", 3),
        "{% unless true %}a{% endif %}":
            ("'endif' is not a valid delimiter for unless tags. use endunless", 1),
        "{% for i in (1..2) %}a{% elsif %}b{% endfor %}": ("Unknown tag 'elsif'", 1),
        "{% case 1 %}{% when 1 %}a{% elsif %}{% endcase %}": ("Unknown tag 'elsif'", 1),
        "{% capture x %}a{% else %}b{% endcapture %}":
            ("capture tag does not expect 'else' tag", 1),
        "{% highlight ruby %}a{% else %}{% endhighlight %}":
            ("highlight tag does not expect 'else' tag", 1),
        "{% tablerow i in (1..2) %}a{% else %}{% endtablerow %}":
            ("tablerow tag does not expect 'else' tag", 1),
        "{% ifchanged %}a{% else %}{% endifchanged %}":
            ("ifchanged tag does not expect 'else' tag", 1),
        "{% liquid\necho 1\nelse %}": ("liquid tag does not expect 'else' tag", None),
        # a second else ends the for; the endfor is then the enclosing block's
        "{% for i in (1..2) %}a{% else %}b{% else %}c{% endfor %}":
            ("Unknown tag 'endfor'", 1),
        "{% for i in\n (1..\n3) %}\n{% else %}\nx\n{% else\n %}\n{% endfor\n %}":
            ("Unknown tag 'endfor'", 9),
        "{% if true %}{% for i in (1..2) %}a{% else %}b{% else %}c{% endfor %}{% endif %}":
            ("'endfor' is not a valid delimiter for if tags. use endif", 1),
        "{% if true %}\nb": ("'if' tag was never closed", 2),
        "{% if true %}\nb\n": ("'if' tag was never closed", 3),
        "{% for i in (1..2) %}a": ("'for' tag was never closed", 1),
        "{% case 1 %}{% when 1 %}a": ("'case' tag was never closed", 1),
        "{% capture x %}a": ("'capture' tag was never closed", 1),
        "{% if true %}\nx\n{% comment %}": ("'comment' tag was never closed", 3),
        "{% raw %}\na\nb": ("'raw' tag was never closed", 1),
        "{% if true %}\n{% raw %}\na": ("'raw' tag was never closed", 2),
        "a{% foo\nx\n%}": ("Unknown tag 'foo'", 2),
        "a{%\nfoo %}": ("Unknown tag 'foo'", 2),
    }
    for mode in ("strict", "warn", "lax"):
        for text, (message, line) in cases.items():
            with pytest.raises(LiquidSyntaxError) as info:
                _render(text, {"liquid": {"error_mode": mode}})
            assert info.value.message == message, text
            if line is not None:
                assert info.value.context()[0] == line, text


def test_comment_bodies_are_parsed() -> None:
    # Liquid's comment is a block: its tags are parsed (Jekyll 4.3.1 stopped on these),
    # save that tags no tag is registered as are let be; raw inside hides endcomment.
    from liquid.exceptions import LiquidSyntaxError
    stops = {
        "a{% comment %}{% if %}{% endif %}{% endcomment %}b":
            ("Syntax Error in tag 'if' - Valid syntax: if [expression]", 1),
        "a\n{% comment %}\n{% if\n%}\n{% endcomment %}":
            ("Syntax Error in tag 'if' - Valid syntax: if [expression]", 4),
        "a{% comment %}{% if x %}{% endcomment %}b":
            ("'endcomment' is not a valid delimiter for if tags. use endif", 1),
        "a{% comment %}{% for i in %}{% endfor %}{% endcomment %}b":
            ("Syntax Error in 'for loop' - Valid syntax: for [item] in [collection]", 1),
        "[{% comment %}{% if x %}{% else %}{% elsif y %}{% when %}{% endif %}"
        "{% endcomment %}]": ("Unknown tag 'when'", 1),
        "[{% comment %}{% assign = %}{% endcomment %}]":
            ("Syntax Error in 'assign' - Valid syntax: assign [var] = [source]", 1),
        "[{% comment %}{% cycle %}{% endcomment %}]":
            ("Syntax Error in 'cycle' - Valid syntax: cycle [name :] var [, var2, var3 ...]",
             1),
        "[{% comment %}{% case %}{% endcase %}{% endcomment %}]":
            ("Syntax Error in 'case' - Valid syntax: case [condition]", 1),
        "[{% comment %}{% liquid\nelse %}{% endcomment %}]":
            ("liquid tag does not expect 'else' tag", None),
        "{% comment %}{% raw %}{% endcomment %}": ("'raw' tag was never closed", 1),
        "{% comment %}{% comment %}{% endcomment %}": ("'comment' tag was never closed", 1),
    }
    for text, (message, line) in stops.items():
        with pytest.raises(LiquidSyntaxError) as info:
            _render(text, {"liquid": {"error_mode": "lax"}})
        assert info.value.message == message, text
        if line is not None:
            assert info.value.context()[0] == line, text
    assert _render("a{% comment %}{% raw %}{% endcomment %}{% endraw %}x{% endcomment %}b"
                   ) == "ab"
    # strict mode: the strict parser's message for the markup inside
    with pytest.raises(LiquidSyntaxError, match=re.escape(
            '[:end_of_string] is not a valid expression in ""')):
        _render("a\n{% comment %}\n{% if\n%}\n{% endcomment %}",
                {"liquid": {"error_mode": "strict"}})


def _warned(text: str) -> tuple[list[str], BaseException | None]:
    from liquid.exceptions import LiquidSyntaxWarning
    env = make_environment(deep_merge(DEFAULTS, {"liquid": {"error_mode": "warn"}}))
    raised = None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            env.from_string(text).render()
        except Exception as exc:  # noqa: BLE001
            raised = exc
    said = [str(w.message) for w in caught if issubclass(w.category, LiquidSyntaxWarning)]
    return said, raised


def test_warnings_only_for_templates_that_parse() -> None:
    # error_mode warn: Jekyll 4.3.1 printed a template's warnings only when the template
    # parsed; one that then stopped the build on a syntax error printed the error alone.
    from liquid.exceptions import LiquidSyntaxError
    from jekyllpy.rendering.ruby import RubyArgumentError
    said, raised = _warned("{{ x | }}\n{% if %}{% endif %}")
    assert said == [] and isinstance(raised, LiquidSyntaxError)
    said, raised = _warned("{{ x | }}\n{% if x = %}{% endif %}\n{% foo %}")
    assert said == [] and isinstance(raised, LiquidSyntaxError)
    assert raised.message == "Unknown tag 'foo'"  # type: ignore[attr-defined]
    # it parses: both warnings, then the render error (Unknown operator)
    said, raised = _warned("{{ x | }}\n{% if x = %}{% endif %}")
    assert len(said) == 2 and isinstance(raised, RubyArgumentError)
    assert 'Expected id but found end_of_string in "{{ x | }}"' in said[0]
    assert 'Unexpected character = in "x ="' in said[1]
    # a comment's markup is read too
    said, raised = _warned("a{% comment %}{{ x | }}{% endcomment %}b")
    assert raised is None and len(said) == 1 and "Expected id" in said[0]


def test_tag_errors_on_the_line_where_the_markup_starts() -> None:
    # Liquid counts the line breaks around a tag's name (jekyll build, Jekyll 4.3.1)
    from liquid.exceptions import LiquidSyntaxError
    cases = {
        "a{% if\n x ==\n%}{% endif %}": 2,
        "a{%\n if\n x ==\n%}{% endif %}": 3,
        "a{{ x |\n | y\n }}": 1,
    }
    for text, line in cases.items():
        with pytest.raises(LiquidSyntaxError) as info:
            _render(text, {"liquid": {"error_mode": "strict"}})
        assert info.value.context()[0] == line, text


def test_capture_syntax_is_liquids() -> None:
    # jekyll build, Jekyll 4.3.1, every error_mode
    from liquid.exceptions import LiquidSyntaxError
    for mode in ("strict", "warn", "lax"):
        with pytest.raises(LiquidSyntaxError, match=re.escape(
                "Syntax Error in 'capture' - Valid syntax: capture [var]")):
            _render("[{% capture %}x{% endcapture %}]", {"liquid": {"error_mode": mode}})

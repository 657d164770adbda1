"""Front matter parsing: the copies a repeated text gets are independent deep copies."""

from __future__ import annotations

import copy
import datetime as dt

from jekyllpy.site import front_matter as fm


def test_parsed_again_gives_an_independent_copy() -> None:
    text = "---\ntitle: T\ntags: [a, b]\nnested: {list: [1, {x: 2}]}\n---\nbody\n"
    first = fm.parse(text, "p.md", remember=True)
    first.data["tags"].append("c")
    first.data["nested"]["list"][1]["x"] = 3
    again = fm.parse(text, "p.md", remember=True)
    assert again.data == {"title": "T", "tags": ["a", "b"],
                          "nested": {"list": [1, {"x": 2}]}}
    assert again.content == "body\n"


def test_copy_data_is_deepcopy() -> None:
    when = dt.datetime(2020, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc)
    tree = {"a": [1, 2.5, None, True, "s", b"b", when, dt.date(2020, 1, 2)],
            "b": {"c": [{"d": []}]}}
    copied = fm.copy_data(tree)
    assert copied == tree == copy.deepcopy(tree)
    assert copied["a"] is not tree["a"] and copied["b"]["c"][0] is not tree["b"]["c"][0]


def test_copy_data_keeps_aliases_and_copies_other_types() -> None:
    shared = [1, 2]
    tree = {"x": shared, "y": shared, "s": {"k"}}
    copied = fm.copy_data(tree)
    assert copied == tree
    assert copied["x"] is copied["y"] and copied["x"] is not shared  # as deepcopy keeps it
    assert copied["s"] is not tree["s"]
    pairs = {"o": [("a", [1])]}  # !!omap gives tuples holding mutable values
    assert fm.copy_data(pairs)["o"][0][1] is not pairs["o"][0][1]


def test_flat_data_parsed_again_keeps_aliases() -> None:
    text = "---\ntags: &t [a, b]\ncategories: *t\ntitle: x\n---\n"
    fm.parse(text, "alias.md", remember=True)
    again = fm.parse(text, "alias.md", remember=True)
    assert again.data == {"tags": ["a", "b"], "categories": ["a", "b"], "title": "x"}
    assert again.data["tags"] is again.data["categories"]  # as YAML (and deepcopy) give it
    flat = "---\ntags: [a, b]\ntitle: x\n---\n"
    first = fm.parse(flat, "flat.md", remember=True)
    first.data["tags"].append("c")
    assert fm.parse(flat, "flat.md", remember=True).data["tags"] == ["a", "b"]


def test_remembered_scalars_resolve_as_the_safe_loader_resolves_them() -> None:
    import yaml
    values = ["true", "yes", "On", "1", "1.5", ".inf", "2020-01-02", "2001-12-14t21:59:43.10-05:00",
              "~", "null", "", "0x1F", "012", "1_000", "190:20:30", "title", "Off", "-1e3"]
    lines = "".join(f"k{i}: {v}\nq{i}: '{v}'\nd{i}: \"{v}\"\n" for i, v in enumerate(values))
    text = f"---\n{lines}list: [{', '.join(v for v in values if v)}, '1', \"yes\"]\n---\n"
    expected = yaml.load(text.split("---\n")[1], Loader=yaml.SafeLoader)
    for path in ("a.md", "b.md"):  # the second time every plain scalar is remembered
        assert fm.parse(text, path).data == expected


def test_only_texts_parsed_with_remember_are_kept() -> None:
    text = "---\ntitle: kept only when asked\n---\n"
    fm.parse(text, "once.md")  # a single build or render_page: no copy kept
    assert ("once.md", text) not in fm._PARSED
    fm.parse(text, "once.md", remember=True)  # serve, --watch
    assert ("once.md", text) in fm._PARSED


def test_the_front_matter_pattern_matches_as_jekylls() -> None:
    """FRONT_MATTER tries the lines of the block one by one; it must match as Jekyll's
    character-by-character pattern does, blank lines, odd whitespace and all."""
    import random
    import re

    from jekyllpy.site.front_matter import FRONT_MATTER
    # Ruby's \s is ASCII white space
    jekylls = re.compile(r"\A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?)", re.M | re.S | re.ASCII)
    rng = random.Random(11)
    pieces = ["---", "...", "-", "--", " ", "\t", "\n", "\n\n", "\r", "a", "x: 1", "\v",
              "\u2028", "\x85", "\u00a0"]
    for _ in range(30000):
        text = "---" + "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        a, b = FRONT_MATTER.match(text), jekylls.match(text)
        assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), repr(text)

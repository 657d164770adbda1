"""``SiteLoader`` builds the usual YAML shapes itself: the data must be PyYAML's safe
loader's, shared objects included, and anything unusual must still load as there."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from jekyllpy.site.yaml_loader import SiteLoader

ROOT = Path(__file__).resolve().parents[2]

DOCUMENTS = [
    "title: T\ntags: [a, b]\ndate: 2020-01-02 03:04:05 +0100\npublished: false\n",
    "a: &x [1, {b: 2}]\nc: *x\nd: *x\n",  # one list, three references
    "base: &b {x: 1, y: 2}\nchild:\n  <<: *b\n  y: 3\n",  # merge key
    "? [1, 2]\n: unhashable key\n",
    "s: !!set {a, b}\no: !!omap [{a: 1}, {b: 2}]\np: !!pairs [{a: 1}, {a: 2}]\n",
    "bin: !!binary aGVsbG8=\n",
    "=: value key\nk: =\n",
    "&r [*r]\n",  # a list holding itself
    "&m {self: *m}\n",
    "1: one\n2.5: float key\ntrue: bool key\n~: null key\n2020-01-02: date key\n",
    "str: !!str 123\nint: !!int '7'\nfloat: !!float '1'\n",
    "- plain\n- 'quoted'\n- \"double\\tquoted\"\n- |\n  block\n- >\n  folded\n",
    "",
    "just a scalar",
    "[1, [2, [3, {4: [5]}]]]",
    "dup: 1\ndup: 2\n",
]


def _same(a: object, b: object) -> bool:
    """Equal, of the same types, with the same sharing of lists and dicts."""
    seen: dict[int, int] = {}
    seen_back: dict[int, int] = {}

    def walk(x: object, y: object) -> bool:
        if type(x) is not type(y):
            return False
        if isinstance(x, (list, dict)):
            if id(x) in seen or id(y) in seen_back:
                return seen.get(id(x)) == id(y) and seen_back.get(id(y)) == id(x)
            seen[id(x)] = id(y)
            seen_back[id(y)] = id(x)
            if isinstance(x, list):
                return len(x) == len(y) and all(walk(i, j) for i, j in zip(x, y))  # type: ignore[arg-type]
            return list(x) == list(y) and all(walk(x[k], y[k]) for k in x)  # type: ignore[index]
        return x == y or (x != x and y != y)

    return walk(a, b)


def _load(text: str, loader: type) -> object:
    try:
        return ("ok", yaml.load(text, Loader=loader))
    except yaml.YAMLError as exc:
        return ("error", type(exc).__name__, str(exc))


@pytest.mark.parametrize("text", DOCUMENTS)
def test_documents_load_as_with_the_safe_loader(text: str) -> None:
    ours, theirs = _load(text, SiteLoader), _load(text, yaml.CSafeLoader)
    if ours[0] == "error" or theirs[0] == "error":
        assert ours == theirs
    else:
        assert _same(ours[1], theirs[1])


def test_the_fixtures_yaml_loads_as_with_the_safe_loader() -> None:
    files = [p for p in (ROOT / "tests" / "fixtures").rglob("*")
             if p.suffix in (".yml", ".yaml", ".md", ".html") and "expected" not in p.parts]
    loaded = 0
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix in (".md", ".html"):
            if not text.startswith("---"):
                continue
            text = text.split("\n---", 1)[0]
        ours, theirs = _load(text, SiteLoader), _load(text, yaml.CSafeLoader)
        assert (ours[0] == theirs[0] == "ok" and _same(ours[1], theirs[1])) or ours == theirs, path
        loaded += 1
    assert loaded > 200


def test_random_documents_load_as_with_the_safe_loader() -> None:
    rng = random.Random(11)
    scalars = ["a", "1", "-2", "0x1f", "1.5", ".nan", "true", "no", "~", "2020-01-02",
               "'q'", '"d"', "x y", "&s v", "*s", "!!str 1", "<<", "="]
    for _ in range(3000):
        lines = []
        for depth in range(rng.randint(1, 6)):
            indent = "  " * rng.randint(0, depth)
            key = rng.choice(scalars + ["k", "k2"])
            value = rng.choice(scalars + ["", "[a, 1]", "{x: 1}", "&a [1]", "*a", "&m {q: 1}",
                                          "*m"])
            lines.append(f"{indent}{key}: {value}" if rng.random() < 0.8 else f"{indent}- {value}")
        text = "\n".join(lines) + "\n"
        ours, theirs = _load(text, SiteLoader), _load(text, yaml.CSafeLoader)
        if ours[0] == "error" or theirs[0] == "error":
            assert ours == theirs, text
        else:
            assert _same(ours[1], theirs[1]), text

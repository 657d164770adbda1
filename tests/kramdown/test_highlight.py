"""Highlighting: snippets of our own in tests/fixtures/highlight/LANG/, each converted as a
fenced block and compared with what Jekyll (Rouge 3.30) wrote (scripts/regen_highlight_fixtures.py).

Snippets known to differ are listed in KNOWN_DIFFERENT; such a test fails if it starts to
match, so the list cannot go stale.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import jekyllpy
from jekyllpy.kramdown.highlight import find_lexer, highlight

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "highlight"
SNIPPETS = sorted(FIXTURES.glob("*/*.txt"))
sys.path.insert(0, str(ROOT / "scripts"))
from regen_highlight_fixtures import fenced  # noqa: E402

KNOWN_DIFFERENT: dict[str, str] = {}
_SPAN = re.compile(r"</?span[^>]*>")


def _id(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


@pytest.mark.parametrize("snippet", SNIPPETS, ids=[_id(p) for p in SNIPPETS])
def test_snippet_matches_rouge(snippet: Path) -> None:
    code = snippet.read_bytes().decode("utf-8")
    expected = snippet.with_suffix(".html").read_bytes().decode("utf-8")
    actual = jekyllpy.markdownify(fenced(snippet.parent.name, code))
    if _id(snippet) in KNOWN_DIFFERENT:
        assert actual != expected, "now identical: remove it from KNOWN_DIFFERENT"
        assert _SPAN.sub("", actual) == _SPAN.sub("", expected)  # same text, same wrapper
        pytest.xfail(KNOWN_DIFFERENT[_id(snippet)])
    assert actual == expected


def test_language_lookup_is_rouges() -> None:
    assert find_lexer("ruby") == "ruby" and find_lexer("rb") == "ruby"
    assert find_lexer("Ruby") is None  # exact names only
    assert find_lexer("text") == "plaintext"
    assert find_lexer("js?start_inline=1") == "javascript"


#: fence names Rouge 3.30 resolves to these lexers (Rouge::Lexer.find), all restated natively
_ROUGE_ALIASES = {
    "http": "http", "cmake": "cmake", "R": "r", "s": "r", "S": "r", "coffee": "coffeescript",
    "coffee-script": "coffeescript", "pl": "perl", "lua": "lua", "hs": "haskell",
    "scala": "scala", "objc": "objective_c", "obj-c": "objective_c", "obj_c": "objective_c",
    "objectivec": "objective_c", "groovy": "groovy", "dart": "dart", "exs": "elixir",
    "nginx": "nginx", "graphql": "graphql", "m": "matlab", "jl": "julia", "clj": "clojure",
    "cljs": "clojure", "erl": "erlang", "hcl": "hcl", "tf": "terraform", "proto": "protobuf",
    "properties": "properties", "bat": "batchfile", "batch": "batchfile",
    "dosbatch": "batchfile", "winbatch": "batchfile", "config": "conf",
    "configuration": "conf", "unit-file": "systemd", "hbs": "handlebars",
    "mustache": "handlebars", "django": "jinja", "zir": "zig", "nixos": "nix",
    "visualbasic": "vb", "dlang": "d", "realbasic": "xojo", "pp": "puppet", "jsonc": "json-doc",
    "objcpp": "objective_cpp", "objc++": "objective_cpp", "cucumber": "gherkin",
    "behat": "gherkin", "pry": "irb", "nimrod": "nim", "tsx": "tsx", "ocaml": "ocaml",
    "vuejs": "vue", "cr": "crystal", "sass": "sass", "twig": "twig",
    "lisp": "common_lisp", "cl": "common_lisp", "elisp": "common_lisp",
    "emacs-lisp": "common_lisp", "common-lisp": "common_lisp", "llvm": "llvm",
    "verilog": "verilog", "vhdl": "vhdl", "mathematica": "mathematica", "wl": "mathematica",
    "gd": "gdscript", "eml": "email", "e-mail": "email", "hy": "hylang", "st": "smalltalk",
    "squeak": "smalltalk", "moon": "moonscript", "lithaskell": "literate_haskell",
    "lhaskell": "literate_haskell", "lhs": "literate_haskell",
    "litcoffee": "literate_coffeescript", "as": "actionscript", "as3": "actionscript",
    "pyx": "cython", "pyrex": "cython", "hx": "haxe", "ml": "sml", "kdb+": "q",
    "postscr": "postscript", "ps": "postscript", "eps": "postscript", "jdn": "janet",
}


@pytest.mark.parametrize("alias", sorted(_ROUGE_ALIASES))
def test_rouge_aliases_reach_native_lexers(alias: str) -> None:
    from jekyllpy.kramdown.highlight.lexers import NATIVE

    assert find_lexer(alias) == _ROUGE_ALIASES[alias]
    assert _ROUGE_ALIASES[alias] in NATIVE


def test_unknown_language_is_not_highlighted() -> None:
    assert highlight("x", "nosuchlang", "block", {"guess_lang": True}, {}) is None


def test_plaintext_needs_guess_lang() -> None:
    assert highlight("x", None, "block", {"default_lang": "plaintext"}, {}) is None
    out = highlight("a<b", None, "block", {"default_lang": "plaintext", "guess_lang": True}, {})
    assert out == '<div class="highlight"><pre class="highlight"><code>a&lt;b</code></pre></div>'


def test_span_kind_is_not_wrapped_and_sets_default_lang() -> None:
    call_opts: dict = {}
    assert highlight("x", None, "span", {"default_lang": "plaintext", "guess_lang": True},
                     call_opts) == "x"
    assert call_opts["default_lang"] == "plaintext"


def test_line_numbers_table() -> None:
    out = highlight("a\nb\n", "text", "block", {"line_numbers": True, "guess_lang": True}, {})
    assert out.startswith('<div class="highlight"><pre class="highlight"><code>'
                          '<table class="rouge-table"><tbody><tr><td class="rouge-gutter gl">'
                          '<pre class="lineno">1\n2\n</pre></td>')


@pytest.mark.skipif(shutil.which("ruby") is None, reason="Ruby Jekyll is not installed")
def test_expected_files_are_reproduced_by_jekyll() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "regen_highlight_fixtures.py"),
                             "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


_PIECES = ["def ", "class ", "{", "}", "(", ")", "[", "]", "'", '"', "`", "\\", "\n", "  ",
           "#", "//", "/*", "*/", "<", ">", "</", "<%", "%>", "{%", "%}", "{{", "}}", "$",
           "${", "$(", "--", "-", "0x1F", "3.5", "<<EOF\n", "EOF\n", "é", "\t", ";", ":", ",",
           "if ", "end", "fn ", "%w[", "r\"", "f'", "{x}", "@", "?", "/re/", "!important"]


#: lexers whose tokens do not spell the input, as Rouge's do not: sed yields a ``w FILE`` flag
#: three times; Crystal keeps only the last character between a character literal's quotes
_NOT_TEXT_PRESERVING = {"sed", "crystal"}


@pytest.mark.parametrize("seed", range(25))
def test_native_lexers_cover_any_input_exactly(seed: int) -> None:
    import random

    from jekyllpy.kramdown.highlight.lexers import NATIVE

    rng = random.Random(seed)
    code = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 200)))
    for tag, lexer in NATIVE.items():
        runs = lexer.lex(code)
        if tag not in _NOT_TEXT_PRESERVING:
            assert "".join(text for _, text in runs) == code, tag
        assert all(text for _, text in runs), tag

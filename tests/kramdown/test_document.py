"""The engine's public API: Document(text, **options), .to_html(), .warnings, .root."""

from __future__ import annotations

import random

import pytest

from jekyllpy.kramdown import Document, Element


def test_to_html_with_kramdown_defaults() -> None:
    assert Document("# Hi\n").to_html() == '<h1 id="hi">Hi</h1>\n'


def test_gfm_input_and_options() -> None:
    html = Document("# Hi there\nline\n", input="GFM", hard_wrap=False).to_html()
    assert html == '<h1 id="hi-there">Hi there</h1>\n<p>line</p>\n'


def test_root_is_the_element_tree() -> None:
    doc = Document("para *em*\n")
    assert isinstance(doc.root, Element)
    assert doc.root.type == "root"
    p = doc.root.children[0]
    assert p.type == "p"
    assert [c.type for c in p.children] == ["text", "em"]


def test_warnings_for_unclosed_html() -> None:
    doc = Document("<div markdown='1'>\ntext\n", parse_block_html=False)
    doc.to_html()
    assert any("Found no end tag for 'div'" in w for w in doc.warnings)


def test_unknown_option_raises_value_error_naming_it() -> None:
    with pytest.raises(ValueError, match="no_such_option"):
        Document("x", no_such_option=True)


@pytest.mark.parametrize("name,value", [("toc_levels", "9..12"), ("footnote_nr", "many"),
                                        ("entity_output", "shouting"), ("input", "markdown2")])
def test_bad_option_value_raises_value_error(name: str, value: str) -> None:
    with pytest.raises(ValueError):
        Document("x", **{name: value})


def test_legacy_option_names_are_accepted_and_ignored() -> None:
    assert Document("x", enable_coderay=False, coderay_tab_width=4).to_html() == "<p>x</p>\n"


def test_non_str_raises_type_error() -> None:
    with pytest.raises(TypeError):
        Document(b"bytes")  # type: ignore[arg-type]


def test_to_html_twice_gives_the_same_bytes() -> None:
    doc = Document("a[^1]\n\n[^1]: note\n\n* x\n{:toc}\n\n## h\n")
    assert doc.to_html() == doc.to_html()


PIECES = ["*", "_", "`", "[", "]", "(", ")", "<div>", "</div>", "<span>", "{:", "}", "\n",
          "\n\n", "> ", "* ", "1. ", "    ", "\t", "|", "---", "$$", "&", "&amp;", "\\", "'",
          '"', "~~", "#", "<!--", "-->", "[^1]", "[^1]: x\n", "{::comment}", "{:/}", "é", " "]


@pytest.mark.parametrize("seed", range(40))
def test_any_text_converts_without_an_exception(seed: int) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 400)))
    for options in ({}, {"input": "GFM", "hard_wrap": False}):
        assert isinstance(Document(text, **options).to_html(), str)


@pytest.mark.parametrize("text", [
    "[" * 5000, "![" * 3000, "*a " * 3000, "`" * 5000, "<div>\n" * 2000, "> " * 3000,
    "* " * 3000, "{:" * 3000, "<!--" * 2000, "~" * 5000, "[a](" * 2000,
])
def test_pathological_inputs_convert(text: str) -> None:
    assert isinstance(Document(text, input="GFM").to_html(), str)


def test_conversion_leaves_no_reference_cycles() -> None:
    """Parser, tree and converter are freed by reference counting as soon as the caller
    drops them: no cycle for the garbage collector to find (cycles made every tree live
    until a collection, which cost time and memory in builds converting thousands of
    pages)."""
    import gc
    from pathlib import Path

    fixtures = Path(__file__).resolve().parent.parent / "fixtures" / "markdown"
    texts = [p.read_text(encoding="utf-8") for p in sorted(fixtures.rglob("*.md"))]
    assert len(texts) > 100
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        for text in texts:
            for parser in ("kramdown", "GFM"):
                Document(text, input=parser).to_html()
        gc.collect()
        leftovers = [type(o).__name__ for o in gc.garbage]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if enabled:
            gc.enable()
    assert leftovers == []


#: An indent followed by whitespace that Ruby's ``\S`` rejects (vertical tab, form feed):
#: kramdown's code block rule matches its start, scans nothing, and repeats forever.
_KRAMDOWN_LOOPS_ON = ["\t\v+", "\t\fx", "a\n\n\t\vx\n", "\t\v\n", "    \f\n  x", "    \v<b>\n\ta"]


@pytest.mark.parametrize("text", _KRAMDOWN_LOOPS_ON)
@pytest.mark.parametrize("parser", ["kramdown", "GFM"])
def test_inputs_kramdown_never_finishes_convert(text: str, parser: str) -> None:
    """Where kramdown (and so Jekyll) hangs, the engine leaves the line to the next rules."""
    import signal

    def give_up(*_: object) -> None:
        raise TimeoutError(f"no result for {text!r}")

    old = signal.signal(signal.SIGALRM, give_up)
    signal.alarm(10)
    try:
        html = Document(text, input=parser).to_html()
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    assert html.endswith("\n")


_RUBY_WITHOUT_THE_LOOP = r'''
require "json"
require "kramdown"
require "kramdown-parser-gfm"
class Kramdown::Parser::Kramdown
  alias_method :jekyllpy_parse_codeblock, :parse_codeblock
  def parse_codeblock  # as the engine does: a code block that scans nothing is no code block
    return false if (@src.check(self.class::CODEBLOCK_MATCH) || "").empty?
    jekyllpy_parse_codeblock
  end
end
out = JSON.parse(STDIN.read).map do |text, parser|
  doc = Kramdown::Document.new(text, input: parser, hard_wrap: false)
  [doc.to_html, doc.warnings]
end
print JSON.dump(out)
'''


def test_inputs_kramdown_never_finishes_convert_as_kramdown_would_without_the_loop() -> None:
    """The output is what kramdown gives once its code block rule declines an empty scan:
    the line falls through to "no block parser handled the line" (HTML and warning)."""
    import json
    import shutil
    import subprocess

    if shutil.which("ruby") is None:
        pytest.skip("Ruby is not installed")
    cases = [(t, p) for t in _KRAMDOWN_LOOPS_ON for p in ("kramdown", "GFM")]
    run = subprocess.run(["ruby", "-e", _RUBY_WITHOUT_THE_LOOP], input=json.dumps(cases),
                         capture_output=True, text=True, timeout=120)
    if run.returncode != 0 and "cannot load such file" in run.stderr:
        pytest.skip("kramdown is not installed for Ruby")
    assert run.returncode == 0, run.stderr
    expected = json.loads(run.stdout)
    for (text, parser), (html, warnings) in zip(cases, expected):
        doc = Document(text, input=parser, hard_wrap=False)
        assert (doc.to_html(), doc.warnings) == (html, warnings), (text, parser)

"""Parser rules, checked on the element tree (what the converter receives)."""

from __future__ import annotations

import pytest

from jekyllpy.kramdown import Document
from jekyllpy.kramdown.element import Element


def tree(text: str, **options) -> Element:
    return Document(text, **options).root


def types(el: Element) -> list[str]:
    return [c.type for c in el.children]


def test_blocks_in_rule_order() -> None:
    root = tree("# H\n\npara\n\n> quote\n\n    code\n\n* a\n\n---\n")
    assert types(root) == ["header", "blank", "p", "blank", "blockquote", "blank",
                           "codeblock", "blank", "ul", "blank", "hr"]


def test_tight_list_items_have_transparent_paragraphs() -> None:
    ul = tree("* a\n* b\n").children[0]
    assert [li.children[0].options.get("transparent") for li in ul.children] == [True, True]


def test_loose_list_items_keep_paragraphs() -> None:
    ul = tree("* a\n\n* b\n").children[0]
    assert not ul.children[0].children[0].options.get("transparent")


def test_header_raw_text_and_level() -> None:
    h = tree("## The *quick* fox {#q}\n").children[0]
    assert h.options["level"] == 2
    assert h.options["raw_text"] == "The *quick* fox"
    assert h.attr["id"] == "q"


def test_gfm_header_ids_are_generated_by_the_parser() -> None:
    root = tree("# A b\n# A b\n", input="GFM")
    assert [h.attr["id"] for h in root.children if h.type == "header"] == ["a-b", "a-b-1"]


def test_block_ial_applies_to_previous_block() -> None:
    p = tree("para\n{: .x #y}\n").children[0]
    assert p.attr == {"class": "x", "id": "y"}


def test_ald_reference() -> None:
    root = tree("{:r: .ref}\n\npara\n{: r}\n")
    p = next(c for c in root.children if c.type == "p")
    assert p.attr["class"] == "ref"


def test_span_elements() -> None:
    p = tree("*em* **st** `c` [l](/u) ![i](/s) &amp; -- \"q\"\n").children[0]
    kinds = [c.type for c in p.children if c.type != "text"]
    assert kinds == ["em", "strong", "codespan", "a", "img", "entity", "typographic_sym",
                     "smart_quote", "smart_quote"]


def test_html_block_content_models() -> None:
    root = tree('<div markdown="1">\n*x*\n</div>\n\n<div>\n*y*\n</div>\n')
    md, raw = [c for c in root.children if c.type == "html_element"]
    assert md.options["content_model"] == "block"
    assert raw.options["content_model"] == "raw"
    assert "markdown" not in md.attr


def test_footnote_marker_points_at_definition() -> None:
    root = tree("a[^n]\n\n[^n]: note\n")
    marker = root.children[0].children[-1]
    assert marker.type == "footnote"
    assert marker.value.type == "footnote_def"
    assert root.options["footnote_count"] == 1


def test_abbreviations_are_split_out_of_text() -> None:
    p = tree("Use HTML here\n\n*[HTML]: markup\n").children[0]
    assert [c.type for c in p.children] == ["text", "abbreviation", "text"]


def test_table_alignment_and_sections() -> None:
    table = tree("| a | b |\n|:--|--:|\n| 1 | 2 |\n").children[0]
    assert table.options["alignment"] == ["left", "right"]
    assert types(table) == ["thead", "tbody"]


def test_mid_line_block_start_after_html_comment() -> None:
    # Ruby's scanner treats the cursor as a line start: text after a comment is a paragraph.
    html = Document("<!-- c --> para\n").to_html()
    assert html == "<!-- c -->\n<p>para</p>\n"


def test_warnings_carry_line_numbers() -> None:
    doc = Document("text\n\nsee[^gone] and [x][nope](/u)\n")
    assert doc.to_html() == '<p>text</p>\n\n<p>see[^gone] and [x]<a href="/u">nope</a></p>\n'
    assert doc.warnings == ["Footnote definition for 'gone' not found on line 3"]


def _assert_prefilter_lands_where_the_search_does(span_re, prefilter, lead: int, alphabet: str,
                                                  seed: int, texts: int, longest: int,
                                                  direct: frozenset[str] = frozenset()) -> None:
    """On random texts, the span loop's next candidate (the first anchor when it is one of
    the ``direct`` characters, else a search of ``span_re`` from the first anchor minus
    ``lead``) is the same first position as searching ``span_re`` from the cursor."""
    import random

    rng = random.Random(seed)
    for _ in range(texts):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest)))
        for pos in range(len(text) + 1):
            expected = span_re.search(text, pos)
            anchor = prefilter(text, pos)
            if anchor is not None and text[anchor.start()] in direct:
                got = anchor
            else:
                got = None if anchor is None else span_re.search(
                    text, max(anchor.start() - lead, pos))
            assert (got and got.start()) == (expected and expected.start()), (
                span_re.pattern[:40], text, pos)


@pytest.mark.parametrize("parser_name", ["kramdown", "GFM"])
def test_span_anchor_prefilter_finds_the_same_first_candidate(parser_name: str) -> None:
    """The span loop skips ahead with a pattern of the rules' anchors; on any text it must
    land on the same position as the combined start pattern would."""
    from jekyllpy.kramdown.document import _parser_class
    from jekyllpy.kramdown.options import resolve_options

    parser = _parser_class(parser_name)("", resolve_options({"input": parser_name}))
    parser._configure()
    _, span_re, prefilter, lead, direct = parser._span_start
    assert prefilter is not None
    assert direct == set("*_`$&")
    _assert_prefilter_lands_where_the_search_does(
        span_re, prefilter, lead, "ab    \n\n\t\\*_`<>[]!\"'$&{}:-.~|^#()", 7, 4000, 24, direct)


def test_span_anchor_prefilter_with_stop_patterns() -> None:
    """Inside emphasis, link text and span HTML the loop also stops at the closing mark;
    the prefilter, extended by the stop pattern's first characters, must still land where
    the combined pattern does."""
    from jekyllpy.kramdown.parser import base
    from jekyllpy.kramdown.parser import GFMParser

    Document("*a _b_ **c** x* [l *i* ![im](s)](u) <span>s *e* <b>t</b></span> __u__ "
             "<em>x</em>\n", input="GFM")
    entries = [(used, pre) for key, (used, pre) in base._STOP_RES.items() if pre is not None]
    assert len(entries) >= 4
    direct = base._direct_starts([GFMParser.RULES[n] for n in GFMParser.SPAN_RULES])
    assert direct  # both parsers' span rules start directly on the same characters
    for used, prefilter in entries:
        # lead 2: the largest of the parsers' leads (entries may come from both parsers)
        _assert_prefilter_lands_where_the_search_does(
            used, prefilter, 2, "ab    \n\t\\*_`<>[]!\"'$&{}:-.~/span", 11, 800, 20, direct)


def test_setext_header_guard_keeps_the_pattern_s_matches() -> None:
    """SETEXT_HEADER_START's leading lookahead only fails early; every match, span and group
    stays what the unguarded pattern gives (also for the header text on the line after an
    empty one, which ``[^ \\t]`` allows)."""
    import random
    import re

    from jekyllpy.kramdown.parser import patterns as P

    guarded = P.SETEXT_HEADER_START
    guard = "(?=.*\\n[-=]| {0,3}\\n.*\\n[-=])"
    plain = re.compile(guarded.pattern.replace(guard, "", 1), guarded.flags)
    assert plain.pattern != guarded.pattern
    rng = random.Random(5)
    for _ in range(20000):
        text = "".join(rng.choice(" \t\na-=b") for _ in range(rng.randint(0, 12)))
        for pos in range(len(text) + 1):
            a, b = plain.match(text, pos), guarded.match(text, pos)
            assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict()))


def test_smart_quote_rules_as_one_pattern_pick_the_same_rule() -> None:
    """SQ_FIRST must find, at every position, the rule (and its groups) that trying
    SQ_RULES one by one in order finds."""
    import random

    from jekyllpy.kramdown.parser import patterns as P

    rng = random.Random(9)
    for _ in range(20000):
        text = "".join(rng.choice("ab1 s'\"\n_*.-([\\") for _ in range(rng.randint(0, 10)))
        for pos in range(len(text) + 1):
            expected = None
            for pattern, substs in P.SQ_RULES:
                m = pattern.match(text, pos)
                if m is not None:
                    expected = (substs, m.span(), m.groups())
                    break
            m = P.SQ_FIRST.match(text, pos)
            got = None
            if m is not None:
                rule = m.lastindex
                substs = P.SQ_BY_GROUP[rule]
                count = next(p.groups for p, s in P.SQ_RULES if s is substs)
                got = (substs, m.span(), m.groups()[rule:rule + count])
            assert got == expected, (text, pos)


@pytest.mark.parametrize("parser_name", ["kramdown", "GFM"])
def test_skipping_hopeless_attempts_changes_no_output(parser_name: str, monkeypatch) -> None:
    """Emphasis and link attempts that are certain to fail are skipped once failed scans
    pile up (``Scanner.skip_hopeless``) or at once where nothing after them can warn
    (``Scanner.quiet_from``).  On random span text the HTML must be what kramdown's full
    scans give, and where nothing can warn, the warnings too."""
    import random

    from jekyllpy.kramdown import Document
    from jekyllpy.kramdown.scanner import Scanner

    pieces = ["*", "**", "_", "__", "a", "b c", " ", "  ", "\n", "[", "]", "![", "](", "(x)",
              "[^1]", "`", "<em>", "</em>", "{:.c}", "-", "'", "\\*", "~~", "[a]: /u\n",
              "][", "] [", "[a]", "a]", "\\[", "\\]", "\n[a[b]: /v\n", "[a\\[b]"]
    rng = random.Random(11)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
             for _ in range(1500)]
    texts = [t + "\n\n[^1]: note\n" if "[^1]" in t else t for t in texts]

    def convert(skip: bool | None) -> list[tuple[str, list[str]]]:
        with monkeypatch.context() as m:
            if skip is not None:
                m.setattr(Scanner, "skip_hopeless", lambda self: skip)
            if skip is False:
                m.setattr(Scanner, "quiet_from", lambda self, pos: False)
            out = []
            for text in texts:
                doc = Document(text, input=parser_name)
                out.append((doc.to_html(), doc.warnings))
            return out

    full, shortcut, normal = convert(False), convert(True), convert(None)
    assert sum(h != "" for h, _ in full) > 1000
    for text, (f_html, f_warn), (s_html, _), (n_html, n_warn) in zip(texts, full, shortcut,
                                                                       normal):
        assert s_html == f_html, text
        # texts this short never reach skip_hopeless's threshold: only quiet_from acts
        assert (n_html, n_warn) == (f_html, f_warn), text

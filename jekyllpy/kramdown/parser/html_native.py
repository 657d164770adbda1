"""``html_to_native``: turning parsed HTML elements into native kramdown elements where the
HTML has a Markdown equivalent (kramdown's parser/html.rb ``ElementConverter``).

Used when the ``html_to_native`` option is on: ``<em>x</em>`` becomes an ``em`` element,
``<pre><code>`` a code block, a simple ``<table>`` a native table, and so on.  Text inside is
re-tokenised for entities, and whitespace is normalised the way kramdown does.
"""

from __future__ import annotations

import re
from typing import Any

from .. import entities
from ..element import Element
from ..scanner import Scanner
from . import patterns as P

REMOVE_TEXT_CHILDREN = frozenset("html head hgroup ol ul dl table colgroup tbody thead tfoot tr "
                                 "select optgroup".split())
WRAP_TEXT_CHILDREN = frozenset("body section nav article aside header footer address div li dd "
                               "blockquote figure figcaption fieldset form".split())
REMOVE_WHITESPACE_CHILDREN = frozenset("body section nav article aside header footer address "
                                       "div li dd blockquote figure figcaption td th fieldset "
                                       "form".split())
STRIP_WHITESPACE = frozenset("address article aside blockquote body caption dd div dl dt "
                             "fieldset figcaption form footer header h1 h2 h3 h4 h5 h6 legend "
                             "li nav p section td th".split())
SIMPLE_ELEMENTS = frozenset("em strong blockquote hr br img p thead tbody tfoot tr td th ul ol "
                            "dl li dl dt dd".split())
_EMPHASIS_TYPE = {"em": "em", "i": "em", "strong": "strong", "b": "strong"}
_WS = " \t\n\v\f\r"
_WS_RUN = P.rx(r"\s+")
_UNTIL_ENTITY = P.rx(rf"(?={P.HTML_ENTITY_SRC})")
_HIGHLIGHTER_CLASS = P.rx(r"\s+\bhighlighter-\w+\b|\bhighlighter-\w+\b\s*")
_LANGUAGE = P.rx(r"\blanguage-\S+")
_TEXT_ALIGN = P.rx(r"(?:;\s*)?text-align:\s+(center|left|right)")
_TEXT_ALIGN_ANY = P.rx(r"text-align:\s+(center|left|right|justify|inherit)")
_MATH_TYPE = P.rx(r"\bmath/tex\b")
_CDATA = P.rx(r"\A(?:%\s*)?<!\[CDATA\[\n?(.*?)(?:\s%)?\]\]>\Z", re.S)


class _NotSimple(Exception):
    pass


def _set_basics(el: Element, type: str, opts: dict[str, Any] | None = None) -> None:
    el.type = type
    el.options = dict(opts or {})
    el.value = None


def _extract_text(el: Element, parts: list[str]) -> None:
    if el.type == "text":
        parts.append(str(el.value or ""))
    for c in el.children:
        _extract_text(c, parts)


class HtmlToNative:
    """Mixin: converts an HTML element subtree to kramdown elements where possible."""

    def convert_html_to_native(self, el: Element) -> None:
        _Converter(self.root).process(el)


class _Converter:
    def __init__(self, root: Element) -> None:
        self.root = root

    def process(self, el: Element, do_conversion: bool = True, preserve_text: bool = False,
                parent: Element | None = None) -> None:
        if el.type in ("xml_comment", "xml_pi"):
            if parent is None:
                ptype = "div"
            elif parent.type == "html_element":
                ptype = parent.value
            elif parent.type == "code_span":
                ptype = "code"
            elif parent.type == "code_block":
                ptype = "pre"
            elif parent.type == "header":
                ptype = "h1"
            else:
                ptype = parent.type
            el.options = {"category": "span" if P.html_content_model(ptype) == "span" else "block"}
            return
        if el.type == "root":
            out: list[Element] = []
            for c in el.children:
                if c.type == "text":
                    out.extend(self.process_text(c.value, not do_conversion))
                else:
                    self.process(c)
                    out.append(c)
            el.children = out
            self.remove_whitespace_children(el)
            return
        if el.type != "html_element":
            return
        name = el.value
        method = getattr(self, f"convert_{name}", None) if isinstance(name, str) else None
        if do_conversion and method is not None:
            method(el)
            return
        if do_conversion and name in REMOVE_TEXT_CHILDREN:
            el.children = [c for c in el.children if c.type != "text"]
        if do_conversion and name in SIMPLE_ELEMENTS:
            _set_basics(el, name)
            self.process_children(el, do_conversion, preserve_text)
        else:
            self.process_html_element(el, do_conversion, preserve_text)
        if do_conversion:
            if name in STRIP_WHITESPACE:
                self.strip_whitespace(el)
            if name in REMOVE_WHITESPACE_CHILDREN:
                self.remove_whitespace_children(el)
            if name in WRAP_TEXT_CHILDREN:
                self.wrap_text_children(el)

    def process_children(self, el: Element, do_conversion: bool = True,
                         preserve_text: bool = False) -> None:
        out: list[Element] = []
        for c in el.children:
            if c.type == "text":
                out.extend(self.process_text(c.value, preserve_text or not do_conversion))
            else:
                self.process(c, do_conversion, preserve_text, el)
                out.append(c)
        el.children = out

    def process_text(self, raw: str, preserve: bool = False) -> list[Element]:
        if not preserve:
            raw = _WS_RUN.sub(" ", raw)
        src = Scanner(raw)
        result: list[Element] = []
        while not src.eos():
            tmp = src.scan_until(_UNTIL_ENTITY)
            if tmp is None:
                result.append(Element("text", src.rest()))
                src.terminate()
                break
            result.append(Element("text", tmp))
            m = src.scan(P.HTML_ENTITY) and src.last
            name, dec, hexa = m.group(1), m.group(2), m.group(3)
            if name in ("lsquo", "rsquo", "ldquo", "rdquo"):
                result.append(Element("smart_quote", name))
            elif name in ("mdash", "ndash", "hellip", "laquo", "raquo"):
                result.append(Element("typographic_sym", name))
            else:
                if name is not None:
                    ent = entities.entity_by_name(name)
                else:
                    cp = int(dec) if dec is not None else int(hexa, 16)
                    ent = entities.entity_by_code_point(cp) or entities.Entity(cp, None)
                if ent is not None:
                    result.append(Element("entity", ent, None, {"original": m.group()}))
                else:
                    src.pos -= len(m.group()) - 1
                    result.append(Element("entity", entities.entity_by_name("amp")))
        return result

    def process_html_element(self, el: Element, do_conversion: bool = True,
                             preserve_text: bool = False) -> None:
        el.options = {
            "category": "span" if el.value in P.HTML_SPAN_ELEMENTS else "block",
            "content_model": P.html_content_model(el.value) if do_conversion else "raw"}
        self.process_children(el, do_conversion, preserve_text)

    def wrap_text_children(self, el: Element) -> None:
        tmp: list[Element] = []
        last_is_p = False
        for c in el.children:
            if not c.is_block() or c.type == "text":
                if not last_is_p:
                    tmp.append(Element("p", None, None, {"transparent": True}))
                    last_is_p = True
                tmp[-1].children.append(c)
            else:
                tmp.append(c)
                last_is_p = False
        el.children = tmp

    @staticmethod
    def strip_whitespace(el: Element) -> None:
        if not el.children:
            return
        if el.children[0].type == "text":
            el.children[0].value = el.children[0].value.lstrip(_WS)
        if el.children[-1].type == "text":
            el.children[-1].value = el.children[-1].value.rstrip(_WS)

    @staticmethod
    def remove_whitespace_children(el: Element) -> None:
        kids = el.children
        n = len(kids)
        keep: list[Element] = []
        for i, c in enumerate(kids):
            if c.type == "text" and not c.value.strip(_WS) and (
                    i == 0 or i == n - 1 or (kids[i - 1].is_block() and kids[i + 1].is_block())):
                continue
            keep.append(c)
        el.children = keep

    # -- element specific conversions ------------------------------------------------------------
    def convert_textarea(self, el: Element) -> None:
        self.process_html_element(el, True, True)

    def convert_a(self, el: Element) -> None:
        if el.attr.get("href") is not None:
            _set_basics(el, "a")
            self.process_children(el)
        else:
            self.process_html_element(el, False)

    def convert_em(self, el: Element) -> None:
        parts: list[str] = []
        _extract_text(el, parts)
        text = "".join(parts)
        if text and (text[0] in _WS or text[-1] in _WS):
            self.process_html_element(el, False)
        else:
            _set_basics(el, _EMPHASIS_TYPE[el.value])
            self.process_children(el)

    convert_b = convert_strong = convert_i = convert_em

    def convert_h1(self, el: Element) -> None:
        level = int(el.value[1])
        parts: list[str] = []
        _extract_text(el, parts)
        _set_basics(el, "header", {"level": level})
        el.options["raw_text"] = "".join(parts)
        self.process_children(el)

    convert_h2 = convert_h3 = convert_h4 = convert_h5 = convert_h6 = convert_h1

    def convert_code(self, el: Element) -> None:
        parts: list[str] = []
        _extract_text(el, parts)
        result = self.process_text("".join(parts), True)
        try:
            buf = []
            for c in result:
                if c.type == "text":
                    buf.append(c.value)
                elif c.type == "entity":
                    cp = c.value.code_point
                    buf.append(chr(cp) if cp in (60, 62, 34, 38) else entities.char(c.value))
                elif c.type in ("smart_quote", "typographic_sym"):
                    buf.append(entities.char(entities.entity_by_name(c.value)))
                else:
                    raise _NotSimple
            result = [Element("text", "".join(buf))]
        except (_NotSimple, ValueError, TypeError, AttributeError):
            pass
        if len(result) > 1 or result[0].type != "text":
            self.process_html_element(el, False, True)
            return
        is_code = el.value == "code"
        first_child = el.children[0] if len(el.children) == 1 else None
        if is_code:
            _set_basics(el, "codespan")
            if el.attr.get("class") is not None:
                el.attr["class"] = _HIGHLIGHTER_CLASS.sub("", el.attr["class"])
        else:
            _set_basics(el, "codeblock")
            if first_child is not None and first_child.value == "code":
                m = _LANGUAGE.search(first_child.attr.get("class") or "")
                if m:
                    el.attr["class"] = f"{m.group()} {el.attr.get('class') or ''}".rstrip()
        el.value = result[0].value
        el.children = []

    convert_pre = convert_code

    def convert_table(self, el: Element) -> None:
        if not self.is_simple_table(el):
            self.process_html_element(el, False)
            return
        el.children = [c for c in el.children if c.type != "text"]
        self.process_children(el)
        _set_basics(el, "table")

        def calc_alignment(c: Element) -> None:
            if c.type == "tr":
                align = []
                for td in c.children:
                    style = td.attr.get("style")
                    if style is not None:
                        m = _TEXT_ALIGN.search(style)
                        if m:
                            style = style[:m.start()] + style[m.end():]
                            td.attr["style"] = style
                        if not style.strip(_WS):
                            del td.attr["style"]
                        align.append(m.group(1) if m else "default")
                    else:
                        align.append("default")
                el.options["alignment"] = align
            else:
                for cc in c.children:
                    calc_alignment(cc)
        calc_alignment(el)
        el.children = [c for c in el.children if c.type != "html_element"]

        def change_th(c: Element) -> None:
            if c.type == "th":
                c.type = "td"
            else:
                for cc in c.children:
                    change_th(cc)
        change_th(el)
        if el.children and el.children[0].type == "tr":
            tbody = Element("tbody")
            tbody.children = el.children
            el.children = [tbody]

    def is_simple_table(self, el: Element) -> bool:
        def only_phrasing(c: Element) -> bool:
            return all((cc.type == "text" or cc.value not in P.HTML_BLOCK_ELEMENTS)
                       and only_phrasing(cc) for cc in c.children)

        def check_cells(c: Element) -> bool:
            if c.value in ("th", "td"):
                return only_phrasing(c)
            return all(check_cells(cc) for cc in c.children)
        if not check_cells(el):
            return False

        nr_cells = 0

        def check_nr(t: Element) -> bool:
            nonlocal nr_cells
            if t.value == "tr":
                count = sum(1 for cc in t.children if cc.value in ("th", "td"))
                if count != nr_cells:
                    if nr_cells == 0:
                        nr_cells = count
                    else:
                        nr_cells = -1
                        return False
            else:
                for cc in t.children:
                    if not check_nr(cc):
                        return False
            return True
        check_nr(el)
        if nr_cells == -1:
            return False

        alignment: list | None = None

        def check_alignment(t: Element) -> bool:
            nonlocal alignment
            if t.value == "tr":
                cur = []
                for cell in t.children:
                    if cell.value not in ("th", "td"):
                        continue
                    m = _TEXT_ALIGN_ANY.search(str(cell.attr.get("style") or ""))
                    if m and m.group(1) in ("justify", "inherit"):
                        return False
                    cur.append("default" if m is None else m.group(1))
                if alignment is None:
                    alignment = cur
                if alignment != cur:
                    return False
            else:
                for cc in t.children:
                    if not check_alignment(cc):
                        return False
            return True
        if not check_alignment(el):
            return False

        def check_rows(t: Element, kind: str) -> bool:
            return all((r.value == "tr" or r.type == "text")
                       and all(c.value == kind or c.type == "text" for c in r.children)
                       for r in t.children)
        if check_rows(el, "td"):
            return True
        return (all(t.type == "text" or (t.value == "thead" and check_rows(t, "th"))
                    or (t.value in ("tfoot", "tbody") and check_rows(t, "td"))
                    for t in el.children)
                and any(t.value == "tbody" for t in el.children))

    def convert_script(self, el: Element) -> None:
        if not _MATH_TYPE.search(str(el.attr.get("type") or "")):
            self.process_html_element(el)
            return
        display = "mode=display" in str(el.attr.get("type"))
        _set_basics(el, "math", {"category": "block" if display else "span"})
        first = el.children.pop(0)
        m = _CDATA.match(first.value)
        el.value = m.group(1) if m else first.value
        el.attr.pop("type", None)

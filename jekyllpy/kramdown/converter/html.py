"""Element tree to HTML, byte for byte as kramdown 2.4's HTML converter writes it
(lib/kramdown/converter/html.rb and converter/base.rb).

Output conventions that matter for identical bytes: block elements are indented by two
spaces per nesting level (``indent``), a transparent paragraph writes only its content,
attributes keep insertion order, text escapes ``<``, ``>`` and ``&`` but leaves existing
entity references alone, and the TOC and footnotes are written last and spliced in where
their placeholders were.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from .. import entities
from ..element import Element
from ..parser import patterns as P
from .endmatter import EndMatter
from .escape import escape_html, html_attributes

_LANGUAGE_CLASS = re.compile(r"\blanguage-(\S+)", re.A)
_LANGUAGE_OR_START = re.compile(r"\blanguage-\S+|(^)", re.A | re.M)
_TRAILING_NL = re.compile(r"\n\n?\Z")
_NO_TOC = re.compile(r"\bno_toc\b", re.A)
_SHOW_WS = re.compile(r"\bshow-whitespaces\b", re.A)
_WS_RUNS = re.compile(r"(^[ \t]+)|([ \t]+$)|([ \t]+)", re.M)
_LEADING_NON_ALPHA = re.compile(r"^[^a-zA-Z]+", re.M)
_NOT_ID_CHAR = re.compile(r"[^a-zA-Z0-9 -]")
_SMART_QUOTE_INDEX = {"lsquo": 0, "rsquo": 1, "ldquo": 2, "rdquo": 3}
_TYPOGRAPHIC_ENTITIES = {
    "mdash": ("mdash",), "ndash": ("ndash",), "hellip": ("hellip",),
    "laquo_space": ("laquo", "nbsp"), "raquo_space": ("nbsp", "raquo"),
    "laquo": ("laquo",), "raquo": ("raquo",),
}

Highlighter = Callable[[str, "str | None", str, dict, dict], "str | None"]
Convert = Callable[[Any, Element, int], str]

#: per converter class, element type -> its ``convert_`` function.  Plain functions, shared
#: by every instance: bound methods kept on the instance would make each converter, and the
#: whole tree it holds, a reference cycle that only the garbage collector frees.
_DISPATCH: dict[type, dict[str, Convert]] = {}


class HtmlConverter(EndMatter):
    """Converts one parsed document; create a new instance per document."""

    def __init__(self, root: Element, options: dict[str, Any],
                 highlighter: Highlighter | None = None) -> None:
        self.root = root
        self.options = options
        self.warnings: list[str] = []
        self.highlighter = highlighter
        self.indent = 2
        self.stack: list[Element] = []
        self.used_ids: dict[str, int] = {}
        self.highlighter_class = f" highlighter-{options.get('syntax_highlighter')}"
        self._dispatch = _DISPATCH.setdefault(self.__class__, {})
        #: whether text converts by escaping alone (see convert_text), read once per document
        self._plain_text = not options.get("remove_line_breaks_for_cjk")
        self._init_endmatter()

    # -- dispatch ------------------------------------------------------------------------------
    def _method(self, type: str) -> Convert:
        method = self._dispatch.get(type)
        if method is None:
            method = self._dispatch[type] = getattr(self.__class__, "convert_" + type)
        return method

    def convert(self, el: Element, indent: int = -2) -> str:
        return self._method(el.type)(self, el, indent)

    def inner(self, el: Element, indent: int) -> str:
        indent += self.indent
        self.stack.append(el)
        dispatch = self._dispatch
        parts = []
        for c in el.children:
            ctype = c.type
            if ctype == "text" and self._plain_text:
                # convert_text, inlined: text is the most frequent element by far
                value = c.value
                if "<" in value or ">" in value or "&" in value:
                    value = escape_html(value, "text")
                parts.append(value)
                continue
            method = dispatch.get(ctype) or self._method(ctype)
            parts.append(method(self, c, indent))
        self.stack.pop()
        return "".join(parts)

    def warning(self, text: str) -> None:
        self.warnings.append(text)

    # -- formatting helpers ----------------------------------------------------------------------
    @staticmethod
    def format_as_span_html(name: str, attr: dict | None, body: str) -> str:
        return f"<{name}{html_attributes(attr)}>{body}</{name}>"

    @staticmethod
    def format_as_block_html(name: str, attr: dict | None, body: str, indent: int) -> str:
        return f"{' ' * indent}<{name}{html_attributes(attr)}>{body}</{name}>\n"

    @staticmethod
    def format_as_indented_block_html(name: str, attr: dict | None, body: str, indent: int) -> str:
        return f"{' ' * indent}<{name}{html_attributes(attr)}>\n{body}{' ' * indent}</{name}>\n"

    def entity_to_str(self, ent: entities.Entity, original: str | None = None) -> str:
        mode = self.options.get("entity_output", "as_char")
        char = _safe_char(ent)
        if mode == "as_char" and char is not None and (char == '"' or char not in "<>&"):
            return char
        if mode in ("as_input", "as_char") and original:
            return original
        if (mode == "symbolic" or (char is not None and char in '<>&"')) and ent.name:
            return f"&{ent.name};"
        return f"&#{ent.code_point};"

    # -- block elements ----------------------------------------------------------------------------
    def convert_blank(self, el: Element, indent: int) -> str:
        return "\n"

    def convert_text(self, el: Element, indent: int) -> str:
        escaped = escape_html(el.value, "text")
        if self.options.get("remove_line_breaks_for_cjk"):
            escaped = _fix_cjk_line_break(escaped)
        return escaped

    def convert_p(self, el: Element, indent: int) -> str:
        opts = el._options
        if opts and opts.get("transparent"):
            return self.inner(el, indent)
        kids = el.children
        if len(kids) == 1 and kids[0].type == "img":
            ial = kids[0].options.get("ial")
            if ial and "standalone" in ial.get(":refs", ()):
                return self.convert_standalone_image(el, indent)
        return self.format_as_block_html("p", el._attr, self.inner(el, indent), indent)

    def convert_standalone_image(self, el: Element, indent: int) -> str:
        figure_attr = dict(el.attr)
        image_attr = dict(el.children[0].attr)
        if "class" in image_attr and "class" not in figure_attr:
            figure_attr["class"] = image_attr.pop("class")
        if "id" in image_attr and "id" not in figure_attr:
            figure_attr["id"] = image_attr.pop("id")
        pad = " " * (indent + self.indent)
        body = (f"{pad}<img{html_attributes(image_attr)} />\n"
                f"{pad}<figcaption>{image_attr.get('alt') or ''}</figcaption>\n")
        return self.format_as_indented_block_html("figure", figure_attr, body, indent)

    def convert_codeblock(self, el: Element, indent: int) -> str:
        attr = dict(el.attr)
        lang = extract_code_language(attr, remove=True)
        call_opts: dict[str, Any] = {}
        code_lang = el.options.get("lang") if el._options else None
        highlighted = self.highlight_code(el.value, code_lang or lang, "block", call_opts)
        if highlighted is not None:
            self.add_syntax_highlighter_to_class_attr(attr, lang or call_opts.get("default_lang"))
            return f"{' ' * indent}<div{html_attributes(attr)}>{highlighted}{' ' * indent}</div>\n"
        result = escape_html(el.value, "all")
        if result.endswith("\n"):
            result = result[:-1]
        if _SHOW_WS.search(str(el.attr.get("class") or "")):
            result = _WS_RUNS.sub(_show_whitespace, result)
        code_attr = {"class": f"language-{lang}"} if lang else {}
        return (f"{' ' * indent}<pre{html_attributes(attr)}>"
                f"<code{html_attributes(code_attr)}>{result}\n</code></pre>\n")

    def convert_blockquote(self, el: Element, indent: int) -> str:
        return self.format_as_indented_block_html("blockquote", el._attr, self.inner(el, indent),
                                                  indent)

    def convert_header(self, el: Element, indent: int) -> str:
        attr = dict(el.attr)
        if self.options.get("auto_ids") and attr.get("id") is None:
            attr["id"] = self.generate_id(el.options["raw_text"])
        if attr.get("id") is not None and self.in_toc(el):
            self.toc.append((el.options["level"], attr["id"], el.children))
        level = self.output_header_level(el.options["level"])
        return self.format_as_block_html(f"h{level}", attr, self.inner(el, indent), indent)

    def convert_hr(self, el: Element, indent: int) -> str:
        return f"{' ' * indent}<hr{html_attributes(el._attr)} />\n"

    def convert_ul(self, el: Element, indent: int) -> str:
        refs = _ial_refs(el)
        if self.toc_code is None and "toc" in refs:
            self.toc_code = (el.type, el.attr, self._placeholder("toc"))
            return self.toc_code[2]
        if self.footnote_location is None and "footnotes" in refs:
            self.footnote_location = self._placeholder("footnotes")
            return self.footnote_location
        return self.format_as_indented_block_html(el.type, el._attr, self.inner(el, indent), indent)

    convert_ol = convert_ul

    def convert_dl(self, el: Element, indent: int) -> str:
        return self.format_as_indented_block_html("dl", el._attr, self.inner(el, indent), indent)

    def convert_li(self, el: Element, indent: int) -> str:
        out = [" " * indent, f"<{el.type}", html_attributes(el._attr), ">"]
        res = self.inner(el, indent)
        kids = el.children
        if not kids or (kids[0].type == "p" and kids[0].options.get("transparent")):
            out.append(res)
            if _TRAILING_NL.search(res):
                out.append(" " * indent)
        else:
            out.extend(("\n", res, " " * indent))
        out.append(f"</{el.type}>\n")
        return "".join(out)

    convert_dd = convert_li

    def convert_dt(self, el: Element, indent: int) -> str:
        attr = dict(el.attr)
        parent = self.stack[-1]
        ial = parent.options.get("ial") if parent._options else None
        if attr.get("id") is None and ial and ial.get(":refs"):
            for ref in ial[":refs"]:
                m = re.match(r"auto_ids(?:-([\w-]+))?", ref, re.A)
                if m:
                    attr["id"] = f"{m.group(1) or ''}{basic_generate_id(el.options['raw_text'])}".lstrip()
                    break
        return self.format_as_block_html("dt", attr, self.inner(el, indent), indent)

    def convert_html_element(self, el: Element, indent: int) -> str:
        res = self.inner(el, indent)
        opts = el.options
        name = el.value
        if opts.get("category") == "span":
            if not res and name in P.HTML_ELEMENTS_WITHOUT_BODY:
                return f"<{name}{html_attributes(el._attr)} />"
            return f"<{name}{html_attributes(el._attr)}>{res}</{name}>"
        parent = self.stack[-1]
        in_raw = parent.type == "html_element" and parent.options.get("content_model") == "raw"
        out = [] if in_raw else [" " * indent]
        out.append(f"<{name}{html_attributes(el._attr)}")
        model = opts.get("content_model")
        if opts.get("is_closed") and model == "raw":
            out.append(" />")
        elif res and model != "block":
            out.append(f">{res}</{name}>")
        elif res:
            body = res[:-1] if res.endswith("\n") else res
            out.append(f">\n{body}\n{' ' * indent}</{name}>")
        elif name in P.HTML_ELEMENTS_WITHOUT_BODY:
            out.append(" />")
        else:
            out.append(f"></{name}>")
        if not in_raw:
            out.append("\n")
        return "".join(out)

    def convert_xml_comment(self, el: Element, indent: int) -> str:
        parent = self.stack[-1]
        if el.options.get("category") == "block" and not (
                parent.type == "html_element" and parent.options.get("content_model") == "raw"):
            return f"{' ' * indent}{el.value}\n"
        return el.value

    convert_xml_pi = convert_xml_comment

    def convert_table(self, el: Element, indent: int) -> str:
        return self.format_as_indented_block_html(el.type, el._attr, self.inner(el, indent), indent)

    convert_thead = convert_tbody = convert_tfoot = convert_tr = convert_table

    def convert_td(self, el: Element, indent: int) -> str:
        res = self.inner(el, indent)
        kind = "th" if self.stack[-2].type == "thead" else "td"
        attr = el.attr
        row = self.stack[-1]
        index = next(i for i, c in enumerate(row.children) if c is el)
        alignment = self.stack[-3].options["alignment"]
        align = alignment[index] if index < len(alignment) else None
        if align is not None and align != "default":
            attr = dict(attr)
            attr["style"] = (f"{attr['style']}; " if "style" in attr else "") + f"text-align: {align}"
        if not res:
            res = self.entity_to_str(entities.entity_by_name("nbsp"))
        return self.format_as_block_html(kind, attr, res, indent)

    def convert_comment(self, el: Element, indent: int) -> str:
        if el.options.get("category") == "block":
            return f"{' ' * indent}<!-- {el.value} -->\n"
        return f"<!-- {el.value} -->"

    def convert_raw(self, el: Element, indent: int) -> str:
        types = el.options.get("type") if el._options else None
        if not types or "html" in types:
            return el.value + ("\n" if el.options.get("category") == "block" else "")
        return ""

    def convert_math(self, el: Element, indent: int) -> str:
        block = el.options.get("category") == "block"
        if self.options.get("math_engine"):
            engine = str(self.options["math_engine"]).lstrip(":")
            if engine == "mathjax":
                value = escape_html(el.value, "all")
                result = f"\\[{value}\\]\n" if block else f"\\({value}\\)"
                if not el.attr:
                    return result
                if block:
                    return self.format_as_block_html("div", el._attr, result, indent)
                return self.format_as_span_html("span", el._attr, f"${el.value}$")
            self.warning(f"The configured math engine {engine} is not available.")
        attr = dict(el.attr)
        attr["class"] = f"{attr.get('class') or ''} kdmath".lstrip()
        if block:
            return self.format_as_block_html("div", attr, f"$$\n{el.value}\n$$", indent)
        return self.format_as_span_html("span", attr, f"${el.value}$")

    # -- span elements -------------------------------------------------------------------------------
    def convert_br(self, el: Element, indent: int) -> str:
        return "<br />"

    def convert_a(self, el: Element, indent: int) -> str:
        return self.format_as_span_html("a", el._attr, self.inner(el, indent))

    def convert_img(self, el: Element, indent: int) -> str:
        return f"<img{html_attributes(el._attr)} />"

    def convert_codespan(self, el: Element, indent: int) -> str:
        attr = dict(el.attr)
        lang = extract_code_language(attr, remove=False)
        call_opts: dict[str, Any] = {}
        result = self.highlight_code(el.value, lang, "span", call_opts)
        if result is not None:
            self.add_syntax_highlighter_to_class_attr(attr, lang or call_opts.get("default_lang"))
        else:
            result = escape_html(el.value, "all")
        return self.format_as_span_html("code", attr, result)

    def convert_em(self, el: Element, indent: int) -> str:
        return self.format_as_span_html(el.type, el._attr, self.inner(el, indent))

    convert_strong = convert_em

    def convert_entity(self, el: Element, indent: int) -> str:
        return self.entity_to_str(el.value, el.options.get("original") if el._options else None)

    def convert_typographic_sym(self, el: Element, indent: int) -> str:
        custom = (self.options.get("typographic_symbols") or {}).get(el.value)
        if custom is not None:
            return escape_html(custom, "text")
        return "".join(self.entity_to_str(entities.entity_by_name(n))
                       for n in _TYPOGRAPHIC_ENTITIES[el.value])

    def convert_smart_quote(self, el: Element, indent: int) -> str:
        return self.entity_to_str(self.smart_quote_entity(el))

    def smart_quote_entity(self, el: Element) -> entities.Entity:
        quote = self.options["smart_quotes"][_SMART_QUOTE_INDEX[el.value]]
        if isinstance(quote, int):
            return entities.entity_by_code_point(quote) or entities.Entity(quote, None)
        ent = entities.entity_by_name(quote)
        if ent is None:
            raise ValueError(f"smart_quotes: unknown entity name {quote!r}")
        return ent

    def convert_abbreviation(self, el: Element, indent: int) -> str:
        title = self.root.options["abbrev_defs"][el.value]
        attr = dict(self.root.options["abbrev_attr"][el.value])
        if title:
            attr["title"] = title
        return self.format_as_span_html("abbr", attr, el.value)

    # -- ids, levels, highlighting -----------------------------------------------------------------
    def in_toc(self, el: Element) -> bool:
        return (el.options["level"] in self.options.get("toc_levels", ())
                and not _NO_TOC.search(str(el.attr.get("class") or "")))

    def output_header_level(self, level: int) -> int:
        return max(min(level + int(self.options.get("header_offset") or 0), 6), 1)

    def generate_id(self, text: str) -> str:
        if self.options.get("transliterated_header_ids"):
            text = transliterate(text)
        gen_id = basic_generate_id(text) or "section"
        if gen_id in self.used_ids:
            self.used_ids[gen_id] += 1
            gen_id += f"-{self.used_ids[gen_id]}"
        else:
            self.used_ids[gen_id] = 0
        return (self.options.get("auto_id_prefix") or "") + gen_id

    def highlight_code(self, text: str, lang: str | None, kind: str,
                       call_opts: dict[str, Any]) -> str | None:
        name = self.options.get("syntax_highlighter")
        if not name:
            return None
        if self.highlighter is None:
            self.warning(f"The configured syntax highlighter {name} is not available.")
            return None
        return self.highlighter(text, lang, kind, self.options.get("syntax_highlighter_opts") or {},
                                call_opts)

    def add_syntax_highlighter_to_class_attr(self, attr: dict, lang: str | None) -> None:
        cls = ((attr.get("class") or "") + self.highlighter_class).lstrip()
        if lang:
            cls = _LANGUAGE_OR_START.sub(
                lambda m: f"language-{lang}{' ' if m.group(1) is not None else ''}", cls, count=1)
        attr["class"] = cls


def extract_code_language(attr: dict, remove: bool) -> str | None:
    """The ``language-xxx`` class of a code element; ``remove`` also drops it from ``attr``."""
    cls = attr.get("class")
    if not cls:
        return None
    m = _LANGUAGE_CLASS.search(str(cls))
    if not m:
        return None
    if remove:
        rest = _LANGUAGE_CLASS.sub("", str(cls), count=1).strip(" \t\n\v\f\r")
        if rest:
            attr["class"] = rest
        else:
            del attr["class"]
    return m.group(1)


def basic_generate_id(text: str) -> str:
    """kramdown's id rule: drop leading non-letters and every char outside [a-zA-Z0-9 -]."""
    gen = _LEADING_NON_ALPHA.sub("", text)
    gen = _NOT_ID_CHAR.sub("", gen)
    return gen.replace(" ", "-").lower()


def transliterate(text: str) -> str:
    """ASCII transliteration for ``transliterated_header_ids`` (stringex's Unidecoder data)."""
    from ..unidecoder import transliterate as unidecode  # the tables load only when needed
    return unidecode(text)


def _ial_refs(el: Element) -> tuple:
    if not el._options:
        return ()
    ial = el._options.get("ial")
    return tuple(ial.get(":refs", ())) if ial else ()


def _safe_char(ent: entities.Entity) -> str | None:
    cp = ent.code_point
    if cp < 0 or cp > 0x10FFFF or 0xD800 <= cp <= 0xDFFF:
        return None
    return chr(cp)


def _show_whitespace(m: re.Match[str]) -> str:
    suffix = "-l" if m.group(1) else ("-r" if m.group(2) else "")
    out = []
    for c in m.group():
        if c == "\t":
            out.append(f'<span class="ws-tab{suffix}">\t</span>')
        else:
            out.append(f'<span class="ws-space{suffix}">&#8901;</span>')
    return "".join(out)


_CJK = r"[\u2E80-\u2FDF\u3005\u3007\u3021-\u3029\u3038-\u303B\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\U00020000-\U0003FFFF]"
_CJK_BREAK = re.compile(f"({_CJK}+)\\n({_CJK}+)")


def _fix_cjk_line_break(text: str) -> str:
    while True:
        new = _CJK_BREAK.sub(r"\1\2", text)
        if new == text:
            return text
        text = new

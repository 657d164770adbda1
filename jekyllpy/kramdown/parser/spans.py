"""Span rules: emphasis, code spans, autolinks, links and images, entities, typographic
symbols, line breaks, escapes, smart quotes and inline math (kramdown's emphasis.rb,
codespan.rb, autolink.rb, link.rb, html_entity.rb, typographic_symbol.rb, line_break.rb,
escaped_chars.rb, smart_quotes.rb, math.rb)."""

from __future__ import annotations

import re
from functools import lru_cache

from .. import entities, regex_cache
from ..element import Element
from . import patterns as P
from .base import Rule

_RUBY_WS = " \t\n\v\f\r"
#: what Ruby's ``\s`` matches, as a set of one-character strings ("" is not in it)
_RUBY_WS_CHARS = frozenset(_RUBY_WS)
_ALPHA_RE = regex_cache.compile(P.ALPHA)


def _is_alpha(ch: str) -> bool:
    return bool(ch) and _ALPHA_RE.match(ch) is not None


@lru_cache(maxsize=None)
def _literal(text: str) -> re.Pattern[str]:
    return P.rx(re.escape(text), persist=False)


@lru_cache(maxsize=None)
def _em_double(delim: str) -> re.Pattern[str]:
    e = re.escape(delim)
    return P.rx(f"{e}{e}(?!{e})")


@lru_cache(maxsize=None)
def _em_underscore_alnum(delim: str) -> re.Pattern[str]:
    return P.rx(f"{re.escape(delim)}{P.ALNUM}")


_OPEN_PAREN = P.rx(r"\(")
_ANGLE_URL = P.rx(r"\(<(.*?)>")
_CLOSE_PAREN = P.rx(r"\)")
_MAILTO = P.rx(r"^mailto:")
#: a closing bracket that a reference id (``[id]``, kramdown's \s*? then ``[``) may follow
_REFERENCE_FOLLOWS = re.compile(r"\][ \t\n\v\f\r]*\[")


class SpanRules:
    """Mixin: the span-level rules."""

    RULES_SPANS = {
        "emphasis": Rule("emphasis", P.EMPHASIS_START, r"\*|_", "parse_emphasis", "*_"),
        "codespan": Rule("codespan", P.CODESPAN_DELIMITER, "`", "parse_codespan", "`"),
        "autolink": Rule("autolink", P.AUTOLINK_START, "<", "parse_autolink", "<"),
        "link": Rule("link", P.LINK_START, r"!?\[", "parse_link", "![", anchor_chars="[", lead=1),
        "smart_quotes": Rule("smart_quotes", P.SMART_QUOTES_RE, r"[^\\]?[\"']",
                             "parse_smart_quotes", anchor_chars="\"'", lead=1),
        "inline_math": Rule("inline_math", P.INLINE_MATH_START, r"\$", "parse_inline_math", "$"),
        "html_entity": Rule("html_entity", P.HTML_ENTITY, "&", "parse_html_entity", "&"),
        "typographic_syms": Rule("typographic_syms", P.TYPOGRAPHIC_SYMS_RE,
                                 r"--|\.\.\.|(?:\\| )?(?:<<|>>)", "parse_typographic_syms", "-.\\<> ",
                                 anchor_checks=(("-", "(?=-)"), (".", r"(?=\.\.)"),
                                                ("<", "(?=<)"), (">", "(?=>)")), lead=1),
        "line_break": Rule("line_break", P.LINE_BREAK, r"(  |\\\\)(?=\n)", "parse_line_break", " \\",
                           anchor_checks=(("\n", r"(?<=  \n|\\\\\n)"),), lead=2),
        "escaped_chars": Rule("escaped_chars", P.ESCAPED_CHARS, r"\\", "parse_escaped_chars", "\\"),
    }

    def _in_ancestor_of_type(self, *types: str) -> bool:
        if self.tree is not None and self.tree.type in types:
            return True
        for entry in self.stack:
            # Span parsing pushes (tree, text_type); raw HTML parsing pushes a bare tree.
            el = entry[0] if isinstance(entry, tuple) else entry
            if el is not None and el.type in types:
                return True
        return False

    # -- emphasis --------------------------------------------------------------------------
    def parse_emphasis(self) -> None:
        src = self.src
        m = src.last  # the span loop matched the rule's start (EMPHASIS_START) here
        result = m.group()
        start, end = m.span()
        element = "strong" if len(result) == 2 else "em"
        kind = result[0]
        string = src.string
        if ((kind == "_" and start and (_is_alpha(string[start - 1]) or (
                string[start - 1] == "-" and start >= 2 and _is_alpha(string[start - 2]))))
                or string[end:end + 1] in _RUBY_WS_CHARS or self._in_ancestor_of_type(element)
                or (src.last_closer(kind) < end
                    and (src.quiet_from(end) or src.skip_hopeless()))):
            # Cannot open, or no closing delimiter can follow (kramdown would scan to the
            # end and give up): the delimiter is text.
            src.pos = end
            self.add_text(result)
            return
        line = src.current_line_number()
        saved = src.save_pos()
        src.pos = end

        def sub_parse(delim: str, elem: str):
            el = Element(elem, None, None, {"location": line})
            stop_re = _literal(delim)

            def check() -> bool:
                start = src.pos
                prev = src.string[start - 1:start] if start > 0 else ""
                return ((prev == "" or prev not in _RUBY_WS)
                        and (elem != "em" or not src.test(_em_double(delim)))
                        and (kind != "_" or not src.test(_em_underscore_alnum(delim)))
                        and bool(el.children))
            found = self.parse_spans(el, stop_re, stop_check=check, stop_chars=delim[0])
            return found, el, stop_re

        found, el, stop_re = sub_parse(result, element)
        if not found and element == "strong" and self.tree.type != "em":
            src.revert_pos(saved)
            src.pos += 1
            found, el, stop_re = sub_parse(kind, "em")
        if found:
            src.scan(stop_re)
            self.tree.children.append(el)
        else:
            src.wasted += src.pos - saved[0]
            src.revert_pos(saved)
            src.pos += len(result)
            self.add_text(result)

    # -- code spans ------------------------------------------------------------------------
    def parse_codespan(self) -> None:
        src = self.src
        line = src.current_line_number()
        start = src.pos
        m = src.last  # the span loop matched the rule's start (CODESPAN_DELIMITER) here
        result = m.group()
        src.pos = end = m.end()
        simple = len(result) == 1
        saved = src.save_pos()
        if simple and (start == 0 or src.string[start - 1] in _RUBY_WS) and \
                src.string[end:end + 1] in _RUBY_WS_CHARS:
            self.add_text(result)
            return
        text = src.scan_until(_literal(result))
        if text is None:
            src.revert_pos(saved)
            self.add_text(result)
            return
        text = text[:-len(result)]
        if not simple:
            if text[:1] == " ":
                text = text[1:]
            if text[-1:] == " ":
                text = text[:-1]
        self.tree.children.append(Element("codespan", text, None, {
            "codespan_delimiter": result, "location": line}))

    # -- autolinks -------------------------------------------------------------------------
    def parse_autolink(self) -> None:
        src = self.src
        m = src.last
        line = src.current_line_number()
        src.pos = m.end()
        target = m.group(1)
        href = f"mailto:{target}" if m.group(2) is None else target
        el = Element("a", None, {"href": href}, {"location": line})
        self.add_text(_MAILTO.sub("", target, count=1), el)
        self.tree.children.append(el)

    # -- links and images ------------------------------------------------------------------
    def _add_link(self, el: Element, href: str, title: str | None, alt_text: str | None = None,
                  ial: dict | None = None) -> None:
        el.options["ial"] = ial
        if ial:
            self.update_attr_with_ial(el.attr, ial)
        if el.type == "a":
            el.attr["href"] = href
        else:
            el.attr["src"] = href
            el.attr["alt"] = alt_text
            el.children = []
        if title is not None:
            el.attr["title"] = title
        self.tree.children.append(el)

    def _link_hopeless(self, cur_pos: int) -> bool:
        """Whether the link text starting at ``cur_pos`` can become no link, whatever
        bracket closes it: no ``](`` follows (an inline link), and either no link is
        defined or no ``]``-space-``[`` follows (a reference) and the text cannot be a
        defined id (it holds a ``[`` before any ``]``: it contains a bracket either way,
        and no defined id does)."""
        src = self.src
        if src.last_index("](") >= cur_pos:
            return False
        if not self.link_defs:
            return True
        if src.last_start(_REFERENCE_FOLLOWS) >= cur_pos or self._bracketed_ids():
            return False
        string = src.string
        opening = string.find("[", cur_pos)
        return opening != -1 and opening < string.find("]", cur_pos)

    def _bracketed_ids(self) -> bool:
        """Whether a defined link id contains a bracket (ids are only ever added)."""
        memo = getattr(self, "_bracketed_ids_memo", None)
        if memo is None or memo[0] != len(self.link_defs):
            memo = (len(self.link_defs), any("[" in k or "]" in k for k in self.link_defs))
            self._bracketed_ids_memo = memo
        return memo[1]

    def parse_link(self) -> None:
        src = self.src
        m = src.last  # the span loop matched the rule's start (LINK_START) here
        result = m.group()
        cur_pos = m.end()
        link_type = "img" if result[0] == "!" else "a"
        if (link_type == "a" and self._in_ancestor_of_type("img", "a")) or \
                src.last_index("]") < cur_pos or (
                    src.skip_hopeless() and self._link_hopeless(cur_pos)):
            # Not allowed here; or no closing bracket, or (once failed scans piled up)
            # nothing a closed bracket could become: the link fails whatever its content,
            # so skip kramdown's scan.
            src.pos = cur_pos
            self.add_text(result)
            return
        line = src.current_line_number()
        src.pos = cur_pos
        saved = src.save_pos()
        el = Element(link_type, None, None, {"location": line})
        count = 1

        def bracket_check() -> bool:
            nonlocal count
            count += -1 if src.last.group(1) else 1
            children = el.children
            # count == the number of images among the children: at most len(children)
            return count <= len(children) and count == sum(1 for c in children if c.type == "img")

        found = self.parse_spans(el, P.LINK_BRACKET_STOP, stop_check=bracket_check,
                                 stop_chars="]![")
        if not found:
            src.wasted += src.pos - cur_pos
            src.revert_pos(saved)
            self.add_text(result)
            return
        alt_text = src.string[cur_pos:src.pos]
        if "\\" in alt_text:
            alt_text = P.ESCAPED_CHARS.sub(r"\1", alt_text)
        src.scan(P.LINK_BRACKET_STOP)

        inline_id = src.scan(P.LINK_INLINE_ID)
        if inline_id is not None or not src.test(_OPEN_PAREN):
            # A failed scan leaves no capture behind, as in Ruby's StringScanner.
            ref = src.last.group(1) if inline_id is not None else None
            emit_warning = ref is None
            link_id = self.normalize_link_id(ref if ref is not None else alt_text)
            if link_id in self.link_defs:
                url, title, eob = self.link_defs[link_id]
                self._add_link(el, url, title, alt_text,
                               eob.options.get("ial") if eob is not None and eob._options else None)
            else:
                if emit_warning:
                    self.warning(f"No link definition for link ID '{link_id}' found on line {line}")
                src.wasted += src.pos - cur_pos
                src.revert_pos(saved)
                self.add_text(result)
            return

        if src.scan(_ANGLE_URL) is not None:
            link_url = src.last.group(1)
            if src.scan(_CLOSE_PAREN) is not None:
                self._add_link(el, link_url, None, alt_text)
                return
        else:
            stop = src.paren_stop(src.pos)
            if stop is None:
                # The URL scan would run off the end; no title can follow: kramdown fails.
                src.revert_pos(saved)
                self.add_text(result)
                return
            end, balanced = stop
            link_url = src.string[src.pos + 1:end].strip(_RUBY_WS)
            src.pos = end + 1
            if balanced:
                self._add_link(el, link_url, None, alt_text)
                return

        if src.scan(P.LINK_INLINE_TITLE) is not None:
            self._add_link(el, link_url, src.last.group(2), alt_text)
        else:
            src.revert_pos(saved)
            self.add_text(result)

    # -- entities, symbols, breaks, escapes ------------------------------------------------
    def parse_html_entity(self) -> None:
        src = self.src
        m = src.last
        line = src.current_line_number()
        src.pos = m.end()
        if m.group(1) is not None:
            ent = entities.entity_by_name(m.group(1))
        elif m.group(2) is not None:
            ent = _entity_for_code_point(int(m.group(2)))
        else:
            ent = _entity_for_code_point(int(m.group(3), 16))
        if ent is not None:
            self.tree.children.append(Element("entity", ent, None,
                                              {"original": m.group(), "location": line}))
        else:
            self.tree.children.append(Element("entity", entities.entity_by_name("amp"), None,
                                              {"location": line}))
            self.add_text(m.group()[1:])

    def parse_typographic_syms(self) -> None:
        src = self.src
        m = src.last
        line = src.current_line_number()
        src.pos = m.end()
        matched = m.group()
        if matched == "\\<<" or matched == "\\>>":
            ent = entities.entity_by_name("lt" if matched == "\\<<" else "gt")
            for _ in range(2):
                self.tree.children.append(Element("entity", ent, None, {"location": line}))
            return
        value = _TYPOGRAPHIC[matched]
        self.tree.children.append(Element("typographic_sym", value, None, {"location": line}))

    def parse_line_break(self) -> None:
        src = self.src
        self.tree.children.append(Element("br", None, None,
                                          {"location": src.current_line_number()}))
        src.pos = src.last.end()

    def parse_escaped_chars(self) -> None:
        src = self.src
        src.pos = src.last.end()
        self.add_text(src.last.group(1))

    # -- smart quotes ----------------------------------------------------------------------
    def parse_smart_quotes(self) -> None:
        src = self.src
        line = src.current_line_number()
        m = P.SQ_FIRST.match(src.string, src.pos)  # the first of P.SQ_RULES that matches
        if m is None:  # pragma: no cover - the last two rules always match a quote
            self.add_text(src.getch())
            return
        src.last = m
        src.pos = m.end()
        rule = m.lastindex  # the rule's own groups are numbered from here
        for subst in P.SQ_BY_GROUP[rule]:
            if isinstance(subst, int):
                self.add_text(m.group(rule + subst) or "")
            else:
                quote = m.group(rule + int(subst[-1])) if subst[-1].isdigit() else None
                value = _SQ_SUBSTS.get((subst, quote), subst)
                self.tree.children.append(Element("smart_quote", value, None, {"location": line}))

    # -- math ------------------------------------------------------------------------------
    def parse_inline_math(self) -> None:
        src = self.src
        m = src.last
        line = src.current_line_number()
        src.pos = m.end()
        self.tree.children.append(Element("math", m.group(1).strip(_RUBY_WS), None,
                                          {"category": "span", "location": line}))


def _entity_for_code_point(code_point: int) -> entities.Entity:
    """Numeric references always resolve: unknown code points get a nameless entity."""
    return entities.entity_by_code_point(code_point) or entities.Entity(code_point, None)


_TYPOGRAPHIC = {k: v for k, v in P.TYPOGRAPHIC_SYMS}
_SQ_SUBSTS = {
    ("rquote1", '"'): "rdquo", ("rquote1", "'"): "rsquo",
    ("rquote2", '"'): "rdquo", ("rquote2", "'"): "rsquo",
    ("lquote1", '"'): "ldquo", ("lquote1", "'"): "lsquo",
    ("lquote2", '"'): "ldquo", ("lquote2", "'"): "lsquo",
}

"""Ordered, unordered and definition lists (kramdown's parser/kramdown/list.rb).

A list is collected line by line first (each item's raw text, with its indentation removed),
then each item's text is parsed as blocks of its own.  Whether an item's first paragraph is
"transparent" (written without ``<p>``) depends on the blank lines around it, exactly as in
kramdown, which is what makes tight and loose lists come out differently.
"""

from __future__ import annotations

from functools import lru_cache

from ..element import Element
from ..scanner import Scanner
from . import patterns as P
from .base import Rule

_LEADING_TABS = P.rx(r"^(\t+)")
_SPACES_THEN_TAB = P.rx(r"^ *\t")
_LEADING_SPACES = P.rx(r"^ *")
_SPACES_TABS = P.rx(r"^( *)(\t+)")
_LEADING_WS = P.rx(r"^\s*")


@lru_cache(maxsize=None)
def _line_patterns(indentation: int) -> tuple:
    """Content, lazy-continuation and indentation patterns for items indented this far."""
    indent_re = P.rx(rf"^ {{{indentation}}}")
    q, r = divmod(indentation, 4)
    content_re = P.rx(rf"^(?:(?:\t| {{4}}){{{q}}} {{{r}}}|(?:\t| {{4}}){{{q + 1}}}).*\S.*\n")
    lazy_re = P.rx(
        rf"(?!^ {{0,{min(indentation, 3)}}}(?:{P.IAL_BLOCK_SRC}|{P.LAZY_END_HTML_STOP_SRC}"
        rf"|{P.LAZY_END_HTML_START_SRC})).*\S.*\n")
    return content_re, lazy_re, indent_re


@lru_cache(maxsize=None)
def _marker_pattern(kind: str, indentation: int):
    """The pattern for the next item's marker once the first item set the indentation."""
    spaces = {1: "{0}", 2: "{0,1}", 3: "{0,2}"}.get(indentation, "{0,3}")
    marker = {"ul": r"[+*-]", "ol": r"\d+\.", "dl": ":"}[kind]
    return P.rx(rf"^( {spaces}{marker})({P.PATTERN_TAIL})")


class ListRules:
    """Mixin: list and definition list rules."""

    RULES_LISTS = {
        "list": Rule("list", P.LIST_START, None, "parse_list", "+*-0123456789"),
        "definition_list": Rule("definition_list", P.DEFINITION_LIST_START, None,
                                "parse_definition_list", ":"),
    }

    def parse_first_list_line(self, indentation: int, content: str) -> tuple:
        """Strip the marker line's content; return it with the item's indentation and patterns."""
        if P.LIST_ITEM_IAL_CHECK.match(content):
            indentation = 4
        else:
            while _SPACES_THEN_TAB.match(content):
                temp = len(_LEADING_SPACES.match(content).group()) + indentation
                m = _SPACES_TABS.match(content)
                spaces, tabs = m.group(1), m.group(2)
                content = spaces + " " * (4 - (temp % 4) + (len(tabs) - 1) * 4) + content[m.end():]
            indentation += len(_LEADING_SPACES.match(content).group())
        content = _LEADING_WS.sub("", content, count=1)
        return (content, indentation, *_line_patterns(indentation))

    def _take_item_ial(self, item: Element, text: str) -> str:
        m = P.LIST_ITEM_IAL.match(text)
        if m:
            ial = item.options.setdefault("ial", {})
            self.parse_attribute_list(m.group(1), ial)
            text = text[:m.start()] + text[m.end():]
        return text

    def parse_list(self) -> bool:
        src = self.src
        line = src.current_line_number()
        if src.test(P.LIST_START_UL):
            kind, marker_re = "ul", P.LIST_START_UL
        else:
            kind, marker_re = "ol", P.LIST_START_OL
        lst = self.new_block_el(kind, None, None, {"location": line})
        item: Element | None = None
        content_re = lazy_re = indent_re = None
        indentation = 0
        eob_found = False
        nested_list_found = False
        last_is_blank = False
        while not src.eos():
            line = src.current_line_number()
            if last_is_blank and src.test(P.HR_START):
                break
            if src.scan(P.EOB_MARKER) is not None:
                eob_found = True
                break
            if src.scan(marker_re) is not None:
                m = src.last
                lst.options.setdefault("first_list_marker", m.group(1).strip())
                item = Element("li", None, None, {"location": line})
                text, indentation, content_re, lazy_re, indent_re = \
                    self.parse_first_list_line(len(m.group(1)), m.group(2))
                lst.children.append(item)
                text = self._take_item_ial(item, text)
                marker_re = _marker_pattern(kind, indentation)
                nested_list_found = P.LIST_START.search(text) is not None
                last_is_blank = False
                item.value = [text]
                continue
            result = src.scan(content_re) if content_re is not None else None
            if result is None and not last_is_blank and lazy_re is not None:
                result = src.scan(lazy_re)
            if result is not None:
                result = _LEADING_TABS.sub(lambda mm: " " * 4 * len(mm.group(1)), result, count=1)
                stripped, found = indent_re.subn("", result, count=1)
                indentation_found = bool(found)
                if indentation_found:
                    result = stripped
                if not nested_list_found and indentation_found and P.LIST_START.search(result):
                    item.value.append("")
                    nested_list_found = True
                elif nested_list_found and not indentation_found and P.LIST_START.search(result):
                    result = " " * (indentation + 4) + result
                item.value[-1] += result
                last_is_blank = False
                continue
            result = src.scan(P.BLANK_LINE)
            if result is not None:
                nested_list_found = True
                last_is_blank = True
                item.value[-1] += result
                continue
            break

        self.tree.children.append(lst)
        last = None
        items = lst.children
        for it in items:
            temp = Element("temp", None, None, {"location": it.options.get("location")})
            env = self.save_env()
            location = it.options.get("location")
            for val in it.value:
                self.src = Scanner(val, location)
                self.parse_blocks(temp)
                location = self.src.current_line_number()
            self.restore_env(env)
            it.children = temp.children
            it.value = None
            kids = it.children
            if not kids:
                continue
            if (kids[0].type == "p" and len(kids) >= 2 and kids[1].type == "eob"
                    and kids[0].options.get("ial")):
                del kids[1]
            if kids[0].type == "p" and (
                    len(kids) < 2 or kids[1].type != "blank"
                    or (it is items[-1] and len(kids) == 2 and not eob_found)) and (
                    items[-1] is not it or len(items) == 1
                    or any(not c.children or c.children[0].type != "p"
                           or c.children[0].options.get("transparent") for c in items[:-1])):
                if len(kids) > 1 and kids[1].type != "blank":
                    kids[0].children[0].value += "\n"
                kids[0].options["transparent"] = True
            last = kids.pop() if kids[-1].type == "blank" else None
        if last is not None and not eob_found:
            self.tree.children.append(last)
        return True

    def parse_definition_list(self) -> bool:
        children = self.tree.children
        if (not children or (len(children) == 1 and children[-1].type != "p")
                or (len(children) >= 2 and children[-1].type != "p"
                    and (children[-1].type != "blank" or children[-1].value != "\n"
                         or children[-2].type != "p"))):
            return False
        src = self.src
        first_as_para = False
        deflist = self.new_block_el("dl")
        para = children.pop()
        if para.type == "blank":
            para = children.pop()
            first_as_para = True
        deflist.options["location"] = para.options.get("location")
        for term in para.children[0].value.split("\n"):
            el = Element("dt", None, None, {"location": src.current_line_number()})
            m = P.LIST_ITEM_IAL.match(term)
            if m:
                self.parse_attribute_list(m.group(1), el.options.setdefault("ial", {}))
                term = term[:m.start()] + term[m.end():]
            el.options["raw_text"] = term
            el.children.append(Element("raw_text", term))
            deflist.children.append(el)
        if para.options.get("ial") is not None:
            deflist.options["ial"] = para.options["ial"]
        else:
            deflist.options.pop("ial", None)

        item = None
        content_re = lazy_re = indent_re = None
        def_start_re = P.DEFINITION_LIST_START
        last_is_blank = False
        while not src.eos():
            line = src.current_line_number()
            if src.scan(def_start_re) is not None:
                m = src.last
                item = Element("dd", None, None, {"location": line})
                item.options["first_as_para"] = first_as_para
                text, indentation, content_re, lazy_re, indent_re = \
                    self.parse_first_list_line(len(m.group(1)), m.group(2))
                deflist.children.append(item)
                item.value = self._take_item_ial(item, text)
                def_start_re = _marker_pattern("dl", indentation)
                first_as_para = False
                last_is_blank = False
                continue
            if src.test(P.EOB_MARKER):
                break
            result = src.scan(content_re) if content_re is not None else None
            if result is None and not last_is_blank and lazy_re is not None:
                result = src.scan(lazy_re)
            if result is not None:
                result = _LEADING_TABS.sub(lambda mm: " " * 4 * len(mm.group(1)), result, count=1)
                result = indent_re.sub("", result, count=1)
                item.value += result
                first_as_para = False
                last_is_blank = False
                continue
            result = src.scan(P.BLANK_LINE)
            if result is not None:
                first_as_para = True
                item.value += result
                last_is_blank = True
                continue
            break

        last = None
        for it in deflist.children:
            if it.type == "dt":
                continue
            self.parse_blocks(it, it.value)
            it.value = None
            kids = it.children
            if not kids:
                continue
            last = kids.pop() if kids[-1].type == "blank" else None
            first_as_para_flag = it.options.pop("first_as_para", False)
            if kids and kids[0].type == "p" and not first_as_para_flag:
                if len(kids) > 1:
                    kids[0].children[0].value += "\n"
                kids[0].options["transparent"] = True

        children = self.tree.children
        if children and children[-1].type == "dl":
            children[-1].children.extend(deflist.children)
        elif len(children) >= 2 and children[-1].type == "blank" and children[-2].type == "dl":
            children.pop()
            children[-1].children.extend(deflist.children)
        else:
            children.append(deflist)
        if last is not None:
            children.append(last)
        return True

"""Attribute lists (IALs, ALDs) and the ``{::name}`` extensions: comment, nomarkdown,
options (kramdown's parser/kramdown/extensions.rb)."""

from __future__ import annotations

import re
from typing import Any, Callable

from ..element import Element
from . import patterns as P
from .base import Rule

_CLASS = "class"
_REFS = ":refs"
_WS_SPLIT = P.rx(r"\s+")


def ial_of(el: Element) -> dict[str, Any]:
    """The element's IAL dict, created when missing or None (Ruby's ``options[:ial] ||= {}``)."""
    ial = el.options.get("ial")
    if ial is None:
        ial = el.options["ial"] = {}
    return ial


class ExtensionRules:
    """Mixin: IAL/ALD parsing and the block and span extension rules."""

    RULES_EXTENSIONS = {
        "block_extensions": Rule("block_extensions", P.BLOCK_EXTENSIONS_START, None,
                                 "parse_block_extensions", "{"),
        "span_extensions": Rule("span_extensions", P.SPAN_EXTENSIONS_START, r"\{:",
                                "parse_span_extensions", "{"),
    }

    #: Hook for ``{::options}``: validates and coerces one inline option value, or raises.
    option_parser: Callable[[str, Any], Any] | None = None
    known_options: frozenset[str] = frozenset()

    def parse_attribute_list(self, text: str, opts: dict[str, Any]) -> None:
        stripped = text.strip(" \t\n\v\f\r")
        if not stripped or stripped == ":":
            return
        found = False
        for m in P.ALD_TYPE_ANY.finditer(text):
            found = True
            key, sep, val, ref, id_and_or_class = m.group(1, 2, 3, 4, 5)
            if ref:
                opts.setdefault(_REFS, []).append(ref)
            elif id_and_or_class:
                for im in P.ALD_TYPE_ID_OR_CLASS.finditer(id_and_or_class):
                    id_attr, class_attr = im.group(1), im.group(2)
                    if class_attr:
                        opts[_CLASS] = f"{opts.get(_CLASS) or ''} {class_attr}".lstrip()
                    else:
                        opts["id"] = id_attr
            else:
                val = re.sub(r"\\(\}|" + re.escape(sep) + ")", r"\1", val)
                opts[key] = val
        if not found:
            self.warning(f"No or invalid attributes found in IAL/ALD content: {text}")

    def update_ial_with_ial(self, ial: dict[str, Any], opts: dict[str, Any]) -> None:
        if _REFS in opts:
            ial.setdefault(_REFS, []).extend(opts[_REFS])
        for key, value in opts.items():
            if key == _CLASS:
                ial[key] = f"{ial.get(key) or ''} {value}".lstrip()
            elif not key.startswith(":"):
                ial[key] = value

    # -- extensions ----------------------------------------------------------------------------
    def parse_extension_start_tag(self, kind: str) -> bool:
        src = self.src
        m = src.last
        saved = src.save_pos()
        line = src.current_line_number()
        src.pos = m.end()

        def error(msg: str) -> bool:
            self.warning(msg)
            src.revert_pos(saved)
            if kind == "span":
                self.add_text(src.getch())
            return False

        if m.group(4) or m.group() == "{:/}":
            name = f"for '{m.group(4)}' " if m.group(4) else ""
            return error(f"Invalid extension stop tag {name} found on line {line} - ignoring it")

        ext = m.group(1) or ""  # a block stop tag without name reaches here (Ruby: nil -> "")
        opts: dict[str, Any] = {}
        body = None
        self.parse_attribute_list(m.group(2) or "", opts)
        if not m.group(3):
            stop_src = (P.EXT_BLOCK_STOP_STR if kind == "block" else P.EXT_STOP_STR) % re.escape(ext)
            stop_re = P.rx(stop_src, persist=False)
            start = src.pos
            sm = stop_re.search(src.string, src.pos)
            if sm is None:
                return error(f"No stop tag for extension '{ext}' found on line {line} - ignoring it")
            src.pos = sm.end()
            body = src.string[start:sm.start()]
            if kind == "block" and body.endswith("\n"):
                body = body[:-1]
        if not self.handle_extension(ext, opts, body, kind, line):
            return error(f"Invalid extension with name '{ext}' specified on line {line} - ignoring it")
        return True

    def handle_extension(self, name: str, opts: dict[str, Any], body: str | None, kind: str,
                         line: int | None = None) -> bool:
        if name == "comment":
            if isinstance(body, str):
                self.tree.children.append(Element("comment", body, None,
                                                  {"category": kind, "location": line}))
            return True
        if name == "nomarkdown":
            if isinstance(body, str):
                types = [t for t in _WS_SPLIT.split(str(opts.get("type") or "")) if t]
                self.tree.children.append(Element("raw", body, None, {
                    "category": kind, "location": line, "type": types}))
            return True
        if name == "options":
            for key, value in opts.items():
                key = key.lstrip(":")
                if key in self.known_options:
                    if key in self.options.get("forbidden_inline_options", ()) \
                            or key == "forbidden_inline_options":
                        self.warning(f"Option {key} may not be set inline")
                        continue
                    try:
                        val = self.option_parser(key, value) if self.option_parser else value
                    except (ValueError, TypeError):
                        continue
                    self.options[key] = val
                    self.root.options["options"][key] = val
                else:
                    self.warning(f"Unknown kramdown option '{key}'")
            if kind == "block":
                self.tree.children.append(self.new_block_el("eob", "extension"))
            return True
        return False

    # -- block and span rules ----------------------------------------------------------------
    def parse_block_extensions(self) -> bool:
        src = self.src
        if src.scan(P.ALD_START) is not None:
            m = src.last
            self.parse_attribute_list(m.group(2), self.alds.setdefault(m.group(1), {}))
            self.tree.children.append(self.new_block_el("eob", "ald"))
            return True
        if src.check(P.EXT_BLOCK_START) is not None:
            return self.parse_extension_start_tag("block")
        if src.scan(P.IAL_BLOCK_START) is not None:
            text = src.last.group(1)
            children = self.tree.children
            last = children[-1] if children else None
            if last is not None and last.type != "blank" and (
                    last.type != "eob" or last.value in ("link_def", "abbrev_def", "footnote_def")):
                self.parse_attribute_list(text, ial_of(last))
                if not src.test(P.IAL_BLOCK_START):
                    children.append(self.new_block_el("eob", "ial"))
            else:
                if self.block_ial is None:
                    self.block_ial = {}
                self.parse_attribute_list(text, self.block_ial)
            return True
        return False

    def parse_span_extensions(self) -> None:
        src = self.src
        if src.last_index("}") < src.pos:
            self.add_text(src.getch())
            return
        if src.check(P.EXT_SPAN_START) is not None:
            self.parse_extension_start_tag("span")
            return
        m = src.check(P.IAL_SPAN_START)
        if m is not None:
            children = self.tree.children
            last = children[-1] if children else None
            if last is not None and last.type != "text":
                src.pos = m.end()
                attr: dict[str, Any] = {}
                self.parse_attribute_list(m.group(1), attr)
                self.update_ial_with_ial(ial_of(last), attr)
                self.update_attr_with_ial(last.attr, attr)
            else:
                self.warning("Found span IAL after text - ignoring it")
                self.add_text(src.getch())
            return
        self.add_text(src.getch())

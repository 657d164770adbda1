"""Simple block rules: blank lines, end-of-block markers, paragraphs, headers, block quotes,
code blocks, horizontal rules and math blocks (kramdown's blank_line.rb, eob.rb,
paragraph.rb, header.rb, blockquote.rb, codeblock.rb, horizontal_rule.rb, math.rb)."""

from __future__ import annotations

import re

from . import patterns as P
from .base import Rule

_ATX_TRAILING_HASHES = P.rx(r"(?<!\\)#+\Z")
_CODE_LAZY_LINE = P.rx(r"\n( {0,3}\S)")
_WHITESPACE = " \t\n\r\f\v"
_CLOSING_FENCE_LINE = P.rx(r"\n {0,3}[~`]{3}")
_BACKSLASH_LINE = P.rx(rf"^{P.OPT_SPACE}\\")


class BlockRules:
    """Mixin: the block rules that need no nested containers of their own."""

    RULES_BLOCKS = {
        "blank_line": Rule("blank_line", P.BLANK_LINE, None, "parse_blank_line",
                           _WHITESPACE),
        "eob_marker": Rule("eob_marker", P.EOB_MARKER, None, "parse_eob_marker", "^"),
        "paragraph": Rule("paragraph", P.PARAGRAPH_START, None, "parse_paragraph"),
        "setext_header": Rule("setext_header", P.SETEXT_HEADER_START, None, "parse_setext_header"),
        "atx_header": Rule("atx_header", P.ATX_HEADER_START, None, "parse_atx_header", "#"),
        "blockquote": Rule("blockquote", P.BLOCKQUOTE_START, None, "parse_blockquote", ">"),
        "codeblock": Rule("codeblock", P.INDENT, None, "parse_codeblock", " \t"),
        "codeblock_fenced": Rule("codeblock_fenced", P.FENCED_CODEBLOCK_START, None,
                                 "parse_codeblock_fenced", "~"),
        "horizontal_rule": Rule("horizontal_rule", P.HR_START, None, "parse_horizontal_rule",
                                "*-_"),
        "block_math": Rule("block_math", P.BLOCK_MATH_START, None, "parse_block_math", "\\$"),
    }

    #: what ends a paragraph; the GFM parser swaps in its own.
    paragraph_end: re.Pattern[str] = P.PARAGRAPH_END
    FENCED_CODEBLOCK_MATCH = P.FENCED_CODEBLOCK_MATCH

    # -- boundaries ----------------------------------------------------------------------------
    def after_block_boundary(self) -> bool:
        children = self.tree.children
        last = children[-1] if children else None
        return (last is None or last.type == "blank"
                or (last.type == "eob" and last.value is None) or bool(self.block_ial))

    def before_block_boundary(self) -> bool:
        return self.src.test(P.BLOCK_BOUNDARY)

    # -- rules ---------------------------------------------------------------------------------
    def parse_blank_line(self) -> bool:
        src = self.src
        matched = src.last.group()
        src.pos = src.last.end()
        children = self.tree.children
        if children and children[-1].type == "blank":
            children[-1].value += matched
        else:
            children.append(self.new_block_el("blank", matched))
        return True

    def parse_eob_marker(self) -> bool:
        self.src.pos = self.src.last.end()
        self.tree.children.append(self.new_block_el("eob"))
        return True

    def parse_paragraph(self) -> bool:
        src = self.src
        pos = src.pos
        line = src.current_line_number()
        parts = [src.scan(P.PARAGRAPH_MATCH)]
        end_re = self.paragraph_end
        while not src.test(end_re):
            parts.append(src.scan(P.PARAGRAPH_MATCH))
        result = "".join(parts).rstrip(_RUBY_WS)
        children = self.tree.children
        last = children[-1] if children else None
        if last is not None and last.type == "p":
            last_item = last.children[-1] if last.children else None
            if last_item is not None and last_item.type == self.text_type:
                joiner = "  \n" if src.string[max(pos - 3, 0):pos] == "  \n" else "\n"
                last_item.value += joiner + result
            else:
                self.add_text(result, last)
        else:
            p = self.new_block_el("p", None, None, {"location": line})
            children.append(p)
            self.add_text(result.lstrip(_RUBY_WS), p)
        return True

    def parse_setext_header(self) -> bool:
        if not self.after_block_boundary():
            return False
        text, hid = self._parse_header_contents()
        if not text:
            return False
        self._add_header(2 if self.src.last.group("level") == "-" else 1, text, hid)
        return True

    def parse_atx_header(self) -> bool:
        if not self.after_block_boundary():
            return False
        text, hid = self._parse_header_contents()
        stripped, n = _ATX_TRAILING_HASHES.subn("", text, count=1)
        if n:
            text = stripped.rstrip(_RUBY_WS)
        if not text:
            return False
        self._add_header(len(self.src.last.group("level")), text, hid)
        return True

    def _parse_header_contents(self) -> tuple[str, str | None]:
        text = self.src.last.group("contents").rstrip(_RUBY_WS)
        m = P.HEADER_ID.search(text)
        hid = None
        if m:
            hid = m.group("id")
            text = text[:m.start()].rstrip(_RUBY_WS)
        return text, hid

    def _add_header(self, level: int, text: str, hid: str | None) -> None:
        src = self.src
        line = src.current_line_number()
        src.pos = src.last.end()
        el = self.new_block_el("header", None, None,
                               {"level": level, "raw_text": text, "location": line})
        self.add_text(text, el)
        if hid:
            el.attr["id"] = hid
        self.tree.children.append(el)

    def parse_blockquote(self) -> bool:
        src = self.src
        line = src.current_line_number()
        parts = [src.scan(P.PARAGRAPH_MATCH)]
        while not src.test(P.LAZY_END):
            parts.append(src.scan(P.PARAGRAPH_MATCH))
        result = P.BLOCKQUOTE_START.sub("", "".join(parts))
        el = self.new_block_el("blockquote", None, None, {"location": line})
        self.tree.children.append(el)
        self.parse_blocks(el, result)
        return True

    def parse_codeblock(self) -> bool:
        src = self.src
        line = src.current_line_number()
        data = src.scan(P.CODEBLOCK_MATCH)
        if not data:
            # An indent followed only by whitespace Ruby's \S rejects (a vertical tab or a
            # form feed): kramdown's start pattern matches, its block pattern does not, and
            # it takes the nothing it scanned as a code block forever (Jekyll never returns).
            # Here the line is left to the rules after this one.
            return False
        data = _CODE_LAZY_LINE.sub(r" \1", data)
        data = P.INDENT.sub("", data)
        self.tree.children.append(self.new_block_el("codeblock", data, None, {"location": line}))
        return True

    def parse_codeblock_fenced(self) -> bool:
        src = self.src
        eol = src.string.find("\n", src.pos)
        if eol < 0 or _CLOSING_FENCE_LINE.search(src.string, eol) is None:
            return False  # no line that could close the fence (keeps long lines linear)
        m = src.check(self.FENCED_CODEBLOCK_MATCH)
        if m is None:
            return False
        line = src.current_line_number()
        src.pos = m.end()
        el = self.new_block_el("codeblock", m.group(5), None, {"location": line, "fenced": True})
        lang = (m.group(3) or "").strip(_RUBY_WS)
        if lang:
            el.options["lang"] = lang
            el.attr["class"] = f"language-{m.group(4)}"
        self.tree.children.append(el)
        return True

    def parse_horizontal_rule(self) -> bool:
        src = self.src
        line = src.current_line_number()
        src.pos = src.last.end()
        self.tree.children.append(self.new_block_el("hr", None, None, {"location": line}))
        return True

    def parse_block_math(self) -> bool:
        src = self.src
        m = src.last
        line = src.current_line_number()
        if not self.after_block_boundary():
            return False
        if m.group(1):
            if m.group(3):
                src.scan(_BACKSLASH_LINE)
            return False
        saved = src.save_pos()
        src.pos = m.end()
        data = m.group(2).strip(_RUBY_WS)
        if self.before_block_boundary():
            self.tree.children.append(self.new_block_el(
                "math", data, None, {"category": "block", "location": line}))
            return True
        src.revert_pos(saved)
        return False


#: Ruby's String#strip removes these (and NUL); Python's default would also strip Unicode
#: spaces, which kramdown keeps.
_RUBY_WS = " \t\n\v\f\r\x00"

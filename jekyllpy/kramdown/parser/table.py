"""Pipe tables (kramdown's parser/kramdown/table.rb).

Rows are split into cells on unescaped pipes, except inside code spans; a table is only
accepted if it ends at a block boundary and its pipes are real (not all hidden inside code
spans or HTML), and it needs a body.  Cells keep their raw text for the span pass.
"""

from __future__ import annotations

from ..element import Element
from ..scanner import Scanner
from . import patterns as P
from .base import Rule

_CODE_TAG_SPLIT = P.rx(r"(<code.*?>.*?</code>)")
_UNESCAPED_PIPE = P.rx(r"(?<!\\)\|")
_LEADING_PIPE = P.rx(r"^\s*\|")
_BACKTICKS = P.rx(r"`+")
_RUBY_WS = " \t\n\v\f\r\x00"


class TableRules:
    """Mixin: the table rule."""

    RULES_TABLE = {"table": Rule("table", P.TABLE_START, None, "parse_table")}

    def parse_table(self) -> bool:
        if not self.after_block_boundary():
            return False
        src = self.src
        saved = src.save_pos()
        orig_pos = src.pos
        table = self.new_block_el("table", None, None,
                                  {"alignment": [], "location": src.current_line_number()})
        first = P.TABLE_LINE.match(src.string, src.pos)
        leading_pipe = bool(first and _LEADING_PIPE.search(first.group()))
        src.scan(P.TABLE_SEP_LINE)

        rows: list[Element] = []
        has_footer = False
        columns = 0

        def add_container(kind: str, force: bool) -> None:
            nonlocal rows
            if not has_footer or kind != "tbody" or force:
                cont = Element(kind)
                cont.children, rows = rows, []
                table.children.append(cont)

        while not src.eos():
            if not src.test(P.TABLE_LINE):
                break
            if src.scan(P.TABLE_SEP_LINE) is not None:
                if not rows:
                    pass
                elif not table.options["alignment"] and not has_footer:
                    sep = src.last.group(1)
                    add_container("thead", False)
                    align = []
                    for m in P.TABLE_HSEP_ALIGN.finditer(sep):
                        left, right = m.group(1), m.group(2)
                        if not left and not right:
                            align.append("default")
                        elif not right:
                            align.append("left")
                        elif not left:
                            align.append("right")
                        else:
                            align.append("center")
                    table.options["alignment"] = align
                else:
                    add_container("tbody", False)
            elif src.scan(P.TABLE_FSEP_LINE) is not None:
                if rows:
                    add_container("tbody", True)
                has_footer = True
            elif src.scan(P.TABLE_ROW_LINE) is not None:
                row_text = src.last.group(1)
                cells = self._split_row(row_text)
                if leading_pipe and cells and not cells[0].strip(_RUBY_WS):
                    cells.pop(0)
                if cells and not cells[-1].strip(_RUBY_WS):
                    cells.pop()
                trow = Element("tr")
                for cell_text in cells:
                    tcell = Element("td")
                    tcell.children.append(Element("raw_text", cell_text.strip(_RUBY_WS)))
                    trow.children.append(tcell)
                columns = max(columns, len(cells))
                rows.append(trow)
            else:
                break

        if not self.before_block_boundary():
            src.revert_pos(saved)
            return False

        if not self._pipes_are_real(orig_pos):
            src.revert_pos(saved)
            return False

        if rows:
            add_container("tfoot" if has_footer else "tbody", False)
        if not any(c.type == "tbody" for c in table.children):
            self.warning(f"Found table without body on line {table.options['location']} - ignoring it")
            src.revert_pos(saved)
            return False

        for section in table.children:
            for row in section.children:
                for _ in range(columns - len(row.children)):
                    row.children.append(Element("td"))
        align = table.options["alignment"]
        if len(align) > columns:
            table.options["alignment"] = align[:columns]
        else:
            table.options["alignment"] = align + ["default"] * (columns - len(align))
        self.tree.children.append(table)
        return True

    def _split_row(self, row_text: str) -> list[str]:
        """Split one row on unescaped pipes that are outside code spans and <code> tags."""
        env = self.save_env()
        cells: list[str] = []

        def append(text: str) -> None:
            if cells:
                cells[-1] += text
            else:
                cells.append(text)

        for i, part in enumerate(_CODE_TAG_SPLIT.split(row_text)):
            if i % 2 == 1:
                append(part)
                continue
            self.reset_env(src=Scanner(part, self.src.current_line_number()))
            root = Element("root")
            self.parse_spans(root, None, ("codespan",))
            for c in root.children:
                if c.type == "raw_text":
                    pieces = [t.replace("\\|", "|") for t in _UNESCAPED_PIPE.split(c.value)]
                    append(pieces[0])
                    cells.extend(pieces[1:])
                else:
                    delim = max(_BACKTICKS.findall(c.value), default="") + "`"
                    pad = " " if len(delim) > 1 else ""
                    append(f"{delim}{pad}{c.value}{pad}{delim}")
        self.restore_env(env)
        return cells

    def _pipes_are_real(self, orig_pos: int) -> bool:
        """Reject 'tables' whose every pipe sits inside a code span or an HTML tag."""
        src = self.src
        env = self.save_env()
        text = src.string[orig_pos:src.pos - 1]
        self.reset_env(src=Scanner(text, src.current_line_number()))
        root = Element("root")
        self.parse_spans(root, None, ("codespan", "span_html"))
        self.restore_env(env)

        pipe_on_line = False
        children = list(root.children)
        while children:
            c = children.pop(0)
            value = c.value
            if not isinstance(value, str) or value == "":
                if value is None:
                    continue
            lines = value.split("\n")
            while lines and lines[-1] == "":
                lines.pop()
            if c.type == "codespan":
                if len(lines) > 2 or (len(lines) == 2 and not pipe_on_line):
                    break
                if len(lines) == 2 and pipe_on_line:
                    pipe_on_line = False
            else:
                if len(lines) > 1 and not pipe_on_line and not (
                        lines and P.TABLE_PIPE_CHECK_AT_START.match(lines[0])):
                    break
                last_ok = bool(lines) and P.TABLE_PIPE_CHECK_AT_START.match(lines[-1]) is not None
                pipe_on_line = (False if len(lines) > 1 else pipe_on_line) or last_ok
        return pipe_on_line

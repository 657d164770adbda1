"""The kramdown parser's engine: block loop, span loop, environments and the post-pass.

Behaviour follows lib/kramdown/parser/kramdown.rb.  The grammar itself lives in the rule
mixins (one module per family of rules); this module only knows how rules are tried:

* block level: at the cursor, try each block rule in order; the first whose start pattern
  matches *and* whose method accepts the text wins.  Paragraph text is stored raw.
* after the whole document is split into blocks, :meth:`update_tree` span-parses every raw
  text run, applies attribute lists and drops end-of-block markers.
* span level: search for the next position where any span rule could start (one combined
  pattern), keep the text before it, and give that position to the first rule whose start
  pattern matches there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable

from ..element import Element
from ..scanner import Scanner
from . import patterns as P


@dataclass(frozen=True, slots=True)
class Rule:
    """One grammar rule: where it may start, and the parser method that handles it."""

    name: str
    start_re: re.Pattern[str]
    span_start: str | None
    method: str
    #: characters a match can start with, None meaning any: for span rules the character at
    #: the cursor, for block rules the first one after at most three spaces.
    first_chars: str | None = None
    #: span rules only, when ``first_chars`` says too much or too little: what every match
    #: holds within ``lead`` characters of its start, as characters (a smart quote starts
    #: one character before its quote) or as (character, check) pairs whose check, a
    #: lookaround tried after the character, rules out most false starts (``-`` only
    #: before another ``-``).  They let the span loop skip plain text at C speed.
    anchor_chars: str | None = None
    anchor_checks: tuple[tuple[str, str], ...] = ()
    lead: int = 0


class StopBlockParsing(Exception):
    """Raised by the HTML rule when the closing tag of the enclosing element is found."""


_CLASS = "class"

#: How deeply blocks, HTML elements and spans may nest.  kramdown itself dies with a stack
#: overflow somewhere in the thousands, and its output grows with the square of the depth;
#: past this depth jekyllpy stops nesting and keeps the rest as text.
MAX_NESTING = 400


class ParserBase:
    """State and loops shared by every rule.  Subclasses list their rules by name."""

    #: rule name -> Rule; filled by :func:`build_rule_table` for each concrete parser class.
    RULES: dict[str, Rule] = {}
    BLOCK_RULES: tuple[str, ...] = ()
    SPAN_RULES: tuple[str, ...] = ()

    def __init__(self, source: str, options: dict[str, Any]) -> None:
        self.source = source
        self.options = dict(options)
        self.root = Element("root", None, None, {
            "encoding": "UTF-8", "location": 1, "options": {},
            "abbrev_defs": {}, "abbrev_attr": {}})
        self.warnings: list[str] = []
        self.alds: dict[str, dict[str, Any]] = {}
        self.footnotes: dict[str, dict[str, Any]] = {}
        self.link_defs: dict[str, list[Any]] = {}
        for key, value in (self.options.get("link_defs") or {}).items():
            url, title = (list(value) + [None, None])[:2]
            self.link_defs[self.normalize_link_id(key)] = [url, title, None]
        self.block_parsers: list[str] = list(self.BLOCK_RULES)
        self.span_parsers: list[str] = list(self.SPAN_RULES)
        self.reset_env()

    # -- entry point -------------------------------------------------------------------------
    def parse(self) -> None:
        self._configure()
        self.parse_blocks(self.root, self.adapt_source(self.source))
        self.update_tree(self.root)
        self.correct_abbreviations_attributes()
        self.finish_tree(self.root)
        for data in self.footnotes.values():
            self.update_tree(data["content"])
            self.replace_abbreviations(data["content"])
        count = 0
        for name, data in self.footnotes.items():
            if "marker" in data:
                count += 1
                continue
            line = data["content"].options.get("location")
            self.warning(f"Footnote definition for '{name}' on line {line} is unreferenced - ignoring")
        self.root.options["footnote_count"] = count

    def finish_tree(self, root: Element) -> None:
        """The passes over the span-parsed main tree: here, abbreviations (a parser may
        fold its own pass into the same walk)."""
        self.replace_abbreviations(root)

    def _configure(self) -> None:
        # every document of a site has the same rules: checked and set up once
        cls = type(self)
        key = (cls, tuple(self.block_parsers), tuple(self.span_parsers))
        setup = _SETUPS.get(key)
        if setup is None:
            for name in self.block_parsers + self.span_parsers:
                if name not in self.RULES:
                    raise ValueError(f"Unknown parser rule: {name}")
            rules = [self.RULES[n] for n in self.block_parsers]
            bound = [(r, (r.start_re, getattr(cls, r.method))) for r in rules]
            chars = set("".join(r.first_chars or "" for r in rules))
            default = [pair for r, pair in bound if r.first_chars is None]
            table = {c: [pair for r, pair in bound if r.first_chars is None or c in r.first_chars]
                     for c in chars}
            setup = _SETUPS[key] = (table, default, *self._span_setup(key[2]))
        self._block_table, self._block_default, self._span_start, self._span_rules = setup

    def _span_setup(self, names: tuple[str, ...]
                    ) -> tuple[tuple[str, re.Pattern[str], Any, int, frozenset[str]], Any]:
        """The combined start pattern and a per-character dispatch table for span rules.

        At a candidate position only rules that can start with its character are tried,
        still in rule order, so the first matching rule is the same one kramdown picks.
        Tables hold the class's functions (called with the parser), so they are built once
        per parser class and rule list, not once per document.

        The combined pattern is a lookahead tried at every position, slow on long plain
        text; so the setup also holds the ``search`` of a pattern of every rule's anchors
        and the largest lead: no match can start before the first anchor found minus the
        lead (None when a rule has no anchors).  The anchor pattern starts with a character
        class, which ``re`` scans for in C before trying the rest (see :func:`_anchors`).
        Last come the anchor characters a match always starts on (see
        :func:`_direct_starts`): landing on one, the loop needs no second search.
        """
        cls = type(self)
        key = (cls, names)
        setup = _SPAN_SETUPS.get(key)
        if setup is None:
            src = "|".join(self.RULES[n].span_start or "" for n in names)
            rules = [self.RULES[n] for n in names]
            prefilter = None
            if all(r.anchor_checks or r.anchor_chars or r.first_chars for r in rules):
                chars = "".join(r.anchor_chars or r.first_chars or "" for r in rules
                                if not r.anchor_checks)
                checks = tuple(c for r in rules for c in r.anchor_checks)
                prefilter = _anchors(chars, checks)
            start = (src, P.rx(f"(?={src})"), prefilter, max((r.lead for r in rules), default=0),
                     _direct_starts(rules) if prefilter is not None else frozenset())
            chars = set("".join(r.first_chars or "" for r in rules))
            bound = [(r, (r.start_re, getattr(cls, r.method))) for r in rules]
            default = [pair for r, pair in bound if r.first_chars is None]
            table = {c: [pair for r, pair in bound if r.first_chars is None or c in r.first_chars]
                     for c in chars}
            setup = _SPAN_SETUPS[key] = (start, (table, default))
        return setup

    def warning(self, text: str) -> None:
        self.warnings.append(text)

    @staticmethod
    def adapt_source(source: str) -> str:
        """Normalise line ends and guarantee exactly one final newline."""
        source = source.replace("\r\n", "\n").replace("\r", "\n")
        if source.endswith("\n"):
            source = source[:-1]
        return source + "\n"

    # -- environment ---------------------------------------------------------------------------
    def reset_env(self, src: Scanner | None = None, tree: Element | None = None,
                  text_type: str = "raw_text") -> None:
        self.src = src  # type: ignore[assignment]
        self.tree = tree  # type: ignore[assignment]
        self.block_ial: dict[str, Any] | None = None
        self.stack: list[Any] = []
        self.text_type = text_type

    def save_env(self) -> tuple:
        return (self.src, self.tree, self.block_ial, self.stack, self.text_type)

    def restore_env(self, env: tuple) -> None:
        self.src, self.tree, self.block_ial, self.stack, self.text_type = env

    # -- tree helpers --------------------------------------------------------------------------
    def add_text(self, text: str, tree: Element | None = None, type: str | None = None) -> None:
        """Append text to the last child if it is text of the same type, else a new child.

        Text elements carry no location (kramdown's is only used for warnings, which name
        the line of the element around them).  The text is appended through a local
        variable that holds the only reference to the string: CPython then extends it in
        place, where ``el.value += text`` would copy it, making text built from many
        small pieces (unmatched brackets or emphasis marks, one by one) quadratic.
        """
        children = (tree or self.tree).children
        if type is None:
            type = self.text_type
        if children and children[-1].type == type:
            last = children[-1]
            value = last.value
            last.value = None  # the string's only owner is now ``value``: see the docstring
            value += text
            last.value = value
        elif text:
            children.append(Element(type, text))

    def new_block_el(self, type: str, value: Any = None, attr: dict | None = None,
                     options: dict | None = None) -> Element:
        el = Element(type, value, attr, options)
        if self.block_ial is not None:
            el.options["ial"] = self.block_ial
            self.block_ial = None
        return el

    # -- block loop ------------------------------------------------------------------------------
    def parse_blocks(self, el: Element, text: str | None = None) -> bool:
        """Parse block-level text into ``el``; True if a closing HTML tag ended it early."""
        if len(self.stack) > MAX_NESTING:
            self._too_deep(el, text)
            return False
        self.stack.append((self.tree, self.src, self.block_ial))
        self.tree, self.block_ial = el, None
        if text is not None:
            self.src = Scanner(text, el.options.get("location") if el._options else None)
        src = self.src
        table, default = self._block_table, self._block_default
        string = src.string
        status = False
        length = len(string)
        try:
            while src.pos < length:  # src.eos() and src.at_line_start(), inlined: hot
                pos = src.pos
                bol = pos == 0 or string[pos - 1] == "\n"
                key = string[pos]
                if key == " ":
                    key_pos = _LEAD.match(string, pos).end()
                    key = string[key_pos:key_pos + 1]
                for start_re, method in table.get(key, default):
                    m = start_re.match(src.string, src.pos) if bol else src._match(start_re)
                    if m is not None:
                        src.last = m
                        if method(self):
                            break
                        bol = src.at_line_start()
                else:
                    self.warning("Warning: this should not occur - no block parser handled the line")
                    self.add_text(src.scan(_ANY_LINE) or src.rest())
                    if src.last is None:
                        src.terminate()
        except StopBlockParsing:
            status = True
        self.tree, self.src, self.block_ial = self.stack.pop()
        return status

    def _too_deep(self, el: Element, text: str | None) -> None:
        """Keep text nested past :data:`MAX_NESTING` as one plain paragraph."""
        if text is None:
            text = self.src.rest()
            self.src.terminate()
        self.warning("Nesting too deep - the rest is kept as text")
        p = Element("p", None, None, {"location": el.options.get("location") if el._options else None})
        p.children.append(Element("raw_text", text.rstrip("\n")))
        el.children.append(p)

    # -- span loop ---------------------------------------------------------------------------------
    def parse_spans(self, el: Element, stop_re: re.Pattern[str] | None = None,
                    parsers: tuple[str, ...] | None = None, text_type: str | None = None,
                    stop_check: Callable[[], bool] | None = None,
                    stop_chars: str | None = None) -> bool:
        """Parse span-level text from the cursor into ``el``.

        Stops at the end of the text, or where ``stop_re`` matches and ``stop_check`` (if
        given) agrees; returns whether the stop pattern was found.  ``stop_chars``: what
        every match of ``stop_re`` starts with, if known (see :meth:`_span_setup`).
        """
        if len(self.stack) > MAX_NESTING:
            return False
        if self.tree is not None:
            self.stack.append((self.tree, self.text_type))
        self.tree = el
        self.text_type = self.text_type if text_type is None else text_type
        if parsers is None:
            (span_src, span_re, prefilter, lead, direct), (table, default) = \
                self._span_start, self._span_rules
        else:
            (span_src, span_re, prefilter, lead, direct), (table, default) = \
                self._span_setup(parsers)
        if stop_re is not None:
            key = (stop_re.pattern, stop_re.flags, span_src, stop_chars)
            stop_setup = _STOP_RES.get(key)
            if stop_setup is None:
                stop_prefilter = None
                if prefilter is not None and stop_chars:
                    chars, checks = _ANCHOR_PARTS[prefilter]
                    stop_prefilter = _anchors(chars + stop_chars, checks)
                stop_setup = _STOP_RES[key] = (
                    P.rx(f"(?={stop_re.pattern}|{span_src})", stop_re.flags & re.S),
                    stop_prefilter)
            span_re, prefilter = stop_setup
        src = self.src
        string = src.string
        length = src._len
        search = span_re.search
        rules_for = table.get
        text_type = self.text_type
        found = False
        pos = src.pos
        while pos < length:
            if prefilter is None:
                m = search(string, pos)
            else:
                anchor = prefilter(string, pos)
                if anchor is None:
                    m = None
                else:
                    first = anchor.start()
                    if string[first] in direct:
                        m = anchor  # a match starts right here, and none can before it
                    else:
                        first -= lead
                        m = search(string, first if first > pos else pos)
            start = length if m is None else m.start()
            if start > pos and (m is not None or stop_re is None):
                # Plain text up to the next possible span start (add_text, inlined: hot).
                children = el.children
                if children and children[-1].type == text_type:
                    last = children[-1]
                    value = last.value
                    last.value = None  # as in add_text: extended in place, not copied
                    value += string[pos:start]
                    last.value = value
                else:
                    children.append(Element(text_type, string[pos:start]))
                src.pos = pos = start
            if m is None:
                break
            if stop_re is not None:
                sm = stop_re.match(string, pos)
                if sm is not None:
                    src.last = sm
                    found = stop_check() if stop_check is not None else True
                    if found:
                        break
            for start_re, method in rules_for(string[pos], default):
                rm = start_re.match(string, pos)
                if rm is not None:
                    src.last = rm
                    method(self)
                    break
            else:
                # No rule starts here (a stop character whose check failed): one character
                # of text (add_text, inlined: hot on unbalanced brackets).
                children = el.children
                if children and children[-1].type == text_type:
                    last = children[-1]
                    value = last.value
                    last.value = None
                    value += string[pos]
                    last.value = value
                else:
                    children.append(Element(text_type, string[pos]))
                src.pos = pos + 1
            pos = src.pos
        self.tree, self.text_type = self.stack.pop() if self.stack else (None, self.text_type)
        return found

    # -- post-pass ----------------------------------------------------------------------------------
    def update_tree(self, element: Element) -> None:
        """Span-parse raw text, apply IALs, drop end-of-block markers, merge blank runs."""
        last_blank: Element | None = None
        out: list[Element] = []
        for child in element.children:
            ctype = child.type
            if ctype == "raw_text":
                last_blank = None
                _, span_re, prefilter, lead, _ = self._span_start
                if prefilter is None:
                    plain = span_re.search(child.value) is None
                else:
                    anchor = prefilter(child.value)
                    plain = anchor is None or span_re.search(
                        child.value, max(anchor.start() - lead, 0)) is None
                if plain:
                    # Nothing any span rule could start on: the text is the result.
                    if child.value:
                        out.append(Element("text", child.value))
                    continue
                self.reset_env(src=Scanner(child.value, element.options.get("location")),
                               text_type="text")
                self.parse_spans(child)
                out.extend(child.children)
            elif ctype == "eob":
                if child._options and child.options.get("ial"):
                    self.update_attr_with_ial(child.attr, child.options["ial"])
            elif ctype == "blank":
                if last_blank is not None:
                    last_blank.value += child.value
                else:
                    last_blank = child
                    out.append(child)
            else:
                last_blank = None
                self.update_tree(child)
                if child._options and child.options.get("ial"):
                    self.update_attr_with_ial(child.attr, child.options["ial"])
                if ctype == "dt" or (ctype == "header" and self.options.get("auto_id_stripping")):
                    self.update_raw_text(child)
                out.append(child)
        element.children = out

    def update_attr_with_ial(self, attr: dict[str, Any], ial: dict[str, Any]) -> None:
        for ref in ial.get(":refs", ()):
            ald = self.alds.get(ref)
            if ald is not None:
                self.update_attr_with_ial(attr, ald)
        for key, value in ial.items():
            if key == _CLASS:
                attr[key] = f"{attr.get(key) or ''} {value}".lstrip()
            elif not key.startswith(":"):
                attr[key] = value

    def update_raw_text(self, item: Element) -> None:
        parts: list[str] = []
        _collect_text(item, parts)
        item.options["raw_text"] = "".join(parts)

    @staticmethod
    def normalize_link_id(link_id: str) -> str:
        return _WS_RUN.sub(" ", link_id).lower()


#: rule tables per (parser class, rule names), and combined stop patterns; see _span_setup
#: (parser class, block rules, span rules) -> the block dispatch table and span setup
_SETUPS: dict[tuple[type, tuple[str, ...], tuple[str, ...]], Any] = {}
_SPAN_SETUPS: dict[tuple[type, tuple[str, ...]], Any] = {}
_STOP_RES: dict[tuple[str, int, str, str | None], tuple[re.Pattern[str], Any]] = {}
_ANY_LINE = P.rx(r".*\n")
_LEAD = re.compile(" {0,3}")
_WS_RUN = P.rx(r"\s+")


#: what each anchor search was built from, to extend it with a stop pattern's characters
_ANCHOR_PARTS: dict[Any, tuple[str, tuple[tuple[str, str], ...]]] = {}


def _anchors(chars: str, checks: tuple[tuple[str, str], ...]) -> Callable[..., Any]:
    """``search`` of ``[chars and check characters]`` then: any of ``chars``, or a check
    character whose check holds.  Starting with a class lets ``re`` find candidates with
    its fast scan; the checks drop frequent characters (``-``, ``.``) that start nothing."""
    plain = "".join(sorted(set(chars)))
    every = "".join(sorted(set(plain + "".join(c for c, _ in checks))))
    tests = ([f"(?<=[{re.escape(plain)}])"] if plain else []) + [
        f"(?<={re.escape(c)}){check}" for c, check in checks]
    search = P.rx(f"[{re.escape(every)}](?:{'|'.join(tests)})").search
    _ANCHOR_PARTS[search] = (plain, checks)
    return search


def _direct_starts(rules: list[Rule]) -> frozenset[str]:
    """Anchor characters at which some rule's ``span_start`` always matches, and before
    which no match can start: where the prefilter lands on one, that is the next candidate.

    A rule contributes the characters of a ``span_start`` that is one character or a
    choice of single characters (``\\*|_``).  Excluded are the anchors of rules that start
    before their anchor (a lead), and, for leads of two or more, their first characters:
    a match of such a rule could start before one of them that is not its anchor.
    """
    direct: set[str] = set()
    for rule in rules:
        if rule.lead == 0 and rule.first_chars and rule.span_start:
            pieces = rule.span_start.split("|")
            if all((len(piece) == 1 and piece not in "\\.^$*+?()[]{}|") or
                   (len(piece) == 2 and piece[0] == "\\" and not piece[1].isalnum())
                   for piece in pieces):
                chars = {piece[-1] for piece in pieces}
                if chars <= set(rule.first_chars):
                    direct |= chars
    for rule in rules:
        if rule.lead:
            if rule.lead >= 2 and rule.first_chars is None:
                return frozenset()
            direct -= set(rule.anchor_chars or rule.first_chars or "")
            direct -= {char for char, _ in rule.anchor_checks}
            if rule.lead >= 2:
                direct -= set(rule.first_chars or "")
    return frozenset(direct)


def build_rule_table(*groups: dict[str, Rule]) -> dict[str, Rule]:
    """Merge the rule dictionaries of several mixins; a duplicate name is a programming error."""
    table: dict[str, Rule] = {}
    for group in groups:
        for name, rule in group.items():
            if name in table:
                raise ValueError(f"rule {name!r} defined twice")
            table[name] = rule
    return table


def _collect_text(el: Element, parts: list[str]) -> None:
    """The text elements' values below ``el``, in order (a module function, not a closure:
    a recursive closure is a reference cycle, which only the garbage collector frees)."""
    if el.type == "text":
        parts.append(el.value)
    else:
        for c in el.children:
            _collect_text(c, parts)

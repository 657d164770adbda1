"""A string scanner that knows line numbers: the cursor every parser rule moves.

kramdown's rules are written as "does the text at the cursor match this pattern?  then take
it": Ruby's ``StringScanner`` plus a line counter (lib/kramdown/utils/string_scanner.rb).  We
keep that model because the rules' anchors (``^`` only at a line start, patterns tried at the
cursor, not searched for) are what decide kramdown's output.  Patterns are compiled with
``re.M`` so ``^`` means "at a line start", exactly as in Ruby.
"""

from __future__ import annotations

import bisect
import re
from typing import Any, Pattern

_PAREN_OR_WS_QUOTE = re.compile(r"[()]|[ \t\n\r\f\v](?=['\"])")
_CHAR_CLASS = re.compile(r"\[(?:\\.|[^\]\\])*\]")
# Keyed by id(): hashing a compiled pattern hashes its whole program on every call (slow
# for the big Unicode classes); the patterns are kept alive in the values.
_ANCHORED: dict[int, tuple[Pattern[str], bool]] = {}


def _is_anchored(pattern: Pattern[str]) -> bool:
    """Whether ``pattern`` uses ``^`` or ``\\A`` (outside character classes)."""
    entry = _ANCHORED.get(id(pattern))
    flag = entry[1] if entry is not None and entry[0] is pattern else None
    if flag is None:
        src = _CHAR_CLASS.sub("", pattern.pattern.replace("\\\\", ""))
        flag = ("^" in src.replace("\\^", "")) or ("\\A" in src)
        _ANCHORED[id(pattern)] = (pattern, flag)
    return flag


_CONTEXT_SENSITIVE = re.compile(r"\(\?<[=!]|\\[bBA]")
#: id(pattern) -> (pattern, what matches as it would at a line start, or None); see _mid_line
_MID_LINE: dict[int, "tuple[Pattern[str], Pattern[str] | None]"] = {}


def _mid_line(pattern: Pattern[str]) -> "Pattern[str] | None":
    """A pattern that, matched in the middle of a line, finds what Ruby's scanner finds with
    ``pattern`` there (Ruby treats the cursor as the start of the text, so ``^`` holds).

    That is ``pattern`` itself when it has no anchor; ``pattern`` without its leading ``^``
    when that is its only anchor and nothing in it looks at text before the match
    (lookbehind, word boundaries); None otherwise, when only matching a copy of the rest
    of the text will do.  Scanning mid-line is the span rules' common case, so the answer
    is one dictionary lookup after the first time.
    """
    entry = _MID_LINE.get(id(pattern))
    if entry is not None and entry[0] is pattern:
        return entry[1]
    free: Pattern[str] | None = pattern
    if _is_anchored(pattern):
        src = pattern.pattern
        free = None
        if src.startswith("^") and not _CONTEXT_SENSITIVE.search(src):
            rest = src[1:]
            probe = _CHAR_CLASS.sub("", rest.replace("\\\\", ""))
            if "^" not in probe.replace("\\^", ""):
                free = re.compile(rest, pattern.flags)
    _MID_LINE[id(pattern)] = (pattern, free)
    return free


class _ShiftedMatch:
    """A match found on ``string[offset:]``, reporting positions in the whole string."""

    __slots__ = ("_m", "_off", "re")

    def __init__(self, m: re.Match[str], offset: int) -> None:
        self._m = m
        self._off = offset
        self.re = m.re

    def group(self, *args: Any) -> Any:
        return self._m.group(*args)

    def groups(self) -> Any:
        return self._m.groups()

    def start(self, g: Any = 0) -> int:
        s = self._m.start(g)
        return s if s < 0 else s + self._off

    def end(self, g: Any = 0) -> int:
        e = self._m.end(g)
        return e if e < 0 else e + self._off


class Scanner:
    """Cursor over ``string`` with Ruby-StringScanner-like operations.

    ``last`` holds the match object of the latest successful scan/check (Ruby's ``@src[n]``).
    """

    __slots__ = ("string", "pos", "last", "start_line", "_line_pos", "_line_no", "_len", "_memo",
                 "wasted")

    def __init__(self, string: str, start_line: int | None = 1) -> None:
        self.string = string
        self.pos = 0
        self.last: re.Match[str] | None = None
        self.start_line = start_line or 1
        self._line_pos = 0
        self._line_no = self.start_line
        self._len = len(string)
        self._memo: dict[Any, Any] = {}
        #: characters scanned by attempts that failed and were undone (see ``hopeless_ok``)
        self.wasted = 0

    # -- matching with Ruby's anchoring --------------------------------------------------------
    def _match(self, pattern: Pattern[str]) -> Any:
        """Match at the cursor.  Ruby's scanner treats the cursor as the start of the text, so
        ``^`` always holds there; Python's only does at a real line start.  Mid-line, anchored
        patterns are matched on the rest of the string instead (rare at block level)."""
        pos = self.pos
        if pos == 0 or self.string[pos - 1] == "\n":
            return pattern.match(self.string, pos)
        free = _mid_line(pattern)
        if free is not None:  # the same match at the cursor, without copying the rest
            return free.match(self.string, pos)
        m = pattern.match(self.string[pos:])
        return None if m is None else _ShiftedMatch(m, pos)

    def _search(self, pattern: Pattern[str]) -> Any:
        pos = self.pos
        if pos == 0 or self.string[pos - 1] == "\n" or not _is_anchored(pattern):
            return pattern.search(self.string, pos)
        m = pattern.search(self.string[pos:])
        return None if m is None else _ShiftedMatch(m, pos)

    def at_line_start(self) -> bool:
        pos = self.pos
        return pos == 0 or self.string[pos - 1] == "\n"

    # -- queries ---------------------------------------------------------------------------
    def eos(self) -> bool:
        return self.pos >= self._len

    # check, test and scan repeat _match's common case (cursor at a line start) inline:
    # they are the parser's most frequent calls.
    def check(self, pattern: Pattern[str]) -> re.Match[str] | None:
        """Match at the cursor without moving it."""
        pos = self.pos
        if pos == 0 or self.string[pos - 1] == "\n":
            m = pattern.match(self.string, pos)
        else:
            m = self._match(pattern)
        if m is not None:
            self.last = m
        return m

    def test(self, pattern: Pattern[str]) -> bool:
        """Match at the cursor without moving it or touching ``last``."""
        pos = self.pos
        if pos == 0 or self.string[pos - 1] == "\n":
            return pattern.match(self.string, pos) is not None
        entry = _MID_LINE.get(id(pattern))  # as in scan
        if entry is not None and entry[1] is not None and entry[0] is pattern:
            return entry[1].match(self.string, pos) is not None
        return self._match(pattern) is not None

    # -- moves -------------------------------------------------------------------------------
    def scan(self, pattern: Pattern[str]) -> str | None:
        """Match at the cursor; on success move past it and return the matched text."""
        pos = self.pos
        if pos == 0 or self.string[pos - 1] == "\n":
            m = pattern.match(self.string, pos)
        else:
            entry = _MID_LINE.get(id(pattern))  # _mid_line's answer, when already known
            if entry is not None and entry[1] is not None and entry[0] is pattern:
                m = entry[1].match(self.string, pos)
            else:
                m = self._match(pattern)
        if m is None:
            return None
        self.last = m
        self.pos = m.end()
        return m.group()

    def scan_until(self, pattern: Pattern[str]) -> str | None:
        """Search from the cursor; on success return everything up to the match's end."""
        m = self._search(pattern)
        if m is None:
            return None
        self.last = m
        start = self.pos
        self.pos = m.end()
        return self.string[start:m.end()]

    def getch(self) -> str:
        ch = self.string[self.pos:self.pos + 1]
        self.pos += len(ch)
        return ch

    def rest(self) -> str:
        return self.string[self.pos:]

    def terminate(self) -> None:
        self.pos = self._len

    def skip_matched(self) -> None:
        """Move past the text the latest ``check`` matched."""
        assert self.last is not None
        self.pos = self.last.end()

    def pre_match_tail(self) -> str:
        """The character right before the latest match (Ruby's ``pre_match[-1]``)."""
        assert self.last is not None
        start = self.last.start()
        return self.string[start - 1:start] if start > 0 else ""

    def group(self, n: int | str) -> str | None:
        assert self.last is not None
        return self.last.group(n)

    # -- facts about the whole text, computed once (they keep failing rules linear) -----------
    def skip_hopeless(self) -> bool:
        """Whether rules may skip attempts that are certain to fail.

        Skipping changes nothing in the output, but kramdown's warnings from inside an
        abandoned scan would be lost; so it starts only once failed attempts have re-read
        the text more than half over (plus a margin for short texts), which happens only on
        pathological input.  Rules that are sure an attempt cannot warn skip sooner
        (:meth:`quiet_from`).
        """
        return self.wasted > 20_000 + (self._len >> 1)

    def last_index(self, sub: str) -> int:
        """Index of the last occurrence of ``sub`` in the text, or -1."""
        key = ("rfind", sub)
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = self.string.rfind(sub)
        return found

    def last_start(self, pattern: Pattern[str]) -> int:
        """Start of the last match of ``pattern`` in the text, or -1 (for patterns whose
        matches cannot overlap)."""
        key = ("last", pattern)
        found = self._memo.get(key)
        if found is None:
            found = -1
            for found_match in pattern.finditer(self.string):
                found = found_match.start()
            self._memo[key] = found
        return found

    def quiet_from(self, pos: int) -> bool:
        """Whether no span rule can warn or leave a trace from ``pos`` to the end of the text.

        Only HTML (``<``), IALs and extensions (``{``) and links and footnote markers
        (``[``) warn or change the parser's state while an attempt is under way; an
        attempt that is certain to fail and sees none of them may be skipped at once,
        with no need to wait for :meth:`skip_hopeless`.
        """
        key = "noisy"
        last = self._memo.get(key)
        if last is None:
            s = self.string
            last = self._memo[key] = max(s.rfind("<"), s.rfind("{"), s.rfind("["))
        return last < pos

    def last_closer(self, char: str) -> int:
        """Last index of ``char`` that follows a non-whitespace character, or -1: where an
        emphasis run of ``char`` could possibly close."""
        key = ("closer", char)
        found = self._memo.get(key)
        if found is None:
            s = self.string
            found = s.rfind(char)
            while found > 0 and s[found - 1] in " \t\n\r\f\v":
                found = s.rfind(char, 0, found)
            if found == 0:
                found = -1
            self._memo[key] = found
        return found

    def paren_stop(self, start: int) -> tuple[int, bool] | None:
        """Where kramdown's inline-link URL scan starting at the ``(`` at ``start`` stops.

        The scan counts parentheses and stops at the ``)`` that balances ``start`` (returns
        its index and True) or at whitespace followed by a quote (its index and False);
        None when it runs off the end.  Computed from one pass over the text, so trying
        a link at every ``(`` of an unbalanced text stays linear.
        """
        memo = self._memo.get("parens")
        if memo is None:
            # Mostly the answer is a few characters on: look there first, and index the
            # whole text only when that takes long (an unbalanced text, tried at every "(").
            depth = 0
            for seen, m in enumerate(_PAREN_OR_WS_QUOTE.finditer(self.string, start + 1)):
                if seen == 32:
                    break
                ch = m.group()
                if ch == "(":
                    depth += 1
                elif ch == ")":
                    if depth == 0:
                        return m.start(), True
                    depth -= 1
                else:
                    return m.start(), False
            else:
                return None
            closing: dict[int, int] = {}
            ws_quote: list[int] = []
            opened: list[int] = []
            for m in _PAREN_OR_WS_QUOTE.finditer(self.string):
                ch = m.group()
                if ch == "(":
                    opened.append(m.start())
                elif ch == ")":
                    if opened:
                        closing[opened.pop()] = m.start()
                else:
                    ws_quote.append(m.start())
            memo = self._memo["parens"] = (closing, ws_quote)
        closing, ws_quote = memo
        close = closing.get(start)
        k = bisect.bisect_right(ws_quote, start)
        ws = ws_quote[k] if k < len(ws_quote) else None
        if close is not None and (ws is None or close < ws):
            return close, True
        if ws is not None:
            return ws, False
        return None

    # -- positions ---------------------------------------------------------------------------
    def save_pos(self) -> tuple[int, int, int]:
        return (self.pos, self._line_pos, self._line_no)

    def revert_pos(self, saved: tuple[int, int, int]) -> None:
        self.pos, self._line_pos, self._line_no = saved

    def current_line_number(self) -> int:
        """Line number of the cursor, counted incrementally (called once per block).

        Like kramdown, a newline right at the cursor already counts as passed.
        """
        end = self.pos + 1
        if end < self._line_pos:
            self._line_pos = 0
            self._line_no = self.start_line
        if end > self._line_pos:
            self._line_no += self.string.count("\n", self._line_pos, end)
            self._line_pos = end if self.pos < self._len else self.pos
        return self._line_no

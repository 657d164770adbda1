"""A state-machine lexer with Rouge's ``RegexLexer`` semantics, for languages where
Pygments' tokens cannot be corrected into Rouge's.

Semantics kept from Rouge 3.30 (lib/rouge/regex_lexer.rb): at each position the current
state's rules are tried in order (mixins expanded in place); a rule whose pattern starts with
``^`` is only tried at the beginning of a line; the first match wins, yields its token(s) and
may push or pop states; when nothing matches one character becomes an error token; more
than five empty matches in a row also count as no match.  Runs of the same token are merged
afterwards (Rouge's ``continue_lex``).  Tokens are Rouge's CSS classes ("" is plain text).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Union

from .. import regex_cache

_WORD_BOUNDARY = re.compile(r"(?<!\\)((?:\\\\)*)\\([bB])")
# "(", "(?:", "(?<name>", "(?=", "(?!" at the start of a pattern: still at the cursor.
_OPENING_GROUPS = re.compile(r"(?:\((?:\?:|\?P?<[A-Za-z_]\w*>|\?=|\?!)?)*")

Action = Callable[["LexRun", "re.Match[str]"], None]


def rx(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Ruby regex semantics: ``^``/``$`` per line, ASCII ``\\w\\s\\d``, Unicode ``\\b``.

    A leading ``\\A`` is dropped and a leading ``\\b`` looks only ahead: Rouge's scanner
    treats the cursor as the start of the text, and rules are always matched at the cursor.
    """
    if pattern.startswith("\\A"):
        pattern = pattern[2:]
    # Rouge's scanner sees nothing before the cursor: a word boundary tested at the cursor
    # (leading, or only behind opening groups and lookaheads) depends on the next character
    # alone.  (For the same reason a leading negative lookbehind always succeeds in Rouge;
    # the lexers here leave those out.)
    head = _OPENING_GROUPS.match(pattern).end()
    if pattern.startswith("\\b", head):
        pattern = pattern[:head] + "(?=(?u:\\w))" + pattern[head + 2:]
    elif pattern.startswith("\\B", head):
        pattern = pattern[:head] + "(?!(?u:\\w))" + pattern[head + 2:]
    if "\\b" in pattern or "\\B" in pattern:
        pattern = _WORD_BOUNDARY.sub(r"\1(?u:\\\2)", pattern)
    return regex_cache.compile(pattern, re.M | re.A | flags)


def feed_embedded(run: LexRun, key: str, lexer: RegexLexer, text: str) -> None:
    """Lex ``text`` with another lexer whose state, kept under ``key``, carries over between
    calls (Rouge's ``delegate`` to a lexer instance); its tokens join ``run``'s."""
    inner = run.vars.get(key)
    if inner is None:
        inner = run.vars[key] = lexer.new_run()
    inner.tokens = []
    lexer.feed(inner, text)
    run.tokens.extend(inner.tokens)


def delegate(key: str, lexer: RegexLexer) -> Action:
    """An action handing the whole match to :func:`feed_embedded`."""
    return lambda run, m: feed_embedded(run, key, lexer, m.group())


def then(token: str | None = None, *, goto: str | None = None, push: Sequence[str] = (),
         pop: int = 0) -> Action:
    """An action: yield the whole match as ``token``, then pop, go to, or push states."""
    def action(run: LexRun, m: re.Match[str]) -> None:
        if token is not None:
            run.token(token, m.group())
        if pop:
            run.pop(pop)
        if goto is not None:
            run.goto(goto)
        for state in push:
            run.push(state)
    return action


@dataclass(frozen=True, slots=True)
class Rule:
    """``pattern`` -> ``token`` (a class, or a tuple of classes for groups) or ``action``;
    then ``next_state``: a state name to push, "#pop", "#push", or None."""

    pattern: re.Pattern[str]
    token: str | tuple[str, ...] | None = None
    next_state: str | None = None
    action: Action | None = None

    @property
    def at_line_start(self) -> bool:
        return self.pattern.pattern.startswith("^")


@dataclass(frozen=True, slots=True)
class Mixin:
    state: str


StateRules = Sequence[Union[Rule, Mixin]]


@dataclass(slots=True)
class LexRun:
    """The state of one lexing run, handed to rule actions."""

    text: str
    states: dict[str, StateRules]
    stack: list[str] = field(default_factory=lambda: ["root"])
    tokens: list[tuple[str, str]] = field(default_factory=list)
    vars: dict[str, str] = field(default_factory=dict)

    def token(self, css: str, value: str | None) -> None:
        if value:
            self.tokens.append((css, value))

    def push(self, state: str | None = None) -> None:
        self.stack.append(state or (self.stack[-1] if self.stack else "root"))

    def reset(self) -> None:
        self.stack[:] = ["root"]

    def goto(self, state: str) -> None:
        if self.stack:
            self.stack[-1] = state
        else:
            self.stack.append(state)

    def pop(self, times: int = 1) -> None:
        del self.stack[-times:]


class RegexLexer:
    """A lexer defined by ``states`` (name -> rules); ``root`` is the start state."""

    def __init__(self, states: dict[str, StateRules],
                 start: Sequence[str] = ("root",)) -> None:
        self.states = states
        self.start = tuple(start)

    def lex(self, text: str) -> list[tuple[str, str]]:
        run = self.new_run()
        self.feed(run, text)
        return merge_runs(run.tokens)

    def new_run(self) -> LexRun:
        """A fresh lexing state (Rouge's ``reset!``), to :meth:`feed` text into."""
        return LexRun("", self.states, list(self.start))

    def feed(self, run: LexRun, text: str) -> None:
        """Lex ``text`` starting from ``run``'s state (Rouge's ``continue_lex``); the tokens
        are appended to ``run.tokens``."""
        run.text = text
        pos = 0
        null_steps = 0
        n = len(text)
        while pos < n:
            if not run.stack:  # Rouge raises on an empty stack; keep the rest as text
                run.stack = list(self.start)
                run.token("", text[pos:])
                break
            end = self._step(run, run.stack[-1], pos)
            if end is not None and end == pos:
                null_steps += 1
                if null_steps > 5:  # Rouge's MAX_NULL_SCANS: treated as no match
                    end = None
            elif end is not None:
                null_steps = 0
            if end is None:
                run.token("err", text[pos])
                pos += 1
            else:
                pos = end

    def _prepared(self, state: str) -> list[tuple[Any, bool, Any]]:
        """The state's rules as (bound match, line-start only, rule), or (None, False,
        mixin); rebuilt if a lexer replaced the state's rules while lexing."""
        rules = self.states[state]
        cache = self.__dict__.setdefault("_prepared_cache", {})
        entry = cache.get(state)
        if entry is None or entry[0] is not rules:
            prepared = [(None, False, r) if isinstance(r, Mixin)
                        else (r.pattern.match, r.pattern.pattern.startswith("^"), r)
                        for r in rules]
            entry = cache[state] = (rules, prepared)
        return entry[1]

    def _step(self, run: LexRun, state: str, pos: int) -> int | None:
        text = run.text
        bol = pos == 0 or text[pos - 1] == "\n"
        for match, bol_only, rule in self._prepared(state):
            if match is None:
                found = self._step(run, rule.state, pos)
                if found is not None:
                    return found
                continue
            if bol_only and not bol:
                continue
            m = match(text, pos)
            if m is None:
                continue
            self._apply(run, rule, m)
            return m.end()
        return None

    @staticmethod
    def _apply(run: LexRun, rule: Rule, m: re.Match[str]) -> None:
        if rule.action is not None:
            rule.action(run, m)
        elif isinstance(rule.token, tuple):
            for i, css in enumerate(rule.token, start=1):
                run.token(css, m.group(i))
        elif rule.token is not None:
            run.token(rule.token, m.group())
        nxt = rule.next_state
        if nxt == "#pop":
            run.pop()
        elif nxt == "#push":
            run.push()
        elif nxt is not None:
            run.push(nxt)


def merge_runs(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for css, value in tokens:
        if out and out[-1][0] == css:
            out[-1] = (css, out[-1][1] + value)
        else:
            out.append((css, value))
    return out

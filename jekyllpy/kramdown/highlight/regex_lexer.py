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
from dataclasses import dataclass
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


def ruby_ci(text: str) -> str:
    """``text`` (words and regex syntax, no character classes) matched as Ruby's /i
    matches it: each ASCII letter becomes a class of both cases, with U+017F for ``s`` and
    U+212A for ``k``, which Ruby folds into them (Python's ASCII folding does not)."""
    extra = {"s": "\u017f", "k": "\u212a"}
    out = []
    escaped = False
    for ch in text:
        if escaped or not ("a" <= ch.lower() <= "z"):
            out.append(ch)
            escaped = not escaped and ch == "\\"
            continue
        out.append(f"[{ch.lower()}{ch.upper()}{extra.get(ch.lower(), '')}]")
    return "".join(out)


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


def indentation(run: LexRun, indent: str) -> None:
    """A line of an indentation-structured language starts with ``indent`` (Rouge's
    ``Indentation`` module): push the block state a line set up with :func:`starts_block` if
    this line is indented deeper than that line, else ``content`` (forgetting the block)."""
    run.vars["last_indent"] = indent
    block_state = run.vars.get("block_state")
    block_indent = run.vars.get("block_indent")
    if block_state and indent.startswith(block_indent) and indent != block_indent:
        run.push(block_state)
    else:
        run.vars["block_state"] = run.vars["block_indent"] = None
        run.push("content")


def starts_block(run: LexRun, state: str) -> None:
    """Lines indented deeper than the current one are lexed in ``state``."""
    run.vars["block_state"] = state
    run.vars["block_indent"] = run.vars.get("last_indent") or ""


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


class LexRun:
    """The state of one lexing run, handed to rule actions.

    (A plain class with slots: ``dataclass(slots=True)`` builds the class twice, and the
    discarded first one is cyclic garbage left for the collector whenever this module is
    first imported, which now happens during a conversion.)"""

    __slots__ = ("text", "states", "stack", "tokens", "vars")

    def __init__(self, text: str, states: dict[str, StateRules],
                 stack: list[str] | None = None) -> None:
        self.text = text
        self.states = states
        self.stack: list[str] = ["root"] if stack is None else stack
        self.tokens: list[tuple[str, str]] = []
        self.vars: dict[str, Any] = {}

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
            state = run.stack[-1]
            end = self._step(run, state, pos)
            if end is not None and end == pos:
                null_steps += 1
                if null_steps > 5:  # Rouge's MAX_NULL_SCANS
                    end = self._past_null_limit(run, state, pos)
                    if end is not None:
                        null_steps = 0
            elif end is not None:
                null_steps = 0
            if end is None:
                run.token("err", text[pos])
                pos += 1
            else:
                pos = end

    def _past_null_limit(self, run: LexRun, state: str, pos: int) -> int | None:
        """A rule matched nothing once too often (its action has run).  Rouge then treats
        the mixin holding that rule as not matching and goes on with the rules after it in
        ``state``'s list (as it was when the step began), each further empty match ending
        its own mixin the same way; a rule outside any mixin, or no rule left, fails the
        step.  Returns the new position, or None when the step fails."""
        flat, ends = self._flat(state)
        text = run.text
        i = next(k for k, rule in enumerate(flat) if rule.pattern.match(text, pos))
        while True:
            resume = ends[i]
            if resume is None:
                return None
            for i in range(resume, len(flat)):
                m = flat[i].pattern.match(text, pos)
                if m is not None:
                    self._apply(run, flat[i], m)
                    if m.end() != pos:
                        return m.end()
                    break
            else:
                return None

    def _flat(self, state: str) -> tuple[list[Rule], list[int | None]]:
        """The state's rules with mixins expanded, and for each the index just past the
        innermost mixin holding it (None for the state's own rules)."""
        cache = self.__dict__.setdefault("_flats", {})
        entry = cache.get(state)
        if entry is None:
            flat: list[Rule] = []
            ends: list[int | None] = []
            _expand_with_ends(self.states, state, flat, ends, None)
            entry = cache[state] = (flat, ends)
        return entry

    def _plan(self, state: str) -> list[tuple[Any, Any]]:
        """How to try the state's rules (mixins expanded in place, as Rouge does).

        Runs of rules become one pattern: their patterns as alternatives, each in its own
        group, so one match at the cursor finds the first rule in order that matches
        (``lastindex`` names it) without a Python loop over them.  A rule whose pattern
        refers to its own groups (backreferences, conditionals) cannot be renumbered and is
        tried alone, in its place.  Rebuilt when a lexer replaces the state's rules while
        lexing (the Markdown lexer does, per code fence); mixin states are never replaced.
        """
        cache = self.__dict__.setdefault("_plans", {})
        entry = cache.get(state)
        rules = self.states[state]
        if entry is not None and entry[0] is rules:
            return entry[1]
        flat: list[Rule] = []
        _expand_mixins(self.states, state, flat)
        plan: list[tuple[Any, Any]] = []
        pending: list[Rule] = []

        def flush() -> None:
            combined = _combined(pending) if len(pending) > 1 else None
            if combined is not None:
                plan.append(combined)
            else:
                plan.extend((r.pattern.match, r) for r in pending)
            pending.clear()
        for rule in flat:
            if _SELF_REFERENCE.search(rule.pattern.pattern) or rule.pattern.flags & re.L:
                flush()
                plan.append((rule.pattern.match, rule))
            else:
                pending.append(rule)
        flush()
        cache[state] = (rules, plan)
        return plan

    def _step(self, run: LexRun, state: str, pos: int) -> int | None:
        text = run.text
        for match, target in self._plan(state):
            m = match(text, pos)
            if m is None:
                continue
            if target.__class__ is not dict:  # a rule tried alone
                self._apply(run, target, m)
                return m.end()
            group = m.lastindex
            rule = target[group]
            if rule.action is not None:
                m = rule.pattern.match(text, pos)  # actions get the rule's own match
                self._apply(run, rule, m)
                return m.end()
            token = rule.token
            if isinstance(token, tuple):  # the rule's groups follow its wrapping group
                for i, css in enumerate(token, start=group + 1):
                    run.token(css, m.group(i))
            elif token is not None:
                run.token(token, m.group(group))
            self._after(run, rule.next_state)
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
        RegexLexer._after(run, rule.next_state)

    @staticmethod
    def _after(run: LexRun, nxt: str | None) -> None:
        if nxt is None:
            return
        if nxt == "#pop":
            run.pop()
        elif nxt == "#push":
            run.push()
        elif nxt is not None:
            run.push(nxt)


_SELF_REFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")
_SCOPED = {re.I: "i", re.S: "s", re.X: "x"}


def _combined(rules: Sequence[Rule]) -> tuple[Callable[..., Any], dict[int, Rule]] | None:
    """One pattern trying ``rules`` in order, and the rule for each wrapping group's
    number; None if the patterns do not combine (say, two define the same group name)."""
    parts: list[str] = []
    by_group: dict[int, Rule] = {}
    group = 1
    for rule in rules:
        pattern = rule.pattern
        on = "".join(letter for flag, letter in _SCOPED.items() if pattern.flags & flag)
        off = "" if pattern.flags & re.M else "-m"
        mode = "" if pattern.flags & re.A else "u"
        flags = f"?{mode}{on}{off}:" if (on or off or mode) else "?:"
        parts.append(f"(({flags}{pattern.pattern}))")
        by_group[group] = rule
        group += 1 + pattern.groups
    try:
        combined = regex_cache.compile("|".join(parts), re.M | re.A)
    except (re.error, OverflowError, RecursionError):
        return None
    return combined.match, by_group


def merge_runs(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for css, value in tokens:
        if out and out[-1][0] == css:
            out[-1] = (css, out[-1][1] + value)
        else:
            out.append((css, value))
    return out


def _expand_mixins(states: dict[str, list[Any]], name: str, flat: list[Rule]) -> None:
    """The state's rules in order, each mixin replaced by its state's rules.  (A module
    function: a recursive closure is a reference cycle, freed only by the collector.)"""
    for rule in states[name]:
        if isinstance(rule, Mixin):
            _expand_mixins(states, rule.state, flat)
        else:
            flat.append(rule)


def _expand_with_ends(states: dict[str, list[Any]], name: str, flat: list[Rule],
                      ends: list[int | None], frame: list[int] | None) -> None:
    """As :func:`_expand_mixins`, also recording for each rule the end of the innermost
    mixin holding it (``frame`` collects the rules directly in the mixin being expanded;
    their ends are filled in once it is)."""
    for rule in states[name]:
        if isinstance(rule, Mixin):
            inner: list[int] = []
            _expand_with_ends(states, rule.state, flat, ends, inner)
            for k in inner:
                ends[k] = len(flat)
        else:
            if frame is not None:
                frame.append(len(flat))
            flat.append(rule)
            ends.append(None)

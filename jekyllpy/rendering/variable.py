"""The markup of a Liquid variable read the way Liquid 5.4 reads it under Jekyll 4.3.

A *variable* is what ``{{ ... }}``, ``{% echo ... %}`` and the right-hand side of
``{% assign %}`` hold: an expression followed by filters.  python-liquid's own parser for it
differs from Ruby's in what it accepts (``empty``/``blank`` as filter arguments, numeric
literals such as ``1.0e+16``) and in what a refused markup becomes (python-liquid drops the
whole statement; Ruby falls back to its regular-expression "lax" reading).  This module
reads the markup as Ruby does and builds python-liquid expression objects, so evaluation
stays python-liquid's:

1. the strict reading: a small lexer (identifiers, quoted strings, numbers ``-?\\d+(\\.\\d+)?``,
   comparison operators, ``..`` and single-character punctuation; anything else is an
   "Unexpected character") and a grammar ``expression (| name (: argument (, argument)*)?)*``.
   Like Ruby, it produces the *text* of each expression, which is then read by
2. :func:`expression`, Ruby's ``Expression.parse`` of a text: a quoted string, an integer
   ``-?\\d+``, a range ``(a..b)``, a "float" ``-?\\d[\\d.]+`` (read with ``String#to_f``, so
   ``1.2.3`` is 1.2), ``nil``/``null``/``true``/``false``, ``empty``/``blank`` (Jekyll's
   method literals: they print as nothing and compare as emptiness), else a variable
   lookup, split into segments by ``\\[[^\\]]+\\]|[\\w-]+\\??`` (so ``1.0e+16`` looks up the
   variable ``1`` then ``0e`` then ``16``: nil).
3. When the strict reading fails: ``error_mode: strict`` raises; ``warn`` warns and
   ``lax`` stays silent, and both use the lax reading: the first quoted fragment is the
   expression, then each ``|``-separated part gives a filter named by its first word and
   arguments found after ``:`` or ``,``.

Character classes are ASCII, as in Ruby's regular expressions (``\\w`` does not match ``é``).
"""

from __future__ import annotations

import re
import warnings
from typing import Any

from liquid import Mode
from liquid.builtin.expressions import FilteredExpression
from liquid.builtin.expressions.arguments import KeywordArgument, PositionalArgument
from liquid.builtin.expressions.filtered import Filter
from liquid.builtin.expressions.path import Path
from liquid.builtin.expressions.primitive import (
    Blank,
    Empty,
    FalseLiteral,
    FloatLiteral,
    IntegerLiteral,
    Nil,
    StringLiteral,
    TrueLiteral,
)
from liquid.exceptions import (FilterArgumentError, LiquidSyntaxError, LiquidSyntaxWarning,
                               LiquidTypeError)
from liquid.expression import Expression
from liquid.token import Token

from . import ruby
from .ruby import is_undefined

__all__ = ["parse_variable", "expression", "RubySyntaxError"]

_A = re.ASCII

# --------------------------------------------------------------------------- strict

_TOKEN_RULES = re.compile(
    r"(?P<comparison>==|!=|<>|<=?|>=?|contains(?=\s))"
    r"|(?P<string>'[^']*'|\"[^\"]*\")"
    r"|(?P<number>-?\d+(?:\.\d+)?)"
    r"|(?P<id>[a-zA-Z_][\w-]*\??)"
    r"|(?P<dotdot>\.\.)", _A)
_SPACE = re.compile(r"\s*", _A)
_PUNCTUATION = {"|": "pipe", ".": "dot", ":": "colon", ",": "comma", "[": "open_square",
                "]": "close_square", "(": "open_round", ")": "close_round",
                "?": "question", "-": "dash"}
_END = "end_of_string"


class RubySyntaxError(Exception):
    """The strict reading refused the markup (Ruby's message, without context)."""


def _tokens(markup: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    pos, n = 0, len(markup)
    while True:
        pos = _SPACE.match(markup, pos).end()  # type: ignore[union-attr]
        if pos >= n:
            break
        m = _TOKEN_RULES.match(markup, pos)
        if m:
            out.append((m.lastgroup or "", m.group()))
            pos = m.end()
            continue
        ch = markup[pos]
        kind = _PUNCTUATION.get(ch)
        if kind is None:
            raise RubySyntaxError(f"Unexpected character {ch}")
        out.append((kind, ch))
        pos += 1
    out.append((_END, ""))
    return out


def _token_inspect(token: tuple[str, str]) -> str:
    if token[0] == _END:
        return "[:end_of_string]"
    return f"[:{token[0]}, {ruby.inspect_string(token[1])}]"


class _Strict:
    """Ruby's strict reading: each method returns the text it consumed, normalised."""

    def __init__(self, markup: str) -> None:
        self.tokens = _tokens(markup)
        self.pos = 0

    def look(self, kind: str, ahead: int = 0) -> bool:
        i = self.pos + ahead
        return i < len(self.tokens) and self.tokens[i][0] == kind

    def consume(self, kind: str | None = None) -> str:
        token = self.tokens[self.pos]
        if kind is not None and token[0] != kind:
            raise RubySyntaxError(f"Expected {kind} but found {token[0]}")
        self.pos += 1
        return token[1]

    def accept(self, kind: str) -> bool:
        if self.look(kind):
            self.pos += 1
            return True
        return False

    def expression(self) -> str:
        kind = self.tokens[self.pos][0]
        if kind == "id":
            return self.consume() + self.lookups()
        if kind == "open_square":
            text = self.consume() + self.expression() + self.consume("close_square")
            return text + self.lookups()
        if kind in ("string", "number"):
            return self.consume()
        if kind == "open_round":
            self.consume()
            first = self.expression()
            self.consume("dotdot")
            last = self.expression()
            self.consume("close_round")
            return f"({first}..{last})"
        raise RubySyntaxError(f"{_token_inspect(self.tokens[self.pos])} is not a valid "
                              "expression")

    def lookups(self) -> str:
        parts = []
        while True:
            if self.look("open_square"):
                parts.append(self.consume() + self.expression() + self.consume("close_square"))
            elif self.look("dot"):
                parts.append(self.consume() + self.consume("id"))
            else:
                return "".join(parts)

    def argument(self) -> str:
        prefix = ""
        if self.look("id") and self.look("colon", 1):
            prefix = self.consume() + self.consume() + " "
        return prefix + self.expression()

    def variable(self) -> tuple[str | None, list[tuple[str, list[str]]]]:
        if self.look(_END):
            return None, []
        name = self.expression()
        filters = []
        while self.accept("pipe"):
            filter_name = self.consume("id")
            args = []
            if self.accept("colon"):
                args.append(self.argument())
                while self.accept("comma"):
                    args.append(self.argument())
            filters.append((filter_name, args))
        self.consume(_END)
        return name, filters


# --------------------------------------------------------------------------- lax

_QUOTED = r"\"[^\"]*\"|'[^']*'"
_FRAGMENT = rf"(?:{_QUOTED}|(?:[^\s,|'\"]|{_QUOTED})+)"
_LAX_NAME = re.compile(rf"({_FRAGMENT})(.*)", _A | re.S)
_LAX_FILTERS = re.compile(r"\|\s*(.*)", _A | re.S)
_LAX_FILTER_PARTS = re.compile(rf"(?:\s+|{_FRAGMENT}|,)+", _A)
_LAX_ARGS = re.compile(rf"[:,]\s*((?:\w+\s*:\s*)?{_FRAGMENT})", _A)
_WORD = re.compile(r"\w+", _A)
_KEYWORD_ARG = re.compile(rf"(\w[\w-]*)\s*:\s*({_FRAGMENT})", _A)


def _lax(markup: str) -> tuple[str | None, list[tuple[str, list[str]]]]:
    m = _LAX_NAME.search(markup)
    if not m:
        return None, []
    filters = []
    rest = _LAX_FILTERS.search(m.group(2))
    if rest:
        for part in _LAX_FILTER_PARTS.findall(rest.group(1)):
            word = _WORD.search(part)
            if word:
                filters.append((word.group(), _LAX_ARGS.findall(part)))
    return m.group(1), filters


# --------------------------------------------------------------------------- expressions

_INTEGER = re.compile(r"-?\d+", _A)
_RANGE = re.compile(r"\(\s*(?>(\S+)\s*\.\.)\s*(\S+)\s*\)", _A)
_FLOAT = re.compile(r"-?\d[\d.]+", _A)
_FLOAT_PREFIX = re.compile(r"-?\d+(?:\.\d+)?", _A)
_SEGMENTS = re.compile(r"\[[^\]]+\]|[\w-]+\??", _A)
_STRIP = " \t\n\v\f\r\0"


class RubyPath(Path):
    """A variable lookup.  Bracketed segments may be any expression (a literal float,
    ``nil``, another lookup, ...), evaluated before the lookup; ``size``, ``first`` and
    ``last`` are commands only when written with a dot (``a["size"]`` is a key)."""

    __slots__ = ("keys", "dynamic", "plain", "direct", "rest")

    def __init__(self, token: Token, path: list[Any], keys: frozenset[int]) -> None:
        super().__init__(token, path)
        #: indexes of the segments written in brackets
        self.keys = keys
        #: whether a segment is an expression to evaluate first
        self.dynamic = any(isinstance(p, Expression) for p in path)
        #: whether python-liquid's lookup gives Ruby's answer whatever the values are
        self.plain = not any(i in keys and (isinstance(path[i], Expression)
                                            or path[i] in _COMMANDS)
                             for i in range(1, len(path)))
        #: whether every segment is a name that python-liquid looks up as ``obj[name]``
        #: (no command, no number, no expression): then :meth:`evaluate` does so itself
        self.direct = all(type(p) is str and p not in _COMMANDS for p in path[1:]) and \
            bool(path) and type(path[0]) is str
        self.rest = tuple(path[1:])

    def evaluate(self, context: Any) -> object:
        if self.direct:
            # the usual ``post.title``: python-liquid's lookup, without its generality
            try:
                obj = context.scope[self.path[0]]
                for key in self.rest:
                    obj = obj[key]
                return obj
            except (KeyError, TypeError, IndexError):
                pass  # missing: the general lookup makes the undefined value (and message)
            return context.get(self.path, token=self.token)
        if not self.dynamic:
            values = self.path
        else:
            values = [p.evaluate(context) if isinstance(p, Expression) else p
                      for p in self.path]
        if self.plain or not any(i in self.keys and values[i] in _COMMANDS
                                 for i in range(1, len(values))):
            return context.get(values, token=self.token)
        obj = context.get(values[:1], token=self.token)
        for i in range(1, len(values)):
            if is_undefined(obj):
                return obj
            try:
                if i in self.keys and values[i] in _COMMANDS:
                    obj = obj[values[i]]
                else:
                    obj = context.get_item(obj, values[i])
            except (KeyError, TypeError, IndexError):
                return context.env.undefined(str(values[0]), hint="undefined", token=self.token)
        return obj

    async def evaluate_async(self, context: Any) -> object:
        return self.evaluate(context)


_COMMANDS = ("size", "first", "last")


def _range_bound(value: Any) -> int:
    """``RangeLookup``'s integer of a bound: integers as they are, nil and strings by
    ``to_i``, anything else by ``Integer(to_s)`` (``invalid integer`` otherwise)."""
    if value is None:
        return 0
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str):
        return ruby.string_to_i(value)
    return ruby.to_integer(value)


class RubyRange(Expression):
    """``(a..b)``: a Python range standing for Ruby's ``a..b`` (empty when b < a, but
    still printed as ``a..b``)."""

    __slots__ = ("start", "stop")

    def __init__(self, token: Token, start: Expression, stop: Expression) -> None:
        super().__init__(token)
        self.start = start
        self.stop = stop

    def __str__(self) -> str:
        return f"({self.start}..{self.stop})"

    def evaluate(self, context: Any) -> range:
        start = _range_bound(ruby.liquid_value(_plain(self.start.evaluate(context))))
        stop = _range_bound(ruby.liquid_value(_plain(self.stop.evaluate(context))))
        return range(start, stop + 1)

    async def evaluate_async(self, context: Any) -> range:
        return self.evaluate(context)

    def children(self) -> list[Expression]:
        return [self.start, self.stop]


def _plain(value: Any) -> Any:
    return None if is_undefined(value) else value


_LITERALS = (StringLiteral, IntegerLiteral, FloatLiteral, Nil, TrueLiteral, FalseLiteral,
             Empty, Blank)


def _literal_to_i(expr: Expression) -> int:
    """``to_i`` of a literal range bound (Ruby has none for true, false and empty)."""
    if isinstance(expr, StringLiteral):
        return ruby.string_to_i(expr.value)
    if isinstance(expr, (IntegerLiteral, FloatLiteral)):
        return int(expr.value)
    if isinstance(expr, Nil):
        return 0
    raise ruby.RubyArgumentError(f"undefined method `to_i' for {expr}")


def _segment(expr: Expression) -> Any:
    if isinstance(expr, StringLiteral):
        return expr.value
    if isinstance(expr, IntegerLiteral):
        return expr.value
    return expr


def _lookup(markup: str, token: Token) -> Expression:
    parts = _SEGMENTS.findall(markup)
    if not parts:
        return Nil(token)
    segments: list[Any] = []
    keys = set()
    for i, part in enumerate(parts):
        if part.startswith("[") and part.endswith("]"):
            segments.append(_segment(expression(part[1:-1], token)))
            keys.add(i)
        else:
            segments.append(part)
    return RubyPath(token, segments, frozenset(keys))


def expression(markup: str | None, token: Token) -> Expression:
    """Ruby Liquid's ``Expression.parse`` of one expression's text (Jekyll's version, where
    ``empty`` and ``blank`` are method literals)."""
    if markup is None:
        return Nil(token)
    text = markup.strip(_STRIP)
    if len(text) >= 1 and (text[0] == text[-1] == '"' or text[0] == text[-1] == "'") \
            and (len(text) >= 2 or text in "\"'"):
        return StringLiteral(token, text[1:-1])
    if _INTEGER.fullmatch(text):
        return IntegerLiteral(token, int(text))
    m = _RANGE.fullmatch(text)
    if m:
        start, stop = expression(m.group(1), token), expression(m.group(2), token)
        if isinstance(start, _LITERALS) and isinstance(stop, _LITERALS):
            # Bounds known when parsing: Ruby makes the range there, with to_i.
            return RubyRange(token, IntegerLiteral(token, _literal_to_i(start)),
                             IntegerLiteral(token, _literal_to_i(stop)))
        return RubyRange(token, start, stop)
    if _FLOAT.fullmatch(text):
        return FloatLiteral(token, float(_FLOAT_PREFIX.match(text).group()))  # type: ignore[union-attr]
    if text in ("", "nil", "null"):
        return Nil(token)
    if text == "true":
        return TrueLiteral(token)
    if text == "false":
        return FalseLiteral(token)
    if text == "empty":
        return Empty(token)
    if text == "blank":
        return Blank(token)
    return _lookup(text, token)


class RubyFilter(Filter):
    """One filter of a variable: python-liquid's, called without the ``functools.partial``
    its context makes for every call of a filter that takes the context (Jekyll's
    ``relative_url``, ``date``, ...); anything unusual (an unknown filter, one taking the
    environment) goes its way."""

    __slots__ = ()

    def evaluate(self, left: object, context: Any) -> object:
        func = context.env.filters.get(self.name)
        if func is None or getattr(func, "with_environment", False):
            return super().evaluate(left, context)
        positional, keywords = self.evaluate_args(context) if self.args else ((), {})
        try:
            if getattr(func, "with_context", False):
                return func(left, *positional, context=context, **keywords)
            return func(left, *positional, **keywords)
        except TypeError as err:
            raise LiquidTypeError(f"{self.name}: {err}", token=self.token) from err
        except (LiquidTypeError, FilterArgumentError) as err:
            err.token = self.token
            raise err


def _filter(name: str, args: list[str], token: Token) -> Filter:
    arguments: list[KeywordArgument | PositionalArgument] = []
    for arg in args:
        m = _KEYWORD_ARG.fullmatch(arg)
        if m:
            arguments.append(KeywordArgument(token, m.group(1), expression(m.group(2), token)))
        else:
            arguments.append(PositionalArgument(expression(arg, token)))
    return RubyFilter(token, name, arguments)


def syntax_warning(env: Any, message: str, token: Token) -> None:
    """Warn ``message`` (error_mode warn), or keep it until the template being parsed has
    parsed: Jekyll prints a template's warnings only when the whole template parses (see
    ``JekyllEnvironment._parse``)."""
    text = str(LiquidSyntaxError(message, token=token))
    pending = getattr(env, "pending_warnings", None)
    if pending is not None:
        pending.append(text)
    else:
        warnings.warn(text, category=LiquidSyntaxWarning, stacklevel=3)


def parse_variable(env: Any, markup: str, token: Token) -> Expression:
    """The expression of a variable's markup (``{{ markup }}``), read by the environment's
    ``error_mode`` (``env.mode``): strict raises ``LiquidSyntaxError`` on markup Ruby's
    strict parser refuses, warn warns (``LiquidSyntaxWarning``) and reads it laxly, lax
    reads it laxly."""
    try:
        name, filters = _Strict(markup).variable()
    except RubySyntaxError as err:
        message = f"{err} in \"{{{{{markup}}}}}\""
        if env.mode == Mode.STRICT:
            raise LiquidSyntaxError(message, token=token) from None
        if env.mode == Mode.WARN:
            syntax_warning(env, message, token)
        name, filters = _lax(markup)
    left = expression(name, token)
    return FilteredExpression(token, left, [_filter(n, a, token) for n, a in filters])

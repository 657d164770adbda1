"""Liquid's ``<``, ``>``, ``<=``, ``>=`` in conditions, compared as Ruby compares.

Liquid 5.4 sends the operator to the left value when both values have it (numbers,
strings, times, dates; never hashes), so two times or two dates compare, and an
incomparable pair that both have it (a time and a date, a number and a string) raises
Ruby's ``comparison of X with Y failed``; when either value lacks the operator (nil,
booleans, arrays, hashes, drops, ``empty``), the condition is simply false.
python-liquid compares only numbers and strings, treats booleans as numbers and
raises for two times; :func:`ruby_conditions` swaps its comparison nodes for
:class:`RubyComparison`.
"""

from __future__ import annotations

import datetime as _dt
import math
import operator
from decimal import Decimal
from typing import Any

from liquid.builtin.expressions.logical import (
    BooleanExpression,
    GeExpression,
    GtExpression,
    LeExpression,
    LogicalAndExpression,
    LogicalNotExpression,
    LogicalOrExpression,
    LtExpression,
)
from liquid.expression import Expression
from liquid.token import Token

from . import ruby
from .ruby import RubyArgumentError, is_undefined

__all__ = ["ruby_conditions", "ruby_compare", "RubyComparison"]

_OPERATORS = {"<": operator.lt, ">": operator.gt, "<=": operator.le, ">=": operator.ge}
_NODES = {LtExpression: "<", GtExpression: ">", LeExpression: "<=", GeExpression: ">="}
_NUMBERS = (int, float, Decimal)
_FIXNUM = 2 ** 62


def _ruby_class(value: Any) -> str:
    if isinstance(value, bool):
        return "TrueClass" if value else "FalseClass"
    if isinstance(value, int):
        return "Integer"
    if isinstance(value, (float, Decimal)):
        return "Float"
    if isinstance(value, str):
        return "String"
    if isinstance(value, _dt.datetime):
        return "Time"
    if isinstance(value, _dt.date):
        return "Date"
    if value is None:
        return "NilClass"
    if isinstance(value, (list, tuple)):
        return "Array"
    return "Hash"


def _described(value: Any) -> str:
    """How Ruby's comparison error names the right-hand value: small integers, floats,
    nil, true and false by ``inspect``, anything else by its class."""
    if value is None or isinstance(value, bool) or isinstance(value, float) \
            or isinstance(value, int) and -_FIXNUM <= value < _FIXNUM:
        return ruby.inspect(value)
    return _ruby_class(value)


def _comparable(value: Any) -> bool:
    """Whether a Ruby value of this kind has ``<`` (Comparable or Numeric)."""
    if isinstance(value, bool):
        return False
    return isinstance(value, (*_NUMBERS, str, _dt.date))


def ruby_compare(op: str, left: Any, right: Any) -> Any:
    """``left op right`` as Liquid 5.4's Condition evaluates it (None where Ruby gives nil)."""
    left = None if is_undefined(left) else ruby.liquid_value(left)
    right = None if is_undefined(right) else ruby.liquid_value(right)
    if not (_comparable(left) and _comparable(right)):
        return None
    if isinstance(left, _NUMBERS) and isinstance(right, _NUMBERS):
        if any(isinstance(v, float) and math.isnan(v) for v in (left, right)):
            return False
        return _OPERATORS[op](left, right)
    if isinstance(left, str) and isinstance(right, str):
        return _OPERATORS[op](left.encode("utf-8"), right.encode("utf-8"))
    if isinstance(left, _dt.datetime) and isinstance(right, _dt.datetime):
        return _OPERATORS[op](left, right)
    if isinstance(left, _dt.date) and isinstance(right, _dt.date) \
            and not isinstance(left, _dt.datetime) and not isinstance(right, _dt.datetime):
        return _OPERATORS[op](left, right)
    raise RubyArgumentError(f"comparison of {_ruby_class(left)} with {_described(right)} "
                            "failed")


class RubyComparison(Expression):
    """``left op right`` for op in ``<``, ``>``, ``<=``, ``>=``."""

    __slots__ = ("op", "left", "right")

    def __init__(self, token: Token, op: str, left: Expression, right: Expression) -> None:
        super().__init__(token)
        self.op = op
        self.left = left
        self.right = right

    def __str__(self) -> str:
        return f"{self.left} {self.op} {self.right}"

    def evaluate(self, context: Any) -> Any:
        return ruby_compare(self.op, self.left.evaluate(context), self.right.evaluate(context))

    async def evaluate_async(self, context: Any) -> Any:
        return self.evaluate(context)

    def children(self) -> list[Expression]:
        return [self.left, self.right]


def ruby_conditions(expr: Any) -> Any:
    """``expr`` (a python-liquid condition) with its comparisons made Ruby's."""
    if isinstance(expr, BooleanExpression):
        expr.expression = ruby_conditions(expr.expression)
        return expr
    op = _NODES.get(type(expr))
    if op is not None:
        return RubyComparison(expr.token, op, ruby_conditions(expr.left),
                              ruby_conditions(expr.right))
    if isinstance(expr, (LogicalAndExpression, LogicalOrExpression)):
        expr.left = ruby_conditions(expr.left)
        expr.right = ruby_conditions(expr.right)
    elif isinstance(expr, LogicalNotExpression):
        expr.right = ruby_conditions(expr.right)
    return expr

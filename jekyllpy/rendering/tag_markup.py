"""Liquid 5.4's blocks, and the markup of ``if``/``elsif``/``unless``, ``case``/``when``,
``for``, ``cycle`` and ``capture``, read as Liquid 5.4 reads them.

python-liquid has its own grammar for these tags' markup; Ruby Liquid has two readings
and picks by ``error_mode`` (the variable reader in :mod:`.variable` does the same for
``{{ }}``):

* ``if``/``elsif``/``unless`` and ``for``: in ``strict`` mode the strict parser (the lexer
  and expression grammar of :mod:`.variable`) and nothing else; in ``warn`` mode the strict
  parser, and when it refuses the markup a warning and the lax reading; in ``lax`` mode
  the lax reading only.  The lax readings are regular expressions: for conditions, the
  markup is cut into expressions and ``and``/``or`` words, each expression read as
  ``left [operator] [right]`` (any run of ``=!<>a-z_`` is an operator; one Liquid does not
  know raises ``Unknown operator`` when rendered); for loops, ``var in collection
  [reversed]`` and any ``limit:``/``offset:`` attributes found in the markup.
* ``case``, ``when`` and ``cycle`` have only the regular-expression reading, in every mode.

Block bodies are parsed as Liquid parses them (:func:`parse_body`): a body runs up to a
tag no tag is registered as (``else``, ``when``, ``endif``, a typo) or the template's end,
and the block decides what that tag means: its own end (whose markup is ignored), one of
its branches, or Liquid's error (``Unknown tag``, ``is not a valid delimiter``, ``does not
expect 'else' tag``, ``was never closed``; at the top level ``Unexpected outer``).
``comment`` is such a block that lets unknown tags be; a second ``else`` in ``for`` ends
the loop.  ``capture``, ``tablerow``, ``ifchanged`` and ``liquid`` get the same bodies.

Conditions chain as Ruby's do: ``a and b or c`` is ``a and (b or c)``.  ``==``/``!=``
treat ``empty`` (and ``blank``, which nothing answers in Jekyll) as Ruby's method
literals; ``contains`` is Ruby's; ``<``, ``>``, ``<=``, ``>=`` are :mod:`.conditions`'.

``case`` renders every ``when`` that matches, and an ``else`` when nothing before it
matched; ``for`` slices, reverses and remembers ``offset: continue`` positions as
Liquid's ``For`` does (its ``forloop.name`` is ``var-collection`` as written in the
normalised markup); ``cycle`` groups by name, else by its values (a cycle whose values
include a variable is a group of its own).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, TextIO

from liquid import Mode
from liquid.ast import BlockNode, ConditionalBlockNode, Node
from liquid.builtin.expressions.logical import _eq
from liquid.builtin.expressions.loop import LoopExpression
from liquid.builtin.expressions.primitive import Blank, Empty, Nil, StringLiteral, TrueLiteral
from liquid.builtin.tags.capture_tag import CaptureTag
from liquid.builtin.tags.cycle_tag import CycleNode
from liquid.builtin.tags.ifchanged_tag import IfChangedTag
from liquid.builtin.tags.liquid_tag import LiquidTag
from liquid.builtin.tags.tablerow_tag import TablerowTag
from liquid.builtin.tags.for_tag import ForLoop, ForNode, BreakLoop, ContinueLoop
from liquid.builtin.tags.if_tag import IfNode
from liquid.builtin.tags.unless_tag import UnlessNode
from liquid.exceptions import LiquidError, LiquidSyntaxError
from liquid.expression import Expression
from liquid.tag import Tag
from liquid.stream import TokenStream
from liquid.token import (TOKEN_CONTENT, TOKEN_EOF, TOKEN_EXPRESSION, TOKEN_ILLEGAL,
                          TOKEN_OUTPUT, TOKEN_TAG, Token)

from . import ruby
from .conditions import RubyComparison
from .ruby import RubyArgumentError, is_undefined
from .variable import _FRAGMENT, RubySyntaxError, _Strict, expression, syntax_warning

__all__ = ["RubyIfTag", "RubyUnlessTag", "RubyCaseTag", "RubyForTag", "RubyCycleTag",
           "parse_condition"]

_A = re.ASCII


def _markup(stream: Any) -> str:
    """The current tag's markup ("" when it has none), leaving the stream after it."""
    if stream.current.kind == TOKEN_EXPRESSION:
        value = stream.current.value
        next(stream)
        return value
    return ""


def _strict_failed(env: Any, err: RubySyntaxError, markup: str, token: Token) -> None:
    """``error_mode`` strict raises Ruby's message; warn warns it (lax is silent)."""
    message = f"{err} in \"{markup.strip()}\""
    if env.mode == Mode.STRICT:
        raise LiquidSyntaxError(message, token=token)
    if env.mode == Mode.WARN:
        syntax_warning(env, message, token)


# --------------------------------------------------------------------------- block bodies

#: names python-liquid files its token kinds under among the tags; never tags in Liquid
_NOT_TAGS = frozenset((TOKEN_CONTENT, TOKEN_OUTPUT, TOKEN_ILLEGAL, TOKEN_EOF))
#: how deep Liquid lets blocks nest
_MAX_DEPTH = 100


class _AtEnd(LiquidSyntaxError):
    """An error Liquid reports on the template's last line (the one after its last line
    break, as Liquid counts)."""

    def _error_context(self, text: str, index: int) -> tuple[int, int, str, str, str]:
        if index < len(text):
            return super()._error_context(text, index)
        lines = text.splitlines()
        return text.count("\n") + 1, 0, lines[-1] if lines else "", "", ""


def never_closed(name: str, stream: Any) -> LiquidSyntaxError:
    """``'if' tag was never closed``, on the line where the template ends."""
    source = stream.tokens[-1].source if stream.tokens else ""
    return _AtEnd(f"'{name}' tag was never closed",
                  token=Token(TOKEN_EOF, "", len(source), source))


def unknown_tag(name: str, block: str | None, token: Token,
                delimiter: str | None = None) -> LiquidSyntaxError:
    """Liquid's error for a tag ``name`` no tag is registered as, met in the body of
    ``block`` (None: at the template's top level)."""
    if block is None:
        message = (f"Unexpected outer '{name}' tag" if name in ("else", "end")
                   else f"Unknown tag '{name}'")
    elif name == "else":
        message = f"{block} tag does not expect 'else' tag"
    elif name.startswith("end"):
        message = (f"'{name}' is not a valid delimiter for {block} tags. "
                   f"use {delimiter or 'end' + block}")
    else:
        message = f"Unknown tag '{name}'"
    return LiquidSyntaxError(message, token=token)


def parse_body(env: Any, stream: Any, nested: bool = True) -> tuple[BlockNode, str | None]:
    """Liquid's block body: nodes up to the next tag whose name no tag is registered as
    (``else``, ``endif``, a typo...), or to the end of the template.  Returns the body and
    that tag's name (None at the end), leaving the stream at that tag, for the enclosing
    block to decide what it means (as each of Liquid's blocks does)."""
    tags = env.tags
    content = tags[TOKEN_CONTENT]
    output = tags[TOKEN_OUTPUT]
    nodes: list[Node] = []
    if nested:
        if stream.block_depth >= _MAX_DEPTH:
            raise LiquidSyntaxError("Nesting too deep", token=stream.current)
        stream.block_depth += 1
    end: str | None = None
    while True:
        token = stream.current
        kind = token.kind
        try:
            if kind == TOKEN_TAG:
                tag = tags.get(token.value)
                if tag is None or token.value in _NOT_TAGS:
                    end = token.value
                    break
                nodes.append(tag.get_node(stream))
            elif kind == TOKEN_OUTPUT:
                nodes.append(output.get_node(stream))
            elif kind == TOKEN_EOF:
                break
            else:
                nodes.append(content.get_node(stream))
        except LiquidError as err:
            env.error(err, token=stream.current)
        next(stream)
    if nested:
        stream.block_depth -= 1
    return BlockNode(token, nodes), end


def end_tag(stream: Any) -> None:
    """Past an end tag's name to its markup, if any (Liquid ignores it): the stream is left
    at the last token of the block, as tags leave it."""
    if stream.peek.kind == TOKEN_EXPRESSION:
        next(stream)


def parse_document(env: Any, stream: Any) -> list[Node]:
    """A template's nodes; a tag no tag is registered as stops it, as Liquid's
    ``Document`` does."""
    body, end = parse_body(env, stream, nested=False)
    if end is not None:
        raise unknown_tag(end, None, stream.current)
    return body.nodes


def block_body(env: Any, stream: Any, name: str) -> BlockNode:
    """The body of a block with nothing between its start and its ``end<name>``."""
    body, end = parse_body(env, stream)
    if end != "end" + name:
        if end is None:
            raise never_closed(name, stream)
        raise unknown_tag(end, name, stream.current)
    end_tag(stream)
    return body


class RubyCommentNode(Node):
    """``{% comment %}``: renders nothing (its body is parsed, and may stop the build)."""

    __slots__ = ()

    def __str__(self) -> str:
        return "{% comment %}{% endcomment %}"

    def render_to_output(self, context: Any, buffer: TextIO) -> int:
        return 0


class RubyCommentTag(Tag):
    """``{% comment %}``: a block whose tags are parsed like any other's, save that tags
    no tag is registered as (``else``, ``endif``, ``doc``) are let be."""

    name = "comment"
    end = "endcomment"

    def parse(self, stream: Any) -> Node:
        token = stream.eat(TOKEN_TAG)
        _markup(stream)
        while True:
            _, end = parse_body(self.env, stream)
            if end == self.end:
                break
            if end is None:
                raise never_closed(self.name, stream)
            next(stream)
            _markup(stream)
        end_tag(stream)
        return RubyCommentNode(token)


#: Liquid's capture syntax: the first run of word characters, ``-``, ``.``, ``[``, ``]``
#: (each optionally in parentheses) is the name assigned, as written
_CAPTURE = re.compile(r"((?:\(?[\w\-.\[\]]\)?)+)", _A)


class RubyCaptureTag(CaptureTag):
    def parse(self, stream: Any) -> Node:
        token = stream.eat(TOKEN_TAG)
        m = _CAPTURE.search(_markup(stream))
        if m is None:
            raise LiquidSyntaxError("Syntax Error in 'capture' - Valid syntax: capture [var]",
                                    token=token)
        return self.node_class(token, m.group(1), block_body(self.env, stream, self.name))


class RubyIfChangedTag(IfChangedTag):
    def parse(self, stream: Any) -> Node:
        token = stream.eat(TOKEN_TAG)
        _markup(stream)
        return self.node_class(token, block_body(self.env, stream, self.name))


class RubyTablerowTag(TablerowTag):
    def parse(self, stream: Any) -> Node:
        token = stream.eat(TOKEN_TAG)
        tokens = stream.into_inner(tag=token)
        expr = LoopExpression.parse(self.env, tokens)
        return self.node_class(token, expression=expr,
                               block=block_body(self.env, stream, self.name))


class RubyLiquidTag(LiquidTag):
    """``{% liquid %}``: its lines parsed as a block ended by the tag's ``%}``."""

    def parse(self, stream: Any) -> Node:
        token = stream.current
        if stream.peek.kind != TOKEN_EXPRESSION:
            return self.node_class(token, None, block=BlockNode(token, []))
        expr = next(stream) and stream.current
        inner = TokenStream(self._tokenize(expr.value, token=expr),
                            block_depth_carry=stream.block_depth)
        body, end = parse_body(self.env, inner, nested=False)
        if end is not None:
            raise unknown_tag(end, self.name, inner.current, "%}")
        return self.node_class(token, expr, block=body)


# --------------------------------------------------------------------------- conditions


def _plain(value: Any) -> Any:
    return None if is_undefined(value) else ruby.liquid_value(value)


def _answers_empty(value: Any) -> bool | None:
    """``value.empty?`` where Ruby has it (strings, arrays, hashes), else nil."""
    if isinstance(value, (str, list, tuple, dict, range)):
        return len(value) == 0
    return None


def ruby_equal(left: Any, right: Any) -> Any:
    """Liquid's ``equal_variables`` on two evaluated values."""
    if isinstance(left, (Empty, Blank)):
        left, right = right, left
    if isinstance(right, Blank):
        return None  # nothing in Jekyll answers blank?
    if isinstance(right, Empty):
        return None if isinstance(left, (Empty, Blank)) else _answers_empty(left)
    return _eq(left, right)


class RubyEquals(Expression):
    """``==`` (and, negated, ``!=``/``<>``)."""

    __slots__ = ("left", "right", "negate", "op")

    def __init__(self, token: Token, op: str, left: Expression, right: Expression) -> None:
        super().__init__(token)
        self.op = op
        self.negate = op != "=="
        self.left = left
        self.right = right

    def __str__(self) -> str:
        return f"{self.left} {self.op} {self.right}"

    def evaluate(self, context: Any) -> Any:
        result = ruby_equal(_plain(self.left.evaluate(context)),
                            _plain(self.right.evaluate(context)))
        return not result if self.negate else result

    async def evaluate_async(self, context: Any) -> Any:
        return self.evaluate(context)

    def children(self) -> list[Expression]:
        return [self.left, self.right]


class RubyContains(Expression):
    """``contains``: ``left.include?(right)`` when both are truthy and left has it."""

    __slots__ = ("left", "right")

    def __init__(self, token: Token, left: Expression, right: Expression) -> None:
        super().__init__(token)
        self.left = left
        self.right = right

    def __str__(self) -> str:
        return f"{self.left} contains {self.right}"

    def evaluate(self, context: Any) -> bool:
        left = _plain(self.left.evaluate(context))
        right = _plain(self.right.evaluate(context))
        if left is None or left is False or right is None or right is False:
            return False
        if isinstance(left, str):
            return ruby.to_s(right, context.env.timezone) in left
        if hasattr(left, "ruby_include"):  # a drop answers as its Ruby class does
            return left.ruby_include(right, ruby_equal)
        if isinstance(left, Mapping):
            return right in left
        if isinstance(left, (list, tuple, range)):
            return any(ruby_equal(item, right) for item in left)
        return False

    async def evaluate_async(self, context: Any) -> bool:
        return self.evaluate(context)

    def children(self) -> list[Expression]:
        return [self.left, self.right]


class UnknownOperator(RubyComparison):
    """A lax reading's operator Liquid does not know: an error when evaluated (the
    operands are evaluated first, as Liquid does)."""

    __slots__ = ()

    def evaluate(self, context: Any) -> Any:
        self.left.evaluate(context)
        self.right.evaluate(context)
        raise RubyArgumentError(f"Unknown operator {self.op}")


class RubyCondition(Expression):
    """A chain ``c1 rel1 c2 rel2 ...`` evaluated left to right as Liquid's Condition
    does (``or`` stops at a truthy result, ``and`` at a falsy one); True or False."""

    __slots__ = ("chain",)

    def __init__(self, token: Token, chain: list[tuple[Expression, str | None]]) -> None:
        super().__init__(token)
        self.chain = chain

    def __str__(self) -> str:
        return " ".join(f"{e} {r}" if r else str(e) for e, r in self.chain)

    def evaluate(self, context: Any) -> bool:
        result: Any = None
        for expr, relation in self.chain:
            result = _plain(expr.evaluate(context))
            truthy = result is not None and result is not False
            if relation == "or":
                if truthy:
                    return True
            elif relation == "and":
                if not truthy:
                    return False
            else:
                return truthy
        return result is not None and result is not False

    async def evaluate_async(self, context: Any) -> bool:
        return self.evaluate(context)

    def children(self) -> list[Expression]:
        return [e for e, _ in self.chain]


_ORDER_OPS = ("<", ">", "<=", ">=")


def _comparison(left: str | None, op: str | None, right: str | None,
                token: Token) -> Expression:
    lhs = expression(left, token)
    if op is None:
        return lhs
    rhs = expression(right, token)
    if op in _ORDER_OPS:
        return RubyComparison(token, op, lhs, rhs)
    if op in ("==", "!=", "<>"):
        return RubyEquals(token, op, lhs, rhs)
    if op == "contains":
        return RubyContains(token, lhs, rhs)
    return UnknownOperator(token, op, lhs, rhs)


def _strict_condition(markup: str, token: Token) -> RubyCondition:
    p = _Strict(markup)
    chain: list[tuple[Expression, str | None]] = []
    while True:
        left = p.expression()
        op = right = None
        if p.look("comparison"):
            op = p.consume()
            right = p.expression()
        expr = _comparison(left, op, right, token)
        if p.look("id") and p.tokens[p.pos][1] in ("and", "or"):
            chain.append((expr, p.consume()))
            continue
        chain.append((expr, None))
        break
    p.consume("end_of_string")
    return RubyCondition(token, chain)


_IF_SYNTAX = re.compile(rf"({_FRAGMENT})\s*([=!<>a-z_]+)?\s*({_FRAGMENT})?", _A)
_BOOLEAN = r"\b(?:\s?and\s?|\s?or\s?)\b"
_EXPRESSIONS_AND_OPERATORS = re.compile(
    rf"(?:{_BOOLEAN}|(?:\s*(?!{_BOOLEAN})(?:{_FRAGMENT}|\S+)\s*)+)", _A)
_IF_ERROR = "Syntax Error in tag 'if' - Valid syntax: if [expression]"


def _lax_condition(markup: str, token: Token, tag_token: Token) -> RubyCondition:
    parts = _EXPRESSIONS_AND_OPERATORS.findall(markup)
    items: list[tuple[Expression, str | None]] = []
    relation: str | None = None
    while True:
        part = parts.pop() if parts else None
        m = _IF_SYNTAX.search(part) if part is not None else None
        if m is None:
            raise LiquidSyntaxError(_IF_ERROR, token=tag_token)
        items.append((_comparison(m.group(1), m.group(2), m.group(3), token), relation))
        if not parts:
            break
        relation = parts.pop().strip()
        if not parts or not _IF_SYNTAX.search(parts[-1]):
            raise LiquidSyntaxError(_IF_ERROR, token=tag_token)
        if relation not in ("and", "or"):
            raise LiquidSyntaxError(_IF_ERROR, token=tag_token)
    # read from the end: each item holds the relation joining it to the item after it
    items.reverse()
    return RubyCondition(token, items)


def parse_condition(env: Any, markup: str, token: Token, tag_token: Token) -> RubyCondition:
    """The condition of ``if``/``elsif``/``unless`` markup, read by ``error_mode``."""
    if env.mode != Mode.LAX:
        try:
            return _strict_condition(markup, token)
        except RubySyntaxError as err:
            _strict_failed(env, err, markup, tag_token)
    return _lax_condition(markup, token, tag_token)


# --------------------------------------------------------------------------- if, unless


class _Else(Expression):
    """An ``else`` branch: always taken when reached."""

    __slots__ = ()

    def __str__(self) -> str:
        return "true"

    def evaluate(self, context: Any) -> bool:
        return True

    async def evaluate_async(self, context: Any) -> bool:
        return True

    def children(self) -> list[Expression]:
        return []


class RubyIfTag(Tag):
    """``{% if %}``: ``elsif`` and ``else`` branches in any order, the first that holds
    rendering (an ``else`` always holds; its markup is ignored)."""

    name = "if"
    end = "endif"
    node_class: type[Node] = IfNode

    def parse(self, stream: Any) -> Node:
        token = stream.eat(TOKEN_TAG)
        expr_token = stream.current
        condition = parse_condition(self.env, _markup(stream), expr_token, token)
        consequence, end = parse_body(self.env, stream)
        alternatives: list[ConditionalBlockNode] = []
        while end != self.end:
            if end is None:
                raise never_closed(self.name, stream)
            current = stream.current
            if end not in ("elsif", "else"):
                raise unknown_tag(end, self.name, current)
            next(stream)
            expr_token = stream.current
            markup = _markup(stream)
            if end == "else":
                branch: Expression = _Else(current)
            else:
                branch = parse_condition(self.env, markup, expr_token, current)
            block, end = parse_body(self.env, stream)
            alternatives.append(ConditionalBlockNode(current, branch, block))
        end_tag(stream)
        return self.node_class(token, condition, consequence, alternatives, None)


class RubyUnlessTag(RubyIfTag):
    name = "unless"
    end = "endunless"
    node_class = UnlessNode


# --------------------------------------------------------------------------- case

_CASE_SYNTAX = re.compile(rf"({_FRAGMENT})", _A)
_WHEN_SYNTAX = re.compile(rf"({_FRAGMENT})(?:(?:\s+or\s+|\s*,\s*)({_FRAGMENT}.*))?", _A | re.S)
_CASE_ERROR = "Syntax Error in 'case' - Valid syntax: case [condition]"
_WHEN_ERROR = ("Syntax Error in tag 'case' - Valid when condition: "
               "{% when [condition] [or condition2...] %}")
_ELSE_ERROR = ("Syntax Error in tag 'case' - Valid else condition: {% else %} "
               "(no parameters)")


class RubyCaseNode(Node):
    """Every ``when`` that equals the value renders, in order; an ``else`` renders when
    no ``when`` before it did."""

    __slots__ = ("left", "branches", "prelude")

    def __init__(self, token: Token, left: Expression,
                 branches: list[tuple[Expression | None, BlockNode]],
                 prelude: BlockNode) -> None:
        super().__init__(token)
        self.left = left
        self.branches = branches
        self.prelude = prelude
        self.blank = prelude.blank and all(b.blank for _, b in branches)
        for _, block in branches:
            block.blank = self.blank

    def __str__(self) -> str:
        return f"{{% case {self.left} %}}...{{% endcase %}}"

    def render_to_output(self, context: Any, buffer: TextIO) -> int:
        count = 0
        matched = False
        left = None
        evaluated = False
        for value, block in self.branches:
            if value is None:
                if not matched:
                    count += block.render(context, buffer)
                continue
            if not evaluated:
                left = _plain(self.left.evaluate(context))
                evaluated = True
            result = ruby_equal(left, _plain(value.evaluate(context)))
            if result is not None and result is not False:
                matched = True
                count += block.render(context, buffer)
        return count

    async def render_to_output_async(self, context: Any, buffer: TextIO) -> int:
        return self.render_to_output(context, buffer)

    def children(self, static_context: Any, *, include_partials: bool = True) -> Any:
        yield self.prelude
        for _, block in self.branches:
            yield block

    def expressions(self) -> Any:
        yield self.left
        for value, _ in self.branches:
            if value is not None:
                yield value


class RubyCaseTag(Tag):
    name = "case"
    end = "endcase"

    def parse(self, stream: Any) -> Node:
        token = stream.eat(TOKEN_TAG)
        expr_token = stream.current
        m = _CASE_SYNTAX.search(_markup(stream))
        if m is None:
            raise LiquidSyntaxError(_CASE_ERROR, token=token)
        left = expression(m.group(1), expr_token)
        prelude, end = parse_body(self.env, stream)
        branches: list[tuple[Expression | None, BlockNode]] = []
        while end != self.end:
            if end is None:
                raise never_closed(self.name, stream)
            current = stream.current
            if end not in ("when", "else"):
                raise unknown_tag(end, self.name, current)
            next(stream)
            expr_token = stream.current
            markup: str | None = _markup(stream)
            values: list[Expression | None] = []
            if end == "else":
                if markup.strip(" \t\n\v\f\r\0"):  # type: ignore[union-attr]
                    raise LiquidSyntaxError(_ELSE_ERROR, token=current)
                values.append(None)
            else:
                while markup:
                    w = _WHEN_SYNTAX.search(markup)
                    if w is None:
                        raise LiquidSyntaxError(_WHEN_ERROR, token=current)
                    values.append(expression(w.group(1), expr_token))
                    markup = w.group(2)
                if not values:
                    raise LiquidSyntaxError(_WHEN_ERROR, token=current)
            block, end = parse_body(self.env, stream)
            branches.extend((value, block) for value in values)
        end_tag(stream)
        return RubyCaseNode(token, left, branches, prelude)


# --------------------------------------------------------------------------- for

_FOR_SYNTAX = re.compile(rf"\A([\w-]+)\s+in\s+((?:{_FRAGMENT})+)\s*(reversed)?", _A)
_TAG_ATTRIBUTES = re.compile(rf"(\w[\w-]*)\s*:\s*({_FRAGMENT})", _A)
_FOR_ERROR = "Syntax Error in 'for loop' - Valid syntax: for [item] in [collection]"
_CONTINUE = "continue"


class RubyLoop(LoopExpression):
    """``var in collection [reversed] [limit: n] [offset: n|continue]`` evaluated as
    Liquid's ``For`` does; ``name`` is Liquid's ``var-collection``."""

    __slots__ = ("name",)

    def __init__(self, token: Token, identifier: str, iterable: Expression, *,
                 name: str, limit: Expression | None, offset: Expression | str | None,
                 reversed_: bool) -> None:
        super().__init__(token, identifier, iterable, limit=limit,
                         offset=offset, reversed_=reversed_, cols=None)  # type: ignore[arg-type]
        self.name = name

    def __str__(self) -> str:
        return self.name

    def segment(self, context: Any) -> list[Any]:
        offsets = context.tag_namespace["stopindex"]
        if self.offset == _CONTINUE:
            start = offsets.get(self.name, 0)
        elif self.offset is None:
            start = 0
        else:
            value = _plain(self.offset.evaluate(context))  # type: ignore[union-attr]
            start = 0 if value is None else ruby.to_integer(value)
        collection = _plain(self.iterable.evaluate(context))
        stop = None
        if self.limit is not None:
            value = _plain(self.limit.evaluate(context))
            stop = None if value is None else ruby.to_integer(value) + start
        if isinstance(collection, str):
            items: list[Any] = [collection] if collection else []
        elif hasattr(collection, "loop_items"):  # a drop walks as its Ruby class does
            items = collection.loop_items()
        elif isinstance(collection, Mapping):
            items = [[k, v] for k, v in collection.items()]
        elif isinstance(collection, (list, tuple, range)):
            items = list(collection)
        else:
            items = []
        if not isinstance(collection, str):
            if stop is not None:
                items = items[max(start, 0):max(stop, 0)]
            elif start > 0:
                items = items[start:]
        if self.reversed:
            items.reverse()
        offsets[self.name] = start + len(items)
        return items

    def evaluate(self, context: Any) -> Any:
        items = self.segment(context)
        return iter(items), len(items)

    async def evaluate_async(self, context: Any) -> Any:
        return self.evaluate(context)

    def children(self) -> list[Expression]:
        out = [self.iterable]
        out.extend(e for e in (self.limit, self.offset) if isinstance(e, Expression))
        return out


class RubyForNode(ForNode):
    def render_to_output(self, context: Any, buffer: TextIO) -> int:
        expr = self.expression
        items = expr.segment(context)  # type: ignore[attr-defined]
        if not items:
            return self.default.render(context, buffer) if self.default else 0
        count = 0
        name = expr.identifier
        forloop = ForLoop(name=expr.name, it=iter(items),  # type: ignore[attr-defined]
                          length=len(items), parentloop=context.parentloop())
        namespace: dict[str, Any] = {"forloop": forloop, name: None}
        with context.loop(namespace, forloop):
            for item in forloop:
                namespace[name] = item
                try:
                    count += self.block.render(context, buffer)
                except ContinueLoop:
                    continue
                except BreakLoop:
                    break
        return count

    async def render_to_output_async(self, context: Any, buffer: TextIO) -> int:
        return self.render_to_output(context, buffer)


def _strict_loop(markup: str, token: Token) -> RubyLoop:
    p = _Strict(markup)
    identifier = p.consume("id")
    if not (p.look("id") and p.tokens[p.pos][1] == "in"):
        raise RubySyntaxError("For loops require an 'in' clause")
    p.consume()
    collection = p.expression()
    reversed_ = p.look("id") and p.tokens[p.pos][1] == "reversed"
    if reversed_:
        p.consume()
    attributes: dict[str, str] = {}
    while p.look("id") and p.look("colon", 1):
        key = p.tokens[p.pos][1]
        if key not in ("limit", "offset"):
            raise RubySyntaxError("Invalid attribute in for loop. Valid attributes are "
                                  "limit and offset")
        p.consume()
        p.consume()
        attributes[key] = p.expression()
    p.consume("end_of_string")
    return _loop(identifier, collection, reversed_, attributes, token)


def _lax_loop(markup: str, token: Token, tag_token: Token) -> RubyLoop:
    m = _FOR_SYNTAX.search(markup)
    if m is None:
        raise LiquidSyntaxError(_FOR_ERROR, token=tag_token)
    attributes = {}
    for key, value in _TAG_ATTRIBUTES.findall(markup):
        if key in ("limit", "offset"):
            attributes[key] = value
    return _loop(m.group(1), m.group(2), bool(m.group(3)), attributes, token)


def _loop(identifier: str, collection: str, reversed_: bool, attributes: dict[str, str],
          token: Token) -> RubyLoop:
    offset: Expression | str | None = None
    if "offset" in attributes:
        text = attributes["offset"]
        offset = _CONTINUE if text == _CONTINUE else expression(text, token)
    limit = expression(attributes["limit"], token) if "limit" in attributes else None
    return RubyLoop(token, identifier, expression(collection, token),
                    name=f"{identifier}-{collection}", limit=limit, offset=offset,
                    reversed_=reversed_)


class RubyForTag(Tag):
    name = "for"
    end = "endfor"
    node_class = RubyForNode

    def parse(self, stream: Any) -> Node:
        token = stream.eat(TOKEN_TAG)
        expr_token = stream.current
        markup = _markup(stream)
        loop = None
        if self.env.mode != Mode.LAX:
            try:
                loop = _strict_loop(markup, expr_token)
            except RubySyntaxError as err:
                _strict_failed(self.env, err, markup, token)
        if loop is None:
            loop = _lax_loop(markup, expr_token, token)
        block, end = parse_body(self.env, stream)
        default = None
        if end == "else":
            next(stream)
            _markup(stream)
            default, end = parse_body(self.env, stream)
            if end == "else":
                # a second else starts an empty else block and ends the loop: the rest
                # of the template belongs to the enclosing block, as in Liquid
                default = BlockNode(stream.current, [])
                end_tag(stream)
                return self.node_class(token, loop, block, default)
        if end != self.end:
            if end is None:
                raise never_closed(self.name, stream)
            raise unknown_tag(end, self.name, stream.current)
        end_tag(stream)
        return self.node_class(token, loop, block, default)


# --------------------------------------------------------------------------- cycle

_CYCLE_SIMPLE = re.compile(rf"\A(?:{_FRAGMENT})+", _A)
_CYCLE_NAMED = re.compile(rf"\A({_FRAGMENT})\s*:\s*(.*)", _A | re.S)
_CYCLE_VALUE = re.compile(rf"\s*({_FRAGMENT})\s*", _A)
_CYCLE_ERROR = "Syntax Error in 'cycle' - Valid syntax: cycle [name :] var [, var2, var3 ...]"
_LITERAL_KEYS = {StringLiteral: "s", TrueLiteral: "t"}


def _literal_key(expr: Expression) -> Any:
    """What Ruby's ``inspect`` of a parsed literal tells apart, or None for a variable."""
    from liquid.builtin.expressions.primitive import (FalseLiteral, FloatLiteral,
                                                      IntegerLiteral)
    from .variable import RubyRange
    if isinstance(expr, (StringLiteral, IntegerLiteral, FloatLiteral)):
        return (type(expr).__name__, expr.value)
    if isinstance(expr, (TrueLiteral, FalseLiteral, Empty, Blank)):
        return type(expr).__name__
    if isinstance(expr, RubyRange) and isinstance(expr.start, IntegerLiteral) \
            and isinstance(expr.stop, IntegerLiteral):
        return ("range", expr.start.value, expr.stop.value)
    return None


class RubyCycleNode(CycleNode):
    __slots__ = ("key",)

    def __init__(self, token: Token, group: Expression | None, args: list[Expression]) -> None:
        super().__init__(token, group, args)
        keys = [_literal_key(a) for a in args]
        # Ruby keys an unnamed cycle by the inspected list of its values: equal for equal
        # literals, unique to the tag when a value is a variable (its inspect has an address)
        self.key = ("cycle", tuple(keys)) if None not in keys else ("cycle", id(self))

    def render_to_output(self, context: Any, buffer: TextIO) -> int:
        if self.group is not None:
            group = _plain(self.group.evaluate(context))
            key: Any = ("named", type(group).__name__, group) \
                if isinstance(group, (str, int, float, bool, type(None))) else ("named", id(group))
        else:
            key = self.key
        cycles = context.tag_namespace["cycles"]
        index = cycles.get(key, 0)
        value = _plain(self.args[index].evaluate(context)) if index < len(self.args) else None
        index += 1
        cycles[key] = 0 if index >= len(self.args) else index
        if isinstance(value, list):
            text = "".join(ruby.to_s(v, context.env.timezone) for v in value)
        else:
            text = ruby.to_s(value, context.env.timezone)
        return buffer.write(text)

    async def render_to_output_async(self, context: Any, buffer: TextIO) -> int:
        return self.render_to_output(context, buffer)


class RubyCycleTag(Tag):
    name = "cycle"
    block = False

    def parse(self, stream: Any) -> Node:
        token = stream.eat(TOKEN_TAG)
        expr_token = stream.current
        markup = stream.current.value if stream.current.kind == TOKEN_EXPRESSION else ""
        group: Expression | None = None
        m = _CYCLE_NAMED.match(markup)
        if m:
            values = m.group(2)
            group = expression(m.group(1), expr_token)
        elif _CYCLE_SIMPLE.match(markup):
            values = markup
        else:
            raise LiquidSyntaxError(_CYCLE_ERROR, token=token)
        args = []
        for part in values.split(","):
            v = _CYCLE_VALUE.search(part)
            if v is None:
                continue
            expr = expression(v.group(1), expr_token)
            if not isinstance(expr, Nil):
                args.append(expr)
        return RubyCycleNode(token, group, args)

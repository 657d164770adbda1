"""A python-liquid Environment that behaves like Liquid 5.4 inside Jekyll 4.3.

* Jekyll's ``liquid:`` options: ``error_mode`` (``warn``, ``lax``, ``strict``: how template
  syntax errors are handled), ``strict_filters`` (unknown filters raise; otherwise they
  return their input), ``strict_variables`` (undefined variables raise).  Errors while
  rendering always raise, because Jekyll renders with ``render!`` and stops the build.
* Output as Ruby prints it (:func:`.ruby.output_string`): ``Float#to_s``, nil as nothing,
  arrays joined without separators, hashes as ``Hash#inspect``, times as ``Time#to_s``.
* Liquid 5.4's standard filters with Ruby semantics, then Jekyll's filters (Jekyll's
  ``where``, ``sort`` and ``find`` win); python-liquid's extra filters are not registered.
* Tags: Liquid's own (python-liquid's), Jekyll's ``highlight``, ``include`` and
  ``include_relative``.  The markup of ``{{ }}``, ``echo`` and ``assign`` is read as Ruby
  reads it (:mod:`.variable`: strict, then lax in warn/lax mode), and so is that of
  ``if``/``elsif``/``unless``/``case``/``when``/``for``/``cycle`` (:mod:`.tag_markup`);
  ``<``, ``>``, ``<=``, ``>=`` (and in ``where_exp``) compare as Ruby does
  (:mod:`.conditions`).  Templates are cut into tokens as Liquid cuts them
  (:mod:`.lexer`) and parsed as it parses them (:func:`.tag_markup.parse_body`: unknown
  and misplaced tags, comment bodies); in warn mode a template's warnings are given only
  once it has parsed.  Filters get keyword arguments as one trailing hash, and Ruby's
  ``wrong number of arguments`` when the count does not fit their signature.

For the site layer: in Jekyll, ``{% increment %}``/``{% decrement %}`` counters live in the
site payload shared by every page of a build, so they carry over from page to page (in render
order); python-liquid keeps them per render.  ``link`` and ``post_url`` are still to come.

Values given to ``render()`` are plain Python data (see :mod:`.ruby` for how they stand
for Ruby values) or drops: ``Mapping`` objects, optionally with ``to_liquid()``.
"""

from __future__ import annotations

import datetime as _dt
import functools
import inspect
import re
import warnings
import weakref
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TextIO

from liquid import Environment, Mode
from liquid.builtin.expressions import Nil
from liquid.builtin.expressions.primitive import Blank, Empty
from liquid.builtin.output import Output, OutputNode
from liquid.builtin.tags.assign_tag import AssignNode, AssignTag
from liquid.builtin.tags.echo_tag import EchoNode, EchoTag
from liquid.exceptions import LiquidSyntaxError
from liquid.exceptions import LiquidError, LiquidSyntaxWarning, lookup_warning
from liquid.ast import Node
from liquid.stream import TokenStream
from liquid.tag import Tag
from liquid.template import BoundTemplate
from liquid.token import TOKEN_EXPRESSION, TOKEN_OUTPUT, TOKEN_TAG, Token
from liquid.undefined import StrictUndefined, Undefined

from . import filters as jekyll_filters
from . import ruby
from . import standard_filters
from .standard_filters import FilterError, plain
from .include_cache import cacheable_source
from .lexer import tokenize
from .tag_markup import (RubyCaptureTag, RubyCaseTag, RubyCommentTag, RubyCycleTag,
                         RubyForTag, RubyIfChangedTag, RubyIfTag, RubyLiquidTag,
                         RubyTablerowTag, RubyUnlessTag, parse_document)
from .tags import HighlightTag, IncludeRelativeTag, IncludeTag
from .variable import parse_variable

__all__ = ["JekyllEnvironment", "make_environment"]

_MODES = {"warn": Mode.WARN, "lax": Mode.LAX, "strict": Mode.STRICT}


def _defined(value: Any) -> Any:
    return None if ruby.is_undefined(value) else value


class RubyOutputNode(OutputNode):
    """``{{ expression }}`` written as Ruby Liquid writes values."""

    def render_to_output(self, context: Any, buffer: TextIO) -> int:
        value = self.expression.evaluate(context)
        return buffer.write(ruby.output_string(_defined(value), context.env.timezone))


class RubyOutput(Output):
    """``{{ markup }}`` read as Ruby Liquid reads it (:mod:`.variable`)."""

    node_class = RubyOutputNode

    def get_node(self, stream: Any) -> Any:
        # Syntax errors met while parsing output markup may be tolerated (error_mode
        # warn/lax); see JekyllEnvironment.error.
        self.env._in_output += 1
        try:
            return super().get_node(stream)
        finally:
            self.env._in_output -= 1

    def parse(self, stream: Any) -> Any:
        token = stream.eat(TOKEN_OUTPUT)
        expr_token = stream.expect(TOKEN_EXPRESSION)
        return self.node_class(token, parse_variable(self.env, expr_token.value, expr_token))


class RubyEchoNode(EchoNode):
    def render_to_output(self, context: Any, buffer: TextIO) -> int:
        value = self.expression.evaluate(context)
        return buffer.write(ruby.output_string(_defined(value), context.env.timezone))


class RubyEcho(EchoTag):
    """``{% echo markup %}``: the markup read as ``{{ markup }}`` is."""

    node_class = RubyEchoNode

    def parse(self, stream: Any) -> Any:
        token = stream.eat(TOKEN_TAG)
        if stream.current.kind != TOKEN_EXPRESSION:
            return self.node_class(token, Nil(stream.current))
        return self.node_class(token, parse_variable(self.env, stream.current.value,
                                                     stream.current))


#: Liquid's ``assign`` syntax: a target made of word characters, ``-``, ``.``, ``[``, ``]``
#: (each optionally in parentheses), ``=``, then a variable's markup.
_ASSIGN = re.compile(r"((?:\(?[\w\-.\[\]]\)?)+)\s*=\s*(.*)\s*", re.ASCII | re.S)


class RubyAssignNode(AssignNode):
    def render_to_output(self, context: Any, buffer: TextIO) -> int:
        value = self.expression.evaluate(context)
        # Reading a variable gives its to_liquid: Jekyll's `empty`/`blank` literal is "".
        if isinstance(value, (Empty, Blank)):
            value = ""
        context.assign(self.name, value)
        return 0

    async def render_to_output_async(self, context: Any, buffer: TextIO) -> int:
        return self.render_to_output(context, buffer)


class RubyAssign(AssignTag):
    """``{% assign target = markup %}`` with Liquid's syntax for the target and the
    markup read as ``{{ markup }}`` is."""

    node_class = RubyAssignNode

    def parse(self, stream: Any) -> Any:
        token = stream.eat(TOKEN_TAG)
        current = stream.current
        m = _ASSIGN.search(current.value) if current.kind == TOKEN_EXPRESSION else None
        if m is None:
            raise LiquidSyntaxError("Syntax Error in 'assign' - Valid syntax: "
                                    "assign [var] = [source]", token=token)
        return self.node_class(token, name=m.group(1),
                               expression=parse_variable(self.env, m.group(2), current))


class RubyRawNode(Node):
    """``{% raw %}...{% endraw %}``: its text as written (blank only when empty)."""

    __slots__ = ("text",)

    def __init__(self, token: Token, text: str) -> None:
        super().__init__(token)
        self.text = text
        self.blank = not text

    def __str__(self) -> str:
        return f"{{% raw %}}{self.text}{{% endraw %}}"

    def render_to_output(self, context: Any, buffer: TextIO) -> int:
        return buffer.write(self.text)


class RubyRaw(Tag):
    """The body the lexer (:mod:`.lexer`) took as it is."""

    name = "raw"
    block = False

    def parse(self, stream: Any) -> Any:
        token = stream.eat(TOKEN_TAG)
        text = stream.current.value if stream.current.kind == TOKEN_EXPRESSION else ""
        return RubyRawNode(token, text)


@functools.lru_cache(maxsize=None)
def _arity(func: Callable[..., Any]) -> tuple[int, int | None]:
    """How many arguments (the input included) a filter takes: least, most (None: any)."""
    low, high = 0, 0
    for param in inspect.signature(func).parameters.values():
        if param.kind in (param.POSITIONAL_ONLY, param.POSITIONAL_OR_KEYWORD):
            high += 1
            if param.default is param.empty:
                low += 1
        elif param.kind == param.VAR_POSITIONAL:
            return low, None
    return low, high


def _arity_error(given: int, low: int, high: int | None) -> FilterError:
    expected = f"{low}+" if high is None else str(low) if low == high else f"{low}..{high}"
    return FilterError(f"wrong number of arguments (given {given}, expected {expected})")


def _wrap(name: str, func: Callable[..., Any], with_context: bool) -> Callable[..., Any]:
    """A filter called as Liquid calls it: python-liquid's values (Undefined, ranges) as
    Ruby ones, keyword arguments gathered into one hash after the positional ones, and
    Ruby's ``wrong number of arguments`` when the count does not fit."""
    low, high = _arity(func)
    if with_context:
        @functools.wraps(func)
        def wrapper(value: Any, *args: Any, context: Any, **kwargs: Any) -> Any:
            if kwargs:
                args = (*args, {k: plain(v) for k, v in kwargs.items()})
            if not low <= len(args) + 1 <= (high if high is not None else len(args) + 1):
                raise _arity_error(len(args) + 1, low, high)
            return func(plain(value), *(plain(a) for a in args), context=context)
        wrapper.with_context = True  # type: ignore[attr-defined]
    else:
        @functools.wraps(func)
        def wrapper(value: Any, *args: Any, **kwargs: Any) -> Any:
            if kwargs:
                args = (*args, {k: plain(v) for k, v in kwargs.items()})
            if not low <= len(args) + 1 <= (high if high is not None else len(args) + 1):
                raise _arity_error(len(args) + 1, low, high)
            return func(plain(value), *(plain(a) for a in args))
    wrapper.__name__ = name
    return wrapper


def _default_markdownify(config: Mapping[str, Any]) -> Callable[[str], str]:
    def convert(text: str) -> str:
        from .. import markdownify
        return markdownify(text, config)
    return convert


class JekyllEnvironment(Environment):
    """python-liquid's Environment set up as Jekyll 4.3 sets up Liquid.

    Attributes used by the filters and tags: ``site_config`` (the merged configuration),
    ``timezone`` (the zone Ruby's ``ENV["TZ"]`` would be), ``includes_dirs``,
    ``markdownify`` (``str -> str``), ``site`` (the site being rendered, or None).
    """

    _site_ref: "weakref.ref[Any] | None" = None

    @property
    def site(self) -> Any:
        """The site this environment renders, held weakly: python-liquid keeps the last
        128 environments it made parsers for (``liquid.parser.get_parser`` is an
        ``lru_cache`` its tags fill when the environment is set up), so a strong link
        would keep every built site alive (its documents, their text and HTML) after
        the build, growing the memory and every later garbage collection."""
        ref = self._site_ref
        return ref() if ref is not None else None

    @site.setter
    def site(self, site: Any) -> None:
        self._site_ref = weakref.ref(site) if site is not None else None

    def __init__(self, site_config: Mapping[str, Any], *, includes_dirs: list[Path],
                 markdownify: Callable[[str], str], tolerance: Mode, strict_filters: bool,
                 undefined: type[Undefined]) -> None:
        self.site_config = site_config
        self.timezone: _dt.tzinfo = ruby.local_zone(site_config.get("timezone"))
        self.includes_dirs = [Path(d) for d in includes_dirs]
        self.markdownify = markdownify
        self.expression_cache: dict[Any, Any] = {}
        self._partials: dict[Path, tuple[tuple[int, int], BoundTemplate, bool]] = {}
        self._parsing = 0
        self._in_output = 0
        #: syntax warnings of the template being parsed (None when not parsing)
        self.pending_warnings: list[str] | None = None
        super().__init__(tolerance=tolerance, strict_filters=strict_filters,
                         undefined=undefined)

    def setup_tags_and_filters(self, *, extra: bool = False) -> None:
        super().setup_tags_and_filters(extra=False)
        for tag in (RubyOutput, RubyEcho, RubyAssign, RubyIfTag, RubyUnlessTag, RubyCaseTag,
                    RubyForTag, RubyCycleTag, RubyRaw, RubyCommentTag, RubyCaptureTag,
                    RubyIfChangedTag, RubyTablerowTag, RubyLiquidTag):
            self.add_tag(tag)
        self.tags.pop("doc", None)  # not a tag in Liquid 5.4
        for tag in (HighlightTag, IncludeTag, IncludeRelativeTag):
            self.add_tag(tag)
        self.filters.clear()
        for name, func in standard_filters.STANDARD_FILTERS.items():
            self.filters[name] = _wrap(name, func, name in standard_filters.NEEDS_CONTEXT)
        for name, func in jekyll_filters.JEKYLL_FILTERS.items():
            self.filters[name] = _wrap(name, func, name in jekyll_filters.NEEDS_CONTEXT)

    def tokenizer(self) -> Callable[[str], Any]:
        return tokenize

    def from_string(self, source: str, name: str = "", path: Any = None,
                    globals: Mapping[str, object] | None = None,  # noqa: A002
                    matter: Mapping[str, object] | None = None) -> BoundTemplate:
        """python-liquid's, save that a tag's own error while parsing (``post_url``'s
        unknown post) is raised as it is, not as ``unexpected liquid parsing error``."""
        try:
            nodes = self._parse(source)
        except LiquidError as err:
            err.template_name = path
            raise
        return self.template_class(env=self, name=name, path=path, nodes=nodes,
                                   globals=self.make_globals(globals), matter=matter)

    def _parse(self, source: str) -> Any:
        """A template's nodes, parsed as Liquid parses (:func:`.tag_markup.parse_body`):
        a tag no tag is registered as ends a block's body, and the block decides.  In
        error_mode warn, the warnings are given once the whole template has parsed: a
        template that fails to parse gives its error alone, as in Jekyll."""
        self._parsing += 1
        pending, self.pending_warnings = self.pending_warnings, []
        try:
            nodes = parse_document(self, TokenStream(tokenize(source)))
            said = self.pending_warnings
        finally:
            self._parsing -= 1
            self.pending_warnings = pending
        for text in said:
            if pending is not None:
                pending.append(text)
            else:
                warnings.warn(text, category=LiquidSyntaxWarning, stacklevel=2)
        return nodes

    def error(self, exc: Any, msg: str | None = None, token: Token | None = None) -> None:
        """Syntax errors follow ``error_mode``; errors while rendering always raise."""
        if not isinstance(exc, LiquidError):
            exc = exc(msg, token=token)
        elif not exc.token:
            exc.token = token
        if not self._parsing or self.mode == Mode.STRICT:
            raise exc
        # Ruby Liquid's lax fallback only rescues output markup (``{{ ... }}``); a broken
        # or unknown tag is a syntax error in every error_mode, and Jekyll stops on it.
        if not self._in_output:
            raise exc
        if self.mode == Mode.WARN:
            if self.pending_warnings is not None:
                self.pending_warnings.append(str(exc))
            else:
                warnings.warn(str(exc), category=lookup_warning(exc.__class__), stacklevel=2)

    def shed(self) -> None:
        """Drop what was parsed and registered for rendering (called once the site is
        gone: python-liquid's parser cache still holds the environment itself, and with
        it some 1,500 objects per site for the collector to walk)."""
        self._partials.clear()
        self.expression_cache.clear()
        self.tags.clear()
        self.filters.clear()
        for name in ("include_lookups", "include_outputs"):
            self.__dict__.pop(name, None)

    def load_partial(self, path: Path) -> BoundTemplate:
        """The parsed template of an included file (cached until the file changes)."""
        return self.load_partial_checked(path)[0]

    def load_partial_checked(self, path: Path) -> tuple[BoundTemplate, bool]:
        """The parsed template of an included file, and whether its output may be reused
        (:func:`.include_cache.cacheable_source`); cached until the file changes."""
        stat = path.stat()
        key = (stat.st_mtime_ns, stat.st_size)
        cached = self._partials.get(path)
        if cached is not None and cached[0] == key:
            return cached[1], cached[2]
        source = path.read_bytes().decode("utf-8")
        template = self.from_string(source, name=path.name, path=str(path))
        candidate = cacheable_source(source)
        self._partials[path] = (key, template, candidate)
        return template, candidate


def make_environment(site_config: Mapping[str, Any] | None = None, *,
                     includes_dirs: list[Path] | None = None,
                     markdownify: Callable[[str], str] | None = None) -> JekyllEnvironment:
    """A Liquid environment configured as Jekyll 4.3 configures Liquid for a site.

    ``site_config`` is the site's configuration, already merged with Jekyll's defaults
    (:func:`jekyllpy.config.deep_merge` of :data:`jekyllpy.config.DEFAULTS`); its
    ``liquid:`` options, ``timezone``, ``baseurl``/``url``, ``kramdown:``, ``safe`` and
    ``source`` are read.  Missing keys take Jekyll's defaults.

    ``includes_dirs`` are searched in order by ``{% include %}`` (Jekyll's
    ``includes_load_paths``: the site's ``_includes``, then a theme's); by default
    ``<source>/<includes_dir>``.

    ``markdownify`` converts Markdown for the ``markdownify`` filter; by default
    :func:`jekyllpy.markdownify` with ``site_config``.

    Render a template with ``env.from_string(text).render(site=..., page=..., ...)``;
    ``page`` (a mapping with ``path``) is what ``include_relative`` resolves against.
    """
    config: Mapping[str, Any] = site_config or {}
    liquid_opts = config.get("liquid") or {}
    mode = _MODES.get(str(liquid_opts.get("error_mode") or "warn").lstrip(":"), Mode.WARN)
    strict_filters = bool(liquid_opts.get("strict_filters"))
    undefined = StrictUndefined if liquid_opts.get("strict_variables") else Undefined
    if includes_dirs is None or not includes_dirs:
        source = Path(config.get("source") or ".")
        includes_dirs = [source / str(config.get("includes_dir") or "_includes")]
    return JekyllEnvironment(
        config, includes_dirs=list(includes_dirs),
        markdownify=markdownify or _default_markdownify(config),
        tolerance=mode, strict_filters=strict_filters, undefined=undefined)

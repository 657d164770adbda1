"""Jekyll 4.3's Liquid tags: ``highlight``, ``include`` and ``include_relative``.

``include`` looks in the environment's ``includes_dirs`` (Jekyll's ``includes_load_paths``),
``include_relative`` in the directory of the page being rendered: the ``page`` variable
given to ``render()`` (Jekyll's ``registers[:page]``), its ``path`` (and ``collection``,
with the site's ``collections_dir``) taken relative to ``site_config["source"]``.  Without a
``page``, the site source itself.

``link`` and ``post_url`` need the site's documents: TODO for the site layer.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from liquid.ast import BlockNode, Node
from liquid.builtin.expressions import FilteredExpression, tokenize
from liquid.exceptions import LiquidError, LiquidSyntaxError
from liquid.stream import TokenStream
from liquid.tag import Tag
from liquid.token import TOKEN_EXPRESSION, TOKEN_TAG, Token

from ..kramdown.highlight import find_lexer, lex
from ..kramdown.highlight.formatter import format_html, format_table
from . import dependencies as _deps, ruby
from .include_cache import render_reusing
from .tag_markup import block_body

if TYPE_CHECKING:
    from liquid.context import RenderContext

__all__ = ["HighlightTag", "IncludeTag", "IncludeRelativeTag", "IncludeError"]


class IncludeError(LiquidError):
    """An include Jekyll refuses: bad syntax, bad file name, or no such file."""


def _markup(stream: TokenStream) -> tuple[Token, str]:
    """The tag token and its markup; the stream is left on the tag's last token."""
    token = stream.current
    if stream.peek.kind == TOKEN_EXPRESSION:
        next(stream)
        return token, stream.current.value
    return token, ""


# --------------------------------------------------------------------------- highlight

_HL_SYNTAX = re.compile(r'^([a-zA-Z0-9.+#_-]+)((\s+\w+(=(\w+|"([0-9]+\s)*[0-9]+"))?)*)$',
                        re.A)
_HL_OPTIONS = re.compile(r'(?:\w="[^"]*"|\w=\w|\w)+', re.A)
_EDGE_NEWLINES = re.compile(r"\A[\n\r]+|[\n\r]+\Z")


def _highlight_options(text: str) -> dict[str, Any]:
    options: dict[str, Any] = {}
    for opt in _HL_OPTIONS.findall(text):
        key, _, value = opt.partition("=")
        parts = opt.split("=")
        key = parts[0]
        val: Any = parts[1] if len(parts) > 1 else None
        if isinstance(val, str) and '"' in val:
            val = val.replace('"', "").split()
        options[key] = val if val is not None else True
    if options.get("linenos") is True:
        options["linenos"] = "inline"
    return options


def _rouge_table(tokens: list[tuple[str, str]]) -> str:
    """Rouge's ``HTMLTable`` as Jekyll configures it (gutter ``gutter``, code ``code``)."""
    return format_table(tokens, {"gutter_class": "gutter", "code_class": "code"})


class HighlightNode(Node):
    """``{% highlight lang [linenos] %}...{% endhighlight %}``."""

    __slots__ = ("lang", "options", "block")

    def __init__(self, token: Token, lang: str, options: dict[str, Any], block: BlockNode):
        super().__init__(token)
        self.lang = lang
        self.options = options
        self.block = block
        self.blank = False

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        zone = getattr(context.env, "timezone", None)
        prefix = ruby.to_s(_variable(context, "highlighter_prefix"), zone)
        suffix = ruby.to_s(_variable(context, "highlighter_suffix"), zone)
        buf = context.get_buffer(buffer)
        self.block.render(context, buf)
        code = _EDGE_NEWLINES.sub("", buf.getvalue())
        lexer = find_lexer(self.lang) or "plaintext"
        tokens = lex(lexer, code)
        body = _rouge_table(tokens) if self.options.get("linenos") else format_html(tokens)
        if body.endswith("\r\n"):
            body = body[:-2]
        elif body.endswith(("\n", "\r")):
            body = body[:-1]
        lang_class = self.lang.replace("+", "-")
        return buffer.write(
            f'{prefix}<figure class="highlight"><pre><code class="language-{lang_class}" '
            f'data-lang="{self.lang}">{body}</code></pre></figure>{suffix}')


def _variable(context: RenderContext, name: str) -> Any:
    value = context.resolve(name, default=None)
    return None if value is None or type(value).__name__.endswith("Undefined") else value


class HighlightTag(Tag):
    name = "highlight"
    end = "endhighlight"
    block = True

    def parse(self, stream: TokenStream) -> Node:
        token, markup = _markup(stream)
        m = _HL_SYNTAX.match(markup.strip())
        if m is None:
            raise LiquidSyntaxError(
                "Syntax Error in tag 'highlight' while parsing the following markup:\n\n"
                f"{markup}\n\nValid syntax: highlight <lang> [linenos]\n", token=token)
        next(stream)
        block = block_body(self.env, stream, self.name)
        return HighlightNode(token, m.group(1).lower(), _highlight_options(m.group(2)), block)


# --------------------------------------------------------------------------- include

_VALID_SYNTAX = (r"""([\w-]+)\s*=\s*(?:"([^"\\]*(?:\\.[^"\\]*)*)"|'([^'\\]*(?:\\.[^'\\]*)*)'"""
                 r"""|([\w.-]+))""")
_PARAM = re.compile(_VALID_SYNTAX, re.A)
_FULL_VALID = re.compile(rf"\A\s*(?:{_VALID_SYNTAX}(?=\s|\Z)\s*)*\Z", re.A)
_VARIABLE_SYNTAX = re.compile(
    r"(?P<variable>[^{]*(\{\{\s*[\w\-.]+\s*(\|.*)?\}\}[^\s{}]*)+)(?P<params>.*)", re.S | re.A)
_VALID_FILENAME = re.compile(r"^[\w/.\-()+~#@]+$", re.M | re.A)
_INVALID_SEQUENCES = re.compile(r"[./]{2,}")


class IncludeNode(Node):
    """Jekyll's ``{% include file.html key="value" key2=var %}``."""

    __slots__ = ("tag_name", "file", "params", "file_template")

    def __init__(self, token: Token, tag_name: str, file: str, params: str | None,
                 file_template: Any) -> None:
        super().__init__(token)
        self.tag_name = tag_name
        self.file = file
        self.params = params
        self.file_template = file_template
        self.blank = False

    def _syntax_example(self) -> str:
        return f"{{% {self.tag_name} file.ext param='value' param2='value' %}}"

    def _parse_params(self, context: RenderContext) -> dict[str, Any]:
        params: dict[str, Any] = {}
        for m in _PARAM.finditer(self.params or ""):
            key, dq, sq, var = m.groups()
            if dq is not None:
                value: Any = dq.replace('\\"', '"')
            elif sq is not None:
                value = sq.replace("\\'", "'")
            else:
                value = _evaluate(context, var)
            params[key] = value
        return params

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        env = context.env
        file = self.file
        if self.file_template is not None:
            buf = context.get_buffer(buffer)
            self.file_template.render_with_context(context, buf)
            file = buf.getvalue()
        if _INVALID_SEQUENCES.search(file) or not _VALID_FILENAME.search(file):
            raise IncludeError(
                "Invalid syntax for include tag. File contains invalid characters or "
                f"sequences:\n\n  {file}\n\nValid syntax:\n\n  {self._syntax_example()}\n\n",
                token=self.token)
        dirs = self._search_dirs(context)
        # Within one rendering pass the includes folders do not change: where a name was
        # found, and its parsed template, are looked up once (see renderer.render_site).
        found = getattr(env, "include_lookups", None)
        key = (file, *dirs)
        hit = found.get(key) if found is not None else None
        if hit is None:
            path = _locate(env, file, dirs)
            hit = (path, *env.load_partial_checked(path))
            if found is not None:
                found[key] = hit
        path, template, candidate = hit
        tracker = _deps.active
        if tracker is not None:
            # the file found, and the places looked at before it (a file appearing there
            # would be found instead)
            for directory in dirs:
                tracker.read_file(directory / file)
                if directory / file == path:
                    break
        namespace = {} if self.params is None else {"include": self._parse_params(context)}
        stats = getattr(getattr(env, "site", None), "liquid_stats", None)
        if stats is None:
            with context.extend(namespace):
                outputs = getattr(env, "include_outputs", None)
                if outputs is None:
                    template.render_with_context(context, buffer, partial=True)
                else:
                    # the same output as last time when nothing it reads differs
                    render_reusing(outputs, path, candidate and type(self) is IncludeNode,
                                   context, buffer,
                                   lambda buf: template.render_with_context(
                                       context, buf, partial=True))
            return True
        out: list[str] = []
        with stats.measure(path, out):  # --profile: counted like any template file
            buf = context.get_buffer(buffer)
            with context.extend(namespace):
                template.render_with_context(context, buf, partial=True)
            out.append(buf.getvalue())
        buffer.write(out[0])
        return True

    def _search_dirs(self, context: RenderContext) -> list[Path]:
        return list(context.env.includes_dirs)


class IncludeRelativeNode(IncludeNode):
    def _search_dirs(self, context: RenderContext) -> list[Path]:
        env = context.env
        source = Path(env.site_config.get("source") or ".")
        page = context.globals.get("page")
        if not isinstance(page, Mapping) or page.get("path") is None:
            return [source]
        path = str(page["path"])
        if page.get("collection"):
            path = os.path.join(str(env.site_config.get("collections_dir") or ""), path)
        path = path.removesuffix("/#excerpt")
        return [source / os.path.dirname(path)]


def _token(source: str) -> Token:
    return Token(TOKEN_EXPRESSION, source, start_index=0, source=source)


def _evaluate(context: RenderContext, expression: str) -> Any:
    expr = FilteredExpression.parse(context.env, TokenStream(tokenize(expression, _token(expression))))
    value = expr.evaluate(context)
    return None if type(value).__name__.endswith("Undefined") else value


def _locate(env: Any, file: str, dirs: list[Path]) -> Path:
    safe = bool(env.site_config.get("safe"))
    for directory in dirs:
        path = directory / file
        if not path.is_file():
            continue
        if safe:
            try:
                if not str(path.resolve()).startswith(os.path.abspath(directory)):
                    continue
            except OSError:
                continue
        return path
    listed = "[" + ", ".join(ruby.inspect_string(str(d)) for d in dirs) + "]"
    tail = (" is not a symlink as those are not allowed in safe mode." if safe else
            ", if it is a symlink, does not point outside your site source.")
    raise IncludeError(f"Could not locate the included file '{file}' in any of {listed}. "
                       f"Ensure it exists in one of those directories and{tail}", token=None)


class IncludeTag(Tag):
    name = "include"
    block = False
    node_class: type[IncludeNode] = IncludeNode

    def parse(self, stream: TokenStream) -> Node:
        token, markup = _markup(stream)
        markup = markup.strip()
        m = _VARIABLE_SYNTAX.search(markup)
        if m:
            file, params = m.group("variable").strip(), m.group("params").strip()
        else:
            parts = re.split(r"\s+", markup, maxsplit=1)
            file = parts[0]
            params = parts[1] if len(parts) > 1 else None
        if params is not None and not _FULL_VALID.match(params):
            raise LiquidSyntaxError(
                f"Invalid syntax for include tag:\n\n{params}\n\nValid syntax:\n\n"
                f"{{% {self.name} file.ext param='value' param2='value' %}}\n\n", token=token)
        file_template = None
        if _VARIABLE_SYNTAX.search(file):
            file_template = self.env.from_string(file)
        return self.node_class(token, self.name, file, params, file_template)


class IncludeRelativeTag(IncludeTag):
    name = "include_relative"
    node_class = IncludeRelativeNode

"""Every kramdown option, declared once: name, default, how a value is read, what it does.

The names, defaults and value rules are kramdown 2.4.0's option registry plus the two options
kramdown-parser-gfm 1.1.0 registers (``hard_wrap``, ``gfm_quirks``), plus ``input``, which
kramdown's ``Document`` reads without registering.  Values arrive from YAML configs, JSON test
cases and ``{::options}`` attributes, so each is read the way kramdown reads it: a value of the
wrong type becomes its Ruby ``to_s`` text and is then parsed (booleans are false only for
"false" or empty, integers follow Ruby's ``Integer()``, symbols drop one leading colon and
read "" or "nil" as None, hashes may be YAML text).

Ruby Symbols are plain ``str`` here; a string written ``":foo"`` stands for the Symbol
``:foo`` wherever kramdown would accept a Symbol.  Hash keys come back as ``str``.

Differences from kramdown, all on purpose so a mistake fails loudly instead of silently:

* an unknown option name raises ``ValueError`` (kramdown keeps it and ignores it), except the
  names in :data:`IGNORED_OPTIONS`, which configs written for other kramdown versions carry;
* ``entity_output`` must be one of the four modes (kramdown treats anything else as numeric);
* ``smart_quotes`` items must be entity names kramdown knows or code points (kramdown only
  fails later, when a quote is converted);
* ``template`` must be empty and ``syntax_highlighter`` may not be ``minted``: neither is
  implemented.  Other highlighter and math engine names are kept, as kramdown keeps them:
  the converter then warns that they are not available and writes plain output.
"""

from __future__ import annotations

import copy
import math
import re
from decimal import Decimal
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Any

import yaml

from .entities import entity_by_name


@dataclass(frozen=True, slots=True)
class Option:
    """One option: its default, the function that validates and coerces a value, and where
    kramdown defines it (``kramdown``, ``kramdown-parser-gfm`` or ``document`` for ``input``,
    which only ``Kramdown::Document`` reads)."""

    name: str
    default: Any
    coerce: Callable[[Any], Any]
    doc: str
    origin: str = "kramdown"


class _Invalid(ValueError):
    """Raised by a value reader; :func:`parse_option` adds the option name and the value."""


# -- Ruby's view of values -------------------------------------------------------------------
_RUBY_SPACE = " \t\n\v\f\r\0"  # what Ruby's String#strip removes


def ruby_to_s(value: Any) -> str:
    """The text Ruby's ``to_s`` gives for a YAML/JSON value (what kramdown parses)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return _inspect(value)


def _inspect(value: Any) -> str:
    if value is None:
        return "nil"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _ruby_float(value)
    if isinstance(value, str):
        escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        return '"' + escaped.replace("\t", "\\t").replace("#{", "\\#{") + '"'
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{_inspect(k)}=>{_inspect(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_inspect(v) for v in value) + "]"
    return str(value)


def _ruby_float(value: float) -> str:
    """Ruby's ``Float#to_s``: the shortest round-trip digits, written ``123.45`` for
    1e-4 <= |x| < 1e15 and ``1.2345e+15`` otherwise (Python switches at 1e16)."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if value == 0:
        return "-0.0" if math.copysign(1.0, value) < 0 else "0.0"
    negative, digit_tuple, exponent = Decimal(repr(value)).normalize().as_tuple()
    digits = "".join(map(str, digit_tuple))
    point = len(digits) + int(exponent)
    sign = "-" if negative else ""
    if -3 <= point <= 0:
        return f"{sign}0.{'0' * -point}{digits}"
    if 0 < point <= 15:
        return f"{sign}{digits[:point].ljust(point, '0')}.{digits[point:] or '0'}"
    exp = point - 1
    return f"{sign}{digits[0]}.{digits[1:] or '0'}e{'-' if exp < 0 else '+'}{abs(exp):02d}"


_INTEGER = re.compile(r"""[ \t\n\v\f\r]*([+-]?)(?:
      0[xX](?P<hex>[0-9a-fA-F]+(?:_[0-9a-fA-F]+)*)
    | 0[bB](?P<bin>[01]+(?:_[01]+)*)
    | 0[oO](?P<oct>[0-7]+(?:_[0-7]+)*)
    | 0[dD](?P<dec>[0-9]+(?:_[0-9]+)*)
    | (?P<zoct>0(?:_?[0-7])*)
    | (?P<plain>[1-9](?:_?[0-9])*)
    )[ \t\n\v\f\r]*\Z""", re.X)
_BASES = {"hex": 16, "bin": 2, "oct": 8, "dec": 10, "zoct": 8, "plain": 10}


def ruby_integer(text: str) -> int:
    """Ruby's ``Integer(text)``: prefixes 0x/0b/0o/0d, leading-0 octal, single underscores
    between digits, surrounding whitespace; anything else is an error."""
    m = _INTEGER.match(text)
    if not m:
        raise _Invalid("not an integer")
    kind = next(k for k in _BASES if m.group(k) is not None)
    number = int(m.group(kind).replace("_", ""), _BASES[kind])
    return -number if m.group(1) == "-" else number


_TO_I = re.compile(r"[ \t\n\v\f\r]*([+-]?[0-9]+(?:_[0-9]+)*)")


def _to_i(item: Any) -> int:
    """Ruby's ``to_i`` on an array item (kramdown applies it to ``toc_levels`` entries)."""
    if isinstance(item, bool):
        raise _Invalid(f"{item!r} has no integer value")
    if isinstance(item, int):
        return item
    if isinstance(item, float):
        if not math.isfinite(item):
            raise _Invalid(f"{item!r} has no integer value")
        return math.trunc(item)
    if item is None:
        return 0
    if isinstance(item, str):
        m = _TO_I.match(item)
        return int(m.group(1).replace("_", "")) if m else 0
    raise _Invalid(f"{item!r} has no integer value")


def str_to_sym(data: Any) -> str | None:
    """kramdown's ``str_to_sym``: strip, drop one leading colon; "" and "nil" mean None."""
    text = ruby_to_s(data).strip(_RUBY_SPACE)
    if text.startswith(":"):
        text = text[1:]
    return None if text in ("", "nil") else text


class _RubySafeLoader(yaml.SafeLoader):
    """YAML as Ruby's ``Psych.safe_load`` accepts it: no aliases, no dates, no symbols."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            raise yaml.YAMLError("aliases are not allowed")
        return super().compose_node(parent, index)

    def _refuse(self, node: Any) -> Any:
        raise yaml.YAMLError(f"{node.value!r} would be a Ruby {node.tag.rsplit(':', 1)[-1]}")


_RubySafeLoader.add_implicit_resolver("tag:ruby.invalid,2002:symbol", re.compile(r"^:."), [":"])
_RubySafeLoader.add_constructor("tag:ruby.invalid,2002:symbol", _RubySafeLoader._refuse)
_RubySafeLoader.add_constructor("tag:yaml.org,2002:timestamp", _RubySafeLoader._refuse)


# -- value readers by kramdown type ----------------------------------------------------------
def _string(value: Any) -> str:
    return ruby_to_s(value)


def _boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = ruby_to_s(value)
    return text.lower().strip(_RUBY_SPACE) != "false" and text != ""


def _integer(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return ruby_integer(ruby_to_s(value))


def _symbol(value: Any) -> str | None:
    return str_to_sym(value)


def _array(value: Any, size: int | None = None) -> list[Any]:
    """kramdown's array rule: a comma-separated string (Ruby ``split`` drops trailing empty
    fields) or a list; optionally of exactly ``size`` items."""
    if isinstance(value, str):
        items = value.split(",")
        while items and items[-1] == "":
            items.pop()
    elif isinstance(value, (list, tuple)):
        items = list(value)
    else:
        raise _Invalid("expected a list or a comma-separated string")
    if size is not None and len(items) != size:
        raise _Invalid(f"exactly {size} values are needed")
    return items


def _hash(value: Any) -> dict[Any, Any]:
    """kramdown's hash rule: a mapping, or YAML text holding one."""
    if isinstance(value, str):
        try:
            value = yaml.load(value, Loader=_RubySafeLoader)  # noqa: S506 - a safe loader
        except yaml.YAMLError as exc:
            raise _Invalid(f"invalid YAML ({exc})") from exc
    if not isinstance(value, Mapping):
        raise _Invalid("expected a mapping (or YAML text of one)")
    return copy.deepcopy(dict(value))


def _symbol_keyed(value: Any) -> dict[Any, Any]:
    return {str_to_sym(k) if isinstance(k, str) else k: v for k, v in _hash(value).items()}


def _input(value: Any) -> str:
    """Like ``Kramdown::Document``: nil means kramdown; the parser is the name with its first
    letter upcased (so "Kramdown" and "gFM" work, "gfm" does not)."""
    if value is None or value is False:
        return "kramdown"
    text = ruby_to_s(value)
    if text.startswith(":"):
        text = text[1:]
    parser = text[:1].upper() + text[1:]
    if parser in ("Kramdown", "GFM"):
        return "kramdown" if parser == "Kramdown" else "GFM"
    if parser in ("Html", "Markdown"):
        raise _Invalid(f"kramdown's {parser} parser is not implemented in jekyllpy")
    raise _Invalid("kramdown has no parser for this input format")


def _template(value: Any) -> str:
    text = _string(value)
    if text:
        raise _Invalid("kramdown templates are not implemented in jekyllpy")
    return text


def _link_defs(value: Any) -> dict[Any, tuple[Any, Any]]:
    out: dict[Any, tuple[Any, Any]] = {}
    for key, val in _hash(value).items():
        if not isinstance(val, (list, tuple)) or not 1 <= len(val) <= 2:
            raise _Invalid(f"link {key!r} needs [url] or [url, title]")
        out[key] = (val[0], val[1] if len(val) == 2 else None)
    return out


_TOC_RANGE = re.compile(r"^([0-9])\.\.([0-9])$", re.M)
_TOC_LIST = re.compile(r"^[0-9](?:,[0-9])*$", re.M)


def _toc_levels(value: Any) -> tuple[int, ...]:
    if isinstance(value, str):
        if m := _TOC_RANGE.search(value):
            levels = list(range(int(m.group(1)), int(m.group(2)) + 1))
        elif _TOC_LIST.search(value):
            levels = [_to_i(part) for part in value.split(",")]
        else:
            raise _Invalid('expected levels like "1,2,3" or a range like "1..3"')
    elif isinstance(value, (list, tuple, range)):
        levels = [_to_i(item) for item in value]
    else:
        raise _Invalid("expected a list, a range or a string of levels")
    if any(not 1 <= level <= 6 for level in levels):
        raise _Invalid("levels must be integers from 1 to 6")
    return tuple(dict.fromkeys(levels))


def _smart_quote_item(item: Any) -> Any:
    if isinstance(item, str):
        try:
            return ruby_integer(item)
        except _Invalid:
            return item
    if isinstance(item, float) and math.isfinite(item):
        return math.trunc(item)
    return item


def _smart_quotes(value: Any) -> tuple[str | int, ...]:
    quotes = tuple(_smart_quote_item(item) for item in _array(value, 4))
    for quote in quotes:
        if isinstance(quote, bool) or not isinstance(quote, (int, str)):
            raise _Invalid(f"{quote!r} is neither an entity name nor a code point")
        if isinstance(quote, int) and quote < 0:
            raise _Invalid(f"{quote} is not a code point")
        if isinstance(quote, str) and entity_by_name(quote) is None:
            raise _Invalid(f"{quote!r} is not an entity name kramdown knows")
    return quotes


def _typographic_symbols(value: Any) -> dict[Any, str]:
    return {key: ruby_to_s(val) for key, val in _symbol_keyed(value).items()}


def _latex_headers(value: Any) -> tuple[Any, ...]:
    return tuple(_array(value, 6))


def _forbidden_inline_options(value: Any) -> tuple[Any, ...]:
    if not isinstance(value, (list, tuple)):
        raise _Invalid("expected a list of option names")
    return tuple(str_to_sym(item) if isinstance(item, str) else item for item in value)


def _gfm_quirks(value: Any) -> tuple[str | None, ...]:
    return tuple(str_to_sym(ruby_to_s(item)) for item in _array(value))


def _entity_output(value: Any) -> str:
    mode = str_to_sym(value)
    if mode not in ("as_char", "as_input", "numeric", "symbolic"):
        raise _Invalid("expected as_char, as_input, numeric or symbolic")
    return mode


def _syntax_highlighter(value: Any) -> str | None:
    name = str_to_sym(value)
    if name == "minted":
        raise _Invalid("minted writes LaTeX and is not implemented in jekyllpy")
    return name


def _freeze(value: Any) -> Any:
    if isinstance(value, Mapping):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


def _thaw(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _thaw(v) for k, v in value.items()}
    return value


_SMART_QUOTES = ("lsquo", "rsquo", "ldquo", "rdquo")
_GFM = "kramdown-parser-gfm"

_DEFINITIONS = (
    Option("input", "kramdown", _input, "Parser for the source: 'kramdown' or 'GFM'.", "document"),
    Option("template", "", _template, "ERB template wrapping the output ('' only: none)."),
    Option("auto_ids", True, _boolean, "Give headers without an id a generated one."),
    Option("auto_id_stripping", False, _boolean,
           "kramdown parser: build ids from the header's text, not its raw source."),
    Option("auto_id_prefix", "", _string, "Prefix for generated header ids."),
    Option("transliterated_header_ids", False, _boolean,
           "Transliterate header text to ASCII before building its id."),
    Option("parse_block_html", False, _boolean, "Parse kramdown syntax inside block HTML tags."),
    Option("parse_span_html", True, _boolean, "Parse kramdown syntax inside span HTML tags."),
    Option("html_to_native", False, _boolean, "Turn HTML elements into native elements."),
    Option("link_defs", MappingProxyType({}), _link_defs,
           "Predefined link definitions: id -> (url, title or None)."),
    Option("footnote_nr", 1, _integer, "Number of the first footnote."),
    Option("entity_output", "as_char", _entity_output,
           "How entities are written: as_char, as_input, numeric or symbolic."),
    Option("toc_levels", (1, 2, 3, 4, 5, 6), _toc_levels, "Header levels listed in a TOC."),
    Option("line_width", 72, _integer, "Line width of kramdown-format output."),
    Option("latex_headers", ("section", "subsection", "subsubsection", "paragraph",
                             "subparagraph", "subparagraph"), _latex_headers,
           "LaTeX commands for header levels 1-6 (LaTeX output only)."),
    Option("smart_quotes", _SMART_QUOTES, _smart_quotes,
           "Entity names or code points for the left/right single and double quotes."),
    Option("typographic_symbols", MappingProxyType({}), _typographic_symbols,
           "Replacement text for typographic symbols (hellip, mdash, laquo_space, ...)."),
    Option("remove_block_html_tags", True, _boolean, "RemoveHtmlTags converter: drop block tags."),
    Option("remove_span_html_tags", False, _boolean, "RemoveHtmlTags converter: drop span tags."),
    Option("header_offset", 0, _integer, "Added to header levels on output (kept in 1..6)."),
    Option("syntax_highlighter", "rouge", _syntax_highlighter,
           "Code highlighter: 'rouge', or None for plain code blocks."),
    Option("syntax_highlighter_opts", MappingProxyType({}), _symbol_keyed,
           "Options for the highlighter (default_lang, guess_lang, css_class, block, span, ...)."),
    Option("math_engine", "mathjax", _symbol, "Math engine: 'mathjax', or None for raw math."),
    Option("math_engine_opts", MappingProxyType({}), _symbol_keyed, "Options for the math engine."),
    Option("footnote_backlink", "&#8617;", _string,
           "Text of footnote backlinks ('' for none)."),
    Option("footnote_backlink_inline", False, _boolean,
           "Put the backlink into the last, possibly nested, paragraph or header."),
    Option("footnote_prefix", "", _string, "Prefix for footnote ids."),
    Option("remove_line_breaks_for_cjk", False, _boolean,
           "Drop line breaks between two CJK characters."),
    # kramdown declares this default as the string "template"; its first Document re-parses
    # the defaults, turning it into the Symbol, so in effect template is always forbidden.
    Option("forbidden_inline_options", ("template",), _forbidden_inline_options,
           "Options that {::options} may not set."),
    Option("list_indent", 2, _integer, "List indentation of kramdown-format output."),
    Option("hard_wrap", True, _boolean, "GFM parser: a newline in a paragraph is a <br />.",
           _GFM),
    Option("gfm_quirks", ("paragraph_end",), _gfm_quirks,
           "GFM parser quirks to enable: paragraph_end, no_auto_typographic.", _GFM),
)

#: Every option by name.
OPTIONS: Mapping[str, Option] = MappingProxyType({opt.name: opt for opt in _DEFINITIONS})

#: Names kramdown 1.x defined (CodeRay support) that 2.4 ignores; old configs still carry them.
IGNORED_LEGACY_OPTIONS: frozenset[str] = frozenset({
    "enable_coderay", "coderay_wrap", "coderay_line_numbers", "coderay_line_number_start",
    "coderay_tab_width", "coderay_bold_every", "coderay_css", "coderay_default_lang"})

#: Names only kramdown-parser-gfm releases after 1.1.0 define (emoji); 1.1.0 ignores them.
IGNORED_NEWER_OPTIONS: frozenset[str] = frozenset({"gfm_emojis", "gfm_emoji_opts"})

#: Names :func:`resolve_options` accepts and drops, as kramdown ignores them.
IGNORED_OPTIONS: frozenset[str] = IGNORED_LEGACY_OPTIONS | IGNORED_NEWER_OPTIONS

#: The kramdown options Jekyll 4.3.1 passes by default, as :func:`resolve_options` reads them.
#: Jekyll's ``kramdown:`` defaults plus what its converter adds: ``syntax_highlighter`` from
#: ``highlighter: rouge`` and ``syntax_highlighter_opts`` with ``default_lang``/``guess_lang``.
JEKYLL_DEFAULTS: Mapping[str, Any] = _freeze({
    "auto_ids": True,
    "toc_levels": [1, 2, 3, 4, 5, 6],
    "entity_output": "as_char",
    "smart_quotes": list(_SMART_QUOTES),
    "input": "GFM",
    "hard_wrap": False,
    "footnote_nr": 1,
    "syntax_highlighter": "rouge",
    "syntax_highlighter_opts": {"default_lang": "plaintext", "guess_lang": True},
})


@lru_cache(maxsize=None)
def defined_option_names(input_format: str = "kramdown") -> frozenset[str]:
    """The names kramdown's registry holds while parsing ``input_format``: what
    ``{::options}`` accepts.  ``input`` is never among them, and the GFM parser's own
    options are registered only once that parser is loaded (Jekyll loads it for GFM only)."""
    gfm = _input(input_format) == "GFM"
    return frozenset(name for name, opt in OPTIONS.items()
                     if opt.origin == "kramdown" or (gfm and opt.origin == _GFM))


def parse_option(name: str, value: Any) -> Any:
    """Validate and coerce one value for option ``name`` as kramdown would read it.

    Raises ``ValueError`` naming the option for an unknown name or a value kramdown (or
    jekyllpy) cannot use.
    """
    option = OPTIONS.get(name)
    if option is None:
        raise ValueError(f"unknown kramdown option {name!r}")
    try:
        return option.coerce(value)
    except (ValueError, TypeError, RecursionError) as exc:
        raise ValueError(f"invalid value {value!r} for kramdown option {name!r}: {exc}") from exc


def resolve_options(overrides: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """All options: kramdown's defaults with ``overrides`` read in by :func:`parse_option`.

    Keys may be written ``":name"`` (a Ruby Symbol).  Names in :data:`IGNORED_OPTIONS` are
    dropped; any other unknown name raises ``ValueError``.  The result is a fresh dict the
    caller may change.
    """
    try:
        key = _frozen(overrides)
    except TypeError:  # a value that cannot be a cache key: resolve it every time
        key = None
    resolved = _RESOLVED.get(key) if key is not None else None
    if resolved is None:
        resolved = {name: _thaw(opt.default) for name, opt in OPTIONS.items()}
        for name, value in _items(overrides):
            if not isinstance(name, str):
                raise ValueError(f"kramdown option names are strings, not {name!r}")
            name = name[1:] if name.startswith(":") else name
            if name not in IGNORED_OPTIONS:
                resolved[name] = parse_option(name, value)
        if key is not None and len(_RESOLVED) < 256:
            _RESOLVED[key] = resolved
    return copy_resolved(resolved)


def copy_resolved(resolved: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of resolved options a conversion may change (its lists and hashes copied;
    the rest is never changed in place)."""
    fresh = dict(resolved)
    for name, value in resolved.items():
        if type(value) is dict or type(value) is list:
            fresh[name] = _copied(value)
    return fresh


#: resolved options by their (frozen) overrides: a site converts every page with the same
#: options, and reading them in again costs more than many a short page's conversion
_RESOLVED: dict[Any, dict[str, Any]] = {}


def _frozen(value: Any) -> Any:
    """A hashable stand-in for ``value`` that tells equal option values apart by type too
    (``1`` and ``True`` and ``1.0`` parse differently); TypeError if there is none."""
    kind = type(value)
    if kind is str or kind is bool or kind is int:  # most values: checked without the ABCs
        return (kind, value)
    if isinstance(value, Mapping):
        return (dict, tuple((_frozen(k), _frozen(v)) for k, v in value.items()))
    if isinstance(value, (list, tuple)):
        return (kind, tuple(_frozen(v) for v in value))
    hash(value)
    return (kind, value)


def _copied(value: Any) -> Any:
    """``value`` with its lists and dicts copied, so a caller's changes stay its own."""
    kind = type(value)
    if kind is dict:
        return {k: _copied(v) for k, v in value.items()}
    if kind is list:
        return [_copied(v) for v in value]
    return value


def _items(mapping: Mapping[str, Any] | None) -> Iterable[tuple[Any, Any]]:
    return mapping.items() if mapping else ()

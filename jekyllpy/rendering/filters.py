"""Jekyll 4.3's Liquid filters (``Jekyll::Filters`` and its URL, date and grouping modules).

Each filter takes its input first, then the template's arguments; those that need the
site (its configuration, zone, Markdown converter) or the template's variables take the
render context as the keyword ``context``; its ``env`` is the
:class:`~jekyllpy.rendering.environment.JekyllEnvironment`.

Items of the arrays these filters walk may be plain mappings or drops.  A drop is any
``collections.abc.Mapping``: properties are read with ``item[key]`` (missing keys give
None); ``to_liquid()``, when an object has it, is called first, as Jekyll does.  An object
with a ``url`` attribute gives that to ``relative_url``/``absolute_url``.

``sample`` is random as in Ruby, so it matches Jekyll only when the answer is forced (one
item).  ``sassify``/``scssify`` compile with :mod:`.sass` (libsass).
"""

from __future__ import annotations

import datetime as _dt
import functools
import math
import random
import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from liquid.builtin.expressions import BooleanExpression, FilteredExpression, tokenize
from liquid.builtin.expressions.logical import is_truthy
from liquid.builtin.expressions.primitive import Blank, Empty
from liquid.stream import TokenStream
from liquid.token import TOKEN_EXPRESSION, Token

from . import ruby, urls
from .conditions import ruby_conditions
from .dependencies import note_volatile
from .drop_keys import drop_keys
from .drops import (CollectionDrop, DocumentDrop, Drop, ExcerptDrop, PageDrop, SiteDrop,
                    StaticFileDrop)
from .ruby import to_s
from .standard_filters import FilterError, awk_split, cgi_escape, plain, _zone

__all__ = ["JEKYLL_FILTERS", "slugify", "xml_escape", "jsonify"]


# --------------------------------------------------------------------------- converters

def markdownify(value: Any, *, context: Any) -> str:
    env = context.env
    return env.markdownify(to_s(value, env.timezone))


def smartify(value: Any, *, context: Any) -> str:
    from .smartypants import smartify as convert
    env = context.env
    return convert(to_s(value, env.timezone), env.site_config)


def _sass(value: Any, syntax: str, context: Any) -> str:
    from . import sass as converter  # jekyll-sass-converter's rules; needs libsass
    convert = converter.sassify if syntax == "sass" else converter.scssify
    return convert(to_s(value, context.env.timezone), context.env.site_config)


def sassify(value: Any, *, context: Any) -> str:
    return _sass(value, "sass", context)


def scssify(value: Any, *, context: Any) -> str:
    return _sass(value, "scss", context)


# --------------------------------------------------------------------------- strings

def slugify(value: Any, mode: Any = None, cased: bool = False) -> str | None:
    """Jekyll's ``Utils.slugify`` as the filter calls it (one implementation, the site
    layer's :func:`jekyllpy.site.url.slugify`); a non-string raises as Ruby's ``gsub``
    would."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise FilterError(f"undefined method `gsub' for {ruby.inspect(value)}")
    from ..site.url import slugify as url_slugify  # lazily: the site package imports us
    return url_slugify(value, "default" if mode is None else to_s(mode), cased)


def slugify_filter(value: Any, mode: Any = None) -> str | None:
    return slugify(value, mode)


_XML_ATTR = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;"}


def xml_escape(value: Any) -> str:
    """``to_s.encode(xml: :attr)`` without the surrounding quotes."""
    return re.sub(r"[&<>\"']", lambda m: _XML_ATTR[m.group(0)], to_s(value))


def cgi_escape_filter(value: Any) -> str:
    if not isinstance(value, str):
        raise FilterError(f"cgi_escape: no implicit conversion of {type(value).__name__}")
    return cgi_escape(value)


def uri_escape(value: Any) -> str | None:
    if value is None:
        return None
    return urls.normalize_component(to_s(value))


def normalize_whitespace(value: Any) -> str:
    return re.sub(r"[ \t\n\v\f\r]+", " ", to_s(value)).strip(" \t\n\v\f\r\0")


# Han, Katakana, Hiragana and Hangul as Ruby 3.1 (Unicode 13) knows them.
_CJK = re.compile(
    "[\u1100-\u11ff\u2e80-\u2e99\u2e9b-\u2ef3\u2f00-\u2fd5\u3005\u3007\u3021-\u3029"
    "\u302e-\u302f\u3038-\u303b\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fd-\u30ff"
    "\u3131-\u318e\u31f0-\u321e\u3260-\u327e\u32d0-\u32fe\u3300-\u3357\u3400-\u4dbf"
    "\u4e00-\u9ffc\ua960-\ua97c\uac00-\ud7a3\ud7b0-\ud7c6\ud7cb-\ud7fb\uf900-\ufa6d"
    "\ufa70-\ufad9\uff66-\uff6f\uff71-\uff9d\uffa0-\uffbe\uffc2-\uffc7\uffca-\uffcf"
    "\uffd2-\uffd7\uffda-\uffdc\U0001b000-\U0001b11e\U0001b150-\U0001b152"
    "\U0001b164-\U0001b167\U0001f200\U00016fe2-\U00016fe3\U00016ff0-\U00016ff1"
    "\U00020000-\U0002a6dd\U0002a700-\U0002b734\U0002b740-\U0002b81d"
    "\U0002b820-\U0002cea1\U0002ceb0-\U0002ebe0\U0002f800-\U0002fa1d"
    "\U00030000-\U0003134a]")


def _non_cjk_words(text: str) -> int:
    count = 0
    in_word = False
    for ch in text:
        if _CJK.match(ch) or re.match(r"\s", ch):
            in_word = False
        elif not in_word:
            count += 1
            in_word = True
    return count


def number_of_words(value: Any, mode: Any = None) -> int:
    text = to_s(value) if not isinstance(value, str) else value
    if mode == "cjk":
        return len(_CJK.findall(text)) + _non_cjk_words(text)
    if mode == "auto":
        cjk = len(_CJK.findall(text))
        return len(awk_split(text)) if cjk == 0 else cjk + _non_cjk_words(text)
    return len(awk_split(text))


def array_to_sentence_string(value: Any, connector: Any = "and", *,
                             context: Any = None) -> str:
    zone = _zone(context)
    items = list(value) if isinstance(value, (list, tuple)) else None
    if items is None:
        if isinstance(value, str):
            raise FilterError("undefined method `[]' for a String (array_to_sentence_string)")
        items = [] if value is None else [value]
    conn = to_s(connector, zone)
    if not items:
        return ""
    if len(items) == 1:
        return to_s(items[0], zone)
    if len(items) == 2:
        return f"{to_s(items[0], zone)} {conn} {to_s(items[1], zone)}"
    head = ", ".join(to_s(item, zone) for item in items[:-1])
    return f"{head}, {conn} {to_s(items[-1], zone)}"


# --------------------------------------------------------------------------- json / inspect

def _as_liquid(value: Any) -> Any:
    """Jekyll's ``as_liquid``: hashes and arrays item by item, anything else by its
    ``to_liquid``.  A drop is its own ``to_liquid`` and stays a drop (serialized by
    :func:`to_json` as Ruby's ``Drop#to_json`` does); a page's drop stands for the Hash
    that Jekyll's ``Page#to_liquid`` returns and is taken item by item."""
    value = plain(value)
    if isinstance(value, Drop) and not isinstance(value, PageDrop):
        return value
    if isinstance(value, Mapping):
        return {_as_liquid(k): _as_liquid(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_as_liquid(v) for v in value]
    liquid = ruby.liquid_value(value)
    if liquid is not value:
        return _as_liquid(liquid)
    return value


_JSON_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t",
                 "\f": "\\f", "\b": "\\b"}
_JSON_SPECIAL = re.compile(r'["\\\x00-\x1f]')


def _json_escape(m: re.Match[str]) -> str:
    ch = m.group()
    return _JSON_ESCAPES.get(ch) or f"\\u{ord(ch):04x}"


def _json_string(text: str) -> str:
    """A JSON string as Ruby's json writes it: ``"``, ``\\`` and control characters
    escaped, everything else (``/``, non-ASCII) as it is."""
    if _JSON_SPECIAL.search(text) is None:
        return f'"{text}"'
    return f'"{_JSON_SPECIAL.sub(_json_escape, text)}"'


# --------------------------------------------------------------------------- drops as JSON
#
# ``Drop#to_json`` is ``JSON.generate(hash_for_json(state), state)`` with ``hash_for_json``
# = ``to_h``: each of ``keys`` (:func:`.drop_keys.drop_keys`) with ``self[key]``.

# DocumentDrop::NESTED_OBJECT_FIELD_BLACKLIST: what a collapsed neighbour leaves out
_NESTED_BLACKLIST = frozenset(("content", "output", "excerpt", "next", "previous"))


def _drop_value(drop: Drop, key: Any) -> Any:
    try:
        value = drop[key]
    except KeyError:
        return None
    if isinstance(drop, (SiteDrop, CollectionDrop)):
        # these drops hand out Jekyll's own objects (site.posts, a collection's docs):
        # a Document or a Page has no to_json of its own and is written as its to_s
        return _ruby_object(value)
    return value


def _ruby_object(value: Any) -> Any:
    """What the JSON generator sees of a value ``SiteDrop``/``CollectionDrop`` return,
    where Jekyll returns its Document and Page objects (not their drops): their ``to_s``
    (``Document#to_s`` = output || content || "NO CONTENT", ``Convertible#to_s`` =
    content || "").  A static file's ``to_json`` is its drop's."""
    if isinstance(value, DocumentDrop):
        text = value["output"]
        if text is None:
            text = value["content"]
        return "NO CONTENT" if text is None else text
    if isinstance(value, PageDrop):
        text = value.get("content")
        return "" if text is None else text
    if isinstance(value, list):
        return [_ruby_object(v) for v in value]
    if isinstance(value, dict):
        return {k: _ruby_object(v) for k, v in value.items()}
    return value


def _drop_json(drop: Drop, zone: _dt.tzinfo, depth: int, pretty: bool) -> str:
    """``Drop#to_json(state)`` with ``state.depth == depth``: the drop's hash, where a
    document nested two or more levels deep (``state.depth >= 2``) has its ``previous``
    and ``next`` collapsed to their fields less content, output, excerpt, next and
    previous (``DocumentDrop#hash_for_json``), which ends the chain of neighbours."""
    pairs = {key: _drop_value(drop, key) for key in drop_keys(drop)}
    if isinstance(drop, DocumentDrop) and depth >= 2:
        for key in ("previous", "next"):
            neighbour = pairs.get(key)
            if ruby.truthy(neighbour) and isinstance(neighbour, Drop):
                pairs[key] = {k: _drop_value(neighbour, k) for k in drop_keys(neighbour)
                              if k not in _NESTED_BLACKLIST}
    return _json_object(pairs, zone, depth, pretty)


def _json_object(value: Mapping[Any, Any], zone: _dt.tzinfo, depth: int,
                 pretty: bool = False) -> str:
    if not pretty:
        return "{" + ",".join(f"{_json_string(to_s(k, zone))}:{to_json(v, zone, depth + 1)}"
                              for k, v in value.items()) + "}"
    # JSON.pretty_generate: a newline and the indent before each pair, one after the last
    # (an empty hash is "{\n}")
    inner = "\n" + "  " * (depth + 1)
    return ("{" + ",".join(f"{inner}{_json_string(to_s(k, zone))}: "
                           f"{to_json(v, zone, depth + 1, True)}" for k, v in value.items())
            + "\n" + "  " * depth + "}")


def _json_array(value: Any, zone: _dt.tzinfo, depth: int, pretty: bool) -> str:
    if not pretty:
        return "[" + ",".join(to_json(v, zone, depth + 1) for v in value) + "]"
    # a newline after "[" and before "]" (an empty array is "[\n\n]")
    inner = "  " * (depth + 1)
    return ("[\n" + ",\n".join(inner + to_json(v, zone, depth + 1, True) for v in value)
            + "\n" + "  " * depth + "]")


def to_json(value: Any, zone: _dt.tzinfo, depth: int = 0, pretty: bool = False) -> str:
    """Ruby's ``to_json`` (json 2.x): compact, UTF-8 as is, floats by ``Float#to_s``;
    with ``pretty``, ``JSON.pretty_generate`` (two spaces of indent per level).

    ``depth`` is the generator state's depth: how many arrays and objects enclose the
    value (it decides whether a document's neighbours are collapsed, and the indent)."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (float, Decimal)):
        f = float(value)
        if math.isnan(f) or math.isinf(f):
            raise FilterError(f"{ruby.float_to_s(f)} not allowed in JSON")
        return ruby.float_to_s(f)
    if isinstance(value, str):
        return _json_string(value)
    if isinstance(value, Drop) and not isinstance(value, PageDrop):
        return _drop_json(value, zone, depth, pretty)
    if isinstance(value, Mapping):
        return _json_object(value, zone, depth, pretty)
    if isinstance(value, (list, tuple)):
        return _json_array(value, zone, depth, pretty)
    return _json_string(to_s(value, zone))


def jsonify(value: Any, *, context: Any = None) -> str:
    return to_json(_as_liquid(value), _zone(context))


# What Ruby's inspect shows of Jekyll's own objects, which Jekyll's arrays hold (site.posts,
# site.pages, a collection's docs, site.static_files, site.tags, and what where, sort,
# group_by... keep of them): the class and the relative path.
_PAGE_CLASSES = {"GeneratedPage": "Jekyll::PageWithoutAFile",
                 "SourceMapPage": "Jekyll::SourceMapPage"}


def object_inspect(drop: Drop) -> str | None:
    """``inspect`` of the Jekyll object ``drop`` stands for inside one of Jekyll's arrays
    (None for drops that stand for no object: collections, the site)."""
    obj = drop.obj
    if isinstance(drop, ExcerptDrop):
        return f"<Jekyll::Excerpt id={obj.doc.id}#excerpt>"
    if isinstance(drop, DocumentDrop):
        return f"#<Jekyll::Document {obj.relative_path} collection={obj.collection.label}>"
    if isinstance(drop, PageDrop):
        name = _PAGE_CLASSES.get(type(obj).__name__, "Jekyll::Page")
        return f"#<{name} @relative_path={ruby.inspect_string(obj.relative_path)}>"
    if isinstance(drop, StaticFileDrop):
        return f"#<Jekyll::StaticFile @relative_path={ruby.inspect_string(obj.relative_path)}>"
    return None


def drop_inspect(drop: Drop, zone: _dt.tzinfo) -> str:
    """``inspect`` of the drop itself: ``Drop#inspect`` is ``JSON.pretty_generate(to_h)``
    for Jekyll's drops; a page's drop is a Hash; ``jekyll`` is a bare ``Liquid::Drop``,
    whose ``inspect`` is its class name."""
    if isinstance(drop, PageDrop):
        return ruby.inspect(dict(drop), zone)
    if not drop.enumerable:
        return drop.ruby_class
    return to_json(drop, zone, 0, True)


def _inspect(value: Any, zone: _dt.tzinfo, top: bool) -> str:
    """Ruby's ``inspect`` of a Liquid value.  The value itself, when a drop, is the drop
    (it was looked up or returned by a filter: Liquid calls ``to_liquid``).  Inside arrays
    and hashes a drop shows Jekyll's object where it stands for one, else itself
    (:meth:`.drops.Drop.ruby_inspect`, which :func:`.ruby.inspect` asks)."""
    if top and isinstance(value, Drop):
        return drop_inspect(value, zone)
    return ruby.inspect(value, zone)


def inspect_filter(value: Any, *, context: Any = None) -> str:
    return xml_escape(_inspect(plain(value), _zone(context), True))


# --------------------------------------------------------------------------- dates

#: standard_filters.to_date, imported when first needed (standard_filters imports us)
_to_date: Any = None


def _time(value: Any, zone: _dt.tzinfo) -> _dt.datetime:
    global _to_date
    if _to_date is None:
        from .standard_filters import to_date as _to_date
    when = _to_date(value, zone)
    if when is None:
        raise FilterError(f"Invalid Date: '{ruby.inspect(value, zone)}' is not a valid "
                          "datetime.")
    return ruby.localtime(when, zone)


def _ordinal(day: int) -> str:
    if 11 <= day <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _stringify_date(value: Any, month: str, kind: Any, style: Any, context: Any) -> Any:
    zone = _zone(context)
    if to_s(value, zone) == "":
        return value
    when = _time(value, zone)
    if kind == "ordinal":
        day = f"{when.day}{_ordinal(when.day)}"
        if style == "US":
            return ruby.strftime(when, f"{month} {day}, %Y", zone)
        return ruby.strftime(when, f"{day} {month} %Y", zone)
    return ruby.strftime(when, f"%d {month} %Y", zone)


def date_to_string(value: Any, kind: Any = None, style: Any = None, *,
                   context: Any = None) -> Any:
    return _stringify_date(value, "%b", kind, style, context)


def date_to_long_string(value: Any, kind: Any = None, style: Any = None, *,
                        context: Any = None) -> Any:
    return _stringify_date(value, "%B", kind, style, context)


#: date_to_xmlschema of times already seen: (time, zone) -> text.  The text depends only on
#: the instant (or, for a time without zone, the wall time) and the zone, which is what
#: equal datetimes share; a page prints its date three or four times (layout, SEO, feed).
_XMLSCHEMA: dict[tuple[_dt.datetime, _dt.tzinfo], str] = {}


def date_to_xmlschema(value: Any, *, context: Any = None) -> Any:
    zone = _zone(context)
    key = (value, zone) if type(value) is _dt.datetime else None
    if key is not None:
        found = _XMLSCHEMA.get(key)
        if found is not None:
            return found
    if to_s(value, zone) == "":
        return value
    when = _time(value, zone)
    offset = ruby.strftime(when, "%:z", zone)
    text = ruby.strftime(when, "%Y-%m-%dT%H:%M:%S", zone) + offset
    if key is not None:
        if len(_XMLSCHEMA) > 50_000:
            _XMLSCHEMA.clear()
        _XMLSCHEMA[key] = text
    return text


def date_to_rfc822(value: Any, *, context: Any = None) -> Any:
    zone = _zone(context)
    if to_s(value, zone) == "":
        return value
    return ruby.strftime(_time(value, zone), "%a, %d %b %Y %H:%M:%S %z", zone)


# --------------------------------------------------------------------------- urls

def _site_config(context: Any) -> Mapping[str, Any]:
    return context.env.site_config


def _ensure_leading_slash(text: str) -> str:
    return text if not text or text.startswith("/") else "/" + text


def relative_url(value: Any, *, context: Any) -> str | None:
    if value is None:
        return None
    value = getattr(value, "url", value) if not isinstance(value, (str, Mapping)) else value
    zone = _zone(context)
    baseurl = _site_config(context).get("baseurl")
    if type(value) is str and (baseurl is None or type(baseurl) is str):
        return _relative_url(value, baseurl or "")
    text = to_s(value, zone)
    if urls.is_absolute(text):
        return text if isinstance(value, str) else value
    base = "" if baseurl is None else to_s(baseurl, zone)
    return _relative_url(text, base)


@functools.lru_cache(maxsize=8192)
def _relative_url(text: str, base: str) -> str:
    """``relative_url`` of a string (a site asks for the same few hundred on every page)."""
    if urls.is_absolute(text):
        return text
    if base.endswith("/"):
        base = base[:-1]
    return urls.normalize(_ensure_leading_slash(base) + _ensure_leading_slash(text))


def absolute_url(value: Any, *, context: Any) -> str | None:
    if value is None:
        return None
    value = getattr(value, "url", value) if not isinstance(value, (str, Mapping)) else value
    zone = _zone(context)
    text = to_s(value, zone)
    if urls.is_absolute(text):
        return text if isinstance(value, str) else value
    site_url = _site_config(context).get("url")
    if site_url is None or site_url == "":
        return relative_url(value, context=context)
    return urls.normalize(to_s(site_url, zone) + (relative_url(value, context=context) or ""))


def strip_index(value: Any) -> Any:
    if value is None or to_s(value) == "":
        return None
    return re.sub(r"/index\.html?$", "/", to_s(value), count=1, flags=re.M)


# --------------------------------------------------------------------------- properties

_FLOAT_LIKE = re.compile(r"\A\s*-?(?:\d+\.?\d*|\.\d+)\s*\Z")
_INTEGER_LIKE = re.compile(r"\A\s*-?\d+\s*\Z")


def _string_to_f(text: str) -> float:
    m = re.match(r"\s*(-?(?:\d+\.?\d*|\.\d+))", text)
    if not m:
        return 0.0
    num = m.group(1)
    if num.endswith("."):
        num = num[:-1]
    return float(num)


def _parse_sort_input(value: Any, zone: _dt.tzinfo) -> Any:
    if type(value) is str:
        # a number can only start with a digit, a sign, a point or white space
        lead = value[:1]
        if not lead or not (lead.isdigit() or lead in "-." or lead.isspace()):
            return value
    text = to_s(value, zone)
    if _INTEGER_LIKE.match(text):
        return ruby.string_to_i(text)
    if _FLOAT_LIKE.match(text):
        return _string_to_f(text)
    return value


def _read(data: Any, key: str) -> Any:
    data = plain(data)
    if isinstance(data, Mapping):
        try:
            return data[key]
        except (KeyError, TypeError):
            return None
    if isinstance(data, str):
        return key if key in data else None
    if isinstance(data, (list, tuple)):
        raise FilterError("no implicit conversion of String into Integer")
    if data is None:
        raise FilterError("undefined method `[]' for nil:NilClass")
    raise FilterError(f"undefined method `[]' for {to_s(data)}")


def item_property(item: Any, prop: Any, zone: _dt.tzinfo) -> Any:
    """Jekyll's ``item_property``: ``to_liquid`` the item, read ``prop`` (a dotted path
    walks nested hashes), numeric-looking results become numbers."""
    key = prop if type(prop) is str else to_s(prop, zone)
    data = ruby.liquid_value(plain(item))
    if "." not in key:
        if isinstance(data, (dict, Drop)):  # the common case, read as _read reads it
            try:
                value = data[key]
            except (KeyError, TypeError):
                return None
            if type(value) is str:
                return _parse_sort_input(value, zone)
        else:
            value = _read(data, key)
    else:
        # ``data.respond_to?(:[]) && data[key]`` down the path: a nil or false on the way
        # gives false.
        value = data
        for part in key.split("."):
            value = plain(value)
            if isinstance(value, (Mapping, str, list, tuple)):
                value = _read(value, part)
            else:
                value = False
    return _parse_sort_input(plain(value), zone)


def _ruby_array(value: Any) -> list[Any]:
    """``Kernel#Array``: nil as [], an array as it is, a hash as its pairs."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    if isinstance(value, Mapping):
        return [[k, v] for k, v in value.items()]
    return [value]


def _compare_property(prop: Any, target: Any, zone: _dt.tzinfo) -> bool:
    if target is None:
        return prop is None
    if isinstance(target, (Empty, Blank)):
        return prop == "" or "".join(to_s(p, zone) for p in _ruby_array(prop)) == ""
    wanted = to_s(target, zone)
    if isinstance(prop, str):
        return prop == wanted
    values = _ruby_array(prop)
    return any(to_s(p, zone) == wanted for p in values)


def _collection(value: Any) -> list[Any] | None:
    """The items of an input Jekyll's array filters accept (a hash gives its values)."""
    value = plain(value)
    if isinstance(value, (list, tuple)):
        return list(value)
    if isinstance(value, Mapping):
        return list(value.values())
    return None


# --------------------------------------------------------------------------- where / find

def where(value: Any, prop: Any, target: Any, *, context: Any = None) -> Any:
    target = plain(target)
    if prop is None or prop is False or isinstance(target, (list, tuple, Mapping)):
        return value
    items = _collection(value)
    if items is None:
        return value
    zone = _zone(context)
    return [item for item in items
            if _compare_property(item_property(item, prop, zone), target, zone)]


def find(value: Any, prop: Any, target: Any, *, context: Any = None) -> Any:
    target = plain(target)
    if prop is None or prop is False or isinstance(target, (list, tuple, Mapping)):
        return value
    items = _collection(value)
    if items is None:
        return value
    zone = _zone(context)
    for item in items:
        if _compare_property(item_property(item, prop, zone), target, zone):
            return item
    return None


def _token(source: str) -> Token:
    return Token(TOKEN_EXPRESSION, source, start_index=0, source=source)


def _condition(env: Any, expression: Any) -> Any:
    source = to_s(expression)
    cache = env.expression_cache
    key = ("cond", source)
    if key not in cache:
        cache[key] = ruby_conditions(BooleanExpression.parse(
            env, TokenStream(tokenize(source, _token(source)))))
    return cache[key]


def _variable(env: Any, expression: Any) -> Any:
    source = to_s(expression)
    cache = env.expression_cache
    key = ("var", source)
    if key not in cache:
        cache[key] = FilteredExpression.parse(env, TokenStream(tokenize(source, _token(source))))
    return cache[key]


def where_exp(value: Any, variable: Any, expression: Any, *, context: Any) -> Any:
    items = _collection(value)
    if items is None:
        return value
    condition = _condition(context.env, expression)
    name = to_s(variable)
    out = []
    for item in items:
        with context.extend({name: item}):
            if is_truthy(condition.evaluate(context)):
                out.append(item)
    return out


def find_exp(value: Any, variable: Any, expression: Any, *, context: Any) -> Any:
    items = _collection(value)
    if items is None:
        return value
    condition = _condition(context.env, expression)
    name = to_s(variable)
    for item in items:
        with context.extend({name: item}):
            if is_truthy(condition.evaluate(context)):
                return item
    return None


# --------------------------------------------------------------------------- grouping

def _grouped(groups: list[tuple[Any, list[Any]]]) -> list[dict[str, Any]]:
    return [{"name": name, "items": items, "size": len(items)} for name, items in groups]


def _groupable(value: Any) -> list[Any] | None:
    value = plain(value)
    if isinstance(value, (list, tuple)):
        return list(value)
    if isinstance(value, Mapping):
        return [[k, v] for k, v in value.items()]
    return None


def group_by(value: Any, prop: Any, *, context: Any = None) -> Any:
    items = _groupable(value)
    if items is None:
        return value
    zone = _zone(context)
    groups: dict[str, list[Any]] = {}
    for item in items:
        groups.setdefault(to_s(item_property(item, prop, zone), zone), []).append(item)
    return _grouped(list(groups.items()))


def group_by_exp(value: Any, variable: Any, expression: Any, *, context: Any) -> Any:
    items = _groupable(value)
    if items is None:
        return value
    expr = _variable(context.env, expression)
    name = to_s(variable)
    from .standard_filters import _uniq_key
    groups: dict[Any, tuple[Any, list[Any]]] = {}
    for item in items:
        with context.extend({name: item}):
            key_value = plain(expr.evaluate(context))
        key = _uniq_key(key_value)
        if key not in groups:
            groups[key] = (key_value, [])
        groups[key][1].append(item)
    return _grouped(list(groups.values()))


# --------------------------------------------------------------------------- sort & co

def _sort_compare(a: Any, b: Any, zone: _dt.tzinfo) -> int:
    result = ruby.compare(a, b)
    if result is None:
        result = ruby.compare(to_s(a, zone), to_s(b, zone))
    return result or 0


def sort(value: Any, prop: Any = None, nils: Any = "first", *, context: Any = None) -> Any:
    value = plain(value)
    if value is None:
        raise FilterError("Cannot sort a null object.")
    zone = _zone(context)
    if prop is not None and nils not in ("first", "last"):
        raise FilterError(f"Invalid nils order: '{to_s(nils)}' is not a valid nils order. "
                          "It must be 'first' or 'last'.")
    if isinstance(value, Mapping):
        value = [[k, v] for k, v in value.items()]
    if not isinstance(value, (list, tuple)):
        raise FilterError(f"undefined method `sort' for {to_s(value, zone)}")
    if prop is None:
        def cmp(a: Any, b: Any) -> int:
            result = ruby.compare(a, b)
            if result is None:
                raise FilterError("comparison failed")
            return result
        return ruby.sort(list(value), cmp)
    if nils == "first":
        order = -1
    elif nils == "last":
        order = 1
    else:
        raise FilterError(f"Invalid nils order: '{to_s(nils)}' is not a valid nils order. "
                          "It must be 'first' or 'last'.")
    keyed = [(item_property(item, prop, zone), item) for item in value]

    def cmp_pair(x: tuple[Any, Any], y: tuple[Any, Any]) -> int:
        a, b = x[0], y[0]
        if a is not None and b is None:
            return -order
        if a is None and b is not None:
            return order
        return _sort_compare(a, b, zone)
    return [item for _, item in ruby.sort(keyed, cmp_pair)]


def pop(value: Any, num: Any = 1) -> Any:
    if not isinstance(value, list):
        return value
    n = ruby.to_integer(num)
    if n < 0:
        raise FilterError("negative array size")
    return value[:max(len(value) - n, 0)]


def _argument_value(item: Any) -> Any:
    """A filter argument as Ruby holds it: Liquid evaluated it with ``to_liquid``, so a
    drop is the drop, not the Jekyll object an array of Jekyll's would hold."""
    return item.as_value() if isinstance(item, Drop) else item


def push(value: Any, item: Any) -> Any:
    if not isinstance(value, list):
        return value
    return [*value, _argument_value(item)]


def shift(value: Any, num: Any = 1) -> Any:
    if not isinstance(value, list):
        return value
    n = ruby.to_integer(num)
    if n < 0:
        raise FilterError("negative array size")
    return value[n:]


def unshift(value: Any, item: Any) -> Any:
    if not isinstance(value, list):
        return value
    return [_argument_value(item), *value]


def sample(value: Any, num: Any = 1) -> Any:
    if not isinstance(value, (list, tuple, Mapping)):
        return value
    items = list(value.items()) if isinstance(value, Mapping) else list(value)
    note_volatile()  # random: the next render may pick others
    try:
        n = ruby.to_integer(num)
    except ruby.RubyArgumentError:
        n = 1
    if n == 1:
        return random.choice(items) if items else None
    return random.sample(items, min(max(n, 0), len(items)))


def to_integer(value: Any) -> int:
    if value is True:
        return 1
    if value is False:
        return 0
    if value is None:
        return 0
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise FilterError(ruby.float_to_s(value))
        return int(value)
    if isinstance(value, Decimal):
        return int(value)
    if isinstance(value, str):
        return ruby.string_to_i(value)
    raise FilterError(f"undefined method `to_i' for {ruby.inspect(value)}")


JEKYLL_FILTERS: dict[str, Callable[..., Any]] = {
    "markdownify": markdownify, "smartify": smartify, "sassify": sassify,
    "scssify": scssify, "slugify": slugify_filter, "xml_escape": xml_escape,
    "cgi_escape": cgi_escape_filter, "uri_escape": uri_escape,
    "normalize_whitespace": normalize_whitespace, "number_of_words": number_of_words,
    "array_to_sentence_string": array_to_sentence_string, "jsonify": jsonify,
    "where": where, "where_exp": where_exp, "find": find, "find_exp": find_exp,
    "to_integer": to_integer, "sort": sort, "pop": pop, "push": push, "shift": shift,
    "unshift": unshift, "sample": sample, "inspect": inspect_filter,
    "date_to_string": date_to_string, "date_to_long_string": date_to_long_string,
    "date_to_xmlschema": date_to_xmlschema, "date_to_rfc822": date_to_rfc822,
    "relative_url": relative_url, "absolute_url": absolute_url,
    "strip_index": strip_index, "group_by": group_by, "group_by_exp": group_by_exp,
}

#: Filters that take the render context.
NEEDS_CONTEXT = frozenset({
    "markdownify", "smartify", "sassify", "scssify", "array_to_sentence_string", "jsonify",
    "inspect", "date_to_string", "date_to_long_string", "date_to_xmlschema",
    "date_to_rfc822", "relative_url", "absolute_url", "where", "find", "where_exp",
    "find_exp", "group_by", "group_by_exp", "sort",
})


"""Liquid 5.4's standard filters with Ruby's semantics (``Liquid::StandardFilters``).

python-liquid's own filters follow Python (``str()`` of floats and lists, ``round`` to even,
truncating ``%``); these follow what the Ruby methods do: ``to_s`` by :mod:`.ruby`,
BigDecimal arithmetic for floats (``Utils.to_number``), ``Integer()`` for integer
arguments, ``InputIterator`` for array filters (flattened arrays; a hash or a scalar as a
one-item list).  Filters Liquid 5.4 lacks (``sum``, ``reject``, ``has``, ...) are not
registered, so a template using them sees what Ruby shows: the input, unchanged.

Every filter receives values already normalised by :func:`plain` (python-liquid's
``Undefined`` as None, ranges as lists) and the render context as ``context`` where it
needs the site's zone.
"""

from __future__ import annotations

import base64
import binascii
import datetime as _dt
import decimal
import math
import re
import urllib.parse
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any


from . import ruby
from .dependencies import note_volatile
from .drop_keys import drop_keys, is_enumerable_drop, is_jekyll_drop
from .drops import Drop
from .ruby import RubyArgumentError, is_undefined, to_s

__all__ = ["STANDARD_FILTERS", "plain", "input_iterator", "FilterError"]


class FilterError(RubyArgumentError):
    """A filter raised where Ruby raises (Jekyll stops the build on it)."""


def plain(value: Any) -> Any:
    """A render value as the filters expect it: Undefined as None, a range as a list."""
    if is_undefined(value):
        return None
    if isinstance(value, range):
        return list(value)
    return value


def _zone(context: Any) -> _dt.tzinfo:
    env = getattr(context, "env", None)
    return getattr(env, "timezone", None) or ruby.local_zone(None)


def _flatten(items: Any) -> list[Any]:
    out: list[Any] = []
    for item in items:
        if isinstance(item, (list, tuple)):
            out.extend(_flatten(item))
        else:
            out.append(item)
    return out


def input_iterator(value: Any) -> list[Any]:
    """Liquid's ``InputIterator``: a flattened array, a hash as ``[hash]``, nil as ``[]``,
    one of Jekyll's Enumerable drops (yielding key and value) as its keys, anything else
    as ``[value]``; each item passed through ``to_liquid``, so that the result holds
    drops where Jekyll's arrays held Jekyll's objects (:meth:`.drops.Drop.as_value`)."""
    value = plain(value)
    if isinstance(value, (list, tuple)):
        items = _flatten(value)
    elif is_enumerable_drop(value):
        items = drop_keys(value)
    else:
        items = [] if value is None else [value]
    out = []
    for item in items:
        item = ruby.liquid_value(plain(item))
        out.append(item.as_value() if isinstance(item, Drop) else item)
    return out


def _index(item: Any, prop: Any) -> Any:
    """``item[prop]`` the way Ruby answers it for the kinds of item Liquid meets."""
    if isinstance(item, Mapping):
        try:
            return item.get(prop) if hasattr(item, "get") else item[prop]
        except (KeyError, TypeError):
            return None
    if isinstance(item, str):
        if isinstance(prop, str):
            return prop if prop in item else None
        if isinstance(prop, float) and prop == prop and abs(prop) != float("inf"):
            prop = int(prop)  # String#[] truncates a Float index
        if isinstance(prop, int) and not isinstance(prop, bool):
            return item[prop] if -len(item) <= prop < len(item) else None
        raise FilterError(f"cannot select the property '{to_s(prop)}'")
    if isinstance(item, (list, tuple)):
        if isinstance(prop, int) and not isinstance(prop, bool):
            return item[prop] if -len(item) <= prop < len(item) else None
        raise FilterError(f"cannot select the property '{to_s(prop)}'")
    if item is None:
        raise AttributeError("nil")
    raise FilterError(f"cannot select the property '{to_s(prop)}'")


def _responds_to_index(item: Any) -> bool:
    return isinstance(item, (Mapping, str, list, tuple, int)) and not isinstance(item, bool)


# --------------------------------------------------------------------------- strings

def size(value: Any) -> int:
    if isinstance(value, bool) or value is None or is_jekyll_drop(value):
        return 0  # a Jekyll drop has no size method
    if isinstance(value, int):
        return 8
    if isinstance(value, (str, list, tuple, Mapping)):
        return len(value)
    return 0


def downcase(value: Any) -> str:
    return to_s(value).lower()


def upcase(value: Any) -> str:
    return to_s(value).upper()


def capitalize(value: Any) -> str:
    text = to_s(value)
    return text[:1].upper() + text[1:].lower() if text else text


_HTML = {"&": "&amp;", ">": "&gt;", "<": "&lt;", '"': "&quot;", "'": "&#39;"}
_HTML_RE = re.compile(r"[&<>\"']")
_ESCAPE_ONCE_RE = re.compile(r"[\"><']|&(?!([a-zA-Z]+|(#\d+));)")


def escape(value: Any) -> str | None:
    if value is None:
        return None
    return _HTML_RE.sub(lambda m: _HTML[m.group(0)], to_s(value))


def escape_once(value: Any) -> str:
    return _ESCAPE_ONCE_RE.sub(lambda m: _HTML[m.group(0)[0]], to_s(value))


def cgi_escape(text: str) -> str:
    """``CGI.escape``: everything but ``a-zA-Z0-9_.-~`` as %XX; space as ``+``."""
    return urllib.parse.quote_plus(text, safe="~")


def url_encode(value: Any) -> str | None:
    return None if value is None else cgi_escape(to_s(value))


def url_decode(value: Any) -> str | None:
    if value is None:
        return None
    raw = urllib.parse.unquote_to_bytes(to_s(value).replace("+", " "))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise FilterError("invalid byte sequence in UTF-8") from err


def base64_encode(value: Any) -> str:
    return base64.b64encode(to_s(value).encode("utf-8")).decode("ascii")


def _decode_bytes(raw: bytes) -> str:
    return raw.decode("utf-8", errors="surrogateescape")


def base64_decode(value: Any) -> str:
    try:
        return _decode_bytes(base64.b64decode(to_s(value).encode("utf-8"), validate=True))
    except (binascii.Error, ValueError) as err:
        raise FilterError("invalid base64 provided to base64_decode") from err


def base64_url_safe_encode(value: Any) -> str:
    return base64.urlsafe_b64encode(to_s(value).encode("utf-8")).decode("ascii")


def base64_url_safe_decode(value: Any) -> str:
    text = to_s(value)
    if not text.endswith("=") and len(text) % 4:
        text += "=" * (4 - len(text) % 4)
    try:
        return _decode_bytes(base64.b64decode(text.encode("utf-8"), altchars=b"-_",
                                              validate=True))
    except (binascii.Error, ValueError) as err:
        raise FilterError("invalid base64 provided to base64_url_safe_decode") from err


def _ruby_slice(seq: Any, start: int, length: int) -> Any:
    """``String#slice(start, length)`` / ``Array#slice``: None where Ruby gives nil."""
    n = len(seq)
    if start < 0:
        start += n
        if start < 0:
            return None
    if start > n or length < 0:
        return None
    return seq[start:start + length]


def slice_(value: Any, offset: Any, length: Any = None) -> Any:
    start = ruby.to_integer(offset)
    count = ruby.to_integer(length) if length is not None else 1
    if isinstance(value, (list, tuple)):
        part = _ruby_slice(list(value), start, count)
        return [] if part is None else part
    part = _ruby_slice(to_s(value), start, count)
    return "" if part is None else part


def truncate(value: Any, length: Any = 50, ellipsis: Any = "...") -> str | None:
    if value is None:
        return None
    text = to_s(value)
    limit = ruby.to_integer(length)
    tail = to_s(ellipsis)
    keep = max(limit - len(tail), 0)
    return text[:keep] + tail if len(text) > limit else text


_AWK_SPACE = re.compile(r"[ \t\n\v\f\r]+")


def awk_split(text: str) -> list[str]:
    """``String#split`` with no pattern (or ``" "``): ASCII whitespace runs, no empties."""
    return [w for w in _AWK_SPACE.split(text) if w]


def truncatewords(value: Any, words: Any = 15, ellipsis: Any = "...") -> str | None:
    if value is None:
        return None
    text = to_s(value)
    count = ruby.to_integer(words)
    if count <= 0:
        count = 1
    wordlist = awk_split(text)
    if len(wordlist) <= count:
        return text
    return " ".join(wordlist[:count]) + to_s(ellipsis)


def ruby_split(text: str, pattern: str) -> list[str]:
    """``String#split(pattern)`` with a string pattern: awk mode for ``" "``, characters
    for ``""``, trailing empty strings dropped."""
    if pattern == " ":
        return awk_split(text)
    parts = list(text) if pattern == "" else text.split(pattern)
    while parts and parts[-1] == "":
        parts.pop()
    return parts


def split(value: Any, pattern: Any) -> list[str]:
    return ruby_split(to_s(value), to_s(pattern))


_STRIP_CHARS = " \t\n\v\f\r\0"


def strip(value: Any) -> str:
    return to_s(value).strip(_STRIP_CHARS)


def lstrip(value: Any) -> str:
    return to_s(value).lstrip(_STRIP_CHARS)


def rstrip(value: Any) -> str:
    return to_s(value).rstrip(_STRIP_CHARS)


_STRIP_BLOCKS = re.compile(r"<script.*?</script>|<!--.*?-->|<style.*?</style>", re.S)
_STRIP_TAGS = re.compile(r"<.*?>", re.S)


def strip_html(value: Any) -> str:
    return _STRIP_TAGS.sub("", _STRIP_BLOCKS.sub("", to_s(value)))


def strip_newlines(value: Any) -> str:
    return re.sub(r"\r?\n", "", to_s(value))


def newline_to_br(value: Any) -> str:
    return re.sub(r"\r?\n", "<br />\n", to_s(value))


def replace(value: Any, old: Any, new: Any = "") -> str:
    return to_s(value).replace(to_s(old), to_s(new))


def replace_first(value: Any, old: Any, new: Any = "") -> str:
    return to_s(value).replace(to_s(old), to_s(new), 1)


def replace_last(value: Any, old: Any, new: Any) -> str:
    text, old_s = to_s(value), to_s(old)
    at = text.rfind(old_s)
    if at < 0:
        return text
    return text[:at] + to_s(new) + text[at + len(old_s):]


def remove(value: Any, old: Any) -> str:
    return replace(value, old, "")


def remove_first(value: Any, old: Any) -> str:
    return replace_first(value, old, "")


def remove_last(value: Any, old: Any) -> str:
    return replace_last(value, old, "")


def append(value: Any, other: Any) -> str:
    return to_s(value) + to_s(other)


def prepend(value: Any, other: Any) -> str:
    return to_s(other) + to_s(value)


# --------------------------------------------------------------------------- arrays

def join(value: Any, glue: Any = " ", *, context: Any = None) -> str:
    zone = _zone(context)
    return to_s(glue).join(to_s(item, zone) for item in input_iterator(value))


def _casecmp(a: Any, b: Any) -> int:
    if a is not None and b is not None:
        x = to_s(a).encode("utf-8").translate(_ASCII_LOWER)
        y = to_s(b).encode("utf-8").translate(_ASCII_LOWER)
        return (x > y) - (x < y)
    return 1 if a is None else -1


_ASCII_LOWER = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"abcdefghijklmnopqrstuvwxyz")


def nil_safe_compare(a: Any, b: Any) -> int:
    result = ruby.compare(a, b)
    if result is not None:
        return result
    if a is None:
        return 1
    if b is None:
        return -1
    raise FilterError("cannot sort values of incompatible types")


def sort_natural(value: Any, prop: Any = None) -> list[Any] | None:
    items = input_iterator(value)
    if not items:
        return []
    if prop is None:
        return ruby.sort(items, _casecmp)
    if all(_responds_to_index(item) for item in items):
        return ruby.sort(items, lambda a, b: _casecmp(_index(a, prop), _index(b, prop)))
    return None


def liquid_sort(value: Any, prop: Any = None) -> list[Any] | None:
    """Liquid's own ``sort`` (Jekyll replaces it; kept for completeness)."""
    items = input_iterator(value)
    if not items:
        return []
    if prop is None:
        return ruby.sort(items, nil_safe_compare)
    if all(_responds_to_index(item) for item in items):
        return ruby.sort(items, lambda a, b: nil_safe_compare(_index(a, prop), _index(b, prop)))
    return None


def _uniq_key(value: Any) -> Any:
    """A hashable key with Ruby's ``eql?``: 1 and 1.0 differ, hashes by content."""
    if isinstance(value, bool) or value is None:
        return ("lit", value)
    if isinstance(value, (int, float, Decimal)):
        return (type(value).__name__, value)
    if isinstance(value, (list, tuple)):
        return ("arr", tuple(_uniq_key(v) for v in value))
    if is_jekyll_drop(value):
        # a drop is eql? only to itself (one drop per object), not by its fields
        return ("obj", value)
    if isinstance(value, Mapping):
        return ("hash", tuple((_uniq_key(k), _uniq_key(v)) for k, v in value.items()))
    try:
        hash(value)
    except TypeError:
        return ("id", id(value))
    return ("obj", value)


def _uniq(items: list[Any], key: Callable[[Any], Any]) -> list[Any]:
    seen: set[Any] = set()
    out = []
    for item in items:
        k = _uniq_key(key(item))
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out


def uniq(value: Any, prop: Any = None) -> list[Any] | None:
    items = input_iterator(value)
    if prop is None:
        return _uniq(items, lambda x: x)
    if len(items) <= 1:
        return items  # Array#uniq calls its block only when there are two items or more
    try:
        return _uniq(items, lambda item: _index(item, prop))
    except AttributeError:
        return None


def reverse(value: Any) -> list[Any]:
    return list(reversed(input_iterator(value)))


def map_(value: Any, prop: Any) -> list[Any]:
    out = []
    for item in input_iterator(value):
        if prop == "to_liquid":
            out.append(item)
        elif _responds_to_index(item):
            out.append(_index(item, prop) if not isinstance(item, int) else _bit_error(prop))
        else:
            out.append(None)
    return out


def _bit_error(prop: Any) -> Any:
    raise FilterError(f"cannot select the property '{to_s(prop)}'")


def compact(value: Any, prop: Any = None) -> list[Any] | None:
    items = input_iterator(value)
    if prop is None:
        return [item for item in items if item is not None]
    if not items:
        return []
    try:
        return [item for item in items if _index(item, prop) is not None]
    except AttributeError:
        return None


def concat(value: Any, other: Any) -> list[Any]:
    if not isinstance(other, (list, tuple)):
        raise FilterError("concat filter requires an array argument")
    return input_iterator(value) + list(other)


def first(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return value[0] if value else None
    if is_jekyll_drop(value):
        # Enumerable#first of a Jekyll drop ([key, value] of its first key); jekyll has none
        return value.get("first") if value.enumerable else None
    if isinstance(value, Mapping):
        for key, item in value.items():
            return [key, item]
        return None
    return None


def last(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return value[-1] if value else None
    return None


# --------------------------------------------------------------------------- dates

def to_date(value: Any, zone: _dt.tzinfo) -> Any:
    """Liquid's ``Utils.to_date``: a date or time as it is, ``now``/``today``, an epoch
    integer (or digit string), or ``Time.parse`` of a string; None when none applies."""
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        if not value:
            return None
        value = value.lower()
        if value in ("now", "today"):
            note_volatile()
            return _dt.datetime.now(zone)
        if re.fullmatch(r"[0-9]+", value):  # Ruby: when /\A\d+\z/
            return _dt.datetime.fromtimestamp(int(value), zone)
        try:
            return ruby.parse_time(value, zone)
        except ruby.TimeParseError:
            return None
    if isinstance(value, int) and not isinstance(value, bool):
        return _dt.datetime.fromtimestamp(value, zone)
    return None


def date(value: Any, fmt: Any, *, context: Any = None) -> Any:
    zone = _zone(context)
    if fmt is None or to_s(fmt) == "":
        return value
    when = to_date(value, zone)
    if when is None:
        return value
    return ruby.strftime(when, to_s(fmt), zone)


# --------------------------------------------------------------------------- math

_CTX = decimal.Context(prec=60, rounding=decimal.ROUND_HALF_UP)


def _apply(a: Any, b: Any, op: str) -> Any:
    x, y = ruby.to_number(a), ruby.to_number(b)
    with decimal.localcontext(_CTX):
        if op == "+":
            result = x + y
        elif op == "-":
            result = x - y
        elif op == "*":
            result = x * y
        elif op == "/":
            if y == 0:
                raise FilterError("divided by 0")
            if isinstance(x, int) and isinstance(y, int):
                result = x // y
            else:
                result = Decimal(x) / Decimal(y)
        else:  # "%"
            if y == 0:
                raise FilterError("divided by 0")
            if isinstance(x, int) and isinstance(y, int):
                result = x % y
            else:
                dx, dy = Decimal(x), Decimal(y)
                result = dx - dy * (dx / dy).to_integral_value(rounding=decimal.ROUND_FLOOR)
    return ruby.number_result(result)


def abs_(value: Any) -> Any:
    return ruby.number_result(abs(ruby.to_number(value)))


def plus(value: Any, other: Any) -> Any:
    return _apply(value, other, "+")


def minus(value: Any, other: Any) -> Any:
    return _apply(value, other, "-")


def times(value: Any, other: Any) -> Any:
    return _apply(value, other, "*")


def divided_by(value: Any, other: Any) -> Any:
    return _apply(value, other, "/")


def modulo(value: Any, other: Any) -> Any:
    return _apply(value, other, "%")


def _round_half_up(x: Any, digits: int) -> Any:
    if isinstance(x, int):
        if digits >= 0:
            return x
        unit = 10 ** -digits
        q, r = divmod(abs(x), unit)
        if r * 2 >= unit:
            q += 1
        return (q * unit) * (1 if x >= 0 else -1)
    if not x.is_finite():
        raise FilterError("Infinity" if not x.is_nan() else "NaN")
    quantum = Decimal(1).scaleb(-digits)
    with decimal.localcontext(_CTX):
        return x.quantize(quantum, rounding=decimal.ROUND_HALF_UP)


def round_(value: Any, digits: Any = 0) -> Any:
    x = ruby.to_number(value)
    n = ruby.to_number(digits)
    n_int = int(n)
    result = _round_half_up(x, n_int)
    if isinstance(result, Decimal) and n_int <= 0:
        result = int(result)  # BigDecimal#round(n) gives an Integer for n <= 0
    result = ruby.number_result(result)
    if digits == 0 and not isinstance(digits, bool):
        result = int(result)
    return result


def ceil(value: Any) -> int:
    x = ruby.to_number(value)
    if isinstance(x, Decimal) and not x.is_finite():
        raise FilterError("Infinity")
    return math.ceil(x)


def floor(value: Any) -> int:
    x = ruby.to_number(value)
    if isinstance(x, Decimal) and not x.is_finite():
        raise FilterError("Infinity")
    return math.floor(x)


def at_least(value: Any, other: Any) -> Any:
    low, result = ruby.to_number(other), ruby.to_number(value)
    if low > result:
        result = low
    return ruby.number_result(result)


def at_most(value: Any, other: Any) -> Any:
    high, result = ruby.to_number(other), ruby.to_number(value)
    if high < result:
        result = high
    return ruby.number_result(result)


# --------------------------------------------------------------------------- default

def _empty(value: Any) -> bool:
    return isinstance(value, (str, list, tuple, Mapping)) and len(value) == 0


def default(value: Any, fallback: Any = "", options: Any = None) -> Any:
    """``allow_false: true`` arrives as Liquid passes keyword arguments: a trailing hash."""
    if isinstance(options, Mapping) and ruby.truthy(options.get("allow_false")):
        missing = value is None
    else:
        missing = not ruby.truthy(value)
    return fallback if missing or _empty(value) else value


def h(value: Any) -> str | None:
    return escape(value)


STANDARD_FILTERS: dict[str, Callable[..., Any]] = {
    "size": size, "downcase": downcase, "upcase": upcase, "capitalize": capitalize,
    "escape": escape, "h": h, "escape_once": escape_once, "url_encode": url_encode,
    "url_decode": url_decode, "base64_encode": base64_encode,
    "base64_decode": base64_decode, "base64_url_safe_encode": base64_url_safe_encode,
    "base64_url_safe_decode": base64_url_safe_decode, "slice": slice_,
    "truncate": truncate, "truncatewords": truncatewords, "split": split, "strip": strip,
    "lstrip": lstrip, "rstrip": rstrip, "strip_html": strip_html,
    "strip_newlines": strip_newlines, "join": join, "sort": liquid_sort,
    "sort_natural": sort_natural, "uniq": uniq, "reverse": reverse, "map": map_,
    "compact": compact, "replace": replace, "replace_first": replace_first,
    "replace_last": replace_last, "remove": remove, "remove_first": remove_first,
    "remove_last": remove_last, "append": append, "concat": concat, "prepend": prepend,
    "newline_to_br": newline_to_br, "date": date, "first": first, "last": last,
    "abs": abs_, "plus": plus, "minus": minus, "times": times, "divided_by": divided_by,
    "modulo": modulo, "round": round_, "ceil": ceil, "floor": floor,
    "at_least": at_least, "at_most": at_most, "default": default,
}

#: Filters that take the render context (for the site's zone).
NEEDS_CONTEXT = frozenset({"join", "date"})

"""Ruby's view of plain values, as Liquid 5 running in Jekyll 4.3 prints and converts them.

Python values stand for Ruby values this way:

==========================  ====================================================
Python                      Ruby
==========================  ====================================================
``None``                    ``nil``
``bool``, ``int``           ``true``/``false``, ``Integer``
``float``                   ``Float`` (printed by :func:`float_to_s`)
``str``                     ``String``
``list``, ``tuple``         ``Array``
``Mapping``                 ``Hash`` (or a drop; see ``jekyllpy.rendering``)
``datetime.datetime``       ``Time``: an aware value keeps its offset; ``tzinfo is
                            datetime.timezone.utc`` is a UTC Time (printed ``UTC``);
                            another ``datetime.timezone`` is a fixed offset with no
                            zone name; any other tzinfo (``ZoneInfo``) is a local
                            time with a zone name.  A naive value is a wall-clock
                            time in the site's zone (Jekyll's ``ENV["TZ"]``).
``datetime.date``           ``Date``
==========================  ====================================================

Everything here takes the site's zone as ``tz`` where Ruby would consult ``ENV["TZ"]``.
"""

from __future__ import annotations

import datetime as _dt
import functools
import math
import re
import time as _time
import unicodedata
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Callable

from liquid.undefined import Undefined

__all__ = [
    "float_to_s", "to_s", "inspect", "output_string", "truthy", "local_zone",
    "to_time", "localtime", "strftime", "time_to_s", "parse_time", "to_integer",
    "to_number", "number_result", "compare", "liquid_value",
]


# --------------------------------------------------------------------------- nil

#: the types of most values a template meets, none of them python-liquid's ``Undefined``
_DEFINED = frozenset((str, int, float, bool, type(None), list, dict, tuple, _dt.datetime,
                      _dt.date))


def is_undefined(value: Any) -> bool:
    """Whether ``value`` is python-liquid's undefined (Ruby's nil for a missing name).
    The usual values are told apart by their type first: ``Undefined`` is a ``Mapping``,
    so ``isinstance`` against it is an ABC check, met several times per output."""
    return type(value) not in _DEFINED and isinstance(value, Undefined)


# --------------------------------------------------------------------------- zones

class SystemZone(_dt.tzinfo):
    """The process's local zone (what Ruby uses when Jekyll sets no ``TZ``)."""

    def _struct(self, dt: _dt.datetime) -> _time.struct_time:
        naive = dt.replace(tzinfo=None)
        stamp = (naive - _dt.datetime(1970, 1, 1)).total_seconds()
        # First guess with the offset at that UTC instant, then correct once.
        guess = _time.localtime(stamp)
        return _time.localtime(stamp - guess.tm_gmtoff)

    def utcoffset(self, dt: _dt.datetime | None) -> _dt.timedelta:
        if dt is None:
            return _dt.timedelta(seconds=_time.localtime().tm_gmtoff)
        return _dt.timedelta(seconds=self._struct(dt).tm_gmtoff)

    def dst(self, dt: _dt.datetime | None) -> _dt.timedelta:
        return _dt.timedelta(0)

    def tzname(self, dt: _dt.datetime | None) -> str:
        if dt is None:
            return _time.localtime().tm_zone
        return self._struct(dt).tm_zone

    def fromutc(self, dt: _dt.datetime) -> _dt.datetime:
        stamp = (dt.replace(tzinfo=None) - _dt.datetime(1970, 1, 1)).total_seconds()
        return dt + _dt.timedelta(seconds=_time.localtime(stamp).tm_gmtoff)


_SYSTEM = SystemZone()


def local_zone(name: str | None) -> _dt.tzinfo:
    """The zone Ruby would use: the site's ``timezone`` setting, or the system's."""
    if name:
        from zoneinfo import ZoneInfo
        return ZoneInfo(str(name))
    return _SYSTEM


def _is_utc(dt: _dt.datetime) -> bool:
    return dt.tzinfo is _dt.timezone.utc


def _aware(dt: _dt.datetime, tz: _dt.tzinfo) -> _dt.datetime:
    return dt if dt.tzinfo is not None else dt.replace(tzinfo=tz)


def to_time(value: Any, tz: _dt.tzinfo) -> _dt.datetime:
    """A ``Date`` becomes local midnight (``Date#to_time``); a ``Time`` stays as it is."""
    if isinstance(value, _dt.datetime):
        return _aware(value, tz)
    return _dt.datetime(value.year, value.month, value.day, tzinfo=tz)


def localtime(value: Any, tz: _dt.tzinfo) -> _dt.datetime:
    """``to_time.localtime``: the same instant in the site's zone."""
    return to_time(value, tz).astimezone(tz)


# --------------------------------------------------------------------------- to_s

def float_to_s(value: float) -> str:
    """Ruby's ``Float#to_s``: shortest round-trip digits, ``1.0e+20``, ``1.0e-05``."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    sign, digits, exp = Decimal(repr(value)).as_tuple()
    text = "".join(map(str, digits)).rstrip("0") or "0"
    if value == 0:
        return "-0.0" if sign else "0.0"
    decpt = len(digits) + exp  # position of the decimal point after the first digit run
    neg = "-" if sign else ""
    if 0 < decpt <= 16 and (decpt < 16 or len(text) > decpt):
        if len(text) <= decpt:
            return f"{neg}{text}{'0' * (decpt - len(text))}.0"
        return f"{neg}{text[:decpt]}.{text[decpt:]}"
    if -4 < decpt <= 0:
        return f"{neg}0.{'0' * -decpt}{text}"
    mantissa = text[0] + "." + (text[1:] or "0")
    e = decpt - 1
    return f"{neg}{mantissa}e{'+' if e >= 0 else '-'}{abs(e):02d}"


def _offset(dt: _dt.datetime, colon: int = 0) -> str:
    off = dt.utcoffset() or _dt.timedelta(0)
    total = int(off.total_seconds())
    sign = "-" if total < 0 else "+"
    total = abs(total)
    h, rem = divmod(total, 3600)
    m, s = divmod(rem, 60)
    if colon == 0:
        return f"{sign}{h:02d}{m:02d}"
    if colon == 1:
        return f"{sign}{h:02d}:{m:02d}"
    return f"{sign}{h:02d}:{m:02d}:{s:02d}"


def time_to_s(dt: _dt.datetime, tz: _dt.tzinfo) -> str:
    """``Time#to_s``: ``2024-01-02 03:04:05 +0100``, or ``... UTC`` for a UTC time."""
    dt = _aware(dt, tz)
    zone = "UTC" if _is_utc(dt) else _offset(dt)
    # Ruby pads the year to four digits (glibc's %Y does not); formatted field by field,
    # which also spares the import of ``time`` that each datetime.strftime runs
    return (f"{dt.year:04d}-{dt.month:02d}-{dt.day:02d} "
            f"{dt.hour:02d}:{dt.minute:02d}:{dt.second:02d} {zone}")


class RubySymbol(str):
    """A Ruby Symbol used as a hash key (kramdown turns the keys of its hash options into
    Symbols, in the site's own configuration).  It is its name wherever a string is read
    (``to_s``, JSON, kramdown's options), but no string key finds it: Liquid's ``opts.name``
    looks for the String ``"name"``, which a Symbol key is not."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RubySymbol) and str.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    def __hash__(self) -> int:
        return hash(("RubySymbol", str(self)))

    def __repr__(self) -> str:
        return f"RubySymbol({str.__repr__(self)})"


_PLAIN_SYMBOL = re.compile(r"[A-Za-z_][A-Za-z0-9_]*[?!=]?\Z")


def inspect_symbol(name: str) -> str:
    """``Symbol#inspect``: ``:name``, quoted when the name is no plain identifier."""
    text = str(name)
    return f":{text}" if _PLAIN_SYMBOL.match(text) else ":" + inspect_string(text)


def to_s(value: Any, tz: _dt.tzinfo | None = None) -> str:
    """Ruby's ``to_s`` of a value (arrays and hashes print as ``inspect`` does)."""
    if isinstance(value, str):
        return value if type(value) is str else str.__str__(value)  # a Symbol: its name
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return float_to_s(value)
    if isinstance(value, Decimal):
        return float_to_s(float(value))
    if isinstance(value, _dt.datetime):
        return time_to_s(value, tz or _SYSTEM)
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return inspect(value, tz)
    if isinstance(value, Mapping):
        # a drop prints as its Ruby class prints it (a document its output, ...)
        method = getattr(value, "ruby_to_s", None)
        return method(tz) if method is not None else inspect(value, tz)
    if isinstance(value, range):
        return f"{value.start}..{value.stop - 1}"
    if hasattr(value, "to_liquid"):
        liquid = value.to_liquid()
        if liquid is not value:
            return to_s(liquid, tz)
    return str(value)


def output_string(value: Any, tz: _dt.tzinfo | None = None) -> str:
    """What ``{{ value }}`` writes: nil as nothing, arrays joined (flattened) with no
    separator, everything else by ``to_s``."""
    if isinstance(value, (list, tuple)):
        return "".join(output_string(item, tz) if isinstance(item, (list, tuple))
                       else _item_to_s(item, tz) for item in value)
    return to_s(value, tz)


def _item_to_s(item: Any, tz: _dt.tzinfo | None) -> str:
    """``to_s`` of an array's item: a drop standing for one of Jekyll's objects (an item
    of ``site.pages``, ...) prints as that object does (``Drop.object_to_s``)."""
    method = getattr(item, "object_to_s", None)
    return method(tz) if method is not None and not item.is_value else to_s(item, tz)


_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r", "\f": "\\f", "\v": "\\v",
            "\b": "\\b", "\a": "\\a", "\x1b": "\\e", '"': '\\"', "\\": "\\\\"}


def inspect_string(text: str) -> str:
    """``String#inspect`` for a UTF-8 string."""
    out = ['"']
    n = len(text)
    for i, ch in enumerate(text):
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ch == "#" and i + 1 < n and text[i + 1] in "{$@":
            out.append("\\#")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        elif not ch.isprintable() and ord(ch) > 0x7F and unicodedata.category(ch) != "Zs":
            code = ord(ch)
            out.append(f"\\u{code:04X}" if code <= 0xFFFF else f"\\u{{{code:X}}}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _julian_day(day: _dt.date) -> int:
    return day.toordinal() + 1721425


def inspect(value: Any, tz: _dt.tzinfo | None = None) -> str:
    """Ruby 3.1's ``inspect``: ``{"a"=>1, "b"=>[1.0, nil]}``."""
    if value is None:
        return "nil"
    if isinstance(value, RubySymbol):
        return inspect_symbol(value)
    if isinstance(value, str):
        return inspect_string(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(inspect(v, tz) for v in value) + "]"
    if isinstance(value, Mapping):
        # a drop inside an array or hash: Jekyll's object, or the drop (Drop.ruby_inspect)
        method = getattr(value, "ruby_inspect", None)
        if method is not None:
            return method(tz)
        return "{" + ", ".join(f"{inspect(k, tz)}=>{inspect(v, tz)}"
                               for k, v in value.items()) + "}"
    if isinstance(value, _dt.datetime):
        dt = _aware(value, tz or _SYSTEM)
        text = time_to_s(dt, tz or _SYSTEM)
        if dt.microsecond:
            frac = f"{dt.microsecond:06d}".rstrip("0")
            head, zone = text.rsplit(" ", 1)
            text = f"{head}.{frac} {zone}"
        return text
    if isinstance(value, _dt.date):
        return (f"#<Date: {value.isoformat()} (({_julian_day(value)}j,0s,0n),+0s,"
                "2299161j)>")
    if hasattr(value, "to_liquid"):
        liquid = value.to_liquid()
        if liquid is not value:
            return inspect(liquid, tz)
    return to_s(value, tz)


def truthy(value: Any) -> bool:
    """Ruby truthiness: only nil and false are false."""
    return value is not None and value is not False


def liquid_value(value: Any) -> Any:
    """``to_liquid`` on a drop-like object (the object itself when it has none)."""
    method = getattr(value, "to_liquid", None)
    if method is not None and not isinstance(value, type):
        return method()
    return value


# --------------------------------------------------------------------------- numbers

class RubyArgumentError(Exception):
    """A Liquid::ArgumentError (or a Ruby error a filter lets escape)."""


_INT_RE = re.compile(r"\A[+-]?\d+(?:_\d+)*\Z")


def ruby_integer(text: str) -> int:
    """``Kernel#Integer`` on a string (decimal, ``0x``, ``0b``, ``0o``/``0`` prefixes)."""
    s = text.strip()
    try:
        if _INT_RE.match(s) and not re.match(r"\A[+-]?0\d", s):
            return int(s.replace("_", ""))
        return int(s.replace("_", ""), 0)
    except ValueError:
        pass
    if re.match(r"\A[+-]?0[0-7_]+\Z", s):
        return int(s.replace("_", ""), 8)
    raise RubyArgumentError("invalid integer")


def to_integer(value: Any) -> int:
    """Liquid's ``Utils.to_integer``: integers as they are, else ``Integer(value.to_s)``."""
    if isinstance(value, bool):
        raise RubyArgumentError("invalid integer")
    if isinstance(value, int):
        return value
    return ruby_integer(to_s(value))


def string_to_i(text: str) -> int:
    """``String#to_i``: the leading integer, 0 if none."""
    m = re.match(r"\s*([+-]?\d+(?:_\d+)*)", text)
    return int(m.group(1).replace("_", "")) if m else 0


_DECIMAL_RE = re.compile(r"\A-?\d+\.\d+\Z")


def to_number(value: Any) -> int | Decimal:
    """Liquid's ``Utils.to_number``: floats as BigDecimals (via ``to_s``), numeric
    strings as integers or BigDecimals, anything else 0."""
    if isinstance(value, bool):
        return 0
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return Decimal(value)
        return Decimal(repr(value))
    if isinstance(value, (int, Decimal)):
        return value
    if isinstance(value, str):
        stripped = value.strip(" \t\n\v\f\r\0")
        return Decimal(stripped) if _DECIMAL_RE.match(stripped) else string_to_i(value)
    return 0


def number_result(value: Any) -> Any:
    """A BigDecimal result turned back into a Float, as Liquid's filters do."""
    if isinstance(value, Decimal):
        return float(value)
    return value


# --------------------------------------------------------------------------- compare

def compare(a: Any, b: Any) -> int | None:
    """Ruby's ``<=>``: -1, 0, 1, or None where Ruby gives nil (incomparable types)."""
    num = (int, float, Decimal)
    if isinstance(a, bool) or isinstance(b, bool):
        return 0 if a is b else None
    if isinstance(a, num) and isinstance(b, num):
        if isinstance(a, float) and math.isnan(a) or isinstance(b, float) and math.isnan(b):
            return None
        return (a > b) - (a < b)
    if isinstance(a, str) and isinstance(b, str):
        ab, bb = a.encode("utf-8"), b.encode("utf-8")
        return (ab > bb) - (ab < bb)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        for x, y in zip(a, b):
            c = compare(x, y)
            if c != 0:
                return c
        return (len(a) > len(b)) - (len(a) < len(b))
    if a is None and b is None:
        return 0
    if isinstance(a, _dt.date) and isinstance(b, _dt.date):
        if type(a) is type(b):
            return (a > b) - (a < b)
        return None
    if a == b:
        return 0
    return None


def sort(items: list[Any], cmp: Any) -> list[Any]:
    """``Array#sort`` with a comparison block as Ruby 3.1 runs it on glibc: ``qsort_r``,
    which is glibc's top-down merge sort.  Stable, and with an inconsistent comparison
    (mixed types compared by ``to_s``) it makes Ruby's choices."""
    items = list(items)

    def msort(lo: int, n: int) -> None:
        if n <= 1:
            return
        n1 = n // 2
        n2 = n - n1
        msort(lo, n1)
        msort(lo + n1, n2)
        left = items[lo:lo + n1]
        right = items[lo + n1:lo + n]
        out = []
        i = j = 0
        while i < n1 and j < n2:
            if cmp(left[i], right[j]) <= 0:
                out.append(left[i])
                i += 1
            else:
                out.append(right[j])
                j += 1
        out.extend(left[i:])
        out.extend(right[j:])
        items[lo:lo + n] = out

    msort(0, len(items))
    return items


# --------------------------------------------------------------------------- strftime

_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]
_SPEC = re.compile(r"%([-_0^#]*)(\d*)(:{0,2})([EO]?)(.)", re.S)


def _zone_name(dt: _dt.datetime | _dt.date) -> str:
    if not isinstance(dt, _dt.datetime):
        return "+00:00"
    if _is_utc(dt):
        return "UTC"
    if isinstance(dt.tzinfo, _dt.timezone):
        return ""
    return dt.tzname() or ""


def _epoch(dt: _dt.datetime | _dt.date) -> int:
    if not isinstance(dt, _dt.datetime):
        dt = _dt.datetime(dt.year, dt.month, dt.day, tzinfo=_dt.timezone.utc)
    return math.floor(dt.timestamp())


def strftime(value: _dt.datetime | _dt.date, fmt: str, tz: _dt.tzinfo | None = None) -> str:
    """Ruby's ``Time#strftime`` (``Date#strftime`` for a date): flags ``-_0^#``, widths,
    ``%:z``/``%::z``, ``%s``, ``%N``/``%L``, the composite conversions; an unknown
    conversion is written as it is."""
    if isinstance(value, _dt.datetime):
        value = _aware(value, tz or _SYSTEM)
        is_date = False
    else:
        is_date = True
    out = []
    for part in _strftime_parts(fmt):
        if type(part) is str:
            out.append(part)
        elif part[2] is not None:
            out.append(part[2](value))
        else:
            out.append(_directive(value, is_date, tz, part[0], part[1]))
    return "".join(out)


#: the conversions of a date's own fields written without a width, plain or with the
#: ``-`` flag (no padding): what :func:`_directive` gives for them, directly (a site's
#: date formats are made of these; see ``tests/rendering/test_ruby_time.py``)
_PLAIN_DIRECTIVES: dict[tuple[str, str], Callable[[Any], str]] = {
    ("", "Y"): lambda v: f"{v.year:04d}",
    ("", "m"): lambda v: f"{v.month:02d}",
    ("", "d"): lambda v: f"{v.day:02d}",
    ("", "e"): lambda v: f"{v.day:2d}",
    ("", "y"): lambda v: f"{v.year % 100:02d}",
    ("-", "Y"): lambda v: str(v.year),
    ("-", "m"): lambda v: str(v.month),
    ("-", "d"): lambda v: str(v.day),
    ("-", "e"): lambda v: str(v.day),
    ("-", "y"): lambda v: str(v.year % 100),
    ("", "B"): lambda v: _MONTHS[v.month - 1],
    ("", "b"): lambda v: _MONTHS[v.month - 1][:3],
    ("", "h"): lambda v: _MONTHS[v.month - 1][:3],
    ("", "A"): lambda v: _DAYS[v.weekday()],
    ("", "a"): lambda v: _DAYS[v.weekday()][:3],
}


@functools.lru_cache(maxsize=256)
def _strftime_parts(fmt: str) -> tuple[Any, ...]:
    """A format cut once into text and conversions (each its groups, its own text and
    its :data:`_PLAIN_DIRECTIVES` function if it has one): a site formats every post's
    date with the same few formats."""
    parts: list[Any] = []
    last = 0
    for m in _SPEC.finditer(fmt):
        if m.start() > last:
            parts.append(fmt[last:m.start()])
        flags, width, colons, mod, c = m.groups()
        plain = None if width or colons or mod else _PLAIN_DIRECTIVES.get((flags, c))
        parts.append((m.groups(), m.group(0), plain))
        last = m.end()
    if last < len(fmt):
        parts.append(fmt[last:])
    return tuple(parts)


def _directive(value: Any, is_date: bool, tz: _dt.tzinfo | None, groups: tuple[str, ...],
               whole: str) -> str:
    """One conversion of :func:`strftime` (``whole`` as written, for one it does not know)."""
    flags, width_s, colons, _mod, c = groups
    width = int(width_s) if width_s else None
    v = value

    def num(n: int, default_width: int, pad: str = "0") -> str:
        if "-" in flags:
            return str(n)
        if "_" in flags:
            pad = " "
        elif "0" in flags:
            pad = "0"
        w = width if width is not None else default_width
        s = str(abs(n))
        sign = "-" if n < 0 else ""
        if pad == "0":
            return sign + s.rjust(w - len(sign), "0")
        return (sign + s).rjust(w, " ")

    def text(s: str, upcase_ok: bool = True) -> str:
        if "^" in flags:
            s = s.upper()
        if "#" in flags:
            s = s.lower() if c in "pP" else s.upper()
        if width is not None and "-" not in flags:
            pad = "0" if "0" in flags else " "
            s = s.rjust(width, pad)
        return s

    hour = v.hour if not is_date else 0
    minute = v.minute if not is_date else 0
    second = v.second if not is_date else 0
    micro = v.microsecond if not is_date else 0
    if c == "Y":
        y = v.year
        if width is None and 0 <= y < 1000 and "-" not in flags:
            return num(y, 4)
        return num(y, 1 if width is None else width)
    if c == "C":
        return num(v.year // 100, 2)
    if c == "y":
        return num(v.year % 100, 2)
    if c == "m":
        return num(v.month, 2)
    if c == "d":
        return num(v.day, 2)
    if c == "e":
        return num(v.day, 2, " ")
    if c == "j":
        return num(v.timetuple().tm_yday, 3)
    if c == "H":
        return num(hour, 2)
    if c == "k":
        return num(hour, 2, " ")
    if c == "I":
        return num((hour % 12) or 12, 2)
    if c == "l":
        return num((hour % 12) or 12, 2, " ")
    if c == "M":
        return num(minute, 2)
    if c == "S":
        return num(second, 2)
    if c in "LN":
        digits = width if width is not None else (3 if c == "L" else 9)
        frac = f"{micro:06d}" + "0" * max(0, digits - 6)
        return frac[:digits]
    if c == "s":
        return num(_epoch(v), 1)
    if c == "u":
        return num(v.isoweekday(), 1)
    if c == "w":
        return num(v.isoweekday() % 7, 1)
    if c == "U":
        return num(int(v.strftime("%U")), 2)
    if c == "W":
        return num(int(v.strftime("%W")), 2)
    if c == "V":
        return num(v.isocalendar()[1], 2)
    if c == "G":
        return num(v.isocalendar()[0], 4)
    if c == "g":
        return num(v.isocalendar()[0] % 100, 2)
    if c == "A":
        return text(_DAYS[v.weekday()])
    if c == "a":
        return text(_DAYS[v.weekday()][:3])
    if c == "B":
        return text(_MONTHS[v.month - 1])
    if c in "bh":
        return text(_MONTHS[v.month - 1][:3])
    if c == "p":
        return text("PM" if hour >= 12 else "AM")
    if c == "P":
        return text("pm" if hour >= 12 else "am")
    if c == "Z":
        return text(_zone_name(v))
    if c == "z":
        if is_date:
            dt0 = _dt.datetime(2000, 1, 1, tzinfo=_dt.timezone.utc)
            s = _offset(dt0, len(colons))
        else:
            s = _offset(v, len(colons))  # type: ignore[arg-type]
        if width is not None and "-" not in flags and width > len(s):
            s = s[0] + s[1:].rjust(width - 1, "0")
        return s
    composite = {"c": "%a %b %e %H:%M:%S %Y", "D": "%m/%d/%y", "x": "%m/%d/%y",
                 "F": "%Y-%m-%d", "T": "%H:%M:%S", "X": "%H:%M:%S", "R": "%H:%M",
                 "r": "%I:%M:%S %p", "v": "%e-%^b-%Y"}
    if c in composite:
        return text(strftime(value, composite[c], tz))
    if c == "Q" and is_date:
        return num(_epoch(v) * 1000, 1)
    if c == "n":
        return "\n"
    if c == "t":
        return "\t"
    if c == "%" and not flags and not width_s and not colons:
        return "%"
    return whole



# --------------------------------------------------------------------------- parsing

_MONTH_ABBR = {name[:3].lower(): i + 1 for i, name in enumerate(_MONTHS)}
_ZONES = {"utc": 0, "gmt": 0, "ut": 0, "z": 0, "est": -5, "edt": -4, "cst": -6,
          "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7}
_PLAIN_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_TIME_RE = re.compile(
    r"(?<![\d:])(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(?:([ap])\.?m\.?\b)?", re.I)
_OFFSET_RE = re.compile(r"\s*(?:(z\b)|([+-])(\d{1,2}):?(\d{2})?\b|(utc|gmt|ut|[ecmp][sd]t)\b)",
                        re.I)


def fixed_offset(offset: _dt.timedelta) -> _dt.timezone:
    """A fixed-offset zone that is never Ruby's UTC, even at +00:00 (``Time#utc?`` false)."""
    return _dt.timezone(offset, "fixed")


class TimeParseError(ValueError):
    """Ruby's ``Time.parse`` raised (no date information, or an impossible date)."""


def parse_time(text: str, tz: _dt.tzinfo) -> _dt.datetime:
    """``Time.parse`` for the shapes met in sites: ISO 8601 and its space-separated form,
    ``YYYY/MM/DD``, ``DD/MM/YYYY``, RFC 2822, ``Jan 2, 2024``, ``2 January 2024``,
    ``YYYYMMDD``; optional time and zone.  No zone: local time; ``Z``/``UTC``: a UTC time;
    an offset or another zone name: a fixed offset."""
    s = text.strip()
    plain = _PLAIN_DATE.fullmatch(s)
    if plain:  # a date alone (a post's file name gives one): local midnight
        try:
            return _dt.datetime(int(plain[1]), int(plain[2]), int(plain[3]), tzinfo=tz)
        except ValueError as err:
            raise TimeParseError("argument out of range") from err
    rest = s
    hour = minute = second = micro = 0
    tm = _TIME_RE.search(rest)
    if tm:
        hour, minute = int(tm.group(1)), int(tm.group(2))
        second = int(tm.group(3) or 0)
        frac = tm.group(4)
        if frac:
            micro = int((frac + "000000")[:6])
        mer = tm.group(5)
        if mer:
            hour = hour % 12 + (12 if mer.lower() == "p" else 0)
        rest = rest[:tm.start()] + " " + rest[tm.end():]
    zone: _dt.tzinfo | None = None
    zm = _OFFSET_RE.match(rest, tm.start()) if tm else None
    if zm:
        if zm.group(1) or (zm.group(5) or "").lower() in ("utc", "z"):
            zone = _dt.timezone.utc
        elif zm.group(5):
            zone = fixed_offset(_dt.timedelta(hours=_ZONES[zm.group(5).lower()]))
        else:
            sign = -1 if zm.group(2) == "-" else 1
            off = _dt.timedelta(hours=int(zm.group(3)), minutes=int(zm.group(4) or 0))
            zone = fixed_offset(sign * off)
        rest = rest[:zm.start()] + " " + rest[zm.end():]
    year = month = day = None
    m = re.search(r"(\d{4})-(\d{1,2})-(\d{1,2})", rest) or re.search(
        r"(\d{4})/(\d{1,2})/(\d{1,2})", rest)
    if m:
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = re.search(r"(\d{1,2})/(\d{1,2})/(\d{4})", rest)
        if m:
            day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        else:
            m = re.search(r"\b([a-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})",
                          rest, re.I)
            if m and m.group(1).lower() in _MONTH_ABBR:
                month, day, year = _MONTH_ABBR[m.group(1).lower()], int(m.group(2)), \
                    int(m.group(3))
            else:
                m = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3})[a-z]*\.?,?\s+(\d{4})",
                              rest, re.I)
                if m and m.group(2).lower() in _MONTH_ABBR:
                    day, month, year = int(m.group(1)), _MONTH_ABBR[m.group(2).lower()], \
                        int(m.group(3))
                else:
                    m = re.fullmatch(r"\s*(\d{4})(\d{2})(\d{2})\s*", rest)
                    if m:
                        year, month, day = (int(g) for g in m.groups())
    if year is None:
        if tm:
            from .dependencies import note_volatile
            note_volatile()  # a time of day alone is taken on today's date
            today = _dt.datetime.now(tz)
            year, month, day = today.year, today.month, today.day
        else:
            raise TimeParseError(f"no time information in {text!r}")
    try:
        naive = _dt.datetime(year, month, day, hour, minute, second, micro)  # type: ignore[arg-type]
    except ValueError as err:
        raise TimeParseError("argument out of range") from err
    return naive.replace(tzinfo=zone if zone is not None else tz)

"""URLs and destination paths the way Jekyll 4.3 computes them (``url.rb``, ``utils.rb``).

Every function here is pure (``destination_path`` only reads the file system to refuse
symlinked escapes) and restates a Jekyll rule, because a page's URL decides the file
name it is written to, and ``_site`` has to hold the same files under the same names:

- :func:`slugify` is ``Jekyll::Utils.slugify`` (the ``slugify`` filter and ``:title``,
  ``:slug``, ``:name`` in permalinks).
- :data:`STYLES`, :func:`posts_url_template`, :func:`collection_url_template` and
  :func:`page_url_template` turn the ``permalink`` setting into templates.
- :func:`page_placeholders` and :func:`document_placeholders` give the values a template's
  ``:keys`` are replaced with; :func:`url` (``URL#to_s``) puts template, placeholders and
  a front matter ``permalink`` together; :func:`generate_url`, :func:`sanitize_url`,
  :func:`escape_path` and :func:`unescape_path` are its steps.
- :func:`destination_path` is ``Page#destination`` / ``Document#destination``.

Ruby's behaviour is matched rather than "fixed": ``tests/fixtures/url_cases.json``
(``scripts/regen_url_fixtures.py``) holds what Jekyll 4.3.1 answers for each case.
"""

from __future__ import annotations

import bisect
import functools
import posixpath
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Literal

__all__ = [
    "STYLES", "HTML_EXTENSIONS", "SLUGIFY_MODES", "UrlDrop", "UrlTemplateError", "InvalidURIError",
    "slugify", "ruby_downcase", "transliterate",
    "style_to_permalink", "add_permalink_suffix", "posts_url_template",
    "collection_url_template", "page_url_template",
    "url", "generate_url", "sanitize_url", "escape_path", "unescape_path",
    "destination_path", "page_placeholders", "document_placeholders", "document_slug",
    "ruby_extname", "ruby_basename_without_ext", "output_ext",
]


# --------------------------------------------------------------------------- unicode

# Ruby 3.1's regex engine and String#downcase know Unicode 13.0; Python 3.11's
# unicodedata is 14.0.  These are the code points 14.0 made letters, marks or decimal
# digits (and gave lower-case mappings): to Ruby they are unassigned, so they are neither
# kept by slugify nor lower-cased.  Derived once by comparing every code point with
# Ruby; tests/site/test_url.py re-checks the whole range against the fixture.
_UNICODE_14_ONLY: tuple[tuple[int, int], ...] = (
    (0x870, 0x887), (0x889, 0x88E), (0x898, 0x89F), (0x8B5, 0x8B5), (0x8C8, 0x8D2),
    (0xC3C, 0xC3C), (0xC5D, 0xC5D), (0xCDD, 0xCDD), (0x170D, 0x170D), (0x1715, 0x1715),
    (0x171F, 0x171F), (0x180F, 0x180F), (0x1AC1, 0x1ACE), (0x1B4C, 0x1B4C),
    (0x1DFA, 0x1DFA), (0x2C2F, 0x2C2F), (0x2C5F, 0x2C5F), (0x9FFD, 0x9FFF),
    (0xA7C0, 0xA7C1), (0xA7D0, 0xA7D1), (0xA7D3, 0xA7D3), (0xA7D5, 0xA7D9),
    (0xA7F2, 0xA7F4), (0x10570, 0x1057A), (0x1057C, 0x1058A), (0x1058C, 0x10592),
    (0x10594, 0x10595), (0x10597, 0x105A1), (0x105A3, 0x105B1), (0x105B3, 0x105B9),
    (0x105BB, 0x105BC), (0x10780, 0x10785), (0x10787, 0x107B0), (0x107B2, 0x107BA),
    (0x10F70, 0x10F85), (0x11070, 0x11075), (0x110C2, 0x110C2), (0x11740, 0x11746),
    (0x11AB0, 0x11ABF), (0x12F90, 0x12FF0), (0x16A70, 0x16ABE), (0x16AC0, 0x16AC9),
    (0x1AFF0, 0x1AFF3), (0x1AFF5, 0x1AFFB), (0x1AFFD, 0x1AFFE), (0x1B11F, 0x1B122),
    (0x1CF00, 0x1CF2D), (0x1CF30, 0x1CF46), (0x1DF00, 0x1DF1E), (0x1E290, 0x1E2AE),
    (0x1E7E0, 0x1E7E6), (0x1E7E8, 0x1E7EB), (0x1E7ED, 0x1E7EE), (0x1E7F0, 0x1E7FE),
    (0x2A6DE, 0x2A6DF), (0x2B735, 0x2B738),
)
_U14_STARTS = [lo for lo, _ in _UNICODE_14_ONLY]


def _newer_than_ruby(ch: str) -> bool:
    cp = ord(ch)
    i = bisect.bisect_right(_U14_STARTS, cp) - 1
    return i >= 0 and cp <= _UNICODE_14_ONLY[i][1]


def _is_slug_char(ch: str) -> bool:
    """Ruby's ``[\\p{M}\\p{L}\\p{Nd}]`` (Unicode 13): what default/pretty/latin keep."""
    cat = unicodedata.category(ch)
    return (cat[0] in "LM" or cat == "Nd") and not _newer_than_ruby(ch)


def ruby_downcase(text: str) -> str:
    """Ruby's ``String#downcase``: full Unicode lower-casing, one character at a time.

    Python's ``str.lower`` applies the Final_Sigma context (``"ΑΣ"`` -> ``"ας"``); Ruby
    does not (``"ασ"``), so each character is lowered on its own.  ASCII-only text (the
    usual case) takes the fast path.
    """
    if text.isascii():
        return text.lower()
    return "".join(ch if _newer_than_ruby(ch) else ch.lower() for ch in text)


# ---------------------------------------------------------------------------- slugify

SLUGIFY_MODES = ("raw", "default", "pretty", "ascii", "latin")

# "._~!$&'()+,;=@" stay readable in a URL and are legal in file names, so "pretty" keeps them.
_PRETTY_EXTRA = frozenset("._~!$&'()+,;=@")
_RAW_RUN = re.compile(r"[ \t\n\v\f\r]+")  # Ruby's \s is ASCII white space only
_ASCII_RUN = re.compile(r"[^A-Za-z0-9]+")
_EDGE_HYPHEN = re.compile(r"^-|-$", re.M)

# I18n 1.10's default approximations (HashTransliterator::DEFAULT_APPROXIMATIONS): with no
# locale rules loaded, as in Jekyll, these are the only non-ASCII characters "latin" keeps
# (approximated); every other one becomes "?" and then a separator.
_LATIN_SOURCE = (
    "ÀAÁAÂAÃAÄAÅAÇCÈEÉEÊEËEÌIÍIÎIÏIÐDÑNÒOÓOÔOÕOÖO×xØOÙUÚUÛUÜUÝYàaáaâaãaäaåaçcèeéeêeëe"
    "ìiíiîiïiðdñnòoóoôoõoöoøoùuúuûuüuýyÿyĀAāaĂAăaĄAąaĆCćcĈCĉcĊCċcČCčcĎDďdĐDđdĒEēeĔE"
    "ĕeĖEėeĘEęeĚEěeĜGĝgĞGğgĠGġgĢGģgĤHĥhĦHħhĨIĩiĪIīiĬIĭiĮIįiİIıiĴJĵjĶKķkĸkĹLĺlĻLļlĽLľl"
    "ĿLŀlŁLłlŃNńnŅNņnŇNňnŌOōoŎOŏoŐOőoŔRŕrŖRŗrŘRřrŚSśsŜSŝsŞSşsŠSšsŢTţtŤTťtŦTŧtŨUũuŪU"
    "ūuŬUŭuŮUůuŰUűuŲUųuŴWŵwŶYŷyŸYŹZźzŻZżzŽZžz"
)
_LATIN: dict[str, str] = {_LATIN_SOURCE[i]: _LATIN_SOURCE[i + 1]
                          for i in range(0, len(_LATIN_SOURCE), 2)}
_LATIN.update({"Æ": "AE", "Þ": "Th", "ß": "ss", "æ": "ae", "þ": "th", "Ĳ": "IJ",
               "ĳ": "ij", "ŉ": "'n", "Ŋ": "NG", "ŋ": "ng", "Œ": "OE", "œ": "oe"})


def transliterate(text: str) -> str:
    """``I18n.transliterate`` as Jekyll calls it: no locale data, default table, ``?``.

    Works per code point, so a decomposed ``e`` + U+0301 gives ``e?`` where the
    precomposed ``é`` gives ``e``.
    """
    if text.isascii():
        return text
    return "".join(ch if ord(ch) < 0x80 else _LATIN.get(ch, "?") for ch in text)


_ASCII_DEFAULT_RUN = re.compile(r"[^A-Za-z0-9]+")
_ASCII_PRETTY_RUN = re.compile(r"[^A-Za-z0-9._~!$&'()+,;=@]+")


def _collapse(text: str, keep: frozenset[str] | None) -> str:
    """Replace each run of characters that are not slug characters with one ``-``."""
    if text.isascii():  # ASCII letters and digits are the only ASCII slug characters
        return (_ASCII_PRETTY_RUN if keep is _PRETTY_EXTRA else _ASCII_DEFAULT_RUN).sub("-", text)
    out: list[str] = []
    in_run = False
    for ch in text:
        if _is_slug_char(ch) or (keep is not None and ch in keep):
            out.append(ch)
            in_run = False
        elif not in_run:
            out.append("-")
            in_run = True
    return "".join(out)


@functools.lru_cache(maxsize=8192)
def slugify(text: str | None, mode: str | None = "default", cased: bool = False) -> str | None:
    """``Jekyll::Utils.slugify``: the slug of ``text`` in one of Jekyll's modes.

    ``None`` in, ``None`` out (Jekyll's drops rely on that to fall back to the file
    name).  A mode Jekyll does not know (``"none"`` included) only lower-cases.  Only
    *one* leading and one trailing ``-`` are removed, which matters in ``raw`` mode where
    runs of hyphens are not collapsed (``"--a--"`` -> ``"-a-"``).  Jekyll logs a warning
    for an empty result; callers that want it can test for ``""``.
    """
    if text is None:
        return None
    mode = mode or "default"
    if mode not in SLUGIFY_MODES:
        return text if cased else ruby_downcase(text)
    if mode == "latin":
        text = transliterate(text)
    if mode == "raw":
        slug = _RAW_RUN.sub("-", text)
    elif mode == "ascii":
        slug = _ASCII_RUN.sub("-", text)
    else:
        slug = _collapse(text, _PRETTY_EXTRA if mode == "pretty" else None)
    slug = _EDGE_HYPHEN.sub("", slug)
    return slug if cased else ruby_downcase(slug)


# ---------------------------------------------------------------------- permalink styles

#: Jekyll's named permalink styles (``Configuration::STYLE_TO_PERMALINK``), for posts.
STYLES: Mapping[str, str] = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}

#: Output extensions that make a page "HTML" (``Page::HTML_EXTENSIONS``).
HTML_EXTENSIONS = (".html", ".xhtml", ".htm")


def style_to_permalink(permalink: str) -> str:
    """The posts template for the site's ``permalink`` setting: a style name's template,
    anything else used as written (case matters: ``Pretty`` is a literal template)."""
    return STYLES.get(permalink, permalink)


def add_permalink_suffix(template: str, permalink: str) -> str:
    """``Utils.add_permalink_suffix``: end ``template`` the way the site's style ends.

    ``pretty`` adds ``/``; ``date``, ``ordinal`` and ``none`` add ``:output_ext``; a
    custom template passes on its own ending (``/`` and/or ``:output_ext``);
    ``weekdate`` and templates ending otherwise add nothing, so such URLs have no
    extension (the destination still gets one).
    """
    if permalink == "pretty":
        return template + "/"
    if permalink in ("date", "ordinal", "none"):
        return template + ":output_ext"
    if permalink.endswith("/"):
        template += "/"
    if permalink.endswith(":output_ext"):
        template += ":output_ext"
    return template


def posts_url_template(site_permalink: str = "date", posts_permalink: str | None = None) -> str:
    """The template of the ``posts`` collection: its own ``collections.posts.permalink``
    when configured (used as written), else :func:`style_to_permalink` of the site's."""
    if posts_permalink is not None:
        return posts_permalink
    return style_to_permalink(site_permalink)


def collection_url_template(collection_permalink: str | None, site_permalink: str = "date",
                            *, label: str | None = None) -> str:
    """``Collection#url_template``: the collection's ``permalink`` metadata as written (a
    style name is *not* expanded there), else ``/:collection/:path`` suffixed after the
    site's style.  For ``label == "posts"`` the posts rule applies."""
    if label == "posts":
        return posts_url_template(site_permalink, collection_permalink)
    if collection_permalink is not None:
        return collection_permalink
    return add_permalink_suffix("/:collection/:path", site_permalink)


def page_url_template(basename: str, output_ext: str, site_permalink: str = "date") -> str:
    """``Page#template``: pages ignore the posts style's date parts.

    Non-HTML output keeps its name and extension (``/:path/:basename:output_ext``); an
    ``index`` page is its folder (``/:path/``); other HTML pages get
    ``/:path/:basename`` suffixed after the site's style (``pretty``: a folder).
    """
    if output_ext not in HTML_EXTENSIONS:
        return "/:path/:basename:output_ext"
    if basename == "index":
        return "/:path/"
    return add_permalink_suffix("/:path/:basename", site_permalink)


def output_ext(permalink: str | None, converter_ext: str) -> str:
    """``Renderer#output_ext``: a front matter permalink's own extension wins over the
    converter's (``/feed.json`` on a Markdown page makes it ``.json``, so the file is
    ``feed.json``, not ``feed.json.html``); a permalink ending in ``/`` has none."""
    if permalink and not permalink.endswith("/"):
        ext = ruby_extname(permalink)
        if ext:
            return ext
    return converter_ext


# ------------------------------------------------------------------------ placeholders

class UrlDrop(Mapping[str, str]):
    """Placeholders of a document (Jekyll's ``Drops::UrlDrop``).

    Jekyll fills templates differently for documents and pages, and tells them apart by
    the placeholders' type; :func:`generate_url` does the same with this class.  With a
    drop every ``:name`` (``[a-z_]+``) in the template must be a key, or the build stops.

    A read-only mapping of given values; :func:`document_placeholders` returns a subclass
    that works each value out only when a template asks for it (a template names five or
    six of the twenty-five, and a big site asks for every post's URL).
    """

    __slots__ = ("_values",)

    def __init__(self, values: Mapping[str, str] | None = None) -> None:
        self._values: dict[str, str] = dict(values or {})

    def __getitem__(self, key: str) -> str:
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({dict(self)!r})"


class UrlTemplateError(KeyError):
    """A document's permalink names a placeholder the document does not have."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


def page_placeholders(dir: str, basename: str, output_ext: str) -> dict[str, str | None]:
    """``Page#url_placeholders``, in Jekyll's order (it matters, see :func:`generate_url`).

    ``dir`` is the page's folder as Jekyll's reader gives it: ``""`` at the top and
    ``"/sub/dir"`` below (a leading ``/`` or not makes no difference to the URL).
    ``basename`` is the file name without its extension and without trailing dots.
    """
    return {"path": dir, "basename": basename, "output_ext": output_ext}


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Document::DATE_FILENAME_MATCHER and DATELESS_FILENAME_MATCHER (Ruby's \d is ASCII).
_DATE_FILENAME = re.compile(r"^(?>.+/)*?([0-9]{2,4}-[0-9]{1,2}-[0-9]{1,2})-([^/]*)(\.[^.]+)$",
                            re.M)
_DATELESS_FILENAME = re.compile(r"^(?:.+/)*(.*)(\.[^.]+)$", re.M)
_TRAILING_DOTS = re.compile(r"\.*\Z")


def ruby_extname(path: str) -> str:
    """Ruby's ``File.extname``: leading dots do not start an extension (``.bashrc`` has
    none), a trailing dot is one (``"foo."`` -> ``"."``)."""
    base = path.rstrip("/").rsplit("/", 1)[-1]
    stem = base.lstrip(".")
    dot = stem.rfind(".")
    if dot < 0:
        return ""
    return stem[dot:]


def ruby_basename_without_ext(path: str) -> str:
    """``File.basename(path, ".*")``: the file name without :func:`ruby_extname`."""
    base = path.rstrip("/").rsplit("/", 1)[-1]
    ext = ruby_extname(base)
    return base[: len(base) - len(ext)] if ext else base


def document_slug(relative_path: str) -> tuple[str | None, str, str | None]:
    """``Document#populate_title``'s reading of the file name: ``(date, slug, ext)``.

    ``date`` is the ``YYYY-MM-DD`` text of a dated name (any collection, not only posts)
    or ``None``; ``slug`` loses trailing dots and falls back to the name without its
    extension.  Jekyll stores the slug as ``data["slug"]`` unless front matter set one.
    """
    date: str | None = None
    slug: str | None = None
    ext: str | None = None
    m = _DATE_FILENAME.search(relative_path)
    if m:
        date, slug, ext = m.group(1), m.group(2), m.group(3)
    else:
        m = _DATELESS_FILENAME.search(relative_path)
        if m:
            slug, ext = m.group(1), m.group(2)
    if slug is None:
        slug = ruby_basename_without_ext(relative_path)
    return date, _TRAILING_DOTS.sub("", slug, count=1), ext


def _cleaned_relative_path(relative_path: str, relative_directory: str) -> str:
    """``Document#cleaned_relative_path``: the extension cut, the collection folder's
    *first occurrence* removed (so it keeps its leading ``/``), trailing dots cut."""
    ext = ruby_extname(relative_path)
    cleaned = relative_path[: len(relative_path) - len(ext)] if ext else relative_path
    cleaned = cleaned.replace(relative_directory, "", 1)
    return _TRAILING_DOTS.sub("", cleaned, count=1)


def _category_path(categories: Iterable[str], slugged: bool) -> str:
    """``:categories`` (down-cased) or ``:slugified_categories``: each distinct value once,
    in order, joined with ``/``."""
    seen: dict[str, None] = {}
    for category in categories:
        seen.setdefault((slugify(category) or "") if slugged else ruby_downcase(category), None)
    return "/".join(seen)


class _DocumentUrlDrop(UrlDrop):
    """A document's placeholders, each worked out the first time it is asked for and then
    kept (same values, same order of keys as computing them all at once)."""

    __slots__ = ("collection", "relative_path", "date", "output_ext", "categories", "_slug",
                 "relative_directory")

    def __init__(self, collection: str, relative_path: str, date: datetime, output_ext: str,
                 categories: tuple[str, ...], slug: str | None,
                 relative_directory: str) -> None:
        super().__init__()
        self.collection = collection
        self.relative_path = relative_path
        self.date = date
        self.output_ext = output_ext
        self.categories = categories
        self._slug = slug
        self.relative_directory = relative_directory

    @property
    def slug(self) -> str:
        """Front matter ``slug``, else the one the file name gives (as Jekyll's)."""
        if self._slug is None:
            self._slug = document_slug(self.relative_path)[1]
        return self._slug

    def __getitem__(self, key: str) -> str:
        value = self._values.get(key)
        if value is None:
            compute = _DOCUMENT_PLACEHOLDERS.get(key)
            if compute is None:
                raise KeyError(key)
            value = self._values[key] = compute(self)
        return value

    def __contains__(self, key: object) -> bool:
        return key in _DOCUMENT_PLACEHOLDERS

    def __iter__(self) -> Iterator[str]:
        return iter(_DOCUMENT_PLACEHOLDERS)

    def __len__(self) -> int:
        return len(_DOCUMENT_PLACEHOLDERS)


#: Every document placeholder (``Drops::UrlDrop``'s methods), in Jekyll's order, and how it
#: is worked out; ``:title`` is the slug in ``pretty`` mode keeping case.
_DOCUMENT_PLACEHOLDERS: dict[str, Callable[[_DocumentUrlDrop], str]] = {
    "output_ext": lambda d: d.output_ext,
    "path": lambda d: _cleaned_relative_path(d.relative_path, d.relative_directory),
    "collection": lambda d: d.collection,
    "name": lambda d: slugify(ruby_basename_without_ext(d.relative_path)) or "",
    "title": lambda d: slugify(d.slug, mode="pretty", cased=True) or "",
    "slug": lambda d: slugify(d.slug) or "",
    "categories": lambda d: _category_path(d.categories, False),
    "slugified_categories": lambda d: _category_path(d.categories, True),
    "year": lambda d: f"{d.date.year:04d}",
    "month": lambda d: f"{d.date.month:02d}",
    "day": lambda d: f"{d.date.day:02d}",
    "hour": lambda d: f"{d.date.hour:02d}",
    "minute": lambda d: f"{d.date.minute:02d}",
    "second": lambda d: f"{d.date.second:02d}",
    "i_day": lambda d: str(d.date.day),
    "i_month": lambda d: str(d.date.month),
    "short_month": lambda d: _MONTHS[d.date.month - 1][:3],
    "long_month": lambda d: _MONTHS[d.date.month - 1],
    "short_year": lambda d: f"{d.date.year % 100:02d}",
    "w_year": lambda d: str(d.date.isocalendar()[0]),
    "week": lambda d: f"{d.date.isocalendar()[1]:02d}",
    "w_day": lambda d: str(d.date.isocalendar()[2]),
    "short_day": lambda d: _DAYS[d.date.isocalendar()[2] - 1][:3],
    "long_day": lambda d: _DAYS[d.date.isocalendar()[2] - 1],
    "y_day": lambda d: f"{d.date.timetuple().tm_yday:03d}",
}


#: placeholders made of ASCII digits or English month and day names only: never empty,
#: and nothing :func:`escape_path` would change
_PLAIN_DATE_PARTS = frozenset((
    "year", "month", "day", "hour", "minute", "second", "i_day", "i_month", "short_month",
    "long_month", "short_year", "w_year", "week", "w_day", "short_day", "long_day", "y_day"))


def document_placeholders(
    *,
    collection: str,
    relative_path: str,
    date: datetime,
    output_ext: str,
    categories: Iterable[str] = (),
    slug: str | None = None,
    relative_directory: str | None = None,
) -> UrlDrop:
    """The placeholders of a post or collection document (``Drops::UrlDrop``).

    - ``collection``: the label; ``relative_path``: the path from the site source, with
      the collection folder (``_posts/2020-01-02-a.md``, ``_docs/sub/b.md``);
      ``relative_directory``: that folder (default ``_<label>``; with ``collections_dir``
      it is ``<dir>/_<label>``).
    - ``date``: the document's date (a timezone-aware datetime; its own fields are used,
      as Ruby's ``strftime`` uses the Time's zone).  Jekyll uses the site's time for
      undated documents.
    - ``categories``: the document's categories as strings (Ruby's ``to_s``); ``slug``:
      front matter ``slug`` if any, else it comes from the file name like Jekyll's.

    ``:title`` is the slug in ``pretty`` mode keeping case, *not* the front matter title;
    there is no ``:basename`` for documents (Jekyll stops the build on it).  Values are
    computed when a template asks for them (see :class:`UrlDrop`).
    """
    return _DocumentUrlDrop(collection, relative_path, date, output_ext, tuple(categories),
                            slug, f"_{collection}" if relative_directory is None
                            else relative_directory)


# ------------------------------------------------------------------------- generation

def _ruby_sub_template(replacement: str) -> bool:
    return "\\" in replacement


def _expand(replacement: str, m: re.Match[str]) -> str:
    """A Ruby ``sub``/``gsub`` replacement *string*: ``\\0``/``\\&`` the match,
    ``\\``` and ``\\'`` the text before/after it, ``\\\\`` a backslash, group numbers
    (patterns here have none) nothing, a group name an error (``ValueError``).  Only a
    value :func:`escape_path` leaves raw can hold a backslash: one with a newline."""
    out: list[str] = []
    i = 0
    while i < len(replacement):
        ch = replacement[i]
        if ch == "\\" and i + 1 < len(replacement):
            nxt = replacement[i + 1]
            i += 2
            if nxt in "0&":
                out.append(m.group(0))
            elif nxt == "`":
                out.append(m.string[: m.start()])
            elif nxt == "'":
                out.append(m.string[m.end():])
            elif nxt == "\\":
                out.append("\\")
            elif nxt.isdigit() and nxt.isascii():
                pass
            elif nxt == "k" and replacement.startswith("<", i) and ">" in replacement[i:]:
                # Ruby raises IndexError: no named group exists in a literal pattern
                raise ValueError("undefined group name reference: "
                                 + replacement[i - 2: replacement.index(">", i) + 1])
            else:
                out.append("\\" + nxt)
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _ruby_gsub(text: str, old: str, new: str, count: int = 0) -> str:
    """``String#gsub(old, new)`` (``sub`` with ``count=1``) for a literal ``old``."""
    if not _ruby_sub_template(new):
        return text.replace(old, new, count or -1)
    return re.sub(re.escape(old), lambda m: _expand(new, m), text, count=count)


_DROP_KEY = re.compile(r":([a-z_]+)")

# Jekyll asks the drop whether it *responds to* a name, so Ruby's own Object, Kernel and
# Enumerable methods pass as placeholders.  Most of them give an empty value (the drop
# only invokes its own methods) ...
_DROP_EMPTY = frozenset("""
    chain chunk chunk_while class clone collect collect_concat compact cycle
    define_singleton_method detect display drop drop_while dup each each_cons each_entry
    each_slice each_with_index each_with_object entries enum_for extend filter filter_map
    find find_all find_index flat_map freeze grep grep_v group_by hash inject inspect
    instance_eval instance_exec instance_variable_get instance_variable_set
    instance_variables invoke_drop itself lazy liquid_method_missing map max_by method
    methods min_by minmax minmax_by object_id partition private_methods protected_methods
    public_method public_methods public_send reduce reject remove_instance_variable
    reverse_each select send singleton_class singleton_method singleton_methods
    slice_after slice_before slice_when sort_by sum taint take take_while tally tap then
    to_a to_enum to_h to_json to_s to_set to_yaml trust uniq untaint untrust yield_self
    zip""".split())
# ... and these make Ruby raise (a non-String value, or a method needing arguments).
_DROP_FAILING = frozenset("""
    __id__ __send__ count each_key to_liquid content_methods first hash_for_json keys max
    min sort to_hash fetch merge""".split())


@functools.lru_cache(maxsize=256)
def _drop_template(template: str) -> tuple[str, ...]:
    """A document template cut once into text and ``:name`` keys, alternating (text
    first): every document of a collection shares its template."""
    return tuple(_DROP_KEY.split(template))


def _fill_drop_key(key: str, placeholders: Mapping[str, str | None]) -> str:
    """What Jekyll puts for one ``:key`` of a template filled from a drop (see
    :func:`generate_url`)."""
    name = key[:-1] if key.endswith("_") else key
    if name not in placeholders:
        if name in _DROP_EMPTY:
            return key[len(name):]
        if name in _DROP_FAILING:
            raise UrlTemplateError(f"Jekyll cannot use :{name} in a permalink "
                                   "(a Ruby method of the drop, not a placeholder)")
        raise UrlTemplateError(
            f"The URL template doesn't have {name} or {name} keys. "
            "Check your permalink template!"
            if key.endswith("_") else
            f"The URL template doesn't have {name} keys. "
            "Check your permalink template!")
    value = escape_path(placeholders[name] or "")
    if "\\" in value:  # Ruby's sub reads backslashes in the replacement
        return _ruby_gsub(":" + key, ":" + name, value, count=1)
    return value + key[len(name):]


def generate_url(template: str, placeholders: Mapping[str, str | None]) -> str:
    """``URL#generate_url``: the template with its placeholders filled (not sanitized).

    Two rules, as in Jekyll, chosen by the placeholders' type:

    - a :class:`UrlDrop` (documents): each ``:name`` is looked up; a name ending in
      ``_`` is looked up without it (``/:year_:month`` works, and the ``_`` stays); an
      unknown name raises :class:`UrlTemplateError`; ``None`` counts as ``""``.  Names
      of Ruby's own methods (``:hash``, ``:map``) are empty or fail, as in Jekyll.
    - a plain mapping (pages): keys are replaced *in the mapping's order*, each
      everywhere as text (``:pathx`` becomes the path followed by ``x``; unknown names
      stay as written); a ``None`` value removes ``/:key`` (the slash with it) but
      leaves a ``:key`` not preceded by ``/``.  Once no ``:`` is left, it stops.

    Values go through :func:`escape_path`; the template's own text is never escaped.
    """
    if type(placeholders) is _DocumentUrlDrop:  # a document's: the usual case, inlined
        parts = _drop_template(template)
        out = [parts[0]]
        for i in range(1, len(parts), 2):
            key = parts[i]
            compute = _DOCUMENT_PLACEHOLDERS.get(key)  # never for a name ending in "_"
            if compute is None:
                out.append(_fill_drop_key(key, placeholders))
            else:  # worked out here, once (a template names each placeholder once or so)
                value = compute(placeholders)
                # a date part is digits or English names, never escaped
                if key in _PLAIN_DATE_PARTS or (value and _PLAIN_PATH.search(value)):
                    out.append(value)
                elif value:  # nothing to put for an empty one (no categories, say)
                    escaped = escape_path(value)
                    out.append(escaped if "\\" not in escaped
                               else _fill_drop_key(key, placeholders))
            out.append(parts[i + 1])
        return "".join(out)
    if isinstance(placeholders, UrlDrop):
        parts = _drop_template(template)
        if len(parts) == 1:
            return template
        out = [parts[0]]
        for i in range(1, len(parts), 2):
            key = parts[i]
            # the usual cases inline: a known name whose value needs no escaping
            if key[-1] != "_" and key in placeholders:
                value = placeholders[key]
                if not value:  # nothing to put (no categories, say)
                    pass
                elif _PLAIN_PATH.search(value):
                    out.append(value)
                else:
                    out.append(_fill_drop_key(key, placeholders))
            else:
                out.append(_fill_drop_key(key, placeholders))
            out.append(parts[i + 1])
        return "".join(out)

    result = template
    for key, value in placeholders.items():
        if ":" not in result:
            break
        if value is None:
            result = result.replace("/:" + key, "")
        else:
            result = _ruby_gsub(result, ":" + key, escape_path(value))
    return result


_SLASH_RUN = re.compile(r"/{2,}")


def sanitize_url(generated: str) -> str:
    """``URL#sanitize_url``: a leading ``/``; each ``..`` becomes ``/``; every ``./`` goes;
    runs of ``/`` collapse.  Textual only: ``%2E%2E`` survives here (see
    :func:`destination_path`)."""
    result = ("/" + generated).replace("..", "/").replace("./", "")
    return _SLASH_RUN.sub("/", result)


def url(template: str, placeholders: Mapping[str, str | None],
        permalink: str | None = None) -> str:
    """``URL#to_s``: the front matter ``permalink`` (its placeholders filled too) when
    given, else the template, then sanitized.  An empty permalink is still a permalink
    (the URL is ``/``); ``None`` means none."""
    return sanitize_url(generate_url(template if permalink is None else permalink,
                                     placeholders))


# ----------------------------------------------------------------------- escaping

class InvalidURIError(ValueError):
    """A value Addressable cannot encode, so Jekyll's build would stop on it."""


# Addressable 2.8's character classes: what each URI component leaves unencoded.
_UNRESERVED = r"a-zA-Z0-9\-._~"
_SUB_DELIMS = r"!$&'()*+,;="
_PCHAR = _UNRESERVED + _SUB_DELIMS + ":@"
_ENCODE_AUTHORITY = re.compile(f"[^{_PCHAR}\\[\\]]".encode())
_ENCODE_PATH = re.compile(f"[^{_PCHAR}/]".encode())
_ENCODE_QUERY = re.compile(f"[^{_PCHAR}/?]".encode())
_ENCODE_FRAGMENT = _ENCODE_QUERY
_PLAIN_PATH = re.compile(r"^[a-zA-Z0-9./-]+$", re.M)
_URI_PARTS = re.compile(r"^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?$", re.M)
_SCHEME_OK = re.compile(r"\A[a-z][a-z0-9.+\-]*\Z", re.I)
_USERINFO = re.compile(r"^([^\[\]]*)@", re.M)
_PORT = re.compile(r":([^:@\[\]]*?)$", re.M)
_AMBIGUOUS_PATH = re.compile(r"^(?!/)[^/:]*:.*$", re.M)
# Ruby's [[:space:]] is Unicode White_Space: Python's \s would add \x1c-\x1f.
_BAD_HOST = re.compile("[<>{}/\\\\?#@\"\t\n\v\f\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029"
                       "\u202f\u205f\u3000]")
_IP_SCHEMES = frozenset(("http", "https", "ftp", "tftp", "sftp", "ssh", "svn+ssh",
                         "telnet", "nntp", "gopher", "wais", "ldap", "prospero"))
_RUBY_STRIP = " \t\n\v\f\r\0"


def _encode(component: str, cls: re.Pattern[bytes]) -> str:
    data = cls.sub(lambda m: b"%%%02X" % m.group(0)[0], component.encode("utf-8"))
    return data.decode("ascii")


def _first(pattern: re.Pattern[str], text: str) -> str | None:
    m = pattern.search(text)
    return m.group(1) if m else None


class _Uri:
    """The parts of an ``Addressable::URI`` that ``URI.encode`` touches, with the
    checks its constructor makes (each failure is an :class:`InvalidURIError`)."""

    def __init__(self, scheme: str | None, authority: str | None, path: str,
                 query: str | None, fragment: str | None) -> None:
        self.user: str | None = None
        self.password: str | None = None
        self.host: str | None = None
        self.port: str | None = None
        if authority is not None:
            userinfo = _first(_USERINFO, authority)
            if userinfo is not None:
                stripped = userinfo.strip(_RUBY_STRIP)
                self.user = _first(re.compile(r"^([^:]*):?", re.M), stripped)
                self.password = _first(re.compile(r":(.*)$", re.M), stripped)
                if self.password is not None and self.user is None:
                    self.user = ""
            host = _USERINFO.sub("", authority, count=1)
            self.host = _PORT.sub("", host, count=1)
            port = _first(_PORT, authority)
            if port:
                digits = re.sub(r"%[0-9a-fA-F]{2}",
                                lambda m: chr(int(m.group(0)[1:], 16)), port)
                if not re.search(r"^\d+$", digits, re.M | re.A):
                    raise InvalidURIError(f"Invalid port number: {port!r}")
                leading = re.match(r"[0-9]*", digits.lstrip(_RUBY_STRIP))  # Ruby's to_i
                number = int(leading.group(0) or 0) if leading else 0
                self.port = str(number) if number else None
        if scheme is not None and not _SCHEME_OK.match(scheme):
            raise InvalidURIError(f"Invalid scheme format: '{scheme}'")
        self.scheme = scheme
        self.path = path
        self.query = query
        self.fragment = fragment
        self._validate()
        self.text = self._to_s()

    @property
    def authority(self) -> str | None:
        if self.host is None:
            return None
        out = ""
        if self.user is not None:
            out += self.user + (":" + self.password if self.password is not None else "") + "@"
        out += self.host
        if self.port is not None:
            out += ":" + self.port
        return out

    def _validate(self) -> None:
        if (self.scheme is not None and self.scheme.strip(_RUBY_STRIP).lower() in _IP_SCHEMES
                and not self.host and not self.path):
            raise InvalidURIError("Absolute URI missing hierarchical segment")
        if self.host is None and (self.port or self.user is not None
                                  or self.password is not None):
            raise InvalidURIError("Hostname not supplied")
        if self.path and not self.path.startswith("/") and self.authority is not None:
            raise InvalidURIError("Cannot have a relative path with an authority set")
        if self.path.startswith("//") and self.authority is None:
            raise InvalidURIError("Cannot have a path with two leading slashes "
                                  "without an authority set")
        if self.host is not None:
            bracketed = re.search(r"^\[(.*)\]$", self.host, re.M)
            if _BAD_HOST.search(self.host) or (
                    bracketed and not re.search(f"^[{_UNRESERVED}{_SUB_DELIMS}:]*$",
                                                bracketed.group(1), re.M)):
                raise InvalidURIError(f"Invalid character in host: '{self.host}'")

    def _to_s(self) -> str:
        if self.scheme is None and self.path and _AMBIGUOUS_PATH.search(self.path):
            raise InvalidURIError(
                f"Cannot assemble URI string with ambiguous path: '{self.path}'")
        out = f"{self.scheme}:" if self.scheme is not None else ""
        if self.authority is not None:
            out += "//" + self.authority
        out += self.path
        if self.query is not None:
            out += "?" + self.query
        if self.fragment is not None:
            out += "#" + self.fragment
        return out


def _addressable_encode(text: str) -> str:
    """``Addressable::URI.encode``: parse ``text`` as a URI, percent-encode each part
    by its own character class (UTF-8 bytes, upper-case hex), and join them again."""
    m = _URI_PARTS.search(text)
    if m is None:  # pragma: no cover - every part is optional
        raise InvalidURIError(f"cannot parse {text!r}")
    parsed = _Uri(m.group(2), m.group(4), m.group(5) or "", m.group(7), m.group(9))
    authority = parsed.authority
    encoded = _Uri(
        parsed.scheme,  # already [a-z][a-z0-9.+-]*, nothing to encode
        None if authority is None else _encode(authority, _ENCODE_AUTHORITY),
        _encode(parsed.path, _ENCODE_PATH),
        None if parsed.query is None else _encode(parsed.query, _ENCODE_QUERY),
        None if parsed.fragment is None else _encode(parsed.fragment, _ENCODE_FRAGMENT),
    )
    return encoded.text


def escape_path(path: str) -> str:
    """``URL.escape_path``: a placeholder value made safe for a URL path.

    Text made of ``[a-zA-Z0-9./-]`` is returned as is (Ruby tests this line by line, so
    a value with a newline whose first line is plain is not escaped at all).  Anything
    else is parsed as a URI by Addressable and each part encoded by its own class:
    spaces, ``%``, ``"``, ``<``, ``>``, ``\\``, ``^``, ``{``, ``|``, ``}``, `````,
    ``[``/``]`` (outside an authority) and non-ASCII (as UTF-8 bytes) are escaped;
    sub-delimiters, ``:``, ``@``, ``~`` are not; ``?`` is not either (it starts a query
    that keeps its ``?``s); the first ``#`` is escaped by Jekyll and later ones by
    Addressable, so every ``#`` ends up ``%23``.  A value that looks like a URI
    Addressable rejects (``1:x``, ``:x``, ``é:x``) raises :class:`InvalidURIError`, where
    Jekyll's build stops.
    """
    if not path or _PLAIN_PATH.search(path):
        return path
    return _escaped(path)


@functools.lru_cache(maxsize=4096)
def _escaped(path: str) -> str:
    """:func:`escape_path` of a value that is not plain, remembered: the same category or
    title comes back in many URLs of a site, and Addressable's parse is slow to redo."""
    return _addressable_encode(path).replace("#", "%23", 1)


_PERCENT = re.compile(rb"%[0-9a-fA-F]{2}")


def unescape_path(path: str) -> str:
    """``URL.unescape_path``: every ``%XX`` decoded, even ``%2F`` and ``%25``, in one
    pass (``%2541`` gives ``%41``).  Decoded bytes that are not UTF-8 come back as
    surrogate escapes, so ``os.fsencode`` writes the same bytes Ruby writes."""
    if "%" not in path:
        return path
    raw = _PERCENT.sub(lambda m: bytes([int(m.group(0)[1:], 16)]),
                       path.encode("utf-8", "surrogateescape"))
    return raw.decode("utf-8", "surrogateescape")


# ----------------------------------------------------------------------- destination

def _sanitized_join(dest: str, questionable: str) -> str:
    """``Jekyll.sanitized_path``: ``questionable`` resolved as an absolute path (so no
    ``..`` climbs out) and put under ``dest`` -- unless it already names a path under
    ``dest``, which is then used as is."""
    if questionable == dest:
        return dest
    if "\0" in questionable:
        raise ValueError(f"URL {questionable!r} contains a NUL byte")
    clean = "/" + questionable if questionable.startswith("~") else questionable
    clean = posixpath.normpath(posixpath.join("/", clean))
    if clean == dest:
        return clean
    clean = _SLASH_RUN.sub("/", clean)
    if clean.startswith(dest + "/"):
        return clean
    clean = re.sub(r"\A\w:/", "/", clean, count=1)
    return dest.rstrip("/") + "/" + clean.lstrip("/") if clean != "/" else dest + "/"


def destination_path(dest_root: Path, url: str, output_ext: str,
                     kind: Literal["page", "document"] = "page") -> Path:
    """Where Jekyll writes the page or document at ``url`` (``#destination``).

    The URL is unescaped (``%20`` becomes a space, ``%2F`` a folder), resolved under
    ``dest_root`` (``..`` cannot climb out).  A URL ending in ``/`` is a folder: a page
    gets ``index`` + its ``output_ext`` (``/feed/`` with ``.xml`` -> ``feed/index.xml``),
    a document always ``index.html`` (even for ``.json`` output).  Otherwise
    ``output_ext`` is appended unless the path already ends with it: ``/foo`` ->
    ``foo.html``, ``/q?x=1`` -> ``q?x=1.html`` (``?`` is a file name character here).
    ``output_ext`` is :func:`output_ext`'s, so a permalink's own extension is kept.

    Raises ``ValueError`` naming the URL if the path would still end up outside
    ``dest_root`` (through a symlink already in the destination, say).
    """
    root = Path(dest_root).absolute()
    dest = str(root)
    path = _sanitized_join(dest, unescape_path(url))
    if url.endswith("/"):
        path = path.rstrip("/") + ("/index" if kind == "page" else "/index.html")
        if kind == "page" and not path.endswith(output_ext):
            path += output_ext
    elif not path.endswith(output_ext):
        path += output_ext
    result = Path(path)
    _refuse_outside(root, result, url)
    return result


@functools.lru_cache(maxsize=64)
def _real(root: Path) -> Path:
    return root.resolve()


#: destinations that did not exist when the build under way began (``Site.process``):
#: everything in them is what it wrote, so no link can lead out and nothing needs probing
FRESH_DESTINATIONS: set[Path] = set()


def _refuse_outside(root: Path, path: Path, url: str) -> None:
    normalized = Path(posixpath.normpath(str(path)))
    if normalized != root and root not in normalized.parents:
        raise ValueError(f"URL {url!r} resolves outside the destination: {path}")
    if root in FRESH_DESTINATIONS:
        return
    real_root = _real(root)
    probe = normalized
    while not probe.exists() and probe != root and root in probe.parents:
        probe = probe.parent
    if probe == root:
        return  # nothing of the path exists yet below the destination: no link to follow
    if probe.exists() or probe.is_symlink():
        real = probe.resolve()
        if real != real_root and real_root not in real.parents:
            raise ValueError(f"URL {url!r} resolves outside the destination: {path}")

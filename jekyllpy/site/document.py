"""Documents of a collection, posts included (Jekyll's ``Document``), and their excerpts.

Reading follows Jekyll's order, because each step sees the data of the ones before:
categories from the folders above ``_posts``, front matter defaults, the file's front
matter, then title/slug/date from the file name, categories and tags normalised, and the
excerpt cut at ``excerpt_separator``.
"""

from __future__ import annotations

import datetime as _dt
import os
import posixpath
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import JekyllpyError
from ..rendering import ruby
from . import url as urls
from .front_matter import FRONT_MATTER, FrontMatterError, parse

if TYPE_CHECKING:
    from .collection import Collection
    from .site import Site

DATE_FILENAME = re.compile(r"^(?:.+/)*?(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$")
DATELESS_FILENAME = re.compile(r"^(?:.+/)*(.*)(\.[^.]+)$")
#: a link definition line, Jekyll's ``/^ {0,3}(?:(\[[^\]]+\])(:.+))$/`` (multi-line
#: mode), searched for in "\n" + the text: starting with a literal, the pattern is looked
#: for only where a line starts (the ``^`` form is tried at every character; three times
#: slower on a post's text); the same matches, see tests/site/test_document_read.py
_LINK_REF = re.compile(r"\n {0,3}(\[[^\]]+\])(:[^\n]+)(?=\n|\Z)")
_LIQUID_TAG = re.compile(r"{%-?\s*(\w+)\s*.*?-?%}", re.S)
_LIQUID_BLOCKS = {"if", "unless", "case", "for", "capture", "comment", "raw", "tablerow",
                  "highlight", "ifchanged"}


class DateError(JekyllpyError, ValueError):
    pass


#: rendering.drops.DocumentDrop, imported when first needed (see Document.to_liquid)
_DocumentDrop: Any = None


class Document:
    def __init__(self, site: "Site", path: Path, collection: "Collection") -> None:
        self.site = site
        self.path = path
        self.collection = collection
        name = path.name
        self.extname = suffix = path.suffix
        self.basename = name
        self.basename_without_ext = name[:len(name) - len(suffix)] if suffix else name
        self.relative_path = _relative_posix(path, collection.source_root)
        self.data: dict[str, Any] = {}
        self.content: str | None = None
        self.output: str | None = None
        self._url: str | None = None
        self.converters = collection.converters_for(suffix)
        self.is_draft = (collection.label == "posts"
                         and collection.relative_directory not in self.relative_path)
        # Document#initialize asks draft? (``data["draft"] ||= ...``): every document's
        # data starts with "draft", false outside _drafts (in any collection)
        self.data["draft"] = self.is_draft
        if self.is_draft:
            self._categories_from_path("_drafts")
        else:
            self._categories_from_path(collection.relative_directory)

    @property
    def type(self) -> str:
        return self.collection.label

    # -- reading ------------------------------------------------------------------------------------
    def read(self) -> None:
        """Defaults, front matter, then the data Jekyll derives (``Document#read``)."""
        if self.extname in (".yaml", ".yml"):
            from .yaml_loader import load_yaml
            self.data = load_yaml(self.path.read_text(encoding="utf-8"), self.relative_path) \
                or {}
            if not self.data.get("draft"):
                # the file's data replaced the hash: draft? sets it again, last
                self.data["draft"] = self.is_draft
            self.content = ""
            return
        defaults = self.site.defaults.all(self.relative_path, self.type)
        if defaults:  # a copy of our own (the same defaults go to many documents)
            self.merge_data(defaults, "front matter defaults")
        text = _read_bytes(self.path).decode("utf-8", "replace")
        self.content = text
        if text.startswith("---"):  # parse tells whether front matter really ends
            try:
                parsed = parse(text, self.relative_path,
                               remember=self.site.regenerator is not None,
                               known=self.site.front_matter_known)
            except FrontMatterError as exc:
                self.site.report_error(f"YAML Exception reading {exc}")
                if self.site.config.get("strict_front_matter"):
                    raise
                m = FRONT_MATTER.match(text)
                self.content = text[m.end():] if m else text
                parsed = None
            if parsed is not None:
                self.content = parsed.content
                if parsed.data:
                    self.merge_data(parsed.data, "YAML front matter")
        self._populate_title()
        self._populate_categories()
        self._populate_tags()
        if self.excerpt_separator:
            if self.data.get("excerpt") is None:
                self.data["excerpt"] = Excerpt(self)

    def merge_data(self, other: dict[str, Any], source: str) -> None:
        """Jekyll's ``merge_data!``: categories joined to those already there, a deep
        merge, then the date parsed again (every reading step goes through here)."""
        cats = other.get("categories")
        if cats is not None:
            other = dict(other)
            if isinstance(cats, str):
                cats = cats.split()
            if isinstance(self.data.get("categories"), list):
                cats = _union(self.data["categories"], cats if isinstance(cats, list) else [cats])
            other["categories"] = cats
        _merge_into(self.data, other)
        self._date_again(source)

    def _set(self, key: str, value: Any, source: str) -> None:
        """``merge_data({key: value})`` where nothing needs merging: ``value`` is neither
        None nor a mapping, and ``key`` is not ``categories`` (which merge_data joins to
        those already there); the value replaces, then the date is parsed again."""
        self.data[key] = value
        self._date_again(source)

    def _date_again(self, source: str) -> None:
        """The last step of every merge: the date parsed again.  A time already in the
        site's zone parses to itself (the usual case after the first step that set it)."""
        data = self.data
        date = data.get("date")
        if date is not None and not (type(date) is _dt.datetime
                                     and date.tzinfo is self.site.timezone):
            data["date"] = self._parse_date(date, source)

    def _parse_date(self, value: Any, source: str) -> _dt.datetime:
        tz = self.site.timezone
        if isinstance(value, _dt.datetime) and value.tzinfo is not None:
            return value.astimezone(tz)
        try:
            parsed = _parse_time(ruby.to_s(value, tz), tz)
        except ValueError as exc:
            raise DateError(f"Document '{self.relative_path}' does not have a valid date in "
                            f"the {source}.") from exc
        return parsed.astimezone(tz)

    def _categories_from_path(self, special_dir: str) -> None:
        rel = self.relative_path
        if rel.startswith(special_dir):
            superdirs: list[str] = []
        else:
            idx = rel.find(special_dir)
            head = rel[:idx] if idx >= 0 else rel
            superdirs = [c for c in head.split("/")
                         if c and c != special_dir and c != self.basename]
        if "categories" in self.data:
            self.merge_data({"categories": superdirs}, "file path")
        else:  # nothing to join them to
            self._set("categories", superdirs, "file path")

    def _populate_title(self) -> None:
        m = DATE_FILENAME.match(self.relative_path)
        if m:
            date, slug, ext = m.groups()
            current = self.data.get("date")
            # Jekyll also takes the file name's date when the date set equals the build
            # time to the second (what an unset date would have become).
            if current is None or (hasattr(current, "timestamp")
                                   and int(current.timestamp()) == self.site.time_seconds):
                self._set("date", date, "filename")
        else:
            m2 = DATELESS_FILENAME.match(self.relative_path)
            slug, ext = m2.groups() if m2 else (None, None)
        slug = (slug if slug is not None else self.basename_without_ext).rstrip(".")
        if self.data.get("title") is None:
            self.data["title"] = " ".join(w[:1].upper() + w[1:].lower() for w in slug.split("-"))
        if self.data.get("slug") is None:
            self.data["slug"] = slug
        if self.data.get("ext") is None:
            self.data["ext"] = ext

    def _populate_categories(self) -> None:
        data = self.data
        if data.get("categories") == [] and "category" not in data:
            return  # none from folders or front matter: merging none changes nothing
        cats = _ruby_array(data.get("categories")) + _pluralized(data, "category", "categories")
        flat: list[str] = []
        for c in _flatten([ruby.to_s(c) if not isinstance(c, list) else c for c in cats]):
            s = ruby.to_s(c)
            if s not in flat:
                flat.append(s)
        self.merge_data({"categories": flat}, "YAML front matter")

    def _populate_tags(self) -> None:
        tags = _flatten(_pluralized(self.data, "tag", "tags"))
        self._set("tags", tags, "YAML front matter")

    # -- what the site asks -----------------------------------------------------------------------
    def published(self) -> bool:
        return self.data.get("published") is not False

    @property
    def date(self) -> _dt.datetime:
        value = self.data.get("date")
        if value is None:
            value = self.data["date"] = (
                _dt.datetime.fromtimestamp(self.path.stat().st_mtime, tz=self.site.timezone)
                if self.is_draft else self.site.time)
        return value

    @property
    def excerpt_separator(self) -> str:
        value = self.data.get("excerpt_separator")
        if value is None:
            value = self.site.config.get("excerpt_separator")
        return ruby.to_s(value) if value is not None else ""

    @property
    def permalink(self) -> str | None:
        value = self.data.get("permalink")
        return None if value is None or value is False else str(value)

    @property
    def output_ext(self) -> str:
        permalink = self.permalink
        if permalink is None:  # the usual case: the same for the collection's documents
            return self.collection.output_ext_for(self.extname)
        return self.site.output_ext(self.extname, permalink, self.converters)

    @property
    def cleaned_relative_path(self) -> str:
        rel = self.relative_path[:len(self.relative_path) - len(self.extname)] \
            if self.extname else self.relative_path
        rel = rel.replace(self.collection.relative_directory, "", 1)
        return rel.rstrip(".")

    @property
    def url(self) -> str:
        if self._url is None:
            slug = self.data.get("slug")
            placeholders = urls.document_placeholders(
                collection=self.collection.label, relative_path=self.relative_path,
                date=self.date, output_ext=self.output_ext,
                categories=[ruby.to_s(c) for c in _ruby_array(self.data.get("categories"))],
                slug=None if slug is None else ruby.to_s(slug),
                relative_directory=self.collection.relative_directory)
            self._url = urls.url(self.collection.url_template, placeholders, self.permalink)
        return self._url

    @property
    def id(self) -> str:
        slug = self.data.get("slug")
        return posixpath.join(_ruby_dirname(self.url),
                              ruby.to_s(slug) if slug is not None else self.basename_without_ext)

    def destination(self, dest: Path) -> Path:
        # asked for by the cleaner and by the writer: computed once per URL
        key = (dest, self.url, self.output_ext)
        cached = self.__dict__.get("_destination")
        if cached is None or cached[0] != key:
            cached = self._destination = (key, urls.destination_path(dest, *key[1:], "document"))
        return cached[1]

    def write_p(self) -> bool:
        return self.collection.write_p() and self.site.publish(self)

    def render_with_liquid(self) -> bool:
        if self.data.get("render_with_liquid") is False:
            return False
        text = self.content or ""
        return self.extname not in (".coffee", ".yaml", ".yml") and ("{%" in text or "{{" in text)

    def place_in_layout(self) -> bool:
        return (self.extname not in (".sass", ".scss", ".coffee", ".yaml", ".yml")
                and self.data.get("layout") != "none")

    def next_doc(self) -> "Document | None":
        docs = self.collection.docs
        for i, d in enumerate(docs):
            if d is self:
                return docs[i + 1] if i + 1 < len(docs) else None
        return None

    def previous_doc(self) -> "Document | None":
        docs = self.collection.docs
        for i, d in enumerate(docs):
            if d is self:
                return docs[i - 1] if i > 0 else None
        return None

    def to_liquid(self) -> Any:
        global _DocumentDrop
        drop = getattr(self, "_drop", None)
        if drop is None:
            if _DocumentDrop is None:  # imported once (the rendering package imports us)
                from ..rendering.drops import DocumentDrop as _DocumentDrop
            drop = self._drop = _DocumentDrop(self)
        return drop

    def __str__(self) -> str:
        return self.output or self.content or "NO CONTENT"


class Excerpt:
    """The start of a document up to its ``excerpt_separator``, rendered without layout.

    Its text is cut from the document's text as read, when first asked for: a page that
    shows one post need not cut a thousand excerpts."""

    place_in_layout_p = False

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._source: str | None = doc.content or ""
        self._separator = doc.excerpt_separator
        self._content: str | None = None
        self.output: str | None = None
        self.extname = doc.extname
        self.converters = doc.converters

    @property
    def content(self) -> str:
        if self._content is None:
            self._content = self._extract(self._source or "")
            self._source = None
        return self._content

    @content.setter
    def content(self, value: str) -> None:
        self._content = value
        self._source = None

    @property
    def data(self) -> dict[str, Any]:
        data = dict(self.doc.data)
        data.pop("layout", None)
        data.pop("excerpt", None)
        return data

    @property
    def relative_path(self) -> str:
        return posixpath.join(self.doc.relative_path, "#excerpt")

    @property
    def path(self) -> Path:
        return Path(str(self.doc.path) + "/#excerpt")

    def render_with_liquid(self) -> bool:
        # the document's own data: ``data`` differs from it only by layout and excerpt
        if self.doc.data.get("render_with_liquid") is False:
            return False
        content = self.content
        return self.extname not in (".coffee", ".yaml", ".yml") and (
            "{%" in content or "{{" in content)

    def place_in_layout(self) -> bool:
        return False

    def _extract(self, text: str) -> str:
        head, sep, tail = text.partition(self._separator)
        if not sep or not tail:
            return head
        if "{%" in head:
            head = _close_liquid_blocks(head)
        # a definition counts if its "[label]" is in the head; "]" in the head and "]:" in
        # the tail are needed for that (no scan of the tail when either is missing)
        if "]" not in head or "]:" not in tail:
            return head
        definitions = ["".join(m) for m in _LINK_REF.findall("\n" + tail) if m[0] in head]
        if not definitions:
            return head
        return head + "\n\n" + "\n".join(definitions)

    def __str__(self) -> str:
        return self.output if self.output is not None else self.content

    def __repr__(self) -> str:
        # what the dependency tracker's fingerprints see of a document's data
        return f"Excerpt({self.doc.relative_path!r}, {self.content!r})"


def _close_liquid_blocks(head: str) -> str:
    for name in reversed(_LIQUID_TAG.findall(head)):
        if name in _LIQUID_BLOCKS and not re.search(
                r"{%-?\s*end" + re.escape(name) + r".*?\s*-?%}", head, re.S):
            head += "\n{% end" + name + " %}"
    return head


def _merge_into(target: dict[str, Any], other: dict[str, Any]) -> None:
    """Jekyll's ``deep_merge_hashes!`` in place: hashes on both sides merge key by key, a
    nil in ``other`` keeps the value already there, anything else replaces it.  ``other``'s
    values are taken as they are (callers pass fresh data)."""
    for key, value in other.items():
        if key in target:
            if value is None:
                continue
            current = target[key]
            if isinstance(current, dict) and isinstance(value, dict):
                merged = dict(current)
                _merge_into(merged, value)
                target[key] = merged
                continue
        target[key] = value


def _ruby_dirname(path: str) -> str:
    """``File.dirname``: trailing slashes do not make a folder of their own."""
    stripped = path.rstrip("/")
    if not stripped:
        return "/" if path.startswith("/") else "."
    return posixpath.dirname(stripped) or "."


def _ruby_array(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _pluralized(data: dict[str, Any], singular: str, plural: str) -> list[Any]:
    value: Any = None
    if singular in data:
        value = data[singular]
    if value is None and plural in data:
        raw = data[plural]
        if isinstance(raw, str):
            value = raw.split()
        elif isinstance(raw, list):
            value = [v for v in raw if v is not None]
    return [v for v in _flatten([value]) if v is not None]


def _flatten(items: list[Any]) -> list[Any]:
    for item in items:
        if isinstance(item, list):
            break
    else:
        return list(items)  # nothing nested (the usual case)
    out: list[Any] = []
    for item in items:
        if isinstance(item, list):
            out.extend(_flatten(item))
        else:
            out.append(item)
    return out


def _union(a: list[Any], b: list[Any]) -> list[Any]:
    out: list[Any] = []
    for item in list(a) + list(b):
        if item not in out:
            out.append(item)
    return out


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, read without a buffered file object (a site's posts are read
    one after another: ``os.read`` takes half the time ``open().read()`` does)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        chunks = []
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(fd)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _relative_posix(path: Path, root: str) -> str:
    """``path.relative_to(root).as_posix()``, by comparing text when ``path`` is below
    ``root`` (both as ``pathlib`` prints them): asked once per document read."""
    text = str(path)
    if text.startswith(root) and text[len(root):len(root) + 1] == os.sep and root != os.sep:
        rel = text[len(root) + 1:]
        return rel if os.sep == "/" else rel.replace(os.sep, "/")
    return path.relative_to(root).as_posix()


#: times already parsed whose value cannot depend on the day they are parsed: a text
#: without ``:`` (no time of day: a file name's date, a YAML date) or one starting with a
#: full ``YYYY-MM-DD`` date (``Utils.parse_date`` keeps a cache for the same reason)
_DATES: dict[tuple[str, Any], _dt.datetime] = {}
_DATE_FIRST = re.compile(r"\d{4}-\d{2}-\d{2}(?:[ T]|\Z)")


def _parse_time(text: str, tz: Any) -> _dt.datetime:
    """``ruby.parse_time``, remembered for texts that always give the same time.

    ``parse_time`` takes today's date only for a time of day with no date; a text
    without ``:`` has no time of day, and in one that starts with a whole date the time
    found after it cannot take the date's digits."""
    if ":" in text and not _DATE_FIRST.match(text):
        return ruby.parse_time(text, tz)
    key = (text, tz)
    found = _DATES.get(key)
    if found is None:
        found = ruby.parse_time(text, tz)
        if len(_DATES) < 65536:
            _DATES[key] = found
    return found

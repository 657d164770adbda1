"""``jekyllpy serve``: build, serve the destination over HTTP, rebuild on changes, LiveReload.

What it does, in Jekyll's order (``jekyll serve``, lib/jekyll/commands/serve.rb,
build.rb and jekyll-watch's watcher.rb):

1. the configuration, with what Jekyll adds when serving: ``serving: true``, ``watch``,
   ``host``/``port`` (command line over ``_config.yml`` over ``127.0.0.1``/``4000``), and,
   when ``JEKYLL_ENV`` is ``development`` (the default), ``url: http://localhost:PORT``
   (``localhost`` stands for ``127.0.0.1``), exactly as Jekyll overrides ``site.url``;
2. the build (unless ``--skip-initial-build``), with ``jekyllpy build``'s console lines;
3. watching the source (unless ``--no-watch``; ``--livereload`` implies watching);
4. the LiveReload server (``--livereload``) and the HTTP server, then
   ``Server running... press ctrl-c to stop.``  Both ports are bound before the build, so a
   port in use fails at once (exit 1, the port named) instead of after a long build.

The HTTP server (stdlib ``ThreadingHTTPServer``) copies Jekyll's WEBrick servlet: the
destination is mounted at the site's ``baseurl``; ``/dir/`` serves the first of
``index.htm``, ``index.html``, ... (WEBrick's ``DirectoryIndex``), or a listing; ``/dir``
redirects (301) to ``/dir/``; ``/file`` serves ``file``, else ``file.html``, else
``file.xhtml``; a missing file answers 404 with the destination's ``404.html`` when there
is one; ``.ht*`` and ``~*`` names are never served; nothing outside the destination is
served (``..`` is resolved before the mount is looked at, symlinks leading out give 403).
Content types follow Jekyll's ``mime.types`` for web files, with ``; charset=utf-8`` (the
site's ``encoding``) on the types Jekyll's ``mime_types_charset.json`` lists (``text/*``,
JavaScript, JSON, web manifests).  Headers: Jekyll's ``Cache-Control`` and any
``webrick: headers:`` from the configuration.  One deliberate difference: the bare mount
point (``/blog`` for ``baseurl: /blog``) redirects to ``/blog/``, where WEBrick answers 404.

LiveReload (``-l``): HTML responses get Jekyll's script tag right after ``<head>`` (the same
bytes and the same rule as Jekyll's ``BodyProcessor``, ``X-Rack-LiveReload: 1`` header); the
LiveReload port serves ``/livereload.js`` over HTTP and the LiveReload protocol over a
WebSocket (``hello`` handshake, then one ``reload`` command per changed output file after
each rebuild).  The WebSocket server and the ``livereload.js`` client are our own, small,
stdlib-only code (RFC 6455 framing below; the client is :data:`LIVERELOAD_JS`): the client
says hello, reloads the page on a ``reload`` command (a ``.css`` path swaps matching
stylesheets in place instead, as ``liveCSS`` asks), and reconnects with a growing delay
(``mindelay``/``maxdelay`` from the script's query) when the server goes away.

Regeneration (watchfiles): a change anywhere in the source, except the destination,
``.jekyll-cache``, ``.jekyll-metadata``, VCS and editor files (watchfiles' default filter and
Listen's ignored folders), the configuration files and what ``exclude`` excludes
(Jekyll's ``EntryFilter`` rules), prints ``Regenerating: N file(s) changed at TIME`` and the
paths, rebuilds, and prints ``...done in X seconds.`` -- Jekyll's lines.  A failed rebuild
prints ``Error:`` lines and the last good output stays served.

What a rebuild does:

* **It reads and generates the whole site, and renders only what the change affects.**
  The ``Site`` carries a dependency tracker (:mod:`jekyllpy.rendering.dependencies`) that
  records, for every page, document and excerpt rendered, what it was rendered from (its
  own text and data, its layouts, the files it included, the fields it read of other
  pages and documents, ``site.data``, ``site.time``); a rebuild renders the files whose
  dependencies changed, plus what Jekyll always regenerates (plugin pages such as the feed
  and the sitemap, Sass pages, ``regenerate: true``), and restores the others as they
  were rendered.  The result is always the bytes a fresh full build writes: where
  Jekyll's ``--incremental`` would leave a page listing ``site.posts`` stale, we render it
  again.  The state lives in memory (nothing is written into the source, unlike Jekyll's
  ``.jekyll-metadata``); with ``-I`` it is also kept between runs, where ``build
  --incremental`` keeps it.  The Site object, the imported modules and the parsed Liquid
  templates are reused (includes are re-read when their mtime changes).
* **Only output files whose bytes changed are written.**  Each rendered page is compared
  with the file on disk and written only when different; a static file is copied only
  when its size/mtime differ from the copy and its bytes differ.  Unchanged outputs keep
  their mtime (so rsync, browsers' caches and other watchers see only real changes), and
  LiveReload is told only about the outputs that changed.  Files the build no longer
  produces are deleted, as ``jekyllpy build`` does (Jekyll's ``Cleaner``).
* Parsed templates stay cached (keyed by their text) for the life of the server, so a
  long editing session grows that cache by one entry per edited version of a template.
* The configuration is read once: changes to ``_config.yml`` (or ``--config`` files) need a
  restart, as with Jekyll.

The console (:class:`jekyllpy.console.Console`) and the build options are shared with
``jekyllpy build``.
"""

from __future__ import annotations

import base64
import datetime as _dt
import email.utils
import errno
import fnmatch
import hashlib
import html
import json
import mimetypes
import os
import re
import signal
import socket
import socketserver
import struct
import threading
import time
import traceback
import urllib.parse
from collections.abc import Callable, Iterable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, BinaryIO

import click

from . import __version__
from .console import Console, build_options, command_setup, fail
from .errors import JekyllpyError

__all__ = ["serve_command", "process_site", "write_changed", "inject_livereload",
           "SiteHTTPServer", "LiveReloadServer", "LIVERELOAD_JS", "LIVERELOAD_PORT"]

#: Jekyll's ``Serve::LIVERELOAD_PORT``.
LIVERELOAD_PORT = 35729
#: WEBrick's ``DirectoryIndex`` as Jekyll sets it, in order.
DIRECTORY_INDEX = ("index.htm", "index.html", "index.rhtml", "index.xht", "index.xhtml",
                   "index.cgi", "index.xml", "index.json")
#: Jekyll's servlet ``DEFAULTS``.
DEFAULT_HEADERS = {"Cache-Control": "private, max-age=0, proxy-revalidate, no-store, "
                                    "no-cache, must-revalidate"}
#: WEBrick's ``NondisclosureName`` as Jekyll sets it: never served.
NONDISCLOSURE = (".ht*", "~*")
#: Jekyll's ``BodyProcessor::HEAD_TAG_REGEX`` (``[^(er)]`` is a character class, as in Ruby).
_HEAD_TAG = re.compile(rb"<head>|<head[^(er)][^<]*>")
_WS_GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
_LR_PROTOCOL = "http://livereload.com/protocols/official-7"

#: Jekyll's ``mime.types`` for the files sites hold (Python's table differs on some: .js,
#: .ico, .map); anything else falls back to :mod:`mimetypes`.
_MIME_TYPES = {
    ".html": "text/html", ".htm": "text/html", ".xhtml": "application/xhtml+xml",
    ".css": "text/css", ".js": "application/javascript", ".mjs": "application/javascript",
    ".json": "application/json", ".map": "application/json",
    ".webmanifest": "application/manifest+json", ".xml": "application/xml",
    ".xsl": "application/xml", ".atom": "application/atom+xml",
    ".rss": "application/rss+xml", ".txt": "text/plain", ".text": "text/plain",
    ".md": "text/markdown", ".markdown": "text/markdown", ".csv": "text/csv",
    ".svg": "image/svg+xml", ".svgz": "image/svg+xml", ".png": "image/png",
    ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
    ".webp": "image/webp", ".avif": "image/avif", ".ico": "image/vnd.microsoft.icon",
    ".woff": "font/woff", ".woff2": "font/woff2", ".ttf": "font/ttf", ".otf": "font/otf",
    ".eot": "application/vnd.ms-fontobject", ".wasm": "application/wasm",
    ".pdf": "application/pdf", ".zip": "application/zip", ".mp4": "video/mp4",
    ".webm": "video/webm", ".mp3": "audio/mpeg", ".ogg": "audio/ogg",
}
#: The non-``text/*`` types of Jekyll's ``mime_types_charset.json`` (all get the charset).
_CHARSET_TYPES = {"application/javascript", "application/json", "application/manifest+json",
                  "application/vnd.syncml+xml", "application/vnd.syncml.dm+wbxml",
                  "application/vnd.syncml.dm+xml", "application/vnd.syncml.dmddf+xml",
                  "application/vnd.wap.wbxml"}
#: Listen's ``DEFAULT_IGNORED_DIRECTORIES`` (relative to the source); watchfiles' default
#: filter adds ``.git``, ``.hg``, ``.svn``, ``node_modules`` and editors' files anywhere.
_LISTEN_IGNORED_DIRS = (".git", ".svn", ".hg", ".rbx", ".bundle", "bundle", "vendor/bundle",
                        "log", "tmp", "vendor/ruby")



# -- building: whole site, only changed bytes written --------------------------------------------
def process_site(site: Any) -> list[Any]:
    """``Site#process`` with :func:`write_changed` as the last step; returns the items
    (pages, documents, static files) whose output file was written.  With a dependency
    tracker (``site.regenerator``), only what a change affects is rendered."""
    site.warnings.clear()
    site.errors.clear()
    site.reset()
    site.read()
    site.generate()
    site.render()
    site.cleanup()
    written = write_changed(site)
    if site.regenerator is not None:
        site.regenerator.commit()
    return written


def write_changed(site: Any) -> list[Any]:
    """``Site#write``, but a file is written only when its bytes differ from what the
    destination holds, so unchanged outputs keep their mtime."""
    from .site.static_file import StaticFile
    dest = site.destination
    written = []
    for item in site.each_site_file():
        target = item.destination(dest)
        if isinstance(item, StaticFile):
            if _same_file(item.path, target):
                continue
            item.write(dest)
            written.append(item)
            continue
        data = (item.output or "").encode("utf-8")
        try:
            if target.is_file() and target.stat().st_size == len(data) \
                    and target.read_bytes() == data:
                continue
        except OSError:
            pass
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written.append(item)
    return written


def _same_file(source: Path, target: Path) -> bool:
    """Whether ``target`` already holds ``source``'s bytes (size and mtime equal, as
    ``shutil.copy2`` leaves them, or else the same bytes)."""
    try:
        a, b = source.stat(), target.stat()
    except OSError:
        return False
    if not target.is_file() or a.st_size != b.st_size:
        return False
    if a.st_mtime_ns == b.st_mtime_ns:
        return True
    try:
        with open(source, "rb") as fa, open(target, "rb") as fb:
            while True:
                chunk_a, chunk_b = fa.read(1 << 16), fb.read(1 << 16)
                if chunk_a != chunk_b:
                    return False
                if not chunk_a:
                    return True
    except OSError:
        return False


# -- HTTP ------------------------------------------------------------------------------------------
def content_type(path: str | os.PathLike[str], encoding: str = "utf-8") -> str:
    """The Content-Type Jekyll's servlet gives ``path``."""
    ext = os.path.splitext(os.fspath(path))[1].lower()
    typ = _MIME_TYPES.get(ext) or mimetypes.guess_type(os.fspath(path), strict=False)[0] \
        or "application/octet-stream"
    if typ.startswith("text/") or typ in _CHARSET_TYPES:
        return f"{typ}; charset={encoding}"
    return typ


def livereload_snippet(port: int, min_delay: Any = None, max_delay: Any = None) -> bytes:
    """Jekyll's ``BodyProcessor#template``, byte for byte: a script that loads
    ``livereload.js`` from the page's own host name on the LiveReload port."""
    args = ""
    if min_delay:
        args += f"&amp;mindelay={min_delay}"
    if max_delay:
        args += f"&amp;maxdelay={max_delay}"
    args += f"&amp;port={port}"
    return ("<script>\n"
            "  document.write(\n"
            "    '<script src=\"' + location.protocol + '//' +\n"
            "    (location.host || 'localhost').split(':')[0] +\n"
            f"    ':{port}/livereload.js?snipver=1{args}\"' +\n"
            "    '></' +\n"
            "    'script>');\n"
            "</script>\n").encode("utf-8")


def inject_livereload(body: bytes, snippet: bytes) -> tuple[bytes, bool]:
    """Jekyll's ``BodyProcessor#process!``: on the first line holding ``<head``, the
    snippet goes after each ``<head>`` (or ``<head ...>``) tag of that line.  Returns the
    body and whether a line with ``<head`` was found (Jekyll's ``livereload_added``)."""
    start = 0
    while start < len(body):
        end = body.find(b"\n", start)
        end = len(body) if end < 0 else end + 1
        line = body[start:end]
        if b"<head" in line:
            line = _HEAD_TAG.sub(lambda m: m.group(0) + snippet, line)
            return body[:start] + line + body[end:], True
        start = end
    return body, False


class SiteHTTPServer(ThreadingHTTPServer):
    """Serves ``root`` mounted at ``baseurl`` the way Jekyll's WEBrick servlet does."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], root: Path, *, baseurl: str = "",
                 encoding: str = "utf-8", headers: dict[str, str] | None = None,
                 livereload: bytes | None = None, console: Console | None = None,
                 show_dir_listing: bool = False) -> None:
        self.address_family = _family(address[0])
        self.root = Path(root)
        self.mount = _mount_point(baseurl)
        self.encoding = encoding
        self.headers = {**DEFAULT_HEADERS, **(headers or {})}
        self.livereload = livereload
        self.console = console or Console(quiet=True)
        self.show_dir_listing = show_dir_listing
        super().__init__(address, _SiteHandler)


def _family(host: str) -> socket.AddressFamily:
    return socket.AF_INET6 if ":" in host else socket.AF_INET


def _mount_point(baseurl: str | None) -> str:
    """``/blog`` for ``blog``, ``/blog/`` or ``/blog``; ``""`` for the root."""
    parts = [p for p in str(baseurl or "").split("/") if p]
    return "/" + "/".join(parts) if parts else ""


def _normalize_path(path: str) -> str | None:
    """WEBrick's ``HTTPUtils.normalize_path``: ``//`` collapsed, ``.`` and ``..`` resolved;
    ``None`` when ``..`` would climb above the root."""
    if not path.startswith("/"):
        return None
    out: list[str] = []
    for seg in path.split("/")[1:]:
        if seg in ("", "."):
            continue
        if seg == "..":
            if not out:
                return None
            out.pop()
        else:
            out.append(seg)
    trailing = path.endswith("/") or path.endswith("/.") or path.endswith("/..")
    result = "/" + "/".join(out)
    return result + "/" if trailing and out else result


class _Found:
    """What a request path resolves to."""

    def __init__(self, status: int, path: Path | None = None, location: str | None = None,
                 listing: Path | None = None) -> None:
        self.status, self.path, self.location, self.listing = status, path, location, listing


def resolve_request(root: Path, mount: str, url_path: str, *,
                    show_dir_listing: bool = False) -> _Found:
    """Map a URL path (percent-decoded) to a file of ``root`` as Jekyll's servlet does."""
    if "\0" in url_path:
        return _Found(400)
    path = _normalize_path(url_path)
    if path is None:
        return _Found(400)
    if mount:
        if path == mount:
            return _Found(301, location=mount + "/")
        if not path.startswith(mount + "/"):
            return _Found(404)
        path = path[len(mount):]
    segments = [s for s in path.split("/") if s]
    trailing = path.endswith("/")
    current = root
    for i, seg in enumerate(segments):
        if any(fnmatch.fnmatchcase(seg, pat) for pat in NONDISCLOSURE):
            return _Found(404)
        candidate = current / seg
        last = i == len(segments) - 1
        if candidate.is_dir():
            current = candidate
            continue
        if not last:
            return _Found(404)
        if candidate.is_file() and not trailing:
            return _checked(root, candidate)
        if trailing:
            return _Found(404)
        for ext in (".html", ".xhtml"):   # Jekyll: /file > /file.html > /file.xhtml
            alt = current / (seg + ext)
            if alt.is_file():
                return _checked(root, alt)
        return _Found(404)
    if not trailing and segments:
        return _Found(301, location=mount + path + "/")
    if not show_dir_listing:
        for name in DIRECTORY_INDEX:
            index = current / name
            if index.is_file():
                return _checked(root, index)
    return _Found(200, listing=current)


def _checked(root: Path, path: Path) -> _Found:
    """Refuse a file that resolves (through symlinks) outside the destination."""
    real, real_root = os.path.realpath(path), os.path.realpath(root)
    if real != real_root and not real.startswith(real_root.rstrip(os.sep) + os.sep):
        return _Found(403)
    return _Found(200, path=path)


class _SiteHandler(BaseHTTPRequestHandler):
    server: SiteHTTPServer
    protocol_version = "HTTP/1.1"
    server_version = f"jekyllpy/{__version__}"

    def do_GET(self) -> None:
        self._respond(head=False)

    def do_HEAD(self) -> None:
        self._respond(head=True)

    def _respond(self, head: bool) -> None:
        srv = self.server
        split = urllib.parse.urlsplit(self.path)
        url_path = urllib.parse.unquote(split.path, errors="surrogateescape")
        found = resolve_request(srv.root, srv.mount, url_path,
                                show_dir_listing=srv.show_dir_listing)
        if found.status == 301:
            location = urllib.parse.quote(found.location or "/", safe="/%")
            if split.query:
                location += "?" + split.query
            body = f'<HTML><A HREF="{html.escape(location)}">{html.escape(location)}</A>.</HTML>\n'
            self._send(301, body.encode(), "text/html; charset=utf-8", head,
                       extra={"Location": location})
            return
        if found.status != 200:
            self._error(found.status, url_path, head)
            return
        if found.listing is not None:
            body = _listing(found.listing, srv.mount, url_path)
            self._send(200, body, f"text/html; charset={srv.encoding}", head)
            return
        assert found.path is not None
        try:
            data = found.path.read_bytes()
            mtime = found.path.stat().st_mtime
        except OSError:
            self._error(404, url_path, head)
            return
        ctype = content_type(found.path, srv.encoding)
        extra = {"Last-Modified": email.utils.formatdate(mtime, usegmt=True)}
        if srv.livereload is not None and "text/html" in ctype \
                and "MSIE" not in (self.headers.get("User-Agent") or ""):
            data, added = inject_livereload(data, srv.livereload)
            if added:
                extra["X-Rack-LiveReload"] = "1"
        self._send(200, data, ctype, head, extra=extra)

    def _error(self, status: int, url_path: str, head: bool) -> None:
        srv = self.server
        if status == 404:
            stamp = time.strftime("%Y-%m-%d %H:%M:%S")
            srv.console.raw(f"[{stamp}] ERROR `{url_path}' not found.")
            page = srv.root / "404.html"
            if page.is_file():
                try:
                    self._send(404, page.read_bytes(), "text/html; charset=UTF-8", head)
                    return
                except OSError:
                    pass
        reason = self.responses.get(status, ("Error",))[0]
        detail = {404: f"`{html.escape(url_path)}' not found.",
                  403: f"`{html.escape(url_path)}' is outside the site.",
                  400: "Bad request."}.get(status, reason)
        body = (f"<!DOCTYPE html>\n<html>\n  <head><title>{reason}</title></head>\n"
                f"  <body>\n    <h1>{reason}</h1>\n    {detail}\n    <hr>\n"
                f"    <address>{self.server_version}</address>\n  </body>\n</html>\n")
        self._send(status, body.encode("utf-8"), "text/html; charset=UTF-8", head)

    def _send(self, status: int, body: bytes, ctype: str, head: bool,
              extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        for key, value in self.server.headers.items():
            self.send_header(key, str(value))
        self.end_headers()
        if not head:
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True

    def log_message(self, format: str, *args: Any) -> None:
        self.server.console.debug("Request:", format % args)

    def handle(self) -> None:
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            pass


def _listing(folder: Path, mount: str, url_path: str) -> bytes:
    """A folder without an index file: a plain listing (WEBrick's ``FancyIndexing``)."""
    title = html.escape(url_path)
    rows = []
    if url_path.rstrip("/") != mount:
        rows.append('<li><a href="../">Parent Directory</a></li>')
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError:
        entries = []
    for entry in entries:
        if any(fnmatch.fnmatchcase(entry.name, pat) for pat in NONDISCLOSURE):
            continue
        name = entry.name + ("/" if entry.is_dir() else "")
        rows.append(f'<li><a href="{urllib.parse.quote(name)}">{html.escape(name)}</a></li>')
    body = (f"<!DOCTYPE html>\n<html>\n<head><title>Index of {title}</title></head>\n"
            f"<body>\n<h1>Index of {title}</h1>\n<ul>\n" + "\n".join(rows)
            + "\n</ul>\n</body>\n</html>\n")
    return body.encode("utf-8")


# -- WebSocket (RFC 6455), just what LiveReload needs ------------------------------------------------
OP_CONT, OP_TEXT, OP_BINARY, OP_CLOSE, OP_PING, OP_PONG = 0x0, 0x1, 0x2, 0x8, 0x9, 0xA
_MAX_FRAME = 64 * 1024 * 1024


def websocket_accept(key: str) -> str:
    """``Sec-WebSocket-Accept`` for a client's ``Sec-WebSocket-Key``."""
    return base64.b64encode(hashlib.sha1(key.strip().encode("ascii") + _WS_GUID).digest()).decode()


def encode_frame(opcode: int, payload: bytes, *, mask: bool = False) -> bytes:
    """One final frame; clients must mask (``mask=True``), servers must not."""
    head = bytearray([0x80 | opcode])
    n = len(payload)
    bit = 0x80 if mask else 0
    if n < 126:
        head.append(bit | n)
    elif n < 1 << 16:
        head.append(bit | 126)
        head += struct.pack("!H", n)
    else:
        head.append(bit | 127)
        head += struct.pack("!Q", n)
    if mask:
        key = os.urandom(4)
        head += key
        payload = _xor(payload, key)
    return bytes(head) + payload


def _xor(data: bytes, key: bytes) -> bytes:
    n = len(data)
    if not n:
        return data
    stream = (key * (n // 4 + 1))[:n]
    return (int.from_bytes(data, "big") ^ int.from_bytes(stream, "big")).to_bytes(n, "big")


def read_frame(stream: BinaryIO) -> tuple[bool, int, bytes]:
    """``(fin, opcode, payload)`` of the next frame (unmasked); ``EOFError`` at the end."""
    head = _read_exact(stream, 2)
    fin, opcode = bool(head[0] & 0x80), head[0] & 0x0F
    masked, n = head[1] & 0x80, head[1] & 0x7F
    if n == 126:
        n = struct.unpack("!H", _read_exact(stream, 2))[0]
    elif n == 127:
        n = struct.unpack("!Q", _read_exact(stream, 8))[0]
    if n > _MAX_FRAME:
        raise EOFError("frame too large")
    key = _read_exact(stream, 4) if masked else b""
    payload = _read_exact(stream, n)
    return fin, opcode, _xor(payload, key) if masked else payload


def read_message(stream: BinaryIO, on_control: Callable[[int, bytes], None] | None = None
                 ) -> tuple[int, bytes]:
    """The next whole message (continuation frames joined); control frames in between go
    to ``on_control`` (ping, pong) and a close frame ends with ``(OP_CLOSE, payload)``."""
    parts: list[bytes] = []
    first = None
    while True:
        fin, opcode, payload = read_frame(stream)
        if opcode == OP_CLOSE:
            return OP_CLOSE, payload
        if opcode in (OP_PING, OP_PONG):
            if on_control is not None:
                on_control(opcode, payload)
            continue
        if first is None:
            first = opcode
        parts.append(payload)
        if fin:
            return first, b"".join(parts)


def _read_exact(stream: BinaryIO, n: int) -> bytes:
    data = b""
    while len(data) < n:
        chunk = stream.read(n - len(data))
        if not chunk:
            raise EOFError("connection closed")
        data += chunk
    return data


class _Peer:
    """One connected browser: sends are serialised, failures mark it closed."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.lock = threading.Lock()
        self.closed = False

    def send(self, opcode: int, payload: bytes) -> bool:
        with self.lock:
            if self.closed:
                return False
            try:
                self.sock.sendall(encode_frame(opcode, payload))
                return True
            except OSError:
                self.closed = True
                return False

    def send_json(self, message: dict[str, Any]) -> bool:
        return self.send(OP_TEXT, json.dumps(message, separators=(",", ":")).encode("utf-8"))


class LiveReloadServer(socketserver.ThreadingTCPServer):
    """Jekyll's ``LiveReloadReactor`` + ``HttpAwareConnection``: ``GET /livereload.js``
    over HTTP, the LiveReload protocol over a WebSocket, anything else 400."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], console: Console | None = None) -> None:
        self.address_family = _family(address[0])
        self.console = console or Console(quiet=True)
        self.peers: list[_Peer] = []
        self.peers_lock = threading.Lock()
        self.connections = 0
        super().__init__(address, _LiveReloadHandler)

    def reload(self, paths: Iterable[str]) -> None:
        """Tell every connected browser to reload, one ``reload`` command per path."""
        with self.peers_lock:
            peers = list(self.peers)
        for path in paths:
            self.console.debug("LiveReload:", f"Reloading URL {json.dumps(path)}")
            for peer in peers:
                peer.send_json({"command": "reload", "path": path, "liveCSS": True})

    def close_peers(self) -> None:
        with self.peers_lock:
            peers, self.peers = list(self.peers), []
        for peer in peers:
            peer.send(OP_CLOSE, struct.pack("!H", 1001))
            with peer.lock:
                peer.closed = True
            try:
                peer.sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


class _LiveReloadHandler(socketserver.StreamRequestHandler):
    server: LiveReloadServer

    def handle(self) -> None:
        try:
            request = self.rfile.readline(8192).decode("latin-1").split()
            headers: dict[str, str] = {}
            for _ in range(100):
                line = self.rfile.readline(8192).decode("latin-1")
                if line in ("\r\n", "\n", ""):
                    break
                key, _, value = line.partition(":")
                headers[key.strip().lower()] = value.strip()
            method = request[0] if request else ""
            target = request[1] if len(request) > 1 else ""
            if method == "GET" and "websocket" in headers.get("upgrade", "").lower() \
                    and headers.get("sec-websocket-key"):
                self._websocket(headers["sec-websocket-key"])
            elif method == "GET" and target.startswith("/livereload.js"):
                body = LIVERELOAD_JS.encode("utf-8")
                self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/javascript\r\n"
                                 + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
            else:
                body = b"This port only serves livereload.js over HTTP.\n"
                self.wfile.write(b"HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\n"
                                 + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
        except (OSError, EOFError, ValueError):
            pass

    def _websocket(self, key: str) -> None:
        self.wfile.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                          "Connection: Upgrade\r\n"
                          f"Sec-WebSocket-Accept: {websocket_accept(key)}\r\n\r\n").encode())
        peer = _Peer(self.connection)
        srv = self.server
        with srv.peers_lock:
            srv.connections += 1
            first = srv.connections == 1
            srv.peers.append(peer)
        if first:
            srv.console.info("LiveReload:", "Browser connected")
        peer.send_json({"command": "hello", "protocols": [_LR_PROTOCOL],
                        "serverName": "jekyllpy"})
        try:
            while not peer.closed:
                opcode, payload = read_message(
                    self.rfile, lambda op, data: peer.send(OP_PONG, data) if op == OP_PING
                    else None)
                if opcode == OP_CLOSE:
                    peer.send(OP_CLOSE, payload[:2])
                    break
                if opcode == OP_TEXT:
                    self._message(payload)
        except (OSError, EOFError):
            pass
        finally:
            with peer.lock:
                peer.closed = True
            with srv.peers_lock:
                if peer in srv.peers:
                    srv.peers.remove(peer)

    def _message(self, payload: bytes) -> None:
        try:
            message = json.loads(payload.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return
        if isinstance(message, dict) and message.get("command") == "url":
            self.server.console.info("LiveReload:", f"Browser URL: {message.get('url')}")


#: Our LiveReload client (served as ``/livereload.js``): the protocol's ``hello``
#: handshake, ``reload`` (whole page, or stylesheets in place for a ``.css`` path with
#: ``liveCSS``) and ``alert``; reconnects with a doubling delay from ``mindelay`` to
#: ``maxdelay`` (milliseconds, from the script's query).
LIVERELOAD_JS = r"""/* jekyllpy LiveReload client (LiveReload protocol 7: hello, reload, alert). */
(function () {
  "use strict";
  if (window.__jekyllpyLiveReload) { return; }
  window.__jekyllpyLiveReload = true;
  var script = document.currentScript;
  if (!script) {
    var all = document.getElementsByTagName("script");
    for (var i = all.length - 1; i >= 0; i--) {
      if (/\/livereload\.js\b/.test(all[i].src || "")) { script = all[i]; break; }
    }
  }
  var src = script ? script.src : "";
  var query = {};
  (src.split("?")[1] || "").replace(/&amp;/g, "&").split("&").forEach(function (pair) {
    var kv = pair.split("=");
    if (kv[0]) { query[decodeURIComponent(kv[0])] = decodeURIComponent(kv[1] || ""); }
  });
  var a = document.createElement("a");
  a.href = src || location.href;
  var host = query.host || a.hostname || location.hostname || "localhost";
  var port = query.port || a.port || "35729";
  var minDelay = parseInt(query.mindelay, 10) || 1000;
  var maxDelay = parseInt(query.maxdelay, 10) || 60000;
  var delay = minDelay;
  var scheme = location.protocol === "https:" ? "wss://" : "ws://";

  function reloadStylesheets(path) {
    var name = path.split("?")[0].split("/").pop();
    var links = document.querySelectorAll('link[rel~="stylesheet"][href]');
    var done = false;
    for (var i = 0; i < links.length; i++) {
      var href = links[i].href.split("?")[0];
      if (name && href.split("/").pop() === name) {
        links[i].href = href + "?livereload=" + Date.now();
        done = true;
      }
    }
    return done;
  }

  function onMessage(event) {
    var message;
    try { message = JSON.parse(event.data); } catch (e) { return; }
    if (message.command === "reload") {
      var path = String(message.path || "");
      if (message.liveCSS && /\.css$/i.test(path.split("?")[0]) && reloadStylesheets(path)) {
        return;
      }
      location.reload();
    } else if (message.command === "alert") {
      window.alert(message.message);
    }
  }

  function connect() {
    var socket;
    try {
      socket = new WebSocket(scheme + host + ":" + port + "/livereload");
    } catch (e) {
      setTimeout(connect, delay);
      return;
    }
    socket.onopen = function () {
      delay = minDelay;
      socket.send(JSON.stringify({
        command: "hello",
        protocols: ["http://livereload.com/protocols/official-7"]
      }));
      socket.send(JSON.stringify({ command: "info", url: location.href, plugins: {} }));
    };
    socket.onmessage = onMessage;
    socket.onclose = function () {
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, maxDelay);
    };
  }

  connect();
})();
"""


# -- watching ---------------------------------------------------------------------------------------
class SourceFilter:
    """Which changed paths trigger a rebuild (jekyll-watch's ignore list, Listen's
    defaults, watchfiles' defaults, and the site's ``exclude``)."""

    def __init__(self, config: dict[str, Any], config_files: Iterable[Path] = ()) -> None:
        from watchfiles import DefaultFilter
        from .site.entry_filter import EntryFilter
        self.source = Path(config["source"]).resolve()
        self._default = DefaultFilter()
        ignored = [Path(config["destination"]).resolve(),
                   self.source / str(config.get("cache_dir") or ".jekyll-cache"),
                   self.source / ".jekyll-metadata"]
        ignored += [self.source / f"_config.{ext}" for ext in ("yml", "yaml", "toml")]
        ignored += [Path(p).resolve() for p in config_files]
        ignored += [self.source / d for d in _LISTEN_IGNORED_DIRS]
        self._ignored = [str(p) for p in ignored]
        self._entries = EntryFilter(self.source, config.get("include") or [],
                                    config.get("exclude") or [])

    def __call__(self, change: Any, path: str) -> bool:
        if not self._default(change, path):
            return False
        full = os.path.abspath(path)
        for prefix in self._ignored:
            if full == prefix or full.startswith(prefix + os.sep):
                return False
        try:
            rel = Path(full).relative_to(self.source).as_posix()
        except ValueError:
            return True
        if not self._entries.included(rel) and self._entries.excluded(rel):
            return False
        return True


class Regenerator(threading.Thread):
    """Watches the source and rebuilds the site after each batch of changes."""

    def __init__(self, site: Any, console: Console, source_filter: SourceFilter, *,
                 on_rebuilt: Callable[[list[Any]], None] | None = None,
                 on_ready: Callable[[], None] | None = None,
                 force_polling: bool = False, trace: bool = False) -> None:
        super().__init__(name="jekyllpy-watch", daemon=True)
        self.site = site
        self.console = console
        self.filter = source_filter
        self.on_rebuilt = on_rebuilt
        self.on_ready = on_ready  # called once, when changes are being watched
        self.force_polling = force_polling
        self.trace = trace
        self.stop_event = threading.Event()
        self.ready = threading.Event()

    def run(self) -> None:
        from watchfiles import watch
        source = str(self.filter.source)
        try:
            for changes in watch(source, watch_filter=self.filter, stop_event=self.stop_event,
                                 force_polling=self.force_polling or None, debounce=1600,
                                 step=50, raise_interrupt=False, yield_on_timeout=True,
                                 rust_timeout=500, debug=False):
                if not self.ready.is_set():
                    self.ready.set()
                    if self.on_ready is not None:
                        self.on_ready()
                if self.stop_event.is_set():
                    break
                if changes:
                    self.regenerate(sorted({path for _, path in changes}))
        except Exception as exc:  # the watcher itself failed: say so, keep serving
            self.console.warn("Error:", f"auto-regeneration stopped: {exc}")
        finally:
            self.ready.set()

    def regenerate(self, paths: list[str]) -> None:
        started_ns = time.time_ns()
        stamp = _dt.datetime.fromtimestamp(started_ns / 1e9).strftime("%Y-%m-%d %H:%M:%S")
        self.console.info("Regenerating:", f"{len(paths)} file(s) changed at {stamp}")
        prefix = str(self.filter.source) + os.sep
        for path in paths:
            self.console.info("", path[len(prefix):] if path.startswith(prefix) else path)
        written: list[Any] = []
        try:
            written = process_site(self.site)
            for warning in self.site.warnings:
                self.console.raw(f"  Warning: {warning}", err=True)
            tracker = self.site.regenerator
            if tracker is not None:
                self.console.debug("Rendering:", f"{len(tracker.rendered)} file(s) rendered, "
                                                 f"{tracker.skipped} unaffected")
            elapsed = (time.time_ns() - started_ns) / 1e9
            self.console.info("", f"...done in {elapsed!r} seconds.")
        except Exception as exc:
            message = _error_message(exc)
            if self.trace:
                self.console.raw(traceback.format_exc().rstrip(), err=True)
            self.console.warn("Error:", message)
            self.console.warn("Error:", "Run jekyllpy build --trace for more information.")
        self.console.info("")
        if written and self.on_rebuilt is not None:
            self.on_rebuilt(written)


def _error_message(exc: BaseException) -> str:
    from liquid.exceptions import LiquidError
    if isinstance(exc, LiquidError):
        return f"Liquid Exception: {exc.message}"
    return str(exc) or type(exc).__name__


# -- the command ------------------------------------------------------------------------------------
def _destination(option: str | None, config: dict[str, Any]) -> Path:
    """``-d``, else ``destination:`` from the configuration, else ``./_site``."""
    if option:
        return Path(option)
    configured = config.get("destination")
    return Path(configured) if configured else Path.cwd() / "_site"


def format_url(host: str, port: int, baseurl: str | None = None) -> str:
    """Jekyll's ``format_url``: no trailing slash without a ``baseurl``."""
    shown = f"[{host}]" if ":" in host else host
    suffix = f"{_mount_point(baseurl)}/" if baseurl is not None else ""
    return f"http://{shown}:{port}{suffix}"


def _bind(factory: Callable[[], Any], host: str, port: int, option: str) -> Any:
    try:
        return factory()
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            fail(f"Address already in use - bind(2) for {host}:{port}: port {port} is in use "
                  f"(is another server running?); choose another with {option}")
        if exc.errno == errno.EACCES:
            fail(f"Permission denied - bind(2) for {host}:{port}: choose a port above 1023")
        fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}")


@click.command("serve")
@build_options
@click.option("-w", "--watch/--no-watch", "watch", default=True,
              help="Watch for changes and rebuild (default: on)")
@click.option("--force_polling", "force_polling", is_flag=True,
              help="Force watch to use polling")
@click.option("-H", "--host", default=None, help="Host to bind to (default 127.0.0.1)")
@click.option("-P", "--port", type=click.IntRange(0, 65535), default=None,
              help="Port to listen on (default 4000)")
@click.option("-l", "--livereload", is_flag=True,
              help="Use LiveReload to automatically refresh browsers")
@click.option("--livereload-port", "livereload_port", type=click.IntRange(0, 65535),
              default=LIVERELOAD_PORT, show_default=True,
              help="Port for LiveReload to listen on")
@click.option("--livereload-ignore", "livereload_ignore", multiple=True,
              help="Files for LiveReload to ignore (globs, comma-separated or repeated)")
@click.option("--livereload-min-delay", "livereload_min_delay", type=int, default=None,
              help="Minimum reconnection delay of the LiveReload client (ms)")
@click.option("--livereload-max-delay", "livereload_max_delay", type=int, default=None,
              help="Maximum reconnection delay of the LiveReload client (ms)")
@click.option("-o", "--open-url", "open_url", is_flag=True,
              help="Launch your site in a browser")
@click.option("--skip-initial-build", "skip_initial_build", is_flag=True,
              help="Skips the initial site build which occurs before the server is started.")
@click.option("--show-dir-listing", "show_dir_listing", is_flag=True,
              help="Show a directory listing instead of loading your index file.")
@click.option("-I", "--incremental", is_flag=True,
              help="Keep what each file was rendered from between runs too (rebuilds "
                   "always render only what a change affects)")
def serve_command(source: str, destination: str | None, config_files: tuple[str, ...],
                  drafts: bool, future: bool, unpublished: bool, baseurl: str | None,
                  limit_posts: int | None, strict_front_matter: bool, watch: bool,
                  force_polling: bool, host: str | None, port: int | None, livereload: bool,
                  livereload_port: int, livereload_ignore: tuple[str, ...],
                  livereload_min_delay: int | None, livereload_max_delay: int | None,
                  open_url: bool, skip_initial_build: bool, show_dir_listing: bool,
                  quiet: bool, verbose: bool, incremental: bool, trace: bool) -> None:
    """Serve your site locally, rebuilding it when its files change."""
    from liquid.exceptions import LiquidError
    from .rendering.dependencies import DependencyTracker, state_path
    from .site import BuildError, Site
    from .site.site import load_config

    console, src, configs, overrides = command_setup(
        source, config_files, quiet, verbose, drafts=drafts, future=future,
        unpublished=unpublished, baseurl=baseurl, limit_posts=limit_posts,
        strict_front_matter=strict_front_matter)
    overrides["serving"] = True
    if host is not None:
        overrides["host"] = host
    if port is not None:
        overrides["port"] = port
    if livereload:
        overrides["livereload"] = True
    if incremental:
        overrides["incremental"] = True
    overrides["livereload_port"] = livereload_port
    for cfg in configs or [src / "_config.yml"]:
        console.info("Configuration file:", str(cfg.resolve()) if cfg.exists() else "none")
    if not src.is_dir():
        fail(f"source folder not found: {src}")
    for cfg in configs:
        if not cfg.is_file():
            fail(f"configuration file not found: {cfg}")
    try:
        config = load_config(src, configs or None, overrides)
    except BuildError as exc:
        if trace:
            raise
        fail(str(exc))
    livereload = bool(config.get("livereload"))
    watch = watch or livereload          # LiveReload implies watching (Jekyll's validate_options)
    config["watch"] = watch
    bind_host = str(config.get("host") or "127.0.0.1")
    try:
        bind_port = int(config["port"] if config.get("port") not in (None, "") else 4000)
    except (TypeError, ValueError):
        fail(f"invalid port: {config.get('port')!r}")
    dest = _destination(destination, config)
    if dest.resolve() == src.resolve() or dest.resolve() in src.resolve().parents:
        fail("Destination directory cannot be or contain the Source directory.")
    config["destination"] = str(dest.resolve())

    # Both ports first: a port in use fails before a long build (and port 0 is resolved).
    webrick = config.get("webrick") if isinstance(config.get("webrick"), dict) else {}
    headers = webrick.get("headers") if isinstance(webrick.get("headers"), dict) else {}
    reload_server: LiveReloadServer | None = None
    snippet = None
    if livereload:
        reload_server = _bind(lambda: LiveReloadServer((bind_host, livereload_port), console),
                              bind_host, livereload_port, "--livereload-port")
        if livereload_port == 0:
            livereload_port = reload_server.server_address[1]
        snippet = livereload_snippet(livereload_port, livereload_min_delay,
                                     livereload_max_delay)
        config["livereload_port"] = livereload_port
    try:
        httpd: SiteHTTPServer = _bind(
            lambda: SiteHTTPServer((bind_host, bind_port), dest, baseurl=config.get("baseurl"),
                                   encoding=str(config.get("encoding") or "utf-8"),
                                   headers={str(k): str(v) for k, v in headers.items()},
                                   livereload=snippet, console=console,
                                   show_dir_listing=bool(config.get("show_dir_listing"))),
            bind_host, bind_port, "--port")
    except SystemExit:
        if reload_server is not None:
            reload_server.server_close()
        raise
    if bind_port == 0:                   # -P 0: the port the system chose
        bind_port = config["port"] = httpd.server_address[1]
    if (os.environ.get("JEKYLL_ENV") or "development") == "development":
        shown = "localhost" if bind_host == "127.0.0.1" else bind_host
        config["url"] = format_url(shown, bind_port)
    servers: list[Any] = [s for s in (reload_server, httpd) if s is not None]

    def stop_all() -> None:
        for server in servers:
            server.server_close()

    try:
        site = Site(config)
        # Rebuilds render only what a change affects; the state stays in memory, or with
        # -I in the cache folder build --incremental uses (never in the source).
        site.regenerator = DependencyTracker(
            site, state_path(src, dest) if incremental else None)
        if skip_initial_build:
            console.warn("Build Warning:", "Skipping the initial build. This may result in an "
                                           "out-of-date site.")
        else:
            console.info("Source:", str(src.resolve()))
            console.info("Destination:", str(dest.resolve()))
            console.info("Incremental build:", "enabled" if incremental
                         else "disabled. Enable with --incremental")
            console.info("Generating...", "")
            started = time.perf_counter()
            process_site(site)
            for warning in site.warnings:
                console.raw(f"  Warning: {warning}", err=True)
            console.info("", f"done in {time.perf_counter() - started:.3f} seconds.")
    except (JekyllpyError, LiquidError) as exc:
        stop_all()
        if trace:
            raise
        fail(_error_message(exc))
    except BaseException:
        stop_all()
        raise
    dest.mkdir(parents=True, exist_ok=True)

    def on_rebuilt(written: list[Any]) -> None:
        if reload_server is None:
            return
        ignore = [g for value in livereload_ignore for g in value.split(",") if g]
        urls = [item.url for item in written
                if not any(fnmatch.fnmatch(str(item.relative_path).lstrip("/"), g)
                           for g in ignore)]
        reload_server.reload(urls)

    regenerator: Regenerator | None = None
    if watch:
        regenerator = Regenerator(site, console, SourceFilter(config, configs),
                                  on_rebuilt=on_rebuilt, force_polling=force_polling,
                                  trace=trace)
        regenerator.start()
        regenerator.ready.wait(5)
        console.info("Auto-regeneration:", f"enabled for '{config['source']}'")
    else:
        console.info("Auto-regeneration:", "disabled. Use --watch to enable.")

    threads = []
    if reload_server is not None:
        threads.append(threading.Thread(target=reload_server.serve_forever,
                                        kwargs={"poll_interval": 0.2}, daemon=True))
        console.info("LiveReload address:", f"http://{bind_host}:{livereload_port}")
    threads.append(threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.2},
                                    daemon=True))
    address = format_url(bind_host, bind_port, config.get("baseurl"))
    console.info("Server address:", address)
    for thread in threads:
        thread.start()
    console.info("Server running...", "press ctrl-c to stop.")
    if open_url:
        import webbrowser
        threading.Thread(target=webbrowser.open, args=(address,), daemon=True).start()

    stopping = threading.Event()

    def on_signal(signum: int, frame: Any) -> None:
        stopping.set()

    previous = {sig: signal.signal(sig, on_signal)
                for sig in (signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", None))
                if sig is not None}
    try:
        while not stopping.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        if regenerator is not None:
            regenerator.stop_event.set()
        if reload_server is not None:
            reload_server.close_peers()
            reload_server.shutdown()
        httpd.shutdown()
        stop_all()
        if regenerator is not None:
            regenerator.join(timeout=3)
        for sig, handler in previous.items():
            signal.signal(sig, handler)


if __name__ == "__main__":  # pragma: no cover
    serve_command(prog_name="jekyllpy serve")

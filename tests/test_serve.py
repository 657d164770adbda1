"""``jekyllpy serve`` (jekyllpy/serve.py): the server runs as a subprocess on free loopback
ports; pages are fetched with http.client, the LiveReload protocol is spoken with the
module's own WebSocket framing, and, when Debian's chromium is installed, a headless
Chromium driven over the DevTools protocol shows a page reloading by itself after an edit.

Every server and browser started here is stopped (SIGINT, then SIGKILL) by its fixture.
"""

from __future__ import annotations

import base64
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path
from typing import Any, Callable

import pytest

from jekyllpy.serve import (
    OP_CLOSE, OP_TEXT, content_type, encode_frame, inject_livereload, livereload_snippet,
    process_site, read_message, resolve_request, websocket_accept,
)

pytestmark = pytest.mark.timeout(90)

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")


# -- a small site ------------------------------------------------------------------------------
def make_site(root: Path, *, baseurl: str | None = None, with_404: bool = True) -> Path:
    src = root / "src"
    (src / "_layouts").mkdir(parents=True)
    (src / "about").mkdir()
    (src / "css").mkdir()
    config = "title: Serve Test\nexclude: [notes.txt]\n"
    if baseurl is not None:
        config += f"baseurl: {baseurl}\n"
    (src / "_config.yml").write_text(config, encoding="utf-8")
    (src / "_layouts" / "default.html").write_text(
        "<!DOCTYPE html>\n<html>\n<head>\n<title>{{ page.title }}</title>\n"
        '<link rel="stylesheet" href="{{ "/css/site.css" | relative_url }}">\n</head>\n'
        "<body>\n{{ content }}\n<footer>{{ site.url }}</footer>\n</body>\n</html>\n",
        encoding="utf-8")
    (src / "index.md").write_text(
        "---\nlayout: default\ntitle: Home\n---\n# Welcome home\n\nFirst version.\n",
        encoding="utf-8")
    (src / "about" / "index.md").write_text(
        "---\nlayout: default\ntitle: About\n---\n# About us\n", encoding="utf-8")
    (src / "contact.html").write_text(
        "---\nlayout: default\ntitle: Contact\n---\n<h1>Contact</h1>\n", encoding="utf-8")
    (src / "css" / "site.css").write_text("body { color: black; }\n", encoding="utf-8")
    (src / "data.json").write_text('{"a": 1}\n', encoding="utf-8")
    (src / "notes.txt").write_text("excluded\n", encoding="utf-8")
    if with_404:
        (src / "404.html").write_text("---\n---\n<h1>Nothing here</h1>\n", encoding="utf-8")
    (root / "secret.txt").write_text("TOP SECRET\n", encoding="utf-8")
    return src


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# -- the server process -------------------------------------------------------------------------
class Server:
    """``python -m jekyllpy.serve ARGS`` with its output collected line by line."""

    def __init__(self, args: list[str], cwd: Path) -> None:
        env = {k: v for k, v in os.environ.items() if k != "JEKYLL_ENV"}
        env["PYTHONUNBUFFERED"] = "1"
        env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
        self.proc = subprocess.Popen([sys.executable, "-m", "jekyllpy.serve", *args], cwd=cwd,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     stdin=subprocess.DEVNULL, env=env)
        self.out: list[str] = []
        self.err: list[str] = []
        self._cond = threading.Condition()
        self._readers = [threading.Thread(target=self._read, args=(s, lines), daemon=True)
                         for s, lines in ((self.proc.stdout, self.out),
                                          (self.proc.stderr, self.err))]
        for reader in self._readers:
            reader.start()

    def _read(self, stream: Any, lines: list[str]) -> None:
        for raw in iter(stream.readline, b""):
            with self._cond:
                lines.append(raw.decode("utf-8", "replace").rstrip("\n"))
                self._cond.notify_all()
        with self._cond:
            self._cond.notify_all()

    @property
    def stdout(self) -> str:
        with self._cond:
            return "\n".join(self.out)

    @property
    def stderr(self) -> str:
        with self._cond:
            return "\n".join(self.err)

    def wait_for(self, pattern: str, timeout: float = 30, start: int = 0) -> re.Match[str]:
        """The first stdout line (from line ``start``) matching ``pattern``."""
        deadline = time.monotonic() + timeout
        regex = re.compile(pattern)
        with self._cond:
            while True:
                for line in self.out[start:]:
                    found = regex.search(line)
                    if found:
                        return found
                if self.proc.poll() is not None and all(not r.is_alive() for r in self._readers):
                    raise AssertionError(f"server exited ({self.proc.returncode}) before "
                                         f"{pattern!r}:\n{self.stdout}\n{self.stderr}")
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"no {pattern!r} in time:\n{self.stdout}\n{self.stderr}")
                self._cond.wait(min(left, 0.2))

    def wait_exit(self, timeout: float = 30) -> int:
        code = self.proc.wait(timeout)
        for reader in self._readers:
            reader.join(5)
        return code

    def stop(self) -> int | None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        for reader in self._readers:
            reader.join(5)
        return self.proc.returncode


@pytest.fixture
def serve(tmp_path: Path) -> Any:
    started: list[Server] = []

    def start(*args: str, wait: bool = True) -> Server:
        server = Server(list(args), tmp_path)
        started.append(server)
        if wait:
            server.wait_for(r"Server running\.\.\. press ctrl-c to stop\.")
        return server

    yield start
    for server in started:
        server.stop()


def get(port: int, path: str, headers: dict[str, str] | None = None
        ) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


def _answers(port: int) -> bool:
    try:
        get(port, "/")
        return True
    except OSError:
        return False


def poll(check: Callable[[], Any], timeout: float = 30, interval: float = 0.1) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(interval)


# -- serving -----------------------------------------------------------------------------------
def test_serves_the_site_under_its_baseurl(tmp_path: Path, serve: Any) -> None:
    src = make_site(tmp_path, baseurl="/blog")
    dest = tmp_path / "site"
    port = free_port()
    server = serve("-s", str(src), "-d", str(dest), "-P", str(port), "--no-watch")
    out = server.stdout
    assert f"Configuration file: {src / '_config.yml'}" in out
    assert f"            Source: {src}" in out
    assert f"       Destination: {dest}" in out
    assert " Incremental build: disabled. Enable with --incremental" in out
    assert " Auto-regeneration: disabled. Use --watch to enable." in out
    assert f"    Server address: http://127.0.0.1:{port}/blog/" in out
    assert out.splitlines()[-1] == "  Server running... press ctrl-c to stop."

    status, headers, body = get(port, "/blog/")
    assert status == 200
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert "no-store" in headers["cache-control"]
    assert body == (dest / "index.html").read_bytes()
    assert b'<h1 id="welcome-home">Welcome home</h1>' in body
    # development: site.url is the server's own address, as Jekyll sets it
    assert f"<footer>http://localhost:{port}</footer>".encode() in body
    assert b'href="/blog/css/site.css"' in body

    status, _, body = get(port, "/blog/about/")           # folder URL: its index.html
    assert status == 200 and b"About us" in body
    status, headers, _ = get(port, "/blog/about?x=1")      # folder without slash: redirect
    assert status == 301 and headers["location"] == "/blog/about/?x=1"
    status, _, body = get(port, "/blog/contact")           # extensionless: contact.html
    assert status == 200 and b"<h1>Contact</h1>" in body
    status, _, body = get(port, "/blog/contact.html")
    assert status == 200 and b"<h1>Contact</h1>" in body
    status, headers, body = get(port, "/blog/css/site.css")
    assert status == 200 and headers["content-type"] == "text/css; charset=utf-8"
    assert body == b"body { color: black; }\n"
    status, headers, _ = get(port, "/blog/data.json")
    assert headers["content-type"] == "application/json; charset=utf-8"
    status, headers, _ = get(port, "/blog")                # the mount point itself
    assert status == 301 and headers["location"] == "/blog/"

    status, headers, body = get(port, "/blog/no/such/page")  # the site's 404.html
    assert status == 404
    assert headers["content-type"] == "text/html; charset=UTF-8"
    assert body == b"<h1>Nothing here</h1>\n" == (dest / "404.html").read_bytes()
    status, _, body = get(port, "/index.html")             # outside the baseurl
    assert status == 404 and body == b"<h1>Nothing here</h1>\n"
    assert "ERROR `/blog/no/such/page' not found." in server.stdout

    # nothing outside the destination
    for path in ("/blog/../secret.txt", "/blog/%2e%2e/secret.txt", "/blog/..%2fsecret.txt",
                 "/blog/../../secret.txt"):
        status, _, body = get(port, path)
        assert status in (400, 403, 404), path
        assert b"TOP SECRET" not in body, path
    (dest / "escape.txt").symlink_to(tmp_path / "secret.txt")
    status, _, body = get(port, "/blog/escape.txt")
    assert status == 403 and b"TOP SECRET" not in body
    (dest / ".htaccess").write_text("deny\n")
    assert get(port, "/blog/.htaccess")[0] == 404

    assert server.stop() == 0                              # SIGINT: a clean stop
    assert "Traceback" not in server.stderr


def test_without_404_page_and_without_baseurl(tmp_path: Path, serve: Any) -> None:
    src = make_site(tmp_path, with_404=False)
    port = free_port()
    server = serve("-s", str(src), "-d", str(tmp_path / "site"), "-P", str(port),
                   "--no-watch", "-q", wait=False)
    poll(lambda: _answers(port))
    assert server.stdout == ""                             # -q silences the info lines
    status, headers, body = get(port, "/missing.html")
    assert status == 404 and headers["content-type"].startswith("text/html")
    assert b"/missing.html" in body and b"Not Found" in body
    assert get(port, "/")[0] == 200
    assert get(port, "/about/")[0] == 200
    server.proc.send_signal(signal.SIGTERM)                # SIGTERM stops cleanly too
    assert server.wait_exit() == 0


def test_port_in_use_is_a_clear_error(tmp_path: Path, serve: Any) -> None:
    src = make_site(tmp_path)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        server = serve("-s", str(src), "-d", str(tmp_path / "site"), "-P", str(port),
                       wait=False)
        assert server.wait_exit() == 1
    assert f"127.0.0.1:{port}" in server.stderr
    assert f"port {port} is in use" in server.stderr
    assert "Traceback" not in server.stderr
    assert not (tmp_path / "site").exists()                # failed before building


def test_bad_source_and_bad_config(tmp_path: Path, serve: Any) -> None:
    server = serve("-s", str(tmp_path / "nope"), "-P", str(free_port()), wait=False)
    assert server.wait_exit() == 1
    assert "  Error: source folder not found:" in server.stderr
    src = make_site(tmp_path)
    (src / "_config.yml").write_text("title: [unclosed\n")
    server = serve("-s", str(src), "-P", str(free_port()), wait=False)
    assert server.wait_exit() == 1
    assert "  Error: " in server.stderr and "_config.yml" in server.stderr
    assert "Traceback" not in server.stderr


def test_build_error_exits_1(tmp_path: Path, serve: Any) -> None:
    src = make_site(tmp_path)
    (src / "broken.html").write_text("---\n---\n{% if %}\n")
    server = serve("-s", str(src), "-d", str(tmp_path / "site"), "-P", str(free_port()),
                   wait=False)
    assert server.wait_exit() == 1
    assert "Liquid" in server.stderr and "broken.html" in server.stderr


def test_skip_initial_build(tmp_path: Path, serve: Any) -> None:
    src = make_site(tmp_path)
    dest = tmp_path / "site"
    port = free_port()
    server = serve("-s", str(src), "-d", str(dest), "-P", str(port), "--skip-initial-build",
                   "--no-watch")
    assert ("     Build Warning: Skipping the initial build. This may result in an "
            "out-of-date site.") in server.stderr
    assert "Generating..." not in server.stdout
    assert dest.is_dir() and not any(dest.iterdir())
    status, _, body = get(port, "/")                       # an empty folder's listing
    assert status == 200 and b"Index of /" in body


# -- regeneration ------------------------------------------------------------------------------
def test_rebuilds_after_an_edit_writing_only_what_changed(tmp_path: Path, serve: Any) -> None:
    src = make_site(tmp_path)
    dest = tmp_path / "site"
    port = free_port()
    server = serve("-s", str(src), "-d", str(dest), "-P", str(port))
    assert f" Auto-regeneration: enabled for '{src}'" in server.stdout
    assert b"First version." in get(port, "/")[2]
    about, css = dest / "about" / "index.html", dest / "css" / "site.css"
    before = {p: p.stat().st_mtime_ns for p in (about, css)}
    lines = len(server.out)

    (src / "notes.txt").write_text("excluded, edited\n")   # excluded: no rebuild
    (src / "index.md").write_text(
        "---\nlayout: default\ntitle: Home\n---\n# Welcome home\n\nSecond version.\n")
    poll(lambda: b"Second version." in get(port, "/")[2])
    server.wait_for(r"^\s+\.\.\.done in \d+(\.\d+)? seconds\.$", start=lines)
    log = server.out[lines:]
    regenerating = [line for line in log if "Regenerating:" in line]
    assert re.fullmatch(r"      Regenerating: 1 file\(s\) changed at "
                        r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", regenerating[0])
    assert "                    index.md" in log
    assert not any("notes.txt" in line for line in log)
    # unchanged outputs were not rewritten
    assert {p: p.stat().st_mtime_ns for p in (about, css)} == before

    # a layout change reaches every page; a new page appears, a deleted one goes
    lines = len(server.out)
    layout = src / "_layouts" / "default.html"
    layout.write_text(layout.read_text().replace("<footer>", "<footer>v2 "))
    (src / "new.md").write_text("---\nlayout: default\n---\nBrand new\n")
    (src / "contact.html").unlink()
    poll(lambda: get(port, "/new.html")[0] == 200 and b"v2 " in get(port, "/about/")[2])
    poll(lambda: get(port, "/contact")[0] == 404)
    server.wait_for(r"\.\.\.done in", start=lines)
    assert css.stat().st_mtime_ns == before[css]

    # the rebuilt destination is what a fresh build writes
    from jekyllpy import build
    fresh = tmp_path / "fresh"
    build(src, fresh, serving=True, watch=True, url=f"http://localhost:{port}",
          livereload_port=35729, port=port)
    built = sorted(p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file())
    served = sorted(p.relative_to(dest) for p in dest.rglob("*") if p.is_file())
    assert served == built
    for rel in built:
        assert (dest / rel).read_bytes() == (fresh / rel).read_bytes(), rel
    assert server.stop() == 0


def test_rebuild_error_keeps_serving(tmp_path: Path, serve: Any) -> None:
    src = make_site(tmp_path)
    port = free_port()
    server = serve("-s", str(src), "-d", str(tmp_path / "site"), "-P", str(port))
    lines = len(server.out)
    (src / "index.md").write_text("---\nlayout: default\n---\n{% if %}\n")
    poll(lambda: "Run jekyllpy build --trace" in server.stderr)
    assert "Error:" in server.stderr and "index.md" in server.stderr
    assert b"First version." in get(port, "/")[2]          # the last good build is served
    (src / "index.md").write_text("---\nlayout: default\n---\nFixed\n")
    poll(lambda: b"Fixed" in get(port, "/")[2])
    server.wait_for(r"\.\.\.done in", start=lines)
    assert server.stop() == 0


# -- LiveReload --------------------------------------------------------------------------------
class WebSocket:
    """A minimal WebSocket client (masked frames) on jekyllpy.serve's framing."""

    def __init__(self, host: str, port: int, path: str, timeout: float = 30) -> None:
        self.sock = socket.create_connection((host, port), timeout=timeout)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\n"
                           "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                           f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
                           ).encode())
        self.stream = self.sock.makefile("rb")
        head = b""
        while not head.endswith(b"\r\n\r\n"):
            line = self.stream.readline()
            if not line:
                raise ConnectionError("no handshake")
            head += line
        text = head.decode("latin-1")
        assert text.startswith("HTTP/1.1 101"), text
        fields = dict(line.split(": ", 1) for line in text.split("\r\n")[1:] if ": " in line)
        accept = {k.lower(): v for k, v in fields.items()}.get("sec-websocket-accept")
        assert accept == websocket_accept(key), text

    def send(self, message: Any) -> None:
        self.sock.sendall(encode_frame(OP_TEXT, json.dumps(message).encode(), mask=True))

    def recv(self) -> Any:
        opcode, payload = read_message(self.stream)
        if opcode == OP_CLOSE:
            raise ConnectionError("closed")
        return json.loads(payload)

    def close(self) -> None:
        try:
            self.sock.sendall(encode_frame(OP_CLOSE, b"\x03\xe8", mask=True))
        except OSError:
            pass
        self.stream.close()
        self.sock.close()


def test_livereload_protocol(tmp_path: Path, serve: Any) -> None:
    src = make_site(tmp_path)
    port, lr_port = free_port(), free_port()
    server = serve("-s", str(src), "-d", str(tmp_path / "site"), "-P", str(port),
                   "--no-watch", "-l", "--livereload-port", str(lr_port))
    out = server.stdout                                    # -l implies watching
    assert f" Auto-regeneration: enabled for '{src}'" in out
    assert f"LiveReload address: http://127.0.0.1:{lr_port}" in out

    status, headers, body = get(port, "/")
    assert status == 200 and headers["x-rack-livereload"] == "1"
    snippet = livereload_snippet(lr_port)
    assert body.startswith(b"<!DOCTYPE html>\n<html>\n<head>" + snippet + b"\n<title>Home")
    assert f":{lr_port}/livereload.js?snipver=1&amp;port={lr_port}".encode() in body
    status, headers, body = get(port, "/css/site.css")     # only HTML is touched
    assert "x-rack-livereload" not in headers and b"script" not in body
    status, headers, body = get(port, "/nope")             # nor the 404 page
    assert status == 404 and b"livereload" not in body

    status, headers, body = get(lr_port, "/livereload.js?snipver=1")
    assert status == 200 and headers["content-type"] == "application/javascript"
    assert b"WebSocket" in body and b"hello" in body
    assert get(lr_port, "/other")[0] == 400

    ws = WebSocket("127.0.0.1", lr_port, "/livereload")
    try:
        ws.send({"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]})
        hello = ws.recv()
        assert hello["command"] == "hello"
        assert "http://livereload.com/protocols/official-7" in hello["protocols"]
        server.wait_for(r"^\s+LiveReload: Browser connected$")
        (src / "css" / "site.css").write_text("body { color: red; }\n")
        message = ws.recv()
        assert message == {"command": "reload", "path": "/css/site.css", "liveCSS": True}
        (src / "about" / "index.md").write_text("---\nlayout: default\n---\n# Changed\n")
        assert ws.recv()["path"] == "/about/"              # only what changed is announced
    finally:
        ws.close()
    assert server.stop() == 0


def test_port_zero_uses_the_ports_the_system_chose(tmp_path: Path, serve: Any) -> None:
    src = make_site(tmp_path)
    server = serve("-s", str(src), "-d", str(tmp_path / "site"), "-P", "0", "-l",
                   "--livereload-port", "0")
    port = int(server.wait_for(r"Server address: http://127\.0\.0\.1:(\d+)$").group(1))
    lr_port = int(server.wait_for(r"LiveReload address: http://127\.0\.0\.1:(\d+)$").group(1))
    assert port and lr_port and port != lr_port
    body = get(port, "/")[2]
    assert f"<footer>http://localhost:{port}</footer>".encode() in body
    assert f"':{lr_port}/livereload.js?snipver=1&amp;port={lr_port}\"'".encode() in body
    assert get(lr_port, "/livereload.js")[0] == 200
    assert server.stop() == 0


def _launch_chromium(profile: Path) -> tuple[subprocess.Popen[bytes], int]:
    proc = subprocess.Popen(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
         "--disable-extensions", f"--user-data-dir={profile}", "--remote-debugging-port=0",
         "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
        start_new_session=True)
    active = profile / "DevToolsActivePort"
    deadline = time.monotonic() + 30
    while not (active.is_file() and active.read_text().strip()):
        if proc.poll() is not None or time.monotonic() > deadline:
            _stop_chromium(proc)
            pytest.skip("chromium did not start")
        time.sleep(0.1)
    return proc, int(active.read_text().split()[0])


def _stop_chromium(proc: subprocess.Popen[bytes]) -> None:
    """Stop the browser and its helper processes (the session it was started in)."""
    def group_alive() -> bool:
        try:
            os.killpg(proc.pid, 0)
            return True
        except ProcessLookupError:
            return False

    for sig, grace in ((signal.SIGTERM, 10.0), (signal.SIGKILL, 5.0)):
        if group_alive():
            try:
                os.killpg(proc.pid, sig)
            except ProcessLookupError:
                pass
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            continue
        deadline = time.monotonic() + grace
        while group_alive() and time.monotonic() < deadline:
            time.sleep(0.1)
        if not group_alive():
            return


class DevTools:
    """The Chrome DevTools protocol on one page target."""

    def __init__(self, ws_url: str) -> None:
        url = urllib.parse.urlsplit(ws_url)
        self.ws = WebSocket(url.hostname or "127.0.0.1", url.port or 80, url.path)
        self.next_id = 0

    def call(self, method: str, **params: Any) -> Any:
        self.next_id += 1
        self.ws.send({"id": self.next_id, "method": method, "params": params})
        while True:
            message = self.ws.recv()
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise AssertionError(f"{method}: {message['error']}")
                return message["result"]

    def evaluate(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result["result"].get("value")


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (/usr/bin/chromium)")
@pytest.mark.timeout(120)
def test_browser_reloads_itself_after_an_edit(tmp_path: Path, serve: Any) -> None:
    src = make_site(tmp_path, baseurl="/docs")
    port, lr_port = free_port(), free_port()
    server = serve("-s", str(src), "-d", str(tmp_path / "site"), "-P", str(port), "-l",
                   "--livereload-port", str(lr_port))
    browser, devtools_port = _launch_chromium(tmp_path / "profile")
    try:
        status, _, body = get(devtools_port, "/json/list")
        pages = [t for t in json.loads(body) if t.get("type") == "page"]
        assert pages, body
        page = DevTools(pages[0]["webSocketDebuggerUrl"])
        try:
            page.call("Page.navigate", url=f"http://127.0.0.1:{port}/docs/")
            heading = "document.querySelector('h1') && document.querySelector('h1').textContent"
            poll(lambda: page.evaluate(heading) == "Welcome home")
            server.wait_for(r"^\s+LiveReload: Browser connected$")
            page.evaluate("window.__before_edit = true")
            (src / "index.md").write_text(
                "---\nlayout: default\ntitle: Home\n---\n# Edited heading\n")
            poll(lambda: page.evaluate(heading) == "Edited heading", timeout=30)
            # the page was reloaded by LiveReload, not changed in place
            assert page.evaluate("window.__before_edit === undefined") is True

            # a stylesheet edit is applied in place (liveCSS), without a reload
            page.evaluate("window.__before_css = true")
            color = "getComputedStyle(document.body).color"
            assert page.evaluate(color) == "rgb(0, 0, 0)"
            (src / "css" / "site.css").write_text("body { color: rgb(255, 0, 0); }\n")
            poll(lambda: page.evaluate(color) == "rgb(255, 0, 0)", timeout=30)
            assert page.evaluate("window.__before_css") is True
        finally:
            page.ws.close()
    finally:
        _stop_chromium(browser)
    assert server.stop() == 0


# -- units -------------------------------------------------------------------------------------
def test_livereload_injection_follows_jekylls_body_processor() -> None:
    snippet = livereload_snippet(35729)
    assert snippet == (
        b"<script>\n  document.write(\n    '<script src=\"' + location.protocol + '//' +\n"
        b"    (location.host || 'localhost').split(':')[0] +\n"
        b"    ':35729/livereload.js?snipver=1&amp;port=35729\"' +\n    '></' +\n"
        b"    'script>');\n</script>\n")
    assert b"mindelay=2&amp;maxdelay=9&amp;port=1" in livereload_snippet(1, 2, 9)
    body, added = inject_livereload(b"<html>\n<head lang=\"en\"><meta>\n</head>", b"X")
    assert (body, added) == (b"<html>\n<head lang=\"en\">X<meta>\n</head>", True)
    # Jekyll stops at the first line holding "<head", even a <header> one
    body, added = inject_livereload(b"<header>\n<head>\n", b"X")
    assert (body, added) == (b"<header>\n<head>\n", True)
    assert inject_livereload(b"<p>no head</p>", b"X") == (b"<p>no head</p>", False)


def test_resolve_request(tmp_path: Path) -> None:
    root = tmp_path / "site"
    (root / "docs").mkdir(parents=True)
    (root / "index.html").write_text("i")
    (root / "page.html").write_text("p")
    (root / "docs" / "index.xml").write_text("x")
    (root / "~backup").write_text("b")

    def found(path: str, mount: str = "") -> Any:
        r = resolve_request(root, mount, path)
        return r.status, r.path.relative_to(root).as_posix() if r.path else r.location

    assert found("/") == (200, "index.html")
    assert found("/page") == (200, "page.html")
    assert found("/page/") == (404, None)
    assert found("/docs") == (301, "/docs/")
    assert found("/docs/") == (200, "docs/index.xml")   # WEBrick's DirectoryIndex order
    assert found("/a/../page.html") == (200, "page.html")
    assert found("/../page.html")[0] == 400
    assert found("/~backup")[0] == 404
    assert found("/x/page.html", "/x") == (200, "page.html")
    assert found("/page.html", "/x")[0] == 404
    assert resolve_request(root, "", "/nothing/").listing is None
    assert resolve_request(root, "", "/docs/", show_dir_listing=True).listing == root / "docs"


def test_content_types() -> None:
    assert content_type("a.html") == "text/html; charset=utf-8"
    assert content_type("a.js") == "application/javascript; charset=utf-8"
    assert content_type("feed.xml") == "application/xml"
    assert content_type("a.png") == "image/png"
    assert content_type("a.svg") == "image/svg+xml"
    assert content_type("a.woff2") == "font/woff2"
    assert content_type("a.txt", "iso-8859-1") == "text/plain; charset=iso-8859-1"
    assert content_type("noext") == "application/octet-stream"


def test_websocket_frames_round_trip() -> None:
    import io
    for size in (0, 5, 125, 126, 65535, 65536, 200_000):
        payload = os.urandom(size)
        for mask in (False, True):
            frame = encode_frame(OP_TEXT, payload, mask=mask)
            assert read_message(io.BytesIO(frame)) == (OP_TEXT, payload)
    # RFC 6455's own example
    assert websocket_accept("dGhlIHNhbXBsZSBub25jZQ==") == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="


def test_write_changed_keeps_unchanged_files(tmp_path: Path) -> None:
    from jekyllpy import build
    from jekyllpy.site.site import Site, load_config
    src = make_site(tmp_path)
    dest = tmp_path / "site"
    build(src, dest)
    old = {p: p.stat().st_mtime_ns for p in dest.rglob("*") if p.is_file()}
    time.sleep(0.05)
    (src / "contact.html").write_text("---\nlayout: default\n---\n<h1>Changed</h1>\n")
    config = load_config(src, None, {"destination": str(dest.resolve())})
    written = process_site(Site(config))  # Site#process, writing with write_changed
    assert [item.url for item in written] == ["/contact.html"]
    for path, mtime in old.items():
        if path.name != "contact.html":
            assert path.stat().st_mtime_ns == mtime, path
    assert b"Changed" in (dest / "contact.html").read_bytes()
    shutil.rmtree(dest)

"""The parts of Addressable 2.8 (Ruby's URI library) that Jekyll's URL filters use.

``Addressable::URI.parse(url).normalize.to_s`` (``relative_url``, ``absolute_url``),
``Addressable::URI.normalize_component`` (``uri_escape``) and ``URI#absolute?`` (a scheme is
present).  Normalising decodes every ``%XX``, applies NFKC, then percent-encodes (upper
case, UTF-8 bytes) whatever the component's character class does not allow; paths lose
their dot segments; scheme and host are lower-cased; a scheme's default port is dropped.
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["normalize", "normalize_component", "is_absolute", "split_uri"]

_ALPHA = "a-zA-Z"
_DIGIT = "0-9"
_GEN_DELIMS = r":/?#\[\]@"
_SUB_DELIMS = r"!$&'()*+,;="
_UNRESERVED = _ALPHA + _DIGIT + r"\-._~"
RESERVED_UNRESERVED = re.compile(f"[^{_GEN_DELIMS}{_SUB_DELIMS}{_UNRESERVED}]".encode())
_PCHAR = _UNRESERVED + _SUB_DELIMS + ":@"
PCHAR = re.compile(f"[^{_PCHAR}]".encode())
HOST = re.compile(f"[^{_UNRESERVED}{_SUB_DELIMS}\\[:\\]]".encode())
SCHEME = re.compile(f"[^{_ALPHA}{_DIGIT}\\-+.]".encode())
FRAGMENT = re.compile(f"[^{_PCHAR}/?]".encode())
QUERY = re.compile(rb"[^a-zA-Z0-9\-._~!$'()*+,=:@/?%]|%(?!2B|2b)")

_URI = re.compile(r"^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?$", re.S)
_PORTS = {"http": 80, "https": 443, "ftp": 21, "tftp": 69, "sftp": 22, "ssh": 22,
          "svn+ssh": 22, "telnet": 23, "nntp": 119, "gopher": 70, "wais": 210,
          "ldap": 389, "prospero": 1525}


def _unencode(data: bytes, leave: bytes = b"") -> bytes:
    def sub(m: re.Match[bytes]) -> bytes:
        byte = bytes([int(m.group(0)[1:], 16)])
        return m.group(0) if byte in leave and leave else byte
    return re.sub(rb"%[0-9a-fA-F]{2}", sub, data)


def _encode(data: bytes, cls: re.Pattern[bytes]) -> bytes:
    return cls.sub(lambda m: b"".join(b"%%%02X" % b for b in m.group(0)), data)


def normalize_component(text: str, cls: re.Pattern[bytes] = RESERVED_UNRESERVED,
                        leave_encoded: str = "") -> str:
    """``Addressable::URI.normalize_component``: decode, NFKC, re-encode by class."""
    raw = _unencode(text.encode("utf-8"), leave_encoded.encode("ascii"))
    try:
        decoded = raw.decode("utf-8")
    except UnicodeDecodeError:
        return _encode(raw, RESERVED_UNRESERVED).decode("ascii")
    nfkc = unicodedata.normalize("NFKC", decoded).encode("utf-8")
    return _encode(nfkc, cls).decode("utf-8", errors="replace")


def split_uri(url: str) -> tuple[str | None, str | None, str, str | None, str | None]:
    """(scheme, authority, path, query, fragment), as Addressable's URIREGEX splits."""
    m = _URI.match(url)
    if m is None:  # pragma: no cover - the pattern matches every string
        return None, None, url, None, None
    return m.group(2), m.group(4), m.group(5) or "", m.group(7), m.group(9)


def is_absolute(url: str) -> bool:
    """``Addressable::URI.parse(url).absolute?``: the URL names a scheme."""
    if url[:1] == "/":  # a scheme is text before a ":" that has no "/" in it
        return False
    scheme = split_uri(url)[0]
    return bool(scheme)


def _remove_dot_segments(path: str) -> str:
    rule_2a = re.compile(r"/\./|/\.$")
    rule_2bc = re.compile(r"/([^/]*)/\.\./|/([^/]*)/\.\.$")
    rule_2d = re.compile(r"^\.\.?/?")
    rule_prefixed = re.compile(r"^/\.\.?/|^(/\.\.?)+/?$")
    while True:
        new = rule_2a.sub("/", path)
        if new != path:
            path = new
            continue
        pair = rule_2bc.search(path)
        if pair:
            parent, current = pair.group(1), pair.group(2)
            if (parent not in (".", "..")) or (current not in (".", "..")):
                pat = re.compile("/" + re.escape(parent or "") + r"/\.\./|(/"
                                 + re.escape(current or "") + r"/\.\.$)")
                new = pat.sub("/", path)
                if new != path:
                    path = new
                    continue
        new = rule_2d.sub("", path)
        if new != path:
            path = new
            continue
        new = rule_prefixed.sub("/", path)
        if new != path:
            path = new
            continue
        return path


#: a path of characters every component leaves as they are, with no authority (``//``)
#: and no scheme: normalising gives it back unchanged unless it has a dot segment.  An
#: escape stays as it is when it is upper case and its character is one a path segment
#: must have escaped (ASCII controls, space, ``"#%/<>?[\]^`{|}``, DEL): ``%20`` is kept.
_PLAIN_PATH = re.compile(
    r"/(?!/)(?:[a-zA-Z0-9\-._~!$&'()*+,;=:@/]|%(?:[01][0-9A-F]|2[0235F]|3[CEF]|5[B-E]"
    r"|60|7[B-DF]))*\Z")
_DOT_SEGMENT = re.compile(r"/\.\.?(?:/|\Z)")


@functools.lru_cache(maxsize=4096)
def normalize(url: str) -> str:
    """``Addressable::URI.parse(url).normalize.to_s`` (cached: a site normalises the same
    few hundred URLs on every page).  Most URLs a site makes (``/2024/05/01/title.html``)
    need nothing done: those are recognised first, which spares a home page listing a
    thousand posts the full work for each."""
    if _PLAIN_PATH.match(url) and not _DOT_SEGMENT.search(url):
        return url
    return _normalize(url)


def _normalize(url: str) -> str:
    scheme, authority, path, query, fragment = split_uri(url)
    out = []
    n_scheme = None
    if scheme is not None:
        n_scheme = normalize_component(scheme.strip().lower(), SCHEME)
        out.append(n_scheme + ":")
    if authority is not None:
        userinfo, _, hostport = authority.rpartition("@") if "@" in authority else \
            ("", "", authority)
        m = re.match(r"^(.*?)(?::(\d*))?$", hostport, re.S)
        host, port = (m.group(1), m.group(2)) if m else (hostport, None)
        host = host.strip().lower()
        if host:
            host = _unencode(host.encode("utf-8")).decode("utf-8", errors="replace")
            if re.search(r"[^.]\.$", host):
                host = host[:-1]
            host = normalize_component(host, HOST)
        auth = ""
        if "@" in authority:
            auth = normalize_component(userinfo, RESERVED_UNRESERVED) + "@"
        auth += host
        if port and not (_PORTS.get(n_scheme or "") == int(port)):
            auth += ":" + str(int(port))
        out.append("//" + auth)
    if scheme is None and re.match(r"^(?!/)[^/:]*:.*$", path, re.S):
        path = path.replace(":", "%2F", 1)
    segments = [normalize_component(seg, PCHAR) for seg in path.strip().split("/")]
    result = _remove_dot_segments("/".join(segments))
    if not result and n_scheme in ("http", "https", "ftp", "tftp"):
        result = "/"
    out.append(result)
    if query is not None:
        pairs = [normalize_component(pair, QUERY, "+") for pair in query.split("&")]
        joined = "&".join(pairs)
        if joined:
            out.append("?" + joined)
    if fragment is not None:
        frag = normalize_component(fragment, FRAGMENT)
        if frag:
            out.append("#" + frag)
    return "".join(out)

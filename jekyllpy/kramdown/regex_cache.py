"""Compiled regular expressions kept between runs, the way Python keeps bytecode.

kramdown's grammar and Rouge's lexers need Ruby's Unicode classes spelled out in full
(:mod:`.parser.unicode_classes`), and ``re`` parses and assembles each of those classes anew
in every pattern that embeds one: about a second at every start of the engine, more than
converting a long page takes.  ``re`` has no cache that outlives the process, so this module
keeps one: the program ``re``'s compiler builds for a pattern (the list of codes it hands to
the ``_sre`` matcher, with the group tables) is stored with :mod:`marshal` in the user's
cache folder and handed straight to ``_sre`` on the next start.

The folder is ``$JEKYLLPY_CACHE_DIR``, else ``$XDG_CACHE_HOME/jekyllpy``, else
``~/.cache/jekyllpy`` (a tool cache like pip's or Black's: never the site's source or
destination, and not the package's ``__pycache__``, which read-only installs and
``PYTHONDONTWRITEBYTECODE`` rule out).  ``JEKYLLPY_REGEX_CACHE=0`` turns the cache off.
The file is tied to one interpreter build (its cache tag, its exact version and ``_sre``'s
``MAGIC``), holds a digest of the pattern text with each program, and is written atomically, only
when a pattern was compiled fresh.  ``_sre`` checks every program it is given, and anything
unexpected (another interpreter, a changed private API) makes this module fall back to
plain :func:`re.compile`, which is always correct, only slower.
"""

from __future__ import annotations

import atexit
import hashlib
import marshal
import os
import re
import struct
import sys
import tempfile
from pathlib import Path
from typing import Any

try:  # The compiler's internals: present in CPython 3.11 to 3.13, checked at first use.
    import _sre
    from re import _compiler, _parser
    _KEY: Any = ("jekyllpy-regex-3", sys.implementation.cache_tag, sys.hexversion,
                 _sre.MAGIC, _sre.CODESIZE)
except (ImportError, AttributeError):  # pragma: no cover - another interpreter
    _KEY = None


def _cache_file() -> Path:
    folder = os.environ.get("JEKYLLPY_CACHE_DIR")
    if not folder:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = os.path.join(base, "jekyllpy")
    return Path(folder) / f"regex.{sys.implementation.cache_tag}.marshal"


_FILE = _cache_file()

#: digest of (pattern, flags) -> where its program is in the cache file (offset, length),
#: None until the file's index is read.  Programs are read one by one when asked for
#: (``os.pread``), not the whole file at start: a cache that has met many languages'
#: lexers holds megabytes of programs, most of which a given site never uses.
_index: dict[bytes, tuple[int, int]] | None = None
#: the cache file, open for reading while its index is in use
_fd: int | None = None
#: programs compiled in this process: digest -> the marshalled (flags, code, groups,
#: groupindex, indexgroup); bytes rather than the lists: kept as lists of ints, the
#: grammar's 200,000 codes would hold over 10 MiB for as long as the process runs
_new: dict[bytes, bytes] = {}
#: the keys asked for in this process: what is kept when the file grows past _MAX_ENTRIES
_used: set[bytes] = set()
#: patterns compiled in this process (``re`` keeps the same kind of table)
_compiled: dict[tuple[str, int], re.Pattern[str]] = {}
_MAX_ENTRIES = 4000
_DIGEST = 20
_SIZE = struct.Struct("<Q")  # the length of the index, before it in the file
_fresh = False
_enabled = (_KEY is not None and hasattr(os, "pread")  # pread: not on Windows
            and os.environ.get("JEKYLLPY_REGEX_CACHE", "1") != "0")


def compile(pattern: str, flags: int = 0, *, persist: bool = True) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, taking the program from the cache when it is there.

    ``persist=False`` is for patterns built from a document's text (abbreviations, tag
    names): compiled as usual and never stored, so the file only holds the engine's own.
    """
    global _enabled, _fresh
    if not (_enabled and persist):
        return re.compile(pattern, flags)
    key = (pattern, int(flags))  # marshal stores plain ints, not re.RegexFlag
    compiled = _compiled.get(key)
    if compiled is not None:
        return compiled
    index = _index if _index is not None else _load()
    digest = hashlib.blake2b(f"{key[1]}:{pattern}".encode("utf-8", "surrogatepass"),
                             digest_size=_DIGEST).digest()
    _used.add(digest)
    stored = _stored(digest)
    if stored is not None:
        try:
            compiled = _compiled[key] = _sre.compile(pattern, *marshal.loads(stored))
            return compiled
        except Exception:  # a damaged entry: compile it again below
            index.pop(digest, None)
            _new.pop(digest, None)
    try:
        parsed = _parser.parse(pattern, flags)
        code = [int(c) for c in _compiler._code(parsed, flags)]  # opcodes are int subclasses
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        program = (int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex,
                   tuple(indexgroup))
        compiled = _sre.compile(pattern, *program)
    except re.error:
        raise
    except Exception:  # the private API moved: stop caching, compile as everyone does
        _enabled = False
        return re.compile(pattern, flags)
    _new[digest] = marshal.dumps(program)
    _compiled[key] = compiled
    _fresh = True
    return compiled


def _load() -> dict[bytes, tuple[int, int]]:
    """Read the cache file's index (its programs stay in the file until asked for)."""
    global _index, _fd
    index: dict[bytes, tuple[int, int]] = {}
    try:
        fd = os.open(_FILE, os.O_RDONLY)
    except OSError:
        _index = index
        return index
    try:
        (size,) = _SIZE.unpack(os.pread(fd, _SIZE.size, 0))
        if size > os.fstat(fd).st_size:  # not a file of ours (an older format, say)
            raise ValueError("not a cache file")
        stored = marshal.loads(os.pread(fd, size, _SIZE.size))
        if (isinstance(stored, tuple) and len(stored) == 2 and stored[0] == _KEY
                and isinstance(stored[1], dict)):
            start = _SIZE.size + size
            index = {digest: (start + offset, length)
                     for digest, (offset, length) in stored[1].items()}
            _fd = fd
    except (OSError, EOFError, ValueError, TypeError, struct.error):
        index = {}
    if _fd is None:
        os.close(fd)
    _index = index
    return index


def _stored(digest: bytes) -> bytes | None:
    """The marshalled program for ``digest``: compiled in this process, or read from the
    file, where each program follows its own digest (a file that does not match its
    index gives nothing, and the pattern is compiled again)."""
    program = _new.get(digest)
    if program is not None:
        return program
    blob = _blob(digest)
    return None if blob is None else blob[_DIGEST:]


def _blob(digest: bytes) -> bytes | None:
    where = (_index or {}).get(digest)
    if where is None or _fd is None:
        return None
    try:
        blob = os.pread(_fd, where[1], where[0])
    except OSError:
        return None
    return blob if blob[:_DIGEST] == digest and len(blob) == where[1] else None


def _save() -> None:
    """Write the programs if any was compiled in this process (atomically; errors ignored):
    the index first, then each program after its digest."""
    if not (_fresh and _enabled):
        return
    index = _index or {}
    digests = [d for d in index if d not in _new] + list(_new)
    if len(digests) > _MAX_ENTRIES:  # patterns of older versions pile up: keep today's
        digests = [d for d in digests if d in _used]
    # programs of the old file that no longer match their index are left out
    digests = [d for d in digests if d in _new or _blob(d) is not None]
    sizes = {d: _DIGEST + len(_new[d]) if d in _new else index[d][1] for d in digests}
    offsets: dict[bytes, tuple[int, int]] = {}
    offset = 0
    for digest in digests:
        offsets[digest] = (offset, sizes[digest])
        offset += sizes[digest]
    try:
        _FILE.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=_FILE.parent, prefix=".regex-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                head = marshal.dumps((_KEY, offsets))
                fh.write(_SIZE.pack(len(head)))
                fh.write(head)
                for digest in digests:
                    blob = digest + _new[digest] if digest in _new else _blob(digest)
                    if blob is None:  # the old file changed under us: write nothing
                        raise OSError("cache file changed")
                    fh.write(blob)
            os.replace(tmp, _FILE)
        except BaseException:
            os.unlink(tmp)
            raise
    except Exception:  # a read-only install: every start compiles, as without this module
        pass


atexit.register(_save)

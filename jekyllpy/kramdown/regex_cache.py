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
import sys
import tempfile
from pathlib import Path
from typing import Any

try:  # The compiler's internals: present in CPython 3.11 to 3.13, checked at first use.
    import _sre
    from re import _compiler, _parser
    _KEY: Any = ("jekyllpy-regex-2", sys.implementation.cache_tag, sys.hexversion,
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

#: digest of (pattern, flags) -> the marshalled (flags, code, groups, groupindex, indexgroup);
#: None until loaded.  A digest rather than the text: the grammar's patterns run to 100 KB
#: each; marshalled bytes rather than the lists: kept as lists of ints, the 200,000 codes
#: would hold over 10 MiB for as long as the process runs.
_programs: dict[bytes, bytes] | None = None
#: the keys asked for in this process: what is kept when the file grows past _MAX_ENTRIES
_used: set[bytes] = set()
#: patterns compiled in this process (``re`` keeps the same kind of table)
_compiled: dict[tuple[str, int], re.Pattern[str]] = {}
_MAX_ENTRIES = 4000
_fresh = False
_enabled = _KEY is not None and os.environ.get("JEKYLLPY_REGEX_CACHE", "1") != "0"


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
    programs = _programs if _programs is not None else _load()
    digest = hashlib.blake2b(f"{key[1]}:{pattern}".encode("utf-8", "surrogatepass"),
                             digest_size=20).digest()
    _used.add(digest)
    stored = programs.get(digest)
    if stored is not None:
        try:
            compiled = _compiled[key] = _sre.compile(pattern, *marshal.loads(stored))
            return compiled
        except Exception:  # a damaged entry: compile it again below
            del programs[digest]
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
    programs[digest] = marshal.dumps(program)
    _compiled[key] = compiled
    _fresh = True
    return compiled


def _load() -> dict[bytes, bytes]:
    global _programs
    programs: dict[bytes, bytes] = {}
    try:
        with open(_FILE, "rb") as fh:
            stored = marshal.loads(fh.read())  # load(fh) reads in small pieces: 10x slower
        if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == _KEY:
            programs = stored[1]
    except (OSError, EOFError, ValueError, TypeError):
        pass
    _programs = programs
    return programs


def _save() -> None:
    """Write the programs if any was compiled in this process (atomically; errors ignored)."""
    if not (_fresh and _enabled and _programs):
        return
    programs = _programs
    if len(programs) > _MAX_ENTRIES:  # patterns of older versions pile up: keep today's
        programs = {key: value for key, value in programs.items() if key in _used}
    try:
        _FILE.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=_FILE.parent, prefix=".regex-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                marshal.dump((_KEY, programs), fh)
            os.replace(tmp, _FILE)
        except BaseException:
            os.unlink(tmp)
            raise
    except Exception:  # a read-only install: every start compiles, as without this module
        pass


atexit.register(_save)

"""The destination's folders made in the background while the site renders.

Writing a site is mostly the file system's work: for a blog with dated permalinks, one new
folder per post.  Making a folder costs the kernel more than writing a small file (ext4
looks for a free inode, skipping those freed recently, which after deleting the previous
build is a long search).  Jekyll makes each folder when it writes the file; so did we,
after rendering everything, on the critical path.

Where every folder is known before rendering (documents and pages have their URLs once
read) and the destination does not exist yet, the folders are handed to ``mkdir -p`` in a
separate process at the lowest priority when rendering starts: it runs on whatever CPU
time the build leaves idle, and writing later skips the folders it made.  The end state is
the same: the destination holds the same folders and files.  Should the build fail, the
destination (which did not exist before it) is removed again, so a failed build leaves
nothing behind, as with Jekyll.  Without a ``mkdir`` program, or in any doubt, the writer
makes folders itself as before.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from typing import Iterable

__all__ = ["FolderMaker"]

#: total length of the folder names given to one ``mkdir`` (far below ``ARG_MAX``)
ARGS_BYTES = 64 * 1024
#: fewer folders than this: a process costs more than it saves
MIN_FOLDERS = 64


class FolderMaker:
    """``mkdir -p`` of a set of folders, in background processes."""

    def __init__(self, folders: Iterable[str | os.PathLike[str]]) -> None:
        # names, not Path objects: they are held while the whole site renders
        self.folders = sorted({os.fspath(f) for f in folders})
        self._procs: list[subprocess.Popen[bytes]] = []
        self._done: bool | None = None

    def start(self) -> "FolderMaker":
        """Start the processes (none for a handful of folders, or without ``mkdir``)."""
        if len(self.folders) < MIN_FOLDERS:
            return self
        program = shutil.which("mkdir")
        nice = shutil.which("nice")
        if program is None:
            return self
        prefix = [nice, "-n", "19", program, "-p", "--"] if nice else [program, "-p", "--"]
        batch: list[str] = []
        size = 0
        try:
            for name in self.folders:
                if batch and size + len(name) + 1 > ARGS_BYTES:
                    self._spawn(prefix + batch)
                    batch, size = [], 0
                batch.append(name)
                size += len(name) + 1
            if batch:
                self._spawn(prefix + batch)
        except OSError:
            self._done = False
        return self

    def _spawn(self, argv: list[str]) -> None:
        self._procs.append(subprocess.Popen(argv, stdin=subprocess.DEVNULL,
                                            stdout=subprocess.DEVNULL,
                                            stderr=subprocess.DEVNULL, close_fds=True))

    def made(self) -> set[str]:
        """The folders known to exist now (waits for the processes; empty when they were
        not started or any of them failed: the writer then makes folders itself)."""
        if self._done is None:
            self._done = bool(self._procs) and all(p.wait() == 0 for p in self._procs)
        return set(self.folders) if self._done else set()

    def wait(self) -> None:
        """Let the processes finish (before anything is removed)."""
        for proc in self._procs:
            proc.wait()

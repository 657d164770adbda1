"""Writing while rendering: each page and document is written as soon as it is rendered,
by a second process, so the build process never waits on the file system.

Jekyll writes everything after rendering and cleaning.  Writing is mostly the kernel's
work, and at that point of a build nothing else is left to run beside it; handed to a
forked process as each file is rendered, it happens while the rest of the site renders.
(A thread would share the interpreter lock: every file written costs the rendering thread
the lock hand-overs around each system call, more than the writing saves.)

Only into a destination this build creates (it did not exist when rendering began):
nothing there can be obsolete, a link or in the way, so cleaning would have nothing to do
and each file ends up with the bytes the normal writer would give it.  The build still
decides: :meth:`EarlyWriter.finish` returns the items written early whose file is theirs
alone (a destination claimed by two items is written again, in Jekyll's order) and whose
output is still what was written; everything else is written as usual.  If rendering
fails, the destination is removed again, as if nothing had been written.

Used where ``os.fork`` exists; ``JEKYLLPY_WORKERS=0`` turns it off (as it turns off the
Markdown worker).
"""

from __future__ import annotations

import collections
import gc
import os
import shutil
import struct
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import url as urls

if TYPE_CHECKING:
    from .site import Site

_HEADER = struct.Struct("<III")  # sequence number, path length, data length


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _child(jobs_fd: int, results_fd: int, dest: str) -> None:
    """The writing process: read jobs until the pipe closes, then report what it wrote."""
    gc.disable()  # nothing to collect here; collecting would copy the parent's pages
    done: list[int] = []
    made = {dest}
    with os.fdopen(jobs_fd, "rb", buffering=1 << 16) as jobs:
        while True:
            header = jobs.read(_HEADER.size)
            if len(header) < _HEADER.size:
                break
            seq, path_len, data_len = _HEADER.unpack(header)
            target = os.fsdecode(jobs.read(path_len))
            data = jobs.read(data_len)
            if len(data) < data_len:
                break
            try:
                parent = os.path.dirname(target)
                if parent not in made:
                    os.makedirs(parent, exist_ok=True)
                    made.add(parent)
                with open(target, "xb") as handle:
                    handle.write(data)
            except OSError:
                continue
            done.append(seq)
    _write_all(results_fd, struct.pack(f"<{len(done)}I", *done))
    os.close(results_fd)


class EarlyWriter:
    def __init__(self, site: "Site", dest: str, pid: int, jobs_fd: int,
                 results_fd: int) -> None:
        self.site = site
        self.dest = dest
        self.root = Path(dest).absolute()  # as destination_path names it
        self._pid = pid
        self._jobs_fd: int | None = jobs_fd
        self._results_fd = results_fd
        #: (item, destination, output) by sequence number; those still to send, and the
        #: rest of the message being sent (the pipe takes what it has room for)
        self._sent: list[tuple[Any, str, str]] = []
        self._pending: collections.deque[int] = collections.deque()
        self._chunk: memoryview | None = None
        os.set_blocking(jobs_fd, False)
        self._written: list[int] | None = None

    @classmethod
    def start(cls, site: "Site") -> "EarlyWriter | None":
        if site.regenerator is not None or site.config.get("incremental"):
            return None
        if not hasattr(os, "fork") or os.environ.get("JEKYLLPY_WORKERS") == "0":
            return None
        dest = str(site.destination)
        try:
            os.mkdir(dest)  # fails if it exists (or its parent does not)
        except OSError:
            return None
        jobs_r, jobs_w = os.pipe()
        try:  # room for many files: rendering need not wait for the writing process
            import fcntl
            fcntl.fcntl(jobs_w, fcntl.F_SETPIPE_SZ, 1 << 20)
        except (ImportError, AttributeError, OSError):
            pass
        results_r, results_w = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            for fd in (jobs_r, jobs_w, results_r, results_w):
                os.close(fd)
            os.rmdir(dest)
            return None
        if pid == 0:  # the writing process
            status = 1
            try:
                os.close(jobs_w)
                os.close(results_r)
                _child(jobs_r, results_w, dest)
                status = 0
            finally:
                os._exit(status)
        os.close(jobs_r)
        os.close(results_w)
        writer = cls(site, dest, pid, jobs_w, results_r)
        urls.FRESH_DESTINATIONS.add(writer.root)
        site.post_render_hooks.append(writer.submit)
        return writer

    def submit(self, item: Any) -> None:
        """Queue a rendered page or document for the writing process."""
        output = getattr(item, "output", None)
        if self._jobs_fd is None or output is None or not hasattr(item, "destination"):
            return
        try:
            if hasattr(item, "write_p") and not item.write_p():
                return
            target = str(item.destination(self.site.destination))
        except Exception:  # asked again (and reported) by the normal writer
            return
        self._pending.append(len(self._sent))
        self._sent.append((item, target, output))
        self._pump()

    def _pump(self, block: bool = False) -> None:
        """Send what the pipe takes without waiting (rendering goes on meanwhile; the rest
        is sent at the next file, or at the end); with ``block``, send everything."""
        fd = self._jobs_fd
        while fd is not None:
            if self._chunk is None:
                if not self._pending:
                    return
                seq = self._pending.popleft()
                _, target, output = self._sent[seq]
                try:
                    data = output.encode("utf-8")
                except UnicodeError:  # left to the normal writer
                    continue
                path = os.fsencode(target)
                self._chunk = memoryview(_HEADER.pack(seq, len(path), len(data)) + path + data)
            try:
                sent = os.write(fd, self._chunk)
            except BlockingIOError:
                if not block:
                    return
                os.set_blocking(fd, True)
                continue
            except OSError:  # the writing process is gone: the normal writer does the rest
                self._close_jobs()
                return
            self._chunk = self._chunk[sent:] or None

    def _close_jobs(self) -> None:
        hooks = self.site.post_render_hooks
        if self.submit in hooks:
            hooks.remove(self.submit)
        if self._jobs_fd is not None:
            os.close(self._jobs_fd)
            self._jobs_fd = None

    def stop(self, flush: bool = True) -> list[int]:
        """Send what is left (with ``flush``), close the job pipe and wait for the writing
        process; the sequence numbers of the files it wrote."""
        if self._written is not None:
            return self._written
        if flush:
            self._pump(block=True)
        self._close_jobs()
        urls.FRESH_DESTINATIONS.discard(self.root)
        chunks = []
        try:
            while True:
                chunk = os.read(self._results_fd, 1 << 16)
                if not chunk:
                    break
                chunks.append(chunk)
        finally:
            os.close(self._results_fd)
        _, status = os.waitpid(self._pid, 0)
        raw = b"".join(chunks)
        if status != 0 or len(raw) % 4:
            self._written = []
        else:
            self._written = list(struct.unpack(f"<{len(raw) // 4}I", raw))
        return self._written

    def finish(self, items: list[Any]) -> set[int]:
        """Wait for the writing process; the ids of the items whose file is written."""
        written_seqs = self.stop()
        dest = self.site.destination
        claims: dict[str, int] = {}
        targets: dict[int, str] = {}
        for item in items:
            target = str(item.destination(dest))
            targets[id(item)] = target
            claims[target] = claims.get(target, 0) + 1
        written = set()
        for seq in written_seqs:
            item, target, output = self._sent[seq]
            if targets.get(id(item)) == target and claims[target] == 1 and item.output is output:
                written.add(id(item))
        if not written_seqs:
            try:
                os.rmdir(self.dest)  # as if not created: the writer makes what it needs
            except OSError:
                pass
        return written

    def abandon(self) -> None:
        self.stop(flush=False)
        shutil.rmtree(self.dest, ignore_errors=True)

"""Markdown converted ahead of time in a second process, where the result is already known.

Jekyll renders one file after another, and so must we: Liquid in one page may read what
another page became.  But a Markdown file without Liquid (most posts) is converted from
exactly the text it was read with, whatever else happens, so its HTML can be computed
before its turn, on another core.  The renderer still takes every file in Jekyll's order;
it only finds some conversions already done.  The output is the same bytes either way
(the engine is deterministic and the worker converts with the same options); anything the
worker fails on is simply converted again in the build process, where its error is
reported as usual.

Used only where it can pay: more than one CPU, a ``fork`` start method (the worker
inherits the loaded engine instead of importing it again), and enough files.  Set
``JEKYLLPY_WORKERS=0`` to turn it off.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import select
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Callable

#: fewer eligible files than this: not worth a process
MIN_FILES = 40
#: files per job: big enough to amortise pickling, small enough to arrive early
BATCH = 16

_options: dict[str, Any] | None = None
#: in the worker: the options read in by the engine, once (see _convert)
_resolved: dict[str, Any] | None = None
#: in the worker: set by the build process when it wants no more conversions
_stop: Any = None


def _convert(text: str) -> str | None:
    global _resolved
    from ..kramdown import Document
    from ..kramdown.options import resolve_options
    try:
        if _resolved is None:
            _resolved = resolve_options(_options or {})
        return Document.with_resolved_options(text, _resolved).to_html()
    except Exception:  # converted again (and reported) by the build process
        return None


def _convert_batch(jobs: list[tuple[str, bool]]) -> list[tuple[str | None, str | None]]:
    """Each job's HTML, and for a chained job also the HTML of that HTML converted again
    (what ``markdownify`` of a rendered excerpt gives)."""
    out: list[tuple[str | None, str | None]] = []
    for text, chained in jobs:
        if _stop is not None and _stop.is_set():  # the build is past it: stop at once
            out.append((None, None))
            continue
        html = _convert(text)
        out.append((html, _convert(html) if chained and html is not None else None))
    return out


def _init_worker(options: dict[str, Any], stop: Any = None) -> None:
    global _options, _resolved, _stop
    _options = options
    _resolved = None
    _stop = stop
    # Everything the worker inherited from the build process (the whole site) is set
    # aside from its garbage collections: a full collection would walk it all, copying
    # every page it touches (fork shares them until written), for nothing.  Collections
    # run again from there (the process may have been forked while they were paused).
    gc.freeze()
    gc.enable()


class MarkdownPrefetch:
    """Conversions started early; :meth:`take` gives one back if its text is unchanged."""

    def __init__(self, options: dict[str, Any], texts: list[tuple[Any, str, bool]], *,
                 from_the_end: bool = True) -> None:
        """``texts``: (key, text, chained) in render order.  A key of None marks a text
        the build will probably pass to ``markdownify`` (a title, a description): its HTML
        is only looked up by text.  ``chained``: also convert the result again."""
        self._pending: dict[Any, tuple[str, Future, int]] = {}
        self._by_text: dict[str, tuple[Future, int]] = {}
        self._extra: dict[str, str] = {}
        self._executor: ProcessPoolExecutor | None = None
        workers = _worker_count()
        if workers < 1 or sum(1 for key, _, _ in texts if key is not None) < MIN_FILES:
            return
        try:
            context = multiprocessing.get_context("fork")
        except ValueError:
            return
        self._stop = context.Event()
        self._executor = ProcessPoolExecutor(max_workers=workers, mp_context=context,
                                             initializer=_init_worker,
                                             initargs=(options, self._stop))
        # The worker starts from the end of the render order while the build process
        # renders from the start; a conversion the worker has not finished when the build
        # reaches it is done by the build process itself, so neither waits for the other.
        chunks = [texts[i:i + BATCH] for i in range(0, len(texts), BATCH)]
        for chunk in (reversed(chunks) if from_the_end else chunks):
            future = self._executor.submit(_convert_batch, [(t, c) for _, t, c in chunk])
            for index, (key, text, _) in enumerate(chunk):
                if key is None:
                    self._by_text.setdefault(text, (future, index))
                else:
                    self._pending[key] = (text, future, index)

    def take(self, key: int, text: str) -> str | None:
        """The prefetched HTML for ``key`` if it is ready and was converted from exactly
        ``text``; None means "convert it yourself"."""
        entry = self._pending.pop(key, None)
        if entry is None or entry[0] != text:
            return None
        future = entry[1]
        if not future.done():
            future.cancel()  # not started yet: the worker need not do it at all
            return None
        try:
            html, again = future.result()[entry[2]]
        except Exception:
            return None
        if html is not None and again is not None:
            self._extra[html] = again
        return html

    def lookup(self, text: str) -> str | None:
        """The HTML of ``text`` if the worker has already made it (never waits)."""
        found = self._extra.get(text)
        if found is not None:
            return found
        entry = self._by_text.get(text)
        if entry is None or not entry[0].done():
            return None
        try:
            return entry[0].result()[entry[1]][0]
        except Exception:
            return None

    def close(self) -> None:
        """Stop the worker: what it has not converted is no longer wanted, so it drops
        the rest of a batch under way (nobody waits for it, here or at exit)."""
        if self._executor is not None:
            self._stop.set()
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None
        self._pending.clear()
        self._by_text.clear()
        self._extra.clear()


def _worker_count() -> int:
    setting = os.environ.get("JEKYLLPY_WORKERS")
    if setting is not None:
        try:
            return max(0, int(setting))
        except ValueError:
            return 0
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    # One worker beside the build process: the build process itself keeps a core busy.
    return 1 if (cpus or 1) > 1 else 0



#: bytes a pipe to or from the excerpt worker is asked to hold (Linux allows 1 MiB to
#: anyone); what is sent in all stays under the pipe's size, so sending never waits
PIPE_SIZE = 1 << 20
#: the excerpt worker sends each conversion at once when it is fewer than this many
#: texts ahead of the build process (else in batches)
NEAR = 16
#: what a pipe is sure to hold where it cannot be made bigger (POSIX's least is 64 KiB)
SMALL_PIPE = 48 * 1024


class ExcerptStream:
    """Texts sent to a second process as they become known (``render_page`` of a page
    listing posts with their excerpts sends each excerpt as soon as its post is read),
    converted there while this process goes on reading.  Plain pipes, no threads: a
    batch is pickled and written here; conversions come back by text and are taken in
    whenever this process looks (:meth:`drain`), never waiting.  :meth:`take` gives one
    only for exactly the same text, like :class:`MarkdownPrefetch`, whose interface this
    shares.  What is sent in all stays under what the pipe holds (texts past that are
    left to this process), so sending never blocks even when the worker is busy, and
    neither process ever waits for the other."""

    def __init__(self, options: dict[str, Any], front_matter_files: list[str] = ()) -> None:
        """``front_matter_files``: files whose front matter the worker loads first, before
        any conversion, for :meth:`take_front_matter`, in the opposite of the order this
        process reads them in: the worker stops where the two meet (this process counts
        the files it has read in memory both share)."""
        context = multiprocessing.get_context("fork")  # ValueError where there is none
        self._stop = context.Event()
        self._read = context.Value("i", 0, lock=False)
        self._taken = context.Value("i", 0, lock=False)
        worker_in, self._out = context.Pipe(duplex=False)
        self._in, worker_out = context.Pipe(duplex=False)
        # asked once per post read and per excerpt rendered (see _ready)
        self._waiting = _ready(self._in)
        grown = [_grow_pipe(conn.fileno()) for conn in (self._out, worker_out)]
        self._limit = PIPE_SIZE - 4096 if all(grown) else SMALL_PIPE
        self._front_matter: dict[str, list[Any]] = {}
        self._process = context.Process(
            target=_stream_worker, daemon=True,
            args=(options, worker_in, worker_out, self._stop, (self._out, self._in),
                  list(front_matter_files), self._read, self._taken))
        self._process.start()
        worker_in.close()
        worker_out.close()
        self._batch: list[str] = []
        self._sent = 0
        self._sent_texts: set[str] = set()
        self._done: dict[str, str] = {}
        self._open = True

    def add(self, text: str) -> None:
        """One more text to convert (sent with the next full batch)."""
        if self._open:
            self._batch.append(text)
            if len(self._batch) >= BATCH:
                self.flush()

    def flush(self) -> None:
        """Send the texts not sent yet, and take in what came back."""
        batch, self._batch = self._batch, []
        if batch and self._open:
            data = pickle.dumps(batch, pickle.HIGHEST_PROTOCOL)
            if self._sent + len(data) + 16 <= self._limit:  # with the length before it
                try:
                    self._out.send_bytes(data)
                    self._sent += len(data) + 16
                    self._sent_texts.update(batch)
                except OSError:
                    self._open = False
        self.drain()

    def drain(self) -> None:
        """Take in the conversions (and front matter) the worker has sent back so far
        (never waits)."""
        try:
            while self._waiting():
                message = self._in.recv()
                if type(message) is dict:
                    self._done.update(message)
                else:  # front matter: (block, data) pairs
                    for fm, data in message:
                        self._front_matter.setdefault(fm, []).append(data)
        except (EOFError, OSError):  # the worker is gone
            self._open = False

    def take_front_matter(self, fm: str) -> Any:
        """Data the worker loaded from exactly the front matter block ``fm``, the
        caller's own (unpickled here, used once); None when it has none (yet).  Each
        call counts one file read, which tells the worker where to stop."""
        self._read.value += 1
        found = self._front_matter.get(fm)
        if not found and self._open:
            self.drain()
            found = self._front_matter.get(fm)
        return found.pop() if found else None

    def take(self, key: Any, text: str) -> str | None:
        """The HTML of ``text`` if the worker has sent it.  Asking for a text sent to the
        worker tells it to go on from the next one (texts are asked for in about the order
        they were sent): :func:`_convert_received`."""
        if text in self._sent_texts:
            self._taken.value += 1
        html = self._done.get(text)
        if html is None and self._open:
            self.drain()
            html = self._done.get(text)
        return html

    def lookup(self, text: str) -> str | None:
        return None

    def close(self) -> None:
        """Stop the worker (it drops what it was converting) and let it go."""
        self._open = False
        self._stop.set()
        self._out.close()
        self._in.close()
        self._done.clear()
        self._front_matter.clear()
        self._sent_texts.clear()


def _grow_pipe(fd: int) -> bool:
    """Ask for a :data:`PIPE_SIZE` pipe; whether it was granted."""
    try:
        import fcntl
        return fcntl.fcntl(fd, 1031, PIPE_SIZE) >= PIPE_SIZE  # F_SETPIPE_SZ (Linux)
    except (ImportError, OSError):
        return False


def _stream_worker(options: dict[str, Any], conn_in: Any, conn_out: Any, stop: Any,
                   parents: tuple[Any, ...], front_matter_files: list[str],
                   read: Any, taken: Any) -> None:
    """The worker of :class:`ExcerptStream`: first load the front matter of the files
    given and send it back by block, then convert what it receives
    (:func:`_convert_received`), until told to stop or nobody listens any more."""
    try:
        for conn in parents:  # the other process's ends, so that closing them is seen
            conn.close()
        _init_worker(options, stop)
        _send_front_matter(front_matter_files, conn_out, stop, read)
        _convert_received(conn_in, conn_out, stop, taken)
    except BaseException:  # EOFError or a broken pipe: the build process is done
        pass
    finally:
        os._exit(0)  # nothing of the parent's (exit functions, buffers) runs here


def _convert_received(conn_in: Any, conn_out: Any, stop: Any, taken: Any) -> None:
    """Convert the texts received, in the order they came, and send the HTML back by
    text, until ``stop`` is set.

    The build process converts itself a text it asks for before the worker has sent it;
    ``taken`` counts the texts it has asked for, so the worker goes on from there instead
    of converting them again, and sends each conversion at once while the build process
    is close behind (in batches when it is far)."""
    received: list[str] = []
    place = 0  # the next text of ``received`` to convert
    done: dict[str, str] = {}
    waiting = _ready(conn_in)  # looked at before every conversion
    while True:
        while waiting():
            received.extend(conn_in.recv())
        place = max(place, taken.value)
        if place >= len(received):
            if done:
                conn_out.send(done)
                done = {}
            # other processes forked meanwhile may hold the other end open too: the stop
            # event is looked at while waiting
            while not conn_in.poll(0.05):
                if stop.is_set():
                    return
            continue
        text = received[place]
        place += 1
        if stop.is_set():
            return
        if text not in done:
            html = _convert(text)
            if html is not None:
                done[text] = html
        if done and (len(done) >= BATCH or place - taken.value <= NEAR):
            conn_out.send(done)
            done = {}


def _ready(conn: Any) -> Callable[[], bool]:
    """Whether something waits to be received on ``conn``, without waiting: one poll
    object for the pipe (``Connection.poll`` builds a selector on every call)."""
    try:
        poller = select.poll()
        poller.register(conn.fileno(), select.POLLIN)
    except (AttributeError, OSError, ValueError):  # not a pipe of ours
        return lambda: bool(conn.poll(0))
    return lambda: bool(poller.poll(0))


def _send_front_matter(files: list[str], conn_out: Any, stop: Any, read: Any) -> None:
    """Load each file's front matter (the build process checks that its own text has the
    same block before it takes the data; a file that fails is left to it, which reports
    the error) and send (block, data) pairs in batches, until the files the build process
    has read itself (``read``, counted from the other end) come next."""
    from ..site.document import _read_bytes
    from ..site.front_matter import load_front_matter, split
    batch: list[tuple[str, Any]] = []
    for done, path in enumerate(files):
        if stop.is_set():
            return
        if done + read.value >= len(files):  # the two have met
            break
        try:
            text = _read_bytes(path).decode("utf-8", "replace")
            fm = split(text)[0] if text.startswith("---") else ""
            data = load_front_matter(fm) if fm else None
        except Exception:
            continue
        if isinstance(data, dict) and data:
            batch.append((fm, data))
        if len(batch) >= 4 * BATCH:
            conn_out.send(batch)
            batch = []
    if batch:
        conn_out.send(batch)

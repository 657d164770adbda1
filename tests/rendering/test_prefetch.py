"""The Markdown worker (jekyllpy/rendering/prefetch.py)."""

from __future__ import annotations

import multiprocessing

import pytest

from jekyllpy import markdownify
from jekyllpy.rendering import prefetch


def test_a_stopped_worker_drops_the_rest_of_its_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    stop = multiprocessing.get_context("fork").Event()
    monkeypatch.setattr(prefetch, "_options", {})
    monkeypatch.setattr(prefetch, "_stop", stop)
    jobs = [("*a*", False), ("b", True)]
    assert prefetch._convert_batch(jobs) == [
        (markdownify("*a*"), None), (markdownify("b"), markdownify(markdownify("b")))]
    stop.set()
    assert prefetch._convert_batch(jobs) == [(None, None), (None, None)]


def test_prefetched_conversions_are_taken_and_closing_stops_the_worker(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JEKYLLPY_WORKERS", "1")
    monkeypatch.setattr(prefetch, "MIN_FILES", 1)
    texts = [(i, f"text *{i}*", False) for i in range(40)]
    fetch = prefetch.MarkdownPrefetch({}, texts, from_the_end=False)
    assert fetch._executor is not None
    futures = {id(entry[1]): entry[1] for entry in fetch._pending.values()}
    for future in futures.values():
        future.result(timeout=60)
    assert fetch.take(0, "text *0*") == markdownify("text *0*")
    assert fetch.take(1, "changed") is None  # converted from other text: not used
    fetch.close()
    assert fetch._stop.is_set()


def test_a_stream_converts_texts_sent_as_they_come(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prefetch, "BATCH", 3)
    stream = prefetch.ExcerptStream({})
    texts = [f"text *{i}*" for i in range(7)]
    for text in texts:
        stream.add(text)
    stream.flush()  # the seventh
    import time
    deadline = time.monotonic() + 60
    while len(stream._done) < 7 and time.monotonic() < deadline:
        stream.drain()
        time.sleep(0.01)
    assert [stream.take(None, t) for t in texts] == [markdownify(t) for t in texts]
    assert stream.take(None, "never sent") is None
    stream.close()
    assert stream._stop.is_set()
    stream._process.join(timeout=60)
    assert stream._process.exitcode == 0


def test_render_page_streams_excerpts_while_reading(tmp_path, monkeypatch) -> None:
    """A page listing excerpts of enough posts: they are sent to the worker as the posts
    are read, and the page is the build's, byte for byte."""
    import jekyllpy
    from jekyllpy.site import build

    monkeypatch.setenv("JEKYLLPY_WORKERS", "1")
    src = tmp_path / "src"
    (src / "_posts").mkdir(parents=True)
    (src / "_layouts").mkdir()
    (src / "_layouts" / "list.html").write_text(
        "{% for post in site.posts %}<li>{{ post.excerpt }}</li>{% endfor %}{{ content }}")
    (src / "index.md").write_text("---\nlayout: list\n---\nAll *posts*\n")
    for i in range(prefetch.MIN_FILES + 5):
        liquid = "{{ page.title }} " if i % 7 == 0 else ""  # converted in this process
        (src / "_posts" / f"2020-01-{i % 28 + 1:02d}-p{i}.md").write_text(
            f"---\ntitle: P{i}\n---\n{liquid}First *{i}* [x][r]\n\nRest {i}\n\n[r]: /r{i}\n")
    sent: list[str] = []
    add = prefetch.ExcerptStream.add
    monkeypatch.setattr(prefetch.ExcerptStream, "add",
                        lambda self, text: (sent.append(text), add(self, text))[1])
    site = build(src, tmp_path / "_site")
    page = jekyllpy.render_page(src / "index.md")
    assert page == site.pages[0].output
    assert len(sent) == prefetch.MIN_FILES + 5 - 7  # those without Liquid
    # sent newest (last by name) first: what the page renders first is converted first
    names = sorted(((f"2020-01-{i % 28 + 1:02d}-p{i}.md", i)
                    for i in range(prefetch.MIN_FILES + 5)), reverse=True)
    assert [int(text.split("*")[1]) for text in sent] == [i for _, i in names if i % 7]


def test_render_page_takes_front_matter_the_worker_loaded(tmp_path, monkeypatch) -> None:
    """The oldest posts' front matter is loaded by the worker and taken for exactly the
    same text; a post whose YAML fails there is loaded, and reported, by render_page."""
    import jekyllpy
    from jekyllpy.site import build

    monkeypatch.setenv("JEKYLLPY_WORKERS", "1")
    src = tmp_path / "src"
    (src / "_posts" / "sub").mkdir(parents=True)  # a folder among the posts' names
    (src / "_layouts").mkdir()
    (src / "_layouts" / "list.html").write_text(
        "{% for post in site.posts %}<li>{{ post.title }} {{ post.tags | join: ',' }} "
        "{{ post.date }} {{ post.excerpt }}</li>{% endfor %}")
    (src / "index.md").write_text("---\nlayout: list\n---\nAll\n")
    count = prefetch.MIN_FILES + 10
    for i in range(count):
        front = f"title: P{i}\ntags: [t{i % 3}, shared]\ndate: 2020-01-{i % 28 + 1:02d} 10:00:{i % 60:02d} +0100\n"
        if i == 1:
            front = "title: [unclosed\n"  # among the oldest: the worker gives up on it
        (src / "_posts" / f"2020-01-{i % 28 + 1:02d}-p{i:02d}.md").write_text(
            f"---\n{front}---\nFirst *{i}*\n\nRest\n")
    taken: list[object] = []
    take = prefetch.ExcerptStream.take_front_matter

    def take_after_the_worker_started(self: prefetch.ExcerptStream, fm: str) -> object:
        if not taken:  # wait for the worker's first batch: the test must not race it
            self._in.poll(30)
        data = take(self, fm)
        taken.append(data)
        return data

    monkeypatch.setattr(prefetch.ExcerptStream, "take_front_matter",
                        take_after_the_worker_started)
    site = build(src, tmp_path / "_site")
    page = jekyllpy.render_page(src / "index.md")
    assert page == site.pages[0].output
    loaded = [d for d in taken if d is not None]
    # some from the worker (not the one whose YAML fails: render_page reports that one);
    # every post's front matter is asked for once
    assert loaded and len(taken) == count


def test_the_stream_worker_goes_on_from_where_the_build_process_is(monkeypatch) -> None:
    """Texts the build process has already asked for (and so converted itself) are not
    converted again by the worker: it goes on from the next one."""

    class Batches:  # the worker's end of the pipe from the build process
        def __init__(self, batches: list[list[str]]) -> None:
            self.batches = batches

        def poll(self, timeout: float = 0) -> bool:
            return bool(self.batches)

        def recv(self) -> list[str]:
            return self.batches.pop(0)

    class Sent:
        def __init__(self) -> None:
            self.messages: list[dict[str, str]] = []

        def send(self, message: dict[str, str]) -> None:
            self.messages.append(message)

    class Taken:  # the build process has asked for the first three texts already
        value = 3

    class Stop:  # set once the worker has nothing left to do
        def is_set(self) -> bool:
            return not conn_in.batches and len(converted) >= 5

    converted: list[str] = []
    monkeypatch.setattr(prefetch, "_convert", lambda text: converted.append(text) or text.upper())
    texts = [f"t{i}" for i in range(8)]
    conn_in, conn_out = Batches([texts[:5], texts[5:]]), Sent()
    prefetch._convert_received(conn_in, conn_out, Stop(), Taken())
    assert converted == texts[3:]
    sent = {k: v for message in conn_out.messages for k, v in message.items()}
    assert sent == {t: t.upper() for t in texts[3:]}

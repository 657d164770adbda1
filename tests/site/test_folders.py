"""The destination's folders made in the background (jekyllpy/site/folders.py)."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest

from jekyllpy.errors import JekyllpyError
from jekyllpy.site import build, folders
from jekyllpy.site.folders import FolderMaker

TIME = {"time": "2024-06-01 03:04:05"}


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def entries(folder: Path) -> dict[str, bytes | None]:
    """Every file (its bytes) and folder (None) under ``folder``."""
    return {p.relative_to(folder).as_posix(): (p.read_bytes() if p.is_file() else None)
            for p in sorted(folder.rglob("*"))}


def dated_site(root: Path, posts: int = 80) -> Path:
    """Posts on ``posts`` different days: one folder each."""
    src = root / "src"
    for i in range(posts):
        day = _dt.date(2024, 1, 1) + _dt.timedelta(days=i)
        write(src / "_posts" / f"{day.isoformat()}-post-{i}.md",
              f"---\ntitle: Post {i}\n---\nText {i}\n")
    write(src / "about.md", "---\npermalink: /about/\n---\nAbout\n")
    write(src / "assets" / "x.txt", "static")
    return src


def test_same_tree_as_folders_made_by_the_writer(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = dated_site(tmp_path)
    started: list[int] = []
    real_start = FolderMaker.start

    def start(self: FolderMaker) -> FolderMaker:
        started.append(len(self.folders))
        return real_start(self)

    monkeypatch.setattr(FolderMaker, "start", start)
    build(src, tmp_path / "background", **TIME)
    assert started and started[0] >= folders.MIN_FOLDERS  # the background path was taken
    monkeypatch.setattr(folders, "MIN_FOLDERS", 10**9)
    build(src, tmp_path / "writer", **TIME)
    assert entries(tmp_path / "background") == entries(tmp_path / "writer")


def test_a_failed_build_leaves_no_destination(tmp_path: Path) -> None:
    src = dated_site(tmp_path)
    write(src / "zz.html", "---\n---\n{% include missing.html %}\n")  # rendered last
    with pytest.raises(JekyllpyError):
        build(src, tmp_path / "out", **TIME)
    assert not (tmp_path / "out").exists()


def test_an_existing_destination_is_cleaned_and_written_as_before(tmp_path: Path) -> None:
    src = dated_site(tmp_path)
    dest = tmp_path / "out"
    write(dest / "old" / "stale.html", "old")
    build(src, dest, **TIME)
    assert not (dest / "old").exists()
    assert (dest / "2024" / "01" / "01" / "post-0.html").read_text() == "<p>Text 0</p>\n"


def test_folder_maker_reports_nothing_it_did_not_make(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    wanted = [str(tmp_path / f"d{i}" / "e") for i in range(folders.MIN_FOLDERS)]
    maker = FolderMaker([*wanted, str(blocker / "sub")]).start()
    assert maker.made() == set()  # one mkdir failed: the writer makes its folders itself
    ok = FolderMaker(wanted).start()
    assert ok.made() == set(wanted) and all(Path(p).is_dir() for p in wanted)

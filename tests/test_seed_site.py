"""The seed page, ../shared/seeds/about.md, in a minima site with jekyll-feed and
jekyll-seo-tag: jekyllpy must write the same ``about/index.html`` as ``jekyll build``.

The seed is not copied into the project, so both builds run here: the test needs the
shared folder and Ruby Jekyll with the minima theme, and skips cleanly without them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from jekyllpy.site import build

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seeds" / "about.md"

CONFIG = """\
title: Seed Site
description: A minima site around the seed page.
url: "https://example.org"
timezone: UTC
theme: minima
plugins:
  - jekyll-feed
  - jekyll-seo-tag
"""


def _site(root: Path) -> Path:
    src = root / "source"
    src.mkdir()
    (src / "_config.yml").write_text(CONFIG, encoding="utf-8")
    shutil.copyfile(SEED, src / "about.md")
    (src / "index.md").write_text("---\nlayout: home\n---\n", encoding="utf-8")
    return src


@pytest.mark.skipif(not SEED.is_file(), reason="../shared/seeds/about.md not present")
@pytest.mark.skipif(shutil.which("jekyll") is None, reason="Ruby Jekyll not installed")
def test_seed_about_page_matches_jekyll(tmp_path: Path) -> None:
    src = _site(tmp_path)
    env = {k: v for k, v in os.environ.items() if k != "JEKYLL_ENV"}
    env.update(TZ="UTC", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    proc = subprocess.run(["jekyll", "build", "-q", "--disable-disk-cache", "-s", str(src),
                           "-d", str(tmp_path / "jekyll")], env=env, capture_output=True,
                          text=True)
    if proc.returncode != 0:
        pytest.skip(f"jekyll build failed here (minima or a plugin missing?): {proc.stderr[-300:]}")
    build(src, tmp_path / "jekyllpy")
    expected = (tmp_path / "jekyll" / "about" / "index.html").read_bytes()
    actual = (tmp_path / "jekyllpy" / "about" / "index.html").read_bytes()
    assert actual == expected

"""``Site``: reset -> read -> render -> write, in Jekyll's order (lib/jekyll/site.rb)."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import yaml
from liquid import Environment

from .. import markdownify
from ..config import DEFAULTS, deep_merge
from .front_matter import FrontMatterError, has_front_matter, parse


class BuildError(Exception):
    """A problem that stops the build, with the file (and line) it concerns."""


@dataclass(slots=True)
class Page:
    """A source file with front matter, rendered to ``output`` at ``url``."""

    path: Path
    relative_path: str
    data: dict[str, Any]
    content: str
    url: str = ""
    output: str = ""


@dataclass(slots=True)
class Site:
    source: Path
    destination: Path
    config: dict[str, Any]
    pages: list[Page] = field(default_factory=list)
    static_files: list[Path] = field(default_factory=list)
    layouts: dict[str, Page] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    # -- read --------------------------------------------------------------------------------
    def read(self) -> None:
        layouts_dir = self.source / self.config.get("layouts_dir", "_layouts")
        if layouts_dir.is_dir():
            for path in sorted(layouts_dir.iterdir()):
                if path.is_file():
                    parsed = parse(path.read_text(encoding="utf-8"), str(path))
                    self.layouts[path.stem] = Page(path, path.name, parsed.data or {},
                                                   parsed.content)
        for path in self._walk(self.source):
            text = path.read_bytes()
            rel = path.relative_to(self.source).as_posix()
            try:
                decoded = text.decode("utf-8")
            except UnicodeDecodeError:
                decoded = None
            if decoded is not None and has_front_matter(decoded):
                try:
                    parsed = parse(decoded, rel)
                except FrontMatterError as exc:
                    self.warnings.append(str(exc))  # Jekyll warns and skips the file
                    continue
                data = parsed.data or {}
                if data.get("published") is False:
                    continue
                self.pages.append(Page(path, rel, data, parsed.content))
            else:
                self.static_files.append(path)

    def _walk(self, root: Path):
        excluded = set(self.config.get("exclude") or [])
        dest = self.destination.resolve()
        for dirpath, dirnames, filenames in os.walk(root):
            here = Path(dirpath)
            dirnames[:] = sorted(d for d in dirnames if not self._skip(here / d, d, excluded)
                                 and (here / d).resolve() != dest)
            for name in sorted(filenames):
                if not self._skip(here / name, name, excluded):
                    yield here / name

    def _skip(self, path: Path, name: str, excluded: set[str]) -> bool:
        rel = path.relative_to(self.source).as_posix()
        if name in (self.config.get("include") or []):
            return False
        return (name.startswith((".", "_", "#")) or name.endswith("~") or rel in excluded
                or name in ("Gemfile", "Gemfile.lock", "node_modules"))

    # -- render --------------------------------------------------------------------------------
    def render(self) -> None:
        env = Environment()
        site_vars = dict(self.config)
        for page in self.pages:
            page.url = self._url_for(page)
            page_vars = {**page.data, "url": page.url, "path": page.relative_path}
            content = env.from_string(page.content).render(site=site_vars, page=page_vars)
            if self._is_markdown(page.relative_path):
                content = markdownify(content, self.config)
            layout_name = page.data.get("layout")
            seen = set()
            while layout_name and layout_name in self.layouts and layout_name not in seen:
                seen.add(layout_name)
                layout = self.layouts[layout_name]
                content = env.from_string(layout.content).render(
                    content=content, site=site_vars, page=page_vars, layout=layout.data)
                layout_name = layout.data.get("layout")
            page.output = content

    def _is_markdown(self, rel: str) -> bool:
        exts = {"." + e for e in str(self.config.get("markdown_ext", "")).split(",") if e}
        return PurePosixPath(rel).suffix in exts

    def _url_for(self, page: Page) -> str:
        permalink = page.data.get("permalink")
        if permalink:
            return "/" + str(permalink).lstrip("/")
        rel = PurePosixPath(page.relative_path)
        ext = ".html" if self._is_markdown(page.relative_path) else rel.suffix
        stem = rel.with_suffix("")
        if stem.name == "index" and ext == ".html":
            parent = stem.parent.as_posix()
            return "/" if parent == "." else f"/{parent}/"
        return f"/{stem.as_posix()}{ext}"

    # -- write ---------------------------------------------------------------------------------
    def write(self) -> None:
        source, dest = self.source.resolve(), self.destination.resolve()
        if dest == source or source.is_relative_to(dest):
            # Cleaning such a destination would delete the source (Jekyll refuses it too).
            raise BuildError("Destination directory cannot be or contain the Source directory.")
        if self.destination.exists():
            shutil.rmtree(self.destination)
        for page in self.pages:
            target = self._destination_path(page.url)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(page.output.encode("utf-8"))
        for path in self.static_files:
            target = self.destination / path.relative_to(self.source)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)

    def _destination_path(self, url: str) -> Path:
        rel = url.lstrip("/")
        if not rel or rel.endswith("/"):
            rel += "index.html"
        target = (self.destination / rel).resolve()
        if self.destination.resolve() not in target.parents:
            raise BuildError(f"refusing to write outside the destination: {url}")
        return target

    def process(self) -> None:
        self.read()
        self.render()
        self.write()


def load_config(source: Path, config_files: list[Path] | None = None) -> dict[str, Any]:
    """Jekyll's defaults with ``_config.yml`` (or the given files, in order) merged over."""
    config = dict(DEFAULTS)
    files = config_files or [p for p in (source / "_config.yml",) if p.exists()]
    for path in files:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = f":{mark.line + 1}" if mark is not None else ""
            raise BuildError(f"{path}{line}: invalid YAML in configuration file: "
                             f"{getattr(exc, 'problem', exc)}") from exc
        if not isinstance(data, dict):
            raise BuildError(f"{path}: the configuration file must hold a mapping")
        config = deep_merge(config, data)
    return config


def build(source: str | os.PathLike[str], destination: str | os.PathLike[str] | None = None,
          config_files: list[Path] | None = None) -> Site:
    """Build ``source`` into ``destination`` (default ``SOURCE/_site``) and return the Site."""
    src = Path(source)
    if not src.is_dir():
        raise BuildError(f"source folder not found: {src}")
    dest = Path(destination) if destination is not None else src / "_site"
    config = load_config(src, config_files)
    site = Site(src, dest, config)
    site.process()
    return site

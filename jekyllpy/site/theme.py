"""Gem-based themes (``theme: NAME``) found on disk without Ruby.

Jekyll asks RubyGems for the theme gem's folder; we look where gems are installed: the
folders of ``GEM_HOME``/``GEM_PATH``, the user's ``~/.gem``, Debian's
``/usr/share/rubygems-integration`` and ``/var/lib/gems``, and any folders listed in the
site's ``theme_dirs`` setting (a folder holding ``NAME`` or ``NAME-VERSION``).  The newest
version wins.  A theme contributes ``_layouts``, ``_includes``, ``_sass``, ``_data`` and
``assets``.
"""

from __future__ import annotations

import glob
import os
import re
from pathlib import Path
from typing import Any

from ..errors import JekyllpyError


class ThemeNotFound(JekyllpyError):
    pass


class Theme:
    def __init__(self, name: str, root: Path) -> None:
        self.name = name
        self.root = root.resolve()

    def _path(self, folder: str) -> Path | None:
        p = self.root / folder
        return p if p.is_dir() else None

    @property
    def layouts_path(self) -> Path | None:
        return self._path("_layouts")

    @property
    def includes_path(self) -> Path | None:
        return self._path("_includes")

    @property
    def sass_path(self) -> Path | None:
        return self._path("_sass")

    @property
    def assets_path(self) -> Path | None:
        return self._path("assets")

    @property
    def data_path(self) -> Path | None:
        return self._path("_data")

    @property
    def runtime_dependencies(self) -> list[str]:
        """Gem names the theme's gemspec lists as runtime dependencies (Jekyll loads them as
        plugins before the site's own ``plugins:``); empty without a gemspec beside it."""
        spec = self.root.parent.parent / "specifications" / f"{self.root.name}.gemspec"
        if not spec.is_file():
            return []
        text = spec.read_text(encoding="utf-8", errors="replace")
        names = re.findall(r"add_runtime_dependency\(%q<([^>]+)>", text)
        return [n for n in dict.fromkeys(names) if n != "jekyll"]


def gem_dirs(config: dict[str, Any] | None = None, source: Path | None = None) -> list[Path]:
    """Folders that may hold installed gems, in search order."""
    dirs: list[Path] = []
    for item in (config or {}).get("theme_dirs") or []:
        p = Path(str(item))
        dirs.append(p if p.is_absolute() or source is None else source / p)
    for var in ("GEM_HOME", "GEM_PATH"):
        for part in os.environ.get(var, "").split(os.pathsep):
            if part:
                dirs.append(Path(part) / "gems")
    home = Path.home()
    dirs += [Path(p) for p in sorted(glob.glob(str(home / ".gem" / "ruby" / "*" / "gems")))]
    dirs += [Path(p) for p in sorted(glob.glob("/var/lib/gems/*/gems"))]
    dirs += [Path("/usr/share/rubygems-integration/all/gems")]
    dirs += [Path(p) for p in sorted(glob.glob("/usr/lib/ruby/gems/*/gems"))]
    dirs += [Path(p) for p in sorted(glob.glob("/usr/local/lib/ruby/gems/*/gems"))]
    return dirs


def _version_key(path: Path, name: str) -> tuple:
    version = path.name[len(name) + 1:]
    return tuple(int(x) if x.isdigit() else -1 for x in re.split(r"[.-]", version) if x)


def find_gem(name: str, config: dict[str, Any] | None = None,
             source: Path | None = None) -> Path | None:
    for folder in gem_dirs(config, source):
        if not folder.is_dir():
            continue
        exact = folder / name
        if exact.is_dir():
            return exact
        found = [Path(p) for p in glob.glob(str(folder / f"{glob.escape(name)}-*"))
                 if re.fullmatch(re.escape(name) + r"-\d[\w.]*", Path(p).name)]
        if found:
            return max(found, key=lambda p: _version_key(p, name))
    return None


def find_theme(config: dict[str, Any], source: Path) -> Theme | None:
    name = config.get("theme")
    if not name or not isinstance(name, str):
        return None
    root = find_gem(name, config, source)
    if root is None:
        raise ThemeNotFound(
            f"The {name} theme could not be found: looked in "
            + ", ".join(str(d) for d in gem_dirs(config, source))
            + " (set theme_dirs: in _config.yml to a folder holding it)")
    return Theme(name, root)

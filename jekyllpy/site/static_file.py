"""Static files: copied byte for byte (Jekyll's ``StaticFile``).

Outside collections a static file keeps its path; inside an output collection its URL
comes from the collection's permalink template with the file's extension put back.
"""

from __future__ import annotations

import datetime as _dt
import posixpath
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import url as urls

if TYPE_CHECKING:
    from .collection import Collection
    from .site import Site


#: rendering.drops.StaticFileDrop, imported when first needed (see StaticFile.to_liquid)
_StaticFileDrop: Any = None


class StaticFile:
    def __init__(self, site: "Site", base: Path, dir: str, name: str,
                 collection: "Collection | None" = None) -> None:
        self.site = site
        self.dir = dir
        self.name = name
        self.collection = collection
        # Ruby's File.join(dir, name): "" + "a.png" gives "/a.png"; "_coll" gives "_coll/a.png"
        self.relative_path = f"{dir.rstrip('/')}/{name}"
        self.path = base / dir.strip("/") / name
        self.extname = posixpath.splitext(name)[1]
        self.basename = name[:len(name) - len(self.extname)].rstrip(".")
        self._url: str | None = None
        self._data: dict[str, Any] | None = None

    @property
    def type(self) -> str | None:
        return self.collection.label if self.collection is not None else None

    @property
    def url(self) -> str:
        if self._url is None:
            cleaned = self.relative_path[:len(self.relative_path) - len(self.extname)] \
                if self.extname else self.relative_path
            cleaned = cleaned.rstrip(".")
            if self.collection is None:
                base = cleaned
            else:
                cleaned = cleaned.replace(self.collection.relative_directory, "", 1)
                base = urls.url(self.collection.url_template, {
                    "collection": self.collection.label, "path": cleaned, "output_ext": "",
                    "name": self.basename, "title": ""})
            self._url = (base[:-1] if base.endswith("/") else base) + self.extname
        return self._url

    @property
    def data(self) -> dict[str, Any]:
        if self._data is None:
            self._data = self.site.defaults.all(self.relative_path, self.type or "")
        return self._data

    @property
    def modified_time(self) -> _dt.datetime:
        stamp = self.path.stat().st_mtime
        return _dt.datetime.fromtimestamp(stamp, tz=self.site.timezone)

    def write_p(self) -> bool:
        published = self.site.defaults.all(self.url, self.type or "").get("published", True)
        if self.collection is None:
            return published is not False
        return published is not False and self.collection.write_p()

    def destination(self, dest: Path) -> Path:
        return urls.destination_path(dest, self.url, "", "page")

    def write(self, dest: Path) -> None:
        target = self.destination(dest)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(self.path, target)

    def to_liquid(self) -> Any:
        global _StaticFileDrop
        if _StaticFileDrop is None:  # imported once (the rendering package imports us)
            from ..rendering.drops import StaticFileDrop as _StaticFileDrop
        return _StaticFileDrop(self)

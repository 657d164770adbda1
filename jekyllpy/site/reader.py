"""Reading a site's source, in Jekyll's order (``Reader#read``): layouts, then every folder
(pages, static files, posts and drafts found in ``_posts``/``_drafts`` at any depth), then
the other collections, then ``_data``.  What is read is sorted as Jekyll sorts it: pages by
file name, static files by relative path, documents by date then path.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from .collection import has_yaml_header
from .data_reader import read_data
from .document import DATE_FILENAME, DATELESS_FILENAME, Document
from .entry_filter import EntryFilter
from .page import Layout, Page
from .static_file import StaticFile

if TYPE_CHECKING:
    from .site import Site


class Reader:
    def __init__(self, site: "Site") -> None:
        self.site = site

    def read(self) -> None:
        site = self.site
        # Posts newest first (render_page handing them to a second process) are also read
        # last: that process, which starts on the oldest at once, gets further before the
        # two meet.  Nothing read here depends on the posts, and what is read is sorted.
        self._posts_later: list[str] | None = [] if site.read_posts_newest_first else None
        site.layouts = self.read_layouts()
        self.read_directories("")
        site.pages.sort(key=lambda p: p.name.encode("utf-8"))
        site.static_files.sort(key=lambda f: f.relative_path.encode("utf-8"))
        if self._posts_later is None:
            site.posts.sort_docs()
        for label, collection in site.collections.items():
            if label != "posts":
                collection.read()
        self.read_theme_assets()
        data_dir = site.source / str(site.config.get("data_dir") or "_data")
        site.data = read_data(data_dir, site.config)
        if site.theme is not None and site.theme.data_path is not None:
            from ..config import deep_merge
            site.data = deep_merge(read_data(site.theme.data_path, site.config), site.data)
        if self._posts_later is not None:
            dirs, self._posts_later = self._posts_later, None
            for dir in dirs:
                self.retrieve_posts(dir)
            site.posts.sort_docs()

    # -- theme assets --------------------------------------------------------------------------
    def read_theme_assets(self) -> None:
        """The theme's ``assets`` folder: pages and static files, unless the site has a file
        at the same relative path (Jekyll's ``ThemeAssetsReader``)."""
        site = self.site
        theme = site.theme
        if theme is None or theme.assets_path is None:
            return
        found = []
        for dirpath, dirnames, filenames in os.walk(theme.assets_path):
            dirnames.sort()
            found += [Path(dirpath) / n for n in sorted(filenames)]
        for path in found:
            if path.is_symlink():
                site.warn(f"Theme reader: Skipping theme asset {path}: symlinks are not allowed.")
                continue
            rel_dir = path.parent.relative_to(theme.root).as_posix()
            if has_yaml_header(path):
                page = Page(site, rel_dir, path.name, base=theme.root)
                if not any(p.relative_path == page.relative_path for p in site.pages):
                    site.pages.append(page)
            else:
                static = StaticFile(site, theme.root, "/" + rel_dir, path.name)
                if not any(f.relative_path == static.relative_path for f in site.static_files):
                    site.static_files.append(static)

    # -- layouts ---------------------------------------------------------------------------------
    def read_layouts(self) -> dict[str, Layout]:
        layouts: dict[str, Layout] = {}
        site = self.site
        roots = [(site.source / str(site.config.get("layouts_dir") or "_layouts"), site.source)]
        if site.theme is not None and site.theme.layouts_path is not None:
            roots.append((site.theme.layouts_path, site.theme.root))
        for folder, root in roots:
            if not folder.is_dir():
                continue
            entries = []
            for dirpath, dirnames, filenames in os.walk(folder):
                dirnames.sort()
                rel = os.path.relpath(dirpath, folder).replace(os.sep, "/")
                entries += [n if rel == "." else f"{rel}/{n}" for n in filenames if "." in n]
            filt = EntryFilter(site.source, site.include, site.exclude)
            for entry in filt.filter(sorted(entries)):
                name = entry.rsplit(".", 1)[0]
                if name not in layouts:
                    layouts[name] = Layout(site, folder, entry, root)
        return layouts

    # -- folders -------------------------------------------------------------------------------------
    def read_directories(self, dir: str) -> None:
        site = self.site
        base = site.source / dir.lstrip("/")
        if not base.is_dir():
            return
        filt = EntryFilter(site.source, site.include, site.exclude, dir)
        dirs, pages, statics = [], [], []
        for entry in filt.filter(sorted(os.listdir(base))):
            path = base / entry
            if path.is_dir():
                dirs.append(entry)
            elif has_yaml_header(path):
                pages.append(entry)
            else:
                statics.append(entry)
        self.retrieve_posts(dir)
        dest = site.destination.resolve()
        for entry in dirs:
            if (base / entry).resolve() != dest:
                self.read_directories(f"{dir}/{entry}")
        for name in pages:
            page = Page(site, dir.lstrip("/"), name)
            if site.publish(page):
                site.pages.append(page)
        for name in statics:
            site.static_files.append(StaticFile(site, site.source, dir, name))

    def retrieve_posts(self, dir: str) -> None:
        if getattr(self, "_posts_later", None) is not None:
            self._posts_later.append(dir)  # read at the end (see read)
            return
        site = self.site
        collections_dir = str(site.config.get("collections_dir") or "")
        if collections_dir and not dir.startswith(f"/{collections_dir}"):
            return
        posts = site.posts
        posts.docs += self._read_publishable(dir, "_posts", DATE_FILENAME.pattern)
        if site.config.get("show_drafts"):
            posts.docs += self._read_publishable(dir, "_drafts", DATELESS_FILENAME.pattern)

    def _read_publishable(self, dir: str, magic: str, pattern: str) -> list[Document]:
        import re
        site = self.site
        matcher = re.compile(pattern)
        folder = site.source / dir.lstrip("/") / magic
        if not folder.is_dir():
            return []
        entries = []
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames.sort()
            rel = os.path.relpath(dirpath, folder).replace(os.sep, "/")
            entries += [n if rel == "." else f"{rel}/{n}" for n in filenames]
        filt = EntryFilter(site.source, site.include, site.exclude, f"{dir}/{magic}")
        docs = []
        hook = site.post_read_hook
        # os.walk lists folders (symlinked ones too) apart from files: no entry is a folder
        entries = [entry for entry in filt.filter(sorted(entries)) if matcher.match(entry)]
        newest_first = site.read_posts_newest_first
        for entry in reversed(entries) if newest_first else entries:
            doc = Document(site, folder / entry, site.posts)
            doc.read()
            if doc.content is not None and site.publish(doc):
                docs.append(doc)
                if hook is not None:
                    hook(doc)
        if newest_first:
            docs.reverse()
        return docs

"""Front matter defaults: the ``defaults:`` sets of the configuration, by scope.

A set applies to a file when its scope's ``type`` (``pages``, ``posts``, a collection label,
...) and ``path`` (a prefix of the file's relative path, or a glob) both match.  Among the
sets that apply, a longer scope path wins, and at equal length a scope with a type wins;
the file's own front matter wins over all of them (the caller merges it on top).
"""

from __future__ import annotations

import glob
import os
from pathlib import Path
from typing import Any, Mapping

from ..config import deep_merge
from .front_matter import copy_data

_OLD_TYPES = {"page": "pages", "post": "posts", "draft": "drafts"}
#: a scope naming no type
_ANY = object()


class FrontmatterDefaults:
    def __init__(self, source: Path, config: Mapping[str, Any]) -> None:
        self.source = source
        self.collections_dir = str(config.get("collections_dir") or "")
        sets = config.get("defaults")
        self.sets: list[dict[str, Any]] = []
        for item in sets if isinstance(sets, list) else []:
            if isinstance(item, dict) and isinstance(item.get("values"), dict):
                scope = item.get("scope")
                if isinstance(scope, dict) and scope.get("type") in _OLD_TYPES:
                    scope = {**scope, "type": _OLD_TYPES[scope["type"]]}
                self.sets.append({**item, "scope": scope} if "scope" in item else item)
        self._globs: dict[str, list[str]] = {}
        #: each set's scope worked out once: (set, type or _ANY, path or None, is a glob)
        self._scopes = [self._scope_of(item) for item in self.sets]
        #: the merged values of each combination of sets met so far: a thousand posts
        #: in one folder all get the same
        self._merged: dict[tuple[int, ...], dict[str, Any]] = {}

    def all(self, path: str, type: str) -> dict[str, Any]:
        """Every default value for the file at ``path`` (relative to the source), in a
        dict of the caller's own: callers keep it, and change what is in it."""
        sets = self._matching_sets(path, type)
        if not sets:
            return {}
        key = tuple(map(id, sets))
        merged = self._merged.get(key)
        if merged is None:
            merged = self._merged[key] = self._merge(sets)
        return copy_data(merged)

    def _merge(self, sets: list[dict[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        old_scope: Any = None
        for item in sets:
            if self._has_precedence(old_scope, item.get("scope")):
                result = deep_merge(result, item["values"])
                old_scope = item.get("scope")
            else:
                result = deep_merge(item["values"], result)
        return result

    def find(self, path: str, type: str, key: str) -> Any:
        """The default for one key (Jekyll consults this for keys a file does not set)."""
        value = None
        old_scope: Any = None
        for item in self._matching_sets(path, type):
            if key in item["values"] and self._has_precedence(old_scope, item.get("scope")):
                value = item["values"][key]
                old_scope = item.get("scope")
        return value

    # -- matching ----------------------------------------------------------------------------
    def _matching_sets(self, path: str, type: str) -> list[dict[str, Any]]:
        """The sets whose scope takes in the file: its type (when the scope names one)
        and the start of its path, or a file the scope's glob finds around it."""
        clean = _sanitize(path)
        found = []
        for item, scope_type, scope_path, is_glob in self._scopes:
            if scope_type is not _ANY and scope_type != type:
                continue
            if scope_path is None or (
                    any(clean.startswith(self._strip_collections_dir(match))
                        for match in self._glob(scope_path))
                    if is_glob else clean.startswith(scope_path)):
                found.append(item)
        return found

    def _scope_of(self, item: dict[str, Any]) -> tuple[dict[str, Any], Any, str | None, bool]:
        """What :meth:`_matching_sets` compares: a scope that is no mapping takes in
        everything; a ``type`` given as anything is compared as text; a ``path`` that is
        no text, or empty, takes in every path; a plain path is compared without the
        collections folder, a glob's files are (when looked for)."""
        scope = item.get("scope")
        if "scope" not in item or not isinstance(scope, dict):
            return item, _ANY, None, False
        scope_type = str(scope["type"]) if "type" in scope else _ANY
        scope_path = scope.get("path")
        if not isinstance(scope_path, str) or not scope_path:
            return item, scope_type, None, False
        if "*" in scope_path:
            return item, scope_type, scope_path, True
        return item, scope_type, self._strip_collections_dir(scope_path), False

    def _glob(self, scope_path: str) -> list[str]:
        found = self._globs.get(scope_path)
        if found is None:
            root = str(self.source)
            found = self._globs[scope_path] = [
                os.path.relpath(p, root).replace(os.sep, "/")
                for p in sorted(glob.glob(os.path.join(root, scope_path)))]
        return found

    def _strip_collections_dir(self, path: str) -> str:
        prefix = f"{self.collections_dir}/"
        if self.collections_dir and path.startswith(prefix):
            return path.replace(prefix, "", 1)
        return path

    @staticmethod
    def _has_precedence(old_scope: Any, new_scope: Any) -> bool:
        if old_scope is None:
            return True
        new_scope = new_scope if isinstance(new_scope, dict) else {}
        old_scope = old_scope if isinstance(old_scope, dict) else {}
        new_path = _sanitize(new_scope.get("path"))
        old_path = _sanitize(old_scope.get("path"))
        if len(new_path) != len(old_path):
            return len(new_path) >= len(old_path)
        if "type" in new_scope:
            return True
        return "type" not in old_scope


def _sanitize(path: Any) -> str:
    if not path:
        return ""
    path = str(path)
    return path[1:] if path.startswith("/") else path

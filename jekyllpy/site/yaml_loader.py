"""YAML as Jekyll reads it (configuration, data files, front matter): PyYAML's safe loader
on libyaml (the parser Ruby's Psych uses too), with errors that name the file and line."""

from __future__ import annotations

from typing import Any

import yaml

from ..errors import JekyllpyError


class SiteLoader(yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader):  # type: ignore[misc]
    """PyYAML's safe loader (libyaml's parser where PyYAML was built with it) that
    remembers what each plain scalar resolves to.  Resolving tries a pattern per type a
    scalar could be (bool, int, float, null, timestamp) in Python; a site's files repeat
    the same keys and many of the same values (``layout: post``, ``true``) over and over,
    so most answers are already known."""

    _resolved: dict[str, str] = {}

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        # the answer for a plain scalar depends on its text alone (no path resolvers)
        if kind is yaml.ScalarNode and implicit[0] and not self.yaml_path_resolvers:
            tag = self._resolved.get(value)
            if tag is None:
                tag = super().resolve(kind, value, implicit)
                if len(self._resolved) >= 65536:
                    self._resolved.clear()
                self._resolved[value] = tag
            return tag
        return super().resolve(kind, value, implicit)


class YAMLFileError(JekyllpyError, ValueError):
    """Invalid YAML in a site file; the message names the file and line."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: invalid YAML: {message}")
        self.path = path
        self.line = line


def load_yaml(text: str, path: str) -> Any:
    """The text's first YAML document (None when it has none).

    A file of several documents (``---`` between them, as in a collection's ``.yml`` file
    written with front matter) gives its first, as Ruby's YAML loader gives it; what
    follows is not even parsed.  PyYAML's ``safe_load`` would refuse the file instead."""
    try:
        return next(yaml.load_all(text, Loader=SiteLoader), None)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise YAMLFileError(path, line, str(getattr(exc, "problem", None) or exc)) from exc

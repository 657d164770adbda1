"""YAML as Jekyll reads it (configuration, data files): PyYAML's safe loader, with errors
that name the file and line."""

from __future__ import annotations

from typing import Any

import yaml

from ..errors import JekyllpyError


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
        return next(yaml.safe_load_all(text), None)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise YAMLFileError(path, line, str(getattr(exc, "problem", None) or exc)) from exc

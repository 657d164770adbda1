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

    def construct_document(self, node: Any) -> Any:
        """What PyYAML's constructor makes of the document, made directly for the usual
        shapes (mappings, lists, strings, numbers, booleans, null, dates; anchors and
        aliases, which give one shared object as there): its general machinery, built
        for recursive structures and merge keys, costs most of a small file's loading.
        Anything else (``<<``, sets, ``!!binary``, tags of the file's own, a structure
        holding itself) is left to that machinery, from the start."""
        try:
            return self._construct(node, {})
        except _Unusual:
            return super().construct_document(node)

    def _construct(self, node: Any, made: dict[int, Any]) -> Any:
        kind, tag = type(node), node.tag
        if kind is yaml.ScalarNode:
            if tag == _STR:
                return node.value
            if tag in _SCALARS:
                return self.yaml_constructors[tag](self, node)
            raise _Unusual
        found = made.get(id(node), _NOTHING)
        if found is not _NOTHING:
            if found is _UNDER_WAY:  # an alias inside its own anchor
                raise _Unusual
            return found
        made[id(node)] = _UNDER_WAY
        if kind is yaml.SequenceNode and tag == _SEQ:
            value: Any = [self._construct(item, made) for item in node.value]
        elif kind is yaml.MappingNode and tag == _MAP:
            value = {}
            for key_node, value_node in node.value:
                # a key is one of those scalars (a merge key "<<" or "=" is not), never
                # a list or mapping (which cannot be a key: the error is PyYAML's)
                if type(key_node) is not yaml.ScalarNode:
                    raise _Unusual
                value[self._construct(key_node, made)] = self._construct(value_node, made)
        else:
            raise _Unusual
        made[id(node)] = value
        return value


_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
#: scalar types whose constructor is a plain function of the node
_SCALARS = frozenset(f"tag:yaml.org,2002:{name}"
                     for name in ("null", "bool", "int", "float", "timestamp"))
_NOTHING = object()
_UNDER_WAY = object()


class _Unusual(Exception):
    """A node :meth:`SiteLoader.construct_document` leaves to PyYAML's constructor."""


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

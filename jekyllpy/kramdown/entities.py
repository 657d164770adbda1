"""The character entities kramdown knows (kramdown's lib/kramdown/utils/entities.rb).

kramdown's table is the HTML 4 set (Python's :data:`html.entities.name2codepoint`) with
these differences, all reproduced because they show in output:

* two extra names, ``apos`` (39) and ``vellip`` (8942);
* ``lceil``/``rceil`` and ``lang``/``rang`` have their code points swapped;
* numeric references 128-159 (C1 controls) mean the Windows-1252 character of that byte,
  e.g. ``&#128;`` is the euro sign.

A numeric reference to any other code point is an entity without a name; an unknown name is
no entity at all (the parser then writes the ``&`` literally).
"""

from __future__ import annotations

import html.entities
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Entity:
    """A character reference: code point and (if it has one) its name."""

    code_point: int
    name: str | None


_SWAPPED = {"lceil": 8969, "rceil": 8968, "lang": 9002, "rang": 9001}
_EXTRA = {"apos": 39, "vellip": 8942}
_WINDOWS_1252 = bytes(range(128, 160))


def _build() -> tuple[dict[str, Entity], dict[int, Entity]]:
    by_name: dict[str, Entity] = {}
    for name, cp in html.entities.name2codepoint.items():
        by_name[name] = Entity(_SWAPPED.get(name, cp), name)
    for name, cp in _EXTRA.items():
        by_name[name] = Entity(cp, name)
    by_code_point = {ent.code_point: ent for ent in by_name.values()}
    for byte in _WINDOWS_1252:
        try:
            char = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:  # 129, 141, 143, 144, 157 are unassigned in cp1252
            continue
        target = by_code_point.get(ord(char)) or Entity(ord(char), None)
        by_code_point[byte] = target
    return by_name, by_code_point


_BY_NAME, _BY_CODE_POINT = _build()


def entity_by_name(name: str) -> Entity | None:
    """The entity called ``name`` (case-sensitive), or None if kramdown does not know it."""
    return _BY_NAME.get(name)


def entity_by_code_point(code_point: int) -> Entity | None:
    """The table's entity for ``code_point`` (C1 code points remapped), or None."""
    return _BY_CODE_POINT.get(code_point)


def char(entity: Entity) -> str:
    """The character an entity stands for ('' where Ruby could not encode it)."""
    cp = entity.code_point
    if 0 <= cp <= 0x10FFFF and not 0xD800 <= cp <= 0xDFFF:
        return chr(cp)
    return ""

"""The character entities kramdown knows, by name and by code point.

kramdown 2.4's table (lib/kramdown/utils/entities.rb) is the HTML 4 entity set, which is
exactly Python's :data:`html.entities.name2codepoint`, with these differences; all of them
show in output, so they are reproduced here rather than "fixed":

* two names HTML 4 lacks: ``apos`` (39) and ``vellip`` (8942);
* ``lceil``/``rceil`` and ``lang``/``rang`` have their code points swapped
  (kramdown: lceil 8969, rceil 8968, lang 9002, rang 9001);
* the numeric references 128-159 (C1 control codes) stand for the character the byte has in
  Windows-1252, e.g. ``&#128;`` is the euro sign; kramdown looks these up as that character's
  named entity, or a nameless one (which the table then also lists under the character:
  381 and 382, Z and z with caron).  The five bytes Windows-1252 leaves unassigned (129,
  141, 143, 144, 157) are not in the table.

No two names share a code point, so looking a code point up (``entity_output: symbolic``)
gives the one name that has it.  A numeric reference to any code point outside the table
is an entity without a name; a name outside the table is no entity at all (the parser then
keeps the ``&`` as text).  tests/kramdown/test_options.py checks all of this against the
installed kramdown when Ruby is available.
"""

from __future__ import annotations

import html.entities
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True, slots=True)
class Entity:
    """A character reference: its code point and, if kramdown has one for it, its name."""

    code_point: int
    name: str | None


_KRAMDOWN_ONLY = {"apos": 39, "vellip": 8942}
_KRAMDOWN_SWAPPED = {"lceil": 8969, "rceil": 8968, "lang": 9002, "rang": 9001}
_C1_RANGE = range(128, 160)


def _tables() -> tuple[dict[str, Entity], dict[int, Entity]]:
    points = dict(html.entities.name2codepoint)
    points.update(_KRAMDOWN_SWAPPED)
    points.update(_KRAMDOWN_ONLY)
    by_name = {name: Entity(cp, name) for name, cp in points.items()}
    by_code_point = {ent.code_point: ent for ent in by_name.values()}
    for byte in _C1_RANGE:
        try:
            target = ord(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            continue
        by_code_point[byte] = by_code_point.setdefault(target, Entity(target, None))
    return by_name, by_code_point


_BY_NAME, _BY_CODE_POINT = _tables()

#: Every named entity, read-only.
BY_NAME: Mapping[str, Entity] = MappingProxyType(_BY_NAME)
#: The table's entity for each code point it lists (C1 code points remapped), read-only.
BY_CODE_POINT: Mapping[int, Entity] = MappingProxyType(_BY_CODE_POINT)


def entity_by_name(name: str) -> Entity | None:
    """The entity called ``name`` (case-sensitive), or None if kramdown does not know it."""
    return _BY_NAME.get(name)


def entity_by_code_point(code_point: int) -> Entity | None:
    """The table's entity for ``code_point``, or None if the table does not list it.

    For a code point the table lacks, kramdown makes a nameless entity; callers do the same
    with ``Entity(code_point, None)``.  128-159 give the Windows-1252 character's entity.
    """
    return _BY_CODE_POINT.get(code_point)


def char(entity: Entity) -> str:
    """The character an entity stands for, or '' where no Python string can be valid text
    (negative, surrogate or beyond U+10FFFF; Ruby produces invalid UTF-8 bytes there)."""
    cp = entity.code_point
    if 0 <= cp <= 0x10FFFF and not 0xD800 <= cp <= 0xDFFF:
        return chr(cp)
    return ""

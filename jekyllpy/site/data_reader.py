"""``site.data``: the files of ``_data`` (YAML, JSON, CSV, TSV), nested by folder.

Order matters (loops over ``site.data`` and ``jsonify`` show it): in each folder Jekyll
takes the ``.yaml`` files, then ``.yml``, ``.json``, ``.csv``, ``.tsv`` (each group sorted by
name), then the sub-folders, later names overwriting earlier ones of the same key.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

from .yaml_loader import load_yaml

_EXTS = (".yaml", ".yml", ".json", ".csv", ".tsv")
_UNSAFE = re.compile(r"[^A-Za-z0-9_\s-]+|(?:(?<=^)|(?<=\b\s))\s+(?=$|\s?\b)", re.A | re.M)
_SPACES = re.compile(r"\s+")


def read_data(folder: Path, config: dict[str, Any]) -> dict[str, Any]:
    """The data tree under ``folder`` (empty when there is no such folder)."""
    data: dict[str, Any] = {}
    if folder.is_dir():
        _read_into(folder, data, config)
    return data


def sanitize_filename(name: str) -> str:
    """The key a data file or folder gets (Jekyll's ``DataReader#sanitize_filename``)."""
    return _SPACES.sub("_", _UNSAFE.sub("", name))


def _read_into(folder: Path, data: dict[str, Any], config: dict[str, Any]) -> None:
    names = sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))
    files = [n for ext in _EXTS for n in names
             if n.endswith(ext) and (folder / n).is_file()]
    dirs = [n for n in names if (folder / n).is_dir()]
    for name in files + dirs:
        path = folder / name
        if path.is_dir():
            sub: dict[str, Any] = {}
            data[sanitize_filename(name)] = sub
            _read_into(path, sub, config)
        else:
            data[sanitize_filename(path.stem)] = read_data_file(path, config)


def read_data_file(path: Path, config: dict[str, Any]) -> Any:
    """One data file's value: rows as dicts for CSV/TSV (with headers), else YAML."""
    ext = path.suffix.lower()
    text = path.read_bytes().decode("utf-8-sig")
    if ext in (".csv", ".tsv"):
        opts = config.get("tsv_reader" if ext == ".tsv" else "csv_reader") or {}
        rows = list(csv.reader(io.StringIO(text, newline=""),
                               delimiter="\t" if ext == ".tsv" else ","))
        if not opts.get("headers", True):
            return [[cell if cell != "" else None for cell in row] for row in rows]
        if not rows:
            return []
        header, body = rows[0], rows[1:]
        return [{h: (row[i] if i < len(row) and row[i] != "" else None)
                 for i, h in enumerate(header)} for row in body]
    return load_yaml(text, str(path))

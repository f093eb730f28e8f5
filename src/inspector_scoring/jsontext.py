"""JSON text with exact decimals: the one writer for results and fingerprints.

The standard ``json`` module cannot write :class:`~decimal.Decimal` without
going through float, so values are written here: numbers in plain decimal
notation (``87.5``, never ``87.49999999``), keys in insertion order (or sorted,
for the canonical form), non-ASCII text kept as it is.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import date, time
from decimal import Decimal

from .numbers import format_number

__all__ = ["canonical_sha256", "dumps"]


def _write(value: object, out: list[str], indent: int | None, level: int, sort: bool) -> None:
    if value is None:
        out.append("null")
    elif isinstance(value, bool):
        out.append("true" if value else "false")
    elif isinstance(value, int):
        out.append(str(value))
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"cannot write non-finite number {value} as JSON")
        out.append(format_number(value))
    elif isinstance(value, str):
        out.append(json.dumps(value, ensure_ascii=False))
    elif isinstance(value, (date, time)):
        out.append(json.dumps(value.isoformat()))
    elif isinstance(value, Mapping):
        pairs = sorted(value.items()) if sort else list(value.items())
        if not pairs:
            out.append("{}")
            return
        out.append("{")
        for n, (key, item) in enumerate(pairs):
            if n:
                out.append(",")
            _newline(out, indent, level + 1)
            out.append(json.dumps(str(key), ensure_ascii=False))
            out.append(": " if indent is not None else ":")
            _write(item, out, indent, level + 1, sort)
        _newline(out, indent, level)
        out.append("}")
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        out.append("[")
        for n, item in enumerate(value):
            if n:
                out.append(",")
            _newline(out, indent, level + 1)
            _write(item, out, indent, level + 1, sort)
        _newline(out, indent, level)
        out.append("]")
    else:
        raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _newline(out: list[str], indent: int | None, level: int) -> None:
    if indent is not None:
        out.append("\n" + " " * (indent * level))


def dumps(value: object, *, indent: int | None = 2, sort_keys: bool = False) -> str:
    """JSON text for ``value`` (mappings, sequences, strings, Decimals, ints, dates)."""
    out: list[str] = []
    _write(value, out, indent, 0, sort_keys)
    return "".join(out)


def canonical_sha256(value: object) -> str:
    """sha256 of the canonical JSON (sorted keys, no spaces, UTF-8) of ``value``."""
    text = dumps(value, indent=None, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()

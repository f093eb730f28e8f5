"""JSON text with exact decimals: the one writer for results and fingerprints.

The standard ``json`` module cannot write :class:`~decimal.Decimal` without
going through float, so values are written here: numbers in plain decimal
notation (``87.5``, never ``87.49999999``), keys in insertion order (or sorted,
for the canonical form), non-ASCII text kept as it is.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import date, datetime, time
from decimal import Decimal
from json.encoder import encode_basestring  # (C; what json.dumps(text, ensure_ascii=False) gives)
from typing import Any

from .numbers import format_number

__all__ = ["canonical_sha256", "dumps", "plain_sha256", "written_sha256"]


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
        out.append(encode_basestring(value))
    elif isinstance(value, (date, time)):
        out.append(encode_basestring(value.isoformat()))
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
            out.append(encode_basestring(str(key)))
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
    """sha256 of the canonical JSON (sorted keys, no spaces, UTF-8) of ``value``: the text
    ``dumps(value, indent=None, sort_keys=True)`` gives."""
    digest = plain_sha256(value)
    return digest if digest is not None else written_sha256(value)


def written_sha256(value: object) -> str:
    """:func:`canonical_sha256` by the general writer: for a tree :func:`plain_sha256` has
    already found not plain (so that it is not walked that way again)."""
    return hashlib.sha256(dumps(value, indent=None, sort_keys=True).encode("utf-8")).hexdigest()


#: the most digits a number of a plain tree is written with in place, as many as Python writes
#: of an int (a caller's 1E+999999999 is no number any check lets through, and in plain
#: notation it would fill the memory before the checks could say so)
_WIDE = 4300


class _NotPlain(Exception):
    """A tree :func:`plain_sha256` leaves to the general writer and the located checks."""


def plain_sha256(value: object, *, most: int = 1 << 30) -> str | None:
    """:func:`canonical_sha256` of a plain tree, in one walk; ``None`` for any other.

    Plain is what a JSON parser gives: no container met twice (shared, or holding itself), no
    nesting deeper than ``most``, string keys, text that is UTF-8 (no half of a surrogate pair),
    and values JSON has. For a caller's mapping this walk is also the check that a file gets
    from its parser (and, only when it says ``None``, the walk that locates what is wrong),
    where a walk for each took most of the time of scoring a province's month.
    """
    out: list[str] = []
    try:
        _plain(value, out, 1, most, set())
        return hashlib.sha256("".join(out).encode("utf-8")).hexdigest()
    except (_NotPlain, UnicodeEncodeError, TypeError, ValueError):
        # (TypeError: keys of kinds that do not sort, or a value JSON has not; ValueError: a
        # number that is not finite. The general writer says which, or the checks do.)
        return None


def _plain(value: object, out: list[str], depth: int, most: int, seen: set[int]) -> None:
    if depth > most or id(value) in seen:
        raise _NotPlain
    seen.add(id(value))
    kind = type(value)
    pairs: list[tuple[Any, Any]]
    if kind is dict:
        pairs = sorted(value.items())  # type: ignore[attr-defined]
        out.append("{")
    elif kind is list or kind is tuple:
        pairs = [(None, item) for item in value]  # type: ignore[attr-defined]
        out.append("[")
    else:
        # (what a parser never gives: another kind of mapping or sequence, or a value that is
        # two things at once, is for the general writer and the checks)
        raise _NotPlain
    # (the usual leaves, text and numbers, written here rather than by a call each: a
    # province's month has millions)
    append = out.append
    for n, (key, item) in enumerate(pairs):
        if n:
            append(",")
        if kind is dict:
            if type(key) is not str:
                raise _NotPlain
            append(encode_basestring(key))
            append(":")
        of = type(item)
        if of is str:
            append(encode_basestring(item))
        elif of is int:
            append(str(item))
        elif of is Decimal:
            if not (item.is_finite() and -_WIDE < item.adjusted() < _WIDE):
                raise _NotPlain
            append(format_number(item))
        elif of is dict or of is list or of is tuple:
            _plain(item, out, depth + 1, most, seen)
        elif of in _SIMPLE:
            _write(item, out, None, 0, True)
        else:
            raise _NotPlain
    append("}" if kind is dict else "]")


#: the other values a plain tree holds, each written by :func:`_write`
_SIMPLE = frozenset({bool, type(None), date, datetime, time})

"""Small typed readers for raw TOML/JSON values, shared by both loaders (internal).

Each reader takes the problem collector, the key path and the raw value, and
returns the converted value or ``None`` after recording a problem. Loaders call
them for every key, so one pass reports every problem in a file.
"""

from __future__ import annotations

import decimal
import functools
import json
import re
from collections.abc import Collection, Iterable, Mapping
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from .decimals import as_number, format_number
from .errors import Collector

ID_PATTERN = re.compile(r"[a-z][a-z0-9_-]*")
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


class JsonObject(dict[str, Any]):
    """A JSON object as read by the evidence loader; knows the keys it was given twice."""

    __slots__ = ()

    @property
    def duplicates(self) -> tuple[str, ...]:
        """The keys the JSON text gave more than once, in order."""
        return ()


class _Repeated(JsonObject):
    """A JSON object that gave some key twice (rare; its own type, so the common case is a type test)."""

    __slots__ = ("_duplicates",)

    def __init__(self, pairs: list[tuple[str, Any]], duplicates: tuple[str, ...]) -> None:
        super().__init__(pairs)
        self._duplicates = duplicates

    @property
    def duplicates(self) -> tuple[str, ...]:
        """The keys the JSON text gave more than once, in order."""
        return self._duplicates


def json_object(pairs: list[tuple[str, Any]]) -> JsonObject:
    """``object_pairs_hook`` for :func:`json.loads`: a :class:`JsonObject` that knows its duplicate keys.

    Exactly a :class:`JsonObject` when no key repeats, so readers can test
    ``type(value) is JsonObject`` for the common case.
    """
    obj = JsonObject(pairs)
    if len(obj) != len(pairs):  # rare: only then look for which keys repeat
        seen: set[str] = set()
        repeated = []
        for key, _ in pairs:
            if key in seen:
                repeated.append(key)
            seen.add(key)
        return _Repeated(pairs, tuple(repeated))
    return obj


class NonFinite:
    """Stands in for NaN or an infinity in JSON so the walker can report where it was."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def join(path: str, key: str | int) -> str:
    """Extend a key path: ``join("items", 2)`` is ``items[2]``, ``join("a", "b")`` is ``a.b``."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    part = key if _PLAIN_KEY.fullmatch(key) else json.dumps(key, ensure_ascii=False)
    return f"{path}.{part}" if path else part


def describe(value: object) -> str:
    """A short rendering of a bad value for a message (strings quoted, tables named)."""
    if isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)
        return text if len(text) <= 60 else text[:57] + '..."'
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        # Plain notation for ordinary numbers; scientific for absurd ones (1E+999999999).
        return format_number(value) if value.is_finite() and -20 < value.adjusted() < 20 else str(value)
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, NonFinite):
        return value.text
    if isinstance(value, JsonObject):
        return "an object"
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, (list, tuple)):
        return "an array"
    return type(value).__name__


def suggest(word: str, choices: Iterable[str]) -> str:
    """``; did you mean "x"?`` for the closest choice, or an empty string."""
    import difflib  # noqa: PLC0415 - only when something is misspelt

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f'; did you mean "{close[0]}"?' if close else ""


def check_keys(
    problems: Collector,
    path: str,
    table: Mapping[str, Any],
    *,
    allowed: Collection[str],
    required: Collection[str] = (),
) -> None:
    """Report unknown keys (with a suggestion) and missing required keys of ``table``."""
    for key in table:
        if not isinstance(key, str):  # only a Python caller's mapping can have these
            problems.add(join(path, str(key)), f"keys must be strings, got {describe(key)}")
        elif key not in allowed:
            problems.add(join(path, key), "unknown key" + suggest(key, allowed))
    for key in required:
        if key not in table:
            problems.add(join(path, key), "missing required key")


def read_table(
    problems: Collector, path: str, value: object, *, what: str = "a table"
) -> Mapping[str, Any] | None:
    """``value`` when it is a mapping, else a problem."""
    if isinstance(value, Mapping):
        return value
    problems.add(path, f"must be {what}, got {describe(value)}")
    return None


def read_list(problems: Collector, path: str, value: object) -> list[Any] | None:
    """``value`` when it is an array (a list or, from Python callers, a tuple), else a problem."""
    if isinstance(value, (list, tuple)):
        return list(value)
    problems.add(path, f"must be an array, got {describe(value)}")
    return None


def read_str(problems: Collector, path: str, value: object) -> str | None:
    """A non-empty string (surrounding white space is not content)."""
    if not isinstance(value, str):
        problems.add(path, f"must be a string, got {describe(value)}")
        return None
    if not value.strip():
        problems.add(path, "must not be empty")
        return None
    return value


def read_id(problems: Collector, path: str, value: object) -> str | None:
    """An id of the form ``[a-z][a-z0-9_-]*``."""
    if not isinstance(value, str) or not ID_PATTERN.fullmatch(value):
        problems.add(path, f"must be an id (a lowercase letter, then a-z 0-9 _ -), got {describe(value)}")
        return None
    return value


# Bounds that keep every product and sum of the engine exact within its
# 50-digit context: no score sheet needs a trillion points or 11 decimals.
MAX_NUMBER = Decimal(10) ** 12
MAX_DECIMALS = 10
_WIDE = decimal.Context(prec=60)
#: the largest whole count read as given
MAX_WHOLE = int(MAX_NUMBER)
_SMALL = 1024
#: ``Decimal(n)`` for the counts files are made of, made once (Decimals are immutable, so shared)
_SMALL_DECIMALS = tuple(Decimal(n) for n in range(_SMALL))


def read_number(problems: Collector, path: str, value: object) -> Decimal | None:
    """A finite, non-negative exact number (never a boolean), within the engine's bounds."""
    small = small_count(value)
    if small is not None:
        return small
    if type(value) is int and 0 <= value <= MAX_WHOLE:  # a plain count
        return Decimal(value)
    number = as_number(value)
    if number is None or number < 0:
        problems.add(path, f"must be a non-negative number, got {describe(value)}")
        return None
    if number > MAX_NUMBER:
        problems.add(path, f"is too large: at most {format_number(MAX_NUMBER)}, got {describe(value)}")
        return None
    exponent = number.normalize(_WIDE).as_tuple().exponent
    if isinstance(exponent, int) and -exponent > MAX_DECIMALS:
        problems.add(path, f"has too many decimals: at most {MAX_DECIMALS}, got {describe(value)}")
        return None
    return number


def small_count(value: object) -> Decimal | None:
    """``value`` as a shared ``Decimal`` when it is a plain whole count below 1024 (the common
    case, checked without building a key path), else ``None``: then :func:`read_number` decides."""
    return _SMALL_DECIMALS[value] if type(value) is int and 0 <= value < _SMALL else None


def read_count(problems: Collector, path: str, value: object, *, minimum: int = 0) -> int | None:
    """A whole number no smaller than ``minimum``."""
    number = as_number(value)
    if number is None or number != number.to_integral_value() or number < minimum:
        problems.add(path, f"must be a whole number of at least {minimum}, got {describe(value)}")
        return None
    return int(number)


def read_bool(problems: Collector, path: str, value: object) -> bool | None:
    """``true`` or ``false``."""
    if isinstance(value, bool):
        return value
    problems.add(path, f"must be true or false, got {describe(value)}")
    return None


def read_toml_date(problems: Collector, path: str, value: object) -> date | None:
    """A TOML local date (``2021-01-01``, unquoted; not a date-time)."""
    if type(value) is date:
        return value
    problems.add(path, f"must be a TOML date like 2021-01-01, got {describe(value)}")
    return None


def read_toml_time(problems: Collector, path: str, value: object) -> time | None:
    """A TOML local time (``22:00:00``, unquoted, no offset)."""
    if isinstance(value, time) and value.tzinfo is None:
        return value
    problems.add(path, f"must be a TOML local time like 22:00:00, got {describe(value)}")
    return None


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?", re.ASCII)


def read_iso_date(problems: Collector, path: str, value: object) -> date | None:
    """A JSON string holding a date, ``YYYY-MM-DD`` (or a :class:`date`, from Python callers)."""
    if type(value) is date:
        return value
    if isinstance(value, str) and _DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    problems.add(path, f"must be a date YYYY-MM-DD, got {describe(value)}")
    return None


@functools.lru_cache(maxsize=1 << 16)
def parse_moment(text: str) -> date | datetime | None:
    """``YYYY-MM-DD`` or a local ``YYYY-MM-DDTHH:MM[:SS[.ffffff]]``, else ``None`` (cached: dates repeat)."""
    try:
        if len(text) == 10:  # only a date can be this long, and only a date-time longer
            if _DATE.fullmatch(text):
                return date.fromisoformat(text)
        elif _DATETIME.fullmatch(text):
            return datetime.fromisoformat(text)
    except ValueError:
        pass
    return None


def read_moment(problems: Collector, path: str, value: object) -> date | datetime | None:
    """A JSON string holding a date or a local date-time without UTC offset."""
    if type(value) is date or (isinstance(value, datetime) and value.tzinfo is None):
        return value
    if isinstance(value, str):
        moment = parse_moment(value)
        if moment is not None:
            return moment
    problems.add(path, moment_problem(value))
    return None


def moment_problem(value: object) -> str:
    """What is wrong with ``value`` where a date or a local date-time belongs."""
    return (
        "must be a date YYYY-MM-DD or a local date-time YYYY-MM-DDTHH:MM:SS "
        f"without UTC offset, got {describe(value)}"
    )


def check_schema(problems: Collector, table: Mapping[str, Any], supported: int) -> None:
    """Report a ``schema`` other than the supported format version (when it is given)."""
    if "schema" in table and as_number(table["schema"]) != supported:
        problems.add(
            "schema", f"unsupported schema {describe(table['schema'])}; this version reads {supported}"
        )


def check_unique(problems: Collector, path: str, value: str, seen: dict[str, str], what: str) -> None:
    """Report ``value`` when it was seen before (``seen`` maps values to where they were first)."""
    if value in seen:
        problems.add(path, f"duplicate {what} {describe(value)} (first at {seen[value]})")
    else:
        seen[value] = path

"""Small typed readers for raw TOML/JSON values, shared by the loaders (internal).

Each reader takes the problem collector, the key path and the raw value, and
returns the converted value or ``None`` after recording a problem. Loaders call
them for every key, so one pass reports every problem in a file.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from datetime import date, datetime, time
from decimal import Decimal
from enum import StrEnum
from typing import Any, TypeVar

from . import messages as M
from .errors import Collector
from .i18n import SHOWN, Listing, Message, Text, quote
from .numbers import OutOfRange, as_number, decimals_of, format_number, small_decimal
from .syntax import ascii_for

ID_PATTERN = re.compile(r"[a-z][a-z0-9_-]*")
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")

# Bounds that keep every product and sum of the engine exact and its work bounded:
# no score sheet needs a trillion points or 11 decimals.
MAX_NUMBER = Decimal(10) ** 12
MAX_DECIMALS = 10
#: the largest whole count read as given
MAX_WHOLE = int(MAX_NUMBER)
#: the longest text read (characters): ids, names, titles, a rule's text, a ref, a note, an
#: extra field. A rule's published sentence is some 30 characters; a name of 200,000 would
#: take minutes to lay out in a notice
MAX_TEXT = 500


class NonFinite:
    """Stands in for NaN or an infinity in JSON so the walker can report where it was."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def join(path: str, key: str | int) -> str:
    """Extend a key path: ``join("items", 2)`` is ``items[2]``, ``join("a", "b")`` is ``a.b``; a
    key that is no plain name, or longer than a message shows, quoted (and cut)."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    part = key if len(key) <= SHOWN and _PLAIN_KEY.fullmatch(key) else quote(key)
    return f"{path}.{part}" if path else part


def describe(value: object, *, json_file: bool = False) -> str | Text:
    """A short rendering of a bad value for a message (strings quoted, tables named: a mapping
    is "an object" in a JSON file, "a table" in a TOML one)."""
    if isinstance(value, str):
        return quote(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        # Plain notation for ordinary numbers; scientific for absurd ones (1E+999999999).
        text = format_number(value) if value.is_finite() and -20 < value.adjusted() < 20 else str(value)
        return text if len(text) <= SHOWN else text[: SHOWN - 3] + "..."
    if isinstance(value, int):
        return str(value) if value.bit_length() < 200 else f"{Decimal(value):.3e}"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, (NonFinite, OutOfRange)):
        return value.text if len(value.text) <= SHOWN else value.text[: SHOWN - 3] + "..."
    if isinstance(value, Mapping):
        return M.AN_OBJECT() if json_file else M.A_TABLE()
    if isinstance(value, (list, tuple)):
        return M.AN_ARRAY()
    return type(value).__name__


def shown(problems: Collector, value: object) -> str | Text:
    """:func:`describe` as the file being read names things (objects in JSON, tables in TOML)."""
    return describe(value, json_file=problems.json_file)


#: the problems of one file that get a "did you mean" (:func:`suggest`)
MAX_HINTS = 100


def suggest(problems: Collector, word: str, choices: Iterable[str]) -> str | Text:
    """``; did you mean "x"?`` for the closest choice, or an empty string: by similarity, or
    else one edit away (a word of two characters, 时问 for 时间, is only half like it).

    Only the first :data:`MAX_HINTS` of a file's problems get one: a hint costs a comparison
    with every choice, and 50,000 unknown event kinds took seconds to suggest for (a person
    mends the first ones first)."""
    problems.hints += 1
    if problems.hints > MAX_HINTS:
        return ""
    import difflib  # noqa: PLC0415 - only when something is misspelt

    listed = list(choices)
    close = difflib.get_close_matches(word, listed, n=1, cutoff=0.6)
    close = close or [choice for choice in listed if one_edit(word, choice)][:1]
    return M.DID_YOU_MEAN(choice=quote(close[0])) if close else ""


def one_edit(word: str, other: str) -> bool:
    """Whether two different words are one insertion, deletion or substitution apart."""
    if word == other or abs(len(word) - len(other)) > 1:
        return False
    if len(word) == len(other):
        return sum(a != b for a, b in zip(word, other, strict=True)) == 1
    short, long = sorted((word, other), key=len)
    return any(long[:n] + long[n + 1 :] == short for n in range(len(long)))


def check_keys(
    problems: Collector,
    path: str,
    table: Mapping[Any, Any],
    *,
    allowed: Collection[str],
    required: Collection[str] = (),
) -> None:
    """Report unknown keys (with a suggestion) and missing required keys of ``table``."""
    for key in table:
        if not isinstance(key, str):  # only a Python caller's mapping can have these
            problems.add(join(path, str(describe(key))), M.KEY_NOT_STRING, key=shown(problems, key))
        elif key not in allowed:
            problems.add(join(path, key), M.KEY_UNKNOWN, hint=suggest(problems, key, allowed))
    for key in required:
        if key not in table:
            problems.add(join(path, key), M.KEY_MISSING)


def read_table(
    problems: Collector, path: str, value: object, *, what: Text | None = None
) -> Mapping[str, Any] | None:
    """``value`` when it is a mapping, else a problem (``what`` it must be: a table, or an object)."""
    if isinstance(value, Mapping):
        return value
    problems.add(
        path,
        M.MUST_BE,
        what=what or (M.AN_OBJECT() if problems.json_file else M.A_TABLE()),
        value=shown(problems, value),
    )
    return None


def read_key(problems: Collector, path: str, table: Mapping[str, Any], key: str) -> Any:
    """``table[key]``, or ``None`` after reporting the key missing at ``path``."""
    if key not in table:
        problems.add(join(path, key), M.KEY_MISSING)
        return None
    return table[key]


_T = TypeVar("_T")


def read_part(
    problems: Collector,
    path: str,
    table: Mapping[str, Any],
    key: str,
    reader: Callable[[Collector, str, Any], _T | None],
) -> _T | None:
    """``table[key]`` as ``reader`` reads it at its path; ``None`` after reporting the key missing
    (once: a missing part is not also of the wrong type)."""
    if key not in table:
        problems.add(join(path, key), M.KEY_MISSING)
        return None
    return reader(problems, join(path, key), table[key])


def read_list(problems: Collector, path: str, value: object) -> list[Any] | None:
    """``value`` when it is an array (a list or, from Python callers, a tuple), else a problem."""
    if isinstance(value, list):
        return value
    if isinstance(value, tuple):
        return list(value)
    problems.add(path, M.MUST_BE, what=M.AN_ARRAY(), value=shown(problems, value))
    return None


def read_str(problems: Collector, path: str, value: object) -> str | None:
    """A non-empty string (surrounding white space is not content) of at most :data:`MAX_TEXT`
    characters."""
    if not isinstance(value, str):
        problems.add(path, M.MUST_BE, what=M.A_STRING(), value=shown(problems, value))
        return None
    if len(value) > MAX_TEXT:
        problems.add(path, M.TEXT_TOO_LONG, most=MAX_TEXT, length=len(value))
        return None
    if not value.strip():
        problems.add(path, M.EMPTY)
        return None
    return value


def read_id(problems: Collector, path: str, value: object) -> str | None:
    """An id of the form ``[a-z][a-z0-9_-]*``."""
    if not isinstance(value, str) or not ID_PATTERN.fullmatch(value):
        problems.add(path, M.NOT_AN_ID, value=shown(problems, value))
        return None
    return value


def read_number(problems: Collector, path: str, value: object) -> Decimal | None:
    """A finite, non-negative exact number (never a boolean), within the engine's bounds."""
    small = small_decimal(value)
    if small is not None:
        return small
    if type(value) is int and 0 <= value <= MAX_WHOLE:  # a plain count
        return Decimal(value)
    if isinstance(value, OutOfRange):  # beyond what is read at all (the parsers kept its text)
        if value.large:
            problems.add(path, M.TOO_LARGE, most=format_number(MAX_NUMBER), value=shown(problems, value))
        else:
            problems.add(path, M.TOO_MANY_DECIMALS, most=MAX_DECIMALS, value=shown(problems, value))
        return None
    if isinstance(value, str) and value.strip() and _FULL_WIDTH_NUMBER.fullmatch(value.strip()):
        problems.add(path, M.FULL_WIDTH_NUMBER, value=shown(problems, value))
        return None
    number = as_number(value)
    if number is None or number < 0:
        problems.add(path, M.NOT_NON_NEGATIVE, value=shown(problems, value))
        return None
    if number > MAX_NUMBER:
        problems.add(path, M.TOO_LARGE, most=format_number(MAX_NUMBER), value=shown(problems, value))
        return None
    if decimals_of(number) > MAX_DECIMALS:
        problems.add(path, M.TOO_MANY_DECIMALS, most=MAX_DECIMALS, value=shown(problems, value))
        return None
    return number


#: a number written with full-width digits or signs (１７, ２．５), as an input method types them
_FULL_WIDTH_NUMBER = re.compile(r"[0-9０-９.．,，+＋\-－]*[０-９．，＋－][0-9０-９.．,，+＋\-－]*")


def read_count(
    problems: Collector, path: str, value: object, *, minimum: int = 0, maximum: int = MAX_WHOLE
) -> int | None:
    """A whole number from ``minimum`` to ``maximum`` (checked before it is converted: a
    ``1e999999999`` is never made an int)."""
    number = as_number(value)
    if number is None or number != number.to_integral_value() or number < minimum:
        problems.add(path, M.NOT_WHOLE, minimum=minimum, value=shown(problems, value))
        return None
    if number > maximum:
        problems.add(path, M.AT_MOST, most=maximum, value=shown(problems, value))
        return None
    return int(number)


def read_bool(problems: Collector, path: str, value: object) -> bool | None:
    """``true`` or ``false``."""
    if isinstance(value, bool):
        return value
    problems.add(path, M.NOT_BOOL, value=shown(problems, value))
    return None


def read_toml_date(problems: Collector, path: str, value: object) -> date | None:
    """A TOML local date (``2021-01-01``, unquoted; not a date-time)."""
    if type(value) is date:
        return value
    problems.add(path, M.NOT_TOML_DATE, value=shown(problems, value))
    return None


def read_toml_time(problems: Collector, path: str, value: object) -> time | None:
    """A TOML local time (``22:00:00``, unquoted, no offset)."""
    if isinstance(value, time) and value.tzinfo is None:
        return value
    problems.add(path, M.NOT_TOML_TIME, value=shown(problems, value))
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
    if not full_width(problems, path, value):
        problems.add(path, M.NOT_DATE, value=shown(problems, value))
    return None


#: what a Chinese input method types for ASCII (:func:`~inspector_scoring.syntax.ascii_for`)
_FULL_WIDTH = re.compile("[\uff01-\uff5e\u3000\u3002“”‘’]")


def full_width(problems: Collector, where: str, value: object) -> bool:
    """Report, at ``where``, that a text value holds a full-width character (２ for 2, typed with
    a Chinese input method), naming it and its ASCII form; whether it did."""
    if not isinstance(value, str):
        return False
    found = _FULL_WIDTH.search(value)
    if found is None:
        return False
    char = found.group()
    typed = ascii_for(char) or char
    problems.add(where, M.FULL_WIDTH_CHAR, value=quote(value), char=quote(char), ascii=quote(typed))
    return True


@functools.lru_cache(maxsize=1 << 16)
def parse_moment(text: str) -> date | datetime | None:
    """``YYYY-MM-DD`` or a local ``YYYY-MM-DDTHH:MM[:SS[.ffffff]]``, else ``None``."""
    try:
        if len(text) == 10:  # only a date can be this long, and only a date-time longer
            if _DATE.fullmatch(text):
                return date.fromisoformat(text)
        elif _DATETIME.fullmatch(text):
            return datetime.fromisoformat(text)
    except ValueError:
        pass
    return None


E = TypeVar("E", bound=StrEnum)


def read_choice(problems: Collector, path: str, value: object, choices: type[E]) -> E | None:
    """One of an enumeration's values (``month``, ``quarter``, ``year``), with a "did you mean"."""
    names = [choice.value for choice in choices]
    if value in names:
        return choices(value)
    hint = suggest(problems, value, names) if isinstance(value, str) else ""
    problems.add(path, M.ONE_OF, choices=Listing(names), value=shown(problems, value), hint=hint)
    return None


def check_order(problems: Collector, path: str, earlier: str, start: date | None, end: date | None) -> bool:
    """Whether ``end`` is not before ``start`` (the value of the key ``earlier``), else a problem
    at ``path``; ``True`` when either is unknown."""
    if start is None or end is None or start <= end:
        return True
    problems.add(path, M.NOT_BEFORE, other=earlier, start=start.isoformat(), end=end.isoformat())
    return False


def check_schema(problems: Collector, table: Mapping[str, Any], supported: int) -> None:
    """Report a ``schema`` other than the supported format version (when it is given)."""
    given = table.get("schema")
    if isinstance(given, str) and given.strip() == str(supported):  # ("schema": "1")
        problems.add("schema", M.SCHEMA_QUOTED, value=shown(problems, given), supported=supported)
    elif "schema" in table and as_number(given) != supported:
        problems.add("schema", M.SCHEMA_UNSUPPORTED, value=shown(problems, given), supported=supported)


def check_unique(problems: Collector, path: str, value: str, seen: dict[str, str], what: Message) -> None:
    """Report ``value`` when it was seen before (``seen`` maps values to where they were first)."""
    if value in seen:
        problems.add(path, what, value=shown(problems, value), first=seen[value])
    else:
        seen[value] = path


# -- what a file cannot hold, but a caller's mapping can --------------------------------

#: how deep arrays and objects (tables) may nest in any input: an evidence file needs 5
#: levels, a rule file 4, a result 6; the rest is room, and the bound keeps every walk of a
#: tree (the checks, the fingerprint, the writer) far from Python's recursion limit
MAX_DEPTH = 64
_HALF = re.compile("[\ud800-\udfff]")


def check_tree(problems: Collector, tree: object, *, most: int = MAX_DEPTH) -> None:
    """Report, at its key path, what no file could hold: nesting deeper than ``most`` levels (the
    deeper part is not walked), a key that is no string, and text holding half of a UTF-16
    surrogate pair (which could be read, but never written). One walk, without recursion, so
    that a caller's mapping gets the checks a file gets from its parser.

    A caller's mapping may hold one list in many places (``x = [y, y]``, ``y = [z, z]``, …):
    each container is walked once, from the shallowest place it is met, or such sharing would
    take exponential time; a container that holds itself is infinitely deep."""
    # Each entry: a value, its depth (1 for the top container), its path, built on demand, and
    # the containers it is inside (a chain of ids: (id, (parent's id, (…))), to tell a cycle).
    stack: list[tuple[object, int, tuple[str | int, ...], tuple[Any, ...]]] = [(tree, 1, (), ())]
    walked: dict[int, int] = {}  # container id → the least depth it was walked from
    while stack:
        value, depth, where, inside = stack.pop()
        if isinstance(value, str):
            found = _HALF.search(value)
            if found is not None:
                problems.add(_path(where), M.HALF_SURROGATE, half=f"\\u{ord(found.group()):04x}")
            continue
        if isinstance(value, Mapping):
            children: Iterable[tuple[object, object]] = value.items()
        elif isinstance(value, (list, tuple)):
            children = enumerate(value)
        else:
            continue
        cycle = _holds_itself(id(value), inside)
        if not cycle and walked.get(id(value), depth + 1) <= depth:
            continue  # (the same container, walked (or found too deep) from as shallow a place)
        walked[id(value)] = min(depth, walked.get(id(value), depth))
        if depth > most or cycle:
            problems.add(_path(where), M.TOO_DEEP if problems.json_file else M.TOO_DEEP_TOML, most=most)
            continue
        chain = (id(value), inside)
        pending: list[tuple[object, int, tuple[str | int, ...], tuple[Any, ...]]] = []
        for key, item in children:
            part: str | int
            if isinstance(key, int) and not isinstance(value, Mapping):
                part = key
            elif not isinstance(key, str):
                # (describe: a key such as 10**5000 has more digits than str() will write)
                problems.add(_path((*where, str(describe(key)))), M.KEY_NOT_STRING, key=shown(problems, key))
                continue
            elif _HALF.search(key):
                problems.add(_path(where), M.HALF_SURROGATE_KEY)
                continue
            else:
                part = key
            if isinstance(item, (str, Mapping, list, tuple)):
                pending.append((item, depth + 1, (*where, part), chain))
        stack.extend(reversed(pending))  # file order


def _holds_itself(container: int, inside: tuple[Any, ...]) -> bool:
    """Whether the container ``container`` (an id) is among those it is inside."""
    while inside:
        if inside[0] == container:
            return True
        inside = inside[1]
    return False


def _path(parts: tuple[str | int, ...]) -> str:
    path = ""
    for part in parts:
        path = join(path, part)
    return path

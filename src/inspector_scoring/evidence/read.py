"""Reading an evidence file's bytes into a JSON tree, with exact decimals and its fingerprint.

Two parses, for two needs:

- :func:`parse_json` reads the file into plain ``dict`` objects, which is what a
  province-scale file can afford. A key given twice silently keeps its last
  value there, so it also counts the file's string tokens (the ``"`` that are
  not escaped, two per token): the check stage tallies the keys and string
  values it walks, and a file whose tally falls short repeats a key somewhere.
- :func:`parse_json_exact` reads it into :class:`JsonObject`, which remembers
  repeated keys, so that the check stage can name each one at its place. It
  runs only for a file that has problems.

Either way the bytes are fingerprinted (sha256, on a second thread while the
text is decoded and parsed) and let go as soon as they are no longer needed.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from typing import Any

import attrs

from .. import messages as M
from .._readers import MAX_DEPTH, NonFinite, check_tree
from ..errors import Collector, fail
from ..files import decode_text
from ..i18n import Text, quote
from ..numbers import parse_decimal, parse_integer
from ..syntax import ascii_for, json_reason

__all__ = ["JsonObject", "Parsed", "json_syntax", "parse_json", "parse_json_exact"]


class JsonObject(dict[str, Any]):
    """A JSON object as read by :func:`parse_json_exact`; knows the keys it was given twice."""

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


def _json_object(pairs: list[tuple[str, Any]]) -> JsonObject:
    """``object_pairs_hook``: a :class:`JsonObject` that knows its duplicate keys."""
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


@attrs.frozen(slots=True)
class Parsed:
    """An evidence file read into a JSON tree."""

    tree: object
    sha256: str
    #: how many string tokens (keys and string values) the text has
    strings: int


def parse_json(box: list[bytes], name: str) -> Parsed:
    """The bytes of the evidence file ``name`` (taken out of ``box``, so that they can be let go
    once decoded: a province's file is tens of MiB) as a tree of plain dicts, lists, strings,
    ints and Decimals; or the error saying why they cannot be read."""
    strings = _string_tokens(box[0])
    return Parsed(*_parse(box, name, exact=False), strings)


def parse_json_exact(data: bytes, name: str) -> object:
    """The same tree with :class:`JsonObject` for objects, which name their repeated keys."""
    tree, _ = _parse([data], name, exact=True)
    return tree


def _string_tokens(data: bytes) -> int:
    """The number of JSON strings (keys and values) in the text: two unescaped quotes each."""
    if b"\\" not in data:
        return data.count(b'"') // 2
    # Inside a string a quote is escaped as \" and a backslash as \\; take the escaped
    # backslashes out first, so that what is left of \" is an escaped quote.
    plain = data.replace(b"\\\\", b"")
    return (plain.count(b'"') - plain.count(b'\\"')) // 2


def _parse(box: list[bytes], name: str, *, exact: bool) -> tuple[object, str]:
    # The fingerprint is worked out beside the decoding and parsing: hashlib lets go of the
    # interpreter while it hashes, so with a second core it adds no time.
    data = box.pop()
    digest: list[str] = []
    hashing = threading.Thread(target=_fingerprint, args=(data, digest), daemon=True)
    hashing.start()
    try:
        text = decode_text(data, name)
        del data
        try:
            tree = parse_json_text(text, exact=exact)
        except json.JSONDecodeError as error:
            raise fail(name, "", json_syntax(error, text)) from None
        except RecursionError:
            raise fail(name, "", M.TOO_DEEP(most=MAX_DEPTH)) from None
        # A \ud800 escape alone is no character: such text could be read but never written.
        # (Looked for only where the text has such an escape at all: two scans in C.)
        if ("\\ud" in text or "\\uD" in text) and _SURROGATE_ESCAPE.search(text):
            halves = Collector(name, json_file=True)
            check_tree(halves, tree)
            halves.raise_if_any()
        del text
    finally:
        hashing.join()
    return tree, digest[0]


def parse_json_text(text: str, *, exact: bool = False) -> object:
    """JSON text as a tree with exact decimals (NaN and infinities as :class:`NonFinite`, a
    number beyond what is read as :class:`~inspector_scoring.numbers.OutOfRange`, for the
    checks to report at its path); ``exact`` objects know their repeated keys. Raises
    :class:`json.JSONDecodeError` and :class:`RecursionError` (internal: evidence and results)."""
    hook = _json_object if exact else None
    try:
        return json.loads(text, parse_float=parse_decimal, parse_constant=NonFinite, object_pairs_hook=hook)
    except json.JSONDecodeError:
        raise
    except ValueError:
        # A whole number of more digits than Python converts (4,300): read again, with every
        # whole number through the bounded reader (slower, and only for such a file).
        return json.loads(
            text,
            parse_float=parse_decimal,
            parse_int=parse_integer,
            parse_constant=NonFinite,
            object_pairs_hook=hook,
        )


def json_syntax(error: json.JSONDecodeError, text: str) -> Text:
    """The message for a JSON syntax error; it names a full-width character standing where
    JSON punctuation or a digit belongs, as a Chinese input method types them."""
    if not text.strip():  # (nothing to read: not a syntax error at line 1, column 1)
        return M.FILE_EMPTY()
    char = text[error.pos] if error.pos < len(text) else ""
    typed = ascii_for(char) if char else None
    if typed is not None:
        return M.FULL_WIDTH_IN_JSON(
            reason=json_reason(error.msg),
            line=error.lineno,
            column=error.colno,
            char=quote(char),
            ascii=quote(typed),
        )
    return M.INVALID_JSON(reason=json_reason(error.msg), line=error.lineno, column=error.colno)


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _fingerprint(data: bytes, into: list[str]) -> None:
    into.append(hashlib.sha256(data).hexdigest())

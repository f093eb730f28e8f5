"""Why a file is not JSON or TOML, in the language of messages.

Python's parsers say it in English (``Expecting ',' delimiter``, ``Invalid
value (at line 3, column 9)``); each of their reasons is a message here, so a
clerk reads it in Chinese. A reason a newer Python words differently is shown
as the parser wrote it. The English of each message is the parser's own, so
English output reads as before.
"""

from __future__ import annotations

import ast
import re

from . import messages as M
from .i18n import Text, quote

__all__ = ["ascii_for", "json_reason", "toml_reason"]

#: what a Chinese input method types in place of ASCII punctuation, besides the full-width
#: forms U+FF01-FF5E: curly quotes, the ideographic space and full stop
_TYPED_FOR = {
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
    "\u3000": " ",
    "。": ".",
    "、": ",",  # (the enumeration comma, typed between list items)
    "【": "[",  # (the brackets a Chinese input method types for [ and ])
    "】": "]",
}


def ascii_for(char: str) -> str | None:
    """The ASCII character that a full-width ``char`` stands for (``２`` → ``2``, ``“`` → ``"``,
    ``，`` → ``,``), or ``None`` when it is no such character."""
    if len(char) == 1 and "\uff01" <= char <= "\uff5e":
        return chr(ord(char) - 0xFEE0)
    return _TYPED_FOR.get(char)


_JSON = {
    "Expecting value": M.JSON_EXPECTING_VALUE,
    "Expecting ',' delimiter": M.JSON_EXPECTING_COMMA,
    "Expecting ':' delimiter": M.JSON_EXPECTING_COLON,
    "Expecting property name enclosed in double quotes": M.JSON_EXPECTING_NAME,
    "Unterminated string starting at": M.JSON_UNTERMINATED_STRING,
    "Invalid control character at": M.JSON_CONTROL_CHARACTER,
    "Invalid \\escape": M.JSON_INVALID_ESCAPE,
    "Invalid \\uXXXX escape": M.JSON_INVALID_U_ESCAPE,
    "Extra data": M.JSON_EXTRA_DATA,
    "Illegal trailing comma before end of object": M.JSON_TRAILING_COMMA_OBJECT,
    "Illegal trailing comma before end of array": M.JSON_TRAILING_COMMA_ARRAY,
}

#: tomllib's reasons; a named group is a placeholder of the message
_TOML = tuple(
    (re.compile(pattern), message)
    for pattern, message in (
        (r"Cannot declare (?P<key>.+) twice", M.TOML_DECLARED_TWICE),
        (r"Cannot mutate immutable namespace (?P<key>.+)", M.TOML_IMMUTABLE),
        (r"Cannot overwrite a value", M.TOML_OVERWRITE),
        (r"Cannot redefine namespace (?P<key>.+)", M.TOML_REDEFINE),
        (r"Duplicate inline table key (?P<key>.+)", M.TOML_DUPLICATE_INLINE_KEY),
        (r"Escaped character is not a Unicode scalar value", M.TOML_BAD_ESCAPE_VALUE),
        (r"Expected '=' after a key in a key/value pair", M.TOML_EXPECTED_EQUALS),
        (r"Expected '\]' at the end of a table declaration", M.TOML_EXPECTED_TABLE_END),
        (r"Expected '\]\]' at the end of an array declaration", M.TOML_EXPECTED_ARRAY_TABLE_END),
        (r"Expected newline or end of document after a statement", M.TOML_EXPECTED_NEWLINE),
        (r"Expected (?P<expected>'.+')", M.TOML_EXPECTED),
        (r"Found invalid character (?P<char>.+)", M.TOML_INVALID_CHARACTER),
        (r"Illegal character (?P<char>.+)", M.TOML_ILLEGAL_CHARACTER),
        (r"Invalid date or datetime", M.TOML_INVALID_DATE),
        (r"Invalid hex value", M.TOML_INVALID_HEX),
        (r"Invalid initial character for a key part", M.TOML_INVALID_KEY),
        (r"Invalid statement", M.TOML_INVALID_STATEMENT),
        (r"Invalid value", M.TOML_INVALID_VALUE),
        (r"Unclosed array", M.TOML_UNCLOSED_ARRAY),
        (r"Unclosed inline table", M.TOML_UNCLOSED_INLINE_TABLE),
        (r"Unescaped '\\' in a string", M.TOML_UNESCAPED_BACKSLASH),
        (r"Unterminated string", M.TOML_UNTERMINATED_STRING),
    )
)
_WHERE = re.compile(
    r"^(?P<reason>.*?) \((?:at line (?P<line>\d+), column (?P<column>\d+)|(?P<end>at end of document))\)$"
)


def _key(text: str) -> str:
    """A key as the rule file writes it: tomllib shows a dotted key as a tuple, ``('a', 'b')``."""
    if text.startswith("(") and text.endswith(")"):
        try:
            parts = ast.literal_eval(text)
        except (ValueError, SyntaxError):
            return text
        if isinstance(parts, tuple) and all(isinstance(part, str) for part in parts):
            return ".".join(parts)
    return text


def json_reason(reason: str) -> Text | str:
    """The JSON decoder's ``reason`` as a message, or as it is when it is not known."""
    message = _JSON.get(reason)
    return message() if message is not None else reason


def toml_reason(error: str, text: str = "") -> Text | str:
    """tomllib's error text (``Invalid value (at line 3, column 9)``) as a message with its place,
    or as it is when it is not known; naming the full-width character standing at that place
    in ``text`` (the file's), as a Chinese input method types it (``per = ２``)."""
    where = _WHERE.match(error)
    reason = where["reason"] if where else error
    said: Text | str = reason
    for pattern, message in _TOML:
        found = pattern.fullmatch(reason)
        if found:
            said = message(**{name: _key(value) for name, value in found.groupdict().items()})
            break
    if where is None:
        return said
    if where["end"]:
        return M.TOML_AT_END(reason=said)
    line, column = int(where["line"]), int(where["column"])
    lines = text.split("\n")  # (as tomllib counts lines: not at U+2028, U+0085 or a form feed)
    char = lines[line - 1][column - 1 : column] if 0 < line <= len(lines) else ""
    typed = ascii_for(char) if char else None
    if typed is not None:
        return M.TOML_FULL_WIDTH_AT(
            reason=said, line=line, column=column, char=quote(char), ascii=quote(typed)
        )
    return M.TOML_AT(reason=said, line=line, column=column)

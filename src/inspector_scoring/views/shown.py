"""Text from the inputs made safe to show: shown, never obeyed.

A name, a mine, a rule's wording or a record's ref comes from files that
anyone may have written. Every view passes such text through :func:`shown`
before laying it out, so that a control character (ESC, BEL, NUL, CR, a C1
CSI), an invisible format character or a bidirectional override (U+202E)
is printed as a visible escape — ``\\x1b``, ``\\u202e`` — instead of moving
the cursor, opening a link, hiding text or reversing a line. The views then
apply their own escaping (HTML by Jinja2, XML in the SVG, Markdown, CSV) to
the result.

The same module neutralises what a spreadsheet would run as a formula
(:func:`spreadsheet_text`), for the CSV export.
"""

from __future__ import annotations

import re

__all__ = ["FORMULA_STARTS", "HIDDEN", "shown", "spreadsheet_text"]

#: Every character Unicode calls a control (Cc), a format character (Cf, which
#: holds the bidirectional marks, overrides and isolates and the zero-width
#: characters), a surrogate (Cs), or a line or paragraph separator (Zl, Zp), as
#: of Unicode 15.1. A test compares it with :mod:`unicodedata` of the running Python.
HIDDEN = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ud800-\udfff\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f]"
)

_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def shown(text: str, /) -> str:
    """``text`` with every control, format, bidirectional and separator character written as
    a visible escape (``\\x1b``, ``\\n``, ``\\u202e``): one line, exactly what it says."""
    return HIDDEN.sub(_escape, text)


#: What a spreadsheet reads as the start of a formula, or strips before one (OWASP's list, and NUL).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\x00")


def spreadsheet_text(text: str, /) -> str:
    """``text`` as a spreadsheet cell that is text, never a formula: shown (:func:`shown`), and
    with a leading apostrophe when it would start like a formula."""
    safe = shown(text)
    return "'" + safe if text.startswith(FORMULA_STARTS) or safe.startswith(FORMULA_STARTS) else safe

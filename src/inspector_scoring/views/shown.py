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

from ..i18n import HIDDEN, visible

__all__ = ["FORMULA_STARTS", "HIDDEN", "shown", "spreadsheet_text"]


def shown(text: str, /) -> str:
    """``text`` with every control, format, bidirectional and separator character written as
    a visible escape (``\\x1b``, ``\\n``, ``\\u202e``): one line, exactly what it says (the
    same escapes a message shows, :func:`~inspector_scoring.i18n.visible`)."""
    return visible(text)


#: What a spreadsheet reads as the start of a formula, or strips before one (OWASP's list, and NUL).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\x00")


def spreadsheet_text(text: str, /) -> str:
    """``text`` as a spreadsheet cell that is text, never a formula: shown (:func:`shown`), and
    with a leading apostrophe when it would start like a formula."""
    safe = shown(text)
    return "'" + safe if text.startswith(FORMULA_STARTS) or safe.startswith(FORMULA_STARTS) else safe

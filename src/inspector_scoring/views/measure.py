"""How wide text is on a terminal and in a drawing: CJK characters take two cells (one em).

A character of East Asian width W or F takes two terminal cells, a combining
mark none, and everything else one. Text is measured after
:func:`.shown.shown`, so no control character is left to measure.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

__all__ = ["char_cells", "text_cells"]


@lru_cache(maxsize=4096)
def char_cells(char: str, /) -> int:
    """Terminal cells of one character: 2 for wide (CJK, full-width), 0 for combining, else 1."""
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def text_cells(text: str, /) -> int:
    """Terminal cells of ``text`` (one line)."""
    if text.isascii():
        return len(text)
    return sum(char_cells(char) for char in text)

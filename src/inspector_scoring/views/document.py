"""A notice as laid-out content: what every view (table, HTML, SVG, Markdown, CSV) shows.

Builders (:mod:`notice` for a month, :mod:`annualnotice` for a year) fill it
from a trace; views only lay it out, so every format says the same thing.
"""

from __future__ import annotations

import attrs

__all__ = ["Column", "Document", "Part", "Row", "Section"]


@attrs.frozen(slots=True)
class Column:
    """A column of the main table."""

    header: str
    #: a second header line, such as an item's points (``20分``)
    note: str = ""
    #: numbers are right-aligned and never wrapped or cut
    numeric: bool = False
    #: shown in the per-row cards of a narrow screen (the card title covers the others)
    in_card: bool = True

    @property
    def label(self) -> str:
        """The header on one line: ``下井检查（20分）``."""
        return f"{self.header}（{self.note}）" if self.note else self.header


@attrs.frozen(slots=True)
class Row:
    """A row of the main table."""

    cells: tuple[str, ...]
    #: names the row when it is shown as a card
    label: str
    #: the last cell carries a warning (a veto): views may highlight it
    flagged: bool = False


@attrs.frozen(slots=True)
class Section:
    """A block of explanation lines under the table, for one inspector."""

    number: int
    name: str
    mine: str
    lines: tuple[str, ...]

    @property
    def heading(self) -> str:
        """``1. 杨国华（青杠坪煤矿）``."""
        return f"{self.number}. {self.name}（{self.mine}）"


@attrs.frozen(slots=True)
class Part:
    """A titled block of its own, shown before the main table: lines, a table and explanation
    sections (a corrected notice's 复核结果: who changed, before and after, and why)."""

    title: str
    lines: tuple[str, ...]
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    #: the heading over the sections
    sections_title: str = ""
    sections: tuple[Section, ...] = ()


@attrs.frozen(slots=True)
class Document:
    """Everything a notice says, as text, in order."""

    title: str
    preamble: tuple[str, ...]
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    #: the heading over the explanation sections (for formats with headings)
    sections_title: str
    sections: tuple[Section, ...]
    footer: tuple[str, ...]
    #: who signs the notice, and when
    signature: tuple[str, ...]
    #: the CSV export: its own header and one row per table row
    csv_header: tuple[str, ...] = ()
    csv_rows: tuple[tuple[str, ...], ...] = ()
    #: blocks shown between the preamble and the main table, in order
    parts: tuple[Part, ...] = ()

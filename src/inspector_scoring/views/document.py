"""A notice as laid-out content: what every view (table, HTML, SVG, Markdown, CSV, workbook) shows.

Builders (:mod:`.notice` for a month, :mod:`.annual_notice` for a year) fill it
from a trace; views only lay it out, so every format says the same thing.
Text in a document is as the inputs gave it: each view shows it through
:func:`.shown.shown`, so that nothing in it is obeyed.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs

__all__ = ["Column", "Document", "Part", "Record", "Row", "Section", "pieces"]


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
    #: a short header for narrow tables (an item's ``short`` title in the rule file), or empty
    short: str = ""

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
    #: the last cell carries a warning (a veto): views highlight it
    flagged: bool = False
    #: what the warning is, shown with the last cell (``一票否决``), or empty
    mark: str = ""
    #: texts of the label never split between two lines (the name, the mine)
    whole: tuple[str, ...] = ()


@attrs.frozen(slots=True)
class Record:
    """A row of the data export (CSV, workbook): every cell whole, numbers as numbers."""

    #: a cell's text, or its lines (the deductions in words, one a line)
    cells: tuple[str | tuple[str, ...], ...]
    #: the number each cell shows, where it shows one (``None`` elsewhere, and for ``—``)
    values: tuple[Decimal | None, ...]
    #: a note on a cell (a vetoed month's veto), or empty; spreadsheets attach it as a comment
    notes: tuple[str, ...] = ()


@attrs.frozen(slots=True)
class Section:
    """A block of explanation lines under the table, for one inspector."""

    number: int
    name: str
    mine: str
    lines: tuple[str, ...]
    #: texts a line may cite that are never split between two lines (the records' refs)
    whole: tuple[str, ...] = ()

    @property
    def heading(self) -> str:
        """``1. 杨国华（青杠坪煤矿）``."""
        return f"{self.number}. {self.name}（{self.mine}）" if self.mine else f"{self.number}. {self.name}"

    def pieces(self, line: str) -> list[tuple[str, bool]]:
        """``line`` in pieces, each with whether it is one of :attr:`whole` (which a view keeps
        on one line): ``[("…（依据：", False), ("隐患台账#570", True), ("）。", False)]``."""
        return pieces(line, self.whole)


def pieces(text: str, whole: tuple[str, ...]) -> list[tuple[str, bool]]:
    """``text`` cut before and after each occurrence of any of ``whole`` (the longest where two
    begin at one place, the first where two overlap), each piece with whether it is one of them."""
    places: list[tuple[int, int]] = []  # (start, minus the length): the longest first at a start
    for part in {part for part in whole if part}:
        at = text.find(part)
        while at != -1:
            places.append((at, -len(part)))
            at = text.find(part, at + 1)
    found: list[tuple[str, bool]] = []
    plain = 0  # where the text not yet cut starts
    for at, minus in sorted(places):
        if at < plain:  # inside a piece already cut out
            continue
        if plain < at:
            found.append((text[plain:at], False))
        found.append((text[at : at - minus], True))
        plain = at - minus
    if plain < len(text) or not found:
        found.append((text[plain:], False))
    return found


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
    #: who signs the notice, and when (落款)
    signature: tuple[str, ...]
    #: the data export (CSV, workbook): its header and one record per table row
    data_header: tuple[str, ...] = ()
    data_rows: tuple[Record, ...] = ()
    #: what the data export states before its table, as (label, value): township, period,
    #: notice period, fingerprints, engine
    facts: tuple[tuple[str, str], ...] = ()
    #: blocks shown between the preamble and the main table, in order
    parts: tuple[Part, ...] = ()
    #: words that prose never splits between two lines: the grades, the township, who posts
    #: the notice, the contact (a view that folds text keeps each on one line)
    terms: tuple[str, ...] = ()
    #: the day the notice is posted from (its 落款 date): the date its workbook says it was made
    published: date | None = None

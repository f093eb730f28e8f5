"""The score sheet (考核评分表) as a workbook, written with XlsxWriter.

One sheet, laid out as township score sheets are: the title; a line saying
township, period and rule file; two header rows (the items under one
``考核项目`` heading, each with its points); one row per inspector with the
item scores, bonus and total as numbers, the grade, the veto and the
deductions in words; the signature rows of the panel (考核人、复核人、日期);
and the notice period, issuer, fingerprints and engine at the foot; a
corrected notice's 复核结果 on a second sheet. The
annual sheet has the months as columns, each month's total a number; a
vetoed month is marked by its format and a cell comment saying which veto.

Set up to print on A4 landscape, fitted to the page width, the header rows
repeated on every page. Every text cell is written as a string (a name
``=1+1`` stays text, never a formula), and shown (:func:`.shown.shown`).
The same document gives the same bytes: the workbook's creation time is the
notice's date, and XlsxWriter dates the files inside the zip at 1980-01-01.
"""

from __future__ import annotations

import io
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from .document import Document, Part, Record
from .measure import text_cells
from .shown import shown

if TYPE_CHECKING:
    from xlsxwriter.worksheet import Worksheet

__all__ = ["render_xlsx", "text_workbook"]

_FONT = "宋体"  # the font Chinese office documents are set in; any CJK font stands in for it


def _decimals(text: str) -> int:
    return len(text.partition(".")[2])


#: the tallest a row can be (points): a spreadsheet program refuses more
_TALLEST = 409
#: the widest the name and mine columns grow (in character widths); a longer text folds
_WIDEST = 30
#: the most characters a spreadsheet cell holds (Excel's limit, which XlsxWriter enforces by
#: cutting the text short without a word)
_CELL_MOST = 32_767
_CUT = "……（以下超出单元格长度，未列出；全文见公示网页或 CSV 文件）"


def _fitted(lines: list[str]) -> str:
    """The lines in one cell: what fits, the line that does not fit up to the last 、 or ， that
    does (between two refs), then a word saying that the rest is left out and where it is;
    never a text cut short without a word."""
    text = "\n".join(lines)
    if len(text) <= _CELL_MOST:
        return text
    room = _CELL_MOST - len(_CUT)
    head = text[:room]
    cut = max(head.rfind("、"), head.rfind("，"), head.rfind("\n"))
    return head[: cut + 1 if cut > 0 else room] + _CUT


_SUMMARY = ("乡镇", "考核期", "考核细则")  # the facts said under the title; the others go at the foot


class _Sheet:
    """One score sheet being written: its formats, and the row it has reached."""

    def __init__(self, book: Any, document: Document, name: str) -> None:
        self.book = book
        self.document = document
        self.work: Worksheet = book.add_worksheet(name)
        self.header = [shown(cell) for cell in document.data_header]
        self.last = len(self.header) - 1
        self.items = [n for n, column in enumerate(document.columns) if column.note]
        self.row = 0
        self.title = self.format(bold=True, font_size=16, align="center")
        self.info = self.format(font_size=10)
        self.head = self.format(bold=True, align="center", border=1, text_wrap=True, bg_color="#E8EDF3")
        self.text = self.format(border=1, text_wrap=True)  # (a name or mine wider than its column)
        self.center = self.format(border=1, align="center")
        self.words = self.format(border=1, text_wrap=True, valign="top", font_size=10)
        self.veto = self.format(border=1, align="center", bold=True, font_color="#A4001D")
        self.numbers: dict[tuple[int, bool], Any] = {}

    def format(self, **spec: Any) -> Any:
        """A cell format in the sheet's font."""
        return self.book.add_format({"font_name": _FONT, "font_size": 11, "valign": "vcenter", **spec})

    def number(self, decimals: int, *, vetoed: bool) -> Any:
        """The format of a number shown with ``decimals`` decimals (marked when ``vetoed``)."""
        key = (decimals, vetoed)
        if key not in self.numbers:
            spec: dict[str, Any] = {"border": 1, "num_format": "0." + "0" * decimals if decimals else "0"}
            if vetoed:
                spec.update(bold=True, font_color="#A4001D", bg_color="#FBE3E6")
            self.numbers[key] = self.format(**spec)
        return self.numbers[key]

    def line(self, text: str, style: Any, height: int | None = None) -> None:
        """One line across the whole table's width."""
        _merge(self.work, (self.row, 0, self.row, self.last), text, style)
        if height is not None:
            self.work.set_row(self.row, height)
        self.row += 1

    def headers(self) -> tuple[int, int]:
        """The header rows (a month's items under one heading); returns the first and last."""
        first = self.row
        if not self.items:
            for n, text in enumerate(self.header):
                self.work.write_string(self.row, n, text, self.head)
            self.work.set_row(self.row, 20)
            self.row += 1
            return first, first
        start, end = self.items[0], self.items[-1]
        for n, text in enumerate(self.header):
            if not start <= n <= end:
                _merge(self.work, (self.row, n, self.row + 1, n), text, self.head)
        _merge(self.work, (self.row, start, self.row, end), "考核项目（得分）", self.head)
        for n in range(start, end + 1):
            self.work.write_string(self.row + 1, n, self.header[n], self.head)
        self.work.set_row(self.row + 1, 48)
        self.row += 2
        return first, first + 1

    def record(self, record: Record, *, flagged: bool) -> None:
        """One inspector's row: numbers as numbers, text as text, notes as comments."""
        notes = record.notes or ("",) * len(record.cells)
        lines = 1
        for n, (cell, value, note) in enumerate(zip(record.cells, record.values, notes, strict=True)):
            if isinstance(cell, tuple):
                self.work.write_string(self.row, n, _fitted([shown(line) for line in cell]), self.words)
                # a line of the deductions column holds about 110 cells of text
                lines = max(lines, sum(text_cells(line) // 110 + 1 for line in cell))
            elif value is not None:
                style = self.number(_decimals(cell.lstrip("*")), vetoed=bool(note))
                self.work.write_number(self.row, n, value, style)
            elif self.header[n].endswith("等次"):
                self.work.write_string(self.row, n, shown(cell), self.veto if flagged else self.center)
            else:
                self.work.write_string(self.row, n, shown(cell), self.text if n <= 2 else self.words)
                if n in (1, 2):  # (folded within its column, as wide as _WIDEST allows)
                    lines = max(lines, -(-(text_cells(shown(cell)) + 2) // _WIDEST))
            if note:
                self.work.write_comment(self.row, n, shown(note), {"x_scale": 2, "font_name": _FONT})
        self.work.set_row(self.row, min(_TALLEST, max(20, 14 * lines)))
        self.row += 1

    def widths(self) -> None:
        """Column widths: number, name and mine; items; the words; the rest."""
        rows = self.document.data_rows
        for n, text in enumerate(self.header):
            if n <= 2:
                # as wide as the widest name or mine (a CJK character is two), _WIDEST at most:
                # printed, a name or a mine is never cut off at the column's edge
                cells = [record.cells[n] for record in rows]
                widest = max((text_cells(shown(cell)) for cell in cells if isinstance(cell, str)), default=0)
                width = min(max((6, 10, 14)[n], widest + 2), _WIDEST)
            elif n in self.items:
                width = 12
            elif any(isinstance(record.cells[n], tuple) for record in rows):
                width = 60
            elif text.endswith("等次"):
                width = 10
            elif all(record.values[n] is not None for record in rows):
                width = 8
            else:
                width = 24
            self.work.set_column(n, n, width)

    def print_setup(self, header: tuple[int, int]) -> None:
        """A4 landscape, fitted to the page width, the header rows on every page."""
        work = self.work
        work.set_landscape()
        work.set_paper(9)  # A4
        work.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
        work.center_horizontally()
        work.repeat_rows(*header)
        work.fit_to_pages(1, 0)
        work.set_footer("&C第 &P 页，共 &N 页")
        work.freeze_panes(header[1] + 1, 3)


def _part_sheet(book: Any, styles: _Sheet, part: Part) -> None:
    """A corrected notice's 复核结果 on a sheet of its own: what changed, before and after, and why."""
    work = book.add_worksheet(shown(part.title)[:31])
    last = len(part.columns) - 1
    row = 0

    def line(text: str, style: Any) -> None:
        nonlocal row
        _merge(work, (row, 0, row, last), text, style)
        row += 1

    line(shown(part.title), styles.title)
    for text in part.lines:
        line(shown(text), styles.info)
    first = row
    if part.rows:  # (no table when nothing changed: the lines above say so)
        for n, column in enumerate(part.columns):
            work.write_string(row, n, shown(column.header), styles.head)
        row += 1
    for cells in part.rows:
        for n, (cell, column) in enumerate(zip(cells.cells, part.columns, strict=True)):
            try:
                value = Decimal(cell) if column.numeric else None
            except ArithmeticError:
                value = None
            if value is not None and value.is_finite():
                work.write_number(row, n, value, styles.number(_decimals(cell), vetoed=False))
            else:
                work.write_string(row, n, shown(cell), styles.text)
        row += 1
    if part.sections:
        row += 1
        line(shown(part.sections_title), styles.info)
        for section in part.sections:
            line(shown(section.heading), styles.info)
            for text in section.lines:
                _merge(work, (row, 0, row, last), shown(text), styles.words)
                work.set_row(row, max(20, 14 * (text_cells(text) // 110 + 1)))
                row += 1
    for n, column in enumerate(part.columns):
        work.set_column(n, n, max(8, min(40, text_cells(column.header) + 4)))
    work.set_landscape()
    work.set_paper(9)
    if part.rows:
        work.repeat_rows(first, first)
    work.fit_to_pages(1, 0)


def _merge(work: Any, cells: tuple[int, int, int, int], text: str, style: Any) -> None:
    """``text`` over ``cells`` (first row and column, last row and column), merged; in the one cell
    when they are one (XlsxWriter merges no single cell: it would warn and write nothing, as a
    scheme of one item's heading once did)."""
    first_row, first_col, last_row, last_col = cells
    if (first_row, first_col) == (last_row, last_col):
        work.write_string(first_row, first_col, text, style)
    else:
        work.merge_range(first_row, first_col, last_row, last_col, text, style)


def text_workbook(buffer: io.BytesIO) -> Any:
    """An XlsxWriter workbook written in memory to ``buffer`` in which every text is text: a
    title from a township "=1+1乡" or "http://…" is no formula, no link and no number, however
    it is written (merged cells go through XlsxWriter's ``write()``, which would make them so)."""
    import xlsxwriter  # noqa: PLC0415 - only for a workbook

    return xlsxwriter.Workbook(
        buffer,
        {
            "in_memory": True,
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
        },
    )


def render_xlsx(document: Document, /, *, created: date, sheet: str = "考核评分表") -> bytes:
    """The document's score sheet as the bytes of an .xlsx workbook (``created``: the date the
    workbook says it was made, the notice's date, so that the bytes depend on nothing else)."""
    buffer = io.BytesIO()
    book = text_workbook(buffer)
    book.set_properties(
        {
            "title": shown(document.title),
            "subject": "考核评分表",
            "created": datetime(created.year, created.month, created.day),
        }
    )
    out = _Sheet(book, document, sheet)
    facts = dict(document.facts)
    out.line(shown(document.title), out.title, 30)
    out.line("    ".join(f"{label}：{shown(facts[label])}" for label in _SUMMARY if label in facts), out.info)
    header = out.headers()
    for position, record in enumerate(document.data_rows):
        out.record(record, flagged=position < len(document.rows) and document.rows[position].flagged)
    # The panel signs the sheet; the notice period, issuer and fingerprints follow.
    out.row += 1
    out.line("考核小组成员（签字）：", out.info, 36)
    out.line("考核人（签字）：" + " " * 24 + "复核人（签字）：" + " " * 24 + "日期：", out.info, 36)
    out.row += 1
    for label, value in document.facts:
        if label not in _SUMMARY:
            out.line(f"{shown(label)}：{shown(value)}", out.info)
    out.widths()
    out.print_setup(header)
    for part in document.parts:
        _part_sheet(book, out, part)
    book.close()
    return buffer.getvalue()

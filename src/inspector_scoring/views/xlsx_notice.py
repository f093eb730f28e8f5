"""The score sheet (考核评分表) as a workbook, written with XlsxWriter.

One sheet, laid out as township score sheets are: the title; a line saying
township, period and rule file; two header rows (the items under one
``考核项目`` heading, each with its points); one row per inspector with the
item scores, bonus and total as numbers, the grade, the veto and the
deductions in words; the signature rows of the panel (考核人、复核人、日期);
and the notice period, issuer, fingerprints and engine at the foot. The
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
from typing import TYPE_CHECKING, Any

from .document import Document
from .shown import shown

if TYPE_CHECKING:
    from xlsxwriter.worksheet import Worksheet

__all__ = ["render_xlsx"]

_FONT = "宋体"  # the font Chinese office documents are set in; any CJK font stands in for it


def _decimals(text: str) -> int:
    return len(text.partition(".")[2])


def render_xlsx(document: Document, /, *, created: date, sheet: str = "考核评分表") -> bytes:
    """The document's score sheet as the bytes of an .xlsx workbook (``created``: the date the
    workbook says it was made, the notice's date, so that the bytes depend on nothing else)."""
    import xlsxwriter  # noqa: PLC0415 - only for a workbook

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False})
    book.set_properties(
        {
            "title": shown(document.title),
            "subject": "考核评分表",
            "created": datetime(created.year, created.month, created.day),
        }
    )

    def fmt(**spec: Any) -> Any:
        base: dict[str, Any] = {"font_name": _FONT, "font_size": 11, "valign": "vcenter"}
        base.update(spec)
        return book.add_format(base)

    title = fmt(bold=True, font_size=16, align="center")
    info = fmt(font_size=10)
    head = fmt(bold=True, align="center", border=1, text_wrap=True, bg_color="#E8EDF3")
    text = fmt(border=1)
    center = fmt(border=1, align="center")
    words = fmt(border=1, text_wrap=True, valign="top", font_size=10)
    veto_text = fmt(border=1, align="center", bold=True, font_color="#A4001D")
    number_formats: dict[tuple[int, bool], Any] = {}

    def number(decimals: int, vetoed: bool = False) -> Any:
        key = (decimals, vetoed)
        if key not in number_formats:
            spec: dict[str, Any] = {"border": 1, "num_format": "0." + "0" * decimals if decimals else "0"}
            if vetoed:
                spec.update(bold=True, font_color="#A4001D", bg_color="#FBE3E6")
            number_formats[key] = fmt(**spec)
        return number_formats[key]

    work: Worksheet = book.add_worksheet(sheet)
    header = [shown(cell) for cell in document.data_header]
    columns = len(header)
    item_columns = [n for n, column in enumerate(document.columns) if column.note]
    last = columns - 1

    row = 0
    work.merge_range(row, 0, row, last, shown(document.title), title)
    work.set_row(row, 30)
    row += 1
    facts = dict(document.facts)
    said = "    ".join(
        f"{label}：{shown(facts[label])}" for label in ("乡镇", "考核期", "考核细则") if label in facts
    )
    work.merge_range(row, 0, row, last, said, info)
    row += 1

    # Two header rows: items under one heading (a month's sheet), or every column spanning both.
    first_header = row
    if item_columns:
        start, end = item_columns[0], item_columns[-1]
        for n in range(columns):
            if start <= n <= end:
                continue
            work.merge_range(row, n, row + 1, n, header[n], head)
        work.merge_range(row, start, row, end, "考核项目（得分）", head)
        for n in range(start, end + 1):
            work.write_string(row + 1, n, header[n], head)
        row += 2
    else:
        for n in range(columns):
            work.write_string(row, n, header[n], head)
        row += 1
    work.set_row(row - 1, 48 if item_columns else 20)
    header_rows = (first_header, row - 1)

    for position, record in enumerate(document.data_rows):
        flagged = position < len(document.rows) and document.rows[position].flagged
        notes = record.notes or ("",) * len(record.cells)
        height = 1
        for n, (cell, value, note) in enumerate(zip(record.cells, record.values, notes, strict=True)):
            if isinstance(cell, tuple):
                work.write_string(row, n, "\n".join(shown(line) for line in cell), words)
                height = max(height, len(cell))
            elif value is not None:
                work.write_number(row, n, value, number(_decimals(cell.rstrip("*")), vetoed=bool(note)))
            elif header[n].endswith("等次") and flagged:
                work.write_string(row, n, shown(cell), veto_text)
            elif n <= 2 or header[n].endswith("等次"):
                work.write_string(row, n, shown(cell), center if n == 0 else text)
            else:
                work.write_string(row, n, shown(cell), words)
            if note:
                work.write_comment(row, n, shown(note), {"x_scale": 2, "font_name": _FONT})
        work.set_row(row, max(20, 15 * height))
        row += 1

    # The panel signs the sheet.
    row += 1
    work.merge_range(row, 0, row, last, "考核小组成员（签字）：", info)
    work.set_row(row, 36)
    row += 1
    work.merge_range(
        row, 0, row, last, "考核人（签字）：" + " " * 24 + "复核人（签字）：" + " " * 24 + "日期：", info
    )
    work.set_row(row, 36)
    row += 2
    for label, value in document.facts:
        if label in ("乡镇", "考核期", "考核细则"):
            continue
        work.merge_range(row, 0, row, last, f"{shown(label)}：{shown(value)}", info)
        row += 1

    widths = {0: 6, 1: 10, 2: 14}
    for n in range(columns):
        if n in widths:
            width = widths[n]
        elif n in item_columns:
            width = 12
        elif any(isinstance(record.cells[n], tuple) for record in document.data_rows):
            width = 60
        elif header[n].endswith("等次"):
            width = 10
        elif all(value is not None for value in (r.values[n] for r in document.data_rows)):
            width = 8
        else:
            width = 24
        work.set_column(n, n, width)

    work.set_landscape()
    work.set_paper(9)  # A4
    work.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    work.center_horizontally()
    work.repeat_rows(*header_rows)
    work.fit_to_pages(1, 0)
    work.set_footer("&C第 &P 页，共 &N 页")
    work.freeze_panes(header_rows[1] + 1, 3)
    book.close()
    return buffer.getvalue()

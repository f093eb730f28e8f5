"""A notice as CSV, for spreadsheets: UTF-8 with a BOM, what it is first, then the table.

Layout (every line a CSV record, comma-separated, every field quoted):

1. the notice's title, alone;
2. one line per fact: ``乡镇``, ``考核期``, ``公示期``, ``发布单位``, the rule
   file, the fingerprints (``规则文件 sha256``, ``证据文件 sha256``) and the
   engine, as label and value;
3. an empty line;
4. the table's header and one line per inspector (for a month: items, bonus,
   total, grade, vetoes, the deductions in words, one a line in the cell).

No ``sep=`` line: Excel reads it, but then ignores the BOM, and LibreOffice
shows it as a row. Every cell from the inputs is shown, never obeyed
(:func:`.shown.spreadsheet_text`): control characters as escapes, and a cell
that would start a formula (``= + - @``, TAB, CR, LF, NUL) behind an apostrophe.
"""

from __future__ import annotations

import csv
import io

from .document import Document
from .shown import spreadsheet_text

__all__ = ["BOM", "render_csv"]

BOM = "\ufeff"


def _cell(value: str | tuple[str, ...]) -> str:
    if isinstance(value, str):
        return spreadsheet_text(value)
    # Lines of one cell: each shown on its own, joined by line breaks the CSV quotes.
    return "\n".join(spreadsheet_text(line) for line in value)


def render_csv(document: Document, /) -> str:
    """The document as CSV: title, facts, an empty line, then the data table."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerow([spreadsheet_text(document.title)])
    writer.writerows([spreadsheet_text(label), spreadsheet_text(value)] for label, value in document.facts)
    buffer.write("\r\n")
    writer.writerow([spreadsheet_text(cell) for cell in document.data_header])
    writer.writerows([_cell(cell) for cell in record.cells] for record in document.data_rows)
    return BOM + buffer.getvalue()

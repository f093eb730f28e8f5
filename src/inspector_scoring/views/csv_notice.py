"""A notice as CSV: one row per table row, UTF-8 with a BOM so spreadsheets read Chinese."""

from __future__ import annotations

import csv
import io

from .document import Document

__all__ = ["BOM", "render_csv"]

BOM = "\ufeff"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _text(value: str) -> str:
    # A spreadsheet would run a cell starting with "=" as a formula; show it as text.
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def render_csv(document: Document, /) -> str:
    """The document's CSV header and rows (for a month: items, total, grade, vetoes, deductions)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(document.csv_header)
    writer.writerows([_text(cell) for cell in row] for row in document.csv_rows)
    return BOM + buffer.getvalue()

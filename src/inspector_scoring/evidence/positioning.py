"""A positioning system's export read as it is (CSV in UTF-8 or GB18030, .xls, .xlsx), through
a column mapping the district writes once per system.

The mapping (TOML) says which event kind the export's rows are and which of
its columns holds the card, the name, the entry and the exit::

    schema = 1
    [positioning]
    title = "人员定位系统导出"
    kind = "underground"
    [positioning.columns]
    card = "卡号"
    name = "姓名"
    at = "入井时间"
    until = "升井时间"
    [positioning.fields]
    duration = "下井时长"

The export's header is the first of its first rows that holds every mapped
column (a title row above it is passed over). Its rows are then read as an
event sheet of that kind (:mod:`.workbook`): rows of cards no inspector has
are left out and counted, a card under another name than the roster's is an
error (捎卡?), and every other column is kept as an extra field.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Mapping
from typing import Any

import attrs

from .. import messages as M
from .._readers import check_keys, check_schema, join, read_str, read_table
from ..errors import Collector, InvalidInputError, Problem
from ..files import read_bytes
from ..i18n import Listing, quote
from ..layout import EVENT_COLUMNS
from ..rules.model import Kind

__all__ = ["ColumnMapping", "Export", "default_mapping", "load_mapping", "read_export"]

#: what a mapping's columns may name: an event sheet's own columns, by their keys
_COLUMN_KEYS = {key: header for header, key in EVENT_COLUMNS.items()}
#: how many rows from the top may hold the header
_HEADER_ROWS = 30


@attrs.frozen(slots=True)
class ColumnMapping:
    """A positioning export's columns: the event kind, our column → its header, extra fields."""

    kind: str
    columns: tuple[tuple[str, str], ...]
    fields: tuple[tuple[str, str], ...] = ()
    title: str = ""
    source: str = ""

    def as_kind(self) -> Kind:
        """The event sheet an export is read as: its headers standing for our columns."""
        return Kind(
            self.kind,
            self.kind,
            fields=self.fields,
            aliases=tuple((header, _COLUMN_KEYS[key]) for key, header in self.columns),
        )


@attrs.frozen(slots=True)
class Export:
    """An export's rows from its header on, with the name its cells are reported under."""

    name: str
    rows: tuple[tuple[object, ...], ...]
    #: the header's row in the file, counted from 0 (the rows above are titles)
    first_row: int
    mapping: ColumnMapping
    #: the file, as given: its problems are reported under it, not the workbook's
    path: str = ""
    #: the sheet read, for a workbook export (``Sheet1``); empty for CSV, which has none
    sheet: str = ""

    def cell(self, place: str) -> str | None:
        """``place`` (``exp.csv!B5``, as the workbook's reader names this export's cells) as
        the export file's own cell (``B5``; ``Sheet1!B5`` in a workbook), or ``None`` when it
        is no cell of this export."""
        prefix = f"{self.name}!"
        if not self.path or not place.startswith(prefix):
            return None
        cell = place[len(prefix) :]
        return f"{self.sheet}!{cell}" if self.sheet else cell

    def locate(self, problem: Problem) -> Problem:
        """A problem at one of this export's cells, moved to the export file (``exp.csv: B5``)."""
        cell = self.cell(problem.path)
        return problem if cell is None else attrs.evolve(problem, file=self.path, path=cell)


def load_mapping(path: str | os.PathLike[str], /) -> ColumnMapping:
    """Read and check a column mapping (TOML); raises :class:`InvalidInputError`."""
    from ..rules.load import parse_toml  # noqa: PLC0415

    name = os.fspath(path)
    return _mapping(parse_toml(read_bytes(name), name), name)


def default_mapping() -> ColumnMapping:
    """The bundled mapping, for exports headed 姓名, 卡号, 入井时间, 升井时间 (and 下井时长)."""
    from importlib import resources  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415

    from ..rules.load import parse_toml  # noqa: PLC0415

    here = Path(__file__).resolve().parents[3] / "rules" / "positioning" / "standard.toml"
    if here.is_file():  # a checkout: the file people read and edit
        data = here.read_bytes()
    else:
        data = (
            resources.files("inspector_scoring")
            .joinpath("rules", "positioning", "standard.toml")
            .read_bytes()
        )
    return _mapping(parse_toml(data, "standard.toml"), "standard.toml")


def _mapping(raw: Mapping[str, Any], name: str) -> ColumnMapping:
    problems = Collector(name)
    check_keys(problems, "", raw, allowed=("schema", "positioning"), required=("schema", "positioning"))
    check_schema(problems, raw, 1)
    table = read_table(problems, "positioning", raw.get("positioning", {}))
    kind = title = None
    columns: list[tuple[str, str]] = []
    fields: list[tuple[str, str]] = []
    if table is not None:
        check_keys(
            problems,
            "positioning",
            table,
            allowed=("title", "kind", "columns", "fields"),
            required=("kind", "columns"),
        )
        if "title" in table:
            title = read_str(problems, "positioning.title", table["title"])
        if "kind" in table:
            kind = read_str(problems, "positioning.kind", table["kind"])
        spec = read_table(problems, "positioning.columns", table.get("columns", {})) or {}
        check_keys(problems, "positioning.columns", spec, allowed=tuple(_COLUMN_KEYS), required=("at",))
        for key, header in spec.items():
            text = read_str(problems, join("positioning.columns", key), header)
            if text is not None and key in _COLUMN_KEYS:
                columns.append((key, text))
        if spec and not any(key in spec for key in ("id", "name", "card")):
            problems.add("positioning.columns", M.MAPPING_NO_WHO)
        extra = read_table(problems, "positioning.fields", table.get("fields", {})) or {}
        for field, header in extra.items():
            text = read_str(problems, join("positioning.fields", field), header)
            if text is not None:
                fields.append((field, text))
    problems.raise_if_any()
    assert kind is not None
    return ColumnMapping(kind, tuple(columns), tuple(fields), title or "", name)


def read_export(path: str, mapping: ColumnMapping, /) -> Export:
    """An export file's rows from its header on (CSV: UTF-8, else GB18030; .xls, .xlsx, .ods)."""
    data = read_bytes(path)
    name = os.path.basename(path)
    if data[:4] in (b"PK\x03\x04", b"\xd0\xcf\x11\xe0"):
        from .workbook import read_workbook  # noqa: PLC0415

        book = read_workbook(data, path)
        rows = book.sheets[0].rows if book.sheets else ()
        sheet = book.sheets[0].name if book.sheets else ""
    else:
        rows = _csv_rows(data, path)
        sheet = ""
    headers = {header for _, header in mapping.columns}
    for first, row in enumerate(rows[:_HEADER_ROWS]):
        texts = {cell.strip() for cell in row if isinstance(cell, str)}
        if headers <= texts:
            return Export(name, tuple(rows[first:]), first, mapping, path, sheet)
    problems = Collector(path)
    problems.add("", M.EXPORT_NO_HEADER, columns=Listing(map(quote, sorted(headers))), mapping=mapping.source)
    raise InvalidInputError(problems.problems)


def _csv_rows(data: bytes, path: str) -> tuple[tuple[object, ...], ...]:
    """A CSV file's rows of text: UTF-8 (with or without its BOM), else GB18030 (as Excel saves
    Chinese text on Windows)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("gb18030", errors="replace")
    sample = text[:4096]
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return tuple(tuple(row) for row in reader)
    except csv.Error as error:  # a cell over csv's 131,072 characters (said in our words)
        problems = Collector(path)
        if "field limit" in str(error):
            problems.add("", M.EXPORT_CELL_TOO_LONG, line=reader.line_num, most=csv.field_size_limit())
        else:
            problems.add("", M.EXPORT_NOT_CSV, line=reader.line_num)
        raise InvalidInputError(problems.problems) from None

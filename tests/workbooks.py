"""Workbooks built in code for the tests: each cell written with the type it is given."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import xlsxwriter

#: a cell that holds a formula (only to show that the reader takes its value)
Sheets = dict[str, list[list[Any]]]


def workbook_bytes(sheets: Sheets) -> bytes:
    """An .xlsx with these sheets: ``str`` as text, ``int``/``float``/``Decimal`` as numbers,
    ``date`` and ``datetime`` as spreadsheet dates (formatted so), ``None`` as an empty cell."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(
        out, {"in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False}
    )
    day = book.add_format({"num_format": "yyyy-mm-dd"})
    moment = book.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
    for name, rows in sheets.items():
        sheet = book.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, datetime):
                    sheet.write_datetime(r, c, value, moment)
                elif isinstance(value, date):
                    sheet.write_datetime(r, c, value, day)
                elif isinstance(value, bool):
                    sheet.write_boolean(r, c, value)
                elif isinstance(value, (int, float, Decimal)):
                    sheet.write_number(r, c, float(value))
                else:
                    sheet.write_string(r, c, value)
    book.close()
    return out.getvalue()


def with_errors(data: bytes, sheet: int, shown: dict[str, str]) -> bytes:
    """The .xlsx ``data`` with these cells of its ``sheet``-th worksheet (from 1) showing a
    formula's error, as a spreadsheet program saves one: ``<c r="B2" t="e"><f>…</f><v>#DIV/0!</v></c>``
    (each cell must hold a value already)."""
    return with_cells(
        data,
        sheet,
        {cell: f'<c r="{cell}" t="e"><f>A1/0</f><v>{error}</v></c>' for cell, error in shown.items()},
    )


def rewrite_parts(data: bytes, change: Any) -> bytes:
    """The zip ``data`` with each part passed through ``change(name, body)``, which gives the
    part's (name, body) to write, or ``None`` to leave it out."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            written = change(info.filename, source.read(info))
            if written is not None:
                target.writestr(written[0], written[1])
    return out.getvalue()


def with_cells(data: bytes, sheet: int, elements: dict[str, str]) -> bytes:
    """The .xlsx ``data`` with these cells of its ``sheet``-th worksheet (from 1) written as the
    XML given: in place of the cell, or after the last cell of its row when it has none."""

    def change(name: str, body: bytes) -> tuple[str, bytes]:
        if name != f"xl/worksheets/sheet{sheet}.xml":
            return name, body
        text = body.decode("utf-8")
        for cell, element in elements.items():
            text, replaced = re.subn(rf'<c r="{cell}"(?:[^>]*/>|[^>]*>.*?</c>)', element, text)
            if not replaced:
                row = cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
                text, replaced = re.subn(rf'(<row r="{row}"[^>]*>.*?)(</row>)', rf"\1{element}\2", text)
            assert replaced == 1, cell
        return name, text.encode("utf-8")

    return rewrite_parts(data, change)


_ODS_ERROR = (
    '<table:table-cell table:formula="of:=1/0" office:value-type="string" office:string-value="" '
    'calcext:value-type="error"{repeat}><text:p>{shown}</text:p></table:table-cell>'
)


def ods_bytes(sheets: Sheets, errors: dict[tuple[str, int, int], tuple[str, int]]) -> bytes:
    """An OpenDocument spreadsheet of these sheets (text and numbers; a date as its text), the
    cells of ``errors`` — (sheet, row, column) from 0: (what it shows, how many cells in a row) —
    showing a formula's error as LibreOffice saves one (``calcext:value-type="error"``)."""
    from xml.sax.saxutils import escape  # noqa: PLC0415

    tables = []
    for name, rows in sheets.items():
        cells_xml = []
        for r, row in enumerate(rows):
            cells, c = [], 0
            while c < len(row):
                if (name, r, c) in errors:
                    shown, count = errors[name, r, c]
                    repeat = f' table:number-columns-repeated="{count}"' if count > 1 else ""
                    cells.append(_ODS_ERROR.format(repeat=repeat, shown=escape(shown)))
                    c += count
                    continue
                value = row[c]
                if value is None:
                    cells.append("<table:table-cell/>")
                elif isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
                    cells.append(
                        f'<table:table-cell office:value-type="float" office:value="{value}">'
                        f"<text:p>{value}</text:p></table:table-cell>"
                    )
                else:
                    text = value.isoformat(sep=" ") if isinstance(value, datetime) else str(value)
                    cells.append(
                        f'<table:table-cell office:value-type="string"><text:p>{escape(text)}</text:p>'
                        "</table:table-cell>"
                    )
                c += 1
            cells_xml.append("<table:table-row>" + "".join(cells) + "</table:table-row>")
        tables.append(f'<table:table table:name="{escape(name)}">' + "".join(cells_xml) + "</table:table>")
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" '
        'office:version="1.2"><office:body><office:spreadsheet>'
        + "".join(tables)
        + "</office:spreadsheet></office:body></office:document-content>"
    )
    return ods_package(content.encode("utf-8"))


def ods_package(content: bytes) -> bytes:
    """An OpenDocument spreadsheet file holding ``content.xml`` as given, as LibreOffice packs
    one: its ``mimetype`` first, and a manifest."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
            'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
            'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            "</manifest:manifest>",
        )
    return out.getvalue()


def write_workbook(path: Any, sheets: Sheets) -> str:
    """Write the workbook to ``path``; return the path as text."""
    data = workbook_bytes(sheets)
    with open(path, "wb") as file:
        file.write(data)
    return str(path)


#: the bundled scheme's event sheets, empty: nothing of these kinds happened
EMPTY_KINDS = ("脱岗记录", "电话抽查记录", "漏查隐患", "隐患台账", "表彰记录", "弄虚作假", "瞒报记录")


def month(**changes: list[list[Any]]) -> Sheets:
    """A small April 2021 workbook for 前进镇 under the bundled scheme, with ``changes`` of sheets."""
    sheets: Sheets = {
        "考核信息": [
            ["项目", "内容"],
            ["乡镇", "前进镇"],
            ["考核期", "2021年4月"],
            ["考核日期", date(2021, 5, 6)],
        ],
        "人员": [
            ["编号", "姓名", "所驻煤矿", "到岗日期", "离岗日期", "卡号"],
            ["QJ-01", "张德明", "白沙沟煤矿", None, None, "8001、8002"],
            ["QJ-02", "刘春燕", "石门煤矿", "2021/4/11", None, 8003],
        ],
        "请假": [
            ["姓名", "开始日期", "结束日期", "事由"],
            ["张德明", "2021年4月20日", date(2021, 4, 22), "病假"],
        ],
        "计数": [
            ["编号", "参加班前会次数", "safety_meetings"],
            ["QJ-01", 10, "1"],
            ["QJ-02", 6.0, 1],
        ],
        "工作日志": [["编号", "时间"]]
        + [["QJ-01", date(2021, 4, day)] for day in range(1, 31) if day not in (20, 21, 22, 25)]
        + [[None, None]]
        + [["QJ-02", f"2021-04-{day:02d}"] for day in range(11, 31)],
        "下井记录": [
            ["卡号", "姓名", "时间", "结束时间", "记录号", "部门"],
            ["8001", "张德明", datetime(2021, 4, 1, 23, 0), datetime(2021, 4, 2, 2, 30), "KJ-1", "安监"],
            ["8002", None, "2021-04-02 09:00", "2021-04-02 10:59", "KJ-2", None],
            ["8003", "刘春燕", "2021/4/12 22:10", "2021年4月13日 01:40", None, "安监"],
            ["9001", "王矿工", "2021-04-12 08:00", "2021-04-12 16:00", "KJ-9", "采煤一队"],
            ["9002", "赵矿工", "2021-04-13 08:00", None, "KJ-10", "采煤一队"],
            ["8001", "张德明", datetime(2021, 4, 5, 8, 0), None, "KJ-3", None],
        ],
    }
    sheets.update({name: [["编号", "时间"]] for name in EMPTY_KINDS})
    sheets.update(changes)
    return sheets

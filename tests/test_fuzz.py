"""Laws under hostile input, bounded to run in seconds (tools/fuzz.py runs the long version).

Whatever a value becomes — a number with an exponent beyond any decimal, a
thousand digits, text with ESC, C1, NUL, BEL, BS, CR or U+202E, half a
surrogate pair, text of 100,000 characters, nesting thousands deep, a key that
is no text — the library and the command answer with a result or with
problems at their paths: never a traceback, never a raw control character in a
message, and ``score verify`` never says "matches" of a result that was changed.
"""

from __future__ import annotations

import copy
import json
import re
import subprocess
import tempfile
import zipfile
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import inspector_scoring as isc
from conftest import EXAMPLES, score_executable
from inspector_scoring.evidence import workbook
from workbooks import month, ods_package, rewrite_parts, workbook_bytes, write_workbook

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SMALL_TEXT = (FIXTURES / "rules" / "small.toml").read_text(encoding="utf-8")
SMALL = isc.loads_rules(SMALL_TEXT, source="small.toml")
MINIMAL: dict[str, Any] = json.loads((FIXTURES / "evidence" / "minimal.json").read_text(encoding="utf-8"))
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")

hostile_text = st.one_of(
    st.sampled_from(["\x1b[31m", "\x1b]8;;http://x\x07", "\x9b2J", "\x00", "\x07\x08\r", "\u202e", "\ud800"]),
    st.text(st.characters(codec=None, categories=("Cc", "Cf", "Cs", "Zl", "Zp", "Lo")), max_size=20),
    st.just("x" * 100_000),
)
hostile_numbers = st.one_of(
    st.sampled_from(
        [
            Decimal("1E+999999999999999"),
            Decimal("1E-999999999999999"),
            Decimal("1." + "0" * 80 + "1"),
            10**5000,
            -1,
            10**12 + 1,
        ]
    ),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.decimals(allow_nan=True, allow_infinity=True),
)


def _deep(levels: int) -> Any:
    value: Any = "x"
    for _ in range(levels):
        value = [value]
    return value


hostile_values = st.one_of(
    hostile_text,
    hostile_numbers,
    st.booleans(),
    st.none(),
    st.sampled_from([70, 2000]).map(_deep),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.sampled_from(["kind", "at", "x", "\x1b"]), st.integers(), max_size=2),
)
hostile_keys = st.one_of(hostile_text, st.sampled_from([5, None, (1, 2)]))


def _places(tree: Any) -> list[tuple[Any, Any]]:
    """Every (container, key) of a small tree."""
    found, stack = [], [tree]
    while stack:
        value = stack.pop()
        pairs = (
            value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
        )
        for key, item in pairs:
            found.append((value, key))
            stack.append(item)
    return found


@st.composite
def hostile_evidence(draw: st.DrawFn) -> dict[str, Any]:
    """The minimal evidence with one to three values or keys made hostile."""
    tree = copy.deepcopy(MINIMAL)
    for _ in range(draw(st.integers(1, 3))):
        places = _places(tree)
        container, key = draw(st.sampled_from(places))
        if isinstance(container, dict) and draw(st.booleans()):
            container[draw(hostile_keys)] = draw(hostile_values)
        else:
            container[key] = draw(hostile_values)
    return tree


def _problem_lines(call: Callable[[], object]) -> list[str]:
    """The problems ``call`` raises, in both languages (none when it succeeds); any other
    exception fails the test."""
    try:
        call()
    except isc.InvalidInputError as error:
        return error.lines("en") + error.lines("zh")
    return []


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_evidence())
def test_hostile_evidence_is_scored_or_refused(evidence: dict[str, Any]) -> None:
    """A caller's hostile mapping is scored and written, or refused with visible problems."""
    lines = _problem_lines(lambda: isc.result_to_json(isc.score_evidence(SMALL, evidence)))
    assert not any(RAW_CONTROL.search(line) for line in lines)


def _json_text(tree: Any) -> bytes:
    """A tree as JSON text with hostile numbers written as they are."""

    def number(value: Any) -> str:
        if isinstance(value, Decimal):
            return f"\x00N{value}\x00"
        raise TypeError

    def big(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: big(v) for k, v in value.items() if isinstance(k, (str, int)) or k is None}
        if isinstance(value, list):
            return [big(v) for v in value]
        if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 1000:
            return Decimal(value)
        return value

    try:
        text = json.dumps(big(tree), ensure_ascii=False, default=number)
    except (TypeError, ValueError, RecursionError):
        text = "{}"
    text = re.sub(r'"\\u0000N([^"]*)\\u0000"', r"\1", text)
    return text.encode("utf-8", "surrogatepass")


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_evidence())
def test_hostile_evidence_files_are_scored_or_refused(evidence: dict[str, Any]) -> None:
    """The same, written as a file's bytes: a result or problems, never a traceback."""
    lines = _problem_lines(lambda: isc.result_to_json(isc.score_file(_json_text(evidence), rules=SMALL)))
    assert not any(RAW_CONTROL.search(line) for line in lines)


toml_values = st.sampled_from(
    [
        "1e+99999999999999999999",
        "1e-99999999999999999999",
        "9" * 5000,
        "1e999999999",
        "3000000",
        "-1",
        "nan",
        '"{township:d}"',
        '"{township:>300000000}"',
        '"\\u001b[31m\\u0007\\b\\r\\u202e"',
        '"' + "x" * 600 + '"',
        "[" * 80 + "]" * 80,
        "[" * 5000 + "]" * 5000,
        "9999-12-31",
        "{}",
    ]
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, 10_000), toml_values), min_size=1, max_size=3))
def test_hostile_rule_files_are_loaded_or_refused(changes: list[tuple[int, str]]) -> None:
    """A rule file with hostile values loads (and scores) or is refused, never a traceback."""
    lines = SMALL_TEXT.split("\n")
    assignments = [n for n, line in enumerate(lines) if " = " in line]
    for pick, value in changes:
        n = assignments[pick % len(assignments)]
        lines[n] = lines[n].split(" = ")[0] + " = " + value

    def load_and_score() -> object:
        rules = isc.loads_rules("\n".join(lines), source="rules.toml")
        return isc.result_to_json(isc.score_evidence(rules, MINIMAL))

    assert not any(RAW_CONTROL.search(line) for line in _problem_lines(load_and_score))


ASSESSMENT = isc.score_file(EXAMPLES / "taiping-2021-03.json")
PUBLISHED: dict[str, Any] = json.loads(isc.result_to_json(ASSESSMENT), parse_float=Decimal)


@st.composite
def changed_results(draw: st.DrawFn) -> dict[str, Any]:
    """The published result with one value changed to something else, or an entry moved."""
    forged = copy.deepcopy(PUBLISHED)
    if draw(st.booleans()):
        results = forged["results"]
        a = draw(st.integers(0, len(results) - 1))
        b = draw(st.integers(0, len(results) - 1).filter(lambda n: n != a))
        results[a], results[b] = results[b], results[a]
        return forged
    places = [(c, k) for c, k in _places(forged) if not (c is forged and k == "engine")]
    container, key = draw(st.sampled_from(places))
    old = container[key]
    new = draw(hostile_values.filter(lambda v: not _same(v, old)))
    container[key] = new
    return forged


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, Decimal)) and isinstance(b, (int, Decimal)):
        return Decimal(a).is_finite() and Decimal(b).is_finite() and Decimal(a) == Decimal(b)
    return type(a) is type(b) and a == b


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(changed_results())
def test_verify_never_matches_a_changed_result(forged: dict[str, Any]) -> None:
    """Any change to a published result is a difference or an invalid result: never "matches"."""
    found: list[tuple[str, ...]] = []
    lines = _problem_lines(lambda: found.append(isc.verify_result(forged, ASSESSMENT)))
    assert lines or found[0] != ()
    assert not any(RAW_CONTROL.search(line) for line in lines)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    hostile_evidence(), st.sampled_from(["table", "json", "csv", "markdown"]), st.sampled_from(["en", "zh"])
)
def test_the_command_under_hostile_evidence(evidence: dict[str, Any], fmt: str, lang: str) -> None:
    """The installed command exits 0 or 1 on hostile evidence, with no traceback and no raw
    control character on standard error."""
    done = subprocess.run(
        [str(score_executable()), "-", "--rules", str(FIXTURES / "rules" / "small.toml"), "--format", fmt],
        input=_json_text(evidence),
        capture_output=True,
        timeout=30,
        check=False,
        env={"SCORE_LANG": lang, "PATH": "/usr/bin:/bin"},
    )
    stderr = done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr
    assert done.returncode in (0, 1), stderr
    assert not RAW_CONTROL.search(stderr)


# -- workbooks and positioning exports --------------------------------------------------------

QIANJIN = EXAMPLES / "qianjin-2021-04.xlsx"


def _sheet_too_large(path: Path, cell: str, rows: int, columns: int, most: int = 5_000_000) -> list[str]:
    """The one problem, in English, of a workbook whose sheet 人员 spans too many cells."""
    return [
        f"{path}: 人员: the sheet reaches cell {cell}: {rows} rows by {columns} columns is more "
        f"than the {most} cells this program reads; clear the cells far below or to the right of "
        "the records"
    ]


def test_a_value_far_from_the_records_is_refused_before_the_grid_is_laid_out(tmp_path: Path) -> None:
    """One value at XFD1048576 made python-calamine ask for 1,048,576 × 16,384 cells (512 GiB)
    and the process was killed. The sheet's span is read from its XML first:
    1,048,576 × 16,384 = 17,179,869,184 > 5,000,000."""
    path = tmp_path / "far.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("人员")
    sheet.write_row(0, 0, ["编号", "姓名"])
    sheet.write(1_048_575, 16_383, "x")
    book.close()
    with pytest.raises(isc.InvalidInputError) as raised:
        isc.score_file(path)
    assert raised.value.lines("en") == _sheet_too_large(path, "XFD1048576", 1_048_576, 16_384)
    assert raised.value.lines("zh") == [
        f"{path}: 人员: 表格一直用到了单元格 XFD1048576，共 1048576 行 16384 列，超过本程序能读的 "
        "5000000 个单元格；请把记录下方或右侧远处的单元格清空"
    ]


def _first_sheet_rewritten(data: bytes, *changes: tuple[bytes, bytes]) -> bytes:
    """The .xlsx ``data`` with each (old, new) of ``changes`` made in its first sheet's XML."""

    def change(name: str, body: bytes) -> tuple[str, bytes]:
        if name == "xl/worksheets/sheet1.xml":
            for old, new in changes:
                body = body.replace(old, new)
        return name, body

    return rewrite_parts(data, change)


#: row 2 made the last row a sheet has
_LAST_ROW = (b'<row r="2"', b'<row r="1048576"')


def test_a_far_cell_written_with_spaces_around_its_equals_sign_is_refused_too(tmp_path: Path) -> None:
    """XML allows ``r = "XFD1048576"``, and python-calamine reads it: the span is read from
    such a reference too, so the sheet is refused before it is laid out."""
    path = tmp_path / "far.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("人员")
    sheet.write_row(0, 0, ["编号", "姓名"])
    sheet.write(1, 1, 7)
    book.close()
    rewritten = tmp_path / "far-spaced.xlsx"
    rewritten.write_bytes(
        _first_sheet_rewritten(path.read_bytes(), (b'<c r="B2"', b'<c r = "XFD1048576"'), _LAST_ROW)
    )
    with pytest.raises(isc.InvalidInputError) as raised:
        isc.score_file(rewritten)
    assert raised.value.lines("en") == _sheet_too_large(rewritten, "XFD1048576", 1_048_576, 16_384)


def test_a_far_cell_is_bounded_beside_a_damaged_sheet(tmp_path: Path) -> None:
    """A value at AY1048576 in one sheet and a byte changed in another (its checksum fails):
    the damaged sheet once made the whole span check give up, and python-calamine laid out
    1,048,576 × 51 cells (seconds, and gigabytes) before the bound was seen. Each sheet is now
    read on its own: the far one is refused at once, the damaged one said to be damaged."""
    path = tmp_path / "far.xlsx"
    book = xlsxwriter.Workbook(str(path))
    people = book.add_worksheet("人员")
    people.write_row(0, 0, ["编号", "姓名"])
    people.write(1_048_575, 50, "x")
    book.add_worksheet("请假").write_row(0, 0, ["姓名", "开始日期", "结束日期"])
    book.close()
    damaged = tmp_path / "far-damaged.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(damaged, "w", zipfile.ZIP_STORED) as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info))
    with zipfile.ZipFile(damaged) as archive:
        header = archive.getinfo("xl/worksheets/sheet2.xml").header_offset
    data = bytearray(damaged.read_bytes())
    # (stored as it is: a byte of the second sheet's XML, after its local header)
    at = data.index(b"<sheetData", header)
    data[at + 1] ^= 0x01
    damaged.write_bytes(bytes(data))
    with pytest.raises(isc.InvalidInputError) as raised:
        isc.score_file(damaged)
    # (the damaged sheet is not reached: the span is refused before any sheet is laid out)
    assert raised.value.lines("en") == _sheet_too_large(damaged, "AY1048576", 1_048_576, 51)


def test_a_far_cell_behind_a_decoy_attribute_is_bounded(tmp_path: Path) -> None:
    """A start tag is read attribute by attribute: ``<c x="r='A1'" r="XFD1048576">`` is at
    XFD1048576 (the ``r=`` inside another attribute's value is text), and refused."""
    path = tmp_path / "far.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("人员")
    sheet.write_row(0, 0, ["编号", "姓名"])
    sheet.write(1, 1, 7)
    book.close()
    far = tmp_path / "far-decoy.xlsx"
    far.write_bytes(
        _first_sheet_rewritten(
            path.read_bytes(), (b'<c r="B2"', b'<c x="a&gt;b r=\'A1\'" r="XFD1048576"'), _LAST_ROW
        )
    )
    with pytest.raises(isc.InvalidInputError) as raised:
        isc.score_file(far)
    assert raised.value.lines("en") == _sheet_too_large(far, "XFD1048576", 1_048_576, 16_384)


def test_a_far_row_of_cells_without_references_is_bounded(tmp_path: Path) -> None:
    """Cells may leave out ``r``: 51 of them in row 1,048,576 reach AY1048576 just the same
    (python-calamine lays them out so: 3.7 s and 1.7 GB), and are refused before."""
    path = tmp_path / "far.xlsx"
    book = xlsxwriter.Workbook(str(path))
    book.add_worksheet("人员").write_row(0, 0, ["编号", "姓名"])
    book.close()
    cells = b'<c t="inlineStr"><is><t>x</t></is></c>' * 51
    far = tmp_path / "far-unreferenced.xlsx"
    far.write_bytes(
        _first_sheet_rewritten(
            path.read_bytes(), (b"</sheetData>", b'<row r="1048576">' + cells + b"</row></sheetData>")
        )
    )
    with pytest.raises(isc.InvalidInputError) as raised:
        isc.score_file(far)
    assert raised.value.lines("en") == _sheet_too_large(far, "AY1048576", 1_048_576, 51)


def test_ods_error_cells_with_nothing_in_them_count_in_the_span(tmp_path: Path) -> None:
    """An .ods error cell need hold no text: 100,000 rows of 1,000 such cells, repeated, span
    100,001 × 1,000 cells all the same (they were laid out as errors: 17 s and 2.9 GB)."""
    path = _ods(tmp_path / "plain.ods", 1, 1)
    with zipfile.ZipFile(path) as archive:
        content = archive.read("content.xml")
    errors = (
        b'<table:table-row table:number-rows-repeated="100000"><table:table-cell '
        b'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" '
        b'calcext:value-type="error" table:number-columns-repeated="1000"/></table:table-row>'
    )
    at = content.index(b'<table:table-row table:number-rows-repeated="1048000">')
    spoilt = tmp_path / "errors.ods"
    spoilt.write_bytes(ods_package(content[:at] + errors + content[at:]))
    with pytest.raises(isc.InvalidInputError) as raised:
        isc.score_file(spoilt)
    assert raised.value.lines("en") == _sheet_too_large(spoilt, "ALL100002", 100_002, 1_000)


def test_a_workbook_just_within_the_bound_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the bound made 5,000 cells, a value at E1000 spans 1,000 × 5 = 5,000 cells: exactly
    the bound, read (and refused for the sheets it lacks, not for its size); at E1001, 5,005
    cells: refused for its size."""
    monkeypatch.setattr(workbook, "MAX_CELLS", 5_000)
    for row, too_large in ((999, False), (1000, True)):
        path = tmp_path / f"wide-{row}.xlsx"
        book = xlsxwriter.Workbook(str(path))
        book.add_worksheet("人员").write(row, 4, "x")
        book.close()
        with pytest.raises(isc.InvalidInputError) as raised:
            isc.score_file(path)
        assert any("cells this program reads" in line for line in raised.value.lines("en")) is too_large


def _ods(path: Path, rows: int, columns: int) -> Path:
    """An OpenDocument spreadsheet of a header row and ``rows`` rows of ``columns`` cells holding
    ``x``, written as LibreOffice writes repeats: one row and one cell, each with a count."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="人员">'
        '<table:table-row><table:table-cell office:value-type="string"><text:p>编号</text:p>'
        "</table:table-cell></table:table-row>"
        f'<table:table-row table:number-rows-repeated="{rows}">'
        f'<table:table-cell table:number-columns-repeated="{columns}" office:value-type="string">'
        "<text:p>x</text:p></table:table-cell></table:table-row>"
        # (LibreOffice closes a sheet with the empty rest of it, repeated: no value, no extent)
        '<table:table-row table:number-rows-repeated="1048000">'
        '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    path.write_bytes(ods_package(content.encode("utf-8")))
    return path


def test_repeated_cells_of_an_ods_are_counted_before_the_grid_is_laid_out(tmp_path: Path) -> None:
    """Under a kilobyte of .ods asked python-calamine for 100,000 × 1,000 cells: one row of a
    thousand ``x``, repeated. Its span is read from the XML first: a header row and 100,000 rows
    of 1,000 cells, 100,001 × 1,000 = 100,001,000 > 5,000,000."""
    path = _ods(tmp_path / "repeated.ods", 100_000, 1_000)
    with pytest.raises(isc.InvalidInputError) as raised:
        isc.score_file(path)
    assert raised.value.lines("en") == _sheet_too_large(path, "ALL100001", 100_001, 1_000)


def test_a_repeated_ods_row_is_bounded_when_the_rest_of_the_file_is_damaged(tmp_path: Path) -> None:
    """The same 100,000 repeated rows, with the end of ``content.xml`` spoilt (a closing tag's
    byte changed): the rows read before the damage are bounded still, before python-calamine
    sees the file."""
    path = _ods(tmp_path / "repeated.ods", 100_000, 1_000)
    with zipfile.ZipFile(path) as archive:
        content = archive.read("content.xml")
    spoilt = tmp_path / "repeated-damaged.ods"
    spoilt.write_bytes(ods_package(content.replace(b"</table:table>", b"</table:tablx>")))
    with pytest.raises(isc.InvalidInputError) as raised:
        isc.score_file(spoilt)
    assert raised.value.lines("en") == _sheet_too_large(spoilt, "ALL100001", 100_001, 1_000)


def test_an_ods_just_within_the_bound_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the bound made 5,000 cells, 999 rows of 5 below the header span 1,000 × 5 = 5,000
    cells: read (and refused for the sheets it lacks, not for its size); 1,000 rows, 5,005 cells:
    refused for its size. The empty rows after them count for nothing."""
    monkeypatch.setattr(workbook, "MAX_CELLS", 5_000)
    for rows, too_large in ((999, False), (1000, True)):
        path = _ods(tmp_path / f"rows-{rows}.ods", rows, 5)
        with pytest.raises(isc.InvalidInputError) as raised:
            isc.score_file(path)
        lines = raised.value.lines("en")
        assert any("cells this program reads" in line for line in lines) is too_large
        assert any("missing required sheet" in line for line in lines) is not too_large, lines


def test_a_sheet_not_read_ahead_is_bounded_before_it_becomes_python_values(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An .xls is not read ahead (its records are binary): the span python-calamine found is
    checked before its cells become Python values. Shown with the read-ahead switched off:
    a value at E1001 spans 1,001 × 5 = 5,005 cells, over a bound of 5,000."""
    monkeypatch.setattr(workbook, "MAX_CELLS", 5_000)
    monkeypatch.setattr(workbook, "_scan", lambda archive: ({}, {}))
    path = tmp_path / "far.xlsx"
    book = xlsxwriter.Workbook(str(path))
    book.add_worksheet("人员").write(1000, 4, "x")
    book.close()
    with pytest.raises(isc.InvalidInputError) as raised:
        isc.score_file(path)
    assert raised.value.lines("en") == _sheet_too_large(path, "E1001", 1_001, 5, most=5_000)


def test_a_workbook_that_unpacks_to_more_than_the_bound_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A zip bomb: a few kilobytes whose parts unpack to far more. With the bound made 2 MiB,
    a worksheet of 3 MiB of spaces (3 KiB packed) is refused by the zip's directory, before
    anything is unpacked, in both languages."""
    monkeypatch.setattr(workbook, "MAX_UNPACKED", 2 << 20)
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", " " * (3 << 20))
    assert path.stat().st_size < 10_000
    with pytest.raises(isc.InvalidInputError) as raised:
        isc.score_file(path)
    assert raised.value.lines("en") == [
        f"{path}: unpacks to 3 MiB, more than the 2 MiB this program reads; was it saved by a "
        "spreadsheet program?"
    ]
    assert raised.value.lines("zh") == [
        f"{path}: 解压后有3兆字节，超过本程序能读的2兆字节；这个文件是用电子表格软件保存的吗？"
    ]


def test_an_export_cell_over_the_csv_limit_is_a_problem(tmp_path: Path) -> None:
    """A cell of 200,000 characters in a positioning export raised csv.Error (its limit is
    131,072) out of ``score import``; now a problem at the file, exit 1, in both languages."""
    export = tmp_path / "export.csv"
    export.write_text(
        "姓名,卡号,入井时间,升井时间\n张德明,8001,2021-04-01 08:00:00,2021-04-01 11:00:00\n"
        f"张德明,8001,{'x' * 200_000},2021-04-02 11:00:00\n",
        encoding="utf-8",
    )
    for lang, message in (
        (
            "en",
            "line 3 has a cell longer than 131072 characters, which no positioning export has: is this "
            "the right file?",
        ),
        ("zh", "第 3 行有一个单元格超过 131072 个字符，定位系统导出文件不会这样：请确认文件是否选对"),
    ):
        done = subprocess.run(
            [str(score_executable()), "import", str(QIANJIN), "--positioning", str(export), "--lang", lang],
            capture_output=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 1
        assert done.stderr.decode("utf-8").splitlines() == [f"{export}: {message}"]


hostile_cells = st.one_of(
    st.sampled_from(
        [
            "\x1b[31m",
            "\x9b2J",
            "a\x00b",
            "\x07\x08\r",
            "\u202e8001",
            "１５",
            "２０２１－０４－０５",
            "2021年4月5号",
            "2021-04-05T25:61",
            "9999-12-31 23:59:59",
            "0000-01-01",
            "=1+1",
            "8001、8001",
            "9" * 5000,
            "张" * 600,
            1e308,
            -1e308,
            1e15 + 0.5,
            5e-324,
            -0.0,
            True,
            date(1900, 1, 1),
            datetime(9999, 12, 31, 23, 59, 59),
            None,
        ]
    ),
    st.text(st.characters(codec="utf-8", categories=("Cc", "Cf", "Zl", "Zp", "Lo", "Nd")), max_size=12),
    st.integers(min_value=-(10**18), max_value=10**18),
)


@st.composite
def hostile_workbooks(draw: st.DrawFn) -> bytes:
    """The small April workbook of tests/workbooks.py with one to three cells made hostile
    (header cells too), a row copied or a sheet left out."""
    sheets = month()
    for _ in range(draw(st.integers(1, 3))):
        names = sorted(sheets)
        rows = sheets[draw(st.sampled_from(names))]
        if draw(st.integers(0, 9)) == 0 and len(rows) > 1:
            rows.append(list(rows[draw(st.integers(1, len(rows) - 1))]))
            continue
        if draw(st.integers(0, 19)) == 0:
            sheets.pop(draw(st.sampled_from(names)), None)
            continue
        row = rows[draw(st.integers(0, len(rows) - 1))]
        column = draw(st.integers(0, len(row)))
        row.extend([None] * (column + 1 - len(row)))
        row[column] = draw(hostile_cells)
    return workbook_bytes(sheets)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_workbooks())
def test_hostile_workbooks_are_scored_or_refused(data: bytes) -> None:
    """A workbook with hostile cells is scored and written, or refused with problems at its
    cells in both languages without a raw control character: never a traceback."""
    lines = _problem_lines(lambda: isc.result_to_json(isc.score_file(data)))
    assert not any(RAW_CONTROL.search(line) for line in lines)


WORKBOOK = workbook_bytes(month())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, len(WORKBOOK) - 1), st.integers(0, 255), st.booleans())
def test_damaged_workbook_bytes_are_refused_or_read(at: int, byte: int, cut: bool) -> None:
    """A workbook cut short or with a byte changed is refused as unreadable (or, when the
    change falls where nothing reads it, scored): never a traceback, never a killed process."""
    data = WORKBOOK[:at] if cut else WORKBOOK[:at] + bytes([byte]) + WORKBOOK[at + 1 :]
    lines = _problem_lines(lambda: isc.result_to_json(isc.score_file(data)))
    assert not any(RAW_CONTROL.search(line) for line in lines)
    if cut:
        assert lines


#: what pyo3 raises when Rust code panics (python-calamine on damaged bytes, before 0.6): a
#: BaseException, not an Exception
_PANIC = type("PanicException", (BaseException,), {"__module__": "pyo3_runtime"})


class _PanickingBook:
    """Stands in for python-calamine's workbook, raising what it is given when a file is opened."""

    raised: BaseException = _PANIC("index out of bounds: the len is 74 but the index is 44289")

    @classmethod
    def from_filelike(cls, _: object) -> None:
        raise cls.raised


def test_a_panic_in_the_workbook_reader_is_a_problem_not_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    """A Rust panic inside python-calamine (pyo3's PanicException) on a damaged workbook is reported
    like the reader's own errors; an interrupt from the keyboard still interrupts."""
    import python_calamine  # noqa: PLC0415

    monkeypatch.setattr(python_calamine, "CalamineWorkbook", _PanickingBook)
    with pytest.raises(isc.InvalidInputError) as raised:
        isc.score_file(WORKBOOK)
    assert raised.value.lines("en") == [
        "<stdin>: cannot read the workbook: the file is damaged, or is no .xlsx, .xls or .ods workbook; "
        "open it in Excel or WPS and save it again as .xlsx"
    ]
    assert raised.value.lines("zh") == [
        "<stdin>: 无法读取工作簿：文件已损坏，或不是 .xlsx、.xls、.ods 工作簿；"
        "请用 Excel 或 WPS 打开，另存为 .xlsx 后再试"
    ]
    monkeypatch.setattr(_PanickingBook, "raised", KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        isc.score_file(WORKBOOK)


EXPORT_LINES = (
    (EXAMPLES / "positioning" / "白沙沟煤矿-2021-04.csv").read_bytes().decode("gb18030").splitlines()
)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.integers(1, 200),
            st.sampled_from(["\x1b[2J", "\x00", "\u202e", '"', "x" * 140_000, "张德明,8102"]),
        ),
        max_size=3,
    ),
    st.sampled_from(["utf-8", "gb18030", "utf-16"]),
    st.sampled_from(["en", "zh"]),
)
def test_the_command_under_hostile_exports(changes: list[tuple[int, str]], encoding: str, lang: str) -> None:
    """``score import --positioning`` with hostile rows in the export exits 0 or 1, with no
    traceback and no raw control character on standard error."""
    lines = list(EXPORT_LINES)
    for at, text in changes:
        n = at % len(lines)
        lines[n] = lines[n].replace(",", "," + text + ",", 1)
    with tempfile.TemporaryDirectory() as scratch:
        export = Path(scratch) / "export.csv"
        export.write_bytes("\n".join(lines).encode(encoding, "surrogatepass"))
        done = subprocess.run(
            [str(score_executable()), "import", str(QIANJIN), "--positioning", str(export), "--lang", lang],
            capture_output=True,
            timeout=30,
            check=False,
        )
    stderr = done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr
    assert done.returncode in (0, 1), stderr
    assert not RAW_CONTROL.search(stderr)


def test_a_workbook_without_a_period_and_a_folder_of_rule_files(tmp_path: Path) -> None:
    """A workbook without 考核信息, scored with a folder of rule files: no period to choose the rule
    file by, so its sheets cannot be read. ``score_file`` raised ``ValueError`` (an
    InvalidInputError without a problem) and ``score import`` said it was no spreadsheet; now
    one problem at 考核信息, from both, in both languages."""
    sheets = month()
    del sheets["考核信息"]
    book = write_workbook(tmp_path / "april.xlsx", sheets)
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "2021.toml").write_text(
        (Path(__file__).resolve().parents[1] / "rules" / "default.toml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    english = (
        f"{book}: 考核信息: no period (考核期) can be read here, so no rule file of the folder {folder} "
        "can be chosen; fill in 考核期, or give one rule file with --rules"
    )
    chinese = (
        f"{book}: 考核信息: 这里读不出考核期，无法从文件夹 {folder} 中选出适用的考核细则；"
        "请填写考核期，或用 --rules 指定一个细则文件"
    )
    with pytest.raises(isc.InvalidInputError) as raised:
        isc.score_file(book, rules=folder)
    assert raised.value.lines("en") == [english]
    assert raised.value.lines("zh") == [chinese]
    for command in ([], ["import"]):
        for lang, line in (("en", english), ("zh", chinese)):
            done = subprocess.run(
                [str(score_executable()), *command, book, "--rules", str(folder), "--lang", lang],
                capture_output=True,
                timeout=60,
                check=False,
            )
            assert (done.returncode, done.stderr.decode("utf-8").splitlines()) == (1, [line])

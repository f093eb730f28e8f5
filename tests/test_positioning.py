"""Positioning exports: pasted whole into the workbook, or read as the system wrote them through
the column mapping (CSV in UTF-8 or GB18030, .xlsx)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook

import inspector_scoring as isc
from workbooks import month, write_workbook

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "qianjin-2021-04.xlsx"
EXPORT = ROOT / "examples" / "positioning" / "白沙沟煤矿-2021-04.csv"
SCORE = [sys.executable, "-m", "inspector_scoring"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*SCORE, *args, "--lang", "en"], capture_output=True, text=True, check=False)


def _sheets(path: Path) -> dict[str, list[list[Any]]]:
    book = CalamineWorkbook.from_path(str(path))
    return {name: book.get_sheet_by_name(name).to_python(skip_empty_area=False) for name in book.sheet_names}


def _totals(assessment: isc.Assessment) -> dict[str, object]:
    return {result.inspector.id: (result.total, result.grade) for result in assessment.results}


def test_the_example_leaves_the_miners_rows_out() -> None:
    """白沙沟煤矿's export, pasted whole: 12 miners' cards, 72 rows, left out and said."""
    done = run("import", str(EXAMPLE))
    assert done.returncode == 0, done.stderr
    assert (
        done.stderr.splitlines()[0]
        == f"{EXAMPLE}: 下井记录: left out 72 row(s) of 12 card(s) not listed in 人员"
    )
    entries = [e for e in json.loads(done.stdout)["inspectors"][0]["events"] if e["kind"] == "underground"]
    assert len(entries) == 16
    assert entries[0]["部门"] == "安监站"  # the export's own columns are kept as fields


def test_the_raw_export_read_through_the_mapping_scores_as_the_pasted_one(tmp_path: Path) -> None:
    """The workbook without the pasted export, plus the export file as written (GB18030, a title
    row above its header) read through the shipped mapping: the same totals and grades."""
    sheets = _sheets(EXAMPLE)
    sheets["下井记录"] = [row for n, row in enumerate(sheets["下井记录"]) if n == 0 or row[0] == ""]
    book = write_workbook(tmp_path / "without-export.xlsx", sheets)
    imported = tmp_path / "april.json"
    done = run("import", book, "--positioning", str(EXPORT), "--output", str(imported))
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[0] == (
        f"{book}: 白沙沟煤矿-2021-04.csv: left out 72 row(s) of 12 card(s) not listed in 人员"
    )
    assert _totals(isc.score_file(imported)) == _totals(isc.score_file(EXAMPLE))


def test_a_card_under_another_name_in_an_export_is_an_error(tmp_path: Path) -> None:
    """捎卡: 张德明's card 8001 entered under 刘春燕's name, reported under the export file at
    its own cell (the header in row 2, below a title row; the other name in A4)."""
    text = (
        "某煤矿人员定位 下井记录\r\n"
        "姓名,卡号,入井时间,升井时间,下井时长\r\n"
        "张德明,8001,2021-04-01 08:00:00,2021-04-01 11:00:00,3:00\r\n"
        "刘春燕,8001,2021-04-02 08:00:00,2021-04-02 11:00:00,3:00\r\n"
        "李大山,9001,2021-04-02 08:00:00,2021-04-02 16:00:00,8:00\r\n"
    )
    export = tmp_path / "export.csv"
    export.write_bytes(text.encode("gb18030"))
    book = write_workbook(tmp_path / "m.xlsx", month())
    done = run("import", book, "--positioning", str(export))
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f'{export}: A4: the card "8001" is "张德明"\'s in 人员, but this row names "刘春燕": '
        "one card under two names (someone else's card, 捎卡?)"
    ]


def test_an_export_in_utf8_adds_its_entries(tmp_path: Path) -> None:
    """A UTF-8 export (with its BOM): 张德明's entry is added, the miner's row left out."""
    text = (
        "\ufeff姓名,卡号,入井时间,升井时间,下井时长\n"
        "张德明,8001,2021-04-07 08:00:00,2021-04-07 11:00:00,3:00\n"
        "李大山,9001,2021-04-07 08:00:00,2021-04-07 16:00:00,8:00\n"
    )
    export = tmp_path / "export.csv"
    export.write_text(text, encoding="utf-8")
    book = write_workbook(tmp_path / "m.xlsx", month())
    done = run("import", book, "--positioning", str(export))
    assert done.returncode == 0, done.stderr
    assert "export.csv: left out 1 row(s) of 1 card(s) not listed in 人员" in done.stderr
    events = json.loads(done.stdout)["inspectors"][0]["events"]
    assert {
        "kind": "underground",
        "at": "2021-04-07T08:00:00",
        "until": "2021-04-07T11:00:00",
        "ref": "export.csv第2行",
        "下井时长": "3:00",
    } in events


def test_a_problem_in_an_xlsx_export_is_said_at_its_file_and_sheet(tmp_path: Path) -> None:
    """Problems of an .xlsx export are said under the export's file, at its sheet's cells, all in
    one run: one found reading the rows (a date without a time, 导出!C3), and one found by the
    evidence check of what could be read (an exit before its entry, 导出!D2, the entry named by
    its cell too)."""

    def export(*rows: list[Any]) -> str:
        header = ["姓名", "卡号", "入井时间", "升井时间"]
        return write_workbook(tmp_path / "export.xlsx", {"导出": [header, *rows]})

    book = write_workbook(tmp_path / "m.xlsx", month())
    early = ["张德明", "8001", "2021-04-07 08:00:00", "2021-04-07 07:00:00"]
    path = export(early, ["刘春燕", "8003", "2021年4月8日", None])
    read = run("import", book, "--positioning", path)
    assert read.stderr.splitlines() == [
        f"{path}: 导出!C3: must be a date and time (a spreadsheet date-time, or text like "
        '2021-03-05 08:30), got "2021年4月8日"',
        f'{path}: 导出!D2: must not be before 导出!C2 (2021-04-07T08:00:00), got "2021-04-07T07:00:00"',
    ]
    assert read.returncode == 1
    path = export(early)
    checked = run("import", book, "--positioning", path)
    assert checked.stderr.splitlines() == [
        f'{path}: 导出!D2: must not be before 导出!C2 (2021-04-07T08:00:00), got "2021-04-07T07:00:00"',
    ]


def test_two_exports_of_one_file_name_are_refused(tmp_path: Path) -> None:
    """a/export.csv and b/export.csv: their records' refs (export.csv第2行) and cells would be the
    same, and a problem of one could be blamed on the other; the second is refused, naming the
    first."""
    text = "姓名,卡号,入井时间,升井时间\n张德明,8001,2021-04-07 08:00:00,2021-04-07 11:00:00\n"
    paths = []
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        path = tmp_path / folder / "export.csv"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    book = write_workbook(tmp_path / "m.xlsx", month())
    done = run("import", book, "--positioning", paths[0], "--positioning", paths[1])
    assert done.returncode == 1
    assert done.stderr == (
        f"{paths[1]}: has the same file name as {paths[0]}: their records would have the same refs "
        "(export.csv第N行); rename one of them\n"
    )

# mypy: disable-error-code="comparison-overlap"
"""The workbook (.xlsx) as evidence: reading every kind of cell, exact messages at their cells,
``score import`` and ``score template``, and the same scores as the JSON it stands for."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from python_calamine import CalamineWorkbook

import inspector_scoring as isc
from conftest import ROOT
from inspector_scoring import messages as M
from inspector_scoring.i18n import use_language
from workbooks import (
    EMPTY_KINDS,
    month,
    ods_bytes,
    rewrite_parts,
    with_cells,
    with_errors,
    workbook_bytes,
    write_workbook,
)

SCORE = [sys.executable, "-m", "inspector_scoring"]


def run(*args: str, cwd: Path | None = None, lang: str = "en") -> subprocess.CompletedProcess[str]:
    """The installed command, as a clerk runs it."""
    return subprocess.run(
        [*SCORE, *args, "--lang", lang],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        check=False,
    )


def _logs(inspector: str, days: list[int], sheet_rows: list[int]) -> list[dict[str, Any]]:
    return [
        {"kind": "work_log", "at": f"2021-04-{day:02d}", "ref": f"工作日志第{row}行"}
        for day, row in zip(days, sheet_rows, strict=True)
    ]


QJ01_DAYS = [day for day in range(1, 31) if day not in (20, 21, 22, 25)]
#: what month() stands for, written by hand as the evidence file of SPEC §3
EXPECTED: dict[str, Any] = {
    "schema": 1,
    "assessment": {"township": "前进镇", "period": "2021-04", "assessed_on": "2021-05-06"},
    "inspectors": [
        {
            "id": "QJ-01",
            "name": "张德明",
            "mine": "白沙沟煤矿",
            "leave": [{"from": "2021-04-20", "to": "2021-04-22", "reason": "病假"}],
            "counts": {"preshift_meetings": 10, "safety_meetings": 1},
            "events": [
                *_logs("QJ-01", QJ01_DAYS, list(range(2, 28))),
                {
                    "kind": "underground",
                    "at": "2021-04-01T23:00:00",
                    "until": "2021-04-02T02:30:00",
                    "ref": "KJ-1",
                    "部门": "安监",
                },
                {
                    "kind": "underground",
                    "at": "2021-04-02T09:00:00",
                    "until": "2021-04-02T10:59:00",
                    "ref": "KJ-2",
                },
                {"kind": "underground", "at": "2021-04-05T08:00:00", "ref": "KJ-3"},
            ],
        },
        {
            "id": "QJ-02",
            "name": "刘春燕",
            "mine": "石门煤矿",
            "serving_from": "2021-04-11",
            "counts": {"preshift_meetings": 6, "safety_meetings": 1},
            "events": [
                *_logs("QJ-02", list(range(11, 31)), list(range(29, 49))),
                {
                    "kind": "underground",
                    "at": "2021-04-12T22:10:00",
                    "until": "2021-04-13T01:40:00",
                    "ref": "下井记录第4行",
                    "部门": "安监",
                },
            ],
        },
    ],
}


def _sorted(tree: dict[str, Any]) -> dict[str, Any]:
    """The tree with each inspector's events in a fixed order (kind, then time)."""
    for person in tree["inspectors"]:
        person["events"].sort(key=lambda event: (event["kind"], event["at"]))
    return tree


def _import(tmp_path: Path, sheets: Any, *extra: str) -> subprocess.CompletedProcess[str]:
    book = write_workbook(tmp_path / "2021-04.xlsx", sheets)
    return run("import", book, *extra)


def test_import_gives_the_evidence_the_workbook_stands_for(tmp_path: Path) -> None:
    """Spreadsheet dates and date-times, the three text date forms, numbers as numbers and as text,
    a blank row, card numbers in one cell: the evidence file written by hand, exactly."""
    done = _import(tmp_path, month())
    assert done.returncode == 0, done.stderr
    assert _sorted(json.loads(done.stdout)) == _sorted(json.loads(json.dumps(EXPECTED)))


def test_import_counts_the_rows_of_other_cards_on_standard_error(tmp_path: Path) -> None:
    """The pasted export's rows of 王矿工 and 赵矿工 (cards 9001, 9002) are left out, and said."""
    done = _import(tmp_path, month())
    book = str(tmp_path / "2021-04.xlsx")
    assert done.stderr.splitlines() == [
        f"{book}: 下井记录: left out 2 row(s) of 2 card(s) not listed in 人员",
        f"{book}: 2 inspector(s), 50 event(s)",
    ]
    chinese = run("import", book, lang="zh")
    assert chinese.stderr.splitlines()[0] == f"{book}: 下井记录: 人员表中没有的卡号2个，共2行，未导入"


def test_import_is_byte_identical_on_every_run(tmp_path: Path) -> None:
    """The same workbook writes the same JSON bytes."""
    book = write_workbook(tmp_path / "a.xlsx", month())
    first, second = run("import", book), run("import", book)
    assert first.stdout == second.stdout
    assert first.stdout.endswith("}\n")


def test_a_workbook_and_its_imported_json_score_alike(tmp_path: Path) -> None:
    """Scoring the workbook and scoring the JSON made from it give the same results; only the
    evidence fingerprint differs (each that of its own bytes).

    QJ-01: 30 days less 3 of leave = 27 duty days. Underground: 1 entry counts (KJ-2 lasted
    119 minutes, KJ-3 has no exit); 15 × 27/30 = 13.5 → 14; 2 × 13 = 26 → item 20 exhausted → 0.
    Night: 1 of 5 × 27/30 = 4.5 → 5: 3 × 4 = 12 → 3. Work log: 25 April missing → 14.
    Pre-shift 10 ≥ 9. Total 20 + 0 + 3 + 14 + 10 + 5 + 5 + 10 = 67 → 基本合格.
    """
    book = write_workbook(tmp_path / "2021-04.xlsx", month())
    imported = tmp_path / "2021-04.json"
    imported.write_text(run("import", book).stdout, encoding="utf-8")
    from_book, from_json = isc.score_file(book), isc.score_file(imported)
    first = from_book.results[0]
    assert (first.total, first.grade) == (67, "基本合格")
    assert first.hits[0].explanation.startswith(
        "下井1次（另有1次不足120分钟、1次无升井记录，未计入），少于14次13次"
    )
    a = json.loads(isc.result_to_json(from_book))
    b = json.loads(isc.result_to_json(from_json))
    assert a["evidence"]["sha256"] != b["evidence"]["sha256"]
    assert a["evidence"]["sha256"] == __import__("hashlib").sha256(Path(book).read_bytes()).hexdigest()
    del a["evidence"]["sha256"], b["evidence"]["sha256"]
    assert a == b


def test_score_and_verify_take_a_workbook(tmp_path: Path) -> None:
    """``score april.xlsx`` and ``score verify`` read workbooks like JSON files (``score annual``
    and ``score test`` read evidence through the same ``score_file``)."""
    book = write_workbook(tmp_path / "2021-04.xlsx", month())
    result = tmp_path / "result.json"
    assert run(book, "--format", "json", "--output", str(result)).returncode == 0
    verified = run("verify", str(result), book)
    assert verified.returncode == 0, verified.stderr


# -- rejections: every problem at once, at its cell, in both languages -------------------


def _problems(tmp_path: Path, sheets: Any, lang: str = "en") -> list[str]:
    book = write_workbook(tmp_path / "m.xlsx", sheets)
    done = run(book, lang=lang)
    assert done.returncode == 1
    prefix = f"{book}: "
    return [line.removeprefix(prefix) for line in done.stderr.splitlines()]


PEOPLE_HEADER = ["编号", "姓名", "所驻煤矿", "到岗日期", "离岗日期", "卡号"]

REJECTIONS: list[tuple[str, dict[str, Any], list[str], list[str]]] = [
    (
        "a full-width count and a text that is no date",
        {
            "计数": [["编号", "参加班前会次数", "safety_meetings"], ["QJ-01", "１０", 1], ["QJ-02", 6, "一"]],
            "请假": [["姓名", "开始日期", "结束日期"], ["张德明", "4月20日", "2021-04-22"]],
        },
        [
            "请假!B2: must be a date (a spreadsheet date, or text like 2021-03-05, 2021/3/5 or "
            '2021年3月5日), got "4月20日"',
            '计数!B2: "１０" holds the full-width character "１"; type the ASCII "1" '
            "(switch the input method to half-width)",
            '计数!C3: must be a number, got "一"',
        ],
        [
            '请假!B2: 应为日期（表格日期，或文字如 2021-03-05、2021/3/5、2021年3月5日），实为 "4月20日"',
            '计数!B2: "１０" 中有全角字符 "１"，请改为半角 "1"（把输入法切换到半角）',
            '计数!C3: 应为数字，实为 "一"',
        ],
    ),
    (
        "a card under another name (捎卡) and an unknown name",
        {
            "下井记录": [
                ["卡号", "姓名", "时间", "结束时间"],
                ["8001", "刘春燕", "2021-04-01 08:00", "2021-04-01 11:00"],
                [None, "张得明", "2021-04-02 08:00", "2021-04-02 11:00"],
                ["8003", None, "2021-04-12 08:00", "2021-04-12 07:00"],
            ],
        },
        [
            '下井记录!B2: the card "8001" is "张德明"\'s in 人员, but this row names "刘春燕": '
            "one card under two names (someone else's card, 捎卡?)",
            '下井记录!B3: no inspector in 人员 is called "张得明"; did you mean "张德明"?',
            # (found by the check of what could be read, in the same run)
            '下井记录!D4: must not be before 下井记录!C4 (2021-04-12T08:00:00), got "2021-04-12T07:00:00"',
        ],
        [
            '下井记录!B2: 卡号 "8001" 在人员表中属于 "张德明"，本行却是 "刘春燕"：一卡两人（是否捎卡？）',
            '下井记录!D4: 不能早于 下井记录!C4（2021-04-12T08:00:00），实际为 "2021-04-12T07:00:00"',
        ],
    ),
    (
        "a card not the named inspector's: another's by 编号, none of theirs by 姓名, full-width digits",
        {
            "下井记录": [
                ["编号", "卡号", "姓名", "时间", "结束时间"],
                ["QJ-02", "8001", None, "2021-04-12 08:00", "2021-04-12 11:00"],
                [None, "7777", "刘春燕", "2021-04-13 08:00", "2021-04-13 11:00"],
                [None, "８００１", None, "2021-04-14 08:00", "2021-04-14 11:00"],
                [None, "9005", "钱矿工", "2021-04-14 08:00", "2021-04-14 11:00"],
            ],
        },
        [
            '下井记录!B2: the card "8001" is "张德明"\'s in 人员, but this row names "刘春燕": '
            "one card under two names (someone else's card, 捎卡?)",
            '下井记录!B3: the card "7777" is not among "刘春燕"\'s cards in 人员: add it to their 卡号, '
            "or check whose card it is (someone else's card, 捎卡?)",
            '下井记录!B4: "８００１" holds the full-width character "８"; type the ASCII "8" '
            "(switch the input method to half-width)",
        ],
        [
            '下井记录!B2: 卡号 "8001" 在人员表中属于 "张德明"，本行却是 "刘春燕"：一卡两人（是否捎卡？）',
            '下井记录!B3: 人员表中 "刘春燕" 的卡号里没有 "7777"：'
            "请把它补进此人的卡号，或核实这张卡是谁的（是否捎卡？）",
            '下井记录!B4: "８００１" 中有全角字符 "８"，请改为半角 "8"（把输入法切换到半角）',
        ],
    ),
    (
        "a period with a full-width digit (it was read as March)",
        {"考核信息": [["项目", "内容"], ["乡镇", "前进镇"], ["考核期", "2021年４月"]]},
        [
            '考核信息!B3: "2021年４月" holds the full-width character "４"; type the ASCII "4" '
            "(switch the input method to half-width)"
        ],
        ['考核信息!B3: "2021年４月" 中有全角字符 "４"，请改为半角 "4"（把输入法切换到半角）'],
    ),
    (
        "dates out of order and leave that overlaps: the other date named by its cell",
        {
            "人员": [
                ["编号", "姓名", "所驻煤矿", "到岗日期", "离岗日期", "卡号"],
                ["QJ-01", "张德明", "白沙沟煤矿", None, None, "8001、8002"],
                ["QJ-02", "刘春燕", "石门煤矿", "2021/4/11", "2021-04-05", 8003],
            ],
            "请假": [
                ["姓名", "开始日期", "结束日期", "事由"],
                ["张德明", "2021-04-20", "2021-04-22", "病假"],
                ["张德明", "2021-04-21", "2021-04-23", "事假"],
                ["张德明", "2021-04-28", "2021-04-26", "事假"],
            ],
        },
        [
            "请假!A3: overlaps 请假!A2 (2021-04-20 to 2021-04-22)",
            "请假!C4: must not be before 请假!B4 (2021-04-28), got 2021-04-26",
            "人员!E3: must not be before 人员!D3 (2021-04-11), got 2021-04-05",
        ],
        [
            "请假!A3: 与 请假!A2（2021-04-20 至 2021-04-22）的日期重叠",
            "请假!C4: 不能早于 请假!B4（2021-04-28），实际为 2021-04-26",
            "人员!E3: 不能早于 人员!D3（2021-04-11），实际为 2021-04-05",
        ],
    ),
    (
        "a misspelt row, a misspelt header and so a missing column",
        {
            "考核信息": [
                ["项目", "内容"],
                ["乡镇", "前进镇"],
                ["考核期", "2021年4月"],
                ["考核日其", "2021-05-06"],
            ],
            "人员": [["编号", "名字", "卡号"], ["QJ-01", "张德明", "8001"]],
        },
        [
            '考核信息!A4: unknown row "考核日其"; did you mean "考核日期"?',
            '人员!B1: unknown column "名字"',
            '人员!D1: missing required column "姓名"',
        ],
        [
            '人员!B1: 未知的列 "名字"',
            '人员!D1: 缺少必需的列 "姓名"',
        ],
    ),
    (
        "headers of two characters, one of them mistyped (时问 for 时间, 性名 for 姓名)",
        {
            "人员": [["编号", "性名", "卡号", "姓名"], ["QJ-01", "", "8001", "张德明"]],
            "工作日志": [["编号", "时问"], ["QJ-01", "2021-04-01"]],
        },
        [
            '人员!B1: unknown column "性名"; did you mean "姓名"?',
            # (the column passed over, the rest of 人员 is read: its one inspector, whom 计数 lacks)
            '计数!A3: no inspector in 人员 has the 编号 "QJ-02"; did you mean "QJ-01"?',
            '工作日志!B1: unknown column "时问"; did you mean "时间"?',
            '工作日志!C1: missing required column "时间"',
        ],
        ['工作日志!C1: 缺少必需的列 "时间"'],
    ),
]


@pytest.mark.parametrize(
    ("case", "changes", "english", "chinese"), REJECTIONS, ids=[r[0] for r in REJECTIONS]
)
def test_every_rejection_is_reported_at_its_cell(
    tmp_path: Path, case: str, changes: dict[str, Any], english: list[str], chinese: list[str]
) -> None:
    """Each problem as ``FILE: SHEET!CELL: message``, all at once, in English and in Chinese."""
    assert _problems(tmp_path, month(**changes)) == english
    # (Only the workbook's own sentences: the "did you mean" hint is translated elsewhere.)
    said = _problems(tmp_path, month(**changes), lang="zh")
    assert [line for line, en in zip(said, english, strict=True) if "did you mean" not in en] == chinese


def test_every_problem_of_a_workbook_in_one_run(tmp_path: Path) -> None:
    """A count that is no number (计数!C2) is said together with what the check of the rest
    finds: 刘春燕 leaving before she came (人员!E3), two leave slips of 张德明 that overlap
    (请假!A3) and an exit before its entry (下井记录!D2); the count left out is not also said
    missing. Through the library too: such a workbook raises, never scores what was read."""
    sheets = month(
        计数=[["编号", "参加班前会次数", "safety_meetings"], ["QJ-01", "x", 1], ["QJ-02", 6, 1]],
        请假=[
            ["姓名", "开始日期", "结束日期", "事由"],
            ["张德明", "2021-04-20", "2021-04-22", "病假"],
            ["张德明", "2021-04-21", "2021-04-23", "事假"],
        ],
    )
    sheets["人员"][2][4] = "2021-04-05"  # (到岗 2021/4/11)
    sheets["下井记录"][1][3] = datetime(2021, 4, 1, 22, 0)  # (entry 23:00)
    expected = [  # (the cells first, then the check's finds inspector by inspector)
        '计数!B2: must be a number, got "x"',
        "请假!A3: overlaps 请假!A2 (2021-04-20 to 2021-04-22)",
        '下井记录!D2: must not be before 下井记录!C2 (2021-04-01T23:00:00), got "2021-04-01T22:00:00"',
        "人员!E3: must not be before 人员!D3 (2021-04-11), got 2021-04-05",
    ]
    assert _problems(tmp_path, sheets) == expected
    path = write_workbook(tmp_path / "all.xlsx", sheets)
    for call in (lambda: isc.score_file(path), lambda: isc.load_evidence(path, rules=isc.default_rules())):
        with pytest.raises(isc.InvalidInputError) as raised:
            call()
        assert [f"{problem.path}: {problem.said('en')}" for problem in raised.value.problems] == expected


def test_a_misnamed_count_column_is_said_once(tmp_path: Path) -> None:
    """A 计数 header one letter off (参加班前会次 for 参加班前会次数) is said at its cell, and
    the other columns are read; the metric it was meant for is not said missing besides."""
    sheets = month(计数=[["编号", "参加班前会次", "safety_meetings"], ["QJ-01", 10, 1], ["QJ-02", 6, 1]])
    assert _problems(tmp_path, sheets) == [
        '计数!B1: unknown column "参加班前会次"; did you mean "参加班前会次数"?',
    ]


def test_a_cell_whose_formula_failed_is_no_empty_cell(tmp_path: Path) -> None:
    """A count, an exit time and a mine computed by formulas that failed (#DIV/0!, #N/A, #REF!):
    python-calamine reads such a cell as empty, which would make the count missing, the entry
    one without an exit (虚工, not counted) and the mine unnamed. Each is reported at its cell
    with what the spreadsheet shows, in both languages; nothing is scored."""
    data = workbook_bytes(month())
    data = with_errors(data, 2, {"C2": "#REF!"})  # 人员: 张德明's mine
    data = with_errors(data, 4, {"B2": "#DIV/0!"})  # 计数: 张德明's pre-shift meetings
    data = with_errors(data, 6, {"D2": "#N/A"})  # 下井记录: the first entry's exit
    book = tmp_path / "m.xlsx"
    book.write_bytes(data)
    fix = "its formula failed; correct the formula or type the value in"
    for command in ((str(book),), ("import", str(book))):
        english = run(*command)
        assert english.returncode == 1, english.stderr
        assert english.stderr.splitlines() == [
            f"{book}: 人员!C2: the cell shows the error #REF!: {fix}",
            f"{book}: 计数!B2: the cell shows the error #DIV/0!: {fix}",
            f"{book}: 下井记录!D2: the cell shows the error #N/A: {fix}",
        ]
        assert english.stdout == ""
    chinese = run(str(book), lang="zh")
    assert chinese.stderr.splitlines() == [
        f"{book}: 人员!C2: 单元格显示公式错误 #REF!：公式无法计算，请改正公式或直接填写内容",
        f"{book}: 计数!B2: 单元格显示公式错误 #DIV/0!：公式无法计算，请改正公式或直接填写内容",
        f"{book}: 下井记录!D2: 单元格显示公式错误 #N/A：公式无法计算，请改正公式或直接填写内容",
    ]


@pytest.mark.parametrize(
    ("element", "expected"),
    [
        # the value as XML writes it: a character reference is the character
        ('<c r="D2" t="e"><f>1/0</f><v>&#35;DIV/0!</v></c>', "the cell shows the error #DIV/0!"),
        # spaces around =, as XML allows, and a value that keeps its spaces
        (
            '<c r = "D2" t = "e"><f>1/0</f><v xml:space="preserve">#REF!</v></c>',
            "the cell shows the error #REF!",
        ),
        # the value before the formula, and single quotes
        ("<c r='D2' t='e'><v>#N/A</v><f>NA()</f></c>", "the cell shows the error #N/A"),
        # marked as an error with no value saved, with an empty one, and with no element at all
        ('<c r="D2" t="e"><f>1/0</f></c>', "the cell is marked as a formula's error, with no value saved"),
        (
            '<c r="D2" t="e"><f>1/0</f><v></v></c>',
            "the cell is marked as a formula's error, with no value saved",
        ),
        ('<c r="D2" t="e"/>', "the cell is marked as a formula's error, with no value saved"),
    ],
)
def test_an_error_cell_is_found_however_its_xml_is_written(
    tmp_path: Path, element: str, expected: str
) -> None:
    """Valid XML for a cell of type e in the forms programs write it: each is 下井记录!D2 (the
    first entry's exit) reported, never an entry without an exit."""
    book = tmp_path / "m.xlsx"
    book.write_bytes(with_cells(workbook_bytes(month()), 6, {"D2": element}))
    done = run(str(book))
    if element.endswith("<v></v></c>") and "cannot read the workbook" in done.stderr:
        # python-calamine 0.6 refuses an empty value of an error cell outright (later versions
        # read it as an empty cell): refused either way, never read as empty.
        assert done.returncode == 1
        return
    assert done.stderr.splitlines() == [
        f"{book}: 下井记录!D2: {expected}; correct the formula or type the value in"
        if "no value" in expected
        else f"{book}: 下井记录!D2: {expected}: its formula failed; correct the formula or type the value in"
    ]


def test_an_error_cell_beyond_the_others_is_read(tmp_path: Path) -> None:
    """A failed formula in a cell where no other cell of its sheet reaches (python-calamine lays
    the sheet out without it): 人员!H2 is read and, having no header, reported as a value under
    none, as any value there would be."""
    data = workbook_bytes(month())
    data = with_cells(data, 2, {"H2": '<c r="H2" t="e"><f>1/0</f><v>#DIV/0!</v></c>'})
    book = tmp_path / "m.xlsx"
    book.write_bytes(data)
    done = run(str(book))
    assert done.stderr.splitlines() == [f"{book}: 人员!H1: this column has values but no header"]


#: what the message of a cell whose formula failed tells to do
FIX = "its formula failed; correct the formula or type the value in"


def test_an_error_cell_without_a_reference_is_the_next_of_its_row(tmp_path: Path) -> None:
    """A cell may leave out its ``r`` (python-calamine then puts it after the cell before): an
    error cell written so in place of 人员!C2 is reported at C2."""
    book = tmp_path / "m.xlsx"
    book.write_bytes(with_cells(workbook_bytes(month()), 2, {"C2": '<c t="e"><f>1/0</f><v>#REF!</v></c>'}))
    assert run(str(book)).stderr.splitlines() == [f"{book}: 人员!C2: the cell shows the error #REF!: {FIX}"]


def test_an_error_cell_in_a_sheet_kept_elsewhere_in_the_file_is_found(tmp_path: Path) -> None:
    """A sheet's XML may be anywhere its relationship says (``xl/other/s2.xml``): the reader
    looks for error cells there too."""

    def move(name: str, body: bytes) -> tuple[str, bytes]:
        if name == "xl/worksheets/sheet2.xml":
            return "xl/other/s2.xml", body
        if name in ("xl/_rels/workbook.xml.rels", "[Content_Types].xml"):
            return name, body.replace(b"worksheets/sheet2.xml", b"other/s2.xml")
        return name, body

    data = with_cells(workbook_bytes(month()), 2, {"C2": '<c r="C2" t="e"><f>1/0</f><v>#REF!</v></c>'})
    book = tmp_path / "m.xlsx"
    book.write_bytes(rewrite_parts(data, move))
    done = run(str(book))
    if "cannot read the workbook" in done.stderr:
        # (python-calamine 0.6 finds no sheet there and refuses the file: never read silently)
        assert done.returncode == 1
        return
    assert done.stderr.splitlines() == [f"{book}: 人员!C2: the cell shows the error #REF!: {FIX}"]


def test_a_failed_formula_is_said_once_where_a_value_is_required(tmp_path: Path) -> None:
    """A roster name and the period as formulas that failed: each said as a formula's error,
    not also as an empty cell (nor, for the name, as "None"'s card); the period so too when a
    folder of rule files needs it to choose one."""
    data = with_errors(workbook_bytes(month()), 2, {"B2": "#N/A"})
    book = tmp_path / "m.xlsx"
    book.write_bytes(data)
    fix = "its formula failed; correct the formula or type the value in"
    lines = run(str(book)).stderr.splitlines()
    assert lines[0] == f"{book}: 人员!B2: the cell shows the error #N/A: {fix}"
    assert not any("must not be empty" in line or '"None"' in line for line in lines), lines
    period = tmp_path / "p.xlsx"
    period.write_bytes(with_errors(workbook_bytes(month()), 1, {"B3": "#N/A"}))
    for extra in ((), ("--rules", str(ROOT / "rules"))):
        assert run(str(period), *extra).stderr.splitlines() == [
            f"{period}: 考核信息!B3: the cell shows the error #N/A: {fix}"
        ]


def test_a_cell_whose_formula_failed_in_an_ods_is_no_empty_cell(tmp_path: Path) -> None:
    """The same in an OpenDocument spreadsheet, where LibreOffice saves two neighbouring cells
    of one failed formula as one cell repeated: 计数!B2 and C2 (张德明's two counts) each
    reported. Without the errors the same sheets score."""
    sheets = month()
    plain = tmp_path / "plain.ods"
    plain.write_bytes(ods_bytes(sheets, {}))
    assert run(str(plain)).returncode == 0
    book = tmp_path / "m.ods"
    errors = {
        ("计数", 1, 1): ("#DIV/0!", 2),
        ("下井记录", 1, 3): ("#N/A", 1),
        ("工作日志", 1, 1): ("#" + "X" * 99, 1),
    }
    book.write_bytes(ods_bytes(sheets, errors))
    done = run(str(book))
    fix = "its formula failed; correct the formula or type the value in"
    assert done.stderr.splitlines() == [
        f"{book}: 计数!B2: the cell shows the error #DIV/0!: {fix}",
        f"{book}: 计数!C2: the cell shows the error #DIV/0!: {fix}",
        # (what no spreadsheet shows: cut to a readable length)
        f"{book}: 工作日志!B2: the cell shows the error #{'X' * 36}...: {fix}",
        f"{book}: 下井记录!D2: the cell shows the error #N/A: {fix}",
    ]


def test_a_problem_the_check_finds_is_reported_at_the_cell_it_came_from(tmp_path: Path) -> None:
    """An exit before its entry is found by the evidence check at ``inspectors[1].events[20].until``
    and reported at the cell: 下井记录!D4."""
    sheets = month()
    sheets["下井记录"][3][3] = "2021-04-12 20:00"
    assert _problems(tmp_path, sheets) == [
        '下井记录!D4: must not be before 下井记录!C4 (2021-04-12T22:10:00), got "2021-04-12T20:00:00"'
    ]


def test_a_kind_without_its_sheet_is_missing_evidence_at_that_sheet(tmp_path: Path) -> None:
    """No 表彰记录 sheet and no 计数 column: the commendations metric has no evidence. The people
    are listed as each language lists (张德明, 刘春燕 / 张德明、刘春燕); a name two inspectors share
    is said with the id (李明 (QJ-03))."""
    sheets = month()
    del sheets["表彰记录"]
    assert _problems(tmp_path, sheets) == [
        '表彰记录: missing evidence for metric "commendations" (受县级以上表彰次数) of 张德明, 刘春燕: '
        'add the sheet "表彰记录" (with no rows if nothing happened), or a column in 计数'
    ]
    assert _problems(tmp_path, sheets, lang="zh") == [
        '表彰记录: 指标 "commendations"（受县级以上表彰次数）缺少证据，涉及 张德明、刘春燕：'
        '请添加工作表 "表彰记录"（没有发生可只留表头），或在计数表中加一列'
    ]
    sheets["人员"] += [["QJ-03", "李明"], ["QJ-04", "李明"], ["QJ-05", "王五"]]
    english, chinese = (
        next(line for line in _problems(tmp_path, sheets, lang=lang) if line.startswith("表彰记录"))
        for lang in ("en", "zh")
    )
    assert english == (
        '表彰记录: missing evidence for metric "commendations" (受县级以上表彰次数) of 张德明, 刘春燕, '
        '李明 (QJ-03) and 2 more: add the sheet "表彰记录" (with no rows if nothing happened), '
        "or a column in 计数"
    )
    assert chinese.startswith(
        '表彰记录: 指标 "commendations"（受县级以上表彰次数）缺少证据，'
        "涉及 张德明、刘春燕、李明（QJ-03）等2人："
    )


def test_unknown_sheets_and_missing_required_ones(tmp_path: Path) -> None:
    """A misspelt sheet is not passed over silently; 人员 is required."""
    sheets = month()
    sheets["表彰纪录"] = sheets.pop("表彰记录")
    del sheets["人员"]
    problems = _problems(tmp_path, sheets)
    assert problems[:2] == [
        '表彰纪录: unknown sheet; did you mean "表彰记录"?',
        "人员: missing required sheet",
    ]


def test_the_same_id_twice_in_the_roster_is_reported_at_its_cell(tmp_path: Path) -> None:
    """A second row of 编号 QJ-01 is an error at its cell, naming the first, in both languages,
    and nothing else is said of it (it was once only a missing-evidence message for 王五)."""
    sheets = month()
    sheets["人员"].append(["QJ-01", "王五", "白沙沟煤矿", None, None, "8009"])
    assert _problems(tmp_path, sheets) == ['人员!A4: duplicate inspector id "QJ-01" (first at 人员!A2)']
    assert _problems(tmp_path, sheets, "zh") == ['人员!A4: 安监员编号 "QJ-01" 重复（首次出现于 人员!A2）']


def test_a_roster_row_of_an_id_twice_has_its_dates_checked_too(tmp_path: Path) -> None:
    """The row left out for its 编号 still has an impossible date said, in the same run (every
    problem at once): 2021-13-01 is no day."""
    sheets = month()
    sheets["人员"].append(["QJ-01", "王五", "白沙沟煤矿", "2021-13-01", None, "8009"])
    problems = _problems(tmp_path, sheets)
    assert problems[0] == '人员!A4: duplicate inspector id "QJ-01" (first at 人员!A2)'
    assert len(problems) == 2
    assert problems[1].startswith("人员!D4: ")


@pytest.mark.parametrize(
    ("name", "content"), [("t.xlsx", b"hello"), ("c.xls", b"a,b\n1,2\n"), ("e.ods", b"")]
)
def test_a_file_named_as_a_workbook_that_is_none_is_said_so(
    tmp_path: Path, name: str, content: bytes
) -> None:
    """A damaged file, or a CSV saved under a spreadsheet's name, is no workbook: said so, with
    what to do, not as a JSON syntax error."""
    path = tmp_path / name
    path.write_bytes(content)
    english = run(str(path), lang="en")
    chinese = run("import", str(path), lang="zh")
    assert english.returncode == chinese.returncode == 1
    assert english.stderr == (
        f"{path}: cannot read the workbook: the file is damaged, or is no .xlsx, .xls or .ods workbook; "
        "open it in Excel or WPS and save it again as .xlsx\n"
    )
    assert chinese.stderr == (
        f"{path}: 无法读取工作簿：文件已损坏，或不是 .xlsx、.xls、.ods 工作簿；"
        "请用 Excel 或 WPS 打开，另存为 .xlsx 后再试\n"
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("export.csv", "姓名,卡号,入井时间,升井时间\n张德明,8001,2021-04-01 08:00:00,2021-04-01 11:00:00\n"),
        ("rules.toml", "schema = 1\n"),
        ("evidence.json", '{"schema": 1}'),
    ],
)
def test_import_of_a_file_that_is_no_workbook_says_what_to_do(
    tmp_path: Path, name: str, content: str
) -> None:
    """`score import` of a CSV export, a rule file or evidence JSON (what a clerk may pick in the
    folder): no "invalid JSON", but that import reads a workbook, and what to do with the file
    instead; through standard input too."""
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    english = run("import", str(path), lang="en")
    chinese = run("import", str(path), lang="zh")
    assert english.returncode == chinese.returncode == 1
    assert english.stderr == (
        f"{path}: is no workbook (.xlsx, .xls or .ods), which is what score import reads: evidence in JSON "
        "is scored as it is (score FILE), and a positioning export is read with --positioning beside the "
        "workbook\n"
    )
    assert chinese.stderr == (
        f"{path}: 不是电子表格工作簿（.xlsx、.xls 或 .ods），而 score import 只读工作簿：JSON 格式的考核数据"
        "可以直接计分（score 文件名），定位系统导出文件请在工作簿之外用 --positioning 给出\n"
    )
    piped = subprocess.run(
        [sys.executable, "-m", "inspector_scoring", "import", "-", "--lang", "en"],
        input=content.encode("utf-8"),
        capture_output=True,
        check=False,
    )
    assert piped.returncode == 1
    assert piped.stderr.decode("utf-8").startswith("<stdin>: is no workbook")


def test_other_peoples_rows_are_left_out_unread(tmp_path: Path) -> None:
    """A pasted export's rows of cards not in 人员 are other people's records: a blank or odd
    time of theirs is not the township's to mend, and does not stop the import."""
    sheets = month()
    sheets["下井记录"] += [
        ["9003", "孙矿工", None, None, "KJ-11", "掘进队"],
        ["9004", "周矿工", "2021-02-05 08:00:00.000", "昨天", "KJ-12", "掘进队"],
    ]
    done = _import(tmp_path, sheets)
    assert done.returncode == 0, done.stderr
    book = str(tmp_path / "2021-04.xlsx")
    said = done.stderr.splitlines()[0]
    assert said == f"{book}: 下井记录: left out 4 row(s) of 4 card(s) not listed in 人员"


def test_a_roster_with_no_one_is_said_at_its_sheet(tmp_path: Path) -> None:
    """人员 with its header alone: the problem is the sheet's, not the evidence file's key."""
    sheets = {name: rows for name, rows in month().items() if name in ("考核信息", "人员")}
    sheets["人员"] = sheets["人员"][:1]
    assert _problems(tmp_path, sheets) == ["人员: must list at least one inspector"]
    assert _problems(tmp_path, sheets, "zh") == ["人员: 至少要有一个安监员"]


def test_full_width_separators_between_cards_are_separators(tmp_path: Path) -> None:
    """8001，8002 and 8001；8002 list two cards, as 8001、8002 does (a full-width separator is what
    a Chinese input method types); a full-width digit in a card is still an error."""
    plain = _import(tmp_path, month())
    for separator in ("，", "；"):
        sheets = month()
        sheets["人员"][1][5] = f"8001{separator}8002"
        done = _import(tmp_path, sheets)
        assert done.returncode == 0, done.stderr
        assert done.stdout == plain.stdout


def test_an_empty_sheet_of_any_name_is_passed_over(tmp_path: Path) -> None:
    """The empty Sheet2 and Sheet3 a spreadsheet program adds (and openpyxl's Sheet) hold
    nothing to lose: the workbook imports as without them."""
    plain = _import(tmp_path, month())
    sheets = {**month(), "Sheet": [], "Sheet2": [[None, "  "]], "Sheet3": []}
    done = _import(tmp_path, sheets)
    assert done.returncode == 0, done.stderr
    assert done.stdout == plain.stdout


# -- cells --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (date(2021, 4, 5), "2021-04-05"),
        ("2021-04-05", "2021-04-05"),
        ("2021/4/5", "2021-04-05"),
        ("2021年4月5日", "2021-04-05"),
        (" 2021-04-05 ", "2021-04-05"),
    ],
)
def test_dates_in_every_form(tmp_path: Path, cell: object, expected: str) -> None:
    """A spreadsheet date and the three text forms read as the same date."""
    sheets = month()
    sheets["人员"][2][3] = cell
    done = _import(tmp_path, sheets)
    assert json.loads(done.stdout)["inspectors"][1]["serving_from"] == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (datetime(2021, 4, 12, 22, 10), "2021-04-12T22:10:00"),
        ("2021-04-12 22:10", "2021-04-12T22:10:00"),
        ("2021-04-12T22:10:05", "2021-04-12T22:10:05"),
        ("2021/4/12 22:10", "2021-04-12T22:10:00"),
        ("2021年4月12日22:10", "2021-04-12T22:10:00"),
        # A spreadsheet date-time at midnight comes as a date; the column needs a time: 00:00.
        (datetime(2021, 4, 12, 0, 0), "2021-04-12T00:00:00"),
    ],
)
def test_date_times_in_every_form(tmp_path: Path, cell: object, expected: str) -> None:
    """Spreadsheet date-times and text with a space or T read as the same local date-time."""
    sheets = month()
    sheets["下井记录"][3][2] = cell
    sheets["下井记录"][3][3] = None
    done = _import(tmp_path, sheets)
    events = json.loads(done.stdout)["inspectors"][1]["events"]
    assert [event["at"] for event in events if event["kind"] == "underground"] == [expected]


@pytest.mark.parametrize(("cell", "expected"), [(0.1, "0.1"), (2.5, "2.5"), ("2.25", "2.25"), (3, "3")])
def test_numbers_through_their_shortest_decimal_form(tmp_path: Path, cell: object, expected: str) -> None:
    """0.1 stored as a binary float is exactly 0.1 in the evidence."""
    sheets = month()
    sheets["计数"][1][1] = cell
    done = _import(tmp_path, sheets)
    assert f'"preshift_meetings": {expected},' in done.stdout


def test_template_is_a_workbook_the_reader_accepts(tmp_path: Path) -> None:
    """``score template`` writes the sheets, headers and 说明; filled in, it scores."""
    out = tmp_path / "t.xlsx"
    done = run("template", "--output", str(out))
    assert done.returncode == 0, done.stderr
    book = CalamineWorkbook.from_path(str(out))
    assert book.sheet_names == [
        "说明",
        "考核信息",
        "考核小组",
        "人员",
        "请假",
        "计数",
        "脱岗记录",
        "下井记录",
        "工作日志",
        "班前会签到",
        "安全会议签到",
        "电话抽查记录",
        "漏查隐患",
        "隐患台账",
        "表彰记录",
        "弄虚作假",
        "瞒报记录",
    ]
    assert book.get_sheet_by_name("下井记录").to_python()[0] == [
        "编号",
        "姓名",
        "卡号",
        "时间",
        "结束时间",
        "记录号",
        "备注",
    ]
    assert book.get_sheet_by_name("人员").to_python()[0] == [
        "编号",
        "姓名",
        "所驻煤矿",
        "到岗日期",
        "离岗日期",
        "卡号",
    ]
    assert "填写说明" in str(book.get_sheet_by_name("说明").to_python()[0][0])
    assert run("template", "--output", str(tmp_path / "u.xlsx")).returncode == 0
    assert out.read_bytes() == (tmp_path / "u.xlsx").read_bytes()


def test_the_template_filled_in_scores(tmp_path: Path) -> None:
    """The template's own sheets with a header row each, filled with the month, are read."""
    sheets = month()
    sheets["说明"] = [["填写说明"]]
    for name in EMPTY_KINDS:
        sheets[name] = [["编号", "姓名", "卡号", "时间", "记录号", "备注"]]
    book = write_workbook(tmp_path / "filled.xlsx", sheets)
    assert isc.score_file(book).results[0].total == 67


def test_json_scoring_imports_no_spreadsheet_library() -> None:
    """``import inspector_scoring`` and scoring a JSON file load neither python-calamine nor
    XlsxWriter (they are for workbooks only)."""
    code = (
        "import sys, inspector_scoring as isc;"
        "isc.score_file('examples/taiping-2021-03.json');"
        "import inspector_scoring.views.json_result;"
        "print(sorted(m for m in sys.modules if m.startswith(('python_calamine', 'xlsxwriter'))))"
    )
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True)
    assert done.stdout.strip() == "[]"


def test_workbook_bytes_from_standard_input(tmp_path: Path) -> None:
    """``score -`` tells a workbook from JSON by its first bytes."""
    data = workbook_bytes(month())
    done = subprocess.run([*SCORE, "-", "--format", "json"], input=data, capture_output=True, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["results"][0]["total"] == 67


def test_chinese_messages_are_used_for_the_language() -> None:
    """(The message catalog has the workbook's sentences in Chinese.)"""
    use_language("zh")
    try:
        assert M.SHEET_MISSING.render() == "缺少必需的工作表"
    finally:
        use_language("en")


def test_score_annual_on_workbooks_names_their_cells(tmp_path: Path) -> None:
    """The year so far from monthly workbooks: a township that differs, and a month missing, are
    each said at the workbook's cell (考核信息!B2, 考核信息!B3), as for one month."""

    def book(number: int, township: str) -> str:
        sheets = month()
        sheets["考核信息"][1:3] = [["乡镇", township], ["考核期", f"2021年{number}月"]]
        sheets["人员"][2][3] = None  # (serving all month)
        sheets["工作日志"] = sheets["工作日志"][:1]
        sheets["下井记录"] = sheets["下井记录"][:1]
        del sheets["请假"]
        return write_workbook(tmp_path / f"{township}-2021-{number:02d}.xlsx", sheets)

    january, march, other = book(1, "前进镇"), book(3, "前进镇"), book(2, "后退镇")
    gap = run("annual", january, march, "--to-date")
    assert gap.stderr.splitlines() == [
        f"{march}: 考核信息!B3: the year so far, up to 2021-03, needs every month; missing: 2021-02"
    ]
    township = run("annual", january, other, "--to-date")
    assert township.stderr.splitlines() == [f"{other}: 考核信息!B2: 后退镇 is not 前进镇 ({january})"]

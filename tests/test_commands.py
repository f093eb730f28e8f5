"""The whole `score` command: every format, standard input, verify, check, schema, help."""

from __future__ import annotations

import json
import os
import shutil
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest

from conftest import EXAMPLES, ROOT, Run
from inspector_scoring.jsontext import dumps
from inspector_scoring.views.csv_notice import BOM
from inspector_scoring.views.measure import text_cells

TAIPING = EXAMPLES / "taiping-2021-03.json"
WUBEN = EXAMPLES / "wuben-2021-03.json"
GOLDEN = Path(__file__).parent / "golden"


def test_table_is_the_golden_notice(run_score: Run) -> None:
    """`score EXAMPLE` (not a terminal) prints the notice at 130 cells, from assessed_on."""
    done = run_score(WUBEN, "--publish-on", "2021-04-06")
    assert done.returncode == 0, done.stderr
    assert done.stdout == (GOLDEN / "wuben-2021-03.table.txt").read_text(encoding="utf-8")


def test_publish_on_defaults_to_assessed_on(run_score: Run) -> None:
    """Without --publish-on the notice period starts on assessed_on (2021-04-07 for 务本乡)."""
    done = run_score(WUBEN)
    assert "公示期：2021年4月7日至2021年4月13日（5个工作日）。" in done.stdout


@pytest.mark.parametrize(
    ("fmt", "start"),
    [
        ("csv", BOM + '"太平乡2021年3月'),
        ("markdown", "# 太平乡"),
        ("html", "<!DOCTYPE html>"),
        ("svg", "<?xml"),
        ("xlsx", "PK\x03\x04"),
    ],
)
def test_every_format_writes_a_file(run_score: Run, tmp_path: Path, fmt: str, start: str) -> None:
    """Each --format writes its kind of file through --output."""
    target = tmp_path / f"notice.{fmt}"
    done = run_score(TAIPING, "--format", fmt, "--output", target)
    assert done.returncode == 0, done.stderr
    assert target.read_bytes().startswith(start.encode("utf-8"))


def test_csv_bytes_start_with_the_utf8_bom(run_score: Run, tmp_path: Path) -> None:
    """The CSV file's first bytes are EF BB BF, so spreadsheet programs read Chinese."""
    target = tmp_path / "notice.csv"
    run_score(WUBEN, "--format", "csv", "--output", target)
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")


def test_mask_names_and_explain_all(run_score: Run) -> None:
    """--mask-names hides names; --explain all lists rules that deducted nothing."""
    done = run_score(WUBEN, "--mask-names", "--explain", "all", "--format", "markdown")
    assert "孙永福" not in done.stdout
    assert "1. **孙\\*福**（红岩坡煤矿）" in done.stdout  # Markdown escapes the asterisk
    assert "    - 【下井检查】下井18次，不少于15次，不扣分。" in done.stdout.splitlines()


def test_evidence_from_standard_input(run_score: Run) -> None:
    """`-` reads the evidence from standard input; its fingerprint is of those bytes."""
    text = WUBEN.read_text(encoding="utf-8")
    done = run_score("-", "--format", "json", stdin=text)
    assert done.returncode == 0, done.stderr
    from_file = run_score(WUBEN, "--format", "json")
    assert done.stdout == from_file.stdout


def test_invalid_standard_input_is_named(run_score: Run) -> None:
    """Problems in standard input are reported as <stdin>: PATH: message (<标准输入> in Chinese)."""
    done = run_score("-", stdin='{"schema": 1, "assessment": {}, "inspectors": []}')
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "<stdin>: assessment.township: missing required key",
        "<stdin>: assessment.period: missing required key",
        "<stdin>: inspectors: must list at least one inspector",
    ]
    chinese = run_score("-", "--lang", "zh", stdin='{"schema": 1, "assessment": {}, "inspectors": []}')
    assert chinese.stderr.splitlines()[0] == "<标准输入>: assessment.township: 缺少必填项"


def test_bad_publish_date_is_a_usage_error(run_score: Run) -> None:
    """--publish-on takes a date YYYY-MM-DD (exit 2 otherwise)."""
    done = run_score(WUBEN, "--publish-on", "April 6")
    assert done.returncode == 2
    assert "not a date YYYY-MM-DD" in done.stderr


def _result(run_score: Run, tmp_path: Path) -> Path:
    target = tmp_path / "result.json"
    assert run_score(TAIPING, "--format", "json", "--output", target).returncode == 0
    return target


def test_verify_passes_on_a_fresh_result(run_score: Run, tmp_path: Path) -> None:
    """A result straight from `score --format json` verifies (exit 0)."""
    done = run_score("verify", _result(run_score, tmp_path), TAIPING)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "matches" in done.stdout


def test_verify_catches_a_changed_total(run_score: Run, tmp_path: Path) -> None:
    """Editing a published total is exit 3, naming the inspector and both numbers."""
    result = _result(run_score, tmp_path)
    data = json.loads(result.read_text(encoding="utf-8"), parse_float=Decimal)
    data["results"][4]["total"] = Decimal("77.0")
    data["results"][4]["items"][0]["score"] = 10
    result.write_text(dumps(data), encoding="utf-8")
    done = run_score("verify", result, TAIPING)
    assert done.returncode == 3
    assert "  TP-05: results[4].total: the result says 77, recomputed 67" in done.stdout.splitlines()
    assert "  TP-05: results[4].items[0].score: the result says 10, recomputed 0" in done.stdout.splitlines()


def test_verify_shows_a_long_text_cut_inside_its_quotes(run_score: Run, tmp_path: Path) -> None:
    """A name of 200 characters put into a result: the difference shows 55 of them and closes
    the quote (it once cut after the ellipsis, leaving the quote open)."""
    result = _result(run_score, tmp_path)
    data = json.loads(result.read_text(encoding="utf-8"), parse_float=Decimal)
    name = data["results"][0]["inspector"]["name"]
    data["results"][0]["inspector"]["name"] = "张" * 200
    result.write_text(dumps(data), encoding="utf-8")
    done = run_score("verify", result, TAIPING, "--lang", "en")
    assert done.returncode == 3
    said = '"' + "张" * 55 + '..."'
    assert f'  TP-01: results[0].inspector.name: the result says {said}, recomputed "{name}"' in (
        done.stdout.splitlines()
    )


def test_verify_catches_a_changed_evidence_file(run_score: Run, tmp_path: Path) -> None:
    """Evidence edited after publication: the fingerprint and the recomputed scores differ."""
    result = _result(run_score, tmp_path)
    changed = tmp_path / "march.json"
    data = json.loads(TAIPING.read_text(encoding="utf-8"))
    data["inspectors"][0]["events"] = [e for e in data["inspectors"][0]["events"] if e["kind"] != "work_log"]
    changed.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    done = run_score("verify", result, changed)
    assert done.returncode == 3
    lines = done.stdout.splitlines()
    assert lines[1].startswith("  evidence.sha256: the result says ")
    assert any(line.startswith("  TP-01: results[0].total: the result says ") for line in lines)


def test_verify_reports_a_broken_result_file(run_score: Run, tmp_path: Path) -> None:
    """A result file that is not a result is invalid input (exit 1), not a mismatch."""
    broken = tmp_path / "result.json"
    broken.write_text('{"schema": 1, "results": [{"total": 1}]}', encoding="utf-8")
    done = run_score("verify", broken, TAIPING, cwd=tmp_path)
    assert done.returncode == 1
    assert f"{broken}: ruleset: missing required key" in done.stderr
    assert f"{broken}: results[0].inspector: missing required key" in done.stderr


def test_schema_validates_both_examples_and_rejects_a_broken_one(run_score: Run) -> None:
    """`score schema` prints a draft 2020-12 schema the examples pass and broken evidence fails."""
    done = run_score("schema")
    assert done.returncode == 0, done.stderr
    schema = json.loads(done.stdout)
    validator = jsonschema.Draft202012Validator(schema)
    for example in (TAIPING, WUBEN):
        assert not list(validator.iter_errors(json.loads(example.read_text(encoding="utf-8"))))
    broken = json.loads(WUBEN.read_text(encoding="utf-8"))
    broken["inspectors"][0]["counts"]["preshift_meeting"] = 3
    assert list(validator.iter_errors(broken))


def test_check_summarises_the_default_rules(run_score: Run) -> None:
    """`score check` shows items, points and published wording, and has no warnings for the default."""
    done = run_score("check", ROOT / "rules" / "default.toml")
    assert done.returncode == 0, done.stderr
    assert "1. 24小时在矿驻矿 [on_site] 20 points" in done.stdout
    assert "每月下井少于15次的，每少1次扣2分" in done.stdout
    assert done.stdout.rstrip().endswith("No warnings.")


def test_check_warns_about_rules_that_cannot_work(run_score: Run, tmp_path: Path) -> None:
    """A metric nobody uses is a warning; the file is still valid (exit 0)."""
    text = (ROOT / "rules" / "default.toml").read_text(encoding="utf-8")
    rules = tmp_path / "rules.toml"
    rules.write_text(text + '\n[metrics.spare]\ntitle = "备用"\ncount = "spare"\n', encoding="utf-8")
    done = run_score("check", rules)
    assert done.returncode == 0, done.stderr
    assert "1 warning(s):" in done.stdout
    assert "metrics.spare" in done.stdout


def test_check_rejects_an_invalid_rule_file(run_score: Run, tmp_path: Path) -> None:
    """An invalid rule file is exit 1 with its problems."""
    rules = tmp_path / "rules.toml"
    shutil.copy(ROOT / "rules" / "default.toml", rules)
    rules.write_text(rules.read_text(encoding="utf-8").replace("total = 100", "total = 99"), encoding="utf-8")
    done = run_score("check", "rules.toml", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr == "rules.toml: ruleset.total: must equal the sum of item points (100), got 99\n"


@pytest.mark.parametrize("command", [[], ["check"], ["schema"], ["verify"]])
def test_every_help_shows_an_example(run_score: Run, command: list[str]) -> None:
    """`score --help` and each command's help show an example and the exit codes."""
    done = run_score(*command, "--help")
    assert done.returncode == 0
    assert "example" in done.stdout
    assert "exit codes" in done.stdout


def test_score_test_runs_the_shipped_cases(run_score: Run) -> None:
    """`score test rules/default.tests.toml` passes every case (exit 0) and ends with the tally."""
    done = run_score("test", ROOT / "rules" / "default.tests.toml")
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines()[-1].endswith(" passed, 0 failed")


def test_score_test_catches_a_wrong_expectation(run_score: Run, tmp_path: Path) -> None:
    """A deliberately wrong total is reported as FAIL with the difference, and exit 1."""
    cases = tmp_path / "wrong.tests.toml"
    cases.write_text(
        """schema = 1

[[cases]]
name = "務本 WB-02 is not 90"
evidence = "wuben.json"

[cases.expect.WB-02]
total = 90
grade = "合格"
""",
        encoding="utf-8",
    )
    shutil.copy(WUBEN, tmp_path / "wuben.json")
    done = run_score("test", cases)
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        "FAIL 務本 WB-02 is not 90",
        "  WB-02: total: expected 90, got 87.0",
        "0 passed, 1 failed",
    ]


def test_output_to_a_device_writes_to_it_and_keeps_it(run_score: Run) -> None:
    """--output /dev/null writes into the device instead of renaming a file over it."""
    done = run_score(WUBEN, "--format", "json", "--output", "/dev/null")
    assert done.returncode == 0, done.stderr
    assert not Path("/dev/null").is_file()


def test_xlsx_to_a_terminal_is_a_usage_error(tmp_path: Path) -> None:
    """A workbook is bytes a terminal cannot show: refused (exit 2) with how to write it, in
    English and in Chinese; to a pipe it is written."""
    import pty  # noqa: PLC0415
    import subprocess  # noqa: PLC0415

    from conftest import score_executable  # noqa: PLC0415

    for lang, expected in (
        ("en", "score: error: --format xlsx writes a workbook, which a terminal cannot show: add --output "
               "FILE.xlsx, or redirect standard output to a file"),
        ("zh", "--format xlsx 生成的是 Excel 工作簿，无法在终端中显示："
               "请加上 --output 文件名.xlsx，或将输出重定向到文件"),
    ):  # fmt: skip
        leader, follower = pty.openpty()
        try:
            done = subprocess.run(
                [str(score_executable()), str(WUBEN), "--format", "xlsx", "--lang", lang],
                stdout=follower,
                stderr=subprocess.PIPE,
                text=True,
                timeout=60,
                check=False,
            )
        finally:
            os.close(follower)
            os.close(leader)
        assert done.returncode == 2
        assert expected in done.stderr
    piped = subprocess.run(
        [str(score_executable()), str(WUBEN), "--format", "xlsx"],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert piped.returncode == 0
    assert piped.stdout.startswith(b"PK\x03\x04")


@pytest.mark.parametrize(("columns", "table"), [("100", True), ("80", False)])
def test_a_pipe_takes_its_width_from_columns(run_score: Run, columns: str, table: bool) -> None:
    """Written to a pipe, the notice is COLUMNS cells wide: the table at 100, cards at 80; --width
    wins over COLUMNS."""
    done = run_score(TAIPING, env={"COLUMNS": columns})
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert max(text_cells(line) for line in lines) <= int(columns)
    assert any(line.startswith("序号") for line in lines) is table
    wide = run_score(TAIPING, "--width", "160", env={"COLUMNS": "80"})
    assert any(line.startswith("序号") for line in wide.stdout.splitlines())


@pytest.mark.parametrize("columns", ["9" * 5000, "2000", "39", "abc", "１２０"])
def test_columns_beyond_the_bounds_is_read_within_them(run_score: Run, columns: str) -> None:
    """COLUMNS of 5,000 digits (more than Python reads as a number) or 2000 is read as 1000,
    the widest table; 39, letters or full-width digits as not given (130)."""
    done = run_score(TAIPING, env={"COLUMNS": columns})
    assert done.returncode == 0, done.stderr
    widest = max(text_cells(line) for line in done.stdout.splitlines())
    assert widest <= (1000 if columns.isascii() and columns.isdigit() and int(columns[:5]) > 1000 else 130)


def test_heavy_libraries_load_only_for_their_formats() -> None:
    """Scoring to JSON, the table and CSV never import Jinja2 or XlsxWriter; HTML loads Jinja2 and
    the workbook XlsxWriter, each only for itself."""
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    probe = (
        "import sys, io, contextlib\n"
        "from inspector_scoring.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(sys.argv[1:])\n"
        "print(sorted(m for m in ('jinja2', 'xlsxwriter', 'rich') if m in sys.modules))\n"
    )
    for fmt, loaded in (
        ("json", "[]"),
        ("table", "[]"),
        ("csv", "[]"),
        ("html", "['jinja2']"),
        ("xlsx", "['xlsxwriter']"),
    ):
        done = subprocess.run(
            [sys.executable, "-c", probe, str(WUBEN), "--format", fmt, "--output", os.devnull],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == loaded, fmt

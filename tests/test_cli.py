"""The installed ``score`` command (SPEC §6): outputs, exit codes and messages."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from decimal import Decimal
from importlib import resources
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT, Run

TAIPING = EXAMPLES / "taiping-2021-03.json"
WUBEN = EXAMPLES / "wuben-2021-03.json"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _default_rules_bytes() -> bytes:
    return (ROOT / "rules" / "default.toml").read_bytes()


def test_wheel_ships_the_default_rules() -> None:
    """The installed package carries rules/default.toml byte for byte."""
    bundled = resources.files("inspector_scoring").joinpath("rules", "default.toml")
    if not bundled.is_file():
        pytest.skip("editable install: the package reads rules/default.toml from the checkout")
    assert bundled.read_bytes() == _default_rules_bytes()


def test_scores_an_example_from_any_folder(run_score: Run, tmp_path: Path) -> None:
    """`score EXAMPLE` works outside the checkout, with the rules shipped in the package."""
    done = run_score(TAIPING, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert "太平乡2021年3月驻矿安监员考核结果公示" in done.stdout
    for name in ("杨国华", "刘成富", "罗继红"):
        assert name in done.stdout


def test_json_output_follows_the_contract(run_score: Run) -> None:
    """--format json gives the SPEC §5 shape with both fingerprints and exact numbers."""
    done = run_score(TAIPING, "--format", "json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout, parse_float=Decimal)
    assert result["schema"] == 1
    assert result["engine"].startswith("inspector_scoring ")
    assert result["ruleset"]["id"] == "renhe-resident-inspector"
    assert result["ruleset"]["sha256"] == hashlib.sha256(_default_rules_bytes()).hexdigest()
    assert result["evidence"] == {"sha256": _sha256(TAIPING), "township": "太平乡", "period": "2021-03"}
    ids = [r["inspector"]["id"] for r in result["results"]]
    assert ids == [f"TP-{n:02d}" for n in range(1, 9)]  # evidence order
    tp05 = result["results"][4]
    assert (tp05["total"], tp05["grade"], tp05["duty_days"]) == (67, "基本合格", 31)
    on_site = tp05["items"][0]
    assert (on_site["score"], on_site["exhausted"]) == (0, True)
    assert [(h["raw"], h["applied"]) for h in on_site["hits"]] == [(25, 20)]
    tp06 = result["results"][5]
    assert (tp06["total"], tp06["grade"]) == (97, "不合格")
    assert tp06["vetoes"][0]["id"] == "falsification"


def test_json_output_is_byte_identical_across_runs(run_score: Run) -> None:
    """The same inputs give the same bytes."""
    first = run_score(TAIPING, "--format", "json")
    second = run_score(TAIPING, "--format", "json")
    assert first.returncode == second.returncode == 0
    assert first.stdout == second.stdout


def test_counts_only_example(run_score: Run) -> None:
    """The 务本乡 example (counts only) scores 100 and 87."""
    done = run_score(WUBEN, "--format", "json")
    totals = [(r["inspector"]["id"], r["total"]) for r in json.loads(done.stdout)["results"]]
    assert totals == [("WB-01", 100), ("WB-02", 87)]


def test_output_is_written_atomically(run_score: Run, tmp_path: Path) -> None:
    """--output writes the file, prints nothing, and leaves no temporary file behind."""
    target = tmp_path / "result.json"
    done = run_score(TAIPING, "--format", "json", "--output", target)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["schema"] == 1
    assert [p.name for p in tmp_path.iterdir()] == ["result.json"]


def test_output_never_overwrites_an_input(run_score: Run, tmp_path: Path) -> None:
    """--output naming the evidence file is a usage error and the file is untouched."""
    evidence = tmp_path / "march.json"
    shutil.copy(TAIPING, evidence)
    before = evidence.read_bytes()
    done = run_score(evidence, "--format", "json", "--output", evidence)
    assert done.returncode == 2
    assert "input file" in done.stderr
    assert evidence.read_bytes() == before


def test_output_into_a_missing_folder_is_reported(run_score: Run, tmp_path: Path) -> None:
    """An unwritable --output is exit 1 with the file named, no traceback."""
    target = tmp_path / "no-such-folder" / "out.json"
    done = run_score(TAIPING, "--format", "json", "--output", target)
    assert done.returncode == 1
    assert done.stderr.startswith(f"{target}: cannot write:")
    assert "Traceback" not in done.stderr


def test_invalid_evidence_lists_every_problem(run_score: Run, tmp_path: Path) -> None:
    """Exit 1, each problem as FILE: PATH: message on stderr, nothing on stdout."""
    data = json.loads(TAIPING.read_text(encoding="utf-8"))
    data["inspectors"][0]["events"][3]["kind"] = "undergound"
    data["inspectors"][2]["events"][0]["at"] = "2021-04-01T09:00:00"
    data["inspectors"][4]["phone"] = "13800000000"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    done = run_score("bad.json", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        "bad.json: inspectors[4].phone: unknown key",
        "bad.json: inspectors[0].events[3].kind: "
        'unknown event kind "undergound"; did you mean "underground"?',
        "bad.json: inspectors[2].events[0].at: 2021-04-01 is outside the period 2021-03 "
        "(2021-03-01 to 2021-03-31)",
    ]


def test_missing_evidence_file(run_score: Run, tmp_path: Path) -> None:
    """A file that is not there is invalid input (exit 1), named in the message."""
    done = run_score("nowhere.json", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr == "nowhere.json: cannot read: No such file or directory\n"


def test_usage_errors_exit_2(run_score: Run) -> None:
    """No evidence argument, or an unknown format, is a usage error."""
    assert run_score().returncode == 2
    done = run_score(TAIPING, "--format", "pdf")
    assert done.returncode == 2
    assert "invalid choice" in done.stderr


def _write_scheme(folder: Path, name: str, *, start: str, until: str | None, version: str) -> None:
    text = _default_rules_bytes().decode("utf-8")
    text = text.replace('version = "2021.1"', f'version = "{version}"')
    text = text.replace("effective_from = 2021-01-01", f"effective_from = {start}")
    if until is not None:
        text = text.replace(
            f"effective_from = {start}", f"effective_from = {start}\neffective_until = {until}"
        )
    (folder / name).write_text(text, encoding="utf-8")


def test_rules_folder_picks_the_scheme_in_force(run_score: Run, tmp_path: Path) -> None:
    """A folder with a 2020 and a 2021 scheme: March 2021 is scored by the 2021 one."""
    _write_scheme(tmp_path, "2020.toml", start="2020-01-01", until="2020-12-31", version="2020.1")
    _write_scheme(tmp_path, "2021.toml", start="2021-01-01", until=None, version="2021.9")
    done = run_score(TAIPING, "--rules", tmp_path, "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["ruleset"]["version"] == "2021.9"


def test_rules_folder_with_no_scheme_in_force(run_score: Run, tmp_path: Path) -> None:
    """No scheme covering the period is an error naming the candidates."""
    _write_scheme(tmp_path, "2020.toml", start="2020-01-01", until="2020-12-31", version="2020.1")
    done = run_score(TAIPING, "--rules", tmp_path)
    assert done.returncode == 1
    assert done.stderr == (
        f"{tmp_path}: no rule file covers 2021-03 (month); "
        "candidates: 2020.toml (month, 2020-01-01 to 2020-12-31)\n"
    )


def test_rules_folder_with_two_schemes_in_force(run_score: Run, tmp_path: Path) -> None:
    """Two schemes covering the period is an error naming both."""
    _write_scheme(tmp_path, "a.toml", start="2021-01-01", until=None, version="a")
    _write_scheme(tmp_path, "b.toml", start="2021-03-01", until="2021-03-31", version="b")
    done = run_score(TAIPING, "--rules", tmp_path)
    assert done.returncode == 1
    assert done.stderr == f"{tmp_path}: more than one rule file covers 2021-03: a.toml, b.toml\n"


def test_invalid_rules_and_evidence_are_reported_together(run_score: Run, tmp_path: Path) -> None:
    """A broken rule file and a broken evidence file: both files' problems in one run."""
    rules = tmp_path / "rules.toml"
    rules.write_text(_default_rules_bytes().decode("utf-8").replace("per = 2\n", 'per = "two"\n', 1))
    evidence = tmp_path / "march.json"
    evidence.write_text(
        '{"schema": 1, "assessment": {"township": "太平乡", "period": "2021-3"}, "inspectors": []}'
    )
    done = run_score("march.json", "--rules", "rules.toml", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        'march.json: assessment.period: must be a period YYYY-MM, YYYY-Qn or YYYY, got "2021-3"',
        "march.json: inspectors: must list at least one inspector",
        'rules.toml: items[1].rules[0].per: must be a non-negative number, got "two"',
    ]


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path: Path) -> None:
    """`score … --format json | head -1`: the pipe closes mid-output; exit 1, nothing on stderr."""
    from conftest import score_executable  # noqa: PLC0415

    # 400 inspectors: about 1.5 MB of JSON, far more than a pipe holds, so the
    # command is still writing when the reader goes away.
    data = json.loads(TAIPING.read_text(encoding="utf-8"))
    data["inspectors"] = [
        {**person, "id": f"{person['id']}-{n}"} for n in range(50) for person in data["inspectors"]
    ]
    many = tmp_path / "many.json"
    many.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with subprocess.Popen(
        [str(score_executable()), str(many), "--format", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        assert process.stdout.read(1) == b"{"
        process.stdout.close()  # the reader goes away with the rest unread
        errors = process.stderr.read()
        assert process.wait(timeout=60) == 1
    assert errors == b""


def test_module_entry_point_and_version() -> None:
    """`python -m inspector_scoring --version` prints the version."""
    done = subprocess.run(
        [sys.executable, "-m", "inspector_scoring", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert done.stdout.startswith("score ")

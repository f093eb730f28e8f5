"""名次 (``[notice] rank = true``) and the lowest places of a month (the ``lowest`` outcome)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT, Run
from inspector_scoring.scoring.ranking import lowest, places

D = Decimal


def test_tied_totals_share_a_place_and_none_is_skipped() -> None:
    """98, 95, 95, 90: places 1, 2, 2, 3 (not 1, 2, 2, 4)."""
    assert places([D(98), D(95), D(95), D(90)]) == {D(98): 1, D(95): 2, D(90): 3}


def test_equal_totals_written_differently_share_a_place() -> None:
    """96 and 96.0 are one total."""
    assert places([D("96"), D("96.0"), D("97.5")]) == {D("97.5"): 1, D(96): 2}


@pytest.mark.parametrize(
    ("totals", "expected"),
    [
        # No tie at the boundary: exactly three.
        ([98, 95, 90, 88, 85], {"c", "d", "e"}),
        # 90 and 90 share the third-lowest place with 85 below them: three people, two places.
        ([98, 95, 90, 90, 85], {"c", "d", "e"}),
        # Three share the place of the third-lowest: all are talked to, four in all.
        ([98, 90, 90, 90, 85], {"b", "c", "d", "e"}),
        # Ties at the very bottom: 85, 85, 85 are the three lowest; 90 has three below it.
        ([98, 90, 85, 85, 85], {"c", "d", "e"}),
        # Fewer inspectors than the count: everyone below the best.
        ([98, 90], {"b"}),
        # Most score full marks: only those below them, however few.
        ([100, 100, 100, 100, 98], {"e"}),
        # Everyone tied: nobody is among the lowest.
        ([100, 100, 100, 100], set()),
    ],
)
def test_the_three_lowest_bring_in_ties_at_the_boundary(totals: list[int], expected: set[str]) -> None:
    """An inspector is among the lowest three when fewer than three are placed below them,
    unless they share the best total."""
    named = {chr(ord("a") + n): D(total) for n, total in enumerate(totals)}
    assert lowest(named, 3) == expected


def _ranked_rules(tmp_path: Path) -> Path:
    text = (ROOT / "rules" / "default.toml").read_text(encoding="utf-8")
    path = tmp_path / "ranked.toml"
    path.write_text(text.replace("working_days = 5 ", "rank = true\nworking_days = 5 "), encoding="utf-8")
    return path


def test_the_notice_and_the_result_show_the_place(run_score: Run, tmp_path: Path) -> None:
    """太平乡 March: 100, 100, 97, 90, 67, 97, 85, 95 are placed 1, 1, 2, 4, 6, 2, 5, 3."""
    rules = _ranked_rules(tmp_path)
    done = run_score(EXAMPLES / "taiping-2021-03.json", "--rules", rules, "--format", "json")
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)["results"]
    assert [(r["total"], r["rank"]) for r in results] == [
        (100, 1),
        (100, 1),
        (97, 2),
        (90, 4),
        (67, 6),
        (97, 2),
        (85, 5),
        (95, 3),
    ]
    assert list(results[0])[:4] == ["inspector", "total", "grade", "rank"]
    markdown = run_score(EXAMPLES / "taiping-2021-03.json", "--rules", rules, "--format", "markdown").stdout
    assert "| 加分 | 总分 | 名次 | 等次 |" in markdown
    assert "| 0 | 67.0 | 6 | 基本合格 |" in markdown
    assert "总分相同的名次并列，其后名次依次递延、不空缺" in markdown
    csv = run_score(EXAMPLES / "taiping-2021-03.json", "--rules", rules, "--format", "csv").stdout
    header = next(line for line in csv.splitlines() if line.startswith('"序号"'))
    assert ',"加分","总分","名次","等次",' in header
    assert '"6","基本合格"' in csv


def test_without_rank_there_is_no_place(run_score: Run) -> None:
    """The bundled scheme does not rank: no rank key, no 名次 column."""
    done = run_score(EXAMPLES / "taiping-2021-03.json", "--format", "json")
    assert '"rank"' not in done.stdout


def test_an_inspector_on_leave_all_month_is_not_ranked(run_score: Run, tmp_path: Path) -> None:
    """Leave for the whole month: rank null in the result, — on the notice; the others are
    placed without them."""
    data = json.loads((EXAMPLES / "taiping-2021-03.json").read_text(encoding="utf-8"))
    data["inspectors"][0]["leave"] = [{"from": "2021-03-01", "to": "2021-03-31", "reason": "病假"}]
    data["inspectors"][0]["events"] = []
    path = tmp_path / "leave.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    done = run_score(path, "--rules", _ranked_rules(tmp_path), "--format", "json")
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)["results"]
    assert [r["rank"] for r in results] == [None, 1, 2, 4, 6, 2, 5, 3]

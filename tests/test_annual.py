"""The annual assessment: combining months, grading the year, and results application."""

from __future__ import annotations

# mypy: disable-error-code="comparison-overlap"
# (exact Decimals are compared with int literals, as in the hand-worked examples)
import json
import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import inspector_scoring as isc
from builders import rules
from conftest import Run
from inspector_scoring.scoring.annual import NOT_GRADED, AnnualAssessment, assess_year
from inspector_scoring.views.annual_notice import build_annual_notice
from inspector_scoring.views.json_result import annual_to_dict

# One 100-point item: 15 entries a month, 2 points a missing entry; 20 points an absence.
SCHEME = """
[[items]]
id = "underground"
title = "下井检查"
points = 60
  [[items.rules]]
  id = "underground-shortfall"
  text = "每月下井少于15次的，每少1次扣{per}分"
  metric = "entries"
  below = 15
  per = {per}
  prorate = true
[[items]]
id = "on_site"
title = "在矿驻矿"
points = 40
  [[items.rules]]
  id = "absence"
  text = "脱岗的，每次扣20分"
  metric = "absences"
  above = 0
  per = 20
[[vetoes]]
id = "falsification"
text = "弄虚作假的，当期考核为不合格"
metric = "falsified"
above = 0
{extra}
"""

OUTCOMES = """
[annual]
min_months = {min_months}
method = "{method}"

[[outcomes]]
id = "talk"
text = "月度考核总分排名后两位的，由乡镇约谈"
kind = "lowest"
count = 2

[[outcomes]]
id = "dismiss"
text = "连续3个月考核不合格的，建议解聘"
kind = "consecutive"
grade = "不合格"
months = 3

[[outcomes]]
id = "dismiss-year"
text = "年度考核不合格的，建议解聘"
kind = "annual"
grade = "不合格"
"""


def scheme(
    *, per: int = 2, min_months: int = 1, method: str = "mean", start: str = "2021-01-01"
) -> isc.Ruleset:
    """The test scheme, with its [annual] table and outcomes."""
    body = SCHEME.format(per=per, extra=OUTCOMES.format(min_months=min_months, method=method))
    ruleset = rules(body)
    return isc.loads_rules(
        isc.dumps_rules(ruleset).replace("effective_from = 2021-01-01", f"effective_from = {start}"),
        source=f"scheme-{start}.toml",
    )


Person = dict[str, Any]


def person(number: int, *, entries: int = 15, absences: int = 0, falsified: int = 0, **more: Any) -> Person:
    """An inspector's month, by counts."""
    counts = {"entries": entries, "absences": absences, "falsified": falsified}
    return {"id": f"TP-{number:02d}", "name": f"测试{number}", "mine": "某煤矿", "counts": counts, **more}


def year(
    month: Callable[[int], list[Person]], ruleset: Callable[[int], isc.Ruleset] = lambda m: scheme()
) -> AnnualAssessment:
    """Score twelve months (each month's inspectors from ``month``) and combine them."""
    assessments = []
    for m in range(1, 13):
        data = {
            "schema": 1,
            "assessment": {"township": "太平乡", "period": f"2021-{m:02d}"},
            "inspectors": month(m),
        }
        scheme_for_month = ruleset(m)
        evidence = isc.load_evidence(data, rules=scheme_for_month)
        assessments.append(
            isc.score_evidence(scheme_for_month, attrs_evolve_source(evidence, f"{m:02d}.json"))
        )
    return assess_year(assessments)


def attrs_evolve_source(evidence: isc.Evidence, source: str) -> isc.Evidence:
    """The same evidence, named like a file (for messages)."""
    import attrs  # noqa: PLC0415

    return attrs.evolve(evidence, source=source)


def only(annual: AnnualAssessment, inspector_id: str = "TP-01") -> Any:
    """One inspector's annual result."""
    return next(result for result in annual.results if result.id == inspector_id)


def test_plain_mean_of_monthly_totals() -> None:
    """13 entries in Mar, Jun and Sep (96), 15 otherwise (100): (9 × 100 + 3 × 96) / 12 = 99.0."""
    result = only(year(lambda m: [person(1, entries=13 if m in (3, 6, 9) else 15)]))
    assert [month.total for month in result.months] == [
        100,
        100,
        96,
        100,
        100,
        96,
        100,
        100,
        96,
        100,
        100,
        100,
    ]
    assert (result.counted, result.total, result.grade) == (12, Decimal("99.0"), "优秀")


def test_annual_total_is_rounded_half_up_once() -> None:
    """One month of 96, eleven of 100: 1196 / 12 = 99.666… → 99.7."""
    result = only(year(lambda m: [person(1, entries=13 if m == 5 else 15)]))
    assert str(result.total) == "99.7"


def test_a_vetoed_month_caps_the_year_at_pass() -> None:
    """All months 100, a falsification in June: the year totals 100.0 but is graded 合格, not 优秀."""
    result = only(year(lambda m: [person(1, falsified=1 if m == 6 else 0)]))
    assert (result.total, result.grade) == (100, "合格")
    assert result.reason == "6月一票否决，年度等次最高为合格"
    assert result.months[5].grade == "不合格"


def test_the_year_so_far_speaks_of_a_cumulative_grade_not_an_annual_one() -> None:
    """A falsification in February, the year so far to April: the cap reads 累计等次最高为合格,
    in the result and in the notice, whose title says it is no annual assessment."""
    months = []
    for m in range(1, 5):
        data = {
            "schema": 1,
            "assessment": {"township": "太平乡", "period": f"2021-{m:02d}"},
            "inspectors": [person(1, falsified=1 if m == 2 else 0)],
        }
        evidence = attrs_evolve_source(isc.load_evidence(data, rules=scheme()), f"{m:02d}.json")
        months.append(isc.score_evidence(scheme(), evidence))
    annual = assess_year(months, to_date=True)
    assert only(annual).reason == "2月一票否决，累计等次最高为合格"
    document = isc.build_annual_notice(annual, publish_on=date(2021, 5, 6))
    assert document.sections_title == "一票否决、累计等次与结果运用说明"
    lines = [line for section in document.sections for line in section.lines]
    assert "【累计等次】2月一票否决，累计等次最高为合格。" in lines
    assert not any("年度等次" in line for line in lines)


FAILING = {"absences": 3, "entries": 13}  # 60 − 4 − 40 = 56: 不合格


def test_an_outcome_of_the_years_grade_names_the_grade_not_every_month() -> None:
    """56 (不合格) every month: 年度考核不合格的，建议解聘 applies. The notice's line and the data
    export's cell (CSV, score sheet) say it by the year's grade, 年度等次为不合格: the cell once
    listed all twelve months, as if each had caused it."""
    from datetime import date  # noqa: PLC0415

    annual = year(lambda m: [person(1, **FAILING)])
    document = build_annual_notice(annual, publish_on=date(2022, 1, 5))
    cell = document.data_rows[0].cells[-1]
    assert "年度考核不合格的，建议解聘（年度等次为不合格）" in cell
    assert "【结果运用】“年度考核不合格的，建议解聘”：年度等次为不合格。" in document.sections[0].lines


def test_a_vetoed_month_does_not_raise_a_lower_year() -> None:
    """56 (不合格) every month and a veto in January: the year stays 不合格, the cap does not lift it."""
    result = only(year(lambda m: [person(1, **FAILING, falsified=1 if m == 1 else 0)]))
    assert (result.total, result.grade, result.reason) == (56, "不合格", "")


def test_joiner_with_four_months_is_not_graded_below_min_months() -> None:
    """Joined in September (4 months) under min_months = 6: 不参加年度评定, with the reason."""
    annual = year(
        lambda m: [person(1), *([person(2, entries=14)] if m >= 9 else [])],
        lambda m: scheme(min_months=6),
    )
    joiner = only(annual, "TP-02")
    assert [str(month.period) for month in joiner.months] == ["2021-09", "2021-10", "2021-11", "2021-12"]
    assert (joiner.counted, joiner.total, joiner.grade) == (4, None, NOT_GRADED)
    assert joiner.reason == "全年在岗4个月，少于6个月"


def test_joiner_is_graded_on_their_months_by_default() -> None:
    """Without min_months the joiner's year is the mean of their 4 months: 98.0."""
    joiner = only(year(lambda m: [person(1), *([person(2, entries=14)] if m >= 9 else [])]), "TP-02")
    assert (joiner.total, joiner.grade) == (98, "优秀")


def test_months_without_duty_days_are_not_counted() -> None:
    """Leave all of February: February is shown but not counted; 11 months of 100."""
    leave = [{"from": "2021-02-01", "to": "2021-02-28"}]
    result = only(year(lambda m: [person(1, leave=leave if m == 2 else [])]))
    assert (result.counted, result.total) == (11, 100)
    assert result.months[1].duty_days == 0


def test_duty_weighted_mean() -> None:
    """Leave 1–15 January (16 duty days) with 13 entries (prorated 15 × 16/31 = 7.74 → 8: no deduction)
    and 13 entries in February (96, 28 days); others 100:
    (100×16 + 96×28 + 100×(365 − 31 − 28)) / (365 − 15) = 34888 / 350 = 99.68 → 99.7."""
    leave = [{"from": "2021-01-01", "to": "2021-01-15"}]

    def month(m: int) -> list[Person]:
        if m == 1:
            return [person(1, entries=13, leave=leave)]
        return [person(1, entries=13 if m == 2 else 15)]

    result = only(year(month, lambda m: scheme(method="duty_weighted_mean")))
    assert result.months[0].total == 100
    assert result.total == Decimal("99.7")


def test_scheme_changed_on_the_first_of_july() -> None:
    """13 entries every month: 2 points each (96) to June, 3 points each (94) from July: mean 95.0."""
    first_half, second_half = scheme(per=2), scheme(per=3, start="2021-07-01")
    annual = year(lambda m: [person(1, entries=13)], lambda m: first_half if m <= 6 else second_half)
    result = only(annual)
    assert [month.total for month in result.months] == [96] * 6 + [94] * 6
    assert result.total == 95
    assert annual.ruleset is second_half


def test_consecutive_failing_months_trigger_an_outcome() -> None:
    """不合格 (56) in April, May and June: the dismissal proposal, citing those months."""
    result = only(year(lambda m: [person(1, **(FAILING if m in (4, 5, 6) else {}))]))
    hits = {hit.id: [str(p) for p in hit.months] for hit in result.outcomes}
    assert hits["dismiss"] == ["2021-04", "2021-05", "2021-06"]


def test_failing_months_with_a_gap_do_not() -> None:
    """不合格 in April, May and July (June fine): no run of three."""
    result = only(year(lambda m: [person(1, **(FAILING if m in (4, 5, 7) else {}))]))
    assert "dismiss" not in {hit.id for hit in result.outcomes}


def test_lowest_totals_of_a_month_with_ties() -> None:
    """Count 2: in March TP-03 (80) is lowest and TP-01, TP-02 tie second (96): all three are listed."""

    def month(m: int) -> list[Person]:
        if m == 3:
            return [person(1, entries=13), person(2, entries=13), person(3, absences=1), person(4)]
        return [person(1), person(2), person(3), person(4, entries=14), person(5, entries=14)]

    annual = year(month)
    talks = {
        result.id: [str(p) for hit in result.outcomes if hit.id == "talk" for p in hit.months]
        for result in annual.results
    }
    assert talks["TP-03"] == ["2021-03"]
    assert talks["TP-01"] == ["2021-03"]
    assert talks["TP-02"] == ["2021-03"]
    assert talks["TP-04"] == [f"2021-{m:02d}" for m in range(1, 13) if m != 3]


def test_annual_grade_outcome() -> None:
    """56 every month: the year 56.0 不合格, so the annual dismissal proposal."""
    result = only(year(lambda m: [person(1, **FAILING)]))
    assert result.grade == "不合格"
    assert "dismiss-year" in {hit.id for hit in result.outcomes}


def _months(
    number: int = 12, *, overrides: dict[int, dict[str, str]] | None = None, rename: bool = False
) -> list[isc.Assessment]:
    ruleset = scheme()
    out = []
    for m in range(1, number + 1):
        assessment = {"township": "太平乡", "period": f"2021-{m:02d}", **(overrides or {}).get(m, {})}
        people = [person(1, name="张三" if m != 7 else "张四")] if rename else [person(1)]
        data = {"schema": 1, "assessment": assessment, "inspectors": people}
        evidence = attrs_evolve_source(isc.load_evidence(data, rules=ruleset), f"{m:02d}.json")
        out.append(isc.score_evidence(ruleset, evidence))
    return out


def test_missing_months_are_an_error() -> None:
    """Eleven months: the missing one is named."""
    with pytest.raises(isc.InvalidInputError) as raised:
        assess_year(_months(11))
    assert (
        str(raised.value) == "11.json: assessment.period: the year 2021 needs every month; missing: 2021-12"
    )


def test_a_month_given_twice_is_an_error() -> None:
    """March twice: in two files, named with both; the same file named twice, said so (it once
    read "2021-03 is given twice (also 03.json)" of 03.json itself)."""
    months = _months()
    other = months[2]._replace(evidence=months[2].evidence._replace(source="03-copy.json"))
    with pytest.raises(isc.InvalidInputError) as raised:
        assess_year([*months, other])
    assert str(raised.value) == "03-copy.json: assessment.period: 2021-03 is given twice (also 03.json)"
    with pytest.raises(isc.InvalidInputError) as raised:
        assess_year([*months, months[2]])
    assert raised.value.lines("en") == ["03.json: this file is given twice"]
    assert raised.value.lines("zh") == ["03.json: 同一个文件给出了两次"]


def test_another_township_is_an_error() -> None:
    """A 前进镇 file among 太平乡 files is named."""
    with pytest.raises(isc.InvalidInputError) as raised:
        assess_year(_months(12, overrides={5: {"township": "前进镇"}}))
    assert str(raised.value) == "05.json: assessment.township: 前进镇 is not 太平乡 (01.json)"


def test_an_id_that_changes_name_is_an_error() -> None:
    """TP-01 is 张三 all year but 张四 in July."""
    with pytest.raises(isc.InvalidInputError) as raised:
        assess_year(_months(rename=True))
    assert str(raised.value) == (
        "07.json: inspectors[0].name: inspector TP-01 is 张四 here but 张三 in 2021-01 (01.json)"
    )


def test_annual_notice_and_json() -> None:
    """The notice has a month column per month and the year; the JSON lists months and outcomes."""
    annual = year(
        lambda m: [person(1, falsified=1 if m == 6 else 0), person(2, **(FAILING if m in (4, 5, 6) else {}))]
    )
    from datetime import date  # noqa: PLC0415

    document = build_annual_notice(annual, publish_on=date(2022, 1, 5))
    assert document.title == "太平乡2021年度驻矿安监员考核结果公示"
    assert [column.header for column in document.columns][3:15] == [f"{m}月" for m in range(1, 13)]
    assert document.rows[0].cells[3 + 5] == "*100.0"  # (the mark before it: the digits stay aligned)
    assert document.rows[0].cells[-2:] == ("100.0", "合格")
    assert (
        "【结果运用】“连续3个月考核不合格的，建议解聘”：2021年4月、5月、6月。" in document.sections[1].lines
    )
    data = annual_to_dict(annual)
    assert data["kind"] == "annual"
    assert [m["period"] for m in data["months"]] == [f"2021-{m:02d}" for m in range(1, 13)]
    assert data["results"][0]["grade"] == "合格"
    outcomes = {outcome["id"]: outcome["months"] for outcome in data["results"][1]["outcomes"]}
    assert outcomes["dismiss"] == ["2021-04", "2021-05", "2021-06"]


def _write_year(folder: Path) -> list[Path]:
    base = json.loads(
        (Path(__file__).parents[1] / "examples" / "wuben-2021-03.json").read_text(encoding="utf-8")
    )
    paths = []
    for m in range(1, 13):
        data = json.loads(json.dumps(base))
        data["assessment"]["period"] = f"2021-{m:02d}"
        data["assessment"]["assessed_on"] = f"2021-{m:02d}-28"
        path = folder / f"2021-{m:02d}.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths


def test_score_annual_command(run_score: Run, tmp_path: Path) -> None:
    """`score annual` scores twelve files (any order) with the bundled rules: 100.0 and 87.0 a year."""
    paths = _write_year(tmp_path)
    done = run_score("annual", *reversed(paths), "--format", "json")
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)["results"]
    assert [(r["inspector"]["id"], r["total"], r["grade"]) for r in results] == [
        ("WB-01", 100, "优秀"),
        ("WB-02", 87, "合格"),
    ]
    table = run_score("annual", *paths, "--publish-on", "2022-01-05")
    assert "务本乡2021年度驻矿安监员考核结果公示" in table.stdout
    # The CSV states its facts with the labels a month's CSV has (the rule file's wording and
    # fingerprint apart), then each month's evidence.
    csv = run_score("annual", *paths, "--publish-on", "2022-01-05", "--format", "csv").stdout
    labels = [line.split(",")[0].strip('"') for line in csv.lstrip("\ufeff").splitlines()[1:8]]
    assert labels == [
        "乡镇",
        "考核期",
        "公示期",
        "发布单位",
        "考核细则",
        "规则文件 sha256",
        "1月证据文件 sha256",
    ]


def test_score_annual_reports_a_missing_month(run_score: Run, tmp_path: Path) -> None:
    """Eleven files: exit 1 naming the missing month."""
    paths = _write_year(tmp_path)
    done = run_score("annual", *paths[:6], *paths[7:], cwd=tmp_path)
    assert done.returncode == 1
    assert "missing: 2021-07" in done.stderr


@pytest.mark.parametrize(
    ("fmt", "start"),
    [
        ("csv", '\ufeff"务本乡2021年度驻矿安监员考核结果公示"'),
        ("markdown", "# 务本乡2021年度"),
        ("html", "<!DOCTYPE html>"),
        ("svg", "<?xml"),
        ("xlsx", "PK"),
    ],
)
def test_score_annual_writes_every_format(run_score: Run, tmp_path: Path, fmt: str, start: str) -> None:
    """Every notice format of the monthly notice works for the year."""
    paths = _write_year(tmp_path)
    target = tmp_path / f"annual.{fmt}"
    done = run_score("annual", *paths, "--format", fmt, "--output", target)
    assert done.returncode == 0, done.stderr
    assert target.read_bytes().startswith(start.encode("utf-8"))


# -- the year so far (score annual --to-date) -----------------------------------------


def test_the_year_so_far_covers_january_to_the_latest_month() -> None:
    """Four months (Jan–Apr) of 100: an interim through April, not the year; the mean so far 100.0."""
    annual = assess_year(_months(4), to_date=True)
    assert (only(annual).counted, only(annual).total) == (4, 100)
    assert annual.to_date
    assert str(annual.through) == "2021-04"
    assert [str(a.evidence.assessment.period) for a in annual.months] == [
        "2021-01",
        "2021-02",
        "2021-03",
        "2021-04",
    ]


def test_the_year_so_far_does_not_apply_min_months_or_annual_outcomes() -> None:
    """56 in each of four months under min_months = 6: graded so far (56.0 不合格),
    but no annual dismissal."""
    ruleset = scheme(min_months=6)
    assessments = []
    for m in range(1, 5):
        data = {
            "schema": 1,
            "assessment": {"township": "太平乡", "period": f"2021-{m:02d}"},
            "inspectors": [person(1, **FAILING)],
        }
        evidence = attrs_evolve_source(isc.load_evidence(data, rules=ruleset), f"{m:02d}.json")
        assessments.append(isc.score_evidence(ruleset, evidence))
    result = only(assess_year(assessments, to_date=True))
    assert (result.counted, result.total, result.grade) == (4, 56, "不合格")
    assert "dismiss-year" not in {hit.id for hit in result.outcomes}
    # The monthly outcome does apply: three consecutive failing months by March.
    assert [str(p) for hit in result.outcomes if hit.id == "dismiss" for p in hit.months] == [
        "2021-01",
        "2021-02",
        "2021-03",
        "2021-04",
    ]


def test_the_year_so_far_needs_every_month_up_to_the_latest() -> None:
    """January, February and April: March is missing."""
    months = _months(4)
    with pytest.raises(isc.InvalidInputError) as raised:
        assess_year([months[0], months[1], months[3]], to_date=True)
    assert [str(p) for p in raised.value.problems] == [
        "04.json: assessment.period: the year so far, up to 2021-04, needs every month; missing: 2021-03"
    ]


def test_score_annual_to_date_on_four_months(run_score: Run, tmp_path: Path) -> None:
    """`score annual --to-date` on Jan–Apr: an interim notice naming its months, saying it is
    not the year."""
    paths = _write_year(tmp_path)[:4]
    refused = run_score("annual", *paths, "--lang", "en")
    assert refused.returncode == 1
    assert "the year 2021 needs every month; missing: 2021-05, 2021-06" in refused.stderr
    done = run_score("annual", *paths, "--to-date", "--format", "json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert (result["kind"], result["through"]) == ("year_to_date", "2021-04")
    assert [month["period"] for month in result["months"]] == ["2021-01", "2021-02", "2021-03", "2021-04"]
    markdown = run_score("annual", *paths, "--to-date", "--format", "markdown", "--publish-on", "2021-05-06")
    assert markdown.returncode == 0, markdown.stderr
    lines = markdown.stdout.splitlines()
    assert lines[0] == "# 务本乡2021年1月至4月驻矿安监员考核累计情况通报（非年度考核结果）"
    assert (
        "本通报涵盖2021年1月、2月、3月、4月，共4个月，为年度中期累计情况，不是年度考核结果；"
        "2021年度考核在全年12个月考核结束后进行。"
        "累计总分按年度考核的计算方法得出，累计等次仅供参考；在岗月数要求和年度等次的结果运用待年度考核时适用。"
    ) in lines
    header = next(line for line in lines if line.startswith("| 序号"))
    assert header == "| 序号 | 姓名 | 所驻煤矿 | 1月 | 2月 | 3月 | 4月 | 累计总分 | 累计等次（参考） |"
    # The footer's rule speaks of the year so far, and its check is the command that made it.
    assert (
        "累计总分为各在岗月份月度总分的平均值，保留1位小数，四舍五入；有月份被一票否决的，累计等次最高为合格；"
        "3个月及以上被一票否决的，累计等次为不合格。  " in lines
    )
    assert (
        "核验方法：用 sha256sum 核对上述指纹，或运行 score annual 各月证据文件 --rules 规则文件 --to-date "
        "重新计算。  " in lines
    )


@pytest.mark.parametrize("width", [60, 200])
def test_a_vetoed_months_mark_leaves_the_numbers_aligned(width: int) -> None:
    """A vetoed month shows *100.0, the mark before the number: in the table (200 cells) and on
    the cards (60), every month's number ends in the same column as the unmarked ones."""
    from datetime import date  # noqa: PLC0415

    from inspector_scoring.views.measure import text_cells  # noqa: PLC0415
    from inspector_scoring.views.terminal import render_plain  # noqa: PLC0415

    annual = year(lambda m: [person(1, falsified=1 if m == 6 else 0), person(2)])
    lines = render_plain(build_annual_notice(annual, publish_on=date(2022, 1, 5)), width=width).splitlines()
    card = re.compile(r"  \S+\s+\*?\d+\.\d")  # 6月  *100.0
    row = re.compile(r"\s+\d+\s+测试")  # a table row: 序号, 姓名, …
    numbers = [line for line in lines if card.fullmatch(line) or row.match(line)]
    assert any("*100.0" in line for line in numbers)
    ends = [[text_cells(line[: match.end()]) for match in re.finditer(r"\d+\.\d", line)] for line in numbers]
    if width == 200:  # two table rows: their numbers end alike, column by column
        assert len(ends) == 2
        assert ends[0] == ends[1]
    else:  # cards: every number (months and the year's total) ends in one column
        assert len({end for row in ends for end in row}) == 1


def test_the_year_so_far_in_every_format(run_score: Run, tmp_path: Path) -> None:
    """Every notice format takes the year so far (the score sheet once failed: its numbers had
    twelve months' columns and its texts four); the sheet has a number column per month given."""
    import openpyxl  # noqa: PLC0415

    paths = _write_year(tmp_path)[:4]
    for kind in ("table", "json", "csv", "markdown", "html", "svg", "xlsx"):
        target = tmp_path / f"ytd.{kind}"
        done = run_score("annual", *paths, "--to-date", "--format", kind, "--output", target)
        assert (done.returncode, done.stderr) == (0, ""), kind
        assert target.stat().st_size > 0
    sheet = openpyxl.load_workbook(tmp_path / "ytd.xlsx").active
    header = next([cell.value for cell in row] for row in sheet.iter_rows() if row[0].value == "序号")
    assert header[3:8] == ["1月", "2月", "3月", "4月", "累计总分"]
    first = next(row for row in sheet.iter_rows() if row[0].value == 1)
    assert all(cell.data_type == "n" for cell in first[3:8])


# -- the bundled scheme's year ----------------------------------------------------------------

CLEAN = {
    "underground_entries": 15,
    "night_underground_entries": 5,
    "days_without_work_log": 0,
    "preshift_meetings": 10,
    "safety_meetings": 1,
}


def _bundled_year(month: Callable[[int], list[Person]]) -> AnnualAssessment:
    """Twelve months scored with the bundled scheme."""
    ruleset = isc.default_rules()
    assessments = []
    for m in range(1, 13):
        data = {
            "schema": 1,
            "assessment": {"township": "太平乡", "period": f"2021-{m:02d}"},
            "inspectors": month(m),
        }
        evidence = attrs_evolve_source(isc.load_evidence(data, rules=ruleset), f"{m:02d}.json")
        assessments.append(isc.score_evidence(ruleset, evidence))
    return assess_year(assessments)


def bundled(number: int, m: int, *, short: int = 0, falsified: bool = False) -> Person:
    """A month under the bundled scheme: ``short`` underground entries missing (2 points each)."""
    events = (
        [{"kind": "falsification", "at": f"2021-{m:02d}-10", "ref": f"核查记录#{m}"}] if falsified else []
    )
    counts = {**CLEAN, "underground_entries": 15 - short}
    return {"id": f"TP-{number:02d}", "name": f"测试{number}", "counts": counts, "events": events}


def test_bundled_scheme_three_vetoed_months_fail_the_year() -> None:
    """100 every month, falsification in January, May and September: the year 100.0 but 不合格,
    and the annual dismissal recommendation; two vetoed months only cap the year at 合格."""
    annual = _bundled_year(
        lambda m: [bundled(1, m, falsified=m in (1, 5, 9)), bundled(2, m, falsified=m in (1, 5))]
    )
    three, two = only(annual, "TP-01"), only(annual, "TP-02")
    assert (three.total, three.grade) == (100, "不合格")
    assert three.reason == "1月、5月、9月共3个月一票否决，年度等次为不合格"
    assert "dismissal-annual" in {hit.id for hit in three.outcomes}
    assert (two.total, two.grade, two.reason) == (100, "合格", "1月、5月一票否决，年度等次最高为合格")
    assert "dismissal-annual" not in {hit.id for hit in two.outcomes}


def test_bundled_scheme_bottom_three_ties_and_three_talks() -> None:
    """Five inspectors. Jan–Mar: 100, 98, 96, 96, 94 (TP-01…05): the bottom three are TP-03, TP-04
    (tied) and TP-05; TP-02 has three below it. Apr: 100, 98, 98, 98, 96: TP-05 and the three tied
    at 98 (four talks). May–Dec everyone 100: all share the best total, nobody is talked to.

    Talks: TP-03, TP-04, TP-05 in Jan–Apr (4 ≥ 3: dismissal after talks); TP-02 in Apr only."""

    def month(m: int) -> list[Person]:
        if m <= 3:
            shorts = [0, 1, 2, 2, 3]
        elif m == 4:
            shorts = [0, 1, 1, 1, 2]
        else:
            shorts = [0, 0, 0, 0, 0]
        return [bundled(n + 1, m, short=short) for n, short in enumerate(shorts)]

    annual = _bundled_year(month)
    talks = {
        result.id: [p.index for hit in result.outcomes if hit.id == "admonitory-talk" for p in hit.months]
        for result in annual.results
    }
    assert talks == {
        "TP-01": [],
        "TP-02": [4],
        "TP-03": [1, 2, 3, 4],
        "TP-04": [1, 2, 3, 4],
        "TP-05": [1, 2, 3, 4],
    }
    dismissed = {
        result.id for result in annual.results for hit in result.outcomes if hit.id == "dismissal-after-talks"
    }
    assert dismissed == {"TP-03", "TP-04", "TP-05"}
    lines = build_annual_notice(annual, publish_on=date(2022, 1, 5)).sections[4].lines
    assert lines == (
        "【结果运用】“月度考核总分排名后三位的，由乡镇进行约谈（得分相同的名次并列，一并约谈）”："
        "2021年1月、2月、3月、4月（按当月总分名次，并列者一并计入）。",
        "【结果运用】“年度内被约谈3次的，建议解聘”：2021年1月、2月、3月、4月共4次。",
    )

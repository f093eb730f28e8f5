"""The rule file's [[calendar]]: next year's official schedule, given by the district."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import inspector_scoring as isc
from conftest import EXAMPLES, ROOT, Run

DEFAULT = (ROOT / "rules" / "default.toml").read_text(encoding="utf-8")

# Made up for the tests: the State Council publishes 2027's schedule in the autumn of 2026.
CALENDAR = """
[[calendar]]
year = 2027
source = "《国务院办公厅关于2027年部分节假日安排的通知》"
holidays = [2027-01-01, { from = 2027-02-05, to = 2027-02-12 }]
workdays = [2027-02-20]
"""


def test_the_schedule_loads_and_round_trips() -> None:
    """Nine days off (1 Jan and 5–12 Feb), one make-up Saturday; dumps_rules writes it back."""
    rules = isc.loads_rules(DEFAULT + CALENDAR, source="rules.toml")
    (schedule,) = rules.calendar
    assert (schedule.year, len(schedule.holidays), sorted(schedule.workdays)) == (
        2027,
        9,
        [date(2027, 2, 20)],
    )
    assert isc.loads_rules(isc.dumps_rules(rules), source="again.toml").calendar == rules.calendar


def test_every_problem_of_a_schedule_is_reported() -> None:
    """A day of another year, a weekday 'make-up' day, a day both off and worked, a range backwards,
    a year given twice."""
    bad = """
[[calendar]]
year = 2027
source = "通知"
holidays = [2026-12-31, { from = 2027-02-12, to = 2027-02-05 }, 2027-02-20]
workdays = [2027-02-22, 2027-02-20]

[[calendar]]
year = 2027
source = "又一份"
holidays = []
"""
    with pytest.raises(isc.InvalidInputError) as raised:
        isc.loads_rules(DEFAULT + bad, source="rules.toml")
    assert [problem.text("en") for problem in raised.value.problems] == [
        "rules.toml: calendar[0].holidays[1].to: "
        "from 2027-02-12 to 2027-02-05 is not a range of 1 to 31 days",
        "rules.toml: calendar[0].holidays[0]: 2026-12-31 is not in 2027",
        "rules.toml: calendar[0].workdays[0]: 2027-02-22 is a weekday; a make-up workday (调休上班) is a "
        "Saturday or a Sunday",
        "rules.toml: calendar[0].workdays[1]: 2027-02-20 is both a holiday and a make-up workday",
        "rules.toml: calendar[1].year: the schedule of 2027 is given twice (also at calendar[0].year)",
    ]
    assert raised.value.problems[1].text("zh") == "rules.toml: calendar[0].holidays[0]: 2026-12-31不在2027年"


def _december(tmp_path: Path) -> Path:
    data = json.loads((EXAMPLES / "taiping-2021-03.json").read_text(encoding="utf-8"))
    data["assessment"]["period"] = "2026-12"
    data["assessment"]["assessed_on"] = "2026-12-30"
    for inspector in data["inspectors"]:
        for event in inspector.get("events", []):
            for key in ("at", "until"):
                if key in event:
                    event[key] = event[key].replace("2021-03", "2026-12").replace("2021-04-01", "2027-01-01")
        for leave in inspector.get("leave", []):
            leave["from"] = leave["from"].replace("2021-03", "2026-12")
            leave["to"] = leave["to"].replace("2021-03", "2026-12")
        inspector.pop("serving_from", None)
        inspector.pop("serving_until", None)
    path = tmp_path / "2026-12.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_the_notice_counts_with_the_schedule_and_names_it(run_score: Run, tmp_path: Path) -> None:
    """December 2026 posted 30 Dec: with the 2027 schedule the 公示期 ends 6 Jan, naming its source;
    without it, 5 Jan, counted Monday to Friday and saying so."""
    rules = tmp_path / "rules.toml"
    rules.write_text(DEFAULT + CALENDAR, encoding="utf-8")
    evidence = _december(tmp_path)
    done = run_score(evidence, "--rules", rules, "--format", "markdown")
    assert done.returncode == 0, done.stderr
    assert (
        "公示期：2026年12月30日至2027年1月6日（5个工作日）；2027年工作日按《国务院办公厅关于2027年部分节假日安排的通知》"
        "确定的放假和调休安排计算。  "
    ) in done.stdout.splitlines()
    plain = run_score(evidence, "--format", "markdown")
    assert plain.returncode == 0, plain.stderr
    assert (
        "公示期：2026年12月30日至2027年1月5日（5个工作日）；"
        "2027年法定节假日安排尚未收录，按周一至周五计算工作日。  "
    ) in plain.stdout.splitlines()


def test_check_shows_the_schedule(run_score: Run, tmp_path: Path) -> None:
    """`score check` lists the calendar with its source, in both languages."""
    rules = tmp_path / "rules.toml"
    rules.write_text(DEFAULT + CALENDAR, encoding="utf-8")
    done = run_score("check", rules, "--lang", "en")
    assert (
        "calendar 2027: 9 day(s) off, 1 make-up workday(s); "
        "source: 《国务院办公厅关于2027年部分节假日安排的通知》"
    ) in done.stdout.splitlines()
    done = run_score("check", rules, "--lang", "zh")
    assert (
        "2027年放假安排：放假9天，调休上班1天；依据：《国务院办公厅关于2027年部分节假日安排的通知》"
        in done.stdout
    )

"""The JSON Schema of evidence files: valid, true to the loader, and specific to one rule file."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import inspector_scoring as isc
from conftest import EXAMPLES
from inspector_scoring.evidence.schema import evidence_schema

DEFAULT = isc.default_rules()
VALIDATOR = jsonschema.Draft202012Validator(evidence_schema(DEFAULT))

CUSTOM = """\
schema = 1

[ruleset]
id = "custom"
title = "自定义细则"
version = "1"
effective_from = {effective_from}
{effective_until}
period = "{period}"
total = 10
precision = 0

[metrics.patrols]
title = "巡查次数"
count = "patrol"

[metrics.missing_reports]
title = "未报送日报天数"
unit = "天"
days_without = "daily_report"

[metrics.fines]
title = "罚款次数"

[[items]]
id = "patrol"
title = "巡查"
points = 10

  [[items.rules]]
  id = "patrol-shortfall"
  text = "每期巡查少于3次的，每少1次扣1分"
  metric = "patrols"
  below = 3
  per = 1

  [[items.rules]]
  id = "fines"
  text = "每被罚款1次扣2分"
  metric = "fines"
  above = 0
  per = 2

[[grades]]
name = "合格"
min = 0
"""


def custom_rules(
    period: str = "quarter", effective_from: str = "2021-01-01", effective_until: str | None = None
) -> isc.Ruleset:
    """The custom rule file above, by period kind and effective dates."""
    until = f"effective_until = {effective_until}" if effective_until else ""
    text = CUSTOM.format(period=period, effective_from=effective_from, effective_until=until)
    return isc.loads_rules(text, source="x.toml")


def example(name: str) -> dict[str, Any]:
    """An example evidence file, parsed as plain JSON."""
    data: dict[str, Any] = json.loads((EXAMPLES / f"{name}-2021-03.json").read_text(encoding="utf-8"))
    return data


def loader_accepts(data: dict[str, Any], rules: isc.Ruleset = DEFAULT) -> bool:
    """Whether the loader accepts ``data`` (read as the JSON loader reads it) with ``rules``."""
    exact = json.loads(json.dumps(data, ensure_ascii=False), parse_float=Decimal)
    try:
        isc.load_evidence(exact, rules=rules)
    except isc.InvalidInputError:
        return False
    return True


def period_accepts(rules: isc.Ruleset, text: str) -> bool:
    """Whether the schema's ``assessment.period`` accepts ``text``."""
    schema = evidence_schema(rules)["properties"]["assessment"]["properties"]["period"]
    return bool(jsonschema.Draft202012Validator(schema).is_valid(text))


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    """The schema passes the 2020-12 meta-schema, names its dialect and has no $id."""
    schema = evidence_schema(DEFAULT)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert "$id" not in json.dumps(schema)


@pytest.mark.parametrize("name", ["taiping", "wuben"])
def test_examples_are_valid(name: str) -> None:
    """Both example evidence files validate against the default rules' schema."""
    data = example(name)
    assert loader_accepts(data)
    VALIDATOR.validate(data)


DELETE = object()
BROKEN = {
    "unknown metric in counts": ("wuben", ("inspectors", 0, "counts", "underground_entriez"), 3),
    "unknown event kind": ("taiping", ("inspectors", 0, "events", 0, "kind"), "work_logg"),
    "unknown inspector key": ("taiping", ("inspectors", 0, "phone"), "13800000000"),
    "unknown assessment key": ("taiping", ("assessment", "year"), "2021"),
    "unknown top-level key": ("taiping", ("version",), 1),
    "wrong period kind": ("taiping", ("assessment", "period"), "2021-Q1"),
    "not a period": ("taiping", ("assessment", "period"), "2021-13"),
    "period before the effective dates": ("wuben", ("assessment", "period"), "2020-12"),
    "missing name": ("taiping", ("inspectors", 0, "name"), DELETE),
    "missing township": ("taiping", ("assessment", "township"), DELETE),
    "white-space name": ("taiping", ("inspectors", 0, "name"), "  "),
    "empty ref": ("taiping", ("inspectors", 0, "events", 1, "ref"), ""),
    "count of -1": ("wuben", ("inspectors", 0, "counts", "absences"), -1),
    "count over the bound": ("wuben", ("inspectors", 0, "counts", "absences"), 10**12 + 1),
    "count as a string": ("wuben", ("inspectors", 0, "counts", "absences"), "0"),
    "count as a boolean": ("wuben", ("inspectors", 0, "counts", "absences"), False),
    "at with an offset": ("taiping", ("inspectors", 0, "events", 1, "at"), "2021-03-01T07:30:00+08:00"),
    "at in another format": ("taiping", ("inspectors", 0, "events", 0, "at"), "2021/03/01"),
    "non-string extra event field": ("taiping", ("inspectors", 0, "events", 0, "level"), 3),
    "event without kind": ("taiping", ("inspectors", 0, "events", 0, "kind"), DELETE),
    "leave without to": ("taiping", ("inspectors", 0, "leave"), [{"from": "2021-03-20"}]),
    "bad serving date": ("taiping", ("inspectors", 0, "serving_from"), "2021-3-1"),
    "panel member without name": ("taiping", ("assessment", "panel", 0, "name"), DELETE),
    "schema 2": ("taiping", ("schema",), 2),
    "no inspectors": ("taiping", ("inspectors",), []),
    "missing evidence": ("wuben", ("inspectors", 0, "counts", "absences"), DELETE),
    "evidence given twice": (
        "wuben",
        ("inspectors", 0, "events"),
        [{"kind": "preshift_meeting", "at": "2021-03-02T07:30:00"}],
    ),
    "date-only night event": ("taiping", ("inspectors", 0, "events", 3, "at"), "2021-03-02"),
}


@pytest.mark.parametrize(("name", "path", "value"), BROKEN.values(), ids=BROKEN.keys())
def test_broken_copies_are_rejected(name: str, path: tuple[str | int, ...], value: object) -> None:
    """A broken copy of an example fails the schema, as it fails the loader."""
    data = example(name)
    parent: Any = data
    for key in path[:-1]:
        parent = parent[key]
    if value is DELETE:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    assert not loader_accepts(data)
    assert not VALIDATOR.is_valid(data)


@pytest.mark.parametrize(
    ("at", "accepted"),
    [
        ("2021-03-02T10:00:00", True),
        ("2021-03-02T21:59:59.999999", True),
        ("2021-03-03T06:00", True),
        ("2021-03-02T22:00", False),
        ("2021-03-03T05:59:59.5", False),
        ("2021-03-02", False),
    ],
)
def test_a_night_count_excludes_only_night_or_date_only_events(at: str, accepted: bool) -> None:
    """A night count next to an event of its kind is given twice only if the event may be at night."""
    data = example("wuben")
    person = data["inspectors"][0]
    del person["counts"]["underground_entries"]
    person["events"] = [{"kind": "underground", "at": at}]
    assert loader_accepts(data) == accepted
    assert VALIDATOR.is_valid(data) == accepted


def test_a_custom_rule_files_metrics_and_kinds_appear() -> None:
    """Counts name exactly the custom metrics, events exactly its kinds, in a fixed order."""
    schema = evidence_schema(custom_rules())
    inspector = schema["properties"]["inspectors"]["items"]
    counts = inspector["properties"]["counts"]
    assert list(counts["properties"]) == ["patrols", "missing_reports", "fines"]
    assert counts["additionalProperties"] is False
    assert "未报送日报天数" in counts["properties"]["missing_reports"]["description"]
    kind = inspector["properties"]["events"]["items"]["properties"]["kind"]
    assert kind["enum"] == ["daily_report", "patrol"]
    assert '"underground"' not in json.dumps(schema)


def test_custom_rule_file_evidence_is_checked_like_the_loader() -> None:
    """Under the custom rules, a count-only metric must be given, in counts; events derive the rest."""
    rules = custom_rules()
    validator = jsonschema.Draft202012Validator(evidence_schema(rules))
    person: dict[str, Any] = {"id": "X-1", "name": "甲", "counts": {"fines": 0}, "events": []}
    data = {"schema": 1, "assessment": {"township": "太平乡", "period": "2021-Q1"}, "inspectors": [person]}
    assert loader_accepts(data, rules)
    assert validator.is_valid(data)
    del person["counts"]
    assert not loader_accepts(data, rules)
    assert not validator.is_valid(data)


def test_a_quarterly_rule_files_period_is_a_quarter() -> None:
    """A quarterly rule file's period accepts 2021-Q1 and rejects 2021-03 and 2021."""
    rules = custom_rules("quarter")
    assert period_accepts(rules, "2021-Q1")
    assert period_accepts(rules, "2030-Q4")
    assert not period_accepts(rules, "2021-03")
    assert not period_accepts(rules, "2021")
    assert not period_accepts(rules, "2021-Q5")


def test_a_yearly_rule_files_period_is_a_year() -> None:
    """A yearly rule file's period accepts 2021 and rejects 2021-Q1 and 2021-03."""
    rules = custom_rules("year")
    assert period_accepts(rules, "2021")
    assert not period_accepts(rules, "2021-Q1")
    assert not period_accepts(rules, "2021-03")


@pytest.mark.parametrize("kind", ["month", "quarter", "year"])
@pytest.mark.parametrize(
    ("start", "until"),
    [
        ("2021-01-01", None),
        ("2021-02-15", "2023-11-30"),
        ("2020-12-31", "2022-06-30"),
        ("2021-04-01", "2021-12-31"),
        ("2021-05-02", "2021-05-30"),
    ],
)
def test_the_period_stays_within_the_effective_dates(kind: str, start: str, until: str | None) -> None:
    """The schema accepts exactly the periods of the rule file's kind that its effective dates cover."""
    rules = custom_rules(kind, start, until)
    texts = [f"{year}" for year in range(2018, 2026)]
    texts += [f"{year}-Q{q}" for year in range(2018, 2026) for q in range(1, 5)]
    texts += [f"{year}-{month:02d}" for year in range(2018, 2026) for month in range(1, 13)]
    for text in texts:
        period = isc.parse_period(text)
        assert period is not None
        assert period_accepts(rules, text) == rules.covers(period), text


def test_the_schema_is_deterministic() -> None:
    """The same rules, loaded twice, give equal schemas with keys in the same order."""
    first = evidence_schema(custom_rules())
    second = evidence_schema(custom_rules())
    assert json.dumps(first, ensure_ascii=False) == json.dumps(second, ensure_ascii=False)
    assert evidence_schema(DEFAULT) == evidence_schema(DEFAULT)


def test_the_schema_is_the_same_in_either_language() -> None:
    """The schema is for other systems: the same bytes whatever language messages are in (its
    effective dates once read "2021-01-01 起" under --lang zh)."""
    from inspector_scoring.i18n import use_language  # noqa: PLC0415

    said = []
    for language in ("zh", "en"):
        use_language(language)
        said.append(json.dumps(evidence_schema(DEFAULT), ensure_ascii=False))
    assert said[0] == said[1]
    assert "(2021-01-01 onwards)" in said[0]


# Every choice below keeps clear of what a schema cannot check (duplicate keys
# and ids, events outside the period, impossible dates, leave), so on these
# files the schema and the loader must agree exactly. Most choices are valid, so
# that both verdicts come up often.
_KINDS = ["underground", "work_log", "preshift_meeting", "missed_hazard", "hazard_found"]
_MOMENTS = [
    "2021-03-31",
    "2021-03-02T10:00",
    "2021-03-02T21:59:59.999999",
    "2021-03-02T22:00",
    "2021-03-02T23:15:00",
    "2021-03-03T05:59:59",
    "2021-03-03T06:00:00.000",
]


def mostly(draw: st.DrawFn, good: list[Any], bad: list[Any]) -> Any:
    """One of ``good``, or now and then one of ``bad``."""
    return draw(st.sampled_from(bad if draw(st.integers(0, 39)) == 0 else good))


@st.composite
def near_valid_events(draw: st.DrawFn) -> dict[str, Any]:
    """An event for the default rules that may break one rule a schema can check."""
    event: dict[str, Any] = {
        "kind": mostly(draw, _KINDS, ["bogus", "", 1]),
        "at": mostly(draw, _MOMENTS, ["2021-03-02", "2021-03-02T23:15:00+08:00", "2021-3-2", 20210302]),
    }
    if draw(st.booleans()):
        event["level"] = mostly(draw, ["一般", "重大", ""], [3, None])
    if draw(st.booleans()):
        event["ref"] = mostly(draw, ["定位系统#1"], ["", " ", 7])
    if draw(st.integers(0, 15)) == 0:
        del event[draw(st.sampled_from(["kind", "at"]))]
    return event


@st.composite
def near_valid_evidence(draw: st.DrawFn) -> dict[str, Any]:
    """Evidence for the default rules, March 2021, that may break rules a schema can check."""
    metrics = [metric.id for metric in DEFAULT.metrics]
    inspectors = []
    for n in range(draw(st.integers(1, 2))):
        person: dict[str, Any] = {"id": f"TP-{n}", "name": mostly(draw, ["甲", "乙"], ["", " ", None])}
        if draw(st.booleans()):
            person["events"] = draw(st.lists(near_valid_events(), max_size=4))
            for number, event in enumerate(person["events"]):
                if event.get("ref") == "定位系统#1":
                    event["ref"] = f"定位系统#{number}"  # the same record twice is out of reach
            named: list[str] = draw(st.lists(st.sampled_from(metrics), unique=True, max_size=2))
        else:
            named = [metric for metric in metrics if draw(st.integers(0, 15))]
        has_counts = bool(named) or draw(st.booleans())
        if has_counts:
            named += mostly(draw, [[]], [["bogus"]])
            person["counts"] = {metric: mostly(draw, [0, 3, 2.5], [-1, "1", True]) for metric in named}
        if draw(st.integers(0, 15)) == 0:
            person["phone"] = "13800000000"
        inspectors.append(person)
    period = mostly(draw, ["2021-03"], ["2021-Q1", "2020-03", "2021-3"])
    return {"schema": 1, "assessment": {"township": "太平乡", "period": period}, "inspectors": inspectors}


@given(near_valid_evidence())
def test_the_schema_and_the_loader_agree(data: dict[str, Any]) -> None:
    """On evidence clear of what a schema cannot check, the schema passes exactly what the loader does."""
    assert VALIDATOR.is_valid(data) == loader_accepts(data)

"""The generated scorer against a plain interpreter of SPEC §4, written here from the spec.

The engine turns each rule file into generated Python (``scoring/compile.py``). These
tests score generated rule files and evidence (events of every derivation:
plain counts, night windows that do and do not wrap midnight, ``where``
filters, days without a record, part-time duty) with that code, then work
every number out again here, one rule at a time, the slow and obvious way.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import inspector_scoring as isc
from conftest import EXAMPLES, ROOT
from inspector_scoring.evidence.measure import duty_dates
from inspector_scoring.rules.grades import grade_for
from inspector_scoring.scoring.compile import scorer_for
from strategies import MARCH, PERIOD_END, rules_and_events

# -- a plain interpreter ---------------------------------------------------------


def naive_duty(person: dict[str, Any]) -> list[date]:
    """Duty days of March 2021, day by day: within service, not on leave."""
    first = date.fromisoformat(person.get("serving_from", "2021-03-01"))
    last = date.fromisoformat(person.get("serving_until", "2021-03-31"))
    days = []
    day = MARCH
    while day <= PERIOD_END:
        on_leave = any(
            date.fromisoformat(leave["from"]) <= day <= date.fromisoformat(leave["to"])
            for leave in person.get("leave", ())
        )
        if first <= day <= last and not on_leave:
            days.append(day)
        day += timedelta(days=1)
    return days


def in_night(rules: isc.Ruleset, moment: time) -> bool:
    assert rules.night is not None
    start, end = rules.night.start, rules.night.end
    return start <= moment < end if start < end else moment >= start or moment < end


def naive_value(rules: isc.Ruleset, metric: isc.Metric, person: dict[str, Any]) -> Decimal:
    """A metric's value: the count, else counted from the events, else the default (SPEC §3.3)."""
    counts = person.get("counts", {})
    if metric.id in counts:
        return Decimal(counts[metric.id])
    if metric.kind is not None and "events" in person:
        matching = [
            event
            for event in person["events"]
            if event["kind"] == metric.kind and all(event.get(key) == want for key, want in metric.where)
        ]
        if metric.days_without is not None:
            logged = {date.fromisoformat(event["at"][:10]) for event in matching}
            return Decimal(len([day for day in naive_duty(person) if day not in logged]))
        if metric.during == "night":
            matching = [e for e in matching if in_night(rules, datetime.fromisoformat(e["at"]).time())]
        return Decimal(len(matching))
    assert metric.default is not None
    return metric.default


def half_up(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def naive_rule(
    rule: isc.Rule, value: Decimal, duty: int, days: int, left: Decimal
) -> tuple[Decimal, Decimal, Decimal]:
    """(threshold, raw, applied) of one rule with ``left`` still to take from."""
    threshold = rule.threshold
    if rule.prorate:  # T × duty / period, rounded half up to a whole number (SPEC §4.2)
        threshold = half_up(rule.threshold * duty / days, 0)
    fires = value < threshold if rule.comparison is isc.Comparison.BELOW else value > threshold
    if rule.prorate and duty == 0:
        fires = False  # nothing is required of an inspector with no duty days
    raw = Decimal(0)
    if fires:
        raw = rule.fixed if rule.fixed is not None else rule.per * abs(value - threshold)  # type: ignore[operator]
        if rule.cap is not None:
            raw = min(raw, rule.cap)
    return threshold, raw, min(raw, left)


def check_against_the_plain_interpreter(rules: isc.Ruleset, evidence: dict[str, Any]) -> None:
    assessment = isc.score_evidence(rules, isc.load_evidence(evidence, rules=rules))
    for person, result in zip(evidence["inspectors"], assessment.results, strict=True):
        duty = len(naive_duty(person))
        assert result.duty_days == duty
        values = {metric.id: naive_value(rules, metric, person) for metric in rules.used_metrics()}
        points = Decimal(0)
        for item, scored in zip(rules.items, result.items, strict=True):
            left = item.points
            for rule, record in zip(item.rules, scored.rules, strict=True):
                threshold, raw, applied = naive_rule(rule, values[rule.metric], duty, 31, left)
                assert (record.value, record.threshold, record.raw, record.applied) == (
                    values[rule.metric],
                    threshold,
                    raw,
                    applied,
                ), rule.id
                left -= applied
            assert scored.score == left
            assert scored.deducted == item.points - left
            points += left
        bonus = Decimal(0)
        if rules.bonus is not None:
            left = rules.bonus.cap
            for rule, record in zip(rules.bonus.rules, result.bonus.rules, strict=True):
                _, raw, applied = naive_rule(rule, values[rule.metric], duty, 31, left)
                assert (record.raw, record.applied) == (raw, applied), rule.id
                left -= applied
            bonus = rules.bonus.cap - left
        assert result.bonus.applied == bonus
        assert result.total == half_up(min(rules.total, points + bonus), rules.precision)
        fired = [
            veto.id
            for veto in rules.vetoes
            if (
                values[veto.metric] < veto.threshold
                if veto.comparison is isc.Comparison.BELOW
                else values[veto.metric] > veto.threshold
            )
        ]
        assert [hit.id for hit in result.vetoes] == fired
        assert result.grade_by_total == grade_for(result.total, rules.grades)


@given(rules_and_events())
def test_the_compiled_scorer_agrees_with_a_plain_interpreter(
    case: tuple[isc.Ruleset, dict[str, Any]],
) -> None:
    check_against_the_plain_interpreter(*case)


@given(rules_and_events())
def test_hit_records_are_the_items_with_only_their_hits(case: tuple[isc.Ruleset, dict[str, Any]]) -> None:
    rules, evidence = case
    for result in isc.score_evidence(rules, isc.load_evidence(evidence, rules=rules)).results:
        items, bonus = result.hit_records()
        assert [item._replace(rules=item.hits) for item in result.items] == list(items)
        assert result.bonus._replace(rules=result.bonus.hits) == bonus


def test_the_default_scheme_on_the_examples_agrees_with_the_plain_interpreter(examples: Any) -> None:
    import json  # noqa: PLC0415

    for path in examples:
        evidence = json.loads(path.read_text(encoding="utf-8"))
        check_against_the_plain_interpreter(isc.default_rules(), evidence)


@pytest.fixture
def examples() -> list[Any]:
    from pathlib import Path  # noqa: PLC0415

    return sorted((Path(__file__).parent.parent / "examples").glob("*.json"))


# -- duty days --------------------------------------------------------------------


@given(
    st.integers(-40, 40),
    st.integers(-10, 40),
    st.lists(st.tuples(st.integers(-20, 35), st.integers(0, 15)), max_size=3),
)
def test_duty_days_are_the_days_in_service_and_not_on_leave(
    since: int, until: int, leaves: list[tuple[int, int]]
) -> None:
    # Service from MARCH+since to MARCH+since+until; leaves as (start offset, length), non-overlapping.
    person: dict[str, Any] = {
        "serving_from": (MARCH + timedelta(days=since)).isoformat(),
        "serving_until": (MARCH + timedelta(days=since + until)).isoformat(),
        "leave": [],
    }
    taken: set[int] = set()
    for start, length in leaves:
        days = set(range(start, start + length + 1))
        if days & taken:
            continue
        taken |= days
        person["leave"].append(
            {
                "from": (MARCH + timedelta(days=start)).isoformat(),
                "to": (MARCH + timedelta(days=start + length)).isoformat(),
            }
        )
    inspector = isc.Inspector(
        id="X",
        name="测试",
        serving_from=date.fromisoformat(person["serving_from"]),
        serving_until=date.fromisoformat(person["serving_until"]),
        leave=tuple(
            isc.Leave(date.fromisoformat(leave["from"]), date.fromisoformat(leave["to"]))
            for leave in person["leave"]
        ),
    )
    period = isc.parse_period("2021-03")
    assert period is not None
    dates = duty_dates(period, inspector.serving_from, inspector.serving_until, inspector.leave)
    assert list(dates) == naive_duty(person)


def test_service_wholly_outside_the_period_leaves_no_duty_days() -> None:
    period = isc.parse_period("2021-03")
    assert period is not None
    before = isc.Inspector(id="X", name="测试", serving_until=date(2021, 2, 20))
    after = isc.Inspector(id="Y", name="测试", serving_from=date(2021, 4, 2))
    assert duty_dates(period, before.serving_from, before.serving_until, before.leave) == ()
    assert duty_dates(period, after.serving_from, after.serving_until, after.leave) == ()


# -- the generated code and what it relies on ----------------------------------------


def test_equal_rule_files_share_one_compiled_function() -> None:
    assert scorer_for(isc.default_rules()) is scorer_for(isc.default_rules())


def test_the_generated_source_names_the_rules_and_their_items() -> None:
    source = scorer_for(isc.default_rules()).source
    assert source.startswith("def score_inspector(measured, period_days, record):")
    assert source.count("def ") == 1  # one function per rule file
    assert '# "24小时在矿驻矿" ["on_site"]: 20 points, deducted until exhausted' in source
    wording = "每月下井少于15次的，每少1次扣2分（单次下井不足120分钟或无升井记录的不计入）"
    assert f'# "underground-shortfall": "{wording}"' in source
    assert "if underground_entries < underground_shortfall_threshold:" in source


def test_any_item_id_of_a_ruleset_built_in_python_compiles() -> None:
    # A hand-built ruleset is not validated by the loader: its text must not break the generated code.
    rules = isc.default_rules()
    odd = attrs.evolve(rules, items=(attrs.evolve(rules.items[0], id="x\nimport os"), *rules.items[1:]))
    assert "import os" not in scorer_for(odd).source.replace('"x\\nimport os"', "")


class _Moment(datetime):
    """A datetime subclass, as other systems' Python callers may hand over."""


def test_events_at_a_datetime_subclass_count_as_date_times() -> None:
    # 2 night entries (23:00 and 01:00) of 3, and the work log of 3 March given as a date-time.
    inspector = isc.Inspector(
        id="X",
        name="测试",
        counts=tuple(
            (name, Decimal(0))
            for name in (
                "absences",
                "preshift_meetings",
                "safety_meetings",
                "unreachable_checks",
                "missed_general_hazards",
                "missed_major_hazards",
                "major_hazards_found",
                "commendations",
                "falsifications",
                "concealed_accidents",
            )
        ),
        events=(
            isc.Event("underground", _Moment(2021, 3, 1, 23, 0), ref="U1", until=_Moment(2021, 3, 2, 2, 0)),
            isc.Event("underground", _Moment(2021, 3, 2, 1, 0), ref="U2", until=_Moment(2021, 3, 2, 4, 0)),
            isc.Event("underground", _Moment(2021, 3, 2, 10, 0), ref="U3", until=_Moment(2021, 3, 2, 13, 0)),
            isc.Event("work_log", _Moment(2021, 3, 3, 18, 0), ref="L1"),
        ),
    )
    period = isc.parse_period("2021-03")
    assert period is not None
    evidence = isc.Evidence(isc.AssessmentInfo("太平乡", period), (inspector,))
    (result,) = isc.score_evidence(isc.default_rules(), evidence).results
    values = {rule.metric: rule.value for item in result.items for rule in item.rules}
    assert values["underground_entries"] == 3
    assert values["night_underground_entries"] == 2
    assert values["days_without_work_log"] == 30  # 31 days, one logged


# -- evidence checked against the rules it is scored with ------------------------------


def _taiping() -> dict[str, Any]:
    import json  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415

    path = Path(__file__).parent.parent / "examples" / "taiping-2021-03.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def test_evidence_loaded_without_the_rules_is_checked_when_scored() -> None:
    # A count of an unknown metric: loading without rules cannot see it; scoring must.
    data = _taiping()
    data["inspectors"][0].setdefault("counts", {})["undergound_entries"] = 3
    evidence = isc.load_evidence(data)
    with pytest.raises(isc.InvalidInputError, match=r"undergound_entries: unknown metric"):
        isc.score_evidence(isc.default_rules(), evidence)


def test_evidence_checked_against_one_rule_file_is_checked_against_another() -> None:
    data = _taiping()
    evidence = isc.load_evidence(data, rules=isc.default_rules())
    other = attrs.evolve(isc.default_rules(), metrics=(), items=(), bonus=None, vetoes=())
    with pytest.raises(isc.InvalidInputError, match="unknown event kind"):
        isc.score_evidence(other, evidence)


def test_a_prorated_threshold_with_decimals_is_rounded_even_for_a_full_month() -> None:
    # SPEC §4.2: T × duty / period rounded half up. below 2.5, per 1, on duty all 31 days:
    # T' = 2.5 × 31/31 = 2.5 → 3; a count of 2.6 is 0.4 short, so 0.4 is deducted (10 → 9.6).
    rules = isc.load_rules(
        {
            "schema": 1,
            "ruleset": {
                "id": "t",
                "title": "测试",
                "version": "1",
                "effective_from": date(2021, 1, 1),
                "period": "month",
                "total": Decimal(10),
                "precision": 1,
            },
            "metrics": {"m": {"title": "次数"}},
            "items": [
                {
                    "id": "i",
                    "title": "项目",
                    "points": Decimal(10),
                    "rules": [
                        {
                            "id": "r",
                            "text": "少于2.5次",
                            "metric": "m",
                            "below": Decimal("2.5"),
                            "per": 1,
                            "prorate": True,
                        }
                    ],
                }
            ],
            "grades": [{"name": "合格", "min": 0}],
        }
    )
    evidence = isc.load_evidence(
        {
            "schema": 1,
            "assessment": {"township": "太平乡", "period": "2021-03"},
            "inspectors": [{"id": "X", "name": "测试", "counts": {"m": Decimal("2.6")}}],
        },
        rules=rules,
    )
    (result,) = isc.score_evidence(rules, evidence).results
    (hit,) = result.items[0].hits
    assert (hit.threshold, hit.threshold_base, hit.prorated, hit.applied) == (
        Decimal(3),
        Decimal("2.5"),
        True,
        Decimal("0.4"),
    )
    assert result.total == Decimal("9.6")
    assert "标准由2.5次按比例折算为3次" in hit.explanation


# -- records built in Python ------------------------------------------------------------


def test_a_comparison_given_as_text_is_the_enum_and_compiles_alike() -> None:
    # Equal rule files share compiled code, so "below" must not compile as anything else.
    rules = isc.default_rules()
    item = rules.items[1]  # underground: below 15, 2 per entry short
    as_text = attrs.evolve(
        rules,
        items=[
            rules.items[0],
            attrs.evolve(item, rules=[attrs.evolve(item.rules[0], comparison="below")]),
            *rules.items[2:],
        ],
    )
    assert as_text.items[1].rules[0].comparison is isc.Comparison.BELOW
    assert isinstance(as_text.items, tuple)
    assert as_text == rules
    evidence = isc.load_evidence(_taiping(), rules=rules)
    assert isc.score_evidence(as_text, evidence) == isc.score_evidence(rules, evidence)


def test_evidence_built_with_lists_holds_tuples() -> None:
    evidence = isc.load_evidence(_taiping())
    again = isc.Evidence(evidence.assessment, list(evidence.inspectors))
    first = again.inspectors[0]
    assert isinstance(again.inspectors, tuple)
    assert isinstance(attrs.evolve(first, events=list(first.events or ())).events, tuple)


def test_an_event_with_a_utc_offset_built_in_python_is_a_problem_not_a_crash() -> None:
    from datetime import timezone  # noqa: PLC0415

    evidence = isc.load_evidence(_taiping())
    first = evidence.inspectors[0]
    assert first.events
    odd = attrs.evolve(first.events[0], at=datetime(2021, 3, 2, 9, 0, tzinfo=timezone(timedelta(hours=8))))
    changed = attrs.evolve(evidence, inspectors=(attrs.evolve(first, events=(odd, *first.events[1:])),))
    with pytest.raises(isc.InvalidInputError, match=r"inspectors\[0\]\.events\[0\]\.at: must be a date"):
        isc.score_evidence(isc.default_rules(), changed)


def test_results_pickle_and_compare_with_their_items() -> None:
    import pickle  # noqa: PLC0415

    rules = isc.default_rules()
    assessment = isc.score_evidence(rules, isc.load_evidence(_taiping(), rules=rules))
    again = pickle.loads(pickle.dumps(assessment))
    assert again == assessment
    assert again.results[0].items == assessment.results[0].items
    assert isc.result_to_json(again) == isc.result_to_json(assessment)
    assert hash(again.results[0]) == hash(assessment.results[0])


def test_records_are_exact_whatever_the_callers_decimal_context() -> None:
    import decimal  # noqa: PLC0415

    # 10.123456 points less 1.000003 is 9.123453: 7 digits, more than a 4-digit context keeps.
    rules = isc.default_rules()
    item = attrs.evolve(
        rules.items[0],
        points=Decimal("10.123456"),
        rules=[attrs.evolve(rules.items[0].rules[0], per=Decimal("1.000003"))],
    )
    odd = attrs.evolve(rules, items=[item, *rules.items[1:]], total=rules.total - 20 + Decimal("10.123456"))
    data = _taiping()
    data["inspectors"] = data["inspectors"][:1]
    data["inspectors"][0]["events"].append({"kind": "absence", "at": "2021-03-05", "ref": "ABS-X"})
    evidence = isc.load_evidence(data, rules=odd)
    with decimal.localcontext(decimal.Context(prec=4)):
        (result,) = isc.score_evidence(odd, evidence).results
        scored = result.items[0]
    assert scored.score == Decimal("9.123453")
    assert scored.deducted == Decimal("1.000003")


def test_an_event_at_given_as_text_in_python_is_a_problem() -> None:
    # The loader parses text; a record built in Python must already hold a date or date-time.
    evidence = isc.load_evidence(_taiping())
    first = evidence.inspectors[0]
    assert first.events
    odd = attrs.evolve(first.events[0], at="2021-03-01")  # type: ignore[arg-type]
    changed = attrs.evolve(evidence, inspectors=(attrs.evolve(first, events=(odd, *first.events[1:])),))
    with pytest.raises(isc.InvalidInputError, match=r'events\[0\]\.at: must be a date .*got "2021-03-01"'):
        isc.score_evidence(isc.default_rules(), changed)


def test_results_compare_by_the_scheme_not_the_file_name() -> None:
    rules = isc.default_rules()
    renamed = attrs.evolve(rules, source="another-name.toml", sha256="0" * 64)
    evidence = isc.load_evidence(_taiping(), rules=rules)
    assert isc.score_evidence(renamed, evidence).results == isc.score_evidence(rules, evidence).results


def test_a_version_with_any_character_still_compiles() -> None:
    """A version holding NUL passes the rule-file checks, so the scorer compiles it too: the
    name it is compiled under shows the character as an escape (compile() refuses a NUL)."""
    text = (ROOT / "rules" / "default.toml").read_text(encoding="utf-8")
    rules = isc.loads_rules(text.replace('version = "2021.1"', 'version = "2021.1\\u0000"', 1))
    assert rules.version == "2021.1\x00"
    evidence = isc.load_evidence(EXAMPLES / "taiping-2021-03.json", rules=rules)
    assert isc.score_evidence(rules, evidence).results[0].total == Decimal("100.0")

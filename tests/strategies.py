"""Hypothesis strategies shared by the property tests: rule files, evidence, JSON values."""

from __future__ import annotations

import itertools
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

import inspector_scoring as isc

amounts = st.decimals(min_value=0, max_value=30, places=2, allow_nan=False, allow_infinity=False)
whole = st.integers(min_value=0, max_value=30).map(Decimal)
small_numbers = st.one_of(whole, amounts)


@st.composite
def rule_tables(draw: st.DrawFn, rule_id: str, metric: str) -> dict[str, Any]:
    """One rule table of any valid shape (below/above × per/fixed, optional cap and prorate)."""
    side = draw(st.sampled_from(["below", "above"]))
    table: dict[str, Any] = {"id": rule_id, "text": f"规则{rule_id}", "metric": metric}
    table[side] = draw(small_numbers)
    if draw(st.booleans()):
        table["per"] = draw(small_numbers)
        if draw(st.booleans()):
            table["cap"] = draw(small_numbers)
    else:
        table["fixed"] = draw(small_numbers)
    if side == "below" and draw(st.booleans()):
        table["prorate"] = True
    return table


@st.composite
def metric_tables(draw: st.DrawFn) -> dict[str, Any]:
    """A metric table with any valid derivation (the tests give counts, so any will do)."""
    table: dict[str, Any] = {"title": draw(st.sampled_from(["下井次数", "夜间入井次数", "脱岗次数"]))}
    if draw(st.booleans()):
        table["unit"] = draw(st.sampled_from(["次", "天", "条"]))
    if draw(st.booleans()):
        table["label"] = "下井"
    how = draw(st.sampled_from(["none", "count", "night", "where", "days"]))
    if how in {"count", "night", "where"}:
        table["count"] = draw(st.sampled_from(["underground", "absence", "hazard"]))
    if how == "night":
        table["during"] = "night"
    if how == "where":
        table["where"] = {"level": draw(st.sampled_from(["一般", "重大"]))}
    if how == "days":
        table["days_without"] = "work_log"
    if draw(st.booleans()):
        table["default"] = draw(whole)
    return table


@st.composite
def rule_mappings(draw: st.DrawFn) -> dict[str, Any]:
    """A valid rule file as tomllib would return it; every rule and veto has a metric of its own."""
    numbers = itertools.count()
    metrics: dict[str, Any] = {}

    def new_metric() -> str:
        name = f"m{next(numbers)}"
        metrics[name] = draw(metric_tables())
        return name

    precision = draw(st.integers(0, 2))
    points = st.decimals(min_value=0, max_value=30, places=precision)
    items: list[dict[str, Any]] = []
    total = Decimal(0)
    for i in range(draw(st.integers(1, 4))):
        chain = [draw(rule_tables(f"r{i}-{n}", new_metric())) for n in range(draw(st.integers(0, 3)))]
        item_points = draw(points)
        total += item_points
        items.append({"id": f"item{i}", "title": f"项目{i}", "points": item_points, "rules": chain})
    mins = sorted(draw(st.sets(st.integers(1, 99), max_size=3)), reverse=True)
    grades = [{"name": f"等次{n}", "min": low} for n, low in enumerate([*mins, 0])]
    doc: dict[str, Any] = {
        "schema": 1,
        "ruleset": {
            "id": "generated",
            "title": "生成的细则",
            "version": "1",
            "effective_from": date(2021, 1, 1),
            "period": "month",
            "total": total,
            "precision": precision,
        },
        "night": {"from": draw(st.sampled_from([time(22), time(0)])), "to": time(6)},
        "metrics": metrics,
        "items": items,
        "grades": grades,
    }
    if draw(st.booleans()):
        chain = [draw(rule_tables(f"b{n}", new_metric())) for n in range(draw(st.integers(1, 3)))]
        doc["bonus"] = {"cap": draw(small_numbers), "rules": chain}
    vetoes = []
    for n in range(draw(st.integers(0, 2))):
        side = draw(st.sampled_from(["below", "above"]))
        veto = {"id": f"v{n}", "text": f"否决{n}", "metric": new_metric(), side: draw(whole)}
        if draw(st.booleans()):
            veto["grade"] = draw(st.sampled_from(grades))["name"]
        vetoes.append(veto)
    if vetoes:
        doc["vetoes"] = vetoes
    return doc


MARCH = date(2021, 3, 1)
PERIOD_END = date(2021, 3, 31)


@st.composite
def march_days(draw: st.DrawFn) -> date:
    """A day of March 2021."""
    return MARCH + timedelta(days=draw(st.integers(0, 30)))


@st.composite
def counts_evidence(draw: st.DrawFn, ruleset: isc.Ruleset) -> dict[str, Any]:
    """Counts-only evidence for March 2021 giving every metric the rules use."""
    used = sorted(
        {r.metric for i in ruleset.items for r in i.rules}
        | {r.metric for r in (ruleset.bonus.rules if ruleset.bonus else ())}
        | {v.metric for v in ruleset.vetoes}
    )
    inspectors = []
    for n in range(draw(st.integers(1, 3))):
        person: dict[str, Any] = {
            "id": f"X-{n}",
            "name": f"测试{n}",
            "counts": {metric: draw(small_numbers) for metric in used},
        }
        if draw(st.booleans()):
            start = draw(march_days())
            person["leave"] = [
                {
                    "from": start.isoformat(),
                    "to": (start + timedelta(days=draw(st.integers(0, 40)))).isoformat(),
                }
            ]
        if draw(st.booleans()):
            person["serving_from"] = draw(march_days()).isoformat()
        inspectors.append(person)
    return {"schema": 1, "assessment": {"township": "太平乡", "period": "2021-03"}, "inspectors": inspectors}


@st.composite
def rules_and_evidence(draw: st.DrawFn) -> tuple[isc.Ruleset, dict[str, Any]]:
    """A generated ruleset and counts-only evidence that it can score."""
    ruleset = isc.load_rules(draw(rule_mappings()))
    return ruleset, draw(counts_evidence(ruleset))


_KINDS = ["underground", "work_log", "preshift_meeting", "safety_meeting", "absence", "unreachable"]


@st.composite
def events(draw: st.DrawFn) -> dict[str, Any]:
    """One event for the default scheme, dated in March 2021 (times for underground entries)."""
    kind = draw(st.sampled_from([*_KINDS, "missed_hazard", "hazard_found", "commendation"]))
    day = draw(march_days())
    event: dict[str, Any] = {"kind": kind, "at": day.isoformat(), "ref": f"R{draw(st.integers(0, 10**6))}"}
    if kind == "underground":
        event["at"] += f"T{draw(st.integers(0, 23)):02d}:{draw(st.integers(0, 59)):02d}:00"
    if kind in {"missed_hazard", "hazard_found"}:
        event["level"] = draw(st.sampled_from(["一般", "重大"]))
    return event


@st.composite
def default_evidence(draw: st.DrawFn) -> dict[str, Any]:
    """Events-based evidence for the default scheme, several inspectors, March 2021."""
    inspectors = []
    for n in range(draw(st.integers(1, 3))):
        person: dict[str, Any] = {
            "id": f"TP-{n}",
            "name": f"测试{n}",
            "events": draw(st.lists(events(), max_size=40, unique_by=lambda event: event["ref"])),
        }
        if draw(st.booleans()):
            start = draw(march_days())
            end = start + timedelta(days=draw(st.integers(0, 10)))
            person["leave"] = [{"from": start.isoformat(), "to": end.isoformat()}]
        inspectors.append(person)
    return {"schema": 1, "assessment": {"township": "太平乡", "period": "2021-03"}, "inspectors": inspectors}


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.decimals(allow_nan=True, allow_infinity=True)
    | st.floats()
    | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@st.composite
def an_event(draw: st.DrawFn, ref: int, kinds: list[str]) -> dict[str, Any]:
    kind = draw(st.sampled_from(kinds))
    day = draw(march_days())
    event: dict[str, Any] = {"kind": kind, "at": day.isoformat(), "ref": f"R{ref}"}
    # Night metrics need times; a work log is sometimes a plain date.
    if kind != "work_log" or draw(st.booleans()):
        moment = time(draw(st.integers(0, 23)), draw(st.sampled_from([0, 1, 59])))
        event["at"] = datetime.combine(day, moment).isoformat()
        if draw(st.booleans()):
            # An exit, as a positioning system gives it: at once, short of two hours, two hours,
            # a whole day later (the most it may be).
            lasted = timedelta(seconds=draw(st.sampled_from([0, 7199, 7200, 86400])))
            event["until"] = (datetime.combine(day, moment) + lasted).isoformat()
    if draw(st.booleans()):
        event["level"] = draw(st.sampled_from(["一般", "重大"]))
    return event


@st.composite
def events_evidence(draw: st.DrawFn, rules: isc.Ruleset) -> dict[str, Any]:
    """Evidence with events for every derived metric, counts for the others, and part-time duty."""
    inspectors = []
    for n in range(draw(st.integers(1, 3))):
        person: dict[str, Any] = {"id": f"X-{n}", "name": f"测试{n}"}
        known = sorted({metric.kind for metric in rules.metrics if metric.kind is not None})
        if draw(st.booleans()):
            refs = range(draw(st.integers(0, 30)) if known else 0)
            person["events"] = [draw(an_event(ref, known)) for ref in refs]
            # Counts for what events cannot give (or, now and then, for a metric of a kind no event has).
            kinds = {event["kind"] for event in person["events"]}
            person["counts"] = {
                metric.id: draw(st.integers(0, 20))
                for metric in rules.used_metrics()
                if (metric.kind is None and metric.default is None)
                or (metric.kind not in kinds and metric.kind is not None and draw(st.booleans()))
            }
        else:
            person["counts"] = {
                metric.id: draw(st.integers(0, 20))
                for metric in rules.used_metrics()
                if metric.default is None or draw(st.booleans())
            }
        if draw(st.booleans()):
            start = draw(march_days())
            end = start + timedelta(days=draw(st.integers(0, 12)))
            person["leave"] = [{"from": start.isoformat(), "to": end.isoformat()}]
        if draw(st.booleans()):
            # Service may begin before the month; it may end on any day of it.
            person["serving_from"] = (MARCH + timedelta(days=draw(st.integers(-40, 30)))).isoformat()
        if draw(st.booleans()):
            person["serving_until"] = (PERIOD_END - timedelta(days=draw(st.integers(0, 20)))).isoformat()
            if person.get("serving_from", "") > person["serving_until"]:
                del person["serving_until"]
        inspectors.append(person)
    return {"schema": 1, "assessment": {"township": "太平乡", "period": "2021-03"}, "inspectors": inspectors}


@st.composite
def rules_and_events(draw: st.DrawFn) -> tuple[isc.Ruleset, dict[str, Any]]:
    rules = isc.load_rules(draw(rule_mappings()))
    return rules, draw(events_evidence(rules))

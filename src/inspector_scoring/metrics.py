"""Metric values: what the evidence says each metric is for one inspector (SPEC §3.3).

A value comes from ``counts``, else from the inspector's events through the
metric's derivation, else from the metric's ``default``; otherwise it is an
error. Silence is never zero. The same walk checks the evidence against the
rule file: event kinds, metric names, the period, and evidence given twice.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time
from decimal import Decimal

import attrs

from ._fields import describe, join, moment_problem, suggest
from .errors import Collector, Problem
from .evidence import Draft
from .model import Event, Evidence, Inspector, Metric, Ruleset
from .periods import Period

__all__ = [
    "Details",
    "MetricValue",
    "Plan",
    "check_evidence",
    "check_scoring",
    "duty_dates",
    "mark_checked",
    "plan_for",
    "used_metrics",
]


@attrs.frozen(slots=True)
class MetricValue:
    """One metric's value for one inspector, with the evidence behind it."""

    value: Decimal
    #: "counts", "events" or "default"
    source: str
    #: ``ref`` of every event counted
    refs: tuple[str, ...] = ()
    #: for ``days_without``: the duty days on which no such event fell
    days: tuple[date, ...] = ()


def used_metrics(rules: Ruleset) -> tuple[Metric, ...]:
    """The metrics some item rule, bonus rule or veto uses, in file order."""
    names = {rule.metric for item in rules.items for rule in item.rules}
    if rules.bonus is not None:
        names.update(rule.metric for rule in rules.bonus.rules)
    names.update(veto.metric for veto in rules.vetoes)
    return tuple(metric for metric in rules.metrics if metric.id in names)


def duty_dates(period: Period, inspector: Inspector) -> tuple[date, ...]:
    """Period days within the inspector's service, less approved-leave days (SPEC §4.2)."""
    dates = period.dates()
    if inspector.serving_from is None and inspector.serving_until is None and not inspector.leave:
        return dates  # the common case: on duty all period
    start = dates[0]
    # Days as positions in the period's dates, so a range is a slice.
    first = max(0, (inspector.serving_from - start).days) if inspector.serving_from else 0
    last = (
        min(len(dates) - 1, (inspector.serving_until - start).days)
        if inspector.serving_until
        else len(dates) - 1
    )
    if first > last:
        return ()  # serving only outside the period
    if not inspector.leave:
        return dates[first : last + 1]
    on_duty = [True] * len(dates)
    for leave in inspector.leave:
        low = max(first, (leave.start - start).days)
        high = min(last, (leave.end - start).days)
        if low <= high:
            on_duty[low : high + 1] = [False] * (high - low + 1)
    return tuple(dates[n] for n in range(first, last + 1) if on_duty[n])


@attrs.frozen(slots=True)
class Plan:
    """What every inspector's check needs from the rule file, worked out once (internal)."""

    rules: Ruleset
    used: tuple[Metric, ...]
    metric_ids: frozenset[str]
    kinds: frozenset[str]
    #: evidence already checked against these rules, by ``id`` (each entry dies with its evidence)
    checked: weakref.WeakValueDictionary[int, Evidence] = attrs.field(
        factory=weakref.WeakValueDictionary, eq=False, repr=False
    )


@functools.lru_cache(maxsize=32)
def plan_for(rules: Ruleset) -> Plan:
    """The plan of ``rules`` (cached: equal rule files share one)."""
    return Plan(
        rules=rules,
        used=used_metrics(rules),
        metric_ids=frozenset(metric.id for metric in rules.metrics),
        kinds=frozenset(metric.kind for metric in rules.metrics if metric.kind),
    )


def check_evidence(rules: Ruleset, draft: Draft) -> list[Problem]:
    """Every problem with the evidence that only the rule file can reveal (internal)."""
    problems = Collector(draft.source)
    period = draft.evidence.assessment.period if draft.evidence is not None else None
    _check(problems, plan_for(rules), period, draft.inspectors, draft.damaged)
    return problems.problems


def check_scoring(rules: Ruleset, evidence: Evidence) -> None:
    """Check ``evidence`` against ``rules`` before scoring, unless that was done (internal).

    Raises :class:`InvalidInputError` with every problem found, so scoring an
    :class:`~inspector_scoring.model.Evidence` built by hand is as safe as
    loading it with the rules. Records are frozen, so evidence that passed once
    (here, or in ``load_evidence(..., rules=...)``) is not walked again.
    """
    plan = plan_for(rules)
    if plan.checked.get(id(evidence)) is evidence:
        return
    problems = Collector(evidence.source)
    _check(problems, plan, evidence.assessment.period, evidence.inspectors, frozenset())
    problems.raise_if_any()
    mark_checked(rules, evidence)


def mark_checked(rules: Ruleset, evidence: Evidence) -> None:
    """Remember that ``evidence`` passed every check against ``rules`` (internal)."""
    plan_for(rules).checked[id(evidence)] = evidence


class Details:
    """One inspector's metric values with the evidence behind them: refs, days (internal).

    Scoring counts without keeping refs; a view that shows a rule asks for its
    metric here, and only then are that metric's events sorted and listed.
    """

    __slots__ = ("_by_kind", "_duty", "_inspector", "_period", "_plan", "_values")

    def __init__(self, plan: Plan, period: Period, inspector: Inspector) -> None:
        self._plan = plan
        self._period = period
        self._inspector = inspector
        self._by_kind: dict[str, list[Event]] | None = None
        self._duty: tuple[date, ...] | None = None
        self._values: dict[str, MetricValue] = {}

    def __getitem__(self, metric: Metric) -> MetricValue:
        value = self._values.get(metric.id)
        if value is None:
            inspector = self._inspector
            if self._by_kind is None:
                self._by_kind = _by_kind(inspector)
            if self._duty is None:
                self._duty = duty_dates(self._period, inspector)
            # Evidence is checked before scoring, so nothing is reported here.
            problems = Collector(inspector.path)
            value = _value(
                problems, self._plan, inspector, inspector.count_map, self._by_kind, self._duty, metric
            )
            assert value is not None
            self._values[metric.id] = value
        return value


def _check(
    problems: Collector,
    plan: Plan,
    period: Period | None,
    inspectors: tuple[Inspector, ...],
    damaged: frozenset[int],
) -> None:
    """Every check against the rules; an inspector with problems of its own (``damaged``,
    by index) is not also checked for missing evidence, nor anyone when the period is unknown."""
    if period is not None:
        check_period(problems, plan.rules, period)
    for n, inspector in enumerate(inspectors):
        by_kind = _check_records(problems, plan, inspector, period)
        if period is not None and n not in damaged:
            _resolve(problems, plan, inspector, by_kind)


def check_period(problems: Collector, rules: Ruleset, period: Period) -> None:
    """Report a period the rule file does not assess: another kind, or outside its dates (internal)."""
    if period.kind is not rules.period:
        problems.add(
            "assessment.period",
            f"{period} is a {period.kind.value}, but the rule file {rules.source} "
            f"assesses by {rules.period.value} ({rules.effective_text})",
        )
    elif not rules.covers(period):
        problems.add(
            "assessment.period",
            f"{period} is outside the effective dates of the rule file {rules.source} "
            f"({rules.effective_text})",
        )


def _check_records(
    problems: Collector, plan: Plan, inspector: Inspector, period: Period | None
) -> dict[str, list[Event]]:
    """Counts name defined metrics; events are of known kinds, inside the period, and not repeated.

    Returns the inspector's events grouped by kind, for the checks of each metric.
    """
    for metric, _ in inspector.counts:
        if metric not in plan.metric_ids:
            problems.add(
                join(join(inspector.path, "counts"), metric),
                f"unknown metric {describe(metric)}" + suggest(metric, sorted(plan.metric_ids)),
            )
    by_kind: dict[str, list[Event]] = {}
    if not inspector.events:
        return by_kind
    # The period's bounds for dates and for date-times (a datetime is no date to compare with).
    first, last = (period.start, period.end) if period is not None else (date.min, date.max)
    since = datetime.combine(first, time.min)
    until = datetime.combine(last, time.max)
    seen: dict[tuple[str, object, str], Event] = {}
    kinds = plan.kinds
    for event in inspector.events:
        kind, at = event.kind, event.at
        if isinstance(at, datetime) and at.tzinfo is None:
            inside = since <= at <= until
        elif isinstance(at, date) and not isinstance(at, datetime):
            inside = first <= at <= last
        else:  # only an Event built in Python gets here: the loader reads local moments alone
            problems.add(join(event.path, "at"), moment_problem(at))
            continue
        if event.ref is not None:
            # The same record twice would be counted twice.
            earlier = seen.setdefault((kind, at, event.ref), event)
            if earlier is not event:
                problems.add(
                    event.path,
                    f"the same record as {earlier.path.rsplit('.', 1)[-1]} (same kind, at and ref)",
                )
        if kind in kinds:
            group = by_kind.get(kind)
            if group is None:
                by_kind[kind] = [event]
            else:
                group.append(event)
        else:
            known = sorted(kinds)
            hint = suggest(kind, known) or f"; known kinds: {', '.join(known) or 'none'}"
            problems.add(join(event.path, "kind"), f"unknown event kind {describe(kind)}{hint}")
        if not inside and period is not None:
            problems.add(
                join(event.path, "at"),
                f"{event.day.isoformat()} is outside the period {period} "
                f"({first.isoformat()} to {last.isoformat()})",
            )
    return by_kind


def _matches(metric: Metric, event: Event) -> bool:
    """Whether an event has the fields the metric's ``where`` asks for (its kind is already known)."""
    return all(event.field(field) == wanted for field, wanted in metric.where)


def _in_window(rules: Ruleset, metric: Metric, event: Event) -> bool:
    """Whether a night metric would look at this event (a date-only one it cannot rule out)."""
    moment = event.time_of_day
    if metric.during != "night" or moment is None or rules.night is None:
        return True
    return rules.night.contains(moment)


def _by_kind(inspector: Inspector) -> dict[str, list[Event]]:
    by_kind: dict[str, list[Event]] = {}
    for event in inspector.events or ():
        by_kind.setdefault(event.kind, []).append(event)
    return by_kind


def _resolve(
    problems: Collector, plan: Plan, inspector: Inspector, by_kind: Mapping[str, list[Event]]
) -> None:
    """Report what keeps any used metric of this inspector from having a value."""
    counts = inspector.count_map
    for metric in plan.used:
        _value(problems, plan, inspector, counts, by_kind, None, metric)


def _value(  # noqa: PLR0917 - one metric of one inspector, with what is shared
    problems: Collector,
    plan: Plan,
    inspector: Inspector,
    counts: Mapping[str, Decimal],
    by_kind: Mapping[str, list[Event]],
    duty: tuple[date, ...] | None,
    metric: Metric,
) -> MetricValue | None:
    """One metric's value, or only its checks when ``duty`` is ``None`` (then ``None``)."""
    rules = plan.rules
    candidates = by_kind.get(metric.kind, ()) if metric.kind else ()
    matching = [e for e in candidates if _matches(metric, e)] if metric.where else candidates
    if metric.id in counts:
        twice = [event for event in matching if _in_window(rules, metric, event)] if matching else ()
        if twice:
            problems.add(
                join(join(inspector.path, "counts"), metric.id),
                f"given as a count and also by {len(twice)} {describe(metric.kind)} "
                "event(s); give the evidence once",
            )
        return None if duty is None else MetricValue(counts[metric.id], "counts")
    if metric.kind and inspector.events is not None:
        if duty is None:
            if metric.during == "night":
                for event in matching:
                    _has_time(problems, metric, event)
            return None
        return _derive(problems, rules, duty, metric=metric, matching=matching)
    if metric.default is not None:
        return None if duty is None else MetricValue(metric.default, "default")
    how = "in counts, or give an events list" if metric.kind else "in counts"
    problems.add(
        join(join(inspector.path, "counts"), metric.id),
        f"missing evidence for metric {describe(metric.id)} ({metric.title}): give it {how}",
    )
    return None


def _has_time(problems: Collector, metric: Metric, event: Event) -> bool:
    """Whether the event has a time of day, as a night metric needs (else a problem)."""
    if isinstance(event.at, datetime):
        return True
    problems.add(
        join(event.path, "at"),
        f"metric {describe(metric.id)} counts night events, so this "
        f"{describe(event.kind)} event needs a time of day",
    )
    return False


def _derive(
    problems: Collector,
    rules: Ruleset,
    duty: tuple[date, ...],
    *,
    metric: Metric,
    matching: Iterable[Event],
) -> MetricValue:
    if metric.days_without is not None:
        logged = {event.day for event in matching}
        missing = tuple(day for day in duty if day not in logged)
        return MetricValue(Decimal(len(missing)), "events", days=missing)
    counted: list[Event] = []
    for event in matching:
        if metric.during == "night":
            if not _has_time(problems, metric, event):
                continue
            moment = event.time_of_day
            assert moment is not None
            assert rules.night is not None  # validated: during needs [night]
            if not rules.night.contains(moment):
                continue
        counted.append(event)
    # In time order, so the result does not depend on the order of the file.
    counted.sort(key=_chronological)
    refs = tuple(event.ref for event in counted if event.ref is not None)
    return MetricValue(Decimal(len(counted)), "events", refs=refs)


def _chronological(event: Event) -> tuple[date, time, str]:
    return (event.day, event.time_of_day or time.min, event.ref or "")

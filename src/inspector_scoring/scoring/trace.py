"""Recording the trace while scoring: the records of each hit, veto and inspector (internal).

The generated scoring function (:mod:`~inspector_scoring.scoring.compile`)
computes in scaled integers and calls a :class:`Recorder` when a rule
amounts to something, when a veto fires, and when an inspector is done. The
recorder turns those integers back into amounts and adds the evidence behind
a hit (the refs of the records counted, in time order; the days without a
record; the events left uncounted). Nothing is computed here but what the
numbers already say.
"""

from __future__ import annotations

import operator
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from itertools import repeat
from typing import Any

from ..evidence.measure import Measured, chronological
from ..evidence.moments import Moments
from ..numbers import from_units, round_half_up
from .plan import Plan
from .results import InspectorResult, RuleResult, VetoHit

__all__ = ["Recorder"]

#: the largest table of amounts made in advance (a scheme in hundredths of 100 points: 10,001)
_TABLE = 100_000


class Recorder:
    """Makes the records of one assessment (one rule file, one period) as it is scored."""

    __slots__ = (
        "_amounts",
        "_grades",
        "_moments",
        "_plan",
        "_points",
        "_totals",
        "_values",
        "_vetoes",
        "period_days",
    )

    def __init__(self, plan: Plan, moments: Moments, period_days: int) -> None:
        self._plan = plan
        self._moments = moments
        self.period_days = period_days
        self._grades = tuple(grade.name for grade in plan.rules.grades)
        # Item scores and bonus amounts as Decimals, made once: a score sheet has few of them.
        most = max([*(plan.point_units(item.points) for item in plan.rules.items), 0])
        if plan.rules.bonus is not None:
            most = max(most, plan.point_units(plan.rules.bonus.cap))
        self._points = [from_units(n, plan.point_places) for n in range(min(most, _TABLE) + 1)]
        self._vetoes: dict[tuple[int, object], VetoHit] = {}
        self._values = _Decimals(plan.value_places)
        self._amounts = _Decimals(plan.point_places)
        self._totals = _Totals(plan.rules.precision)

    def hit(  # noqa: PLR0917 - called positionally by the generated function, once for each hit
        self,
        measured: Measured,
        number: int,
        value: int | Decimal,
        threshold: int | Decimal,
        uncapped: int | Decimal,
        raw: int | Decimal,
        applied: int | Decimal,
    ) -> RuleResult:
        """The record of rule ``number`` (its place in the plan's chain), which amounted to
        something; every amount in scaled units."""
        step = self._plan.chain[number]
        rule = step.rule
        behind = measured.behind[step.value]
        refs: tuple[str, ...] = ()
        days: tuple[date, ...] = ()
        if isinstance(behind, frozenset):
            days = tuple(sorted(behind))
        elif behind:
            refs = cited(self._moments, behind)
        values, points = self._values, self._amounts
        applied_threshold = values[threshold]
        prorated = rule.prorate and (
            measured.duty_days < self.period_days or applied_threshold != rule.threshold
        )
        return _new(
            RuleResult,
            (
                rule.id,
                rule.text,
                rule.metric,
                values[value],
                applied_threshold,
                points[raw],
                points[applied],
                rule,
                step.metric,
                points[uncapped],
                step.item is None,
                measured.duty_days,
                self.period_days,
                refs,
                rule.threshold if prorated else None,
                prorated,
                days,
                measured.uncounted[step.value],
            ),
        )

    def veto(self, number: int, value: int | Decimal) -> VetoHit:
        """The record of veto ``number`` (its place in the file), fired at ``value`` (value units)."""
        found = self._vetoes.get((number, value))
        if found is None:
            veto = self._plan.rules.vetoes[number]
            found = VetoHit(veto.id, veto.text, veto.grade, veto.metric, self._plan.value(value))
            self._vetoes[(number, value)] = found
        return found

    def round(self, points: Decimal) -> int:
        """A total in point units that is no integer (a count with more decimals than the scheme),
        rounded half up to the published precision, in units of 10^-precision."""
        precision = self._plan.rules.precision
        exact = points.scaleb(-self._plan.point_places)
        return int(round_half_up(exact, precision).scaleb(precision))

    def finish(  # noqa: PLR0917 - called positionally by the generated function, once an inspector
        self,
        measured: Measured,
        rounded: int,
        rank: int,
        by_total: int,
        vetoes: list[VetoHit],
        scores: tuple[int | Decimal, ...],
        bonus_raw: int | Decimal,
        bonus: int | Decimal,
        thresholds: tuple[int | Decimal, ...] | None,
        hits: list[RuleResult],
    ) -> InspectorResult:
        """An inspector's result: the total in units of 10^-precision, the grades by their place,
        amounts in point units, thresholds in value units (``None``: as the file gives them)."""
        plan = self._plan
        table = self._points
        try:
            item_scores = tuple(map(table.__getitem__, scores))  # type: ignore[arg-type]
        except (IndexError, TypeError):  # an amount with more decimals than the scheme's
            item_scores = tuple(map(plan.points, scores))
        grades = self._grades
        return _new(
            InspectorResult,
            (
                measured.person,
                self._totals[rounded],
                grades[rank],
                grades[by_total],
                tuple(vetoes),
                measured.duty_days,
                self.period_days,
                item_scores,
                self._amounts[bonus_raw],
                self._amounts[bonus],
                tuple(hits),
                measured.values,
                plan.base_thresholds
                if thresholds is None
                else tuple(map(self._values.__getitem__, thresholds)),
                measured.uncounted,
                plan,
            ),
        )


class _Decimals(dict[int | Decimal, Decimal]):
    """Amounts kept in units of 10^-places, as Decimals, each worked out once (they repeat):
    looking one up is a plain dict look-up, and only a new one calls :meth:`__missing__`."""

    __slots__ = ("_places",)

    def __init__(self, places: int) -> None:
        super().__init__()
        self._places = places

    def __missing__(self, units: int | Decimal) -> Decimal:
        if len(self) > _TABLE:
            self.clear()
        found = self[units] = from_units(units, self._places)
        return found


class _Totals(dict[int, Decimal]):
    """Rounded totals kept in units of 10^-precision, as published (``96.0``), each made once."""

    __slots__ = ("_precision",)

    def __init__(self, precision: int) -> None:
        super().__init__()
        self._precision = precision

    def __missing__(self, units: int) -> Decimal:
        if len(self) > _TABLE:
            self.clear()
        found = self[units] = Decimal(units).scaleb(-self._precision)
        return found


def cited(moments: Moments, events: list[Any]) -> tuple[str, ...]:
    """The refs of the events behind a value, in time order (a date alone before any time that
    day), then by ref: the order a deduction cites them in, whatever the order of the file."""
    ats = list(map(_AT, events))
    try:
        lengths = set(map(len, ats))
    except TypeError:  # (a caller's mapping may give datetime objects: ordered by their moments)
        lengths = set()
    if len(lengths) == 1 and type(ats[0]) is str:
        # Texts of one form sort as their moments do; equal texts are one moment.
        try:
            refs = list(map(dict.get, events, repeat("ref"), repeat("")))
        except TypeError:  # (a caller's events may be mappings of another kind than dict)
            refs = list(map(_get, events, repeat("ref"), repeat("")))
        return tuple(ref for _, ref in sorted(zip(ats, refs, strict=True)) if ref)
    return tuple(ref for event in chronological(moments, events) if (ref := event.get("ref")) is not None)


_AT = operator.itemgetter("at")
_new = tuple.__new__


def _get(event: Mapping[str, Any], key: str, default: object) -> Any:
    return event.get(key, default)

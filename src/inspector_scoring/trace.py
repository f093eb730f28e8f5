"""The result records of one inspector, built when a view first asks for them (internal).

Scoring (:mod:`inspector_scoring.score`) keeps each inspector's totals. When a
view reads :attr:`InspectorResult.items` or :attr:`InspectorResult.bonus`, the
:class:`Tracer` scores that inspector again with the compiled ``trace``
function (:mod:`inspector_scoring.compiler`), which keeps every amount, and
builds the records from those numbers: a :class:`RuleResult` per rule, with the
refs or days of the evidence behind its value. Nothing is computed here but
what the numbers already say.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from .compiler import ITEM_WIDTH, RULE_RAW, RULE_WIDTH, Compiled, compile_rules
from .decimals import exact_arithmetic
from .metrics import Details, duty_dates, plan_for
from .model import Metric, Rule, Ruleset
from .periods import Period
from .results import BonusResult, InspectorResult, ItemResult, RuleResult, rule_result

__all__ = ["Tracer"]

_ZERO = Decimal(0)


class Tracer:
    """Builds the item and bonus records of every inspector of one assessment."""

    __slots__ = ("_bonus", "_compiled", "_every_day", "_items", "_metrics", "_period", "_plan")

    def __init__(self, compiled: Compiled, period: Period) -> None:
        self._compiled = compiled
        self._period = period
        self._plan = plan_for(compiled.rules)
        self._metrics = {metric.id: metric for metric in compiled.rules.metrics}
        self._every_day = frozenset(period.dates())
        # Each item with the position of its first rule in the compiled chain.
        self._items = [
            (item, rules.start) for item, rules in zip(compiled.rules.items, compiled.item_rules, strict=True)
        ]
        self._bonus = compiled.bonus_rules.start

    def __repr__(self) -> str:
        return f"Tracer({self._compiled.rules.id!r}, {self._period})"

    def _key(self) -> tuple[object, ...]:
        # What decides the records: the scheme's scoring parts and the period (not the
        # file's name, fingerprint or wording of its title).
        rules = self._compiled.rules
        return (
            rules.items,
            rules.bonus,
            rules.metrics,
            rules.vetoes,
            rules.grades,
            rules.night,
            rules.total,
            rules.precision,
            self._period,
        )

    def __eq__(self, other: object) -> bool:
        # Equal schemes and periods build equal records for equal inspectors.
        if not isinstance(other, Tracer):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __reduce__(self) -> tuple[object, ...]:
        # The compiled functions cannot be pickled; the rules they came from can.
        return (_tracer, (self._compiled.rules, self._period))

    def build(
        self, result: InspectorResult, *, hits_only: bool = False
    ) -> tuple[tuple[ItemResult, ...], BonusResult]:
        """Every item of the scheme for ``result``, in file order, with all its rules; and the bonus.

        With ``hits_only``, each item and the bonus hold only the rules that
        amounted to something, and records are built for those alone.
        """
        with exact_arithmetic():  # for ``deducted``, as for every amount
            return self._build(result, hits_only=hits_only)

    def _build(
        self, result: InspectorResult, *, hits_only: bool
    ) -> tuple[tuple[ItemResult, ...], BonusResult]:
        numbers = self._amounts(result)
        layout = self._compiled.layout
        records = _Records(self, result, numbers, hits_only=hits_only)
        items = []
        at = layout.items
        for item, first in self._items:
            score = _decimal(numbers[at])
            # An item none of whose rules amounted to anything has no hits (raw amounts are ≥ 0).
            hits = records.rules(item.rules, first, bonus=False) if numbers[at + 2] or not hits_only else ()
            items.append(
                ItemResult(
                    item.id, item.title, item.points, item.points - score, score, bool(numbers[at + 1]), hits
                )
            )
            at += ITEM_WIDTH
        bonus = self._compiled.rules.bonus
        if bonus is None:
            return tuple(items), BonusResult(cap=_ZERO, raw=_ZERO, applied=_ZERO)
        return tuple(items), BonusResult(
            cap=bonus.cap,
            raw=_decimal(numbers[layout.bonus]),
            applied=_decimal(numbers[layout.bonus + 1]),
            rules=records.rules(bonus.rules, self._bonus, bonus=True),
        )

    def _amounts(self, result: InspectorResult) -> tuple[object, ...]:
        """Score the inspector again, keeping every amount (the same compiled rules, the same numbers)."""
        compiled = self._compiled
        inspector = result.inspector
        duty: frozenset[date] = self._every_day
        if compiled.needs_dates and result.duty_days < result.period_days:
            duty = frozenset(duty_dates(self._period, inspector))
        numbers = compiled.trace(inspector, duty, result.duty_days, result.period_days)
        if numbers[:3] != (result.total, result.grade, result.grade_by_total):
            raise AssertionError(f"{inspector.id}: scored {result.total}, traced {numbers[0]}")
        return numbers


class _Records:
    """The rule records of one inspector, and the evidence details they need (looked up once)."""

    __slots__ = ("_details", "_hits_only", "_numbers", "_result", "_tracer")

    def __init__(
        self, tracer: Tracer, result: InspectorResult, numbers: tuple[object, ...], *, hits_only: bool
    ) -> None:
        self._tracer = tracer
        self._result = result
        self._numbers = numbers
        self._hits_only = hits_only
        self._details: Details | None = None

    def rules(self, rules: tuple[Rule, ...], first: int, *, bonus: bool) -> tuple[RuleResult, ...]:
        """Records for ``rules``, whose first sits at ``first`` in the compiled chain."""
        start = self._tracer._compiled.layout.rules + RULE_WIDTH * first
        numbers = self._numbers
        return tuple(
            self._rule(rule, start + RULE_WIDTH * n, bonus=bonus)
            for n, rule in enumerate(rules)
            if not self._hits_only or numbers[start + RULE_WIDTH * n + RULE_RAW] != 0
        )

    def _rule(self, rule: Rule, at: int, *, bonus: bool) -> RuleResult:
        tracer, result = self._tracer, self._result
        threshold, _, uncapped, raw, applied = self._numbers[at : at + RULE_WIDTH]
        metric: Metric = tracer._metrics[rule.metric]
        if self._details is None:
            self._details = Details(tracer._plan, tracer._period, result.inspector)
        detail = self._details[metric]
        value = self._numbers[tracer._compiled.layout.values[rule.metric]]
        if detail.value != value:
            # Two derivations of one value: the compiled count and the one that keeps refs.
            raise AssertionError(f"{rule.metric}: scored {value}, but the evidence gives {detail.value}")
        return rule_result(
            rule,
            metric,
            bonus=bonus,
            value=detail.value,
            threshold=_decimal(threshold),
            uncapped=_decimal(uncapped),
            raw=_decimal(raw),
            applied=_decimal(applied),
            duty_days=result.duty_days,
            period_days=result.period_days,
            refs=detail.refs,
            days=detail.days,
        )


def _tracer(rules: Ruleset, period: Period) -> Tracer:
    """A tracer for ``rules`` and ``period`` (what unpickling one calls)."""
    return Tracer(compile_rules(rules), period)


def _decimal(number: object) -> Decimal:
    if type(number) is Decimal:
        return number
    assert isinstance(number, int)
    return Decimal(number)

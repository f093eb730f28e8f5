"""The result records of one inspector, built from the numbers scoring kept (internal).

The compiled scorer (:mod:`inspector_scoring.compiler`) leaves every amount of
an inspector's trace in one tuple. Views that need more than the totals ask
:class:`InspectorResult` for ``items`` or ``bonus``, and this module builds the
records then: a :class:`RuleResult` per rule, with the refs or days of the
evidence behind its value. Nothing is computed here but what the numbers
already say.
"""

from __future__ import annotations

from decimal import Decimal

from .compiler import ITEM_WIDTH, RULE_WIDTH, Compiled
from .decimals import exact_arithmetic
from .metrics import Details, duty_dates, plan_for
from .model import Metric, Rule
from .periods import Period
from .results import BonusResult, InspectorResult, ItemResult, RuleResult

__all__ = ["Tracer"]

_ZERO = Decimal(0)


class Tracer:
    """Builds the item and bonus records of every inspector of one assessment."""

    __slots__ = ("_compiled", "_details", "_metrics", "_period", "_plan")

    def __init__(self, compiled: Compiled, period: Period) -> None:
        self._compiled = compiled
        self._period = period
        self._plan = plan_for(compiled.rules)
        self._metrics = {metric.id: metric for metric in compiled.rules.metrics}

    def __repr__(self) -> str:
        return f"Tracer({self._compiled.rules.id!r}, {self._period})"

    def build(
        self, result: InspectorResult, *, hits_only: bool = False
    ) -> tuple[tuple[ItemResult, ...], BonusResult]:
        """Every item of the scheme for ``result``, in file order, with all its rules; and the bonus.

        With ``hits_only``, each item and the bonus hold only the rules that
        amounted to something, and records are built for those alone.
        """
        numbers = self._amounts(result)
        rule_at = self._compiled.layout.rules + 2  # a rule's raw amount: threshold, uncapped, raw, applied
        details = Details(self._plan, self._period, result.inspector)
        layout = self._compiled.layout
        rules = self._compiled.rules
        items = []
        rule_index = 0
        for n, item in enumerate(rules.items):
            at = layout.items + ITEM_WIDTH * n
            score, exhausted = numbers[at], numbers[at + 1]
            results = []
            for rule in item.rules:
                if not hits_only or numbers[rule_at + RULE_WIDTH * rule_index] != 0:
                    results.append(self._rule(result, numbers, details, rule, rule_index, bonus=False))
                rule_index += 1
            items.append(
                ItemResult(
                    id=item.id,
                    title=item.title,
                    points=item.points,
                    deducted=item.points - _decimal(score),
                    score=_decimal(score),
                    exhausted=bool(exhausted),
                    rules=tuple(results),
                )
            )
        if rules.bonus is None:
            return tuple(items), BonusResult(cap=_ZERO, raw=_ZERO, applied=_ZERO)
        bonus = BonusResult(
            cap=rules.bonus.cap,
            raw=_decimal(numbers[layout.bonus]),
            applied=_decimal(numbers[layout.bonus + 1]),
            rules=tuple(
                self._rule(result, numbers, details, rule, rule_index + n, bonus=True)
                for n, rule in enumerate(rules.bonus.rules)
                if not hits_only or numbers[rule_at + RULE_WIDTH * (rule_index + n)] != 0
            ),
        )
        return tuple(items), bonus

    def _amounts(self, result: InspectorResult) -> tuple[object, ...]:
        """Score the inspector again, keeping every amount (the same compiled rules, the same numbers)."""
        compiled = self._compiled
        dates = duty_dates(self._period, result.inspector)
        duty = frozenset(dates) if compiled.needs_dates else frozenset()
        with exact_arithmetic():
            numbers = compiled.trace(result.inspector, duty, len(dates), self._period.days)
        if numbers[:3] != (result.total, result.grade, result.grade_by_total):
            raise AssertionError(f"{result.inspector.id}: scored {result.total}, traced {numbers[0]}")
        return numbers

    def _rule(
        self,
        result: InspectorResult,
        numbers: tuple[object, ...],
        details: Details,
        rule: Rule,
        index: int,
        *,
        bonus: bool,
    ) -> RuleResult:
        layout = self._compiled.layout
        at = layout.rules + RULE_WIDTH * index
        threshold, uncapped, raw, applied = numbers[at : at + RULE_WIDTH]
        metric: Metric = self._metrics[rule.metric]
        value = numbers[layout.values[rule.metric]]
        detail = details[metric]
        if detail.value != value:
            # Two derivations of one value: the compiled count and the one that keeps refs.
            raise AssertionError(f"{rule.metric}: scored {value}, but the evidence gives {detail.value}")
        prorated = rule.prorate and result.duty_days < result.period_days
        return RuleResult(
            rule=rule.id,
            text=rule.text,
            metric=rule.metric,
            value=detail.value,
            threshold=_decimal(threshold),
            raw=_decimal(raw),
            applied=_decimal(applied),
            source=rule,
            measure=metric,
            uncapped=_decimal(uncapped),
            bonus=bonus,
            duty_days=result.duty_days,
            period_days=result.period_days,
            refs=detail.refs,
            threshold_base=rule.threshold if prorated else None,
            prorated=prorated,
            days=detail.days,
        )


def _decimal(number: object) -> Decimal:
    assert isinstance(number, (int, Decimal))
    return Decimal(number)

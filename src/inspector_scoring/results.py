"""The result: a trace of every rule applied to every inspector (frozen records).

Scoring (:mod:`inspector_scoring.score`) builds these records; every output
format is a view of them and does no arithmetic of its own.
"""

from __future__ import annotations

import functools
from datetime import date
from decimal import Decimal
from typing import Protocol

import attrs

from .explain import explain
from .model import Evidence, Inspector, Metric, Rule, Ruleset

__all__ = ["Assessment", "BonusResult", "InspectorResult", "ItemResult", "RuleResult", "Trace", "VetoHit"]


@attrs.frozen(slots=True)
class RuleResult:
    """One rule applied to one inspector: the value, the threshold and the amounts."""

    rule: str
    text: str
    metric: str
    value: Decimal
    #: the threshold applied (after proration)
    threshold: Decimal
    #: the rule's amount after its cap, before the item ran out
    raw: Decimal
    #: what was actually deducted (or added), never more than what was left
    applied: Decimal
    #: the rule and metric records themselves, for the explanation
    source: Rule
    measure: Metric
    #: the amount before the rule's cap
    uncapped: Decimal
    #: an award under [bonus] (加) rather than a deduction (扣)
    bonus: bool
    duty_days: int
    period_days: int
    #: ``ref`` of each evidence record behind the value
    refs: tuple[str, ...] = ()
    #: the file's threshold, when proration changed what was applied
    threshold_base: Decimal | None = None
    prorated: bool = False
    #: for metrics counting days without a record: those days
    days: tuple[date, ...] = ()

    @property
    def hit(self) -> bool:
        """Whether the rule amounted to anything (only these are listed as hits)."""
        return self.raw != 0

    @functools.cached_property
    def explanation(self) -> str:
        """The Chinese sentence stating the facts: 下井13次，少于15次2次，每次扣2分，扣4分.

        Worked out from this record on first use (most rules deduct nothing,
        and a province-scale run need not write a sentence for each).
        """
        return explain(
            self.source,
            self.measure,
            value=self.value,
            threshold=self.threshold,
            uncapped=self.uncapped,
            raw=self.raw,
            bonus=self.bonus,
            days=self.days,
            duty_days=self.duty_days if self.prorated else None,
            period_days=self.period_days if self.prorated else None,
        )


def rule_result(
    rule: Rule,
    metric: Metric,
    *,
    bonus: bool,
    value: Decimal | int,
    threshold: Decimal | int,
    uncapped: Decimal | int,
    raw: Decimal | int,
    applied: Decimal | int,
    duty_days: int,
    period_days: int,
    refs: tuple[str, ...] = (),
    days: tuple[date, ...] = (),
) -> RuleResult:
    """The record of ``rule`` applied with these numbers (``int`` where whole) (internal).

    The threshold shows as prorated when it was scaled by duty days, or when a
    threshold with decimals was rounded to a whole number.
    """
    prorated = rule.prorate and (duty_days < period_days or threshold != rule.threshold)
    return RuleResult(
        rule=rule.id,
        text=rule.text,
        metric=rule.metric,
        value=Decimal(value),
        threshold=Decimal(threshold),
        raw=Decimal(raw),
        applied=Decimal(applied),
        source=rule,
        measure=metric,
        uncapped=Decimal(uncapped),
        bonus=bonus,
        duty_days=duty_days,
        period_days=period_days,
        refs=refs,
        threshold_base=rule.threshold if prorated else None,
        prorated=prorated,
        days=days,
    )


@attrs.frozen(slots=True)
class ItemResult:
    """One assessment item for one inspector, deducted until exhausted."""

    id: str
    title: str
    points: Decimal
    deducted: Decimal
    score: Decimal
    #: the raw deductions reached or exceeded the item's points (扣完为止)
    exhausted: bool
    #: every rule of the item, in file order, whether it deducted or not
    rules: tuple[RuleResult, ...]

    @property
    def hits(self) -> tuple[RuleResult, ...]:
        """The rules whose raw amount is not zero."""
        return tuple(result for result in self.rules if result.hit)


@attrs.frozen(slots=True)
class BonusResult:
    """Bonus points: the raw sum of the bonus rules, and what the cap allowed."""

    cap: Decimal
    raw: Decimal
    applied: Decimal
    rules: tuple[RuleResult, ...] = ()

    @property
    def hits(self) -> tuple[RuleResult, ...]:
        """The bonus rules whose raw amount is not zero."""
        return tuple(result for result in self.rules if result.hit)


@attrs.frozen(slots=True)
class VetoHit:
    """A veto that fired, whether or not it lowered the grade."""

    id: str
    text: str
    grade: str
    metric: str
    value: Decimal


class Trace(Protocol):
    """What builds an inspector's item and bonus records when they are first asked for (internal).

    Scoring keeps the totals; the records (a :class:`RuleResult` per rule, with
    its refs and explanation) are built by scoring the inspector again with
    every amount kept, the first time a view needs them. A run that writes only
    totals never builds them.
    """

    def build(
        self, result: InspectorResult, *, hits_only: bool = False
    ) -> tuple[tuple[ItemResult, ...], BonusResult]:
        """Every item of the scheme, in file order, with all its rules (or only its hits); and the bonus."""
        ...


@attrs.frozen(slots=True)
class InspectorResult:
    """One inspector's score for the period."""

    inspector: Inspector
    #: item scores plus bonus, capped at the scheme's total, rounded once
    total: Decimal
    #: the grade after vetoes
    grade: str
    #: the grade the total alone earns
    grade_by_total: str
    vetoes: tuple[VetoHit, ...]
    duty_days: int
    period_days: int
    #: each item's score, then the bonus added, as scoring computed them (``int`` where whole)
    _scores: tuple[Decimal | int, ...] = attrs.field(repr=False, alias="scores")
    #: builds ``items`` and ``bonus`` (equal for equal rule files and periods)
    _trace: Trace = attrs.field(repr=False, alias="trace")

    @functools.cached_property
    def _records(self) -> tuple[tuple[ItemResult, ...], BonusResult]:
        return self._trace.build(self)

    @property
    def items(self) -> tuple[ItemResult, ...]:
        """Every item, in file order, deducted until exhausted."""
        return self._records[0]

    @property
    def bonus(self) -> BonusResult:
        """The bonus points."""
        return self._records[1]

    def hit_records(self) -> tuple[tuple[ItemResult, ...], BonusResult]:
        """The items and the bonus as a view lists them: each holding only its hits.

        Like ``(items, bonus)``, except that every :class:`ItemResult` and the
        :class:`BonusResult` keep in ``rules`` only the rules whose raw amount is
        not zero (so ``rules == hits``). Most rules deduct nothing, so a view
        that prints hits, run over a province's inspectors, builds a fraction
        of the records. Nothing is kept: each call builds them afresh.
        """
        return self._trace.build(self, hits_only=True)


@attrs.frozen(slots=True)
class Assessment:
    """The whole result: which rules scored which evidence, and each inspector's result."""

    engine: str
    ruleset: Ruleset
    evidence: Evidence
    results: tuple[InspectorResult, ...]

"""The result: what scoring recorded for every inspector, as named, immutable records.

Scoring (:mod:`inspector_scoring.scoring.score`) records, per inspector, the
totals, grades and vetoes, each item's score, the bonus, every metric value
and applied threshold, and one :class:`RuleResult` for every rule that
amounted to something (a *hit*), with the evidence behind it. Every output
format is a view of these records and does no arithmetic of its own;
:attr:`InspectorResult.items` puts an item's rules together from them, the
rules that deducted nothing included.

The records are :class:`typing.NamedTuple` classes rather than attrs classes:
a province's month makes hundreds of thousands of them, and a named tuple is
made five times faster than a frozen attrs instance; like those, they are
immutable, have named fields and no ``__dict__``, and pickle.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from ..evidence.measure import Uncounted
from ..evidence.model import Person
from ..numbers import exact_arithmetic
from ..rules.model import Metric, Rule, Ruleset
from .explain import explain

if TYPE_CHECKING:
    from ..evidence.model import AssessmentInfo
    from ..evidence.workbook import Evidence as WorkbookEvidence
    from .plan import Plan

__all__ = [
    "Assessment",
    "BonusResult",
    "EvidenceInfo",
    "InspectorResult",
    "ItemResult",
    "RuleResult",
    "VetoHit",
]

_ZERO = Decimal(0)


class RuleResult(NamedTuple):
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
    #: ``ref`` of each evidence record behind the value, in time order (hits only)
    refs: tuple[str, ...] = ()
    #: the file's threshold, when proration changed what was applied
    threshold_base: Decimal | None = None
    prorated: bool = False
    #: for metrics counting days without a record: those days (hits only)
    days: tuple[date, ...] = ()
    #: the events of the metric's kind it did not count, and why (hits only)
    uncounted: tuple[Uncounted, ...] = ()

    @property
    def hit(self) -> bool:
        """Whether the rule amounted to anything (only these are listed as hits)."""
        return self.raw != 0

    @property
    def explanation(self) -> str:
        """The Chinese sentence stating the facts: 下井13次，少于15次2次，每次扣2分，扣4分."""
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
            uncounted=self.uncounted,
        )


class ItemResult(NamedTuple):
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


class BonusResult(NamedTuple):
    """Bonus points: the raw sum of the bonus rules, and what the cap allowed."""

    cap: Decimal
    raw: Decimal
    applied: Decimal
    rules: tuple[RuleResult, ...] = ()

    @property
    def hits(self) -> tuple[RuleResult, ...]:
        """The bonus rules whose raw amount is not zero."""
        return tuple(result for result in self.rules if result.hit)


class VetoHit(NamedTuple):
    """A veto that fired, whether or not it lowered the grade."""

    id: str
    text: str
    grade: str
    metric: str
    value: Decimal


class InspectorResult(NamedTuple):
    """One inspector's score for the period, as scoring recorded it."""

    inspector: Person
    #: item scores plus bonus, capped at the scheme's total, rounded once
    total: Decimal
    #: the grade after vetoes
    grade: str
    #: the grade the total alone earns
    grade_by_total: str
    vetoes: tuple[VetoHit, ...]
    duty_days: int
    period_days: int
    #: each item's score, in file order
    scores: tuple[Decimal, ...]
    #: the bonus rules' amounts added up, and what the cap let through
    bonus_raw: Decimal
    bonus_applied: Decimal
    #: every rule that amounted to something: items' rules in file order, then bonus rules
    hits: tuple[RuleResult, ...]
    #: each metric the rules use, its value (in the order of the scheme's metrics)
    values: tuple[int | Decimal, ...]
    #: each rule's applied threshold (items' rules, then bonus rules)
    thresholds: tuple[Decimal, ...]
    #: for each metric the rules use, the events of its kind it did not count (docs/evidence.md)
    uncounted: tuple[tuple[Uncounted, ...], ...]
    #: the scheme it was scored under
    plan: Plan

    @property
    def items(self) -> tuple[ItemResult, ...]:
        """Every item, in file order, with all its rules (those that deducted nothing too)."""
        return self.plan.items_of(self)

    @property
    def bonus(self) -> BonusResult:
        """The bonus points, with every bonus rule."""
        return self.plan.bonus_of(self)

    def hit_records(self) -> tuple[tuple[ItemResult, ...], BonusResult]:
        """The items and the bonus as a view lists them: each holding only its hits."""
        return self.plan.items_of(self, hits_only=True), self.plan.bonus_of(self, hits_only=True)


class EvidenceInfo(NamedTuple):
    """The evidence an assessment scored: where from, its fingerprint and its header."""

    source: str
    sha256: str
    assessment: AssessmentInfo
    #: a workbook's cells, by the key paths read from them (``None`` for an evidence file): what
    #: is said later of the evidence (by ``score annual``) is said at a cell, as for one month
    cells: WorkbookEvidence | None = None


class Assessment(NamedTuple):
    """The whole result: which rules scored which evidence, and each inspector's result."""

    engine: str
    ruleset: Ruleset
    evidence: EvidenceInfo
    results: tuple[InspectorResult, ...]


def quiet_rule(
    rule: Rule,
    metric: Metric,
    value: Decimal,
    threshold: Decimal,
    *,
    bonus: bool,
    duty_days: int,
    period_days: int,
) -> RuleResult:
    """The record of a rule that amounted to nothing (internal)."""
    prorated = rule.prorate and (duty_days < period_days or threshold != rule.threshold)
    return RuleResult(
        rule.id,
        rule.text,
        rule.metric,
        value,
        threshold,
        _ZERO,
        _ZERO,
        rule,
        metric,
        _ZERO,
        bonus,
        duty_days,
        period_days,
        (),
        rule.threshold if prorated else None,
        prorated,
    )


def deducted(points: Decimal, score: Decimal) -> Decimal:
    """What an item lost: its points less its score (exact)."""
    with exact_arithmetic():
        return points - score

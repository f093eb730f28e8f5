"""Scoring (SPEC §4): pure functions from rules and evidence to a trace of results."""

from __future__ import annotations

from decimal import Decimal

from ._bulk import bulk
from ._version import __version__
from .decimals import divide, exact_arithmetic, multiply, round_half_up
from .grades import grade_for
from .metrics import MetricValue, metric_values
from .model import Evidence, Inspector, Item, Metric, Rule, Ruleset
from .results import (
    Assessment,
    BonusResult,
    InspectorResult,
    ItemResult,
    RuleResult,
    VetoHit,
)

__all__ = ["ENGINE", "prorated_threshold", "score_evidence"]

ENGINE = f"inspector_scoring {__version__}"
_ZERO = Decimal(0)

# A rule chain, compiled once per rule file: each rule beside its metric record.
_Chain = tuple[tuple[Rule, Metric], ...]


def score_evidence(rules: Ruleset, evidence: Evidence, /) -> Assessment:
    """Score every inspector in ``evidence`` under ``rules``.

    The evidence is checked against the rules first (period, event kinds,
    metric names, missing evidence); any problem raises
    :class:`~inspector_scoring.InvalidInputError` listing them all.
    """
    with bulk():
        return _score(rules, evidence)


def _score(rules: Ruleset, evidence: Evidence) -> Assessment:
    values = metric_values(rules, evidence)
    period_days = evidence.assessment.period.days
    metrics = {metric.id: metric for metric in rules.metrics}
    items = tuple((item, tuple((rule, metrics[rule.metric]) for rule in item.rules)) for item in rules.items)
    bonus: _Chain = tuple((rule, metrics[rule.metric]) for rule in rules.bonus.rules) if rules.bonus else ()
    with exact_arithmetic():
        results = tuple(
            _score_inspector(
                rules, items, bonus, inspector, values=found, period_days=period_days, duty_days=duty_days
            )
            for inspector, (found, duty_days) in zip(evidence.inspectors, values, strict=True)
        )
    return Assessment(engine=ENGINE, ruleset=rules, evidence=evidence, results=results)


def _score_inspector(
    rules: Ruleset,
    items: tuple[tuple[Item, _Chain], ...],
    bonus_chain: _Chain,
    inspector: Inspector,
    *,
    values: dict[str, MetricValue],
    period_days: int,
    duty_days: int,
) -> InspectorResult:
    scored = tuple(_score_item(item, chain, values, duty_days, period_days) for item, chain in items)
    bonus = _score_bonus(rules, bonus_chain, values, duty_days, period_days)
    points = sum((item.score for item in scored), _ZERO) + bonus.applied
    total = round_half_up(min(rules.total, points), rules.precision)
    by_total = grade_for(total, rules.grades)
    grade = by_total
    vetoes = []
    for veto in rules.vetoes:
        value = values[veto.metric].value
        if veto.comparison.fires(value, veto.threshold):
            vetoes.append(VetoHit(veto.id, veto.text, veto.grade, veto.metric, value))
            if rules.grade_rank(veto.grade) > rules.grade_rank(grade):
                grade = veto.grade
    return InspectorResult(
        inspector=inspector,
        total=total,
        grade=grade,
        grade_by_total=by_total,
        vetoes=tuple(vetoes),
        duty_days=duty_days,
        period_days=period_days,
        items=scored,
        bonus=bonus,
    )


def _allot(
    chain: _Chain,
    values: dict[str, MetricValue],
    budget: Decimal,
    *,
    duty_days: int,
    period_days: int,
    bonus: bool,
) -> tuple[tuple[RuleResult, ...], Decimal]:
    """Apply ``chain`` in order, each taking at most what is left of ``budget`` (扣完为止)."""
    left = budget
    results = []
    for rule, metric in chain:
        result = _apply(rule, metric, values[rule.metric], left, duty_days, period_days, bonus)
        left -= result.applied
        results.append(result)
    return tuple(results), left


def _score_item(
    item: Item, chain: _Chain, values: dict[str, MetricValue], duty_days: int, period_days: int
) -> ItemResult:
    results, left = _allot(
        chain, values, item.points, duty_days=duty_days, period_days=period_days, bonus=False
    )
    raw_total = sum((result.raw for result in results), _ZERO)
    return ItemResult(
        id=item.id,
        title=item.title,
        points=item.points,
        deducted=item.points - left,
        score=left,
        exhausted=raw_total > 0 and raw_total >= item.points,
        rules=results,
    )


def _score_bonus(
    rules: Ruleset, chain: _Chain, values: dict[str, MetricValue], duty_days: int, period_days: int
) -> BonusResult:
    if rules.bonus is None:
        return BonusResult(cap=_ZERO, raw=_ZERO, applied=_ZERO)
    cap = rules.bonus.cap
    results, left = _allot(chain, values, cap, duty_days=duty_days, period_days=period_days, bonus=True)
    return BonusResult(
        cap=cap,
        raw=sum((result.raw for result in results), _ZERO),
        applied=cap - left,
        rules=results,
    )


def prorated_threshold(threshold: Decimal, duty_days: int, period_days: int) -> Decimal:
    """``threshold × duty_days / period_days``, rounded half up to a whole number (SPEC §4.2)."""
    return round_half_up(divide(multiply(threshold, Decimal(duty_days)), Decimal(period_days)), 0)


def _apply(  # noqa: PLR0917 - the hot loop of scoring; positional for speed
    rule: Rule,
    metric: Metric,
    measured: MetricValue,
    left: Decimal,
    duty_days: int,
    period_days: int,
    bonus: bool,
) -> RuleResult:
    value = measured.value
    threshold = rule.threshold
    prorated = rule.prorate and duty_days < period_days
    if prorated:
        threshold = prorated_threshold(rule.threshold, duty_days, period_days)
    uncapped = _ZERO
    if not (prorated and duty_days == 0) and rule.comparison.fires(value, threshold):
        if rule.fixed is not None:
            uncapped = rule.fixed
        else:
            assert rule.per is not None
            # The rule fired, so the value is on the rule's side of the threshold.
            uncapped = rule.per * abs(value - threshold)
    raw = uncapped if rule.cap is None or uncapped <= rule.cap else rule.cap
    return RuleResult(
        rule=rule.id,
        text=rule.text,
        metric=rule.metric,
        value=value,
        threshold=threshold,
        raw=raw,
        applied=raw if raw <= left else left,
        source=rule,
        measure=metric,
        uncapped=uncapped,
        bonus=bonus,
        duty_days=duty_days,
        period_days=period_days,
        refs=measured.refs,
        threshold_base=rule.threshold if prorated else None,
        prorated=prorated,
        days=measured.days,
    )

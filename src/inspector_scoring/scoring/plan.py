"""The plan of a rule file: what scoring applies, in order, with every amount as a scaled integer.

A rule file is scored by one generated function (:mod:`~inspector_scoring.scoring.compile`)
written from this plan. Its amounts are integers in units of the scheme's
smallest decimal: a scheme with 0.75 points per day counts in hundredths of a
point, one with whole amounts in points. Values and thresholds have a unit of
their own (whole, unless a threshold or default has decimals), and an amount
per unit (``per``) converts one to the other; totals are rounded once, to
``precision``, from those integers. The plan also turns what scoring recorded
back into the records a caller reads (:meth:`Plan.items_of`).
"""

from __future__ import annotations

import functools
import math
from decimal import Decimal

import attrs

from ..evidence.measure import Measures, measures_for
from ..numbers import decimals_of, from_units, round_half_up, to_units
from ..rules.model import Metric, Rule, Ruleset
from .results import BonusResult, InspectorResult, ItemResult, RuleResult, deducted, quiet_rule

__all__ = ["Plan", "Step", "plan_for"]


@attrs.frozen(slots=True)
class Step:
    """One rule, where scoring applies it."""

    #: its place in the order rules are applied (items' rules in file order, then bonus rules)
    number: int
    rule: Rule
    metric: Metric
    #: the place of its metric's value among the values scoring reads
    value: int
    #: its item's place, or ``None`` for a bonus rule
    item: int | None

    @property
    def bonus(self) -> bool:
        """Whether it adds bonus points (加) rather than deducting (扣)."""
        return self.item is None


@attrs.frozen(slots=True, eq=False)
class Plan:
    """Everything scoring needs of one rule file, worked out once."""

    rules: Ruleset
    measures: Measures
    #: every rule, in the order scoring applies them
    chain: tuple[Step, ...]
    #: each item's rules, as places in ``chain``
    item_steps: tuple[tuple[int, ...], ...]
    bonus_steps: tuple[int, ...]
    #: values and thresholds are kept in units of 10^-value_places
    value_places: int
    #: points and amounts are kept in units of 10^-point_places
    point_places: int
    #: each rule's threshold as applied for a whole period on duty
    base_thresholds: tuple[Decimal, ...]
    #: each rule's place in ``chain``, by its id
    step_of: dict[str, int]

    def __eq__(self, other: object) -> bool:
        # Equal schemes score alike: the file's name, fingerprint and title do not matter.
        if not isinstance(other, Plan):
            return NotImplemented
        return _scoring_parts(self.rules) == _scoring_parts(other.rules)

    def __hash__(self) -> int:
        return hash(_scoring_parts(self.rules))

    # -- amounts as scaled integers (for the generated function) -------------------

    def value_units(self, amount: Decimal) -> int:
        """A threshold or default in value units."""
        return to_units(amount, self.value_places)

    def point_units(self, amount: Decimal) -> int:
        """Points, a fixed amount, a cap or a total in point units."""
        return to_units(amount, self.point_places)

    def per_units(self, amount: Decimal) -> int:
        """An amount per unit of value, so that per × value units gives point units."""
        return to_units(amount, self.point_places - self.value_places)

    def grade_floor(self, minimum: Decimal) -> int:
        """The smallest total, in units of 10^-precision, that reaches ``minimum``."""
        return math.ceil(minimum.scaleb(self.rules.precision))

    # -- scaled integers back to amounts -----------------------------------------

    def value(self, units: int | Decimal) -> Decimal:
        """A value or threshold kept in value units, as a Decimal."""
        return from_units(units, self.value_places)

    def points(self, units: int | Decimal) -> Decimal:
        """An amount kept in point units, as a Decimal."""
        return from_units(units, self.point_places)

    # -- the records a caller reads ------------------------------------------------

    def items_of(self, result: InspectorResult, *, hits_only: bool = False) -> tuple[ItemResult, ...]:
        """Every item of ``result`` with all its rules (or only its hits), from what was recorded."""
        hits = {hit.rule: hit for hit in result.hits}
        items = []
        for n, (item, steps) in enumerate(zip(self.rules.items, self.item_steps, strict=True)):
            score = result.scores[n]
            rules = self._rules(result, steps, hits, hits_only=hits_only)
            # The raw deductions reached the points exactly when one fired and nothing is left.
            fired = any(self.chain[k].rule.id in hits for k in steps)
            items.append(
                ItemResult(
                    item.id,
                    item.title,
                    item.points,
                    deducted(item.points, score),
                    score,
                    fired and score == 0,
                    rules,
                )
            )
        return tuple(items)

    def bonus_of(self, result: InspectorResult, *, hits_only: bool = False) -> BonusResult:
        """The bonus of ``result`` with every bonus rule (or only its hits)."""
        bonus = self.rules.bonus
        if bonus is None:
            return BonusResult(Decimal(0), Decimal(0), Decimal(0))
        hits = {hit.rule: hit for hit in result.hits}
        rules = self._rules(result, self.bonus_steps, hits, hits_only=hits_only)
        return BonusResult(bonus.cap, result.bonus_raw, result.bonus_applied, rules)

    def _rules(
        self, result: InspectorResult, steps: tuple[int, ...], hits: dict[str, RuleResult], *, hits_only: bool
    ) -> tuple[RuleResult, ...]:
        records = []
        for k in steps:
            step = self.chain[k]
            found = hits.get(step.rule.id)
            if found is not None:
                records.append(found)
            elif not hits_only:
                value = result.values[step.value]
                records.append(
                    quiet_rule(
                        step.rule,
                        step.metric,
                        value if isinstance(value, Decimal) else Decimal(value),
                        result.thresholds[k],
                        bonus=step.bonus,
                        duty_days=result.duty_days,
                        period_days=result.period_days,
                    )
                )
        return tuple(records)


def _scoring_parts(rules: Ruleset) -> tuple[object, ...]:
    """What decides the records scoring makes: the scheme's scoring parts, not its name."""
    return (
        rules.items,
        rules.bonus,
        rules.metrics,
        rules.vetoes,
        rules.grades,
        rules.night,
        rules.total,
        rules.precision,
    )


@functools.lru_cache(maxsize=32)
def plan_for(rules: Ruleset) -> Plan:
    """The plan of ``rules`` (cached: equal rule files share one)."""
    measures = measures_for(rules)
    place = {metric.id: n for n, metric in enumerate(measures.metrics)}
    metrics = {metric.id: metric for metric in rules.metrics}
    chain: list[Step] = []
    item_steps = []
    for n, item in enumerate(rules.items):
        first = len(chain)
        chain += [
            Step(len(chain) + k, rule, metrics[rule.metric], place[rule.metric], n)
            for k, rule in enumerate(item.rules)
        ]
        item_steps.append(tuple(range(first, len(chain))))
    first = len(chain)
    bonus_rules = rules.bonus.rules if rules.bonus is not None else ()
    chain += [
        Step(len(chain) + k, rule, metrics[rule.metric], place[rule.metric], None)
        for k, rule in enumerate(bonus_rules)
    ]
    all_rules = [step.rule for step in chain]
    value_places = max(
        [decimals_of(rule.threshold) for rule in all_rules]
        + [decimals_of(veto.threshold) for veto in rules.vetoes]
        + [decimals_of(metric.default) for metric in measures.metrics if metric.default is not None]
        + [0]
    )
    point_places = max(
        [value_places + decimals_of(rule.per) for rule in all_rules if rule.per is not None]
        + [decimals_of(rule.fixed) for rule in all_rules if rule.fixed is not None]
        + [decimals_of(rule.cap) for rule in all_rules if rule.cap is not None]
        + [decimals_of(item.points) for item in rules.items]
        + [decimals_of(rules.bonus.cap) if rules.bonus is not None else 0]
        + [decimals_of(rules.total), value_places]
    )
    return Plan(
        rules=rules,
        measures=measures,
        chain=tuple(chain),
        item_steps=tuple(item_steps),
        bonus_steps=tuple(range(first, len(chain))),
        value_places=value_places,
        point_places=point_places,
        base_thresholds=tuple(
            round_half_up(rule.threshold, 0) if rule.prorate else rule.threshold for rule in all_rules
        ),
        step_of={step.rule.id: step.number for step in chain},
    )

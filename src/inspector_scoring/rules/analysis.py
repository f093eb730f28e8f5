"""Static analysis of a valid rule file: parts that can never take effect (``score check``).

Validation (:mod:`inspector_scoring.rules`) rejects rule files that break the
format. This module looks at a rule file that passed validation and warns
about rules, metrics, grades and caps that are legal but can never matter,
which is almost always a typing mistake in the scheme:

- a rule that can never deduct (under ``[bonus]``: never add): ``below = 0``,
  ``per = 0``, ``fixed = 0`` or ``cap = 0``; every rule of an item with 0 points
  (or of a bonus with cap 0); and a rule that an earlier rule of the same item
  (or of the bonus) always exhausts first;
- a metric that no item rule, bonus rule or veto uses;
- a grade band that no rounded total can fall in;
- a bonus cap larger than the bonus rules can ever give together;
- a veto that can never apply (``below = 0``).

Values are never negative (counts, days), so nothing is ever below 0. All
arithmetic is on exact Decimals.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import attrs

from .. import messages as M
from .._readers import join
from ..i18n import Text
from ..numbers import exact_arithmetic, format_number, round_half_up
from .model import Bonus, Comparison, Item, Rule, Ruleset, Veto

__all__ = ["Finding", "analyse_rules"]

_ZERO = Decimal(0)


@attrs.frozen(slots=True)
class Finding:
    """A warning about a valid rule file: the key path it concerns and what is wrong.

    ``path`` is a key path in the rule file, as in validation messages
    (``items[2].rules[1]``, ``items[0].rules[0].per``, ``metrics.absences``,
    ``bonus.cap``, ``grades[1].min``).
    """

    path: str
    #: what is wrong, in any language
    text: Text

    @property
    def message(self) -> str:
        """What is wrong, in the language of messages."""
        return self.text.render()


def analyse_rules(rules: Ruleset, /) -> tuple[Finding, ...]:
    """Every warning about ``rules``, deterministic and in file order.

    File order is the layout of the rule file: unused metrics, then
    each item (its points, then its rules in order), the bonus (its cap, then
    its rules), the vetoes, and last the grades. Within one rule, findings
    follow its keys: the threshold, the amount, the cap, then whether earlier
    rules always exhaust it. Paths are computed from positions, so records
    built by hand (without ``path``) are analysed the same way.
    """
    findings: list[Finding] = []
    findings.extend(_unused_metrics(rules))
    for n, item in enumerate(rules.items):
        findings.extend(_item(item, join("items", n)))
    if rules.bonus is not None:
        findings.extend(_bonus(rules.bonus))
    for n, veto in enumerate(rules.vetoes):
        findings.extend(_veto(veto, join("vetoes", n)))
    findings.extend(_grades(rules))
    return tuple(findings)


# -- metrics ------------------------------------------------------------------


def _unused_metrics(rules: Ruleset) -> Iterator[Finding]:
    used = rules.used_metrics()
    for metric in rules.metrics:
        if metric not in used:
            yield Finding(join("metrics", metric.id), M.METRIC_UNUSED(metric=metric.id))


# -- rules: items and bonus ---------------------------------------------------


def _item(item: Item, path: str) -> Iterator[Finding]:
    if item.points == _ZERO and item.rules:
        yield Finding(join(path, "points"), M.ITEM_ZERO_POINTS(item=item.id))
    yield from _chain(item.rules, join(path, "rules"), item.points, bonus=False)


def _bonus(bonus: Bonus) -> Iterator[Finding]:
    if bonus.cap == _ZERO and bonus.rules:
        yield Finding("bonus.cap", M.BONUS_ZERO_CAP())
    most = _most_bonus(bonus.rules)
    if most is not None and most < bonus.cap:
        yield Finding(
            "bonus.cap", M.BONUS_CAP_UNREACHABLE(cap=format_number(bonus.cap), most=format_number(most))
        )
    yield from _chain(bonus.rules, "bonus.rules", bonus.cap, bonus=True)


def _chain(chain: tuple[Rule, ...], path: str, budget: Decimal, *, bonus: bool) -> Iterator[Finding]:
    """Findings for rules applied in order against one budget (an item's points, or the bonus cap)."""
    for n, rule in enumerate(chain):
        rule_path = join(path, n)
        dead = list(_dead_keys(rule, bonus=bonus))
        for key, message in dead:
            yield Finding(join(rule_path, key), message)
        if dead or budget == _ZERO:
            # Already reported as never taking effect; an exhaustion warning would repeat it.
            continue
        for k, earlier in enumerate(chain[:n]):
            least = _least_when_fires(earlier, rule)
            if least is not None and least >= budget:
                shadowed = M.SHADOWED_BONUS if bonus else M.SHADOWED_DEDUCTION
                amount = format_number(budget)
                yield Finding(
                    rule_path, shadowed(earlier=earlier.id, path=join(path, k), cap=amount, points=amount)
                )
                break


def _never_fires(comparison: Comparison, threshold: Decimal) -> bool:
    """Whether no value (values are never negative) is on the firing side of ``threshold``."""
    return comparison is Comparison.BELOW and threshold <= _ZERO


def _dead_keys(rule: Rule, *, bonus: bool) -> Iterator[tuple[str, Text]]:
    """The keys that by themselves stop ``rule`` from ever amounting to anything."""
    below = format_number(rule.threshold)
    if _never_fires(rule.comparison, rule.threshold):
        yield "below", (M.NEVER_FIRES_BONUS if bonus else M.NEVER_FIRES_DEDUCTION)(below=below)
    elif rule.prorate and _never_fires(rule.comparison, round_half_up(rule.threshold, 0)):
        # Prorated, the threshold applied is rounded to a whole number, here 0.
        yield "below", (M.PRORATED_TO_ZERO_BONUS if bonus else M.PRORATED_TO_ZERO_DEDUCTION)(below=below)
    for key, amount in (("per", rule.per), ("fixed", rule.fixed), ("cap", rule.cap)):
        if amount is not None and amount == _ZERO:
            yield key, (M.ZERO_AMOUNT_BONUS if bonus else M.ZERO_AMOUNT_DEDUCTION)(key=key)


def _least_when_fires(earlier: Rule, later: Rule) -> Decimal | None:
    """A lower bound on what ``earlier`` amounts to whenever ``later`` fires.

    ``None`` when ``later`` can fire while ``earlier`` does not (or when that
    cannot be told statically). When the bound reaches the budget, ``earlier``
    always leaves nothing for ``later``: the applied amounts in a chain add up
    to ``min(budget, Σ raw)``, and ``earlier``'s raw alone reaches the budget.
    """
    if earlier.metric != later.metric or earlier.comparison is not later.comparison:
        return None
    # With prorate = true the applied threshold depends on each inspector's duty
    # days (docs/evidence.md, duty days), so the file's thresholds do not say which rule fires
    # when; skip rather than guess.
    if earlier.prorate or later.prorate:
        return None
    if earlier.comparison is Comparison.BELOW:
        implied = later.threshold <= earlier.threshold
    else:
        implied = later.threshold >= earlier.threshold
    if not implied:
        return None
    if earlier.fixed is not None:
        return earlier.fixed
    assert earlier.per is not None
    # ``later`` fires only strictly past its threshold, so the value is more than
    # |difference of thresholds| past ``earlier``'s: its amount is strictly more
    # than this bound (the infimum), which makes "bound >= budget" a safe test.
    with exact_arithmetic():
        least = earlier.per * abs(earlier.threshold - later.threshold)
    return least if earlier.cap is None else min(least, earlier.cap)


def _most(rule: Rule) -> Decimal | None:
    """The most one bonus rule can ever give, or ``None`` when it is unbounded."""
    if _never_fires(rule.comparison, rule.threshold):
        return _ZERO
    if rule.fixed is not None:
        return rule.fixed
    assert rule.per is not None
    if rule.comparison is Comparison.ABOVE:
        return rule.cap
    threshold = rule.threshold
    if rule.prorate:
        # A prorated threshold is T × duty/period days (duty ≤ period), rounded
        # half up to a whole number: never more than T rounded half up.
        threshold = max(threshold, round_half_up(threshold, 0))
    # Values are never negative, so a below rule gives at most per × threshold (at 0).
    with exact_arithmetic():
        most = rule.per * threshold
    return most if rule.cap is None else min(most, rule.cap)


def _most_bonus(chain: tuple[Rule, ...]) -> Decimal | None:
    """The most all bonus rules together can ever give, or ``None`` when unbounded."""
    total = _ZERO
    for rule in chain:
        most = _most(rule)
        if most is None:
            return None
        total += most
    return total


# -- vetoes -------------------------------------------------------------------


def _veto(veto: Veto, path: str) -> Iterator[Finding]:
    if _never_fires(veto.comparison, veto.threshold):
        below = format_number(veto.threshold)
        yield Finding(join(path, "below"), M.VETO_NEVER_FIRES(below=below))


# -- grades -------------------------------------------------------------------


def _smallest_total_from(low: Decimal, precision: int) -> Decimal:
    """The smallest multiple of 10^-precision that is at least ``low`` (``low`` >= 0)."""
    nearest = round_half_up(low, precision)
    # The nearest multiple is less than one step away, so when it lies below
    # ``low`` the next one up is the smallest at or above it.
    return nearest if nearest >= low else nearest + Decimal(1).scaleb(-precision)


def _grades(rules: Ruleset) -> Iterator[Finding]:
    """Bands no total can fall in: totals are multiples of 10^-precision in [0, total]."""
    upper: Decimal | None = None  # the min of the band above: this band ends below it
    for n, grade in enumerate(rules.grades):
        path = join(join("grades", n), "min")
        if grade.min > rules.total:
            yield Finding(
                path,
                M.GRADE_ABOVE_TOTAL(
                    grade=grade.name, min=format_number(grade.min), total=format_number(rules.total)
                ),
            )
        elif upper is not None and _smallest_total_from(grade.min, rules.precision) >= upper:
            # Here min <= total, and total is itself a multiple of 10^-precision
            # (validated), so the smallest total at or above min never exceeds total.
            yield Finding(
                path,
                M.GRADE_NO_TOTAL(
                    grade=grade.name,
                    precision=rules.precision,
                    min=format_number(grade.min),
                    upper=format_number(upper),
                ),
            )
        upper = grade.min

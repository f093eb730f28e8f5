"""A rule file in words, for ``score check``: items, points and each rule's published wording."""

from __future__ import annotations

from ..numbers import format_number as num
from .model import Metric, Rule, Ruleset

__all__ = ["summarise_rules"]


def _trigger(rule: Rule, unit: str) -> str:
    if rule.per is not None:
        amount = f"{num(rule.per)} per {unit}"
    else:
        assert rule.fixed is not None  # a rule has exactly one of per and fixed
        amount = f"{num(rule.fixed)} fixed"
    parts = [f"{rule.metric} {rule.comparison.value} {num(rule.threshold)}", amount]
    if rule.cap is not None:
        parts.append(f"cap {num(rule.cap)}")
    if rule.prorate:
        parts.append("prorated by duty days")
    return ", ".join(parts)


def _minimum(metric: Metric) -> str:
    """``; counts events of at least 120 minutes`` for a metric with ``min_minutes``."""
    if metric.min_minutes is None:
        return ""
    return f"; counts {metric.count} events of at least {metric.min_minutes} minutes with an end"


def summarise_rules(rules: Ruleset, /) -> list[str]:
    """Lines describing ``rules``: header, items with their rules, bonus, vetoes, grades."""
    lines = [
        f"{rules.source}: valid",
        f"{rules.title} ({rules.id}, version {rules.version})",
        f"effective {rules.effective_text}; assessed by {rules.period.value}; "
        f"{num(rules.total)} points, totals to {rules.precision} decimal(s), half up",
    ]
    if rules.issuer:
        lines.append(f"issuer: {rules.issuer}")
    if rules.basis:
        lines.append("basis: " + "、".join(rules.basis))
    if rules.night:
        lines.append(
            f"night: {rules.night.start.isoformat('minutes')} to {rules.night.end.isoformat('minutes')}"
        )
    lines += ["", "items (deducted in order until exhausted):"]
    for n, item in enumerate(rules.items, start=1):
        lines.append(f"  {n}. {item.title} [{item.id}] {num(item.points)}分")
        for rule in item.rules:
            metric = rules.metric(rule.metric)
            lines.append(f"     - {rule.text} [{rule.id}: {_trigger(rule, metric.unit)}{_minimum(metric)}]")
    if rules.bonus is not None:
        lines += ["", f"bonus (capped at {num(rules.bonus.cap)}):"]
        for rule in rules.bonus.rules:
            lines.append(f"  - {rule.text} [{rule.id}: {_trigger(rule, rules.metric(rule.metric).unit)}]")
    if rules.vetoes:
        lines += ["", "vetoes:"]
        for veto in rules.vetoes:
            lines.append(
                f"  - {veto.text} [{veto.id}: {veto.metric} {veto.comparison.value} "
                f"{num(veto.threshold)} → {veto.grade}]"
            )
    lines += ["", "grades: " + ", ".join(f"{grade.name} ≥ {num(grade.min)}" for grade in rules.grades)]
    if rules.kinds:
        lines += ["", "workbook sheets of the event kinds:"]
        for kind in rules.kinds:
            columns = "".join(f", {header} ({field})" for field, header in kind.fields)
            aliases = "".join(f"; {other} = {column}" for other, column in kind.aliases)
            lines.append(f"  - {kind.title} [{kind.id}{columns}{aliases}]")
    return lines

"""A rule file in words, for ``score check``: items, points and each rule's published wording."""

from __future__ import annotations

from ..i18n import visible
from ..numbers import format_number as num
from .model import Rule, Ruleset

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


def summarise_rules(rules: Ruleset, /) -> list[str]:
    """Lines describing ``rules``: header, items with their rules, bonus, vetoes, grades.

    What the file says is shown, never obeyed: a control or bidirectional character in a
    title or a text (ESC, BEL, BS, CR, U+202E) is written as an escape (``\\x1b``, ``\\u202e``).
    """
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
            unit = rules.metric(rule.metric).unit
            lines.append(f"     - {rule.text} [{rule.id}: {_trigger(rule, unit)}]")
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
    return [visible(line) for line in lines]

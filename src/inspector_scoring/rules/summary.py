"""A rule file in words, for ``score check``: items, points and each rule's published wording."""

from __future__ import annotations

from .. import messages as M
from ..numbers import format_number as num
from .model import Grade, OutcomeKind, Rule, Ruleset

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
    return lines + _after_grades(rules)


def _bands(grades: tuple[Grade, ...]) -> str:
    return ", ".join(f"{grade.name} ≥ {num(grade.min)}" for grade in grades)


def _after_grades(rules: Ruleset) -> list[str]:
    """The notice, the annual assessment, results application and the calendar, in words."""
    notice = rules.notice
    lines = ["", M.CHECK_NOTICE.render(title=notice.title, days=notice.working_days)]
    if notice.rank:
        lines.append(M.CHECK_RANK.render())
    annual = rules.annual
    if annual is not None:
        grades = annual.grades or rules.grades
        lines += [
            "",
            M.CHECK_ANNUAL.render(
                method=annual.method.value, min_months=annual.min_months, grades=_bands(grades)
            ),
            M.CHECK_ANNUAL_VETO.render(grade=annual.cap_in(grades)),
        ]
        if annual.veto_months is not None:
            lines.append(
                M.CHECK_ANNUAL_VETO_MONTHS.render(
                    months=annual.veto_months, grade=annual.veto_months_grade or grades[-1].name
                )
            )
    if rules.outcomes:
        lines += ["", M.CHECK_OUTCOMES.render()]
        for outcome in rules.outcomes:
            message = {
                OutcomeKind.LOWEST: M.CHECK_OUTCOME_LOWEST,
                OutcomeKind.CONSECUTIVE: M.CHECK_OUTCOME_CONSECUTIVE,
                OutcomeKind.ANNUAL: M.CHECK_OUTCOME_ANNUAL,
                OutcomeKind.REPEATED: M.CHECK_OUTCOME_REPEATED,
            }[outcome.kind]
            lines.append(
                message.render(
                    text=outcome.text,
                    id=outcome.id,
                    count=outcome.count,
                    grade=outcome.grade,
                    months=outcome.months,
                    outcome=outcome.outcome,
                )
            )
    if rules.calendar:
        lines.append("")
        lines.extend(
            M.CHECK_CALENDAR.render(
                year=schedule.year,
                holidays=len(schedule.holidays),
                workdays=len(schedule.workdays),
                source=schedule.source,
            )
            for schedule in rules.calendar
        )
    return lines

"""A rule file in words, for ``score check``: items, points and each rule's published wording."""

from __future__ import annotations

from decimal import Decimal

from .. import messages as M
from ..i18n import Listing, visible
from ..numbers import format_number as num
from .model import Grade, Metric, OutcomeKind, Rule, Ruleset

__all__ = ["summarise_rules"]


def _trigger(rule: Rule, unit: str) -> str:
    if rule.per is not None:
        amount = M.CHECK_PER.render(amount=num(rule.per), unit=unit)
    else:
        assert rule.fixed is not None  # a rule has exactly one of per and fixed
        amount = M.CHECK_FIXED.render(amount=num(rule.fixed))
    parts = [_condition(rule.metric, rule.comparison.value, rule.threshold), amount]
    if rule.cap is not None:
        parts.append(M.CHECK_CAP.render(cap=num(rule.cap)))
    if rule.prorate:
        parts.append(M.CHECK_PRORATED.render())
    return Listing(parts).render()


def _condition(metric: str, comparison: str, threshold: Decimal) -> str:
    """``underground_entries below 15`` (低于), in the language of messages."""
    return M.CHECK_CONDITION[comparison].render(metric=metric, threshold=num(threshold))


def _minimum(rules: Ruleset, metric: Metric) -> str:
    """``; counts 下井记录 records of at least 120 minutes with an end`` for a metric with
    ``min_minutes`` (the kind by its workbook title)."""
    if metric.min_minutes is None or metric.count is None:
        return ""
    kind = rules.kind(metric.count).title
    return M.CHECK_MIN_MINUTES.render(kind=kind, minutes=metric.min_minutes)


def summarise_rules(rules: Ruleset, /) -> list[str]:
    """Lines describing ``rules``: header, items with their rules, bonus, vetoes, grades, the
    notice, the annual assessment, results application and the calendar, in the language of
    messages.

    What the file says is shown, never obeyed: a control or bidirectional character in a
    title or a text (ESC, BEL, BS, CR, U+202E) is written as an escape (``\\x1b``, ``\\u202e``).
    """
    lines = [
        M.CHECK_VALID.render(file=rules.source),
        M.CHECK_TITLE.render(title=rules.title, id=rules.id, version=rules.version),
        M.CHECK_HEADER.render(
            dates=rules.effective_text.render(),
            period=M.PERIOD_KINDS[rules.period.value](),
            total=num(rules.total),
            precision=rules.precision,
        ),
    ]
    if rules.issuer:
        lines.append(M.CHECK_ISSUER.render(issuer=rules.issuer))
    if rules.basis:
        lines.append(M.CHECK_BASIS.render(basis=Listing(rules.basis)))
    if rules.night:
        lines.append(
            M.CHECK_NIGHT.render(
                start=rules.night.start.isoformat("minutes"), end=rules.night.end.isoformat("minutes")
            )
        )
    lines += ["", M.CHECK_ITEMS.render()]
    for n, item in enumerate(rules.items, start=1):
        lines.append(f"  {n}. {item.title} [{item.id}] {M.POINTS.render(points=num(item.points))}")
        for rule in item.rules:
            metric = rules.metric(rule.metric)
            trigger = _trigger(rule, metric.unit) + _minimum(rules, metric)
            lines.append(f"     - {rule.text} [{rule.id}: {trigger}]")
    if rules.bonus is not None:
        lines += ["", M.CHECK_BONUS.render(cap=num(rules.bonus.cap))]
        for rule in rules.bonus.rules:
            lines.append(f"  - {rule.text} [{rule.id}: {_trigger(rule, rules.metric(rule.metric).unit)}]")
    if rules.vetoes:
        lines += ["", M.CHECK_VETOES.render()]
        for veto in rules.vetoes:
            lines.append(
                f"  - {veto.text} [{veto.id}: "
                f"{_condition(veto.metric, veto.comparison.value, veto.threshold)} → {veto.grade}]"
            )
    lines += ["", M.CHECK_GRADES.render(grades=_bands(rules.grades))]
    if rules.kinds:
        lines += ["", M.CHECK_KINDS.render()]
        for kind in rules.kinds:
            columns = "".join(f", {header} ({field})" for field, header in kind.fields)
            aliases = "".join(f"; {other} = {column}" for other, column in kind.aliases)
            lines.append(f"  - {kind.title} [{kind.id}{columns}{aliases}]")
    return [visible(line) for line in lines + _after_grades(rules)]


def _bands(grades: tuple[Grade, ...]) -> str:
    return Listing(f"{grade.name} ≥ {num(grade.min)}" for grade in grades).render()


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
                method=M.ANNUAL_METHODS[annual.method.value](),
                min_months=annual.min_months,
                grades=_bands(grades),
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

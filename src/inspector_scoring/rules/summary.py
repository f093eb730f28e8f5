"""A rule file in words, for ``score check``: items, points and each rule's published wording."""

from __future__ import annotations

from .. import messages as M
from ..i18n import Listing
from ..numbers import format_number as num
from .model import Rule, Ruleset

__all__ = ["summarise_rules"]


def _trigger(rule: Rule, unit: str) -> str:
    if rule.per is not None:
        amount = M.CHECK_PER.render(amount=num(rule.per), unit=unit)
    else:
        assert rule.fixed is not None  # a rule has exactly one of per and fixed
        amount = M.CHECK_FIXED.render(amount=num(rule.fixed))
    parts = [f"{rule.metric} {rule.comparison.value} {num(rule.threshold)}", amount]
    if rule.cap is not None:
        parts.append(M.CHECK_CAP.render(cap=num(rule.cap)))
    if rule.prorate:
        parts.append(M.CHECK_PRORATED.render())
    return Listing(parts).render()


def summarise_rules(rules: Ruleset, /) -> list[str]:
    """Lines describing ``rules``: header, items with their rules, bonus, vetoes, grades, in the
    language of messages (the rule file's own wording as it is)."""
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
        lines.append(M.CHECK_BASIS.render(basis="、".join(rules.basis)))
    if rules.night:
        lines.append(
            M.CHECK_NIGHT.render(
                start=rules.night.start.isoformat("minutes"), end=rules.night.end.isoformat("minutes")
            )
        )
    lines += ["", M.CHECK_ITEMS.render()]
    for n, item in enumerate(rules.items, start=1):
        lines.append(f"  {n}. {item.title} [{item.id}] {num(item.points)}分")
        for rule in item.rules:
            unit = rules.metric(rule.metric).unit
            lines.append(f"     - {rule.text} [{rule.id}: {_trigger(rule, unit)}]")
    if rules.bonus is not None:
        lines += ["", M.CHECK_BONUS.render(cap=num(rules.bonus.cap))]
        for rule in rules.bonus.rules:
            lines.append(f"  - {rule.text} [{rule.id}: {_trigger(rule, rules.metric(rule.metric).unit)}]")
    if rules.vetoes:
        lines += ["", M.CHECK_VETOES.render()]
        for veto in rules.vetoes:
            lines.append(
                f"  - {veto.text} [{veto.id}: {veto.metric} {veto.comparison.value} "
                f"{num(veto.threshold)} → {veto.grade}]"
            )
    grades = Listing(f"{grade.name} ≥ {num(grade.min)}" for grade in rules.grades)
    lines += ["", M.CHECK_GRADES.render(grades=grades)]
    return lines

"""Writing a :class:`~inspector_scoring.Ruleset` back as rule-file TOML (through ``tomli-w``)."""

from __future__ import annotations

from typing import Any

from ..numbers import whole_or_decimal
from .model import AnnualSettings, Kind, Outcome, Rule, Ruleset

__all__ = ["dumps_rules"]

SCHEMA = 1


def _rule_table(rule: Rule) -> dict[str, Any]:
    table: dict[str, Any] = {"id": rule.id, "text": rule.text, "metric": rule.metric}
    table[rule.comparison.value] = whole_or_decimal(rule.threshold)
    if rule.per is not None:
        table["per"] = whole_or_decimal(rule.per)
    if rule.fixed is not None:
        table["fixed"] = whole_or_decimal(rule.fixed)
    if rule.prorate:
        table["prorate"] = True
    if rule.cap is not None:
        table["cap"] = whole_or_decimal(rule.cap)
    return table


def dumps_rules(ruleset: Ruleset, /) -> str:
    """The ruleset as rule-file TOML text (through ``tomli-w``); loading it gives it back."""
    header: dict[str, Any] = {"id": ruleset.id, "title": ruleset.title, "version": ruleset.version}
    if ruleset.issuer is not None:
        header["issuer"] = ruleset.issuer
    if ruleset.basis:
        header["basis"] = list(ruleset.basis)
    header["effective_from"] = ruleset.effective_from
    if ruleset.effective_until is not None:
        header["effective_until"] = ruleset.effective_until
    header.update(
        period=ruleset.period.value, total=whole_or_decimal(ruleset.total), precision=ruleset.precision
    )
    doc: dict[str, Any] = {"schema": SCHEMA, "ruleset": header}
    if ruleset.night is not None:
        doc["night"] = {"from": ruleset.night.start, "to": ruleset.night.end}
    metrics: dict[str, Any] = {}
    for metric in ruleset.metrics:
        spec: dict[str, Any] = {"title": metric.title, "unit": metric.unit}
        if metric.label:
            spec["label"] = metric.label
        for key in ("count", "during", "days_without", "min_minutes"):
            if getattr(metric, key) is not None:
                spec[key] = getattr(metric, key)
        if metric.where:
            spec["where"] = dict(metric.where)
        if metric.default is not None:
            spec["default"] = whole_or_decimal(metric.default)
        metrics[metric.id] = spec
    doc["metrics"] = metrics
    doc["items"] = [
        {
            "id": item.id,
            "title": item.title,
            **({"short": item.short} if item.short else {}),
            "points": whole_or_decimal(item.points),
            "rules": [_rule_table(rule) for rule in item.rules],
        }
        for item in ruleset.items
    ]
    if ruleset.bonus is not None:
        doc["bonus"] = {
            "cap": whole_or_decimal(ruleset.bonus.cap),
            "rules": [_rule_table(rule) for rule in ruleset.bonus.rules],
        }
    if ruleset.vetoes:
        doc["vetoes"] = [
            {
                "id": veto.id,
                "text": veto.text,
                "metric": veto.metric,
                veto.comparison.value: whole_or_decimal(veto.threshold),
                "grade": veto.grade,
            }
            for veto in ruleset.vetoes
        ]
    doc["grades"] = [{"name": g.name, "min": whole_or_decimal(g.min)} for g in ruleset.grades]
    doc["notice"] = {"title": ruleset.notice.title, "working_days": ruleset.notice.working_days}
    if ruleset.notice.rank:
        doc["notice"]["rank"] = True
    if ruleset.annual is not None:
        doc["annual"] = _annual_table(ruleset.annual)
    if ruleset.outcomes:
        doc["outcomes"] = _outcome_tables(ruleset.outcomes)
    if ruleset.calendar:
        doc["calendar"] = [
            {
                "year": schedule.year,
                "source": schedule.source,
                "holidays": sorted(schedule.holidays),
                "workdays": sorted(schedule.workdays),
            }
            for schedule in ruleset.calendar
        ]
    if ruleset.kinds:
        doc["kinds"] = {kind.id: _kind_table(kind) for kind in ruleset.kinds}
    import tomli_w  # noqa: PLC0415 - only to write a rule file

    return tomli_w.dumps(doc)


def _kind_table(kind: Kind) -> dict[str, Any]:
    """A ``[kinds.KIND]`` table for writing back as TOML."""
    table: dict[str, Any] = {"title": kind.title}
    if kind.fields:
        table["fields"] = dict(kind.fields)
    if kind.aliases:
        table["aliases"] = dict(kind.aliases)
    return table


def _annual_table(settings: AnnualSettings) -> dict[str, Any]:
    """The ``[annual]`` table for writing back as TOML."""
    table: dict[str, Any] = {"method": settings.method.value, "min_months": settings.min_months}
    if settings.veto_cap is not None:
        table["veto_cap"] = settings.veto_cap
    if settings.veto_months is not None:
        table["veto_months"] = settings.veto_months
    if settings.veto_months_grade is not None:
        table["veto_months_grade"] = settings.veto_months_grade
    if settings.grades:
        table["grades"] = [
            {"name": grade.name, "min": whole_or_decimal(grade.min)} for grade in settings.grades
        ]
    return table


def _outcome_tables(outcomes: tuple[Outcome, ...]) -> list[dict[str, Any]]:
    """The ``[[outcomes]]`` list for writing back as TOML."""
    tables = []
    for outcome in outcomes:
        table: dict[str, Any] = {"id": outcome.id, "text": outcome.text, "kind": outcome.kind.value}
        for key in ("count", "grade", "months", "outcome"):
            if getattr(outcome, key) is not None:
                table[key] = getattr(outcome, key)
        tables.append(table)
    return tables

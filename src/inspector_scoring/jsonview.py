"""The result as JSON (SPEC §5): a view of the trace, in the contract's shape."""

from __future__ import annotations

from typing import Any

from .annual import AnnualAssessment
from .jsontext import dumps
from .results import Assessment, BonusResult, InspectorResult, ItemResult, RuleResult

__all__ = ["SCHEMA", "annual_to_dict", "annual_to_json", "result_to_dict", "result_to_json"]

SCHEMA = 1


def _rule(result: RuleResult) -> dict[str, Any]:
    out: dict[str, Any] = {
        "rule": result.rule,
        "text": result.text,
        "metric": result.metric,
        "value": result.value,
        "threshold": result.threshold,
    }
    if result.prorated:
        out["threshold_base"] = result.threshold_base
        out["prorated"] = True
    out.update(
        raw=result.raw,
        applied=result.applied,
        refs=list(result.refs),
        explanation=result.explanation,
    )
    if result.days:
        out["days"] = [day.isoformat() for day in result.days]
    return out


def _item(item: ItemResult) -> dict[str, Any]:
    return {
        "id": item.id,
        "title": item.title,
        "points": item.points,
        "deducted": item.deducted,
        "score": item.score,
        "exhausted": item.exhausted,
        "hits": [_rule(hit) for hit in item.hits],
    }


def _bonus(bonus: BonusResult) -> dict[str, Any]:
    return {
        "cap": bonus.cap,
        "raw": bonus.raw,
        "applied": bonus.applied,
        "hits": [_rule(hit) for hit in bonus.hits],
    }


def _inspector(result: InspectorResult) -> dict[str, Any]:
    person = result.inspector
    return {
        "inspector": {"id": person.id, "name": person.name, "mine": person.mine},
        "total": result.total,
        "grade": result.grade,
        "vetoes": [
            {"id": v.id, "text": v.text, "grade": v.grade, "metric": v.metric, "value": v.value}
            for v in result.vetoes
        ],
        "duty_days": result.duty_days,
        "items": [_item(item) for item in result.items],
        "bonus": _bonus(result.bonus),
    }


def result_to_dict(assessment: Assessment, /) -> dict[str, Any]:
    """The result as a JSON-ready mapping (numbers stay :class:`~decimal.Decimal`)."""
    rules = assessment.ruleset
    info = assessment.evidence.assessment
    return {
        "schema": SCHEMA,
        "engine": assessment.engine,
        "ruleset": {
            "id": rules.id,
            "version": rules.version,
            "title": rules.title,
            "sha256": rules.sha256,
        },
        "evidence": {
            "sha256": assessment.evidence.sha256,
            "township": info.township,
            "period": str(info.period),
        },
        "results": [_inspector(result) for result in assessment.results],
    }


def result_to_json(assessment: Assessment, /) -> str:
    """The result as JSON text (two-space indent, final newline); the same inputs give the same bytes."""
    return dumps(result_to_dict(assessment)) + "\n"


def annual_to_dict(annual: AnnualAssessment, /) -> dict[str, Any]:
    """The annual result as a JSON-ready mapping: each month's inputs, then each inspector's year."""
    rules = annual.ruleset
    return {
        "schema": SCHEMA,
        "engine": annual.engine,
        "kind": "annual",
        "township": annual.township,
        "year": annual.year,
        "method": annual.settings.method.value,
        "min_months": annual.settings.min_months,
        "veto_cap": annual.veto_cap,
        "ruleset": {"id": rules.id, "version": rules.version, "title": rules.title, "sha256": rules.sha256},
        "months": [
            {
                "period": str(month.evidence.assessment.period),
                "evidence": {"sha256": month.evidence.sha256},
                "ruleset": {
                    "id": month.ruleset.id,
                    "version": month.ruleset.version,
                    "sha256": month.ruleset.sha256,
                },
            }
            for month in annual.months
        ],
        "results": [
            {
                "inspector": {"id": result.id, "name": result.name, "mine": result.mine},
                "months": [
                    {
                        "period": str(month.period),
                        "total": month.total,
                        "grade": month.grade,
                        "duty_days": month.duty_days,
                        "vetoes": [veto.id for veto in month.vetoes],
                    }
                    for month in result.months
                ],
                "counted_months": result.counted,
                "total": result.total,
                "grade": result.grade,
                "reason": result.reason,
                "outcomes": [
                    {"id": hit.id, "text": hit.text, "months": [str(period) for period in hit.months]}
                    for hit in result.outcomes
                ],
            }
            for result in annual.results
        ],
    }


def annual_to_json(annual: AnnualAssessment, /) -> str:
    """The annual result as JSON text; the same inputs give the same bytes."""
    return dumps(annual_to_dict(annual)) + "\n"

"""The result as JSON (SPEC §5): a view of the trace, in the contract's shape."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from typing import Any

from .annual import AnnualAssessment
from .decimals import format_number
from .jsontext import dumps
from .model import Ruleset
from .results import Assessment, BonusResult, InspectorResult, ItemResult, RuleResult

__all__ = [
    "SCHEMA",
    "annual_to_dict",
    "annual_to_json",
    "iter_result_json",
    "result_to_dict",
    "result_to_json",
]

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
    """The result as JSON text (two-space indent, final newline); the same inputs give the same bytes.

    The text is exactly ``jsontext.dumps(result_to_dict(assessment))``, written by
    a writer that knows the result's shape, so that a province-scale run spends
    its time scoring rather than walking dictionaries.
    """
    return "".join(iter_result_json(assessment))


def iter_result_json(assessment: Assessment, /) -> Iterator[str]:
    """:func:`result_to_json` in pieces (one per inspector), to write without holding it all."""
    rules = assessment.ruleset
    info = assessment.evidence.assessment
    head = [
        ('"schema"', str(SCHEMA)),
        ('"engine"', _s(assessment.engine)),
        (
            '"ruleset"',
            _object(
                [
                    ('"id"', _s(rules.id)),
                    ('"version"', _s(rules.version)),
                    ('"title"', _s(rules.title)),
                    ('"sha256"', _s(rules.sha256)),
                ],
                1,
            ),
        ),
        (
            '"evidence"',
            _object(
                [
                    ('"sha256"', _s(assessment.evidence.sha256)),
                    ('"township"', _s(info.township)),
                    ('"period"', _s(str(info.period))),
                ],
                1,
            ),
        ),
        ('"results"', "[]"),  # a placeholder: filled below, one inspector at a time
    ]
    text = _object(head, 0)
    if not assessment.results:
        yield text + "\n"
        return
    # Split the frame around the results array and fill it one inspector at a time.
    opening, closing = text.rsplit("[]", 1)
    yield opening + "[\n"
    last = len(assessment.results) - 1
    heads = _item_heads(rules)
    for n, result in enumerate(assessment.results):
        yield f"{_PAD[2]}{_inspector_text(result, heads)}" + (",\n" if n < last else "\n")
    yield f"{_PAD[1]}]" + closing + "\n"


_s = json.encoder.encode_basestring  # the C encoder json.dumps(..., ensure_ascii=False) uses
_num = functools.lru_cache(maxsize=4096)(format_number)  # amounts repeat: 20, 15, 0, …
_PAD = tuple("  " * level for level in range(12))
_NL = "\n"  # (f-strings may not hold a backslash in their expressions before Python 3.12)


def _object(fields: list[tuple[str, str]], level: int) -> str:
    """An object whose keys are JSON text already and whose values are rendered for ``level + 1``."""
    if not fields:
        return "{}"
    inner = ",\n".join(f"{_PAD[level + 1]}{key}: {value}" for key, value in fields)
    return f"{{\n{inner}\n{_PAD[level]}}}"


def _array(values: list[str], level: int) -> str:
    if not values:
        return "[]"
    inner = ",\n".join(f"{_PAD[level + 1]}{value}" for value in values)
    return f"[\n{inner}\n{_PAD[level]}]"


def _optional(value: str | None) -> str:
    return "null" if value is None else _s(value)


def _rule_text(result: RuleResult, level: int) -> str:
    fields = [
        ('"rule"', _s(result.rule)),
        ('"text"', _s(result.text)),
        ('"metric"', _s(result.metric)),
        ('"value"', _num(result.value)),
        ('"threshold"', _num(result.threshold)),
    ]
    if result.prorated:
        assert result.threshold_base is not None  # set whenever prorated
        fields += [('"threshold_base"', _num(result.threshold_base)), ('"prorated"', "true")]
    fields += [
        ('"raw"', _num(result.raw)),
        ('"applied"', _num(result.applied)),
        ('"refs"', _array([_s(ref) for ref in result.refs], level + 1)),
        ('"explanation"', _s(result.explanation)),
    ]
    if result.days:
        fields.append(('"days"', _array([_s(day.isoformat()) for day in result.days], level + 1)))
    return _object(fields, level)


def _hits(results: tuple[RuleResult, ...], level: int) -> str:
    return _array([_rule_text(result, level + 1) for result in results if result.raw != 0], level)


def _item_heads(rules: Ruleset) -> tuple[str, ...]:
    """Each item's JSON object up to its ``deducted`` value: the same for every inspector."""
    return tuple(
        f'{{\n{_PAD[5]}"id": {_s(item.id)},\n{_PAD[5]}"title": {_s(item.title)},\n'
        f'{_PAD[5]}"points": {_num(item.points)},\n{_PAD[5]}"deducted": '
        for item in rules.items
    )


def _inspector_text(result: InspectorResult, heads: tuple[str, ...]) -> str:
    """One inspector's object at level 2, as ``_object`` would write it, in one template."""
    person = result.inspector
    scored, bonus = result.hit_records()  # JSON lists hits only
    p3, p4, p5 = _PAD[3], _PAD[4], _PAD[5]
    # The items, written from their heads: what _object would write, without rebuilding the constant part.
    items = ",\n".join(
        f'{p4}{head}{_num(item.deducted)},\n{p5}"score": {_num(item.score)},\n'
        f'{p5}"exhausted": {"true" if item.exhausted else "false"},\n'
        f'{p5}"hits": {_hits(item.rules, 5) if item.rules else "[]"}\n{p4}}}'
        for head, item in zip(heads, scored, strict=True)
    )
    vetoes = _array(
        [
            _object(
                [
                    ('"id"', _s(veto.id)),
                    ('"text"', _s(veto.text)),
                    ('"grade"', _s(veto.grade)),
                    ('"metric"', _s(veto.metric)),
                    ('"value"', _num(veto.value)),
                ],
                4,
            )
            for veto in result.vetoes
        ],
        3,
    )
    return (
        f'{{\n{p3}"inspector": {{\n{p4}"id": {_s(person.id)},\n{p4}"name": {_s(person.name)},\n'
        f'{p4}"mine": {_optional(person.mine)}\n{p3}}},\n'
        f'{p3}"total": {_num(result.total)},\n{p3}"grade": {_s(result.grade)},\n'
        f'{p3}"vetoes": {vetoes},\n{p3}"duty_days": {result.duty_days},\n'
        f'{p3}"items": {f"[{_NL}{items}{_NL}{p3}]" if items else "[]"},\n'
        f'{p3}"bonus": {{\n{p4}"cap": {_num(bonus.cap)},\n{p4}"raw": {_num(bonus.raw)},\n'
        f'{p4}"applied": {_num(bonus.applied)},\n{p4}"hits": {_hits(bonus.rules, 4)}\n{p3}}}\n{_PAD[2]}}}'
    )


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

"""The result as JSON (SPEC §5): a view of the trace, in the contract's shape."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Iterator
from datetime import date
from decimal import Decimal
from typing import Any, AnyStr

from .decimals import format_number
from .jsontext import dumps
from .model import AssessmentInfo, Metric, Rule, Ruleset
from .results import Assessment, BonusResult, InspectorResult, ItemResult, RuleResult, VetoHit, rule_result

TYPE_CHECKING = False
if TYPE_CHECKING:  # the annual view is read only for `score annual`; not imported for a month
    from .annual import AnnualAssessment

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
    texts = Texts(assessment.ruleset)
    return write_result(
        assessment.engine,
        assessment.ruleset,
        assessment.evidence.sha256,
        assessment.evidence.assessment,
        ([_inspector_text(result, texts)] for result in assessment.results),
    )


def write_result(
    engine: str, rules: Ruleset, sha256: str | None, info: AssessmentInfo, batches: Iterable[list[str]]
) -> Iterator[str]:
    """The result's text around the inspectors' texts (each an object at level 2), given in
    batches and written a batch a piece (internal)."""
    return framed(result_frame(engine, rules, sha256, info), batches)


def framed(frame: tuple[AnyStr, AnyStr, AnyStr, AnyStr], batches: Iterable[list[AnyStr]]) -> Iterator[AnyStr]:
    """The frame of :func:`result_frame` (as text or encoded) around the batches of inspectors'
    texts, a batch a piece (internal)."""
    empty, opening, separator, closing = frame
    first = True
    for batch in batches:
        if batch:
            yield (opening if first else separator) + separator.join(batch)
            first = False
    yield empty if first else closing


def result_frame(
    engine: str, rules: Ruleset, sha256: str | None, info: AssessmentInfo
) -> tuple[str, str, str, str]:
    """The result's text without inspectors, and in parts around them: what opens the results
    array up to the first inspector, what goes between two, and what follows the last (internal)."""
    head = [
        ('"schema"', str(SCHEMA)),
        ('"engine"', _s(engine)),
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
                    ('"sha256"', _optional(sha256)),
                    ('"township"', _s(info.township)),
                    ('"period"', _s(str(info.period))),
                ],
                1,
            ),
        ),
        ('"results"', "[]"),  # a placeholder: filled below, one inspector at a time
    ]
    text = _object(head, 0)
    opening, closing = text.rsplit("[]", 1)
    return text + "\n", f"{opening}[\n{_PAD[2]}", ",\n" + _PAD[2], f"\n{_PAD[1]}]{closing}\n"


_s = json.encoder.encode_basestring  # the C encoder json.dumps(..., ensure_ascii=False) uses
_num = functools.lru_cache(maxsize=4096)(format_number)  # amounts repeat: 20, 15, 0, …
_PAD = tuple("  " * level for level in range(12))
_SEPARATOR = ",\n"


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


class Texts:
    """The JSON text of one rule file's results, with what repeats written once (internal).

    Most of a province's result is the same text again and again: an item
    without hits differs from inspector to inspector only in nothing at all, and
    a hit only in its numbers and refs. An item's text is kept by its numbers,
    and a hit's by its rule and numbers, with its refs put in between, so the
    text of a run is pieced together from a few hundred distinct parts. Each
    part is written once by the plain writer above (``_rule_text``), so the
    pieces are exactly what that writer gives.
    """

    __slots__ = ("_heads", "_hits", "_items", "_rules")

    def __init__(self, rules: Ruleset) -> None:
        self._rules = rules
        self._heads = _item_heads(rules)
        self._items: dict[tuple[int, object, object, bool], str] = {}
        self._hits: dict[tuple[object, ...], tuple[str, str]] = {}

    def item(self, n: int, deducted: object, score: object, exhausted: bool, hits: list[str]) -> str:
        """Item ``n`` of the rule file at level 4, with its hits' texts (at level 6)."""
        if not hits:
            key = (n, deducted, score, exhausted)
            text = self._items.get(key)
            if text is None:
                text = self._items[key] = self._item(n, deducted, score, exhausted, "[]")
            return text
        return self._item(n, deducted, score, exhausted, _array(hits, 5))

    def _item(self, n: int, deducted: object, score: object, exhausted: bool, hits: str) -> str:
        p4, p5 = _PAD[4], _PAD[5]
        return (
            f'{p4}{self._heads[n]}{_num(deducted)},\n{p5}"score": {_num(score)},\n'
            f'{p5}"exhausted": {"true" if exhausted else "false"},\n{p5}"hits": {hits}\n{p4}}}'
        )

    def hit(self, result: RuleResult, level: int) -> str:
        """A rule record's text at ``level`` (an item's hits are at 6, the bonus's at 5)."""
        return self.hit_of(
            result.source,
            result.measure,
            level,
            bonus=result.bonus,
            value=result.value,
            threshold=result.threshold,
            uncapped=result.uncapped,
            raw=result.raw,
            applied=result.applied,
            duty_days=result.duty_days,
            period_days=result.period_days,
            refs=result.refs,
            days=result.days,
        )

    def hit_of(
        self,
        rule: Rule,
        metric: Metric,
        level: int,
        *,
        bonus: bool,
        value: Decimal | int,
        threshold: Decimal | int,
        uncapped: Decimal | int,
        raw: Decimal | int,
        applied: Decimal | int,
        duty_days: int,
        period_days: int,
        refs: tuple[str, ...],
        days: tuple[date, ...],
    ) -> str:
        """The text of the rule record these fields make, at ``level``: what ``_rule_text`` writes."""
        # Equal numbers are written alike (format_number normalises), so equal keys give equal text;
        # duty days change the words only of a rule that prorates.
        shown = (duty_days, period_days) if rule.prorate else None
        key = (id(rule), level, bonus, value, threshold, uncapped, raw, applied, shown, days)
        parts = self._hits.get(key)
        if parts is None:
            if len(self._hits) >= _KEPT:  # days make many keys: keep the memory bounded
                self._hits.clear()
            record = rule_result(
                rule,
                metric,
                bonus=bonus,
                value=value,
                threshold=threshold,
                uncapped=uncapped,
                raw=raw,
                applied=applied,
                duty_days=duty_days,
                period_days=period_days,
                days=days,
            )
            # The first such text is the key: a quote inside a JSON string is escaped.
            head, _, tail = _rule_text(record, level).partition(_NO_REFS)
            parts = self._hits[key] = (head + '"refs": ', tail)
        if not refs:
            return f"{parts[0]}[]{parts[1]}"
        return f"{parts[0]}{_array([_s(ref) for ref in refs], level + 1)}{parts[1]}"

    @staticmethod
    def person(ident: str, name: str, mine: str | None) -> str:
        """An inspector's object up to its ``total``: who it is."""
        p3, p4 = _PAD[3], _PAD[4]
        return (
            f'{{\n{p3}"inspector": {{\n{p4}"id": {_s(ident)},\n{p4}"name": {_s(name)},\n'
            f'{p4}"mine": {_optional(mine)}\n{p3}}},\n'
        )

    @staticmethod
    def tail(
        *,
        total: Decimal,
        grade: str,
        vetoes: tuple[VetoHit, ...],
        duty_days: int,
        items: list[str],
        bonus: tuple[Decimal | int, Decimal | int, Decimal | int],
        bonus_hits: list[str],
    ) -> str:
        """An inspector's object from its ``total`` on: how it scored (the same for equal numbers)."""
        p3, p4 = _PAD[3], _PAD[4]
        cap, raw, applied = bonus
        return (
            f'{p3}"total": {_num(total)},\n{p3}"grade": {_s(grade)},\n'
            f'{p3}"vetoes": {_vetoes(vetoes)},\n{p3}"duty_days": {duty_days},\n'
            f'{p3}"items": {_array_of_texts(items, 3)},\n'
            f'{p3}"bonus": {{\n{p4}"cap": {_num(cap)},\n{p4}"raw": {_num(raw)},\n'
            f'{p4}"applied": {_num(applied)},\n{p4}"hits": {_array(bonus_hits, 4)}\n{p3}}}\n{_PAD[2]}}}'
        )


#: distinct hit texts a Texts keeps (the common ones are soon written again)
_KEPT = 4096
#: where a hit's refs go, in the text of a record built without refs
_NO_REFS = '"refs": []'


def _array_of_texts(values: list[str], level: int) -> str:
    """An array of values already indented for ``level + 1``."""
    if not values:
        return "[]"
    return f"[\n{_SEPARATOR.join(values)}\n{_PAD[level]}]"


def _item_heads(rules: Ruleset) -> tuple[str, ...]:
    """Each item's JSON object up to its ``deducted`` value: the same for every inspector."""
    return tuple(
        f'{{\n{_PAD[5]}"id": {_s(item.id)},\n{_PAD[5]}"title": {_s(item.title)},\n'
        f'{_PAD[5]}"points": {_num(item.points)},\n{_PAD[5]}"deducted": '
        for item in rules.items
    )


def _vetoes(vetoes: tuple[VetoHit, ...]) -> str:
    if not vetoes:
        return "[]"
    return _array(
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
            for veto in vetoes
        ],
        3,
    )


def _inspector_text(result: InspectorResult, texts: Texts) -> str:
    """One inspector's object at level 2, from its records (hits only)."""
    person = result.inspector
    scored, bonus = result.hit_records()  # JSON lists hits only
    return texts.person(person.id, person.name, person.mine) + texts.tail(
        total=result.total,
        grade=result.grade,
        vetoes=result.vetoes,
        duty_days=result.duty_days,
        items=[
            texts.item(n, item.deducted, item.score, item.exhausted, [texts.hit(hit, 6) for hit in item.hits])
            for n, item in enumerate(scored)
        ],
        bonus=(bonus.cap, bonus.raw, bonus.applied),
        bonus_hits=[texts.hit(hit, 5) for hit in bonus.hits],
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

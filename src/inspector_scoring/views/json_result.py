"""The result as JSON (docs/results.md): a view of the trace, in the contract's shape."""

from __future__ import annotations

import functools
import json
import operator
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any, TypeVar

from .._bulk import bulk
from ..evidence.measure import Uncounted
from ..jsontext import dumps
from ..numbers import format_number
from ..rules.model import Ruleset
from ..scoring.results import (
    Assessment,
    BonusResult,
    InspectorResult,
    ItemResult,
    RuleResult,
    VetoHit,
    deducted,
)

TYPE_CHECKING = False
if TYPE_CHECKING:  # the annual view is read only for `score annual`; not imported for a month
    from ..corrections import Corrects
    from ..scoring.annual import AnnualAssessment

__all__ = [
    "SCHEMA",
    "annual_to_dict",
    "annual_to_json",
    "iter_result_json",
    "places_of",
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
    if result.uncounted:
        out["uncounted"] = [_uncounted(event) for event in result.uncounted]
    return out


def _uncounted(event: Uncounted) -> dict[str, Any]:
    return {"ref": event.ref, "reason": event.reason, "minutes": event.minutes}


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


def places_of(assessment: Assessment, /) -> dict[Decimal, int] | None:
    """Each total's 名次 when the rule file asks for ranking (``[notice] rank``), else ``None``.

    Only inspectors with duty days are ranked; tied totals share a place and
    the next place follows without a gap.
    """
    if not assessment.ruleset.notice.rank:
        return None
    from ..scoring.ranking import places  # noqa: PLC0415

    return places(result.total for result in assessment.results if result.duty_days > 0)


def _place(result: InspectorResult, places: dict[Decimal, int]) -> int | None:
    return places[result.total] if result.duty_days > 0 else None


def _inspector(result: InspectorResult, places: dict[Decimal, int] | None) -> dict[str, Any]:
    person = result.inspector
    items, bonus = result.hit_records()
    out: dict[str, Any] = {
        "inspector": {"id": person.id, "name": person.name, "mine": person.mine},
        "total": result.total,
        "grade": result.grade,
    }
    if places is not None:
        out["rank"] = _place(result, places)
    out |= {
        "vetoes": [
            {"id": v.id, "text": v.text, "grade": v.grade, "metric": v.metric, "value": v.value}
            for v in result.vetoes
        ],
        "duty_days": result.duty_days,
        "items": [_item(item) for item in items],
        "bonus": _bonus(bonus),
    }
    left_out = uncounted_of(result)
    if left_out:
        out["uncounted"] = [{"metric": metric, **_uncounted(event)} for metric, event in left_out]
    return out


def uncounted_of(result: InspectorResult) -> list[tuple[str, Uncounted]]:
    """Every event a metric of ``result`` did not count (docs/evidence.md), with the metric's id: the
    metrics in the scheme's order, each one's events in time order."""
    if not any(result.uncounted):
        return []
    metrics = result.plan.measures.metrics
    return [
        (metric.id, event)
        for metric, events in zip(metrics, result.uncounted, strict=True)
        for event in events
    ]


def result_to_dict(assessment: Assessment, /, *, corrects: Corrects | None = None) -> dict[str, Any]:
    """The result as a JSON-ready mapping (numbers stay :class:`~decimal.Decimal`).

    ``corrects`` names the published result this one corrects (after objections).
    """
    rules = assessment.ruleset
    info = assessment.evidence.assessment
    places = places_of(assessment)
    out = {
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
    }
    if corrects is not None:
        out["corrects"] = corrects.as_dict()
    out["results"] = [_inspector(result, places) for result in assessment.results]
    return out


def result_to_json(assessment: Assessment, /, *, corrects: Corrects | None = None) -> str:
    """The result as JSON text (two-space indent, final newline); the same inputs give the same bytes.

    The text is exactly ``jsontext.dumps(result_to_dict(assessment))``, written by
    a writer that knows the result's shape, so that a province-scale run spends
    its time scoring rather than walking dictionaries.
    """
    return b"".join(iter_result_json(assessment, corrects=corrects)).decode("utf-8")


def iter_result_json(
    assessment: Assessment, /, *, batch: int = 256, corrects: Corrects | None = None
) -> Iterator[bytes]:
    """:func:`result_to_json` as UTF-8, in pieces (``batch`` inspectors each), to write without
    holding it all."""
    texts = Texts(assessment.ruleset, places_of(assessment))
    empty, opening, separator, closing = (part.encode("utf-8") for part in _frame(assessment, corrects))
    results = assessment.results
    if not results:
        yield empty
        return
    for start in range(0, len(results), batch):
        with bulk():  # (the collector paused while a batch is written, not while it is handed on)
            pieces = [opening if start == 0 else separator]
            for n, result in enumerate(results[start : start + batch]):
                if n:
                    pieces.append(separator)
                texts.inspector(result, pieces)
            written = b"".join(pieces)
        yield written
    yield closing


def _frame(assessment: Assessment, corrects: Corrects | None) -> tuple[str, str, str, str]:
    """The result's text without inspectors, and in parts around them: what opens the results
    array up to the first inspector, what goes between two, and what follows the last."""
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
    ]
    if corrects is not None:
        head.append(
            ('"corrects"', _object([(_s(key), _s(value)) for key, value in corrects.as_dict().items()], 1))
        )
    head += [
        ('"results"', "[]"),  # a placeholder: filled below, one inspector at a time
    ]
    text = _object(head, 0)
    opening, closing = text.rsplit("[]", 1)
    return text + "\n", f"{opening}[\n{_PAD[2]}", ",\n" + _PAD[2], f"\n{_PAD[1]}]{closing}\n"


_s = json.encoder.encode_basestring  # the C encoder json.dumps(..., ensure_ascii=False) uses
_num = functools.lru_cache(maxsize=4096)(format_number)  # amounts repeat: 20, 15, 0, …
_PAD = tuple("  " * level for level in range(12))


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
    if result.uncounted:
        fields.append(
            (
                '"uncounted"',
                _array(
                    [_object(_uncounted_fields(event), level + 2) for event in result.uncounted],
                    level + 1,
                ),
            )
        )
    return _object(fields, level)


def _uncounted_fields(event: Uncounted) -> list[tuple[str, str]]:
    return [
        ('"ref"', _s(event.ref)),
        ('"reason"', _s(event.reason)),
        ('"minutes"', "null" if event.minutes is None else str(event.minutes)),
    ]


class Texts:
    """The JSON text of one rule file's results, in UTF-8, with what repeats written once (internal).

    Most of a province's result is the same text again and again: an item
    without hits differs from inspector to inspector only in nothing at all, and
    a hit only in its numbers and refs. So an inspector's object is pieced
    together from parts kept by what they show (an item by its score, a hit by
    its rule and numbers, its refs put in between): a province's month is a few
    hundred distinct parts. Each part is written once by the plain writer above
    (``_rule_text``), so the pieces are exactly what that writer gives.
    """

    __slots__ = ("_bonus", "_heads", "_hits", "_items", "_opened", "_places", "_rules", "_tails", "_totals")

    def __init__(self, rules: Ruleset, places: dict[Decimal, int] | None = None) -> None:
        self._rules = rules
        #: each total's 名次, when the notice ranks (the same total has the same place)
        self._places = places
        self._heads = _item_heads(rules)
        self._items: dict[tuple[int, Decimal], bytes] = {}
        self._opened: dict[tuple[int, Decimal, bool], bytes] = {}
        self._hits: dict[tuple[object, ...], tuple[bytes, bytes]] = {}
        self._totals: dict[tuple[object, ...], bytes] = {}
        self._bonus: dict[tuple[Decimal, Decimal], bytes] = {}
        self._tails: dict[tuple[object, ...], bytes] = {}

    def inspector(self, result: InspectorResult, into: list[bytes]) -> None:
        """One inspector's object at level 2, in UTF-8, added to ``into`` in pieces."""
        person = result.inspector
        p3, p4 = _PAD[3], _PAD[4]
        into.append(
            (
                f'{{\n{p3}"inspector": {{\n{p4}"id": {_s(person.id)},\n{p4}"name": {_s(person.name)},\n'
                f'{p4}"mine": {_optional(person.mine)}\n{p3}}},\n'
            ).encode()
        )
        hits = result.hits
        if any(map(_REFS, hits)) or any(result.uncounted):  # the inspector's own: pieced together
            self._tail(result, into)
            return
        # Otherwise the same numbers write the same text: one of a few hundred a province has.
        key = (
            result.total,
            result.grade,
            result.vetoes,
            result.duty_days,
            result.scores,
            result.bonus_raw,
            result.bonus_applied,
            tuple(map(_hit_key, hits)),
        )
        tail = self._tails.get(key)
        if tail is None:
            pieces: list[bytes] = []
            self._tail(result, pieces)
            tail = _bounded(self._tails, key, b"".join(pieces))
        into.append(tail)

    def _tail(self, result: InspectorResult, into: list[bytes]) -> None:
        """An inspector's object from its ``total`` on, in pieces."""
        key = (result.total, result.grade, result.vetoes, result.duty_days)
        head = self._totals.get(key)
        if head is None:
            head = _bounded(self._totals, key, self._head(result))
        into.append(head)
        by_item: dict[int | None, list[RuleResult]] = {}
        if result.hits:
            plan = result.plan
            for hit in result.hits:
                by_item.setdefault(plan.chain[plan.step_of[hit.rule]].item, []).append(hit)
        for n, score in enumerate(result.scores):
            if n:
                into.append(_NEXT_ITEM)
            hits = by_item.get(n)
            if hits is None:
                text = self._items.get((n, score))
                if text is None:
                    text = self._items[(n, score)] = (
                        self._item(n, score, exhausted=False) + b"[]\n" + _ITEM_END
                    )
                into.append(text)
            else:
                self._item_with(n, score, hits, into)
        bonus_key = (result.bonus_raw, result.bonus_applied)
        bonus = self._bonus.get(bonus_key)
        if bonus is None:
            bonus = _bounded(self._bonus, bonus_key, self._bonus_head(result))
        into.append(bonus)
        self._hits_into(by_item.get(None), 5, into)
        left_out = uncounted_of(result)
        if left_out:
            events = [
                _object([('"metric"', _s(metric)), *_uncounted_fields(event)], 4)
                for metric, event in left_out
            ]
            into.append(f'{_PAD[3]}}},\n{_PAD[3]}"uncounted": {_array(events, 3)}\n{_PAD[2]}}}'.encode())
        else:
            into.append(_INSPECTOR_END)

    def _head(self, result: InspectorResult) -> bytes:
        """From ``total`` up to the first item."""
        p3 = _PAD[3]
        rank = ""
        if self._places is not None:
            place = _place(result, self._places)
            rank = f'{p3}"rank": {"null" if place is None else place},\n'
        return (
            f'{p3}"total": {_num(result.total)},\n{p3}"grade": {_s(result.grade)},\n{rank}'
            f'{p3}"vetoes": {_vetoes(result.vetoes)},\n{p3}"duty_days": {result.duty_days},\n'
            f'{p3}"items": [\n'
        ).encode()

    def _bonus_head(self, result: InspectorResult) -> bytes:
        """From the end of the items up to the bonus hits."""
        p3, p4 = _PAD[3], _PAD[4]
        bonus = self._rules.bonus
        cap = bonus.cap if bonus is not None else _ZERO
        return (
            f'\n{p3}],\n{p3}"bonus": {{\n{p4}"cap": {_num(cap)},\n{p4}"raw": {_num(result.bonus_raw)},\n'
            f'{p4}"applied": {_num(result.bonus_applied)},\n{p4}"hits": '
        ).encode()

    def _item(self, n: int, score: Decimal, *, exhausted: bool) -> bytes:
        """Item ``n`` at level 4, up to its hits."""
        p4, p5 = _PAD[4], _PAD[5]
        lost = deducted(self._rules.items[n].points, score)
        return (
            f'{p4}{self._heads[n]}{_num(lost)},\n{p5}"score": {_num(score)},\n'
            f'{p5}"exhausted": {"true" if exhausted else "false"},\n{p5}"hits": '
        ).encode()

    def _item_with(self, n: int, score: Decimal, hits: list[RuleResult], into: list[bytes]) -> None:
        key = (n, score, score == 0)
        opened = self._opened.get(key)
        if opened is None:
            opened = self._opened[key] = self._item(n, score, exhausted=score == 0)
        into.append(opened)
        self._hits_into(hits, 6, into)
        into.append(_ITEM_END)

    def _hits_into(self, hits: list[RuleResult] | None, level: int, into: list[bytes]) -> None:
        """A hits array whose records are at ``level`` (an item's at 6, the bonus's at 5)."""
        if not hits:
            into.append(b"[]\n")
            return
        into.append(_OPEN_LIST[level])
        for n, hit in enumerate(hits):
            if n:
                into.append(_NEXT[level])
            self.hit(hit, level, into)
        into.append(_CLOSE_LIST[level])

    def hit(self, result: RuleResult, level: int, into: list[bytes]) -> None:
        """A rule record's text at ``level``, added to ``into``."""
        key = (level, _hit_key(result))
        parts = self._hits.get(key)
        if parts is None:
            # The first such text is the key: a quote inside a JSON string is escaped.
            head, _, tail = _rule_text(result._replace(refs=()), level).partition(_NO_REFS)
            parts = _bounded(self._hits, key, ((head + '"refs": ').encode("utf-8"), tail.encode("utf-8")))
        into.append(parts[0])
        if result.refs:
            into.append(_array([_s(ref) for ref in result.refs], level + 1).encode("utf-8"))
        else:
            into.append(b"[]")
        into.append(parts[1])


_V = TypeVar("_V")
_REFS = operator.attrgetter("refs")


def _bounded(kept: dict[Any, _V], key: object, value: _V) -> _V:
    """``value``, kept under ``key``; at most ``_KEPT`` are kept (days and totals make many keys)."""
    if len(kept) >= _KEPT:
        kept.clear()
    kept[key] = value
    return value


_ITEM_END = f"{_PAD[4]}}}".encode()
_NEXT_ITEM = b",\n"
_INSPECTOR_END = f"{_PAD[3]}}}\n{_PAD[2]}}}".encode()
#: a hits array's opening, separator and closing, by the level of its elements
_OPEN_LIST = {level: f"[\n{_PAD[level]}".encode() for level in (4, 5, 6)}
_NEXT = {level: f",\n{_PAD[level]}".encode() for level in (4, 5, 6)}
_CLOSE_LIST = {level: f"\n{_PAD[level - 1]}]\n".encode() for level in (4, 5, 6)}


#: What a hit's text depends on, but for its refs (a Texts is of one period, so its days are
#: known). Equal numbers are written alike (format_number normalises); duty days change the
#: words only of a rule that prorates, and are in the key of every hit all the same: taken
#: in one C call, as a slice of the record's fields.
_hit_key: Callable[[RuleResult], tuple[object, ...]] = operator.itemgetter(
    *map(
        RuleResult._fields.index,
        ("rule", "value", "threshold", "uncapped", "raw", "applied", "duty_days", "days", "uncounted"),
    )
)


_ZERO = Decimal(0)
#: distinct texts a Texts keeps of each sort (the common ones are soon written again)
_KEPT = 4096
#: where a hit's refs go, in the text of a record built without refs
_NO_REFS = '"refs": []'


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


def annual_to_dict(annual: AnnualAssessment, /) -> dict[str, Any]:
    """The annual result as a JSON-ready mapping: each month's inputs, then each inspector's year."""
    rules = annual.ruleset
    return {
        "schema": SCHEMA,
        "engine": annual.engine,
        "kind": "year_to_date" if annual.to_date else "annual",
        "township": annual.township,
        "year": annual.year,
        **({"through": str(annual.through)} if annual.to_date else {}),
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

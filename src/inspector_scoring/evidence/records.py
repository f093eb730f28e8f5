"""Evidence as records and as a JSON tree: one from the other (internal).

The check stage reads JSON trees; records are for Python callers. A checked
tree becomes :class:`~inspector_scoring.Evidence` records here without being
checked again, and records (built by a caller, or loaded) become the tree that
an evidence file of the same content would give, which the check stage then
checks as it checks a file.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from .._readers import parse_moment
from ..periods import Period, parse_period
from .model import AssessmentInfo, Event, Evidence, Inspector, Leave, PanelMember

__all__ = ["evidence_records", "evidence_tree"]


def evidence_tree(evidence: Evidence) -> dict[str, Any]:
    """The JSON tree of an evidence file holding what ``evidence`` says."""
    info = evidence.assessment
    assessment: dict[str, Any] = {
        "township": info.township,
        "period": str(info.period) if isinstance(info.period, Period) else info.period,
    }
    _put(assessment, "assessed_on", info.assessed_on)
    _put(assessment, "issuer", info.issuer)
    _put(assessment, "contact", info.contact)
    if info.panel:
        assessment["panel"] = [_panel_member(member) for member in info.panel]
    return {
        "schema": evidence.schema,
        "assessment": assessment,
        "inspectors": [_inspector(inspector) for inspector in evidence.inspectors],
    }


def _panel_member(member: PanelMember) -> dict[str, Any]:
    table: dict[str, Any] = {"name": member.name}
    _put(table, "role", member.role)
    _put(table, "unit", member.unit)
    return table


def _inspector(inspector: Inspector) -> dict[str, Any]:
    table: dict[str, Any] = {"id": inspector.id, "name": inspector.name}
    _put(table, "mine", inspector.mine)
    _put(table, "serving_from", inspector.serving_from)
    _put(table, "serving_until", inspector.serving_until)
    if inspector.leave:
        table["leave"] = [_leave(span) for span in inspector.leave]
    if inspector.counts:
        table["counts"] = dict(inspector.counts)
    if inspector.events is not None:
        table["events"] = [_event(event) for event in inspector.events]
    return table


def _leave(span: Leave) -> dict[str, Any]:
    table: dict[str, Any] = {"from": _text(span.start), "to": _text(span.end)}
    _put(table, "reason", span.reason)
    _put(table, "approved_by", span.approved_by)
    return table


class _TextNotMoment(str):
    """Text a record holds where it must hold a date or a date-time: checked as the wrong type it
    is (the check shows it, quoted, and never reads it as a date, nor finds it among dates)."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        return self is other

    __hash__ = object.__hash__


def _event(event: Event) -> dict[str, Any]:
    at = event.at
    table: dict[str, Any] = {
        "kind": event.kind,
        "at": _TextNotMoment(at) if isinstance(at, str) else _text(at),
    }
    _put(table, "ref", event.ref)
    _put(table, "note", event.note)
    _put(table, "until", event.until)
    for name, value in event.fields:
        table[name] = value
    return table


def _put(table: dict[str, Any], key: str, value: object) -> None:
    if value is not None:
        table[key] = _text(value)


def _text(value: object) -> object:
    """Dates and date-times as the file writes them; anything else as it is (a wrong type stays
    wrong, for the check to report)."""
    if isinstance(value, (date, datetime)):
        if isinstance(value, datetime) and value.tzinfo is not None:
            return value.isoformat()  # with its offset: the check refuses it, at its place
        return value.isoformat()
    return value


def evidence_records(tree: Mapping[str, Any], *, source: str, sha256: str) -> Evidence:
    """The records of a checked evidence tree (every value known to be valid)."""
    header = tree["assessment"]
    period = parse_period(header["period"])
    assert period is not None  # checked
    info = AssessmentInfo(
        township=header["township"],
        period=period,
        assessed_on=_date(header.get("assessed_on")),
        issuer=header.get("issuer"),
        contact=header.get("contact"),
        panel=tuple(
            PanelMember(member["name"], member.get("role"), member.get("unit"))
            for member in header.get("panel", ())
        ),
    )
    inspectors = tuple(
        _inspector_record(entry, f"inspectors[{n}]") for n, entry in enumerate(tree["inspectors"])
    )
    return Evidence(
        assessment=info, inspectors=inspectors, schema=tree["schema"], source=source, sha256=sha256
    )


def _inspector_record(entry: Mapping[str, Any], path: str) -> Inspector:
    events = entry.get("events")
    return Inspector(
        id=entry["id"],
        name=entry["name"],
        mine=entry.get("mine"),
        serving_from=_date(entry.get("serving_from")),
        serving_until=_date(entry.get("serving_until")),
        leave=tuple(
            Leave(
                date.fromisoformat(span["from"]),
                date.fromisoformat(span["to"]),
                span.get("reason"),
                span.get("approved_by"),
                f"{path}.leave[{k}]",
            )
            for k, span in enumerate(entry.get("leave", ()))
        ),
        counts=tuple((metric, _number(value)) for metric, value in entry.get("counts", {}).items()),
        events=None
        if events is None
        else tuple(_event_record(event, f"{path}.events[{k}]") for k, event in enumerate(events)),
        path=path,
    )


def _event_record(raw: Mapping[str, Any], path: str) -> Event:
    until = raw.get("until")
    return Event(
        kind=raw["kind"],
        at=_moment(raw["at"]),
        ref=raw.get("ref"),
        note=raw.get("note"),
        fields=tuple((key, value) for key, value in raw.items() if key not in _EVENT_KEYS),
        path=path,
        until=None if until is None else _moment(until),  # type: ignore[arg-type]
    )


_EVENT_KEYS = frozenset({"kind", "at", "ref", "note", "until"})


def _moment(value: object) -> date | datetime:
    if isinstance(value, (date, datetime)):
        return value
    moment = parse_moment(str(value))
    assert moment is not None  # checked
    return moment


def _date(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _number(value: object) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(value)  # type: ignore[arg-type]

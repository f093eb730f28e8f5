"""The records of an evidence file: the assessment, its inspectors and the evidence about them.

Records are built from a checked evidence file (:func:`inspector_scoring.load_evidence`)
or by a Python caller; scoring reads evidence files directly and builds them only
when asked. Every record keeps ``path``, its key path in the file it came from.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any, NamedTuple

import attrs

from ..periods import Period


def _tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """Collections of a record as tuples, whatever a Python caller passed: records stay
    immutable and hashable (a list inside a checked record could change after the checks)."""
    return value if type(value) is tuple else tuple(value)


def _optional_tuple(value: Iterable[Any] | None) -> tuple[Any, ...] | None:
    return None if value is None else _tuple(value)


__all__ = ["AssessmentInfo", "Event", "Evidence", "Inspector", "Leave", "PanelMember", "Person"]


class Person(NamedTuple):
    """Who an inspector is, as a result and a notice may show them: never another personal field."""

    id: str
    name: str
    mine: str | None = None
    #: key path of the inspector in the evidence file (``inspectors[3]``)
    path: str = ""


@attrs.frozen(slots=True)
class PanelMember:
    """A member of the assessment panel (考核小组)."""

    name: str
    role: str | None = None
    unit: str | None = None


@attrs.frozen(slots=True)
class AssessmentInfo:
    """Who assesses what period: the ``assessment`` object of an evidence file."""

    township: str
    period: Period
    assessed_on: date | None = None
    issuer: str | None = None
    contact: str | None = None
    panel: tuple[PanelMember, ...] = attrs.field(default=(), converter=_tuple)


@attrs.frozen(slots=True)
class Leave:
    """Approved leave, an inclusive date range."""

    start: date
    end: date
    reason: str | None = None
    approved_by: str | None = None
    path: str = ""


@attrs.frozen(slots=True)
class Event:
    """One evidence record: an underground entry, a work-log day, a meeting, a finding…"""

    kind: str
    #: a date, or a local date-time without UTC offset
    at: date | datetime
    ref: str | None = None
    note: str | None = None
    #: the source system's own string fields (usable by ``where``)
    fields: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_tuple)
    path: str = ""
    #: when it ended (升井时刻 of an underground entry), a local date-time
    until: datetime | None = None

    @property
    def day(self) -> date:
        """The day this event counts for."""
        return self.at.date() if isinstance(self.at, datetime) else self.at

    @property
    def time_of_day(self) -> time | None:
        """The time of day, or ``None`` for a date-only event."""
        return self.at.time() if isinstance(self.at, datetime) else None

    def field(self, name: str) -> str | None:
        """A string field by name (``ref``, ``note`` or an extra field), or ``None``."""
        if name == "ref":
            return self.ref
        if name == "note":
            return self.note
        return dict(self.fields).get(name)


@attrs.frozen(slots=True)
class Inspector:
    """One resident inspector and the evidence about them for the period."""

    id: str
    name: str
    mine: str | None = None
    serving_from: date | None = None
    serving_until: date | None = None
    leave: tuple[Leave, ...] = attrs.field(default=(), converter=_tuple)
    counts: tuple[tuple[str, Decimal], ...] = attrs.field(default=(), converter=_tuple)
    #: ``None`` when the file has no ``events`` list (so nothing can be derived)
    events: tuple[Event, ...] | None = attrs.field(default=None, converter=_optional_tuple)
    path: str = ""


@attrs.frozen(slots=True)
class Evidence:
    """A whole evidence file: the assessment and its inspectors, in file order."""

    assessment: AssessmentInfo
    inspectors: tuple[Inspector, ...] = attrs.field(converter=_tuple)
    schema: int = 1
    source: str = "<evidence>"
    sha256: str = ""

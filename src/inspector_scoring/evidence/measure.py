"""What the evidence says each metric is for one inspector (metric values, with what is behind them).

A value comes from ``counts``, else from the inspector's events through the
metric's derivation, else from the metric's ``default``; otherwise it is an
error. Silence is never zero. The same step reports the evidence given twice
(a count and the events it would count), night events without a time of day,
and keeps, for a deduction to cite later, the events it counted, the duty days
without a record and the events it did not count (too short, or no exit).
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Iterable, Mapping
from datetime import date, time, timedelta
from decimal import Decimal
from itertools import compress
from typing import Any, NamedTuple

import attrs

from .. import messages as M
from .._readers import describe, join
from ..errors import Collector
from ..periods import Period
from ..rules.model import Metric, Ruleset
from .model import Leave, Person
from .moments import Moments

__all__ = ["Measured", "Measures", "Uncounted", "duty_dates", "measures_for"]

_new = tuple.__new__
#: a raw event of a checked evidence file (its ``kind``, ``at`` and the rest, all text)
RawEvent = Mapping[str, Any]
#: an inspector's events of each kind
Groups = Mapping[str, list[RawEvent]]


class Uncounted(NamedTuple):
    """An event a metric did not count although it is of the metric's kind (docs/evidence.md)."""

    #: the event's ref, else its key path
    ref: str
    #: ``short``: it lasted less than the metric's minutes; ``no_exit``: it has no ``until`` (虚工)
    reason: str
    #: how long it lasted, in whole minutes (``None`` without an exit)
    minutes: int | None = None


class Measured(NamedTuple):
    """One inspector's metric values, as scoring reads them (internal)."""

    person: Person
    duty_days: int
    #: each used metric's value, in the order of :attr:`Measures.metrics` (``int`` where whole)
    values: tuple[int | Decimal, ...]
    #: what is behind each value: the events counted (a list), the duty days without a record
    #: (a set), or ``None`` for a count or a default
    behind: tuple[Any, ...]
    #: for each used metric: the events of its kind it did not count (only with ``min_minutes``)
    uncounted: tuple[tuple[Uncounted, ...], ...]
    #: the inspector's raw events (``None`` without an events list), which ``behind`` points into
    events: list[RawEvent] | None


def duty_dates(
    period: Period, serving_from: date | None, serving_until: date | None, leave: tuple[Leave, ...]
) -> tuple[date, ...]:
    """Period days within the inspector's service, less approved-leave days (docs/evidence.md, duty days)."""
    dates = period.dates()
    if serving_from is None and serving_until is None and not leave:
        return dates  # the common case: on duty all period
    start = dates[0]
    # Days as positions in the period's dates, so a range is a slice.
    first = max(0, (serving_from - start).days) if serving_from else 0
    last = min(len(dates) - 1, (serving_until - start).days) if serving_until else len(dates) - 1
    if first > last:
        return ()  # serving only outside the period
    if not leave:
        return dates[first : last + 1]
    on_duty = [True] * len(dates)
    for span in leave:
        low = max(first, (span.start - start).days)
        high = min(last, (span.end - start).days)
        if low <= high:
            on_duty[low : high + 1] = [False] * (high - low + 1)
    return tuple(dates[n] for n in range(first, last + 1) if on_duty[n])


@attrs.frozen(slots=True, eq=False)
class Measures:
    """What measuring needs from a rule file, worked out once (internal)."""

    rules: Ruleset
    #: the metrics the rules use, in file order: the values scoring reads
    metrics: tuple[Metric, ...]
    #: every metric id of the file (a count may name a metric no rule uses)
    metric_ids: frozenset[str]
    #: every event kind some metric derives from
    kinds: tuple[str, ...]
    #: whether some used metric counts duty days without a record
    needs_dates: bool
    #: each used metric's default, where it has one (as ``int`` where whole)
    defaults: dict[str, int | Decimal]
    #: the kind each used metric counts every event of (no ``where``, night or minimum), else ``None``
    plain_kinds: tuple[str | None, ...]
    #: the kind each used metric counts some events of (``count``), else ``None``
    count_kinds: tuple[str | None, ...]
    #: nothing behind any value, and nothing left uncounted (for values from counts)
    nothing: tuple[None, ...]
    none_left_out: tuple[tuple[Uncounted, ...], ...]
    #: every used metric's value from a mapping of them, in order (a KeyError if one is missing)
    given: Callable[[Mapping[str, int | Decimal]], tuple[int | Decimal, ...]]

    def measure(  # noqa: PLR0917 - one inspector, with what the check stage holds for it
        self,
        problems: Collector,
        moments: Moments,
        person: Person,
        duty: frozenset[date],
        counts: Mapping[str, int | Decimal],
        events: list[RawEvent] | None,
        groups: Groups,
        spans: Spans | None = None,
    ) -> Measured:
        """The values of one inspector (``events`` ``None`` without an events list; ``groups``
        its events by kind; ``spans`` how long events with an ``until`` lasted, as the check
        read them, by their ``id``), recording what keeps a value from being known or
        given once."""
        spans = spans or _NO_SPANS
        if events is None:
            given = {**self.defaults, **counts} if self.defaults else counts
            try:
                values = self.given(given)
            except KeyError:  # some value is missing: the general way says which
                pass
            else:
                return _new(Measured, (person, len(duty), values, self.nothing, self.none_left_out, None))
        elif not counts:
            # Every value from the events; most of them every event of one kind.
            scope = _Scope(problems, moments, person, events, spans, {})
            found: list[int | Decimal] = []
            behind: list[Any] = []
            uncounted: list[tuple[Uncounted, ...]] = []
            for metric, all_of, of_kind in zip(self.metrics, self.plain_kinds, self.count_kinds, strict=True):
                # Every event of the kind counts, or there is none to count.
                kind = all_of if all_of is not None or of_kind is None or groups[of_kind] else of_kind
                if kind is not None:
                    group = groups[kind]
                    found.append(len(group))
                    behind.append(group)
                    uncounted.append(())
                else:
                    value, evidence, skipped = self._value(scope, duty, counts, groups, metric)
                    found.append(value)
                    behind.append(evidence)
                    uncounted.append(skipped)
            # (nothing left out, as for most: the one shared record of that, kept with the result)
            left_out = tuple(uncounted) if any(uncounted) else self.none_left_out
            return _new(Measured, (person, len(duty), tuple(found), tuple(behind), left_out, events))
        scope = _Scope(problems, moments, person, events, spans, {})
        every = [
            self._value(scope, duty, counts, groups if events is not None else None, metric)
            for metric in self.metrics
        ]
        return Measured(
            person,
            len(duty),
            tuple(value for value, _, _ in every),
            tuple(evidence for _, evidence, _ in every),
            tuple(skipped for _, _, skipped in every),
            events,
        )

    def _value(
        self,
        scope: _Scope,
        duty: frozenset[date],
        counts: Mapping[str, int | Decimal],
        groups: Groups | None,
        metric: Metric,
    ) -> tuple[int | Decimal, Any, tuple[Uncounted, ...]]:
        kind = metric.kind
        if metric.id in counts:
            if kind is not None and groups is not None:
                twice = would_count(scope, metric, groups.get(kind, []))
                if twice:
                    scope.problems.add(
                        join(join(scope.person.path, "counts"), metric.id),
                        M.GIVEN_TWICE,
                        count=len(twice),
                        kind=describe(kind),
                    )
            return counts[metric.id], None, ()
        if kind is not None and groups is not None:
            group = groups.get(kind, [])
            if metric.days_without is not None:
                missing = days_without(scope, metric, group, duty)
                return len(missing), missing, ()
            counted, skipped = select(scope, metric, group)
            return len(counted), counted, skipped
        if metric.default is not None:
            return _plain(metric.default), None, ()
        missing_evidence(scope.problems, scope.person.path, metric)
        return 0, None, ()

    def without_evidence(self, problems: Collector, path: str, counted: Iterable[str], events: bool) -> None:
        """Report each used metric of an inspector whose other records are unusable that nothing
        could give: no count under ``counted`` (the keys its counts object has, valid or not), no
        default, and no events list (``events``) to count from. Every problem at once: this one
        is not kept back until the others are put right."""
        for metric in self.metrics:
            if metric.id not in counted and metric.default is None and (metric.kind is None or not events):
                missing_evidence(problems, path, metric)


def missing_evidence(problems: Collector, path: str, metric: Metric) -> None:
    """Report that nothing gives ``metric`` for the inspector at ``path``: silence is never zero."""
    how = M.GIVE_IN_COUNTS_OR_EVENTS() if metric.kind else M.GIVE_IN_COUNTS()
    problems.add(
        join(join(path, "counts"), metric.id),
        M.MISSING_EVIDENCE,
        metric=describe(metric.id),
        title=metric.title,
        how=how,
    )


#: how long an event with an ``until`` lasted, by the event's ``id``, as the check read it
Spans = Mapping[int, timedelta]
_NO_SPANS: Spans = {}


class _Scope(NamedTuple):
    """One inspector being measured: where problems go, its moments, who, and its events."""

    problems: Collector
    moments: Moments
    person: Person
    events: list[RawEvent] | None
    spans: Spans
    #: each event's place in ``events``, by its ``id``: filled the first time a path is asked
    #: for (a search per event would be quadratic: 30,000 uncounted entries took 18 s)
    places: dict[int, int]

    def path(self, event: RawEvent) -> str:
        """The key path of one of the inspector's events (``inspectors[3].events[17]``)."""
        assert self.events is not None
        if not self.places:
            self.places.update((id(other), n) for n, other in enumerate(self.events))
        return f"{self.person.path}.events[{self.places[id(event)]}]"


_AT = operator.itemgetter("at")
_DATE_PART = operator.itemgetter(slice(0, 10))  # of a moment's text: its date


def would_count(scope: _Scope, metric: Metric, group: list[RawEvent]) -> list[RawEvent]:
    """The events of the metric's kind it would look at: those its ``where`` and night window let
    through (a date alone cannot be ruled out of the night)."""
    matching = _where(metric, group)
    if metric.during != "night":
        return matching
    nights = scope.moments.nights(map(_AT, matching))
    return [event for event, night in zip(matching, nights, strict=True) if night is not False]


def select(
    scope: _Scope, metric: Metric, group: list[RawEvent]
) -> tuple[list[RawEvent], tuple[Uncounted, ...]]:
    """The events a ``count`` metric counts, and those of its kind it leaves out for their duration.

    With no ``where``, no night and no minimum, that is every event of the kind.
    """
    counted = _where(metric, group)
    if metric.during == "night":
        nights = scope.moments.nights(map(_AT, counted))
        if None in nights:  # a date alone: no night event, and no time to tell
            for event, night in zip(counted, nights, strict=True):
                if night is None:
                    scope.problems.add(
                        join(scope.path(event), "at"),
                        M.NIGHT_NEEDS_TIME,
                        metric=describe(metric.id),
                        kind=describe(event["kind"]),
                    )
        counted = list(compress(counted, nights))
    if metric.min_minutes is None:
        return counted, ()
    # How long the check read each entry lasted, where it read it: most are long enough.
    minimum, spans = timedelta(minutes=metric.min_minutes), scope.spans
    enough = [lasted is not None and lasted >= minimum for lasted in map(spans.get, map(id, counted))]
    if all(enough):
        return counted, ()
    long_enough = list(compress(counted, enough))
    skipped = []
    for event, minutes in _durations(scope, list(compress(counted, map(operator.not_, enough)))):
        # (read here, where the check's quick path did not)
        if minutes is not None and minutes >= metric.min_minutes:
            long_enough.append(event)
        else:
            reason = "no_exit" if minutes is None else "short"
            skipped.append(Uncounted(event.get("ref") or scope.path(event), reason, minutes))
    return long_enough, tuple(skipped)


def _durations(scope: _Scope, events: list[RawEvent]) -> list[tuple[RawEvent, int | None]]:
    """Each event in time order (:func:`chronological`) with how many whole minutes it lasted
    (:func:`duration`, or as the check read it)."""
    spans, moments = scope.spans, scope.moments
    return [
        (event, spans[id(event)] // _MINUTE if id(event) in spans else duration(moments, event))
        for event in chronological(moments, events)
    ]


_MINUTE = timedelta(minutes=1)


def days_without(
    scope: _Scope, metric: Metric, group: list[RawEvent], duty: frozenset[date]
) -> frozenset[date]:
    """The duty days on which no event of the kind (that passes ``where``) fell."""
    ats = map(_AT, _where(metric, group))
    try:
        logged = set(map(scope.moments.days.get, map(_DATE_PART, ats)))
    except TypeError:  # a date given by a Python caller as a date, not as text
        logged = {scope.moments.day_of(event["at"]) for event in _where(metric, group)}
    return duty.difference(logged)


def _where(metric: Metric, group: list[RawEvent]) -> list[RawEvent]:
    """The events whose named fields equal what the metric's ``where`` asks (a missing field
    matches nothing; ``kind`` and ``at`` are not fields, so a ``where`` on them matches nothing)."""
    where = metric.where
    if not where:
        return group
    if len(where) == 1:  # the usual case, one field: without a generator per event
        ((field, wanted),) = where
        return [] if field in _NOT_FIELDS else [event for event in group if event.get(field) == wanted]
    if any(field in _NOT_FIELDS for field, _ in where):
        return []
    return [event for event in group if all(event.get(field) == wanted for field, wanted in where)]


_NOT_FIELDS = frozenset({"kind", "at"})


def duration(moments: Moments, event: RawEvent) -> int | None:
    """How many whole minutes an event lasted, from ``at`` to ``until``; ``None`` without ``until``."""
    until = event.get("until")
    if until is None:
        return None
    return moments.minutes_between(event["at"], until)


def _plain(amount: Decimal) -> int | Decimal:
    """A whole amount as an ``int`` (cheaper to compare and add), else the Decimal."""
    whole = int(amount)
    return whole if whole == amount else amount


@functools.lru_cache(maxsize=32)
def measures_for(rules: Ruleset) -> Measures:
    """The measuring plan of ``rules`` (cached: equal rule files share one)."""
    kinds = tuple(dict.fromkeys(metric.kind for metric in rules.metrics if metric.kind))
    metrics = rules.used_metrics()
    return Measures(
        rules=rules,
        metrics=metrics,
        metric_ids=frozenset(metric.id for metric in rules.metrics),
        kinds=kinds,
        needs_dates=any(metric.days_without is not None for metric in metrics),
        defaults={metric.id: _plain(metric.default) for metric in metrics if metric.default is not None},
        plain_kinds=tuple(
            metric.count
            if metric.count and not metric.where and metric.during is None and metric.min_minutes is None
            else None
            for metric in metrics
        ),
        count_kinds=tuple(metric.count for metric in metrics),
        nothing=(None,) * len(metrics),
        none_left_out=((),) * len(metrics),
        given=_getter(tuple(metric.id for metric in metrics)),
    )


def _getter(keys: tuple[str, ...]) -> Callable[[Mapping[str, Any]], tuple[Any, ...]]:
    """``mapping[key]`` for each of ``keys``, as a tuple (itemgetter gives a lone value for one)."""
    if len(keys) == 1:
        one = keys[0]
        return lambda mapping: (mapping[one],)
    if not keys:
        return lambda mapping: ()
    return operator.itemgetter(*keys)


def chronological(moments: Moments, events: list[RawEvent]) -> list[RawEvent]:
    """Events in time order (a date alone before any time that day), then by ref: the order in
    which a deduction cites them, whatever the order of the file."""

    def key(event: RawEvent) -> tuple[date, time, str]:
        moment = moments[event["at"]]
        return (moment.day, moment.time or time.min, event.get("ref") or "")

    return sorted(events, key=key)

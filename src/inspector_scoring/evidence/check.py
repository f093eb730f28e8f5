"""Checking an evidence file against a rule file: every problem once, at its place.

The walk takes the file's JSON tree (or a caller's mapping) and, inspector by
inspector, checks its structure (keys, values, service, leave, counts, events),
then what only the rule file can tell (the period, metric names, event kinds,
the same record twice), and measures its metric values
(:mod:`~inspector_scoring.evidence.measure`). Problems are kept in two lists,
reported in this order: the file's structure, then the checks against the
rules, each in file order. An inspector with problems of its own is not also
measured, so a bad count is not reported again as missing evidence.

A province's month has a million events. An inspector whose events are all
plainly valid (objects of known kinds, moments inside the period, text in
every field) is checked in a few passes over its events; anything else sends
them through :func:`_report_events`, which says what is wrong with each.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import timedelta
from decimal import Decimal
from itertools import filterfalse
from operator import itemgetter, sub
from typing import Any

from .. import messages as M
from .._readers import (
    MAX_TEXT,
    MAX_WHOLE,
    check_keys,
    check_order,
    check_schema,
    describe,
    full_width,
    join,
    read_iso_date,
    read_list,
    read_number,
    read_str,
    read_table,
    shown,
    suggest,
)
from ..errors import Collector, Problem
from ..i18n import Listing
from ..periods import Period, parse_period
from ..rules.model import Ruleset
from ..workdays import LAST_FIRST_DAY
from .measure import Measured, Measures, Spans, duty_dates, measures_for
from .model import AssessmentInfo, Leave, PanelMember, Person
from .moments import Moments
from .read import JsonObject

__all__ = ["SCHEMA", "Check"]

SCHEMA = 1
INSPECTOR_KEYS = ("id", "name", "mine", "serving_from", "serving_until", "leave", "counts", "events")
_ASSESSMENT_KEYS = ("township", "period", "assessed_on", "issuer", "contact", "panel")
_EVENT_KEYS = ("kind", "at", "ref", "note", "until")
#: an event's keys that are not extra fields of its own
_NOT_EXTRA = frozenset(_EVENT_KEYS)
_DAY = timedelta(days=1)
_INSPECTOR_KEYS = frozenset(INSPECTOR_KEYS)
_REQUIRED = frozenset({"id", "name"})
_ON_DUTY: tuple[Any, Any, tuple[Leave, ...]] = (None, None, ())
#: a named tuple made from its values, without the keyword handling of its class (hot paths)
_new = tuple.__new__


class Check:
    """One evidence file checked against one rule file, inspector by inspector.

    Build it, read :attr:`info`, then iterate :meth:`inspectors` (each inspector
    measured as it is checked, so a caller can score it at once and let its raw
    evidence go); afterwards :attr:`problems` holds every problem, in the order
    they are reported.
    """

    def __init__(self, tree: object, rules: Ruleset | None, *, source: str, owned: bool) -> None:
        #: the file's structure problems, then (below) the problems only the rule file reveals
        self._structure = Collector(source, json_file=True)
        self._rules = Collector(source, json_file=True)
        #: what measuring needs of the rule file (``None``: the structure alone is checked)
        self._plan: Measures | None = measures_for(rules) if rules is not None else None
        self._owned = owned
        #: keys and string values walked, for the parse's duplicate-key test (read.py)
        self.strings = 0
        header = self._header(tree)
        self.info: AssessmentInfo | None = header[0] if header else None
        self._entries: list[Any] = header[1] if header else []
        self._list: object = header[2] if header else None
        period = self.info.period if self.info is not None else None
        self.moments = Moments(period, rules.night if rules is not None else None)
        #: the days of the period, the duty days of an inspector on duty throughout
        self._all_days = frozenset(period.dates()) if period is not None else frozenset()
        if period is not None and rules is not None:
            _check_period(self._rules, rules, period)
        self._ids: dict[str, str] = {}
        #: read again so that repeated keys are named (:class:`JsonObject`): each event is then
        #: read on its own, where such a key is reported
        self._exact = isinstance(tree, JsonObject)

    @property
    def clean(self) -> bool:
        """Whether no problem was found so far."""
        return not self._structure.problems and not self._rules.problems

    def needs_exact(self, strings: int | None) -> bool:
        """Whether the file must be read again, its objects knowing their repeated keys, for a
        key given twice to be named: when the keys and string values walked are not all the
        file's strings (``strings``, from its text; ``None`` for a mapping, which has none), so
        that some key was given twice and the parse kept one."""
        return strings is not None and strings != self.strings

    @property
    def problems(self) -> list[Problem]:
        """Every problem found so far: the structure's, then those against the rules."""
        return self.report([])

    def report(self, between: list[Problem]) -> list[Problem]:
        """Every problem in the order reported: the file's structure, then ``between`` (the rule
        file's own), then the evidence against the rules."""
        return [*self._structure.problems, *between, *self._rules.problems]

    def inspectors(self) -> Iterator[Measured]:
        """Check each inspector in file order; yield it measured when it can be (no problems of
        its own, a known period)."""
        entries, consume = self._entries, self._owned and isinstance(self._list, list)
        for n, entry in enumerate(entries):
            if consume:
                # Parsed JSON is ours: each inspector's objects are let go once checked, so peak
                # memory stays near one copy of the file. A caller's mapping is never changed.
                entries[n] = None
            measured = self._inspector(n, entry)
            if measured is not None:
                yield measured

    # -- the header ---------------------------------------------------------------

    def _header(self, tree: object) -> tuple[AssessmentInfo | None, list[Any], object] | None:
        problems = self._structure
        top = read_table(problems, "", tree)
        if top is None:
            return None
        _object_keys(
            problems,
            "",
            top,
            allowed=("schema", "assessment", "inspectors"),
            required=("schema", "assessment", "inspectors"),
        )
        self.strings += len(top)
        check_schema(problems, top, SCHEMA)
        info = self._assessment(top["assessment"]) if "assessment" in top else None
        given = top.get("inspectors")
        entries = read_list(problems, "inspectors", given) if "inspectors" in top else None
        if entries == []:
            problems.add("inspectors", M.AT_LEAST_ONE, what=M.WORD_INSPECTOR())
        return info, entries or [], given

    def _assessment(self, raw: object) -> AssessmentInfo | None:
        problems = self._structure
        table = read_table(problems, "assessment", raw)
        if table is None:
            return None
        _object_keys(problems, "assessment", table, allowed=_ASSESSMENT_KEYS, required=("township", "period"))
        self.strings += _tokens(table)
        township = _optional_str(problems, "assessment", table, "township")
        period = None
        if "period" in table:
            period = parse_period(table["period"]) if isinstance(table["period"], str) else None
            if period is None and not full_width(problems, "assessment.period", table["period"]):
                problems.add("assessment.period", M.PERIOD_SHAPE, value=shown(problems, table["period"]))
        assessed_on = (
            read_iso_date(problems, "assessment.assessed_on", table["assessed_on"])
            if "assessed_on" in table
            else None
        )
        if assessed_on is not None and assessed_on > LAST_FIRST_DAY:
            # The notice period starts there by default, and must end before the calendar does.
            problems.add(
                "assessment.assessed_on",
                M.DATE_TOO_LATE,
                most=LAST_FIRST_DAY.isoformat(),
                value=assessed_on.isoformat(),
            )
            assessed_on = None
        panel: list[PanelMember] = []
        if "panel" in table:
            for n, member in enumerate(read_list(problems, "assessment.panel", table["panel"]) or []):
                path = join("assessment.panel", n)
                fields = read_table(problems, path, member)
                if fields is None:
                    continue
                _object_keys(problems, path, fields, allowed=("name", "role", "unit"), required=("name",))
                self.strings += _tokens(fields)
                member_name = _optional_str(problems, path, fields, "name")
                if member_name is not None:
                    panel.append(
                        PanelMember(
                            member_name,
                            _optional_str(problems, path, fields, "role"),
                            _optional_str(problems, path, fields, "unit"),
                        )
                    )
        issuer = _optional_str(problems, "assessment", table, "issuer")
        contact = _optional_str(problems, "assessment", table, "contact")
        # A problem elsewhere in the header (a typo in an optional key) still leaves the
        # period known, so the rule-file checks can run and report in the same pass.
        if township is None or period is None:
            return None
        return AssessmentInfo(
            township=township,
            period=period,
            assessed_on=assessed_on,
            issuer=issuer,
            contact=contact,
            panel=tuple(panel),
        )

    # -- one inspector ------------------------------------------------------------

    def _inspector(self, n: int, raw: object) -> Measured | None:
        problems = self._structure
        path = f"inspectors[{n}]"
        before = len(problems.problems)
        table = raw if type(raw) is dict else read_table(problems, path, raw)
        if table is None:
            return None
        if type(table) is not dict or not table.keys() <= _INSPECTOR_KEYS or not table.keys() >= _REQUIRED:
            _object_keys(problems, path, table, allowed=INSPECTOR_KEYS, required=("id", "name"))
        self.strings += len(table)
        inspector_id = _text(problems, path, table, "id")
        name = _text(problems, path, table, "name")
        mine = _text(problems, path, table, "mine")
        self.strings += (inspector_id is not None) + (name is not None) + (mine is not None)
        if "serving_from" in table or "serving_until" in table or "leave" in table:
            service = self._service(path, table)
        else:
            service = _ON_DUTY  # the usual inspector: on duty the whole period
        counts = self._counts(path, table["counts"]) if "counts" in table else {}
        # What the rule file says of this inspector's records is kept until it is known to be
        # readable: an inspector without an id or a name is reported for that alone.
        against_rules: Collector | None = None
        plan = self._plan
        if plan is not None and not counts.keys() <= plan.metric_ids:
            against_rules = Collector(problems.file, json_file=True)
            _unknown_metrics(against_rules, plan, path, counts)
        events: list[Any] | None = None
        groups: dict[str, list[Any]] = {}
        spans: Spans | None = None  # how long the entries with an exit lasted, as first read
        if "events" in table:
            events = table["events"]
            if type(events) is not list:
                events = read_list(problems, join(path, "events"), events)
            if events is not None:
                plain = self._plain_events(events)
                if plain is None:
                    against_rules = against_rules or Collector(problems.file, json_file=True)
                    groups = _report_events(self, path, events, against_rules)
                else:
                    groups, spans = plain
        if inspector_id is not None:  # (an id given twice is said even when the name is unusable)
            first = self._ids.setdefault(inspector_id, path)
            if first is not path:
                problems.add(
                    join(path, "id"),
                    M.DUPLICATE_INSPECTOR,
                    value=describe(inspector_id),
                    first=join(first, "id"),
                )
        if inspector_id is None or name is None:
            return None
        damaged = len(problems.problems) > before
        if against_rules is not None:
            for problem in against_rules.problems:
                self._rules.report_problem(problem)
        period = self.info.period if self.info is not None else None
        if damaged and plan is not None:
            _without_evidence(plan, self._rules, path, table)
        if damaged or period is None or service is None or plan is None:
            return None
        duty = self._all_days if service is _ON_DUTY else frozenset(duty_dates(period, *service))
        person = _new(Person, (inspector_id, name, mine, path))
        return plan.measure(self._rules, self.moments, person, duty, counts, events, groups, spans)

    def _service(self, path: str, table: Mapping[str, Any]) -> tuple[Any, Any, tuple[Leave, ...]] | None:
        """``serving_from``, ``serving_until`` and ``leave``; ``None`` when one of them is unusable."""
        problems = self._structure
        before = len(problems.problems)
        serving = {}
        for key in ("serving_from", "serving_until"):
            if key in table:
                serving[key] = read_iso_date(problems, join(path, key), table[key])
                self.strings += type(table[key]) is str
        start, until = serving.get("serving_from"), serving.get("serving_until")
        check_order(problems, join(path, "serving_until"), "serving_from", start, until)
        leave = self._leave(join(path, "leave"), table["leave"]) if "leave" in table else ()
        return (start, until, leave) if len(problems.problems) == before else None

    def _leave(self, path: str, raw: object) -> tuple[Leave, ...]:
        problems = self._structure
        ranges: list[Leave] = []
        for n, entry in enumerate(read_list(problems, path, raw) or []):
            leave_path = join(path, n)
            table = read_table(problems, leave_path, entry)
            if table is None:
                continue
            _object_keys(
                problems,
                leave_path,
                table,
                allowed=("from", "to", "reason", "approved_by"),
                required=("from", "to"),
            )
            self.strings += _tokens(table)
            start = (
                read_iso_date(problems, join(leave_path, "from"), table["from"]) if "from" in table else None
            )
            end = read_iso_date(problems, join(leave_path, "to"), table["to"]) if "to" in table else None
            reason = _optional_str(problems, leave_path, table, "reason")
            approved_by = _optional_str(problems, leave_path, table, "approved_by")
            if start is None or end is None:
                continue
            if not check_order(problems, join(leave_path, "to"), "from", start, end):
                continue
            for other in ranges:
                if start <= other.end and other.start <= end:
                    problems.add(
                        leave_path,
                        M.LEAVE_OVERLAPS,
                        other=other.path.rsplit(".", 1)[-1],
                        start=other.start.isoformat(),
                        end=other.end.isoformat(),
                    )
                    break
            ranges.append(Leave(start, end, reason, approved_by, leave_path))
        return tuple(ranges)

    def _counts(self, path: str, raw: object) -> dict[str, int | Decimal]:
        if type(raw) is dict and _whole_counts(raw):
            self.strings += len(raw)
            return raw  # every value a plain whole count, as a counts object mostly is
        problems = self._structure
        counts_path = join(path, "counts")
        given = read_table(problems, counts_path, raw)
        if given is None:
            return {}
        _object_keys(problems, counts_path, given, allowed=tuple(given))
        self.strings += len(given)
        counts: dict[str, int | Decimal] = {}
        for metric, value in given.items():
            if type(value) is int and 0 <= value <= MAX_WHOLE:  # the common case: a whole count
                counts[metric] = value
                continue
            number = read_number(problems, join(counts_path, str(metric)), value)
            if number is not None:
                whole = int(number)
                counts[str(metric)] = whole if whole == number else number
        return counts

    # -- events -------------------------------------------------------------------

    def _plain_events(self, events: list[Any]) -> tuple[dict[str, list[Any]], Spans | None] | None:
        """The events by kind when every one is plainly valid (an object without repeated keys, of a
        known kind, at a moment inside the period, every field non-empty text, no record twice),
        with how long those with an ``until`` lasted, read on the way; ``None`` as soon as one
        is not, for :func:`_report_events` to say why.

        A province's month has a million events: each test is one pass over the inspector's
        events, in C where it can be (``map``, ``set``), else a comprehension.
        """
        if self.info is None or self._plan is None or self._exact:
            return None
        groups: dict[Any, list[Any]] = {kind: [] for kind in self._plan.kinds}
        if not events:
            return groups, None
        moments = self.moments
        try:
            for event in events:  # (an event that is no mapping takes no key: a TypeError)
                groups[event["kind"]].append(event)  # (a kind of no rule is no key)
            spanned = [event for event in events if "until" in event]  # read with their until, below
            span_ats = [event["at"] for event in spanned]
            ats = [event["at"] for event in events if "until" not in event]
            timed = list(filterfalse(moments.days.__contains__, ats))  # date-times, or worse
        except (KeyError, TypeError):  # no kind or at, or one that is no key
            return None
        if timed and moments.datetimes(timed) is None:
            return None
        refs = [event["ref"] for event in events if "ref" in event]
        size = sum(map(len, events))
        texts = refs
        if size != 2 * len(events) + len(refs) + len(spanned):
            # Some event has a field besides kind, at, ref and until (a note, a level): each
            # value of such an event must be text too.
            texts = refs + [
                value
                for event in events
                if len(event) > 2 + ("until" in event) + ("ref" in event)
                for value in event.values()
            ]
        if texts and not _plain_texts(texts):
            return None
        spans = _plain_spans(moments, spanned, span_ats) if spanned else None
        if spanned and spans is None:
            return None
        if len(set(refs)) != len(refs) and _same_record(moments, events):
            return None
        self.strings += 2 * size
        return groups, spans


def _tokens(table: Mapping[str, Any]) -> int:
    """The JSON strings of an object read whole: its keys, and its values that are text (a
    value of another type is no string token: counting it would hide a repeated key)."""
    return len(table) + sum(type(value) is str for value in table.values())


def _plain_texts(values: list[Any]) -> bool:
    """Whether values taken from events (refs, notes, other fields) are all text, none blank."""
    try:
        together = len("".join(values))  # (only text joins)
    except TypeError:
        return False
    return (
        all(values)
        and (together <= MAX_TEXT or max(map(len, values)) <= MAX_TEXT)
        and not any(map(str.isspace, values))
    )


_UNTIL = itemgetter("until")
_NO_TIME = timedelta(0)


def _whole_counts(counts: dict[str, Any]) -> bool:
    """Whether every count is a whole number within the bounds (not a boolean: ``type`` is ``int``)."""
    values = counts.values()
    return not values or (set(map(type, values)) == _INT and min(values) >= 0 and max(values) <= MAX_WHOLE)


_INT = {int}


def _unknown_metrics(problems: Collector, plan: Measures, path: str, counts: Mapping[str, object]) -> None:
    """Report the counts of metrics the rule file does not define."""
    known = plan.metric_ids
    for metric in counts:
        if metric not in known:
            problems.add(
                join(join(path, "counts"), metric),
                M.UNKNOWN_METRIC,
                value=describe(metric),
                hint=suggest(problems, metric, sorted(known)),
            )


def _plain_spans(
    moments: Moments, events: list[dict[str, Any]], ats: list[Any]
) -> dict[int, timedelta] | None:
    """How long each event with an ``until`` lasted, by the event's ``id``, when every ``at``
    (``ats``, theirs) is a date-time of the period and every ``until`` one of the same day or the
    next, not before it; else ``None``."""
    starts = moments.datetimes(ats)  # (a date alone is none: it has no time to end after)
    ends = moments.datetimes(list(map(_UNTIL, events)), later=True)
    if starts is None or ends is None:
        return None
    lasted = list(map(sub, ends, starts))
    if min(lasted) < _NO_TIME or max(lasted) > _DAY:
        return None
    return dict(zip(map(id, events), lasted, strict=True))


def _same_record(moments: Moments, events: list[dict[str, Any]]) -> bool:
    """Whether two events with a ref are the same record: the same kind, moment and ref
    (``08:00`` and ``08:00:00`` are one moment)."""
    keys = [(event["kind"], moments[event["at"]][:2], event["ref"]) for event in events if "ref" in event]
    return len(set(keys)) != len(keys)


def _report_events(check: Check, path: str, events: list[Any], problems: Collector) -> dict[str, list[Any]]:
    """Every problem of an inspector's events: what is wrong with each (the file's structure),
    then, into ``problems``, what the rule file says of those that can be read (their kind,
    their period, the same record twice). Returns the readable events of known kinds, by kind."""
    events_path = join(path, "events")
    readable: list[tuple[int, str, Any]] = []
    for n, raw in enumerate(events):
        event_path = join(events_path, n)
        read = _read_event(check, event_path, raw)
        if read is not None:
            readable.append((n, *read))
            check.strings += 2 * len(raw)
        elif type(raw) is dict:
            # (its strings counted too: else every file with a bad event was read and checked a
            # second time, as if a key had been given twice; 10^5 bad events took twice as long)
            check.strings += _tokens(raw)
    plan = check._plan
    if plan is None:  # no rule file: the structure alone
        return {}
    groups: dict[str, list[Any]] = {kind: [] for kind in plan.kinds}
    period = check.info.period if check.info is not None else None
    seen: dict[tuple[str, object, object, str], int] = {}
    for n, kind, moment in readable:
        event = events[n]
        event_path = join(events_path, n)
        ref = event.get("ref")
        if ref is not None:
            # The same record twice would be counted twice.
            first = seen.setdefault((kind, moment.day, moment.time, ref), n)
            if first != n:
                problems.add(event_path, M.SAME_RECORD, other=f"events[{first}]")
        group = groups.get(kind)
        if group is not None:
            group.append(event)
        else:
            known = list(plan.kinds)
            hint = suggest(problems, kind, known) or M.KNOWN_KINDS(kinds=Listing(sorted(known)) or M.NONE())
            problems.add(join(event_path, "kind"), M.UNKNOWN_KIND, value=describe(kind), hint=hint)
        if period is not None and not moment.inside:
            problems.add(
                join(event_path, "at"),
                M.OUTSIDE_PERIOD,
                day=moment.day.isoformat(),
                period=str(period),
                start=period.start.isoformat(),
                end=period.end.isoformat(),
            )
    return groups


def _read_event(check: Check, path: str, raw: object) -> tuple[str, Any] | None:
    """The kind and moment of the event at ``path``, with every problem of it recorded."""
    problems = check._structure
    table = read_table(problems, path, raw)
    if table is None:
        return None
    before = len(problems.problems)
    if isinstance(table, JsonObject):
        for key in table.duplicates:
            problems.add(join(path, key), M.KEY_DUPLICATE)
    for key in ("kind", "at"):
        if key not in table:
            problems.add(join(path, key), M.KEY_MISSING)
    kind = read_str(problems, join(path, "kind"), table["kind"]) if "kind" in table else None
    moment = None
    if "at" in table:
        value = table["at"]
        moment = check.moments.read(value)
        if moment is None and not full_width(problems, join(path, "at"), value):
            problems.add(join(path, "at"), M.NOT_MOMENT, value=shown(problems, value))
    _optional_str(problems, path, table, "ref")
    _optional_str(problems, path, table, "note")
    if "until" in table:
        _read_until(check, join(path, "until"), table["until"], moment, table.get("at"))
    for key, value in table.items():
        if key in _NOT_EXTRA:
            continue
        if not isinstance(value, str):
            problems.add(join(path, str(key)), M.EXTRA_FIELD_NOT_STRING, value=shown(problems, value))
        elif len(value) > MAX_TEXT:
            problems.add(join(path, str(key)), M.TEXT_TOO_LONG, most=MAX_TEXT, length=len(value))
    if len(problems.problems) > before or kind is None or moment is None:
        return None
    return kind, moment


def _read_until(check: Check, path: str, value: object, start: Any, at: object) -> None:
    """An event's ``until``: a local date-time after its ``at`` (itself a date-time), within a day."""
    problems = check._structure
    end = check.moments.read(value)
    if end is None or end.time is None:
        if not full_width(problems, path, value):
            problems.add(path, M.NOT_DATETIME, value=shown(problems, value))
        return
    if start is None:
        return
    if start.time is None:
        problems.add(path, M.UNTIL_NEEDS_TIME, value=shown(problems, at))
    elif end.value < start.value:
        problems.add(
            path, M.UNTIL_BEFORE_AT, other="at", at=start.value.isoformat(), value=shown(problems, value)
        )
    elif end.value - start.value > _DAY:  # (not start + a day: past 9999-12-31 is no date)
        problems.add(
            path, M.UNTIL_TOO_LATE, other="at", at=start.value.isoformat(), value=shown(problems, value)
        )


def _without_evidence(plan: Measures, problems: Collector, path: str, table: Mapping[str, Any]) -> None:
    """What nothing gives of an inspector whose records are unusable, said now too (every problem
    at once); not when its counts is no object (that was said, and what it holds is unknown)."""
    raw_counts = table.get("counts", _NO_COUNTS)
    if isinstance(raw_counts, Mapping):
        plan.without_evidence(problems, path, raw_counts.keys(), "events" in table)


_NO_COUNTS: Mapping[str, Any] = {}

# -- small helpers ------------------------------------------------------------------


def _object_keys(
    problems: Collector,
    path: str,
    table: Mapping[str, Any],
    *,
    allowed: tuple[str, ...],
    required: tuple[str, ...] = (),
) -> None:
    """Check keys, and report keys that the JSON text gave twice."""
    if isinstance(table, JsonObject):
        for key in table.duplicates:
            problems.add(join(path, key), M.KEY_DUPLICATE)
    check_keys(problems, path, table, allowed=allowed, required=required)


def _optional_str(problems: Collector, path: str, table: Mapping[str, Any], key: str) -> str | None:
    return read_str(problems, join(path, key), table[key]) if key in table else None


def _text(problems: Collector, path: str, table: Mapping[str, Any], key: str) -> str | None:
    """:func:`_optional_str`, without building the key path of a plain value."""
    value = table.get(key)
    if type(value) is str and value and len(value) <= MAX_TEXT and not value.isspace():
        return value
    return _optional_str(problems, path, table, key)


def _check_period(problems: Collector, rules: Ruleset, period: Period) -> None:
    """Report a period the rule file does not assess: another kind, or outside its dates."""
    if period.kind is not rules.period:
        problems.add(
            "assessment.period",
            M.PERIOD_WRONG_KIND,
            period=str(period),
            kind=M.PERIOD_KINDS[period.kind.value](),
            rules=rules.source,
            rules_kind=M.PERIOD_KINDS[rules.period.value](),
            dates=rules.effective_text,
        )
    elif not rules.covers(period):
        problems.add(
            "assessment.period",
            M.PERIOD_OUTSIDE,
            period=str(period),
            rules=rules.source,
            dates=rules.effective_text,
        )

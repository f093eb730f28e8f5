"""Evidence files (JSON): read them with exact decimals and check their structure.

The walk records every problem with its JSON path and keeps going. Checks that
need the rule file (event kinds, metric names, the period, missing evidence)
live in :mod:`inspector_scoring.metrics`; :func:`load_evidence` runs both when
it is given the rules, so a file's problems are reported together.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
from collections.abc import Iterator, Mapping
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from ._bulk import bulk
from ._fields import (
    JsonObject,
    NonFinite,
    check_keys,
    check_schema,
    describe,
    join,
    json_object,
    parse_moment,
    read_iso_date,
    read_list,
    read_moment,
    read_number,
    read_str,
    read_table,
    small_count,
)
from .errors import Collector, InvalidInputError, Problem
from .jsontext import canonical_sha256
from .model import (
    AssessmentInfo,
    Event,
    Evidence,
    Inspector,
    Leave,
    PanelMember,
    Ruleset,
)
from .periods import parse_period

__all__ = ["load_evidence"]

SCHEMA = 1
_OBJECT = "an object"
#: (internal)
INSPECTOR_KEYS = (
    "id",
    "name",
    "mine",
    "serving_from",
    "serving_until",
    "leave",
    "counts",
    "events",
)
_ASSESSMENT_KEYS = ("township", "period", "assessed_on", "issuer", "contact", "panel")
_EVENT_FIXED_KEYS = ("kind", "at", "ref", "note")
_EVENT_FIXED_SET = frozenset(_EVENT_FIXED_KEYS)
#: objects read from JSON without repeated keys, or given by a Python caller
_PLAIN_OBJECTS = (JsonObject, dict)


@attrs.frozen(slots=True)
class Draft:
    """What a walk of an evidence file could read (internal).

    ``evidence`` is ``None`` when the assessment header itself is unusable;
    ``inspectors`` holds the inspectors that could be read, and ``damaged`` the
    indexes of those with problems of their own (their metrics are not derived,
    so a bad count is not also reported as missing evidence).
    """

    source: str
    evidence: Evidence | None
    inspectors: tuple[Inspector, ...]
    damaged: frozenset[int]
    problems: tuple[Problem, ...]


def load_evidence(
    source: str | os.PathLike[str] | Mapping[str, Any], /, *, rules: Ruleset | None = None
) -> Evidence:
    """Load an evidence file from a path, or evidence given as a JSON-like mapping.

    With ``rules``, the evidence is also checked against that rule file (event
    kinds, metric names, the period, every metric a rule needs), and all
    problems are reported together. Raises :class:`InvalidInputError`.
    """
    draft = read_evidence(source)
    problems = list(draft.problems)
    if rules is not None:
        from .metrics import check_evidence, mark_checked  # noqa: PLC0415 - the two modules use each other

        problems.extend(check_evidence(rules, draft))
    if problems or draft.evidence is None:
        raise InvalidInputError(problems)
    if rules is not None:
        mark_checked(rules, draft.evidence)  # scoring it with these rules need not check again
    return draft.evidence


def read_evidence(source: str | os.PathLike[str] | Mapping[str, Any] | bytes) -> Draft:
    """Walk an evidence source and return what could be read, with its problems (internal)."""
    if isinstance(source, (str, os.PathLike)):
        name = os.fspath(source)
        try:
            # In a list the parser can empty, so the bytes are freed once decoded.
            data = [Path(name).read_bytes()]
        except OSError as error:
            return _failed(name, f"cannot read: {error.strerror}")
        with bulk():
            return _parse_owned(data, name)
    if isinstance(source, bytes):
        return parse_evidence_bytes(source, "<stdin>")
    return _walk(source, "<evidence>", None)


def parse_evidence_bytes(data: bytes, name: str) -> Draft:
    """Parse JSON bytes (UTF-8, an optional BOM) and walk them (internal)."""
    with bulk():
        return _parse_owned([data], name)


def _parse_owned(box: list[bytes], name: str) -> Draft:
    """Parse the bytes in ``box`` (taking them out of it) and walk them."""
    parsed = parse_owned(box, name)
    if isinstance(parsed, list):
        return Draft(name, None, (), frozenset(), tuple(parsed))
    raw, digest, _ = parsed
    return _walk(raw, name, digest)


def parse_owned(
    box: list[bytes], name: str, *, plain: bool = False
) -> tuple[object, str, int | None] | list[Problem]:
    """The JSON in the bytes in ``box`` (taken out of it), their sha256, and how many ``"`` it
    has when it was parsed plainly; or why the file ``name`` cannot be read (internal).

    Objects are :class:`JsonObject` that know their repeated keys. With ``plain``,
    text without a backslash is parsed into plain ``dict`` instead, which is much
    faster, but silently keeps the last of a repeated key: the caller then rules
    repeats out by the quotes. Without escapes every ``"`` delimits a string, so
    the text holds twice as many as it has names and string values, and a
    repeated name with its value is missing from the parsed objects.

    At province scale the bytes, the decoded text and the parsed tree are each
    tens of MiB: each is let go as soon as the next exists, so what follows
    runs with the tree alone.
    """
    data = box.pop()
    quotes = data.count(b'"') if plain and b"\\" not in data else None
    # The fingerprint is worked out beside the decoding and parsing: hashlib lets go of the
    # interpreter while it hashes, so with a second core it adds no time.
    digest: list[str] = []
    hashing = threading.Thread(target=_fingerprint, args=(data, digest), daemon=True)
    hashing.start()
    try:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            return [Problem(name, "", f"not UTF-8 text (byte {error.start})")]
        del data
        try:
            if quotes is None:
                raw = json.loads(
                    text, parse_float=Decimal, parse_constant=NonFinite, object_pairs_hook=json_object
                )
            else:
                raw = json.loads(text, parse_float=Decimal, parse_constant=NonFinite)
        except json.JSONDecodeError as error:
            where = f"at line {error.lineno}, column {error.colno}"
            return [Problem(name, "", f"invalid JSON: {error.msg} ({where})")]
        except ValueError as error:  # e.g. an integer too long to convert
            return [Problem(name, "", f"invalid JSON: {error}")]
        # A \ud800 escape alone is no character: such text could be read but never written.
        if quotes is None and _SURROGATE_ESCAPE.search(text):
            halves = [Problem(name, path, message) for path, message in _half_surrogates(raw, "")]
            if halves:
                return halves
        del text
    finally:
        hashing.join()
    return raw, digest[0], quotes


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _half_surrogates(value: object, path: str) -> Iterator[tuple[str, str]]:
    """Each string holding half of a UTF-16 surrogate pair: where, and what is wrong."""
    if isinstance(value, str):
        found = _SURROGATE.search(value)
        if found is not None:
            half = f"\\u{ord(found.group()):04x}"
            yield path, f"is not Unicode text: it holds {half}, half of a UTF-16 surrogate pair"
    elif isinstance(value, dict):
        for key, item in value.items():
            if _SURROGATE.search(key):  # (nor can the key name a path)
                yield path, "has a name that is not Unicode text (half of a UTF-16 surrogate pair)"
            else:
                yield from _half_surrogates(item, join(path, key))
    elif isinstance(value, list):
        for n, item in enumerate(value):
            yield from _half_surrogates(item, join(path, n))


def _fingerprint(data: bytes, into: list[str]) -> None:
    into.append(hashlib.sha256(data).hexdigest())


def _failed(name: str, message: str) -> Draft:  # the whole file: no key path
    return Draft(name, None, (), frozenset(), (Problem(name, "", message),))


def _walk(raw: object, name: str, digest: str | None) -> Draft:
    problems = Collector(name)
    header = read_header(problems, raw)
    if header is None:
        return Draft(name, None, (), frozenset(), tuple(problems.problems))
    info, raw_list, entries = header
    inspectors: list[Inspector] = []
    damaged: set[int] = set()
    # Parsed JSON is ours to consume: dropping each inspector's raw objects once read keeps
    # peak memory near the size of one copy, not two. A caller's mapping is never changed.
    consume = digest is not None and isinstance(raw_list, list)
    first_seen: dict[str, str] = {}
    for n, entry in enumerate(entries or []):
        if consume:
            assert entries is not None
            assert isinstance(raw_list, list)
            entries[n] = raw_list[n] = None
        path = join("inspectors", n)
        before = len(problems.problems)
        inspector = read_inspector(problems, path, entry)
        if inspector is not None:
            if inspector.id in first_seen:
                problems.add(
                    join(path, "id"),
                    f"duplicate inspector id {describe(inspector.id)} (first at {first_seen[inspector.id]})",
                )
            else:
                first_seen[inspector.id] = join(path, "id")
            inspectors.append(inspector)
            if len(problems.problems) > before:
                damaged.add(len(inspectors) - 1)

    evidence = None
    if info is not None and not problems.problems:
        if digest is None:
            digest = canonical_sha256(raw)
        evidence = Evidence(assessment=info, inspectors=tuple(inspectors), source=name, sha256=digest)
    elif info is not None:
        # Still hand the header and inspectors to the rule checks, so their
        # problems are reported in the same run; the result is never scored.
        evidence = Evidence(assessment=info, inspectors=tuple(inspectors), source=name)
    return Draft(name, evidence, tuple(inspectors), frozenset(damaged), tuple(problems.problems))


def read_header(
    problems: Collector, raw: object
) -> tuple[AssessmentInfo | None, object, list[Any] | None] | None:
    """The top of an evidence file: its assessment header, the ``inspectors`` value as given,
    and that value as a list when it is one (internal); ``None`` when the file is no object."""
    top = read_table(problems, "", raw, what=_OBJECT)
    if top is None:
        return None
    _object_keys(
        problems,
        "",
        top,
        allowed=("schema", "assessment", "inspectors"),
        required=("schema", "assessment", "inspectors"),
    )
    check_schema(problems, top, SCHEMA)
    info = _read_assessment(problems, top["assessment"]) if "assessment" in top else None
    raw_list = top.get("inspectors")
    entries = read_list(problems, "inspectors", raw_list) if "inspectors" in top else None
    if entries == []:
        problems.add("inspectors", "must list at least one inspector")
    return info, raw_list, entries


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
            problems.add(join(path, key), "duplicate key")
    check_keys(problems, path, table, allowed=allowed, required=required)


def _optional_str(problems: Collector, path: str, table: Mapping[str, Any], key: str) -> str | None:
    return read_str(problems, join(path, key), table[key]) if key in table else None


def _read_assessment(problems: Collector, raw: object) -> AssessmentInfo | None:
    table = read_table(problems, "assessment", raw, what=_OBJECT)
    if table is None:
        return None
    _object_keys(problems, "assessment", table, allowed=_ASSESSMENT_KEYS, required=("township", "period"))
    township = _optional_str(problems, "assessment", table, "township")
    period = None
    if "period" in table:
        period = parse_period(table["period"]) if isinstance(table["period"], str) else None
        if period is None:
            problems.add(
                "assessment.period",
                f"must be a period YYYY-MM, YYYY-Qn or YYYY, got {describe(table['period'])}",
            )
    assessed_on = (
        read_iso_date(problems, "assessment.assessed_on", table["assessed_on"])
        if "assessed_on" in table
        else None
    )
    panel: list[PanelMember] = []
    if "panel" in table:
        for n, member in enumerate(read_list(problems, "assessment.panel", table["panel"]) or []):
            path = join("assessment.panel", n)
            fields = read_table(problems, path, member, what=_OBJECT)
            if fields is None:
                continue
            _object_keys(problems, path, fields, allowed=("name", "role", "unit"), required=("name",))
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


def read_inspector(problems: Collector, path: str, raw: object) -> Inspector | None:
    """The inspector at ``path``, with every problem of it recorded (internal)."""
    table = read_table(problems, path, raw, what=_OBJECT)
    if table is None:
        return None
    _object_keys(problems, path, table, allowed=INSPECTOR_KEYS, required=("id", "name"))
    inspector_id = _optional_str(problems, path, table, "id")
    name = _optional_str(problems, path, table, "name")
    mine = _optional_str(problems, path, table, "mine")
    start, until, leave = read_service(problems, path, table)
    counts: list[tuple[str, Decimal]] = []
    if "counts" in table:
        counts_path = join(path, "counts")
        given = read_table(problems, counts_path, table["counts"], what=_OBJECT)
        if given is not None:
            _object_keys(problems, counts_path, given, allowed=tuple(given))
            for metric, value in given.items():
                number = small_count(value)
                if number is None:  # only then is the key path built, for a message
                    number = read_number(problems, join(counts_path, str(metric)), value)
                if number is not None:
                    counts.append((str(metric), number))
    events: tuple[Event, ...] | None = None
    if "events" in table:
        entries = read_list(problems, join(path, "events"), table["events"])
        if entries is not None:
            events_path = join(path, "events")
            read: list[Event] = []
            append = read.append
            for n, entry in enumerate(entries):
                event_path = f"{events_path}[{n}]"
                # The common case first: an object without repeated keys, plainly valid.
                event = _fast_event(entry, event_path) if type(entry) in _PLAIN_OBJECTS else None
                if event is None:
                    event = _read_event(problems, event_path, entry)
                if event is not None:
                    append(event)
            events = tuple(read)
    if inspector_id is None or name is None:
        return None
    return Inspector(
        id=inspector_id,
        name=name,
        mine=mine,
        serving_from=start,
        serving_until=until,
        leave=leave,
        counts=tuple(counts),
        events=events,
        path=path,
    )


def read_service(
    problems: Collector, path: str, table: Mapping[str, Any]
) -> tuple[date | None, date | None, tuple[Leave, ...]]:
    """An inspector's ``serving_from``, ``serving_until`` and ``leave``, with their problems (internal)."""
    serving = {
        key: read_iso_date(problems, join(path, key), table[key])
        for key in ("serving_from", "serving_until")
        if key in table
    }
    start, until = serving.get("serving_from"), serving.get("serving_until")
    if start is not None and until is not None and until < start:
        problems.add(
            join(path, "serving_until"),
            f"must not be before serving_from ({start.isoformat()}), got {until.isoformat()}",
        )
    leave = _read_leave(problems, join(path, "leave"), table["leave"]) if "leave" in table else ()
    return start, until, leave


def _read_leave(problems: Collector, path: str, raw: object) -> tuple[Leave, ...]:
    ranges: list[Leave] = []
    for n, entry in enumerate(read_list(problems, path, raw) or []):
        leave_path = join(path, n)
        table = read_table(problems, leave_path, entry, what=_OBJECT)
        if table is None:
            continue
        _object_keys(
            problems,
            leave_path,
            table,
            allowed=("from", "to", "reason", "approved_by"),
            required=("from", "to"),
        )
        start = read_iso_date(problems, join(leave_path, "from"), table["from"]) if "from" in table else None
        end = read_iso_date(problems, join(leave_path, "to"), table["to"]) if "to" in table else None
        reason = _optional_str(problems, leave_path, table, "reason")
        approved_by = _optional_str(problems, leave_path, table, "approved_by")
        if start is None or end is None:
            continue
        if end < start:
            problems.add(
                join(leave_path, "to"),
                f"must not be before from ({start.isoformat()}), got {end.isoformat()}",
            )
            continue
        for other in ranges:
            if start <= other.end and other.start <= end:
                problems.add(
                    leave_path,
                    f"overlaps {other.path.rsplit('.', 1)[-1]} "
                    f"({other.start.isoformat()} to {other.end.isoformat()})",
                )
                break
        ranges.append(Leave(start, end, reason, approved_by, leave_path))
    return tuple(ranges)


def _fast_event(raw: Mapping[str, Any], path: str) -> Event | None:
    """The event when it is plainly valid (the common case, a million times at province
    scale), else ``None`` so that the full checks say what is wrong."""
    kind, at, ref = raw.get("kind"), raw.get("at"), raw.get("ref")
    if type(kind) is not str or type(at) is not str or not kind.strip():
        return None
    if ref is None:
        if "ref" in raw:
            return None
    elif type(ref) is not str or not ref.strip():
        return None
    if len(raw) != (2 if ref is None else 3) and not plain_extras(raw):
        return None
    moment = parse_moment(at)
    if moment is None:
        return None
    extras: tuple[tuple[str, str], ...] = ()
    if not raw.keys() <= _EVENT_FIXED_SET:
        extras = tuple((key, value) for key, value in raw.items() if key not in _EVENT_FIXED_SET)
    return Event(kind, moment, ref, raw.get("note"), extras, path)


def plain_extras(raw: Mapping[str, Any]) -> bool:
    """Whether every value of a parsed event is a string and its note, if any, is not blank
    (internal: what an event with a valid kind, at and ref needs besides)."""
    for key, value in raw.items():
        if type(value) is not str or (key == "note" and not value.strip()):
            return False
    return True


def _read_event(problems: Collector, path: str, raw: object) -> Event | None:
    """The event at ``path``, with every problem of it recorded (the full checks)."""
    table = read_table(problems, path, raw, what=_OBJECT)
    if table is None:
        return None
    before = len(problems.problems)
    if isinstance(table, JsonObject):
        for key in table.duplicates:
            problems.add(join(path, key), "duplicate key")
    for key in ("kind", "at"):
        if key not in table:
            problems.add(join(path, key), "missing required key")
    kind = read_str(problems, join(path, "kind"), table["kind"]) if "kind" in table else None
    at = read_moment(problems, join(path, "at"), table["at"]) if "at" in table else None
    ref = _optional_str(problems, path, table, "ref")
    note = _optional_str(problems, path, table, "note")
    fields: list[tuple[str, str]] = []
    for key, value in table.items():
        if key in _EVENT_FIXED_KEYS:
            continue
        if isinstance(value, str):
            fields.append((str(key), value))
        else:
            problems.add(
                join(path, str(key)),
                f"extra event fields must be strings, got {describe(value)}",
            )
    if len(problems.problems) > before or kind is None or at is None:
        return None
    return Event(kind=kind, at=at, ref=ref, note=note, fields=tuple(fields), path=path)

"""``score FILE --format json`` straight from the parsed JSON, without records (internal).

The record path (:func:`~inspector_scoring.load_evidence`, then
:func:`~inspector_scoring.score_evidence`, then
:func:`~inspector_scoring.result_to_json`) turns every event into a checked,
frozen :class:`~inspector_scoring.model.Event` (about 2 µs of Python each, a
million times at province scale), then scores every inspector a second time
to build rule records for the view. This path reads the parsed JSON in place
instead: the rule file's compiled ``read_one`` checks and counts one
inspector's events in a single pass and applies the rules as ``trace`` does,
and the JSON is pieced together from those numbers
(:class:`~inspector_scoring.jsonview.Texts`).

It only ever agrees or declines. At the first thing that is not plainly valid
in the common shapes (any problem the loader or the rule checks would report,
and some things they would accept, such as a key given twice or a count also
given by events) it returns ``None`` and the command takes the record path,
which says what is wrong or scores what is unusual. What it writes is, byte
for byte, what the record path writes: ``tests/test_direct.py`` compares the
two on generated rule files and evidence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

from ._bulk import bulk
from ._fields import MAX_WHOLE, JsonObject, parse_moment, read_number, small_count
from .compiler import ITEM_WIDTH, RULE_RAW, RULE_WIDTH, Compiled, compile_rules
from .decimals import exact_arithmetic
from .errors import Collector, InvalidInputError
from .evidence import INSPECTOR_KEYS, parse_owned, read_header, read_service
from .jsonview import Texts, framed, result_frame
from .metrics import check_period, duty_dates, plan_for
from .model import Inspector, Ruleset
from .periods import Period
from .score import ENGINE, veto_hit

__all__ = ["direct_json"]

_INSPECTOR_KEYS = frozenset(INSPECTOR_KEYS)
_NO_COUNTS: dict[str, Decimal] = {}
_INT_ONLY = {int}
_NO_EVIDENCE: tuple[tuple[str, ...], tuple[date, ...]] = ((), ())
_NOTHING_BEHIND: dict[int, tuple[tuple[str, ...], tuple[date, ...]]] = {}
#: inspectors written per piece of output (each piece under the exact decimal context)
_CHUNK = 256
#: distinct result texts kept for reuse (a few hundred make up a province's month)
_TAILS = 4096

#: one inspector as read: id, name, mine, duty days, the trace numbers, and the refs and
#: days behind the value of each rule that hit (by the rule's position in the chain; a rule
#: with neither is left out)
_Row = tuple[str, str, str | None, int, tuple[Any, ...], dict[int, tuple[tuple[str, ...], tuple[date, ...]]]]


def direct_json(path: str, rules_for: Callable[[Period], Ruleset | None]) -> Iterator[bytes] | None:
    """The JSON result of scoring the evidence file at ``path``, in pieces of UTF-8; or ``None``
    to take the record path.

    ``rules_for`` gives the rule file for the evidence's period (it may raise
    :class:`~inspector_scoring.InvalidInputError`, which declines too).
    """
    try:
        box = [Path(path).read_bytes()]
    except OSError:
        return None
    with bulk():
        parsed = parse_owned(box, path, plain=True)
        if isinstance(parsed, list):  # problems: the record path reports them
            return None
        raw, digest, quotes = parsed
        problems = Collector(path)
        header = read_header(problems, raw)
        if header is None or problems.problems:
            return None
        info, raw_list, entries = header
        if info is None or not entries or not isinstance(raw_list, list):
            return None
        assert isinstance(raw, dict)  # read_header found the top object
        # Names and string values outside the inspectors (their own are counted as they are read).
        outside = len(raw) + _strings_and_names(raw["schema"]) + _strings_and_names(raw["assessment"])
        try:
            rules = rules_for(info.period)
        except InvalidInputError:
            return None
        if rules is None:
            return None
        check_period(problems, rules, info.period)
        if problems.problems:
            return None
        compiled = compile_rules(rules)
        with exact_arithmetic():
            read = _read(compiled, info.period, entries, raw_list, dict if quotes is not None else JsonObject)
    if read is None:
        return None
    rows, inside = read
    if quotes is not None and quotes != 2 * (outside + inside):
        return None  # some object repeats a key: the record path says where
    empty, opening, separator, closing = (part.encode() for part in result_frame(ENGINE, rules, digest, info))
    return framed((empty, opening, separator, closing), _texts(compiled, info.period, rows))


def _read(
    compiled: Compiled, period: Period, entries: list[Any], raw_list: list[Any], obj: type[dict[str, Any]]
) -> tuple[list[_Row], int] | None:
    """Every inspector's numbers, and how many names and string values their objects hold;
    or ``None`` at the first that is not plainly valid.

    ``obj`` is the type of a parsed object without repeated keys. Each inspector's
    parsed JSON is dropped once read (``entries`` and ``raw_list`` are the
    command's own), so the rows replace the tree rather than add to it.
    """
    metric_ids = plan_for(compiled.rules).metric_ids
    period_days = period.days
    every_day = frozenset(period.dates())

    parse = parse_moment.__wrapped__  # each text is parsed once per run: read_one keeps what this gives
    # The period's days by their text: a date-time is inside the period when its date is one.
    days = {day.isoformat(): day for day in period.dates()}

    def moment_of(text: str) -> tuple[Any, ...] | None:
        """(order, day, time of day or None, the moment) of a moment inside the period, else None."""
        moment = parse(text)
        day = days.get(text[:10])
        if moment is None or day is None:
            return None
        if type(moment) is datetime:
            clock = moment.time()
            return (day, clock), day, clock, moment
        return (day, time.min), day, None, moment

    read_one = compiled.read_one
    layout = compiled.layout
    used = {metric.id: n for n, metric in enumerate(compiled.used)}
    # Per rule of the chain: where its raw amount sits in the numbers, and its metric's
    # position among the used (that of what read_one says the value was counted from).
    raws = [
        (layout.rules + RULE_WIDTH * k + RULE_RAW, used[rule.metric])
        for k, (rule, _) in enumerate(compiled.chain)
    ]
    moments: dict[str, tuple[Any, ...] | None] = {}
    seen: set[str] = set()
    rows: list[_Row] = []
    strings_and_names = 0
    for n, raw in enumerate(entries):
        person = _person(raw, metric_ids, obj)
        if person is None:
            return None
        ident, name, mine, counts, whole, events, service, own = person
        if ident in seen:
            return None
        seen.add(ident)
        duty_days, duty = period_days, every_day
        if service is not None:
            dates = duty_dates(period, service)
            duty_days, duty = len(dates), frozenset(dates)
        got = read_one(events, counts, whole, duty, duty_days, period_days, moments, moment_of, obj)
        if got is None:
            return None
        # Every name and string value of the inspector's JSON, each once: ``own`` counts its
        # fields, counts and leave; read_one lets through only events whose values are all
        # strings, so an event holds as many of them as names.
        strings_and_names += own
        if events:
            strings_and_names += 2 * sum(map(len, events))
        numbers, collected = got
        behind = _NOTHING_BEHIND  # counts and defaults have no refs or days
        if events is not None:
            for k, (at, metric) in enumerate(raws):
                if numbers[at] != 0 and collected[metric]:
                    if behind is _NOTHING_BEHIND:
                        behind = {}
                    behind[k] = _evidence(collected[metric])
        rows.append((ident, name, mine, duty_days, numbers, behind))
        entries[n] = raw_list[n] = None
    return rows, strings_and_names


#: id, name, mine, counts, whether the counts are all whole, events, service dates (when
#: given), and how many names and string values the inspector's objects but its events hold
_Person = tuple[
    str, str, str | None, Mapping[str, Decimal | int], bool, list[Any] | None, Inspector | None, int
]


def _person(raw: object, metric_ids: frozenset[str], obj: type[dict[str, Any]]) -> _Person | None:
    """An inspector's own fields, counts (and whether all are whole ``int``), events list and
    service dates when plainly valid, else ``None``."""
    if type(raw) is not obj or not raw.keys() <= _INSPECTOR_KEYS:
        return None
    ident, name, mine = raw.get("id"), raw.get("name"), raw.get("mine")
    if type(ident) is not str or type(name) is not str or not ident.strip() or not name.strip():
        return None
    if mine is None:
        if "mine" in raw:
            return None
    elif type(mine) is not str or not mine.strip():
        return None
    # Its names, and its strings: id, name, a mine (the service dates are counted below).
    own = len(raw) + (2 if mine is None else 3)
    counts: Mapping[str, Decimal | int] = _NO_COUNTS
    whole = True
    if "counts" in raw:
        given, whole = _counts(raw["counts"], metric_ids, obj)
        if given is None:
            return None
        counts = given
        own += len(given)  # names of numbers
    events = raw.get("events")
    if events is None:
        if "events" in raw:
            return None
    elif type(events) is not list:
        return None
    service = None
    if "serving_from" in raw or "serving_until" in raw or "leave" in raw:
        # Read as the loader reads them: dates, their order, leave ranges.
        problems = Collector("")
        start, until, leave = read_service(problems, "", raw)
        if problems.problems:
            return None
        service = Inspector(ident, name, serving_from=start, serving_until=until, leave=leave)
        own += ("serving_from" in raw) + ("serving_until" in raw) + _strings_and_names(raw.get("leave"))
    return ident, name, mine, counts, whole, events, service, own


def _counts(
    given: object, metric_ids: frozenset[str], obj: type[dict[str, Any]]
) -> tuple[Mapping[str, Decimal | int] | None, bool]:
    """The counts when plainly valid (else ``None``), and whether all are whole ``int``."""
    if type(given) is not obj or not given.keys() <= metric_ids:
        return None, False
    values = given.values()
    if not values or (set(map(type, values)) == _INT_ONLY and min(values) >= 0 and max(values) <= MAX_WHOLE):
        # Plain whole counts, the usual case: scored as ints, as events are (exact, and equal
        # numbers are written alike).
        return given, True
    counts: dict[str, Decimal | int] = {}
    for metric, value in given.items():
        number = small_count(value)
        if number is None:
            number = read_number(Collector(""), "", value)
            if number is None:
                return None, False
        counts[metric] = number
    return counts, False


def _strings_and_names(value: object) -> int:
    """How many names and string values a parsed JSON value holds, all the way down."""
    if isinstance(value, str):
        return 1
    if isinstance(value, dict):
        return len(value) + sum(map(_strings_and_names, value.values()))
    if isinstance(value, list):
        return sum(map(_strings_and_names, value))
    return 0


def _evidence(collected: list[Any] | set[date]) -> tuple[tuple[str, ...], tuple[date, ...]]:
    """The refs (in time order) or the days behind a value counted from events."""
    if isinstance(collected, list):  # (order, ref or "") of each event counted
        return tuple(ref for _, ref in sorted(collected) if ref), ()
    return (), tuple(sorted(collected))  # the duty days without a record


def _texts(compiled: Compiled, period: Period, rows: list[_Row]) -> Iterator[list[bytes]]:
    """Each inspector's object, as the record path writes it (UTF-8), a chunk of inspectors at a time.

    An inspector whose hits have no refs or days shows nothing but the numbers of
    its trace from the items on, its total, grade, vetoes and duty days: the text
    of equal numbers is written once (encoded once, too: at province scale
    encoding the text is a tenth of the run).
    """
    rules, layout, chain = compiled.rules, compiled.layout, compiled.chain
    texts = Texts(rules)
    metrics = {metric.id: metric for metric in rules.metrics}
    period_days = period.days
    cap: Decimal | int = rules.bonus.cap if rules.bonus is not None else 0
    # Each item: its position, record, its rules' positions in the chain, where its numbers start.
    items = [
        (n, item, compiled.item_rules[n], layout.items + ITEM_WIDTH * n) for n, item in enumerate(rules.items)
    ]
    # An item none of whose rules amounted to anything: its points in full, the same every time.
    clean = [texts.item(n, 0, item.points, False, []) for n, item in enumerate(rules.items)]

    def hits(row: _Row, rules_of: range, level: int) -> list[str]:
        _, _, _, duty_days, numbers, behind = row
        found = []
        for k in rules_of:
            base = layout.rules + RULE_WIDTH * k
            threshold, value, uncapped, raw, applied = numbers[base : base + RULE_WIDTH]
            if raw == 0:
                continue
            rule, is_bonus = chain[k]
            refs, days = behind.get(k, _NO_EVIDENCE)
            found.append(
                texts.hit_of(
                    rule,
                    metrics[rule.metric],
                    level,
                    bonus=is_bonus,
                    value=value,
                    threshold=threshold,
                    uncapped=uncapped,
                    raw=raw,
                    applied=applied,
                    duty_days=duty_days,
                    period_days=period_days,
                    refs=refs,
                    days=days,
                )
            )
        return found

    def tail_text(row: _Row) -> str:
        """The inspector's object from its total on."""
        numbers = row[4]
        scored = []
        for n, item, rules_of, at in items:
            if numbers[at + 2]:  # the raw sum: some rule of the item amounted to something
                score = numbers[at]
                found = hits(row, rules_of, 6)
                scored.append(texts.item(n, item.points - score, score, bool(numbers[at + 1]), found))
            else:
                scored.append(clean[n])
        bonus_raw = numbers[layout.bonus]
        return texts.tail(
            total=numbers[0],
            grade=numbers[1],
            vetoes=tuple(veto_hit(rules.vetoes[k], value) for k, value in numbers[3]) if numbers[3] else (),
            duty_days=row[3],
            items=scored,
            bonus=(cap, bonus_raw, numbers[layout.bonus + 1]),
            bonus_hits=hits(row, compiled.bonus_rules, 5) if bonus_raw else [],
        )

    tails: dict[tuple[Any, ...], bytes] = {}

    def inspector(row: _Row) -> bytes:
        ident, name, mine, duty_days, numbers, behind = row
        person = texts.person(ident, name, mine).encode()
        if behind:  # refs or days: this text is the inspector's own
            return person + tail_text(row).encode()
        key = (duty_days, numbers[0], numbers[1], numbers[3], numbers[layout.items :])
        tail = tails.get(key)
        if tail is None:
            tail = tail_text(row).encode()
            if len(tails) < _TAILS:
                tails[key] = tail
        return person + tail

    for start in range(0, len(rows), _CHUNK):
        with exact_arithmetic():
            batch = [inspector(row) for row in rows[start : start + _CHUNK]]
        yield batch  # (outside the context: the reader's arithmetic is its own)

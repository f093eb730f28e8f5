"""A rule file compiled into plain Python functions (internal).

Interpreting the rule records for every inspector (look up the metric, ask the
comparison, build a record per rule) costs far more than the arithmetic itself,
and a province-scale run scores 10⁴–10⁵ inspector-months. So each rule file is
turned, once, into the source text of two functions that do what
``benchmarks/baseline.py`` does by hand for the default scheme:

- ``score_all`` loops over a file's inspectors; for each it counts the events
  in one pass, reads counts and defaults, applies the rules in file order with
  their amounts, thresholds and caps written in as constants, and builds the
  :class:`~inspector_scoring.results.InspectorResult` (totals, grades, vetoes,
  item scores);
- ``trace`` scores one inspector the same way and returns every amount of its
  trace as one flat tuple (:class:`Layout`), from which
  :mod:`inspector_scoring.trace` builds the rule records when a view asks.

The functions trust their evidence: they run only on evidence already checked
against the rules (:mod:`inspector_scoring.metrics`), which is why they count
without asking whether a kind is known or a night event has a time.

Whole amounts are written as ``int`` constants and events are counted as
``int``, so a scheme with whole amounts scored from events never touches
:class:`~decimal.Decimal` until the total is rounded; counts from the file are
``Decimal``, and an inspector with counts is scored by a copy of the code with
the file's ``Decimal`` amounts. Mixed arithmetic is exact under
:func:`~inspector_scoring.decimals.exact_arithmetic`, and every string of the
rule file enters the source through ``repr``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import attrs

from .decimals import prorate, round_half_up, rounder, whole_or_decimal
from .evidence import plain_extras
from .metrics import used_metrics
from .model import Comparison, Inspector, Metric, Rule, Ruleset

__all__ = ["Compiled", "Layout", "compile_rules"]

#: (inspector, duty days as a frozenset, number of duty days, days in the period) -> the numbers
ScoreFunction = Callable[[Inspector, frozenset[date], int, int], tuple[Any, ...]]


@attrs.frozen(slots=True)
class Layout:
    """Where each number sits in the tuple ``trace`` returns.

    ``(total, grade, grade_by_total, fired vetoes as (index, value), *metric values, *per item
    (score, exhausted, raw sum), bonus raw, bonus applied, *per rule (threshold, the metric's
    value if the rule fired else 0, uncapped, raw, applied))``; every amount is an ``int`` or a
    ``Decimal``. From the items on, the tuple holds everything a result shows but the refs and
    days behind a value: equal tails are equal results.
    """

    #: metric id -> index of its value
    values: dict[str, int]
    #: index of the first item's score; each item takes ``ITEM_WIDTH`` slots
    items: int
    #: index of the bonus raw sum (the applied amount follows)
    bonus: int
    #: index of the first rule's threshold, items' rules then bonus rules, ``RULE_WIDTH`` slots each
    rules: int


ITEM_WIDTH = 3
#: the largest whole total for which rounded totals are worked out in advance
_WHOLE_TOTALS = 10_000
RULE_WIDTH = 5
#: keys of a parsed event that ``Event.field`` does not give
_NOT_FIELDS = frozenset({"kind", "at"})
#: where a rule's raw amount sits among its slots
RULE_RAW = 3


@attrs.frozen(slots=True, eq=False)
class Compiled:
    """A rule file ready to score: its generated functions and where the numbers of a trace go.

    Each function is compiled the first time it is asked for, as a run uses
    either the record path (``score_all``, ``trace``) or the direct one
    (``read_one``), and compiling costs milliseconds of a clerk's start-up.
    """

    rules: Ruleset
    layout: Layout
    #: every rule in the order of the trace (items' rules, then bonus rules), each with
    #: whether it is a bonus rule
    chain: tuple[tuple[Rule, bool], ...]
    #: each item's rules, as positions in ``chain``; then the bonus rules'
    item_rules: tuple[range, ...]
    bonus_rules: range
    #: the metrics the rules use, in file order
    used: tuple[Metric, ...]
    #: whether some metric counts days without a record (the function needs the duty dates)
    needs_dates: bool
    #: each function's generated source, by name
    sources: dict[str, str]
    #: the constants the sources name, and each function once compiled
    _namespace: dict[str, Any] = attrs.field(alias="namespace")

    @property
    def source(self) -> str:
        """The generated source of every function, for reading and for tests."""
        return "\n\n".join(self.sources.values())

    def _function(self, name: str) -> Any:
        function = self._namespace.get(name)
        if function is None:
            # Two threads may both compile it: the same text gives the same function.
            code = compile(
                self.sources[name], f"<rules {self.rules.id} {self.rules.version}: {name}>", "exec"
            )
            exec(code, self._namespace)
            function = self._namespace[name]
        return function

    @property
    def score_all(self) -> Callable[..., list[Any]]:
        """Scores every inspector of a file: ``(inspectors, period days, every day as a frozenset,
        duty_of, make, vetoes_of, tracer)`` -> a list of ``make(inspector, total, grade,
        grade_by_total, vetoes, duty_days, period_days, (*item scores, bonus), tracer)``."""
        function: Callable[..., list[Any]] = self._function("score_all")
        return function

    @property
    def trace(self) -> ScoreFunction:
        """The same scoring, returning every amount of the trace (see :class:`Layout`)."""
        function: ScoreFunction = self._function("trace")
        return function

    @property
    def read_one(self) -> Callable[..., tuple[tuple[Any, ...], tuple[Any, ...]] | None]:
        """One inspector from parsed JSON: ``(events, counts, whether the counts are whole, duty,
        duty days, period days, moments, moment_of, the type of a parsed object)`` -> ``(trace
        numbers, what each used metric was counted from)``, or ``None`` (see
        :mod:`inspector_scoring.direct`)."""
        function: Callable[..., tuple[tuple[Any, ...], tuple[Any, ...]] | None] = self._function("read_one")
        return function


@functools.lru_cache(maxsize=32)
def compile_rules(rules: Ruleset, /) -> Compiled:
    """Compile ``rules`` (cached: equal rule files share their compiled functions)."""
    writer = _Writer(rules)
    sources = writer.sources()
    item_rules, first = [], 0
    for item in rules.items:
        item_rules.append(range(first, first + len(item.rules)))
        first += len(item.rules)
    return Compiled(
        rules=rules,
        layout=writer.layout,
        chain=tuple((rule, n >= first) for n, rule in enumerate(writer.chain)),
        item_rules=tuple(item_rules),
        bonus_rules=range(first, len(writer.chain)),
        used=writer.used,
        needs_dates=any(metric.days_without is not None for metric in writer.used),
        sources=sources,
        namespace=dict(writer.constants),
    )


class _Writer:
    """Writes the source of one rule file's ``score`` function.

    The scoring part is written twice: with whole amounts as ``int`` literals
    for inspectors without counts (their values are event counts, ``int``), and
    with the file's ``Decimal`` amounts for inspectors with counts (their values
    are ``Decimal``). Either is exact; each avoids converting between the two
    on every comparison.
    """

    def __init__(self, rules: Ruleset) -> None:
        self.rules = rules
        self.constants: dict[str, object] = {
            "_datetime": datetime,
            "_round": rounder(rules.precision),
            "_prorate": prorate,
            "_GRADES": tuple(grade.name for grade in rules.grades),
            "_NO_COUNTS": {},
            "_extras_ok": plain_extras,
        }
        whole = whole_or_decimal(rules.total)
        if type(whole) is int and whole <= _WHOLE_TOTALS:
            # Totals that come out whole, rounded once here rather than once per inspector
            # (a whole Decimal finds its int: equal numbers hash alike).
            self.constants["_WHOLE"] = {n: rounder(rules.precision)(n) for n in range(whole + 1)}
        if rules.night is not None:
            self.constants["_NIGHT_START"] = rules.night.start
            self.constants["_NIGHT_END"] = rules.night.end
        self.used = used_metrics(rules)
        self.variable = {metric.id: f"v{n}" for n, metric in enumerate(self.used)}
        self.chain = [rule for item in rules.items for rule in item.rules]
        self.chain += list(rules.bonus.rules) if rules.bonus is not None else []
        self.rule_index = {id(rule): n for n, rule in enumerate(self.chain)}
        first_item = 4 + len(self.used)
        bonus = first_item + ITEM_WIDTH * len(rules.items)
        self.layout = Layout(
            values={metric.id: 4 + n for n, metric in enumerate(self.used)},
            items=first_item,
            bonus=bonus,
            rules=bonus + 2,
        )
        self.lines: list[str] = []
        self.decimal = False
        #: writing ``trace`` (every amount kept) rather than ``score`` (the totals)
        self.every_amount = False
        #: writing ``read_one``, which also returns what each value was counted from
        self.reading = False

    def constant(self, value: Decimal) -> str:
        """An amount of the rule file as the body being written uses it."""
        if not self.decimal:
            number = whole_or_decimal(value)
            if type(number) is int:
                return repr(number)
        return self.name(value)

    def name(self, value: object) -> str:
        """A name for ``value`` in the function's globals (one per distinct value)."""
        for name, known in self.constants.items():
            # The same type and the same digits (Decimal("2.0") is not written as Decimal("2")).
            if name.startswith("_c") and type(known) is type(value) and repr(known) == repr(value):
                return name
        name = f"_c{len(self.constants)}"
        self.constants[name] = value
        return name

    def emit(self, depth: int, line: str) -> None:
        self.lines.append("    " * depth + line)

    def sources(self) -> dict[str, str]:
        """The source of each function, by name."""
        sources = {}
        for name, write in (
            ("score_all", self.score_all),
            ("trace", self.trace),
            ("read_one", self.read_one),
        ):
            self.lines = []
            write()
            sources[name] = "\n".join(self.lines) + "\n"
        return sources

    def score_all(self) -> None:
        """``score_all``: the loop over a file's inspectors, with the scoring written into it."""
        self.every_amount = False
        self.emit(0, "def score_all(inspectors, period_days, every_day, duty_of, make, vetoes_of, tracer):")
        self.emit(1, "results = []")
        self.emit(1, "append = results.append")
        self.emit(1, "for inspector in inspectors:")
        self.emit(
            2,
            "if inspector.serving_from is None and inspector.serving_until is None and not inspector.leave:",
        )
        self.emit(3, "duty_days, duty = period_days, every_day  # the common case: on duty all period")
        self.emit(2, "else:")
        self.emit(3, "duty_days, duty = duty_of(inspector)")
        self.inspector(2)
        self.emit(1, "return results")

    def trace(self) -> None:
        """``trace``: one inspector again, returning every amount."""
        self.every_amount = True
        self.emit(0, "def trace(inspector, duty, duty_days, period_days):")
        self.inspector(1)

    def inspector(self, depth: int) -> None:
        """Score one inspector: by its counts (``Decimal`` amounts) or without (``int`` ones)."""
        self.emit(depth, "full = duty_days == period_days")
        self.emit(depth, "events = inspector.events")
        self.emit(depth, "if inspector.counts:")
        self.emit(depth + 1, "counts = inspector.count_map")
        self.decimal = True
        self.body(depth + 1, counts=True)
        self.emit(depth, "else:")
        self.emit(depth + 1, "counts = _NO_COUNTS")
        self.decimal = False
        self.body(depth + 1, counts=False)

    def body(self, depth: int, *, counts: bool) -> None:
        self.values(depth, counts=counts)
        self.apply_rules(depth)

    def apply_rules(self, depth: int) -> None:
        """Thresholds, items, bonus, total, grade and vetoes, from the metric values ``v0``, ``v1``…"""
        if self.every_amount:
            self.emit(depth, "# thresholds: prorated ones scale with duty days (SPEC §4.2)")
            for rule in self.chain:
                self.threshold(depth, rule)
        for n, item in enumerate(self.rules.items):
            self.emit(depth, f"# item {item.id!r}: deducted until its points are exhausted (扣完为止)")
            self.emit(depth, f"left = {self.constant(item.points)}")
            for rule in item.rules:
                self.apply(depth, rule)
            self.emit(depth, f"s{n} = left")
            if self.every_amount:
                raws = " + ".join(f"r{self.rule_index[id(rule)]}" for rule in item.rules) or "0"
                self.emit(depth, f"x{n} = {raws}")
        bonus = self.rules.bonus
        if bonus is not None:
            self.emit(depth, "# bonus: added up to its cap")
            self.emit(depth, f"left = {self.constant(bonus.cap)}")
            for rule in bonus.rules:
                self.apply(depth, rule)
            if self.every_amount:
                raws = " + ".join(f"r{self.rule_index[id(rule)]}" for rule in bonus.rules) or "0"
                self.emit(depth, f"bonus_raw = {raws}")
            self.emit(depth, f"bonus = {self.constant(bonus.cap)} - left")
        else:
            self.emit(depth, "bonus_raw = bonus = 0")
        self.total(depth)
        self.vetoes(depth)
        if not self.every_amount:
            scores = ", ".join([f"s{n}" for n in range(len(self.rules.items))] + ["bonus"])
            self.emit(
                depth,
                "append(make(inspector, total, _GRADES[rank], _GRADES[by_total], "
                "vetoes_of(fired) if fired else (), duty_days, period_days, "
                f"({scores},), tracer))",
            )
            return
        returned = ["total", "_GRADES[rank]", "_GRADES[by_total]", "fired"]
        returned += [self.variable[metric.id] for metric in self.used]
        returned += [
            f"s{n}, x{n} > 0 and x{n} >= {self.constant(item.points)}, x{n}"
            for n, item in enumerate(self.rules.items)
        ]
        returned += ["bonus_raw", "bonus"]
        returned += [f"t{n}, w{n}, u{n}, r{n}, a{n}" for n in range(len(self.chain))]
        if self.reading:
            # and what each value was counted from: the events behind it, or None
            self.emit(depth, f"return ({', '.join(returned)},), collected")
        else:
            self.emit(depth, f"return ({', '.join(returned)},)")

    def read_one(self) -> None:
        """``read_one``: an inspector's events straight from parsed JSON, checked as they are
        counted, then the rules as ``trace`` applies them.

        It returns ``None`` at the first thing that is not plainly valid, so that
        the record path, which says what is wrong, takes over; it checks what the
        loader and :mod:`inspector_scoring.metrics` check, or more.
        """
        self.every_amount = self.reading = True
        self.emit(
            0, "def read_one(events, counts, whole, duty, duty_days, period_days, moments, moment_of, obj):"
        )
        self.emit(1, "full = duty_days == period_days")
        self.emit(1, "if events is not None:")
        derived = [(n, metric) for n, metric in enumerate(self.used) if metric.kind is not None]
        for n, metric in derived:
            self.emit(2, f"l{n} = []" if metric.days_without is None else f"l{n} = set()")
        self.emit(2, "refs = []  # of the events with one: the same record twice?")
        self.emit(2, "remember = refs.append")
        self.emit(2, "for event in events:")
        kinds: dict[str, list[tuple[int, Metric]]] = {}
        for n, metric in derived:
            assert metric.kind is not None
            kinds.setdefault(metric.kind, []).append((n, metric))
        others = sorted({metric.kind for metric in self.rules.metrics if metric.kind} - set(kinds))
        self.event_checks(others=bool(others))
        branches = [f"kind == {kind!r}" for kind in kinds]
        if others:
            self.constants["_OTHER_KINDS"] = frozenset(others)
            branches.append("kind in _OTHER_KINDS")
        for index, (condition, metrics) in enumerate(zip(branches, [*kinds.values(), []], strict=False)):
            self.emit(3, f"{'if' if index == 0 else 'elif'} {condition}:")
            matchable = [(n, metric) for n, metric in metrics if self.can_match(metric)]
            for n, metric in matchable:
                self.collect(4, n, metric)
            if not matchable:
                self.emit(4, "pass  # a kind only unused metrics count, or none can match")
        if branches:
            self.emit(3, "else:")
            self.emit(4, "return None  # a kind no metric counts")
        else:
            self.emit(3, "return None  # no metric counts events")
        self.same_record_twice()
        # Whole counts (or none) are scored with the int amounts, as events are; others with Decimals.
        for whole in (True, False):
            self.emit(1, "if whole:" if whole else "else:")
            self.decimal = not whole
            self.emit(2, "if events is None:")
            self.given_values(3)
            self.emit(3, "collected = _NOTHING_COLLECTED")
            self.emit(2, "else:")
            for n, metric in enumerate(self.used):
                self.read_value(3, n, metric)
            self.emit(3, f"collected = ({''.join(f'c{n}, ' for n in range(len(self.used)))})")
            self.apply_rules(2)
        self.constants["_NOTHING_COLLECTED"] = (None,) * len(self.used)

    def given_values(self, depth: int) -> None:
        """Every value from counts or the default, for an inspector without events."""
        self.emit(depth, "try:")
        for n, metric in enumerate(self.used):
            key = repr(metric.id)
            if metric.default is None:
                self.emit(depth + 1, f"v{n} = counts[{key}]")
            else:
                self.emit(depth + 1, f"v{n} = counts.get({key}, {self.constant(metric.default)})")
        if not self.used:
            self.emit(depth + 1, "pass")
        self.emit(depth, "except KeyError:")
        self.emit(depth + 1, "return None  # missing evidence")

    def event_checks(self, *, others: bool) -> None:
        """What the loader checks of one event, in ``read_one``'s loop: types, its moment (parsed
        once per text, and inside the period), a ref, a note and extra fields that are text.

        Every value of an event let through is a string: ``direct.py`` counts an event's
        names and strings as twice its length when it rules out repeated keys.
        """
        self.emit(3, "if type(event) is not obj:  # an object (of the parse's type: no repeated keys)")
        self.emit(4, "return None")
        self.emit(3, "kind = event.get('kind')")
        self.emit(3, "at = event.get('at')")
        self.emit(3, "ref = event.get('ref')")
        # A kind that is no text matches no kind below (unless hashed, in _OTHER_KINDS).
        self.emit(3, "if type(at) is not str" + (" or type(kind) is not str:" if others else ":"))
        self.emit(4, "return None")
        self.emit(3, "# (order, day, time of day or None, the date or date-time), for moments in the period")
        self.emit(3, "moment = moments.get(at)")
        self.emit(3, "if moment is None:")
        self.emit(4, "moment = moment_of(at)")
        self.emit(4, "if moment is None:")
        self.emit(5, "return None")
        self.emit(4, "moments[at] = moment")
        self.emit(3, "if ref is None:")
        # ("ref": null makes a third key whose value is no text: _extras_ok refuses it.)
        self.emit(4, "if len(event) != 2 and not _extras_ok(event):")
        self.emit(5, "return None")
        self.emit(4, "ref = ''  # (as the records sort: no ref before any)")
        self.emit(3, "else:")
        self.emit(
            4, "if type(ref) is not str or not ref.strip() or (len(event) != 3 and not _extras_ok(event)):"
        )
        self.emit(5, "return None")
        self.emit(4, "remember(ref)")

    def same_record_twice(self) -> None:
        """After the loop: no two events with a ref are the same record (kind, moment and ref)."""
        self.emit(2, "if len(set(refs)) != len(refs):")
        self.emit(3, "# A ref given twice: the same record only if of the same kind and at the same moment.")
        keys = "(event['kind'], moments[event['at']][3], event['ref'])"
        self.emit(3, f"keys = [{keys} for event in events if 'ref' in event]")
        self.emit(3, "if len(set(keys)) != len(keys):")
        self.emit(4, "return None")

    @staticmethod
    def can_match(metric: Metric) -> bool:
        """Whether an event can pass the metric's ``where``: ``Event.field`` never gives kind or at."""
        return not any(field in _NOT_FIELDS and wanted is not None for field, wanted in metric.where)

    def collect(self, depth: int, n: int, metric: Metric) -> None:
        """Keep an event the metric counts: its order and ref, or its day (as ``count_one`` counts)."""
        # Event.field(name) for a parsed event: its string under that key (kind and at are no
        # fields: can_match ruled out a where that asks for them).
        conditions = [
            f"event.get({field!r}) == {wanted!r}"
            for field, wanted in metric.where
            if field not in _NOT_FIELDS
        ]
        if conditions:
            self.emit(depth, f"if {' and '.join(conditions)}:")
            depth += 1
        if metric.days_without is not None:
            self.emit(depth, f"l{n}.add(moment[1])")
            return
        if metric.during == "night":
            night = self.rules.night
            assert night is not None  # validated: during needs [night]
            self.emit(depth, "moment_of_day = moment[2]")
            self.emit(depth, "if moment_of_day is None:")
            self.emit(depth + 1, "return None  # a night metric needs a time of day")
            if night.start < night.end:
                window = "_NIGHT_START <= moment_of_day < _NIGHT_END"
            else:
                window = "moment_of_day >= _NIGHT_START or moment_of_day < _NIGHT_END"
            self.emit(depth, f"if {window}:")
            depth += 1
        self.emit(depth, f"l{n}.append((moment[0], ref))")

    def read_value(self, depth: int, n: int, metric: Metric) -> None:
        """``v{n}`` from counts, the events kept or the default, and ``c{n}`` what it was counted
        from, for an inspector with events."""
        key = repr(metric.id)
        if metric.kind is not None:
            self.emit(depth, f"if {key} in counts:")
            self.emit(depth + 1, f"if l{n}:")
            self.emit(depth + 2, "return None  # given as a count and by events")
            self.emit(depth + 1, f"v{n} = counts[{key}]")
            self.emit(depth + 1, f"c{n} = None")
            self.emit(depth, "else:")
            if metric.days_without is None:
                self.emit(depth + 1, f"v{n} = len(l{n})")
                self.emit(depth + 1, f"c{n} = l{n}")
            else:
                self.emit(depth + 1, f"c{n} = duty.difference(l{n})  # duty days without a record")
                self.emit(depth + 1, f"v{n} = len(c{n})")
            return
        self.emit(depth, f"c{n} = None")
        self.emit(depth, f"if {key} in counts:")
        self.emit(depth + 1, f"v{n} = counts[{key}]")
        self.emit(depth, "else:")
        depth += 1
        if metric.default is None:
            self.emit(depth, "return None  # missing evidence")
        else:
            self.emit(depth, f"v{n} = {self.constant(metric.default)}")

    def values(self, depth: int, *, counts: bool) -> None:
        """Each used metric's value: the count if given, else derived from events, else the default."""
        derived = [metric for metric in self.used if metric.kind is not None]
        self.emit(depth, "if events is not None:")
        self.emit(depth + 1, "pass")
        if derived:
            self.count_events(depth + 1, derived)
        for metric in self.used:
            if metric.kind is None:
                self.fallback(depth + 1, metric)
            elif counts:
                name = self.variable[metric.id]
                self.emit(depth + 1, f"{name} = counts[{metric.id!r}] if {metric.id!r} in counts else {name}")
        self.emit(depth, "else:")
        self.emit(depth + 1, "pass")
        for metric in self.used:
            self.fallback(depth + 1, metric)

    def fallback(self, depth: int, metric: Metric) -> None:
        """A value from counts, else the default (the checks made sure one of them is there)."""
        name = self.variable[metric.id]
        if metric.default is None:
            self.emit(depth, f"{name} = counts[{metric.id!r}]")
        else:
            self.emit(depth, f"{name} = counts.get({metric.id!r}, {self.constant(metric.default)})")

    def count_events(self, depth: int, derived: list[Metric]) -> None:
        """One pass over the events, an ``elif`` per kind, counting every derived metric."""
        for metric in derived:
            name = self.variable[metric.id]
            self.emit(depth, f"{name} = 0" if metric.days_without is None else f"{name} = set()")
        kinds: dict[str, list[Metric]] = {}
        for metric in derived:
            assert metric.kind is not None
            kinds.setdefault(metric.kind, []).append(metric)
        self.emit(depth, "for event in events:")
        self.emit(depth + 1, "kind = event.kind")
        for n, (kind, metrics) in enumerate(kinds.items()):
            self.emit(depth + 1, f"{'if' if n == 0 else 'elif'} kind == {kind!r}:")
            if any(metric.during == "night" or metric.days_without for metric in metrics):
                self.emit(depth + 2, "at = event.at")
            if any(metric.during == "night" for metric in metrics):
                self.emit(depth + 2, "moment = at.time() if isinstance(at, _datetime) else None")
            for metric in metrics:
                self.count_one(depth + 2, metric)
        for metric in derived:
            if metric.days_without is not None:
                name = self.variable[metric.id]
                # Duty days on which no such record fell.
                self.emit(depth, f"{name} = len(duty.difference({name}))")

    def count_one(self, depth: int, metric: Metric) -> None:
        name = self.variable[metric.id]
        conditions = [f"event.field({field!r}) == {wanted!r}" for field, wanted in metric.where]
        if metric.during == "night":
            night = self.rules.night
            assert night is not None  # validated: during needs [night]
            # A date-only event is no night event (the checks refuse one for a night metric).
            if night.start < night.end:
                conditions.append("moment is not None and _NIGHT_START <= moment < _NIGHT_END")
            else:
                conditions.append("moment is not None and (moment >= _NIGHT_START or moment < _NIGHT_END)")
        if metric.days_without is not None:
            statement = f"{name}.add(at.date() if isinstance(at, _datetime) else at)"
        else:
            statement = f"{name} += 1"
        if conditions:
            self.emit(depth, f"if {' and '.join(conditions)}:")
            self.emit(depth + 1, statement)
        else:
            self.emit(depth, statement)

    def threshold(self, depth: int, rule: Rule) -> None:
        n = self.rule_index[id(rule)]
        base = self.constant(rule.threshold)
        if not rule.prorate:
            self.emit(depth, f"t{n} = {base}")
            return
        # T × duty / period rounded half up (SPEC §4.2), in integers for a whole T. On a full
        # month that is T itself when T is whole, as quotas are; a T with decimals is rounded too.
        whole = whole_or_decimal(rule.threshold)
        exact = repr(whole) if type(whole) is int else self.name(rule.threshold)
        month = base if type(whole) is int else self.constant(round_half_up(rule.threshold, 0))
        self.emit(depth, f"t{n} = {month} if full else _prorate({exact}, duty_days, period_days)")

    def apply(self, depth: int, rule: Rule) -> None:
        """One rule: its amount if it fires, capped, then no more than what is left."""
        n = self.rule_index[id(rule)]
        value = self.variable[rule.metric]
        below = rule.comparison is Comparison.BELOW
        # ``score`` writes fixed thresholds in; ``trace`` keeps each one it applied.
        keep = self.every_amount or rule.prorate
        threshold = f"t{n}" if keep else self.constant(rule.threshold)
        if rule.prorate and not self.every_amount:
            self.threshold(depth, rule)
        fires = f"{value} < {threshold}" if below else f"{value} > {threshold}"
        if rule.prorate:
            fires = f"(full or duty_days > 0) and {fires}"  # no duty days: nothing is required
        self.emit(depth, f"if {fires}:")
        if rule.fixed is not None:
            amount = self.constant(rule.fixed)
        else:
            assert rule.per is not None
            # The rule fired, so the value is on the rule's side of the threshold.
            if not below and rule.threshold == 0 and not self.every_amount:
                gap = value  # the usual "per occurrence" rule: above 0
            else:
                gap = f"({threshold} - {value})" if below else f"({value} - {threshold})"
            amount = gap if rule.per == 1 else f"{self.constant(rule.per)} * {gap}"
        if not self.every_amount:
            self.emit(depth + 1, f"amount = {amount}")
            if rule.cap is not None:
                cap = self.constant(rule.cap)
                self.emit(depth + 1, f"if amount > {cap}:")
                self.emit(depth + 2, f"amount = {cap}")
            self.emit(depth + 1, "left = left - amount if amount < left else 0")
            return
        self.emit(depth + 1, f"w{n} = {value}")
        self.emit(depth + 1, f"u{n} = {amount}")
        if rule.cap is not None:
            cap = self.constant(rule.cap)
            self.emit(depth + 1, f"r{n} = u{n} if u{n} <= {cap} else {cap}")
        else:
            self.emit(depth + 1, f"r{n} = u{n}")
        self.emit(depth + 1, f"a{n} = r{n} if r{n} <= left else left")
        self.emit(depth + 1, f"left -= a{n}")
        self.emit(depth, "else:")
        self.emit(depth + 1, f"w{n} = u{n} = r{n} = a{n} = 0")

    def total(self, depth: int) -> None:
        rules = self.rules
        points = " + ".join([f"s{n}" for n in range(len(rules.items))] + ["bonus"])
        self.emit(depth, f"points = {points}")
        cap = self.constant(rules.total)
        self.emit(depth, f"if points > {cap}:")
        self.emit(depth + 1, f"points = {cap}")
        if "_WHOLE" in self.constants:
            self.emit(depth, "total = _WHOLE.get(points)")
            self.emit(depth, "if total is None:")
            self.emit(depth + 1, "total = _round(points)")
        else:
            self.emit(depth, "total = _round(points)")
        # The first band whose minimum the total reaches; the last band starts at 0.
        self.emit(depth, f"by_total = {len(rules.grades) - 1}")
        for n, grade in enumerate(rules.grades[:-1]):
            self.emit(depth, f"{'if' if n == 0 else 'elif'} total >= {self.name(grade.min)}:")
            self.emit(depth + 1, f"by_total = {n}")

    def vetoes(self, depth: int) -> None:
        self.emit(depth, "rank = by_total")
        self.emit(depth, "fired = ()")
        ranks = {grade.name: n for n, grade in enumerate(self.rules.grades)}
        for n, veto in enumerate(self.rules.vetoes):
            value = self.variable[veto.metric]
            sign = "<" if veto.comparison is Comparison.BELOW else ">"
            self.emit(depth, f"if {value} {sign} {self.constant(veto.threshold)}:")
            self.emit(depth + 1, f"fired += (({n}, {value}),)")
            self.emit(depth + 1, f"if rank < {ranks[veto.grade]}:")
            self.emit(depth + 2, f"rank = {ranks[veto.grade]}")

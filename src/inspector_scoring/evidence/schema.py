"""A JSON Schema (draft 2020-12) of the evidence file that one rule file accepts (docs/evidence.md).

Other systems can validate an evidence file with it before they send it to us.
The schema mirrors :func:`~inspector_scoring.load_evidence` with the rules as
closely as JSON Schema allows: the same keys, required keys and value shapes,
the period kind and effective dates of the rule file, the metric ids and event
kinds it knows, evidence every rule needs, and evidence given twice. Checks no
JSON Schema can make (duplicate keys, unique inspector ids, dates that relate
to each other or to the period) are left to the loader, and listed in the
schema's own description.
"""

from __future__ import annotations

from datetime import date, time
from typing import Any

from .._readers import MAX_DECIMALS, MAX_NUMBER
from ..numbers import format_number
from ..periods import Period, PeriodKind
from ..rules.model import Metric, Night, Ruleset
from .check import SCHEMA

__all__ = ["evidence_schema"]

DIALECT = "https://json-schema.org/draft/2020-12/schema"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
MOMENT_PATTERN = r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?)?$"
#: a local date-time (an event's ``until``)
DATETIME_PATTERN = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?$"
PERIOD_PATTERNS = {
    PeriodKind.MONTH: r"^\d{4}-(0[1-9]|1[0-2])$",
    PeriodKind.QUARTER: r"^\d{4}-Q[1-4]$",
    PeriodKind.YEAR: r"^\d{4}$",
}
_PERIOD_SHAPES = {PeriodKind.MONTH: "YYYY-MM", PeriodKind.QUARTER: "YYYY-Qn", PeriodKind.YEAR: "YYYY"}
# Event keys that Event.field never reads from the extra fields, so a ``where``
# naming one of them matches no event.
_UNMATCHABLE_FIELDS = frozenset({"kind", "at"})
_LIMITS = (
    "Not expressible here, checked when the file is loaded: duplicate JSON keys; unique "
    "inspector ids; real calendar dates and times (2021-02-30, 25:00); serving_until not "
    "before serving_from; leave that ends before it starts or overlaps other leave; events "
    "dated inside the assessment period; the same record (kind, at and ref) listed twice for "
    f"one inspector; counts with more than {MAX_DECIMALS} decimals."
)


def evidence_schema(rules: Ruleset, /) -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) of an evidence file for ``rules``.

    A file the loader accepts with these rules is valid against it; most files
    the loader rejects are invalid too (the top-level ``description`` lists the
    checks a schema cannot make). The result is a fresh dict, built in a fixed
    key order, so the same rules always give the same schema; it has no ``$id``.
    """
    return {
        "$schema": DIALECT,
        "title": f"Evidence file for {rules.title} ({rules.id}, version {rules.version})",
        "description": (
            "An evidence file for the rule file "
            f"{rules.id} version {rules.version}: one assessment period of kind "
            f"{rules.period.value}, and the evidence about each resident inspector. {_LIMITS}"
        ),
        "type": "object",
        "required": ["schema", "assessment", "inspectors"],
        "properties": {
            "schema": {
                "title": "Format version",
                "description": f"The evidence file format version; must be {SCHEMA}.",
                "const": SCHEMA,
            },
            "assessment": _assessment(rules),
            "inspectors": {
                "title": "Inspectors",
                "description": "The inspectors assessed, at least one, each with a unique id.",
                "type": "array",
                "minItems": 1,
                "items": _inspector(rules),
            },
        },
        "additionalProperties": False,
    }


# -- pieces -------------------------------------------------------------------


def _text(title: str, description: str) -> dict[str, Any]:
    """A string the loader requires to be non-empty and not only white space."""
    return {
        "title": title,
        "description": description,
        "type": "string",
        "minLength": 1,
        "pattern": r"\S",
    }


def _date(title: str, description: str) -> dict[str, Any]:
    return {
        "title": title,
        "description": f"{description} A date, YYYY-MM-DD.",
        "type": "string",
        "format": "date",
        "pattern": DATE_PATTERN,
    }


def _assessment(rules: Ruleset) -> dict[str, Any]:
    return {
        "title": "Assessment",
        "description": "Who assesses which period; the optional keys feed the public notice.",
        "type": "object",
        "required": ["township", "period"],
        "properties": {
            "township": _text("Township", "The township (乡镇) that assesses its inspectors."),
            "period": _period(rules),
            "assessed_on": _date("Assessed on", "The day of the assessment."),
            "issuer": _text("Issuer", "Who issues the public notice."),
            "contact": _text("Contact", "Where to raise objections during the notice period."),
            "panel": {
                "title": "Panel",
                "description": "The members of the assessment panel (考核小组).",
                "type": "array",
                "items": {
                    "title": "Panel member",
                    "type": "object",
                    "required": ["name"],
                    "properties": {
                        "name": _text("Name", "The member's name."),
                        "role": _text("Role", "The member's role on the panel, e.g. 组长."),
                        "unit": _text("Unit", "The member's work unit."),
                    },
                    "additionalProperties": False,
                },
            },
        },
        "additionalProperties": False,
    }


def _period(rules: Ruleset) -> dict[str, Any]:
    kind = rules.period
    schema: dict[str, Any] = {
        "title": "Period",
        "description": "",
        "type": "string",
        "pattern": PERIOD_PATTERNS[kind],
    }
    first = _first_period(kind, rules.effective_from)
    last = _last_period(kind, rules.effective_until) if rules.effective_until is not None else None
    # (in English, as every description: the schema is the same whatever the language)
    bounds = f"the rule file's effective dates ({rules.effective_text.render('en')})"
    if first is None or (rules.effective_until is not None and (last is None or str(last) < str(first))):
        schema["description"] = (
            f"The assessment period, {_PERIOD_SHAPES[kind]}. No {kind.value} lies wholly within "
            f"{bounds}, so no evidence file fits this rule file."
        )
        schema["not"] = {}
        return schema
    span = f"from {first} to {last}" if last is not None else f"{first} or later"
    schema["description"] = (
        f"The assessment period, {_PERIOD_SHAPES[kind]}: this rule file assesses by {kind.value}, "
        f"and the period must lie wholly within {bounds}, i.e. {span}."
    )
    # Periods of one kind have a fixed width, so text order is time order.
    schema["allOf"] = [{"pattern": _at_least(str(first))}]
    if last is not None:
        schema["allOf"].append({"pattern": _at_most(str(last))})
    return schema


def _inspector(rules: Ruleset) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "title": "Inspector",
        "description": "One resident inspector and the evidence about them for the period.",
        "type": "object",
        "required": ["id", "name"],
        "properties": {
            "id": _text("Id", "The inspector's id, unique in the file."),
            "name": _text("Name", "The inspector's name."),
            "mine": _text("Mine", "The mine the inspector is resident at."),
            "serving_from": _date(
                "Serving from", "The first day served, when the inspector started during the period."
            ),
            "serving_until": _date(
                "Serving until",
                "The last day served, when the inspector left during the period; not before serving_from.",
            ),
            "leave": {
                "title": "Leave",
                "description": (
                    "Approved leave, inclusive date ranges that must not overlap; they may "
                    "reach outside the period. Unapproved absence is evidence, not leave."
                ),
                "type": "array",
                "items": {
                    "title": "Leave",
                    "type": "object",
                    "required": ["from", "to"],
                    "properties": {
                        "from": _date("From", "The first day of leave."),
                        "to": _date("To", "The last day of leave, not before from."),
                        "reason": _text("Reason", "Why, e.g. 病假."),
                        "approved_by": _text("Approved by", "Who approved the leave."),
                    },
                    "additionalProperties": False,
                },
            },
            "counts": _counts(rules),
            "events": _events(rules),
        },
        "additionalProperties": False,
    }
    constraints = _inspector_constraints(rules)
    if constraints:
        schema["allOf"] = constraints
    return schema


def _counts(rules: Ruleset) -> dict[str, Any]:
    used = {metric.id for metric in rules.used_metrics()}
    return {
        "title": "Counts",
        "description": (
            "Metric values given directly, by metric id. A count replaces the value "
            "derived from events; giving both for a metric a rule uses is an error."
        ),
        "type": "object",
        "properties": {
            metric.id: {
                "title": f"Metric {metric.id}",
                "description": _metric_description(rules, metric, used=metric.id in used),
                "type": "number",
                "minimum": 0,
                "maximum": int(MAX_NUMBER),
            }
            for metric in rules.metrics
        },
        "additionalProperties": False,
    }


def _metric_description(rules: Ruleset, metric: Metric, *, used: bool) -> str:
    parts = [
        f"{metric.title} ({metric.id}), in {metric.unit}: a non-negative number, "
        f"at most {format_number(MAX_NUMBER)}, with at most {MAX_DECIMALS} decimals."
    ]
    if metric.count is not None:
        how = f'Otherwise counted from events of kind "{metric.count}"'
        if metric.during == "night" and rules.night is not None:
            start, end = rules.night.start.isoformat(), rules.night.end.isoformat()
            how += f" at night ({start} to {end}; those events need a time of day)"
        if metric.where:
            how += " with " + ", ".join(f'{field} = "{value}"' for field, value in metric.where)
        parts.append(how + ", when the inspector has an events list.")
    elif metric.days_without is not None:
        parts.append(
            f'Otherwise the duty days without an event of kind "{metric.days_without}", '
            "when the inspector has an events list."
        )
    if metric.default is not None:
        parts.append(f"Without either, {format_number(metric.default)}.")
    if not used:
        parts.append("No rule of this rule file uses it.")
    elif metric.default is None:
        needs = "this count or an events list" if metric.kind is not None else "this count"
        parts.append(f"A rule uses it and it has no default, so each inspector needs {needs}.")
    return " ".join(parts)


def _events(rules: Ruleset) -> dict[str, Any]:
    kinds = sorted({metric.kind for metric in rules.metrics if metric.kind})
    schema: dict[str, Any] = {
        "title": "Events",
        "description": (
            "Evidence records (an underground entry, a work-log day, a meeting…), each dated "
            "inside the period. With an events list, metrics with a derivation are derived "
            "from it unless counts gives them."
        ),
        "type": "array",
    }
    if not kinds:
        schema["description"] += " No metric of this rule file derives from events, so it must be empty."
        schema["maxItems"] = 0
        return schema
    item: dict[str, Any] = {
        "title": "Event",
        "type": "object",
        "required": ["kind", "at"],
        "properties": {
            "kind": {
                "title": "Kind",
                "description": "The kind of event; one that a metric of this rule file derives from.",
                "type": "string",
                "enum": kinds,
            },
            "at": {
                "title": "At",
                "description": (
                    "When: a date YYYY-MM-DD, or a local date-time YYYY-MM-DDTHH:MM[:SS[.ffffff]] "
                    "without UTC offset. Its date decides the day it counts for."
                ),
                "type": "string",
                "pattern": MOMENT_PATTERN,
            },
            "until": {
                "title": "Until",
                "description": (
                    "The end, e.g. the exit (升井) of an underground entry: a local date-time "
                    "YYYY-MM-DDTHH:MM[:SS[.ffffff]], not before at and at most 24 hours after it "
                    "(at then needs a time of day). A metric with min_minutes counts an event only "
                    "when it has until and lasted that many minutes; the rest are listed as uncounted."
                ),
                "type": "string",
                "pattern": DATETIME_PATTERN,
            },
            "ref": _text("Reference", "A pointer to the source record, shown in the breakdown."),
            "note": _text("Note", "A remark."),
        },
        "additionalProperties": {
            "description": "The source system's own fields (usable by a metric's where); strings only.",
            "type": "string",
        },
    }
    night = [_needs_time(metric) for metric in rules.used_metrics() if metric.during == "night"]
    constraints = [constraint for constraint in night if constraint is not None]
    if constraints:
        item["allOf"] = constraints
    schema["items"] = item
    return schema


def _matching(metric: Metric) -> dict[str, Any] | None:
    """A schema matching the events ``metric`` derives from, or ``None`` when none can match."""
    if metric.kind is None or any(field in _UNMATCHABLE_FIELDS for field, _ in metric.where):
        return None
    properties: dict[str, Any] = {"kind": {"const": metric.kind}}
    for field, value in metric.where:
        properties[field] = {"const": value}
    return {"required": ["kind", *(field for field, _ in metric.where)], "properties": properties}


def _needs_time(metric: Metric) -> dict[str, Any] | None:
    matching = _matching(metric)
    if matching is None:
        return None
    return {
        "description": (
            f"Metric {metric.id} counts night events, so its events need a time of day, not just a date."
        ),
        "if": matching,
        "then": {"properties": {"at": {"pattern": "T"}}},
    }


def _inspector_constraints(rules: Ruleset) -> list[dict[str, Any]]:
    """Evidence every rule needs, and evidence not given twice (docs/evidence.md, metric values)."""
    used = rules.used_metrics()
    constraints: list[dict[str, Any]] = []
    counted = [metric.id for metric in used if metric.default is None and metric.kind is None]
    derivable = [metric.id for metric in used if metric.default is None and metric.kind is not None]
    if counted:
        constraints.append(
            {
                "description": (
                    "Metrics a rule uses that have no derivation and no default must be given in counts."
                ),
                "required": ["counts"],
                "properties": {"counts": {"required": counted}},
            }
        )
    if derivable:
        constraints.append(
            {
                "description": (
                    "Metrics a rule uses that have a derivation but no default must be given in "
                    "counts, or the inspector needs an events list (possibly empty) to derive them from."
                ),
                "anyOf": [
                    {"required": ["events"]},
                    {"required": ["counts"], "properties": {"counts": {"required": derivable}}},
                ],
            }
        )
    for metric in used:
        matching = _matching(metric)
        if matching is None:
            continue
        which = "events it would be derived from"
        if metric.during == "night" and rules.night is not None:
            # A count next to day-time events is fine; date-only ones cannot be ruled out.
            which = f"date-only events, or events at night ({_window_text(rules.night)}), it would count"
            matching["properties"]["at"] = {"anyOf": [{"not": {"pattern": "T"}}, _night_window(rules.night)]}
        constraints.append(
            {
                "description": f"A count for {metric.id} excludes {which} (the same evidence given twice).",
                "if": {"required": ["counts"], "properties": {"counts": {"required": [metric.id]}}},
                "then": {"properties": {"events": {"not": {"contains": matching}}}},
            }
        )
    return constraints


# -- times of day -------------------------------------------------------------

# A time of day in ``at`` has 4 digits (HH:MM), 6 (HH:MM:SS) or 7 to 12 (with a
# fraction); missing digits count as zeros. The separator written before a digit:
_SEPARATORS = {2: ":", 4: ":", 6: r"\."}
_TIME_WIDTHS = (4, 6, 7, 8, 9, 10, 11, 12)


def _window_text(night: Night) -> str:
    return f"{night.start.isoformat()} to {night.end.isoformat()}"


def _night_window(night: Night) -> dict[str, Any]:
    """A schema for ``at`` values whose time of day is in the night window (which may wrap midnight)."""
    after = {"pattern": _time_from(night.start)}
    # Nothing is before midnight.
    before: dict[str, Any] | bool = {"pattern": _time_before(night.end)} if night.end != time(0) else False
    return {"allOf": [after, before]} if night.start < night.end else {"anyOf": [after, before]}


def _time_digits(moment: time) -> str:
    return f"{moment.hour:02d}{moment.minute:02d}{moment.second:02d}{moment.microsecond:06d}"


def _time_text(digits: str) -> str:
    """Leading digits of a time of day as a pattern, with their separators."""
    return "".join(_SEPARATORS.get(n, "") + digit for n, digit in enumerate(digits))


def _time_from(moment: time) -> str:
    """A pattern for ``at`` values with a time of day at or after ``moment``."""
    digits = _time_digits(moment)
    options = [_time_text(digits[:width]) + "$" for width in _TIME_WIDTHS if not digits[width:].strip("0")]
    for n, digit in enumerate(digits):
        if digit != "9":
            options.append(_time_text(digits[:n]) + _SEPARATORS.get(n, "") + _above(digit))
    return f"T(?:{'|'.join(options)})"


def _time_before(moment: time) -> str:
    """A pattern for ``at`` values with a time of day before ``moment`` (not midnight)."""
    digits = _time_digits(moment)
    options = [_time_text(digits[:width]) + "$" for width in _TIME_WIDTHS if digits[width:].strip("0")]
    for n, digit in enumerate(digits):
        if digit != "0":
            options.append(_time_text(digits[:n]) + _SEPARATORS.get(n, "") + _below(digit))
    return f"T(?:{'|'.join(options)})"


def _above(digit: str) -> str:
    """A pattern for one digit greater than ``digit`` (not 9)."""
    low = int(digit) + 1
    return "9" if low == 9 else f"[{low}-9]"


def _below(digit: str) -> str:
    """A pattern for one digit smaller than ``digit`` (not 0)."""
    high = int(digit) - 1
    return "0" if high == 0 else f"[0-{high}]"


# -- periods ------------------------------------------------------------------


def _containing(kind: PeriodKind, day: date) -> Period:
    if kind is PeriodKind.MONTH:
        return Period(kind, day.year, day.month)
    if kind is PeriodKind.QUARTER:
        return Period(kind, day.year, (day.month - 1) // 3 + 1)
    return Period(kind, day.year, 1)


def _step(period: Period, steps: int) -> Period | None:
    """The period ``steps`` (1 or -1) after ``period``, or ``None`` outside years 1 to 9999."""
    per_year = {PeriodKind.MONTH: 12, PeriodKind.QUARTER: 4, PeriodKind.YEAR: 1}[period.kind]
    position = period.year * per_year + period.index - 1 + steps
    year, index = divmod(position, per_year)
    if not 1 <= year <= 9999:
        return None
    return Period(period.kind, year, index + 1)


def _first_period(kind: PeriodKind, start: date) -> Period | None:
    """The first period of ``kind`` that starts on or after ``start``."""
    period = _containing(kind, start)
    return period if period.start == start else _step(period, 1)


def _last_period(kind: PeriodKind, end: date) -> Period | None:
    """The last period of ``kind`` that ends on or before ``end``."""
    period = _containing(kind, end)
    return period if period.end == end else _step(period, -1)


def _at_least(text: str) -> str:
    """A pattern for period texts of the same shape as ``text`` that sort at or after it."""
    options = [text]
    for n, char in reversed(list(enumerate(text))):
        if char.isdigit() and char != "9":
            options.append(text[:n] + _above(char))
    return f"^(?:{'|'.join(options)})"


def _at_most(text: str) -> str:
    """A pattern for period texts of the same shape as ``text`` that sort at or before it."""
    options = [text]
    for n, char in reversed(list(enumerate(text))):
        if char.isdigit() and char != "0":
            options.append(text[:n] + _below(char))
    return f"^(?:{'|'.join(options)})"

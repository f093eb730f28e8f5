"""The records of a rule file: the scheme, its metrics, items, rules, bonus, vetoes and grades.

Records are built by the loader (:mod:`inspector_scoring.rules.load`), which
converts and validates the raw TOML; the records themselves only hold data.
Every record keeps ``path``, its key path in the file it came from, so
messages and breakdowns can point back.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, time
from decimal import Decimal
from enum import StrEnum
from typing import Any, TypeVar

import attrs

from .. import messages as M
from ..i18n import Text
from ..periods import Period, PeriodKind
from ..workdays import Schedule


def _tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """Collections of a record as tuples, whatever a Python caller passed: records stay
    immutable and hashable."""
    return value if type(value) is tuple else tuple(value)


__all__ = [
    "AnnualMethod",
    "AnnualSettings",
    "Bonus",
    "Comparison",
    "Grade",
    "Item",
    "Kind",
    "Metric",
    "Night",
    "NoticeSettings",
    "Outcome",
    "OutcomeKind",
    "Rule",
    "Ruleset",
    "Veto",
    "in_window",
]


class Comparison(StrEnum):
    """Which side of its threshold a value must be on for a rule to fire."""

    BELOW = "below"
    ABOVE = "above"

    def fires(self, value: Decimal, threshold: Decimal) -> bool:
        """Whether ``value`` is strictly on this side of ``threshold``."""
        # A module constant: looking a member up on an Enum class is slow, and this runs per rule.
        return value < threshold if self is _BELOW else value > threshold


_BELOW = Comparison.BELOW


# -- rule files ---------------------------------------------------------------


@attrs.frozen(slots=True)
class Night:
    """The night window used by ``during = "night"``; it may wrap midnight."""

    start: time
    end: time

    def contains(self, moment: time) -> bool:
        """Whether a time of day falls in ``[start, end)`` (wrapping past 24:00 when start > end)."""
        return in_window(self.start, self.end, (moment,))[0]


_Clock = TypeVar("_Clock", time, str)


def in_window(start: _Clock, end: _Clock, moments: Iterable[_Clock]) -> list[bool]:
    """Whether each of ``moments`` falls in ``[start, end)``, wrapping past 24:00 when start >
    end: times of day, or their text ``HH:MM:SS`` (which sorts as the times do) with the edges
    written alike (``22:00:00``)."""
    if start < end:
        return [start <= moment < end for moment in moments]
    return [moment >= start or moment < end for moment in moments]


@attrs.frozen(slots=True)
class Metric:
    """A measured quantity, given as a count or derived from events."""

    id: str
    title: str
    unit: str = "次"
    #: short phrase for explanation sentences (下井13次…); defaults to the title
    label: str = ""
    #: event kind counted, when the metric is derived by counting
    count: str | None = None
    #: "night" to count only events whose time of day is in the night window
    during: str | None = None
    #: event fields that must equal these strings for an event to count
    where: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_tuple)
    #: event kind whose absence on a duty day is counted
    days_without: str | None = None
    #: value used when the evidence says nothing about this metric
    default: Decimal | None = None
    path: str = ""
    #: with ``count``: an event counts only when it has ``until`` and lasted this many minutes
    min_minutes: int | None = None

    @property
    def phrase(self) -> str:
        """The label, or the title when no label is set."""
        return self.label or self.title

    def amount(self, value: str) -> str:
        """An amount of it as the notice words one: ``下井13次`` for the value written ``13``."""
        return f"{self.phrase}{value}{self.unit}"

    @property
    def kind(self) -> str | None:
        """The event kind this metric derives from, if any."""
        return self.count or self.days_without


@attrs.frozen(slots=True)
class Kind:
    """How a workbook names an event kind (``[kinds.KIND]``): the sheet's title, and the column
    header of each of its fields."""

    id: str
    #: the sheet's name in a workbook, e.g. ``下井记录``
    title: str
    #: field name → column header (``level`` → ``隐患等级``)
    fields: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_tuple)
    #: another header → the column it stands for (``入井时间`` → ``时间``), so that a
    #: positioning export pasted whole keeps its own header row
    aliases: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_tuple)
    path: str = ""


@attrs.frozen(slots=True)
class Rule:
    """A deduction (or, under ``[bonus]``, an award) rule with its published wording."""

    id: str
    text: str
    metric: str
    comparison: Comparison = attrs.field(converter=Comparison)
    threshold: Decimal
    #: amount per unit beyond the threshold (exactly one of per and fixed is set)
    per: Decimal | None = None
    #: amount once the threshold is crossed
    fixed: Decimal | None = None
    #: scale a ``below`` threshold by duty days / period days
    prorate: bool = False
    #: the most one rule can amount to (only with per)
    cap: Decimal | None = None
    path: str = ""


@attrs.frozen(slots=True)
class Item:
    """An assessment item (考核项目): points, and the rules that deduct from them in order."""

    id: str
    title: str
    points: Decimal
    rules: tuple[Rule, ...] = attrs.field(default=(), converter=_tuple)
    path: str = ""
    #: a short title for narrow notice tables (``short = "下井"``), or empty; never in the result
    short: str = ""


@attrs.frozen(slots=True)
class Bonus:
    """Bonus points (加分): rules that add, up to a cap."""

    cap: Decimal
    rules: tuple[Rule, ...] = attrs.field(default=(), converter=_tuple)
    path: str = "bonus"


@attrs.frozen(slots=True)
class Veto:
    """A veto (一票否决): when it fires, the grade can be no better than ``grade``."""

    id: str
    text: str
    metric: str
    comparison: Comparison = attrs.field(converter=Comparison)
    threshold: Decimal
    grade: str
    path: str = ""


@attrs.frozen(slots=True)
class Grade:
    """A grade band (等次): totals of at least ``min`` get this name."""

    name: str
    min: Decimal


@attrs.frozen(slots=True)
class NoticeSettings:
    """Defaults for the public notice (公示)."""

    title: str = "{township}{period}驻矿安监员考核结果公示"
    working_days: int = 5
    #: add 名次 (tied totals share a place, the next follows without a gap) to the notice and result
    rank: bool = False


class AnnualMethod(StrEnum):
    """How monthly totals combine into the year's total."""

    #: the plain mean of the monthly totals of months with duty days
    MEAN = "mean"
    #: the mean weighted by each month's duty days
    DUTY_WEIGHTED_MEAN = "duty_weighted_mean"


@attrs.frozen(slots=True)
class AnnualSettings:
    """How a year is assessed from its months (the ``[annual]`` table)."""

    method: AnnualMethod = AnnualMethod.MEAN
    #: the fewest months with duty days an inspector needs to be graded for the year
    min_months: int = 1
    #: annual grade bands; empty means the monthly ones
    grades: tuple[Grade, ...] = attrs.field(default=(), converter=_tuple)
    #: the best annual grade after a vetoed month; ``None``: 合格 if defined, else the lowest
    veto_cap: str | None = None
    #: vetoed in this many months or more: the annual grade is ``veto_months_grade``
    veto_months: int | None = None
    #: the annual grade after ``veto_months`` vetoed months; ``None``: the lowest annual grade
    veto_months_grade: str | None = None

    def cap_in(self, grades: tuple[Grade, ...]) -> str:
        """The best annual grade after a vetoed month, among ``grades``: ``veto_cap``, else 合格
        when it is a grade, else the lowest."""
        if self.veto_cap is not None:
            return self.veto_cap
        names = [grade.name for grade in grades]
        return "合格" if "合格" in names else names[-1]


class OutcomeKind(StrEnum):
    """What triggers a results application (结果运用)."""

    #: among the ``count`` lowest totals of a month
    LOWEST = "lowest"
    #: graded ``grade`` or worse in ``months`` consecutive months
    CONSECUTIVE = "consecutive"
    #: an annual grade of ``grade`` or worse
    ANNUAL = "annual"
    #: another (monthly) outcome applied in ``count`` months of the year
    REPEATED = "repeated"


@attrs.frozen(slots=True)
class Outcome:
    """A results application (约谈, 解聘建议, …) with its published wording."""

    id: str
    text: str
    kind: OutcomeKind
    count: int | None = None
    grade: str | None = None
    months: int | None = None
    path: str = ""
    #: for ``repeated``: the id of the outcome counted
    outcome: str | None = None


@attrs.frozen(slots=True)
class Ruleset:
    """A whole scheme (考核细则), as loaded from one rule file."""

    id: str
    title: str
    version: str
    effective_from: date
    period: PeriodKind
    total: Decimal
    precision: int
    items: tuple[Item, ...] = attrs.field(converter=_tuple)
    grades: tuple[Grade, ...] = attrs.field(converter=_tuple)
    metrics: tuple[Metric, ...] = attrs.field(converter=_tuple)
    issuer: str | None = None
    basis: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    effective_until: date | None = None
    night: Night | None = None
    bonus: Bonus | None = None
    vetoes: tuple[Veto, ...] = attrs.field(default=(), converter=_tuple)
    notice: NoticeSettings = NoticeSettings()
    annual: AnnualSettings | None = None
    outcomes: tuple[Outcome, ...] = attrs.field(default=(), converter=_tuple)
    #: official holiday schedules the rule file gives, for years the bundled calendar does not know
    calendar: tuple[Schedule, ...] = attrs.field(default=(), converter=_tuple)
    #: the titles and columns of event kinds in a workbook (``[kinds]``), in file order
    kinds: tuple[Kind, ...] = attrs.field(default=(), converter=_tuple)
    schema: int = 1
    #: where the rules came from (a file name), for messages
    source: str = "<rules>"
    #: sha256 of the file's bytes (or of the canonical JSON of a mapping)
    sha256: str = ""

    def metric(self, metric_id: str) -> Metric:
        """The metric named ``metric_id`` (a :class:`KeyError` if there is none)."""
        for metric in self.metrics:
            if metric.id == metric_id:
                return metric
        raise KeyError(metric_id)

    def event_kinds(self) -> tuple[str, ...]:
        """The event kinds some metric derives from, in the order the metrics name them."""
        return tuple(dict.fromkeys(metric.kind for metric in self.metrics if metric.kind))

    def kind(self, kind_id: str) -> Kind:
        """How a workbook names ``kind_id``: its ``[kinds]`` table, or the kind's id as title."""
        for kind in self.kinds:
            if kind.id == kind_id:
                return kind
        return Kind(kind_id, kind_id)

    def used_metrics(self) -> tuple[Metric, ...]:
        """The metrics some item rule, bonus rule or veto uses, in file order."""
        names = {rule.metric for item in self.items for rule in item.rules}
        if self.bonus is not None:
            names.update(rule.metric for rule in self.bonus.rules)
        names.update(veto.metric for veto in self.vetoes)
        return tuple(metric for metric in self.metrics if metric.id in names)

    def covers(self, period: Period) -> bool:
        """Whether ``period`` is of this scheme's kind and lies wholly inside its effective dates."""
        if period.kind is not self.period or period.start < self.effective_from:
            return False
        return self.effective_until is None or period.end <= self.effective_until

    @property
    def effective_text(self) -> Text:
        """The effective dates, for messages (``2021-01-01 to 2021-12-31``)."""
        if self.effective_until is None:
            return M.ONWARDS(start=self.effective_from.isoformat())
        return M.FROM_TO(start=self.effective_from.isoformat(), end=self.effective_until.isoformat())

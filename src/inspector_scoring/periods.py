"""Assessment periods: a month (``2021-03``), a quarter (``2021-Q1``) or a year (``2021``)."""

from __future__ import annotations

import calendar
import functools
import re
from datetime import date, timedelta
from enum import StrEnum

import attrs

__all__ = ["Period", "PeriodKind", "parse_period"]

_QUARTER_NAMES = ("一", "二", "三", "四")
_PATTERNS = {
    "month": re.compile(r"(\d{4})-(\d{2})", re.ASCII),
    "quarter": re.compile(r"(\d{4})-Q([1-4])", re.ASCII),
    "year": re.compile(r"(\d{4})", re.ASCII),
}


class PeriodKind(StrEnum):
    """How long a ruleset's assessment period is."""

    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


@attrs.frozen(slots=True)
class Period:
    """One assessment period, with its first and last calendar day."""

    kind: PeriodKind
    year: int
    #: month 1-12, quarter 1-4, or 1 for a year
    index: int

    @functools.cached_property
    def start(self) -> date:
        """The first day of the period."""
        if self.kind is PeriodKind.MONTH:
            return date(self.year, self.index, 1)
        if self.kind is PeriodKind.QUARTER:
            return date(self.year, 3 * self.index - 2, 1)
        return date(self.year, 1, 1)

    @functools.cached_property
    def end(self) -> date:
        """The last day of the period (inclusive)."""
        if self.kind is PeriodKind.MONTH:
            return date(self.year, self.index, calendar.monthrange(self.year, self.index)[1])
        if self.kind is PeriodKind.QUARTER:
            last_month = 3 * self.index
            return date(self.year, last_month, calendar.monthrange(self.year, last_month)[1])
        return date(self.year, 12, 31)

    @functools.cached_property
    def days(self) -> int:
        """How many calendar days the period has."""
        return (self.end - self.start).days + 1

    def dates(self) -> tuple[date, ...]:
        """Every calendar day of the period, in order."""
        return _dates(self.start, self.days)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    def __str__(self) -> str:
        if self.kind is PeriodKind.MONTH:
            return f"{self.year:04d}-{self.index:02d}"
        if self.kind is PeriodKind.QUARTER:
            return f"{self.year:04d}-Q{self.index}"
        return f"{self.year:04d}"

    @property
    def chinese(self) -> str:
        """How a notice names the period: ``2021年3月``, ``2021年第一季度``, ``2021年度``."""
        if self.kind is PeriodKind.MONTH:
            return f"{self.year}年{self.index}月"
        if self.kind is PeriodKind.QUARTER:
            return f"{self.year}年第{_QUARTER_NAMES[self.index - 1]}季度"
        return f"{self.year}年度"


@functools.lru_cache(maxsize=64)
def _dates(start: date, days: int) -> tuple[date, ...]:
    return tuple(start + timedelta(days=n) for n in range(days))


def parse_period(text: str) -> Period | None:
    """``text`` as a :class:`Period`, or ``None`` when it is not ``YYYY-MM``, ``YYYY-Qn`` or ``YYYY``."""
    for kind, pattern in _PATTERNS.items():
        match = pattern.fullmatch(text)
        if match is None:
            continue
        year = int(match.group(1))
        index = int(match.group(2)) if kind != "year" else 1
        if year < 1 or not 1 <= index <= 12:
            return None
        return Period(PeriodKind(kind), year, index)
    return None

"""Working days for the notice period (公示期), on the official Chinese calendar.

China's working days follow the State Council's yearly holiday schedule, with
make-up workdays (调休) on some weekends; ``chinese-calendar`` publishes it.
The State Council publishes each year's schedule in the autumn before, often
before the package knows it: a rule file may then give the year's schedule
itself (:class:`Schedule`, the ``[[calendar]]`` tables), and the notice counts
with it and names its source. For a year known to neither, days are counted
Monday to Friday and the result says so, so the notice can tell its readers.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

import attrs

__all__ = ["LAST_FIRST_DAY", "MAX_WORKING_DAYS", "NoticePeriod", "Schedule", "notice_period"]

#: the longest notice period a rule file may set (working days; a 公示期 is usually 5 to 7)
MAX_WORKING_DAYS = 30
#: the last day a notice may start: its longest period (30 working days, with weekends and a
#: week of holidays, fewer than 60 calendar days) then ends well before the calendar does
LAST_FIRST_DAY = date(9999, 9, 1)
_SATURDAY = 5


@attrs.frozen(slots=True)
class Schedule:
    """One year's official schedule, as a district gives it: the days off (法定节假日 and the
    days added to them) and the weekend days worked instead (调休上班)."""

    year: int
    #: where the schedule comes from, as the notice names it (the State Council's notice)
    source: str
    holidays: frozenset[date]
    workdays: frozenset[date]
    #: the key path of the table it came from
    path: str = ""

    def is_workday(self, day: date) -> bool:
        """Whether ``day`` (in this year) is a working day."""
        if day in self.workdays:
            return True
        return day.weekday() < _SATURDAY and day not in self.holidays


@attrs.frozen(slots=True)
class NoticePeriod:
    """The days a notice is posted: from ``first`` to ``last``, ``working_days`` working days."""

    first: date
    last: date
    working_days: int
    #: years whose official calendar was unknown (counted Monday to Friday)
    estimated_years: tuple[int, ...] = ()
    #: the schedules given with the rules that the period was counted with
    schedules: tuple[Schedule, ...] = ()


def _is_workday(day: date, schedules: dict[int, Schedule], estimated: set[int], used: set[int]) -> bool:
    given = schedules.get(day.year)
    if given is not None:
        used.add(day.year)
        return given.is_workday(day)
    import chinese_calendar  # noqa: PLC0415 - only the notice needs it

    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:  # the library has no schedule for that year yet
        estimated.add(day.year)
        return day.weekday() < _SATURDAY


def notice_period(publish_on: date, working_days: int, /, schedules: Iterable[Schedule] = ()) -> NoticePeriod:
    """The notice period starting on ``publish_on`` (or the next working day, if it is not one).

    The first day counts as day 1; the period ends on the ``working_days``-th
    working day. A year in ``schedules`` is counted with that schedule; any
    other with ``chinese-calendar``, or Monday to Friday where it does not know
    the year. ``working_days`` is at most :data:`MAX_WORKING_DAYS` and ``publish_on``
    at the latest :data:`LAST_FIRST_DAY` (the rule file, the evidence and the command's
    ``--publish-on`` are checked for both before a notice is made).
    """
    if not 1 <= working_days <= MAX_WORKING_DAYS:
        raise ValueError(f"working_days must be from 1 to {MAX_WORKING_DAYS}, got {working_days}")
    if publish_on > LAST_FIRST_DAY:
        raise ValueError(f"a notice period must start by {LAST_FIRST_DAY.isoformat()}, got {publish_on}")
    given = {schedule.year: schedule for schedule in schedules}
    estimated: set[int] = set()
    used: set[int] = set()
    day = publish_on
    while not _is_workday(day, given, estimated, used):
        day += timedelta(days=1)
    first, counted = day, 1
    while counted < working_days:
        day += timedelta(days=1)
        if _is_workday(day, given, estimated, used):
            counted += 1
    return NoticePeriod(
        first, day, working_days, tuple(sorted(estimated)), tuple(given[year] for year in sorted(used))
    )

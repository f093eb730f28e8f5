"""Working days for the notice period (公示期), on the official Chinese calendar.

China's working days follow the State Council's yearly holiday schedule, with
make-up workdays (调休) on some weekends; ``chinese-calendar`` publishes it.
For a year it does not know yet, days are counted Monday to Friday and the
result says so, so the notice can tell its readers.
"""

from __future__ import annotations

from datetime import date, timedelta

import attrs

__all__ = ["LAST_FIRST_DAY", "MAX_WORKING_DAYS", "NoticePeriod", "notice_period"]

#: the longest notice period a rule file may set (working days; a 公示期 is usually 5 to 7)
MAX_WORKING_DAYS = 30
#: the last day a notice may start: its longest period (30 working days, with weekends and a
#: week of holidays, fewer than 60 calendar days) then ends well before the calendar does
LAST_FIRST_DAY = date(9999, 9, 1)


@attrs.frozen(slots=True)
class NoticePeriod:
    """The days a notice is posted: from ``first`` to ``last``, ``working_days`` working days."""

    first: date
    last: date
    working_days: int
    #: years whose official calendar was unknown (counted Monday to Friday)
    estimated_years: tuple[int, ...] = ()


def _is_workday(day: date, estimated: set[int]) -> bool:
    import chinese_calendar  # noqa: PLC0415 - only the notice needs it

    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:  # the library has no schedule for that year yet
        estimated.add(day.year)
        return day.weekday() < 5


def notice_period(publish_on: date, working_days: int, /) -> NoticePeriod:
    """The notice period starting on ``publish_on`` (or the next working day, if it is not one).

    The first day counts as day 1; the period ends on the ``working_days``-th
    working day. ``working_days`` is at most :data:`MAX_WORKING_DAYS` and ``publish_on``
    at the latest :data:`LAST_FIRST_DAY` (the rule file, the evidence and the command's
    ``--publish-on`` are checked for both before a notice is made).
    """
    if not 1 <= working_days <= MAX_WORKING_DAYS:
        raise ValueError(f"working_days must be from 1 to {MAX_WORKING_DAYS}, got {working_days}")
    if publish_on > LAST_FIRST_DAY:
        raise ValueError(f"a notice period must start by {LAST_FIRST_DAY.isoformat()}, got {publish_on}")
    estimated: set[int] = set()
    day = publish_on
    while not _is_workday(day, estimated):
        day += timedelta(days=1)
    first, counted = day, 1
    while counted < working_days:
        day += timedelta(days=1)
        if _is_workday(day, estimated):
            counted += 1
    return NoticePeriod(first, day, working_days, tuple(sorted(estimated)))

"""The rule file's ``[[calendar]]`` tables: a year's official holiday schedule, given by the district.

The State Council publishes next year's holidays and make-up workdays (调休)
in the autumn; until ``chinese-calendar`` knows the year, a rule file can give
the schedule, and the notice period is counted with it::

    [[calendar]]
    year = 2027
    source = "国务院办公厅关于2027年部分节假日安排的通知"
    holidays = [2027-01-01, { from = 2027-02-05, to = 2027-02-11 }]
    workdays = [2027-02-20]
"""

from __future__ import annotations

from datetime import date, timedelta

from .. import messages as M
from .._readers import check_keys, join, read_count, read_list, read_str, read_table, read_toml_date
from ..errors import Collector
from ..workdays import Schedule

__all__ = ["read_calendar"]

_KEYS = ("year", "source", "holidays", "workdays")
_RANGE_KEYS = ("from", "to")
_LONGEST_RANGE = 31  # no official holiday runs longer than a month
_SATURDAY = 5


def _holidays(problems: Collector, path: str, raw: object, year: int | None) -> list[tuple[str, date]]:
    """Each day off with the key path that gave it: a date, or an inclusive ``{from, to}`` range."""
    days: list[tuple[str, date]] = []
    for n, entry in enumerate(read_list(problems, path, raw) or []):
        where = join(path, n)
        if isinstance(entry, dict):
            check_keys(problems, where, entry, allowed=_RANGE_KEYS, required=_RANGE_KEYS)
            start = read_toml_date(problems, join(where, "from"), entry["from"]) if "from" in entry else None
            end = read_toml_date(problems, join(where, "to"), entry["to"]) if "to" in entry else None
            if start is None or end is None:
                continue
            if end < start or (end - start).days >= _LONGEST_RANGE:
                problems.add(
                    join(where, "to"), M.CALENDAR_RANGE, start=start.isoformat(), end=end.isoformat()
                )
                continue
            days.extend((where, start + timedelta(days=k)) for k in range((end - start).days + 1))
        else:
            day = read_toml_date(problems, where, entry)
            if day is not None:
                days.append((where, day))
    return [(where, day) for where, day in days if _in_year(problems, where, day, year)]


def _in_year(problems: Collector, path: str, day: date, year: int | None) -> bool:
    if year is not None and day.year != year:
        problems.add(path, M.CALENDAR_OTHER_YEAR, day=day.isoformat(), year=year)
        return False
    return True


def read_calendar(problems: Collector, raw: object) -> tuple[Schedule, ...]:
    """The ``[[calendar]]`` list: one schedule per year, each day in its year, none both off and worked."""
    schedules = []
    years: dict[int, str] = {}
    for n, entry in enumerate(read_list(problems, "calendar", raw) or []):
        path = join("calendar", n)
        table = read_table(problems, path, entry)
        if table is None:
            continue
        before = len(problems.problems)
        check_keys(problems, path, table, allowed=_KEYS, required=("year", "source", "holidays"))
        year = read_count(problems, join(path, "year"), table["year"], minimum=1) if "year" in table else None
        if year is not None and year in years:
            problems.add(join(path, "year"), M.CALENDAR_YEAR_TWICE, year=year, other=years[year])
        elif year is not None:
            years[year] = join(path, "year")
        source = read_str(problems, join(path, "source"), table["source"]) if "source" in table else None
        holidays = _holidays(problems, join(path, "holidays"), table.get("holidays", []), year)
        workdays: list[tuple[str, date]] = []
        for k, value in enumerate(
            read_list(problems, join(path, "workdays"), table.get("workdays", [])) or []
        ):
            where = join(join(path, "workdays"), k)
            day = read_toml_date(problems, where, value)
            if day is None or not _in_year(problems, where, day, year):
                continue
            if day.weekday() < _SATURDAY:
                problems.add(where, M.CALENDAR_WORKDAY_WEEKDAY, day=day.isoformat())
            workdays.append((where, day))
        off = {day for _, day in holidays}
        for where, day in workdays:
            if day in off:
                problems.add(where, M.CALENDAR_BOTH, day=day.isoformat())
        if len(problems.problems) > before or year is None or source is None:
            continue
        schedules.append(
            Schedule(
                year=year,
                source=source,
                holidays=frozenset(off),
                workdays=frozenset(day for _, day in workdays),
                path=path,
            )
        )
    return tuple(schedules)

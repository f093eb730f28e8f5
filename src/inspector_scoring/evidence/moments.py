"""The moments of events (``at``, ``until``): their days and times of day, read once each.

A province's month has a million events and hundreds of thousands of distinct
date-times. Those of the usual form (``2021-03-05T07:46:36``, as a positioning
system writes them) are checked for a whole inspector at once and read by
Python's own parser (:meth:`Moments.plain`), and whether one is at night is
told from its time of day as text. Any other is read in two parts: its date,
looked up among the period's days (known in advance), and its time of day,
parsed the first time it is seen and kept with whether it falls in the night
window.
"""

from __future__ import annotations

import contextlib
import operator
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta
from itertools import filterfalse
from typing import Any, NamedTuple

from ..periods import Period
from ..rules.model import Night, in_window

__all__ = ["Clock", "Moment", "Moments"]

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_TIME = re.compile(r"\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?", re.ASCII)
_new = tuple.__new__
#: of a date-time's text: its time of day; of a Clock: whether it is at night
_DATE_PART = operator.itemgetter(slice(0, 10))
_T = operator.itemgetter(10)
_JUST_T = {"T"}
_TIME_PART = operator.itemgetter(slice(11, None))
_NIGHT = operator.itemgetter(1)
#: of a date-time in the usual form (``2021-03-05T07:46:36``): its length and separators
_USUAL_LENGTH = {19}
_USUAL_SEPARATORS = ((4, "-"), (7, "-"), (10, "T"), (13, ":"), (16, ":"))


class Clock(NamedTuple):
    """A valid time of day, and whether it is in the night window."""

    time: time
    night: bool


class Moment(NamedTuple):
    """A valid ``at`` or ``until``: a date, or a local date-time without UTC offset."""

    #: the day it counts for
    day: date
    #: its time of day, ``None`` for a date alone
    time: time | None
    #: ``None`` for a date alone; else whether its time of day is in the night window
    night: bool | None
    #: whether it lies in the assessment period
    inside: bool

    @property
    def value(self) -> date | datetime:
        """The date, or the date-time."""
        return self.day if self.time is None else datetime.combine(self.day, self.time)


class Moments:
    """The days and times of day of one evidence file, for its period and the rule file's night."""

    __slots__ = ("_bounds", "_ends", "_night", "_others", "_period", "_window_text", "clocks", "days")

    def __init__(self, period: Period | None, night: Night | None) -> None:
        self._period = period
        #: the night window, [start, end) wrapping midnight when start > end
        self._night = night
        #: the same, as text (``22:00:00``), to compare with the time of a usual date-time
        self._window_text = (night.start.isoformat(), night.end.isoformat()) if night is not None else None
        #: every day of the period, by its text (``2021-03-05``)
        self.days: dict[str, date] = {day.isoformat(): day for day in period.dates()} if period else {}
        #: every valid time of day read so far, by its text (``07:46:36``)
        self.clocks: dict[str, Clock] = {}
        #: other date texts read: valid but outside the period (a date), or not (``None``)
        self._others: dict[str, date | None] = {}
        #: the days an ``until`` may fall on: the period's, and the day after it
        self._ends = dict(self.days)
        #: the first moment of the period, and the first after it
        self._bounds: tuple[datetime, datetime] | None = None
        if period is not None and period.end < date.max:
            after = period.end + timedelta(days=1)
            self._ends[after.isoformat()] = after
            self._bounds = (datetime.combine(period.start, time.min), datetime.combine(after, time.min))

    def all_inside(self, texts: list[Any], days: Mapping[str, date] | None = None) -> bool:
        """Whether every one of ``texts`` is a date-time of the period (or of ``days``): its date
        one of those days, a ``T``, and a time of day (read once each, kept in a table that a
        day's 86,400 seconds bound, where a province's file has hundreds of thousands of
        date-times)."""
        try:
            if (
                not (self.days if days is None else days).keys() >= set(map(_DATE_PART, texts))
                or set(map(_T, texts)) != _JUST_T
            ):
                return False
            times = set(map(_TIME_PART, texts))
        except (TypeError, IndexError):  # no text, or too short a text to hold a date-time
            return False
        # (filterfalse, not set.difference: that would walk the whole table for every inspector)
        return all(self.clock(text) is not None for text in filterfalse(self.clocks.__contains__, times))

    def datetimes(self, texts: list[Any], *, later: bool = False) -> list[datetime] | None:
        """The date-times of ``texts`` when every one is a date-time of the period (``later``: or
        of the day after it), else ``None``: by :meth:`plain` when they have the usual form, else
        each checked by :meth:`all_inside` and then read as Python reads it."""
        found = self.plain(texts, later)
        if found is None and self.all_inside(texts, self._ends if later else None):
            found = list(map(datetime.fromisoformat, texts))
        return found

    def plain(self, texts: list[Any], later: bool = False) -> list[datetime] | None:
        """The date-times of ``texts`` when every one has the usual form ``YYYY-MM-DDTHH:MM:SS``
        and lies in the period (``later``: or after it), else ``None``, for :meth:`all_inside`
        to tell. Python's own parser reads each, in C, once its form is known to be this one:
        a province's file has a million of them, hundreds of thousands different."""
        try:
            if set(map(len, texts)) != _USUAL_LENGTH:
                return None
            joined = "".join(texts)
        except TypeError:  # no text
            return None
        # Every separator in its place: each a slice of the texts side by side, in C.
        count = len(texts)
        if any(joined[at::19] != char * count for at, char in _USUAL_SEPARATORS):
            return None
        try:
            found = list(map(datetime.fromisoformat, texts))
        except ValueError:  # no such moment (2021-02-30, 24:00:00)
            return None
        if (
            self._bounds is None
            or min(found) < self._bounds[0]
            or not (later or max(found) < self._bounds[1])
        ):
            return None
        return found

    def clock(self, text: str) -> Clock | None:
        """The time of day ``HH:MM[:SS[.ffffff]]``, or ``None`` (kept once read)."""
        found = self.clocks.get(text)
        # HH:MM:SS, the usual form, is checked by the parser alone (ASCII digits, real hours).
        usual = len(text) == 8 and text[2] == ":" and text[5] == ":"
        if found is None and (usual or _TIME.fullmatch(text)):
            try:
                moment = time.fromisoformat(text)
            except ValueError:
                return None
            found = self.clocks[text] = _new(Clock, (moment, self._in_night(moment)))
        return found

    def _in_night(self, moment: time) -> bool:
        return self._night is not None and self._night.contains(moment)

    def _day(self, text: str) -> date | None:
        found = self.days.get(text)
        if found is not None:
            return found
        if text not in self._others:
            day = None
            if _DATE.fullmatch(text):
                with contextlib.suppress(ValueError):  # (2021-02-30: the shape of a date, but none)
                    day = date.fromisoformat(text)
            self._others[text] = day
        return self._others[text]

    def read(self, value: object) -> Moment | None:
        """The moment ``value`` holds, or ``None``: text ``YYYY-MM-DD`` or
        ``YYYY-MM-DDTHH:MM[:SS[.ffffff]]``, or (from a Python caller) a date or a local date-time."""
        if type(value) is str:
            day = self._day(value[:10]) if len(value) >= 10 else None
            if day is None:
                return None
            if len(value) == 10:
                return _new(Moment, (day, None, None, self._within(day)))
            clock = self.clock(value[11:]) if value[10] == "T" else None
            if clock is None:
                return None
            return _new(Moment, (day, clock.time, clock.night, self._within(day)))
        if isinstance(value, datetime):
            if value.tzinfo is not None:
                return None
            moment = value.time()
            return _new(Moment, (value.date(), moment, self._in_night(moment), self._within(value.date())))
        if isinstance(value, date):
            return _new(Moment, (value, None, None, self._within(value)))
        return None

    def __getitem__(self, value: object) -> Moment:
        """The moment of a value already checked."""
        found = self.read(value)
        assert found is not None
        return found

    def day_of(self, value: object) -> date:
        """The day of a moment already checked."""
        if type(value) is str:
            found = self.days.get(value[:10])
            if found is not None:
                return found
        return self[value].day

    def nights(self, values: Iterable[object]) -> list[bool | None]:
        """For moments already checked: whether each is at night (``None``: a date alone)."""
        values = list(values)
        try:
            usual = self._window_text is not None and set(map(len, values)) == _USUAL_LENGTH  # type: ignore[arg-type]
        except TypeError:  # a date or date-time from a Python caller
            usual = False
        if usual:
            # ``HH:MM:SS`` sorts as the times do, the night's edges written as Python writes
            # times (``22:00:00``): compared as text, without reading a time of each.
            start, end = self._window_text  # type: ignore[misc]
            return list(in_window(start, end, map(_TIME_PART, values)))  # type: ignore[arg-type]
        clocks = self.clocks
        try:
            times = list(map(_TIME_PART, values))  # type: ignore[arg-type]
            try:
                return list(map(_NIGHT, map(clocks.__getitem__, times)))
            except KeyError:  # times of day not read before: read once each, then kept
                for text in filterfalse(clocks.__contains__, set(times)):
                    self.clock(text)
                return list(map(_NIGHT, map(clocks.__getitem__, times)))
        except (KeyError, TypeError):  # a date alone, or a date-time from a Python caller
            return [self[value].night for value in values]

    def _within(self, day: date) -> bool:
        return self._period is not None and day in self._period

    def minutes_between(self, start: object, end: object) -> int:
        """Whole minutes from the moment ``start`` to the later ``end``, both already checked."""
        return self.minutes(self[start], self[end])

    @staticmethod
    def minutes(start: Moment, end: Moment) -> int:
        """Whole minutes from one moment to a later one."""
        lasted = datetime.combine(end.day, end.time or time.min) - datetime.combine(
            start.day, start.time or time.min
        )
        return int(lasted // timedelta(minutes=1))

"""The notice period on the official working-day calendar, with make-up workdays."""

from __future__ import annotations

from datetime import date

import pytest

from inspector_scoring.workdays import NoticePeriod, notice_period


def test_plain_week() -> None:
    """Tuesday 6 April 2021 + 5 working days: 6, 7, 8, 9, 12 April."""
    assert notice_period(date(2021, 4, 6), 5) == NoticePeriod(date(2021, 4, 6), date(2021, 4, 12), 5)


def test_national_day_holiday_with_make_up_workday() -> None:
    """Publishing on 30 Sept 2021: 30 Sept, then 8 Oct, Saturday 9 Oct (调休), 11, 12 Oct."""
    period = notice_period(date(2021, 9, 30), 5)
    assert (period.first, period.last, period.estimated_years) == (date(2021, 9, 30), date(2021, 10, 12), ())


def test_publishing_on_a_holiday_starts_on_the_next_working_day() -> None:
    """Publishing on 1 Oct 2021 (holiday): the period starts 8 Oct and ends 13 Oct."""
    period = notice_period(date(2021, 10, 1), 5)
    assert (period.first, period.last) == (date(2021, 10, 8), date(2021, 10, 13))


def test_make_up_sunday_counts() -> None:
    """Sunday 26 Sept 2021 was a make-up workday: a 1-day notice posted then is that day."""
    assert notice_period(date(2021, 9, 26), 1).last == date(2021, 9, 26)


def test_unknown_year_counts_monday_to_friday_and_says_so() -> None:
    """2099 is not in the calendar: Friday 2 Jan 2099 + 3 days is 2, 5, 6 Jan, flagged as estimated."""
    period = notice_period(date(2099, 1, 2), 3)
    assert (period.first, period.last, period.estimated_years) == (
        date(2099, 1, 2),
        date(2099, 1, 6),
        (2099,),
    )


def test_needs_at_least_one_day() -> None:
    """A notice period of 0 days is a programming error."""
    with pytest.raises(ValueError, match="from 1 to 30"):
        notice_period(date(2021, 4, 6), 0)

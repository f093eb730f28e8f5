"""The notice period on the official working-day calendar, with make-up workdays."""

from __future__ import annotations

from datetime import date

import pytest

from inspector_scoring.workdays import NoticePeriod, Schedule, notice_period


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


# -- a year the bundled calendar does not know: the schedule given with the rules ----------
# The 2027 schedule below is made up for the tests (the State Council's is published in the
# autumn of 2026): 元旦 1 January (a Friday); 春节 5–12 February; Saturday 20 February worked.

SCHEDULE_2027 = Schedule(
    year=2027,
    source="《国务院办公厅关于2027年部分节假日安排的通知》",
    holidays=frozenset([date(2027, 1, 1), *(date(2027, 2, day) for day in range(5, 13))]),
    workdays=frozenset([date(2027, 2, 20)]),
)


def test_a_given_schedule_counts_next_years_days() -> None:
    """Posted Wednesday 30 Dec 2026: 30, 31 Dec; 1 Jan 2027 is off; 4, 5, 6 Jan — to 6 Jan, named."""
    period = notice_period(date(2026, 12, 30), 5, [SCHEDULE_2027])
    assert (period.first, period.last, period.estimated_years) == (date(2026, 12, 30), date(2027, 1, 6), ())
    assert period.schedules == (SCHEDULE_2027,)


def test_without_the_schedule_next_year_is_counted_monday_to_friday() -> None:
    """The same period without it: 1 Jan 2027 (a Friday) counts, so it ends 5 Jan, and says
    2027 was estimated."""
    period = notice_period(date(2026, 12, 30), 5)
    assert (period.last, period.estimated_years, period.schedules) == (date(2027, 1, 5), (2027,), ())


def test_a_notice_across_the_spring_festival() -> None:
    """Posted Wednesday 3 Feb 2027: 3, 4 Feb; 5–12 Feb off, 13–14 the weekend; 15, 16, 17 Feb."""
    period = notice_period(date(2027, 2, 3), 5, [SCHEDULE_2027])
    assert (period.first, period.last) == (date(2027, 2, 3), date(2027, 2, 17))


def test_a_make_up_saturday_of_a_given_schedule_counts() -> None:
    """Posted Thursday 18 Feb 2027: 18, 19, Saturday 20 (调休上班), 22, 23 Feb."""
    period = notice_period(date(2027, 2, 18), 5, [SCHEDULE_2027])
    assert period.last == date(2027, 2, 23)


def test_posted_on_a_given_holiday_starts_after_it() -> None:
    """Posted on 8 Feb 2027 (in the Spring Festival): the period starts on Monday 15 Feb."""
    period = notice_period(date(2027, 2, 8), 1, [SCHEDULE_2027])
    assert (period.first, period.last) == (date(2027, 2, 15), date(2027, 2, 15))

"""Assessment periods: parsing, days, and how a notice names them."""

from __future__ import annotations

from datetime import date

import pytest

from inspector_scoring import Period, PeriodKind, parse_period


@pytest.mark.parametrize(
    ("text", "kind", "start", "end", "days", "chinese"),
    [
        ("2021-03", PeriodKind.MONTH, date(2021, 3, 1), date(2021, 3, 31), 31, "2021年3月"),
        ("2024-02", PeriodKind.MONTH, date(2024, 2, 1), date(2024, 2, 29), 29, "2024年2月"),
        ("2021-Q1", PeriodKind.QUARTER, date(2021, 1, 1), date(2021, 3, 31), 90, "2021年第一季度"),
        ("2021-Q4", PeriodKind.QUARTER, date(2021, 10, 1), date(2021, 12, 31), 92, "2021年第四季度"),
        ("2021", PeriodKind.YEAR, date(2021, 1, 1), date(2021, 12, 31), 365, "2021年度"),
    ],
)
def test_periods(text: str, kind: PeriodKind, start: date, end: date, days: int, chinese: str) -> None:
    """Each period kind knows its first and last day, its length and its Chinese name."""
    period = parse_period(text)
    assert period == Period(kind, period.year if period else 0, period.index if period else 0)
    assert period is not None
    assert (period.start, period.end, period.days, period.chinese, str(period)) == (
        start,
        end,
        days,
        chinese,
        text,
    )


@pytest.mark.parametrize(
    "text", ["2021-3", "2021-13", "2021-00", "2021-Q5", "21-03", "2021-03-01", "٢٠٢١-03", ""]
)
def test_not_periods(text: str) -> None:
    """Malformed periods, impossible months and non-ASCII digits are not periods."""
    assert parse_period(text) is None


def test_membership() -> None:
    """A day is in a period when it lies between its first and last day."""
    period = parse_period("2021-03")
    assert period is not None
    assert date(2021, 3, 31) in period
    assert date(2021, 4, 1) not in period

"""Cells of a spreadsheet as evidence reads them: text, dates, date-times and numbers.

A cell comes as python-calamine gives it: ``str`` (an empty cell is ``""``),
``float`` or ``int``, ``bool``, :class:`~datetime.date`,
:class:`~datetime.datetime` (a date-time whose time of day is not 00:00),
:class:`~datetime.time` or :class:`~datetime.timedelta`; or as
:class:`FormulaError`, a cell showing a formula's error, which python-calamine
reads as empty and the workbook's reader finds itself. Each reader returns
the value in the evidence file's form, or records a problem at the cell and
returns ``None``.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from .. import messages as M
from .._readers import describe, full_width
from ..errors import Collector

__all__ = [
    "FormulaError",
    "blank",
    "cell_name",
    "column_letters",
    "read_date",
    "read_moment",
    "read_number",
    "read_text",
    "shown_cell",
]

_DATE = r"(\d{4})(?:-(\d{1,2})-(\d{1,2})|/(\d{1,2})/(\d{1,2})|年(\d{1,2})月(\d{1,2})日)"
_DATE_TEXT = re.compile(_DATE, re.ASCII)
_MOMENT_TEXT = re.compile(_DATE + r"(?:[ T]|\s*(?<=日))\s*(\d{1,2}):(\d{2})(?::(\d{2}))?", re.ASCII)
_NUMBER_TEXT = re.compile(r"-?\d+(\.\d+)?", re.ASCII)


class FormulaError(str):
    """A cell whose formula failed, as the spreadsheet shows it (``#DIV/0!``, ``#REF!``): never
    a value, nor an empty cell (what python-calamine makes of it)."""

    __slots__ = ()


#: the most characters of an error's value a message shows (a spreadsheet's are short)
_SHOWN_ERROR = 40


def _failed(problems: Collector, where: str, value: object) -> bool:
    """Whether a cell shows a formula's error, reported at the cell."""
    if type(value) is not FormulaError:
        return False
    if not value:  # (marked as an error, with no value saved)
        problems.add(where, M.CELL_FORMULA_ERROR_UNSAVED)
        return True
    shown = value if len(value) <= _SHOWN_ERROR else value[: _SHOWN_ERROR - 3] + "..."
    problems.add(where, M.CELL_FORMULA_ERROR, value=str(shown))
    return True


def column_letters(column: int) -> str:
    """A column's letters from its place (0 → ``A``, 26 → ``AA``)."""
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def cell_name(sheet: str, row: int, column: int) -> str:
    """``人员!D3`` for row 2 and column 3 (counted from 0) of sheet ``人员``."""
    return f"{sheet}!{column_letters(column)}{row + 1}"


def blank(value: object) -> bool:
    """Whether a cell is empty (or holds only spaces); a formula's error never is."""
    return value is None or (type(value) is str and not value.strip())


def _number_text(value: float | int) -> str:
    """A spreadsheet number through its shortest decimal form: 0.1 is ``0.1``, 15.0 is ``15``."""
    if isinstance(value, int):
        return str(value)
    exact = Decimal(repr(value))
    return str(int(exact)) if exact == exact.to_integral_value() else format(exact.normalize(), "f")


def shown_cell(value: object) -> str | object:
    """A cell's value as a message shows it."""
    if isinstance(value, float):
        return _number_text(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, timedelta):
        return str(value)
    return describe(value)


def read_code(problems: Collector, where: str, value: object) -> str | None:
    """A cell holding a code (a card number) as text; ``None`` for a blank cell, or after
    reporting full-width characters (８００１ is no card the positioning system knows)."""
    text = read_text(problems, where, value)
    if text is not None and full_width(problems, where, text):
        return None
    return text


def read_text(problems: Collector, where: str, value: object) -> str | None:
    """A cell as text (a number through its shortest form); ``None`` for a blank cell."""
    if blank(value) or _failed(problems, where, value):
        return None
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        problems.add(where, M.CELL_NOT_TEXT, value=describe(value))
        return None
    if isinstance(value, (int, float)):
        return _number_text(value)
    if isinstance(value, datetime):
        return _seconds(value).isoformat()
    if isinstance(value, (date, time)):
        return value.isoformat()
    return str(value)


def read_date(problems: Collector, where: str, value: object) -> str | None:
    """A date (a spreadsheet date, or text ``2021-03-05``, ``2021/3/5`` or ``2021年3月5日``) as
    ``YYYY-MM-DD``; ``None`` for a blank cell or a problem."""
    if blank(value) or _failed(problems, where, value):
        return None
    if type(value) is date:
        return value.isoformat()
    if isinstance(value, str):
        text = value.strip()
        found = _DATE_TEXT.fullmatch(text)
        if found is not None and (day := _date_of(found)) is not None:
            return day.isoformat()
        if full_width(problems, where, text):
            return None
    problems.add(where, M.CELL_NOT_DATE, value=shown_cell(value))
    return None


def read_moment(problems: Collector, where: str, value: object, *, time_of_day: bool) -> str | None:
    """A date-time (a spreadsheet date-time, or text with a space or ``T`` and ``HH:MM[:SS]``)
    as ``YYYY-MM-DDTHH:MM:SS``, or a date as ``YYYY-MM-DD``. A spreadsheet date-time at 00:00
    reaches us as a date: with ``time_of_day`` (a column that needs one) it is read as 00:00."""
    if blank(value) or _failed(problems, where, value):
        return None
    if isinstance(value, datetime):
        return _seconds(value).isoformat()
    if type(value) is date:
        return datetime.combine(value, time()).isoformat() if time_of_day else value.isoformat()
    if isinstance(value, str):
        text = value.strip()
        found = _MOMENT_TEXT.fullmatch(text)
        if found is not None and (day := _date_of(found)) is not None:
            hour, minute, second = (int(found.group(n) or 0) for n in (8, 9, 10))
            if hour < 24 and minute < 60 and second < 60:
                return datetime.combine(day, time(hour, minute, second)).isoformat()
        elif (
            not time_of_day
            and (found := _DATE_TEXT.fullmatch(text)) is not None
            and (day := _date_of(found)) is not None
        ):
            return day.isoformat()
        if full_width(problems, where, text):
            return None
    problems.add(
        where, M.CELL_NOT_MOMENT if time_of_day else M.CELL_NOT_DATE_OR_MOMENT, value=shown_cell(value)
    )
    return None


def read_number(problems: Collector, where: str, value: object) -> int | Decimal | None:
    """A number (a spreadsheet number through its shortest decimal form, or text of ASCII
    digits); ``None`` for a blank cell or a problem."""
    if blank(value) or _failed(problems, where, value):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        text = _number_text(value)
    elif isinstance(value, str) and _NUMBER_TEXT.fullmatch(value.strip()):
        text = value.strip()
    else:
        if not (isinstance(value, str) and full_width(problems, where, value.strip())):
            problems.add(where, M.CELL_NOT_NUMBER, value=shown_cell(value))
        return None
    exact = Decimal(text)
    return int(exact) if exact == exact.to_integral_value() else exact


def _date_of(found: re.Match[str]) -> date | None:
    year = int(found.group(1))
    month, day = next((found.group(n), found.group(n + 1)) for n in (2, 4, 6) if found.group(n) is not None)
    try:
        return date(year, int(month), int(day))
    except ValueError:
        return None


def _seconds(moment: datetime) -> datetime:
    """A spreadsheet date-time to the nearest second (its float may fall a hair short)."""
    rounded = moment.replace(microsecond=0)
    return rounded + timedelta(seconds=1) if moment.microsecond >= 500_000 else rounded

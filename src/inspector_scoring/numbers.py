"""The number policy: how amounts are read, scaled, rounded and written. Nothing else rounds.

Every amount in this library is exact. Binary floats never enter: TOML and JSON
numbers are parsed straight into :class:`~decimal.Decimal`, booleans are not
numbers, and NaN or infinities are refused by the loaders. Scoring works in
*scaled integers* (an amount of 0.75 points is 75 hundredths) so that the
arithmetic of a province's month is integer arithmetic; this module converts
between the two and is the only place that rounds or formats a number.
"""

from __future__ import annotations

import decimal
from contextlib import AbstractContextManager
from decimal import ROUND_HALF_UP, Decimal

__all__ = [
    "as_number",
    "decimals_of",
    "exact_arithmetic",
    "format_fixed",
    "format_number",
    "from_units",
    "round_half_up",
    "to_units",
    "whole_or_decimal",
]

# Enough digits for any realistic score sheet; amounts are bounded by the loaders
# (at most 10^12, 10 decimals), so sums and products stay exact within them.
_CONTEXT = decimal.Context(prec=60, rounding=ROUND_HALF_UP, Emax=999_999, Emin=-999_999)
_SMALL = 1024
#: ``Decimal(n)`` for small whole amounts, made once (Decimals are immutable, so shared)
_SMALL_DECIMALS = tuple(Decimal(n) for n in range(_SMALL))


def as_number(value: object) -> Decimal | None:
    """``value`` as a finite Decimal, or ``None`` when it is not a number.

    Integers and Decimals are numbers; booleans, floats, strings and
    non-finite Decimals are not.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Decimal) and value.is_finite():
        return value
    return None


def exact_arithmetic() -> AbstractContextManager[decimal.Context]:
    """A context manager in which Decimal sums and products of loader-bounded amounts are exact."""
    return decimal.localcontext(_CONTEXT)


def decimals_of(value: Decimal | int) -> int:
    """How many decimals ``value`` needs (``0.75`` → 2, ``1.50`` → 1, ``3`` → 0)."""
    if isinstance(value, int):
        return 0
    exponent = value.normalize(_CONTEXT).as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def to_units(value: Decimal | int, places: int) -> int:
    """``value`` in units of 10^-``places`` (``to_units(Decimal("0.75"), 2)`` is 75); it must fit exactly."""
    if isinstance(value, int):
        scale: int = 10**places
        return value * scale
    units = value.scaleb(places, _CONTEXT)
    whole = int(units)
    if whole != units:
        raise ValueError(f"{value} has more than {places} decimals")
    return whole


def from_units(units: int | Decimal, places: int) -> Decimal:
    """An amount kept in units of 10^-``places`` as a Decimal (``from_units(75, 2)`` is 0.75).

    A ``Decimal`` count with more decimals than the scale (a count of 2.125 in a
    scheme of tenths) stays a Decimal in scoring; it comes back exactly too.
    """
    if type(units) is int:
        if places == 0:
            return _SMALL_DECIMALS[units] if 0 <= units < _SMALL else Decimal(units)
        return Decimal(units).scaleb(-places, _CONTEXT)
    return Decimal(units).scaleb(-places, _CONTEXT)


def round_half_up(value: Decimal, places: int) -> Decimal:
    """Round ``value`` to ``places`` decimals, half away from zero (四舍五入)."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP, context=_CONTEXT)


def format_number(value: Decimal | int) -> str:
    """Plain decimal text without exponent or trailing zeros: ``87.5``, ``30``, ``0.25``."""
    if isinstance(value, int):
        return str(value)
    if value == 0:
        return "0"
    text = format(value.normalize(_CONTEXT), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def format_fixed(value: Decimal) -> str:
    """A rounded total as published, with exactly the decimals it was rounded to (``96.0``)."""
    return format(value, "f")


def whole_or_decimal(value: Decimal | int) -> int | Decimal:
    """A whole amount as an int, else the Decimal: the same value, as TOML writes what a
    person types (``5``)."""
    if isinstance(value, int):  # already whole (a ruleset built in Python)
        return value
    return int(value) if value == value.to_integral_value() else value


def small_decimal(value: object) -> Decimal | None:
    """``value`` as a shared ``Decimal`` when it is a plain whole count below 1024 (the
    common case, worked out without building anything), else ``None``."""
    return _SMALL_DECIMALS[value] if type(value) is int and 0 <= value < _SMALL else None

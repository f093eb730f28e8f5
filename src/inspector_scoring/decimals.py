"""The Decimal policy: how numbers are read, rounded and written. Nothing else rounds.

Every amount in this library is a :class:`decimal.Decimal`. Binary floats never
enter: TOML and JSON numbers are parsed straight into Decimal, booleans are not
numbers, and NaN or infinities are refused by the loaders.
"""

from __future__ import annotations

import decimal
from collections.abc import Callable
from contextlib import AbstractContextManager
from decimal import ROUND_HALF_UP, Decimal

__all__ = ["as_number", "format_number", "round_half_up"]

# Enough digits for any realistic score sheet; amounts are small, but products
# of thresholds and day ratios must stay exact before the one final rounding.
_CONTEXT = decimal.Context(prec=50, rounding=ROUND_HALF_UP)


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
    """A context manager for scoring: 50 significant digits, so sums and products of
    loader-bounded amounts (at most 10^12, 10 decimals) are exact."""
    return decimal.localcontext(_CONTEXT)


def round_half_up(value: Decimal, places: int) -> Decimal:
    """Round ``value`` to ``places`` decimals, half away from zero (四舍五入)."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP, context=_CONTEXT)


def rounder(places: int) -> Callable[[Decimal | int], Decimal]:
    """:func:`round_half_up` to ``places`` decimals as a one-argument function, for the
    compiled scorer (the quantum is worked out once, and a whole ``int`` is accepted)."""
    quantum = Decimal(1).scaleb(-places)

    def round_to_places(value: Decimal | int) -> Decimal:
        return Decimal(value).quantize(quantum, rounding=ROUND_HALF_UP, context=_CONTEXT)

    return round_to_places


def prorate(threshold: Decimal | int, duty_days: int, period_days: int) -> Decimal | int:
    """``threshold × duty_days / period_days``, rounded half up to a whole number (SPEC §4.2).

    A whole ``int`` threshold gives an ``int``, worked out in integers: for
    T, d ≥ 0, ⌊(2·T·d + p) / 2p⌋ is T·d/p rounded half up.
    """
    if isinstance(threshold, int):
        return (2 * threshold * duty_days + period_days) // (2 * period_days)
    return round_half_up(divide(multiply(threshold, Decimal(duty_days)), Decimal(period_days)), 0)


def multiply(a: Decimal, b: Decimal) -> Decimal:
    """Exact product (under the wide context)."""
    return _CONTEXT.multiply(a, b)


def divide(a: Decimal, b: Decimal) -> Decimal:
    """Quotient to 50 significant digits, for proration before its rounding."""
    return _CONTEXT.divide(a, b)


def format_number(value: Decimal | int) -> str:
    """Plain decimal text without exponent or trailing zeros: ``87.5``, ``30``, ``0.25``."""
    if isinstance(value, int):  # a whole amount the compiled scorer kept as an int
        return str(value)
    if value == 0:
        return "0"
    text = format(value.normalize(_CONTEXT), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def whole_or_decimal(value: Decimal | int) -> int | Decimal:
    """A whole amount as an int, else the Decimal: the same value, as TOML writes what a
    person types (``5``) and as the compiled scorer does its cheaper whole-number arithmetic."""
    if isinstance(value, int):  # already whole (a ruleset built in Python)
        return value
    return int(value) if value == value.to_integral_value() else value

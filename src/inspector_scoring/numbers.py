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
import re
from contextlib import AbstractContextManager
from decimal import ROUND_HALF_UP, Decimal

__all__ = [
    "MAX_NUMBER_TEXT",
    "OutOfRange",
    "as_number",
    "decimals_of",
    "exact_arithmetic",
    "format_fixed",
    "format_number",
    "from_units",
    "parse_decimal",
    "parse_integer",
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


#: the longest number a file may write (characters): no amount within the bounds the loaders
#: allow (at most 10^12, 10 decimals) needs more, and a longer one is never converted
MAX_NUMBER_TEXT = 100


class OutOfRange:
    """A number a file writes that is beyond what is read (``1e+99999999999999999999``, or a
    thousand digits): kept as its text so that the loader reports it at its key path.

    ``large`` tells which bound it breaks: too large (``True``) or too many decimals.
    """

    __slots__ = ("large", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.large = _looks_large(text)

    def __repr__(self) -> str:
        return self.text


_NUMBER_PARTS = re.compile(r"[+-]?0*(?P<whole>[0-9_]*)(?:\.[0-9_]*)?(?:[eE](?P<sign>[+-]?)[0-9_]*)?")


def _looks_large(text: str) -> bool:
    """Whether a number too long or too far out to read is too large (else: too fine)."""
    parts = _NUMBER_PARTS.match(text)
    if parts is None:  # pragma: no cover - the parsers hand over numbers only
        return True
    if parts.group("sign") is not None:
        return parts.group("sign") != "-"
    return bool(parts.group("whole"))


def parse_decimal(text: str) -> Decimal | OutOfRange:
    """A number with a fraction or an exponent as a file writes it (the JSON and TOML readers'
    ``parse_float``): an exact Decimal, or :class:`OutOfRange` when it is longer than
    :data:`MAX_NUMBER_TEXT` or its exponent is beyond what Decimal holds."""
    if len(text) > MAX_NUMBER_TEXT:
        return OutOfRange(text)
    try:
        return Decimal(text)
    except decimal.InvalidOperation:
        return OutOfRange(text)


def parse_integer(text: str) -> int | OutOfRange:
    """A whole number as a JSON file writes it (the reader's ``parse_int``): an int, or
    :class:`OutOfRange` when it is longer than :data:`MAX_NUMBER_TEXT` (never converted, so a
    file of a million digits costs nothing)."""
    if len(text) > MAX_NUMBER_TEXT:
        return OutOfRange(text)
    return int(text)


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
    # Exactly, without a context (which would round a long number): the exponent, less the
    # trailing zeros of the digits.
    _sign, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int) or exponent >= 0:
        return 0
    trailing = len(digits) - len(bytes(digits).rstrip(b"\x00"))
    return max(0, -(exponent + trailing))


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
    text = format(value, "f")  # exact, whatever the digits (normalising would round past 60)
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

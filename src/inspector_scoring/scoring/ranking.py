"""名次: the Chinese ranking of a month's totals, and the lowest places it gives.

Tied totals share a place and the next place follows without a gap (dense
ranking: 98, 95, 95, 90 are placed 1, 2, 2, 3). Only inspectors with duty days
are ranked: one on leave all month has no total to compare.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

__all__ = ["lowest", "places"]


def places(totals: Iterable[Decimal], /) -> dict[Decimal, int]:
    """Each distinct total's place: the highest is 1, tied totals share one, none is skipped."""
    return {total: place for place, total in enumerate(sorted(set(totals), reverse=True), start=1)}


def lowest(totals: Mapping[str, Decimal], count: int, /) -> frozenset[str]:
    """The inspectors among the ``count`` lowest: those with fewer than ``count`` people placed
    below them, never those sharing the best total.

    A tie at the boundary brings in everyone sharing that place, so the list may
    be longer than ``count`` (98, 95, 90, 90, 85 with ``count = 3``: 90, 90 and
    85; 98, 90, 90, 90, 85: the three at 90 and 85). Those sharing the month's
    best total are never among the lowest: when most of a township scores full
    marks, only those below them are (and when all tie, nobody is).
    """
    if not totals:
        return frozenset()
    best = max(totals.values())
    below: dict[Decimal, int] = {}
    for n, total in enumerate(sorted(totals.values())):
        below.setdefault(total, n)
    return frozenset(
        inspector for inspector, total in totals.items() if below[total] < count and total != best
    )

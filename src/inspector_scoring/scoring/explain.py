"""The Chinese sentence that states the facts behind one rule's amount.

Worked out from a rule's record the first time a view reads it, and kept on
the record, so every view shows the same words: ``下井13次，少于15次2次，每次扣2分，扣4分``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from ..evidence.measure import Uncounted
from ..numbers import format_number as num
from ..rules.model import Comparison, Metric, Rule

__all__ = ["explain"]


def _days(days: Sequence[date]) -> str:
    return "（" + "、".join(f"{day.month}月{day.day}日" for day in days) + "）" if days else ""


def _uncounted(uncounted: Sequence[Uncounted], minutes: int | None, unit: str) -> str:
    """``（另有2次不足120分钟、1次无升井记录，未计入）``: the events of the kind left out."""
    if not uncounted:
        return ""
    short = sum(1 for event in uncounted if event.reason == "short")
    no_exit = len(uncounted) - short
    parts = []
    if short:
        parts.append(f"{short}{unit}不足{minutes}分钟")
    if no_exit:
        parts.append(f"{no_exit}{unit}无升井记录")
    return "（另有" + "、".join(parts) + "，未计入）"


def explain(
    rule: Rule,
    metric: Metric,
    *,
    value: Decimal,
    threshold: Decimal,
    uncapped: Decimal,
    raw: Decimal,
    bonus: bool,
    days: Sequence[date] = (),
    duty_days: int | None = None,
    period_days: int | None = None,
    uncounted: Sequence[Uncounted] = (),
) -> str:
    """The sentence for one rule: the value, how it compares, and the amount.

    ``duty_days`` and ``period_days`` are given when the threshold was prorated;
    ``uncapped`` differs from ``raw`` when the rule's cap cut the amount.
    """
    verb = "加" if bonus else "扣"
    unit = metric.unit
    facts = f"{metric.phrase}{num(value)}{unit}{_days(days)}{_uncounted(uncounted, metric.min_minutes, unit)}"
    proration = ""
    if duty_days is not None and period_days is not None:
        if duty_days == 0:
            return f"{facts}，本期无在岗天数，不考核"
        base = num(rule.threshold)
        proration = (
            f"（在岗{duty_days}天/本期{period_days}天，标准由{base}{unit}按比例折算为{num(threshold)}{unit}）"
        )
    t = f"{num(threshold)}{unit}"
    if rule.comparison is Comparison.BELOW:
        side, short, gap = "少于", "不少于", threshold - value
    else:
        side, short, gap = "多于", "不多于", value - threshold
    plain_count = rule.comparison is Comparison.ABOVE and threshold == 0
    if raw == 0 and not rule.comparison.fires(value, threshold):
        if plain_count:
            return f"{facts}，不{verb}分"
        return f"{facts}，{short}{t}，不{verb}分{proration}"
    if rule.fixed is not None:
        compare = "" if plain_count else f"，{side}{t}"
        return f"{facts}{compare}，{verb}{num(raw)}分{proration}"
    assert rule.per is not None
    compare = "" if plain_count else f"，{side}{t}{num(gap)}{unit}"
    amount = f"{verb}{num(raw)}分"
    if uncapped != raw:
        amount = f"应{verb}{num(uncapped)}分，以{num(raw)}分为限，{verb}{num(raw)}分"
    return f"{facts}{compare}，每{unit}{verb}{num(rule.per)}分，{amount}{proration}"

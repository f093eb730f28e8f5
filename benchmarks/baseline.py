"""The yardstick: the default scheme scored by straight-line plain Python, no rule file.

``python benchmarks/baseline.py EVIDENCE.json [--output FILE]``

Everything of ``rules/default.toml`` is written into the code (DOMAIN.md, "The
default scheme"): quotas 15 / 5 / 10 / 1 prorated by duty days, the amounts per
unit, item points, the night window 22:00-06:00, the bonus capped at 5, the two
vetoes and the grades 90 / 70 / 60. It reads the same evidence file with exact
decimals and gives every inspector's item scores, bonus, total (rounded half up
to one decimal) and grade: the fastest plain Python we could write for the
numbers the engine computes, to measure the engine's generality against. It
trusts its input (no validation, no breakdown, no explanations).

``score_file(path)`` parses and scores; ``score_loaded(data)`` is the scoring
loop alone, on a file already parsed with ``json.loads(..., parse_float=Decimal)``.
"""

from __future__ import annotations

import calendar
import gc
import json
import sys
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

ITEMS = (
    "on_site",
    "underground",
    "night_underground",
    "work_log",
    "preshift",
    "safety_meeting",
    "reachable",
    "hazards",
)
_TENTH = Decimal("0.1")
_FAIL = "不合格"


def _duty_days(inspector: dict[str, Any], first: str, last: str) -> set[str]:
    """The inspector's duty days as two-digit day strings ("01".."31"): service less leave."""
    start = max(first, inspector.get("serving_from", first))
    end = min(last, inspector.get("serving_until", last))
    if start > end:
        return set()
    days = {f"{day:02d}" for day in range(int(start[8:10]), int(end[8:10]) + 1)}
    for leave in inspector.get("leave", ()):
        low, high = max(leave["from"], start), min(leave["to"], end)
        if low <= high:
            days.difference_update(f"{day:02d}" for day in range(int(low[8:10]), int(high[8:10]) + 1))
    return days


def score_loaded(data: dict[str, Any]) -> list[dict[str, Any]]:  # noqa: PLR0915 - straight-line on purpose
    """Score every inspector of a parsed evidence file (a month of the default scheme).

    One loop, no calls per inspector or per event: the yardstick pays for nothing
    but the arithmetic and the dictionary look-ups the numbers need.
    """
    period = data["assessment"]["period"]
    period_days = calendar.monthrange(int(period[:4]), int(period[5:7]))[1]
    first, last = f"{period}-01", f"{period}-{period_days:02d}"
    half = 2 * period_days
    results: list[dict[str, Any]] = []
    append = results.append
    for inspector in data["inspectors"]:
        if "serving_from" in inspector or "serving_until" in inspector or "leave" in inspector:
            duty: set[str] | None = _duty_days(inspector, first, last)
            duty_days = len(duty or ())
        else:
            duty, duty_days = None, period_days
        events = inspector.get("events")
        counts = inspector.get("counts")
        if events is None:
            c = counts
            absences = c["absences"]
            entries = c["underground_entries"]
            night = c["night_underground_entries"]
            no_log = c["days_without_work_log"]
            preshift = c["preshift_meetings"]
            safety = c["safety_meetings"]
            unreachable = c["unreachable_checks"]
            missed_general = c["missed_general_hazards"]
            missed_major = c["missed_major_hazards"]
            found_major = c["major_hazards_found"]
            commendations = c["commendations"]
            falsifications = c["falsifications"]
            concealed = c["concealed_accidents"]
        else:
            absences = entries = night = preshift = safety = unreachable = 0
            missed_general = missed_major = found_major = commendations = 0
            falsifications = concealed = 0
            logged = set()
            for event in events:
                kind = event["kind"]
                if kind == "work_log":
                    logged.add(event["at"][8:10])
                elif kind == "underground":
                    entries += 1
                    hour = event["at"][11:13]
                    if hour >= "22" or hour < "06":
                        night += 1
                elif kind == "preshift_meeting":
                    preshift += 1
                elif kind == "safety_meeting":
                    safety += 1
                elif kind == "absence":
                    absences += 1
                elif kind == "unreachable":
                    unreachable += 1
                elif kind == "missed_hazard":
                    level = event.get("level")
                    if level == "一般":
                        missed_general += 1
                    elif level == "重大":
                        missed_major += 1
                elif kind == "hazard_found":
                    if event.get("level") == "重大":
                        found_major += 1
                elif kind == "commendation":
                    commendations += 1
                elif kind == "falsification":
                    falsifications += 1
                elif kind == "concealment":
                    concealed += 1
            no_log = period_days - len(logged) if duty is None else len(duty - logged)
            if counts:  # counts win over events, metric by metric (SPEC §3.3)
                absences = counts.get("absences", absences)
                entries = counts.get("underground_entries", entries)
                night = counts.get("night_underground_entries", night)
                no_log = counts.get("days_without_work_log", no_log)
                preshift = counts.get("preshift_meetings", preshift)
                safety = counts.get("safety_meetings", safety)
                unreachable = counts.get("unreachable_checks", unreachable)
                missed_general = counts.get("missed_general_hazards", missed_general)
                missed_major = counts.get("missed_major_hazards", missed_major)
                found_major = counts.get("major_hazards_found", found_major)
                commendations = counts.get("commendations", commendations)
                falsifications = counts.get("falsifications", falsifications)
                concealed = counts.get("concealed_accidents", concealed)

        # Quotas, prorated by duty days and rounded half up (none without duty days).
        if duty_days == period_days:
            q_entries, q_night, q_preshift, q_safety = 15, 5, 10, 1
        else:
            q_entries = (30 * duty_days + period_days) // half
            q_night = (10 * duty_days + period_days) // half
            q_preshift = (20 * duty_days + period_days) // half
            q_safety = (2 * duty_days + period_days) // half

        # Each item: its points less its raw deductions, never below zero (扣完为止).
        on_site = max(20 - 5 * absences, 0)
        underground = max(20 - 2 * (q_entries - entries), 0) if entries < q_entries else 20
        night_underground = max(15 - 3 * (q_night - night), 0) if night < q_night else 15
        work_log = max(15 - no_log, 0)
        preshift_score = max(10 - (q_preshift - preshift), 0) if preshift < q_preshift else 10
        safety_meeting = 0 if safety < q_safety else 5
        reachable = max(5 - 2 * unreachable, 0)
        hazards = max(10 - 2 * missed_general - 5 * missed_major, 0)
        bonus = min(2 * found_major + 3 * commendations, 5)
        total = (
            on_site
            + underground
            + night_underground
            + work_log
            + preshift_score
            + safety_meeting
            + reachable
            + hazards
            + bonus
        )
        total = min(total, 100)
        if type(total) is not int:
            total = total.quantize(_TENTH, rounding=ROUND_HALF_UP)
        if falsifications > 0 or concealed > 0:
            grade = _FAIL
        elif total >= 90:
            grade = "优秀"
        elif total >= 70:
            grade = "合格"
        elif total >= 60:
            grade = "基本合格"
        else:
            grade = _FAIL
        append(
            {
                "id": inspector["id"],
                "total": total,
                "grade": grade,
                "items": {
                    "on_site": on_site,
                    "underground": underground,
                    "night_underground": night_underground,
                    "work_log": work_log,
                    "preshift": preshift_score,
                    "safety_meeting": safety_meeting,
                    "reachable": reachable,
                    "hazards": hazards,
                },
                "bonus": bonus,
            }
        )
    return results


def load(path: str) -> dict[str, Any]:
    """Parse an evidence file with exact decimals.

    The cycle collector is paused while parsing: a JSON tree has no reference
    cycles, and a million new dicts would otherwise set off collections that
    walk the whole growing tree (a third of the parse time of a large file).
    """
    with open(path, "rb") as stream:
        text = stream.read().decode("utf-8-sig")
    enabled = gc.isenabled()
    gc.disable()
    try:
        data: dict[str, Any] = json.loads(text, parse_float=Decimal)
    finally:
        if enabled:
            gc.enable()
    return data


def score_file(path: str) -> list[dict[str, Any]]:
    """Parse and score an evidence file."""
    return score_loaded(load(path))


def _plain(value: Any) -> Any:
    """A Decimal as JSON can write it with the same digits: an int, or a float whose repr is exact."""
    if value == value.to_integral_value():
        return int(value)
    number = float(value)
    if Decimal(repr(number)) != value:
        raise ValueError(f"{value} has more digits than this writer keeps")
    return number


def dumps(results: list[dict[str, Any]]) -> str:
    """The comparable result as JSON text: ids, totals, grades, item scores and bonus."""
    return json.dumps({"results": results}, ensure_ascii=False, default=_plain) + "\n"


def main(argv: list[str]) -> int:
    """Command line: score a file and write the comparable result."""
    if not argv or argv[0].startswith("-"):
        print("usage: baseline.py EVIDENCE.json [--output FILE]", file=sys.stderr)
        return 2
    text = dumps(score_file(argv[0]))
    if len(argv) >= 3 and argv[1] == "--output":
        with open(argv[2], "w", encoding="utf-8") as stream:
            stream.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

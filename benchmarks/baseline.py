"""The yardstick: a scheme scored by straight-line plain Python, no rule file.

``python benchmarks/baseline.py EVIDENCE.json [--scheme default|second] [--output FILE]``

Everything of ``rules/default.toml`` is written into the code (docs/rules.md, "The
bundled scheme"): quotas 15 / 5 / 10 / 1 prorated by duty days, the amounts per
unit, item points, the night window 22:00-06:00, entries of at least 120
minutes, the bonus capped at 5, the two
vetoes and the grades 90 / 70 / 60. It reads the same evidence file with exact
decimals and gives every inspector's item scores, bonus, total (rounded half up
to one decimal) and grade: the fastest plain Python we could write for the
numbers the engine computes, to measure the engine's generality against. It
trusts its input (no validation, no breakdown, no explanations).

``score_file(path)`` parses and scores; ``score_loaded(data)`` is the scoring
loop alone, on a file already parsed with ``json.loads(..., parse_float=Decimal)``.

``score_file_second`` and ``score_loaded_second`` do the same for the second
scheme (``benchmarks/generate.py --scheme second --rules-output FILE``), written
into the code the same way, in quarter points (0.75 is 3 quarters) so that whole
counts stay whole numbers.
"""

from __future__ import annotations

import calendar
import gc
import json
import sys
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any


def _minutes(at: str, until: str) -> int:
    """Whole minutes from entry to exit."""
    return int((datetime.fromisoformat(until) - datetime.fromisoformat(at)).total_seconds()) // 60


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
                    until = event.get("until")
                    if until is None or _minutes(event["at"], until) < 120:
                        continue  # an entry counts when it lasted two hours (and has an exit)
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
            if counts:  # counts win over events, metric by metric (docs/evidence.md, metric values)
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


# -- the second scheme ---------------------------------------------------------------

ITEMS_SECOND = ("on_duty", "underground", "work_log", "meetings", "hazards", "discipline")
_HUNDREDTH = Decimal("0.01")
_HUNDRED = Decimal(100)
#: a whole number of quarter points as the points: ``_QUARTERS[7]`` is Decimal("1.75"), ``[8]`` is 2
_QUARTERS: list[int | Decimal] = [q // 4 if q % 4 == 0 else Decimal(q) / 4 for q in range(401)]


def _points(quarters: Any) -> Any:
    """Quarter points as points: from the table when whole, exactly otherwise."""
    return _QUARTERS[quarters] if type(quarters) is int else quarters / 4


def score_loaded_second(data: dict[str, Any]) -> list[dict[str, Any]]:  # noqa: PLR0915 - straight-line
    """Score every inspector of a parsed evidence file on the second scheme (a month).

    The scheme (``generate.SECOND_RULES``), in quarter points: items on_duty 80,
    underground 100, work_log 60, meetings 60, hazards 80, discipline 20 (total
    400); quotas 12 entries, 4 of them 00:00-08:00, 8 pre-shift meetings, 1
    training and 4 general hazards reported, each prorated by duty days; 5 points
    an absence, 1.5 an unreachable check (at most 4.5), 1.5 an entry short, 2 a
    midnight-shift entry short, 0.75 a day without a log (at most 6), 1.5 a
    meeting short, 3 without training, 1 a report short, 2 an overdue
    rectification, 10 for missed major hazards, 2.5 a criticism (default 0);
    bonus 1.5 a major hazard reported and 2 for a commendation, at most 3;
    grades 95 / 80 / 60, a falsification at most 基本称职, a concealment
    不称职; totals half up to two decimals.
    """
    period = data["assessment"]["period"]
    period_days = calendar.monthrange(int(period[:4]), int(period[5:7]))[1]
    first, last = f"{period}-01", f"{period}-{period_days:02d}"
    half = 2 * period_days
    quarters = _QUARTERS
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
            unreachable = c["unreachable_checks"]
            entries = c["underground_entries"]
            night = c["midnight_shift_entries"]
            no_log = c["days_without_work_log"]
            preshift = c["preshift_meetings"]
            trainings = c["trainings"]
            reported = c["hazards_reported"]
            overdue = c["overdue_rectifications"]
            missed_major = c["missed_major_hazards"]
            criticisms = c.get("criticisms", 0)
            reported_major = c["major_hazards_reported"]
            commendations = c["commendations"]
            falsifications = c["falsifications"]
            concealed = c["concealed_accidents"]
        else:
            absences = unreachable = entries = night = preshift = trainings = reported = 0
            overdue = missed_major = reported_major = commendations = falsifications = concealed = 0
            criticisms = 0
            logged = set()
            for event in events:
                kind = event["kind"]
                if kind == "work_log":
                    logged.add(event["at"][8:10])
                elif kind == "underground":
                    entries += 1
                    if event["at"][11:13] < "08":  # the midnight shift, 00:00-08:00
                        night += 1
                elif kind == "preshift_meeting":
                    preshift += 1
                elif kind == "hazard_report":
                    level = event.get("level")
                    if level == "一般":
                        reported += 1
                    elif level == "重大":
                        reported_major += 1
                elif kind == "training":
                    trainings += 1
                elif kind == "rectification_overdue":
                    overdue += 1
                elif kind == "missed_hazard":
                    if event.get("level") == "重大":
                        missed_major += 1
                elif kind == "absence":
                    absences += 1
                elif kind == "unreachable":
                    unreachable += 1
                elif kind == "commendation":
                    commendations += 1
                elif kind == "falsification":
                    falsifications += 1
                elif kind == "concealment":
                    concealed += 1
            no_log = period_days - len(logged) if duty is None else len(duty - logged)
            if counts:  # counts win over events, metric by metric (docs/evidence.md, metric values)
                absences = counts.get("absences", absences)
                unreachable = counts.get("unreachable_checks", unreachable)
                entries = counts.get("underground_entries", entries)
                night = counts.get("midnight_shift_entries", night)
                no_log = counts.get("days_without_work_log", no_log)
                preshift = counts.get("preshift_meetings", preshift)
                trainings = counts.get("trainings", trainings)
                reported = counts.get("hazards_reported", reported)
                overdue = counts.get("overdue_rectifications", overdue)
                missed_major = counts.get("missed_major_hazards", missed_major)
                criticisms = counts.get("criticisms", 0)
                reported_major = counts.get("major_hazards_reported", reported_major)
                commendations = counts.get("commendations", commendations)
                falsifications = counts.get("falsifications", falsifications)
                concealed = counts.get("concealed_accidents", concealed)

        # Quotas, prorated by duty days and rounded half up (none without duty days).
        if duty_days == period_days:
            q_entries, q_night, q_preshift, q_training, q_reported = 12, 4, 8, 1, 4
        else:
            q_entries = (24 * duty_days + period_days) // half
            q_night = (8 * duty_days + period_days) // half
            q_preshift = (16 * duty_days + period_days) // half
            q_training = (2 * duty_days + period_days) // half
            q_reported = (8 * duty_days + period_days) // half

        # Each item in quarter points: its points less its raw deductions, never below zero.
        on_duty = max(80 - 20 * absences - min(6 * unreachable, 18), 0)
        underground = 100
        if entries < q_entries:
            underground -= 6 * (q_entries - entries)
        if night < q_night:
            underground -= 8 * (q_night - night)
        underground = max(underground, 0)
        work_log = 60 - min(3 * no_log, 24)  # the cap, 6 points, is less than the item's 15
        meetings = 60  # at most 1.5 x 8 + 3 = 15 points deducted: never below zero
        if preshift < q_preshift:
            meetings -= 6 * (q_preshift - preshift)
        if trainings < q_training:
            meetings -= 12
        hazards = 80 - 8 * overdue
        if reported < q_reported:
            hazards -= 4 * (q_reported - reported)
        if missed_major > 0:
            hazards -= 40
        hazards = max(hazards, 0)
        discipline = max(20 - 10 * criticisms, 0)
        bonus = 6 * reported_major
        if commendations > 0:
            bonus += 8
        bonus = min(bonus, 12)
        total = on_duty + underground + work_log + meetings + hazards + discipline + bonus
        if type(total) is int:  # whole quarters: exact to two decimals, no rounding
            total = min(total, 400)
            if total >= 380:
                grade = "优秀"
            elif total >= 320:
                grade = "称职"
            elif total >= 240:
                grade = "基本称职"
            else:
                grade = "不称职"
            total = quarters[total]
            items = {
                "on_duty": quarters[on_duty],
                "underground": quarters[underground],
                "work_log": quarters[work_log],
                "meetings": quarters[meetings],
                "hazards": quarters[hazards],
                "discipline": quarters[discipline],
            }
            bonus = quarters[bonus]
        else:  # a count with decimals
            total = min(total / 4, _HUNDRED).quantize(_HUNDREDTH, rounding=ROUND_HALF_UP)
            if total >= 95:
                grade = "优秀"
            elif total >= 80:
                grade = "称职"
            elif total >= 60:
                grade = "基本称职"
            else:
                grade = "不称职"
            items = {
                "on_duty": _points(on_duty),
                "underground": _points(underground),
                "work_log": _points(work_log),
                "meetings": _points(meetings),
                "hazards": _points(hazards),
                "discipline": _points(discipline),
            }
            bonus = _points(bonus)
        if concealed > 0:
            grade = "不称职"
        elif falsifications > 0 and grade in {"优秀", "称职"}:
            grade = "基本称职"
        append({"id": inspector["id"], "total": total, "grade": grade, "items": items, "bonus": bonus})
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


def score_file_second(path: str) -> list[dict[str, Any]]:
    """Parse and score an evidence file on the second scheme."""
    return score_loaded_second(load(path))


#: each scheme's file scorer, by the name ``--scheme`` takes
SCHEMES = {"default": score_file, "second": score_file_second}


#: each Decimal written so far, as ``_plain`` writes it (a result has few distinct numbers)
_PLAIN: dict[Decimal, int | float] = {}


def _plain(value: Any) -> Any:
    """A Decimal as JSON can write it with the same digits: an int, or a float whose repr is exact."""
    plain = _PLAIN.get(value)
    if plain is not None:
        return plain
    if value == value.to_integral_value():
        plain = int(value)
    else:
        plain = float(value)
        if Decimal(repr(plain)) != value:
            raise ValueError(f"{value} has more digits than this writer keeps")
    _PLAIN[value] = plain
    return plain


def dumps(results: list[dict[str, Any]]) -> str:
    """The comparable result as JSON text: ids, totals, grades, item scores and bonus."""
    return json.dumps({"results": results}, ensure_ascii=False, default=_plain) + "\n"


def main(argv: list[str]) -> int:
    """Command line: score a file and write the comparable result."""
    usage = "usage: baseline.py EVIDENCE.json [--scheme default|second] [--output FILE]"
    if not argv or argv[0].startswith("-") or len(argv) % 2 == 0:
        print(usage, file=sys.stderr)
        return 2
    options = dict(zip(argv[1::2], argv[2::2], strict=True))
    scheme = options.pop("--scheme", "default")
    output = options.pop("--output", None)
    if options or scheme not in SCHEMES:
        print(usage, file=sys.stderr)
        return 2
    text = dumps(SCHEMES[scheme](argv[0]))
    if output is not None:
        with open(output, "w", encoding="utf-8") as stream:
            stream.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

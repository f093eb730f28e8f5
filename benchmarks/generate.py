"""Deterministic synthetic evidence for the default scheme, March 2021 (SPEC §3).

``python benchmarks/generate.py --inspectors 20000 --kind events --seed 1 --output FILE``

Each inspector's month is planned first (service, leave, how diligent, how many
entries, logs, meetings and findings), then written either as ``counts`` (all 13
metrics of ``rules/default.toml``) or as ``events`` (about 50 dated records: underground
entries with times, some at night, a work log on most duty days, pre-shift and
safety meetings, now and then an absence, an unreachable check, a hazard with its
``level``, a commendation or a falsification). Every inspector has a generator of
its own seeded from ``(seed, index)``, so the counts and events files of one seed
describe the same months, and a smaller file is a prefix of a larger one.

Refs are unique, every event lies inside March 2021, and no two events share
(kind, at, ref). In counts files about one inspector in fifty has a quarter-unit
value (``2.25``), which exercises exact decimals and half-up rounding of totals.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

YEAR, MONTH, DAYS = 2021, 3, 31
PERIOD = f"{YEAR:04d}-{MONTH:02d}"
KINDS = ("counts", "events")

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
_GIVEN = "国华明志刚建军文平永红伟强德兴晓燕光荣海涛勇军俊杰云峰玉兰秀英福贵成林春生宏斌"
_MINE_WORDS = "青杠坪大河沟花山新田岔河白沙湾老鹰岩龙洞箐马鞍山红岩石门坎黑石坡"
_NOTES = ("检查井下安全监控传感器", "夜间突击检查瓦斯巡检", "检查采掘工作面支护", "复查隐患整改")

HEADER: dict[str, Any] = {
    "schema": 1,
    "assessment": {
        "township": "模拟乡",
        "period": PERIOD,
        "assessed_on": "2021-04-06",
        "issuer": "模拟乡人民政府",
        "contact": "0812-0000000 (模拟乡矿山安全生产服务中心)",
        "panel": [
            {"name": "周明华", "role": "组长", "unit": "模拟乡人民政府"},
            {"name": "郑晓燕", "role": "成员", "unit": "模拟乡矿山安全生产服务中心"},
        ],
    },
}


def day_text(day: int) -> str:
    """``2021-03-DD`` for a day of the month."""
    return f"{PERIOD}-{day:02d}"


@dataclass
class Month:
    """One inspector's planned month: who, when on duty, and how much of each duty."""

    index: int
    id: str
    name: str
    mine: str
    serving_from: int | None = None
    serving_until: int | None = None
    #: inclusive leave ranges as ISO dates (they may reach outside March)
    leave: list[tuple[str, str]] = field(default_factory=list)
    duty: list[int] = field(default_factory=list)
    logged: list[int] = field(default_factory=list)
    underground: int = 0
    night: int = 0
    preshift: int = 0
    safety: int = 0
    absences: int = 0
    unreachable: int = 0
    missed_general: int = 0
    missed_major: int = 0
    found_general: int = 0
    found_major: int = 0
    commendations: int = 0
    falsifications: int = 0
    concealments: int = 0


def _few(rng: random.Random, chance: float, most: int) -> int:
    """0 usually; with ``chance``, 1 to ``most`` (1 the likeliest)."""
    if rng.random() >= chance:
        return 0
    return min(most, 1 + int(rng.expovariate(1.5)))


def _service(rng: random.Random, month: Month) -> set[int]:
    """Set the month's service dates and approved leave; return the days of March on leave."""
    first = 1
    if rng.random() < 0.03:
        first = month.serving_from = rng.randint(2, 28)
    if rng.random() < 0.02:
        month.serving_until = rng.randint(first + 1, DAYS)
    on_leave: set[int] = set()
    roll = rng.random()
    if roll < 0.003:  # on leave all month: no duty days, so no quota applies
        month.leave.append(
            (f"{YEAR:04d}-02-{rng.randint(10, 28):02d}", f"{YEAR:04d}-04-0{rng.randint(1, 9)}")
        )
        on_leave.update(range(1, DAYS + 1))
    elif roll < 0.01:  # reaches back into February: clipped to the period
        end = rng.randint(1, 6)
        month.leave.append((f"{YEAR:04d}-02-{rng.randint(20, 28):02d}", day_text(end)))
        on_leave.update(range(1, end + 1))
    elif roll < 0.02:  # reaches into April
        start = rng.randint(25, DAYS)
        month.leave.append((day_text(start), f"{YEAR:04d}-04-0{rng.randint(1, 5)}"))
        on_leave.update(range(start, DAYS + 1))
    elif roll < 0.07:
        for _ in range(rng.choice((1, 1, 1, 2))):
            start = rng.randint(1, DAYS - 1)
            end = min(DAYS, start + rng.randint(0, 9))
            if on_leave.intersection(range(start, end + 1)):
                continue  # ranges must not overlap
            month.leave.append((day_text(start), day_text(end)))
            on_leave.update(range(start, end + 1))
    month.leave.sort()
    return on_leave


def plan_month(seed: int, index: int) -> Month:
    """Plan inspector ``index``'s month from its own generator (same for counts and events)."""
    rng = random.Random(f"{seed}:{index}")
    month = Month(
        index=index,
        id=f"SIM-{index + 1:06d}",
        name=rng.choice(_SURNAMES) + "".join(rng.choices(_GIVEN, k=rng.choice((1, 2)))),
        mine=rng.choice(_MINE_WORDS) + rng.choice(_MINE_WORDS) + "煤矿",
    )
    on_leave = _service(rng, month)
    month.duty = [
        day
        for day in range(month.serving_from or 1, (month.serving_until or DAYS) + 1)
        if day not in on_leave
    ]
    share = len(month.duty) / DAYS

    # How diligent this inspector is this month.
    roll = rng.random()
    if roll < 0.70:
        effort, log_rate = rng.uniform(1.0, 1.4), 0.995
    elif roll < 0.95:
        effort, log_rate = rng.uniform(0.75, 1.05), 0.93
    else:
        effort, log_rate = rng.uniform(0.3, 0.8), 0.7
    month.logged = [day for day in month.duty if rng.random() < log_rate]
    if on_leave and rng.random() < 0.2:  # a log written on a leave day: allowed, not needed
        month.logged = sorted({*month.logged, rng.choice(sorted(on_leave))})
    month.underground = max(0, round(15 * share * effort + rng.gauss(0, 1)))
    month.night = min(month.underground, max(0, round(5 * share * effort + rng.gauss(0, 0.7))))
    month.preshift = max(0, round(10 * share * effort + rng.gauss(0, 1)))
    month.safety = int(rng.random() < 0.9 * min(1.0, effort) + 0.05) + int(rng.random() < 0.2)
    month.absences = _few(rng, 0.04, 5)
    month.unreachable = _few(rng, 0.05, 3)
    month.missed_general = _few(rng, 0.05, 4)
    month.missed_major = _few(rng, 0.01, 2)
    month.found_general = _few(rng, 0.05, 3)
    month.found_major = _few(rng, 0.03, 3)
    month.commendations = _few(rng, 0.01, 2)
    month.falsifications = _few(rng, 0.005, 1)
    month.concealments = _few(rng, 0.001, 1)
    if not month.duty:  # no duty days: no entries or meetings either
        month.underground = month.night = month.preshift = month.safety = 0
    return month


def _person(month: Month) -> dict[str, Any]:
    record: dict[str, Any] = {"id": month.id, "name": month.name, "mine": month.mine}
    if month.serving_from is not None:
        record["serving_from"] = day_text(month.serving_from)
    if month.serving_until is not None:
        record["serving_until"] = day_text(month.serving_until)
    if month.leave:
        record["leave"] = [
            {"from": start, "to": end, "reason": "病假", "approved_by": "模拟乡"}
            for start, end in month.leave
        ]
    return record


def counts_record(month: Month, seed: int) -> dict[str, Any]:
    """The inspector with all 13 metrics given as counts."""
    counts: dict[str, int | float] = {
        "absences": month.absences,
        "underground_entries": month.underground,
        "night_underground_entries": month.night,
        "days_without_work_log": len(set(month.duty) - set(month.logged)),
        "preshift_meetings": month.preshift,
        "safety_meetings": month.safety,
        "unreachable_checks": month.unreachable,
        "missed_general_hazards": month.missed_general,
        "missed_major_hazards": month.missed_major,
        "major_hazards_found": month.found_major,
        "commendations": month.commendations,
        "falsifications": month.falsifications,
        "concealed_accidents": month.concealments,
    }
    rng = random.Random(f"{seed}:{month.index}:fraction")
    if rng.random() < 0.02:
        # Quarter units are exact in binary, so json writes them as typed (2.25).
        metric = rng.choice(sorted(counts))
        counts[metric] += rng.choice((0.25, 0.5, 0.75))
    return {**_person(month), "counts": counts}


def _clock(rng: random.Random, night: bool) -> str:
    """A time of day inside (or outside) the night window 22:00-06:00, now and then on its edge."""
    if rng.random() < 0.03:
        return rng.choice(("22:00:00", "05:59:59")) if night else rng.choice(("06:00:00", "21:59:59"))
    hour = rng.choice((22, 23, 0, 1, 2, 3, 4, 5)) if night else rng.randint(6, 21)
    return f"{hour:02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}"


def events_record(month: Month, seed: int) -> dict[str, Any]:
    """The inspector with the month given as dated events (sorted by time, as exported)."""
    rng = random.Random(f"{seed}:{month.index}:events")
    serial = iter(range(1, 10_000))
    events: list[dict[str, str]] = []

    def add(kind: str, at: str, ref: str | None, **extra: str) -> None:
        event = {"kind": kind, "at": at}
        if ref is not None:
            event["ref"] = f"{ref}{month.index + 1}-{next(serial)}"
        if rng.random() < 0.04:
            event["note"] = rng.choice(_NOTES)
        event.update(extra)
        events.append(event)

    duty = month.duty or list(range(1, DAYS + 1))
    for day in month.logged:
        add("work_log", day_text(day), None)
    for n in range(month.underground):
        add("underground", f"{day_text(rng.choice(duty))}T{_clock(rng, n < month.night)}", "定位系统#")
    for _ in range(month.preshift):
        shift = rng.choice(("07:30:00", "15:30:00", "23:30:00"))
        at = day_text(rng.choice(duty)) + ("" if rng.random() < 0.1 else f"T{shift}")
        add("preshift_meeting", at, "签到表#BQ-")
    for _ in range(month.safety):
        add("safety_meeting", f"{day_text(rng.choice(duty))}T09:30:00", "签到表#AQ-")
    for kind, times, extra in (
        ("absence", month.absences, {}),
        ("unreachable", month.unreachable, {}),
        ("missed_hazard", month.missed_general, {"level": "一般"}),
        ("missed_hazard", month.missed_major, {"level": "重大"}),
        ("hazard_found", month.found_general, {"level": "一般"}),
        ("hazard_found", month.found_major, {"level": "重大"}),
        ("commendation", month.commendations, {}),
        ("falsification", month.falsifications, {}),
        ("concealment", month.concealments, {}),
    ):
        source = "隐患台账#" if "hazard" in kind else "抽查记录#"
        for _ in range(times):
            at = f"{day_text(rng.choice(duty))}T{rng.randint(8, 20):02d}:{rng.randrange(60):02d}:00"
            add(kind, at, source, **extra)
    events.sort(key=lambda event: event["at"])
    return {**_person(month), "events": events}


def records(inspectors: int, kind: str, seed: int) -> Iterator[dict[str, Any]]:
    """The inspectors of a file, in order."""
    for index in range(inspectors):
        month = plan_month(seed, index)
        yield counts_record(month, seed) if kind == "counts" else events_record(month, seed)


def write(stream: TextIO, inspectors: int, kind: str, seed: int) -> None:
    """Write a whole evidence file, one inspector a line (streamed: 10^5 inspectors fit in memory)."""
    head = json.dumps(HEADER, ensure_ascii=False)
    stream.write(head[:-1] + ', "inspectors": [\n')
    for n, record in enumerate(records(inspectors, kind, seed)):
        if n:
            stream.write(",\n")
        stream.write(json.dumps(record, ensure_ascii=False))
    stream.write("\n]}\n")


def evidence(inspectors: int, kind: str, seed: int) -> dict[str, Any]:
    """A whole evidence file as Python objects (for tests; floats only as quarter units)."""
    return {**HEADER, "inspectors": list(records(inspectors, kind, seed))}


def main(argv: list[str] | None = None) -> int:
    """Command line: write one evidence file."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inspectors", type=int, default=20_000, help="how many inspectors (default 20000)")
    parser.add_argument("--kind", choices=KINDS, default="events", help="counts or events (default events)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the generator (default 1)")
    parser.add_argument("--output", type=Path, help="the file to write (default: standard output)")
    args = parser.parse_args(argv)
    if args.output is None:
        write(sys.stdout, args.inspectors, args.kind, args.seed)
    else:
        with args.output.open("w", encoding="utf-8") as stream:
            write(stream, args.inspectors, args.kind, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Deterministic synthetic evidence (docs/evidence.md) for the default scheme, March 2021, or a second one.

``python benchmarks/generate.py --inspectors 20000 --kind events --seed 1 --output FILE``

``python benchmarks/generate.py --scheme second --rules-output FILE`` writes the second
scheme's rule file (``SECOND_RULES``), and ``--scheme second --inspectors N --kind
counts|events --seed S --output FILE`` evidence for it (see ``plan_second``).

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
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TextIO

YEAR, MONTH, DAYS = 2021, 3, 31
PERIOD = f"{YEAR:04d}-{MONTH:02d}"
KINDS = ("counts", "events")
SCHEMES = ("default", "second")

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


def _few(rng: random.Random, chance: float, most: int, rate: float = 1.5) -> int:
    """0 usually; with ``chance``, 1 to ``most`` (1 the likeliest; a lower ``rate``, more of the rest)."""
    if rng.random() >= chance:
        return 0
    return min(most, 1 + int(rng.expovariate(rate)))


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


def _person(month: Month, reasons: Sequence[str] = ()) -> dict[str, Any]:
    """The inspector's own keys; each leave's reason from ``reasons`` in turn (default 病假)."""
    record: dict[str, Any] = {"id": month.id, "name": month.name, "mine": month.mine}
    if month.serving_from is not None:
        record["serving_from"] = day_text(month.serving_from)
    if month.serving_until is not None:
        record["serving_until"] = day_text(month.serving_until)
    if month.leave:
        record["leave"] = [
            {"from": start, "to": end, "reason": reasons[n] if reasons else "病假", "approved_by": "模拟乡"}
            for n, (start, end) in enumerate(month.leave)
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


def _until(at: str, minutes: int) -> str:
    """The exit ``minutes`` after an entry at ``at``."""
    return (datetime.fromisoformat(at) + timedelta(minutes=minutes)).isoformat()


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
    # Each entry lasts two to five hours (the default scheme counts one of at least 120 minutes),
    # drawn from a generator of its own, so the rest of the month is drawn as before.
    spans = random.Random(f"{seed}:{month.index}:until")
    for n in range(month.underground):
        at = f"{day_text(rng.choice(duty))}T{_clock(rng, n < month.night)}"
        add("underground", at, "定位系统#", until=_until(at, spans.randint(120, 300)))
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


# -- the second scheme -----------------------------------------------------------------

#: The second scheme's rule file, written as it is by ``--scheme second --rules-output FILE``.
SECOND_RULES = """\
# A second assessment scheme for resident coal-mine safety inspectors (驻矿安监员), for the
# benchmark only (benchmarks/generate.py writes it; the evidence it generates fits it).
# Synthetic: the township and issuer are invented. It is unlike rules/default.toml where
# the engine's work differs: amounts with decimals (0.75, 1.5, 2.5), rules with a cap, a
# metric with a default that evidence usually leaves out, a night window that does not
# wrap (零点班, 00:00-08:00), six items of one to three rules, five prorated quotas, a
# fixed bonus rule, a veto to a grade that is not the lowest and one without a grade,
# and totals to two decimals.

schema = 1

[ruleset]
id = "moni-resident-inspector"
title = "模拟县煤矿驻矿安全监管员月度考核办法"
version = "2021.1"
issuer = "模拟县应急管理局"
basis = ["《煤矿安全规程》", "《煤矿重大事故隐患判定标准》"]
effective_from = 2021-01-01
period = "month"
total = 100
precision = 2

# 零点班: the midnight shift, 00:00-08:00 (does not wrap midnight).
[night]
from = 00:00:00
to = 08:00:00

# ---------------------------------------------------------------- metrics

[metrics.absences]
title = "未经批准擅自离矿次数"
label = "未经批准擅自离矿"
count = "absence"

[metrics.unreachable_checks]
title = "抽查时电话无法联系次数"
label = "抽查时电话无法联系"
count = "unreachable"

[metrics.underground_entries]
title = "下井检查次数"
label = "下井检查"
count = "underground"

[metrics.midnight_shift_entries]
title = "零点班入井次数"
label = "零点班入井"
count = "underground"
during = "night"

[metrics.days_without_work_log]
title = "未填写安全监管日志天数"
unit = "天"
label = "未填写安全监管日志"
days_without = "work_log"

[metrics.preshift_meetings]
title = "参加班前会次数"
label = "参加班前会"
count = "preshift_meeting"

[metrics.trainings]
title = "参加安全培训次数"
label = "参加安全培训"
count = "training"

[metrics.hazards_reported]
title = "排查上报一般隐患条数"
unit = "条"
label = "排查上报一般隐患"
count = "hazard_report"
where = { level = "一般" }

[metrics.overdue_rectifications]
title = "督促整改不力、逾期未整改的隐患条数"
unit = "条"
label = "逾期未整改隐患"
count = "rectification_overdue"

[metrics.missed_major_hazards]
title = "应发现未发现的重大事故隐患"
unit = "条"
label = "应发现未发现的重大事故隐患"
count = "missed_hazard"
where = { level = "重大" }

# Recorded by hand and only when it happens: evidence usually leaves it out.
[metrics.criticisms]
title = "被县级以上通报批评次数"
label = "被县级以上通报批评"
default = 0

[metrics.major_hazards_reported]
title = "排查上报重大事故隐患项数"
unit = "项"
label = "排查上报重大事故隐患"
count = "hazard_report"
where = { level = "重大" }

[metrics.commendations]
title = "受市级以上表彰次数"
label = "受市级以上表彰"
count = "commendation"

[metrics.falsifications]
title = "弄虚作假"
unit = "起"
label = "弄虚作假"
count = "falsification"

[metrics.concealed_accidents]
title = "瞒报、谎报、迟报事故"
unit = "起"
label = "瞒报、谎报、迟报事故"
count = "concealment"

# ---------------------------------------------------------------- items (20+25+15+15+20+5 = 100)

[[items]]
id = "on_duty"
title = "驻矿值守"
points = 20

  [[items.rules]]
  id = "absent-without-leave"
  text = "未经批准擅自离矿的，每次扣5分"
  metric = "absences"
  above = 0
  per = 5

  [[items.rules]]
  id = "unreachable"
  text = "抽查时电话无法联系的，每次扣1.5分，最多扣4.5分"
  metric = "unreachable_checks"
  above = 0
  per = 1.5
  cap = 4.5

[[items]]
id = "underground"
title = "下井检查"
points = 25

  [[items.rules]]
  id = "underground-shortfall"
  text = "每月下井检查少于12次的，每少1次扣1.5分"
  metric = "underground_entries"
  below = 12
  per = 1.5
  prorate = true

  [[items.rules]]
  id = "midnight-shift-shortfall"
  text = "每月零点班入井少于4次的，每少1次扣2分"
  metric = "midnight_shift_entries"
  below = 4
  per = 2
  prorate = true

[[items]]
id = "work_log"
title = "安全监管日志"
points = 15

  [[items.rules]]
  id = "work-log-missing"
  text = "未按日填写安全监管日志的，每缺1天扣0.75分，最多扣6分"
  metric = "days_without_work_log"
  above = 0
  per = 0.75
  cap = 6

[[items]]
id = "meetings"
title = "班前会与安全培训"
points = 15

  [[items.rules]]
  id = "preshift-shortfall"
  text = "每月参加班前会少于8次的，每少1次扣1.5分"
  metric = "preshift_meetings"
  below = 8
  per = 1.5
  prorate = true

  [[items.rules]]
  id = "training-missing"
  text = "每月未参加安全培训的，扣3分"
  metric = "trainings"
  below = 1
  fixed = 3
  prorate = true

[[items]]
id = "hazards"
title = "隐患排查治理"
points = 20

  [[items.rules]]
  id = "hazard-report-shortfall"
  text = "每月排查上报一般隐患少于4条的，每少1条扣1分"
  metric = "hazards_reported"
  below = 4
  per = 1
  prorate = true

  [[items.rules]]
  id = "overdue-rectification"
  text = "督促整改不力，隐患逾期未整改的，每条扣2分"
  metric = "overdue_rectifications"
  above = 0
  per = 2

  [[items.rules]]
  id = "missed-major-hazard"
  text = "所驻煤矿存在重大事故隐患而应发现未发现的，扣10分"
  metric = "missed_major_hazards"
  above = 0
  fixed = 10

[[items]]
id = "discipline"
title = "工作纪律"
points = 5

  [[items.rules]]
  id = "criticised"
  text = "被县级以上通报批评的，每次扣2.5分"
  metric = "criticisms"
  above = 0
  per = 2.5

# ---------------------------------------------------------------- bonus

[bonus]
cap = 3

  [[bonus.rules]]
  id = "major-hazard-reported"
  text = "排查上报重大事故隐患并督促整改的，每项加1.5分"
  metric = "major_hazards_reported"
  above = 0
  per = 1.5

  [[bonus.rules]]
  id = "commendation"
  text = "受市级以上表彰的，加2分"
  metric = "commendations"
  above = 0
  fixed = 2

# ---------------------------------------------------------------- vetoes (一票否决)

[[vetoes]]
id = "falsification"
text = "弄虚作假（伪造下井记录、代签班前会、补填日志）的，当月考核不得评为称职以上"
metric = "falsifications"
above = 0
grade = "基本称职"

# No grade: the lowest, 不称职.
[[vetoes]]
id = "concealment"
text = "对所驻煤矿事故瞒报、谎报、迟报的，当月考核为不称职"
metric = "concealed_accidents"
above = 0

# ---------------------------------------------------------------- grades

[[grades]]
name = "优秀"
min = 95

[[grades]]
name = "称职"
min = 80

[[grades]]
name = "基本称职"
min = 60

[[grades]]
name = "不称职"
min = 0

[notice]
title = "{township}{period}煤矿驻矿安全监管员考核结果公示"
working_days = 7
"""

#: The second scheme's metrics as an evidence file's ``counts`` gives them (all but ``criticisms``).
SECOND_COUNTED = (
    "absences",
    "unreachable_checks",
    "underground_entries",
    "midnight_shift_entries",
    "days_without_work_log",
    "preshift_meetings",
    "trainings",
    "hazards_reported",
    "overdue_rectifications",
    "missed_major_hazards",
    "major_hazards_reported",
    "commendations",
    "falsifications",
    "concealed_accidents",
)
#: Counts that may carry a quarter unit: those with amounts of 0.75, 1.5 and 1 per unit.
_SECOND_FRACTIONAL = (
    "days_without_work_log",
    "unreachable_checks",
    "underground_entries",
    "preshift_meetings",
    "hazards_reported",
)
_LEAVE_REASONS = ("病假", "病假", "年休假", "事假", "探亲假", "婚假")
_PLACES = ("采煤工作面", "掘进工作面", "主运输巷", "回风巷", "井下变电所", "主通风机房", "瓦斯抽采泵站")
_TOPICS = ("《煤矿安全规程》宣贯", "煤矿重大事故隐患判定标准", "一通三防专题培训", "事故警示教育")


@dataclass
class SecondMonth(Month):
    """A month for the second scheme: the default plan's fields, and the second scheme's own."""

    #: the reason of each leave range, in order
    reasons: list[str] = field(default_factory=list)
    trainings: int = 0
    reported_general: int = 0
    reported_major: int = 0
    overdue: int = 0
    criticisms: int = 0


def plan_second(seed: int, index: int) -> SecondMonth:
    """Plan inspector ``index``'s month for the second scheme (same for counts and events).

    Quotas 12 underground entries (4 on the midnight shift, 00:00-08:00), 8 pre-shift
    meetings, 1 training and 4 general hazards reported a month, a log each duty day.
    The same service and leave as the default plan's shapes (its own generator), and
    a few inspectors poor enough to reach the work log's cap or run an item out.
    """
    rng = random.Random(f"{seed}:{index}:second")
    month = SecondMonth(
        index=index,
        id=f"SIM-{index + 1:06d}",
        name=rng.choice(_SURNAMES) + "".join(rng.choices(_GIVEN, k=rng.choice((1, 2)))),
        mine=rng.choice(_MINE_WORDS) + rng.choice(_MINE_WORDS) + "煤矿",
    )
    on_leave = _service(rng, month)
    month.reasons = [rng.choice(_LEAVE_REASONS) for _ in month.leave]
    month.duty = [
        day
        for day in range(month.serving_from or 1, (month.serving_until or DAYS) + 1)
        if day not in on_leave
    ]
    share = len(month.duty) / DAYS

    roll = rng.random()
    if roll < 0.65:
        effort, log_rate = rng.uniform(1.0, 1.4), 0.995
    elif roll < 0.93:
        effort, log_rate = rng.uniform(0.75, 1.05), 0.92
    else:
        effort, log_rate = rng.uniform(0.3, 0.8), 0.65
    month.logged = [day for day in month.duty if rng.random() < log_rate]
    if on_leave and rng.random() < 0.2:  # a log written on a leave day: allowed, not needed
        month.logged = sorted({*month.logged, rng.choice(sorted(on_leave))})
    month.underground = max(0, round(12 * share * effort + rng.gauss(0, 1)))
    month.night = min(month.underground, max(0, round(4 * share * effort + rng.gauss(0, 0.8))))
    month.preshift = max(0, round(8 * share * effort + rng.gauss(0, 1)))
    month.trainings = int(rng.random() < 0.88 * min(1.0, effort) + 0.07) + int(rng.random() < 0.15)
    month.reported_general = max(0, round(4 * share * effort + rng.gauss(0, 1.2)))
    month.reported_major = _few(rng, 0.04, 3)
    month.overdue = _few(rng, 0.06, 4)
    month.missed_general = _few(rng, 0.04, 3)  # events only: no metric of the scheme counts them
    month.missed_major = _few(rng, 0.01, 2)
    month.absences = _few(rng, 0.03, 4)
    month.unreachable = _few(rng, 0.06, 6, rate=0.6)
    month.criticisms = _few(rng, 0.02, 2)
    month.commendations = _few(rng, 0.015, 1)
    month.falsifications = _few(rng, 0.008, 1)
    month.concealments = _few(rng, 0.002, 1)
    if not month.duty:  # no duty days: no entries, meetings or reports either
        month.underground = month.night = month.preshift = month.trainings = 0
        month.reported_general = month.reported_major = 0
    return month


def counts_record_second(month: SecondMonth, seed: int) -> dict[str, Any]:
    """The inspector with the second scheme's counts: all but ``criticisms``, given now and then.

    ``criticisms`` (``default = 0``) is given when there was one, and by about one
    inspector in a hundred as an explicit 0; everyone else leaves it to the default.
    About one inspector in twenty-five has a quarter unit on a count with a decimal
    amount, so some totals need half-up rounding to two decimals (0.75 × 2.5 = 1.875).
    """
    values = (
        month.absences,
        month.unreachable,
        month.underground,
        month.night,
        len(set(month.duty) - set(month.logged)),
        month.preshift,
        month.trainings,
        month.reported_general,
        month.overdue,
        month.missed_major,
        month.reported_major,
        month.commendations,
        month.falsifications,
        month.concealments,
    )
    counts: dict[str, int | float] = dict(zip(SECOND_COUNTED, values, strict=True))
    rng = random.Random(f"{seed}:{month.index}:second:counts")
    if month.criticisms or rng.random() < 0.01:
        counts["criticisms"] = month.criticisms
    if rng.random() < 0.04:
        metric = rng.choice(_SECOND_FRACTIONAL)
        counts[metric] += rng.choice((0.25, 0.5, 0.75))
    return {**_person(month, month.reasons), "counts": counts}


def _shift_clock(rng: random.Random, midnight: bool) -> str:
    """A time of day inside (or outside) the midnight shift 00:00-08:00, now and then on its edge."""
    if rng.random() < 0.03:
        return rng.choice(("00:00:00", "07:59:59")) if midnight else rng.choice(("08:00:00", "23:59:59"))
    hour = rng.randint(0, 7) if midnight else rng.randint(8, 23)
    return f"{hour:02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}"


def events_record_second(month: SecondMonth, seed: int) -> dict[str, Any]:
    """The inspector's month for the second scheme as dated events, each with a ref (sorted by time).

    An inspector with a ``criticisms`` of 1 or more gives it as a count beside the
    events (a count no event derives); the rest leave it to the default.
    """
    rng = random.Random(f"{seed}:{month.index}:second:events")
    serial = iter(range(1, 10_000))
    events: list[dict[str, str]] = []

    def add(kind: str, at: str, ref: str, **extra: str) -> None:
        event = {"kind": kind, "at": at, "ref": f"{ref}{month.index + 1}-{next(serial)}"}
        if rng.random() < 0.03:
            event["note"] = rng.choice(_NOTES)
        event.update(extra)
        events.append(event)

    def moment(day: int) -> str:
        return f"{day_text(day)}T{rng.randint(8, 20):02d}:{rng.randrange(60):02d}:00"

    duty = month.duty or list(range(1, DAYS + 1))
    for day in month.logged:  # most written the same evening, some given by date only
        at = (
            day_text(day)
            if rng.random() < 0.3
            else f"{day_text(day)}T{rng.randint(18, 22)}:{rng.randrange(60):02d}:00"
        )
        add("work_log", at, "监管日志#")
    for n in range(month.underground):
        add("underground", f"{day_text(rng.choice(duty))}T{_shift_clock(rng, n < month.night)}", "人员定位#")
    for _ in range(month.preshift):
        shift = rng.choice(("07:40:00", "15:40:00", "23:40:00"))
        at = day_text(rng.choice(duty)) + ("" if rng.random() < 0.1 else f"T{shift}")
        add("preshift_meeting", at, "班前会签到#")
    for _ in range(month.trainings):
        add("training", f"{day_text(rng.choice(duty))}T14:30:00", "培训签到#", topic=rng.choice(_TOPICS))
    for level, times in (("一般", month.reported_general), ("重大", month.reported_major)):
        for _ in range(times):
            add(
                "hazard_report", moment(rng.choice(duty)), "隐患台账#", level=level, place=rng.choice(_PLACES)
            )
    for kind, times, extra, source in (
        ("rectification_overdue", month.overdue, {}, "整改通知#"),
        ("missed_hazard", month.missed_general, {"level": "一般"}, "执法检查#"),
        ("missed_hazard", month.missed_major, {"level": "重大"}, "执法检查#"),
        ("absence", month.absences, {}, "督查记录#"),
        ("unreachable", month.unreachable, {}, "督查记录#"),
        ("commendation", month.commendations, {}, "表彰文件#"),
        ("falsification", month.falsifications, {}, "督查记录#"),
        ("concealment", month.concealments, {}, "事故调查#"),
    ):
        for _ in range(times):
            add(kind, moment(rng.choice(duty)), source, **extra)
    events.sort(key=lambda event: event["at"])
    record = {**_person(month, month.reasons), "events": events}
    if month.criticisms:
        record["counts"] = {"criticisms": month.criticisms}
    return record


# -- files -------------------------------------------------------------------------------


def rules_text(scheme: str) -> str:
    """The rule file of a scheme: ``SECOND_RULES``, or the repository's ``rules/default.toml``."""
    if scheme == "second":
        return SECOND_RULES
    return (Path(__file__).resolve().parents[1] / "rules" / "default.toml").read_text(encoding="utf-8")


def records(inspectors: int, kind: str, seed: int, scheme: str = "default") -> Iterator[dict[str, Any]]:
    """The inspectors of a file, in order."""
    for index in range(inspectors):
        if scheme == "second":
            second = plan_second(seed, index)
            yield (
                counts_record_second(second, seed) if kind == "counts" else events_record_second(second, seed)
            )
            continue
        month = plan_month(seed, index)
        yield counts_record(month, seed) if kind == "counts" else events_record(month, seed)


def write(stream: TextIO, inspectors: int, kind: str, seed: int, scheme: str = "default") -> None:
    """Write a whole evidence file, one inspector a line (streamed: 10^5 inspectors fit in memory)."""
    head = json.dumps(HEADER, ensure_ascii=False)
    stream.write(head[:-1] + ', "inspectors": [\n')
    for n, record in enumerate(records(inspectors, kind, seed, scheme)):
        if n:
            stream.write(",\n")
        stream.write(json.dumps(record, ensure_ascii=False))
    stream.write("\n]}\n")


def evidence(inspectors: int, kind: str, seed: int, scheme: str = "default") -> dict[str, Any]:
    """A whole evidence file as Python objects (for tests; floats only as quarter units)."""
    return {**HEADER, "inspectors": list(records(inspectors, kind, seed, scheme))}


def main(argv: list[str] | None = None) -> int:
    """Command line: write one evidence file, or a scheme's rule file, or both."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inspectors", type=int, default=20_000, help="how many inspectors (default 20000)")
    parser.add_argument("--kind", choices=KINDS, default="events", help="counts or events (default events)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the generator (default 1)")
    parser.add_argument(
        "--scheme", choices=SCHEMES, default="default", help="the rule file (default default)"
    )
    parser.add_argument("--output", type=Path, help="the evidence file to write (default: standard output)")
    parser.add_argument(
        "--rules-output",
        type=Path,
        metavar="FILE",
        help="write the scheme's rule file here (then evidence only with --output)",
    )
    args = parser.parse_args(argv)
    if args.rules_output is not None:
        args.rules_output.write_text(rules_text(args.scheme), encoding="utf-8")
        if args.output is None:
            return 0
    if args.output is None:
        write(sys.stdout, args.inspectors, args.kind, args.seed, args.scheme)
    else:
        with args.output.open("w", encoding="utf-8") as stream:
            write(stream, args.inspectors, args.kind, args.seed, args.scheme)
    return 0


if __name__ == "__main__":
    sys.exit(main())

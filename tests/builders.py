"""Small builders for rule files and evidence used by the unit tests (not fixtures)."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from typing import Any

import inspector_scoring as isc

HEADER = """\
schema = 1

[ruleset]
id = "test"
title = "测试细则"
version = "1"
effective_from = 2021-01-01
period = "{period}"
total = {total}
precision = {precision}

[night]
from = {night_from}
to = {night_to}

[metrics.entries]
title = "下井次数"
label = "下井"
count = "underground"

[metrics.night_entries]
title = "夜间入井次数"
label = "夜间入井"
count = "underground"
during = "night"

[metrics.missing_logs]
title = "未填写日志天数"
label = "未填写工作日志"
unit = "天"
days_without = "work_log"

[metrics.absences]
title = "脱岗次数"
label = "脱岗"
count = "absence"

[metrics.hazards]
title = "重大隐患"
label = "发现重大隐患"
unit = "项"
count = "hazard"
where = {{ level = "重大" }}

[metrics.falsified]
title = "弄虚作假"
label = "弄虚作假"
unit = "起"
count = "falsification"
"""

GRADES = """
[[grades]]
name = "优秀"
min = 90
[[grades]]
name = "合格"
min = 60
[[grades]]
name = "不合格"
min = 0
"""


def rules(
    body: str,
    *,
    total: int = 100,
    precision: int = 1,
    period: str = "month",
    night: tuple[str, str] = ("22:00:00", "06:00:00"),
) -> isc.Ruleset:
    """A ruleset: the shared header and metrics, then ``body`` (items, bonus, vetoes), then grades."""
    text = HEADER.format(
        total=total, precision=precision, period=period, night_from=night[0], night_to=night[1]
    )
    return isc.loads_rules(text + textwrap.dedent(body) + GRADES, source="test.toml")


def evidence(*inspectors: dict[str, Any], period: str = "2021-03") -> dict[str, Any]:
    """An evidence mapping for 太平乡 with the given inspectors."""
    return {
        "schema": 1,
        "assessment": {"township": "太平乡", "period": period},
        "inspectors": list(inspectors),
    }


def inspector(number: int = 1, **fields: Any) -> dict[str, Any]:
    """An inspector mapping with an id and a name, plus ``fields``."""
    return {"id": f"TP-{number:02d}", "name": f"测试{number}", **fields}


def entries(
    count: int, *, hour: int = 9, kind: str = "underground", first_day: int = 1
) -> list[dict[str, Any]]:
    """``count`` events of ``kind`` on consecutive March days at ``hour`` o'clock, with refs."""
    return [
        {"kind": kind, "at": f"2021-03-{first_day + n:02d}T{hour:02d}:00:00", "ref": f"定位系统#{n + 1}"}
        for n in range(count)
    ]


def logs(days: Iterable[int]) -> list[dict[str, Any]]:
    """A work-log event on each day of March in ``days``."""
    return [{"kind": "work_log", "at": f"2021-03-{day:02d}"} for day in days]


def score(ruleset: isc.Ruleset, data: dict[str, Any]) -> isc.Assessment:
    """Load ``data`` against ``ruleset`` and score it."""
    return isc.score_evidence(ruleset, isc.load_evidence(data, rules=ruleset))


def example_year(*, vetoed: int | None = None) -> list[dict[str, Any]]:
    """务本乡's March example as the twelve months of 2021 (assessed on the 28th), with one
    falsification for 孙永福 in month ``vetoed`` (a veto that month)."""
    import json  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415

    base = json.loads(
        (Path(__file__).parents[1] / "examples" / "wuben-2021-03.json").read_text(encoding="utf-8")
    )
    months = []
    for m in range(1, 13):
        data = json.loads(json.dumps(base))
        data["assessment"]["period"] = f"2021-{m:02d}"
        data["assessment"]["assessed_on"] = f"2021-{m:02d}-28"
        if m == vetoed:
            data["inspectors"][0]["counts"]["falsifications"] = 1
        months.append(data)
    return months

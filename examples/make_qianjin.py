"""Write examples/qianjin-2021-04.xlsx and examples/positioning/白沙沟煤矿-2021-04.csv.

``python examples/make_qianjin.py``: the same bytes on every run (a seeded
generator, a fixed creation time). 前进镇, April 2021: six inspectors at five
mines, the records as a clerk keeps them — the roster, leave slips, work-log
dates, sign-in sheets, spot checks, the hazard ledger — and the positioning
export of 白沙沟煤矿 pasted whole into 下井记录, miners' rows and all. The CSV
is that same export as the system wrote it (GB18030, a title row above the
header), for ``score import … --positioning``. All people, mines, card and
record numbers are invented.
"""

from __future__ import annotations

import csv
import io
import random
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import xlsxwriter

HERE = Path(__file__).resolve().parent
DAYS = range(1, 31)
#: (编号, 姓名, 所驻煤矿, 卡号, 到岗日期)
PEOPLE = [
    ("QJ-01", "张德明", "白沙沟煤矿", "8001", None),
    ("QJ-02", "刘春燕", "石门煤矿", "8102", date(2021, 4, 11)),
    ("QJ-03", "王建国", "石门煤矿", "8103", None),
    ("QJ-04", "陈玉兰", "大箐煤矿", "8204", None),
    ("QJ-05", "杨志强", "小湾煤矿", "8305", None),
    ("QJ-06", "周文斌", "新村煤矿", "8406", None),
]
EXPORT_HEADER = ["序号", "姓名", "卡号", "部门", "入井时间", "升井时间", "下井时长"]


def _entries(
    rng: random.Random, days: list[int], night: int, minutes: list[int]
) -> list[tuple[datetime, int]]:
    """Entries on ``days`` (the first ``night`` at night), each lasting the given minutes."""
    out = []
    for n, (day, span) in enumerate(zip(days, minutes, strict=True)):
        hour = rng.choice((22, 23, 0, 1)) if n < night else rng.choice((8, 9, 10, 14, 15))
        out.append((datetime(2021, 4, day, hour, rng.choice((0, 10, 20, 30, 40, 50))), span))
    return sorted(out)


def underground(rng: random.Random) -> dict[str, list[tuple[datetime, int | None]]]:
    """Each inspector's entries: (entry, minutes underground or None for no exit record)."""
    plan: dict[str, list[tuple[datetime, int | None]]] = {}
    plan["QJ-01"] = list(
        _entries(rng, [1, 2, 3, 5, 6, 8, 9, 12, 13, 15, 16, 19, 21, 23, 26, 28], 6, [185] * 16)
    )
    plan["QJ-02"] = list(_entries(rng, [12, 13, 15, 17, 19, 21, 23, 25, 27], 3, [160] * 9))
    plan["QJ-03"] = list(_entries(rng, [1, 3, 6, 8, 10, 13, 15, 17, 26, 27, 28, 29], 4, [200] * 12))
    # 陈玉兰: 15 entries, but two under two hours and one without an exit (虚工): 12 count.
    plan["QJ-04"] = list(_entries(rng, [1, 2, 4, 6, 7, 9, 11, 13, 14, 16, 18, 20, 22, 24, 27], 5, [150] * 15))
    plan["QJ-04"][3] = (plan["QJ-04"][3][0], 95)
    plan["QJ-04"][8] = (plan["QJ-04"][8][0], 118)
    plan["QJ-04"][11] = (plan["QJ-04"][11][0], None)
    plan["QJ-05"] = list(
        _entries(rng, [2, 4, 5, 7, 9, 11, 12, 14, 16, 18, 20, 22, 24, 26, 28], 5, [175] * 15)
    )
    plan["QJ-06"] = list(
        _entries(rng, [1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 30], 5, [190] * 16)
    )
    return plan


def export_rows(rng: random.Random, entries: list[tuple[datetime, int | None]]) -> list[list[Any]]:
    """白沙沟煤矿's export for April: 张德明's entries among the miners' (cards 9001-9012)."""
    rows: list[tuple[datetime, str, str, str, int | None]] = [
        (at, "张德明", "8001", "安监站", span) for at, span in entries
    ]
    miners = [
        "李大山",
        "赵小兵",
        "孙有福",
        "钱进",
        "吴海",
        "郑国强",
        "冯雷",
        "褚云",
        "卫东",
        "蒋平",
        "沈军",
        "韩涛",
    ]
    for n, miner in enumerate(miners):
        for day in rng.sample(list(DAYS), 6):
            at = datetime(2021, 4, day, rng.choice((7, 15, 23)), rng.choice((0, 5, 10)))
            rows.append((at, miner, f"90{n + 1:02d}", rng.choice(("综采队", "掘进队", "机电队")), 480))
    rows.sort(key=lambda row: (row[0], row[2]))
    out = []
    for n, (at, name, card, team, span) in enumerate(rows, start=1):
        until = at + timedelta(minutes=span) if span is not None else None
        duration = f"{span // 60}:{span % 60:02d}" if span is not None else ""
        out.append([n, name, card, team, at, until, duration])
    return out


def write_csv(rows: list[list[Any]]) -> None:
    """The export as the system writes it: GB18030, a title row, then the header."""
    text = io.StringIO(newline="")
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(["白沙沟煤矿井下人员定位系统 下井记录 2021-04-01 至 2021-04-30"])
    writer.writerow(EXPORT_HEADER)
    for number, name, card, team, at, until, duration in rows:
        writer.writerow(
            [
                number,
                name,
                card,
                team,
                f"{at:%Y-%m-%d %H:%M:%S}",
                f"{until:%Y-%m-%d %H:%M:%S}" if until else "",
                duration,
            ]
        )
    folder = HERE / "positioning"
    folder.mkdir(exist_ok=True)
    (folder / "白沙沟煤矿-2021-04.csv").write_bytes(text.getvalue().encode("gb18030"))


def main() -> None:  # noqa: PLR0915 - one sheet after another, as the clerk keeps them
    rng = random.Random(20210430)
    entries = underground(rng)
    export = export_rows(rng, [(at, span) for at, span in entries["QJ-01"]])
    write_csv(export)

    book = xlsxwriter.Workbook(
        str(HERE / "qianjin-2021-04.xlsx"), {"strings_to_formulas": False, "strings_to_urls": False}
    )
    book.set_properties({"title": "前进镇2021年4月驻矿安监员考核记录", "created": datetime(2021, 5, 6)})
    head = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    day_format = book.add_format({"num_format": "yyyy-mm-dd"})
    moment_format = book.add_format({"num_format": "yyyy-mm-dd hh:mm"})

    def sheet(name: str, header: list[str], rows: list[list[Any]]) -> None:
        page = book.add_worksheet(name)
        for column, text in enumerate(header):
            page.write_string(0, column, text, head)
            page.set_column(column, column, max(10, 2 * len(text) + 4))
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row):
                if value is None or value == "":
                    continue
                if isinstance(value, datetime):
                    page.write_datetime(r, c, value, moment_format)
                elif isinstance(value, date):
                    page.write_datetime(r, c, value, day_format)
                elif isinstance(value, int):
                    page.write_number(r, c, value)
                else:
                    page.write_string(r, c, value)
        page.freeze_panes(1, 0)

    sheet(
        "考核信息",
        ["项目", "内容"],
        [
            ["乡镇", "前进镇"],
            ["考核期", "2021年4月"],
            ["考核日期", date(2021, 5, 6)],
            ["发布单位", "前进镇人民政府"],
            ["联系方式", "0812-2920000（前进镇矿山安全生产服务中心）"],
        ],
    )
    sheet(
        "考核小组",
        ["姓名", "职务", "单位"],
        [
            ["钟立新", "组长", "前进镇人民政府"],
            ["黄晓梅", "副组长", "前进镇人民政府"],
            ["罗成", "成员", "前进镇矿山安全生产服务中心"],
        ],
    )
    sheet(
        "人员",
        ["编号", "姓名", "所驻煤矿", "到岗日期", "离岗日期", "卡号"],
        [[pid, name, mine, start, None, card] for pid, name, mine, card, start in PEOPLE],
    )
    sheet(
        "请假",
        ["姓名", "开始日期", "结束日期", "事由", "批准人"],
        [["王建国", "2021/4/19", "2021/4/23", "病假", "钟立新"]],
    )

    # 下井记录: 白沙沟煤矿's export pasted whole (its own header), the other inspectors' entries below.
    underground_rows = [list(row) for row in export]
    for pid, name, _mine, card, _start in PEOPLE[1:]:
        for at, span in entries[pid]:
            until = at + timedelta(minutes=span) if span is not None else None
            duration = f"{span // 60}:{span % 60:02d}" if span is not None else ""
            underground_rows.append([None, name, card, "安监站", at, until, duration])
    sheet("下井记录", EXPORT_HEADER, underground_rows)

    # 工作日志: the dates logged (some written as text, as clerks do).
    logs: list[list[Any]] = []
    missing = {"QJ-01": {17}, "QJ-03": set(range(19, 24)), "QJ-05": {6, 13, 27}}
    for pid, name, _mine, _card, start in PEOPLE:
        first = start.day if start else 1
        for day in DAYS:
            if day >= first and day not in missing.get(pid, set()):
                logs.append([pid, name, date(2021, 4, day) if day % 3 else f"2021年4月{day}日"])
    sheet("工作日志", ["编号", "姓名", "时间"], logs)

    meetings: list[list[Any]] = []
    serial = 400
    counts = {"QJ-01": 11, "QJ-02": 7, "QJ-03": 8, "QJ-04": 10, "QJ-05": 9, "QJ-06": 12}
    for pid, name, _mine, _card, start in PEOPLE:
        days = [
            day for day in DAYS if day >= (start.day if start else 1) and day not in missing.get(pid, set())
        ]
        for day in sorted(rng.sample(days, counts[pid])):
            serial += 1
            meetings.append([pid, name, datetime(2021, 4, day, rng.choice((7, 15, 23)), 30), f"BQ-{serial}"])
    sheet("班前会签到", ["编号", "姓名", "时间", "记录号"], meetings)
    sheet(
        "安全会议签到",
        ["编号", "姓名", "时间", "记录号", "备注"],
        [
            [pid, name, datetime(2021, 4, 8, 9, 30), f"AQ-5{n}", "4月安全生产例会"]
            for n, (pid, name, *_rest) in enumerate(PEOPLE)
            if pid != "QJ-05"
        ],
    )
    sheet(
        "电话抽查记录",
        ["编号", "姓名", "时间", "记录号", "备注"],
        [["QJ-05", "杨志强", datetime(2021, 4, 14, 2, 10), "抽查-0414", "夜间电话无人接听"]],
    )
    sheet("脱岗记录", ["编号", "姓名", "时间", "记录号"], [])
    sheet(
        "漏查隐患",
        ["编号", "姓名", "时间", "记录号", "隐患等级", "备注"],
        [["QJ-05", "杨志强", date(2021, 4, 21), "隐患台账#QJ-77", "一般", "区调查发现皮带巷积煤未报告"]],
    )
    sheet(
        "隐患台账",
        ["编号", "姓名", "时间", "记录号", "隐患等级", "备注"],
        [
            [
                "QJ-06",
                "周文斌",
                date(2021, 4, 9),
                "隐患台账#QJ-61",
                "重大",
                "掘进工作面瓦斯超限，督促停产整改",
            ],
            ["QJ-01", "张德明", date(2021, 4, 15), "隐患台账#QJ-64", "一般", "局部通风机吊挂不规范"],
        ],
    )
    sheet(
        "表彰记录",
        ["编号", "姓名", "时间", "记录号", "备注"],
        [["QJ-06", "周文斌", date(2021, 4, 28), "仁应急〔2021〕12号", "区级表彰"]],
    )
    sheet("弄虚作假", ["编号", "姓名", "时间", "记录号"], [])
    sheet("瞒报记录", ["编号", "姓名", "时间", "记录号"], [])
    book.close()


if __name__ == "__main__":
    main()

"""The empty workbook a township fills in for a rule file (``score template``, docs/workbook.md).

Written with XlsxWriter (imported here only): a ``说明`` sheet in Chinese,
then every sheet the reader knows, each with its header row, columns as wide
as their headers, the header row frozen, and input checks where a
spreadsheet program has them: dates, date-times and numbers checked (a
warning, so that text dates such as ``2021年3月5日`` still go in), drop-downs
for the inspector's 编号 and for fields a metric matches. Every text cell is
written as text, never as a formula.
"""

from __future__ import annotations

import io
from datetime import date, datetime
from typing import Any

from ..layout import (
    ASSESSMENT,
    ASSESSMENT_HEADER,
    ASSESSMENT_ROWS,
    COUNTS,
    HELP,
    LEAVE,
    LEAVE_COLUMNS,
    PANEL,
    PANEL_COLUMNS,
    PEOPLE,
    PEOPLE_COLUMNS,
)
from ..numbers import format_number
from ..rules.model import Kind, Ruleset

__all__ = ["template_workbook"]

#: rows given input checks (a month's positioning export of a whole mine fits)
_ROWS = 5000
_FIRST = date(2000, 1, 1)
_LAST = date(2099, 12, 31)
#: the workbook's creation time, fixed: the same rule file writes the same bytes
_FIRST_DATETIME = datetime(2000, 1, 1)


def template_workbook(rules: Ruleset, /) -> bytes:
    """The workbook's bytes: the same rule file gives the same bytes."""
    from .xlsx_notice import text_workbook  # noqa: PLC0415 - only to write a workbook

    out = io.BytesIO()
    book = text_workbook(out)
    book.set_properties({"title": f"{rules.title}（{rules.version}）考核记录", "created": _FIRST_DATETIME})
    styles = _Styles(book)
    _help(book, styles, rules)
    _assessment(book, styles)
    _table(book, styles, PANEL, list(PANEL_COLUMNS), {})
    _table(
        book, styles, PEOPLE, list(PEOPLE_COLUMNS), {"到岗日期": "date", "离岗日期": "date", "卡号": "text"}
    )
    _table(book, styles, LEAVE, list(LEAVE_COLUMNS), {"编号": "who", "开始日期": "date", "结束日期": "date"})
    metrics = rules.used_metrics()
    _table(
        book,
        styles,
        COUNTS,
        ["编号", "姓名", *(metric.title for metric in metrics)],
        {"编号": "who", **{metric.title: "number" for metric in metrics}},
    )
    for kind_id in rules.event_kinds():
        kind = rules.kind(kind_id)
        _table(book, styles, kind.title, _event_columns(rules, kind), _event_checks(rules, kind))
    book.close()
    return out.getvalue()


def _needs_time(rules: Ruleset, kind: str) -> bool:
    return any(
        metric.count == kind and (metric.during is not None or metric.min_minutes is not None)
        for metric in rules.metrics
    )


def _has_minutes(rules: Ruleset, kind: str) -> bool:
    return any(metric.count == kind and metric.min_minutes is not None for metric in rules.metrics)


def _event_columns(rules: Ruleset, kind: Kind) -> list[str]:
    columns = ["编号", "姓名", "卡号", "时间"]
    if _has_minutes(rules, kind.id):
        columns.append("结束时间")
    columns += ["记录号", "备注", *(header for _, header in kind.fields)]
    return columns


def _event_checks(rules: Ruleset, kind: Kind) -> dict[str, Any]:
    moment = "datetime" if _needs_time(rules, kind.id) else "moment"
    checks: dict[str, Any] = {"编号": "who", "卡号": "text", "时间": moment, "结束时间": "datetime"}
    for field, header in kind.fields:
        wanted = sorted(
            {
                value
                for metric in rules.metrics
                if metric.count == kind.id
                for name, value in metric.where
                if name == field
            }
        )
        if wanted:
            checks[header] = wanted
    return checks


class _Styles:
    def __init__(self, book: Any) -> None:
        self.header = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        self.text = book.add_format({"num_format": "@"})
        self.date = book.add_format({"num_format": "yyyy-mm-dd"})
        self.datetime = book.add_format({"num_format": "yyyy-mm-dd hh:mm"})
        self.title = book.add_format({"bold": True, "font_size": 14})
        self.wrap = book.add_format({"text_wrap": True, "valign": "top"})


def _header(sheet: Any, styles: _Styles, columns: list[str]) -> None:
    for column, text in enumerate(columns):
        sheet.write_string(0, column, text, styles.header)
        sheet.set_column(column, column, max(10, 2 * len(text) + 4))
    sheet.freeze_panes(1, 0)


def _table(book: Any, styles: _Styles, name: str, columns: list[str], checks: dict[str, Any]) -> None:
    sheet = book.add_worksheet(name)
    _header(sheet, styles, columns)
    for column, header in enumerate(columns):
        check = checks.get(header)
        if check is None:
            sheet.set_column(column, column, max(10, 2 * len(header) + 4), styles.text)
        elif check == "text":
            sheet.set_column(column, column, 16, styles.text)
        elif check == "date":
            sheet.set_column(column, column, 12, styles.date)
            _validate_date(sheet, column, "请填写日期，如 2021-03-05")
        elif check in ("datetime", "moment"):
            sheet.set_column(column, column, 18, styles.datetime if check == "datetime" else styles.date)
            tip = (
                "请填写日期和时间，如 2021-03-05 08:30"
                if check == "datetime"
                else "请填写日期，如 2021-03-05（可带时间）"
            )
            _validate_date(sheet, column, tip)
        elif check == "number":
            sheet.set_column(column, column, max(10, 2 * len(header) + 4))
            sheet.data_validation(
                1,
                column,
                _ROWS,
                column,
                {
                    "validate": "decimal",
                    "criteria": ">=",
                    "value": 0,
                    "input_title": header,
                    "input_message": "请填写不小于0的数字；空白表示未填",
                    "error_type": "warning",
                    "error_message": "应为不小于0的数字",
                },
            )
        elif check == "who":
            sheet.set_column(column, column, 12, styles.text)
            sheet.data_validation(
                1,
                column,
                _ROWS,
                column,
                {
                    "validate": "list",
                    "source": f"={PEOPLE}!$A$2:$A${_ROWS + 1}",
                    "error_type": "warning",
                    "error_message": "此编号不在“人员”表中",
                },
            )
        else:  # the values a metric matches: a drop-down
            sheet.set_column(column, column, 12, styles.text)
            sheet.data_validation(
                1,
                column,
                _ROWS,
                column,
                {
                    "validate": "list",
                    "source": list(check),
                    "error_type": "warning",
                    "error_message": "请从下拉列表中选择",
                },
            )


def _validate_date(sheet: Any, column: int, tip: str) -> None:
    sheet.data_validation(
        1,
        column,
        _ROWS,
        column,
        {
            "validate": "date",
            "criteria": "between",
            "minimum": _FIRST,
            "maximum": _LAST,
            "input_message": tip,
            "error_type": "warning",
            "error_message": "应为日期（也可写作文字：2021-03-05、2021/3/5 或 2021年3月5日）",
        },
    )


def _assessment(book: Any, styles: _Styles) -> None:
    sheet = book.add_worksheet(ASSESSMENT)
    _header(sheet, styles, list(ASSESSMENT_HEADER))
    sheet.set_column(0, 0, 12)
    sheet.set_column(1, 1, 36)
    for row, item in enumerate(ASSESSMENT_ROWS, start=1):
        sheet.write_string(row, 0, item)
        if item == "考核日期":
            sheet.write_blank(row, 1, None, styles.date)
            sheet.data_validation(
                row,
                1,
                row,
                1,
                {
                    "validate": "date",
                    "criteria": "between",
                    "minimum": _FIRST,
                    "maximum": _LAST,
                    "input_message": "请填写日期，如 2021-04-06",
                    "error_type": "warning",
                },
            )
        else:
            # Text, so that a spreadsheet program keeps 2021-03 as it is typed.
            sheet.write_blank(row, 1, None, styles.text)
            if item == "考核期":
                sheet.data_validation(
                    row,
                    1,
                    row,
                    1,
                    {"validate": "any", "input_message": "如 2021-03、2021年3月、2021-Q1、2021年度"},
                )


def _help(book: Any, styles: _Styles, rules: Ruleset) -> None:
    sheet = book.add_worksheet(HELP)
    sheet.set_column(0, 0, 110, styles.wrap)
    lines = _help_lines(rules)
    sheet.write_string(0, 0, lines[0], styles.title)
    for row, line in enumerate(lines[1:], start=1):
        sheet.write_string(row, 0, line, styles.wrap)


def _help_lines(rules: Ruleset) -> list[str]:
    lines = [
        f"{rules.title}（{rules.version}）考核记录填写说明",
        "本工作簿一个乡镇一个考核期一份。填好后运行 score 本文件.xlsx 即可得到公示；"
        "score import 本文件.xlsx --output 证据.json 可转为证据文件（JSON）存档。",
        "每张表第一行是表头，请勿改动；空行会被跳过。"
        "日期可填表格日期，或文字 2021-03-05、2021/3/5、2021年3月5日；"
        "日期时间填表格日期时间，或文字 2021-03-05 08:30。"
        "数字请用半角（如 15，不要写成１５）。",
        "",
        f"【{ASSESSMENT}】乡镇、考核期必填。"
        "考核期写作 2021-03、2021年3月、2021-Q1、2021年第一季度、2021 或 2021年度。"
        "考核日期、发布单位、联系方式用于公示。",
        f"【{PANEL}】考核小组成员：姓名（必填）、职务、单位。",
        f"【{PEOPLE}】每位驻矿安监员一行：编号、姓名必填；所驻煤矿；到岗日期、离岗日期（本期中途到岗或离岗时填写）；"
        "卡号为人员定位卡号，多张卡用“、”或“,”分隔，只用于核对定位记录，不会公示。",
        f"【{LEAVE}】经批准的请假：编号或姓名、开始日期、结束日期（含当天）、事由、批准人。",
        f"【{COUNTS}】已经统计好的次数：编号或姓名，每个指标一列；空白表示没有给出。"
        "同一指标不要既填次数又填记录表。",
        "",
        "各项记录表（每条记录一行；编号、姓名或卡号任填其一，说明是哪位安监员；时间必填；"
        "记录号填原始记录编号，空白时以“表名第N行”作为出处）：",
    ]
    for kind_id in rules.event_kinds():
        kind = rules.kind(kind_id)
        metrics = [metric for metric in rules.used_metrics() if metric.kind == kind_id]
        said = "、".join(metric.title for metric in metrics) or "（本细则未用）"
        line = f"【{kind.title}】用于：{said}。"
        minutes = [metric.min_minutes for metric in metrics if metric.min_minutes is not None]
        if minutes:
            line += f"须填结束时间（升井时间）；下井不足{min(minutes)}分钟或无升井记录的不计入。"
        if any(metric.during == "night" for metric in metrics) and rules.night is not None:
            start, end = rules.night.start, rules.night.end
            line += f"夜间指 {start:%H:%M} 至 {end:%H:%M}，时间须填到时分。"
        if any(metric.days_without for metric in metrics):
            line += "每个在岗日一条记录，缺一天即计为未填写。"
        for field, header in kind.fields:
            wanted = sorted({v for m in metrics for name, v in m.where if name == field})
            if wanted:
                line += f"{header}填写：{'或'.join(wanted)}。"
        if kind.aliases:
            line += "可把定位系统导出的整张表（连同表头）粘贴到本表，其他人员的记录会自动略过；表头中"
            line += "、".join(f"“{other}”即“{column}”" for other, column in kind.aliases) + "。"
        lines.append(line)
    lines += [
        "",
        "扣分标准：",
        *(
            f"{item.title}（{format_number(item.points)}分）：" + "；".join(rule.text for rule in item.rules)
            for item in rules.items
        ),
    ]
    return lines

"""The workbook's sheets and columns: the names a township's spreadsheet uses (one place).

The rule file's ``[kinds]`` table is checked against them (a kind's sheet may
not take a fixed sheet's name), the workbook reader reads by them, and
``score template`` writes them.
"""

from __future__ import annotations

__all__ = [
    "ASSESSMENT",
    "ASSESSMENT_ROWS",
    "COUNTS",
    "EVENT_COLUMNS",
    "FIXED_SHEETS",
    "HELP",
    "LEAVE",
    "LEAVE_COLUMNS",
    "PANEL",
    "PANEL_COLUMNS",
    "PEOPLE",
    "PEOPLE_COLUMNS",
    "SHEET_FORBIDDEN",
    "SHEET_MAX",
    "WHO_COLUMNS",
]

ASSESSMENT = "考核信息"
PANEL = "考核小组"
PEOPLE = "人员"
LEAVE = "请假"
COUNTS = "计数"
#: the template's explanation, which reading skips
HELP = "说明"
FIXED_SHEETS = (ASSESSMENT, PANEL, PEOPLE, LEAVE, COUNTS, HELP)

#: 考核信息: the header row, then one row per entry (项目 → key of ``assessment``)
ASSESSMENT_HEADER = ("项目", "内容")
ASSESSMENT_ROWS = {
    "乡镇": "township",
    "考核期": "period",
    "考核日期": "assessed_on",
    "发布单位": "issuer",
    "联系方式": "contact",
}
ASSESSMENT_REQUIRED = ("乡镇", "考核期")

#: header → key, for each sheet of people
PANEL_COLUMNS = {"姓名": "name", "职务": "role", "单位": "unit"}
PEOPLE_COLUMNS = {
    "编号": "id",
    "姓名": "name",
    "所驻煤矿": "mine",
    "到岗日期": "serving_from",
    "离岗日期": "serving_until",
    "卡号": "cards",
}
LEAVE_COLUMNS = {
    "编号": "id",
    "姓名": "name",
    "开始日期": "from",
    "结束日期": "to",
    "事由": "reason",
    "批准人": "approved_by",
}
#: the columns naming an inspector in 请假 and 计数
WHO_COLUMNS = {"编号": "id", "姓名": "name"}
#: an event sheet's own columns (header → key); the kind's fields follow
EVENT_COLUMNS = {
    "编号": "id",
    "姓名": "name",
    "卡号": "card",
    "时间": "at",
    "结束时间": "until",
    "记录号": "ref",
    "备注": "note",
}

#: what a spreadsheet program allows as a sheet's name
SHEET_MAX = 31
SHEET_FORBIDDEN = frozenset("[]:*?/\\")

"""The rule file's ``[kinds]`` table: read, checked, written back."""

from __future__ import annotations

import pytest

import inspector_scoring as isc
from builders import rules
from inspector_scoring.rules.write import dumps_rules

ITEM = """
[[items]]
id = "all"
title = "全部"
points = 100
  [[items.rules]]
  id = "r"
  text = "每月下井少于15次的，每少1次扣2分"
  metric = "entries"
  below = 15
  per = 2
"""


def test_the_bundled_scheme_titles_its_kinds() -> None:
    """下井记录 for underground entries, 隐患等级 for a hazard's level, 入井时间 as 时间."""
    default = isc.default_rules()
    underground = default.kind("underground")
    assert (underground.title, underground.aliases) == (
        "下井记录",
        (("入井时间", "时间"), ("升井时间", "结束时间")),
    )
    assert default.kind("missed_hazard").fields == (("level", "隐患等级"),)
    assert [default.kind(kind).title for kind in default.event_kinds()][:3] == [
        "脱岗记录",
        "下井记录",
        "工作日志",
    ]


def test_kinds_are_written_back() -> None:
    """Loading the written rule file gives the same kinds."""
    default = isc.default_rules()
    again = isc.loads_rules(dumps_rules(default))
    assert again.kinds == tuple(
        kind.__class__(kind.id, kind.title, kind.fields, kind.aliases, kind.path) for kind in default.kinds
    )


def test_a_kind_without_a_table_is_named_by_its_id() -> None:
    """No [kinds] table: the sheet is called by the kind's id."""
    assert rules(ITEM).kind("underground").title == "underground"


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (
            '[kinds.undergroud]\ntitle = "下井记录"',
            'test.toml: kinds.undergroud: no metric derives from the event kind "undergroud"; '
            'did you mean "underground"?',
        ),
        (
            '[kinds.underground]\ntitle = "下井:记录"',
            "test.toml: kinds.underground.title: must be a sheet name: 1 to 31 characters, "
            'none of [ ] : * ? / \\, got "下井:记录"',
        ),
        (
            '[kinds.underground]\ntitle = "人员"',
            'test.toml: kinds.underground.title: "人员" is the name of a sheet every workbook has',
        ),
        (
            '[kinds.underground]\ntitle = "记录"\n[kinds.work_log]\ntitle = "记录"',
            'test.toml: kinds.work_log.title: the sheet name "记录" is taken already '
            "(at kinds.underground.title)",
        ),
        (
            '[kinds.underground]\ntitle = "下井记录"\nfields = { at = "入井" }',
            'test.toml: kinds.underground.fields.at: "at" has a column of its own in every event sheet; '
            "list only extra fields",
        ),
        (
            '[kinds.underground]\ntitle = "下井记录"\nfields = { shift = "时间" }',
            'test.toml: kinds.underground.fields.shift: the column "时间" is taken already in this sheet',
        ),
    ],
)
def test_bad_kinds_are_refused_with_exact_messages(table: str, message: str) -> None:
    """Each mistake in [kinds] at its key path."""
    with pytest.raises(isc.InvalidInputError) as error:
        rules(ITEM + "\n" + table)
    assert [str(problem) for problem in error.value.problems] == [message]

"""The notice's other formats: CSV for spreadsheets, HTML and SVG through rich, Markdown."""

from __future__ import annotations

import copy
import csv
import io
import json
from datetime import date
from typing import Any

import inspector_scoring as isc
from conftest import EXAMPLES
from inspector_scoring.views.csv_notice import BOM, render_csv
from inspector_scoring.views.markdown_notice import render_markdown
from inspector_scoring.views.notice import Notice, build_notice
from inspector_scoring.views.terminal import export_html, export_svg, render_plain

WUBEN: dict[str, Any] = json.loads((EXAMPLES / "wuben-2021-03.json").read_text(encoding="utf-8"))


def _notice(data: dict[str, Any]) -> Notice:
    rules = isc.default_rules()
    assessment = isc.score_evidence(rules, isc.load_evidence(data, rules=rules))
    return build_notice(assessment, publish_on=date(2021, 4, 6))


def _hostile() -> dict[str, Any]:
    data = copy.deepcopy(WUBEN)
    data["inspectors"][0]["name"] = "<script>alert(1)</script>"
    data["inspectors"][0]["mine"] = "[bold red]假[/bold red]煤矿"
    data["inspectors"][1]["name"] = '=HYPERLINK("http://x")'
    data["inspectors"][1]["mine"] = "A|B煤矿"
    return data


def test_csv_has_a_bom_item_columns_and_one_row_per_inspector() -> None:
    """UTF-8 with BOM; header names each item with its points; totals and grades per row."""
    text = render_csv(_notice(WUBEN).document())
    assert text.startswith(BOM)
    rows = list(csv.reader(io.StringIO(text.removeprefix(BOM))))
    header, *body = rows
    assert header[:4] == ["序号", "姓名", "所驻煤矿", "24小时在矿驻矿（20分）"]
    assert header[-5:] == ["加分", "总分", "等次", "一票否决", "扣分说明"]
    assert len(header) == 3 + 8 + 5
    assert [(row[1], row[-4], row[-3]) for row in body] == [
        ("孙永福", "100.0", "优秀"),
        ("马正清", "87.0", "合格"),
    ]
    assert body[1][-1].startswith(
        "【下井检查】“每月下井少于15次的，每少1次扣2分（单次下井不足120分钟或无升井记录的不计入）”：下井13次"
    )


def test_csv_lists_veto_wording() -> None:
    """The 一票否决 column carries the published wording of each veto that fired."""
    rules = isc.default_rules()
    data = isc.load_evidence(EXAMPLES / "taiping-2021-03.json", rules=rules)
    text = render_csv(build_notice(isc.score_evidence(rules, data), publish_on=date(2021, 4, 6)).document())
    row = list(csv.reader(io.StringIO(text.removeprefix(BOM))))[6]
    assert row[1] == "罗继红"
    assert row[-3:-1] == ["不合格", "弄虚作假（伪造下井记录、捎卡、补填日志）的，当期考核为不合格"]


def test_csv_defuses_spreadsheet_formulas() -> None:
    """A name starting with "=" is written as text, not a formula."""
    text = render_csv(_notice(_hostile()).document())
    row = list(csv.reader(io.StringIO(text.removeprefix(BOM))))[2]
    assert row[1] == '\'=HYPERLINK("http://x")'


def test_html_escapes_names_and_is_a_standalone_page() -> None:
    """A <script> name is escaped; rich markup in a mine name is shown, not applied."""
    page = export_html(_notice(_hostile()).document(), width=130)
    assert page.lstrip().startswith("<!DOCTYPE html>")
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "[bold red]假[/bold red]煤矿" in page
    assert "务本乡2021年3月驻矿安监员考核结果公示" in page


def test_svg_is_a_picture_with_the_title() -> None:
    """The SVG export is an SVG document titled with the notice title, text escaped."""
    picture = export_svg(_notice(_hostile()).document(), width=130)
    assert picture.lstrip().startswith("<svg")
    assert "<script>" not in picture
    assert "务本乡2021年3月驻矿安监员考核结果公示" in picture


def test_plain_text_shows_markup_literally() -> None:
    """Names go into rich as Text, so brackets are printed as typed."""
    assert "[bold red]假[/bold red]煤矿" in render_plain(_notice(_hostile()).document(), width=200)


def test_markdown_escapes_table_breakers() -> None:
    """A pipe in a mine name cannot break the Markdown table; HTML is escaped."""
    text = render_markdown(_notice(_hostile()).document())
    assert "A\\|B煤矿" in text
    assert "<script>" not in text
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    assert len(rows) == 3  # header and two inspectors
    assert len({row.count(" | ") for row in rows}) == 1

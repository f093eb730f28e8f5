"""The notice's other formats: CSV, Markdown, the HTML page, the SVG drawing and the score sheet,
each showing hostile text as text."""

from __future__ import annotations

import copy
import csv
import io
import json
import re
import unicodedata
import warnings
import xml.etree.ElementTree as ET
import zipfile
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import inspector_scoring as isc
from builders import example_year
from conftest import EXAMPLES, ROOT
from inspector_scoring.views.csv_notice import BOM, render_csv
from inspector_scoring.views.document import Document
from inspector_scoring.views.html_notice import render_html
from inspector_scoring.views.markdown_notice import render_markdown
from inspector_scoring.views.notice import Notice, build_notice
from inspector_scoring.views.shown import HIDDEN, shown, spreadsheet_text
from inspector_scoring.views.svg_notice import render_svg, text_width
from inspector_scoring.views.terminal import render_ansi, render_plain
from inspector_scoring.views.xlsx_notice import render_xlsx

WUBEN: dict[str, Any] = json.loads((EXAMPLES / "wuben-2021-03.json").read_text(encoding="utf-8"))
APRIL_6 = date(2021, 4, 6)
RULES = ROOT / "rules" / "default.toml"
FIXTURES = ROOT / "tests" / "fixtures"


def _notice(data: dict[str, Any]) -> Notice:
    rules = isc.default_rules()
    assessment = isc.score_evidence(rules, isc.load_evidence(data, rules=rules))
    return build_notice(assessment, publish_on=APRIL_6)


def _hostile() -> dict[str, Any]:
    data = copy.deepcopy(WUBEN)
    data["inspectors"][0]["name"] = "<script>alert(1)</script>"
    data["inspectors"][0]["mine"] = "[bold red]假[/bold red]煤矿"
    data["inspectors"][1]["name"] = '=HYPERLINK("http://x")'
    data["inspectors"][1]["mine"] = "A|B煤矿"
    return data


def _controls() -> dict[str, Any]:
    """Names that a terminal, a browser or a spreadsheet would obey if they were not shown."""
    data = copy.deepcopy(WUBEN)
    data["inspectors"][0]["name"] = "\x1b[31m红\x1b]8;;http://x\x07链\x1b]8;;\x07\u202e反\x00"
    data["inspectors"][0]["mine"] = "\x9b2J煤\r\n矿\x08"
    data["inspectors"][1]["name"] = "\n=1+1"
    data["assessment"]["issuer"] = "# 标题 [x](http://e) ![i](http://i)"
    return data


# --- shown ----------------------------------------------------------------------------------------


def test_hidden_is_every_control_format_and_separator_character() -> None:
    """HIDDEN matches exactly the characters of categories Cc, Cf, Cs, Zl and Zp (this Python's
    Unicode) and the 66 noncharacters (U+FDD0-FDEF, U+FFFE and U+FFFF of every plane: U+FFFF
    made an SVG invalid XML) — and no others, so CJK text and emoji pass unchanged."""
    for code in range(0x110000):
        char = chr(code)
        noncharacter = 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE
        hidden = unicodedata.category(char) in ("Cc", "Cf", "Cs", "Zl", "Zp") or noncharacter
        if hidden:
            assert HIDDEN.fullmatch(char), hex(code)
        elif unicodedata.unidata_version >= "15.1" or code < 0x13430:
            assert not HIDDEN.fullmatch(char) or unicodedata.category(char) == "Cn", hex(code)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("杨国华", "杨国华"),
        ("\x1b[31m", "\\x1b[31m"),
        ("a\u202eb", "a\\u202eb"),
        ("\x00\x07\x08\x9b", "\\x00\\x07\\x08\\x9b"),
        ("一\r\n二\t三", "一\\r\\n二\\t三"),
        ("\u2028\ufeff\U000e0041", "\\u2028\\ufeff\\U000e0041"),
    ],
)
def test_shown_writes_controls_as_escapes(text: str, expected: str) -> None:
    """Each hidden character becomes its escape; everything else stays."""
    assert shown(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+86", "'+86"),
        ("-3", "'-3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\\tx"),
        ("\rx", "'\\rx"),
        ("\nx", "'\\nx"),
        ("\x00x", "'\\x00x"),
        ("张=三", "张=三"),
    ],
)
def test_spreadsheet_text_neutralises_every_formula_start(text: str, expected: str) -> None:
    """OWASP's list (= + - @ TAB CR) and LF and NUL: behind an apostrophe, controls shown."""
    assert spreadsheet_text(text) == expected


# --- CSV ------------------------------------------------------------------------------------------


def _csv(document: Document) -> list[list[str]]:
    text = render_csv(document)
    assert text.startswith(BOM)
    return list(csv.reader(io.StringIO(text.removeprefix(BOM))))


def test_csv_states_township_period_and_fingerprints_before_the_table() -> None:
    """Title, then label/value lines (township, period, notice period, fingerprints), an empty line,
    then the table: the same facts as the notice's foot."""
    notice = _notice(WUBEN)
    rows = _csv(notice.document())
    assert rows[0] == ["务本乡2021年3月驻矿安监员考核结果公示"]
    facts = dict(row for row in rows[1:] if len(row) == 2)
    assert facts["乡镇"] == "务本乡"
    assert facts["考核期"] == "2021年3月"
    assert facts["公示期"] == "2021年4月6日至2021年4月12日（5个工作日）"
    assert facts["规则文件 sha256"] == isc.default_rules().sha256
    assert len(facts["证据文件 sha256"]) == 64
    assert facts["计分程序"].startswith("inspector_scoring ")
    assert [] in rows  # the empty line before the table


def test_csv_table_has_item_columns_and_one_row_per_inspector() -> None:
    """The header names each item with its points; totals and grades per row; deductions in words."""
    rows = _csv(_notice(WUBEN).document())
    header_at = rows.index([]) + 1
    header, *body = rows[header_at:]
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
    rows = _csv(build_notice(isc.score_evidence(rules, data), publish_on=APRIL_6).document())
    row = next(row for row in rows if len(row) > 2 and row[1] == "罗继红")
    assert row[-3:-1] == ["不合格", "弄虚作假（伪造下井记录、捎卡、补填日志）的，当期考核为不合格"]


def test_csv_neutralises_every_cell_from_the_inputs_headers_included() -> None:
    """Names, and item titles in the header, that start like formulas are text; controls shown."""
    data = _controls()
    rules_text = RULES.read_text(encoding="utf-8")
    rules = isc.loads_rules(rules_text.replace('title = "下井检查"', "title = \"=cmd|' /C calc'!A0\""))
    assessment = isc.score_evidence(rules, isc.load_evidence(data, rules=rules))
    rows = _csv(build_notice(assessment, publish_on=APRIL_6).document())
    every = [cell for row in rows for cell in row]
    assert not [cell for cell in every if cell.startswith(("=", "+", "-", "@", "\t", "\r", "\n", "\x00"))]
    assert "'=cmd|' /C calc'!A0（20分）" in every
    assert "'\\n=1+1" in every
    assert not [cell for cell in every if HIDDEN.search(cell.replace("\n", ""))]


# --- Markdown -------------------------------------------------------------------------------------


def test_markdown_escapes_table_breakers() -> None:
    """A pipe in a mine name cannot break the Markdown table; HTML is escaped."""
    text = render_markdown(_notice(_hostile()).document())
    assert "A\\|B煤矿" in text
    assert "<script>" not in text
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    assert len(rows) == 3  # header and two inspectors
    assert len({row.count(" | ") for row in rows}) == 1


def test_markdown_shows_links_images_headings_and_line_breaks_as_text() -> None:
    """A CR/LF cannot split a row, ``[x](url)`` is no link, ``![i](url)`` no image, ``# `` no
    heading: the issuer's line in the 落款 starts with an escaped ``#``."""
    text = render_markdown(_notice(_controls()).document())
    assert "\\# 标题 \\[x\\](http\\://e) \\!\\[i\\](http\\://i)" in text
    assert "](http" not in text.replace("\\](http", "")
    assert not [line for line in text.splitlines() if line.startswith("# ") and "标题" in line]
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    assert len(rows) == 3
    assert "\r" not in text
    assert "\x1b" not in text
    assert "\\\\x1b\\[31m红" in text  # the escape is shown: a backslash, then x1b


@pytest.mark.parametrize("issuer", ["---", "-- -", "-", "- 乡政府"])
def test_markdown_makes_no_rule_or_heading_of_a_dash(issuer: str) -> None:
    """An issuer of dashes was written as it is: ``---`` alone on the 落款's line is a thematic
    break (the issuer gone, a rule drawn), and under the line before it a setext heading. Every
    line that starts with ``-`` from the inputs now starts with ``\\-``, shown as the dash."""
    data = copy.deepcopy(WUBEN)
    data["assessment"]["issuer"] = issuer
    lines = render_markdown(_notice(data).document()).splitlines()
    assert f"\\{issuer}" in [line.rstrip() for line in lines]
    assert not any(line.startswith("-") and line.strip("- ") == "" for line in lines)


def test_markdown_makes_no_bare_link() -> None:
    """GitHub's Markdown links a bare http://… or www.… even without brackets, after a Chinese
    character or a digit too: each is broken by an escape that shows as the character itself
    (checked with cmark-gfm, GitHub's own parser)."""
    data = copy.deepcopy(WUBEN)
    data["inspectors"][0]["name"] = "网址http://evil.example/x"
    data["inspectors"][0]["mine"] = "_www.evil.example"
    data["inspectors"][1]["name"] = "1https://evil.example"
    text = render_markdown(_notice(data).document())
    assert "网址http\\://evil.example/x" in text
    assert "\\_www\\.evil.example" in text
    assert "1https\\://evil.example" in text
    assert "://" not in text.replace("\\://", "")


# --- HTML -----------------------------------------------------------------------------------------


def test_html_is_a_real_page_with_a_table() -> None:
    """lang, title, viewport, one <th scope="col"> per column, a row header per inspector."""
    notice = _notice(WUBEN)
    page = render_html(notice.document(), engine="inspector_scoring test")
    assert page.startswith('<!DOCTYPE html>\n<html lang="zh-CN">')
    assert "<title>务本乡2021年3月驻矿安监员考核结果公示</title>" in page
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert page.count('<th scope="col"') == 3 + 8 + 3
    assert page.count('<th scope="row"') == 2
    assert "<h1>务本乡2021年3月驻矿安监员考核结果公示</h1>" in page
    assert "@page { size: A4 landscape" in page
    assert "2021年4月6日" in page


def test_html_fetches_nothing() -> None:
    """No external font, script, style or image: no URL and no tag that would load one."""
    page = render_html(_notice(WUBEN).document(), engine="x")
    for word in ("http:", "https:", "//", "<script", "<link", "<img", "@import", "url("):
        assert word not in page.replace("<!DOCTYPE html>", ""), word


def test_html_escapes_names_and_shows_controls() -> None:
    """A <script> name is escaped; markup in a mine name is shown; controls are escapes."""
    page = render_html(_notice(_hostile()).document(), engine="x")
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "[bold red]假[/bold red]煤矿" in page
    page = render_html(_notice(_controls()).document(), engine="x")
    assert not HIDDEN.search(page.replace("\n", ""))
    assert "\\x1b[31m红" in page
    assert "\\u202e反" in page


def test_html_keeps_each_ref_whole_and_escaped() -> None:
    """Every ref a deduction cites is one ``<span class="ref">`` (kept from breaking inside, as
    ``隐患台账`` from ``#570``), its text escaped and its controls shown like any other text."""
    data = json.loads((EXAMPLES / "taiping-2021-03.json").read_text(encoding="utf-8"))
    hostile = "<b>台账</b>#570\u202e"
    for inspector in data["inspectors"]:
        for event in inspector.get("events", []):
            if event.get("ref") == "隐患台账#570":
                event["ref"] = hostile
    rules = isc.default_rules()
    assessment = isc.score_evidence(rules, isc.load_evidence(data, rules=rules))
    refs = {ref for result in assessment.results for hit in result.hits for ref in hit.refs}
    assert hostile in refs
    page = render_html(build_notice(assessment, publish_on=APRIL_6).document(), engine="x")
    assert '<span class="ref">&lt;b&gt;台账&lt;/b&gt;#570\\u202e</span>' in page
    assert "<b>" not in page
    cited = [ref for ref in refs - {hostile} if ref in page]  # (a shortfall's sentence cites none)
    assert "隐患台账#580" in cited
    for ref in cited:
        assert page.count(ref) == page.count(f'<span class="ref">{ref}</span>'), ref


def _year(vetoed: int | None = 6) -> Document:
    rules = isc.default_rules()
    months = [
        isc.score_evidence(rules, isc.load_evidence(data, rules=rules))
        for data in example_year(vetoed=vetoed)
    ]
    return isc.build_annual_notice(isc.assess_year(months), publish_on=date(2022, 1, 5))


def test_annual_html_has_months_as_columns() -> None:
    """The year's page: a column per month, the year's total and grade, the panel, the 落款."""
    page = render_html(_year(), engine="x")
    assert all(f'<span class="head">{month}月</span>' in page for month in range(1, 13))
    assert "考核小组：组长：唐建平（务本乡人民政府）" in page
    assert "2022年1月5日" in page


# --- SVG ------------------------------------------------------------------------------------------


def test_svg_is_valid_xml_with_controls_in_names() -> None:
    """Parsed by an XML parser although the names hold ESC, NUL, BS and U+202E."""
    picture = render_svg(_notice(_controls()).document())
    root = ET.fromstring(picture.encode("utf-8"))
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    texts = [element.text or "" for element in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "\\x1b[31m红\\x1b]8;;http://x\\x07链\\x1b]8;;\\x07\\u202e反\\x00" in texts


def test_svg_draws_the_table_with_numbers_right_aligned_and_no_external_font() -> None:
    """Title, a cell per value, numbers anchored at their right edge, system fonts only."""
    picture = render_svg(_notice(_hostile()).document())
    root = ET.fromstring(picture.encode("utf-8"))
    ns = "{http://www.w3.org/2000/svg}"
    texts = {element.text: element.attrib for element in root.iter(f"{ns}text")}
    assert texts["务本乡2021年3月驻矿安监员考核结果公示"]["text-anchor"] == "middle"
    assert texts["87.0"]["text-anchor"] == "end"
    assert texts["<script>alert(1)</script>"].get("text-anchor") is None
    assert "Noto Sans CJK SC" in root.attrib["font-family"]
    assert "Microsoft YaHei" in root.attrib["font-family"]
    assert "http" not in picture.replace('xmlns="http://www.w3.org/2000/svg"', "").replace("http://x", "")
    assert "2021年4月6日" in texts


def test_svg_text_fits_its_cell() -> None:
    """Hand-worked: 24小时在矿驻矿 is 6 wide characters (6 em) and 2 narrow (2 × 0.6 em) at
    14 px: 84 + 16.8 = 100.8 px."""
    assert text_width("24小时在矿驻矿") == Decimal("100.8")


# --- the workbook ---------------------------------------------------------------------------------


def _sheet(document: Document) -> Any:
    import openpyxl  # noqa: PLC0415

    book = openpyxl.load_workbook(io.BytesIO(render_xlsx(document, created=APRIL_6)))
    return book.active


def test_xlsx_text_stays_text_and_numbers_are_numbers() -> None:
    """A name written as a formula is a string cell; scores and totals are numbers."""
    sheet = _sheet(_notice(_hostile()).document())
    cells = {cell.coordinate: cell for row in sheet.iter_rows() for cell in row if cell.value is not None}
    formula = next(cell for cell in cells.values() if cell.value == '=HYPERLINK("http://x")')
    assert formula.data_type == "s"
    total = next(cell for cell in cells.values() if cell.value == 87)
    assert total.data_type == "n"
    assert total.number_format == "0.0"


@pytest.mark.parametrize("township", ["=1+1乡", "http://evil.example/", "mailto:x@evil.example?"])
def test_xlsx_merged_lines_stay_text(township: str) -> None:
    """The title and the other lines across the sheet (merged cells) are text however the
    township or issuer begins: no formula (a title "=1+1乡…" once read as 0) and no link."""
    data = copy.deepcopy(WUBEN)
    data["assessment"]["township"] = township
    data["assessment"]["issuer"] = township
    workbook = render_xlsx(_notice(data).document(), created=APRIL_6)
    with zipfile.ZipFile(io.BytesIO(workbook)) as parts:
        sheet = parts.read("xl/worksheets/sheet1.xml").decode("utf-8")
        assert "<f>" not in sheet
        assert "<hyperlink" not in sheet
        assert not any(name.endswith(".rels") and "worksheets/_rels" in name for name in parts.namelist())
    cells = _sheet(_notice(data).document())
    assert cells["A1"].value == f"{township}2021年3月驻矿安监员考核结果公示"
    assert cells["A1"].data_type == "s"


def test_xlsx_names_and_mines_are_never_cut_off_in_print() -> None:
    """The name and mine columns are as wide as their widest text (a CJK character is two
    widths), at most 30, and fold what is longer: a mine of 27 characters once printed as its
    first ten. Hand-worked: 青杠坪煤矿 is 10 widths, + 2 = 12 < 14 (the least); the long mine is
    54 widths: the column is 30, and its row two lines high or more."""
    data = copy.deepcopy(WUBEN)
    long_mine = "攀枝花市仁和区太平乡大田镇青杠坪村第三煤矿有限责任公司"
    data["inspectors"][0]["mine"] = long_mine
    sheet = _sheet(_notice(data).document())
    assert sheet.column_dimensions["B"].width == pytest.approx(10, abs=1)
    assert sheet.column_dimensions["C"].width == pytest.approx(30, abs=1)
    cell = next(cell for row in sheet.iter_rows() for cell in row if cell.value == long_mine)
    assert cell.alignment.wrap_text
    assert sheet.row_dimensions[cell.row].height >= 27  # (two lines: 28 points, as stored 27.75)


def test_xlsx_a_text_over_a_cells_limit_says_what_is_left_out() -> None:
    """A cell holds 32,767 characters; XlsxWriter cuts a longer text short without a word. The
    deductions of an inspector with 3,000 absences (42,000 characters of refs) stop after a
    whole ref and say that the rest is left out and where it is."""
    data = copy.deepcopy(WUBEN)
    del data["inspectors"][0]["counts"]["absences"]
    data["inspectors"][0]["events"] = [
        {"kind": "absence", "at": f"2021-03-{1 + n % 28:02d}", "ref": f"抽查记录#{n:06d}"}
        for n in range(3000)
    ]
    workbook = render_xlsx(_notice(data).document(), created=APRIL_6)
    with zipfile.ZipFile(io.BytesIO(workbook)) as parts:
        strings = parts.read("xl/sharedStrings.xml").decode("utf-8")
    cut = next(
        text for text in re.findall(r"<t[^>]*>([^<]*)</t>", strings, flags=re.DOTALL) if len(text) > 30000
    )
    assert len(cut) <= 32_767
    assert re.search(r"、抽查记录#\d{6}、……（以下超出单元格长度，未列出；全文见公示网页或 CSV 文件）$", cut)


def test_xlsx_is_a_score_sheet_set_up_for_a4() -> None:
    """Title, header rows repeated, signature rows, fingerprints, A4 landscape fitted to width."""
    notice = _notice(WUBEN)
    sheet = _sheet(notice.document())
    values = [cell.value for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert values[0] == "务本乡2021年3月驻矿安监员考核结果公示"
    assert "考核项目（得分）" in values
    assert any(
        str(value).startswith("考核人（签字）：") and "复核人（签字）：" in str(value) for value in values
    )
    assert "考核小组成员（签字）：" in values
    assert f"规则文件 sha256：{isc.default_rules().sha256}" in values
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.paperSize == 9
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.page_setup.fitToWidth in (None, 1)  # 1 is the default, left out of the file
    assert sheet.page_setup.fitToHeight == 0  # as many pages down as the rows need
    assert sheet.print_title_rows == "$3:$4"


def test_xlsx_bytes_depend_only_on_the_document() -> None:
    """The same document gives the same workbook, byte for byte."""
    document = _notice(WUBEN).document()
    made = render_xlsx(document, created=APRIL_6)
    assert made == render_xlsx(document, created=APRIL_6)
    # Nothing in it depends on the clock: the files in the zip are dated 1980-01-01, the
    # workbook says it was created on the notice's date.
    with zipfile.ZipFile(io.BytesIO(made)) as archive:
        assert {entry.date_time for entry in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert b"2021-04-06T00:00:00Z" in archive.read("docProps/core.xml")


# --- the terminal ---------------------------------------------------------------------------------


def test_plain_text_shows_markup_and_controls_literally() -> None:
    """Brackets are printed as typed; ESC, OSC 8, C1 CSI, NUL, BS and U+202E as escapes."""
    assert "[bold red]假[/bold red]煤矿" in render_plain(_notice(_hostile()).document(), width=200)
    text = render_plain(_notice(_controls()).document(), width=200)
    assert not HIDDEN.search(text.replace("\n", ""))
    assert "\\x1b[31m红\\x1b]8;;http://x\\x07链" in text
    assert "\\x9b2J煤\\r\\n矿\\x08" in text


def test_ansi_output_styles_only_with_its_own_escapes() -> None:
    """On a terminal the only escapes are the program's own SGR codes; the inputs' are shown."""
    text = render_ansi(_notice(_controls()).document(), width=120)
    import re  # noqa: PLC0415

    assert not HIDDEN.search(re.sub(r"\x1b\[[0-9;]*m", "", text).replace("\n", ""))


def test_annual_xlsx_has_months_as_numbers_and_marks_a_vetoed_month() -> None:
    """June's total (a veto) is a number with its own format and a comment naming the veto."""
    sheet = _sheet(_year(vetoed=6))
    header = [cell.value for cell in sheet[3]]
    assert header[3:15] == [f"{m}月" for m in range(1, 13)]
    sun = next(row for row in sheet.iter_rows() if row[1].value == "孙永福")
    june, may = sun[3 + 5], sun[3 + 4]
    assert (june.data_type, june.value, may.value) == ("n", 100, 100)
    assert june.comment is not None
    assert june.comment.text.startswith("一票否决：弄虚作假")
    assert may.comment is None
    assert june.font.b
    assert not may.font.b


_ANY_TEXT = st.text(
    alphabet=st.characters(exclude_categories=["Cs"])
    | st.sampled_from("\x1b\x9b\u202e\u2066\x00\r\n\t\x07\uffff\ufffe"),
    min_size=1,
    max_size=12,
).filter(lambda text: text.strip())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=_ANY_TEXT, mine=_ANY_TEXT)
def test_no_format_lets_a_hidden_character_through(name: str, mine: str) -> None:
    """Whatever a name and a mine hold, no notice format carries a control, format or bidi
    character of theirs: only its own line ends (and SGR codes on a terminal)."""
    data = copy.deepcopy(WUBEN)
    data["inspectors"][0]["name"] = name
    data["inspectors"][0]["mine"] = mine
    document = _notice(data).document()
    for text in (
        render_plain(document, width=100),
        render_plain(document, width=40),
        render_markdown(document),
        render_html(document, engine="x"),
        render_svg(document),
        render_csv(document).removeprefix(BOM),
    ):
        assert not HIDDEN.search(text.replace("\r\n", "").replace("\n", ""))
    ET.fromstring(render_svg(document).encode("utf-8"))


def test_xlsx_of_a_scheme_of_one_item_heads_its_column() -> None:
    """A scheme of one item has one item column: its heading 考核项目（得分） is that one cell (a
    merge of one cell once wrote nothing, with a warning from XlsxWriter on standard error)."""
    small = (FIXTURES / "rules" / "small.toml").read_text(encoding="utf-8")
    # (the small scheme without its second item, 在岗履职 of 40 points: 60 in all)
    second = small.index("[[items]]", small.index("[[items]]") + 1)
    one_item = small[:second] + small[small.index("[bonus]") :]
    rules = isc.loads_rules(one_item.replace("total = 100", "total = 60"), source="one.toml")
    assert [item.id for item in rules.items] == ["underground"]
    evidence = isc.load_evidence(FIXTURES / "evidence" / "minimal.json", rules=rules)
    notice = build_notice(isc.score_evidence(rules, evidence), publish_on=APRIL_6)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # (XlsxWriter's "Can't merge single cell" fails the test)
        sheet = _sheet(notice.document())
    heading = [cell.value for cell in sheet[3]]
    assert heading[:5] == ["序号", "姓名", "所驻煤矿", "考核项目（得分）", "加分"]
    assert [cell.value for cell in sheet[4]][3] == "下井检查（60分）"

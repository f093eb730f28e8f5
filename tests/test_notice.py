"""The public notice (公示): content, layout at fixed widths, privacy, notice period."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

import inspector_scoring as isc
from builders import entries, evidence, inspector, score
from conftest import EXAMPLES
from inspector_scoring.views.markdown_notice import render_markdown
from inspector_scoring.views.measure import text_cells
from inspector_scoring.views.notice import Notice, build_notice, mask_name
from inspector_scoring.views.terminal import render_plain

GOLDEN = Path(__file__).parent / "golden"
APRIL_6 = date(2021, 4, 6)


def _notice(example: str, *, mask_names: bool = False, explain_all: bool = False) -> Notice:
    rules = isc.default_rules()
    data = isc.load_evidence(EXAMPLES / f"{example}.json", rules=rules)
    return build_notice(
        isc.score_evidence(rules, data), publish_on=APRIL_6, mask_names=mask_names, explain_all=explain_all
    )


@pytest.mark.parametrize("example", ["taiping-2021-03", "wuben-2021-03"])
def test_table_notice_matches_the_golden_text(example: str) -> None:
    """At 130 cells the notice renders exactly as the reviewed golden file."""
    expected = (GOLDEN / f"{example}.table.txt").read_text(encoding="utf-8")
    assert render_plain(_notice(example).document(), width=130) == expected


@pytest.mark.parametrize("example", ["taiping-2021-03", "wuben-2021-03"])
def test_markdown_notice_matches_the_golden_text(example: str) -> None:
    """The Markdown notice is exactly the reviewed golden file."""
    expected = (GOLDEN / f"{example}.md").read_text(encoding="utf-8")
    assert render_markdown(_notice(example).document()) == expected


NAMES = ("杨国华", "李志勇", "张德明", "陈晓东", "刘成富", "罗继红", "赵文斌", "黄世平")
MINES = ("青杠坪煤矿", "石门坎煤矿", "鑫达煤矿", "龙潭沟煤矿", "大坪子煤矿", "新民煤矿")
TOTALS = ("100.0", "100.0", "97.0", "90.0", "67.0", "97.0", "85.0", "95.0")
GRADES = ("优秀", "基本合格", "不合格", "合格")


@pytest.mark.parametrize("width", [80, 100, 120, 160])
def test_no_line_is_wider_than_the_page_and_no_word_is_split(width: int) -> None:
    """At every width: each line fits, and every name, mine, grade and total is whole on a line."""
    text = render_plain(_notice("taiping-2021-03").document(), width=width)
    lines = text.splitlines()
    assert all(text_cells(line) <= width for line in lines)
    for word in (*NAMES, *MINES, *TOTALS, *GRADES, "一票否决"):
        pieces = [line for line in lines if word in line]
        assert pieces, word
    for name in NAMES:  # one table row or card title per inspector, one deduction heading
        assert sum(line.count(name) for line in lines) == 2, name


@pytest.mark.parametrize("width", [60, 80, 100, 120, 130, 160])
def test_a_records_ref_is_never_split_between_lines(width: int) -> None:
    """Each ref a deduction cites (抽查记录#2104, 隐患台账#570) is whole on one line, with the
    ledger it names: at every width, every ref of the example."""
    rules = isc.default_rules()
    assessment = isc.score_evidence(rules, isc.load_evidence(EXAMPLES / "taiping-2021-03.json", rules=rules))
    refs = {ref for result in assessment.results for hit in result.hits for ref in hit.refs}
    assert "仁应急〔2021〕15号" in refs  # a document number, besides ledger refs (隐患台账#570)
    assert "隐患台账#570" in refs
    lines = render_plain(_notice("taiping-2021-03").document(), width=width).splitlines()
    text = "".join(line.strip() for line in lines)
    for ref in refs:
        assert text.count(ref) == sum(line.count(ref) for line in lines), ref


@pytest.mark.parametrize("width", [50, 60, 70, 80, 90, 100, 120])
def test_a_date_is_never_split_between_lines(width: int) -> None:
    """Each date the notice writes (3月9日 in a deduction, 2021年4月6日 in the notice period and
    the 落款) is whole on one line, at every width."""
    lines = render_plain(_notice("taiping-2021-03").document(), width=width).splitlines()
    text = "".join(line.strip() for line in lines)
    dates = set(re.findall(r"(?:\d{4}年)?\d{1,2}月\d{1,2}日", text))
    assert {"3月9日", "2021年4月6日", "2021年4月12日"} <= dates
    for day in dates:
        assert text.count(day) == sum(line.count(day) for line in lines), day


@pytest.mark.parametrize("width", [50, 60, 70, 80, 90, 100, 120])
def test_grades_the_township_the_issuer_and_the_contact_are_never_split(width: int) -> None:
    """Prose keeps each of the notice's terms on one line: the grades (a veto's wording ends in
    当期考核为不合格, once cut as 不合/格), the township, who posts it and the contact."""
    raw = json.loads((EXAMPLES / "taiping-2021-03.json").read_text(encoding="utf-8"))
    raw["assessment"]["contact"] = "0812-2901234（太平乡应急管理办公室）"
    rules = isc.default_rules()
    document = build_notice(
        isc.score_evidence(rules, isc.load_evidence(raw, rules=rules)), publish_on=APRIL_6
    ).document()
    assert set(document.terms) == {
        "优秀",
        "合格",
        "基本合格",
        "不合格",
        "太平乡",
        "太平乡人民政府",
        "0812-2901234（太平乡应急管理办公室）",
    }
    lines = render_plain(document, width=width).splitlines()
    text = "".join(line.strip() for line in lines)
    for term in document.terms:
        assert term in text
        assert text.count(term) == sum(line.count(term) for line in lines), term


LONG_MINE = "攀枝花市仁和区大田镇新华村第二煤矿有限责任公司三号井"  # 26 characters
LONG_NAME = "阿卜杜热合曼·买买提依明"


@pytest.mark.parametrize("width", [60, 80, 100, 120])
def test_a_long_name_and_mine_are_never_split_in_a_heading(width: int) -> None:
    """A card's title and a deduction's heading fold before （mine）, never inside the name or
    the mine (the card at 80 cells once cut the mine before its last character)."""
    rules = isc.default_rules()
    raw = json.loads((EXAMPLES / "taiping-2021-03.json").read_text(encoding="utf-8"))
    raw["inspectors"][0]["name"] = LONG_NAME
    raw["inspectors"][0]["mine"] = LONG_MINE
    assessment = isc.score_evidence(rules, isc.load_evidence(raw, rules=rules))
    lines = render_plain(build_notice(assessment, publish_on=APRIL_6).document(), width=width).splitlines()
    headings = [line for line in lines if LONG_NAME in line]
    assert len(headings) >= 2  # the card or row, and the deductions' heading
    assert all(text_cells(line) <= width for line in lines)
    assert sum(line.count(LONG_MINE) for line in lines) >= 2
    text = "".join(line.strip() for line in lines)
    assert text.count(LONG_MINE) == sum(line.count(LONG_MINE) for line in lines)


@pytest.mark.parametrize("width", [100, 120, 160])
def test_table_numbers_end_in_one_column(width: int) -> None:
    """The table fits from 100 cells: each numeric column's values end at the same cell."""
    lines = render_plain(_notice("taiping-2021-03").document(), width=width).splitlines()
    rows = [line for line in lines if any(f"  {name}  " in line for name in NAMES)]
    assert len(rows) == 8, "the table was laid out as cards"
    # The total of each row (the last number before the grade) ends at the same cell.
    ends = {text_cells(row[: row.index(total) + len(total)]) for row, total in zip(rows, TOTALS, strict=True)}
    assert len(ends) == 1
    # So does every other number: the n-th number of each row ends at the same cell.
    number_ends = [
        [text_cells(row[: m.end()]) for m in re.finditer(r"(?<!\S)\d+(?:\.\d+)?(?!\S)", row)] for row in rows
    ]
    assert all(len(ends) == 1 + 8 + 2 for ends in number_ends)
    assert all(ends == number_ends[0] for ends in number_ends)


@pytest.mark.parametrize("width", [40, 60, 80])
def test_narrow_screens_get_cards_with_numbers_in_one_column(width: int) -> None:
    """Too narrow for the table: one card per inspector, every number ending at the same cell."""
    text = render_plain(_notice("taiping-2021-03").document(), width=width)
    lines = text.splitlines()
    assert all(text_cells(line) <= width for line in lines)
    totals = [line for line in lines if line.startswith("  总分")]
    assert [line.split()[-1] for line in totals] == list(TOTALS)
    ends = {text_cells(line) for line in lines if line.startswith("  ") and line.rstrip()[-1:].isdigit()}
    assert len(ends) == 1
    assert any(line.rstrip().endswith("不合格（一票否决）") for line in lines)


def test_long_item_titles_get_a_legend_and_the_veto_a_mark() -> None:
    """The bundled rules give no short titles: items are 项1…项8, explained under the table; the
    vetoed grade reads 不合格* and the mark is explained."""
    text = render_plain(_notice("taiping-2021-03").document(), width=120)
    assert "项6：参加安全生产会、培训会（5分）" in text
    assert "不合格*" in text
    assert "等次后的“*”：一票否决" in text


def test_short_titles_from_the_rule_file_head_the_columns() -> None:
    """Items with ``short`` are headed by it, and no legend is needed for them; the result JSON
    does not change."""
    text = (Path(__file__).parents[1] / "rules" / "default.toml").read_text(encoding="utf-8")
    shorts = ["驻矿", "下井", "夜间", "日志", "班前会", "安全会", "通讯", "隐患"]
    for title, short in zip(
        ["24小时在矿驻矿", "下井检查", "夜间入井检查", "工作日志", "参加班前会", "参加安全生产会、培训会",
         "24小时通讯畅通", "隐患排查与报告"],
        shorts,
        strict=True,
    ):  # fmt: skip
        text = text.replace(f'title = "{title}"\n', f'title = "{title}"\nshort = "{short}"\n', 1)
    rules = isc.loads_rules(text)
    assert [item.short for item in rules.items] == shorts
    data = isc.load_evidence(EXAMPLES / "taiping-2021-03.json", rules=rules)
    assessment = isc.score_evidence(rules, data)
    plain = render_plain(build_notice(assessment, publish_on=APRIL_6).document(), width=120)
    header = next(line for line in plain.splitlines() if line.startswith("序号"))
    assert header.split() == ["序号", "姓名", "所驻煤矿", *shorts, "加分", "总分", "等次"]
    assert "项1：" not in plain
    assert '"short"' not in isc.result_to_json(assessment)
    assert '"title": "下井检查"' in isc.result_to_json(assessment)
    assert "short" in isc.dumps_rules(rules)


def test_numbered_headings_come_before_cards_when_short_titles_do_not_fit() -> None:
    """Short titles wider than 项N (夜间入井检查次数) that make the table too wide: the table is tried
    with 项1…项8 before it turns into cards (it went straight to cards)."""
    text = (Path(__file__).parents[1] / "rules" / "default.toml").read_text(encoding="utf-8")
    long_short = "夜间入井次数达标"
    for title in ["24小时在矿驻矿", "夜间入井检查", "隐患排查与报告"]:
        text = text.replace(f'title = "{title}"\n', f'title = "{title}"\nshort = "{long_short}"\n', 1)
    rules = isc.loads_rules(text)
    assessment = isc.score_evidence(rules, isc.load_evidence(EXAMPLES / "taiping-2021-03.json", rules=rules))
    document = build_notice(assessment, publish_on=APRIL_6).document()
    numbered = render_plain(document, width=100)
    header = next(line for line in numbered.splitlines() if line.startswith("序号"))
    assert header.split()[3:11] == [f"项{n}" for n in range(1, 9)]  # the table, headed 项N
    assert "项1：24小时在矿驻矿（20分）" in numbered
    wide = render_plain(document, width=160)  # with room, the short titles head the columns
    assert long_short in next(line for line in wide.splitlines() if line.startswith("序号"))


def test_table_columns_and_rows() -> None:
    """One row per inspector: 序号, 姓名, 所驻煤矿, item scores, 加分, 总分, 等次 with the veto."""
    notice = _notice("taiping-2021-03")
    assert notice.columns[:3] == ("序号", "姓名", "所驻煤矿")
    assert notice.columns[-3:] == ("加分", "总分", "等次")
    assert notice.item_columns[0] == "24小时在矿驻矿"
    assert notice.row(notice.entries[5]) == (
        "6", "罗继红", "大坪子煤矿", "20", "20", "15", "14", "10", "5", "3", "10", "0", "97.0",
        "不合格\n（一票否决）",
    )  # fmt: skip


def test_deduction_lines_quote_the_rule_and_state_the_facts() -> None:
    """Each deduction quotes the published wording, then the facts; exhausted items say 扣完为止."""
    lines = _notice("taiping-2021-03").entries[4].lines  # 刘成富
    assert lines[0] == (
        "【24小时在矿驻矿】“未经批准离矿（脱岗）的，每发现1次扣5分”：未经批准离矿5次，每次扣5分，扣25分，"
        "实扣20分（依据：抽查记录#2104、抽查记录#2113、抽查记录#2123、抽查记录#2134、抽查记录#2139）。"
    )
    assert lines[1] == "【24小时在矿驻矿】本项20分扣完为止，得0分。"


def test_prorated_thresholds_give_the_reason() -> None:
    """An inspector on leave sees the prorated quota and why."""
    lines = _notice("taiping-2021-03").entries[2].lines  # 张德明, 24 duty days
    assert "（在岗24天/本期31天，标准由15次按比例折算为12次）" in lines[0]


def test_explain_all_lists_rules_that_deducted_nothing() -> None:
    """--explain all also says why a rule did not deduct."""
    plain = _notice("taiping-2021-03")
    full = _notice("taiping-2021-03", explain_all=True)
    assert "【下井检查】下井17次，不少于15次，不扣分。" in full.entries[0].lines
    assert plain.entries[0].lines == ("各项均未扣分。",)


@pytest.mark.parametrize(
    ("name", "masked"), [("张三", "张*"), ("张德明", "张*明"), ("欧阳娜娜", "欧**娜"), ("李", "李")]
)
def test_mask_name(name: str, masked: str) -> None:
    """Masked names keep the first and last character."""
    assert mask_name(name) == masked


def test_masked_notice_shows_no_full_name() -> None:
    """With mask_names no inspector's full name reaches the notice."""
    text = render_plain(_notice("taiping-2021-03", mask_names=True).document(), width=130)
    for name in ("杨国华", "李志勇", "张德明", "陈晓东", "刘成富", "罗继红", "赵文斌", "黄世平"):
        assert name not in text
    assert "杨*华" in text


def test_only_name_mine_and_scores_reach_the_notice() -> None:
    """Inspector ids, service dates and leave reasons stay off the notice."""
    text = render_plain(_notice("taiping-2021-03").document(), width=130)
    for private in ("TP-01", "TP-03", "病假", "2021-03-16", "serving"):
        assert private not in text


def test_notice_period_crosses_national_day() -> None:
    """Published 30 Sept 2021, 5 working days end on 12 Oct (7 holidays, 1 make-up Saturday)."""
    rules = isc.default_rules()
    data = isc.load_evidence(EXAMPLES / "wuben-2021-03.json", rules=rules)
    notice = build_notice(isc.score_evidence(rules, data), publish_on=date(2021, 9, 30))
    assert notice.footer[0] == "公示期：2021年9月30日至2021年10月12日（5个工作日）。"
    assert notice.signature == ("务本乡人民政府", "2021年9月30日")


def test_notice_period_in_an_unknown_year_says_how_it_was_counted() -> None:
    """A year the holiday calendar does not know is counted Monday to Friday, and the notice says so."""
    rules = isc.default_rules()
    data = isc.load_evidence(EXAMPLES / "wuben-2021-03.json", rules=rules)
    notice = build_notice(isc.score_evidence(rules, data), publish_on=date(2099, 1, 2))
    assert notice.footer[0] == (
        "公示期：2099年1月2日至2099年1月8日（5个工作日）；2099年法定节假日安排尚未收录，按周一至周五计算工作日。"
    )


def test_footer_has_rounding_fingerprints_and_how_to_check() -> None:
    """The footer states the rounding rule, both fingerprints, the engine and `score verify`."""
    notice = _notice("wuben-2021-03")
    rules = isc.default_rules()
    assert "总分保留1位小数，四舍五入。" in notice.footer
    assert f"规则文件 sha256：{rules.sha256}" in notice.footer
    assert any(line.startswith("证据文件 sha256：") for line in notice.footer)
    assert any("score verify" in line for line in notice.footer)
    assert (
        "公示期内如有异议，请向务本乡人民政府反映，联系方式：0812-2910000 (务本乡矿山安全生产服务中心)。"
        in notice.footer
    )


def test_quarter_title_and_whole_point_rounding() -> None:
    """A quarterly scheme names the period 2021年第一季度; precision 0 is 取整数."""
    from builders import rules as make_rules  # noqa: PLC0415

    ruleset = make_rules(
        """
        [[items]]
        id = "all"
        title = "全部"
        points = 100
        """,
        period="quarter",
        precision=0,
    )
    data = evidence(inspector(events=entries(3)), period="2021-Q1")
    notice = build_notice(score(ruleset, data), publish_on=APRIL_6)
    assert notice.title == "太平乡2021年第一季度驻矿安监员考核结果公示"
    assert "总分取整数，四舍五入。" in notice.footer
    assert notice.entries[0].total == "100"

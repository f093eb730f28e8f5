"""The annual notice (年度考核结果公示) as a Document: months × inspectors, then the year."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ..numbers import format_fixed
from ..rules.model import OutcomeKind
from ..scoring.annual import (
    AnnualAssessment,
    AnnualResult,
    MonthResult,
    OutcomeHit,
    describe_method,
    grade_word,
)
from .document import Column, Document, Record, Row, Section
from .notice import chinese_date, mask_name, panel_members, posting, posting_day, prose_terms

__all__ = ["build_annual_notice"]


def month_cell(month: MonthResult | None) -> str:
    """A month's total as the annual table shows it (— when absent or off duty all month), a
    vetoed month's marked before it (``*92.0``), so that every number of a column, right-aligned,
    ends in one place."""
    if month is None or month.duty_days == 0:
        return "—"
    return ("*" if month.vetoes else "") + format_fixed(month.total)


def _month_value(month: MonthResult | None) -> Decimal | None:
    """A month's total as a number, where the table shows one."""
    if month is None or month.duty_days == 0:
        return None
    return month.total


def _month_note(month: MonthResult | None) -> str:
    """What a vetoed month's mark means: the veto's wording."""
    if month is None or not month.vetoes:
        return ""
    return "一票否决：" + "；".join(veto.text for veto in month.vetoes)


def _lines(annual: AnnualAssessment, result: AnnualResult) -> tuple[str, ...]:
    lines = []
    for month in result.months:
        for veto in month.vetoes:
            lines.append(f"【一票否决】{month.period.index}月：“{veto.text}”。")
    word = grade_word(to_date=annual.to_date)
    if result.reason:
        lines.append(f"【{word}】{result.reason}。")
    kinds = {outcome.id: outcome.kind for outcome in annual.ruleset.outcomes}
    for hit in result.outcomes:
        if kinds.get(hit.id) is OutcomeKind.ANNUAL:
            lines.append(f"【结果运用】“{hit.text}”：{word}为{result.grade}。")
        elif kinds.get(hit.id) is OutcomeKind.LOWEST:
            months = "、".join(f"{period.index}月" for period in hit.months)
            lines.append(
                f"【结果运用】“{hit.text}”：{annual.year}年{months}（按当月总分名次，并列者一并计入）。"
            )
        elif kinds.get(hit.id) is OutcomeKind.REPEATED:
            months = "、".join(f"{period.index}月" for period in hit.months)
            lines.append(f"【结果运用】“{hit.text}”：{annual.year}年{months}共{len(hit.months)}次。")
        else:
            months = "、".join(f"{period.index}月" for period in hit.months)
            lines.append(f"【结果运用】“{hit.text}”：{annual.year}年{months}。")
    return tuple(lines) or ("无一票否决，无结果运用事项。",)


def _outcome_cell(annual: AnnualAssessment, result: AnnualResult, hit: OutcomeHit) -> str:
    """An outcome as the data export's cell says it: with the months that caused it, or (one
    that the year's grade caused) with that grade, not every month of the year."""
    kind = next((outcome.kind for outcome in annual.ruleset.outcomes if outcome.id == hit.id), None)
    if kind is OutcomeKind.ANNUAL:
        return f"{hit.text}（{grade_word(to_date=annual.to_date)}为{result.grade}）"
    return f"{hit.text}（{'、'.join(str(p) for p in hit.months)}）"


def build_annual_notice(
    annual: AnnualAssessment, /, *, publish_on: date, mask_names: bool = False
) -> Document:
    """The year's notice, posted from ``publish_on``; ``mask_names`` shows 张*三-style names."""
    publish_on = posting_day(publish_on, "build_annual_notice")
    rules = annual.ruleset
    last = annual.months[-1].evidence.assessment
    through = annual.through.index if annual.to_date else 12
    period_text = f"{annual.year}年1月至{through}月" if annual.to_date else f"{annual.year}年度"
    total_header, grade_header = (
        ("累计总分", "累计等次（参考）") if annual.to_date else ("年度总分", "年度等次")
    )
    columns = (
        Column("序号", numeric=True, in_card=False),
        Column("姓名", in_card=False),
        Column("所驻煤矿", in_card=False),
        *(Column(f"{month}月", numeric=True) for month in range(1, through + 1)),
        Column(total_header, numeric=True),
        Column(grade_header),
    )
    rows: list[Row] = []
    sections: list[Section] = []
    records: list[Record] = []
    for number, result in enumerate(annual.results, start=1):
        name = mask_name(result.name) if mask_names else result.name
        mine = result.mine or ""
        by_month = {month.period.index: month for month in result.months}
        months = tuple(month_cell(by_month.get(index)) for index in range(1, through + 1))
        total = format_fixed(result.total) if result.total is not None else "—"
        lines = _lines(annual, result)
        section = Section(number, name, mine, lines)
        rows.append(
            Row((str(number), name, mine, *months, total, result.grade), section.heading, whole=(name, mine))
        )
        sections.append(section)
        records.append(
            Record(
                (
                    str(number),
                    name,
                    mine,
                    *months,
                    total,
                    result.grade,
                    result.reason,
                    tuple(_outcome_cell(annual, result, hit) for hit in result.outcomes),
                ),
                (
                    Decimal(number),
                    None,
                    None,
                    *(_month_value(by_month.get(index)) for index in range(1, through + 1)),
                    result.total,
                    None,
                    None,
                    None,
                ),
                notes=(
                    "",
                    "",
                    "",
                    *(_month_note(by_month.get(index)) for index in range(1, through + 1)),
                    "",
                    "",
                    "",
                    "",
                ),
            )
        )
    body, span, objection = posting(last, publish_on, rules.notice.working_days, rules.calendar)
    annual_grades = rules.annual.grades if rules.annual is not None else ()
    # Each rule file the months were scored with, once (a year may change its scheme).
    rulesets = list({assessment.ruleset.sha256: assessment.ruleset for assessment in annual.months}.values())
    schemes = [
        f"规则文件：{scheme.title}（{scheme.version}），sha256：{scheme.sha256}" for scheme in rulesets
    ]
    evidence = [
        f"{assessment.evidence.assessment.period.index}月证据文件 sha256：{assessment.evidence.sha256}"
        for assessment in annual.months
    ]
    footer = (
        span,
        objection,
        describe_method(annual),
        "表中“*”表示当月被一票否决，“—”表示当月未在岗或未参加考核。",
        *schemes,
        *evidence,
        f"计分程序：{annual.engine}",
        # (the year so far is recomputed as it was made: the command refuses a part year without it)
        "核验方法：用 sha256sum 核对上述指纹，或运行 score annual 各月证据文件 --rules 规则文件"
        f"{' --to-date' if annual.to_date else ''} 重新计算。",
    )
    preamble: tuple[str, ...] = (
        f"根据《{rules.title}》，{annual.township}考核小组对{period_text}驻矿安监员履职情况进行了考核，"
        "现将年度考核结果公示如下：",
    )
    if annual.to_date:
        covered = "、".join(
            f"{assessment.evidence.assessment.period.index}月" for assessment in annual.months
        )
        preamble = (
            f"根据《{rules.title}》，现将{annual.township}驻矿安监员{period_text}各月考核结果及累计情况通报如下。",
            f"本通报涵盖{annual.year}年{covered}，共{len(annual.months)}个月，为年度中期累计情况，"
            f"不是年度考核结果；{annual.year}年度考核在全年12个月考核结束后进行。"
            "累计总分按年度考核的计算方法得出，累计等次仅供参考；在岗月数要求和年度等次的结果运用待年度考核时适用。",
        )
    title = rules.notice.title.format(township=annual.township, period=period_text)
    if annual.to_date:
        title = f"{annual.township}{period_text}驻矿安监员考核累计情况通报（非年度考核结果）"
    panel = panel_members(last)
    if panel:
        preamble += ("考核小组：" + "；".join(panel),)
    return Document(
        title=title,
        preamble=preamble,
        columns=columns,
        rows=tuple(rows),
        sections_title=f"一票否决、{grade_word(to_date=annual.to_date)}与结果运用说明",
        sections=tuple(sections),
        footer=footer,
        signature=(body, chinese_date(publish_on)),
        published=publish_on,
        terms=prose_terms(last, body, (grade.name for grade in (*annual_grades, *rules.grades))),
        data_header=(
            "序号",
            "姓名",
            "所驻煤矿",
            *(f"{month}月" for month in range(1, through + 1)),
            total_header,
            grade_header,
            "说明",
            "结果运用",
        ),
        data_rows=tuple(records),
        facts=(
            ("乡镇", annual.township),
            ("考核期", period_text),
            ("公示期", span.removeprefix("公示期：").removesuffix("。")),
            ("发布单位", body),
            # (labelled as a month's notice labels them, a pair for each rule file)
            *(
                fact
                for scheme in rulesets
                for fact in (
                    ("考核细则", f"{scheme.title}（{scheme.version}）"),
                    ("规则文件 sha256", scheme.sha256),
                )
            ),
            *(
                (f"{a.evidence.assessment.period.index}月证据文件 sha256", a.evidence.sha256)
                for a in annual.months
            ),
            ("计分程序", annual.engine),
        ),
    )

"""The public notice (公示) as content: every line and cell, ready for any view.

Built from the scoring trace once; the views (:mod:`.terminal`, :mod:`.html_notice`,
:mod:`.xlsx_notice`, :mod:`.svg_notice`, :mod:`.markdown_notice`, :mod:`.csv_notice`)
only lay it out. Only an inspector's
name, mine and scores reach a notice, never another personal field.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal

import attrs

from ..evidence.model import AssessmentInfo
from ..numbers import format_fixed
from ..numbers import format_number as num
from ..rules.model import Comparison, Ruleset
from ..scoring.results import Assessment, InspectorResult, ItemResult, RuleResult
from ..workdays import Schedule, notice_period
from .document import Column, Document, Part, Record, Row, Section

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ..corrections import ResultChanges

__all__ = ["Notice", "NoticeEntry", "build_notice", "chinese_date", "mask_name"]


@attrs.frozen(slots=True)
class NoticeEntry:
    """One inspector on the notice: the table row and the lines explaining it."""

    number: int
    name: str
    mine: str
    #: item scores, bonus, total, as printed
    scores: tuple[str, ...]
    bonus: str
    total: str
    grade: str
    #: "一票否决" when a veto fired, else empty
    veto: str
    lines: tuple[str, ...]
    #: the published wording of each veto that fired
    vetoes: tuple[str, ...] = ()
    #: 名次, when the notice ranks (— for an inspector with no duty days)
    rank: str = ""
    #: the refs of the records its lines cite
    refs: tuple[str, ...] = ()


@attrs.frozen(slots=True)
class Notice:
    """Everything a public notice says, as text."""

    title: str
    preamble: str
    panel: tuple[str, ...]
    #: item titles and their points, one per score column
    item_columns: tuple[str, ...]
    item_points: tuple[str, ...]
    entries: tuple[NoticeEntry, ...]
    footer: tuple[str, ...]
    #: who signs the notice, and when
    signature: tuple[str, ...]
    #: whether the table has a 名次 column
    ranked: bool = False
    #: a corrected notice's 复核结果 (what changed since the published result), else ``None``
    corrections: Part | None = None
    #: a corrected notice's CSV column: what changed for each entry, by name
    corrected: tuple[tuple[str, str], ...] = ()
    #: each item's short title for narrow tables (empty where the rule file gives none)
    item_shorts: tuple[str, ...] = ()
    #: what the data export states before its table, as (label, value)
    facts: tuple[tuple[str, str], ...] = ()
    #: words the prose never splits (:attr:`Document.terms`)
    terms: tuple[str, ...] = ()
    #: the day the notice is posted from (:attr:`Document.published`)
    published: date | None = None

    @property
    def columns(self) -> tuple[str, ...]:
        """All table headers, in order."""
        rank = ("名次",) if self.ranked else ()
        return ("序号", "姓名", "所驻煤矿", *self.item_columns, "加分", "总分", *rank, "等次")

    def row(self, entry: NoticeEntry) -> tuple[str, ...]:
        """One entry's table cells, in the order of :attr:`columns`."""
        grade = f"{entry.grade}\n（{entry.veto}）" if entry.veto else entry.grade
        rank = (entry.rank,) if self.ranked else ()
        return (
            str(entry.number),
            entry.name,
            entry.mine,
            *entry.scores,
            entry.bonus,
            entry.total,
            *rank,
            grade,
        )

    def document(self) -> Document:
        """The notice laid out for the views."""
        items = tuple(
            Column(title, note=f"{points}分", numeric=True, short=short)
            for title, points, short in zip(
                self.item_columns,
                self.item_points,
                self.item_shorts or ("",) * len(self.item_columns),
                strict=True,
            )
        )
        columns = (
            Column("序号", numeric=True, in_card=False),
            Column("姓名", in_card=False),
            Column("所驻煤矿", in_card=False),
            *items,
            Column("加分", numeric=True),
            Column("总分", numeric=True),
            *((Column("名次", numeric=True),) if self.ranked else ()),
            Column("等次"),
        )
        rank_header = ("名次",) if self.ranked else ()
        corrected = dict(self.corrected)
        correction_header = ("复核情况",) if self.corrections is not None else ()
        sections = tuple(
            Section(entry.number, entry.name, entry.mine, entry.lines, entry.refs) for entry in self.entries
        )
        panel = ("考核小组：" + "；".join(self.panel),) if self.panel else ()
        return Document(
            title=self.title,
            preamble=(self.preamble, *panel),
            columns=columns,
            rows=tuple(
                Row(
                    (
                        str(entry.number),
                        entry.name,
                        entry.mine,
                        *entry.scores,
                        entry.bonus,
                        entry.total,
                        *((entry.rank,) if self.ranked else ()),
                        entry.grade,
                    ),
                    section.heading,
                    flagged=bool(entry.veto),
                    mark=entry.veto,
                    whole=(entry.name, entry.mine),
                )
                for entry, section in zip(self.entries, sections, strict=True)
            ),
            sections_title="扣分、加分说明",
            sections=sections,
            footer=self.footer,
            signature=self.signature,
            terms=self.terms,
            data_header=(
                "序号",
                "姓名",
                "所驻煤矿",
                *(column.label for column in items),
                "加分",
                "总分",
                *rank_header,
                "等次",
                "一票否决",
                "扣分说明",
                *correction_header,
            ),
            data_rows=tuple(
                Record(
                    (
                        str(entry.number),
                        entry.name,
                        entry.mine,
                        *entry.scores,
                        entry.bonus,
                        entry.total,
                        *((entry.rank,) if self.ranked else ()),
                        entry.grade,
                        "；".join(entry.vetoes),
                        entry.lines,
                        *(
                            (corrected.get(str(entry.number), "无变化"),)
                            if self.corrections is not None
                            else ()
                        ),
                    ),
                    (
                        Decimal(entry.number),
                        None,
                        None,
                        *(Decimal(score) for score in entry.scores),
                        Decimal(entry.bonus),
                        Decimal(entry.total),
                        *((_rank_number(entry.rank),) if self.ranked else ()),
                        None,
                        None,
                        None,
                        *((None,) if self.corrections is not None else ()),
                    ),
                )
                for entry in self.entries
            ),
            facts=self.facts,
            parts=(self.corrections,) if self.corrections is not None else (),
            published=self.published,
        )


def prose_terms(info: AssessmentInfo, body: str, grades: Iterable[str]) -> tuple[str, ...]:
    """The words a notice's prose never splits between lines (:attr:`Document.terms`): the
    grades, the township, who posts the notice (``body``) and the contact."""
    return tuple(dict.fromkeys(term for term in (*grades, info.township, body, info.contact or "") if term))


def posting(
    info: AssessmentInfo, publish_on: date, working_days: int, schedules: tuple[Schedule, ...] = ()
) -> tuple[str, str, str]:
    """Who posts the notice, the notice period line and the objection line (monthly and annual).

    ``schedules`` are the holiday schedules the rule file gives; the line names
    the source of each one the period was counted with.
    """
    posted = notice_period(publish_on, working_days, schedules)
    span = (
        f"公示期：{chinese_date(posted.first)}至{chinese_date(posted.last)}（{posted.working_days}个工作日）"
    )
    for schedule in posted.schedules:
        span += f"；{schedule.year}年工作日按{schedule.source}确定的放假和调休安排计算"
    if posted.estimated_years:
        years = "、".join(f"{year}年" for year in posted.estimated_years)
        span += f"；{years}法定节假日安排尚未收录，按周一至周五计算工作日"
    body = info.issuer or f"{info.township}考核小组"
    objection = f"公示期内如有异议，请向{body}反映" + (f"，联系方式：{info.contact}" if info.contact else "")
    return body, span + "。", objection + "。"


def panel_members(info: AssessmentInfo) -> tuple[str, ...]:
    """The assessment panel (考核小组), one ``组长：周明华（太平乡人民政府）`` per member."""
    return tuple(
        f"{member.role or '成员'}：{member.name}" + (f"（{member.unit}）" if member.unit else "")
        for member in info.panel
    )


def posting_day(value: object, caller: str) -> date:
    """``publish_on`` as a day: a ``datetime`` gives its date; anything else that is no date is
    refused by name (a string compared with dates would fail somewhere inside)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raise TypeError(f"{caller}: publish_on must be a datetime.date, got {type(value).__name__}")


def chinese_date(day: date) -> str:
    """``2021年4月6日``."""
    return f"{day.year}年{day.month}月{day.day}日"


def mask_name(name: str) -> str:
    """Hide the middle of a name: 张三 → 张*, 张三丰 → 张*丰, 欧阳娜娜 → 欧**娜."""
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def _hit_line(title: str, hit: RuleResult, comparison: Comparison | None) -> str:
    line = f"【{title}】“{hit.text}”：{hit.explanation}"
    if hit.applied != hit.raw:
        line += f"，实{'加' if title == '加分' else '扣'}{num(hit.applied)}分"
    # For an "above" rule the counted records are what triggered it; cite them.
    if comparison is Comparison.ABOVE and hit.refs:
        line += f"（依据：{'、'.join(hit.refs)}）"
    return line + "。"


def _item_lines(item: ItemResult, comparisons: dict[str, Comparison], *, explain_all: bool) -> list[str]:
    lines = []
    for rule in item.rules:
        if rule.hit:
            lines.append(_hit_line(item.title, rule, comparisons.get(rule.rule)))
        elif explain_all:
            lines.append(f"【{item.title}】{rule.explanation}。")
    if item.exhausted:
        lines.append(f"【{item.title}】本项{num(item.points)}分扣完为止，得0分。")
    return lines


def _entry(
    rules: Ruleset,
    number: int,
    result: InspectorResult,
    comparisons: dict[str, Comparison],
    *,
    mask: bool,
    explain_all: bool,
) -> NoticeEntry:
    lines: list[str] = []
    for item in result.items:
        lines += _item_lines(item, comparisons, explain_all=explain_all)
    for rule in result.bonus.rules:
        if rule.hit:
            lines.append(_hit_line("加分", rule, comparisons.get(rule.rule)))
        elif explain_all:
            lines.append(f"【加分】{rule.explanation}。")
    if result.bonus.raw > result.bonus.applied:
        lines.append(
            f"【加分】加分合计{num(result.bonus.raw)}分，以{num(result.bonus.cap)}分为限，"
            f"加{num(result.bonus.applied)}分。"
        )
    for veto in result.vetoes:
        metric = rules.metric(veto.metric)
        lines.append(
            f"【一票否决】“{veto.text}”：{metric.amount(num(veto.value))}，当期等次最高为{veto.grade}。"
        )
    if not lines:
        lines.append("各项均未扣分。")
    name = result.inspector.name
    return NoticeEntry(
        number=number,
        name=mask_name(name) if mask else name,
        mine=result.inspector.mine or "",
        scores=tuple(num(item.score) for item in result.items),
        bonus=num(result.bonus.applied),
        total=format_fixed(result.total),
        grade=result.grade,
        veto="一票否决" if result.vetoes else "",
        lines=tuple(lines),
        vetoes=tuple(veto.text for veto in result.vetoes),
        refs=tuple(dict.fromkeys(ref for hit in result.hits for ref in hit.refs)),
    )


def _rank_number(rank: str) -> Decimal | None:
    """A place as a number for the score sheet; ``None`` for one not ranked (—)."""
    return Decimal(rank) if rank.isdigit() else None


def build_notice(
    assessment: Assessment,
    /,
    *,
    publish_on: date,
    mask_names: bool = False,
    explain_all: bool = False,
    changes: ResultChanges | None = None,
) -> Notice:
    """The notice for ``assessment``, posted from ``publish_on``.

    ``mask_names`` shows 张*三-style names; ``explain_all`` also lists the rules
    that deducted nothing, with the facts that show why. ``changes`` (a
    published result compared with this corrected one) makes it a 复核结果公示:
    what changed for whom, before and after, and the evidence behind it.
    """
    publish_on = posting_day(publish_on, "build_notice")
    rules = assessment.ruleset
    info = assessment.evidence.assessment
    period_text = info.period.chinese
    title = rules.notice.title.format(township=info.township, period=period_text)
    if changes is not None:
        title = (
            title[: -len("结果公示")] + "复核结果公示"
            if title.endswith("结果公示")
            else title + "（复核结果）"
        )
    comparisons = {rule.id: rule.comparison for item in rules.items for rule in item.rules}
    if rules.bonus is not None:
        comparisons.update({rule.id: rule.comparison for rule in rules.bonus.rules})
    panel = panel_members(info)
    entries = tuple(
        _entry(rules, n, result, comparisons, mask=mask_names, explain_all=explain_all)
        for n, result in enumerate(assessment.results, start=1)
    )
    ranked = rules.notice.rank
    if ranked:
        from ..scoring.ranking import places  # noqa: PLC0415

        placed = places(result.total for result in assessment.results if result.duty_days > 0)
        entries = tuple(
            attrs.evolve(entry, rank=str(placed[result.total]) if result.duty_days > 0 else "—")
            for entry, result in zip(entries, assessment.results, strict=True)
        )
    body, span, objection = posting(info, publish_on, rules.notice.working_days, rules.calendar)
    rounding = f"总分保留{rules.precision}位小数，四舍五入。" if rules.precision else "总分取整数，四舍五入。"
    footer: tuple[str, ...] = (
        span,
        objection,
        rounding,
        f"考核细则：{rules.title}（{rules.version}）",
        f"规则文件 sha256：{rules.sha256}",
        f"证据文件 sha256：{assessment.evidence.sha256}",
        f"计分程序：{assessment.engine}",
        "核验方法：用 sha256sum 核对上述指纹，"
        "或运行 score verify 结果.json 证据.json --rules 规则文件 重新计算。",
    )
    preamble = (
        f"根据《{rules.title}》，{info.township}考核小组对{period_text}驻矿安监员履职情况进行了考核，"
        "现将考核结果公示如下："
    )
    if ranked:
        footer = (
            *footer[:3],
            "名次按总分由高到低排列，总分相同的名次并列，其后名次依次递延、不空缺；当月无在岗天数的不参加排名。",
            *footer[3:],
        )
    corrections: Part | None = None
    corrected: tuple[tuple[str, str], ...] = ()
    if changes is not None:
        numbers = {result.inspector.id: str(n) for n, result in enumerate(assessment.results, start=1)}
        corrections = _corrections(changes, mask=mask_names)
        corrected = tuple(
            (numbers[change.id], change.summary) for change in changes.changes if change.id in numbers
        )
        preamble = (
            f"根据《{rules.title}》，{info.township}考核小组对{period_text}驻矿安监员考核结果公示期内"
            "收到的异议进行了复核，现将复核结果公示如下："
        )
        footer = (
            *footer[:-1],
            f"本公示为复核结果公示，更正原公示结果（结果文件 sha256：{changes.before.sha256}；"
            f"原证据文件 sha256：{changes.before.evidence_sha256}；"
            f"原规则文件 sha256：{changes.before.ruleset_sha256}）。",
            "核验方法：用 sha256sum 核对上述指纹，"
            "或运行 score verify 复核结果.json 证据.json --rules 规则文件 --corrects 原结果.json 重新计算"
            "（连同所更正的原公示结果一并核对），运行 score diff 原结果.json 复核结果.json 查看变化。",
        )
    return Notice(
        title=title,
        preamble=preamble,
        panel=panel,
        item_columns=tuple(item.title for item in rules.items),
        item_points=tuple(num(item.points) for item in rules.items),
        entries=entries,
        footer=footer,
        signature=(body, chinese_date(publish_on)),
        published=publish_on,
        terms=prose_terms(info, body, (grade.name for grade in rules.grades)),
        ranked=ranked,
        corrections=corrections,
        corrected=corrected,
        item_shorts=tuple(item.short for item in rules.items),
        facts=(
            ("乡镇", info.township),
            ("考核期", period_text),
            ("公示期", span.removeprefix("公示期：").removesuffix("。")),
            ("发布单位", body),
            ("考核细则", f"{rules.title}（{rules.version}）"),
            ("规则文件 sha256", rules.sha256),
            ("证据文件 sha256", assessment.evidence.sha256),
            ("计分程序", assessment.engine),
            *(
                (
                    ("更正的原公示结果 sha256", changes.before.sha256),
                    ("原证据文件 sha256", changes.before.evidence_sha256),
                    ("原规则文件 sha256", changes.before.ruleset_sha256),
                )
                if changes is not None
                else ()
            ),
        ),
    )


def _corrections(changes: ResultChanges, *, mask: bool) -> Part:
    """The 复核结果 block: each inspector whose result changed, before and after, and why."""
    columns = (
        Column("序号", numeric=True, in_card=False),
        Column("姓名", in_card=False),
        Column("所驻煤矿", in_card=False),
        Column("变更项目"),
        Column("原总分", numeric=True),
        Column("复核总分", numeric=True),
        Column("原等次"),
        Column("复核等次"),
    )
    rows, sections = [], []
    for number, change in enumerate(changes.changes, start=1):
        name = mask_name(change.name) if mask else change.name
        total, grade = change.figure("total"), change.figure("grade")
        section = Section(number, name, change.mine, change.reasons("zh"), change.refs)
        rows.append(
            Row(
                (
                    str(number),
                    name,
                    change.mine,
                    change.items_text,
                    total.before,
                    total.after,
                    grade.before,
                    grade.after,
                ),
                section.heading,
                whole=(name, change.mine),
            )
        )
        sections.append(section)
    count = len(changes.changes)
    lines = (
        (f"经复核，{count}人的考核结果有变化，其余{changes.unchanged}人维持原公示结果。",)
        if count
        else ("经复核，各人考核结果均无变化，维持原公示结果。",)
    )
    return Part(
        title="复核结果",
        lines=lines,
        columns=columns,
        rows=tuple(rows),
        sections_title="复核依据",
        sections=tuple(sections),
    )

"""The annual assessment (年度考核): a year of monthly results, combined per inspector.

Each month is scored with the rule file in force for it; the rule file of the
year's last month given decides how the year is combined (its ``[annual]``
table) and which results applications (``[[outcomes]]``) apply.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import attrs

from .. import messages as M
from ..errors import InvalidInputError, Problem
from ..i18n import Listing, Text
from ..numbers import exact_arithmetic, round_half_up
from ..periods import Period, PeriodKind
from ..rules.grades import grade_for
from ..rules.model import AnnualMethod, AnnualSettings, Grade, Outcome, OutcomeKind, Ruleset
from . import ranking
from .results import Assessment, InspectorResult, VetoHit

__all__ = [
    "NOT_GRADED",
    "AnnualAssessment",
    "AnnualResult",
    "MonthResult",
    "OutcomeHit",
    "assess_year",
]

#: the annual grade of an inspector with too few months on duty
NOT_GRADED = "不参加年度评定"


@attrs.frozen(slots=True)
class MonthResult:
    """One inspector's month, as the year sees it."""

    period: Period
    total: Decimal
    grade: str
    duty_days: int
    #: the vetoes that fired that month
    vetoes: tuple[VetoHit, ...] = ()


@attrs.frozen(slots=True)
class OutcomeHit:
    """A results application that applies to an inspector, and the months that caused it."""

    id: str
    text: str
    months: tuple[Period, ...]


@attrs.frozen(slots=True)
class AnnualResult:
    """One inspector's year."""

    id: str
    name: str
    mine: str | None
    months: tuple[MonthResult, ...]
    #: months with duty days, which the annual total is taken over
    counted: int
    #: ``None`` when the inspector is not graded for the year
    total: Decimal | None
    #: the annual grade, or 不参加年度评定
    grade: str
    #: why the inspector is not graded, or why the grade is capped; else empty
    reason: str
    outcomes: tuple[OutcomeHit, ...]


@attrs.frozen(slots=True)
class AnnualAssessment:
    """The whole year: the monthly assessments and each inspector's annual result."""

    engine: str
    township: str
    year: int
    #: the monthly assessments, in calendar order
    months: tuple[Assessment, ...]
    #: the rule file whose [annual] and [[outcomes]] were used (the last month's)
    ruleset: Ruleset
    settings: AnnualSettings
    grades: tuple[Grade, ...]
    veto_cap: str
    results: tuple[AnnualResult, ...]
    #: the year so far (``score annual --to-date``): not the annual assessment
    to_date: bool = False

    @property
    def through(self) -> Period:
        """The last month covered."""
        return self.months[-1].evidence.assessment.period

    @property
    def complete(self) -> bool:
        """Whether all twelve months are covered (the annual assessment proper)."""
        return not self.to_date


def _problem(assessment: Assessment, path: str, text: Text) -> Problem:
    """``text`` of one month's evidence at ``path``: at its cell when the month is a workbook."""
    problem = Problem.of(assessment.evidence.source, path, text)
    cells = assessment.evidence.cells
    return cells.locate(problem) if cells is not None else problem


def _check_months(months: Sequence[Assessment], *, to_date: bool) -> list[Problem]:
    """One township, one year, every month exactly once (``to_date``: every month up to the
    latest given), the same person behind each id."""
    problems: list[Problem] = []
    first = months[0].evidence.assessment
    seen: dict[Period, Assessment] = {}
    for assessment in months:
        info = assessment.evidence.assessment
        if info.period.kind is not PeriodKind.MONTH:
            problems.append(_problem(assessment, "assessment.period", M.NOT_A_MONTH(period=str(info.period))))
            continue
        if info.township != first.township:
            problems.append(
                _problem(
                    assessment,
                    "assessment.township",
                    M.OTHER_TOWNSHIP(
                        township=info.township, first=first.township, source=months[0].evidence.source
                    ),
                )
            )
        if info.period.year != first.period.year:
            problems.append(
                _problem(
                    assessment,
                    "assessment.period",
                    M.OTHER_YEAR(
                        period=str(info.period), year=first.period.year, source=months[0].evidence.source
                    ),
                )
            )
        if info.period in seen:
            earlier = seen[info.period].evidence.source
            problems.append(
                _problem(assessment, "", M.FILE_TWICE())  # (the same file named twice)
                if earlier == assessment.evidence.source
                else _problem(
                    assessment, "assessment.period", M.MONTH_TWICE(period=str(info.period), source=earlier)
                )
            )
        seen.setdefault(info.period, assessment)
    if not problems:
        year = first.period.year
        through = max(period.index for period in seen) if to_date else 12
        missing = [
            f"{year}-{m:02d}" for m in range(1, through + 1) if Period(PeriodKind.MONTH, year, m) not in seen
        ]
        if missing:
            text = (
                M.MONTHS_MISSING_TO_DATE(through=f"{year}-{through:02d}", missing=Listing(missing))
                if to_date
                else M.MONTHS_MISSING(year=year, missing=Listing(missing))
            )
            problems.append(_problem(months[-1], "assessment.period", text))
    names: dict[str, tuple[str, Assessment]] = {}
    for assessment in sorted(months, key=lambda a: (a.evidence.assessment.period.index, a.evidence.source)):
        for person in (result.inspector for result in assessment.results):
            if person.id in names and names[person.id][0] != person.name:
                name, where = names[person.id]
                problems.append(
                    _problem(
                        assessment,
                        f"{person.path}.name",
                        M.OTHER_NAME(
                            id=person.id,
                            name=person.name,
                            other=name,
                            period=str(where.evidence.assessment.period),
                            source=where.evidence.source,
                        ),
                    )
                )
            names.setdefault(person.id, (person.name, assessment))
    return problems


def _rank(name: str, grades: Sequence[Grade]) -> int | None:
    names = [grade.name for grade in grades]
    return names.index(name) if name in names else None


def _no_better_than(grade: str, cap: str, grades: Sequence[Grade]) -> bool:
    """Whether ``grade`` is ``cap`` or worse in these bands."""
    rank, limit = _rank(grade, grades), _rank(cap, grades)
    return rank is not None and limit is not None and rank >= limit


def _lowest(months: Sequence[Assessment], outcome: Outcome) -> dict[str, list[Period]]:
    """For each inspector, the months in which their total was among the ``count`` lowest
    (:func:`~inspector_scoring.scoring.ranking.lowest`: the notice's 名次, everyone tied at the
    boundary brought in; only inspectors with duty days that month are ranked)."""
    hits: dict[str, list[Period]] = {}
    assert outcome.count is not None  # validated: kind "lowest" needs count
    for assessment in months:
        totals = {result.inspector.id: result.total for result in assessment.results if result.duty_days > 0}
        for inspector_id in sorted(ranking.lowest(totals, outcome.count)):
            hits.setdefault(inspector_id, []).append(assessment.evidence.assessment.period)
    return hits


def _streaks(months: Sequence[MonthResult], outcome: Outcome, grades: Sequence[Grade]) -> list[Period]:
    """The months of every run of ``months`` consecutive calendar months graded ``grade`` or worse."""
    assert outcome.grade is not None  # validated
    assert outcome.months is not None  # validated
    caused: list[Period] = []
    run: list[Period] = []
    for month in months:
        bad = _no_better_than(month.grade, outcome.grade, grades)
        follows = bool(run) and run[-1].index + 1 == month.period.index
        if bad and (follows or not run):
            run.append(month.period)
        elif bad:
            run = [month.period]
        else:
            run = []
        if len(run) >= outcome.months:
            caused.extend(period for period in run if period not in caused)
    return caused


def _combine(settings: AnnualSettings, counted: Sequence[MonthResult], precision: int) -> Decimal:
    with exact_arithmetic():
        if settings.method is AnnualMethod.DUTY_WEIGHTED_MEAN:
            days = sum(month.duty_days for month in counted)
            weighted = sum((month.total * month.duty_days for month in counted), Decimal(0))
            return round_half_up(weighted / days, precision)
        return round_half_up(sum((month.total for month in counted), Decimal(0)) / len(counted), precision)


def _month(assessment: Assessment, result: InspectorResult) -> MonthResult:
    return MonthResult(
        period=assessment.evidence.assessment.period,
        total=result.total,
        grade=result.grade,
        duty_days=result.duty_days,
        vetoes=result.vetoes,
    )


def _grade_year(
    settings: AnnualSettings,
    grades: tuple[Grade, ...],
    cap: str,
    history: Sequence[MonthResult],
    *,
    precision: int,
    to_date: bool,
) -> tuple[Decimal | None, str, str]:
    """One inspector's annual total, grade and the reason for it (or for not grading)."""
    counted = [month for month in history if month.duty_days > 0]
    vetoed = [month.period for month in history if month.vetoes]
    if not counted:
        return None, NOT_GRADED, ("截至目前" if to_date else "全年") + "无在岗月份"
    if not to_date and len(counted) < settings.min_months:
        return None, NOT_GRADED, f"全年在岗{len(counted)}个月，少于{settings.min_months}个月"
    total = _combine(settings, counted, precision)
    grade = grade_for(total, grades)
    months_text = "、".join(f"{period.index}月" for period in vetoed)
    word = grade_word(to_date=to_date)
    if settings.veto_months is not None and len(vetoed) >= settings.veto_months:
        failing = settings.veto_months_grade or grades[-1].name
        if not _no_better_than(grade, failing, grades):
            grade = failing
        return total, grade, f"{months_text}共{len(vetoed)}个月一票否决，{word}为{grade}"
    if vetoed and not _no_better_than(grade, cap, grades):
        return total, cap, f"{months_text}一票否决，{word}最高为{cap}"
    return total, grade, ""


def grade_word(*, to_date: bool) -> str:
    """What the year's grade is called: 年度等次, or 累计等次 for the year so far (it is no
    annual assessment, and a notice must not say it is)."""
    return "累计等次" if to_date else "年度等次"


def assess_year(months: Sequence[Assessment], /, *, to_date: bool = False) -> AnnualAssessment:
    """Combine twelve monthly assessments of one township into the year's results.

    With ``to_date``, the months from January to the latest given (the year
    so far): an interim result, not the annual assessment. ``min_months`` is
    not applied and outcomes of kind ``annual`` are not (the year is not over);
    the monthly outcomes and the vetoed-months rule are.

    Raises :class:`~inspector_scoring.InvalidInputError` when a month is
    missing or given twice, a file is of another township or year, or an
    inspector id changes name between months.
    """
    if not months:
        raise ValueError("assess_year needs the monthly assessments")
    problems = _check_months(months, to_date=to_date)
    if problems:
        raise InvalidInputError(problems)
    ordered = tuple(sorted(months, key=lambda a: a.evidence.assessment.period.index))
    governing = ordered[-1].ruleset
    settings = governing.annual or AnnualSettings()
    grades = settings.grades or governing.grades
    cap = settings.cap_in(grades)
    lowest = {
        outcome.id: _lowest(ordered, outcome)
        for outcome in governing.outcomes
        if outcome.kind is OutcomeKind.LOWEST
    }
    people: dict[str, list[tuple[Assessment, InspectorResult]]] = {}
    for assessment in ordered:
        for result in assessment.results:
            people.setdefault(result.inspector.id, []).append((assessment, result))
    results = []
    for inspector_id, entries in people.items():
        latest = entries[-1][1].inspector
        history = tuple(_month(assessment, result) for assessment, result in entries)
        counted = [month for month in history if month.duty_days > 0]
        total, grade, reason = _grade_year(
            settings, grades, cap, history, precision=governing.precision, to_date=to_date
        )
        found: dict[str, tuple[Period, ...]] = {}
        # A repeated outcome counts the months of another: those are worked out first.
        for outcome in sorted(governing.outcomes, key=lambda o: o.kind is OutcomeKind.REPEATED):
            caused: list[Period] = []
            if outcome.kind is OutcomeKind.LOWEST:
                caused = lowest[outcome.id].get(inspector_id, [])
            elif outcome.kind is OutcomeKind.CONSECUTIVE:
                caused = _streaks(history, outcome, governing.grades)
            elif outcome.kind is OutcomeKind.REPEATED:
                assert outcome.count is not None  # validated
                if len(found.get(outcome.outcome or "", ())) >= outcome.count:
                    caused = list(found[outcome.outcome or ""])
            elif (
                not to_date
                and total is not None
                and outcome.grade is not None
                and _no_better_than(grade, outcome.grade, grades)
            ):
                caused = [month.period for month in counted]
            if caused:
                found[outcome.id] = tuple(caused)
        hits = tuple(
            OutcomeHit(outcome.id, outcome.text, found[outcome.id])
            for outcome in governing.outcomes
            if outcome.id in found
        )
        results.append(
            AnnualResult(
                id=inspector_id,
                name=latest.name,
                mine=latest.mine,
                months=history,
                counted=len(counted),
                total=total,
                grade=grade,
                reason=reason,
                outcomes=hits,
            )
        )
    info = ordered[0].evidence.assessment
    return AnnualAssessment(
        engine=months[0].engine,
        township=info.township,
        year=info.period.year,
        months=ordered,
        ruleset=governing,
        settings=settings,
        grades=grades,
        veto_cap=cap,
        results=tuple(results),
        to_date=to_date,
    )


def describe_method(annual: AnnualAssessment) -> str:
    """The combination rule in words, for the notice."""
    places = annual.ruleset.precision
    rounding = f"保留{places}位小数，四舍五入" if places else "取整数，四舍五入"
    if annual.settings.method is AnnualMethod.DUTY_WEIGHTED_MEAN:
        how = "各在岗月份月度总分按在岗天数加权的平均值"
    else:
        how = "各在岗月份月度总分的平均值"
    minimum = annual.settings.min_months
    # The year so far is no annual assessment: its figures are 累计, never 年度.
    figure = "累计" if annual.to_date else "年度"
    parts = [f"{figure}总分为{how}，{rounding}"]
    if minimum > 1 and not annual.to_date:
        parts.append(f"全年在岗不足{minimum}个月的不参加年度评定")
    parts.append(f"有月份被一票否决的，{figure}等次最高为{annual.veto_cap}")
    if annual.settings.veto_months is not None:
        failing = annual.settings.veto_months_grade or annual.grades[-1].name
        parts.append(f"{annual.settings.veto_months}个月及以上被一票否决的，{figure}等次为{failing}")
    return "；".join(parts) + "。"

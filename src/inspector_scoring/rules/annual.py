"""The rule file's ``[annual]`` table and ``[[outcomes]]`` (results application, 结果运用).

Read and validated like the rest of the rule file (every problem with its key
path), and written back for :func:`~inspector_scoring.dumps_rules`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import messages as M
from .._readers import (
    check_keys,
    check_unique,
    describe,
    join,
    read_choice,
    read_count,
    read_id,
    read_list,
    read_str,
    read_table,
)
from ..errors import Collector
from ..i18n import Listing
from .grades import read_grades
from .model import AnnualMethod, AnnualSettings, Grade, Outcome, OutcomeKind

__all__ = ["read_annual", "read_outcomes"]

_ANNUAL_KEYS = ("method", "min_months", "veto_cap", "grades", "veto_months", "veto_months_grade")
_OUTCOME_KEYS = ("id", "text", "kind", "count", "grade", "months", "outcome")
# Which keys each kind of outcome takes (beyond id, text, kind).
_OUTCOME_NEEDS = {
    OutcomeKind.LOWEST: ("count",),
    OutcomeKind.CONSECUTIVE: ("grade", "months"),
    OutcomeKind.ANNUAL: ("grade",),
    OutcomeKind.REPEATED: ("outcome", "count"),
}
#: the outcomes a ``repeated`` one can count: those that apply month by month
_MONTHLY_KINDS = (OutcomeKind.LOWEST, OutcomeKind.CONSECUTIVE)
_MONTHS_IN_YEAR = 12


def _grade_name(
    problems: Collector, path: str, value: object, grades: tuple[Grade, ...] | None
) -> str | None:
    name = read_str(problems, path, value)
    if name is None or grades is None:
        return name
    names = [grade.name for grade in grades]
    if name not in names:
        problems.add(path, M.UNDEFINED_GRADE, value=describe(name), grades=Listing(names))
        return None
    return name


def read_annual(problems: Collector, raw: object, monthly: tuple[Grade, ...] | None) -> AnnualSettings | None:
    """The ``[annual]`` table; ``monthly`` grades are the default bands."""
    table = read_table(problems, "annual", raw)
    if table is None:
        return None
    before = len(problems.problems)
    check_keys(problems, "annual", table, allowed=_ANNUAL_KEYS)
    settings: dict[str, Any] = {}
    if "method" in table:
        settings["method"] = read_choice(problems, "annual.method", table["method"], AnnualMethod)
    if "min_months" in table:
        months = read_count(problems, "annual.min_months", table["min_months"], minimum=1)
        if months is not None and months > _MONTHS_IN_YEAR:
            problems.add("annual.min_months", M.AT_MOST, most=_MONTHS_IN_YEAR, value=months)
        settings["min_months"] = months
    bands = monthly
    if "grades" in table:
        bands = read_grades(problems, table["grades"], "annual.grades")
        settings["grades"] = bands
    if "veto_cap" in table:
        settings["veto_cap"] = _grade_name(problems, "annual.veto_cap", table["veto_cap"], bands)
    if "veto_months" in table:
        vetoed = read_count(problems, "annual.veto_months", table["veto_months"], minimum=1)
        if vetoed is not None and vetoed > _MONTHS_IN_YEAR:
            problems.add("annual.veto_months", M.AT_MOST, most=_MONTHS_IN_YEAR, value=vetoed)
        settings["veto_months"] = vetoed
    if "veto_months_grade" in table:
        if "veto_months" not in table:
            problems.add("annual.veto_months_grade", M.NEEDS_KEY, key="veto_months")
        settings["veto_months_grade"] = _grade_name(
            problems, "annual.veto_months_grade", table["veto_months_grade"], bands
        )
    if len(problems.problems) > before:
        return None
    return AnnualSettings(**settings)


def read_outcomes(
    problems: Collector,
    raw: object,
    monthly: tuple[Grade, ...] | None,
    annual: tuple[Grade, ...],
) -> tuple[Outcome, ...]:
    """The ``[[outcomes]]`` list; grades name monthly bands, or annual ones for ``kind = "annual"``."""
    entries = read_list(problems, "outcomes", raw)
    if entries is None:
        return ()
    outcomes = []
    seen: dict[str, str] = {}
    for n, entry in enumerate(entries):
        path = join("outcomes", n)
        table = read_table(problems, path, entry)
        if table is None:
            continue
        outcome = _read_outcome(problems, path, table, monthly=monthly, annual=annual or monthly, seen=seen)
        if outcome is not None:
            outcomes.append(outcome)
    kinds = {outcome.id: outcome.kind for outcome in outcomes}
    for outcome in outcomes:
        if outcome.outcome is not None and kinds.get(outcome.outcome) not in _MONTHLY_KINDS:
            monthly_ids = ", ".join(key for key, kind in kinds.items() if kind in _MONTHLY_KINDS)
            problems.add(
                join(outcome.path, "outcome"),
                M.OUTCOME_NOT_MONTHLY,
                value=describe(outcome.outcome),
                ids=monthly_ids or "—",
            )
    return tuple(outcomes)


def _read_outcome(
    problems: Collector,
    path: str,
    table: Mapping[str, Any],
    *,
    monthly: tuple[Grade, ...] | None,
    annual: tuple[Grade, ...] | None,
    seen: dict[str, str],
) -> Outcome | None:
    before = len(problems.problems)
    check_keys(problems, path, table, allowed=_OUTCOME_KEYS, required=("id", "text", "kind"))
    outcome_id = read_id(problems, join(path, "id"), table["id"]) if "id" in table else None
    if outcome_id is not None:
        check_unique(problems, join(path, "id"), outcome_id, seen, M.DUPLICATE_OUTCOME_ID)
    text = read_str(problems, join(path, "text"), table["text"]) if "text" in table else None
    kind = read_choice(problems, join(path, "kind"), table["kind"], OutcomeKind) if "kind" in table else None
    fields: dict[str, Any] = {}
    if kind is not None:
        needs = _OUTCOME_NEEDS[kind]
        for key in ("count", "grade", "months", "outcome"):
            if key in needs and key not in table:
                problems.add(join(path, key), M.OUTCOME_NEEDS, kind=describe(kind.value))
            elif key not in needs and key in table:
                problems.add(join(path, key), M.OUTCOME_UNUSED, kind=describe(kind.value))
        if "count" in needs and "count" in table:
            fields["count"] = read_count(problems, join(path, "count"), table["count"], minimum=1)
        if "months" in needs and "months" in table:
            fields["months"] = read_count(problems, join(path, "months"), table["months"], minimum=1)
        if "outcome" in needs and "outcome" in table:
            fields["outcome"] = read_id(problems, join(path, "outcome"), table["outcome"])
        if "grade" in needs and "grade" in table:
            bands = annual if kind is OutcomeKind.ANNUAL else monthly
            fields["grade"] = _grade_name(problems, join(path, "grade"), table["grade"], bands)
    if len(problems.problems) > before or outcome_id is None or text is None or kind is None:
        return None
    return Outcome(id=outcome_id, text=text, kind=kind, path=path, **fields)

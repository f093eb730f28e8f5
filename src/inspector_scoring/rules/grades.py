"""Grade bands (等次): reading them from a rule file and finding a total's band."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from .. import messages as M
from .._readers import check_keys, check_unique, describe, join, read_list, read_number, read_str, read_table
from ..errors import Collector
from .model import Grade

__all__ = ["grade_for", "read_grades"]


def grade_for(total: Decimal, grades: Sequence[Grade]) -> str:
    """The first band, highest first, whose ``min`` is at most ``total`` (the last starts at 0)."""
    return next(grade.name for grade in grades if grade.min <= total)


def read_grades(problems: Collector, raw: object, where: str = "grades") -> tuple[Grade, ...] | None:
    """Grade bands at ``where``: names unique, mins strictly decreasing, ending at 0."""
    if raw is None:
        return None
    entries = read_list(problems, where, raw)
    if entries is None:
        return None
    if not entries:
        problems.add(where, M.AT_LEAST_ONE, what=M.WORD_GRADE())
        return None
    grades: list[Grade] = []
    names: dict[str, str] = {}
    complete = True
    for n, entry in enumerate(entries):
        path = join(where, n)
        table = read_table(problems, path, entry)
        if table is None:
            complete = False
            continue
        check_keys(problems, path, table, allowed=("name", "min"), required=("name", "min"))
        name = read_str(problems, join(path, "name"), table["name"]) if "name" in table else None
        low = read_number(problems, join(path, "min"), table["min"]) if "min" in table else None
        if name is not None:
            check_unique(problems, join(path, "name"), name, names, M.DUPLICATE_GRADE)
        if name is None or low is None:
            complete = False
            continue
        if grades and low >= grades[-1].min:
            problems.add(
                join(path, "min"), M.GRADE_NOT_LOWER, above=describe(grades[-1].min), value=describe(low)
            )
        grades.append(Grade(name, low))
    if complete and grades and grades[-1].min != 0:
        problems.add(
            join(join(where, len(entries) - 1), "min"), M.LAST_GRADE_ZERO, value=describe(grades[-1].min)
        )
    return tuple(grades) if complete else None

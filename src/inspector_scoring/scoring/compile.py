"""A rule file's scoring as one plain Python function, written from its plan (internal).

Interpreting rule records for every inspector (look up the metric, ask the
comparison, build a record per rule) costs far more than the arithmetic, and a
province scores 10⁴–10⁵ inspectors at a time. So each rule file is written
once as the function a person would write by hand for it: its values named
after its metrics, its items and rules in file order with their amounts in
place, each item deducted until exhausted, then the bonus, the total, the grade
and the vetoes. It calls the :class:`~inspector_scoring.scoring.trace.Recorder`
for each rule that amounts to something and once at the end; the source is
kept (:attr:`Scorer.source`) and reads like the rule file.

Every amount is an integer in the plan's units (see
:mod:`~inspector_scoring.scoring.plan`); a count with more decimals than the
scheme's stays a Decimal and the same code computes it exactly. Every text of
the rule file enters the source through ``json.dumps`` in a comment, and names
are made of letters, digits and ``_`` only.
"""

from __future__ import annotations

import functools
import json
import keyword
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs

from ..i18n import visible
from ..rules.model import Comparison, Ruleset
from .plan import Plan, Step, plan_for

__all__ = ["Scorer", "scorer_for"]

#: names the function uses for itself
_OWN = frozenset(
    {
        "measured",
        "period_days",
        "record",
        "duty_days",
        "full",
        "hits",
        "hit",
        "left",
        "raw",
        "uncapped",
        "applied",
        "bonus",
        "bonus_raw",
        "points",
        "rounded",
        "rank",
        "by_total",
        "vetoes",
        "thresholds",
        "type",
        "int",
    }
)


@attrs.frozen(slots=True, eq=False)
class Scorer:
    """A rule file's plan and the function that scores one inspector under it."""

    plan: Plan
    #: the generated source, for reading and for tests
    source: str
    #: ``(measured, period_days, record) -> InspectorResult``
    score: Callable[..., Any]


@functools.lru_cache(maxsize=32)
def scorer_for(rules: Ruleset, /) -> Scorer:
    """The scorer of ``rules`` (cached: equal rule files share one)."""
    plan = plan_for(rules)
    source = write_source(plan)
    namespace: dict[str, Any] = {}
    # (the file name a traceback would show: the version is any text, NUL included, which
    # compile() refuses in a name; shown as an escape instead)
    exec(compile(source, visible(f"<rules {rules.id} {rules.version}>"), "exec"), namespace)
    return Scorer(plan, source, namespace["score_inspector"])


def write_source(plan: Plan) -> str:
    """The source of ``score_inspector`` for ``plan``."""
    return _Writer(plan).write()


def _said(text: str) -> str:
    """A rule file's text as a comment may show it: quoted, on one line."""
    return json.dumps(text, ensure_ascii=False)


class _Names:
    """Python names for the rule file's ids: letters, digits and ``_``, none taken twice."""

    def __init__(self) -> None:
        self._taken = set(_OWN)

    def __call__(self, wanted: str) -> str:
        name = re.sub(r"\W", "_", wanted, flags=re.ASCII)
        if not name or name[0].isdigit():
            name = "m_" + name
        if keyword.iskeyword(name) or name in self._taken:
            base, n = name, 2
            while f"{base}_{n}" in self._taken:
                n += 1
            name = f"{base}_{n}"
        self._taken.add(name)
        return name


class _Writer:
    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.rules = plan.rules
        self.lines: list[str] = []
        names = _Names()
        self.values = [names(metric.id) for metric in plan.measures.metrics]
        self.scores = [names(f"{item.id}_score") for item in self.rules.items]
        self.thresholds = {
            step.number: names(f"{step.rule.id}_threshold") for step in plan.chain if step.rule.prorate
        }

    def line(self, depth: int, text: str) -> None:
        self.lines.append("    " * depth + text if text else "")

    def write(self) -> str:
        plan, rules = self.plan, self.rules
        self.line(0, "def score_inspector(measured, period_days, record):")
        self.line(1, f'"""Score one inspector under {_said(rules.title)}')
        self.line(1, f"({_said(rules.id)}, version {_said(rules.version)}).")
        self.line(0, "")
        self.line(
            1,
            f"Values and thresholds are in units of {_unit(plan.value_places)}, points in units of "
            f"{_unit(plan.point_places)}.",
        )
        self.line(1, "Generated from the rule file by inspector_scoring.")
        self.line(1, '"""')
        if self.values:
            self.line(1, f"{_tuple(self.values)} = measured.values")
        if plan.value_places:
            for name in self.values:
                self.line(1, f"{name} = {name} * {10**plan.value_places}")
        self.line(1, "duty_days = measured.duty_days")
        self.line(1, "full = duty_days == period_days")
        self.line(1, "hits = []")
        self.line(1, "hit = record.hit")
        self.prorated_thresholds()
        for n, item in enumerate(rules.items):
            self.line(1, "")
            points = _number(item.points)
            self.line(
                1, f"# {_said(item.title)} [{_said(item.id)}]: {points} points, deducted until exhausted"
            )
            self.line(1, f"left = {plan.point_units(item.points)}")
            for k in plan.item_steps[n]:
                self.apply(plan.chain[k])
            self.line(1, f"{self.scores[n]} = left")
        self.bonus()
        self.total()
        self.grade_and_vetoes()
        self.line(1, "")
        self.line(
            1,
            f"return record.finish(measured, rounded, rank, by_total, vetoes, {_tuple(self.scores)}, "
            "bonus_raw, bonus, thresholds, hits)",
        )
        return "\n".join(self.lines) + "\n"

    def prorated_thresholds(self) -> None:
        """Thresholds that scale with duty days: the file's × duty days / days in the period,
        rounded half up to a whole number (a whole month keeps the file's, rounded)."""
        if not self.thresholds:
            self.line(1, "thresholds = None")
            return
        plan = self.plan
        scale = 10**plan.value_places
        self.line(1, "")
        self.line(
            1, "# thresholds prorated by duty days: T × duty days / days in the period, rounded half up"
        )
        self.line(1, "if full:")
        for number, name in self.thresholds.items():
            self.line(2, f"{name} = {plan.value_units(plan.base_thresholds[number])}")
        self.line(2, "thresholds = None")
        self.line(1, "else:")
        for number, name in self.thresholds.items():
            units = plan.value_units(plan.chain[number].rule.threshold)
            if scale == 1:
                self.line(2, f"{name} = (2 * {units} * duty_days + period_days) // (2 * period_days)")
            else:
                self.line(
                    2,
                    f"{name} = (2 * {units} * duty_days + period_days * {scale}) "
                    f"// (2 * period_days * {scale}) * {scale}",
                )
        every = [self.thresholds.get(step.number) or str(self.threshold(step)) for step in plan.chain]
        self.line(2, f"thresholds = {_tuple(every)}")

    def threshold(self, step: Step) -> int | str:
        """A rule's threshold in the function: a constant, or the name of its prorated value."""
        return self.thresholds.get(step.number) or self.plan.value_units(step.rule.threshold)

    def apply(self, step: Step) -> None:
        """One rule: its amount if it fires, capped, then no more than what is left."""
        plan, rule = self.plan, step.rule
        value = self.values[step.value]
        threshold = self.threshold(step)
        below = rule.comparison is Comparison.BELOW
        self.line(1, f"# {_said(rule.id)}: {_said(rule.text)}")
        self.line(1, f"if {value} {'<' if below else '>'} {threshold}:")
        if rule.fixed is not None:
            amount = str(plan.point_units(rule.fixed))
        else:
            assert rule.per is not None  # validated: exactly one of per and fixed
            if below:
                gap = f"({threshold} - {value})"
            else:
                gap = value if threshold == 0 else f"({value} - {threshold})"
            per = plan.per_units(rule.per)
            amount = gap if per == 1 else f"{per} * {gap}"
        if rule.cap is not None:
            cap = plan.point_units(rule.cap)
            self.line(2, f"uncapped = {amount}")
            self.line(2, f"raw = uncapped if uncapped < {cap} else {cap}")
            uncapped = "uncapped"
        else:
            self.line(2, f"raw = {amount}")
            uncapped = "raw"
        depth = 2
        if any(amount == 0 for amount in (rule.per, rule.fixed, rule.cap)):
            # An amount of 0 fires for nothing: a hit is a rule whose amount is not zero.
            self.line(2, "if raw:")
            depth = 3
        if step.bonus:
            self.line(depth, "bonus_raw += raw")
        self.line(depth, "applied = raw if raw < left else left")
        self.line(depth, "left -= applied")
        self.line(
            depth,
            f"hits.append(hit(measured, {step.number}, {value}, {threshold}, {uncapped}, raw, applied))",
        )

    def bonus(self) -> None:
        plan, bonus = self.plan, self.rules.bonus
        self.line(1, "")
        if bonus is None:
            self.line(1, "bonus_raw = bonus = 0")
            return
        cap = plan.point_units(bonus.cap)
        self.line(1, f"# bonus: added up to {_number(bonus.cap)} points")
        self.line(1, f"left = {cap}")
        self.line(1, "bonus_raw = 0")
        for k in plan.bonus_steps:
            self.apply(plan.chain[k])
        self.line(1, f"bonus = {cap} - left")

    def total(self) -> None:
        plan, rules = self.plan, self.rules
        precision = rules.precision
        self.line(1, "")
        self.line(
            1,
            f"# total: the items and the bonus, at most {_number(rules.total)}, "
            f"rounded half up to {precision} decimal(s)",
        )
        self.line(1, f"points = {' + '.join([*self.scores, 'bonus'])}")
        cap = plan.point_units(rules.total)
        self.line(1, f"if points > {cap}:")
        self.line(2, f"points = {cap}")
        self.line(1, "if type(points) is int:")
        places = plan.point_places
        if places <= precision:
            scale = 10 ** (precision - places)
            self.line(2, "rounded = points" if scale == 1 else f"rounded = points * {scale}")
        else:
            step = 10 ** (places - precision)
            self.line(2, f"rounded = (2 * points + {step}) // {2 * step}")
        self.line(1, "else:  # a count with more decimals than the scheme's")
        self.line(2, "rounded = record.round(points)")

    def grade_and_vetoes(self) -> None:
        plan, rules = self.plan, self.rules
        grades = rules.grades
        self.line(1, "")
        self.line(1, "# grade: the first band whose minimum the rounded total reaches")
        for n, grade in enumerate(grades[:-1]):
            keyword = "if" if n == 0 else "elif"
            self.line(1, f"{keyword} rounded >= {plan.grade_floor(grade.min)}:  # {_said(grade.name)}")
            self.line(2, f"by_total = {n}")
        if len(grades) > 1:
            self.line(1, "else:")
            self.line(2, f"by_total = {len(grades) - 1}")
        else:
            self.line(1, "by_total = 0")
        self.line(1, "rank = by_total")
        self.line(1, "vetoes = []")
        place = {grade.name: n for n, grade in enumerate(grades)}
        metric_place = {metric.id: n for n, metric in enumerate(plan.measures.metrics)}
        for n, veto in enumerate(rules.vetoes):
            value = self.values[metric_place[veto.metric]]
            sign = "<" if veto.comparison is Comparison.BELOW else ">"
            self.line(1, f"# veto {_said(veto.id)}: {_said(veto.text)}")
            self.line(1, f"if {value} {sign} {plan.value_units(veto.threshold)}:")
            self.line(2, f"vetoes.append(record.veto({n}, {value}))")
            self.line(2, f"if rank < {place[veto.grade]}:  # {_said(veto.grade)}")
            self.line(3, f"rank = {place[veto.grade]}")


def _tuple(names: list[str]) -> str:
    """A tuple display of these names: ``(a, b)``, ``(a,)`` or ``()``."""
    return f"({names[0]},)" if len(names) == 1 else f"({', '.join(names)})"


def _unit(places: int) -> str:
    return "1" if places == 0 else f"10^-{places}"


def _number(amount: Decimal) -> str:
    from ..numbers import format_number  # noqa: PLC0415 - a comment's number

    return format_number(amount)

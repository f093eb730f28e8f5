"""Scoring (SPEC §4): pure functions from rules and evidence to a trace of results."""

from __future__ import annotations

from decimal import Decimal

from ._bulk import bulk
from ._version import __version__
from .compiler import compile_rules
from .decimals import exact_arithmetic, prorate
from .metrics import check_scoring, duty_dates
from .model import Evidence, Ruleset, Veto
from .results import Assessment, InspectorResult, VetoHit
from .trace import Tracer

__all__ = ["ENGINE", "prorated_threshold", "score_evidence"]

ENGINE = f"inspector_scoring {__version__}"


def score_evidence(rules: Ruleset, evidence: Evidence, /) -> Assessment:
    """Score every inspector in ``evidence`` under ``rules``.

    The evidence is checked against the rules first (period, event kinds,
    metric names, missing evidence); any problem raises
    :class:`~inspector_scoring.InvalidInputError` listing them all.
    """
    with bulk():
        check_scoring(rules, evidence)
        return _score(rules, evidence)


def _score(rules: Ruleset, evidence: Evidence) -> Assessment:
    compiled = compile_rules(rules)
    score = compiled.function
    period = evidence.assessment.period
    period_days = period.days
    all_days = period.dates()
    every_day = frozenset(all_days) if compiled.needs_dates else frozenset()
    tracer = Tracer(compiled, period)
    vetoes = rules.vetoes
    results: list[InspectorResult] = []
    append = results.append
    with exact_arithmetic():
        for inspector in evidence.inspectors:
            if inspector.serving_from is None and inspector.serving_until is None and not inspector.leave:
                duty_days, duty = period_days, every_day  # the common case: on duty all period
            else:
                dates = duty_dates(period, inspector)
                duty_days, duty = len(dates), frozenset(dates) if compiled.needs_dates else every_day
            numbers = score(inspector, duty, duty_days, period_days)
            fired = numbers[3]
            append(
                InspectorResult(
                    inspector,
                    numbers[0],
                    numbers[1],
                    numbers[2],
                    tuple(_veto(vetoes[n], value) for n, value in fired) if fired else (),
                    duty_days,
                    period_days,
                    numbers,
                    tracer,
                )
            )
    return Assessment(engine=ENGINE, ruleset=rules, evidence=evidence, results=tuple(results))


def _veto(veto: Veto, value: object) -> VetoHit:
    assert isinstance(value, (int, Decimal))
    return VetoHit(veto.id, veto.text, veto.grade, veto.metric, Decimal(value))


def prorated_threshold(threshold: Decimal, duty_days: int, period_days: int) -> Decimal:
    """``threshold × duty_days / period_days``, rounded half up to a whole number (SPEC §4.2)."""
    return Decimal(prorate(threshold, duty_days, period_days))

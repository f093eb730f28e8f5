"""Scoring (SPEC §4): pure functions from rules and evidence to a trace of results."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ._bulk import bulk
from ._version import __version__
from .compiler import compile_rules
from .decimals import exact_arithmetic, prorate
from .metrics import check_scoring, duty_dates
from .model import Evidence, Inspector, Ruleset, Veto
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
    period = evidence.assessment.period
    every_day = frozenset(period.dates()) if compiled.needs_dates else frozenset()

    def duty_of(inspector: Inspector) -> tuple[int, frozenset[date]]:
        dates = duty_dates(period, inspector)
        return len(dates), frozenset(dates) if compiled.needs_dates else every_day

    def vetoes_of(fired: tuple[tuple[int, Decimal | int], ...]) -> tuple[VetoHit, ...]:
        return tuple(veto_hit(rules.vetoes[n], value) for n, value in fired)

    with exact_arithmetic():
        results = compiled.score_all(
            evidence.inspectors,
            period.days,
            every_day,
            duty_of,
            InspectorResult,
            vetoes_of,
            Tracer(compiled, period),
        )
    return Assessment(engine=ENGINE, ruleset=rules, evidence=evidence, results=tuple(results))


def veto_hit(veto: Veto, value: Decimal | int) -> VetoHit:
    """The record of a veto that fired at ``value`` (internal)."""
    return VetoHit(veto.id, veto.text, veto.grade, veto.metric, Decimal(value))


def prorated_threshold(threshold: Decimal, duty_days: int, period_days: int) -> Decimal:
    """``threshold × duty_days / period_days``, rounded half up to a whole number (SPEC §4.2)."""
    return Decimal(prorate(threshold, duty_days, period_days))

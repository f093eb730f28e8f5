"""Scoring (docs/rules.md): evidence and rules in, every inspector's result out, the trace recorded.

One path for the command and for every library caller: the evidence is read
(:mod:`~inspector_scoring.evidence.load`), checked and measured inspector by
inspector (:mod:`~inspector_scoring.evidence.check`), and each inspector is
scored as soon as it is measured by the rule file's generated function
(:mod:`~inspector_scoring.scoring.compile`), which records its trace
(:mod:`~inspector_scoring.scoring.trace`). Nothing is scored twice; a view
reads what was recorded.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from .._bulk import bulk
from .._version import __version__
from ..errors import InvalidInputError, Problem
from ..evidence.check import Check
from ..evidence.load import EvidenceSource, Source, open_evidence
from ..evidence.model import Evidence
from ..numbers import exact_arithmetic
from ..periods import Period, parse_period
from ..rules.load import RulesSource, rules_for
from ..rules.model import Ruleset
from .compile import scorer_for
from .results import Assessment, EvidenceInfo, InspectorResult
from .trace import Recorder

__all__ = ["ENGINE", "score_evidence", "score_file"]

ENGINE = f"inspector_scoring {__version__}"


def score_file(
    evidence: EvidenceSource, /, *, rules: RulesSource = None, name: str | None = None
) -> Assessment:
    """Read, check and score evidence: what ``score EVIDENCE`` does, at the same speed.

    ``evidence`` is the path of an evidence file (JSON, or a workbook), its bytes,
    a JSON-like mapping, or :class:`~inspector_scoring.Evidence` records. ``rules``
    is a :class:`~inspector_scoring.Ruleset`, the path of a rule file, the path of
    a folder of them (the one in force for the evidence's period is used), or
    ``None`` for the bundled scheme. ``name`` is what its problems call the
    evidence (by default its path; for bytes, standard input; for a mapping,
    ``<evidence>``): an upload's file name, say. Raises
    :class:`~inspector_scoring.InvalidInputError` with every problem of both
    files, in the order they are reported: the evidence's structure, the rule
    file, then the evidence against the rules.
    """
    with bulk():
        # (in a function of its own: the evidence it read is let go before the collector
        # runs again, which would otherwise walk a province's file once more)
        return _score_file(evidence, rules, name)


def _score_file(evidence: EvidenceSource, rules: RulesSource, name: str | None) -> Assessment:
    problems: list[Problem] = []
    opened = None
    try:
        opened = open_evidence(evidence, name=name)
    except InvalidInputError as error:
        problems.extend(error.problems)
    chosen: Ruleset | None = None
    rule_problems: list[Problem] = []
    try:
        chosen = rules_for(rules, _period(opened))
    except InvalidInputError as error:
        rule_problems.extend(error.problems)
    if opened is None or (opened.book is not None and chosen is None):
        # (a workbook is read with the rule file that names its sheets)
        if opened is not None and opened.book is not None and not rule_problems:
            # (a folder, and no period to choose its rule file by)
            from ..evidence.workbook import no_period  # noqa: PLC0415

            rule_problems.append(no_period(opened.book, os.fspath(rules)))  # type: ignore[arg-type]
        raise InvalidInputError([*problems, *rule_problems])
    if chosen is not None:
        opened = opened.with_rules(chosen)
    return _assess(opened, chosen, rule_problems)


def score_evidence(
    rules: Ruleset, evidence: Evidence | Mapping[str, object], /, *, name: str | None = None
) -> Assessment:
    """Score every inspector in ``evidence`` (records, or a JSON-like mapping) under ``rules``.

    The evidence is checked against the rules first (period, event kinds,
    metric names, missing evidence), exactly as a file is; any problem raises
    :class:`~inspector_scoring.InvalidInputError` listing them all (``name`` is
    what they call the evidence, as for :func:`score_file`); ``rules`` that is
    no :class:`~inspector_scoring.Ruleset` raises :class:`TypeError`.
    """
    if not isinstance(rules, Ruleset):
        # (the arguments swapped is the usual slip: said plainly, not as a hashing error deep inside)
        given = type(rules).__name__
        raise TypeError(f"score_evidence(rules, evidence): rules must be a Ruleset, got {given}")
    with bulk():
        return _assess(open_evidence(evidence, name=name), rules, [])


def _period(opened: Source | None) -> Period | None:
    """The period an evidence file says it assesses, when it can be read (to pick a rule file)."""
    if opened is not None and opened.book is not None:
        return opened.book.period()
    if opened is None or not isinstance(opened.tree, Mapping):
        return None
    header = opened.tree.get("assessment")
    period = header.get("period") if isinstance(header, Mapping) else None
    return parse_period(period) if isinstance(period, str) else None


def _assess(opened: Source, rules: Ruleset | None, rule_problems: list[Problem]) -> Assessment:
    """Check and score ``opened``; every problem, with those of the rule file between the
    evidence's own and those against the rules."""
    check = Check(opened.tree, rules, source=opened.name, owned=opened.owned)
    results: list[InspectorResult] = []
    if rules is None or rule_problems or check.info is None or opened.unreadable:
        for _ in check.inspectors():  # the checks alone, for their problems
            pass
    else:
        scorer = scorer_for(rules)
        period_days = check.info.period.days
        recorder = Recorder(scorer.plan, check.moments, period_days)
        score = scorer.score
        with exact_arithmetic():
            for measured in check.inspectors():
                if check.clean:
                    results.append(score(measured, period_days, recorder))
    repeated = check.needs_exact(opened.strings)
    if not check.clean or rule_problems or repeated or opened.unreadable:
        problems = check.report(rule_problems)
        # The file again, so that a key given twice is named where it is (a file without such
        # a key is not checked twice).
        exact = opened.exact() if repeated else None
        if exact is not None:
            again = Check(exact.tree, rules, source=exact.name, owned=False)
            for _ in again.inspectors():
                pass
            problems = again.report(rule_problems)
        located = opened.locate(problems)  # (with the cells of a workbook that could not be read)
        if located:
            raise InvalidInputError(located)
    assert rules is not None  # (no problems: the rules were chosen)
    assert check.info is not None
    evidence = EvidenceInfo(opened.name, opened.fingerprint(), check.info, opened.cells)
    return Assessment(ENGINE, rules, evidence, tuple(results))

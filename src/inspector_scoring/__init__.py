"""Score resident mine safety inspectors (驻矿安监员) and publish the result.

Load a rule file and an evidence file, score, and render::

    import inspector_scoring as isc

    rules = isc.default_rules()
    evidence = isc.load_evidence("examples/taiping-2021-03.json", rules=rules)
    assessment = isc.score_evidence(rules, evidence)
    print(isc.result_to_json(assessment))
"""

from __future__ import annotations

from ._version import __version__

# Not typing.TYPE_CHECKING: importing typing alone costs `score --version` a third
# of its start-up. Type checkers read the block below; Python never runs it.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .analysis import Finding, analyse_rules
    from .annual import AnnualAssessment, AnnualResult, assess_year
    from .annualnotice import build_annual_notice
    from .errors import InvalidInputError, Problem
    from .evidence import load_evidence
    from .evidence_schema import evidence_schema
    from .jsonview import annual_to_dict, annual_to_json, result_to_dict, result_to_json
    from .model import (
        AssessmentInfo,
        Bonus,
        Comparison,
        Event,
        Evidence,
        Grade,
        Inspector,
        Item,
        Leave,
        Metric,
        Night,
        NoticeSettings,
        PanelMember,
        Rule,
        Ruleset,
        Veto,
    )
    from .notice import Notice, NoticeEntry, build_notice
    from .periods import Period, PeriodKind, parse_period
    from .results import Assessment, BonusResult, InspectorResult, ItemResult, RuleResult, VetoHit
    from .rules import default_rules, dumps_rules, load_rules, loads_rules, pick_rules
    from .score import score_evidence
    from .verify import verify_result

# Where each public name lives. Names are imported on first use, so `score --version`
# and `score --help` start without loading the engine (PEP 562).
_HOME = {
    "AnnualAssessment": "annual",
    "AnnualResult": "annual",
    "annual_to_dict": "jsonview",
    "annual_to_json": "jsonview",
    "assess_year": "annual",
    "build_annual_notice": "annualnotice",
    "Finding": "analysis",
    "Notice": "notice",
    "NoticeEntry": "notice",
    "analyse_rules": "analysis",
    "build_notice": "notice",
    "evidence_schema": "evidence_schema",
    "verify_result": "verify",
    "Assessment": "results",
    "AssessmentInfo": "model",
    "Bonus": "model",
    "BonusResult": "results",
    "Comparison": "model",
    "Event": "model",
    "Evidence": "model",
    "Grade": "model",
    "Inspector": "model",
    "InspectorResult": "results",
    "InvalidInputError": "errors",
    "Item": "model",
    "ItemResult": "results",
    "Leave": "model",
    "Metric": "model",
    "Night": "model",
    "NoticeSettings": "model",
    "PanelMember": "model",
    "Period": "periods",
    "PeriodKind": "periods",
    "Problem": "errors",
    "Rule": "model",
    "RuleResult": "results",
    "Ruleset": "model",
    "Veto": "model",
    "VetoHit": "results",
    "default_rules": "rules",
    "dumps_rules": "rules",
    "load_evidence": "evidence",
    "load_rules": "rules",
    "loads_rules": "rules",
    "parse_period": "periods",
    "pick_rules": "rules",
    "result_to_dict": "jsonview",
    "result_to_json": "jsonview",
    "score_evidence": "score",
}

__all__ = [
    "AnnualAssessment",
    "AnnualResult",
    "Assessment",
    "AssessmentInfo",
    "Bonus",
    "BonusResult",
    "Comparison",
    "Event",
    "Evidence",
    "Finding",
    "Grade",
    "Inspector",
    "InspectorResult",
    "InvalidInputError",
    "Item",
    "ItemResult",
    "Leave",
    "Metric",
    "Night",
    "Notice",
    "NoticeEntry",
    "NoticeSettings",
    "PanelMember",
    "Period",
    "PeriodKind",
    "Problem",
    "Rule",
    "RuleResult",
    "Ruleset",
    "Veto",
    "VetoHit",
    "__version__",
    "analyse_rules",
    "annual_to_dict",
    "annual_to_json",
    "assess_year",
    "build_annual_notice",
    "build_notice",
    "default_rules",
    "dumps_rules",
    "evidence_schema",
    "load_evidence",
    "load_rules",
    "loads_rules",
    "parse_period",
    "pick_rules",
    "result_to_dict",
    "result_to_json",
    "score_evidence",
    "verify_result",
]


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module  # noqa: PLC0415 - on first use only

    value = getattr(import_module(f".{home}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)

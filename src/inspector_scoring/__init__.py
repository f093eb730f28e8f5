"""Score resident mine safety inspectors (驻矿安监员) and publish the result.

Load a rule file and an evidence file, score, and render::

    import inspector_scoring as isc

    rules = isc.default_rules()
    evidence = isc.load_evidence("examples/taiping-2021-03.json", rules=rules)
    assessment = isc.score_evidence(rules, evidence)
    print(isc.result_to_json(assessment))
"""

from ._version import __version__
from .errors import InvalidInputError, Problem
from .evidence import load_evidence
from .jsonview import result_to_dict, result_to_json
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
from .periods import Period, PeriodKind, parse_period
from .results import Assessment, BonusResult, InspectorResult, ItemResult, RuleResult, VetoHit
from .rules import default_rules, dumps_rules, load_rules, loads_rules, pick_rules
from .score import score_evidence

__all__ = [
    "Assessment",
    "AssessmentInfo",
    "Bonus",
    "BonusResult",
    "Comparison",
    "Event",
    "Evidence",
    "Grade",
    "Inspector",
    "InspectorResult",
    "InvalidInputError",
    "Item",
    "ItemResult",
    "Leave",
    "Metric",
    "Night",
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
    "default_rules",
    "dumps_rules",
    "load_evidence",
    "load_rules",
    "loads_rules",
    "parse_period",
    "pick_rules",
    "result_to_dict",
    "result_to_json",
    "score_evidence",
]

"""Score resident mine safety inspectors (驻矿安监员) and publish the result.

Load a rule file and an evidence file, score, and render::

    import inspector_scoring as isc

    rules = isc.default_rules()
    assessment = isc.score_file("examples/taiping-2021-03.json", rules=rules)
    print(isc.result_to_json(assessment))
"""

from __future__ import annotations

from ._version import __version__

# Not typing.TYPE_CHECKING: importing typing alone costs `score --version` a third
# of its start-up. Type checkers read the block below; Python never runs it.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ._bulk import pause_collector
    from .corrections import (
        Corrects,
        InspectorChange,
        PublishedResult,
        ResultChanges,
        ScoreChange,
        compare_results,
        load_published,
        read_published,
    )
    from .errors import InvalidInputError, Problem
    from .evidence.load import load_evidence
    from .evidence.model import AssessmentInfo, Event, Evidence, Inspector, Leave, PanelMember, Person
    from .evidence.schema import evidence_schema
    from .i18n import use_language
    from .periods import Period, PeriodKind, parse_period
    from .rules.analysis import Finding, analyse_rules
    from .rules.load import default_rules, load_rules, loads_rules, pick_rules
    from .rules.model import (
        Bonus,
        Comparison,
        Grade,
        Item,
        Metric,
        Night,
        NoticeSettings,
        Rule,
        Ruleset,
        Veto,
    )
    from .rules.write import dumps_rules
    from .scoring.annual import AnnualAssessment, AnnualResult, assess_year
    from .scoring.results import (
        Assessment,
        BonusResult,
        EvidenceInfo,
        InspectorResult,
        ItemResult,
        RuleResult,
        VetoHit,
    )
    from .scoring.score import score_evidence, score_file
    from .verify import verify_result
    from .views.annual_notice import build_annual_notice
    from .views.document import Document
    from .views.json_result import (
        annual_to_dict,
        annual_to_json,
        iter_result_json,
        result_to_dict,
        result_to_json,
    )
    from .views.notice import Notice, NoticeEntry, build_notice
    from .views.render import render_notice

# Where each public name lives. Names are imported on first use, so `score --version`
# and `score --help` start without loading the engine (PEP 562).
_HOME = {
    "AnnualAssessment": "scoring.annual",
    "AnnualResult": "scoring.annual",
    "Assessment": "scoring.results",
    "AssessmentInfo": "evidence.model",
    "Bonus": "rules.model",
    "BonusResult": "scoring.results",
    "Comparison": "rules.model",
    "Corrects": "corrections",
    "Document": "views.document",
    "Event": "evidence.model",
    "Evidence": "evidence.model",
    "EvidenceInfo": "scoring.results",
    "Finding": "rules.analysis",
    "Grade": "rules.model",
    "Inspector": "evidence.model",
    "InspectorChange": "corrections",
    "InspectorResult": "scoring.results",
    "InvalidInputError": "errors",
    "Item": "rules.model",
    "ItemResult": "scoring.results",
    "Leave": "evidence.model",
    "Metric": "rules.model",
    "Night": "rules.model",
    "Notice": "views.notice",
    "NoticeEntry": "views.notice",
    "NoticeSettings": "rules.model",
    "PanelMember": "evidence.model",
    "Period": "periods",
    "PeriodKind": "periods",
    "Person": "evidence.model",
    "Problem": "errors",
    "PublishedResult": "corrections",
    "ResultChanges": "corrections",
    "Rule": "rules.model",
    "RuleResult": "scoring.results",
    "Ruleset": "rules.model",
    "ScoreChange": "corrections",
    "Veto": "rules.model",
    "VetoHit": "scoring.results",
    "analyse_rules": "rules.analysis",
    "annual_to_dict": "views.json_result",
    "annual_to_json": "views.json_result",
    "assess_year": "scoring.annual",
    "build_annual_notice": "views.annual_notice",
    "build_notice": "views.notice",
    "compare_results": "corrections",
    "default_rules": "rules.load",
    "dumps_rules": "rules.write",
    "evidence_schema": "evidence.schema",
    "iter_result_json": "views.json_result",
    "load_evidence": "evidence.load",
    "load_published": "corrections",
    "load_rules": "rules.load",
    "loads_rules": "rules.load",
    "parse_period": "periods",
    "pause_collector": "_bulk",
    "pick_rules": "rules.load",
    "read_published": "corrections",
    "render_notice": "views.render",
    "result_to_dict": "views.json_result",
    "result_to_json": "views.json_result",
    "score_evidence": "scoring.score",
    "score_file": "scoring.score",
    "use_language": "i18n",
    "verify_result": "verify",
}

__all__ = [
    "AnnualAssessment",
    "AnnualResult",
    "Assessment",
    "AssessmentInfo",
    "Bonus",
    "BonusResult",
    "Comparison",
    "Corrects",
    "Document",
    "Event",
    "Evidence",
    "EvidenceInfo",
    "Finding",
    "Grade",
    "Inspector",
    "InspectorChange",
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
    "Person",
    "Problem",
    "PublishedResult",
    "ResultChanges",
    "Rule",
    "RuleResult",
    "Ruleset",
    "ScoreChange",
    "Veto",
    "VetoHit",
    "__version__",
    "analyse_rules",
    "annual_to_dict",
    "annual_to_json",
    "assess_year",
    "build_annual_notice",
    "build_notice",
    "compare_results",
    "default_rules",
    "dumps_rules",
    "evidence_schema",
    "iter_result_json",
    "load_evidence",
    "load_published",
    "load_rules",
    "loads_rules",
    "parse_period",
    "pause_collector",
    "pick_rules",
    "read_published",
    "render_notice",
    "result_to_dict",
    "result_to_json",
    "score_evidence",
    "score_file",
    "use_language",
    "verify_result",
]


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from ._bulk import bulk  # noqa: PLC0415 - on first use only

    with bulk():  # a module's classes and functions live as long as the process: none is young garbage
        from importlib import import_module  # noqa: PLC0415 - on first use only

        module = import_module(f".{home}", __name__)
    value = getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)

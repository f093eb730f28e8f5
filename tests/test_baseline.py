"""The benchmark's yardsticks (benchmarks/baseline.py) compute the engine's numbers.

The yardsticks hard-code the default scheme and the second one (written out by
benchmarks/generate.py); these tests score generated evidence with both and
compare every inspector's total, grade, item scores and bonus exactly, so a
benchmark ratio compares equal work.
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import json
import sys
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import inspector_scoring as isc
from inspector_scoring.scoring.results import Assessment

ROOT = Path(__file__).resolve().parents[1]
SEEDS = (1, 2, 3)
SIZES = {"counts": 400, "events": 250}


def _load(name: str) -> ModuleType:
    """A module of benchmarks/ (not a package) by path."""
    spec = importlib.util.spec_from_file_location(f"_benchmarks_{name}", ROOT / "benchmarks" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


generate = _load("generate")
baseline = _load("baseline")


def _engine(path: Path) -> tuple[Assessment, list[dict[str, Any]]]:
    """The engine's assessment of a file, and its numbers in the yardstick's shape."""
    rules = isc.default_rules()
    assessment = isc.score_evidence(rules, isc.load_evidence(path, rules=rules))
    rows = [
        {
            "id": result.inspector.id,
            "total": result.total,
            "grade": result.grade,
            "items": {item.id: item.score for item in result.items},
            "bonus": result.bonus.applied,
        }
        for result in assessment.results
    ]
    return assessment, rows


def _write(path: Path, inspectors: int, kind: str, seed: int) -> Path:
    with path.open("w", encoding="utf-8") as stream:
        generate.write(stream, inspectors, kind, seed)
    return path


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, int], Path]:
    """Evidence files of every kind and seed, written once for the module."""
    folder = tmp_path_factory.mktemp("generated")
    return {
        (kind, seed): _write(folder / f"{kind}-{seed}.json", size, kind, seed)
        for kind, size in SIZES.items()
        for seed in SEEDS
    }


@pytest.fixture(scope="module")
def scored(
    generated: dict[tuple[str, int], Path],
) -> dict[tuple[str, int], tuple[Assessment, list[dict[str, Any]]]]:
    """The engine's assessment of each generated file (scored once for the module)."""
    return {key: _engine(path) for key, path in generated.items()}


@pytest.mark.parametrize("kind", sorted(SIZES))
@pytest.mark.parametrize("seed", SEEDS)
def test_agrees_with_engine(
    generated: dict[tuple[str, int], Path],
    scored: dict[tuple[str, int], tuple[Assessment, list[dict[str, Any]]]],
    kind: str,
    seed: int,
) -> None:
    """Every inspector's total, grade, item scores and bonus are the engine's, exactly."""
    _, expected = scored[kind, seed]
    actual = baseline.score_file(str(generated[kind, seed]))
    assert [row["id"] for row in actual] == [row["id"] for row in expected]
    for mine, theirs in zip(actual, expected, strict=True):
        assert mine == theirs


def test_generated_data_reaches_the_edges(
    scored: dict[tuple[str, int], tuple[Assessment, list[dict[str, Any]]]],
) -> None:
    """The compared data has proration, no duty days, half-up totals, the cap at 100, vetoes, capped bonus."""
    results = [result for assessment, _ in scored.values() for result in assessment.results]
    assert {result.grade for result in results} == {"优秀", "合格", "基本合格", "不合格"}
    assert any(0 < result.duty_days < result.period_days for result in results)
    assert any(result.duty_days == 0 for result in results)
    points = [
        (min(Decimal(100), sum((item.score for item in result.items), result.bonus.applied)), result.total)
        for result in results
    ]
    # half up (四舍五入) decided some total: 93.25 is 93.3, where half-even would give 93.2
    assert any(raw.quantize(Decimal("0.1"), rounding=ROUND_HALF_EVEN) != total for raw, total in points)
    assert any(sum(item.score for item in result.items) + result.bonus.applied > 100 for result in results)
    assert any(result.vetoes and result.grade_by_total != result.grade for result in results)
    assert any(result.bonus.raw > result.bonus.cap for result in results)
    assert any(item.exhausted for result in results for item in result.items)


@pytest.mark.parametrize("example", ["taiping-2021-03.json", "wuben-2021-03.json"])
def test_agrees_on_examples(example: str) -> None:
    """The hand-made examples (events and counts) score the same by both."""
    path = ROOT / "examples" / example
    _, expected = _engine(path)
    assert baseline.score_file(str(path)) == expected


def test_loop_alone_matches_file() -> None:
    """Scoring data already parsed gives what scoring the file gives."""
    path = ROOT / "examples" / "taiping-2021-03.json"
    assert baseline.score_loaded(baseline.load(str(path))) == baseline.score_file(str(path))


@pytest.mark.parametrize("scheme", ["default", "second"])
@pytest.mark.parametrize("kind", sorted(SIZES))
def test_generator_is_deterministic(kind: str, scheme: str) -> None:
    """The same seed writes the same bytes; a smaller file is a prefix of a larger one."""
    texts = []
    for inspectors in (30, 30, 60):
        stream = io.StringIO()
        generate.write(stream, inspectors, kind, 7, scheme)
        texts.append(stream.getvalue())
    assert texts[0] == texts[1]
    assert texts[2].startswith(texts[0].removesuffix("\n]}\n"))


@pytest.mark.parametrize(
    ("kind", "digest"),
    [
        ("counts", "7b8b473b54fc189c8614330aec9bd4e61be0951570e38593ec08a2aa975bd552"),
        ("events", "0ab6b05577577344535ff4b3db3811a17b07c00a828fae167cff404bc17ab95b"),
    ],
)
def test_default_generation_is_unchanged(kind: str, digest: str) -> None:
    """The default scheme's files are the bytes the published figures were measured on."""
    stream = io.StringIO()
    generate.write(stream, 50, kind, 7)
    assert hashlib.sha256(stream.getvalue().encode("utf-8")).hexdigest() == digest


def test_generated_events_are_well_formed() -> None:
    """Refs are unique, every event lies in March 2021, and no (kind, at, ref) repeats."""
    data = generate.evidence(300, "events", 11)
    refs = [event["ref"] for person in data["inspectors"] for event in person["events"] if "ref" in event]
    assert len(refs) == len(set(refs))
    for person in data["inspectors"]:
        events = person["events"]
        assert all(event["at"].startswith("2021-03-") for event in events)
        keys = [(event["kind"], event["at"], event.get("ref")) for event in events]
        assert len(keys) == len(set(keys))
    per_inspector = sum(len(person["events"]) for person in data["inspectors"]) / 300
    assert 40 <= per_inspector <= 65


# -- the second scheme ---------------------------------------------------------------


@pytest.fixture(scope="module")
def second_rules(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The second scheme's rule file, written by the generator's command line."""
    path = tmp_path_factory.mktemp("second") / "second.toml"
    assert generate.main(["--scheme", "second", "--rules-output", str(path)]) == 0
    return path


@pytest.fixture(scope="module")
def generated_second(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, int], Path]:
    """Evidence files for the second scheme, of every kind and seed."""
    folder = tmp_path_factory.mktemp("generated-second")
    paths = {}
    for kind, size in SIZES.items():
        for seed in SEEDS:
            path = paths[kind, seed] = folder / f"second-{kind}-{seed}.json"
            with path.open("w", encoding="utf-8") as stream:
                generate.write(stream, size, kind, seed, "second")
    return paths


def _engine_second(rules_path: Path, path: Path) -> tuple[Assessment, list[dict[str, Any]]]:
    """The engine's assessment of a file on the second scheme, and its numbers in the yardstick's shape."""
    rules = isc.load_rules(rules_path)
    assessment = isc.score_evidence(rules, isc.load_evidence(path, rules=rules))
    rows = [
        {
            "id": result.inspector.id,
            "total": result.total,
            "grade": result.grade,
            "items": {item.id: item.score for item in result.items},
            "bonus": result.bonus.applied,
        }
        for result in assessment.results
    ]
    return assessment, rows


@pytest.fixture(scope="module")
def scored_second(
    second_rules: Path, generated_second: dict[tuple[str, int], Path]
) -> dict[tuple[str, int], tuple[Assessment, list[dict[str, Any]]]]:
    """The engine's assessment of each second-scheme file (scored once for the module)."""
    return {key: _engine_second(second_rules, path) for key, path in generated_second.items()}


def test_second_rules_are_the_generators(second_rules: Path) -> None:
    """The file written is the scheme's text: six items of 100 points, two decimals, a month from 2021."""
    assert second_rules.read_text(encoding="utf-8") == generate.SECOND_RULES == generate.rules_text("second")
    rules = isc.load_rules(second_rules)
    assert [item.id for item in rules.items] == list(baseline.ITEMS_SECOND)
    assert sum(item.points for item in rules.items) == rules.total == 100
    assert rules.precision == 2


@pytest.mark.parametrize("kind", sorted(SIZES))
@pytest.mark.parametrize("seed", SEEDS)
def test_second_agrees_with_engine(
    generated_second: dict[tuple[str, int], Path],
    scored_second: dict[tuple[str, int], tuple[Assessment, list[dict[str, Any]]]],
    kind: str,
    seed: int,
) -> None:
    """On the second scheme too, every inspector's total, grade, item scores and bonus are the engine's."""
    _, expected = scored_second[kind, seed]
    actual = baseline.score_file_second(str(generated_second[kind, seed]))
    assert [row["id"] for row in actual] == [row["id"] for row in expected]
    for mine, theirs in zip(actual, expected, strict=True):
        assert mine == theirs


def test_second_data_reaches_the_edges(
    generated_second: dict[tuple[str, int], Path],
    scored_second: dict[tuple[str, int], tuple[Assessment, list[dict[str, Any]]]],
) -> None:
    """The compared data has proration, both caps, the default, half-up totals and vetoes."""
    results = [result for assessment, _ in scored_second.values() for result in assessment.results]
    assert {result.grade for result in results} == {"优秀", "称职", "基本称职", "不称职"}
    rules = {rule.rule: rule for result in results for item in result.items for rule in item.rules}
    assert set(rules) >= {"work-log-missing", "unreachable", "criticised", "training-missing"}
    fired = [rule for result in results for item in result.items for rule in item.rules if rule.raw]

    # prorated thresholds: months with fewer duty days, none at all, and hits on prorated quotas
    assert any(0 < result.duty_days < result.period_days for result in results)
    assert any(result.duty_days == 0 for result in results)
    prorated = {rule.rule for rule in fired if rule.prorated}
    assert prorated >= {"underground-shortfall", "midnight-shift-shortfall", "preshift-shortfall"}
    assert any(rule.prorated and rule.threshold != rule.threshold_base for rule in fired)

    # each cap, 6 points of work log (0.75 a day) and 4.5 of unreachable checks (1.5 each)
    per = {"work-log-missing": Decimal("0.75"), "unreachable": Decimal("1.5")}
    for rule_id, cap in (("work-log-missing", 6), ("unreachable", Decimal("4.5"))):
        assert any(rule.rule == rule_id and rule.raw == cap < per[rule_id] * rule.value for rule in fired)

    # the default: most inspectors leave criticisms out (value 0); a few give it, and lose points
    left_out: list[isc.RuleResult] = []
    given: list[isc.RuleResult] = []
    for key, path in generated_second.items():
        people = json.loads(path.read_text(encoding="utf-8"))["inspectors"]
        for person, result in zip(people, scored_second[key][0].results, strict=True):
            (rule,) = (rule for item in result.items for rule in item.rules if rule.rule == "criticised")
            (given if "criticisms" in person.get("counts", {}) else left_out).append(rule)
    assert len(left_out) > 0.9 * len(results)
    assert all(rule.value == 0 and rule.raw == 0 for rule in left_out)
    assert any(rule.raw for rule in given)

    # half up (四舍五入) to two decimals decided some total: 97.625 is 97.63, half-even 97.62
    points = [
        (min(Decimal(100), sum((item.score for item in result.items), result.bonus.applied)), result.total)
        for result in results
    ]
    assert any(raw.quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN) != total for raw, total in points)
    assert any(raw != raw.quantize(Decimal("0.01")) for raw, _ in points)
    assert any(sum(item.score for item in result.items) + result.bonus.applied > 100 for result in results)

    # both vetoes, one lowering a grade to 基本称职 (not the lowest), one to 不称职 (no grade given)
    lowered = {
        (veto.id, result.grade)
        for result in results
        if result.grade_by_total != result.grade
        for veto in result.vetoes
    }
    assert ("falsification", "基本称职") in lowered
    assert ("concealment", "不称职") in lowered
    assert any(result.bonus.raw > result.bonus.cap for result in results)
    assert any(item.exhausted for result in results for item in result.items)


def test_second_loop_alone_matches_file(generated_second: dict[tuple[str, int], Path]) -> None:
    """Scoring data already parsed gives what scoring the file gives, and what the command writes."""
    path = str(generated_second["events", 1])
    results = baseline.score_file_second(path)
    assert baseline.score_loaded_second(baseline.load(path)) == results
    stream = io.StringIO()
    standard_output, sys.stdout = sys.stdout, stream
    try:
        assert baseline.main([path, "--scheme", "second"]) == 0
    finally:
        sys.stdout = standard_output
    assert stream.getvalue() == baseline.dumps(results)


def test_second_generated_events_are_well_formed() -> None:
    """Every event has a unique ref and lies in March 2021; a night entry has a time of day."""
    data = generate.evidence(300, "events", 11, "second")
    refs = [event["ref"] for person in data["inspectors"] for event in person["events"]]
    assert len(refs) == len(set(refs))
    for person in data["inspectors"]:
        events = person["events"]
        assert all(event["at"].startswith("2021-03-") for event in events)
        assert all("T" in event["at"] for event in events if event["kind"] == "underground")
        assert set(person.get("counts", {})) <= {"criticisms"}
    per_inspector = sum(len(person["events"]) for person in data["inspectors"]) / 300
    assert 40 <= per_inspector <= 70

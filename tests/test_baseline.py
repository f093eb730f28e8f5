"""The benchmark's yardstick (benchmarks/baseline.py) computes the engine's numbers.

The yardstick hard-codes the default scheme; these tests score generated
evidence (benchmarks/generate.py) with both and compare every inspector's total,
grade, item scores and bonus exactly, so a benchmark ratio compares equal work.
"""

from __future__ import annotations

import importlib.util
import io
import sys
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import inspector_scoring as isc
from inspector_scoring.results import Assessment

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


@pytest.mark.parametrize("kind", sorted(SIZES))
def test_generator_is_deterministic(kind: str) -> None:
    """The same seed writes the same bytes; a smaller file is a prefix of a larger one."""
    texts = []
    for inspectors in (30, 30, 60):
        stream = io.StringIO()
        generate.write(stream, inspectors, kind, 7)
        texts.append(stream.getvalue())
    assert texts[0] == texts[1]
    assert texts[2].startswith(texts[0].removesuffix("\n]}\n"))


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

"""Data-driven tests: the files under tests/fixtures/ are the test cases (SPEC §2-§6).

- ``fixtures/rules/invalid/NAME.toml`` + ``NAME.expected``: a rule file and the exact
  problems ``score`` prints for it (one ``FILE: PATH: message`` a line), scoring
  ``fixtures/evidence/minimal.json``.
- ``fixtures/evidence/invalid/NAME.json`` + ``NAME.expected``: an evidence file and its
  problems, scored with ``fixtures/rules/small.toml``, or with the arguments in
  ``NAME.args`` (one a line; an empty file means the bundled default rules).
- ``NAME.zh`` beside an invalid case: the same problems as ``score --lang zh`` prints them.
- ``fixtures/evidence/extreme/NAME.json``: well-formed evidence with extreme values;
  scored or rejected, but cleanly (no traceback), with ``fixtures/rules/small.toml``.
- ``fixtures/valid/NAME/``: ``rules.toml``, ``evidence.json``, and ``expected.json``
  holding the hand-worked part of the result (arithmetic in ``notes.md``).

A case with a ``NAME.xfail`` file (``xfail`` in a valid case folder) pins what
SPEC requires where the engine does not yet do it; the file holds the reason.
Commands run with the case's folder as working directory and bare file names, so
the ``FILE`` of every expected line is stable.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import inspector_scoring as isc
from inspector_scoring.i18n import use_language

FIXTURES = Path(__file__).resolve().parent / "fixtures"
RULES_INVALID = FIXTURES / "rules" / "invalid"
EVIDENCE_INVALID = FIXTURES / "evidence" / "invalid"
VALID = FIXTURES / "valid"
EXTREME = FIXTURES / "evidence" / "extreme"
#: as passed from rules/invalid/ and from evidence/invalid/
MINIMAL_EVIDENCE = "../../evidence/minimal.json"
SMALL_RULES = "../../rules/small.toml"
VALID_CASE_FILES = ("rules.toml", "evidence.json", "expected.json", "notes.md")

#: one rule-file fixture for every rejection SPEC §2 lists
SPEC_RULE_REJECTIONS = (
    "unknown_key",
    "missing_required_key",
    "duplicate_item_id",
    "duplicate_rule_id_across_items",
    "duplicate_rule_id_bonus",
    "undefined_metric",
    "points_not_total",
    "below_and_above",
    "neither_below_nor_above",
    "per_and_fixed",
    "neither_per_nor_fixed",
    "prorate_without_below",
    "cap_without_per",
    "negative_amount",
    "non_number_amount",
    "boolean_number",
    "non_finite_number",
    "grades_not_decreasing",
    "grades_not_ending_at_zero",
    "veto_grade_undefined",
    "during_without_night",
    "night_from_equals_to",
    "effective_until_before_from",
    "toml_syntax",
    "bad_id_pattern",
    "unsupported_schema",
    "many_problems",
)

#: one evidence fixture for every rejection SPEC §1 and §3 list
SPEC_EVIDENCE_REJECTIONS = (
    "duplicate_keys",
    "nan",
    "infinity",
    "boolean_count",
    "unknown_key",
    "unknown_metric_in_counts",
    "unknown_event_kind",
    "event_outside_period",
    "overlapping_leave",
    "leave_to_before_from",
    "count_given_twice",
    "date_only_night_event",
    "missing_evidence",
    "datetime_with_offset",
    "period_wrong_kind",
    "period_outside_effective",
    "duplicate_inspector_id",
    "invalid_json",
    "non_string_extra_field",
    "many_problems",
)


# -- collecting cases -----------------------------------------------------------


def _xfail(reason_file: Path) -> list[pytest.MarkDecorator]:
    """A strict xfail mark when ``reason_file`` exists (its text is the reason)."""
    if not reason_file.exists():
        return []
    reason = reason_file.read_text(encoding="utf-8").strip()
    return [pytest.mark.xfail(strict=True, reason=reason)]


def _file_cases(folder: Path, suffix: str) -> list[object]:
    """One parameter per ``*suffix`` file in ``folder``: its stem, with its xfail mark if any."""
    return [
        pytest.param(path.stem, id=path.stem, marks=_xfail(path.with_suffix(".xfail")))
        for path in sorted(folder.glob(f"*{suffix}"))
    ]


def _folder_cases(folder: Path) -> list[object]:
    """One parameter per case folder in ``folder``, with its xfail mark if any."""
    return [
        pytest.param(path.name, id=path.name, marks=_xfail(path / "xfail"))
        for path in sorted(folder.iterdir())
        if path.is_dir()
    ]


RULE_CASES = _file_cases(RULES_INVALID, ".toml")
EVIDENCE_CASES = _file_cases(EVIDENCE_INVALID, ".json")
EXTREME_CASES = _file_cases(EXTREME, ".json")
VALID_CASES = _folder_cases(VALID)


# -- helpers --------------------------------------------------------------------


def _score(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the installed ``score`` command in ``cwd``."""
    executable = Path(sys.executable).parent / "score"
    if not executable.exists():
        pytest.fail(f"the score command is not installed at {executable}; run pip install . first")
    return subprocess.run(
        [str(executable), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


def _expected_lines(path: Path) -> list[str]:
    """The problem lines of a ``.expected`` file."""
    return path.read_text(encoding="utf-8").splitlines()


def _assert_rejected(done: subprocess.CompletedProcess[str], expected: Sequence[str]) -> None:
    """Exit 1, exactly the expected problems on stderr, nothing on stdout, no traceback."""
    assert "Traceback" not in done.stderr
    assert "Traceback" not in done.stdout
    assert done.stderr.splitlines() == list(expected)
    assert done.stdout == ""
    assert done.returncode == 1


def _evidence_args(name: str) -> list[str]:
    """The ``score`` arguments after the evidence file for evidence case ``name``."""
    args_file = EVIDENCE_INVALID / f"{name}.args"
    if args_file.exists():
        return [line.strip() for line in args_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    return ["--rules", SMALL_RULES]


def _rules_for(args: Sequence[str]) -> isc.Ruleset:
    """The ruleset ``score`` would use with ``args`` (``--rules FILE``, or the default)."""
    if "--rules" in args:
        return isc.load_rules(args[list(args).index("--rules") + 1])
    return isc.default_rules()


def _keyed(result: Mapping[str, Any]) -> dict[str, Any]:
    """One inspector's result shaped as expected.json writes it: items and hits keyed by id."""
    out = dict(result)
    out["inspector"] = result["inspector"]["id"]
    out["items"] = {
        item["id"]: {**item, "hits": {hit["rule"]: hit for hit in item["hits"]}} for item in result["items"]
    }
    bonus = result["bonus"]
    out["bonus"] = {**bonus, "hits": {hit["rule"]: hit for hit in bonus["hits"]}}
    return out


def _assert_matches(actual: object, expected: object, where: str) -> None:
    """``actual`` has every field ``expected`` gives, equal; numbers compare as exact Decimals.

    A ``hits`` mapping must list exactly the expected rules, in order (SPEC §5: every
    rule whose raw amount is not zero); lists must have the expected length.
    """
    if isinstance(expected, Mapping):
        assert isinstance(actual, Mapping), f"{where}: expected an object, got {actual!r}"
        if where.endswith(".hits"):
            assert list(actual) == list(expected), f"{where}: rules hit"
        for key, value in expected.items():
            assert key in actual, f"{where}.{key}: missing from the result"
            _assert_matches(actual[key], value, f"{where}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list), f"{where}: expected a list, got {actual!r}"
        assert len(actual) == len(expected), f"{where}: {actual!r}"
        for n, (got, wanted) in enumerate(zip(actual, expected, strict=True)):
            _assert_matches(got, wanted, f"{where}[{n}]")
    elif isinstance(expected, Decimal):
        assert isinstance(actual, (int, Decimal)), f"{where}: expected a number, got {actual!r}"
        assert not isinstance(actual, bool), f"{where}: expected a number, got {actual!r}"
        assert Decimal(actual) == expected, f"{where}: {actual} != {expected}"
    else:
        assert type(actual) is type(expected), f"{where}: {actual!r} != {expected!r}"
        assert actual == expected, f"{where}: {actual!r} != {expected!r}"


def _assert_expected(case: str, result: Mapping[str, Any]) -> None:
    """The result of valid case ``case`` agrees with its expected.json."""
    text = (VALID / case / "expected.json").read_text(encoding="utf-8")
    expected = json.loads(text, parse_float=Decimal, parse_int=Decimal)
    results = [_keyed(entry) for entry in result["results"]]
    wanted = expected["results"]
    assert [r["inspector"] for r in results] == [w["inspector"] for w in wanted]
    for got, want in zip(results, wanted, strict=True):
        _assert_matches(got, want, want["inspector"])


# -- the fixture tree itself ----------------------------------------------------


def test_every_spec_rule_rejection_has_a_fixture() -> None:
    """Each rejection SPEC §2 lists has its rules/invalid/ case."""
    present = {path.stem for path in RULES_INVALID.glob("*.toml")}
    assert sorted(set(SPEC_RULE_REJECTIONS) - present) == []


def test_every_spec_evidence_rejection_has_a_fixture() -> None:
    """Each evidence rejection SPEC §1 and §3 list has its evidence/invalid/ case."""
    present = {path.stem for path in EVIDENCE_INVALID.glob("*.json")}
    assert sorted(set(SPEC_EVIDENCE_REJECTIONS) - present) == []


@pytest.mark.parametrize(("folder", "suffix"), [(RULES_INVALID, ".toml"), (EVIDENCE_INVALID, ".json")])
def test_invalid_cases_are_complete(folder: Path, suffix: str) -> None:
    """Every invalid input has non-empty .expected (English) and .expected-zh (Chinese) files, and
    no side file is orphaned."""
    inputs = {path.stem for path in folder.glob(f"*{suffix}")}
    for side in (".expected", ".expected-zh", ".args", ".xfail"):
        assert {path.stem for path in folder.glob(f"*{side}")} <= inputs, side
    for name in inputs:
        assert _expected_lines(folder / f"{name}.expected"), name
        assert _expected_lines(folder / f"{name}.expected-zh"), name


def test_valid_cases_are_complete() -> None:
    """Every valid case folder holds rules, evidence, expected result and hand-worked notes."""
    for case in (path for path in VALID.iterdir() if path.is_dir()):
        assert sorted(name for name in VALID_CASE_FILES if not (case / name).exists()) == [], case.name


def test_base_files_score_cleanly() -> None:
    """rules/small.toml scores evidence/minimal.json, so each invalid case fails only for its own edit."""
    done = _score("evidence/minimal.json", "--rules", "rules/small.toml", "--format", "json", cwd=FIXTURES)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    (result,) = json.loads(done.stdout, parse_float=Decimal)["results"]
    assert result["inspector"]["id"] == "TP-01"


# -- invalid rule files ---------------------------------------------------------


@pytest.mark.parametrize("name", RULE_CASES)
def test_invalid_rules_command(name: str) -> None:
    """`score` prints exactly rules/invalid/NAME.expected for NAME.toml and exits 1."""
    done = _score(MINIMAL_EVIDENCE, "--rules", f"{name}.toml", cwd=RULES_INVALID)
    _assert_rejected(done, _expected_lines(RULES_INVALID / f"{name}.expected"))


@pytest.mark.parametrize("name", RULE_CASES)
def test_invalid_rules_library(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """load_rules raises InvalidInputError whose problems are exactly NAME.expected."""
    monkeypatch.chdir(RULES_INVALID)
    with pytest.raises(isc.InvalidInputError) as caught:
        isc.load_rules(f"{name}.toml")
    assert [str(problem) for problem in caught.value.problems] == _expected_lines(
        RULES_INVALID / f"{name}.expected"
    )


@pytest.mark.parametrize("name", RULE_CASES)
def test_invalid_rules_in_chinese(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """With --lang zh the command prints exactly NAME.expected-zh; the library says the same with
    use_language("zh"), and any problem found in English is written so in Chinese."""
    expected = _expected_lines(RULES_INVALID / f"{name}.expected-zh")
    done = _score(MINIMAL_EVIDENCE, "--rules", f"{name}.toml", "--lang", "zh", cwd=RULES_INVALID)
    _assert_rejected(done, expected)
    monkeypatch.chdir(RULES_INVALID)
    with pytest.raises(isc.InvalidInputError) as english:
        isc.load_rules(f"{name}.toml")
    assert english.value.lines("zh") == expected
    use_language("zh")
    with pytest.raises(isc.InvalidInputError) as chinese:
        isc.load_rules(f"{name}.toml")
    assert [str(problem) for problem in chinese.value.problems] == expected


# -- invalid evidence files -----------------------------------------------------


@pytest.mark.parametrize("name", EVIDENCE_CASES)
def test_invalid_evidence_command(name: str) -> None:
    """`score` prints exactly evidence/invalid/NAME.expected for NAME.json and exits 1."""
    done = _score(f"{name}.json", *_evidence_args(name), cwd=EVIDENCE_INVALID)
    _assert_rejected(done, _expected_lines(EVIDENCE_INVALID / f"{name}.expected"))


@pytest.mark.parametrize("name", EVIDENCE_CASES)
def test_invalid_evidence_library(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """load_evidence(..., rules=...) raises InvalidInputError whose problems are exactly NAME.expected."""
    monkeypatch.chdir(EVIDENCE_INVALID)
    rules = _rules_for(_evidence_args(name))
    with pytest.raises(isc.InvalidInputError) as caught:
        isc.load_evidence(f"{name}.json", rules=rules)
    assert [str(problem) for problem in caught.value.problems] == _expected_lines(
        EVIDENCE_INVALID / f"{name}.expected"
    )


@pytest.mark.parametrize("name", EVIDENCE_CASES)
def test_invalid_evidence_in_chinese(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """With --lang zh the command prints exactly NAME.expected-zh; the library says the same with
    use_language("zh"), and any problem found in English is written so in Chinese."""
    expected = _expected_lines(EVIDENCE_INVALID / f"{name}.expected-zh")
    done = _score(f"{name}.json", *_evidence_args(name), "--lang", "zh", cwd=EVIDENCE_INVALID)
    _assert_rejected(done, expected)
    monkeypatch.chdir(EVIDENCE_INVALID)
    rules = _rules_for(_evidence_args(name))
    with pytest.raises(isc.InvalidInputError) as english:
        isc.load_evidence(f"{name}.json", rules=rules)
    assert english.value.lines("zh") == expected
    use_language("zh")
    with pytest.raises(isc.InvalidInputError) as chinese:
        isc.load_evidence(f"{name}.json", rules=rules)
    assert [str(problem) for problem in chinese.value.problems] == expected


# -- extreme evidence -------------------------------------------------------------


@pytest.mark.parametrize("name", EXTREME_CASES)
def test_extreme_evidence_command(name: str) -> None:
    """`score` scores evidence/extreme/NAME.json (exit 0) or rejects it as FILE: PATH: message (exit 1)."""
    done = _score(f"{name}.json", "--rules", SMALL_RULES, "--format", "json", cwd=EXTREME)
    assert "Traceback" not in done.stderr
    assert done.returncode in (0, 1), done.stderr
    if done.returncode == 1:
        assert done.stdout == ""
        lines = done.stderr.splitlines()
        assert lines
        assert all(line.startswith(f"{name}.json: inspectors[") for line in lines), lines
    else:
        assert done.stderr == ""
        json.loads(done.stdout, parse_float=Decimal)


@pytest.mark.parametrize("name", EXTREME_CASES)
def test_extreme_evidence_library(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The library scores evidence/extreme/NAME.json or raises InvalidInputError, nothing else."""
    monkeypatch.chdir(EXTREME)
    rules = isc.load_rules(SMALL_RULES)
    problems: tuple[isc.Problem, ...] = ()
    try:
        evidence = isc.load_evidence(f"{name}.json", rules=rules)
        isc.result_to_json(isc.score_evidence(rules, evidence))
    except isc.InvalidInputError as error:
        problems = error.problems
    assert all(problem.file == f"{name}.json" and problem.path for problem in problems), problems


# -- valid cases ----------------------------------------------------------------


@pytest.mark.parametrize("case", VALID_CASES)
def test_valid_case_command(case: str) -> None:
    """`score --format json` gives the hand-worked totals, grades, scores and amounts of valid/CASE."""
    done = _score("evidence.json", "--rules", "rules.toml", "--format", "json", cwd=VALID / case)
    assert "Traceback" not in done.stderr
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    _assert_expected(case, json.loads(done.stdout, parse_float=Decimal))


@pytest.mark.parametrize("case", VALID_CASES)
def test_valid_case_library(case: str) -> None:
    """load_rules, load_evidence and score_evidence give the hand-worked result of valid/CASE."""
    rules = isc.load_rules(VALID / case / "rules.toml")
    evidence = isc.load_evidence(VALID / case / "evidence.json", rules=rules)
    _assert_expected(case, isc.result_to_dict(isc.score_evidence(rules, evidence)))

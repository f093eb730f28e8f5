"""Tests for rule files (``score test``): case files, the runner and its report."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

import inspector_scoring as isc
from inspector_scoring.rule_tests import CaseFile, CaseResult, load_cases, render_report, run_cases

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CASES = ROOT / "rules" / "default.tests.toml"
SMALL_RULES = Path(__file__).resolve().parent / "fixtures" / "rules" / "small.toml"

#: the quotas of a clean month under the default rules (with ``events = []``)
CLEAN = (
    "underground_entries = 15, night_underground_entries = 5, days_without_work_log = 0, "
    "preshift_meetings = 10, safety_meetings = 1"
)
HEADER = 'schema = 1\nassessment = { township = "太平乡", period = "2021-03" }\n'


def inline_case(name: str, inspector: str, counts: str, tail: str, *, events: str = "[]") -> str:
    """One ``[[cases]]`` block with inline evidence for one inspector; ``tail`` holds the expectations."""
    return (
        f'[[cases]]\nname = "{name}"\n'
        f"[cases.evidence]\n{HEADER}"
        f'[[cases.evidence.inspectors]]\nid = "{inspector}"\nname = "甲"\n'
        f"events = {events}\ncounts = {{ {counts} }}\n"
        f"{tail}\n"
    )


def write(folder: Path, text: str, name: str = "cases.toml") -> Path:
    """Write a case file (schema line included) and return its path."""
    path = folder / name
    path.write_text("schema = 1\n" + text, encoding="utf-8")
    return path


def run(path: Path) -> tuple[CaseResult, ...]:
    """Load and run a case file."""
    return run_cases(load_cases(path))


def problems(path: Path | str) -> list[str]:
    """The ``FILE: PATH: message`` lines loading ``path`` raises."""
    with pytest.raises(isc.InvalidInputError) as caught:
        load_cases(path)
    return [str(problem) for problem in caught.value.problems]


# -- the shipped cases -----------------------------------------------------------


def test_shipped_default_cases_all_pass() -> None:
    """Every case in rules/default.tests.toml passes against rules/default.toml."""
    results = run(DEFAULT_CASES)
    assert [r.name for r in results if not r.passed] == []
    assert render_report(results).endswith(f"\n{len(results)} passed, 0 failed\n")


def test_shipped_cases_cover_every_rule_bonus_rule_and_veto() -> None:
    """Each rule, bonus rule and veto of the default scheme is expected to hit somewhere."""
    case_file = load_cases(DEFAULT_CASES)
    rules = case_file.rules
    assert rules.sha256 == isc.load_rules(ROOT / "rules" / "default.toml").sha256
    wanted = {rule.id for item in rules.items for rule in item.rules}
    assert rules.bonus is not None
    wanted |= {rule.id for rule in rules.bonus.rules}
    wanted |= {veto.id for veto in rules.vetoes}
    expected: set[str] = set()
    for case in case_file.cases:
        for expectation in case.expect:
            expected.update(expectation.hits or ())
            expected.update(expectation.vetoes or ())
    assert wanted - expected == set()


def test_shipped_cases_include_refused_evidence() -> None:
    """The shipped file also pins evidence the default scheme must refuse."""
    case_file = load_cases(DEFAULT_CASES)
    assert any(case.errors for case in case_file.cases)
    assert any(isinstance(case.evidence, Path) for case in case_file.cases)


# -- expectations ----------------------------------------------------------------


def test_every_kind_of_wrong_expectation_is_reported(tmp_path: Path) -> None:
    """Wrong total, grade, item, bonus, vetoes, duty days and hits each give one difference line."""
    right = inline_case(
        "right",
        "U14",
        CLEAN.replace("= 15,", "= 14,", 1),
        '[cases.expect.U14]\ntotal = 98\ngrade = "优秀"\nitems = { underground = 18 }\n'
        'bonus = 0\nvetoes = []\nduty_days = 31\nhits = ["underground-shortfall"]',
    )
    wrong = inline_case(
        "wrong",
        "U14",
        CLEAN.replace("= 15,", "= 14,", 1),
        '[cases.expect.U14]\ntotal = 96\ngrade = "合格"\nitems = { on_site = 20, underground = 20 }\n'
        'bonus = 1\nvetoes = ["falsification"]\nduty_days = 30\nhits = []',
    )
    results = run(write(tmp_path, right + wrong))
    assert results[0] == CaseResult("right", True, ())
    assert results[1] == CaseResult(
        "wrong",
        False,
        (
            "U14: total: expected 96, got 98.0",
            'U14: grade: expected "合格", got "优秀"',
            "U14: items.underground: expected 20, got 18",
            "U14: bonus: expected 1, got 0",
            'U14: vetoes: expected ["falsification"], got []',
            "U14: duty_days: expected 30, got 31",
            'U14: hits: expected [], got ["underground-shortfall"]',
        ),
    )
    assert render_report(results) == (
        "PASS right\n"
        "FAIL wrong\n"
        "  U14: total: expected 96, got 98.0\n"
        '  U14: grade: expected "合格", got "优秀"\n'
        "  U14: items.underground: expected 20, got 18\n"
        "  U14: bonus: expected 1, got 0\n"
        '  U14: vetoes: expected ["falsification"], got []\n'
        "  U14: duty_days: expected 30, got 31\n"
        '  U14: hits: expected [], got ["underground-shortfall"]\n'
        "1 passed, 1 failed\n"
    )


def test_numbers_compare_exactly_whatever_their_notation(tmp_path: Path) -> None:
    """98, 98.0 and 98.00 all equal a total of 98.0; 98.000000001 does not."""
    cases = "".join(
        inline_case(f"total {text}", "U14", CLEAN.replace("= 15,", "= 14,", 1), f"[cases.expect.U14]\n{text}")
        for text in ("total = 98", "total = 98.0", "total = 98.00", "total = 98.000000001")
    )
    results = run(write(tmp_path, cases))
    assert [r.passed for r in results] == [True, True, True, False]
    assert results[3].differences == ("U14: total: expected 98.000000001, got 98.0",)


def test_only_the_keys_given_are_checked(tmp_path: Path) -> None:
    """An expectation that names only the grade ignores the total and the rest."""
    case = inline_case(
        "grade only", "P0", CLEAN.replace("= 10,", "= 0,"), '[cases.expect.P0]\ngrade = "优秀"'
    )
    assert run(write(tmp_path, case)) == (CaseResult("grade only", True, ()),)


def test_hits_list_item_rules_then_bonus_rules_in_order(tmp_path: Path) -> None:
    """Hits run through the items in publication order, then the bonus rules."""
    counts = CLEAN.replace("= 15,", "= 10,", 1) + ", commendations = 1, missed_major_hazards = 1"
    case = inline_case(
        "order",
        "B",
        counts,
        '[cases.expect.B]\nhits = ["underground-shortfall", "missed-major-hazard", "commendation"]',
    )
    swapped = case.replace('name = "order"', 'name = "swapped"').replace(
        '"underground-shortfall", "missed-major-hazard"', '"missed-major-hazard", "underground-shortfall"'
    )
    results = run(write(tmp_path, case + swapped))
    assert results[0].passed
    assert results[1].differences == (
        'B: hits: expected ["missed-major-hazard", "underground-shortfall", "commendation"], '
        'got ["underground-shortfall", "missed-major-hazard", "commendation"]',
    )


def test_an_inspector_missing_from_the_evidence_is_a_difference(tmp_path: Path) -> None:
    """Expecting a result for an id the evidence does not have fails the case."""
    case = inline_case("who", "A", CLEAN, "[cases.expect.B]\ntotal = 100")
    (result,) = run(write(tmp_path, case))
    assert result == CaseResult("who", False, ("B: no such inspector in the evidence (it has A)",))


def test_invalid_evidence_fails_a_case_that_expects_results(tmp_path: Path) -> None:
    """A case with expectations fails, listing every problem, when the evidence is refused."""
    case = inline_case(
        "bad kind",
        "E",
        CLEAN,
        "[cases.expect.E]\ntotal = 100",
        events='[{ kind = "undergound", at = "2021-03-02T23:15:00" }]',
    )
    (result,) = run(write(tmp_path, case))
    assert result == CaseResult(
        "bad kind",
        False,
        (
            'evidence is invalid: inspectors[0].events[0].kind: unknown event kind "undergound"; '
            'did you mean "underground"?',
        ),
    )


def test_invalid_evidence_in_a_file_of_its_own_is_named_by_it(tmp_path: Path) -> None:
    """Evidence given as a file (saved from Notepad in GBK): each problem names that file, as
    score does, so that the clerk knows which of the case's files to save again."""
    (tmp_path / "gbk.json").write_bytes('{"schema": 1, "assessment": {"township": "太平乡"}}'.encode("gbk"))
    text = '[[cases]]\nname = "gbk"\nevidence = "gbk.json"\n[cases.expect.A]\ntotal = 1\n'
    (result,) = run(write(tmp_path, text))
    assert result.differences == (
        "evidence is invalid: gbk.json: not UTF-8 text (byte 46): it looks like GBK/GB18030 (as Windows "
        "Notepad and Excel save Chinese text); save it again as UTF-8 (in Notepad: File > Save As > "
        "Encoding: UTF-8)",
    )


# -- expected errors ---------------------------------------------------------------

BAD_KIND = '[{ kind = "undergound", at = "2021-03-02T23:15:00" }]'
BAD_KIND_MESSAGE = (
    'inspectors[0].events[0].kind: unknown event kind "undergound"; did you mean "underground"?'
)


def errors_case(name: str, expectation: str, *, events: str = BAD_KIND) -> str:
    """A case for inspector E whose evidence has ``events``, expecting ``expectation`` (errors keys)."""
    block = inline_case(name, "E", CLEAN, "", events=events)
    return block.replace(f'name = "{name}"\n', f'name = "{name}"\n{expectation}\n', 1)


def test_an_expected_error_path_passes(tmp_path: Path) -> None:
    """The case passes when the problem paths are exactly the expected set."""
    text = errors_case("kind", 'errors = ["inspectors[0].events[0].kind"]')
    text += errors_case(
        "kind and message",
        f'errors = ["inspectors[0].events[0].kind"]\nerror_messages = [{json.dumps(BAD_KIND_MESSAGE)}]',
    )
    results = run(write(tmp_path, text))
    assert [r.passed for r in results] == [True, True]


def test_a_wrong_error_path_fails_with_both_sides(tmp_path: Path) -> None:
    """A missing expected path and an unexpected problem are each a difference."""
    text = errors_case("wrong path", 'errors = ["inspectors[0].events[0].at"]')
    (result,) = run(write(tmp_path, text))
    assert result == CaseResult(
        "wrong path",
        False,
        (
            "errors: expected a problem at inspectors[0].events[0].at, got none",
            f"errors: unexpected problem {BAD_KIND_MESSAGE}",
        ),
    )


def test_an_extra_expected_path_fails(tmp_path: Path) -> None:
    """Expecting more problems than are raised fails, even when the others match."""
    text = errors_case("too many", 'errors = ["inspectors[0].events[0].kind", "assessment.period"]')
    (result,) = run(write(tmp_path, text))
    assert result.differences == ("errors: expected a problem at assessment.period, got none",)


def test_a_wrong_error_message_fails(tmp_path: Path) -> None:
    """error_messages compare the whole ``PATH: message`` lines."""
    text = errors_case("message", 'error_messages = ["inspectors[0].events[0].kind: unknown"]')
    (result,) = run(write(tmp_path, text))
    assert result.differences == (
        "error_messages: expected inspectors[0].events[0].kind: unknown, got none",
        f"error_messages: unexpected {BAD_KIND_MESSAGE}",
    )


BAD_KIND_CHINESE = 'inspectors[0].events[0].kind: 无法识别的事件类型 "undergound"；是否应为 "underground"？'


def test_an_expected_message_in_chinese_passes_and_a_report_in_chinese_says_why(tmp_path: Path) -> None:
    """A clerk copies the Chinese line score printed into error_messages: it pins the same
    problem as the English one (a case file passes in either language). What was not
    expected is shown in the report's language: in Chinese, Chinese."""
    from inspector_scoring.i18n import use_language  # noqa: PLC0415

    text = errors_case("chinese", f"error_messages = [{json.dumps(BAD_KIND_CHINESE, ensure_ascii=False)}]")
    text += errors_case("wrong", 'error_messages = ["inspectors[0].events[0].kind: 无法识别"]')
    use_language("zh")
    results = run(write(tmp_path, text))
    assert [r.passed for r in results] == [True, False]
    assert results[1].differences == (
        "error_messages：预期报出 inspectors[0].events[0].kind: 无法识别，实际没有报出",
        f"error_messages：报出了预期之外的问题 {BAD_KIND_CHINESE}",
    )


def test_expected_errors_fail_when_the_evidence_scores(tmp_path: Path) -> None:
    """Valid evidence fails a case that expects problems."""
    text = errors_case("scores", 'errors = ["inspectors[0].events[0].kind"]', events="[]")
    text += errors_case("scores too", 'error_messages = ["x: y"]', events="[]")
    results = run(write(tmp_path, text))
    assert [r.differences for r in results] == [
        ("errors: expected problems at inspectors[0].events[0].kind, but the evidence scored without any",),
        ("error_messages: expected 1 problem(s), but the evidence scored without any",),
    ]


# -- evidence by path, rules by path ----------------------------------------------

WB_02 = {
    "id": "WB-02",
    "name": "马正清",
    "counts": {
        "absences": 0,
        "underground_entries": 13,
        "night_underground_entries": 4,
        "days_without_work_log": 2,
        "preshift_meetings": 10,
        "safety_meetings": 1,
        "unreachable_checks": 1,
        "missed_general_hazards": 1,
        "missed_major_hazards": 0,
        "major_hazards_found": 0,
        "commendations": 0,
        "falsifications": 0,
        "concealed_accidents": 0,
    },
}


def test_evidence_by_path_is_relative_to_the_case_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``evidence = "PATH"`` reads the JSON file next to the case file, whatever the working folder."""
    folder = tmp_path / "scheme"
    (folder / "evidence").mkdir(parents=True)
    evidence = {"schema": 1, "assessment": {"township": "务本乡", "period": "2021-03"}, "inspectors": [WB_02]}
    (folder / "evidence" / "march.json").write_text(
        json.dumps(evidence, ensure_ascii=False), encoding="utf-8"
    )
    (folder / "evidence" / "broken.json").write_text("{", encoding="utf-8")
    path = write(
        folder,
        '[[cases]]\nname = "march"\nevidence = "evidence/march.json"\n'
        '[cases.expect.WB-02]\ntotal = 87\ngrade = "合格"\n'
        "items = { underground = 16, night_underground = 12, work_log = 13, reachable = 3, hazards = 8 }\n"
        '[[cases]]\nname = "broken"\nevidence = "evidence/broken.json"\nerrors = [""]\n',
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    case_file = load_cases(path)
    monkeypatch.chdir(tmp_path)
    assert run_cases(case_file) == (CaseResult("march", True, ()), CaseResult("broken", True, ()))


def test_rules_by_path_are_relative_to_the_case_file(tmp_path: Path) -> None:
    """``rules = "PATH"`` loads that rule file; without it the bundled default rules are tested."""
    shutil.copy(SMALL_RULES, tmp_path / "small.toml")
    evidence = (
        '[cases.evidence]\nschema = 1\nassessment = { township = "太平乡", period = "2021-03" }\n'
        '[[cases.evidence.inspectors]]\nid = "T"\nname = "甲"\nevents = []\n'
        "counts = { underground_entries = 15, night_entries = 5, trainings = 1 }\n"
    )
    path = write(
        tmp_path,
        'rules = "small.toml"\n[[cases]]\nname = "small"\n'
        + evidence
        + "[cases.expect.T]\ntotal = 100\nitems = { underground = 60, on_site = 40 }\nhits = []\n",
    )
    case_file = load_cases(path)
    assert case_file.rules.id == "fixture-small"
    assert run_cases(case_file) == (CaseResult("small", True, ()),)
    default = write(tmp_path, inline_case("default", "A", CLEAN, "[cases.expect.A]\ntotal = 100"), "d.toml")
    assert load_cases(default).rules is isc.default_rules()


# -- malformed case files -------------------------------------------------------------


def test_malformed_case_file_reports_every_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every problem of a case file is reported in one pass as ``FILE: PATH: message``."""
    monkeypatch.chdir(tmp_path)
    write(
        tmp_path,
        'rule = "x.toml"\n'
        '[[cases]]\nname = "a"\nevidence = "missing.json"\n'
        '[cases.expect.U1]\ntotl = 1\ngrade = "优"\nitems = { undergound = 20, hazards = "ten" }\n'
        'vetoes = ["falsify"]\nduty_days = 1.5\nhits = ["underground"]\n'
        '[[cases]]\nname = "a"\nevidence = 3\nerrors = []\nexpect = {}\n'
        "[[cases]]\nevidence = {}\n"
        '[[cases]]\nname = "b"\nevidence = {}\nerrors = ["x", "x", 3]\nerror_messages = [""]\n'
        '[[cases]]\nname = "c"\nevidence = {}\n[cases.expect.U2]\n',
    )
    assert problems("cases.toml") == [
        'cases.toml: rule: unknown key; did you mean "rules"?',
        'cases.toml: cases[0].evidence: no such evidence file "missing.json" '
        "(paths are relative to the case file's folder)",
        'cases.toml: cases[0].expect.U1.totl: unknown key; did you mean "total"?',
        'cases.toml: cases[0].expect.U1.grade: unknown grade "优"; did you mean "优秀"?',
        'cases.toml: cases[0].expect.U1.items.undergound: unknown item "undergound"; '
        'did you mean "underground"?',
        'cases.toml: cases[0].expect.U1.items.hazards: must be a non-negative number, got "ten"',
        'cases.toml: cases[0].expect.U1.vetoes[0]: unknown veto "falsify"; did you mean "falsification"?',
        "cases.toml: cases[0].expect.U1.duty_days: must be a whole number of at least 0, got 1.5",
        'cases.toml: cases[0].expect.U1.hits[0]: unknown rule "underground"; '
        'did you mean "underground-shortfall"?',
        'cases.toml: cases[1].name: duplicate case name "a" (first at cases[0].name)',
        "cases.toml: cases[1].evidence: must be an evidence table or the path of an evidence file, got 3",
        "cases.toml: cases[1]: give either expect or errors/error_messages, not both",
        "cases.toml: cases[1].expect: must name at least one inspector id",
        "cases.toml: cases[1].errors: must list at least one problem path",
        "cases.toml: cases[2].name: missing required key",
        "cases.toml: cases[2]: give expect (the results) or errors (the problems the evidence must raise)",
        'cases.toml: cases[3].errors[1]: duplicate problem path "x" (first at cases[3].errors[0])',
        "cases.toml: cases[3].errors[2]: must be a string, got 3",
        "cases.toml: cases[3].error_messages[0]: must not be empty",
        "cases.toml: cases[4].expect.U2: give at least one of total, grade, items, bonus, vetoes, "
        "duty_days, hits",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ["cases.toml: schema: missing required key", "cases.toml: cases: missing required key"]),
        (
            "schema = 2\ncases = []\n",
            [
                "cases.toml: schema: unsupported schema 2; this version reads 1",
                "cases.toml: cases: must list at least one case",
            ],
        ),
        ("schema = 1\n[cases]\n", ["cases.toml: cases: must be an array, got a table"]),
        ("schema = 1\ncases = [1]\n", ["cases.toml: cases[0]: must be a table, got 1"]),
        (
            'schema = 1\nrules = "nope.toml"\ncases = [{ name = "a", evidence = {}, errors = [""] }]\n',
            [
                'cases.toml: rules: no such rule file "nope.toml" '
                "(paths are relative to the case file's folder)"
            ],
        ),
        (
            "schema = 1\nrules = \n",
            ["cases.toml: invalid TOML: Invalid value (at line 2, column 9)"],
        ),
    ],
    ids=["empty", "schema-2", "cases-table", "case-not-table", "no-rules-file", "toml-syntax"],
)
def test_case_file_shape_problems(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, expected: list[str]
) -> None:
    """Top-level shape problems are named by key path; TOML syntax errors keep line and column."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cases.toml").write_text(text, encoding="utf-8")
    assert problems("cases.toml") == expected


def test_unknown_top_level_key_suggests(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An unknown key gets a "did you mean" when a known key is close."""
    monkeypatch.chdir(tmp_path)
    write(
        tmp_path, inline_case("a", "A", CLEAN, "[cases.expect.A]\ntotal = 100").replace("name =", "nmae =", 1)
    )
    assert problems("cases.toml") == [
        'cases.toml: cases[0].nmae: unknown key; did you mean "name"?',
        "cases.toml: cases[0].name: missing required key",
    ]


def test_an_unreadable_case_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A missing case file is one problem for the whole file."""
    monkeypatch.chdir(tmp_path)
    assert problems("absent.toml") == ["absent.toml: cannot read: No such file or directory"]


def test_an_invalid_rule_file_reports_its_own_problems(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Problems of the rule file are reported with the case file's, each under its own file."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.toml").write_text("schema = 1\n", encoding="utf-8")
    write(tmp_path, 'rules = "bad.toml"\ncases = [{ name = "a", evidence = {}, errors = [""], extra = 1 }]\n')
    assert problems("cases.toml") == [
        "cases.toml: cases[0].extra: unknown key",
        "bad.toml: ruleset: missing required key",
        "bad.toml: items: missing required key",
        "bad.toml: grades: missing required key",
    ]


# -- the report ---------------------------------------------------------------------


def test_report_wording() -> None:
    """PASS/FAIL lines, differences indented by two spaces, and the summary alone on the last line."""
    results = [
        CaseResult("a clean month", True),
        CaseResult("underground: 14", False, ("U14: total: expected 98, got 96.0", "U14: grade: x")),
        CaseResult("errors", False, ()),
    ]
    assert render_report(results) == (
        "PASS a clean month\n"
        "FAIL underground: 14\n"
        "  U14: total: expected 98, got 96.0\n"
        "  U14: grade: x\n"
        "FAIL errors\n"
        "1 passed, 2 failed\n"
    )
    assert render_report([]) == "0 passed, 0 failed\n"


def test_records_are_frozen() -> None:
    """Loaded cases and results cannot be changed after the fact."""
    case_file = load_cases(DEFAULT_CASES)
    assert isinstance(case_file, CaseFile)
    with pytest.raises(AttributeError):
        case_file.cases[0].name = "x"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        CaseResult("a", True).passed = False  # type: ignore[misc]
    assert case_file.cases[0].expect[0].total == Decimal(100)

"""Tests for rule files: case files of evidence and expected results (``score test``).

A case file (TOML) lives next to a rule file and says what that rule file must
give for small pieces of evidence: totals, grades, item scores, bonus, vetoes,
duty days and the rules that hit, or the exact problems invalid evidence must
raise. Expectations are exact; there is no tolerance. The format is documented
in ``docs/testing-rules.md``::

    cases = load_cases("rules/default.tests.toml")
    results = run_cases(cases)
    print(render_report(results), end="")
    exit_code = 0 if all(result.passed for result in results) else 1
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from . import messages as M
from ._readers import (
    check_keys,
    check_schema,
    describe,
    join,
    read_count,
    read_list,
    read_number,
    read_str,
    read_table,
    suggest,
)
from .errors import Collector, InvalidInputError, Problem
from .files import MAX_TOML_BYTES, read_bytes
from .i18n import LANGUAGES, Listing, Message, current_language, visible
from .rules.load import default_rules, load_rules, parse_toml
from .rules.model import Ruleset
from .scoring.results import InspectorResult
from .scoring.score import score_file

__all__ = ["Case", "CaseFile", "CaseResult", "Expectation", "load_cases", "render_report", "run_cases"]

SCHEMA = 1
_TOP_KEYS = ("schema", "rules", "cases")
_CASE_KEYS = ("name", "description", "evidence", "expect", "errors", "error_messages")
_EXPECT_KEYS = ("total", "grade", "items", "bonus", "vetoes", "duty_days", "hits")


# -- records ------------------------------------------------------------------


@attrs.frozen(slots=True)
class Expectation:
    """What one inspector's result must be; ``None`` (or no ``items``) means: not checked."""

    #: the inspector's ``id`` in the evidence
    inspector: str
    #: the published total, after rounding
    total: Decimal | None = None
    #: the grade after vetoes
    grade: str | None = None
    #: item id → item score, in the order the case file gives them
    items: tuple[tuple[str, Decimal], ...] = ()
    #: the bonus points applied (after the cap)
    bonus: Decimal | None = None
    #: ids of every triggered veto, in rule-file order
    vetoes: tuple[str, ...] | None = None
    duty_days: int | None = None
    #: ids of the rules whose raw amount is not zero: item rules in publication
    #: order, then bonus rules
    hits: tuple[str, ...] | None = None
    #: key path in the case file, e.g. ``cases[3].expect.TP-01``
    path: str = ""


@attrs.frozen(slots=True)
class Case:
    """One case: evidence, and either expected results or expected problems."""

    name: str
    #: inline evidence (the shape of an evidence JSON file), or the path of an evidence file
    evidence: Mapping[str, Any] | Path
    #: expected results, one per inspector named in the case
    expect: tuple[Expectation, ...] = ()
    #: expected problem paths (``inspectors[0].events[3].kind``; ``""`` for the whole file)
    errors: tuple[str, ...] | None = None
    #: expected problems as ``PATH: message`` (just ``message`` for the whole file)
    error_messages: tuple[str, ...] | None = None
    description: str | None = None
    #: key path in the case file, e.g. ``cases[3]``
    path: str = ""

    @property
    def expects_errors(self) -> bool:
        """Whether the case passes only when the evidence is refused."""
        return self.errors is not None or self.error_messages is not None


@attrs.frozen(slots=True)
class CaseFile:
    """A loaded, validated case file and the rule file its cases test."""

    #: the case file's name as given
    source: str
    rules: Ruleset
    cases: tuple[Case, ...]


@attrs.frozen(slots=True)
class CaseResult:
    """The outcome of one case: passed, or every difference found."""

    name: str
    passed: bool
    #: one line per difference, e.g. ``TP-01: total: expected 98, got 96.0``
    differences: tuple[str, ...] = ()


# -- loading ------------------------------------------------------------------


def load_cases(path: str | os.PathLike[str], /) -> CaseFile:
    """Load and validate a case file, and the rule file it names.

    ``rules`` and evidence paths are relative to the case file's folder; without
    ``rules`` the cases test the bundled default rules. Evidence files are only
    checked to exist here (their problems may be what a case expects). Raises
    :class:`InvalidInputError` listing every problem of the case file, and those
    of the rule file.
    """
    name = os.fspath(path)
    raw = parse_toml(read_bytes(name, most=MAX_TOML_BYTES), name)
    return _build(raw, name, Path(name).parent)


def _build(raw: Mapping[str, Any], name: str, folder: Path) -> CaseFile:
    problems = Collector(name)
    check_keys(problems, "", raw, allowed=_TOP_KEYS, required=("schema", "cases"))
    check_schema(problems, raw, SCHEMA)
    rule_problems: list[Problem] = []
    rules: Ruleset | None = None
    if "rules" in raw:
        rules_name = read_str(problems, "rules", raw["rules"])
        if rules_name is not None:
            rules_path = folder / rules_name
            if not rules_path.is_file():
                problems.add("rules", M.NO_SUCH_RULE_FILE, value=describe(rules_name))
            else:
                try:
                    rules = load_rules(rules_path)
                except InvalidInputError as error:
                    rule_problems.extend(error.problems)
    else:
        rules = default_rules()

    cases: list[Case] = []
    entries = read_list(problems, "cases", raw["cases"]) if "cases" in raw else None
    if entries == []:
        problems.add("cases", M.AT_LEAST_ONE, what=M.WORD_CASE())
    names: dict[str, str] = {}
    for n, entry in enumerate(entries or []):
        case = _read_case(problems, join("cases", n), entry, folder=folder, rules=rules, names=names)
        if case is not None:
            cases.append(case)
    if problems.problems or rule_problems:
        raise InvalidInputError([*problems.problems, *rule_problems])
    assert rules is not None  # without problems, the rules were loaded
    return CaseFile(source=name, rules=rules, cases=tuple(cases))


def _read_case(
    problems: Collector,
    path: str,
    raw: object,
    *,
    folder: Path,
    rules: Ruleset | None,
    names: dict[str, str],
) -> Case | None:
    table = read_table(problems, path, raw)
    if table is None:
        return None
    before = len(problems.problems)
    check_keys(problems, path, table, allowed=_CASE_KEYS, required=("name", "evidence"))
    case_name = read_str(problems, join(path, "name"), table["name"]) if "name" in table else None
    if case_name is not None:
        if case_name in names:
            problems.add(
                join(path, "name"), M.DUPLICATE_CASE, value=describe(case_name), first=names[case_name]
            )
        else:
            names[case_name] = join(path, "name")
    description = (
        read_str(problems, join(path, "description"), table["description"])
        if "description" in table
        else None
    )
    evidence = (
        _read_evidence(problems, join(path, "evidence"), table["evidence"], folder)
        if "evidence" in table
        else None
    )

    wants_errors = "errors" in table or "error_messages" in table
    if "expect" in table and wants_errors:
        problems.add(path, M.EXPECT_OR_ERRORS)
    elif "expect" not in table and not wants_errors:
        problems.add(path, M.EXPECT_OR_ERRORS_MISSING)
    expect: tuple[Expectation, ...] = ()
    if "expect" in table:
        expect = _read_expect(problems, join(path, "expect"), table["expect"], rules)
    errors = _read_errors(problems, join(path, "errors"), table["errors"]) if "errors" in table else None
    messages = (
        _read_messages(problems, join(path, "error_messages"), table["error_messages"])
        if "error_messages" in table
        else None
    )
    if len(problems.problems) > before or case_name is None or evidence is None:
        return None
    return Case(
        name=case_name,
        evidence=evidence,
        expect=expect,
        errors=errors,
        error_messages=messages,
        description=description,
        path=path,
    )


def _read_evidence(
    problems: Collector, path: str, raw: object, folder: Path
) -> Mapping[str, Any] | Path | None:
    if isinstance(raw, Mapping):
        return raw
    if isinstance(raw, str):
        file_name = read_str(problems, path, raw)
        if file_name is None:
            return None
        evidence_path = folder / file_name
        if not evidence_path.is_file():
            problems.add(path, M.NO_SUCH_EVIDENCE_FILE, value=describe(file_name))
            return None
        return evidence_path.absolute()  # so that running does not depend on the working folder
    problems.add(path, M.NOT_EVIDENCE, value=describe(raw))
    return None


def _read_expect(
    problems: Collector, path: str, raw: object, rules: Ruleset | None
) -> tuple[Expectation, ...]:
    table = read_table(problems, path, raw)
    if table is None:
        return ()
    if not table:
        problems.add(path, M.NO_INSPECTOR_ID)
    expectations = []
    for inspector, body in table.items():
        inspector_path = join(path, str(inspector))
        spec = read_table(problems, inspector_path, body)
        if spec is None:
            continue
        expectation = _read_expectation(problems, inspector_path, str(inspector), spec, rules)
        if expectation is not None:
            expectations.append(expectation)
    return tuple(expectations)


def _read_expectation(
    problems: Collector, path: str, inspector: str, spec: Mapping[str, Any], rules: Ruleset | None
) -> Expectation | None:
    before = len(problems.problems)
    check_keys(problems, path, spec, allowed=_EXPECT_KEYS)
    if not spec:
        problems.add(path, M.GIVE_ONE_OF, keys=Listing(_EXPECT_KEYS))
    fields: dict[str, Any] = {}
    if "total" in spec:
        fields["total"] = read_number(problems, join(path, "total"), spec["total"])
    if "grade" in spec:
        grade = read_str(problems, join(path, "grade"), spec["grade"])
        if grade is not None and rules is not None:
            _known(problems, join(path, "grade"), grade, [g.name for g in rules.grades], M.WORD_GRADE)
        fields["grade"] = grade
    if "items" in spec:
        items_path = join(path, "items")
        items = read_table(problems, items_path, spec["items"])
        scores = []
        for item_id, score in (items or {}).items():
            item_path = join(items_path, str(item_id))
            if rules is not None:
                _known(problems, item_path, str(item_id), [item.id for item in rules.items], M.WORD_ITEM)
            number = read_number(problems, item_path, score)
            if number is not None:
                scores.append((str(item_id), number))
        fields["items"] = tuple(scores)
    if "bonus" in spec:
        fields["bonus"] = read_number(problems, join(path, "bonus"), spec["bonus"])
    if "vetoes" in spec:
        veto_ids = [veto.id for veto in rules.vetoes] if rules is not None else None
        fields["vetoes"] = _read_ids(problems, join(path, "vetoes"), spec["vetoes"], veto_ids, M.WORD_VETO)
    if "duty_days" in spec:
        fields["duty_days"] = read_count(problems, join(path, "duty_days"), spec["duty_days"])
    if "hits" in spec:
        rule_ids = None
        if rules is not None:
            rule_ids = [rule.id for item in rules.items for rule in item.rules]
            rule_ids += [rule.id for rule in rules.bonus.rules] if rules.bonus is not None else []
        fields["hits"] = _read_ids(problems, join(path, "hits"), spec["hits"], rule_ids, M.WORD_RULE)
    if len(problems.problems) > before:
        return None
    return Expectation(inspector=inspector, path=path, **fields)


def _known(problems: Collector, path: str, value: str, choices: Sequence[str], what: Message) -> bool:
    if value in choices:
        return True
    hint = suggest(problems, value, choices) or M.THE_RULE_FILE_HAS(choices=Listing(choices) or M.NONE())
    problems.add(path, M.UNKNOWN_NAMED, what=what(), value=describe(value), hint=hint)
    return False


def _read_ids(
    problems: Collector, path: str, raw: object, choices: Sequence[str] | None, what: Message
) -> tuple[str, ...] | None:
    entries = read_list(problems, path, raw)
    if entries is None:
        return None
    ids = []
    for n, entry in enumerate(entries):
        text = read_str(problems, join(path, n), entry)
        if text is not None and (choices is None or _known(problems, join(path, n), text, choices, what)):
            ids.append(text)
    return tuple(ids)


def _read_errors(problems: Collector, path: str, raw: object) -> tuple[str, ...] | None:
    entries = read_list(problems, path, raw)
    if entries is None:
        return None
    if not entries:
        problems.add(path, M.AT_LEAST_ONE, what=M.WORD_PROBLEM_PATH())
    seen: dict[str, str] = {}
    paths = []
    for n, entry in enumerate(entries):
        if not isinstance(entry, str):  # "" stands for a problem with the whole file
            problems.add(join(path, n), M.MUST_BE, what=M.A_STRING(), value=describe(entry))
        elif entry in seen:
            problems.add(join(path, n), M.DUPLICATE_PROBLEM_PATH, value=describe(entry), first=seen[entry])
        else:
            seen[entry] = join(path, n)
            paths.append(entry)
    return tuple(paths)


def _read_messages(problems: Collector, path: str, raw: object) -> tuple[str, ...] | None:
    entries = read_list(problems, path, raw)
    if entries is None:
        return None
    if not entries:
        problems.add(path, M.AT_LEAST_ONE, what=M.WORD_PROBLEM())
    seen: dict[str, str] = {}
    messages = []
    for n, entry in enumerate(entries):
        text = read_str(problems, join(path, n), entry)
        if text is None:
            continue
        if text in seen:
            problems.add(join(path, n), M.DUPLICATE_PROBLEM, value=describe(text), first=seen[text])
        else:
            seen[text] = join(path, n)
            messages.append(text)
    return tuple(messages)


# -- running ------------------------------------------------------------------


def run_cases(case_file: CaseFile, /) -> tuple[CaseResult, ...]:
    """Run every case of ``case_file`` against its rules, in file order.

    A case with ``expect`` passes when the evidence scores and every expected
    value equals the result exactly. A case with ``errors`` or
    ``error_messages`` passes when loading or scoring the evidence raises
    :class:`InvalidInputError` and its problems match exactly (as sets).
    """
    return tuple(_run_case(case_file.rules, case) for case in case_file.cases)


def _run_case(rules: Ruleset, case: Case) -> CaseResult:
    try:
        assessment = score_file(case.evidence, rules=rules)
    except InvalidInputError as error:
        if case.expects_errors:
            differences = _compare_problems(case, error.problems)
        else:
            # (evidence in a file of its own: its problems name that file, as score does)
            named = isinstance(case.evidence, Path)
            differences = [
                M.CASE_EVIDENCE_INVALID.render(
                    problem=f"{Path(problem.file).name}: {_shown(problem)}" if named else _shown(problem)
                )
                for problem in error.problems
            ]
        return CaseResult(case.name, not differences, tuple(differences))
    if case.errors is not None:
        wanted = Listing(_show_path(path) for path in case.errors).render()
        difference = M.CASE_EXPECTED_ERRORS.render(paths=wanted)
        return CaseResult(case.name, False, (difference,))
    if case.error_messages is not None:
        count = len(case.error_messages)
        difference = M.CASE_EXPECTED_MESSAGES.render(count=count)
        return CaseResult(case.name, False, (difference,))
    results = {result.inspector.id: result for result in assessment.results}
    differences = []
    for expectation in case.expect:
        result = results.get(expectation.inspector)
        if result is None:
            known = Listing(results).render() or M.NONE.render()
            differences.append(M.CASE_NO_INSPECTOR.render(inspector=expectation.inspector, known=known))
            continue
        differences.extend(_compare_result(expectation, result))
    return CaseResult(case.name, not differences, tuple(differences))


def _compare_result(expected: Expectation, result: InspectorResult) -> list[str]:
    who = expected.inspector
    out: list[str] = []

    def check(key: str, want: object, got: object, show: Callable[[Any], str] = _plain) -> None:
        if want is not None and want != got:
            out.append(M.CASE_MISMATCH.render(who=who, key=key, want=show(want), got=show(got)))

    check("total", expected.total, result.total)
    check("grade", expected.grade, result.grade, _quoted)
    scores = {item.id: score for item, score in zip(result.plan.rules.items, result.scores, strict=True)}
    for item_id, score in expected.items:
        check(f"items.{item_id}", score, scores.get(item_id))
    check("bonus", expected.bonus, result.bonus_applied)
    check("vetoes", expected.vetoes, tuple(veto.id for veto in result.vetoes), _listed)
    check("duty_days", expected.duty_days, result.duty_days)
    check("hits", expected.hits, tuple(hit.rule for hit in result.hits), _listed)
    return out


def _compare_problems(case: Case, problems: Sequence[Problem]) -> list[str]:
    out: list[str] = []
    if case.errors is not None:
        got = {problem.path for problem in problems}
        want = set(case.errors)
        out.extend(
            M.CASE_MISSING_ERROR.render(path=_show_path(path)) for path in case.errors if path not in got
        )
        out.extend(
            M.CASE_UNEXPECTED_ERROR.render(problem=_shown(problem))
            for problem in problems
            if problem.path not in want
        )
    if case.error_messages is not None:
        # A case pins a problem as score prints it in English or in Chinese (a case file runs
        # the same in either); what was not expected is shown in the language of the report.
        said = [{_problem_line(problem, language) for language in LANGUAGES} for problem in problems]
        got = set().union(*said)
        want = set(case.error_messages)
        out.extend(
            M.CASE_MISSING_MESSAGE.render(line=line) for line in case.error_messages if line not in got
        )
        out.extend(
            M.CASE_UNEXPECTED_MESSAGE.render(line=_shown(problem))
            for problem, lines in zip(problems, said, strict=True)
            if not lines & want
        )
    return out


def _problem_line(problem: Problem, language: str) -> str:
    """A problem as ``PATH: message`` in ``language`` (the file is the case's evidence)."""
    said = problem.said(language)
    return f"{problem.path}: {said}" if problem.path else said


def _shown(problem: Problem) -> str:
    """A problem as ``PATH: message``, in the language of the report."""
    return _problem_line(problem, current_language())


def _show_path(path: str) -> str:
    return path or M.WHOLE_FILE.render()


def _plain(value: object) -> str:
    return M.NOTHING.render() if value is None else str(value)


def _quoted(value: object) -> str:
    return M.NOTHING.render() if value is None else json.dumps(value, ensure_ascii=False)


def _listed(values: Iterable[str]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


# -- reporting ----------------------------------------------------------------


def render_report(results: Iterable[CaseResult], /) -> str:
    """The report ``score test`` prints: ``PASS name`` or ``FAIL name`` per case.

    Each failed case is followed by its differences, indented by two spaces;
    the last line is the summary ``N passed, M failed``. The text ends with a
    newline.
    """
    lines = []
    passed = failed = 0
    for result in results:
        if result.passed:
            passed += 1
            lines.append(M.CASE_PASS.render(name=result.name))
        else:
            failed += 1
            lines.append(M.CASE_FAIL.render(name=result.name))
            lines.extend(visible(f"  {difference}") for difference in result.differences)
    lines.append(M.CASE_SUMMARY.render(passed=passed, failed=failed))
    return "\n".join(lines) + "\n"

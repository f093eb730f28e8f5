"""The command's direct path against the record path: it agrees byte for byte, or declines.

``score FILE --format json`` scores a plainly valid file straight from the
parsed JSON (``inspector_scoring.direct``) and anything else through the
records. The two must never differ: on generated rule files and evidence,
some of it spoilt on purpose, the direct path either writes exactly what the
record path writes or returns ``None``; it declines whatever the record path
rejects; and it does not decline the plain evidence it exists for.
"""

from __future__ import annotations

import io
import json
import os
import sys
import threading
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import builders
import inspector_scoring as isc
from conftest import Run
from inspector_scoring.direct import direct_json
from strategies import rules_and_events

EXAMPLES = Path(__file__).parent.parent / "examples"


def record_path(rules: isc.Ruleset, path: Path) -> str | None:
    """What the record path writes for the file, or ``None`` when it rejects it."""
    try:
        return isc.result_to_json(isc.score_evidence(rules, isc.load_evidence(path, rules=rules)))
    except isc.InvalidInputError:
        return None


def direct(rules: isc.Ruleset, path: Path) -> str | None:
    pieces = direct_json(str(path), lambda _period: rules)
    return None if pieces is None else b"".join(pieces).decode("utf-8")


def write(path: Path, evidence: dict[str, Any] | str) -> Path:
    text = evidence if isinstance(evidence, str) else json.dumps(evidence, ensure_ascii=False, default=str)
    path.write_text(text, encoding="utf-8")
    return path


# -- spoiling evidence on purpose ---------------------------------------------------


Evidence = dict[str, Any]


def _events(evidence: Evidence) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(inspector, event) for every event of the file."""
    return [(person, event) for person in evidence["inspectors"] for event in person.get("events", [])]


def _first_count(evidence: Evidence) -> tuple[dict[str, Any], str] | None:
    person = evidence["inspectors"][0]
    metric = next(iter(person.get("counts", {})), None)
    return None if metric is None else (person, metric)


def _same_record_other_spelling(evidence: Evidence, rules: isc.Ruleset) -> None:
    timed = [(p, e) for p, e in _events(evidence) if len(e["at"]) > 10]
    if timed:
        # 08:00 and 08:00:00 (or 08:00:00 and 08:00:00.0) are one moment.
        holder, first = timed[0]
        holder["events"].append({**first, "at": first["at"] + (":00" if len(first["at"]) == 16 else ".0")})


def _same_ref_other_kind(evidence: Evidence, rules: isc.Ruleset) -> None:
    for holder, event in _events(evidence)[:1]:
        kinds = sorted({m.kind for m in rules.metrics if m.kind and m.kind != event["kind"]})
        if kinds:
            holder["events"].append({**event, "kind": kinds[0]})


def _event_change(**change: Any) -> Any:
    """A spoiler setting fields of the first event."""

    def spoil(evidence: Evidence, rules: isc.Ruleset) -> None:
        for _, event in _events(evidence)[:1]:
            event.update(change)

    return spoil


def _date_only(evidence: Evidence, rules: isc.Ruleset) -> None:
    for _, event in _events(evidence)[:1]:
        event["at"] = event["at"][:10]


def _event_not_an_object(evidence: Evidence, rules: isc.Ruleset) -> None:
    for holder, event in _events(evidence)[:1]:
        holder["events"].append([event["kind"]])


def _count_change(value: object) -> Any:
    def spoil(evidence: Evidence, rules: isc.Ruleset) -> None:
        found = _first_count(evidence)
        if found is not None:
            found[0]["counts"][found[1]] = value

    return spoil


def _count_true(evidence: Evidence, rules: isc.Ruleset) -> None:
    for metric in rules.metrics[:1]:
        evidence["inspectors"][0].setdefault("counts", {})[metric.id] = True


def _count_also_by_events(evidence: Evidence, rules: isc.Ruleset) -> None:
    for holder, event in _events(evidence)[:1]:
        for metric in rules.metrics:
            if metric.kind == event["kind"]:
                holder.setdefault("counts", {})[metric.id] = 1


def _inspector_change(**change: Any) -> Any:
    def spoil(evidence: Evidence, rules: isc.Ruleset) -> None:
        evidence["inspectors"][0].update(change)

    return spoil


def _no_counts(evidence: Evidence, rules: isc.Ruleset) -> None:
    evidence["inspectors"][0].pop("counts", None)


def _same_id_twice(evidence: Evidence, rules: isc.Ruleset) -> None:
    evidence["inspectors"].append(dict(evidence["inspectors"][0]))


def _another_period(evidence: Evidence, rules: isc.Ruleset) -> None:
    evidence["assessment"]["period"] = "2021-04"


#: each way to change a file: the direct path must handle it exactly or decline
SPOILS: dict[str, Any] = {
    "nothing": lambda evidence, rules: None,
    "same record, other spelling": _same_record_other_spelling,
    "same ref, other kind": _same_ref_other_kind,
    "ref null": _event_change(ref=None),
    "blank note": _event_change(note="  "),
    "a note": _event_change(note="井下检查"),
    "a field not text": _event_change(level=1),
    "outside the period": _event_change(at="2021-04-01T08:00"),
    "unknown kind": _event_change(kind="xyz"),
    "no such day": _event_change(at="2021-03-32"),
    "a date where a time may be needed": _date_only,
    "an event not an object": _event_not_an_object,
    "events not a list": _inspector_change(events={}),
    "count true": _count_true,
    "count with decimals": _count_change(Decimal("2.25")),
    "count negative": _count_change(-1),
    "count as text": _count_change("3"),
    "a count also given by events": _count_also_by_events,
    "no counts": _no_counts,
    "same id twice": _same_id_twice,
    "mine null": _inspector_change(mine=None),
    "a mine": _inspector_change(mine="石花煤矿"),
    "an unknown key": _inspector_change(rank="一级"),
    "service ends before it starts": _inspector_change(serving_from="2021-03-20", serving_until="2021-03-10"),
    "leave overlapping": _inspector_change(
        leave=[{"from": "2021-03-02", "to": "2021-03-05"}, {"from": "2021-03-04", "to": "2021-03-06"}]
    ),
    "another period": _another_period,
}

#: ways to change a file's text: keys given twice (which a parsed object no longer shows),
#: and escapes (then the direct path parses as the records do)
TEXT_SPOILS: dict[str, Any] = {
    "a key twice": lambda text: text.replace('{"kind": ', '{"kind": "xyz", "kind": ', 1),
    "a key twice, the same value": lambda text: text.replace('"ref": "R', '"ref": "R0", "ref": "R', 1),
    "a key twice in the header": lambda text: text.replace(
        '"township": ', '"township": "某乡", "township": ', 1
    ),
    "a key twice in an inspector": lambda text: text.replace('{"id": ', '{"id": "X-9", "id": ', 1),
    "a name twice, the second without a value's quotes": lambda text: text.replace(
        '"counts": {', '"counts": {"a": 1, "a": 2, ', 1
    ),
    "escaped": lambda text: json.dumps(json.loads(text, parse_float=Decimal), ensure_ascii=True, default=str),
    "escaped, a key twice": lambda text: json.dumps(
        json.loads(text, parse_float=Decimal), ensure_ascii=True, default=str
    ).replace('{"kind": ', '{"kind": "xyz", "kind": ', 1),
    "a quote in a note": lambda text: text.replace('"ref": "R', '"note": "\\"好\\"", "ref": "R', 1),
}


def _spoil(evidence: Evidence, how: str, rules: isc.Ruleset) -> Evidence | str:
    """``evidence`` changed in one way (``SPOILS``, ``TEXT_SPOILS``), as a mapping or as JSON text."""
    if how in TEXT_SPOILS:
        result: str = TEXT_SPOILS[how](json.dumps(evidence, ensure_ascii=False, default=str))
        return result
    SPOILS[how](evidence, rules)
    return evidence


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=rules_and_events(), how=st.sampled_from(sorted(SPOILS) + sorted(TEXT_SPOILS)))
def test_the_direct_path_writes_what_the_record_path_writes_or_declines(
    case: tuple[isc.Ruleset, dict[str, Any]], how: str, tmp_path: Path
) -> None:
    rules, evidence = case
    path = write(tmp_path / "evidence.json", _spoil(evidence, how, rules))
    expected = record_path(rules, path)
    got = direct(rules, path)
    if expected is None:
        assert got is None, f"{how}: the record path rejects this, the direct path did not"
    elif got is not None:
        assert got == expected, how


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=rules_and_events())
def test_the_direct_path_takes_the_plain_evidence_it_exists_for(
    case: tuple[isc.Ruleset, dict[str, Any]], tmp_path: Path
) -> None:
    rules, evidence = case
    path = write(tmp_path / "evidence.json", evidence)
    expected = record_path(rules, path)
    assume(expected is not None)  # a generated rule file may not cover the period, or not every metric
    assert direct(rules, path) == expected


# -- hand-made cases -------------------------------------------------------------


def test_the_examples_and_generated_months_come_out_the_same(tmp_path: Path) -> None:
    from test_baseline import generate  # noqa: PLC0415 - benchmarks/generate.py, loaded by path

    rules = isc.default_rules()
    paths = sorted(EXAMPLES.glob("*.json"))
    for kind in ("counts", "events"):
        path = tmp_path / f"{kind}.json"
        generate.main(["--inspectors", "300", "--kind", kind, "--seed", "7", "--output", str(path)])
        paths.append(path)
    for path in paths:
        expected = record_path(rules, path)
        assert expected is not None, path
        assert direct(rules, path) == expected, path


def test_a_where_on_kind_matches_nothing_in_both_paths(tmp_path: Path) -> None:
    # Event.field names an event's own strings: ref, note and extra fields, never kind or at.
    rules = builders.rules(
        """
        [metrics.visits]
        title = "检查次数"
        count = "visit"

        [metrics.odd]
        title = "按种类筛选的检查"
        count = "visit"
        where = { kind = "visit", ref = "R1" }

        [[items]]
        id = "visits"
        title = "检查"
        points = 100

          [[items.rules]]
          id = "few"
          text = "少于2次扣5分"
          metric = "visits"
          below = 2
          fixed = 5

          [[items.rules]]
          id = "odd"
          text = "每次扣1分"
          metric = "odd"
          above = 0
          per = 1
        """
    )
    visit = {"kind": "visit", "at": "2021-03-02", "ref": "R1"}
    path = write(tmp_path / "evidence.json", builders.evidence(builders.inspector(events=[visit])))
    expected = record_path(rules, path)
    assert expected is not None
    assert '"rule": "few"' in expected  # one visit is too few
    assert '"rule": "odd"' not in expected  # and the where on kind matched nothing
    assert direct(rules, path) == expected


def test_the_same_ref_for_two_kinds_is_two_records(tmp_path: Path) -> None:
    rules = isc.default_rules()
    evidence = json.loads((EXAMPLES / "taiping-2021-03.json").read_text(encoding="utf-8"))
    events = evidence["inspectors"][0]["events"]
    events.append({"kind": "preshift_meeting", "at": "2021-03-03T07:30", "ref": events[0].get("ref", "X")})
    events.append({"kind": "safety_meeting", "at": "2021-03-03T07:30", "ref": events[0].get("ref", "X")})
    path = write(tmp_path / "evidence.json", evidence)
    expected = record_path(rules, path)
    assert expected is not None
    assert direct(rules, path) == expected


@pytest.mark.parametrize(
    "how",
    [
        "same record, other spelling",
        "a key twice",
        "ref null",
        "count true",
        "same id twice",
        "another period",
    ],
)
def test_the_command_says_what_the_records_say_when_the_direct_path_declines(
    how: str, tmp_path: Path, run_score: Run
) -> None:
    rules = isc.default_rules()
    evidence = json.loads((EXAMPLES / "taiping-2021-03.json").read_text(encoding="utf-8"))
    path = write(tmp_path / "evidence.json", _spoil(evidence, how, rules))
    assert direct(rules, path) is None
    with pytest.raises(isc.InvalidInputError) as caught:
        isc.score_evidence(rules, isc.load_evidence(path, rules=rules))
    run = run_score(path, "--format", "json")
    assert run.returncode == 1
    assert run.stdout == ""
    assert run.stderr == "".join(f"{problem}\n" for problem in caught.value.problems)


def test_the_installed_command_writes_what_the_library_writes(tmp_path: Path, run_score: Run) -> None:
    rules = isc.default_rules()
    for path in sorted(EXAMPLES.glob("*.json")):
        expected = record_path(rules, path)
        run = run_score(path, "--format", "json")
        assert (run.returncode, run.stdout, run.stderr) == (0, expected, "")
        out = tmp_path / f"{path.stem}.out.json"
        assert run_score(path, "--format", "json", "--output", out).returncode == 0
        assert out.read_text(encoding="utf-8") == expected


def _compact(name: str) -> str:
    """An example as one line, keys and values as json.dumps writes them (``"key": value``)."""
    return json.dumps(json.loads((EXAMPLES / name).read_text(encoding="utf-8")), ensure_ascii=False)


@pytest.mark.parametrize(
    ("example", "find", "twice"),
    [
        ("wuben-2021-03.json", '"township": ', '"township": "某乡", '),
        ("wuben-2021-03.json", '"role": ', '"role": "组长", '),
        ("wuben-2021-03.json", '"mine": ', '"mine": "某矿", '),
        ("wuben-2021-03.json", '"underground_entries": ', '"underground_entries": 15, '),
        ("taiping-2021-03.json", '"reason": ', '"reason": "病假", '),
        ("taiping-2021-03.json", '"at": ', '"at": "2021-03-02", '),
        ("taiping-2021-03.json", '"kind": "underground"', '"kind": "underground", "kind": "underground"'),
    ],
)
def test_a_key_given_twice_anywhere_is_left_to_the_records(
    example: str, find: str, twice: str, tmp_path: Path
) -> None:
    # The direct path parses plain dicts, which keep the last of a repeated key; it counts the
    # file's quotes against the names and strings it read, and declines when one is missing.
    rules = isc.default_rules()
    text = _compact(example)
    assert find in text
    path = write(tmp_path / "evidence.json", text.replace(find, twice, 1))
    assert record_path(rules, path) is None  # a duplicate key
    assert direct(rules, path) is None


def test_escaped_text_is_read_as_the_records_read_it(tmp_path: Path) -> None:
    rules = isc.default_rules()
    for example in ("wuben-2021-03.json", "taiping-2021-03.json"):
        data = json.loads((EXAMPLES / example).read_text(encoding="utf-8"))
        escaped = write(tmp_path / "escaped.json", json.dumps(data, ensure_ascii=True))
        assert "\\u" in escaped.read_text(encoding="utf-8")
        expected = record_path(rules, escaped)
        assert expected is not None
        assert direct(rules, escaped) == expected
        twice = write(
            tmp_path / "twice.json", escaped.read_text(encoding="utf-8").replace('"id": ', '"id": "X", ', 1)
        )
        assert record_path(rules, twice) is None
        assert direct(rules, twice) is None


def test_both_paths_write_the_same_newlines_whatever_the_platform(monkeypatch: pytest.MonkeyPatch) -> None:
    # On Windows standard output turns "\n" into "\r\n"; the direct path writes UTF-8 bytes, the
    # record path text. The command writes "\n" as it is for both, as --output does.
    from inspector_scoring import commands  # noqa: PLC0415

    example = EXAMPLES / "taiping-2021-03.json"

    def run(*args: str, stdin: bytes = b"") -> bytes:
        written = io.BytesIO()
        monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(written, encoding="utf-8", newline="\r\n"))
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
        assert commands.run(list(args)) == 0
        sys.stdout.flush()
        return written.getvalue()

    direct_bytes = run(str(example), "--format", "json")  # a file: the direct path
    record_bytes = run("-", "--format", "json", stdin=example.read_bytes())  # standard input: the records
    assert b"\r" not in direct_bytes
    assert direct_bytes.replace(b"<stdin>", b"") == record_bytes.replace(b"<stdin>", b"")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_pipe_is_read_once_and_its_problems_reported(tmp_path: Path, run_score: Run) -> None:
    # The direct path reads files only: were it to read a pipe and decline, the record path
    # would find it empty and report that instead of the real problem.
    evidence = json.loads((EXAMPLES / "taiping-2021-03.json").read_text(encoding="utf-8"))
    evidence["inspectors"][0]["id"] = ""
    pipe = tmp_path / "evidence.pipe"
    os.mkfifo(pipe)
    writer = threading.Thread(
        target=lambda: pipe.write_text(json.dumps(evidence, ensure_ascii=False), encoding="utf-8")
    )
    writer.start()
    run = run_score(pipe, "--format", "json")
    writer.join()
    assert run.returncode == 1
    assert run.stderr == f"{pipe}: inspectors[0].id: must not be empty\n"


def test_half_a_surrogate_pair_is_a_problem_and_a_whole_pair_a_character(
    tmp_path: Path, run_score: Run
) -> None:
    # "\ud800" alone decodes to no character: the file could be read, but no result written.
    rules = isc.default_rules()
    data = json.loads((EXAMPLES / "wuben-2021-03.json").read_text(encoding="utf-8"))
    data["inspectors"][1]["name"] = "孙\ud800"
    half = write(tmp_path / "half.json", json.dumps(data, ensure_ascii=True))
    assert direct(rules, half) is None
    for how in ("--format", "json"), ("--format", "markdown"):
        run = run_score(half, *how)
        assert (run.returncode, run.stdout) == (1, "")
        message = "is not Unicode text: it holds \\ud800, half of a UTF-16 surrogate pair"
        assert run.stderr == f"{half}: inspectors[1].name: {message}\n"
    data["inspectors"][1]["name"] = "孙\U0001f600"  # written as the pair \ud83d\ude00
    whole = write(tmp_path / "whole.json", json.dumps(data, ensure_ascii=True))
    assert "\\ud83d\\ude00" in whole.read_text(encoding="utf-8")
    expected = record_path(rules, whole)
    assert expected is not None
    assert direct(rules, whole) == expected

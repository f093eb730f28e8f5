"""The checks of an evidence file: one implementation, whatever the file looks like.

The check stage (``evidence/check.py``) takes an inspector's plainly valid
events in a few passes (the short loop, as these tests call it) and sends
anything else through the full checks, which say what is wrong; it reads a
file's text with plain objects and finds a key given twice by counting the
file's strings. None of that may change an answer: on generated
rule files and evidence, spoilt on purpose, the short loop accepts only what
the full checks accept, and a file, the same evidence as a mapping and as
records all score alike or are refused with the same problems.
"""

from __future__ import annotations

import io
import json
import os
import sys
import threading
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import builders
import inspector_scoring as isc
from conftest import Run
from inspector_scoring.errors import Collector
from inspector_scoring.evidence.check import Check, _report_events
from strategies import rules_and_events

EXAMPLES = Path(__file__).parent.parent / "examples"


def outcome(rules: isc.Ruleset, source: object) -> tuple[str, ...] | str:
    """The JSON result of scoring ``source``, or its problems (without the file's name)."""
    try:
        text = isc.result_to_json(isc.score_file(source, rules=rules))  # type: ignore[arg-type]
    except isc.InvalidInputError as error:
        return tuple(f"{problem.path}: {problem.message}" for problem in error.problems)
    # The name and fingerprint of the input differ between a file and a mapping.
    result = json.loads(text)
    result["evidence"]["sha256"] = ""
    return json.dumps(result, ensure_ascii=False)


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


def _until_change(seconds: float, form: str = "%Y-%m-%dT%H:%M:%S") -> Any:
    """A spoiler giving the first event with a time of day an exit ``seconds`` after it, written
    in ``form`` (strftime)."""

    def spoil(evidence: Evidence, rules: isc.Ruleset) -> None:
        for _, event in _events(evidence):
            if len(event["at"]) > 10:
                start = datetime.fromisoformat(event["at"])
                event["until"] = (start + timedelta(seconds=seconds)).strftime(form)
                return

    return spoil


def _until_on_a_date(evidence: Evidence, rules: isc.Ruleset) -> None:
    for _, event in _events(evidence)[:1]:
        event["until"] = event["at"][:10] + "T23:00:00"
        event["at"] = event["at"][:10]


def _until_without_at(evidence: Evidence, rules: isc.Ruleset) -> None:
    for _, event in _events(evidence)[:1]:
        event["until"] = event.pop("at")[:10] + "T23:00:00"


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
    "a field empty": _event_change(note=""),
    "a field null": _event_change(level=None),
    "a field a list": _event_change(note=["井下"]),
    "outside the period": _event_change(at="2021-04-01T08:00"),
    "unknown kind": _event_change(kind="xyz"),
    "no such day": _event_change(at="2021-03-32"),
    "a date where a time may be needed": _date_only,
    "an event not an object": _event_not_an_object,
    "an until before at": _until_change(-1),
    "an until a day and a second after at": _until_change(86401),
    "an until without seconds": _until_change(7200, "%Y-%m-%dT%H:%M"),
    "an until with a fraction of a second": _until_change(7199.5, "%Y-%m-%dT%H:%M:%S.%f"),
    "an until of another form": _until_change(7200, "%Y-%m-%d %H:%M:%S"),
    "an until null": _event_change(until=None),
    "an until on an event of a date alone": _until_on_a_date,
    "an until and no at": _until_without_at,
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
@given(case=rules_and_events(), how=st.sampled_from(sorted(SPOILS)))
def test_the_short_loop_accepts_only_what_the_full_checks_accept(
    case: tuple[isc.Ruleset, dict[str, Any]], how: str
) -> None:
    """Events the short loop takes, the full checks take too, grouped alike."""
    rules, evidence = case
    spoilt = _spoil(evidence, how, rules)
    assert isinstance(spoilt, dict)
    check = Check(spoilt, rules, source="e.json", owned=False)
    for person in spoilt["inspectors"]:
        events = person.get("events")
        if not isinstance(events, list):
            continue
        plain = check._plain_events(events)
        if plain is not None:
            groups, _ = plain  # (and how long the entries with an exit it read lasted)
            problems = Collector("e.json")
            before = len(check.problems)
            assert _report_events(check, "inspectors[0]", events, problems) == groups, how
            assert problems.problems == [], how
            assert len(check.problems) == before, how


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=rules_and_events(), how=st.sampled_from(sorted(SPOILS) + sorted(TEXT_SPOILS)))
def test_a_file_and_the_same_evidence_as_a_mapping_come_out_alike(
    case: tuple[isc.Ruleset, dict[str, Any]], how: str, tmp_path: Path
) -> None:
    """The file (read with plain objects, its keys counted) and the mapping give one answer."""
    rules, evidence = case
    spoilt = _spoil(evidence, how, rules)
    path = write(tmp_path / "evidence.json", spoilt)
    from_file = outcome(rules, path)
    text = path.read_text(encoding="utf-8")
    try:
        repeated = _repeated_keys(text)
    except ValueError:  # the change made it no JSON at all
        assert isinstance(from_file, tuple), how
        assert len(from_file) == 1, how
        assert "invalid JSON" in from_file[0], how
        return
    if repeated:
        assert isinstance(from_file, tuple), how
        assert any(problem.endswith(": duplicate key") for problem in from_file), how
        return
    assert from_file == outcome(rules, json.loads(text, parse_float=Decimal)), how


def _repeated_keys(text: str) -> bool:
    """Whether some object of the JSON text gives a key twice (a ValueError if it is no JSON)."""
    found: list[str] = []

    def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [key for key, _ in pairs]
        found.extend(key for key in set(keys) if keys.count(key) > 1)
        return dict(pairs)

    json.loads(text, object_pairs_hook=hook, parse_float=Decimal)
    return bool(found)


@settings(max_examples=100, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=rules_and_events())
def test_records_score_as_the_file_they_were_loaded_from(
    case: tuple[isc.Ruleset, dict[str, Any]], tmp_path: Path
) -> None:
    """Evidence loaded as records and scored gives the file's result."""
    rules, evidence = case
    path = write(tmp_path / "evidence.json", evidence)
    from_file = outcome(rules, path)
    if isinstance(from_file, tuple):
        return  # refused: the records cannot be loaded either
    records = isc.load_evidence(path, rules=rules)
    assert outcome(rules, records) == from_file


# -- hand-made cases -------------------------------------------------------------


def test_a_where_on_kind_matches_nothing() -> None:
    """A ``where`` naming ``kind`` or ``at`` matches no event: those are not fields."""
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
    (result,) = isc.score_file(builders.evidence(builders.inspector(events=[visit])), rules=rules).results
    assert [hit.rule for hit in result.hits] == ["few"]  # one visit is too few; "odd" matched nothing


def test_the_same_ref_for_two_kinds_is_two_records(tmp_path: Path) -> None:
    """A ref shared by events of two kinds is two records, not the same one twice."""
    rules = isc.default_rules()
    evidence = json.loads((EXAMPLES / "taiping-2021-03.json").read_text(encoding="utf-8"))
    events = evidence["inspectors"][0]["events"]
    events.append({"kind": "preshift_meeting", "at": "2021-03-03T07:30", "ref": events[0].get("ref", "X")})
    events.append({"kind": "safety_meeting", "at": "2021-03-03T07:30", "ref": events[0].get("ref", "X")})
    path = write(tmp_path / "evidence.json", evidence)
    assert not isinstance(outcome(rules, path), tuple)


def test_the_same_record_in_another_spelling_is_the_same_record(tmp_path: Path) -> None:
    """08:00 and 08:00:00 are one moment: the same kind, moment and ref twice is one record twice."""
    rules = isc.default_rules()
    evidence = json.loads((EXAMPLES / "taiping-2021-03.json").read_text(encoding="utf-8"))
    events = evidence["inspectors"][0]["events"]
    events.append({"kind": "underground", "at": "2021-03-09T08:00", "ref": "DUP-1"})
    events.append({"kind": "underground", "at": "2021-03-09T08:00:00", "ref": "DUP-1"})
    n = len(events) - 1
    problems = outcome(rules, write(tmp_path / "evidence.json", evidence))
    assert problems == (
        f"inspectors[0].events[{n}]: the same record as events[{n - 1}] (same kind, at and ref)",
    )


def test_the_installed_command_writes_what_the_library_writes(tmp_path: Path, run_score: Run) -> None:
    """``score FILE --format json`` is the library's result JSON, on standard output and in a file."""
    rules = isc.default_rules()
    for path in sorted(EXAMPLES.glob("*.json")):
        expected = isc.result_to_json(isc.score_file(path, rules=rules))
        run = run_score(path, "--format", "json")
        assert (run.returncode, run.stdout, run.stderr) == (0, expected, "")
        out = tmp_path / f"{path.stem}.out.json"
        assert run_score(path, "--format", "json", "--output", out).returncode == 0
        assert out.read_text(encoding="utf-8") == expected


def _compact(name: str) -> str:
    """An example as one line, keys and values as json.dumps writes them (``"key": value``)."""
    return json.dumps(json.loads((EXAMPLES / name).read_text(encoding="utf-8")), ensure_ascii=False)


@pytest.mark.parametrize(
    ("example", "find", "twice", "where"),
    [
        ("wuben-2021-03.json", '"township": ', '"township": "某乡", "township": ', "assessment.township"),
        ("wuben-2021-03.json", '"role": ', '"role": "组长", "role": ', "assessment.panel[0].role"),
        ("wuben-2021-03.json", '"mine": ', '"mine": "某矿", "mine": ', "inspectors[0].mine"),
        (
            "wuben-2021-03.json",
            '"underground_entries": ',
            '"underground_entries": 15, "underground_entries": ',
            "inspectors[0].counts.underground_entries",
        ),
        (
            "taiping-2021-03.json",
            '"reason": ',
            '"reason": "病假", "reason": ',
            "inspectors[2].leave[0].reason",
        ),
        ("taiping-2021-03.json", '"at": ', '"at": "2021-03-02", "at": ', "inspectors[0].events[0].at"),
        (
            "taiping-2021-03.json",
            '"kind": "underground"',
            '"kind": "underground", "kind": "underground"',
            "inspectors[0].events[3].kind",
        ),
    ],
)
def test_a_key_given_twice_anywhere_is_named_where_it_is(
    example: str, find: str, twice: str, where: str, tmp_path: Path
) -> None:
    """A file read with plain objects keeps the last of a repeated key; counting the file's
    strings against those read finds it, and the file is read again to name it."""
    rules = isc.default_rules()
    text = _compact(example)
    assert find in text
    path = write(tmp_path / "evidence.json", text.replace(find, twice, 1))
    assert outcome(rules, path) == (f"{where}: duplicate key",)


def test_escaped_text_is_read_as_plain_text_is(tmp_path: Path) -> None:
    """A file with its Chinese escaped (``\\u4e2d``) scores as the same file unescaped."""
    rules = isc.default_rules()
    for example in ("wuben-2021-03.json", "taiping-2021-03.json"):
        data = json.loads((EXAMPLES / example).read_text(encoding="utf-8"))
        escaped = write(tmp_path / "escaped.json", json.dumps(data, ensure_ascii=True))
        assert "\\u" in escaped.read_text(encoding="utf-8")
        assert outcome(rules, escaped) == outcome(rules, EXAMPLES / example)
        twice = write(
            tmp_path / "twice.json",
            escaped.read_text(encoding="utf-8").replace('"id": ', '"id": "X", "id": ', 1),
        )
        assert outcome(rules, twice) == ("inspectors[0].id: duplicate key",)


def test_the_result_has_the_same_newlines_whatever_the_platform(monkeypatch: pytest.MonkeyPatch) -> None:
    """On Windows standard output turns "\\n" into "\\r\\n"; the command writes "\\n" as it is,
    as --output does, whether it read a file or standard input."""
    from inspector_scoring.cli import commands  # noqa: PLC0415

    example = EXAMPLES / "taiping-2021-03.json"

    def run(*args: str, stdin: bytes = b"") -> bytes:
        written = io.BytesIO()
        monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(written, encoding="utf-8", newline="\r\n"))
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
        assert commands.run(list(args)) == 0
        sys.stdout.flush()
        return written.getvalue()

    from_file = run(str(example), "--format", "json")
    from_stdin = run("-", "--format", "json", stdin=example.read_bytes())
    assert b"\r" not in from_file
    assert from_file == from_stdin


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_pipe_is_read_once_and_its_problems_reported(tmp_path: Path, run_score: Run) -> None:
    """A named pipe can be read once: its problems are reported, not that it is empty."""
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
    """ "\\ud800" alone decodes to no character: the file could be read, but no result written."""
    rules = isc.default_rules()
    data = json.loads((EXAMPLES / "wuben-2021-03.json").read_text(encoding="utf-8"))
    data["inspectors"][1]["name"] = "孙\ud800"
    half = write(tmp_path / "half.json", json.dumps(data, ensure_ascii=True))
    for how in ("--format", "json"), ("--format", "markdown"):
        run = run_score(half, *how)
        assert (run.returncode, run.stdout) == (1, "")
        message = "is not Unicode text: it holds \\ud800, half of a UTF-16 surrogate pair"
        assert run.stderr == f"{half}: inspectors[1].name: {message}\n"
    data["inspectors"][1]["name"] = "孙\U0001f600"  # written as the pair \ud83d\ude00
    whole = write(tmp_path / "whole.json", json.dumps(data, ensure_ascii=True))
    assert "\\ud83d\\ude00" in whole.read_text(encoding="utf-8")
    assert not isinstance(outcome(rules, whole), tuple)

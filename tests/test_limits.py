"""Limits, verify and what messages show: hostile and extreme input gives problems, never a
traceback, a hang or a false "matches" (issue 15; the bounds are listed in docs/reliability.md)."""

from __future__ import annotations

import copy
import json
import os
import re
import shlex
import shutil
import subprocess
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import inspector_scoring as isc
from conftest import EXAMPLES, ROOT, Run, score_executable
from inspector_scoring.files import read_bytes
from inspector_scoring.i18n import quote, use_language, visible
from inspector_scoring.jsontext import dumps
from inspector_scoring.rules.load import rule_files
from inspector_scoring.workdays import notice_period

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SMALL = FIXTURES / "rules" / "small.toml"
MINIMAL = FIXTURES / "evidence" / "minimal.json"
TAIPING = EXAMPLES / "taiping-2021-03.json"


def _evidence() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(MINIMAL.read_text(encoding="utf-8"))
    return loaded


def _problems(source: object, *, rules: isc.Ruleset | None = None) -> list[str]:
    """The problems of scoring ``source`` as English lines (it must be refused)."""
    with pytest.raises(isc.InvalidInputError) as caught:
        isc.score_evidence(rules or isc.load_rules(SMALL), source)  # type: ignore[arg-type]
    return caught.value.lines("en")


# -- what a message shows -----------------------------------------------------------


def test_a_file_with_bad_events_is_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Events with problems (an exit before its entry, a kind that is no text) are counted in the
    file's strings like any other: a file whose keys are each given once is not read a second
    time to look for a repeated key (10^5 bad events took twice as long). A key that is given
    twice still is found."""
    from inspector_scoring.evidence import read  # noqa: PLC0415

    events: list[dict[str, Any]] = [
        {"kind": "underground", "at": "2021-03-05T10:00:00", "until": "2021-03-05T09:00:00"}
    ] * 3
    events.append({"kind": 7, "at": "2021-03-05", "ref": "R-1"})
    data = {
        "schema": 1,
        "assessment": {"township": "太平乡", "period": "2021-03"},
        "inspectors": [{"id": "A", "name": "甲", "events": events}],
    }
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    exact = read.parse_json_exact
    read_again: list[str] = []

    def counted(data: bytes, name: str) -> object:
        read_again.append(name)
        return exact(data, name)

    monkeypatch.setattr("inspector_scoring.evidence.load.parse_json_exact", counted)
    with pytest.raises(isc.InvalidInputError) as raised:
        isc.score_file(path)
    assert len(raised.value.problems) == 4
    assert read_again == []
    path.write_text(
        json.dumps(data, ensure_ascii=False).replace('"ref": "R-1"', '"ref": "R-1", "ref": "R-2"')
    )
    with pytest.raises(isc.InvalidInputError) as raised:
        isc.score_file(path)
    assert read_again == [str(path)]
    assert "inspectors[0].events[3].ref: duplicate key" in str(raised.value)


def test_visible_escapes_what_a_terminal_would_obey() -> None:
    """ESC, C1 CSI, BEL, BS, CR, NUL and U+202E are written as escapes; Chinese text stays."""
    assert visible("a\x1b[31mb\x9bc\x07\x08\r\x00\u202e张") == "a\\x1b[31mb\\x9bc\\x07\\x08\\r\\x00\\u202e张"


def test_quote_cuts_long_values() -> None:
    """A quoted value is cut to 60 characters, with its quotes and an ellipsis."""
    shown = quote("张" * 100)
    assert shown == '"' + "张" * 57 + '..."'
    assert quote('a"b\\c') == '"a\\"b\\\\c"'


def test_problem_lines_show_a_hostile_file_name_and_key() -> None:
    """A file name and a key path holding control characters are shown escaped in both languages."""
    problem = isc.Problem(
        "ev\x1b[2J.json", 'inspectors[0]."\x9b"', "unknown key", "key.unknown", (("hint", ""),)
    )
    assert str(problem) == 'ev\\x1b[2J.json: inspectors[0]."\\x9b": unknown key'
    assert problem.text("zh").startswith('ev\\x1b[2J.json: inspectors[0]."\\x9b": ')


def test_score_check_shows_control_characters(run_score: Run, tmp_path: Path) -> None:
    """`score check` writes BEL, BS, CR and ESC of a rule file's texts as escapes."""
    text = SMALL.read_text(encoding="utf-8").replace(
        'title = "测试细则"', 'title = "测试\\u0007细则\\b\\r\\u001b[2J\\u202e"'
    )
    rules = tmp_path / "rules.toml"
    rules.write_text(text, encoding="utf-8")
    done = run_score("check", rules)
    assert done.returncode == 0, done.stderr
    assert "测试\\x07细则\\x08\\r\\x1b[2J\\u202e (fixture-small, version 1)" in done.stdout.splitlines()
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]", done.stdout)


# -- the library's mappings get the checks a file gets --------------------------------


@pytest.mark.parametrize(
    ("where", "value", "expected"),
    [
        (
            ("inspectors", 0, "name"),
            "\ud800x",
            "inspectors[0].name: is not Unicode text: it holds \\ud800, half",
        ),
        (("assessment", "township"), "\udc00", "assessment.township: is not Unicode text: it holds \\udc00"),
    ],
)
def test_mapping_with_a_half_surrogate(where: tuple[Any, ...], value: str, expected: str) -> None:
    """Half of a surrogate pair in a caller's mapping is a problem at its path, not UnicodeEncodeError."""
    evidence = _evidence()
    target: Any = evidence
    for part in where[:-1]:
        target = target[part]
    target[where[-1]] = value
    (line,) = _problems(evidence)
    assert line.startswith(f"<evidence>: {expected}")


@pytest.mark.parametrize("key", [5, None, (1, 2), Decimal(1)])
def test_mapping_with_a_key_that_is_no_text(key: object) -> None:
    """A key that is no string anywhere in a caller's mapping is a problem, never a TypeError."""
    for place in ("counts", "event"):
        evidence = _evidence()
        inspector = evidence["inspectors"][0]
        (inspector["counts"] if place == "counts" else inspector["events"][0])[key] = 1
        lines = _problems(evidence)
        assert len(lines) == 1
        assert ": keys must be strings, got " in lines[0]


def test_mapping_nested_too_deep() -> None:
    """A mapping nested deeper than 64 levels is refused at the place the bound is passed."""
    evidence = _evidence()
    deep: list[Any] = []
    for _ in range(5000):
        deep = [deep]
    evidence["inspectors"][0]["events"][0]["extra"] = deep
    (line,) = _problems(evidence)
    assert line.startswith("<evidence>: inspectors[0].events[0].extra[0]")
    assert line.endswith(": nests arrays and objects too deep: at most 64 levels")


def test_mapping_with_a_key_of_more_digits_than_python_writes() -> None:
    """A key 10**5000 (str() refuses to write it) is told like any key that is no text."""
    evidence = _evidence()
    evidence["assessment"][10**5000] = 1
    assert _problems(evidence) == [
        '<evidence>: assessment."1.000e+5000": keys must be strings, got 1.000e+5000'
    ]


def test_mapping_sharing_a_list_everywhere_is_walked_once_per_list() -> None:
    """x = [y, y], y = [z, z], … 70 times holds 2**70 paths: each list is walked once, from its
    shallowest place, so the depth bound is said once, at once; a list that holds itself is
    infinitely deep. The same for a rule file's mapping and a result given to verify."""
    shared: list[Any] = []
    for _ in range(70):
        shared = [shared, shared]
    evidence = _evidence()
    evidence["inspectors"][0]["events"][0]["extra"] = shared
    (line,) = _problems(evidence)
    assert line.endswith(": nests arrays and objects too deep: at most 64 levels")
    chain: list[list[Any]] = [[] for _ in range(40)]
    for n in range(39):  # each holds itself and twice the next: each is said once, in time
        chain[n] += [chain[n], chain[n + 1], chain[n + 1]]
    evidence["inspectors"][0]["events"][0]["extra"] = chain[0]
    assert len(_problems(evidence)) == 39
    itself: list[Any] = []
    itself.append(itself)
    evidence["inspectors"][0]["events"][0]["extra"] = itself
    assert _problems(evidence) == [
        "<evidence>: inspectors[0].events[0].extra[0]: nests arrays and objects too deep: at most 64 levels"
    ]
    raw = __import__("tomllib").loads(SMALL.read_text(encoding="utf-8"))
    raw["ruleset"]["basis"] = shared
    with pytest.raises(isc.InvalidInputError):
        isc.load_rules(raw)
    with pytest.raises(isc.InvalidInputError):
        isc.verify_result({"schema": 1, "results": shared}, isc.score_file(TAIPING))


def test_a_long_plain_key_is_cut_in_the_key_path() -> None:
    """An unknown key of 2,000,000 plain letters: the key path shows it quoted and cut as any
    value (it was written whole, a 2 MB line)."""
    evidence = _evidence()
    evidence["assessment"]["a" * 2_000_000] = 1
    (line,) = _problems(evidence)
    assert line == '<evidence>: assessment."' + "a" * 57 + '...": unknown key'


def test_only_the_first_hundred_problems_get_a_did_you_mean() -> None:
    """150 misspelt event kinds: the first 100 get "did you mean" (a comparison with every kind
    each), the rest the list of known kinds; 50,000 of them took seconds of suggesting."""
    evidence = _evidence()
    evidence["inspectors"][0]["events"] = [
        {"kind": f"undergroun{n}", "at": "2021-03-02T08:00:00", "ref": f"r{n}"} for n in range(150)
    ]
    lines = _problems(evidence)
    assert len(lines) == 150
    assert sum('did you mean "underground"?' in line for line in lines) == 100
    assert all("did you mean" in line for line in lines[:100])
    assert all("; known kinds: " in line for line in lines[100:])


def test_mapping_with_a_huge_whole_number() -> None:
    """10**5000 as a count is too large (its message shortened), not an OverflowError."""
    evidence = _evidence()
    evidence["inspectors"][0]["counts"]["trainings"] = 10**5000
    assert _problems(evidence) == [
        "<evidence>: inspectors[0].counts.trainings: is too large: at most 1000000000000, got 1.000e+5000"
    ]


def test_rules_mapping_gets_the_file_checks() -> None:
    """Rules given as a mapping: a key that is no text and a half surrogate are problems."""
    raw = __import__("tomllib").loads(SMALL.read_text(encoding="utf-8"))
    raw["ruleset"]["title"] = "\ud800"
    raw["metrics"][7] = {"title": "x"}
    with pytest.raises(isc.InvalidInputError) as caught:
        isc.load_rules(raw)
    assert caught.value.lines("en") == [
        "<rules>: ruleset.title: is not Unicode text: it holds \\ud800, half of a UTF-16 surrogate pair",
        '<rules>: metrics."7": keys must be strings, got 7',
    ]


def test_rules_text_with_a_half_surrogate() -> None:
    """loads_rules of text holding half a surrogate pair is a problem, not UnicodeEncodeError."""
    with pytest.raises(isc.InvalidInputError) as caught:
        isc.loads_rules("schema = 1\n# \ud800\n")
    assert caught.value.lines("en") == [
        "<string>: is not Unicode text: it holds \\ud800, half of a UTF-16 surrogate pair"
    ]


# -- sizes and the calendar ----------------------------------------------------------


def test_file_size_is_checked_before_reading(tmp_path: Path) -> None:
    """A file larger than the bound is refused by its size, in both languages."""
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (2 << 20))
    with pytest.raises(isc.InvalidInputError) as caught:
        read_bytes(str(big), most=1 << 20)
    assert caught.value.lines("en") == [f"{big}: is larger than this program reads: at most 1 MiB"]
    assert caught.value.lines("zh") == [f"{big}: 文件过大，本程序最多读取1 MiB"]


def test_rule_file_size(tmp_path: Path) -> None:
    """A rule file over 16 MiB is refused before it is parsed."""
    big = tmp_path / "big.toml"
    big.write_bytes(b"#" * ((16 << 20) + 1))
    with pytest.raises(isc.InvalidInputError) as caught:
        isc.load_rules(big)
    assert caught.value.lines("en") == [f"{big}: is larger than this program reads: at most 16 MiB"]


def test_notice_period_guards_the_end_of_the_calendar() -> None:
    """A notice period starting after 9999-09-01 is refused (a ValueError, never an OverflowError)."""
    from datetime import date  # noqa: PLC0415

    assert notice_period(date(9999, 9, 1), 30).last.year == 9999
    with pytest.raises(ValueError, match="must start by 9999-09-01"):
        notice_period(date(9999, 12, 31), 5)


@pytest.mark.parametrize(
    ("args", "english", "chinese"),
    [
        (
            ["--publish-on", "9999-12-31"],
            "argument --publish-on: a notice period must start by 9999-09-01, got 9999-12-31",
            "公示期最晚须于9999-09-01开始，填的是9999-12-31",
        ),
        (
            ["--width", "99999999"],
            "argument --width: must be at most 1000, got '99999999'",
            "不能大于1000，填的是'99999999'",
        ),
        (
            ["--width", "9" * 100000],
            "argument --width: must be at most 1000, got '99999999999999999...'",
            "不能大于1000，填的是'99999999999999999...'",
        ),
    ],
)
def test_option_bounds(run_score: Run, args: list[str], english: str, chinese: str) -> None:
    """--publish-on near the calendar's end and a huge --width are usage errors (exit 2), at once."""
    done = run_score(MINIMAL, "--rules", SMALL, *args, "--lang", "en")
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1] == f"score: error: {english}"
    done = run_score(MINIMAL, "--rules", SMALL, *args, "--lang", "zh")
    assert done.returncode == 2
    assert chinese in done.stderr.splitlines()[-1]


# -- score verify compares the whole result ------------------------------------------------


@pytest.fixture(scope="module")
def published() -> tuple[isc.Assessment, dict[str, Any]]:
    """A fresh result of the 太平乡 example, as the assessment and as its JSON tree."""
    assessment = isc.score_file(TAIPING)
    return assessment, json.loads(isc.result_to_json(assessment), parse_float=Decimal)


def _verify(assessment: isc.Assessment, tree: object) -> tuple[str, ...]:
    use_language("en")
    try:
        return isc.verify_result(tree, assessment, source="result.json")
    finally:
        use_language(None)


def test_verify_matches_a_fresh_result(published: tuple[isc.Assessment, dict[str, Any]]) -> None:
    """The result as written verifies: no difference."""
    assessment, tree = published
    assert _verify(assessment, tree) == ()


def test_verify_two_names_swapped(published: tuple[isc.Assessment, dict[str, Any]]) -> None:
    """Two inspectors' names swapped: two differences, each named by its key path."""
    assessment, tree = published
    forged = copy.deepcopy(tree)
    first, second = forged["results"][0]["inspector"], forged["results"][1]["inspector"]
    first["name"], second["name"] = second["name"], first["name"]
    found = _verify(assessment, forged)
    assert [line.split(": the result says")[0] for line in found] == [
        "TP-01: results[0].inspector.name",
        "TP-02: results[1].inspector.name",
    ]


def test_verify_a_veto_deleted(published: tuple[isc.Assessment, dict[str, Any]]) -> None:
    """A triggered veto left out of the published result is a difference at its place."""
    assessment, tree = published
    forged = copy.deepcopy(tree)
    n = next(i for i, entry in enumerate(forged["results"]) if entry["vetoes"])
    veto = forged["results"][n]["vetoes"].pop(0)
    found = _verify(assessment, forged)
    who = forged["results"][n]["inspector"]["id"]
    assert found[0].startswith(f"{who}: results[{n}].vetoes[0]: missing from the result; recomputed ")
    assert veto["id"] in found[0]


def test_verify_a_forged_entry_before_the_real_one(published: tuple[isc.Assessment, dict[str, Any]]) -> None:
    """A forged copy of an inspector placed before the real one is invalid: an inspector twice."""
    assessment, tree = published
    forged = copy.deepcopy(tree)
    fake = copy.deepcopy(forged["results"][0])
    fake["total"] = Decimal("100.0")
    forged["results"].insert(0, fake)
    with pytest.raises(isc.InvalidInputError) as caught:
        _verify(assessment, forged)
    assert caught.value.lines("en") == [
        "result.json: results[1].inspector.id: "
        'duplicate inspector id "TP-01" (first at results[0].inspector.id)'
    ]


def test_verify_an_inspector_moved(published: tuple[isc.Assessment, dict[str, Any]]) -> None:
    """The order is part of the result: two inspectors swapped whole are differences."""
    assessment, tree = published
    forged = copy.deepcopy(tree)
    forged["results"][0], forged["results"][1] = forged["results"][1], forged["results"][0]
    found = _verify(assessment, forged)
    assert 'TP-01: results[0].inspector.id: the result says "TP-02", recomputed "TP-01"' in found


def _first_hit(result: dict[str, Any]) -> dict[str, Any]:
    """The first hit with refs of a result tree (to change it)."""
    for entry in result["results"]:
        for item in entry["items"]:
            for hit in item["hits"][:1]:
                if hit.get("refs"):
                    found: dict[str, Any] = hit
                    return found
    raise AssertionError("no hit with refs")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda r: _first_hit(r)["refs"].pop(), "].hits[0].refs["),
        (lambda r: _first_hit(r).update(explanation="x"), "].hits[0].explanation"),
        (lambda r: r["results"][0].update(duty_days=1), "results[0].duty_days"),
        (lambda r: r["results"][0]["bonus"].update(applied=Decimal(5)), "results[0].bonus.applied"),
        (lambda r: r["results"][0]["inspector"].update(mine="x"), "results[0].inspector.mine"),
        (lambda r: r["results"][0]["items"][0].update(exhausted=1), "results[0].items[0].exhausted"),
        (lambda r: r["ruleset"].update(title="x"), "ruleset.title"),
        (lambda r: r["evidence"].update(period="2021-04"), "evidence.period"),
        (lambda r: r.update(extra=1), "extra"),
        (lambda r: r["results"].pop(), "results[7]"),
    ],
)
def test_verify_every_part(
    published: tuple[isc.Assessment, dict[str, Any]], change: Any, expected: str
) -> None:
    """Any part of the result changed (refs, sentences, duty days, bonus, mine, headers) is named."""
    assessment, tree = published
    forged = copy.deepcopy(tree)
    change(forged)
    found = _verify(assessment, forged)
    assert found
    assert any(expected in line for line in found), found


def test_verify_a_key_given_twice(run_score: Run, tmp_path: Path) -> None:
    """A result giving a key twice (the last would win) is invalid input, exit 1, in both languages."""
    result = tmp_path / "result.json"
    assert run_score(TAIPING, "--format", "json", "--output", result).returncode == 0
    text = result.read_text(encoding="utf-8")
    text = text.replace('"total": ', '"total": 100.0, "total": ', 1)
    result.write_text(text, encoding="utf-8")
    done = run_score("verify", result, TAIPING, "--lang", "en")
    assert done.returncode == 1
    assert done.stderr.splitlines() == [f"{result}: results[0].total: duplicate key"]
    assert done.stdout == ""


def test_verify_differences_in_chinese(run_score: Run, tmp_path: Path) -> None:
    """The differences are written in Chinese with --lang zh, key paths and values as they are."""
    result = tmp_path / "result.json"
    assert run_score(TAIPING, "--format", "json", "--output", result).returncode == 0
    tree = json.loads(result.read_text(encoding="utf-8"), parse_float=Decimal)
    tree["results"][0]["inspector"]["name"] = "假名"
    result.write_text(dumps(tree), encoding="utf-8")
    done = run_score("verify", result, TAIPING, "--lang", "zh")
    assert done.returncode == 3
    assert done.stdout.splitlines()[1].startswith(
        '  TP-01: results[0].inspector.name: 结果中为"假名"，重新计算为"'
    )


def test_verify_a_result_nested_too_deep(run_score: Run, tmp_path: Path) -> None:
    """A result nested beyond what is read is invalid input (exit 1), never a RecursionError."""
    result = tmp_path / "result.json"
    result.write_text('{"schema": 1, "x": ' + "[" * 100000 + "]" * 100000 + "}", encoding="utf-8")
    done = run_score("verify", result, TAIPING)
    assert done.returncode == 1
    assert done.stderr == f"{result}: nests arrays and objects too deep: at most 64 levels\n"


# -- a folder of rule files, and the README ---------------------------------------------


def test_a_rule_folder_skips_case_files(tmp_path: Path) -> None:
    """`*.tests.toml` beside the rule files are case files, never read as rule files."""
    shutil.copy(ROOT / "rules" / "default.toml", tmp_path / "default.toml")
    shutil.copy(ROOT / "rules" / "default.tests.toml", tmp_path / "default.tests.toml")
    assert [path.name for path in rule_files(str(tmp_path))] == ["default.toml"]
    assessment = isc.score_file(TAIPING, rules=tmp_path)
    assert assessment.ruleset.source.endswith("default.toml")


def _readme_commands() -> list[str]:
    """The `score …` lines of the README's shell blocks (comments dropped)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = []
    for block in re.findall(r"```(?:sh|bash|shell)?\n(.*?)```", text, flags=re.S):
        for written in block.splitlines():
            line = written.split("  #")[0].strip()
            if line.startswith("score "):
                commands.append(line)
    return commands


def test_the_readme_commands_run(run_score: Run, tmp_path: Path) -> None:
    """Every `score …` line of the README runs, in a folder laid out as it assumes, exit 0."""
    commands = _readme_commands()
    assert len(commands) >= 8, commands
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    shutil.copy(TAIPING, tmp_path / "march.json")
    year = json.loads(TAIPING.read_text(encoding="utf-8"))
    for month in range(1, 13):
        monthly = copy.deepcopy(year)
        monthly["assessment"]["period"] = f"2021-{month:02d}"
        monthly["assessment"].pop("assessed_on", None)
        for inspector in monthly["inspectors"]:
            inspector.pop("events", None)
            inspector.pop("leave", None)
            inspector.pop("serving_from", None)
            inspector.pop("serving_until", None)
            inspector["counts"] = {metric.id: 0 for metric in isc.default_rules().metrics}
        (tmp_path / f"2021-{month:02d}.json").write_text(json.dumps(monthly, ensure_ascii=False), "utf-8")
    clerk = tmp_path / "clerk"  # the clerk's way, in a folder of its own
    clerk.mkdir()
    for command in commands:
        folder = clerk if "2021-04.xlsx" in command else tmp_path
        if folder is clerk and not command.startswith("score template"):
            # The README fills in the workbook `score template` wrote: here, the 前进镇 example.
            shutil.copy(EXAMPLES / "qianjin-2021-04.xlsx", clerk / "2021-04.xlsx")
        argv = shlex.split(command)[1:]
        if ">" in argv:
            argv = argv[: argv.index(">")]
        argv = [str(path) for arg in argv for path in (sorted(folder.glob(arg)) if "*" in arg else [arg])]
        done = run_score(*argv, cwd=folder)
        assert "Traceback" not in done.stderr, command
        assert done.returncode == 0, (command, done.stderr)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_named_pipe_is_no_rule_file_but_evidence_read_from_one_waits_for_its_writer(
    tmp_path: Path,
) -> None:
    """A FIFO among the rule files (rules/x.toml) is no rule file: passed over (its open waited
    for a writer for ever). A FIFO given as the evidence is read as a pipe is: the writer may
    come late."""
    folder = tmp_path / "rules"
    folder.mkdir()
    shutil.copyfile(ROOT / "rules" / "default.toml", folder / "default.toml")
    os.mkfifo(folder / "x.toml")
    command = [str(score_executable()), str(TAIPING), "--rules", str(folder), "--format", "json"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert (done.returncode, done.stderr) == (0, "")
    pipe = tmp_path / "ev.json"
    os.mkfifo(pipe)
    reader = subprocess.Popen(
        [score_executable(), str(pipe), "--format", "json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    time.sleep(0.5)  # (the writer comes late)
    pipe.write_bytes(TAIPING.read_bytes())
    out, err = reader.communicate(timeout=60)
    assert (reader.returncode, err) == (0, b"")
    assert json.loads(out)["evidence"]["township"] == "太平乡"

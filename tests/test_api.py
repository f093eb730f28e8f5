"""The public façade: exactly what ``inspector_scoring`` exports, typed and documented."""

from __future__ import annotations

import contextlib
import hashlib
import inspect
import io
import json
import os
import pathlib
import re
import subprocess
import sys
from datetime import date, datetime
from decimal import Decimal
from importlib import resources

import attrs
import pytest

import inspector_scoring as isc
from conftest import ROOT, Run

EXPORTS = {
    "AnnualAssessment",
    "AnnualResult",
    "annual_to_dict",
    "annual_to_json",
    "assess_year",
    "build_annual_notice",
    "Finding",
    "Notice",
    "NoticeEntry",
    "analyse_rules",
    "build_notice",
    "evidence_schema",
    "verify_result",
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
    "pause_collector",
    "pick_rules",
    "result_to_dict",
    "result_to_json",
    "score_evidence",
    "score_file",
    "iter_result_json",
    "use_language",
    "EvidenceInfo",
    "Person",
    "Corrects",
    "Document",
    "InspectorChange",
    "PublishedResult",
    "ResultChanges",
    "ScoreChange",
    "compare_results",
    "load_published",
    "read_published",
    "render_notice",
}


def test_all_is_exactly_the_public_api() -> None:
    """`__all__` lists the public names, and each one exists."""
    assert set(isc.__all__) == EXPORTS
    assert len(isc.__all__) == len(EXPORTS)
    for name in isc.__all__:
        assert hasattr(isc, name), name


def test_every_public_name_has_a_docstring() -> None:
    """Every exported class and function says what it is."""
    for name in isc.__all__:
        value = getattr(isc, name)
        if inspect.isclass(value) or inspect.isfunction(value):
            assert inspect.getdoc(value), name


def test_package_is_typed() -> None:
    """The py.typed marker ships, so callers' type checkers read our annotations."""
    assert resources.files("inspector_scoring").joinpath("py.typed").is_file()


def test_the_error_is_a_value_error_carrying_problems() -> None:
    """InvalidInputError subclasses ValueError and prints one problem per line."""
    error = isc.InvalidInputError(
        [isc.Problem("a.json", "inspectors[0].id", "missing required key"), isc.Problem("a.json", "", "x")]
    )
    assert isinstance(error, ValueError)
    assert str(error) == "a.json: inspectors[0].id: missing required key\na.json: x"


def test_rules_of_the_wrong_type_are_named_in_a_type_error() -> None:
    """A caller's slip (arguments swapped, a dict for rules) is a TypeError naming what was
    expected and what came, not a hashing or os.fspath error from deep inside."""
    rules = isc.default_rules()
    with pytest.raises(TypeError) as swapped:
        isc.score_evidence({"schema": 1}, rules)  # type: ignore[arg-type]
    assert str(swapped.value) == "score_evidence(rules, evidence): rules must be a Ruleset, got dict"
    with pytest.raises(TypeError) as number:
        isc.score_file(ROOT / "examples" / "taiping-2021-03.json", rules=42)  # type: ignore[arg-type]
    assert str(number.value) == (
        "rules must be a Ruleset, the path of a rule file or folder, or None; got int"
    )


def test_records_are_frozen_and_slotted() -> None:
    """Rules cannot be changed after loading (attrs frozen, slotted classes)."""
    rules = isc.default_rules()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        rules.total = Decimal(0)  # type: ignore[misc]
    assert not hasattr(rules, "__dict__")


def test_readme_library_example_runs() -> None:
    """The README's library example works as written (from the checkout root)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    code = text.split("```python\n", 1)[1].split("```", 1)[0]
    namespace: dict[str, object] = {}
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        with contextlib.redirect_stdout(io.StringIO()) as out:
            exec(compile(code, "README.md", "exec"), namespace)
    finally:
        os.chdir(cwd)
    printed = out.getvalue()
    assert "孙永福 100.0 优秀" in printed
    assert "<evidence> assessment missing required key" in printed


def test_the_fingerprints_the_docs_show_are_the_files() -> None:
    """A fingerprint the docs print beside a file of the checkout (``sha256sum`` output) is that
    file's, and every other fingerprint they print is one of those: a reader who checks the
    example as shown gets a match (they once kept an old file's)."""
    named: dict[str, str] = {}
    shown: set[str] = set()
    for page in [*(ROOT / "docs").rglob("*.md"), ROOT / "README.md"]:
        text = page.read_text(encoding="utf-8")
        for digest, path in re.findall(r"^([0-9a-f]{64})  (\S+)$", text, flags=re.MULTILINE):
            named[path] = digest
        shown |= set(re.findall(r"\b[0-9a-f]{64}\b", text))
    assert named, "the docs show no fingerprint of a file"
    for path, digest in named.items():
        assert hashlib.sha256((ROOT / path).read_bytes()).hexdigest() == digest, path
    assert shown <= set(named.values())


def test_importing_on_first_use_leaves_the_collector_on() -> None:
    """The package imports a name's module on first use with the collector paused (a module's
    classes and functions are no young garbage), and turns it back on: in a fresh interpreter,
    so that nothing is imported yet."""
    code = (
        "import gc, sys\n"
        "import inspector_scoring as isc\n"
        "import inspector_scoring._bulk\n"  # (itself imported with the collector on)
        "assert 'inspector_scoring.scoring.score' not in sys.modules\n"
        "runs = []\n"
        "gc.callbacks.append(lambda phase, info: runs.append(phase))\n"
        "isc.score_file\n"
        "assert 'inspector_scoring.scoring.score' in sys.modules\n"
        "print(len(runs), gc.isenabled(), gc.get_freeze_count())\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    # No collection ran during the imports (about 30 would, collector on), and it is on again.
    assert done.stdout == "0 True 0\n"


@pytest.mark.parametrize("enabled", [True, False])
def test_scoring_leaves_the_collector_as_it_found_it(enabled: bool) -> None:
    """The library pauses the cyclic collector while it builds records, and gives it back as
    it was: on or off, and a caller's frozen objects still frozen."""
    import gc  # noqa: PLC0415

    was = gc.isenabled()
    kept: list[object] = []  # something of the caller's, frozen (tracked by the collector)
    gc.freeze()
    (gc.enable if enabled else gc.disable)()
    try:
        isc.score_file(ROOT / "examples" / "taiping-2021-03.json")
        assert gc.isenabled() is enabled
        # (the generations 0-2 hold what is not frozen)
        assert not any(found is kept for found in gc.get_objects())
    finally:
        gc.unfreeze()
        (gc.enable if was else gc.disable)()


def test_overlapping_calls_never_keep_the_collector_off_beyond_one_call() -> None:
    """Calls that overlap (threads of a server) share the one collector: only a call begun while
    none runs pauses it, and it is back on when that call ends, whatever still runs. Under steady
    overlapping load it is so never off for longer than one call (calls that joined a running
    pause once kept it off for as long as any overlapped: for ever)."""
    import gc  # noqa: PLC0415

    from inspector_scoring._bulk import bulk  # noqa: PLC0415

    was = gc.isenabled()
    gc.enable()
    try:
        first, second, third = bulk(), bulk(), bulk()
        first.__enter__()
        assert not gc.isenabled()  # (the first pauses it)
        second.__enter__()  # (overlapping: runs as it is)
        first.__exit__(None, None, None)
        assert gc.isenabled()  # (back on, though the second still runs)
        third.__enter__()  # (begun while the second runs: no pause)
        assert gc.isenabled()
        second.__exit__(None, None, None)
        third.__exit__(None, None, None)
        assert gc.isenabled()
        gc.disable()  # a caller's own choice stands
        with bulk():
            pass
        assert not gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()


@pytest.mark.parametrize("pausing", [True, False])
def test_a_program_may_keep_the_collector_running(pausing: bool) -> None:
    """``pause_collector(False)`` leaves the collector alone: it collects during a call (it
    would not, paused), and the result is the same."""
    import gc  # noqa: PLC0415

    month = json.loads((ROOT / "examples" / "taiping-2021-03.json").read_text(encoding="utf-8"))
    # (twenty townships' worth, enough records for the collector to run several times)
    month["inspectors"] = [
        {**person, "id": f"{person['id']}-{n}"} for n in range(20) for person in month["inspectors"]
    ]
    rules = isc.default_rules()
    expected = isc.result_to_json(isc.score_evidence(rules, month))
    runs: list[str] = []
    was = gc.isenabled()
    before = isc.pause_collector(pausing)
    gc.enable()
    gc.callbacks.append(lambda phase, info: runs.append(phase))
    try:
        assessment = isc.score_evidence(rules, month)
    finally:
        gc.callbacks.pop()
        isc.pause_collector(before)
        (gc.enable if was else gc.disable)()
    assert bool(runs) is not pausing
    assert isc.result_to_json(assessment) == expected


@pytest.mark.parametrize("form", ["table", "csv", "markdown", "html", "svg", "xlsx"])
def test_a_notice_rendered_by_the_library_is_the_commands(
    form: str, run_score: Run, tmp_path: pathlib.Path
) -> None:
    """``render_notice`` is what ``score --format FORM`` writes, byte for byte (one path: the
    command calls it), the workbook dated by the notice's date."""
    evidence = ROOT / "examples" / "taiping-2021-03.json"
    assessment = isc.score_file(evidence)
    notice = isc.build_notice(assessment, publish_on=date(2021, 4, 6))
    rendered = isc.render_notice(notice.document(), form)
    out = tmp_path / f"notice.{form}"
    done = run_score(evidence, "--format", form, "--publish-on", "2021-04-06", "--output", out)
    assert done.returncode == 0, done.stderr
    expected = out.read_bytes()
    assert (rendered if isinstance(rendered, bytes) else rendered.encode("utf-8")) == expected


def test_render_notice_refuses_what_it_cannot_write() -> None:
    """Another format, a width outside 40-1000 cells and an undated workbook are refused by name."""
    notice = isc.build_notice(
        isc.score_file(ROOT / "examples" / "taiping-2021-03.json"), publish_on=date(2021, 4, 6)
    )
    document = notice.document()
    with pytest.raises(
        ValueError, match="format must be one of table, csv, markdown, html, svg, xlsx, got 'pdf'"
    ):
        isc.render_notice(document, "pdf")
    with pytest.raises(ValueError, match="width must be a whole number from 40 to 1000, got 99999999"):
        isc.render_notice(document, "table", width=99999999)
    with pytest.raises(ValueError, match=r"document\.published"):
        isc.render_notice(attrs.evolve(document, published=None), "xlsx")
    with pytest.raises(ValueError, match="width must be a whole number from 40 to 1000, got 5"):
        isc.render_notice(document, "csv", width=5)  # (whatever the format: a slip is a slip)
    with pytest.raises(
        TypeError, match=r"^render_notice: document must be a Notice or a Document, got dict$"
    ):
        isc.render_notice({}, "html")  # type: ignore[call-overload]
    # A Notice is laid out as its document; the format may be named.
    assert isc.render_notice(notice, format="html") == isc.render_notice(document, "html")
    # (the table at 40 cells: every line fits)
    assert max(len(line) for line in str(isc.render_notice(document, width=40)).splitlines()) <= 40


def test_the_notice_day_is_a_date_and_a_datetime_gives_its_day() -> None:
    """``publish_on`` as text is a TypeError naming the argument (not a failed comparison
    inside); a ``datetime`` is its day."""
    assessment = isc.score_file(ROOT / "examples" / "taiping-2021-03.json")
    with pytest.raises(TypeError, match=r"^build_notice: publish_on must be a datetime.date, got str$"):
        isc.build_notice(assessment, publish_on="2021-04-06")  # type: ignore[arg-type]
    at_eight = isc.build_notice(assessment, publish_on=datetime(2021, 4, 6, 8, 30))
    assert at_eight == isc.build_notice(assessment, publish_on=date(2021, 4, 6))
    assert at_eight.published == date(2021, 4, 6)


def test_bytes_are_named_as_the_caller_says() -> None:
    """Evidence given as bytes (an upload) is called what ``name`` says in every problem, and
    standard input's name without it."""
    with pytest.raises(isc.InvalidInputError) as named:
        isc.score_file(b'{"schema": 1}', name="uploads/三月.json")
    assert {problem.file for problem in named.value.problems} == {"uploads/三月.json"}
    with pytest.raises(isc.InvalidInputError) as unnamed:
        isc.score_file(b'{"schema": 1}')
    assert {problem.file for problem in unnamed.value.problems} == {"<stdin>"}
    # (a mapping too, through each of the three names that read evidence)
    rules = isc.default_rules()
    for call in (
        lambda: isc.score_file({"schema": 1}, name="api:42"),
        lambda: isc.load_evidence({"schema": 1}, rules=rules, name="api:42"),
        lambda: isc.score_evidence(rules, {"schema": 1}, name="api:42"),
    ):
        with pytest.raises(isc.InvalidInputError) as mapping:
            call()
        assert {problem.file for problem in mapping.value.problems} == {"api:42"}


def test_a_correction_compared_through_the_library() -> None:
    """A published result and its correction compared with the exported names, as ``score diff``
    compares them: what changed, and the fingerprints of each."""
    evidence = ROOT / "examples" / "taiping-2021-03.json"
    published = isc.result_to_json(isc.score_file(evidence)).encode("utf-8")
    old = isc.read_published(published, "published.json")
    month = json.loads(evidence.read_text(encoding="utf-8"))
    month["inspectors"][0]["events"] = [
        event for event in month["inspectors"][0]["events"] if event["kind"] != "work_log"
    ]
    corrected = isc.result_to_json(isc.score_file(month), corrects=old.corrects).encode("utf-8")
    new = isc.read_published(corrected, "corrected.json")
    changes = isc.compare_results(old, new)
    assert isinstance(changes, isc.ResultChanges)
    assert changes.before == old.corrects
    assert changes.before.sha256 == hashlib.sha256(published).hexdigest()
    assert [change.id for change in changes.changes] == [month["inspectors"][0]["id"]]
    assert changes.unchanged == len(month["inspectors"]) - 1


def test_the_library_page_names_every_public_name() -> None:
    """docs/library.md, the reference for other systems, names each exported name."""
    text = (ROOT / "docs" / "library.md").read_text(encoding="utf-8")
    assert [name for name in isc.__all__ if f"`{name}" not in text] == []


def test_the_library_pages_examples_run(tmp_path: pathlib.Path) -> None:
    """docs/library.md's examples work as written: a month to a page and a result, then a
    correction compared and noticed (in a folder with the files they name)."""
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    month = json.loads((ROOT / "examples" / "taiping-2021-03.json").read_text(encoding="utf-8"))
    # (an underground entry of 刘成富's, 67 points, found on objection)
    found = {
        "kind": "underground",
        "at": "2021-03-30T09:00:00",
        "until": "2021-03-30T12:00:00",
        "ref": "定位系统#9999",
    }
    [objector] = [person for person in month["inspectors"] if person["name"] == "刘成富"]
    objector["events"].append(found)
    (tmp_path / "2021-03-corrected.json").write_text(json.dumps(month, ensure_ascii=False), encoding="utf-8")
    text = (ROOT / "docs" / "library.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.DOTALL)
    assert len(blocks) == 2
    namespace: dict[str, object] = {}
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        with contextlib.redirect_stdout(io.StringIO()) as out:
            exec(compile(blocks[0], "library.md", "exec"), namespace)
            (tmp_path / "2021-03-result.json").write_bytes((tmp_path / "2021-03.json").read_bytes())
            exec(compile(blocks[1], "library.md", "exec"), namespace)
    finally:
        os.chdir(cwd)
    page = (tmp_path / "2021-03.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "太平乡" in page
    printed = out.getvalue().splitlines()
    assert printed[0] == "杨国华 100.0 优秀"
    assert len(printed) > 8
    # (after the eight inspectors, the comparison: the one whose entry was found, and why: 14
    # entries were 1 short of 15, 2 points; now none)
    assert printed[8].startswith("1. 刘成富")
    assert printed[-1].endswith("复核后不再扣分。")
    notice = namespace["notice"]
    assert isinstance(notice, isc.Notice)
    assert notice.title.endswith("复核结果公示")


def test_a_busy_server_still_collects_its_garbage() -> None:
    """Threads scoring without a break, one after another overlapping, beside a thread making
    cyclic garbage: the collector runs meanwhile and leaves none of it behind (once, it ran
    not at all once calls overlapped: 413,000 such objects piled up in 8 s)."""
    import gc  # noqa: PLC0415
    import threading  # noqa: PLC0415
    import time  # noqa: PLC0415

    month = json.loads((ROOT / "examples" / "taiping-2021-03.json").read_text(encoding="utf-8"))
    month["inspectors"] = [
        {**person, "id": f"{person['id']}-{n}"} for n in range(10) for person in month["inspectors"]
    ]

    class Node:
        def __init__(self) -> None:
            self.me = self

    runs: list[float] = []
    begun = time.monotonic()
    stop = begun + 1.0

    def scoring(delay: float) -> None:
        time.sleep(delay)
        while time.monotonic() < stop:
            isc.score_file(month)

    def program() -> None:
        while time.monotonic() < stop:
            for _ in range(500):
                Node()
            time.sleep(0.001)

    was = gc.isenabled()
    gc.enable()

    def collected(phase: str, info: object) -> None:
        if phase == "start":
            runs.append(time.monotonic())

    gc.callbacks.append(collected)
    try:
        threads = [threading.Thread(target=scoring, args=(k * 0.03,)) for k in range(3)]
        threads.append(threading.Thread(target=program))
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        gc.callbacks.pop()
        (gc.enable if was else gc.disable)()
    # (after the first quarter second, when the three calls overlap all the time)
    assert sum(begun + 0.25 < moment < stop for moment in runs) > 0

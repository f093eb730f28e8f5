"""Messages in Chinese and English: the catalog is complete, the language is chosen as
documented (``--lang``, then ``SCORE_LANG``, then the locale), and nothing but messages depends
on it."""

from __future__ import annotations

import os
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

import inspector_scoring as isc
from conftest import EXAMPLES, ROOT, score_executable
from inspector_scoring import messages as M
from inspector_scoring.cli.options import ARGPARSE_PLURALS, ARGPARSE_TEXTS
from inspector_scoring.i18n import REGISTRY, catalog, language_from_environment, translate, use_language

TAIPING = EXAMPLES / "taiping-2021-03.json"
#: the English a Chinese message may keep: formats, units, names of keys and options
_KEPT = re.compile(
    r"JSON|TOML|UTF-8|UTF-16|GBK|GB18030|ASCII|Unicode|YYYY-MM-DD(?:THH:MM:SS)?|HH:MM(?::SS)?|"
    r"Windows|Excel|WPS|SHA-256|PASS|FAIL|CELLS|PATH|FILE|EVIDENCE|RESULT|RULES|CASES|DATE|"
    r"score(?: [a-z]+)?|--[a-z-]+|[a-z_]+(?:\.[a-z_]+)*\s*=|\b[a-z]+_[a-z_]+\b|"
    r"\b(?:below|above|per|fixed|cap|prorate|true|false|events|counts|kind|at|ref|until|total|"
    r"precision|working_days|min|title|text|id|zh|en|table|json|csv|markdown|html|svg|xlsx|"
    r"deductions|all|a-z|0-9|json|toml|xlsx|SCORE_LANG|LANG|LC_ALL|LC_MESSAGES|LANGUAGE|"
    r"expect|errors|count|night|from|to|verify|test|annual|check|schema|diff|YYYY|Qn|Schema|draft|"
    r"corrects|sha256|rank|notice|calendar|outcomes|kinds|short|COLUMNS|CSV|xls|ods|name|card|WORKBOOK|OLD|NEW)\b"
)


def _placeholders(text: str, *, percent: bool = False) -> set[str]:
    if percent:
        return set(re.findall(r"%\(\w+\)[sdr]|%[sdr]", text))
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _zh_catalog() -> dict[str, str]:
    """The compiled Chinese catalog, by ``context\\x04msgid`` (a plural by (key, 0))."""
    entries = getattr(catalog("zh"), "_catalog", None)
    if not entries:
        pytest.fail("no compiled Chinese catalog in the package: was it built with pip install?")
    return {key if isinstance(key, str) else key[0]: value for key, value in entries.items()}


# -- the catalog ------------------------------------------------------------------


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_every_message_has_chinese_with_the_same_placeholders(code: str) -> None:
    """A message without Chinese, or whose Chinese drops or renames a placeholder, fails."""
    message = REGISTRY[code]
    chinese = _zh_catalog().get(f"{code}\x04{message.text}")
    assert chinese, f"{code}: no Chinese for {message.text!r}"
    assert _placeholders(chinese) == _placeholders(message.text), code


@pytest.mark.parametrize("text", [*ARGPARSE_TEXTS, *(plural[0] for plural in ARGPARSE_PLURALS)])
def test_argparse_speaks_chinese(text: str) -> None:
    """argparse's own sentences (usage, options, required arguments) are in the catalog."""
    chinese = _zh_catalog().get(f"argparse\x04{text}")
    assert chinese, f"no Chinese for argparse's {text!r}"
    assert _placeholders(chinese, percent=True) == _placeholders(text, percent=True)
    assert chinese.endswith("\n") == text.endswith("\n")


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_law_chinese_leaves_no_english_but_what_stays(code: str) -> None:
    """Law: a Chinese message, placeholders and kept terms (formats, keys, options) taken out,
    has no English word left."""
    message = REGISTRY[code]
    chinese = translate(code, message.text, "zh")
    bare = re.sub(r"\{\w+\}", "", chinese)
    bare = _KEPT.sub("", bare)
    leftover = re.findall(r"[A-Za-z]{3,}", bare)
    assert not leftover, f"{code}: {chinese!r} keeps {leftover}"


def test_the_catalog_is_up_to_date() -> None:
    """tools/catalog.py --check: every message of the code is in the .po, none is stale."""
    pytest.importorskip("babel", reason="Babel (a build dependency) updates the catalog")
    tool = ROOT / "tools" / "catalog.py"
    done = subprocess.run(
        [sys.executable, str(tool), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


# -- choosing the language ----------------------------------------------------------


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "en"),
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "zh_TW.UTF-8"}, "zh"),
        ({"LC_ALL": "zh_CN.GB18030", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LC_MESSAGES": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LANGUAGE": "zh_CN:en"}, "zh"),
        ({"SCORE_LANG": "en", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"SCORE_LANG": "zh", "LANG": "C.UTF-8"}, "zh"),
        ({"SCORE_LANG": "", "LANG": "zh_CN.UTF-8"}, "zh"),
    ],
)
def test_language_from_the_environment(environ: dict[str, str], expected: str) -> None:
    """SCORE_LANG, then LC_ALL, LC_MESSAGES, LANG, LANGUAGE: zh* is Chinese, anything else English."""
    assert language_from_environment(environ, platform="linux") == expected


def test_windows_asks_the_system_when_no_variable_is_set(monkeypatch: pytest.MonkeyPatch) -> None:
    """On Windows LANG is usually unset: the user-interface language decides."""
    from inspector_scoring import i18n  # noqa: PLC0415

    monkeypatch.setattr(i18n, "_windows_language", lambda: "zh")
    assert language_from_environment({}, platform="win32") == "zh"
    assert language_from_environment({"SCORE_LANG": "en"}, platform="win32") == "en"
    monkeypatch.setattr(i18n, "_windows_language", lambda: None)
    assert language_from_environment({}, platform="win32") == "en"


_LANGUAGE_VARIABLES = ("SCORE_LANG", "LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE")


def _run(*args: str, env: dict[str, str], cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The installed command with exactly these language variables (and the rest as they are)."""
    base = {name: value for name, value in os.environ.items() if name not in _LANGUAGE_VARIABLES}
    return subprocess.run(
        [str(score_executable()), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**base, **env},
        cwd=cwd,
        timeout=60,
        check=False,
    )


_MISSING = {
    "en": "nowhere.json: cannot read: No such file or directory",
    "zh": "nowhere.json: " + M.CANNOT_READ.render("zh", reason=M.OS_NOT_FOUND()),
}


@pytest.mark.parametrize(
    ("args", "env", "language"),
    [
        ((), {"LANG": "zh_CN.UTF-8"}, "zh"),
        ((), {"LANG": "C.UTF-8"}, "en"),
        ((), {"SCORE_LANG": "zh", "LANG": "C.UTF-8"}, "zh"),
        ((), {"SCORE_LANG": "en", "LANG": "zh_CN.UTF-8"}, "en"),
        (("--lang", "zh"), {"SCORE_LANG": "en"}, "zh"),
        (("--lang=en",), {"LANG": "zh_CN.UTF-8"}, "en"),
        # shortened as argparse takes it: the language it names, not the environment's
        (("--lan", "zh"), {"SCORE_LANG": "en"}, "zh"),
        (("--la=zh",), {"LANG": "C.UTF-8"}, "zh"),
    ],
)
def test_the_command_speaks_the_chosen_language(
    args: tuple[str, ...], env: dict[str, str], language: str, tmp_path: Path
) -> None:
    """--lang, then SCORE_LANG, then the locale, through the installed command."""
    done = _run("nowhere.json", *args, env=env, cwd=tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (1, "", _MISSING[language] + "\n")


def test_the_chinese_of_a_missing_file() -> None:
    """The system's reason is said in Chinese too, not left in English."""
    assert _MISSING["zh"] == "nowhere.json: 无法读取：文件不存在"


def test_help_and_usage_errors_in_chinese(tmp_path: Path) -> None:
    """argparse's own words (usage, options, required arguments) are translated as well."""
    helped = _run("--help", env={"LANG": "zh_CN.UTF-8"}, cwd=tmp_path)
    assert helped.returncode == 0
    assert helped.stdout.startswith("用法：score ")
    assert "\n选项：\n" in helped.stdout or "\n选项:\n" in helped.stdout
    assert "usage:" not in helped.stdout
    assert "options:" not in helped.stdout
    missing = _run("check", env={"SCORE_LANG": "zh"}, cwd=tmp_path)
    assert missing.returncode == 2
    assert missing.stderr.splitlines()[-1] == "score check：错误：缺少以下参数：RULES"
    english = _run("check", env={"LANG": "C.UTF-8"}, cwd=tmp_path)
    assert (
        english.stderr.splitlines()[-1] == "score check: error: the following arguments are required: RULES"
    )


def test_the_result_and_the_notice_do_not_depend_on_the_language(tmp_path: Path) -> None:
    """The JSON result and the (always Chinese) notice are the same bytes in either language."""
    for format_ in ("json", "markdown", "csv"):
        outputs = {
            language: _run(str(TAIPING), "--format", format_, "--lang", language, env={}).stdout
            for language in ("zh", "en")
        }
        assert outputs["zh"] == outputs["en"], format_
        assert outputs["zh"]


# -- the library ------------------------------------------------------------------


def test_the_library_raises_the_same_problems_in_either_language(tmp_path: Path) -> None:
    """InvalidInputError carries file, path, code and values; the text is in the chosen
    language, and any problem can be written in the other."""
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": 1, "assessment": {"township": "太平乡", "period": "2021-03"}}', "utf-8")
    found = {}
    for language in ("en", "zh"):
        use_language(language)
        with pytest.raises(isc.InvalidInputError) as caught:
            isc.score_file(bad)
        found[language] = caught.value.problems
    english, chinese = found["en"], found["zh"]
    assert [(p.file, p.path, p.code, p.params) for p in english] == [
        (p.file, p.path, p.code, p.params) for p in chinese
    ]
    assert english[0].code == "key.missing"
    assert english[0].message == "missing required key"
    assert chinese[0].message == M.KEY_MISSING.render("zh")
    assert english[0].text("zh") == str(chinese[0])
    assert chinese[0].text("en") == str(english[0])


def test_check_and_test_in_chinese(tmp_path: Path) -> None:
    """score check and score test speak Chinese, --lang given before the command or after it; the
    bundled cases, written in English, pass in either language."""
    rules = str(ROOT / "rules" / "default.toml")
    before = _run("--lang", "zh", "check", rules, env={}, cwd=tmp_path)
    after = _run("check", rules, "--lang", "zh", env={}, cwd=tmp_path)
    assert before.returncode == after.returncode == 0
    assert before.stdout == after.stdout
    lines = before.stdout.splitlines()
    assert lines[0] == f"{rules}：检查通过"
    assert lines[2] == "有效期：2021-01-01 起；考核周期：月；满分 100 分，总分保留 1 位小数，四舍五入"
    assert lines[-1] == "没有警告。"
    cases = str(ROOT / "rules" / "default.tests.toml")
    for env in ({"LANG": "zh_CN.UTF-8"}, {"LANG": "C.UTF-8"}):
        done = _run("test", cases, env=env, cwd=tmp_path)
        assert done.returncode == 0, done.stdout
    assert done.stdout.splitlines()[-1].endswith("passed, 0 failed")
    chinese = _run("test", cases, env={"LANG": "zh_CN.UTF-8"}, cwd=tmp_path)
    assert chinese.stdout.splitlines()[-1].endswith("个通过，0 个未通过")


def test_check_in_chinese_leaves_no_english_but_ids(tmp_path: Path) -> None:
    """Every line of ``score check`` on the bundled scheme, in Chinese: once the rule file's own
    ids (its own, items', rules', metrics', kinds', fields', outcomes') and the file's path are
    taken out, no English word is left (it once said ``underground_entries below 15`` and
    ``counts underground events of at least 120 minutes``)."""
    rules = isc.default_rules()
    ids = {item.id for item in rules.items} | {rule.id for item in rules.items for rule in item.rules}
    ids |= {metric.id for metric in rules.metrics} | {veto.id for veto in rules.vetoes}
    ids |= {outcome.id for outcome in rules.outcomes}
    ids |= {rule.id for rule in rules.bonus.rules} if rules.bonus is not None else set()
    ids |= {kind.id for kind in rules.kinds} | {field for kind in rules.kinds for field, _ in kind.fields}
    ids.add(rules.id)
    path = str(ROOT / "rules" / "default.toml")
    done = _run("check", path, "--lang", "zh", env={}, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    text = re.sub(r"\{\w+\}", "", done.stdout.replace(path, ""))  # (and the title's placeholders)
    for name in sorted(ids, key=len, reverse=True):
        text = text.replace(name, "")
    assert "低于" in text
    assert "只计持续120分钟及以上、有结束时间的下井记录" in text
    leftover = sorted(set(re.findall(r"[A-Za-z]{3,}", text)))
    assert not leftover, leftover


def test_the_systems_reasons_are_said_in_the_chosen_language() -> None:
    """A reason the system gives (reading /dev/tty without a terminal: ENXIO) is a message of
    its own; one without a message is told by its number, never in the system's English."""
    import errno  # noqa: PLC0415

    from inspector_scoring.files import os_reason  # noqa: PLC0415
    from inspector_scoring.i18n import Text  # noqa: PLC0415

    device = os_reason(OSError(errno.ENXIO, "No such device or address"))
    other = os_reason(OSError(errno.EDOM, "Numerical argument out of domain"))
    assert isinstance(device, Text)
    assert isinstance(other, Text)
    assert (device.render("en"), device.render("zh")) == (
        "No such device or address",
        "没有这个设备（或设备未连接）",
    )
    assert other.render("en") == f"the system refused (error number {errno.EDOM})"
    assert other.render("zh") == f"系统拒绝了此操作（错误号 {errno.EDOM}）"


def test_a_problem_as_plain_json_for_another_system() -> None:
    """Problem.as_dict: file, path, code, the params (a hint as its own code and params) and the
    message in the language asked for; every problem of every invalid evidence fixture dumps
    as JSON."""
    import json  # noqa: PLC0415

    with pytest.raises(isc.InvalidInputError) as raised:
        isc.score_evidence(
            isc.default_rules(),
            {"schema": 1, "assessment": {"townshp": "太平乡", "period": "2021-03"}, "inspectors": []},
        )
    first = raised.value.problems[0]
    assert first.as_dict("en") == {
        "file": "<evidence>",
        "path": "assessment.townshp",
        "code": "key.unknown",
        "params": {"hint": {"code": "hint.did_you_mean", "params": {"choice": '"township"'}}},
        "message": 'unknown key; did you mean "township"?',
    }
    assert first.as_dict("zh")["message"] == '无法识别的键；是否应为 "township"？'
    invalid = ROOT / "tests" / "fixtures" / "evidence" / "invalid"
    small = isc.load_rules(ROOT / "tests" / "fixtures" / "rules" / "small.toml")
    dumped = 0
    for path in sorted(invalid.glob("*.json")):
        try:
            isc.score_file(path, rules=small)
        except isc.InvalidInputError as error:
            for problem in error.problems:
                json.dumps(problem.as_dict("zh"), ensure_ascii=False)
                dumped += 1
    assert dumped > 80

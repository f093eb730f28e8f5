"""Corrections (复核): --corrects, the corrected notice, score diff and score verify on a correction.

The case: 太平乡, March 2021, the bundled scheme. Two objections during the
公示期 are upheld:
- 张三 (TP-01): the positioning system lost one night entry (定位系统#A99).
  Before: 12 entries (8 by day, 4 at night). Underground 2 × (15 − 12) = 6 → 14;
  night 3 × (5 − 4) = 3 → 12; total 100 − 9 = 91 (优秀).
  After: 13 entries, 5 at night. Underground 2 × (15 − 13) = 4 → 16; night 0 → 15;
  total 100 − 4 = 96 (优秀).
- 李四 (TP-02): a sick-leave slip for 22–31 March approved before the month
  ended but handed in after the notice. Before: 31 duty days, 13 entries (3 at
  night), 7 pre-shift meetings: underground 2 × 2 = 4 → 16, night 3 × 2 = 6 → 9,
  pre-shift 1 × 3 = 3 → 7; total 100 − 13 = 87 (合格).
  After: 21 duty days; quotas prorated half up: 15 × 21/31 = 10.16 → 10,
  5 × 21/31 = 3.39 → 3, 10 × 21/31 = 6.77 → 7, 1 × 21/31 = 0.68 → 1: every
  quota met; total 100 (优秀).
- 王五 (TP-03) had nothing objected to: 15 entries, 5 at night, 100 both times.
"""

from __future__ import annotations

import hashlib
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import ROOT, Run
from inspector_scoring.corrections import PublishedResult, _in_both_orders, compare_results, read_published

CLEAN_COUNTS = {"days_without_work_log": 0, "preshift_meetings": 10, "safety_meetings": 1}


def _entries(prefix: str, by_day: int, at_night: int) -> list[dict[str, Any]]:
    day = [
        {
            "kind": "underground",
            "at": f"2021-03-{n + 1:02d}T09:00:00",
            "until": f"2021-03-{n + 1:02d}T12:00:00",
            "ref": f"定位系统#{prefix}{n + 1:02d}",
        }
        for n in range(by_day)
    ]
    night = [
        {
            "kind": "underground",
            "at": f"2021-03-{n + 1:02d}T23:00:00",
            "until": f"2021-03-{n + 2:02d}T02:00:00",
            "ref": f"定位系统#{prefix}{by_day + n + 1:02d}",
        }
        for n in range(at_night)
    ]
    return day + night


def _evidence(*, corrected: bool) -> dict[str, Any]:
    zhang = _entries("A", 8, 4)
    li: dict[str, Any] = {
        "id": "TP-02",
        "name": "李四",
        "mine": "石门坎煤矿",
        "events": _entries("B", 10, 3),
        "counts": {**CLEAN_COUNTS, "preshift_meetings": 7},
    }
    if corrected:
        zhang.append(
            {
                "kind": "underground",
                "at": "2021-03-18T23:30:00",
                "until": "2021-03-19T02:30:00",
                "ref": "定位系统#A99",
                "note": "定位分站漏传，复核补录",
            }
        )
        li["leave"] = [{"from": "2021-03-22", "to": "2021-03-31", "reason": "病假", "approved_by": "太平乡"}]
    return {
        "schema": 1,
        "assessment": {
            "township": "太平乡",
            "period": "2021-03",
            "assessed_on": "2021-04-06",
            "issuer": "太平乡人民政府",
            "contact": "0812-2900000",
        },
        "inspectors": [
            {"id": "TP-01", "name": "张三", "mine": "青杠坪煤矿", "events": zhang, "counts": CLEAN_COUNTS},
            li,
            {
                "id": "TP-03",
                "name": "王五",
                "mine": "鑫达煤矿",
                "events": _entries("C", 10, 5),
                "counts": CLEAN_COUNTS,
            },
        ],
    }


@pytest.fixture
def published(tmp_path: Path, run_score: Run) -> dict[str, Path]:
    """The published result of March, and the corrected evidence and result."""
    files = {name: tmp_path / f"{name}.json" for name in ("march", "corrected", "published", "result")}
    files["march"].write_text(json.dumps(_evidence(corrected=False), ensure_ascii=False), encoding="utf-8")
    files["corrected"].write_text(json.dumps(_evidence(corrected=True), ensure_ascii=False), encoding="utf-8")
    done = run_score(files["march"], "--format", "json", "--output", files["published"])
    assert done.returncode == 0, done.stderr
    done = run_score(
        files["corrected"], "--corrects", files["published"], "--format", "json", "--output", files["result"]
    )
    assert done.returncode == 0, done.stderr
    return files


def _scored(
    tmp_path: Path, run_score: Run, march: dict[str, Any], found: dict[str, Any], *, corrects: bool = False
) -> dict[str, Path]:
    """The evidence as published (``march``) and as found on review (``found``), each written and
    scored to its result JSON (``published``, ``result``); the second as a correction of the
    first when ``corrects``."""
    files = {name: tmp_path / f"{name}.json" for name in ("march", "found", "published", "result")}
    files["march"].write_text(json.dumps(march, ensure_ascii=False), encoding="utf-8")
    files["found"].write_text(json.dumps(found, ensure_ascii=False), encoding="utf-8")
    for evidence, result, more in (
        ("march", "published", ()),
        ("found", "result", ("--corrects", files["published"]) if corrects else ()),
    ):
        done = run_score(files[evidence], *more, "--format", "json", "--output", files[result])
        assert done.returncode == 0, done.stderr
    return files


ZHANG = [
    "1. 张三（青杠坪煤矿）",
    "    下井检查：14 → 16",
    "    夜间入井检查：12 → 15",
    "    总分：91 → 96",
    "    等次：优秀 → 优秀",
]
ZHANG_WHY = [
    "【下井检查】“每月下井少于15次的，每少1次扣2分（单次下井不足120分钟或无升井记录的不计入）”：复核前下井12次，少于15次3次，每次扣2分，扣6分；"
    "复核后下井13次，少于15次2次，每次扣2分，扣4分；新增记录：定位系统#A99。",
    "【夜间入井检查】“每月夜间入井少于5次的，每少1次扣3分（单次下井不足120分钟或无升井记录的不计入）”：复核前夜间入井4次，少于5次1次，每次扣3分，扣3分；"
    "复核后不再扣分。",
]
LI = [
    "2. 李四（石门坎煤矿）",
    "    下井检查：16 → 20",
    "    夜间入井检查：9 → 15",
    "    参加班前会：7 → 10",
    "    总分：87 → 100",
    "    等次：合格 → 优秀",
]
LI_WHY = [
    "【在岗天数】复核前31天；复核后21天。",
    "【下井检查】“每月下井少于15次的，每少1次扣2分（单次下井不足120分钟或无升井记录的不计入）”：复核前下井13次，少于15次2次，每次扣2分，扣4分；复核后不再扣分。",
    "【夜间入井检查】“每月夜间入井少于5次的，每少1次扣3分（单次下井不足120分钟或无升井记录的不计入）”：复核前夜间入井3次，少于5次2次，每次扣3分，扣6分；"
    "复核后不再扣分。",
    "【参加班前会】“每月参加班前会少于10次的，每少1次扣1分”：复核前参加班前会7次，少于10次3次，每次扣1分，扣3分；"
    "复核后不再扣分。",
]


def test_the_corrected_result_names_the_published_one(published: dict[str, Path]) -> None:
    """`corrects` holds the published result's own sha256 and the fingerprints it named (as
    sha256sum gives them)."""
    result = json.loads(published["result"].read_text(encoding="utf-8"), parse_float=Decimal)
    before = json.loads(published["published"].read_text(encoding="utf-8"))
    assert list(result)[:5] == ["schema", "engine", "ruleset", "evidence", "corrects"]
    assert result["corrects"] == {
        "sha256": hashlib.sha256(published["published"].read_bytes()).hexdigest(),
        "evidence_sha256": hashlib.sha256(published["march"].read_bytes()).hexdigest(),
        "ruleset_sha256": before["ruleset"]["sha256"],
    }
    assert result["evidence"]["sha256"] == hashlib.sha256(published["corrected"].read_bytes()).hexdigest()
    assert [(r["inspector"]["id"], r["total"], r["grade"]) for r in result["results"]] == [
        ("TP-01", Decimal(96), "优秀"),
        ("TP-02", Decimal(100), "优秀"),
        ("TP-03", Decimal(100), "优秀"),
    ]


def test_diff_lists_each_change_and_its_evidence(published: dict[str, Path], run_score: Run) -> None:
    """`score diff OLD NEW`: each changed inspector's items, total and grade, and why; exit 3."""
    done = run_score("diff", published["published"], published["result"], "--lang", "zh")
    assert done.returncode == 3, done.stderr
    header = f"{published['published']} → {published['result']}：2人考核结果有变化，1人无变化："
    expected = [
        header,
        *ZHANG,
        *(f"    {line}" for line in ZHANG_WHY),
        *LI,
        *(f"    {line}" for line in LI_WHY),
    ]
    assert done.stdout.splitlines() == expected


def test_diff_the_other_way_reverses_every_change(published: dict[str, Path], run_score: Run) -> None:
    """`score diff NEW OLD` shows the same inspectors with before and after swapped; exit 3. In
    English: the framing is English, what the results say (titles, wording, facts) as they say it."""
    done = run_score("diff", published["result"], published["published"], "--lang", "en")
    assert done.returncode == 3, done.stderr
    lines = done.stdout.splitlines()
    assert (
        lines[0] == f"{published['result']} → {published['published']}: 2 inspector(s) changed, 1 unchanged:"
    )
    assert lines[1:6] == [
        "1. 张三 (青杠坪煤矿)",
        "    下井检查: 16 → 14",
        "    夜间入井检查: 15 → 12",
        "    total: 96 → 91",
        "    grade: 优秀 → 优秀",
    ]
    minimum = "（单次下井不足120分钟或无升井记录的不计入）"
    assert lines[6:8] == [
        f"    [下井检查] “每月下井少于15次的，每少1次扣2分{minimum}”: "
        "before review: 下井13次，少于15次2次，每次扣2分，扣4分; "
        "after review: 下井12次，少于15次3次，每次扣2分，扣6分; records no longer counted: 定位系统#A99.",
        f"    [夜间入井检查] “每月夜间入井少于5次的，每少1次扣3分{minimum}”: "
        "before review: nothing deducted; after review: 夜间入井4次，少于5次1次，每次扣3分，扣3分.",
    ]
    assert lines[8:14] == [
        "2. 李四 (石门坎煤矿)",
        "    下井检查: 20 → 16",
        "    夜间入井检查: 15 → 9",
        "    参加班前会: 10 → 7",
        "    total: 100 → 87",
        "    grade: 优秀 → 合格",
    ]
    assert lines[14] == "    [days on duty] before review: 21 day(s); after review: 31 day(s)."
    chinese = run_score("diff", published["result"], published["published"], "--lang", "zh").stdout
    assert "    【在岗天数】复核前21天；复核后31天。" in chinese.splitlines()


def test_diff_of_a_result_with_itself_is_no_change(published: dict[str, Path], run_score: Run) -> None:
    """Nothing changed: one line, exit 0."""
    done = run_score("diff", published["result"], published["result"], "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        f"{published['result']} and {published['result']}: no inspector's result changed (3 compared).\n"
    )


def test_the_corrected_notice_lists_what_changed(published: dict[str, Path], run_score: Run) -> None:
    """The Markdown notice is a 复核结果公示: the changes, before and after, and their evidence,
    before the table; totals with the rule file's one decimal (91.0), as the table shows them
    (``score diff``, which has only the results, writes them as the results do: 91)."""
    done = run_score(published["corrected"], "--corrects", published["published"], "--format", "markdown")
    assert done.returncode == 0, done.stderr
    text = done.stdout
    start = text.index("## 复核结果")
    end = text.index("## 考核结果")
    assert text[start:end].splitlines() == [
        "## 复核结果",
        "",
        "经复核，2人的考核结果有变化，其余1人维持原公示结果。",
        "",
        "| 序号 | 姓名 | 所驻煤矿 | 变更项目 | 原总分 | 复核总分 | 原等次 | 复核等次 |",
        "|---:|---|---|---|---:|---:|---|---|",
        "| 1 | 张三 | 青杠坪煤矿 | 下井检查14→16；夜间入井检查12→15 | 91.0 | 96.0 | 优秀 | 优秀 |",
        "| 2 | 李四 | 石门坎煤矿 | 下井检查16→20；夜间入井检查9→15；参加班前会7→10 "
        "| 87.0 | 100.0 | 合格 | 优秀 |",
        "",
        "### 复核依据",
        "",
        "1. **张三**（青杠坪煤矿）",
        *(f"    - {line}" for line in ZHANG_WHY),
        "2. **李四**（石门坎煤矿）",
        *(f"    - {line}" for line in LI_WHY),
        "",
    ]
    assert text.startswith("# 太平乡2021年3月驻矿安监员考核复核结果公示\n")
    sha = hashlib.sha256(published["published"].read_bytes()).hexdigest()
    assert f"本公示为复核结果公示，更正原公示结果（结果文件 sha256：{sha}；" in text


@pytest.mark.parametrize("width", [44, 56, 72, 80, 105, 120, 160])
def test_the_corrected_notice_keeps_each_ref_on_one_line(
    published: dict[str, Path], run_score: Run, width: int
) -> None:
    """In the terminal, a ref the 复核结果 cites (定位系统#A99, and those in the facts before and
    after) is never split between two lines."""
    done = run_score(
        published["corrected"], "--corrects", published["published"], "--width", str(width), "--lang", "zh"
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert any("定位系统#A99" in line for line in lines)
    text = "".join(line.strip() for line in lines)
    for ref in set(re.findall(r"定位系统#A\d+", text)):
        assert text.count(ref) == sum(line.count(ref) for line in lines), ref


def test_a_veto_found_on_review_says_what_fired_it(tmp_path: Path, run_score: Run) -> None:
    """An objection shows that 王五 (TP-03) had his card carried underground by another (捎卡):
    the panel records a falsification (核查记录#7) and scores again. His total stays 100, his
    grade falls to 不合格 by the veto. The corrected notice names the veto's wording, what fired
    it in the rule file's words (弄虚作假1起) and the grade it allows; ``score diff``, which has
    the results only, names the metric and its value; the other way round the veto is lifted."""
    march = _evidence(corrected=False)
    found = _evidence(corrected=False)
    found["inspectors"][2]["events"].append(
        {"kind": "falsification", "at": "2021-03-09", "ref": "核查记录#7", "note": "捎卡"}
    )
    files = _scored(tmp_path, run_score, march, found, corrects=True)
    wording = "弄虚作假（伪造下井记录、捎卡、补填日志）的，当期考核为不合格"
    notice = run_score(files["found"], "--corrects", files["published"], "--format", "markdown")
    assert notice.returncode == 0, notice.stderr
    assert "| 1 | 王五 | 鑫达煤矿 | — | 100.0 | 100.0 | 优秀 | 不合格 |" in notice.stdout
    assert f"    - 【一票否决】“{wording}”：复核后认定：弄虚作假1起，当期等次最高为不合格。" in notice.stdout
    chinese = run_score("diff", files["published"], files["result"], "--lang", "zh")
    assert chinese.returncode == 3, chinese.stderr
    assert chinese.stdout.splitlines()[1:] == [
        "1. 王五（鑫达煤矿）",
        "    总分：100 → 100",
        "    等次：优秀 → 不合格",
        f"    【一票否决】“{wording}”：复核后认定：falsifications = 1，当期等次最高为不合格。",
    ]
    english = run_score("diff", files["result"], files["published"], "--lang", "en")
    assert english.stdout.splitlines()[1:] == [
        "1. 王五 (鑫达煤矿)",
        "    total: 100 → 100",
        "    grade: 不合格 → 优秀",
        f"    [veto] “{wording}”: before review: falsifications = 1, the grade at most 不合格; "
        "lifted on review.",
    ]


def test_a_veto_on_other_facts_and_a_name_put_right_are_changes(tmp_path: Path, run_score: Run) -> None:
    """Two objections that leave every score as it was: a second falsification of 王五 (TP-03)
    is found (the veto fired before, on 1, and fires now on 2: total 100 and grade 不合格 both
    times), and 张三's name was misspelt 张山 on the notice. Both are changes of the notice:
    ``score diff`` exits 3 and says each, in both languages, and the corrected notice too."""
    march = _evidence(corrected=False)
    march["inspectors"][0]["name"] = "张山"
    march["inspectors"][2]["events"].append(
        {"kind": "falsification", "at": "2021-03-09", "ref": "核查记录#7"}
    )
    found = json.loads(json.dumps(march))
    found["inspectors"][0]["name"] = "张三"
    found["inspectors"][2]["events"].append(
        {"kind": "falsification", "at": "2021-03-16", "ref": "核查记录#9"}
    )
    files = _scored(tmp_path, run_score, march, found)
    wording = "弄虚作假（伪造下井记录、捎卡、补填日志）的，当期考核为不合格"
    chinese = run_score("diff", files["published"], files["result"], "--lang", "zh")
    assert chinese.returncode == 3, chinese.stderr
    assert chinese.stdout.splitlines()[1:] == [
        "1. 张三（青杠坪煤矿）",
        "    总分：91 → 91",
        "    等次：优秀 → 优秀",
        "    【姓名】复核前为张山；复核后更正为张三。",
        "2. 王五（鑫达煤矿）",
        "    总分：100 → 100",
        "    等次：不合格 → 不合格",
        f"    【一票否决】“{wording}”：复核前认定：falsifications = 1；复核后认定：falsifications = 2，"
        "当期等次最高为不合格。",
    ]
    english = run_score("diff", files["result"], files["published"], "--lang", "en")
    assert english.returncode == 3, english.stderr
    assert english.stdout.splitlines()[1:] == [
        "1. 张山 (青杠坪煤矿)",
        "    total: 91 → 91",
        "    grade: 优秀 → 优秀",
        "    [name] before review: 张三; corrected on review: 张山.",
        "2. 王五 (鑫达煤矿)",
        "    total: 100 → 100",
        "    grade: 不合格 → 不合格",
        f"    [veto] “{wording}”: before review: falsifications = 2; after review: falsifications = 1; "
        "the grade is at most 不合格.",
    ]
    notice = run_score(files["found"], "--corrects", files["published"], "--format", "markdown")
    assert notice.returncode == 0, notice.stderr
    assert "    - 【姓名】复核前为张山；复核后更正为张三。" in notice.stdout
    assert (
        f"    - 【一票否决】“{wording}”：复核前认定：弄虚作假1起；"
        "复核后认定：弄虚作假2起，当期等次最高为不合格。" in notice.stdout
    )


def test_diff_lists_the_rules_in_one_order_both_ways(tmp_path: Path, run_score: Run) -> None:
    """李四's objection is upheld (the leave slip) while a missed work-log day is found: the
    underground, night and pre-shift deductions go, a work-log deduction comes. Each result
    lists its hits in the rule file's order; ``score diff`` lists the rules in that order
    whichever result comes first (下井检查, 夜间入井检查, 工作日志, 参加班前会)."""
    march = _evidence(corrected=False)
    found = _evidence(corrected=True)
    found["inspectors"][1]["counts"] = {**found["inspectors"][1]["counts"], "days_without_work_log": 1}
    files = _scored(tmp_path, run_score, march, found)
    ways = [
        run_score("diff", *pair, "--lang", "zh").stdout
        for pair in ((files["published"], files["result"]), (files["result"], files["published"]))
    ]
    rules = [re.findall(r"^    【(\S+?)】“", way, flags=re.MULTILINE) for way in ways]
    assert (
        rules[0]
        == rules[1]
        == ["下井检查", "夜间入井检查", "下井检查", "夜间入井检查", "工作日志", "参加班前会"]
    )


@given(st.lists(st.text(alphabet="abcdef", min_size=1, max_size=3), unique=True), st.data())
def test_law_two_results_hits_merge_into_one_order_either_way(order: list[str], data: st.DataObject) -> None:
    """Law: two lists in one order (each a part of ``order``, as each result's hits are part of
    the rule file's), merged, keep that order wherever it is known, hold each id once, and come
    out the same whichever list goes first."""
    first = [rule for rule in order if data.draw(st.booleans())]
    second = [rule for rule in order if data.draw(st.booleans())]
    merged = _in_both_orders(first, second)
    assert merged == _in_both_orders(second, first)
    assert sorted(merged) == sorted(set(first) | set(second))
    for part in (first, second):
        assert [rule for rule in merged if rule in part] == part


def test_the_comparison_in_english_words_every_kind_of_change(published: dict[str, Path]) -> None:
    """Through the library, a published result against one changed by hand: 张三 commended on
    review (a bonus rule now adds 2: bonus 0 → 2, total 91 → 93), 王五 no longer listed, 赵六
    (no mine) added. Each line in English, what the results say as they say it; the same
    result against itself: one line saying that nothing changed."""
    old = read_published(published["published"].read_bytes(), "old.json")
    tree = json.loads(published["published"].read_text(encoding="utf-8"), parse_float=Decimal)
    zhang = tree["results"][0]
    zhang["bonus"].update(
        raw=2,
        applied=2,
        hits=[
            {
                "rule": "commendation",
                "text": "受到表彰的加2分",
                "raw": 2,
                "applied": 2,
                "explanation": "表彰1次，加2分",
            }
        ],
    )
    zhang["total"] = Decimal(93)
    zhao = json.loads(json.dumps(tree["results"][2], default=str))
    zhao["inspector"] = {"id": "TP-06", "name": "赵六", "mine": ""}
    tree["results"] = [zhang, tree["results"][1], zhao]
    new = PublishedResult(source="new.json", sha256="", tree=tree)
    assert compare_results(old, new).lines("en") == (
        "1. 张三 (青杠坪煤矿)",
        "    bonus: 0 → 2",
        "    total: 91 → 93",
        "    grade: 优秀 → 优秀",
        "    [bonus] “受到表彰的加2分”: before review: nothing added; after review: 表彰1次，加2分.",
        "2. 赵六",
        "    total: — → 100",
        "    grade: — → 优秀",
        "    [inspector] added on review.",
        "3. 王五 (鑫达煤矿)",
        "    total: 100 → —",
        "    grade: 优秀 → —",
        "    [inspector] no longer listed after review.",
    )
    assert compare_results(old, old).lines("en") == ("No inspector's result changed on review.",)
    assert compare_results(old, old).lines("zh") == ("复核前后各人考核结果均无变化。",)


def test_every_format_shows_the_correction(published: dict[str, Path], run_score: Run) -> None:
    """Every notice format carries the 复核结果: the table, HTML and SVG before the results, the
    CSV in a column per inspector, the score sheet on a sheet of its own."""
    table = run_score(published["corrected"], "--corrects", published["published"])
    assert table.returncode == 0, table.stderr
    assert "复核结果" in table.stdout
    assert "复核依据" in table.stdout
    assert "【在岗天数】复核前31天；复核后21天。" in table.stdout
    csv = run_score(published["corrected"], "--corrects", published["published"], "--format", "csv")
    assert csv.returncode == 0, csv.stderr
    lines = csv.stdout.lstrip("\ufeff").splitlines()
    sha = hashlib.sha256(published["published"].read_bytes()).hexdigest()
    assert f'"更正的原公示结果 sha256","{sha}"' in lines
    # ... and the fingerprints it named, as sha256sum gives them, in the CSV as on the page
    march = hashlib.sha256(published["march"].read_bytes()).hexdigest()
    bundled = hashlib.sha256((ROOT / "rules" / "default.toml").read_bytes()).hexdigest()
    assert f'"原证据文件 sha256","{march}"' in lines
    assert f'"原规则文件 sha256","{bundled}"' in lines
    header = next(line for line in lines if line.startswith('"序号"'))
    assert header.endswith(',"扣分说明","复核情况"')
    assert "总分87.0→100.0；等次合格→优秀" in csv.stdout
    assert "无变化" in csv.stdout  # 王五
    html = run_score(published["corrected"], "--corrects", published["published"], "--format", "html")
    assert html.returncode == 0, html.stderr
    assert '<h2 id="part-1-heading">复核结果</h2>' in html.stdout
    assert "<h3>复核依据</h3>" in html.stdout
    assert html.stdout.index("复核结果</h2>") < html.stdout.index("考核结果</h2>")
    svg = run_score(published["corrected"], "--corrects", published["published"], "--format", "svg")
    assert svg.returncode == 0, svg.stderr
    assert ">复核结果</text>" in svg.stdout
    assert ">复核总分</text>" in svg.stdout
    # ... with what the review found and the evidence behind each change, as on the page
    assert ">经复核，2人的考核结果有变化，其余1人维持原公示结果。</text>" in svg.stdout
    assert ">复核依据</text>" in svg.stdout
    assert ">【在岗天数】复核前31天；复核后21天。</text>" in svg.stdout
    workbook = published["corrected"].with_suffix(".xlsx")
    sheet = run_score(
        published["corrected"], "--corrects", published["published"], "--format", "xlsx", "--output", workbook
    )
    assert sheet.returncode == 0, sheet.stderr
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(workbook)
    assert book.sheetnames == ["考核评分表", "复核结果"]
    cells = {cell for row in book["考核评分表"].iter_rows(values_only=True) for cell in row if cell}
    assert {sha, march, bundled} <= {str(cell).rsplit("：", 1)[-1] for cell in cells}
    rows = list(book["复核结果"].iter_rows(values_only=True))
    assert rows[2][:8] == ("序号", "姓名", "所驻煤矿", "变更项目", "原总分", "复核总分", "原等次", "复核等次")
    assert rows[3][1] == "张三"
    assert (rows[3][4], rows[3][5]) == (91, 96)


def test_a_correction_that_changes_nothing_shows_no_empty_table(
    published: dict[str, Path], run_score: Run, tmp_path: Path
) -> None:
    """The published evidence scored again as its own correction: every format says
    维持原公示结果 and shows no 复核结果 table of headers alone."""
    import openpyxl  # noqa: PLC0415

    same = "经复核，各人考核结果均无变化，维持原公示结果。"
    for kind in ("table", "markdown", "html", "svg", "xlsx"):
        target = tmp_path / f"same.{kind}"
        done = run_score(
            published["march"], "--corrects", published["published"], "--format", kind, "--output", target
        )
        assert done.returncode == 0, done.stderr
        if kind == "xlsx":
            cells = [
                c
                for row in openpyxl.load_workbook(target)["复核结果"].iter_rows(values_only=True)
                for c in row
            ]
            assert same in cells
            assert "变更项目" not in cells
            continue
        text = target.read_text(encoding="utf-8")
        assert same in text, kind
        assert "变更项目" not in text, kind


def test_verify_checks_a_corrected_result(published: dict[str, Path], run_score: Run) -> None:
    """`score verify` recomputes a corrected result like any other, and with --corrects checks
    what it names."""
    done = run_score("verify", published["result"], published["corrected"], "--lang", "en")
    assert done.returncode == 0, done.stderr
    named = hashlib.sha256(published["published"].read_bytes()).hexdigest()
    assert done.stdout.splitlines()[-1] == (
        f"It says it corrects the published result with sha256 {named}; give that file with --corrects "
        "to check it."
    )
    done = run_score(
        "verify",
        published["result"],
        published["corrected"],
        "--corrects",
        published["published"],
        "--lang",
        "en",
    )
    assert done.returncode == 0, done.stderr
    sha = hashlib.sha256(published["published"].read_bytes()).hexdigest()
    assert done.stdout.splitlines()[-1] == f"It corrects {published['published']} (sha256 {sha})."
    wrong = run_score(
        "verify",
        published["result"],
        published["corrected"],
        "--corrects",
        published["result"],
        "--lang",
        "en",
    )
    assert wrong.returncode == 3
    # --corrects names another file: the corrects object is not what that file gives.
    differences = wrong.stdout.splitlines()[1:]
    assert [line.split(":")[0] for line in differences] == [
        "  corrects.sha256",
        "  corrects.evidence_sha256",
    ]
    assert differences[0].startswith(f'  corrects.sha256: the result says "{sha[:50]}')


def test_a_result_of_a_year_or_without_its_parts_is_said_once(
    published: dict[str, Path], run_score: Run, tmp_path: Path
) -> None:
    """`score verify`, `score diff` and --corrects read a period's result. A year's (from
    `score annual`, "kind": "annual") is refused at its kind with what to do instead, in both
    languages; a result without its parts gets one line per missing part (it once also said
    that the part missing "must be an object, got null")."""
    year = tmp_path / "year.json"
    year.write_text('{"schema": 1, "kind": "annual", "township": "太平乡", "year": 2021}', encoding="utf-8")
    english = (
        f'{year}: kind: this is the result of a year ("annual"), not of one period: run score annual '
        "again on the same months' evidence and rule file, and compare\n"
    )
    chinese = (
        f'{year}: kind: 这是年度考核结果（"annual"），不是某一期的结果：'
        "请用相同的各月证据文件和规则文件重新运行 score annual 后比对\n"
    )
    for command in (
        ("verify", year, published["march"]),
        ("diff", year, published["result"]),
        (published["corrected"], "--corrects", year),
    ):
        done = run_score(*command, "--lang", "en")
        assert (done.returncode, done.stderr) == (1, english)
        assert run_score(*command, "--lang", "zh").stderr == chinese
    bare = tmp_path / "bare.json"
    bare.write_text('{"schema": 1, "results": [{"inspector": {"id": "TP-01"}}]}', encoding="utf-8")
    done = run_score("verify", bare, published["march"], "--lang", "en")
    assert (done.returncode, done.stderr) == (
        1,
        f"{bare}: ruleset: missing required key\n{bare}: evidence: missing required key\n",
    )
    # score diff reads a result as verify does: the same lines; then what a comparison reads
    done = run_score("diff", bare, published["result"], "--lang", "en")
    assert (done.returncode, done.stderr) == (
        1,
        f"{bare}: ruleset: missing required key\n{bare}: evidence: missing required key\n",
    )
    tree = json.loads(published["result"].read_text(encoding="utf-8"))
    tree["results"][0]["inspector"]["id"] = 5  # (diff once listed 张三 as added and removed)
    del tree["results"][1]["total"]
    damaged = tmp_path / "damaged.json"
    damaged.write_text(json.dumps(tree, ensure_ascii=False), encoding="utf-8")
    done = run_score("diff", published["result"], damaged, "--lang", "en")
    assert (done.returncode, done.stderr) == (
        1,
        f"{damaged}: results[0].inspector.id: must be a string, got 5\n",
    )
    tree["results"][0]["inspector"]["id"] = "TP-01"
    damaged.write_text(json.dumps(tree, ensure_ascii=False), encoding="utf-8")
    done = run_score("diff", published["result"], damaged, "--lang", "en")
    assert (done.returncode, done.stderr) == (1, f"{damaged}: results[1].total: missing required key\n")


def test_diff_of_a_hand_edited_result_never_says_unchanged(
    published: dict[str, Path], run_score: Run, tmp_path: Path
) -> None:
    """A result edited by hand where the notice shows nothing (张三's 下井检查 deducted 6 → 7,
    the bonus's raw 0 → 70): score diff once said "no inspector's result changed", exit 0. It
    now says where the two differ, exit 3. A part that is null (hits, vetoes, a hit's refs) is
    a problem at its path, exit 1, never a traceback; a total of 1e999999999 is shown as it
    is written, at once (written out it was a billion digits)."""
    tree = json.loads(published["published"].read_text(encoding="utf-8"))
    item = next(item for item in tree["results"][0]["items"] if item["id"] == "underground")
    item["deducted"] = 7
    tree["results"][0]["bonus"]["raw"] = 70
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(tree, ensure_ascii=False), encoding="utf-8")
    done = run_score("diff", published["published"], edited, "--lang", "en")
    assert done.returncode == 3, done.stderr
    assert done.stdout.splitlines()[1:] == [
        "1. 张三 (青杠坪煤矿)",
        "    total: 91 → 91",
        "    grade: 优秀 → 优秀",
        "    [other] the two results differ besides, at items[1].deducted, bonus.raw.",
    ]
    chinese = run_score("diff", published["published"], edited, "--lang", "zh").stdout
    assert "    【其他】两份结果另有不同之处：items[1].deducted、bonus.raw。" in chinese
    parts: tuple[str | int, ...]
    for parts, path in (
        (("results", 0, "items", 1, "hits"), "results[0].items[1].hits"),
        (("results", 0, "vetoes"), "results[0].vetoes"),
        (("results", 0, "items", 1, "hits", 0, "refs"), "results[0].items[1].hits[0].refs"),
    ):
        tree = json.loads(published["published"].read_text(encoding="utf-8"))
        place: Any = tree
        for part in parts[:-1]:
            place = place[part]
        place[parts[-1]] = None
        edited.write_text(json.dumps(tree, ensure_ascii=False), encoding="utf-8")
        for command in (
            ("diff", published["published"], edited),
            (published["corrected"], "--corrects", edited),
        ):
            done = run_score(*command, "--lang", "en")
            assert (done.returncode, done.stderr) == (1, f"{edited}: {path}: must be an array, got null\n")
    text = published["published"].read_text(encoding="utf-8")
    edited.write_text(text.replace('"total": 91', '"total": 1e999999999', 1), encoding="utf-8")
    done = run_score("diff", published["published"], edited, "--lang", "en")
    assert done.returncode == 3
    assert "    total: 91 → 1E+999999999" in done.stdout.splitlines()


def test_a_correction_is_of_the_same_period(
    published: dict[str, Path], run_score: Run, tmp_path: Path
) -> None:
    """Correcting a result of another period is refused with exit 1, in both languages."""
    april = _evidence(corrected=True)
    april["assessment"]["period"] = "2021-04"
    for inspector in april["inspectors"]:
        for event in inspector["events"]:
            event["at"] = event["at"].replace("2021-03", "2021-04")
            event["until"] = event["until"].replace("2021-03", "2021-04")
        for leave in inspector.get("leave", []):
            leave["from"], leave["to"] = "2021-04-22", "2021-04-30"
    path = tmp_path / "april.json"
    path.write_text(json.dumps(april, ensure_ascii=False), encoding="utf-8")
    done = run_score(path, "--corrects", published["published"], "--lang", "en")
    assert done.returncode == 1
    assert done.stderr == (
        f"{published['published']}: evidence.period: 2021-03 is not 2021-04 ({path}): "
        "a correction is of the same township and period\n"
    )
    done = run_score(path, "--corrects", published["published"], "--lang", "zh")
    assert done.stderr == (
        f"{published['published']}: evidence.period: 2021-03与2021-04（{path}）不一致："
        "复核结果须与原公示为同一乡镇、同一考核期\n"
    )


def test_diff_reports_a_file_that_is_not_a_result(published: dict[str, Path], run_score: Run) -> None:
    """A result without its parts is an invalid input: every missing key at its path, exit 1."""
    bad = published["published"].parent / "bad.json"
    bad.write_text('{"schema": 1, "ruleset": {}, "results": []}', encoding="utf-8")
    done = run_score("diff", bad, published["result"], "--lang", "en")
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"{bad}: ruleset.sha256: missing required key",
        f"{bad}: evidence: missing required key",
    ]


def test_diff_and_corrects_read_a_result_as_verify_does(published: dict[str, Path], run_score: Run) -> None:
    """A JSON syntax error is said in Chinese and names a full-width comma typed in its place;
    a key given twice is an invalid result, never one of its two values silently; an evidence
    file given for a result is told once per missing part (not also as an array of null)."""
    folder = published["published"].parent
    text = published["published"].read_text(encoding="utf-8")
    full_width = folder / "full-width.json"
    full_width.write_text(text.replace(",", "，", 1), encoding="utf-8")
    done = run_score("diff", published["published"], full_width, "--lang", "zh")
    assert done.returncode == 1
    assert done.stderr == (
        f"{full_width}: 不是考核结果文件（JSON）：JSON 格式有误：此处缺少英文逗号 ,（第 2 行，第 14 列）："
        '此处是全角字符 "，"，JSON 中应为半角（ASCII）的 ","（请把输入法切换到半角）\n'
    )
    twice = folder / "twice.json"
    twice.write_text(text.replace('"schema": 1,', '"schema": 1, "schema": 1,', 1), encoding="utf-8")
    for args in (("diff", published["published"], twice), (published["corrected"], "--corrects", twice)):
        done = run_score(*args, "--lang", "en")
        assert (done.returncode, done.stderr) == (1, f"{twice}: schema: duplicate key\n")
    done = run_score("diff", published["published"], published["march"], "--lang", "en")
    assert done.stderr.splitlines() == [
        f"{published['march']}: ruleset: missing required key",
        f"{published['march']}: evidence: missing required key",
        f"{published['march']}: results: missing required key",
    ]


def test_diff_shows_what_a_result_says_never_obeys_it(published: dict[str, Path], run_score: Run) -> None:
    """A forged result's grade holding an OSC 8 link, a clear-screen and a U+202E: score diff
    prints them as escapes, in either language."""
    data = json.loads(published["published"].read_text(encoding="utf-8"))
    data["results"][0]["grade"] = "\x1b]8;;http://evil/\x07优秀\x1b]8;;\x07\x1b[2J\u202e"
    forged = published["published"].parent / "forged.json"
    forged.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    for lang, grade in (("en", "grade: "), ("zh", "等次：")):
        done = run_score("diff", published["published"], forged, "--lang", lang)
        assert done.returncode == 3
        assert "\x1b" not in done.stdout
        assert "\u202e" not in done.stdout
        assert f"{grade}优秀 → \\x1b]8;;http://evil/\\x07优秀\\x1b]8;;\\x07\\x1b[2J\\u202e" in done.stdout


def test_verify_takes_a_corrects_block_only_as_the_program_writes_it(
    published: dict[str, Path], run_score: Run
) -> None:
    """Without --corrects, a corrected result's fingerprints are unchecked and said to be; one
    that is no sha256 as written (upper case, not hex, too long) is a difference (exit 3)."""
    data = json.loads(published["result"].read_text(encoding="utf-8"))
    forged = published["result"].parent / "forged-corrects.json"
    named = data["corrects"]["evidence_sha256"]
    for value in (named.upper(), "not a fingerprint", named + "0" * 10_000):
        data["corrects"]["evidence_sha256"] = value
        forged.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        done = run_score("verify", forged, published["corrected"], "--lang", "en")
        assert done.returncode == 3, value[:80]
        assert "  corrects: the result says" in done.stdout
        assert max(len(line) for line in done.stdout.splitlines()) < 200


def test_a_published_total_of_any_shape_is_shown_as_written(
    published: dict[str, Path], run_score: Run
) -> None:
    """A published total with more decimals than the rule file keeps (92.25), or absurd (1E+40):
    the 复核结果 shows it as the result writes it, never rounded again, never a traceback."""
    data = json.loads(published["published"].read_text(encoding="utf-8"))
    forged = published["published"].parent / "odd-totals.json"
    for total, shown in (("92.25", "92.25"), ("1E+40", "1E+40")):
        text = json.dumps(data, ensure_ascii=False).replace(
            f'"total": {data["results"][0]["total"]}', f'"total": {total}', 1
        )
        forged.write_text(text, encoding="utf-8")
        done = run_score(published["corrected"], "--corrects", forged, "--format", "markdown")
        assert done.returncode == 0, done.stderr
        row = next(line for line in done.stdout.splitlines() if line.startswith("| 1 | 张三"))
        assert f"| {shown} | 96.0 |" in row

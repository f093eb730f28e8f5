# Exact Decimals are compared with int literals (Decimal(4) == 4 is exact and
# reads like the hand-worked example), which strict equality would refuse.
# mypy: disable-error-code="comparison-overlap"
"""Scoring (SPEC §4), one hand-worked example per rule of the domain."""

from __future__ import annotations

from decimal import Decimal

import pytest

import inspector_scoring as isc
from builders import entries, evidence, inspector, logs, rules, score

D = Decimal

UNDERGROUND = """
[[items]]
id = "underground"
title = "下井检查"
points = 30
  [[items.rules]]
  id = "underground-shortfall"
  text = "每月下井少于15次的，每少1次扣2分"
  metric = "entries"
  below = 15
  per = 2
  prorate = true
[[items]]
id = "rest"
title = "其他"
points = 70
"""


def only(assessment: isc.Assessment) -> isc.InspectorResult:
    """The single inspector's result."""
    (result,) = assessment.results
    return result


def test_below_per_deducts_per_unit_short() -> None:
    """below/per: 13 entries against 15 at 2 a unit deducts 2 × (15 − 13) = 4."""
    result = only(score(rules(UNDERGROUND), evidence(inspector(events=entries(13)))))
    item = result.items[0]
    (hit,) = item.hits
    assert (hit.value, hit.threshold, hit.raw, hit.applied) == (13, 15, 4, 4)
    assert (item.deducted, item.score, item.exhausted) == (4, 26, False)
    assert hit.explanation == "下井13次，少于15次2次，每次扣2分，扣4分"
    assert hit.refs == tuple(f"定位系统#{n}" for n in range(1, 14))
    assert result.total == D("96.0")  # 26 + 70


def test_below_rule_at_threshold_deducts_nothing() -> None:
    """below is strict: exactly 15 entries deduct nothing and make no hit."""
    result = only(score(rules(UNDERGROUND), evidence(inspector(events=entries(15)))))
    assert result.items[0].hits == ()
    assert result.items[0].rules[0].explanation == "下井15次，不少于15次，不扣分"
    assert result.total == 100


def test_above_per_with_cap() -> None:
    """above/per with cap: 3 absences at 5 each is 15, capped at 10."""
    ruleset = rules(
        """
        [[items]]
        id = "on_site"
        title = "在矿驻矿"
        points = 100
          [[items.rules]]
          id = "absence"
          text = "脱岗的，每次扣5分，最多扣10分"
          metric = "absences"
          above = 0
          per = 5
          cap = 10
        """
    )
    result = only(score(ruleset, evidence(inspector(events=entries(3, kind="absence")))))
    (hit,) = result.items[0].hits
    assert (hit.raw, hit.applied) == (10, 10)
    assert hit.explanation == "脱岗3次，每次扣5分，应扣15分，以10分为限，扣10分"
    assert result.total == 90


def test_above_threshold_above_zero_names_the_excess() -> None:
    """above/per over a non-zero threshold: 4 absences over 1 at 2 each is 2 × 3 = 6."""
    ruleset = rules(
        """
        [[items]]
        id = "on_site"
        title = "在矿驻矿"
        points = 100
          [[items.rules]]
          id = "absence"
          text = "脱岗超过1次的，每多1次扣2分"
          metric = "absences"
          above = 1
          per = 2
        """
    )
    result = only(score(ruleset, evidence(inspector(events=entries(4, kind="absence")))))
    (hit,) = result.items[0].hits
    assert hit.raw == 6
    assert hit.explanation == "脱岗4次，多于1次3次，每次扣2分，扣6分"


@pytest.mark.parametrize(("count", "raw"), [(0, 0), (1, 0), (2, 3), (7, 3)])
def test_above_fixed_is_all_or_nothing(count: int, raw: int) -> None:
    """above/fixed: more than 1 absence deducts 3, however many more."""
    ruleset = rules(
        """
        [[items]]
        id = "on_site"
        title = "在矿驻矿"
        points = 100
          [[items.rules]]
          id = "absence"
          text = "脱岗超过1次的，扣3分"
          metric = "absences"
          above = 1
          fixed = 3
        """
    )
    result = only(score(ruleset, evidence(inspector(events=entries(count, kind="absence")))))
    assert result.items[0].rules[0].raw == raw
    assert result.total == 100 - raw


def test_below_fixed() -> None:
    """below/fixed: 4 night entries against 5 deducts the fixed 6."""
    ruleset = rules(
        """
        [[items]]
        id = "night"
        title = "夜间入井"
        points = 100
          [[items.rules]]
          id = "night"
          text = "夜间入井少于5次的，扣6分"
          metric = "night_entries"
          below = 5
          fixed = 6
        """
    )
    result = only(score(ruleset, evidence(inspector(events=entries(4, hour=23)))))
    (hit,) = result.items[0].hits
    assert (hit.value, hit.raw) == (4, 6)
    assert hit.explanation == "夜间入井4次，少于5次，扣6分"


EXHAUSTING = """
[[items]]
id = "duty"
title = "履职"
points = 10
  [[items.rules]]
  id = "absence"
  text = "脱岗的，每次扣4分"
  metric = "absences"
  above = 0
  per = 4
  [[items.rules]]
  id = "underground-shortfall"
  text = "下井少于15次的，每少1次扣1分"
  metric = "entries"
  below = 15
  per = 1
[[items]]
id = "rest"
title = "其他"
points = 90
"""


def test_item_is_deducted_until_exhausted_in_rule_order() -> None:
    """3 absences (raw 12) take all 10 points; the later shortfall (raw 2) finds nothing left."""
    events = entries(3, kind="absence") + entries(13)
    result = only(score(rules(EXHAUSTING), evidence(inspector(events=events))))
    item = result.items[0]
    assert [(h.raw, h.applied) for h in item.hits] == [(12, 10), (2, 0)]
    assert (item.score, item.deducted, item.exhausted) == (0, 10, True)
    assert result.total == 90  # never below zero: 0 + 90


def test_raw_equal_to_points_is_exhausted() -> None:
    """Raw deductions that exactly reach the points mark the item exhausted (扣完为止)."""
    events = entries(2, kind="absence") + entries(13)  # 8 + 2 = 10
    item = only(score(rules(EXHAUSTING), evidence(inspector(events=events)))).items[0]
    assert (item.score, item.exhausted) == (0, True)


def test_proration_by_leave_rounds_half_up() -> None:
    """Leave 15–21 March leaves 24 duty days: 15 × 24 / 31 = 11.61 → 12; 11 entries deduct 2."""
    person = inspector(
        events=entries(11),
        leave=[{"from": "2021-03-15", "to": "2021-03-21", "reason": "病假", "approved_by": "太平乡"}],
    )
    result = only(score(rules(UNDERGROUND), evidence(person)))
    (hit,) = result.items[0].hits
    assert result.duty_days == 24
    assert (hit.threshold, hit.threshold_base, hit.prorated, hit.raw) == (12, 15, True, 2)
    assert hit.explanation == (
        "下井11次，少于12次1次，每次扣2分，扣2分（在岗24天/本期31天，标准由15次按比例折算为12次）"
    )


def test_proration_exact_half_rounds_up() -> None:
    """April has 30 days; serving from the 28th gives 3: 5 × 3 / 30 = 0.5 → 1 (half up, not to even)."""
    ruleset = rules(
        """
        [[items]]
        id = "night"
        title = "夜间入井"
        points = 100
          [[items.rules]]
          id = "night"
          text = "夜间入井少于5次的，每少1次扣3分"
          metric = "night_entries"
          below = 5
          per = 3
          prorate = true
        """
    )
    data = evidence(inspector(serving_from="2021-04-28", events=[]), period="2021-04")
    result = only(score(ruleset, data))
    (hit,) = result.items[0].hits
    assert (result.duty_days, hit.threshold, hit.raw) == (3, 1, 3)


def test_leave_reaching_outside_the_period_is_clipped() -> None:
    """Leave from 25 February to 3 March removes only 1–3 March: 28 duty days."""
    person = inspector(events=entries(15), leave=[{"from": "2021-02-25", "to": "2021-03-03"}])
    assert only(score(rules(UNDERGROUND), evidence(person))).duty_days == 28


def test_no_duty_days_means_prorated_rules_deduct_nothing() -> None:
    """Leave for the whole month: no duty days, so the prorated quota deducts nothing."""
    person = inspector(events=[], leave=[{"from": "2021-03-01", "to": "2021-03-31"}])
    result = only(score(rules(UNDERGROUND), evidence(person)))
    rule = result.items[0].rules[0]
    assert (result.duty_days, rule.threshold, rule.raw, rule.prorated) == (0, 0, 0, True)
    assert rule.explanation == "下井0次，本期无在岗天数，不考核"
    assert result.total == 100


def test_events_on_leave_days_still_count() -> None:
    """An entry on a leave day is still an entry (an inspector may work on leave)."""
    person = inspector(events=entries(15, first_day=10), leave=[{"from": "2021-03-15", "to": "2021-03-16"}])
    rule = only(score(rules(UNDERGROUND), evidence(person))).items[0].rules[0]
    assert (rule.value, rule.threshold, rule.raw) == (15, 14, 0)  # 15 × 29 / 31 = 14.03 → 14


LOGS = """
[[items]]
id = "log"
title = "工作日志"
points = 15
  [[items.rules]]
  id = "log-missing"
  text = "未按日填写工作日志的，每缺1天扣1分"
  metric = "missing_logs"
  above = 0
  per = 1
[[items]]
id = "rest"
title = "其他"
points = 85
"""


def test_days_without_counts_duty_days_with_no_log() -> None:
    """Logs on 1–29 March (not 30, 31): 2 days without a log, 1 point each."""
    result = only(score(rules(LOGS), evidence(inspector(events=logs(range(1, 30))))))
    (hit,) = result.items[0].hits
    assert (hit.value, hit.raw) == (2, 2)
    assert [day.day for day in hit.days] == [30, 31]
    assert hit.explanation == "未填写工作日志2天（3月30日、3月31日），每天扣1分，扣2分"


def test_days_without_skips_leave_and_days_before_service() -> None:
    """Serving from the 10th with leave 20–25: logs on every other duty day leave nothing missing."""
    duty = [day for day in range(10, 32) if not 20 <= day <= 25]
    person = inspector(
        serving_from="2021-03-10", leave=[{"from": "2021-03-20", "to": "2021-03-25"}], events=logs(duty)
    )
    result = only(score(rules(LOGS), evidence(person)))
    assert result.duty_days == len(duty) == 16
    assert result.items[0].hits == ()


def test_serving_until_ends_duty_mid_period() -> None:
    """Serving until the 10th: 10 duty days, logs needed only on those."""
    person = inspector(serving_until="2021-03-10", events=logs(range(1, 10)))
    result = only(score(rules(LOGS), evidence(person)))
    assert result.duty_days == 10
    assert [day.day for day in result.items[0].hits[0].days] == [10]


NIGHT = """
[[items]]
id = "night"
title = "夜间入井"
points = 100
  [[items.rules]]
  id = "night"
  text = "夜间入井少于5次的，每少1次扣1分"
  metric = "night_entries"
  below = 5
  per = 1
"""


def _at(*times: str) -> list[dict[str, str]]:
    return [{"kind": "underground", "at": f"2021-03-{n + 1:02d}T{t}"} for n, t in enumerate(times)]


def test_night_window_wraps_midnight_and_is_half_open() -> None:
    """22:00–06:00: 22:00 and 05:59:59 count; 21:59:59 and 06:00 do not."""
    events = _at("21:59:59", "22:00:00", "23:30:00", "00:00:00", "05:59:59", "06:00:00")
    value = only(score(rules(NIGHT), evidence(inspector(events=events)))).items[0].rules[0].value
    assert value == 4


def test_night_window_that_does_not_wrap() -> None:
    """A midnight shift window 00:00–08:00: 00:00 and 07:59 count, 08:00 and 23:00 do not."""
    events = _at("00:00:00", "07:59:00", "08:00:00", "23:00:00")
    ruleset = rules(NIGHT, night=("00:00:00", "08:00:00"))
    value = only(score(ruleset, evidence(inspector(events=events)))).items[0].rules[0].value
    assert value == 2


def test_where_matches_named_fields_exactly() -> None:
    """Only hazard events whose level is exactly 重大 count; 一般 and no level do not."""
    ruleset = rules(
        """
        [[items]]
        id = "hazards"
        title = "隐患"
        points = 100
          [[items.rules]]
          id = "major"
          text = "发现重大隐患的，每项扣1分"
          metric = "hazards"
          above = 0
          per = 1
        """
    )
    events = [
        {"kind": "hazard", "at": "2021-03-01", "level": "重大", "ref": "隐患台账#1"},
        {"kind": "hazard", "at": "2021-03-02", "level": "一般", "ref": "隐患台账#2"},
        {"kind": "hazard", "at": "2021-03-03", "ref": "隐患台账#3"},
        {"kind": "hazard", "at": "2021-03-04", "level": "重大 ", "ref": "隐患台账#4"},
    ]
    (hit,) = only(score(ruleset, evidence(inspector(events=events)))).items[0].hits
    assert (hit.value, hit.refs) == (1, ("隐患台账#1",))


BONUS = """
[[items]]
id = "all"
title = "全部"
points = 100
  [[items.rules]]
  id = "absence"
  text = "脱岗的，每次扣1分"
  metric = "absences"
  above = 0
  per = 1
[bonus]
cap = 5
  [[bonus.rules]]
  id = "major-hazard"
  text = "发现重大隐患的，每项加2分"
  metric = "hazards"
  above = 0
  per = 2
  [[bonus.rules]]
  id = "extra-entries"
  text = "下井超过20次的，每多1次加1分"
  metric = "entries"
  above = 20
  per = 1
"""


def _hazards(count: int) -> list[dict[str, str]]:
    return [{"kind": "hazard", "at": f"2021-03-{n + 1:02d}", "level": "重大"} for n in range(count)]


def test_bonus_is_capped_and_allotted_in_rule_order() -> None:
    """Bonus raw 6 + 2 = 8, cap 5: the first rule gets 5, the second 0; 4 absences make 96 + 5."""
    events = _hazards(3) + entries(22) + entries(4, kind="absence")
    result = only(score(rules(BONUS), evidence(inspector(events=events))))
    bonus = result.bonus
    assert (bonus.cap, bonus.raw, bonus.applied) == (5, 8, 5)
    assert [(h.raw, h.applied) for h in bonus.hits] == [(6, 5), (2, 0)]
    assert bonus.hits[0].explanation == "发现重大隐患3项，每项加2分，加6分"
    assert result.total == D("100.0")  # 96 + 5 = 101, capped at the scheme's 100


def test_total_below_the_cap_keeps_the_bonus() -> None:
    """10 absences make 90; a bonus of 4 brings the total to 94."""
    events = _hazards(2) + entries(10, kind="absence")
    assert only(score(rules(BONUS), evidence(inspector(events=events)))).total == 94


FRACTIONAL = """
[[items]]
id = "all"
title = "全部"
points = 100
  [[items.rules]]
  id = "small"
  text = "下井少于30次的，每少1次扣0.05分"
  metric = "entries"
  below = 30
  per = 0.05
"""


def test_total_is_rounded_half_up_once_at_the_end() -> None:
    """3 entries: 27 × 0.05 = 1.35, 100 − 1.35 = 98.65 → 98.7 (half up; banker's would give 98.6)."""
    result = only(score(rules(FRACTIONAL), evidence(inspector(events=entries(3)))))
    assert result.items[0].score == D("98.65")  # items keep exact amounts
    assert result.total == D("98.7")
    assert str(result.total) == "98.7"


def test_precision_zero_rounds_to_whole_points() -> None:
    """Precision 0: 20 entries give 10 × 0.05 = 0.5 off, 99.5 → 100."""
    result = only(score(rules(FRACTIONAL, precision=0), evidence(inspector(events=entries(20)))))
    assert result.total == 100


def test_grade_is_decided_on_the_rounded_total() -> None:
    """1 entry: 29 × 0.05 = 1.45 off, 98.55 → 98.6; with 90 as the 优秀 floor."""
    result = only(score(rules(FRACTIONAL), evidence(inspector(events=entries(1)))))
    assert (result.total, result.grade) == (D("98.6"), "优秀")


VETO = """
[[items]]
id = "all"
title = "全部"
points = 100
  [[items.rules]]
  id = "absence"
  text = "脱岗的，每次扣20分"
  metric = "absences"
  above = 0
  per = 20
[[vetoes]]
id = "falsification"
text = "弄虚作假的，当期考核为不合格"
metric = "falsified"
above = 0
[[vetoes]]
id = "mild"
text = "弄虚作假的，最高评为合格"
metric = "falsified"
above = 0
grade = "合格"
"""


def test_veto_forces_a_lower_grade_and_keeps_the_total() -> None:
    """A falsification forces 不合格 (the lowest grade, by default) on a 100-point month."""
    events = [{"kind": "falsification", "at": "2021-03-05", "note": "捎卡"}]
    result = only(score(rules(VETO), evidence(inspector(events=events))))
    assert (result.total, result.grade_by_total, result.grade) == (100, "优秀", "不合格")
    assert [(v.id, v.grade, v.value) for v in result.vetoes] == [
        ("falsification", "不合格", 1),
        ("mild", "合格", 1),
    ]


def test_veto_never_raises_a_grade() -> None:
    """3 absences leave 40 (不合格); a veto to 合格 cannot lift that, and is still listed."""
    ruleset = rules(VETO.split('[[vetoes]]\nid = "falsification"', maxsplit=1)[0] + MILD_ONLY)
    events = [*entries(3, kind="absence"), {"kind": "falsification", "at": "2021-03-05"}]
    result = only(score(ruleset, evidence(inspector(events=events))))
    assert (result.total, result.grade_by_total, result.grade) == (40, "不合格", "不合格")
    assert [(v.id, v.grade) for v in result.vetoes] == [("mild", "合格")]


MILD_ONLY = """
[[vetoes]]
id = "mild"
text = "弄虚作假的，最高评为合格"
metric = "falsified"
above = 0
grade = "合格"
"""

DEFAULTED = """
[metrics.commendations]
title = "表彰次数"
count = "commendation"
default = 0

[[items]]
id = "underground"
title = "下井检查"
points = 30
  [[items.rules]]
  id = "underground-shortfall"
  text = "每月下井少于15次的，每少1次扣2分"
  metric = "entries"
  below = 15
  per = 2
[[items]]
id = "rest"
title = "其他"
points = 70
[bonus]
cap = 5
  [[bonus.rules]]
  id = "commendation"
  text = "受表彰的，每次加3分"
  metric = "commendations"
  above = 0
  per = 3
"""


def test_counts_give_values_without_events() -> None:
    """counts.entries = 14 (no events list): 1 short, 2 points off."""
    result = only(score(rules(DEFAULTED), evidence(inspector(counts={"entries": 14}))))
    assert [(r.value, r.raw) for r in result.items[0].rules] == [(14, 2)]


def test_default_fills_in_when_the_evidence_is_silent() -> None:
    """No events list and no count for commendations: its default 0 is used; entries come from counts."""
    result = only(score(rules(DEFAULTED), evidence(inspector(counts={"entries": 15}))))
    assert result.bonus.rules[0].value == 0
    assert result.total == 100


def test_events_take_precedence_over_default() -> None:
    """With an events list, the derived value (1 commendation) is used, not the default."""
    events = [*entries(15), {"kind": "commendation", "at": "2021-03-08"}]
    result = only(score(rules(DEFAULTED), evidence(inspector(events=events))))
    assert (result.bonus.rules[0].value, result.bonus.applied) == (1, 3)


def test_quarter_period_has_its_own_days() -> None:
    """2021-Q1 has 90 days; serving from 1 February leaves 59: 15 × 59 / 90 = 9.83 → 10."""
    ruleset = rules(UNDERGROUND, period="quarter")
    data = evidence(inspector(serving_from="2021-02-01", events=entries(9)), period="2021-Q1")
    result = only(score(ruleset, data))
    rule = result.items[0].rules[0]
    assert (result.period_days, result.duty_days, rule.threshold, rule.raw) == (90, 59, 10, 2)

"""Static analysis of valid rule files (``score check``): one hand-worked case per warning."""

from __future__ import annotations

import textwrap

import attrs
import pytest

import inspector_scoring as isc
from inspector_scoring import messages as M
from inspector_scoring.rules.analysis import Finding, analyse_rules

HEADER = """\
schema = 1

[ruleset]
id = "x"
title = "测试细则"
version = "1"
effective_from = 2021-01-01
period = "month"
total = {total}
precision = {precision}
"""

TWO_GRADES = (("合格", "60"), ("不合格", "0"))


def analyse(
    body: str,
    *,
    metrics: tuple[str, ...] = ("entries",),
    total: str = "100",
    precision: int = 1,
    grades: tuple[tuple[str, str], ...] = TWO_GRADES,
) -> tuple[tuple[str, str], ...]:
    """Findings for a rule file (the header, ``metrics`` (title only), ``body``, then ``grades``)
    as (path, English message) pairs."""
    text = HEADER.format(total=total, precision=precision)
    text += "".join(f'\n[metrics.{name}]\ntitle = "{name}"\n' for name in metrics)
    text += textwrap.dedent(body)
    text += "".join(f'\n[[grades]]\nname = "{name}"\nmin = {low}\n' for name, low in grades)
    findings = analyse_rules(isc.loads_rules(text, source="x.toml"))
    return tuple((finding.path, finding.text.render("en")) for finding in findings)


def item(points: str, *rules: str, item_id: str = "a") -> str:
    """An ``[[items]]`` table with ``points`` and the given rule bodies (metric ``entries``)."""
    text = f'\n[[items]]\nid = "{item_id}"\ntitle = "项目"\npoints = {points}\n'
    for n, rule in enumerate(rules):
        text += f'\n[[items.rules]]\nid = "{item_id}-{n}"\ntext = "扣分"\nmetric = "entries"\n{rule}\n'
    return text


def rest(points: int) -> str:
    """A rule-less item of ``100 − points`` points, so that the file's points add up to 100."""
    return item(str(100 - points), item_id="rest")


def test_finding_is_a_frozen_record() -> None:
    """A finding is an immutable (path, text) pair; its message is in the language of messages."""
    finding = Finding("items[0].rules[0]", M.BONUS_ZERO_CAP())
    assert (finding.path, finding.message) == (
        "items[0].rules[0]",
        "the bonus cap is 0, so the bonus rules can never add anything",
    )
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        finding.path = "elsewhere"  # type: ignore[misc]


def test_default_rules_have_no_findings() -> None:
    """The bundled scheme has nothing unused, unreachable or dead."""
    assert analyse_rules(isc.default_rules()) == ()


def test_a_clean_file_has_no_findings() -> None:
    """A rule that can deduct, a used metric and reachable grades give nothing to report."""
    assert analyse(item("100", "below = 15\nper = 2")) == ()


def test_below_zero_never_deducts() -> None:
    """below = 0: entries are never fewer than 0, so the rule never fires."""
    assert analyse(item("100", "below = 0\nper = 2")) == (
        (
            "items[0].rules[0].below",
            "below = 0 can never fire (no value is below 0), so this rule never deducts anything",
        ),
    )


def test_a_prorated_threshold_under_a_half_never_deducts() -> None:
    """below = 0.4, prorate: 0.4 × duty/period ≤ 0.4 rounds half up to 0 (SPEC §4.2), full month or not."""
    assert analyse(item("100", "below = 0.4\nper = 2\nprorate = true")) == (
        (
            "items[0].rules[0].below",
            "below = 0.4 with prorate = true is rounded to 0 even for a full month, "
            "so it can never fire and this rule never deducts anything",
        ),
    )
    assert analyse(item("100", "below = 0.5\nper = 2\nprorate = true")) == ()


def test_zero_amounts_never_deduct() -> None:
    """per = 0, fixed = 0 and cap = 0 each make a rule deduct 0 however far the value is."""
    findings = analyse(
        item("100", "above = 0\nper = 0", "above = 1\nfixed = 0", "above = 2\nper = 3\ncap = 0")
    )
    assert findings == (
        ("items[0].rules[0].per", "per = 0, so this rule never deducts anything"),
        ("items[0].rules[1].fixed", "fixed = 0, so this rule never deducts anything"),
        ("items[0].rules[2].cap", "cap = 0, so this rule never deducts anything"),
    )


def test_zero_point_item_never_deducts() -> None:
    """An item of 0 points has nothing to deduct from: one finding for the item, none per rule."""
    body = item("0", "below = 15\nfixed = 5", "below = 10\nper = 1") + item("100", item_id="b")
    assert analyse(body) == (
        ("items[0].points", 'item "a" has 0 points, so its rules can never deduct anything'),
    )


def test_rule_exhausted_by_earlier_fixed_rule() -> None:
    """Fewer than 1 entry fires both; the earlier rule's fixed 5 already takes all 5 points."""
    assert analyse(item("5", "below = 1\nfixed = 5", "below = 1\nper = 3") + rest(5)) == (
        (
            "items[0].rules[1]",
            'never deducts anything: whenever it fires, the earlier rule "a-0" (items[0].rules[0]) '
            "fires too and uses up the item's 5 points first",
        ),
    )


def test_rule_exhausted_by_earlier_per_rule() -> None:
    """Below 10 means at least 15 − 10 = 5 short of 15: 2 × 5 = 10 already takes all 10 points."""
    assert analyse(item("10", "below = 15\nper = 2", "below = 10\nfixed = 5") + rest(10)) == (
        (
            "items[0].rules[1]",
            'never deducts anything: whenever it fires, the earlier rule "a-0" (items[0].rules[0]) '
            "fires too and uses up the item's 10 points first",
        ),
    )


def test_rule_exhausted_by_earlier_above_rule() -> None:
    """Above 2 means at least 2 over 0: 5 × 2 = 10 already takes all 10 points."""
    assert analyse(item("10", "above = 0\nper = 5", "above = 2\nper = 1") + rest(10)) == (
        (
            "items[0].rules[1]",
            'never deducts anything: whenever it fires, the earlier rule "a-0" (items[0].rules[0]) '
            "fires too and uses up the item's 10 points first",
        ),
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("below = 15\nper = 2", "below = 11\nfixed = 5"),  # at least 2 × 4 = 8 < 10
        ("below = 15\nper = 2\ncap = 8", "below = 10\nfixed = 5"),  # the cap holds it to 8
        ("below = 10\nfixed = 10", "below = 12\nfixed = 5"),  # 11 entries fire only the second
        ("above = 3\nfixed = 10", "above = 2\nfixed = 5"),  # 3 entries fire only the second
        ("above = 0\nfixed = 10", "below = 5\nfixed = 5"),  # 0 entries fire only the second
        ("below = 15\nfixed = 10\nprorate = true", "below = 10\nfixed = 5"),  # thresholds vary
        ("below = 15\nfixed = 10", "below = 10\nfixed = 5\nprorate = true"),  # thresholds vary
    ],
)
def test_rule_not_always_exhausted_first(first: str, second: str) -> None:
    """No finding unless the earlier rule always fires and always takes all 10 points."""
    assert analyse(item("10", first, second) + rest(10)) == ()


def test_item_that_can_never_be_exhausted_is_fine() -> None:
    """Rules that together deduct at most 5 + 3 of 20 points are a legal, deliberate design."""
    assert analyse(item("20", "above = 0\nper = 1\ncap = 5", "below = 1\nfixed = 3") + rest(20)) == ()


def test_unused_metric() -> None:
    """A metric no rule, bonus rule or veto names is reported at its table."""
    findings = analyse(item("100", "below = 15\nper = 2"), metrics=("spare", "entries", "other"))
    assert findings == (
        ("metrics.spare", 'metric "spare" is not used by any rule or veto'),
        ("metrics.other", 'metric "other" is not used by any rule or veto'),
    )


def test_metrics_used_by_bonus_and_vetoes_count_as_used() -> None:
    """Bonus rules and vetoes use metrics as much as item rules do."""
    body = item("100", "below = 15\nper = 2") + textwrap.dedent(
        """
        [bonus]
        cap = 5
          [[bonus.rules]]
          id = "found"
          text = "加分"
          metric = "found"
          above = 0
          per = 2

        [[vetoes]]
        id = "fake"
        text = "否决"
        metric = "fake"
        above = 0
        """
    )
    assert analyse(body, metrics=("entries", "found", "fake")) == ()


def test_grade_above_the_total() -> None:
    """min 110 with total 100: no total reaches the top band."""
    findings = analyse(item("100"), metrics=(), grades=(("优秀", "110"), *TWO_GRADES))
    assert findings == (
        ("grades[0].min", 'grade "优秀" can never be given: its min 110 is above the total 100'),
    )


def test_grade_band_narrower_than_precision() -> None:
    """Mins 90 and 89.99 at precision 1: totals step 89.9, 90.0, so [89.99, 90) holds none."""
    grades = (("优秀", "90"), ("良好", "89.99"), *TWO_GRADES)
    assert analyse(item("100"), metrics=(), grades=grades) == (
        (
            "grades[1].min",
            'grade "良好" can never be given: '
            "no total rounded to 1 decimal(s) is at least 89.99 and below 90",
        ),
    )
    # At precision 2 the total 89.99 exists.
    assert analyse(item("100"), metrics=(), grades=grades, precision=2) == ()


def test_grade_band_whole_totals() -> None:
    """Mins 90 and 89.5 at precision 0: whole totals skip from 89 to 90, so [89.5, 90) holds none."""
    grades = (("优秀", "90"), ("良好", "89.5"), *TWO_GRADES)
    assert analyse(item("100"), metrics=(), grades=grades, precision=0) == (
        (
            "grades[1].min",
            'grade "良好" can never be given: no total rounded to 0 decimal(s) is at least 89.5 and below 90',
        ),
    )


BONUS_RULES = """
[bonus]
cap = 10
  [[bonus.rules]]
  id = "commended"
  text = "受表彰的，加2分"
  metric = "commendations"
  above = 0
  fixed = 2
  [[bonus.rules]]
  id = "found"
  text = "发现隐患的，每项加1分，最多加3分"
  metric = "found"
  above = 0
  per = 1
  cap = 3
  [[bonus.rules]]
  id = "spotless"
  text = "差错少于2次的，每少1次加1分"
  metric = "mistakes"
  below = 2
  per = 1
"""


def test_bonus_cap_more_than_rules_can_give() -> None:
    """fixed 2 + cap 3 + 1 × 2 (below 2, at 0 mistakes) = 7, so a cap of 10 is never reached."""
    body = item("100") + BONUS_RULES
    assert analyse(body, metrics=("commendations", "found", "mistakes")) == (
        ("bonus.cap", "the bonus cap 10 is more than the bonus rules can ever give together (7)"),
    )


def test_bonus_cap_reachable_through_an_unbounded_rule() -> None:
    """An above/per rule without a cap can give any amount, so no cap is too large."""
    body = item("100") + BONUS_RULES.replace("  cap = 3\n", "")
    assert analyse(body, metrics=("commendations", "found", "mistakes")) == ()


def test_bonus_rules_never_add() -> None:
    """Under [bonus] the same dead rules are reported as never adding, and exhaustion uses the cap."""
    body = item("100") + textwrap.dedent(
        """
        [bonus]
        cap = 2
          [[bonus.rules]]
          id = "never"
          text = "加分"
          metric = "entries"
          below = 0
          fixed = 1
          [[bonus.rules]]
          id = "first"
          text = "加分"
          metric = "entries"
          above = 20
          fixed = 2
          [[bonus.rules]]
          id = "second"
          text = "加分"
          metric = "entries"
          above = 25
          per = 1
        """
    )
    assert analyse(body) == (
        (
            "bonus.rules[0].below",
            "below = 0 can never fire (no value is below 0), so this rule never adds anything",
        ),
        (
            "bonus.rules[2]",
            'never adds anything: whenever it fires, the earlier rule "first" (bonus.rules[1]) '
            "fires too and uses up the bonus cap of 2 first",
        ),
    )


def test_veto_below_zero_never_applies() -> None:
    """A veto on fewer than 0 of anything can never apply."""
    body = item("100", "below = 15\nper = 2") + textwrap.dedent(
        """
        [[vetoes]]
        id = "never"
        text = "否决"
        metric = "entries"
        below = 0
        """
    )
    assert analyse(body) == (
        ("vetoes[0].below", "below = 0 can never fire (no value is below 0), so this veto never applies"),
    )


def test_findings_follow_file_order() -> None:
    """Metrics, items, bonus, vetoes, then grades: the layout of the rule file."""
    body = item("0", "below = 1\nfixed = 1") + item("100", "below = 0\nfixed = 1", item_id="b")
    body += '\n[bonus]\ncap = 1\n\n[[vetoes]]\nid = "v"\ntext = "否决"\nmetric = "entries"\nbelow = 0\n'
    findings = analyse(body, metrics=("spare", "entries"), grades=(("优秀", "101"), *TWO_GRADES))
    assert [path for path, _ in findings] == [
        "metrics.spare",
        "items[0].points",
        "items[1].rules[0].below",
        "bonus.cap",
        "vetoes[0].below",
        "grades[0].min",
    ]

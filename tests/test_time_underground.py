# mypy: disable-error-code="comparison-overlap"
"""Time underground (``until``, ``min_minutes``): what counts, and what is listed as left out."""

from __future__ import annotations

import json
from datetime import datetime, time, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import inspector_scoring as isc
from builders import evidence, inspector, score
from inspector_scoring.evidence.moments import Moments
from inspector_scoring.periods import parse_period
from inspector_scoring.rules.model import Night

RULES = """\
schema = 1

[ruleset]
id = "minutes"
title = "下井时长"
version = "1"
effective_from = 2021-01-01
period = "month"
total = 100
precision = 1

[metrics.entries]
title = "下井次数"
label = "下井"
count = "underground"
min_minutes = 120

[[items]]
id = "underground"
title = "下井检查"
points = 100
  [[items.rules]]
  id = "underground-shortfall"
  text = "每月下井少于15次的，每少1次扣2分"
  metric = "entries"
  below = 15
  per = 2

[[grades]]
name = "合格"
min = 60
[[grades]]
name = "不合格"
min = 0
"""


def entry(day: int, minutes: int | None, ref: str | None = None) -> dict[str, Any]:
    """An entry at 09:00 on a March day, lasting ``minutes`` (``None``: no exit record)."""
    event: dict[str, Any] = {"kind": "underground", "at": f"2021-03-{day:02d}T09:00:00"}
    if minutes is not None:
        hours, rest = divmod(9 * 60 + minutes, 60)
        event["until"] = f"2021-03-{day + hours // 24:02d}T{hours % 24:02d}:{rest:02d}:00"
    if ref is not None:
        event["ref"] = ref
    return event


def test_only_entries_of_the_minimum_count_and_the_rest_are_listed() -> None:
    """13 entries of 120 minutes count; one of 119 and one without an exit are listed, not counted:
    2 × (15 − 13) = 4 points, and the sentence says what was left out."""
    events = [entry(day, 120, f"定位系统#{day}") for day in range(1, 14)]
    events += [entry(20, 119, "定位系统#20"), entry(21, None, "定位系统#21")]
    (result,) = score(isc.loads_rules(RULES), evidence(inspector(events=events))).results
    (hit,) = result.items[0].hits
    assert (hit.value, hit.raw) == (13, 4)
    assert (
        hit.explanation
        == "下井13次（另有1次不足120分钟、1次无升井记录，未计入），少于15次2次，每次扣2分，扣4分"
    )
    assert [(u.ref, u.reason, u.minutes) for u in hit.uncounted] == [
        ("定位系统#20", "short", 119),
        ("定位系统#21", "no_exit", None),
    ]


def test_the_result_lists_what_was_left_out_even_without_a_deduction() -> None:
    """15 counted entries deduct nothing, yet the short one is listed under the inspector's
    ``uncounted`` (an event without a ref by its path), in the result JSON."""
    events = [entry(day, 150, f"定位系统#{day}") for day in range(1, 16)]
    events.append(entry(20, 30))
    data = evidence(inspector(events=events))
    assessment = score(isc.loads_rules(RULES), data)
    result = json.loads(isc.result_to_json(assessment))["results"][0]
    assert result["items"][0]["hits"] == []
    assert result["uncounted"] == [
        {"metric": "entries", "ref": "inspectors[0].events[15]", "reason": "short", "minutes": 30}
    ]
    assert isc.result_to_dict(assessment)["results"][0]["uncounted"] == result["uncounted"]


def test_an_inspector_with_nothing_left_out_has_no_uncounted_key() -> None:
    """The key appears only when something was left out, so earlier results keep their bytes."""
    events = [entry(day, 200, f"定位系统#{day}") for day in range(1, 16)]
    result = json.loads(isc.result_to_json(score(isc.loads_rules(RULES), evidence(inspector(events=events)))))
    assert "uncounted" not in result["results"][0]


def test_an_entry_may_cross_midnight_and_counts_on_its_first_day() -> None:
    """23:00 to 01:30 the next day is 150 minutes: it counts, for the day it began."""
    event = {"kind": "underground", "at": "2021-03-31T23:00:00", "until": "2021-04-01T01:30:00", "ref": "a"}
    (result,) = score(isc.loads_rules(RULES), evidence(inspector(events=[event]))).results
    assert result.values == (1,)


@pytest.mark.parametrize(
    ("until", "message"),
    [
        (
            "2021-03-02T08:59:00",
            "inspectors[0].events[0].until: must not be before at (2021-03-02T09:00:00), "
            'got "2021-03-02T08:59:00"',
        ),
        (
            "2021-03-03T09:01:00",
            "inspectors[0].events[0].until: must be at most 24 hours after at (2021-03-02T09:00:00), "
            'got "2021-03-03T09:01:00"',
        ),
    ],
)
def test_an_exit_before_the_entry_or_a_day_later_is_refused(until: str, message: str) -> None:
    """``until`` lies between ``at`` and 24 hours after it."""
    event = {"kind": "underground", "at": "2021-03-02T09:00:00", "until": until}
    with pytest.raises(isc.InvalidInputError) as error:
        score(isc.loads_rules(RULES), evidence(inspector(events=[event])))
    assert [f"{p.path}: {p.message}" for p in error.value.problems] == [message]


def test_an_exit_needs_an_entry_with_a_time_of_day() -> None:
    """An entry on a date alone has no moment to measure from: refused, beside plain entries."""
    events = [entry(day, 150, f"定位系统#{day}") for day in range(1, 4)]
    events.append({"kind": "underground", "at": "2021-03-05", "until": "2021-03-05T11:00:00", "ref": "x"})
    with pytest.raises(isc.InvalidInputError) as error:
        score(isc.loads_rules(RULES), evidence(inspector(events=events)))
    assert [f"{p.path}: {p.message}" for p in error.value.problems] == [
        'inspectors[0].events[3].until: an event with until needs a time of day in at, got "2021-03-05"'
    ]


#: the forms a date-time may take in evidence: with seconds, without, with a fraction
_FORMS = ("%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S.%f")


@given(
    starts=st.lists(st.datetimes(datetime(2021, 3, 1), datetime(2021, 3, 31, 23, 59, 59)), max_size=8),
    lengths=st.lists(st.integers(0, 24 * 60 * 60), min_size=8, max_size=8),
    forms=st.lists(st.sampled_from(_FORMS), min_size=16, max_size=16),
)
def test_law_an_entry_counts_by_its_whole_minutes_whatever_the_form_of_its_moments(
    starts: list[datetime], lengths: list[int], forms: list[str]
) -> None:
    """However ``at`` and ``until`` are written, an entry counts when the whole minutes between
    them (as those texts say, to the second or its fraction) reach 120, and is listed when not."""
    events, expected = [], 0
    for n, (start, seconds) in enumerate(zip(starts, lengths, strict=False)):
        at = start.strftime(forms[2 * n])
        until = (datetime.fromisoformat(at) + timedelta(seconds=seconds)).strftime(forms[2 * n + 1])
        minutes = (datetime.fromisoformat(until) - datetime.fromisoformat(at)) // timedelta(minutes=1)
        if minutes < 0:
            continue  # (written without its seconds, the exit came before the entry)
        events.append({"kind": "underground", "at": at, "until": until, "ref": f"#{n}"})
        expected += minutes >= 120
    (result,) = score(isc.loads_rules(RULES), evidence(inspector(events=events))).results
    assert result.values == (expected,)
    assert len(result.uncounted[0]) == len(events) - expected


@given(st.text(alphabet="0123456789-T:.+ Z\uff10t", max_size=24) | st.datetimes().map(datetime.isoformat))
def test_law_the_quick_reading_of_a_moment_agrees_with_the_full_one(text: str) -> None:
    """What the quick path reads as a date-time of the period, the full reading reads the same."""
    moments = Moments(parse_period("2021-03"), None)
    found = moments.plain([text])
    if found is not None:
        assert moments.all_inside([text])
        assert moments[text].value == found[0]


@given(
    start=st.times(),
    end=st.times(),
    moments=st.lists(st.datetimes(datetime(2021, 3, 1), datetime(2021, 3, 31, 23, 59, 59)), max_size=6),
)
def test_law_a_moment_is_at_night_as_its_time_of_day_says(
    start: time, end: time, moments: list[datetime]
) -> None:
    """Whether a date-time falls in the night window is decided by its time of day, whether it
    is written in the usual form (compared as text) or not (read as a time)."""
    night = Night(start, end)
    window = Moments(parse_period("2021-03"), night)
    usual = [moment.strftime("%Y-%m-%dT%H:%M:%S") for moment in moments]
    expected = [night.contains(datetime.fromisoformat(text).time()) for text in usual]
    assert window.nights(usual) == expected
    assert window.nights([text[:16] for text in usual]) == [
        night.contains(datetime.fromisoformat(text[:16]).time()) for text in usual
    ]


def test_the_default_scheme_counts_entries_of_two_hours() -> None:
    """The bundled scheme counts an entry of at least 120 minutes, and says so in its wording."""
    rules = isc.default_rules()
    assert rules.metric("underground_entries").min_minutes == 120
    assert rules.metric("night_underground_entries").min_minutes == 120
    assert "不足120分钟" in rules.items[1].rules[0].text

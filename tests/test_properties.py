"""Laws of scoring, checked on generated rule files and evidence (hypothesis)."""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Iterator, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import assume, given
from hypothesis import strategies as st

import inspector_scoring as isc
from conftest import EXAMPLES
from strategies import default_evidence, json_values, rule_mappings, rules_and_events, rules_and_evidence

Case = tuple[isc.Ruleset, dict[str, Any]]


def _rank(ruleset: isc.Ruleset, grade: str) -> int:
    """A grade's place among the scheme's bands (0 is the best)."""
    return [band.name for band in ruleset.grades].index(grade)


def _score(ruleset: isc.Ruleset, data: dict[str, Any]) -> isc.Assessment:
    return isc.score_evidence(ruleset, isc.load_evidence(data, rules=ruleset))


@given(rules_and_evidence())
def test_item_scores_stay_within_their_points(case: Case) -> None:
    """Every item score is in [0, points], and deducted + score = points."""
    for result in _score(*case).results:
        for item in result.items:
            assert 0 <= item.score <= item.points
            assert item.deducted + item.score == item.points


@given(rules_and_evidence())
def test_total_stays_within_the_scheme_and_is_rounded_once(case: Case) -> None:
    """The total is in [0, total] and has exactly `precision` decimals."""
    ruleset = case[0]
    for result in _score(*case).results:
        assert 0 <= result.total <= ruleset.total
        assert result.total.as_tuple().exponent == -ruleset.precision


@given(rules_and_evidence())
def test_applied_never_exceeds_raw(case: Case) -> None:
    """Each rule deducts (or adds) at most its raw amount, and the applied amounts sum to what was taken."""
    for result in _score(*case).results:
        for item in result.items:
            assert all(0 <= rule.applied <= rule.raw for rule in item.rules)
            assert sum((rule.applied for rule in item.rules), Decimal(0)) == item.deducted
        assert all(0 <= rule.applied <= rule.raw for rule in result.bonus.rules)
        assert result.bonus.applied == min(result.bonus.cap, result.bonus.raw)


@given(rules_and_evidence())
def test_exhausted_means_raw_reached_the_points(case: Case) -> None:
    """An item is exhausted exactly when some rule hit and the raw deductions reach its points."""
    for result in _score(*case).results:
        for item in result.items:
            raw = sum((rule.raw for rule in item.rules), Decimal(0))
            assert item.exhausted == (raw > 0 and raw >= item.points)
            if item.exhausted:
                assert item.score == 0


@given(rules_and_evidence(), st.data())
def test_a_larger_shortfall_never_raises_a_score(case: Case, data: st.DataObject) -> None:
    """Making one deduction metric worse never raises that item's score or the total."""
    ruleset, evidence = case
    chains = [(n, rule) for n, item in enumerate(ruleset.items) for rule in item.rules]
    assume(chains)
    index, rule = data.draw(st.sampled_from(chains))
    step = data.draw(st.decimals(min_value=0, max_value=20, places=1))
    worse = copy.deepcopy(evidence)
    for person in worse["inspectors"]:
        value = person["counts"][rule.metric]
        person["counts"][rule.metric] = (
            value + step if rule.comparison is isc.Comparison.ABOVE else max(Decimal(0), value - step)
        )
    before, after = _score(ruleset, evidence), _score(ruleset, worse)
    for old, new in zip(before.results, after.results, strict=True):
        assert new.items[index].score <= old.items[index].score
        assert new.total <= old.total


@given(rules_and_evidence())
def test_a_veto_never_raises_a_grade_nor_changes_the_total(case: Case) -> None:
    """With its vetoes, a result's grade is never better, and its total is the same."""
    ruleset, evidence = case
    unvetoed = attrs.evolve(ruleset, vetoes=())
    for with_vetoes, without in zip(
        _score(ruleset, evidence).results, _score(unvetoed, evidence).results, strict=True
    ):
        assert with_vetoes.total == without.total
        assert _rank(ruleset, with_vetoes.grade) >= _rank(ruleset, without.grade)
        assert (with_vetoes.grade != without.grade) <= bool(with_vetoes.vetoes)


def _as_objects(text: str) -> date | datetime:
    return datetime.fromisoformat(text) if "T" in text else date.fromisoformat(text)


@given(rules_and_events())
def test_law_dates_given_as_objects_score_as_their_iso_text(case: Case) -> None:
    """A mapping whose event and leave dates are ``date``/``datetime`` objects gives the result,
    fingerprint included, of the same mapping with them as ISO text (the canonical JSON writes
    them so)."""
    ruleset, evidence = case
    objects = copy.deepcopy(evidence)
    for person in objects["inspectors"]:
        for entry in [*person.get("events", []), *person.get("leave", [])]:
            for key in ("at", "until", "from", "to"):
                if key in entry:
                    entry[key] = _as_objects(entry[key])
    as_text = isc.result_to_json(isc.score_evidence(ruleset, evidence))
    assert isc.result_to_json(isc.score_evidence(ruleset, objects)) == as_text


@given(rules_and_events(), st.randoms(use_true_random=False))
def test_law_events_as_other_mappings_score_as_dicts(case: Case, rng: random.Random) -> None:
    """A caller's events may be read-only mappings (``MappingProxyType``), some or all of them:
    the result, fingerprint included, is that of the same events as dicts."""
    from types import MappingProxyType  # noqa: PLC0415

    ruleset, evidence = case
    proxied = copy.deepcopy(evidence)
    for person in proxied["inspectors"]:
        if "events" in person:
            person["events"] = [
                MappingProxyType(event) if rng.random() < 0.5 else event for event in person["events"]
            ]
    as_dicts = isc.result_to_json(isc.score_evidence(ruleset, evidence))
    assert isc.result_to_json(isc.score_evidence(ruleset, proxied)) == as_dicts


@given(default_evidence(), st.randoms(use_true_random=False))
def test_evidence_order_does_not_change_the_result(evidence: dict[str, Any], rng: random.Random) -> None:
    """Shuffling the events, and the inspectors, leaves every inspector's result the same."""
    rules = isc.default_rules()
    shuffled = copy.deepcopy(evidence)
    for person in shuffled["inspectors"]:
        rng.shuffle(person["events"])
    rng.shuffle(shuffled["inspectors"])

    def by_id(data: dict[str, Any]) -> dict[str, Any]:
        results = isc.result_to_dict(_score(rules, data))["results"]
        return {r["inspector"]["id"]: r for r in results}

    assert by_id(shuffled) == by_id(evidence)


@given(default_evidence())
def test_scoring_is_deterministic(evidence: dict[str, Any]) -> None:
    """The same inputs give byte-identical JSON."""
    rules = isc.default_rules()
    assert isc.result_to_json(_score(rules, evidence)) == isc.result_to_json(_score(rules, evidence))


@given(rule_mappings())
def test_rules_round_trip_through_toml(mapping: dict[str, Any]) -> None:
    """Rules written with dumps_rules (tomli-w) load back equal."""
    ruleset = isc.load_rules(mapping)
    again = isc.loads_rules(isc.dumps_rules(ruleset), source=ruleset.source)
    assert attrs.evolve(again, sha256="") == attrs.evolve(ruleset, sha256="")


def test_default_rules_round_trip_through_toml() -> None:
    """The bundled scheme survives dumps_rules and loads_rules unchanged."""
    ruleset = isc.default_rules()
    again = isc.loads_rules(isc.dumps_rules(ruleset), source=ruleset.source)
    assert attrs.evolve(again, sha256="") == attrs.evolve(ruleset, sha256="")


def _expect_only_invalid_input(value: object) -> None:
    rules = isc.default_rules()
    try:
        evidence = isc.load_evidence(value, rules=rules)  # type: ignore[arg-type]
    except isc.InvalidInputError as error:
        problems = error.problems
    else:
        isc.score_evidence(rules, evidence)
        return
    assert problems
    assert all(str(problem).startswith("<evidence>: ") for problem in problems)


@given(json_values.filter(lambda value: not isinstance(value, str)))  # a str is a path
def test_arbitrary_json_values_raise_only_the_library_error(value: object) -> None:
    """Any JSON-like value given as evidence either scores or raises InvalidInputError."""
    _expect_only_invalid_input(value)


_TAIPING = json.loads((EXAMPLES / "taiping-2021-03.json").read_text(encoding="utf-8"), parse_float=Decimal)


def _paths(value: object, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for n, child in enumerate(value[:3]):
            found += _paths(child, (*prefix, n))
    return found


_TAIPING_PATHS = _paths(_TAIPING)[1:]


@given(st.sampled_from(_TAIPING_PATHS), json_values)
def test_damaged_real_evidence_raises_only_the_library_error(path: tuple[Any, ...], value: object) -> None:
    """The 太平乡 example with any one value replaced either scores or raises InvalidInputError."""
    damaged = copy.deepcopy(_TAIPING)
    target: Any = damaged
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    _expect_only_invalid_input(damaged)


@given(rules_and_evidence())
def test_fast_json_writer_equals_the_generic_one(case: Case) -> None:
    """result_to_json writes exactly what the generic writer makes of result_to_dict."""
    from inspector_scoring.jsontext import dumps  # noqa: PLC0415

    assessment = _score(*case)
    assert isc.result_to_json(assessment) == dumps(isc.result_to_dict(assessment)) + "\n"


@given(default_evidence())
def test_fast_json_writer_equals_the_generic_one_on_events(evidence: dict[str, Any]) -> None:
    """The same, with refs, days and explanations from events under the default scheme."""
    from inspector_scoring.jsontext import dumps  # noqa: PLC0415

    assessment = _score(isc.default_rules(), evidence)
    assert isc.result_to_json(assessment) == dumps(isc.result_to_dict(assessment)) + "\n"


# Trees as a caller may give them: JSON's values, and what no file holds (keys that are no
# strings, half of a surrogate pair, floats, deep or shared containers).
_LEAVES = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.decimals(allow_nan=True, allow_infinity=True)
    | st.floats()
    | st.text(max_size=6)
    | st.sampled_from(["\ud800", "a\udfffb", "杨国华"])
)
_KEYS = st.text(max_size=4) | st.integers(0, 3) | st.just("\udc80")
_TREES = st.recursive(
    _LEAVES,
    lambda children: (
        st.lists(children, max_size=3)
        | st.tuples(children, children)
        | st.dictionaries(_KEYS, children, max_size=3)
    ),
    max_leaves=16,
)


def _shared(tree: object) -> object:
    """``tree`` where it is a container, held twice, as a caller's mapping may hold one."""
    return [tree, tree] if isinstance(tree, (list, dict, tuple)) else tree


@given(st.one_of(_TREES, _TREES.map(_shared)), st.integers(1, 6))
def test_law_a_plain_trees_fingerprint_is_the_canonical_texts(tree: object, most: int) -> None:
    """The one walk that fingerprints a caller's mapping gives the sha256 of the canonical text
    whenever it gives one, and gives one only for a tree the located checks find nothing in (so
    that they need not walk it again)."""
    import hashlib  # noqa: PLC0415

    from inspector_scoring._readers import check_tree  # noqa: PLC0415
    from inspector_scoring.errors import Collector  # noqa: PLC0415
    from inspector_scoring.jsontext import dumps, plain_sha256  # noqa: PLC0415

    digest = plain_sha256(tree, most=most)
    if digest is None:
        return
    assert digest == hashlib.sha256(dumps(tree, indent=None, sort_keys=True).encode("utf-8")).hexdigest()
    problems = Collector("<evidence>", json_file=True)
    check_tree(problems, tree, most=most)
    assert problems.problems == []


class _TextAndTable(str, Mapping[str, object]):  # type: ignore[misc]  # (two things, on purpose)
    """Text that is also an (empty) mapping: the general writer writes it as text."""

    def __getitem__(self, key: str) -> object:  # type: ignore[override]
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


def test_a_value_that_is_two_things_is_fingerprinted_as_the_general_writer_writes_it() -> None:
    """A caller's value of a kind of its own (text that is also a mapping, a read-only mapping,
    an ordered one) is left by the one walk to the general writer: the fingerprint is always the
    canonical text's."""
    import hashlib  # noqa: PLC0415
    from collections import OrderedDict  # noqa: PLC0415
    from types import MappingProxyType  # noqa: PLC0415

    from inspector_scoring.jsontext import canonical_sha256, dumps, plain_sha256  # noqa: PLC0415

    for tree in (
        {"a": _TextAndTable("文字")},
        _TextAndTable("x"),
        {"a": MappingProxyType({"b": 1})},
        OrderedDict([("b", 1), ("a", [2])]),
    ):
        text = dumps(tree, indent=None, sort_keys=True)
        assert canonical_sha256(tree) == hashlib.sha256(text.encode("utf-8")).hexdigest()
        assert plain_sha256(tree) is None

"""Corrections (复核): a published result compared with the corrected one.

After objections (异议) a panel corrects the evidence and scores it again; the
corrected result names the published one (:class:`Corrects`: its own sha256
and the fingerprints it named), and the 复核结果公示 lists, per inspector whose
result changed, each item, the bonus, the total and the grade before and after,
and the evidence behind each change. :func:`compare_results` works on two
results in the JSON shape of ``score --format json``, so ``score diff`` and the
corrected notice show one comparison, worked out once.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from . import messages as M
from ._readers import join, read_key, read_list, read_part, read_table
from .errors import Collector, fail
from .files import read_bytes
from .i18n import SHOWN, Listing, Text, quote
from .numbers import decimals_of, format_fixed
from .numbers import format_number as num

if TYPE_CHECKING:
    from .rules.model import Ruleset

__all__ = [
    "Corrects",
    "InspectorChange",
    "PublishedResult",
    "ResultChanges",
    "RuleChange",
    "ScoreChange",
    "compare_results",
    "load_published",
    "read_published",
]


@attrs.frozen(slots=True)
class Corrects:
    """What a corrected result corrects: the published result's own sha256 and the
    fingerprints of the evidence and the rule file it named."""

    sha256: str
    evidence_sha256: str
    ruleset_sha256: str

    def as_dict(self) -> dict[str, str]:
        """The ``corrects`` object of the result JSON."""
        return {
            "sha256": self.sha256,
            "evidence_sha256": self.evidence_sha256,
            "ruleset_sha256": self.ruleset_sha256,
        }


@attrs.frozen(slots=True)
class PublishedResult:
    """A result read from its file: the JSON tree, checked for the parts compared, and its bytes' sha256."""

    source: str
    sha256: str
    tree: Mapping[str, Any]

    @property
    def corrects(self) -> Corrects:
        """What a result correcting this one names."""
        return Corrects(
            sha256=self.sha256,
            evidence_sha256=self.tree["evidence"]["sha256"],
            ruleset_sha256=self.tree["ruleset"]["sha256"],
        )

    @property
    def township(self) -> str:
        """The township the result is of."""
        return str(self.tree["evidence"]["township"])

    @property
    def period(self) -> str:
        """The period the result is of (``2021-03``)."""
        return str(self.tree["evidence"]["period"])


@attrs.frozen(slots=True)
class ScoreChange:
    """One published figure before and after: an item's score, the bonus, the total or the grade."""

    #: the item's title, or 加分, 总分, 等次 (as the notice says them)
    what: str
    before: str
    after: str
    #: ``item``, or the figure that is no item: ``bonus``, ``total``, ``grade``
    kind: str = "item"

    def label(self, language: str | None = None) -> str:
        """What changed in ``language``: the item's title as the rule file gives it, else the
        bonus, the total or the grade in words."""
        return self.what if self.kind == "item" else _FIGURES[self.kind].render(language)


#: the figures of a result that are no item, in words (``score diff``), and as the notice,
#: which is always Chinese, names them
_FIGURES = {"bonus": M.CHANGE_BONUS, "total": M.CHANGE_TOTAL, "grade": M.CHANGE_GRADE}
_NOTICE_FIGURES = {"bonus": "加分", "total": "总分", "grade": "等次"}


def _figure(kind: str, before: str, after: str) -> ScoreChange:
    """The bonus, the total or the grade before and after, named as the notice names it."""
    return ScoreChange(_NOTICE_FIGURES[kind], before, after, kind)


@attrs.frozen(slots=True)
class RuleChange:
    """The evidence behind a change: one rule's facts before and after."""

    #: the item's title, or 加分
    item: str
    rule: str
    #: the rule's published wording
    text: str
    #: the sentence of the facts before and after (``None``: the rule amounted to nothing)
    before: str | None
    after: str | None
    #: references to evidence records that now count, or no longer count (when the rule
    #: amounts to something both before and after: a result lists them only then)
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    #: every ref the line cites: the records behind the rule before and after
    cited: tuple[str, ...] = ()
    #: a bonus rule (its nothing is "nothing added"), not a deduction
    bonus: bool = False

    @property
    def reason(self) -> Text:
        """The change in words, in any language (the facts and the wording as the result gives
        them, in Chinese)."""
        facts = [
            M.CHANGE_BEFORE(facts=self.before)
            if self.before is not None
            else (M.CHANGE_BEFORE_NO_BONUS() if self.bonus else M.CHANGE_BEFORE_NO_DEDUCTION()),
            M.CHANGE_AFTER(facts=self.after)
            if self.after is not None
            else (M.CHANGE_AFTER_NO_BONUS() if self.bonus else M.CHANGE_AFTER_NO_DEDUCTION()),
        ]
        if self.added:
            facts.append(M.CHANGE_RECORDS_ADDED(refs=Listing(self.added)))
        if self.removed:
            facts.append(M.CHANGE_RECORDS_REMOVED(refs=Listing(self.removed)))
        item = M.CHANGE_BONUS() if self.bonus else self.item
        return M.CHANGE_RULE(item=item, text=self.text, facts=tuple(facts))


@attrs.frozen(slots=True)
class InspectorChange:
    """One inspector whose result changed (or who was added or removed)."""

    id: str
    name: str
    mine: str
    #: each changed item, the bonus when it changed, then the total and the grade (always)
    scores: tuple[ScoreChange, ...]
    #: the evidence behind the change, in words of any language
    why: tuple[Text, ...]
    #: every ref the reasons cite
    refs: tuple[str, ...] = ()

    def figure(self, kind: str) -> ScoreChange:
        """The change of the ``total`` or the ``grade`` (always given), or of the ``bonus``."""
        for change in self.scores:
            if change.kind == kind:
                return change
        raise KeyError(kind)

    def reasons(self, language: str | None = None) -> tuple[str, ...]:
        """The evidence behind the change, one sentence each, in ``language`` (the notice: ``zh``)."""
        return tuple(reason.render(language) for reason in self.why)

    @property
    def items_text(self) -> str:
        """The items and bonus that changed, in one cell: ``下井检查16→18；加分0→2``."""
        changed = [change for change in self.scores if change.kind in ("item", "bonus")]
        return "；".join(f"{change.what}{change.before}→{change.after}" for change in changed) or "—"

    @property
    def summary(self) -> str:
        """The whole change in one sentence, in Chinese (for the notice's CSV cell)."""
        total, grade = self.figure("total"), self.figure("grade")
        parts = [f"总分{total.before}→{total.after}", f"等次{grade.before}→{grade.after}"]
        if self.items_text != "—":
            parts.insert(0, self.items_text)
        return "；".join(parts) + "。" + "".join(self.reasons("zh"))


@attrs.frozen(slots=True)
class ResultChanges:
    """Two results compared: the fingerprints of each and every inspector whose result changed."""

    before: Corrects
    after: Corrects
    changes: tuple[InspectorChange, ...]
    #: inspectors compared whose result is the same
    unchanged: int

    def lines(self, language: str | None = None) -> tuple[str, ...]:
        """The comparison in words of ``language``, as ``score diff`` prints it: each inspector,
        each figure before and after, and why."""
        if not self.changes:
            return (M.CHANGE_NONE.render(language),)
        lines = []
        for number, change in enumerate(self.changes, start=1):
            heading = M.CHANGE_HEADING if change.mine else M.CHANGE_HEADING_NO_MINE
            lines.append(heading.render(language, number=number, name=change.name, mine=change.mine))
            lines.extend(
                "    "
                + M.CHANGE_SCORE.render(
                    language, what=score.label(language), before=score.before, after=score.after
                )
                for score in change.scores
            )
            lines.extend(f"    {reason}" for reason in change.reasons(language))
        return tuple(lines)


# -- reading a published result ---------------------------------------------------


def read_published(data: bytes | str, source: str) -> PublishedResult:
    """A published result from its file's bytes (or its text, as :func:`result_to_json` gives it:
    its UTF-8 bytes are the file's), checked for the parts a comparison reads; ``source`` names it
    in problems.

    Raises :class:`~inspector_scoring.InvalidInputError` when it is not a
    result in the shape ``score --format json`` writes.
    """
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    source = os.fspath(source)
    from .verify import check_shape, read_result  # noqa: PLC0415 - one reader of result files

    tree = read_result(data, source)
    problems = Collector(source, json_file=True)
    # What makes it a result at all, as verify reads it (a key given twice: which of the two
    # was published?), then the parts a comparison reads besides.
    check_shape(problems, tree)
    problems.raise_if_any()
    assert isinstance(tree, dict)  # (check_shape said so, and what follows)
    for key in ("township", "period"):
        read_key(problems, "evidence", tree["evidence"], key)
    for n, result in enumerate(tree["results"]):
        path = join("results", n)
        read_key(problems, join(path, "inspector"), result["inspector"], "name")
        for key in ("total", "grade", "duty_days"):
            read_key(problems, path, result, key)
        _entries(problems, path, result, "vetoes", ("id",))
        items_path = join(path, "items")
        for k, item in enumerate(read_part(problems, path, result, "items", read_list) or []):
            table = read_table(problems, join(items_path, k), item)
            if table is not None:
                for key in ("id", "title", "score"):
                    read_key(problems, join(items_path, k), table, key)
                _entries(problems, join(items_path, k), table, "hits", ("rule",), lists=("refs",))
        bonus = read_part(problems, path, result, "bonus", read_table)
        if bonus is not None:
            read_key(problems, join(path, "bonus"), bonus, "applied")
            _entries(problems, join(path, "bonus"), bonus, "hits", ("rule",), lists=("refs",))
    problems.raise_if_any()
    return PublishedResult(source=source, sha256=hashlib.sha256(data).hexdigest(), tree=tree)


def _entries(
    problems: Collector,
    path: str,
    table: Mapping[str, Any],
    key: str,
    keys: tuple[str, ...],
    *,
    lists: tuple[str, ...] = (),
) -> None:
    """``table[key]``: a list (hits, vetoes) of objects, each with ``keys`` and, where given,
    each of ``lists`` a list (a hit's refs): the parts a comparison reads, never null."""
    entries = read_part(problems, path, table, key, read_list)
    for n, entry in enumerate(entries or []):
        where = join(join(path, key), n)
        found = read_table(problems, where, entry)
        if found is None:
            continue
        for name in keys:
            read_key(problems, where, found, name)
        for name in lists:
            if name in found:
                read_list(problems, join(where, name), found[name])


def load_published(name: str | os.PathLike[str]) -> PublishedResult:
    """The published result in the file ``name`` (see :func:`read_published`)."""
    path = os.fspath(name)
    return read_published(read_bytes(path), path)


# -- comparing --------------------------------------------------------------------


def _shown(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, Decimal) and (not value.is_finite() or abs(value.adjusted()) >= _WRITTEN_OUT):
        return str(value)  # (1E+999999999 as it is: written out, a billion digits)
    if isinstance(value, (Decimal, int)) and not isinstance(value, bool):
        return num(value)
    return quote(value) if isinstance(value, str) and len(value) > SHOWN else str(value)


#: the key paths said of a result that differs in nothing the notice shows
_PATHS_SHOWN = 5
#: the exponent from which a number in a result is shown as it is written, not in full
_WRITTEN_OUT = 20


def _shown_total(value: object, precision: int | None) -> str:
    """A total as the notice's table shows it, with the rule file's decimals (``92.0``) when
    they are known; else as the result writes it."""
    if precision is None or not isinstance(value, (Decimal, int)) or isinstance(value, bool):
        return _shown(value)
    number = Decimal(value)
    if not number.is_finite() or number.adjusted() >= 20 or decimals_of(number) > precision:
        return _shown(value)  # (not a total as rounded: shown as it is written, never rounded again)
    return format_fixed(number.quantize(Decimal(1).scaleb(-precision)))


def _hits(result: Mapping[str, Any]) -> dict[str, tuple[str | None, Mapping[str, Any], str | None]]:
    """Every hit of an inspector's result by rule id, with its item's title and id (``None``: a
    bonus rule's)."""
    found: dict[str, tuple[str | None, Mapping[str, Any], str | None]] = {}
    for item in result["items"]:
        for hit in item["hits"]:
            found[str(hit["rule"])] = (str(item["title"]), hit, str(item["id"]))
    for hit in result["bonus"]["hits"]:
        found[str(hit["rule"])] = (None, hit, None)
    return found


def _in_both_orders(first: list[str], second: list[str], key: Callable[[str], Any] = str) -> list[str]:
    """Two lists of ids in the rule file's order (a result's items, or its hits) as one list in
    that order, the same whichever comes first.

    Where one list has an id the other also has later on, the other's id comes first; of two
    ids each only in one list, the one with the lower ``key``.
    """
    in_first, in_second = set(first), set(second)
    merged: list[str] = []
    done: set[str] = set()
    i = j = 0
    while True:
        while i < len(first) and first[i] in done:
            i += 1
        while j < len(second) and second[j] in done:
            j += 1
        if i == len(first) and j == len(second):
            return merged
        if j == len(second) or (i < len(first) and first[i] == second[j]):
            take = first[i]
        elif i == len(first) or first[i] in in_second:
            take = second[j]
        elif second[j] in in_first:
            take = first[i]
        else:
            take = min(first[i], second[j], key=key)
        merged.append(take)
        done.add(take)


def _rule_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[RuleChange]:
    before, after = _hits(old), _hits(new)
    # Rules of different items go by their items' order (both results list every item); two
    # rules of one item, each deducting on one side only, by their ids.
    items = _in_both_orders(
        [str(item["id"]) for item in old["items"]], [str(item["id"]) for item in new["items"]]
    )
    place = {item: n for n, item in enumerate(items)}

    def item_then_id(rule: str) -> tuple[int, str]:
        item = (before.get(rule) or after[rule])[2]
        return (len(place) if item is None else place[item], rule)

    changes = []
    for rule in _in_both_orders(list(before), list(after), key=item_then_id):
        item, was, _ = before.get(rule, (None, None, None))
        item_after, now, _ = after.get(rule, (None, None, None))
        title = item_after if now is not None else item  # (None: a bonus rule)
        if was is not None and now is not None and _same_hit(was, now):
            continue
        # A result lists the records behind a rule only while it deducts: compare them when it
        # deducts on both sides (otherwise the facts before and after say what changed).
        both = was is not None and now is not None
        refs_before = [str(ref) for ref in was.get("refs", [])] if both and was is not None else []
        refs_after = [str(ref) for ref in now.get("refs", [])] if both and now is not None else []
        source = now if now is not None else was
        assert source is not None  # the rule is a hit on at least one side
        sides = [hit for hit in (was, now) if hit is not None]
        changes.append(
            RuleChange(
                item=title if title is not None else _NOTICE_FIGURES["bonus"],
                rule=rule,
                text=str(source.get("text", "")),
                before=str(was.get("explanation", "")) if was is not None else None,
                after=str(now.get("explanation", "")) if now is not None else None,
                added=tuple(ref for ref in refs_after if ref not in refs_before),
                removed=tuple(ref for ref in refs_before if ref not in refs_after),
                cited=tuple(dict.fromkeys(str(ref) for hit in sides for ref in hit.get("refs", []))),
                bonus=title is None,
            )
        )
    return changes


def _same_hit(was: Mapping[str, Any], now: Mapping[str, Any]) -> bool:
    keys = ("value", "threshold", "raw", "applied", "refs", "explanation", "days", "uncounted")
    return all(was.get(key) == now.get(key) for key in keys)


def _vetoes(result: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    return {str(veto.get("id")): veto for veto in result["vetoes"]}


def _veto_facts(veto: Mapping[str, Any], ruleset: Ruleset | None) -> str | Text:
    """What fired a veto: ``弄虚作假1起`` in the rule file's words when it is at hand and names
    the metric, else the metric's id and its value."""
    metric_id, value = str(veto.get("metric", "")), _shown(veto.get("value"))
    if ruleset is not None:
        try:
            metric = ruleset.metric(metric_id)
        except KeyError:
            pass  # (a metric the correction's rule file no longer has)
        else:
            return metric.amount(value)
    return M.CHANGE_VETO_VALUE(metric=metric_id, value=value)


def _inspector_change(
    old: Mapping[str, Any] | None, new: Mapping[str, Any] | None, ruleset: Ruleset | None
) -> InspectorChange | None:
    """How one inspector's result changed, or ``None`` when it did not."""
    side = new if new is not None else old
    assert side is not None
    person = side["inspector"]
    precision = ruleset.precision if ruleset is not None else None
    if old is None or new is None:
        reason = M.CHANGE_PERSON_ADDED() if old is None else M.CHANGE_PERSON_REMOVED()
        ends = (
            _figure(
                "total",
                _shown_total(old and old["total"], precision),
                _shown_total(new and new["total"], precision),
            ),
            _figure("grade", _shown(old and old["grade"]), _shown(new and new["grade"])),
        )
        return InspectorChange(
            str(person["id"]), str(person["name"]), str(person.get("mine") or ""), ends, (reason,)
        )
    scores: list[ScoreChange] = []
    old_items = {str(item["id"]): item for item in old["items"]}
    new_items = {str(item["id"]): item for item in new["items"]}
    for item_id in [*old_items, *(key for key in new_items if key not in old_items)]:
        was, now = old_items.get(item_id), new_items.get(item_id)
        if was is None or now is None or was["score"] != now["score"]:
            title = str((now or was or {}).get("title", item_id))
            scores.append(ScoreChange(title, _shown(was and was["score"]), _shown(now and now["score"])))
    if old["bonus"]["applied"] != new["bonus"]["applied"]:
        scores.append(_figure("bonus", _shown(old["bonus"]["applied"]), _shown(new["bonus"]["applied"])))
    reasons: list[Text] = []
    # A name or a mine put right on objection is a change of the notice too.
    for key, message in (("name", M.CHANGE_NAME), ("mine", M.CHANGE_MINE)):
        was_said, now_said = old["inspector"].get(key), new["inspector"].get(key)
        if was_said != now_said:
            reasons.append(message(before=_shown(was_said), after=_shown(now_said)))
    if old["duty_days"] != new["duty_days"]:
        reasons.append(M.CHANGE_DUTY_DAYS(before=_shown(old["duty_days"]), after=_shown(new["duty_days"])))
    rule_changes = _rule_changes(old, new)
    reasons.extend(change.reason for change in rule_changes)
    vetoes_before, vetoes_after = _vetoes(old), _vetoes(new)
    for veto_id, veto in vetoes_after.items():
        if veto_id not in vetoes_before:
            reasons.append(
                M.CHANGE_VETO_FOUND(
                    text=str(veto.get("text", "")),
                    facts=_veto_facts(veto, ruleset),
                    grade=_shown(veto.get("grade")),
                )
            )
        elif vetoes_before[veto_id] != veto:
            # Still fired, on other facts (two falsifications found where one was).
            reasons.append(
                M.CHANGE_VETO_CHANGED(
                    text=str(veto.get("text", "")),
                    before=_veto_facts(vetoes_before[veto_id], ruleset),
                    after=_veto_facts(veto, ruleset),
                    grade=_shown(veto.get("grade")),
                )
            )
    for veto_id, veto in vetoes_before.items():
        if veto_id not in vetoes_after:
            reasons.append(
                M.CHANGE_VETO_LIFTED(
                    text=str(veto.get("text", "")),
                    facts=_veto_facts(veto, ruleset),
                    grade=_shown(veto.get("grade")),
                )
            )
    if not scores and not reasons and old["total"] == new["total"] and old["grade"] == new["grade"]:
        # Nothing the notice shows changed; a result that differs all the same (an amount, a
        # title, a key: hand-edited, or of another rule file) is said so, never "unchanged".
        from .verify import differing_paths  # noqa: PLC0415 - one comparison of result trees

        paths = differing_paths(old, new)
        if not paths:
            return None
        shown = Listing(paths[:_PATHS_SHOWN])
        more = len(paths) - _PATHS_SHOWN
        reasons.append(
            M.CHANGE_OTHER_MORE(paths=shown, count=more) if more > 0 else M.CHANGE_OTHER(paths=shown)
        )
    scores += [
        _figure("total", _shown_total(old["total"], precision), _shown_total(new["total"], precision)),
        _figure("grade", _shown(old["grade"]), _shown(new["grade"])),
    ]
    return InspectorChange(
        str(person["id"]),
        str(person["name"]),
        str(person.get("mine") or ""),
        tuple(scores),
        tuple(reasons),
        tuple(dict.fromkeys(ref for change in rule_changes for ref in change.cited)),
    )


def compare_results(
    old: PublishedResult, new: PublishedResult, /, *, ruleset: Ruleset | None = None
) -> ResultChanges:
    """Every inspector whose result differs between ``old`` and ``new``, in ``new``'s order
    (then those only in ``old``). With the rule file ``new`` was scored with (the corrected
    notice has it; ``score diff``, which reads results only, has not), totals are shown with its
    decimals, as the notice's table shows them, and a veto by what fired it in its words.

    Raises :class:`~inspector_scoring.InvalidInputError` when the two are of
    another township or period: a correction is of the same notice.
    """
    for key, shown in (("township", new.township), ("period", new.period)):
        if old.tree["evidence"][key] != new.tree["evidence"][key]:
            raise fail(
                old.source,
                f"evidence.{key}",
                M.CORRECTS_OTHER(value=str(old.tree["evidence"][key]), other=shown, source=new.source),
            )
    before = {str(entry["inspector"]["id"]): entry for entry in old.tree["results"]}
    after = {str(entry["inspector"]["id"]): entry for entry in new.tree["results"]}
    changes: list[InspectorChange] = []
    unchanged = 0
    for inspector_id in [*after, *(key for key in before if key not in after)]:
        change = _inspector_change(before.get(inspector_id), after.get(inspector_id), ruleset)
        if change is None:
            unchanged += 1
        else:
            changes.append(change)
    return ResultChanges(old.corrects, new.corrects, tuple(changes), unchanged)

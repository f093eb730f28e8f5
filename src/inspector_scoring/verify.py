"""Checking a published result: recompute it and list every difference (``score verify``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import messages as M
from ._readers import join, read_list, read_table
from .errors import Collector
from .scoring.results import Assessment
from .views.json_result import result_to_dict

__all__ = ["verify_result"]


def _get(problems: Collector, path: str, table: Mapping[str, Any], key: str) -> Any:
    if key not in table:
        problems.add(join(path, key), M.KEY_MISSING)
        return None
    return table[key]


def _published(problems: Collector, raw: object) -> dict[str, Any]:
    """The parts of a published result that verify compares, checked for shape."""
    top = read_table(problems, "", raw) or {}
    out: dict[str, Any] = {"results": {}}
    for part in ("ruleset", "evidence"):
        table = read_table(problems, part, _get(problems, "", top, part)) or {}
        out[part] = _get(problems, part, table, "sha256")
    for n, entry in enumerate(read_list(problems, "results", _get(problems, "", top, "results")) or []):
        path = join("results", n)
        result = read_table(problems, path, entry) or {}
        person = (
            read_table(problems, join(path, "inspector"), _get(problems, path, result, "inspector")) or {}
        )
        scores = {}
        items_path = join(path, "items")
        for k, item in enumerate(
            read_list(problems, items_path, _get(problems, path, result, "items")) or []
        ):
            table = read_table(problems, join(items_path, k), item) or {}
            scores[str(_get(problems, join(items_path, k), table, "id"))] = _get(
                problems, join(items_path, k), table, "score"
            )
        out["results"][str(_get(problems, join(path, "inspector"), person, "id"))] = {
            "total": _get(problems, path, result, "total"),
            "grade": _get(problems, path, result, "grade"),
            "items": scores,
        }
    return out


def verify_result(
    published: object, assessment: Assessment, /, *, source: str = "<result>"
) -> tuple[str, ...]:
    """Differences between a published result and a fresh ``assessment`` of the same inputs.

    Fingerprints first, then each inspector's total, grade and item scores.
    An empty tuple means the published result is what these inputs give.
    Raises :class:`~inspector_scoring.InvalidInputError` when ``published`` is not
    a result in the SPEC's shape.
    """
    problems = Collector(source, json_file=True)
    claimed = _published(problems, published)
    problems.raise_if_any()
    fresh = result_to_dict(assessment)
    differences = []
    for part, what in (("evidence", "evidence file"), ("ruleset", "rule file")):
        if claimed[part] != fresh[part]["sha256"]:
            differences.append(
                f"{part}.sha256: the result says {claimed[part]}, the {what} is {fresh[part]['sha256']}"
            )
    recomputed = {entry["inspector"]["id"]: entry for entry in fresh["results"]}
    for inspector_id, entry in claimed["results"].items():
        if inspector_id not in recomputed:
            differences.append(f"{inspector_id}: in the result, but not in the evidence")
            continue
        again = recomputed[inspector_id]
        for key in ("total", "grade"):
            if entry[key] != again[key]:
                differences.append(
                    f"{inspector_id}: {key}: the result says {entry[key]}, recomputed {again[key]}"
                )
        items = {item["id"]: item["score"] for item in again["items"]}
        for item_id in sorted(set(items) | set(entry["items"]), key=str):
            said, computed = entry["items"].get(item_id), items.get(item_id)
            if said != computed:
                differences.append(
                    f"{inspector_id}: items.{item_id}.score: the result says {_show(said)}, "
                    f"recomputed {_show(computed)}"
                )
    for inspector_id in recomputed:
        if inspector_id not in claimed["results"]:
            differences.append(f"{inspector_id}: in the evidence, but not in the result")
    return tuple(differences)


def _show(value: object) -> str:
    return "nothing" if value is None else str(value)

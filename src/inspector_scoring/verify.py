"""Checking a published result: recompute it and list every difference (``score verify``).

The published result is compared with the result its evidence and rules give,
whole: the headers (schema, the rule file's id, version, title and fingerprint,
the evidence's fingerprint, township and period) and, inspector by inspector
and in order, the identity (id, name, mine), total, grade, vetoes, duty days,
items with every hit (its refs and its sentence), and the bonus. Each
difference is named by its key path. Only ``engine`` (the version that wrote
the result) is not compared: a newer version recomputes an older result.

A result that gives a key twice (a JSON reader would keep one of them
silently) or an inspector twice is not a result: it is refused as invalid,
never compared.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from . import messages as M
from ._readers import check_tree, describe, join, read_key, read_list, read_part, read_str, read_table
from .errors import Collector
from .i18n import SHOWN, Text, quote, visible
from .numbers import OutOfRange, format_number
from .scoring.results import Assessment
from .views.json_result import result_to_dict

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .corrections import Corrects

__all__ = ["verify_result"]

#: header keys not compared: the version of the program that wrote the result
_NOT_COMPARED = frozenset({"engine"})


def verify_result(
    published: object,
    assessment: Assessment,
    /,
    *,
    source: str = "<result>",
    corrects: Corrects | None = None,
) -> tuple[str, ...]:
    """Differences between a published result and a fresh ``assessment`` of the same inputs.

    Every part of the result is compared (see the module's description); each
    difference is one line naming its key path, in the current language,
    prefixed with the inspector's id where it concerns one. An empty tuple means
    the published result is exactly what these inputs give. Raises
    :class:`~inspector_scoring.InvalidInputError` when ``published`` is not a
    result: not in the result's shape, nested too deep, a key given twice (a
    tree read with :func:`read_result`) or an inspector listed twice.
    ``corrects`` names the published result a corrected one corrects (its
    ``corrects`` object is then compared too).
    """
    problems = Collector(source, json_file=True)
    check_shape(problems, published)
    problems.raise_if_any()
    assert isinstance(published, Mapping)
    fresh = result_to_dict(assessment, corrects=corrects)
    return tuple(text.render() for text in _differences(published, fresh))


def read_result(data: bytes, name: str) -> object:
    """A published result's bytes as a tree that knows its repeated keys, or the error saying
    why it cannot be read (the command's reader; the size was checked when it was read)."""
    import json  # noqa: PLC0415

    from .errors import fail  # noqa: PLC0415
    from .evidence.read import json_syntax, parse_json_text  # noqa: PLC0415
    from .files import decode_text  # noqa: PLC0415

    text = decode_text(data, name)
    try:
        tree = parse_json_text(text, exact=True)
    except json.JSONDecodeError as error:
        raise fail(name, "", M.NOT_A_RESULT(reason=json_syntax(error, text))) from None
    except RecursionError:
        from ._readers import MAX_DEPTH  # noqa: PLC0415

        raise fail(name, "", M.TOO_DEEP(most=MAX_DEPTH)) from None
    kind = tree.get("kind") if isinstance(tree, dict) else None
    if kind in _KINDS_OF_YEAR:  # (score annual's: no period's result to recompute or compare)
        raise fail(name, "kind", M.RESULT_OF_A_YEAR(kind=quote(kind)))
    return tree


#: the ``kind`` of a result ``score annual`` writes
_KINDS_OF_YEAR = ("annual", "year_to_date")


# -- is it a result at all ------------------------------------------------------------


def check_shape(problems: Collector, published: object) -> None:
    """Report what makes ``published`` no result: nesting, a key given twice, a missing part, an
    inspector's id that is no text, an inspector listed twice (``score verify``, ``score diff``
    and ``--corrects`` read results alike)."""
    check_tree(problems, published)
    if problems.problems:
        return
    repeated_keys(problems, published)
    top = read_table(problems, "", published)
    if top is None:
        return
    for part in ("ruleset", "evidence"):
        table = read_part(problems, "", top, part, read_table)
        if table is not None:
            read_key(problems, part, table, "sha256")
    entries = read_part(problems, "", top, "results", read_list) or []
    seen: dict[str, str] = {}
    for n, entry in enumerate(entries):
        path = join("results", n)
        result = read_table(problems, path, entry)
        if result is None:
            continue
        person = read_table(problems, join(path, "inspector"), read_key(problems, path, result, "inspector"))
        if person is None:
            continue
        id_path = join(join(path, "inspector"), "id")
        given = read_key(problems, join(path, "inspector"), person, "id")
        inspector_id = read_str(problems, id_path, given) if given is not None else None
        if inspector_id is None:
            continue
        if inspector_id in seen:
            problems.add(id_path, M.DUPLICATE_INSPECTOR, value=quote(inspector_id), first=seen[inspector_id])
        else:
            seen[inspector_id] = id_path


def repeated_keys(problems: Collector, tree: object) -> None:
    """Report every key the JSON text gave twice (an object read with its repeated keys)."""
    stack: list[tuple[str, object]] = [("", tree)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, Mapping):
            for key in getattr(value, "duplicates", ()):
                problems.add(join(path, key), M.KEY_DUPLICATE)
            stack.extend((join(path, str(key)), item) for key, item in reversed(list(value.items())))
        elif isinstance(value, (list, tuple)):
            stack.extend((join(path, n), item) for n, item in reversed(list(enumerate(value))))


# -- every difference -------------------------------------------------------------------


def _differences(published: Mapping[str, Any], fresh: Mapping[str, Any]) -> list[Text]:
    """Every difference between the published tree and the recomputed one, in the order of the
    recomputed result (then what only the published one has), each at its key path."""
    ids = [entry["inspector"]["id"] for entry in fresh["results"]]
    found: list[Text] = []
    for parts, said, computed in _walk(published, fresh, skip=_NOT_COMPARED):
        if said is _ABSENT:
            found.append(_missing(parts, computed, ids))
        elif computed is _ABSENT:
            found.append(_extra(parts, said, ids))
        else:
            found.append(_labelled(parts, ids, M.VERIFY_DIFFERS(said=_show(said), computed=_show(computed))))
    return found


def differing_paths(said: object, computed: object) -> list[str]:
    """The key paths at which two JSON trees differ, as :func:`verify_result` compares them
    (numbers as numbers, never a boolean for a number), in order."""
    return [_path(parts) for parts, _, _ in _walk(said, computed, skip=frozenset())]


def _path(parts: tuple[str | int, ...]) -> str:
    """The key path of ``parts``: ``results[0].items[3].hits``."""
    path = ""
    for part in parts:
        path = join(path, part)
    return path


#: what one tree has and the other has not
_ABSENT = object()


def _walk(
    said: object, computed: object, *, skip: frozenset[str]
) -> Iterator[tuple[tuple[str | int, ...], object, object]]:
    """Each place where two trees differ: its key path's parts, what each holds there
    (:data:`_ABSENT` where one has nothing), in the order of ``computed`` (then what only
    ``said`` has); top-level keys in ``skip`` are passed over."""
    # Each entry: the key path's parts, what the one tree says, what the other.
    stack: list[tuple[tuple[str | int, ...], object, object]] = [((), said, computed)]
    while stack:
        parts, said, computed = stack.pop()
        pending: list[tuple[tuple[str | int, ...], object, object]] = []
        if isinstance(said, Mapping) and isinstance(computed, Mapping):
            for key, value in computed.items():
                if not parts and key in skip:
                    continue
                if key in said:
                    pending.append(((*parts, key), said[key], value))
                else:
                    yield (*parts, key), _ABSENT, value
            for key, value in said.items():
                if key not in computed and not (not parts and key in skip):
                    yield (*parts, str(key)), value, _ABSENT
        elif isinstance(said, list) and isinstance(computed, list):
            for n, value in enumerate(computed):
                if n < len(said):
                    pending.append(((*parts, n), said[n], value))
                else:
                    yield (*parts, n), _ABSENT, value
            for n in range(len(computed), len(said)):
                yield (*parts, n), said[n], _ABSENT
        elif not _same(said, computed):
            yield parts, said, computed
        stack.extend(reversed(pending))


def _same(said: object, computed: object) -> bool:
    """Whether two values other than objects and arrays are equal: numbers as exact numbers,
    never a boolean for a number."""
    if isinstance(said, bool) or isinstance(computed, bool) or said is None or computed is None:
        return said is computed
    if isinstance(said, (int, Decimal)) and isinstance(computed, (int, Decimal)):
        if isinstance(said, Decimal) and not said.is_finite():  # (a signalling NaN cannot be compared)
            return False
        return Decimal(said) == Decimal(computed)
    return type(said) is type(computed) and said == computed


def _missing(parts: tuple[str | int, ...], computed: object, ids: list[str]) -> Text:
    return _labelled(parts, ids, M.VERIFY_MISSING(computed=_show(computed)))


def _extra(parts: tuple[str | int, ...], said: object, ids: list[str]) -> Text:
    return _labelled(parts, ids, M.VERIFY_EXTRA(said=_show(said)))


def _labelled(parts: tuple[str | int, ...], ids: list[str], text: Text) -> Text:
    """``text`` at the key path ``parts``, after the inspector's id when it is about one."""
    path = _path(parts)
    inspector = ""
    if len(parts) > 1 and parts[0] == "results" and isinstance(parts[1], int) and parts[1] < len(ids):
        inspector = ids[parts[1]]
    if inspector:
        return M.VERIFY_LINE_OF(inspector=inspector, path=path, difference=text)
    return M.VERIFY_LINE(path=path, difference=text)


def _show(value: object) -> str:
    """A value as a difference shows it: text quoted, numbers plain, objects and arrays as
    the start of their JSON; never longer than a readable length, whatever the value holds
    (the preview stops writing as soon as it is long enough)."""
    out: list[str] = []
    size = 0
    # Each entry: a value to write, or a piece of punctuation (a str marked by the tuple).
    stack: list[object] = [value]
    while stack and size <= SHOWN:
        item = stack.pop()
        if isinstance(item, tuple) and len(item) == 1 and isinstance(item[0], str):
            piece = item[0]
        elif isinstance(item, Mapping):
            pending: list[object] = [("{",)]
            for n, (key, child) in enumerate(item.items()):
                pending += [(", ",)] if n else []
                pending += [(quote(str(key)) + ": ",), child]
                if len(pending) > SHOWN:
                    break
            stack.extend(reversed([*pending, ("}",)]))
            continue
        elif isinstance(item, list):
            pending = [("[",)]
            for n, child in enumerate(item[:SHOWN]):
                pending += [(", ",), child] if n else [child]
            stack.extend(reversed([*pending, ("]",)]))
            continue
        else:
            piece = _scalar(item)
        out.append(piece)
        size += len(piece)
    text = "".join(out)
    return text if len(text) <= SHOWN and not stack else text[: SHOWN - 3] + "..."


def _scalar(value: object) -> str:
    if isinstance(value, str):  # (cut by quote, inside its quotes, to fit what a difference shows)
        return quote(value, most=SHOWN - 2)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):  # as the result's JSON writes it (67, not 67.0), in plain digits
        return format_number(value) if value.is_finite() and -20 < value.adjusted() < 20 else str(value)
    text = visible(value.text if isinstance(value, OutOfRange) else str(describe(value)))
    return text if len(text) <= SHOWN else text[: SHOWN - 3] + "..."

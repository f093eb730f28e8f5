"""The ``[kinds]`` table of a rule file: how a workbook names each event kind's sheet and columns."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import messages as M
from .._readers import check_keys, describe, join, read_str, read_table, suggest
from ..errors import Collector
from ..i18n import quote
from ..layout import EVENT_COLUMNS, FIXED_SHEETS, SHEET_FORBIDDEN, SHEET_MAX
from .model import Kind

__all__ = ["read_kinds"]

_KIND_KEYS = ("title", "fields", "aliases")
#: an event's keys that have columns of their own in every event sheet
_OWN_KEYS = frozenset({"kind", *EVENT_COLUMNS.values()})


def read_kinds(problems: Collector, raw: object, event_kinds: set[str]) -> tuple[Kind, ...]:
    """Each ``[kinds.KIND]`` table, checked: a kind some metric derives from (``event_kinds``), a
    title that can name a sheet and names no other, fields and aliases with their own headers."""
    table = read_table(problems, "kinds", raw)
    if table is None:
        return ()
    kinds = []
    titles: dict[str, str] = {}
    for kind_id, body in table.items():
        path = join("kinds", kind_id)
        if kind_id not in event_kinds:
            hint = suggest(problems, kind_id, event_kinds) or M.KNOWN_KINDS(
                kinds=", ".join(sorted(event_kinds)) or M.NONE()
            )
            problems.add(path, M.KIND_NOT_DERIVED, value=quote(kind_id), hint=hint)
            continue
        spec = read_table(problems, path, body)
        if spec is None:
            continue
        kind = _read_kind(problems, path, kind_id, spec, titles)
        if kind is not None:
            kinds.append(kind)
    return tuple(kinds)


def _read_kind(
    problems: Collector, path: str, kind_id: str, spec: Mapping[str, Any], titles: dict[str, str]
) -> Kind | None:
    before = len(problems.problems)
    check_keys(problems, path, spec, allowed=_KIND_KEYS, required=("title",))
    title = read_str(problems, join(path, "title"), spec["title"]) if "title" in spec else None
    if title is not None:
        _check_sheet_name(problems, join(path, "title"), title)
        if title in titles:
            problems.add(join(path, "title"), M.KIND_TITLE_TWICE, value=quote(title), first=titles[title])
        else:
            titles[title] = join(path, "title")
    headers = dict(EVENT_COLUMNS)  # header → what it is
    fields = []
    if "fields" in spec:
        fields_path = join(path, "fields")
        table = read_table(problems, fields_path, spec["fields"])
        for field, header in (table or {}).items():
            field_path = join(fields_path, field)
            if field in _OWN_KEYS:
                problems.add(field_path, M.KIND_FIELD_OWN, value=quote(field))
                continue
            text = read_str(problems, field_path, header)
            if text is None:
                continue
            if text in headers:
                problems.add(field_path, M.KIND_HEADER_TAKEN, value=quote(text))
                continue
            headers[text] = field
            fields.append((field, text))
    aliases = []
    if "aliases" in spec:
        aliases_path = join(path, "aliases")
        table = read_table(problems, aliases_path, spec["aliases"])
        for other, column in (table or {}).items():
            alias_path = join(aliases_path, other)
            text = read_str(problems, alias_path, column)
            if text is None:
                continue
            if other in headers:
                problems.add(alias_path, M.KIND_HEADER_TAKEN, value=quote(other))
            elif text not in headers:
                problems.add(
                    alias_path,
                    M.ONE_OF,
                    choices=", ".join(map(quote, headers)),
                    value=describe(text),
                    hint=suggest(problems, text, headers),
                )
            else:
                aliases.append((other, text))
    if len(problems.problems) > before or title is None:
        return None
    return Kind(kind_id, title, tuple(fields), tuple(aliases), path)


def _check_sheet_name(problems: Collector, path: str, title: str) -> None:
    """A title names a sheet: at most 31 characters, none of ``[]:*?/\\``, not a fixed sheet's."""
    if not title.strip() or len(title) > SHEET_MAX or any(char in SHEET_FORBIDDEN for char in title):
        problems.add(path, M.NOT_SHEET_NAME, most=SHEET_MAX, value=describe(title))
    elif title in FIXED_SHEETS:
        problems.add(path, M.SHEET_TAKEN, value=quote(title))

"""Rule files (TOML): load and validate them, pick one from a folder, write them back.

Validation is a walk over the raw TOML that records every problem with its key
path and keeps going, so one run reports everything wrong with a file.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import string
import tomllib
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from .. import messages as M
from .._readers import (
    MAX_DEPTH,
    MAX_NUMBER,
    check_keys,
    check_order,
    check_schema,
    check_tree,
    check_unique,
    describe,
    join,
    read_bool,
    read_choice,
    read_count,
    read_id,
    read_list,
    read_number,
    read_str,
    read_table,
    read_toml_date,
    read_toml_time,
    shown,
    suggest,
)
from ..errors import Collector, InvalidInputError, Problem, fail
from ..files import MAX_TOML_BYTES, check_size, decode_text, os_reason, read_bytes
from ..i18n import Listing, quote
from ..jsontext import canonical_sha256
from ..numbers import MAX_NUMBER_TEXT, as_number, parse_decimal, round_half_up
from ..periods import Period, PeriodKind, parse_period
from ..syntax import toml_reason
from ..workdays import MAX_WORKING_DAYS
from .annual import read_annual, read_outcomes
from .calendar import read_calendar
from .grades import read_grades
from .kinds import read_kinds
from .model import (
    Bonus,
    Comparison,
    Grade,
    Item,
    Metric,
    Night,
    NoticeSettings,
    Rule,
    Ruleset,
    Veto,
)

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["RulesSource", "default_rules", "load_rules", "loads_rules", "pick_rules", "rules_for"]

SCHEMA = 1
_TOP_KEYS = (
    "schema",
    "ruleset",
    "night",
    "metrics",
    "items",
    "bonus",
    "vetoes",
    "grades",
    "notice",
    "annual",
    "outcomes",
    "calendar",
    "kinds",
)
_RULESET_KEYS = (
    "id",
    "title",
    "version",
    "issuer",
    "basis",
    "effective_from",
    "effective_until",
    "period",
    "total",
    "precision",
)
_RULESET_REQUIRED = ("id", "title", "version", "effective_from", "period", "total", "precision")
_METRIC_KEYS = (
    "title",
    "unit",
    "label",
    "count",
    "during",
    "where",
    "days_without",
    "default",
    "min_minutes",
)
_RULE_KEYS = ("id", "text", "metric", "below", "above", "per", "fixed", "prorate", "cap")
_VETO_KEYS = ("id", "text", "metric", "below", "above", "grade")
_NOTICE_FIELDS = ("township", "period")
_MAX_PRECISION = 6


# -- loading ------------------------------------------------------------------


def load_rules(source: str | os.PathLike[str] | Mapping[str, Any], /) -> Ruleset:
    """Load and validate a rule file from a path, or rules given as a mapping.

    A mapping has the shape tomllib gives for a rule file (dates as
    :class:`datetime.date`, numbers as int or Decimal); its fingerprint is the
    sha256 of its canonical JSON. Raises :class:`InvalidInputError` listing
    every problem.
    """
    if isinstance(source, Mapping):
        return _build(source, "<rules>", None)
    name = os.fspath(source)
    return _from_bytes(read_bytes(name, most=MAX_TOML_BYTES), name)


def loads_rules(text: str, /, *, source: str = "<string>") -> Ruleset:
    """Load and validate rules from TOML text; ``source`` names it in messages."""
    check_size(len(text), source, most=MAX_TOML_BYTES)  # (checked again, in bytes, below)
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as error:  # half of a surrogate pair, from a Python caller
        raise fail(source, "", M.HALF_SURROGATE(half=f"\\u{ord(text[error.start]):04x}")) from None
    return _from_bytes(data, source)


def _from_bytes(data: bytes, name: str) -> Ruleset:
    check_size(len(data), name, most=MAX_TOML_BYTES)
    digest = hashlib.sha256(data).hexdigest()
    raw = parse_toml(data, name)
    return _build(raw, name, digest)


def parse_toml(data: bytes, name: str) -> dict[str, Any]:
    """TOML bytes (UTF-8, an optional byte-order mark) with exact decimals, or the error saying
    why the file ``name`` cannot be read (internal: rule files and case files)."""
    text = decode_text(data, name)
    try:
        return tomllib.loads(text, parse_float=parse_decimal)
    except tomllib.TOMLDecodeError as error:
        raise fail(name, "", M.INVALID_TOML(reason=toml_reason(str(error), text))) from None
    except RecursionError:
        raise fail(name, "", M.TOO_DEEP_TOML(most=MAX_DEPTH)) from None
    except ValueError:
        # tomllib converts whole numbers itself, and Python refuses more than 4,300 digits.
        line, column = _long_number(text)
        raise fail(name, "", M.NUMBER_TOO_LONG(most=MAX_NUMBER_TEXT, line=line, column=column)) from None


def _long_number(text: str) -> tuple[int, int]:
    """The line and column of the first run of digits longer than any number read."""
    found = re.search(rf"[0-9_]{{{MAX_NUMBER_TEXT + 1},}}", text)
    start = found.start() if found is not None else 0
    line = text.count("\n", 0, start) + 1
    return line, start - (text.rfind("\n", 0, start) + 1) + 1


def bundled_rules_path() -> str | None:
    """Where the bundled rule file is on disk: inside the installed package, or at the top of a
    source checkout (an editable install); ``None`` for a package imported from a zip file."""
    here = os.path.dirname(os.path.realpath(__file__))
    top = os.path.dirname(os.path.dirname(os.path.dirname(here)))
    for path in (os.path.join(here, "default.toml"), os.path.join(top, "rules", "default.toml")):
        if os.path.isfile(path):
            return path
    return None


@functools.cache
def default_rules() -> Ruleset:
    """The bundled default scheme (``rules/default.toml``), shipped inside the package."""
    path = bundled_rules_path()
    if path is not None:
        with open(path, "rb") as file:
            return _from_bytes(file.read(), "default.toml")
    from importlib import resources  # noqa: PLC0415 - only for a package imported from a zip file

    return _from_bytes(
        resources.files("inspector_scoring").joinpath("rules", "default.toml").read_bytes(), "default.toml"
    )


def pick_rules(folder: str | os.PathLike[str], period: Period | str, /) -> Ruleset:
    """Load every ``*.toml`` in ``folder`` and return the one in force for ``period``.

    Every file must be valid. The chosen file is the only one whose period kind
    matches and whose effective dates cover the whole period; none, or more than
    one, is an error naming the candidates.
    """
    name = os.fspath(folder)
    if isinstance(period, str):
        parsed = parse_period(period)
        if parsed is None:
            raise fail(name, "", M.NOT_A_PERIOD(value=describe(period)))
        period = parsed
    paths = rule_files(name)
    if not paths:
        raise fail(name, "", M.NO_RULE_FILES())
    loaded: list[Ruleset] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            loaded.append(load_rules(path))
        except InvalidInputError as error:
            problems.extend(error.problems)
    if problems:
        raise InvalidInputError(problems)
    chosen = [ruleset for ruleset in loaded if ruleset.covers(period)]
    if len(chosen) == 1:
        return chosen[0]
    if not chosen:
        listing = tuple(
            M.RULE_FILE_CANDIDATE(
                name=os.path.basename(r.source), kind=M.PERIOD_KINDS[r.period.value](), dates=r.effective_text
            )
            for r in loaded
        )
        raise fail(
            name,
            "",
            M.NO_RULE_FILE_COVERS(
                period=str(period), kind=M.PERIOD_KINDS[period.kind.value](), candidates=listing
            ),
        )
    names = Listing(os.path.basename(r.source) for r in chosen)
    raise fail(name, "", M.MANY_RULE_FILES_COVER(period=str(period), names=names))


def rule_files(folder: str) -> list[Path]:
    """The rule files of a folder: its ``*.toml`` files, less the case files beside them
    (``*.tests.toml``, for ``score test``), and less what is no file (a folder, or a named pipe,
    whose open would wait for a writer for ever)."""
    from pathlib import Path  # noqa: PLC0415 - pathlib costs a rule file's loading a few ms

    try:
        return sorted(
            path
            for path in Path(folder).glob("*.toml")
            if not path.name.endswith(".tests.toml") and path.is_file()
        )
    except OSError as error:  # pragma: no cover - glob swallows most errors itself
        raise fail(folder, "", M.CANNOT_READ(reason=os_reason(error))) from None


# -- validation ---------------------------------------------------------------


def _build(raw: Mapping[str, Any], name: str, digest: str | None) -> Ruleset:
    """Validate raw rules; ``digest`` ``None`` means: the canonical JSON's, once known valid."""
    problems = Collector(name)
    if not isinstance(raw, Mapping):
        problems.add("", M.MUST_BE, what=M.A_TABLE(), value=describe(raw))
        problems.raise_if_any()
    # What a file cannot hold but a mapping can (keys that are no text, half surrogate
    # pairs), and nesting deeper than any rule file needs, before anything walks it.
    check_tree(problems, raw)
    problems.raise_if_any()
    check_keys(problems, "", raw, allowed=_TOP_KEYS, required=("schema", "ruleset", "items", "grades"))
    check_schema(problems, raw, SCHEMA)

    header = _read_header(problems, raw.get("ruleset"))
    night = _read_night(problems, raw["night"]) if "night" in raw else None
    metrics = _read_metrics(problems, raw.get("metrics", {}), has_night="night" in raw)
    # Names declared under [metrics], valid or not, so a metric with a bad key
    # does not also make every rule that names it "undefined".
    declared = raw.get("metrics")
    metric_ids = set(declared) if isinstance(declared, Mapping) else set()
    rule_ids: dict[str, str] = {}
    items = _read_items(problems, raw.get("items"), metric_ids, rule_ids)
    bonus = _read_bonus(problems, raw["bonus"], metric_ids, rule_ids) if "bonus" in raw else None
    grades = read_grades(problems, raw.get("grades"))
    vetoes = _read_vetoes(problems, raw.get("vetoes", []), metric_ids, rule_ids, grades)
    notice = _read_notice(problems, raw["notice"]) if "notice" in raw else NoticeSettings()
    annual = read_annual(problems, raw["annual"], grades) if "annual" in raw else None
    outcomes = (
        read_outcomes(problems, raw["outcomes"], grades, annual.grades if annual else ())
        if "outcomes" in raw
        else ()
    )
    calendar = read_calendar(problems, raw["calendar"]) if "calendar" in raw else ()

    total = header.get("total")
    precision = header.get("precision")
    if isinstance(total, Decimal) and isinstance(precision, int) and total != round_half_up(total, precision):
        # A total the published precision cannot show could never be reached exactly.
        problems.add("ruleset.total", M.TOTAL_PRECISION, precision=precision, value=describe(total))
    points = _points(raw.get("items"))
    if isinstance(total, Decimal) and points is not None and points != total:
        problems.add("ruleset.total", M.TOTAL_NOT_SUM, points=describe(points), value=describe(total))
    kinds = read_kinds(problems, raw["kinds"], _event_kinds(declared)) if "kinds" in raw else ()
    problems.raise_if_any()
    if digest is None:
        digest = canonical_sha256(raw)
    # Without problems, every part was read.
    assert items is not None
    assert grades is not None
    return Ruleset(
        items=tuple(item for item in items if item is not None),
        grades=grades,
        metrics=metrics,
        night=night,
        bonus=bonus,
        vetoes=vetoes,
        notice=notice,
        annual=annual,
        outcomes=outcomes,
        calendar=calendar,
        kinds=kinds,
        source=name,
        sha256=digest,
        **header,
    )


def _event_kinds(declared: object) -> set[str]:
    """The kinds the metrics as written derive from (``count``, ``days_without``), valid or not."""
    if not isinstance(declared, Mapping):
        return set()
    return {
        spec[key]
        for spec in declared.values()
        if isinstance(spec, Mapping)
        for key in ("count", "days_without")
        if isinstance(spec.get(key), str)
    }


def _points(raw: object) -> Decimal | None:
    """The sum of the items' points, when every one is readable (each bad one is reported already)."""
    if not isinstance(raw, list) or not raw:
        return None
    amounts = [as_number(item.get("points")) if isinstance(item, Mapping) else None for item in raw]
    if any(amount is None or amount < 0 or amount > MAX_NUMBER for amount in amounts):
        return None
    return sum((amount for amount in amounts if amount is not None), Decimal(0))


def _read_header(problems: Collector, raw: object) -> dict[str, Any]:
    table = read_table(problems, "ruleset", raw) if raw is not None else None
    if table is None:
        return {}
    check_keys(problems, "ruleset", table, allowed=_RULESET_KEYS, required=_RULESET_REQUIRED)
    out: dict[str, Any] = {}
    readers = {
        "id": read_id,
        "title": read_str,
        "version": read_str,
        "issuer": read_str,
        "effective_from": read_toml_date,
        "effective_until": read_toml_date,
        "total": read_number,
    }
    for key, reader in readers.items():
        if key in table:
            out[key] = reader(problems, join("ruleset", key), table[key])
    if "basis" in table:
        documents = read_list(problems, "ruleset.basis", table["basis"])
        if documents is not None:
            texts = [read_str(problems, join("ruleset.basis", n), d) for n, d in enumerate(documents)]
            out["basis"] = tuple(t for t in texts if t is not None)
    if "period" in table:
        out["period"] = read_choice(problems, "ruleset.period", table["period"], PeriodKind)
    if "precision" in table:
        out["precision"] = read_count(
            problems, "ruleset.precision", table["precision"], maximum=_MAX_PRECISION
        )
    check_order(
        problems,
        "ruleset.effective_until",
        "effective_from",
        out.get("effective_from"),
        out.get("effective_until"),
    )
    return out


def _read_night(problems: Collector, raw: object) -> Night | None:
    table = read_table(problems, "night", raw)
    if table is None:
        return None
    check_keys(problems, "night", table, allowed=("from", "to"), required=("from", "to"))
    start = read_toml_time(problems, "night.from", table["from"]) if "from" in table else None
    end = read_toml_time(problems, "night.to", table["to"]) if "to" in table else None
    if start is None or end is None:
        return None
    if start == end:
        problems.add("night.to", M.NIGHT_SAME, time=end.isoformat())
        return None
    return Night(start, end)


def _read_metrics(problems: Collector, raw: object, *, has_night: bool) -> tuple[Metric, ...]:
    table = read_table(problems, "metrics", raw)
    if table is None:
        return ()
    metrics = []
    for metric_id, body in table.items():
        path = join("metrics", metric_id)
        read_id(problems, path, metric_id)
        spec = read_table(problems, path, body)
        if spec is None:
            continue
        metric = _read_metric(problems, path, metric_id, spec, has_night=has_night)
        if metric is not None:
            metrics.append(metric)
    return tuple(metrics)


def _read_metric(
    problems: Collector, path: str, metric_id: str, spec: Mapping[str, Any], *, has_night: bool
) -> Metric | None:
    before = len(problems.problems)
    check_keys(problems, path, spec, allowed=_METRIC_KEYS, required=("title",))
    fields: dict[str, Any] = {}
    for key in ("title", "unit", "label"):
        if key in spec:
            fields[key] = read_str(problems, join(path, key), spec[key])
    for key in ("count", "days_without"):
        if key in spec:
            fields[key] = read_id(problems, join(path, key), spec[key])
    if "count" in spec and "days_without" in spec:
        problems.add(path, M.COUNT_AND_DAYS)
    if "during" in spec:
        if spec["during"] != "night":
            problems.add(join(path, "during"), M.MUST_BE_NIGHT, value=shown(problems, spec["during"]))
        elif "count" not in spec:
            problems.add(join(path, "during"), M.ONLY_WITH, key="count")
        elif not has_night:
            problems.add(join(path, "during"), M.NEEDS_NIGHT)
        fields["during"] = "night"
    if "where" in spec:
        where_path = join(path, "where")
        where = read_table(problems, where_path, spec["where"])
        if "count" not in spec:
            problems.add(where_path, M.ONLY_WITH, key="count")
        if where is not None:
            pairs = []
            for field, wanted in where.items():
                text = read_str(problems, join(where_path, field), wanted)
                if text is not None:
                    pairs.append((field, text))
            fields["where"] = tuple(pairs)
    if "default" in spec:
        fields["default"] = read_number(problems, join(path, "default"), spec["default"])
    if "min_minutes" in spec:
        fields["min_minutes"] = read_count(
            problems, join(path, "min_minutes"), spec["min_minutes"], minimum=1
        )
        if "count" not in spec:
            problems.add(join(path, "min_minutes"), M.ONLY_WITH, key="count")
    if len(problems.problems) > before:
        return None
    return Metric(id=metric_id, path=path, **fields)


def _read_items(
    problems: Collector, raw: object, metric_ids: set[str], rule_ids: dict[str, str]
) -> list[Item | None] | None:
    if raw is None:
        return None
    entries = read_list(problems, "items", raw)
    if entries is None:
        return None
    if not entries:
        problems.add("items", M.AT_LEAST_ONE, what=M.WORD_ITEM())
    items: list[Item | None] = []
    item_ids: dict[str, str] = {}
    for n, entry in enumerate(entries):
        path = join("items", n)
        table = read_table(problems, path, entry)
        if table is None:
            items.append(None)
            continue
        check_keys(
            problems,
            path,
            table,
            allowed=("id", "title", "short", "points", "rules"),
            required=("id", "title", "points"),
        )
        item_id = read_id(problems, join(path, "id"), table["id"]) if "id" in table else None
        if item_id is not None:
            check_unique(problems, join(path, "id"), item_id, item_ids, M.DUPLICATE_ITEM_ID)
        title = read_str(problems, join(path, "title"), table["title"]) if "title" in table else None
        short = read_str(problems, join(path, "short"), table["short"]) if "short" in table else ""
        points = read_number(problems, join(path, "points"), table["points"]) if "points" in table else None
        rules = _read_rule_list(problems, join(path, "rules"), table.get("rules", []), metric_ids, rule_ids)
        if item_id is None or title is None or short is None or points is None or rules is None:
            items.append(None)
            continue
        items.append(Item(id=item_id, title=title, points=points, rules=rules, path=path, short=short))
    return items


def _read_bonus(
    problems: Collector, raw: object, metric_ids: set[str], rule_ids: dict[str, str]
) -> Bonus | None:
    table = read_table(problems, "bonus", raw)
    if table is None:
        return None
    check_keys(problems, "bonus", table, allowed=("cap", "rules"), required=("cap",))
    cap = read_number(problems, "bonus.cap", table["cap"]) if "cap" in table else None
    rules = _read_rule_list(problems, "bonus.rules", table.get("rules", []), metric_ids, rule_ids)
    if cap is None or rules is None:
        return None
    return Bonus(cap=cap, rules=rules)


def _read_rule_list(
    problems: Collector, path: str, raw: object, metric_ids: set[str], rule_ids: dict[str, str]
) -> tuple[Rule, ...] | None:
    entries = read_list(problems, path, raw)
    if entries is None:
        return None
    rules = [_read_rule(problems, join(path, n), e, metric_ids, rule_ids) for n, e in enumerate(entries)]
    if any(rule is None for rule in rules):
        return None
    return tuple(rule for rule in rules if rule is not None)


def _read_trigger(
    problems: Collector, path: str, table: Mapping[str, Any], metric_ids: set[str]
) -> tuple[str | None, Comparison | None, Decimal | None]:
    """The ``metric`` and exactly one of ``below``/``above`` shared by rules and vetoes."""
    metric = None
    if "metric" in table:
        metric = read_id(problems, join(path, "metric"), table["metric"])
        if metric is not None and metric not in metric_ids:
            problems.add(
                join(path, "metric"),
                M.UNDEFINED_METRIC,
                value=describe(metric),
                hint=suggest(problems, metric, metric_ids),
            )
            metric = None
    sides = [side for side in Comparison if side.value in table]
    if len(sides) != 1:
        problems.add(path, M.BELOW_OR_ABOVE)
        return metric, None, None
    side = sides[0]
    threshold = read_number(problems, join(path, side.value), table[side.value])
    return metric, side, threshold


def _read_rule(
    problems: Collector,
    path: str,
    raw: object,
    metric_ids: set[str],
    rule_ids: dict[str, str],
) -> Rule | None:
    table = read_table(problems, path, raw)
    if table is None:
        return None
    before = len(problems.problems)
    check_keys(problems, path, table, allowed=_RULE_KEYS, required=("id", "text", "metric"))
    rule_id = read_id(problems, join(path, "id"), table["id"]) if "id" in table else None
    if rule_id is not None:
        check_unique(problems, join(path, "id"), rule_id, rule_ids, M.DUPLICATE_RULE_ID)
    text = read_str(problems, join(path, "text"), table["text"]) if "text" in table else None
    metric, side, threshold = _read_trigger(problems, path, table, metric_ids)
    if ("per" in table) == ("fixed" in table):
        problems.add(path, M.PER_OR_FIXED)
    per = read_number(problems, join(path, "per"), table["per"]) if "per" in table else None
    fixed = read_number(problems, join(path, "fixed"), table["fixed"]) if "fixed" in table else None
    prorate = False
    if "prorate" in table:
        prorate = bool(read_bool(problems, join(path, "prorate"), table["prorate"]))
        if prorate and "below" not in table:
            problems.add(join(path, "prorate"), M.ONLY_WITH, key="below")
    cap = None
    if "cap" in table:
        cap = read_number(problems, join(path, "cap"), table["cap"])
        if "per" not in table:
            problems.add(join(path, "cap"), M.ONLY_WITH, key="per")
    if (
        len(problems.problems) > before
        or rule_id is None
        or text is None
        or metric is None
        or side is None
        or threshold is None
    ):
        return None
    return Rule(
        id=rule_id,
        text=text,
        metric=metric,
        comparison=side,
        threshold=threshold,
        per=per,
        fixed=fixed,
        prorate=prorate,
        cap=cap,
        path=path,
    )


def _read_vetoes(
    problems: Collector,
    raw: object,
    metric_ids: set[str],
    rule_ids: dict[str, str],
    grades: tuple[Grade, ...] | None,
) -> tuple[Veto, ...]:
    entries = read_list(problems, "vetoes", raw)
    if entries is None:
        return ()
    vetoes = []
    for n, entry in enumerate(entries):
        path = join("vetoes", n)
        table = read_table(problems, path, entry)
        if table is None:
            continue
        before = len(problems.problems)
        check_keys(problems, path, table, allowed=_VETO_KEYS, required=("id", "text", "metric"))
        veto_id = read_id(problems, join(path, "id"), table["id"]) if "id" in table else None
        if veto_id is not None:
            check_unique(problems, join(path, "id"), veto_id, rule_ids, M.DUPLICATE_RULE_ID)
        text = read_str(problems, join(path, "text"), table["text"]) if "text" in table else None
        metric, side, threshold = _read_trigger(problems, path, table, metric_ids)
        grade = grades[-1].name if grades else None
        if "grade" in table:
            grade = read_str(problems, join(path, "grade"), table["grade"])
            names = [g.name for g in grades or ()]
            if grade is not None and grades is not None and grade not in names:
                problems.add(
                    join(path, "grade"), M.UNDEFINED_GRADE, value=describe(grade), grades=Listing(names)
                )
        if (
            len(problems.problems) > before
            or veto_id is None
            or text is None
            or metric is None
            or side is None
            or threshold is None
            or grade is None
        ):
            continue
        vetoes.append(
            Veto(
                id=veto_id,
                text=text,
                metric=metric,
                comparison=side,
                threshold=threshold,
                grade=grade,
                path=path,
            )
        )
    return tuple(vetoes)


def _read_notice(problems: Collector, raw: object) -> NoticeSettings:
    table = read_table(problems, "notice", raw)
    if table is None:
        return NoticeSettings()
    check_keys(problems, "notice", table, allowed=("title", "working_days", "rank"))
    settings: dict[str, Any] = {}
    if "title" in table:
        title = read_str(problems, "notice.title", table["title"])
        if title is not None:
            try:
                parsed = string.Formatter().parse(title)
                fields = [(f, spec, conv) for _, f, spec, conv in parsed if f is not None]
            except ValueError as error:  # (Python's words, English only: said in ours)
                lone = str(error).startswith("Single '}'")
                problems.add("notice.title", M.TITLE_LONE_BRACE if lone else M.TITLE_UNCLOSED_BRACE)
                fields = []
            for field, spec, conversion in fields:
                if field not in _NOTICE_FIELDS:
                    problems.add("notice.title", M.UNKNOWN_PLACEHOLDER, field=field)
                elif spec or conversion:
                    # {township:d} or {township:>300000000} would fail or run away in every notice
                    written = "{" + field + ("!" + conversion if conversion else "")
                    written += (":" + spec if spec else "") + "}"
                    problems.add("notice.title", M.PLACEHOLDER_NOT_PLAIN, value=quote(written), field=field)
            settings["title"] = title
    if "working_days" in table:
        days = read_count(
            problems, "notice.working_days", table["working_days"], minimum=1, maximum=MAX_WORKING_DAYS
        )
        if days is not None:
            settings["working_days"] = days
    if "rank" in table:
        rank = read_bool(problems, "notice.rank", table["rank"])
        if rank is not None:
            settings["rank"] = rank
    return NoticeSettings(**settings)


#: what rules may be given as: the rules, a rule file, a folder of them, or ``None`` (the bundled scheme)
RulesSource = Ruleset | str | os.PathLike[str] | None


def rules_for(rules: RulesSource, period: Period | None, /) -> Ruleset | None:
    """The rule file to score a period with: ``rules`` itself, the file it names, the one of its
    folder in force for ``period`` (``None`` while the period is unknown), or the bundled scheme."""
    if isinstance(rules, Ruleset):
        return rules
    if rules is None:
        return default_rules()
    if not isinstance(rules, (str, os.PathLike)):
        # (a caller's slip, such as arguments swapped: said plainly, not as os.fspath's words)
        raise TypeError(
            f"rules must be a Ruleset, the path of a rule file or folder, or None; got {type(rules).__name__}"
        )
    name = os.fspath(rules)
    if os.path.isdir(name):
        return pick_rules(name, period) if period is not None else None
    return load_rules(name)

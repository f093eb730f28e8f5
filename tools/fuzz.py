"""Hostile and extreme input, many times over: no traceback, no hang, no false "matches".

    python tools/fuzz.py                                  # the figures docs/reliability.md records
    python tools/fuzz.py --evidence 2000 --rules 1000 --commands 50 --result 500   # a quick look
    python tools/fuzz.py --score /path/to/venv/bin/score  # the command installed elsewhere
    python tools/fuzz.py --only workbooks --only positioning   # some stages (two processes, two CPUs)

Every case is a valid input (the fixtures' small rule file and evidence, the
bundled scheme, the two examples, a fresh result) changed by a few random
mutations: a value replaced by a hostile one (numbers with exponents beyond any
decimal or thousands of digits, text with ESC, C1, NUL, BEL, BS, CR, U+202E or
half a surrogate pair, text of 100,000 characters, nesting thousands deep, keys
that are no text, wrong types), a key dropped or given twice, an entry copied,
moved or deleted, the text cut, a byte flipped. Cases are drawn from a seeded
generator, so a run can be repeated exactly.

- **evidence, through the library**: as bytes to ``score_file`` and as a
  mapping to ``score_evidence``; a valid one is written as the result JSON.
- **rule files, through the library**: TOML text to ``loads_rules``, then (when
  valid) scoring the small evidence, the result JSON and the notice's title.
- **results, through the library**: ``verify_result`` of a fresh result changed
  (names swapped, a veto, a hit or an inspector deleted, an entry forged,
  a value edited): a changed result that verifies is a false "matches".
- **the command**: ``score`` (every format, ``--output`` at times naming an
  input), ``score verify``, ``score check`` and ``score schema`` on mutated
  files in a scratch folder, each with a 5 s limit.
- **workbooks, through the library**: the 前进镇 example workbook and ``score
  template``'s workbook filled in from the 太平乡 example, read back and changed
  (a cell made hostile: controls, U+202E, huge and tiny numbers, NaN and
  infinity, full-width digits, formulas, dates as text in odd forms, dates at
  the calendar's ends, 100,000 characters; blank, copied, deleted or shuffled
  rows; a sheet deleted, renamed or given twice; a header column given twice;
  the example positioning export pasted in, other people's cards and all; a
  card under two names; a value at XFD1048576; 20,000 rows; cells showing a
  formula's error, ``<c t="e"><f>…</f><v>#DIV/0!</v></c>`` as a spreadsheet
  program saves it (#REF!, #N/A, #VALUE!, #NAME?, #NUM!, #NULL! too) or not
  (single quotes, a prefix, attributes in another order or spaced, no or an
  empty ``<v>``, entities, controls or 100,000 characters in it, an error no
  program knows), beyond the sheet's other cells at times), written again
  with XlsxWriter, at times then broken as a zip (cut, a byte flipped, a part
  left out, cut or replaced), given to ``score_file`` as bytes or a path.
- **workbooks, through the command**: ``score BOOK.xlsx`` (every format,
  ``--output`` at times naming the workbook or a rule file), ``score import``
  (from a file or standard input, with the example export), ``score verify`` of
  a forged result against the workbook it came from, ``score template``.
- **positioning exports, through the command**: the example export with
  hostile cells, other people's cards, a card under another name, a column
  given twice or gone, no title row or 35 of them, blank rows, 5,000 rows;
  as CSV (comma, tab or semicolon) in GB18030, UTF-8, UTF-8 with a BOM, UTF-16
  or with a byte changed, or as .xlsx; through ``score import --positioning``
  (at times twice, with a mutated ``--mapping``, ``--output`` naming an input).

Counted: tracebacks (an exception other than ``InvalidInputError`` in the
library; ``Traceback`` on standard error or an exit code other than 0-3 from
the command), hangs (a case over 5 s), false "matches", inputs overwritten
(an input's bytes changed), stray files (a file left in the scratch folder
that the run did not ask for), and control characters on the command's
standard error; and error cells read silently: a workbook accepted (by the
library, or ``score``/``score import`` with exit 0) with a cell showing a
formula's error that the reader reads (the workbook reads otherwise with that
cell holding ``x`` or ``1`` than empty; a cell it ignores reads the same). The
first few of each are kept under ``--keep`` to rerun.
"""

from __future__ import annotations

import argparse
import copy
import csv
import hashlib
import io
import json
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
import zipfile
from collections import Counter
from collections.abc import Callable
from datetime import date, datetime, timedelta
from datetime import time as dt_time
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import inspector_scoring as isc  # noqa: E402

SMALL_RULES = (ROOT / "tests" / "fixtures" / "rules" / "small.toml").read_text(encoding="utf-8")
DEFAULT_RULES = (ROOT / "rules" / "default.toml").read_text(encoding="utf-8")
EVIDENCE_SEEDS = [
    json.loads((ROOT / "tests" / "fixtures" / "evidence" / "minimal.json").read_text(encoding="utf-8")),
    json.loads((ROOT / "examples" / "taiping-2021-03.json").read_text(encoding="utf-8")),
    json.loads((ROOT / "examples" / "wuben-2021-03.json").read_text(encoding="utf-8")),
]
LIMIT_SECONDS = 5.0
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

# -- hostile values -----------------------------------------------------------------------

HOSTILE_TEXT = [
    "\x1b[31mred\x1b[0m",
    "\x1b]8;;https://evil.example\x07link\x1b]8;;\x07",
    "\x9b2J",
    "a\x00b",
    "\x07\x08\r",
    "\u202eevil",
    "\ud800",
    "x\udfff",
    "=cmd|' /C calc'!A0",
    "[x](https://evil.example)",
    "![x](https://evil.example/x.png)",
    "# heading",
    "<script>alert(1)</script>",
    "{township:>300000000}",
    "{township:d}",
    "{0}",
    "",
    "   ",
    "张" * 600,
    "x" * 100_000,
    "2021-03-05",
    "2021-03-05T25:00:00",
    "9999-12-31",
    "0001-01-01",
    "2021-02-30",
    "underground",
    "night",
    "NaN",
]


def hostile_number(rng: random.Random) -> Any:
    """A number a file could hold: tiny, huge, far out, long."""
    return rng.choice(
        [
            0,
            -1,
            1,
            10**12,
            10**12 + 1,
            10**5000,
            Decimal("1E+999999999999999"),
            Decimal("1E+999999999"),
            Decimal("1E-999999999999999"),
            Decimal("0.00000000001"),
            Decimal("2.5"),
            Decimal("1." + "0" * 80 + "1"),
            True,
            None,
        ]
    )


def deep(rng: random.Random) -> Any:
    value: Any = rng.choice([[], {}, "x"])
    for _ in range(rng.choice([70, 500, 3000])):
        value = [value] if rng.random() < 0.5 else {"a": value}
    return value


def hostile_value(rng: random.Random) -> Any:
    kind = rng.random()
    if kind < 0.45:
        return rng.choice(HOSTILE_TEXT)
    if kind < 0.8:
        return hostile_number(rng)
    if kind < 0.9:
        return deep(rng)
    return rng.choice([[], {}, [1, "a"], {"x": 1}, {"kind": "underground"}])


# -- mutating a JSON tree -------------------------------------------------------------------


def _containers(tree: Any) -> list[Any]:
    """Every object and array of a tree (not too deep: trees here are small)."""
    found, stack = [], [tree]
    while stack:
        value = stack.pop()
        if isinstance(value, (dict, list)) and len(found) < 5000:
            found.append(value)
            stack.extend(value.values() if isinstance(value, dict) else value)
    return found


def mutate_tree(rng: random.Random, tree: Any, *, mapping: bool) -> Any:
    """``tree`` changed by 1-4 random mutations (``mapping``: keys that are no text, too)."""
    tree = copy.deepcopy(tree)  # (the seeds are shallow)
    for _ in range(rng.randint(1, 4)):
        containers = _containers(tree)
        target = rng.choice(containers)
        action = rng.random()
        if isinstance(target, dict) and target:
            key = rng.choice(list(target))
            if action < 0.5:
                target[key] = hostile_value(rng)
            elif action < 0.65:
                del target[key]
            elif action < 0.8:
                new_key: Any = rng.choice(["extra", "\x1b[2J", "\u202e", "kind", "counts", "until", "ref"])
                if mapping and rng.random() < 0.3:
                    new_key = rng.choice([5, None, (1, 2), "\ud800"])
                target[new_key] = hostile_value(rng)
            else:
                try:
                    target[key] = copy.deepcopy(rng.choice(containers))
                except RecursionError:
                    pass
        elif isinstance(target, list) and target:
            n = rng.randrange(len(target))
            if action < 0.4:
                target[n] = hostile_value(rng)
            elif action < 0.6:
                del target[n]
            elif action < 0.8:
                try:
                    target.insert(rng.randrange(len(target) + 1), copy.deepcopy(target[n]))
                except RecursionError:
                    pass
            else:
                rng.shuffle(target)
    return tree


def mutate_text(rng: random.Random, text: str) -> str:
    """Text-level damage: a key given twice, a cut, a flipped character, a hostile token."""
    action = rng.random()
    if action < 0.3:
        found = [m.start() for m in re.finditer(r'"[a-z_]+": ', text)]
        if found:
            at = rng.choice(found)
            end = text.index(": ", at) + 2
            written = as_json_bytes(hostile_value(rng)).decode("utf-8", "surrogatepass")
            return text[:end] + written + ", " + text[at:]
    if action < 0.5:
        return text[: rng.randrange(len(text) + 1)]
    if action < 0.7:
        at = rng.randrange(len(text))
        return (
            text[:at] + chr(rng.choice([0, 7, 0x1B, 0x9B, 0x202E, 0xFF0C, 0x3001, ord("9")])) + text[at + 1 :]
        )
    token = rng.choice(
        ["1e+99999999999999999999", "9" * 5000, "[" * 5000, "NaN", "-0", "1e-400", '"\\ud800"']
    )
    at = rng.randrange(len(text))
    return text[:at] + token + text[at:]


def _repr(tree: Any) -> str:
    """A case as Python text to keep (a tree nested thousands deep has no repr)."""
    try:
        return repr(tree)
    except (RecursionError, ValueError):
        return "<too deep or too long to show>"


def as_json_bytes(tree: Any) -> bytes:
    """A tree as JSON text, hostile numbers written as they are (``1E+999999999999999``)."""

    def plain(value: Any) -> Any:
        if isinstance(value, Decimal):
            return f"\x00NUMBER{value}\x00"
        if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 1000:
            return "\x00NUMBER" + "9" * 5000 + "\x00"
        raise TypeError(type(value).__name__)

    try:
        text = json.dumps(_plain_ints(tree), ensure_ascii=False, default=plain)
    except (TypeError, ValueError, RecursionError):
        return b"{}"
    text = re.sub(r'"\\u0000NUMBER([^"]*)\\u0000"', r"\1", text)
    return text.encode("utf-8", "surrogatepass")


def _plain_ints(tree: Any) -> Any:
    """Huge ints as Decimals, so that ``default`` writes them (json converts ints itself)."""
    if isinstance(tree, dict):
        return {key: _plain_ints(value) for key, value in tree.items()}
    if isinstance(tree, list):
        return [_plain_ints(value) for value in tree]
    if isinstance(tree, int) and not isinstance(tree, bool) and tree.bit_length() > 1000:
        return Decimal(tree)
    return tree


# -- mutating TOML ----------------------------------------------------------------------------

TOML_VALUES = [
    "1e+99999999999999999999",
    "1e-99999999999999999999",
    "9" * 5000,
    "1e999999999",
    "3000000",
    "-1",
    "nan",
    "inf",
    "true",
    '"two"',
    '"{township:d}"',
    '"{township:>300000000}"',
    '"\\u001b[31m\\u0007\\b\\r\\u202e"',
    '"' + "x" * 600 + '"',
    "[" * 80 + "]" * 80,
    "[" * 5000 + "]" * 5000,
    "2021-13-01",
    "9999-12-31",
    "0001-01-01",
    "{}",
    "[]",
    "25:00:00",
]


def mutate_toml(rng: random.Random, text: str) -> str:
    lines = text.split("\n")
    for _ in range(rng.randint(1, 4)):
        action = rng.random()
        n = rng.randrange(len(lines))
        line = lines[n]
        if action < 0.55 and " = " in line:
            key = line.split(" = ")[0]
            lines[n] = f"{key} = {rng.choice(TOML_VALUES)}"
        elif action < 0.7:
            del lines[n]
        elif action < 0.8:
            lines.insert(n, line)  # a key given twice, or a table repeated
        elif action < 0.9:
            lines.insert(n, rng.choice(["[notice]", "[[items]]", "[night]", "extra = 1", "[metrics.x]"]))
        else:
            at = rng.randrange(len(line) + 1)
            lines[n] = line[:at] + chr(rng.choice([0, 7, 0x1B, 0x9B, 0x202E, ord("{")])) + line[at:]
    return "\n".join(lines)


# -- running a case ---------------------------------------------------------------------------


class Hang(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise Hang


#: a case to keep: its bytes or text, or how to write it (only when it is kept)
Case = bytes | str | Callable[[], str]


class Tally:
    def __init__(self, keep: Path) -> None:
        self.counts: Counter[str] = Counter()
        self.keep = keep
        self.kept: Counter[str] = Counter()
        self.slowest = 0.0
        #: the stage running, to count what it finds under its name too
        self.stage = ""

    def found(self, what: str, name: str, data: Case, detail: str) -> None:
        self.counts[what] += 1
        self.counts[f"{self.stage}: {what}"] += 1
        if self.kept[what] < 5:
            self.kept[what] += 1
            data = data() if callable(data) else data
            self.keep.mkdir(parents=True, exist_ok=True)
            stem = self.keep / f"{what}-{self.kept[what]}"
            payload = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
            stem.with_suffix(Path(name).suffix or ".txt").write_bytes(payload)
            stem.with_suffix(".why").write_text(detail, encoding="utf-8", errors="backslashreplace")


def guarded(tally: Tally, what: str, name: str, data: Case, call: Callable[[], object]) -> object:
    """Run ``call`` for one case: an ``InvalidInputError`` is a good answer; anything else,
    or more than 5 s, is counted."""
    tally.counts[f"{what} cases"] += 1
    signal.setitimer(signal.ITIMER_REAL, LIMIT_SECONDS)
    start = time.perf_counter()
    try:
        answer = call()
        tally.counts[f"{what} cases accepted"] += 1
        return answer
    except isc.InvalidInputError as error:
        for line in error.lines("en") + error.lines("zh"):
            if CONTROL.search(line):
                tally.found("raw control characters in a message", name, data, line)
        return None
    except Hang:
        tally.found("hangs", name, data, f"{what}: over {LIMIT_SECONDS} s")
        return None
    except Exception:
        tally.found("tracebacks", name, data, f"{what}\n{traceback.format_exc()}")
        return None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        tally.slowest = max(tally.slowest, time.perf_counter() - start)


def library_evidence(rng: random.Random, tally: Tally, cases: int) -> None:
    small = isc.loads_rules(SMALL_RULES, source="small.toml")
    default = isc.default_rules()
    for n in range(cases):
        seed = rng.randrange(len(EVIDENCE_SEEDS))
        rules = small if seed == 0 else default
        as_mapping = rng.random() < 0.4
        tree = mutate_tree(rng, EVIDENCE_SEEDS[seed], mapping=as_mapping)
        if n % 20 == 0:  # one in twenty as a notice too (rich's layout is the slow part)
            finish: Callable[[isc.Assessment], object] = lambda a: (_written(a), _notice(a))  # noqa: E731
        else:
            finish = _written
        if as_mapping:
            guarded(
                tally,
                "evidence",
                "case.py",
                lambda: _repr(tree),
                lambda: finish(isc.score_evidence(rules, tree)),
            )
        else:
            data = as_json_bytes(tree)
            if rng.random() < 0.3:
                data = mutate_text(rng, data.decode("utf-8", "surrogatepass")).encode(
                    "utf-8", "surrogatepass"
                )
            guarded(tally, "evidence", "case.json", data, lambda: finish(isc.score_file(data, rules=rules)))
        if n % 10_000 == 0:
            print(f"  evidence {n:,}: {dict(tally.counts)}", flush=True)


def _written(assessment: isc.Assessment) -> str:
    return isc.result_to_json(assessment)


def _notice(assessment: isc.Assessment) -> str:
    """The notice as plain text: the title, the notice period and every line laid out."""
    from inspector_scoring.views.notice import build_notice  # noqa: PLC0415
    from inspector_scoring.views.terminal import render_plain  # noqa: PLC0415

    notice = build_notice(assessment, publish_on=date(2021, 4, 6))
    return render_plain(notice.document(), width=130)


def library_rules(rng: random.Random, tally: Tally, cases: int) -> None:
    evidence = EVIDENCE_SEEDS[0]
    for n in range(cases):
        text = mutate_toml(rng, SMALL_RULES if rng.random() < 0.7 else DEFAULT_RULES)

        def run(text: str = text) -> object:
            rules = isc.loads_rules(text, source="case.toml")
            assessment = isc.score_evidence(rules, evidence)
            isc.result_to_json(assessment)
            return _notice(assessment)

        guarded(tally, "rule file", "case.toml", text, run)
        if n % 10_000 == 0:
            print(f"  rules {n:,}: {dict(tally.counts)}", flush=True)


def library_results(rng: random.Random, tally: Tally, cases: int) -> None:
    assessment = isc.score_file(ROOT / "examples" / "taiping-2021-03.json")
    original = json.loads(isc.result_to_json(assessment), parse_float=Decimal)
    for _ in range(cases):
        forged = forge(rng, original)
        changed = not _same_tree(
            {k: v for k, v in forged.items() if k != "engine"},
            {k: v for k, v in original.items() if k != "engine"},
        )

        def run(forged: Any = forged, changed: bool = changed) -> object:
            found = isc.verify_result(forged, assessment)
            if changed and not found:
                tally.found("false matches", "result.py", _repr(forged), "verify found no difference")
            return found

        guarded(tally, "result", "result.py", lambda: _repr(forged), run)


def _same_tree(a: Any, b: Any) -> bool:
    """Whether two JSON trees say the same: the same keys, lengths and types (a boolean is no
    number), numbers equal as numbers (without writing them out)."""
    stack = [(a, b)]
    while stack:
        x, y = stack.pop()
        if isinstance(x, dict) and isinstance(y, dict):
            if set(x) != set(y):
                return False
            stack.extend((x[key], y[key]) for key in x)
        elif isinstance(x, list) and isinstance(y, list):
            if len(x) != len(y):
                return False
            stack.extend(zip(x, y, strict=True))
        elif isinstance(x, bool) or isinstance(y, bool) or x is None or y is None:
            if x is not y:
                return False
        elif isinstance(x, (int, Decimal)) and isinstance(y, (int, Decimal)):
            if Decimal(x) != Decimal(y):
                return False
        elif type(x) is not type(y) or x != y:
            return False
    return True


def forge(rng: random.Random, original: dict[str, Any]) -> dict[str, Any]:
    """A published result changed as a forger would change it."""
    forged = copy.deepcopy(original)
    results = forged["results"]
    action = rng.random()
    if action < 0.15:
        a, b = rng.sample(range(len(results)), 2)
        results[a]["inspector"]["name"], results[b]["inspector"]["name"] = (
            results[b]["inspector"]["name"],
            results[a]["inspector"]["name"],
        )
    elif action < 0.3:
        for entry in results:
            if entry["vetoes"]:
                entry["vetoes"].pop()
                break
    elif action < 0.4:
        fake = copy.deepcopy(rng.choice(results))
        fake["total"] = Decimal("100.0")
        results.insert(rng.randrange(len(results) + 1), fake)
    elif action < 0.5:
        a, b = rng.sample(range(len(results)), 2)
        results[a], results[b] = results[b], results[a]
    elif action < 0.6:
        del results[rng.randrange(len(results))]
    else:
        forged = mutate_tree(rng, forged, mapping=False)
    return forged


# -- workbooks ----------------------------------------------------------------------------------

#: a workbook as its sheets, in order: (name, rows of cells); a cell is ``None`` (empty), text,
#: a number, a boolean, a date, a date-time, a time of day or a :class:`Formula`
Book = list[tuple[str, list[list[Any]]]]
QIANJIN = ROOT / "examples" / "qianjin-2021-04.xlsx"
EXPORT_CSV = ROOT / "examples" / "positioning" / "白沙沟煤矿-2021-04.csv"
#: a text cell longer than a spreadsheet program writes (32,767): put in by editing the zip
HUGE_MARK = "HUGE-CELL-MARK"
HUGE_TEXT = "x" * 100_000


class Formula(NamedTuple):
    """A formula cell with the value a spreadsheet program cached for it."""

    text: str
    value: Any


HOSTILE_CELLS: list[Any] = [
    "\x1b[31mred\x1b[0m",
    "\x9b2J",
    "a\x00b",
    "\x07\x08\r\n",
    "\u202e8001",
    "张德明\u202e",
    "\u200b张德明",
    HUGE_MARK,
    "张" * 600,
    "",
    "   ",
    "１５",
    "８００１",
    "２０２１－０４－０５",
    "2021年4月5号",
    "2021.4.5",
    "4/5/2021",
    "2021-4-5 8:00",
    "2021-04-05T25:61",
    "2021-04-05 08:00:60",
    "20210405",
    "0000-01-01",
    "9999-12-31 23:59:59",
    "2021/02/29",
    " 2021-04-05 ",
    "2021-04-05\u3000",
    "2021年4月5日 24:00",
    "=1+1",
    '=HYPERLINK("https://evil.example","x")',
    "-0",
    "1e+99999999999999999999",
    "9" * 5000,
    "NaN",
    "8001、8001",
    "8001,,8102",
    1e308,
    -1e308,
    1e15 + 0.5,
    float(10**20),
    0.1 + 0.2,
    -0.0,
    float("nan"),
    float("inf"),
    5e-324,
    True,
    False,
    Formula("=1+1", 2),
    Formula("=1/0", "#DIV/0!"),
    Formula('=HYPERLINK("https://evil.example","x")', "x"),
    Formula("=NOW()", 44300.5),
    Formula('=A1&"\x1b[2J"', "\x1b[2J"),
    date(1900, 1, 1),
    date(1904, 1, 1),
    datetime(9999, 12, 31, 23, 59, 59),
    datetime(2021, 4, 5, 23, 59, 59, 999_999),
    datetime(2021, 4, 31 - 1, 0, 0),
    dt_time(8, 30),
    timedelta(hours=30),
    None,
]


class FailedCell(NamedTuple):
    """A cell whose formula failed, as its sheet's XML holds it (put in by editing the zip):
    ``form`` is how the element is written (a key of :data:`FAILED_FORMS`), ``shown`` the text
    of its ``<v>`` as XML (entities and all)."""

    form: str
    formula: str
    shown: str
    #: the sheet's ``<dimension>`` then claims A1 only (the cell is beyond what the sheet says)
    beyond: bool = False


#: what a spreadsheet program shows (and saves in ``<v>``) when a formula fails
FORMULA_ERRORS = ["#DIV/0!", "#REF!", "#N/A", "#VALUE!", "#NAME?", "#NUM!", "#NULL!"]
#: a failed cell's ``<v>`` as no spreadsheet program writes it
HOSTILE_SHOWN = [
    "#N/A&amp;&lt;x&gt;",
    "&#35;DIV/0!",
    "#REF&#33;",
    "#VALUE!&quot;",
    "&#x1b;[2J#REF!",
    "#DIV/0!\x1b[31m",
    "\u202e#REF!",
    "#NUM!\x9b2J",
    "#NULL!" * 20_000,
    "#N/A" + "x" * 100_000,
    "#SPILL!",
    "#CALC!",
    "#GETTING_DATA",
    "12",
    " #N/A",
    "#n/a",
    "",
]
FAILED_FORMULAS = [
    "1/0",
    "A1/0",
    "#REF!+1",
    "VLOOKUP(A2,Sheet9!A:B,2,FALSE)",
    'A1&amp;"x"',
    "NA()",
    "SQRT(-1)",
    "A1:A2 B1:B2",
    "FOO()",
    "1/0+" * 5000 + "1",
]
_SPREADSHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#: a failed cell's element ({ref}, {f}: the formula, {v}: what it shows): as a spreadsheet
#: program saves it, and as others might
FAILED_FORMS = {
    "saved": '<c r="{ref}" t="e"><f>{f}</f><v>{v}</v></c>',
    "styled": '<c r="{ref}" s="0" t="e"><f>{f}</f><v>{v}</v></c>',
    "shared-formula": '<c r="{ref}" t="e"><f t="shared" si="0"/><v>{v}</v></c>',
    "array-formula": '<c r="{ref}" t="e"><f t="array" ref="{ref}">{f}</f><v>{v}</v></c>',
    "single-quotes": "<c r='{ref}' t='e'><f>{f}</f><v>{v}</v></c>",
    "mixed-quotes": "<c r=\"{ref}\" t='e'><f>{f}</f><v>{v}</v></c>",
    "reordered": '<c t="e" s="0" r="{ref}"><f>{f}</f><v>{v}</v></c>',
    "prefixed": '<x:c r="{ref}" t="e"><x:f>{f}</x:f><x:v>{v}</x:v></x:c>',  # (x declared)
    "undeclared-prefix": '<y:c r="{ref}" t="e"><y:f>{f}</y:f><y:v>{v}</y:v></y:c>',
    "spaced": '<c\n r = "{ref}"\t t = "e" ><f>{f}</f><v>{v}</v></c>',
    "v-attribute": '<c r="{ref}" t="e"><f>{f}</f><v xml:space="preserve">{v}</v></c>',
    "v-before-f": '<c r="{ref}" t="e"><v>{v}</v><f>{f}</f></c>',
    "no-v": '<c r="{ref}" t="e"><f>{f}</f></c>',
    "empty-v": '<c r="{ref}" t="e"><f>{f}</f><v></v></c>',
}


def failed_cell(rng: random.Random, *, beyond: bool = False) -> FailedCell:
    """A cell showing a formula's error: most often as a spreadsheet program saves it."""
    form = "saved" if rng.random() < 0.35 else rng.choice(list(FAILED_FORMS))
    shown = rng.choice(FORMULA_ERRORS) if rng.random() < 0.75 else rng.choice(HOSTILE_SHOWN)
    return FailedCell(form, rng.choice(FAILED_FORMULAS), shown, beyond and rng.random() < 0.5)


#: names a sheet may be renamed to (each one a spreadsheet program allows)
SHEET_NAMES = [
    "Sheet1",
    "人员 ",
    " 人员",
    "人 员",
    "下井纪录",
    "下井记录1",
    "underground",
    "工作日志",
    "计数",
    "说明",
    "考核信息",
    "\u202e人员",
    "x" * 31,
]


def book_of(data: bytes) -> Book:
    """A workbook's sheets as python-calamine reads them (an empty cell as ``None``)."""
    from python_calamine import CalamineWorkbook  # noqa: PLC0415

    read = CalamineWorkbook.from_filelike(io.BytesIO(data))
    return [
        (
            name,
            [
                [None if cell == "" else cell for cell in row]
                for row in read.get_sheet_by_name(name).to_python(skip_empty_area=False)
            ],
        )
        for name in read.sheet_names
    ]


def taiping_book() -> Book:
    """``score template``'s workbook for the bundled scheme, filled in from the 太平乡 example."""
    from inspector_scoring.layout import (  # noqa: PLC0415
        ASSESSMENT_ROWS,
        EVENT_COLUMNS,
        LEAVE_COLUMNS,
        PANEL_COLUMNS,
        PEOPLE_COLUMNS,
    )
    from inspector_scoring.views.template import template_workbook  # noqa: PLC0415

    rules = isc.default_rules()
    evidence = EVIDENCE_SEEDS[1]
    book = book_of(template_workbook(rules))
    kinds = {rules.kind(kind).title: rules.kind(kind) for kind in rules.event_kinds()}

    def value(key: str, text: Any) -> Any:
        if isinstance(text, str) and key in ("at", "until", "from", "to", "serving_from"):
            moment = datetime.fromisoformat(text)
            return moment.date() if len(text) == 10 else moment
        return text

    def rows(header: list[Any], keys: dict[str, str], entries: list[dict[str, Any]]) -> list[list[Any]]:
        return [header] + [
            [value(keys.get(h, ""), entry.get(keys.get(h, ""))) for h in header] for entry in entries
        ]

    filled: Book = []
    people = evidence["inspectors"]
    for name, sheet in book:
        header = sheet[0]
        if name == "说明":
            filled.append((name, sheet))
        elif name == "考核信息":
            assessment = evidence["assessment"]
            filled.append(
                (name, [header] + [[item, assessment.get(key)] for item, key in ASSESSMENT_ROWS.items()])
            )
        elif name == "考核小组":
            filled.append((name, rows(header, PANEL_COLUMNS, evidence["assessment"].get("panel", []))))
        elif name == "人员":
            filled.append((name, rows(header, PEOPLE_COLUMNS, people)))
        elif name == "请假":
            leave = [{"id": p["id"], **entry} for p in people for entry in p.get("leave", [])]
            filled.append((name, rows(header, LEAVE_COLUMNS, leave)))
        elif name == "计数":
            continue  # every metric of the scheme counts an event sheet
        elif name in kinds:
            keys = dict(EVENT_COLUMNS) | {title: field for field, title in kinds[name].fields}
            events = [
                {"id": p["id"], "name": p["name"], **event}
                for p in people
                for event in p.get("events", [])
                if event["kind"] == kinds[name].id
            ]
            filled.append((name, rows(header, keys, events)))
    return filled


def book_bytes(book: Book) -> bytes:
    """The workbook written with XlsxWriter (each cell with its own type); a text cell holding
    ``HUGE_MARK`` then holds 100,000 characters, and a :class:`FailedCell` shows a formula's
    error (by editing the zip)."""
    import xlsxwriter  # noqa: PLC0415
    from xlsxwriter.utility import xl_rowcol_to_cell  # noqa: PLC0415

    out = io.BytesIO()
    written = xlsxwriter.Workbook(
        out,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
            "nan_inf_to_errors": True,
        },
    )
    written.set_properties({"created": datetime(2021, 5, 6)})
    day = written.add_format({"num_format": "yyyy-mm-dd"})
    moment = written.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
    clock = written.add_format({"num_format": "hh:mm"})
    #: worksheet part → its failed cells, by reference
    failed: dict[str, list[tuple[str, FailedCell]]] = {}
    for number, (name, rows) in enumerate(book, 1):
        sheet = written.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                if cell is None:
                    continue
                if isinstance(cell, FailedCell):  # a number in its place, replaced below
                    sheet.write_number(r, c, 0)
                    failed.setdefault(f"xl/worksheets/sheet{number}.xml", []).append(
                        (xl_rowcol_to_cell(r, c), cell)
                    )
                elif isinstance(cell, Formula):
                    sheet.write_formula(r, c, cell.text, None, cell.value)
                elif isinstance(cell, datetime):
                    sheet.write_datetime(r, c, cell, moment)
                elif isinstance(cell, date):
                    sheet.write_datetime(r, c, cell, day)
                elif isinstance(cell, (dt_time, timedelta)):
                    sheet.write_datetime(r, c, cell, clock)
                elif isinstance(cell, bool):
                    sheet.write_boolean(r, c, cell)
                elif isinstance(cell, (int, float)):
                    sheet.write_number(r, c, cell)
                else:
                    sheet.write_string(r, c, str(cell))
    written.close()
    data = out.getvalue()
    if failed:
        data = _zip_rewrite(
            data, lambda part, body: _show_failed(body, failed[part]) if part in failed else body
        )
    return _zip_replace(data, HUGE_MARK, HUGE_TEXT) if HUGE_MARK.encode() in _zip_text(data) else data


def _show_failed(xml: bytes, cells: list[tuple[str, FailedCell]]) -> bytes:
    """A worksheet's XML with each of these cells (written as a number) showing its error."""
    for ref, cell in cells:
        element = FAILED_FORMS[cell.form].format(ref=ref, f=cell.formula, v=cell.shown)
        written = element.encode("utf-8", "surrogatepass")
        found = re.search(rb'<c r="' + ref.encode() + rb'"[^>]*>.*?</c>', xml)
        if found is not None:
            xml = xml[: found.start()] + written + xml[found.end() :]
        if cell.beyond:
            xml = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1"/>', xml, count=1)
    if any(cell.form == "prefixed" for _, cell in cells):
        xml = xml.replace(b"<worksheet ", f'<worksheet xmlns:x="{_SPREADSHEET_NS}" '.encode(), 1)
    return xml


def _zip_text(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return b"".join(archive.read(info) for info in archive.infolist() if info.filename.endswith(".xml"))


def _zip_replace(data: bytes, old: str, new: str) -> bytes:
    """The zip with ``old`` replaced by ``new`` in every XML member."""
    return _zip_rewrite(data, lambda name, body: body.replace(old.encode(), new.encode()))


def _zip_rewrite(data: bytes, change: Callable[[str, bytes], bytes | None]) -> bytes:
    """The zip with each member's bytes changed (``None``: the member left out)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as archive, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for info in archive.infolist():
            body = change(info.filename, archive.read(info))
            if body is not None:
                new.writestr(info.filename, body)
    return out.getvalue()


def mutate_book(rng: random.Random, book: Book) -> Book:
    """``book`` changed by 1-4 random mutations of its cells, rows, columns and sheets."""
    book = [(name, [list(row) for row in rows]) for name, rows in book]
    for _ in range(rng.randint(1, 4)):
        if not book:
            break
        s = rng.randrange(len(book))
        _, rows = book[s]
        action = rng.random()
        if action < 0.32 and rows:  # a cell made hostile (a header cell too, at times)
            r = rng.randrange(len(rows)) if rng.random() < 0.9 else 0
            row = rows[r]
            c = rng.randrange(len(row) + 1)
            row.extend([None] * (c + 1 - len(row)))
            row[c] = rng.choice(HOSTILE_CELLS)
        elif action < 0.4 and rows:  # cells showing a formula's error (#DIV/0!), beyond the others at times
            for _ in range(rng.choice([1, 1, 1, 2, 3])):
                beyond = rng.random() < 0.15
                if beyond:
                    r = len(rows) + rng.choice([0, 1, 30, 1000])
                    c = rng.randrange(max(map(len, rows)) + rng.choice([1, 3, 30]))
                else:
                    r = rng.randrange(len(rows)) if rng.random() < 0.95 else 0
                    c = rng.randrange(len(rows[r]) + 1)
                while len(rows) <= r:
                    rows.append([])
                rows[r].extend([None] * (c + 1 - len(rows[r])))
                rows[r][c] = failed_cell(rng, beyond=beyond)
        elif action < 0.47:  # blank rows
            at = rng.randrange(len(rows) + 1)
            rows[at:at] = [[None] * rng.randint(0, 8) for _ in range(rng.randint(1, 3))]
        elif action < 0.55 and len(rows) > 1:  # a row copied, deleted or the rows shuffled
            r = rng.randrange(1, len(rows))
            kind = rng.random()
            if kind < 0.4:
                rows.insert(rng.randrange(1, len(rows) + 1), list(rows[r]))
            elif kind < 0.8:
                del rows[r]
            else:
                body = rows[1:]
                rng.shuffle(body)
                rows[1:] = body
        elif action < 0.6:  # a sheet deleted
            del book[s]
        elif action < 0.66:  # a sheet renamed
            new = rng.choice(SHEET_NAMES)
            if all(other.casefold() != new.casefold() for other, _ in book):
                book[s] = (new, rows)
        elif action < 0.73 and rows and rows[0]:  # a header column given twice
            c = rng.randrange(len(rows[0]))
            if rng.random() < 0.5:
                for row in rows:
                    row.append(row[c] if c < len(row) else None)
            else:
                d = rng.randrange(len(rows[0]))
                rows[0][d] = rows[0][c]
        elif action < 0.8:  # a positioning export pasted in, other people's cards and all
            book = _paste_export(rng, book)
        elif action < 0.87:  # a card under two names
            book = _card_twice(rng, book)
        elif action < 0.9 and rows:  # a value far from the others
            r = rng.choice([1000, 65_535, 1_048_575])
            c = rng.choice([0, 50, 16_383])
            while len(rows) <= r:
                rows.append([])
            rows[r].extend([None] * (c + 1 - len(rows[r])))
            rows[r][c] = "x"
        elif action < 0.93:  # a sheet of a kind given twice (under its kind's id)
            if all(other != "underground" for other, _ in book):
                book.append(("underground", [list(row) for row in rows]))
        elif action < 0.95 and len(rows) > 1:  # many rows
            rows.extend(list(rows[1 + n % (len(rows) - 1)]) for n in range(rng.choice([2000, 20_000])))
        elif all(other != "Sheet2" for other, _ in book):  # a sheet of junk
            book.append(("Sheet2", [[rng.choice(HOSTILE_CELLS) for _ in range(3)] for _ in range(3)]))
    return book


def _sheet(book: Book, name: str) -> list[list[Any]] | None:
    return next((rows for sheet, rows in book if sheet == name), None)


def export_rows() -> list[list[str]]:
    """The example positioning export's rows (the title row first)."""
    text = EXPORT_CSV.read_bytes().decode("gb18030")
    return [list(row) for row in csv.reader(io.StringIO(text, newline=""))]


EXPORT = export_rows()


def _paste_export(rng: random.Random, book: Book) -> Book:
    """Rows of the example export (miners' cards among them) appended to 下井记录, under its
    header's columns, at times with a card under another name."""
    rows = _sheet(book, "下井记录")
    if rows is None or not rows:
        return book
    header = [str(h) if h is not None else "" for h in rows[0]]
    source = EXPORT[1]
    for line in rng.sample(EXPORT[2:], min(len(EXPORT) - 2, rng.randint(1, 40))):
        entry = dict(zip(source, line, strict=False))
        entry["时间"] = entry.get("入井时间")
        entry["结束时间"] = entry.get("升井时间")
        if rng.random() < 0.2:
            entry["卡号"] = rng.choice(["8001", "8102", "8103", "9001"])
        rows.append([entry.get(h) for h in header])
    return book


def _card_twice(rng: random.Random, book: Book) -> Book:
    """A card listed for two inspectors in 人员, or used under another inspector's name."""
    people = _sheet(book, "人员")
    if people is None or len(people) < 3 or not people[0]:
        return book
    header = [str(h) for h in people[0]]
    if "卡号" not in header or "姓名" not in header:
        return book
    card, name = header.index("卡号"), header.index("姓名")
    a, b = rng.sample(range(1, len(people)), 2)
    for row in (people[a], people[b]):
        row.extend([None] * (max(card, name) + 1 - len(row)))
    if rng.random() < 0.5:
        people[b][card] = f"{people[b][card] or ''}、{people[a][card]}"
    else:
        rows = _sheet(book, "下井记录")
        if rows and len(rows) > 1:
            copied = list(rows[rng.randrange(1, len(rows))])
            top = [str(h) for h in rows[0]]
            copied.extend([None] * (len(top) - len(copied)))
            if "卡号" in top and "姓名" in top:
                copied[top.index("卡号")] = people[a][card]
                copied[top.index("姓名")] = people[b][name]
                rows.append(copied)
    return book


def damage_zip(rng: random.Random, data: bytes) -> bytes:
    """The workbook's bytes broken: cut, a byte flipped, a part left out or its XML cut."""
    action = rng.random()
    if action < 0.25:
        return data[: rng.randrange(len(data))]
    if action < 0.45:
        at = rng.randrange(len(data))
        return data[:at] + bytes([data[at] ^ (1 << rng.randrange(8))]) + data[at + 1 :]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
    victim = rng.choice(names)
    if action < 0.65:
        return _zip_rewrite(data, lambda name, body: None if name == victim else body)
    if action < 0.85:
        return _zip_rewrite(
            data, lambda name, body: body[: rng.randrange(len(body) + 1)] if name == victim else body
        )
    laughs = (
        b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'aaaaaaaaaa'>"
        b"<!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'>"
        b"<!ENTITY c '&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;'>]><x>&c;</x>"
    )
    junk = rng.choice([b"", b"\x00" * 100, b"<x>" * 5000, laughs])
    return _zip_rewrite(data, lambda name, body: junk if name == victim else body)


class BookCase(NamedTuple):
    """A mutated workbook: its bytes, its sheets as written, whether the zip was then broken."""

    data: bytes
    book: Book
    damaged: bool


class Seeds:
    """The valid workbooks every case starts from, read once."""

    def __init__(self) -> None:
        self.books = [book_of(QIANJIN.read_bytes()), taiping_book()]
        isc.score_file(book_bytes(self.books[0]))  # both valid as written here
        isc.score_file(book_bytes(self.books[1]))
        self.rules = isc.default_rules()

    def case(self, rng: random.Random) -> BookCase | None:
        """A mutated workbook (``None`` when XlsxWriter will not write it)."""
        book = mutate_book(rng, rng.choice(self.books))
        try:
            data = book_bytes(book)
        except Exception:
            return None
        if rng.random() < 0.12:
            return BookCase(damage_zip(rng, data), book, True)
        return BookCase(data, book, False)


def _failed_cells(book: Book) -> list[tuple[int, int, int, FailedCell]]:
    """Each cell of ``book`` showing a formula's error: (sheet, row, column) from 0, the cell."""
    return [
        (s, r, c, cell)
        for s, (_, rows) in enumerate(book)
        for r, row in enumerate(rows)
        for c, cell in enumerate(row)
        if isinstance(cell, FailedCell)
    ]


def _failed_as(book: Book, at: tuple[int, int, int] | None = None, probe: Any = None) -> Book:
    """``book`` with every failed cell empty, but the one ``at`` (sheet, row, column) holding
    ``probe``."""
    return [
        (
            name,
            [
                [
                    (probe if (s, r, c) == at else None) if isinstance(cell, FailedCell) else cell
                    for c, cell in enumerate(row)
                ]
                for r, row in enumerate(rows)
            ],
        )
        for s, (name, rows) in enumerate(book)
    ]


def failed_read(book: Book, rules: isc.Ruleset) -> list[tuple[str, FailedCell]]:
    """The cells of ``book`` showing a formula's error that the reader reads, for a workbook it
    accepted (each then read as empty, or as something, without a word): a cell is read when the
    workbook with it holding a value (``x``, ``1``) reads otherwise (its evidence, or what is
    wrong with it) than with it empty. A cell the reader ignores (说明, a row left out as
    others' records, …) reads the same."""
    from xlsxwriter.utility import xl_rowcol_to_cell  # noqa: PLC0415

    from inspector_scoring.evidence.workbook import read_workbook  # noqa: PLC0415

    def outcome(changed: Book) -> object:
        try:
            return read_workbook(book_bytes(changed), "book.xlsx").evidence(rules).tree
        except isc.InvalidInputError as error:
            return error.lines("en")

    cells = _failed_cells(book)
    if not cells:
        return []
    empty = outcome(_failed_as(book))
    return [
        (f"{book[s][0]}!{xl_rowcol_to_cell(r, c)}", cell)
        for s, r, c, cell in cells
        if any(outcome(_failed_as(book, (s, r, c), probe)) != empty for probe in ("x", 1))
    ]


def check_failed(tally: Tally, case: BookCase, rules: isc.Ruleset, data: bytes) -> None:
    """For a workbook accepted (by the library or the command): count each cell showing a
    formula's error that the reader reads as a cell read silently."""
    if case.damaged or not _failed_cells(case.book):
        return
    tally.counts["workbooks accepted with error cells"] += 1
    signal.setitimer(signal.ITIMER_REAL, 6 * LIMIT_SECONDS)
    try:
        read = failed_read(case.book, rules)
    except Exception:  # (a hang, or what the case itself would have shown)
        tally.counts["error cells undecided"] += 1
        return
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    for where, cell in read:
        tally.counts["error cells read silently"] += 1
        tally.counts[f"{tally.stage}: error cells read silently"] += 1
        element = FAILED_FORMS[cell.form].format(ref=where.rpartition("!")[2], f=cell.formula, v=cell.shown)
        if len(element) > 300:
            element = element[:200] + f"… ({len(element):,} characters)"
        tally.found(
            f"error cells read silently ({cell.form})",
            "case.xlsx",
            data,
            f"{where} shows a formula's error, written {cell.form!r}"
            f"{' (<dimension> claims A1)' if cell.beyond else ''}: {element!r}\nThe workbook was"
            " accepted, and the reader reads that cell (the workbook reads otherwise with it holding"
            " x or 1 than empty).",
        )


def library_workbooks(rng: random.Random, tally: Tally, cases: int) -> None:
    seeds = Seeds()
    with tempfile.TemporaryDirectory(prefix="fuzz-book-") as scratch:
        path = Path(scratch) / "book.xlsx"
        for n in range(cases):
            case = seeds.case(rng)
            if case is None:
                tally.counts["workbook cases XlsxWriter refused"] += 1
                continue
            data = case.data
            if n % 10 == 0:
                finish: Callable[[isc.Assessment], object] = lambda a: (_written(a), _notice(a))  # noqa: E731
            else:
                finish = _written
            if rng.random() < 0.25:
                path.write_bytes(data)
                call: Callable[[], object] = lambda: finish(isc.score_file(path))  # noqa: E731
            else:
                call = lambda: finish(isc.score_file(data))  # noqa: E731
            if _failed_cells(case.book) and not case.damaged:
                tally.counts["workbook cases with error cells"] += 1
            if guarded(tally, "workbook", "case.xlsx", data, call) is not None:
                check_failed(tally, case, seeds.rules, data)
            if n % 1000 == 0:
                print(f"  workbooks {n:,}: {dict(tally.counts)}", flush=True)


# -- the installed command ----------------------------------------------------------------------


def command_runs(rng: random.Random, tally: Tally, cases: int, score: str) -> None:
    formats = ["table", "json", "csv", "markdown", "html", "svg"]
    with tempfile.TemporaryDirectory(prefix="fuzz-") as scratch:
        folder = Path(scratch)
        base_result = subprocess.run(
            [score, str(ROOT / "examples" / "taiping-2021-03.json"), "--format", "json"],
            capture_output=True,
            check=True,
        ).stdout
        for n in range(cases):
            for child in folder.iterdir():
                shutil.rmtree(child) if child.is_dir() else child.unlink()
            evidence = folder / "ev.json"
            seed = rng.randrange(len(EVIDENCE_SEEDS))
            data = as_json_bytes(mutate_tree(rng, EVIDENCE_SEEDS[seed], mapping=False))
            if rng.random() < 0.3:
                data = mutate_text(rng, data.decode("utf-8", "surrogatepass")).encode(
                    "utf-8", "surrogatepass"
                )
            evidence.write_bytes(data)
            rules_dir = folder / "rules"
            rules_dir.mkdir()
            rules = rules_dir / "rules.toml"
            rule_text = SMALL_RULES if seed == 0 else DEFAULT_RULES
            rules.write_text(
                mutate_toml(rng, rule_text) if rng.random() < 0.4 else rule_text, encoding="utf-8"
            )
            (rules_dir / "rules.tests.toml").write_text(
                "# a case file: never a rule file\n", encoding="utf-8"
            )
            kind = rng.random()
            expected_new: set[str] = set()
            not_inputs: set[str] = set()
            stdin = None
            matched: Path | None = None  # the changed result given to score verify
            if kind < 0.55:
                argv = [score, "ev.json", "--rules", rng.choice(["rules/rules.toml", "rules"])]
                argv += ["--format", rng.choice(formats)]
                if rng.random() < 0.3:
                    target = rng.choice(["ev.json", "rules/rules.toml", "rules/new.toml", "out.txt", "rules"])
                    argv += ["--output", target]
                    expected_new.add(target)
                if rng.random() < 0.2:
                    argv[1] = "-"
                    stdin = data
                    # ev.json is then no input of this run (standard input is a pipe): writing
                    # to it is allowed
                    not_inputs = {"ev.json"}
                if rng.random() < 0.1:
                    argv += ["--publish-on", rng.choice(["9999-12-31", "2021-04-06", "0001-01-01"])]
                if rng.random() < 0.1:
                    argv += ["--width", rng.choice(["99999999", "40", "1000", "39"])]
            elif kind < 0.8:
                result = folder / "result.json"
                forged = forge(rng, json.loads(base_result, parse_float=Decimal))
                text = as_json_bytes(forged).decode("utf-8", "surrogatepass")
                if rng.random() < 0.2:
                    text = mutate_text(rng, text)
                result.write_text(text, encoding="utf-8", errors="surrogatepass")
                evidence.write_bytes((ROOT / "examples" / "taiping-2021-03.json").read_bytes())
                argv = [score, "verify", "result.json", "ev.json"]
                if not _same_tree(json.loads(base_result, parse_float=Decimal), forged):
                    matched = result
            elif kind < 0.92:
                argv = [score, "check", "rules/rules.toml"]
            else:
                argv = [score, "schema", "--rules", "rules/rules.toml"]
            argv += ["--lang", rng.choice(["en", "zh"])]
            run_case(
                tally,
                "command",
                folder,
                argv,
                data,
                stdin=stdin,
                expected_new=expected_new,
                not_inputs=not_inputs,
                false_match=matched,
            )
            if n % 500 == 0:
                print(f"  command {n:,}: {dict(tally.counts)}", flush=True)


def run_case(
    tally: Tally,
    label: str,
    folder: Path,
    argv: list[str],
    data: Case,
    *,
    stdin: bytes | None = None,
    expected_new: set[str] = frozenset(),  # type: ignore[assignment]
    not_inputs: set[str] = frozenset(),  # type: ignore[assignment]
    false_match: Path | None = None,
    name: str = "case.json",
) -> int | None:
    """Run the command once in ``folder`` (5 s at most), return its exit code (``None`` when it
    hung) and count what went wrong: a traceback or an exit code other than 0-3, a control
    character on standard error, an exit 0 of ``score verify`` when ``false_match`` (the changed
    result) is given, an input whose bytes changed (other than ``not_inputs``), a file left that
    is none of ``expected_new``."""
    before = {path: _digest(path) for path in folder.rglob("*") if path.is_file()}
    tally.counts[f"{label} cases"] += 1
    start = time.perf_counter()
    try:
        done = subprocess.run(
            argv, cwd=folder, input=stdin, capture_output=True, timeout=LIMIT_SECONDS, check=False
        )
    except subprocess.TimeoutExpired:
        tally.found("hangs", name, data, " ".join(argv))
        return None
    tally.slowest = max(tally.slowest, time.perf_counter() - start)
    tally.counts[f"{label} cases exit {done.returncode}"] += 1
    stderr = done.stderr.decode("utf-8", "replace")
    if "Traceback" in stderr or done.returncode not in (0, 1, 2, 3):
        tally.found("tracebacks", name, data, " ".join(argv) + "\n" + stderr)
    if CONTROL.search(stderr):
        tally.found("raw control characters in a message", name, data, stderr)
    if false_match is not None and done.returncode == 0:
        tally.found("false matches", false_match.name, false_match.read_bytes(), stderr)
    for path, digest in before.items():
        if path.relative_to(folder).as_posix() not in not_inputs and _digest(path) != digest:
            tally.found("inputs overwritten", path.name, data, " ".join(argv))
    after = {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}
    stray = after - {p.relative_to(folder).as_posix() for p in before} - expected_new
    if stray:
        tally.found("stray files", name, data, " ".join(argv) + f"\n{sorted(stray)}")
    return done.returncode


def _clear(folder: Path) -> None:
    for child in folder.iterdir():
        shutil.rmtree(child) if child.is_dir() else child.unlink()


def command_workbooks(rng: random.Random, tally: Tally, cases: int, score: str) -> None:
    """Mutated workbooks through ``score BOOK.xlsx``, ``score import`` and ``score verify``."""
    seeds = Seeds()
    formats = ["table", "json", "csv", "markdown", "html", "svg"]
    original = QIANJIN.read_bytes()
    with tempfile.TemporaryDirectory(prefix="fuzz-book-") as scratch:
        folder = Path(scratch)
        base_result = subprocess.run(
            [score, str(QIANJIN), "--format", "json"], capture_output=True, check=True
        ).stdout
        n = 0
        while n < cases:
            case = seeds.case(rng)
            if case is None:
                continue
            data = case.data
            n += 1
            _clear(folder)
            (folder / "book.xlsx").write_bytes(data)
            rules_dir = folder / "rules"
            rules_dir.mkdir()
            (rules_dir / "rules.toml").write_text(DEFAULT_RULES, encoding="utf-8")
            expected_new: set[str] = set()
            not_inputs: set[str] = set()
            stdin = None
            matched: Path | None = None
            #: the workbook is read as it is, alone (an exit 0 then accepts its error cells)
            read_alone = True
            kind = rng.random()
            if kind < 0.5:
                argv = [score, "book.xlsx", "--format", rng.choice(formats)]
                if rng.random() < 0.3:
                    argv += ["--rules", rng.choice(["rules/rules.toml", "rules"])]
                if rng.random() < 0.3:
                    target = rng.choice(["book.xlsx", "rules/rules.toml", "out.txt", "rules"])
                    argv += ["--output", target]
                    expected_new.add(target)
            elif kind < 0.8:
                argv = [score, "import", "book.xlsx"]
                if rng.random() < 0.3:
                    argv += ["--rules", rng.choice(["rules/rules.toml", "rules"])]
                if rng.random() < 0.15:
                    argv[2] = "-"
                    stdin = data
                    not_inputs = {"book.xlsx"}
                if rng.random() < 0.4:
                    target = rng.choice(["book.xlsx", "ev.json", "rules/rules.toml"])
                    argv += ["--output", target]
                    expected_new.add(target)
                if rng.random() < 0.3:
                    (folder / "export.csv").write_bytes(EXPORT_CSV.read_bytes())
                    argv += ["--positioning", "export.csv"]
                    read_alone = False
            elif kind < 0.92:
                read_alone = False
                result = folder / "result.json"
                forged = forge(rng, json.loads(base_result, parse_float=Decimal))
                result.write_bytes(as_json_bytes(forged))
                if rng.random() < 0.5:  # a forged result against the workbook it came from
                    (folder / "book.xlsx").write_bytes(original)
                    if not _same_tree(json.loads(base_result, parse_float=Decimal), forged):
                        matched = result
                argv = [score, "verify", "result.json", "book.xlsx"]
            else:
                read_alone = False
                target = rng.choice(["rules/rules.toml", "new.xlsx", "book.xlsx"])
                argv = [score, "template", "--rules", "rules/rules.toml", "--output", target]
                expected_new.add(target)
                not_inputs = {"book.xlsx", "new.xlsx"}
            if "--rules" not in argv:
                # the bundled scheme is this run's rules: the folder's rule file is no input
                not_inputs |= {"rules/rules.toml"}
            argv += ["--lang", rng.choice(["en", "zh"])]
            if read_alone and _failed_cells(case.book) and not case.damaged:
                tally.counts["workbook command cases with error cells"] += 1
            code = run_case(
                tally,
                "workbook command",
                folder,
                argv,
                data,
                stdin=stdin,
                expected_new=expected_new,
                not_inputs=not_inputs,
                false_match=matched,
                name="case.xlsx",
            )
            if read_alone and code == 0:
                check_failed(tally, case, seeds.rules, data)
            if n % 100 == 0:
                print(f"  workbook command {n:,}: {dict(tally.counts)}", flush=True)


HOSTILE_EXPORT_CELLS = [
    "\x1b[31m",
    "\x9b2J",
    "a\x00b",
    "\u202e8001",
    "x" * 200_000,
    "张" * 600,
    "８００１",
    "２０２１－０４－０５ ０８：００：００",
    "2021.4.5 8:00",
    "2021-04-05T25:61",
    "2021年4月5日 8时",
    "9999-12-31 23:59:59",
    "0000-01-01 00:00:00",
    "=1+1",
    '"unclosed',
    'a "quoted" b',
    "line\nbreak",
    "",
    "8001、8102",
    "1e+99999999999999999999",
]


def mutate_export(rng: random.Random) -> tuple[bytes, str]:
    """The example export with hostile rows, in one of the encodings systems write; and the
    suffix to give its file."""
    rows = [list(row) for row in EXPORT]
    for _ in range(rng.randint(1, 5)):
        try:
            action = rng.random()
            r = rng.randrange(len(rows))
            if action < 0.4:
                row = rows[r]
                if row:
                    row[rng.randrange(len(row))] = rng.choice(HOSTILE_EXPORT_CELLS)
            elif action < 0.55:  # another inspector's card, or a card under another name
                row = list(rows[rng.randrange(2, len(rows))]) if len(rows) > 2 else []
                row.extend([""] * (3 - len(row)))
                row[1], row[2] = rng.choice(
                    [("刘春燕", "8001"), ("张德明", "8102"), ("张德明", "9001"), ("王矿工", "8001")]
                )
                rows.insert(rng.randrange(min(2, len(rows)), len(rows) + 1), row)
            elif action < 0.65:  # a header column given twice, or gone
                if rng.random() < 0.5:
                    for row in rows[1:]:
                        row.append(row[2] if len(row) > 2 else "")
                else:
                    c = rng.randrange(len(rows[1]))
                    for row in rows[1:]:
                        del row[c : c + 1]
            elif action < 0.72:  # title rows: none, or more than the header is looked for under
                if rng.random() < 0.5:
                    del rows[0]
                else:
                    rows[0:0] = [["标题"]] * 35
            elif action < 0.8:
                rows.insert(rng.randrange(len(rows) + 1), [])
            elif action < 0.9:
                del rows[r]
            else:
                rows.extend(
                    list(rows[2 + n % (len(rows) - 2)])
                    for n in range(rng.choice([100, 5000]))
                    if len(rows) > 2
                )
        except (IndexError, ValueError):  # a change that does not fit the rows left
            continue
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=rng.choice([",", ",", ",", "\t", ";"])).writerows(rows)
    text = out.getvalue()
    how = rng.random()
    if how < 0.1:  # the same rows as a workbook
        return book_bytes([("Sheet1", [list(row) for row in rows])]), ".xlsx"
    if how < 0.4:
        data = text.encode("gb18030", "replace")
    elif how < 0.7:
        data = text.encode("utf-8", "surrogatepass")
    elif how < 0.8:
        data = b"\xef\xbb\xbf" + text.encode("utf-8", "surrogatepass")
    elif how < 0.88:
        data = text.encode("utf-16")
    else:
        data = text.encode("utf-8", "surrogatepass")
        at = rng.randrange(len(data) + 1)
        data = data[:at] + bytes([rng.randrange(256)]) + data[at + rng.randint(0, 1) :]
    return data, ".csv"


def command_positioning(rng: random.Random, tally: Tally, cases: int, score: str) -> None:
    """Hostile positioning exports through ``score import --positioning`` (and ``--mapping``)."""
    mapping_text = (ROOT / "rules" / "positioning" / "standard.toml").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="fuzz-export-") as scratch:
        folder = Path(scratch)
        for n in range(cases):
            _clear(folder)
            (folder / "book.xlsx").write_bytes(QIANJIN.read_bytes())
            data, suffix = mutate_export(rng)
            export = f"export{suffix}"
            (folder / export).write_bytes(data)
            argv = [score, "import", "book.xlsx", "--positioning", export]
            if rng.random() < 0.15:
                argv += ["--positioning", export]  # the same export twice
            if rng.random() < 0.2:
                (folder / "mapping.toml").write_text(
                    mutate_toml(rng, mapping_text) if rng.random() < 0.7 else mapping_text, encoding="utf-8"
                )
                argv += ["--mapping", "mapping.toml"]
            expected_new: set[str] = set()
            if rng.random() < 0.4:
                target = rng.choice(["ev.json", export, "book.xlsx", "mapping.toml"])
                argv += ["--output", target]
                expected_new.add(target)
            argv += ["--lang", rng.choice(["en", "zh"])]
            run_case(tally, "positioning command", folder, argv, data, expected_new=expected_new, name=export)
            if n % 100 == 0:
                print(f"  positioning command {n:,}: {dict(tally.counts)}", flush=True)


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--evidence", type=int, default=100_000)
    parser.add_argument("--rules", type=int, default=50_000)
    parser.add_argument("--result", type=int, default=5_000)
    parser.add_argument("--commands", type=int, default=2_000)
    parser.add_argument("--workbooks", type=int, default=5_000)
    parser.add_argument("--workbook-commands", type=int, default=500)
    parser.add_argument("--positioning", type=int, default=500)
    parser.add_argument(
        "--only",
        action="append",
        choices=["evidence", "rules", "results", "commands", "workbooks", "workbook-commands", "positioning"],
        help="run only these stages (may be given more than once; two processes can share the CPUs)",
    )
    parser.add_argument(
        "--score", default=shutil.which("score") or str(Path(sys.executable).parent / "score")
    )
    parser.add_argument("--keep", type=Path, default=Path("fuzz-found"))
    args = parser.parse_args(argv)
    signal.signal(signal.SIGALRM, _alarm)
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 1000))
    tally = Tally(args.keep)
    started = time.perf_counter()
    score = args.score
    stages: list[tuple[str, str, Callable[[], None]]] = [
        (
            "evidence",
            "evidence (library)",
            lambda: library_evidence(random.Random(args.seed), tally, args.evidence),
        ),
        (
            "rules",
            "rule files (library)",
            lambda: library_rules(random.Random(args.seed + 1), tally, args.rules),
        ),
        (
            "results",
            "results (library, verify)",
            lambda: library_results(random.Random(args.seed + 2), tally, args.result),
        ),
        (
            "commands",
            "the command",
            lambda: command_runs(random.Random(args.seed + 3), tally, args.commands, score),
        ),
        (
            "workbooks",
            "workbooks (library)",
            lambda: library_workbooks(random.Random(args.seed + 4), tally, args.workbooks),
        ),
        (
            "workbook-commands",
            "workbooks (the command)",
            lambda: command_workbooks(random.Random(args.seed + 5), tally, args.workbook_commands, score),
        ),
        (
            "positioning",
            "positioning exports (the command)",
            lambda: command_positioning(random.Random(args.seed + 6), tally, args.positioning, score),
        ),
    ]
    for key, name, stage in stages:
        if args.only and key not in args.only:
            continue
        print(f"{name} …", flush=True)
        tally.stage = name
        began = time.perf_counter()
        slowest, tally.slowest = tally.slowest, 0.0
        stage()
        print(f"{name}: {time.perf_counter() - began:.0f} s, slowest case {tally.slowest:.2f} s", flush=True)
        tally.slowest = max(slowest, tally.slowest)
    print(f"\nseed {args.seed}, {time.perf_counter() - started:.0f} s, slowest case {tally.slowest:.2f} s")
    for key in sorted(tally.counts):
        print(f"  {key}: {tally.counts[key]:,}")
    bad = (
        "tracebacks",
        "hangs",
        "false matches",
        "inputs overwritten",
        "stray files",
        "raw control characters in a message",
        "error cells read silently",
    )
    return 1 if any(tally.counts[key] for key in bad) else 0


if __name__ == "__main__":
    sys.exit(main())

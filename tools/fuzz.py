"""Hostile and extreme input, many times over: no traceback, no hang, no false "matches".

    python tools/fuzz.py                                  # the figures docs/reliability.md records
    python tools/fuzz.py --evidence 2000 --rules 1000 --commands 50 --result 500   # a quick look
    python tools/fuzz.py --score /path/to/venv/bin/score  # the command installed elsewhere

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

Counted: tracebacks (an exception other than ``InvalidInputError`` in the
library; ``Traceback`` on standard error or an exit code other than 0-3 from
the command), hangs (a case over 5 s), false "matches", inputs overwritten
(an input's bytes changed), stray files (a file left in the scratch folder
that the run did not ask for), and control characters on the command's
standard error. The first few of each are kept under ``--keep`` to rerun.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
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
from collections import Counter
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

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

    def found(self, what: str, name: str, data: Case, detail: str) -> None:
        self.counts[what] += 1
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
                changed = not _same_tree(json.loads(base_result, parse_float=Decimal), forged)
            elif kind < 0.92:
                argv = [score, "check", "rules/rules.toml"]
            else:
                argv = [score, "schema", "--rules", "rules/rules.toml"]
            argv += ["--lang", rng.choice(["en", "zh"])]
            before = {path: _digest(path) for path in folder.rglob("*") if path.is_file()}
            tally.counts["command cases"] += 1
            start = time.perf_counter()
            try:
                done = subprocess.run(
                    argv, cwd=folder, input=stdin, capture_output=True, timeout=LIMIT_SECONDS, check=False
                )
            except subprocess.TimeoutExpired:
                tally.found("hangs", "case.json", data, " ".join(argv))
                continue
            tally.slowest = max(tally.slowest, time.perf_counter() - start)
            tally.counts[f"command cases exit {done.returncode}"] += 1
            stderr = done.stderr.decode("utf-8", "replace")
            if "Traceback" in stderr or done.returncode not in (0, 1, 2, 3):
                tally.found("tracebacks", "case.json", data, " ".join(argv) + "\n" + stderr)
            if CONTROL.search(stderr):
                tally.found("raw control characters in a message", "case.json", data, stderr)
            if argv[1] == "verify" and changed and done.returncode == 0:
                tally.found("false matches", "result.json", result.read_bytes(), stderr)
            for path, digest in before.items():
                if path.relative_to(folder).as_posix() not in not_inputs and _digest(path) != digest:
                    tally.found("inputs overwritten", path.name, data, " ".join(argv))
            after = {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}
            stray = after - {p.relative_to(folder).as_posix() for p in before} - expected_new
            if stray:
                tally.found("stray files", "case.json", data, " ".join(argv) + f"\n{sorted(stray)}")
            if n % 500 == 0:
                print(f"  command {n:,}: {dict(tally.counts)}", flush=True)


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
    parser.add_argument(
        "--score", default=shutil.which("score") or str(Path(sys.executable).parent / "score")
    )
    parser.add_argument("--keep", type=Path, default=Path("fuzz-found"))
    args = parser.parse_args(argv)
    signal.signal(signal.SIGALRM, _alarm)
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 1000))
    tally = Tally(args.keep)
    started = time.perf_counter()
    stages: list[tuple[str, Callable[[], None]]] = [
        ("evidence (library)", lambda: library_evidence(random.Random(args.seed), tally, args.evidence)),
        ("rule files (library)", lambda: library_rules(random.Random(args.seed + 1), tally, args.rules)),
        (
            "results (library, verify)",
            lambda: library_results(random.Random(args.seed + 2), tally, args.result),
        ),
        ("the command", lambda: command_runs(random.Random(args.seed + 3), tally, args.commands, args.score)),
    ]
    for name, stage in stages:
        print(f"{name} …", flush=True)
        began = time.perf_counter()
        stage()
        print(f"{name}: {time.perf_counter() - began:.0f} s", flush=True)
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
    )
    return 1 if any(tally.counts[key] for key in bad) else 0


if __name__ == "__main__":
    sys.exit(main())

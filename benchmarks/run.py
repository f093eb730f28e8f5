"""Time the engine against the yardstick (issue 5): end to end, scoring step, memory, start-up.

``python benchmarks/run.py [--inspectors 20000] [--repeat 5] [--growth] [--schemes default second]``

Run it with the interpreter of a non-editable install (``pip install .``): the
``score`` command next to that interpreter is timed, and the same interpreter
runs the yardstick (``benchmarks/baseline.py``) and imports the library for the
in-memory step. Every comparison is made for both rule files, the default scheme
(``rules/default.toml``) and the generator's second one (``generate.py --scheme
second``), each against its own hand-written yardstick. End to end is timed for
the command (``score FILE --rules RULES --format json``) and for the library
call in a fresh process (``isc.score_file``, then ``isc.result_to_json``) when
the engine has ``score_file``. Every comparison is interleaved (the sides take
turns, the one going first changes too) and reported as medians; peak memory is
each child process's own maximum resident set (``os.wait4`` in a small
launcher). Evidence files are generated once (``benchmarks/generate.py``) into
``--data`` and reused.

The engine's JSON goes to standard output, sent to /dev/null like the
yardstick's: ``--output /dev/null`` would be written atomically, replacing the
device by a regular file when run as root.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import baseline
import generate

HERE = Path(__file__).resolve().parent
SEED = 1
GROWTH = (1_000, 10_000, 100_000)
#: each scheme's yardstick: the scoring loop alone, on parsed JSON
LOOPS: dict[str, Callable[[dict[str, Any]], list[dict[str, Any]]]] = {
    "default": baseline.score_loaded,
    "second": baseline.score_loaded_second,
}
#: the library end to end, in a fresh process: ``python -c LIBRARY EVIDENCE RULES``
LIBRARY = (
    "import sys\n"
    "import inspector_scoring as isc\n"
    "a = isc.score_file(sys.argv[1], rules=isc.load_rules(sys.argv[2]))\n"
    "write = sys.stdout.buffer.write\n"
    "for piece in isc.iter_result_json(a):\n"
    "    write(piece)\n"
)
NOT_AVAILABLE = "not available in this engine"
#: (what, target ratio engine / yardstick), the same for every scheme
TARGETS = {
    "end to end, counts": 2.0,
    "end to end, events": 2.0,
    "library end to end, counts": 2.0,
    "library end to end, events": 2.0,
    "scoring step, counts": 1.5,
    "scoring step, events": 1.5,
    "step + checks, counts": None,
    "step + checks, events": None,
    "peak memory, events": 1.2,
    "peak memory, counts": None,
    "library peak memory, events": 1.2,
    "library peak memory, counts": None,
    "score --version": 2.0,
    "score --help": 3.0,
}


# -- the machine ---------------------------------------------------------------


def machine() -> dict[str, str]:
    """What the figures came from: CPUs, CPU model, memory, Python, the engine's version."""
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024**2:.0f} GiB"
                break
    except OSError:
        pass
    import inspector_scoring  # noqa: PLC0415 - the installed one, reported, not timed

    return {
        "nproc": str(os.cpu_count()),
        "cpu": model,
        "memory": memory,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "engine": f"inspector_scoring {inspector_scoring.__version__}",
        "installed at": str(Path(inspector_scoring.__file__).parent),
    }


# -- data ----------------------------------------------------------------------


def _generated(folder: Path) -> Path:
    """The folder of files from this generator: keyed by its own hash, so a changed
    generator never reuses old files."""
    key = hashlib.sha256((HERE / "generate.py").read_bytes()).hexdigest()[:10]
    return folder / key


def data_file(folder: Path, inspectors: int, kind: str, scheme: str = "default") -> Path:
    """The evidence file for ``inspectors``, ``kind`` and ``scheme``, generated on first use."""
    prefix = "" if scheme == "default" else f"{scheme}-"
    path = _generated(folder) / f"{prefix}{kind}-{inspectors}-seed{SEED}.json"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        print(f"  generating {path} ...", flush=True)
        partial = path.with_suffix(".tmp")
        with partial.open("w", encoding="utf-8") as stream:
            generate.write(stream, inspectors, kind, SEED, scheme)
        partial.replace(path)
    return path


def rules_file(folder: Path, scheme: str) -> Path:
    """The scheme's rule file: the repository's ``rules/default.toml``, or the second one as
    the generator writes it (kept beside its evidence)."""
    if scheme == "default":
        return HERE.parent / "rules" / "default.toml"
    path = _generated(folder) / f"{scheme}-rules.toml"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(generate.rules_text(scheme), encoding="utf-8")
    return path


def library_has(*names: str) -> bool:
    """Whether the installed engine's package offers every one of ``names``."""
    import inspector_scoring as isc  # noqa: PLC0415 - the installed one, as the children import it

    return all(hasattr(isc, name) for name in names)


# -- measuring -------------------------------------------------------------------


# A small process starts each measured command and reports its wall time, peak RSS
# and exit code. A child's peak RSS includes what it inherited from whoever forked
# it (Linux keeps the pre-exec high-water mark), so the command must not be forked
# from this process once it holds a loaded evidence file: the launcher, a bare
# interpreter of about 10 MiB, forks it instead.
_LAUNCHER = """
import os, sys, time
report, argv = sys.argv[1], sys.argv[2:]
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execvp(argv[0], argv)
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
elapsed = time.perf_counter() - start
with open(report, "w") as stream:
    stream.write(f"{elapsed!r} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}")
"""


def run_child(argv: Sequence[str]) -> tuple[float, int]:
    """Run a command (output discarded); its wall time in seconds and its own peak RSS in KiB."""
    with tempfile.TemporaryDirectory() as folder:
        report, errors = Path(folder, "report"), Path(folder, "errors")
        with errors.open("wb") as stream:
            subprocess.run(
                [sys.executable, "-I", "-S", "-c", _LAUNCHER, str(report), *argv],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=stream,
                check=True,
            )
        elapsed, peak, code = report.read_text().split()
        if code != "0":
            message = errors.read_text(encoding="utf-8", errors="replace")[-2000:]
            raise RuntimeError(f"{' '.join(argv)} exited {code}:\n{message}")
    return float(elapsed), int(peak)  # ru_maxrss is in KiB on Linux


def interleave(
    repeat: int, engine: Callable[[], tuple[float, int]], yardstick: Callable[[], tuple[float, int]]
) -> dict[str, list[tuple[float, int]]]:
    """Alternate the two, each repetition starting with the other one."""
    return interleave_all(repeat, {"engine": engine, "yardstick": yardstick})


def interleave_all(
    repeat: int, sides: dict[str, Callable[[], tuple[float, int]]]
) -> dict[str, list[tuple[float, int]]]:
    """Take turns, each repetition starting one side further on (two sides: they alternate)."""
    samples: dict[str, list[tuple[float, int]]] = {name: [] for name in sides}
    order = list(sides.items())
    for n in range(repeat):
        shift = n % len(order)
        for name, measure in order[shift:] + order[:shift]:
            samples[name].append(measure())
    return samples


def timed(function: Callable[[], object]) -> Callable[[], tuple[float, int]]:
    """In-process timing of ``function`` (after a full collection, with the collector paused), as
    (seconds, 0).

    Paused for both sides: both build acyclic records over a parsed file of a million objects,
    which every full collection would walk again. The engine's own pipeline pauses it while it
    scores (``score_file``, the command); timed with it running, a side would be charged for the
    collector's walks over the parsed file, not for its work.
    """

    def measure() -> tuple[float, int]:
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            function()
            return time.perf_counter() - start, 0
        finally:
            gc.enable()

    return measure


def medians(samples: dict[str, list[tuple[float, int]]]) -> dict[str, dict[str, Any]]:
    """Median time and peak memory of each side, with the spread of the times."""
    out = {}
    for name, values in samples.items():
        times = [seconds for seconds, _ in values]
        out[name] = {
            "seconds": statistics.median(times),
            "min": min(times),
            "max": max(times),
            "rss_mib": statistics.median(rss for _, rss in values) / 1024,
            "runs": len(values),
        }
    return out


# -- the comparisons ---------------------------------------------------------------


def end_to_end(
    score: str,
    path: Path,
    repeat: int,
    *,
    rules: Path | None = None,
    scheme: str = "default",
    library: bool = False,
) -> dict[str, dict[str, Any]]:
    """``score FILE --rules RULES --format json`` (side ``engine``) and, with ``library``, the
    library call (side ``library``) against ``python baseline.py FILE --scheme SCHEME``, all in
    fresh processes."""
    rules = rules_file(Path(), "default") if rules is None else rules
    sides = {"engine": lambda: run_child([score, str(path), "--rules", str(rules), "--format", "json"])}
    if library:
        sides["library"] = lambda: run_child([sys.executable, "-c", LIBRARY, str(path), str(rules)])
    sides["yardstick"] = lambda: run_child(
        [sys.executable, str(HERE / "baseline.py"), str(path), "--scheme", scheme]
    )
    return medians(interleave_all(repeat, sides))


def scoring_step(
    path: Path, repeat: int, *, checks: bool = False, rules: Path | None = None, scheme: str = "default"
) -> dict[str, dict[str, Any]] | None:
    """The scoring step on data in memory against the scheme's yardstick loop on parsed JSON;
    ``None`` when the engine lacks what this needs.

    The scoring step is the rule file's generated function over every inspector,
    already checked and measured (its metric values known), recording the trace:
    what ``score_file`` does after its checks. With ``checks``, each run checks and
    measures the parsed file first (``Check``), as ``score_file`` does: the whole
    work after parsing, where the yardstick's loop counts the events as it goes.
    """
    import inspector_scoring as isc  # noqa: PLC0415 - only this comparison needs the engine in-process

    try:
        from inspector_scoring.evidence.check import Check  # noqa: PLC0415
        from inspector_scoring.numbers import exact_arithmetic  # noqa: PLC0415
        from inspector_scoring.scoring.compile import scorer_for  # noqa: PLC0415
        from inspector_scoring.scoring.trace import Recorder  # noqa: PLC0415
    except ImportError:
        return None
    ruleset = isc.load_rules(rules_file(Path(), "default") if rules is None else rules)
    data = baseline.load(str(path))
    scorer = scorer_for(ruleset)

    def measure() -> tuple[list[Any], Any]:
        check = Check(data, ruleset, source=str(path), owned=False)
        measured = list(check.inspectors())
        assert check.clean
        assert check.info is not None
        return measured, check

    def score(measured: list[Any], check: Any) -> list[Any]:
        days = check.info.period.days
        recorder = Recorder(scorer.plan, check.moments, days)
        with exact_arithmetic():
            return [scorer.score(one, days, recorder) for one in measured]

    ready = measure()
    loop = LOOPS[scheme]
    engine = (lambda: score(*measure())) if checks else (lambda: score(*ready))
    return medians(interleave(repeat, timed(engine), timed(lambda: loop(data))))


def start_up(score: str, repeat: int) -> dict[str, dict[str, dict[str, Any]]]:
    """``score --version`` and ``score --help`` against ``python -c pass``."""

    def bare() -> tuple[float, int]:
        return run_child([sys.executable, "-c", "pass"])

    def command(flag: str) -> Callable[[], tuple[float, int]]:
        return lambda: run_child([score, flag])

    return {flag: medians(interleave(repeat, command(flag), bare)) for flag in ("--version", "--help")}


# -- reporting ---------------------------------------------------------------------


def ratio_line(
    what: str, engine: float, yardstick: float, unit: str, scheme: str | None = None
) -> dict[str, Any]:
    """Print one comparison with its ratio and target; return it as a record."""
    ratio = engine / yardstick if yardstick else float("inf")
    target = TARGETS.get(what)
    verdict = "" if target is None else ("meets" if ratio <= target else "MISSES") + f" <= {target:g}x"
    figures = f"engine {engine:>9.3f} {unit:<4} yardstick {yardstick:>9.3f} {unit:<4}"
    print(f"  {what:<28} {figures} {ratio:>7.2f}x  {verdict}", flush=True)
    return {
        "scheme": scheme,
        "what": what,
        "engine": engine,
        "yardstick": yardstick,
        "unit": unit,
        "ratio": ratio,
        "target": target,
    }


def unavailable_line(what: str, scheme: str, *, show: bool = True) -> dict[str, Any]:
    """Record (and unless told not to, print) a comparison the installed engine cannot make."""
    if show:
        print(f"  {what}: {NOT_AVAILABLE}", flush=True)
    return {
        "scheme": scheme,
        "what": what,
        "engine": None,
        "yardstick": None,
        "unit": None,
        "ratio": None,
        "target": TARGETS.get(what),
        "available": False,
    }


def compare_scheme(args: argparse.Namespace, scheme: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Every comparison of the issue's targets for one rule file, at N = ``args.inspectors``."""
    n = args.inspectors
    rules = rules_file(args.data, scheme)
    files = {kind: data_file(args.data, n, kind, scheme) for kind in generate.KINDS}
    record: dict[str, Any] = {"rules": str(rules), "files": {kind: str(path) for kind, path in files.items()}}
    print(f"\nscheme {scheme}: rules {rules}")
    for kind, path in files.items():
        print(f"  {kind}: {path} ({path.stat().st_size / 1024**2:.1f} MiB)")
    library = library_has("score_file", "load_rules", "iter_result_json")
    record["library"] = library
    lines = []
    print(f"N = {n}, {args.repeat} interleaved runs each, medians:")
    for kind, path in files.items():
        figures = end_to_end(args.score, path, args.repeat, rules=rules, scheme=scheme, library=library)
        record[f"end_to_end_{kind}"] = figures
        engine, yard = figures["engine"], figures["yardstick"]
        lines.append(ratio_line(f"end to end, {kind}", engine["seconds"], yard["seconds"], "s", scheme))
        lines.append(ratio_line(f"peak memory, {kind}", engine["rss_mib"], yard["rss_mib"], "MiB", scheme))
        if library:
            lib = figures["library"]
            lines.append(
                ratio_line(f"library end to end, {kind}", lib["seconds"], yard["seconds"], "s", scheme)
            )
            lines.append(
                ratio_line(f"library peak memory, {kind}", lib["rss_mib"], yard["rss_mib"], "MiB", scheme)
            )
    if not library:
        print(f"  library end to end: {NOT_AVAILABLE}", flush=True)
        for kind in files:
            record[f"library_end_to_end_{kind}"] = NOT_AVAILABLE
            lines.append(unavailable_line(f"library end to end, {kind}", scheme, show=False))
    for checks, name, label in (
        (False, "scoring_step", "scoring step"),
        (True, "scoring_step_with_checks", "step + checks"),
    ):
        for kind, path in files.items():
            step = scoring_step(path, args.repeat, checks=checks, rules=rules, scheme=scheme)
            if step is None:
                record[f"{name}_{kind}"] = NOT_AVAILABLE
                lines.append(unavailable_line(f"{label}, {kind}", scheme))
                continue
            record[f"{name}_{kind}"] = step
            engine, yard = step["engine"], step["yardstick"]
            lines.append(ratio_line(f"{label}, {kind}", engine["seconds"], yard["seconds"], "s", scheme))
    return record, lines


def compare(args: argparse.Namespace) -> dict[str, Any]:
    """The main comparison at N = ``args.inspectors``: every figure of the issue's targets, per scheme."""
    record: dict[str, Any] = {"schemes": {}}
    lines = []
    for scheme in args.schemes:
        record["schemes"][scheme], scheme_lines = compare_scheme(args, scheme)
        lines.extend(scheme_lines)
    print("\nstart-up (no evidence):")
    for flag, figures in start_up(args.score, args.startup_repeat).items():
        record[f"start_up_{flag}"] = figures
        engine, bare = figures["engine"], figures["yardstick"]
        lines.append(ratio_line(f"score {flag}", engine["seconds"] * 1000, bare["seconds"] * 1000, "ms"))
    record["ratios"] = lines
    targets = [line for line in lines if line["target"] is not None]
    missed = [line for line in targets if line["ratio"] is not None and line["ratio"] > line["target"]]
    absent = [line for line in targets if line["ratio"] is None]
    print(
        f"\ntargets: {len(targets) - len(missed) - len(absent)} met, {len(missed)} missed, "
        f"{len(absent)} not available in this engine"
        + "".join(f"\n  missed: {line['scheme'] or 'both'}: {line['what']}" for line in missed)
    )
    return record


def growth_series(args: argparse.Namespace) -> list[dict[str, Any]]:
    """End to end (the command) at each size of ``args.growth_sizes`` and each scheme, with the
    marginal cost per inspector."""
    print(f"\ngrowth, end to end (the command), {args.growth_repeat} interleaved runs each, medians")
    print("(marginal: the cost of each inspector added since the previous size)")
    print(
        f"  {'scheme':<8}{'kind':<7}{'N':>8} {'engine s':>9} {'yard s':>7} {'ratio':>6} {'engine MiB':>11} "
        f"{'yard MiB':>9} {'ratio':>6}  {'marginal µs/inspector':>22}  {'marginal KiB/inspector':>22}"
    )
    growth = []
    for scheme in args.schemes:
        rules = rules_file(args.data, scheme)
        for kind in generate.KINDS:
            previous: tuple[int, dict[str, Any], dict[str, Any]] | None = None
            for size in sorted(args.growth_sizes):
                path = data_file(args.data, size, kind, scheme)
                figures = end_to_end(args.score, path, args.growth_repeat, rules=rules, scheme=scheme)
                engine, yard = figures["engine"], figures["yardstick"]
                growth.append({"scheme": scheme, "kind": kind, "inspectors": size, **figures})
                marginal_time = marginal_memory = ""
                if previous is not None:
                    added = size - previous[0]
                    per = [
                        (now["seconds"] - before["seconds"]) / added * 1e6
                        for now, before in ((engine, previous[1]), (yard, previous[2]))
                    ]
                    mem = [
                        (now["rss_mib"] - before["rss_mib"]) * 1024 / added
                        for now, before in ((engine, previous[1]), (yard, previous[2]))
                    ]
                    marginal_time = f"{per[0]:>8.0f} vs {per[1]:>5.0f}"
                    marginal_memory = f"{mem[0]:>8.1f} vs {mem[1]:>5.1f}"
                previous = (size, engine, yard)
                print(
                    f"  {scheme:<8}{kind:<7}{size:>8} {engine['seconds']:>9.2f} {yard['seconds']:>7.2f} "
                    f"{engine['seconds'] / yard['seconds']:>6.1f} {engine['rss_mib']:>11.0f} "
                    f"{yard['rss_mib']:>9.0f} {engine['rss_mib'] / yard['rss_mib']:>6.2f}  "
                    f"{marginal_time:>22}  {marginal_memory:>22}",
                    flush=True,
                )
    return growth


def main(argv: list[str] | None = None) -> int:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inspectors", type=int, default=20_000, help="N for the main comparison (20000)")
    parser.add_argument("--repeat", type=int, default=5, help="repetitions of each side (5)")
    parser.add_argument(
        "--startup-repeat", type=int, default=20, help="repetitions of the start-up runs (20)"
    )
    parser.add_argument("--growth", action="store_true", help="also time N = 1k, 10k, 100k end to end")
    parser.add_argument(
        "--growth-sizes", type=int, nargs="+", default=list(GROWTH), metavar="N", help="sizes for --growth"
    )
    parser.add_argument("--growth-repeat", type=int, default=3, help="repetitions per growth size (3)")
    parser.add_argument("--only-growth", action="store_true", help="skip the main comparison")
    parser.add_argument(
        "--schemes",
        nargs="+",
        choices=generate.SCHEMES,
        default=list(generate.SCHEMES),
        metavar="SCHEME",
        help="the rule files to compare on: default, second (both)",
    )
    parser.add_argument(
        "--score",
        default=str(Path(sys.executable).parent / "score"),
        help="the score command (default: next to this interpreter)",
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=Path(tempfile.gettempdir()) / "inspector-scoring-bench",
        help="where generated evidence files are kept",
    )
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    args = parser.parse_args(argv)

    record: dict[str, Any] = {"machine": machine(), "seed": SEED, "inspectors": args.inspectors}
    print("machine:", ", ".join(f"{key} {value}" for key, value in record["machine"].items()))
    print(f"score command: {args.score}; yardstick: {sys.executable} {HERE / 'baseline.py'}")
    library = "isc.score_file" if library_has("score_file") else f"isc.score_file {NOT_AVAILABLE}"
    print(f"library end to end: {sys.executable} -c ... ({library})")

    if not args.only_growth:
        record.update(compare(args))
    if args.growth or args.only_growth:
        record["growth"] = growth_series(args)
    if args.json is not None:
        args.json.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

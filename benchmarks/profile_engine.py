"""Profile the engine on a generated evidence file: where a JSON run spends its time.

``python benchmarks/profile_engine.py FILE [--what phases|run|step] [--top 25]``

- ``phases`` (default): the JSON run cut into its stages, each timed once
  without a profiler (so the shares are real), with the peak RSS after each;
- ``run``: cProfile of ``score FILE --format json`` in this process (output discarded),
  functions by own time;
- ``step``: cProfile of ``score_evidence`` on an already loaded ``Evidence``.

``--no-gc`` runs any of them with the cycle collector disabled, to see its share.

A profiler inflates call-heavy code, so its seconds are larger than real ones;
read its table for where the calls go, and ``phases`` for the shares. The stage
functions are internal: when the engine is restructured, adapt ``phases``.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import gc
import io
import json
import pstats
import resource
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _stage(name: str, function: Callable[[], T], seconds: dict[str, float]) -> T:
    start = time.perf_counter()
    result = function()
    seconds[name] = time.perf_counter() - start
    print(f"  {name:<44} {seconds[name]:8.3f} s   peak RSS {_peak_mib():7.0f} MiB", flush=True)
    return result


def _plain_parse(path: Path) -> None:
    json.loads(path.read_bytes().decode("utf-8-sig"), parse_float=Decimal)


def phases(path: Path) -> None:
    """Time each stage of a JSON run once, as ``score FILE --format json`` runs them; then the
    record path's stages, as a library caller runs them (and the command, for a file the direct
    path declines)."""
    from inspector_scoring.direct import direct_json  # noqa: PLC0415
    from inspector_scoring.jsonview import iter_result_json  # noqa: PLC0415
    from inspector_scoring.metrics import check_scoring  # noqa: PLC0415
    from inspector_scoring.score import score_evidence  # noqa: PLC0415

    from inspector_scoring.evidence import read_evidence  # noqa: PLC0415
    from inspector_scoring.rules import default_rules  # noqa: PLC0415

    seconds: dict[str, float] = {}
    print(f"{path} ({path.stat().st_size / 1024**2:.1f} MiB), one run of each stage:")
    _stage("for scale: plain json.loads(parse_float=Decimal)", lambda: _plain_parse(path), seconds)
    gc.collect()
    try:
        from inspector_scoring._fields import NonFinite, json_object  # noqa: PLC0415
    except ImportError:  # the engine changed its parser: nothing to compare with
        pass
    else:
        text = path.read_bytes().decode("utf-8-sig")
        _stage(
            "  of read_evidence: json.loads with the duplicate-key hook",
            lambda: json.loads(
                text, parse_float=Decimal, parse_constant=NonFinite, object_pairs_hook=json_object
            ),
            seconds,
        )
        del text
        gc.collect()
    rules = _stage("default_rules()", default_rules, seconds)
    print("the command's direct path:")
    pieces = _stage(
        "direct_json: read, sha256, parse, check and score",
        lambda: direct_json(str(path), lambda _: rules),
        seconds,
    )
    assert pieces is not None, "the direct path declined this file"
    size = _stage("  the JSON text (UTF-8)", lambda: sum(len(piece) for piece in pieces), seconds)
    direct = seconds["direct_json: read, sha256, parse, check and score"] + seconds["  the JSON text (UTF-8)"]
    print(f"  total {direct:.2f} s; JSON {size / 1024**2:.1f} MiB")
    gc.collect()
    print("the record path (load_evidence, score_evidence, result_to_json):")
    draft = _stage("read_evidence: read, sha256, parse, records", lambda: read_evidence(path), seconds)
    evidence = draft.evidence
    assert evidence is not None
    _stage("check_scoring: checks against the rules", lambda: check_scoring(rules, evidence), seconds)
    assessment = _stage("score_evidence (checked already)", lambda: score_evidence(rules, evidence), seconds)

    def write() -> int:
        return sum(len(piece) for piece in iter_result_json(assessment))

    size = _stage("iter_result_json: the JSON text", write, seconds)
    record = sum(
        seconds[key]
        for key in (
            "read_evidence: read, sha256, parse, records",
            "check_scoring: checks against the rules",
            "score_evidence (checked already)",
            "iter_result_json: the JSON text",
        )
    )
    print(f"  total {record:.2f} s; JSON text {size / 1024**2:.1f} MiB (characters)")


def _profile(function: Callable[[], object], top: int) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    function()
    profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)


def run(path: Path, top: int) -> None:
    """cProfile of the whole JSON run, output discarded."""
    import importlib  # noqa: PLC0415

    from inspector_scoring.cli import main  # noqa: PLC0415

    for module in ("evidence", "metrics", "score", "jsonview", "rules"):  # imports are not the run
        importlib.import_module(f"inspector_scoring.{module}")

    def call() -> None:
        with contextlib.redirect_stdout(io.TextIOWrapper(io.BytesIO(), encoding="utf-8")):
            main([str(path), "--format", "json"])

    _profile(call, top)


def step(path: Path, top: int) -> None:
    """cProfile of the scoring step alone, on evidence loaded beforehand."""
    import inspector_scoring as isc  # noqa: PLC0415

    rules = isc.default_rules()
    evidence = isc.load_evidence(path, rules=rules)
    gc.collect()
    _profile(lambda: isc.score_evidence(rules, evidence), top)


def main(argv: list[str] | None = None) -> int:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", type=Path, help="an evidence file (benchmarks/generate.py)")
    parser.add_argument("--what", choices=("phases", "run", "step"), default="phases")
    parser.add_argument("--top", type=int, default=25, help="rows of each profile table")
    parser.add_argument("--no-gc", action="store_true", help="with the cycle collector disabled")
    args = parser.parse_args(argv)
    if args.no_gc:
        gc.disable()
    actions: dict[str, Callable[[], Any]] = {
        "phases": lambda: phases(args.file),
        "run": lambda: run(args.file, args.top),
        "step": lambda: step(args.file, args.top),
    }
    actions[args.what]()
    return 0


if __name__ == "__main__":
    sys.exit(main())

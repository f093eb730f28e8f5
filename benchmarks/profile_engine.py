"""Where the engine's time goes: the pipeline's stages timed one by one, or profiled.

``python benchmarks/profile_engine.py EVIDENCE.json [--rules RULES] [--what phases|run|step]``

- ``phases`` (the default): read and parse, check and measure, score, and write the
  JSON, each timed once in one process without a profiler, with the cyclic
  collector off as the command runs; then ``score_file`` with the JSON, as a
  library caller runs it.
- ``run``: cProfile of ``score EVIDENCE --format json`` in this process.
- ``step``: cProfile of scoring alone, on inspectors already checked and measured.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import gc
import io
import pstats
import resource
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@contextlib.contextmanager
def _stage(label: str) -> Iterator[None]:
    start = time.perf_counter()
    yield
    print(f"  {label:<44} {time.perf_counter() - start:7.3f} s   peak RSS {_peak_mib():8.0f} MiB", flush=True)


def phases(path: Path, rules_path: str | None) -> None:
    """Each stage of the pipeline on one file, timed once."""
    import inspector_scoring as isc  # noqa: PLC0415 - the installed one
    from inspector_scoring.evidence.check import Check  # noqa: PLC0415
    from inspector_scoring.evidence.load import open_evidence  # noqa: PLC0415
    from inspector_scoring.numbers import exact_arithmetic  # noqa: PLC0415
    from inspector_scoring.scoring.compile import scorer_for  # noqa: PLC0415
    from inspector_scoring.scoring.trace import Recorder  # noqa: PLC0415
    from inspector_scoring.views.json_result import iter_result_json  # noqa: PLC0415

    gc.disable()
    print(f"{path} ({path.stat().st_size / 1024**2:.1f} MiB), one run of each stage:")
    with _stage("rules"):
        rules = isc.load_rules(rules_path) if rules_path else isc.default_rules()
        scorer = scorer_for(rules)
    with _stage("read, fingerprint and parse"):
        opened = open_evidence(path)
    with _stage("check and measure"):
        check = Check(opened.tree, rules, source=str(path), owned=True)
        measured = list(check.inspectors())
    assert check.info is not None
    assert check.clean, check.problems[:3]
    days = check.info.period.days
    recorder = Recorder(scorer.plan, check.moments, days)
    with _stage("score (the trace recorded)"), exact_arithmetic():
        results = [scorer.score(one, days, recorder) for one in measured]
    del measured
    assessment = isc.Assessment(
        "inspector_scoring",
        rules,
        isc.EvidenceInfo(str(path), opened.fingerprint(), check.info),
        tuple(results),
    )
    with _stage("the result JSON (UTF-8)"):
        size = sum(len(piece) for piece in iter_result_json(assessment))
    print(f"  {size / 1024**2:.1f} MiB of JSON")
    del assessment, results, opened, check
    with _stage("score_file + result_to_json (a library caller)"):
        text = isc.result_to_json(isc.score_file(path, rules=rules))
    print(f"  {len(text)} characters")


def _profile(function: Callable[[], T], top: int) -> T:
    profile = cProfile.Profile()
    result = profile.runcall(function)
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(top)
    # Standard error: the command's own output is redirected while it runs.
    print(out.getvalue(), file=sys.stderr)
    return result


def run(path: Path, rules_path: str | None, top: int) -> None:
    """cProfile of the whole command."""
    from inspector_scoring.cli.main import main  # noqa: PLC0415

    args = [str(path), "--format", "json", *(["--rules", rules_path] if rules_path else [])]
    with contextlib.redirect_stdout(io.StringIO()):
        _profile(lambda: main(args), top)


def step(path: Path, rules_path: str | None, top: int) -> None:
    """cProfile of scoring alone, on checked and measured inspectors."""
    import inspector_scoring as isc  # noqa: PLC0415
    from inspector_scoring.evidence.check import Check  # noqa: PLC0415
    from inspector_scoring.evidence.load import open_evidence  # noqa: PLC0415
    from inspector_scoring.numbers import exact_arithmetic  # noqa: PLC0415
    from inspector_scoring.scoring.compile import scorer_for  # noqa: PLC0415
    from inspector_scoring.scoring.trace import Recorder  # noqa: PLC0415

    rules = isc.load_rules(rules_path) if rules_path else isc.default_rules()
    check = Check(open_evidence(path).tree, rules, source=str(path), owned=True)
    measured = list(check.inspectors())
    assert check.info is not None
    scorer = scorer_for(rules)
    recorder = Recorder(scorer.plan, check.moments, check.info.period.days)
    days = check.info.period.days

    def score_all() -> list[Any]:
        with exact_arithmetic():
            return [scorer.score(one, days, recorder) for one in measured]

    _profile(score_all, top)


def main(argv: list[str]) -> int:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("evidence", type=Path)
    parser.add_argument("--rules", help="a rule file (default: the bundled scheme)")
    parser.add_argument("--what", choices=("phases", "run", "step"), default="phases")
    parser.add_argument("--top", type=int, default=25, help="rows of the profile")
    args = parser.parse_args(argv)
    if args.what == "phases":
        phases(args.evidence, args.rules)
    elif args.what == "run":
        run(args.evidence, args.rules, args.top)
    else:
        step(args.evidence, args.rules, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""The ``score`` command: wires loaders, scoring and renderers; the only place that prints."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from ._version import __version__
from .errors import InvalidInputError, Problem

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
FORMATS = ("table", "json")

_EPILOG = """\
examples:
  score examples/taiping-2021-03.json
  score march.json --rules rules/ --format json --output march-result.json

exit codes: 0 scored, 1 invalid input (every problem listed as FILE: PATH: message),
2 usage error.
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="score",
        description="Score resident mine safety inspectors (驻矿安监员) and print the public notice.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("evidence", metavar="EVIDENCE", help="the evidence file (JSON)")
    parser.add_argument(
        "--rules",
        metavar="PATH",
        help="a rule file (TOML), or a folder of them (the one in force for the period is used); "
        "default: the bundled scheme",
    )
    parser.add_argument("--format", choices=FORMATS, default="table", help="output format")
    parser.add_argument("--output", metavar="FILE", help="write here (atomically) instead of standard output")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``score`` with ``argv`` (default: the process arguments); return the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    inputs = [args.evidence] + ([args.rules] if args.rules else [])
    if args.output is not None and _is_input(args.output, inputs):
        parser.error(f"--output {args.output} is an input file; refusing to overwrite it")
    try:
        text = _run(args)
    except InvalidInputError as error:
        _report(error.problems)
        return EXIT_INVALID
    if args.output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return EXIT_OK
    try:
        write_atomically(Path(args.output), text)
    except OSError as error:
        _report([Problem(args.output, "", f"cannot write: {error.strerror}")])
        return EXIT_INVALID
    return EXIT_OK


def _run(args: argparse.Namespace) -> str:
    from .evidence import read_evidence  # noqa: PLC0415 - imported per command, for start-up time
    from .metrics import check_evidence  # noqa: PLC0415
    from .rules import default_rules, load_rules, pick_rules  # noqa: PLC0415
    from .score import score_evidence  # noqa: PLC0415

    draft = read_evidence(args.evidence)
    problems = list(draft.problems)
    rules = None
    try:
        if args.rules is None:
            rules = default_rules()
        elif Path(args.rules).is_dir():
            if draft.evidence is not None:
                rules = pick_rules(args.rules, draft.evidence.assessment.period)
        else:
            rules = load_rules(args.rules)
    except InvalidInputError as error:
        problems.extend(error.problems)
    if problems:
        if rules is not None:
            problems.extend(check_evidence(rules, draft))
        raise InvalidInputError(problems)
    # No problems means the rules were chosen and the evidence header was read.
    assert rules is not None
    assert draft.evidence is not None
    assessment = score_evidence(rules, draft.evidence)
    if args.format == "json":
        from .jsonview import result_to_json  # noqa: PLC0415

        return result_to_json(assessment)
    from .textview import render_text  # noqa: PLC0415

    return render_text(assessment)


def _is_input(output: str, inputs: Sequence[str]) -> bool:
    target = Path(output)
    for name in inputs:
        source = Path(name)
        try:
            if target.exists() and source.exists() and target.samefile(source):
                return True
        except OSError:
            continue
        if target.resolve() == source.resolve():
            return True
    return False


def write_atomically(path: Path, text: str, *, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename, so a reader never sees half."""
    directory = path.parent if str(path.parent) else Path()
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "w", encoding=encoding, newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _report(problems: Sequence[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)

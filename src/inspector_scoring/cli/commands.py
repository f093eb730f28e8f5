"""The ``score`` commands: wire loaders, scoring and views; the only place that prints.

``score EVIDENCE`` scores and prints the notice; ``annual``, ``check``, ``test``,
``schema`` and ``verify`` are the other commands. Each imports only what it
needs, so a JSON run never loads rich. :mod:`inspector_scoring.cli` is the
entry point and loads this module only when there is work to do.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import date

from .._version import __version__

# Nothing of the engine (nor typing) is imported up here: `score --help` must start
# fast. Type checkers read this block; Python never runs it.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from ..scoring.results import Assessment
    from ..views.document import Document

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_MISMATCH = 3
FORMATS = ("table", "json", "csv", "markdown", "html", "svg")
DEFAULT_WIDTH = 130  # cells: an A4 landscape page, for files, HTML and SVG

_EXIT_CODES = """\
exit codes:
  0  done
  1  invalid input: every problem on standard error as FILE: PATH: message
  2  usage error
  3  (verify) the result does not match its inputs
  (test: 0 when every case passes, 1 when one fails or the case file is invalid)
"""

_SCORE_EPILOG = f"""\
other commands:
  score annual EVIDENCE...     the year from its twelve monthly files
  score check RULES            validate a rule file and show what it says
  score test CASES             run the test cases written for a rule file
  score schema [--rules PATH]  the JSON Schema of an evidence file
  score verify RESULT EVIDENCE [--rules PATH]
                               recompute a published result and compare

examples:
  score examples/taiping-2021-03.json
  score march.json --rules rules/ --format html --output march.html
  score march.json --format json --output march-result.json
  cat march.json | score - --format csv > march.csv

{_EXIT_CODES}"""


class _Usage(Exception):
    """A usage error found after parsing (exit 2)."""


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {text!r}") from None


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 40:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 40, got {text!r}")
    return int(text)


def _score_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="score",
        description="Score resident mine safety inspectors (驻矿安监员) and print the public notice (公示).",
        epilog=_SCORE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "evidence", metavar="EVIDENCE", help="the evidence file (JSON); - reads standard input"
    )
    _rules_option(parser)
    _notice_options(parser)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _command_parser(prog: str, description: str, *, example: str) -> argparse.ArgumentParser:
    return argparse.ArgumentParser(
        prog=prog,
        description=description,
        epilog=f"example:\n  {example}\n\n{_EXIT_CODES}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def _notice_options(parser: argparse.ArgumentParser, *, explain: bool = True) -> None:
    parser.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    _output_option(parser)
    parser.add_argument(
        "--publish-on",
        metavar="DATE",
        type=_date,
        help="first day of the notice period (default: assessed_on, else today)",
    )
    parser.add_argument("--mask-names", action="store_true", help="show names as 张*三 on the notice")
    if explain:
        parser.add_argument(
            "--explain",
            choices=("deductions", "all"),
            default="deductions",
            help="all: also list the rules that deducted nothing, and why",
        )
    parser.add_argument(
        "--width",
        type=_positive,
        metavar="CELLS",
        help=f"width of table, html and svg output (default: the terminal's, or {DEFAULT_WIDTH})",
    )


def _rules_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--rules",
        metavar="PATH",
        help="a rule file (TOML), or a folder of them (the one in force for the period is used); "
        "default: the bundled scheme",
    )


def _output_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--output", metavar="FILE", help="write here (atomically) instead of standard output")


def run(args: list[str]) -> int:
    """Run one ``score`` command line (without the program name); return the exit code."""
    # A run builds millions of small acyclic records that reference counting frees;
    # the cyclic collector would only keep re-scanning them (it doubled a 20,000
    # inspector run). The process ends with the command, so it is simply off.
    gc.disable()
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    if hasattr(sys.stdout, "reconfigure"):
        # "\n" as it is, on every platform: the same bytes whether written to standard output
        # or to --output, and whether they were written as text or as UTF-8 already.
        sys.stdout.reconfigure(newline="\n")
    command: Callable[[list[str]], int] = _COMMANDS.get(args[0], _score) if args else _score
    if args and args[0] in _COMMANDS:
        args = args[1:]
    try:
        return command(args)
    except ValueError as error:  # InvalidInputError is one; importing it here would cost start-up
        from ..errors import InvalidInputError  # noqa: PLC0415

        if not isinstance(error, InvalidInputError):
            raise
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return EXIT_INVALID
    except _Usage as error:
        print(f"score: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


# -- score EVIDENCE --------------------------------------------------------------


def _score(argv: list[str]) -> int:
    args = _score_parser().parse_args(argv)
    _refuse_overwrite(args.output, [args.evidence, args.rules], rules=args.rules)
    assessment = _score_one(args.evidence, args.rules)
    if args.format == "json":
        from ..views.json_result import iter_result_json  # noqa: PLC0415 - per command, for start-up time

        return _emit(args.output, iter_result_json(assessment))
    from ..views.notice import build_notice  # noqa: PLC0415

    info = assessment.evidence.assessment
    notice = build_notice(
        assessment,
        publish_on=args.publish_on or info.assessed_on or date.today(),
        mask_names=args.mask_names,
        explain_all=args.explain == "all",
    )
    return _render(notice.document(), args)


def _render(document: Document, args: argparse.Namespace) -> int:
    """Write a notice (monthly or annual) in the format the arguments ask for."""
    if args.format == "csv":
        from ..views.csv_notice import render_csv  # noqa: PLC0415

        return _emit(args.output, render_csv(document))
    if args.format == "markdown":
        from ..views.markdown_notice import render_markdown  # noqa: PLC0415

        return _emit(args.output, render_markdown(document))
    from ..views import terminal  # noqa: PLC0415

    width = args.width or DEFAULT_WIDTH
    if args.format == "html":
        return _emit(args.output, terminal.export_html(document, width=width))
    if args.format == "svg":
        return _emit(args.output, terminal.export_svg(document, width=width))
    if args.output is None and sys.stdout.isatty():
        from rich.console import Console  # noqa: PLC0415

        console = Console(theme=terminal.THEME, width=args.width)
        console.print(terminal.notice_renderable(document, width=console.width))
        return EXIT_OK
    return _emit(args.output, terminal.render_plain(document, width=width))


def _score_one(evidence: str, rules: str | None) -> Assessment:
    """Score one evidence file (``-``: standard input) with the rules the command was given."""
    from ..scoring.score import score_file  # noqa: PLC0415 - the engine, only when scoring

    if evidence == "-":
        return score_file(sys.stdin.buffer.read(), rules=rules)
    return score_file(evidence, rules=rules)


# -- score annual EVIDENCE... ---------------------------------------------------


def _annual(argv: list[str]) -> int:
    parser = _command_parser(
        "score annual",
        "Score every month of a year with the rule file in force for it, and combine them per inspector.",
        example="score annual 2021-*.json --rules rules/ --format html --output 2021.html",
    )
    parser.add_argument("evidence", metavar="EVIDENCE", nargs="+", help="the twelve monthly evidence files")
    _rules_option(parser)
    _notice_options(parser, explain=False)
    args = parser.parse_args(argv)
    _refuse_overwrite(args.output, [*args.evidence, args.rules], rules=args.rules)
    from ..errors import InvalidInputError, Problem  # noqa: PLC0415
    from ..scoring.annual import assess_year  # noqa: PLC0415

    months: list[Assessment] = []
    problems: list[Problem] = []
    for path in args.evidence:
        try:
            months.append(_score_one(path, args.rules))
        except InvalidInputError as error:
            problems.extend(error.problems)
    if problems:
        raise InvalidInputError(problems)
    annual = assess_year(months)
    if args.format == "json":
        from ..views.json_result import annual_to_json  # noqa: PLC0415

        return _emit(args.output, annual_to_json(annual))
    from ..views.annual_notice import build_annual_notice  # noqa: PLC0415

    dates = [month.evidence.assessment.assessed_on for month in annual.months]
    latest = max((day for day in dates if day is not None), default=None)
    document = build_annual_notice(
        annual, publish_on=args.publish_on or latest or date.today(), mask_names=args.mask_names
    )
    return _render(document, args)


# -- score test CASES ------------------------------------------------------------


def _test(argv: list[str]) -> int:
    parser = _command_parser(
        "score test",
        "Run the test cases written for a rule file: expected totals, grades, item scores or errors.",
        example="score test rules/default.tests.toml",
    )
    parser.add_argument("cases", metavar="CASES", help="the case file (TOML), next to its rule file")
    args = parser.parse_args(argv)
    from ..rule_tests import load_cases, render_report, run_cases  # noqa: PLC0415

    results = run_cases(load_cases(args.cases))
    sys.stdout.write(render_report(results))
    return EXIT_OK if all(result.passed for result in results) else EXIT_INVALID


# -- score check RULES -----------------------------------------------------------


def _check(argv: list[str]) -> int:
    parser = _command_parser(
        "score check",
        "Validate a rule file, show what it says, and warn about rules that cannot work.",
        example="score check rules/default.toml",
    )
    parser.add_argument("rules", metavar="RULES", help="the rule file (TOML)")
    args = parser.parse_args(argv)
    from ..rules.analysis import analyse_rules  # noqa: PLC0415
    from ..rules.load import load_rules  # noqa: PLC0415
    from ..rules.summary import summarise_rules  # noqa: PLC0415

    ruleset = load_rules(args.rules)
    findings = analyse_rules(ruleset)
    lines = [*summarise_rules(ruleset), ""]
    if findings:
        lines.append(f"{len(findings)} warning(s):")
        lines.extend(f"  {ruleset.source}: {finding.path}: {finding.message}" for finding in findings)
    else:
        lines.append("No warnings.")
    return _emit(None, "\n".join(lines) + "\n")


# -- score schema ----------------------------------------------------------------


def _schema(argv: list[str]) -> int:
    parser = _command_parser(
        "score schema",
        "Print the JSON Schema (draft 2020-12) of an evidence file for a rule file.",
        example="score schema --rules rules/default.toml --output evidence.schema.json",
    )
    parser.add_argument("--rules", metavar="PATH", help="a rule file (TOML); default: the bundled scheme")
    _output_option(parser)
    args = parser.parse_args(argv)
    _refuse_overwrite(args.output, [args.rules], rules=args.rules)
    from ..evidence.schema import evidence_schema  # noqa: PLC0415
    from ..jsontext import dumps  # noqa: PLC0415
    from ..rules.load import default_rules, load_rules  # noqa: PLC0415

    if args.rules is not None and os.path.isdir(args.rules):
        raise _Usage("score schema needs one rule file, not a folder")
    ruleset = default_rules() if args.rules is None else load_rules(args.rules)
    return _emit(args.output, dumps(evidence_schema(ruleset)) + "\n")


# -- score verify RESULT EVIDENCE ------------------------------------------------


def _verify(argv: list[str]) -> int:
    parser = _command_parser(
        "score verify",
        "Recompute a published result from its evidence and rules, and list every difference.",
        example="score verify march-result.json march.json --rules rules/",
    )
    parser.add_argument("result", metavar="RESULT", help="the published result (JSON, from --format json)")
    parser.add_argument("evidence", metavar="EVIDENCE", help="the evidence file it was computed from")
    _rules_option(parser)
    args = parser.parse_args(argv)
    import json  # noqa: PLC0415
    from decimal import Decimal  # noqa: PLC0415

    from .. import messages as M  # noqa: PLC0415
    from ..errors import fail  # noqa: PLC0415
    from ..verify import verify_result  # noqa: PLC0415

    try:
        with open(args.result, "rb") as stream:
            text = stream.read().decode("utf-8-sig")
        published = json.loads(text, parse_float=Decimal)
    except OSError as error:
        raise fail(args.result, "", M.CANNOT_READ(reason=error.strerror)) from None
    except ValueError as error:
        raise fail(args.result, "", M.NOT_A_RESULT(reason=str(error))) from None
    assessment = _score_one(args.evidence, args.rules)
    differences = verify_result(published, assessment, source=args.result)
    if differences:
        print(f"{args.result} does not match its inputs ({len(differences)} difference(s)):")
        for difference in differences:
            print(f"  {difference}")
        return EXIT_MISMATCH
    count = len(assessment.results)
    print(f"{args.result} matches: fingerprints, totals, grades and item scores of {count} inspector(s).")
    return EXIT_OK


# -- output ----------------------------------------------------------------------


def _refuse_overwrite(output: str | None, inputs: Sequence[str | None], *, rules: str | None = None) -> None:
    """A usage error when ``--output`` would overwrite an input (see :mod:`.output`)."""
    from .output import Refused, refuse_inputs  # noqa: PLC0415 - only with --output

    try:
        refuse_inputs(output, inputs, rules=rules, stdin="-" in inputs)
    except Refused as error:
        raise _Usage(str(error.text)) from None


def _emit(output: str | None, text: str | Iterable[str] | Iterable[bytes]) -> int:
    """Write ``text`` (or its pieces, in order: text, or text already encoded as UTF-8) to
    standard output or, whole, to ``output``."""
    from .. import messages as M  # noqa: PLC0415
    from ..errors import fail  # noqa: PLC0415
    from .output import StdoutClosed, write_atomically, write_stdout  # noqa: PLC0415

    pieces = [text] if isinstance(text, str) else text
    try:
        if output is None:
            write_stdout(pieces)
        else:
            write_atomically(output, pieces)
    except StdoutClosed:
        raise  # the reader went away: quietly, in main
    except OSError as error:
        where = output if output is not None else M.STANDARD_OUTPUT.render()
        raise fail(where, "", M.CANNOT_WRITE(reason=error.strerror or str(error))) from None
    return EXIT_OK


_COMMANDS: dict[str, Callable[[list[str]], int]] = {
    "annual": _annual,
    "check": _check,
    "schema": _schema,
    "test": _test,
    "verify": _verify,
}

"""``score EVIDENCE``: score one month and write its notice, or its result as JSON."""

from __future__ import annotations

import sys
from datetime import date

from .. import messages as M
from . import options
from .output import emit, refuse_overwrite

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse

    from ..scoring.results import Assessment
    from ..views.document import Document


def score_command(argv: list[str]) -> int:
    """``score EVIDENCE [--rules PATH] [--format …] [--output FILE] …``."""
    made = options.parser(
        "score",
        M.HELP_SCORE,
        examples=(
            "score examples/taiping-2021-03.json",
            "score march.json --rules rules/ --format html --output march.html",
            "score march.json --format json --output march-result.json",
            "cat march.json | score - --format csv > march.csv",
        ),
        more=M.HELP_OTHER_COMMANDS.render(),
    )
    made.add_argument("evidence", metavar="EVIDENCE", help=M.HELP_EVIDENCE.render())
    options.rules_option(made)
    options.notice_options(made)
    options.version_option(made)
    args = made.parse_args(argv)
    refuse_overwrite(args.output, [args.evidence, args.rules], rules=args.rules)
    assessment = score_one(args.evidence, args.rules)
    if args.format == "json":
        from ..views.json_result import iter_result_json  # noqa: PLC0415 - per command, for start-up time

        return emit(args.output, iter_result_json(assessment))
    from ..views.notice import build_notice  # noqa: PLC0415

    info = assessment.evidence.assessment
    notice = build_notice(
        assessment,
        publish_on=args.publish_on or info.assessed_on or date.today(),
        mask_names=args.mask_names,
        explain_all=args.explain == "all",
    )
    return render(notice.document(), args)


def score_one(evidence: str, rules: str | None) -> Assessment:
    """Score one evidence file (``-``: standard input) with the rules the command was given."""
    from ..scoring.score import score_file  # noqa: PLC0415 - the engine, only when scoring

    if evidence == "-":
        from ..files import read_stream  # noqa: PLC0415

        return score_file(read_stream(sys.stdin.buffer, "<stdin>"), rules=rules)
    return score_file(evidence, rules=rules)


def render(document: Document, args: argparse.Namespace) -> int:
    """Write a notice (monthly or annual) in the format the arguments ask for."""
    if args.format == "csv":
        from ..views.csv_notice import render_csv  # noqa: PLC0415

        return emit(args.output, render_csv(document))
    if args.format == "markdown":
        from ..views.markdown_notice import render_markdown  # noqa: PLC0415

        return emit(args.output, render_markdown(document))
    from ..views import terminal  # noqa: PLC0415

    width = args.width or options.DEFAULT_WIDTH
    if args.format == "html":
        return emit(args.output, terminal.export_html(document, width=width))
    if args.format == "svg":
        return emit(args.output, terminal.export_svg(document, width=width))
    if args.output is None and sys.stdout.isatty():
        from rich.console import Console  # noqa: PLC0415

        console = Console(theme=terminal.THEME, width=args.width)
        console.print(terminal.notice_renderable(document, width=console.width))
        return options.EXIT_OK
    return emit(args.output, terminal.render_plain(document, width=width))

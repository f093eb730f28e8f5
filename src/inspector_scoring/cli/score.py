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

    from ..corrections import ResultChanges
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
    made.add_argument("--corrects", metavar="RESULT", help=M.HELP_CORRECTS.render())
    options.version_option(made)
    args = made.parse_args(argv)
    refuse_overwrite(args.output, [args.evidence, args.rules, args.corrects], rules=args.rules)
    assessment = score_one(args.evidence, args.rules)
    changes = None
    if args.corrects is not None:
        changes = corrections_of(assessment, args.corrects, args.evidence)
    if args.format == "json":
        from ..views.json_result import iter_result_json  # noqa: PLC0415 - per command, for start-up time

        corrects = changes.before if changes is not None else None
        return emit(args.output, iter_result_json(assessment, corrects=corrects))
    from ..views.notice import build_notice  # noqa: PLC0415

    info = assessment.evidence.assessment
    publish_on = args.publish_on or info.assessed_on or date.today()
    notice = build_notice(
        assessment,
        publish_on=publish_on,
        mask_names=args.mask_names,
        explain_all=args.explain == "all",
        changes=changes,
    )
    return render(notice.document(), args)


def corrections_of(assessment: Assessment, published: str, evidence: str) -> ResultChanges:
    """The published result in the file ``published`` compared with ``assessment``, its correction."""
    from ..corrections import PublishedResult, compare_results, load_published  # noqa: PLC0415
    from ..views.json_result import result_to_dict  # noqa: PLC0415

    old = load_published(published)
    new = PublishedResult(source=evidence, sha256="", tree=result_to_dict(assessment, corrects=old.corrects))
    return compare_results(old, new, ruleset=assessment.ruleset)


def score_one(evidence: str, rules: str | None) -> Assessment:
    """Score one evidence file (``-``: standard input) with the rules the command was given."""
    from ..scoring.score import score_file  # noqa: PLC0415 - the engine, only when scoring

    if evidence == "-":
        from ..files import read_stream  # noqa: PLC0415

        return score_file(read_stream(sys.stdin.buffer, M.STANDARD_INPUT.render()), rules=rules)
    return score_file(evidence, rules=rules)


def render(document: Document, args: argparse.Namespace) -> int:
    """Write a notice (monthly or annual) in the format the arguments ask for: the library's
    :func:`render_notice`, or on a terminal the table in its width, with bold and colour."""
    from ..views.formats import DEFAULT_WIDTH, MIN_WIDTH  # noqa: PLC0415 - per command
    from ..views.render import render_notice  # noqa: PLC0415

    if args.format == "table" and args.output is None and sys.stdout.isatty():
        import shutil  # noqa: PLC0415

        from ..views import terminal  # noqa: PLC0415

        width = args.width or shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
        return emit(None, terminal.render_ansi(document, width=max(width, MIN_WIDTH)))
    if args.format == "xlsx" and args.output is None and sys.stdout.isatty():
        raise options.Usage(M.XLSX_TO_TERMINAL.render())
    width = args.width or options.columns()
    rendered = render_notice(document, args.format, width=width)
    return emit(args.output, [rendered] if isinstance(rendered, bytes) else rendered)

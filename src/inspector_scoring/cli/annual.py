"""``score annual EVIDENCE...``: the year from its monthly files, combined per inspector."""

from __future__ import annotations

from datetime import date

from .. import messages as M
from . import options
from .output import emit, refuse_overwrite
from .score import render, score_one

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ..scoring.results import Assessment


def annual_command(argv: list[str]) -> int:
    """``score annual EVIDENCE... [--rules PATH] [--format …] [--output FILE] …``."""
    made = options.parser(
        "score annual",
        M.HELP_ANNUAL,
        examples=("score annual 2021-*.json --rules rules/ --format html --output 2021.html",),
    )
    made.add_argument("evidence", metavar="EVIDENCE", nargs="+", help=M.HELP_ANNUAL_EVIDENCE.render())
    options.rules_option(made)
    options.notice_options(made, explain=False)
    made.add_argument("--to-date", action="store_true", help=M.HELP_TO_DATE.render())
    args = made.parse_args(argv)
    refuse_overwrite(args.output, [*args.evidence, args.rules], rules=args.rules)
    from ..errors import InvalidInputError, Problem  # noqa: PLC0415
    from ..scoring.annual import assess_year  # noqa: PLC0415

    months: list[Assessment] = []
    problems: list[Problem] = []
    for path in args.evidence:
        try:
            months.append(score_one(path, args.rules))
        except InvalidInputError as error:
            problems.extend(error.problems)
    if problems:
        raise InvalidInputError(problems)
    annual = assess_year(months, to_date=args.to_date)
    if args.format == "json":
        from ..views.json_result import annual_to_json  # noqa: PLC0415

        return emit(args.output, annual_to_json(annual))
    from ..views.annual_notice import build_annual_notice  # noqa: PLC0415

    dates = [month.evidence.assessment.assessed_on for month in annual.months]
    latest = max((day for day in dates if day is not None), default=None)
    publish_on = args.publish_on or latest or date.today()
    document = build_annual_notice(annual, publish_on=publish_on, mask_names=args.mask_names)
    return render(document, args)

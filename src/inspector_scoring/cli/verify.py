"""``score verify RESULT EVIDENCE``: recompute a published result and list every difference."""

from __future__ import annotations

from .. import messages as M
from . import options
from .output import emit
from .score import score_one


def verify_command(argv: list[str]) -> int:
    """``score verify RESULT EVIDENCE [--rules PATH]``: exit 0 on a match, 3 on a difference."""
    made = options.parser(
        "score verify",
        M.HELP_VERIFY,
        examples=("score verify march-result.json march.json --rules rules/",),
    )
    made.add_argument("result", metavar="RESULT", help=M.HELP_RESULT.render())
    made.add_argument("evidence", metavar="EVIDENCE", help=M.HELP_VERIFY_EVIDENCE.render())
    options.rules_option(made)
    args = made.parse_args(argv)
    from ..files import read_bytes  # noqa: PLC0415
    from ..verify import read_result, verify_result  # noqa: PLC0415

    published = read_result(read_bytes(args.result), args.result)
    assessment = score_one(args.evidence, args.rules)
    differences = verify_result(published, assessment, source=args.result)
    if differences:
        lines = [M.VERIFY_MISMATCH.render(file=args.result, count=len(differences))]
        lines += [f"  {difference}" for difference in differences]
        emit(None, "\n".join(lines) + "\n")
        return options.EXIT_MISMATCH
    return emit(None, M.VERIFY_MATCH.render(file=args.result, count=len(assessment.results)) + "\n")

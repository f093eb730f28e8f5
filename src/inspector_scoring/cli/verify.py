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
    made.add_argument("--corrects", metavar="PUBLISHED", help=M.HELP_VERIFY_CORRECTS.render())
    args = made.parse_args(argv)
    import json  # noqa: PLC0415
    from decimal import Decimal  # noqa: PLC0415

    from ..errors import fail  # noqa: PLC0415
    from ..files import os_reason  # noqa: PLC0415
    from ..verify import verify_result  # noqa: PLC0415

    try:
        with open(args.result, "rb") as stream:
            text = stream.read().decode("utf-8-sig")
        published = json.loads(text, parse_float=Decimal)
    except OSError as error:
        raise fail(args.result, "", M.CANNOT_READ(reason=os_reason(error))) from None
    except ValueError as error:
        raise fail(args.result, "", M.NOT_A_RESULT(reason=str(error))) from None
    assessment = score_one(args.evidence, args.rules)
    differences = list(verify_result(published, assessment, source=args.result))
    confirmed = ""
    if args.corrects is not None:
        from ..corrections import load_published  # noqa: PLC0415

        expected = load_published(args.corrects).corrects.as_dict()
        said = published.get("corrects") if isinstance(published, dict) else None
        if not isinstance(said, dict):
            differences.append(M.VERIFY_NOT_CORRECTION.render())
        else:
            differences.extend(
                M.VERIFY_CORRECTS_MISMATCH.render(
                    key=key, said=said.get(key), file=args.corrects, actual=value
                )
                for key, value in expected.items()
                if said.get(key) != value
            )
        confirmed = M.VERIFY_CORRECTS_MATCH.render(file=args.corrects, sha256=expected["sha256"]) + "\n"
    if differences:
        lines = [M.VERIFY_MISMATCH.render(file=args.result, count=len(differences))]
        lines += [f"  {difference}" for difference in differences]
        emit(None, "\n".join(lines) + "\n")
        return options.EXIT_MISMATCH
    return emit(
        None, M.VERIFY_MATCH.render(file=args.result, count=len(assessment.results)) + "\n" + confirmed
    )

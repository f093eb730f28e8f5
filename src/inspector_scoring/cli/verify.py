"""``score verify RESULT EVIDENCE``: recompute a published result and list every difference."""

from __future__ import annotations

from .. import messages as M
from . import options
from .output import emit
from .score import score_one

_CORRECTS_KEYS = ("sha256", "evidence_sha256", "ruleset_sha256")


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
    from ..files import read_bytes  # noqa: PLC0415
    from ..verify import read_result, verify_result  # noqa: PLC0415

    published = read_result(read_bytes(args.result), args.result)
    assessment = score_one(args.evidence, args.rules)
    from ..corrections import Corrects, load_published  # noqa: PLC0415

    # A corrected result names the published result it corrects: given with --corrects, that
    # file's fingerprints are recomputed; else the names are taken as the result gives them.
    corrects: Corrects | None = None
    said = published.get("corrects") if isinstance(published, dict) else None
    if args.corrects is not None:
        corrects = load_published(args.corrects).corrects
        confirmed = M.VERIFY_CORRECTS_MATCH.render(file=args.corrects, sha256=corrects.sha256) + "\n"
    elif isinstance(said, dict) and all(_is_sha256(said.get(key)) for key in _CORRECTS_KEYS):
        # (only fingerprints as the program writes them: anything else is a difference below)
        corrects = Corrects(*(str(said[key]) for key in _CORRECTS_KEYS))
        confirmed = M.VERIFY_CORRECTS_UNCHECKED.render(sha256=corrects.sha256) + "\n"
    else:
        confirmed = ""
    differences = list(verify_result(published, assessment, source=args.result, corrects=corrects))
    if differences:
        lines = [M.VERIFY_MISMATCH.render(file=args.result, count=len(differences))]
        lines += [f"  {difference}" for difference in differences]
        emit(None, "\n".join(lines) + "\n")
        return options.EXIT_MISMATCH
    return emit(
        None, M.VERIFY_MATCH.render(file=args.result, count=len(assessment.results)) + "\n" + confirmed
    )


def _is_sha256(value: object) -> bool:
    """Whether ``value`` is a sha256 as the result writes one: 64 lowercase hexadecimal digits."""
    return isinstance(value, str) and len(value) == 64 and all(char in "0123456789abcdef" for char in value)

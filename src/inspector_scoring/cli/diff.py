"""``score diff OLD NEW``: what changed between a published result and its correction."""

from __future__ import annotations

from .. import messages as M
from . import options
from .output import emit


def diff_command(argv: list[str]) -> int:
    """``score diff OLD_RESULT NEW_RESULT``: exit 0 when no inspector's result changed, 3 otherwise."""
    made = options.parser(
        "score diff",
        M.HELP_DIFF,
        examples=("score diff march-result.json march-corrected.json",),
    )
    made.add_argument("old", metavar="OLD_RESULT", help=M.HELP_DIFF_OLD.render())
    made.add_argument("new", metavar="NEW_RESULT", help=M.HELP_DIFF_NEW.render())
    args = made.parse_args(argv)
    from ..corrections import compare_results, load_published  # noqa: PLC0415
    from ..errors import InvalidInputError, Problem  # noqa: PLC0415

    problems: list[Problem] = []
    loaded = []
    for name in (args.old, args.new):
        try:
            loaded.append(load_published(name))
        except InvalidInputError as error:
            problems.extend(error.problems)
    if problems:
        raise InvalidInputError(problems)
    old, new = loaded
    changes = compare_results(old, new)
    if not changes.changes:
        emit(None, M.DIFF_SAME.render(old=args.old, new=args.new, count=changes.unchanged) + "\n")
        return options.EXIT_OK
    header = M.DIFF_CHANGED.render(
        old=args.old, new=args.new, count=len(changes.changes), unchanged=changes.unchanged
    )
    # (What the results say, names, grades and refs, is shown never obeyed, as every message's
    # values are: a result is any file.)
    emit(None, "".join(line + "\n" for line in [header, *changes.lines()]))
    return options.EXIT_MISMATCH

"""``score import``: a workbook turned into the evidence file (JSON) it stands for."""

from __future__ import annotations

import sys

from .. import messages as M
from . import options
from .output import emit, refuse_overwrite


def import_command(argv: list[str]) -> int:
    """``score import WORKBOOK [--rules PATH] [--output FILE] [--positioning EXPORT]… [--mapping FILE]``."""
    made = options.parser(
        "score import",
        M.HELP_IMPORT,
        examples=(
            "score import 2021-04.xlsx --output 2021-04.json",
            "score import 2021-04.xlsx --positioning 定位导出.csv --output 2021-04.json",
        ),
    )
    made.add_argument("workbook", metavar="WORKBOOK", help=M.HELP_WORKBOOK.render())
    options.rules_option(made)
    options.output_option(made)
    made.add_argument(
        "--positioning", metavar="EXPORT", action="append", default=[], help=M.HELP_POSITIONING.render()
    )
    made.add_argument("--mapping", metavar="FILE", help=M.HELP_MAPPING.render())
    args = made.parse_args(argv)
    refuse_overwrite(
        args.output, [args.workbook, args.rules, args.mapping, *args.positioning], rules=args.rules
    )

    from ..errors import InvalidInputError, Problem  # noqa: PLC0415
    from ..evidence.load import checked, open_evidence  # noqa: PLC0415
    from ..evidence.positioning import default_mapping, load_mapping, read_export  # noqa: PLC0415
    from ..jsontext import dumps  # noqa: PLC0415
    from ..rules.load import rules_for  # noqa: PLC0415

    problems: list[Problem] = []
    data, label = _given(args.workbook)
    if not _maybe_workbook(data):
        # (evidence JSON, a CSV export, a rule file: said as what import does not take, and
        # what to do with it; never "invalid JSON")
        raise InvalidInputError([Problem.of(label or str(data), "", M.IMPORT_NOT_A_WORKBOOK())])
    source = open_evidence(data, name=label)
    exports = []
    if args.positioning:
        try:
            mapping = load_mapping(args.mapping) if args.mapping else default_mapping()
            for path in args.positioning:
                try:
                    exports.append(read_export(path, mapping))
                except InvalidInputError as error:
                    problems.extend(error.problems)
        except InvalidInputError as error:
            problems.extend(error.problems)
    period = source.book.period() if source.book is not None else None
    rules = rules_for(args.rules, period) if source.book is not None or args.rules else None
    if source.book is not None and rules is None:  # a folder, and no period to choose by
        from ..evidence.workbook import no_period  # noqa: PLC0415

        raise InvalidInputError([*problems, no_period(source.book, args.rules)])
    if source.book is not None and rules is not None:
        try:
            read = source.book.evidence(rules, exports)
        except InvalidInputError as error:
            problems.extend(error.problems)
            raise InvalidInputError(problems) from None
        from ..evidence.load import Source  # noqa: PLC0415

        opened = Source(source.name, read.tree, source.sha256, cells=read)
        found = [*problems, *opened.locate(checked(opened, rules))]
        if found:
            raise InvalidInputError(found)
        for left in read.left_out:
            print(
                M.IMPORT_LEFT_OUT.render(
                    file=source.name, sheet=left.sheet, rows=left.rows, cards=left.cards
                ),
                file=sys.stderr,
            )
        events = sum(len(person.get("events", ())) for person in read.tree["inspectors"])
        done = M.IMPORT_DONE.render(file=source.name, inspectors=len(read.tree["inspectors"]), events=events)
        print(done, file=sys.stderr)
        return emit(args.output, dumps(read.tree) + "\n")
    raise InvalidInputError([*problems, Problem.of(source.name, "", M.IMPORT_NOT_A_WORKBOOK())])


def _maybe_workbook(given: str | bytes) -> bool:
    """Whether ``given`` (a path, or standard input's bytes) may be a workbook: it starts as one,
    or is named as one (a damaged workbook is said so when read), or cannot be opened (said
    then)."""
    from ..evidence.load import WORKBOOK_SUFFIXES  # noqa: PLC0415
    from ..evidence.workbook import is_workbook  # noqa: PLC0415

    if isinstance(given, bytes):
        return is_workbook(given)
    if given.lower().endswith(WORKBOOK_SUFFIXES):
        return True
    try:
        with open(given, "rb") as stream:
            return is_workbook(stream.read(8))
    except OSError:
        return True


def _given(name: str) -> tuple[str | bytes, str | None]:
    """What to open, and its name: the workbook's path, or standard input's bytes (``-``)."""
    if name != "-":
        return name, None
    from ..files import read_stream  # noqa: PLC0415

    label = M.STANDARD_INPUT.render()
    return read_stream(sys.stdin.buffer, label), label

"""``score template``: the empty workbook a township fills in for a rule file."""

from __future__ import annotations

import os
import sys

from .. import messages as M
from . import options
from .output import emit, refuse_overwrite


def template_command(argv: list[str]) -> int:
    """``score template [--rules PATH] [--output FILE.xlsx]``."""
    made = options.parser(
        "score template",
        M.HELP_TEMPLATE,
        examples=(
            "score template --output 2021-04.xlsx",
            "score template --rules rules/2021.toml --output 2021-04.xlsx",
        ),
    )
    options.rules_option(made, folder=False)
    made.add_argument("--output", metavar="FILE", help=M.HELP_TEMPLATE_OUTPUT.render())
    args = made.parse_args(argv)
    refuse_overwrite(args.output, [args.rules], rules=args.rules)
    if args.output is None and sys.stdout.isatty():
        raise options.Usage(M.TEMPLATE_NEEDS_OUTPUT.render())
    if args.rules is not None and os.path.isdir(args.rules):
        raise options.Usage(M.NEEDS_ONE_RULE_FILE.render(command="score template"))
    from ..rules.load import default_rules, load_rules  # noqa: PLC0415
    from ..views.template import template_workbook  # noqa: PLC0415

    ruleset = default_rules() if args.rules is None else load_rules(args.rules)
    return emit(args.output, [template_workbook(ruleset)])

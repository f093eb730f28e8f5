"""``score schema``: the JSON Schema of an evidence file for a rule file."""

from __future__ import annotations

import os

from .. import messages as M
from . import options
from .output import emit, refuse_overwrite


def schema_command(argv: list[str]) -> int:
    """``score schema [--rules PATH] [--output FILE]``."""
    made = options.parser(
        "score schema",
        M.HELP_SCHEMA,
        examples=("score schema --rules rules/default.toml --output evidence.schema.json",),
    )
    options.rules_option(made, folder=False)
    options.output_option(made)
    args = made.parse_args(argv)
    refuse_overwrite(args.output, [args.rules], rules=args.rules)
    from ..evidence.schema import evidence_schema  # noqa: PLC0415
    from ..jsontext import dumps  # noqa: PLC0415
    from ..rules.load import default_rules, load_rules  # noqa: PLC0415

    if args.rules is not None and os.path.isdir(args.rules):
        raise options.Usage(M.SCHEMA_NEEDS_ONE_FILE.render())
    ruleset = default_rules() if args.rules is None else load_rules(args.rules)
    return emit(args.output, dumps(evidence_schema(ruleset)) + "\n")

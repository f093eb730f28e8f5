"""``score test CASES``: run the test cases written for a rule file."""

from __future__ import annotations

import sys

from .. import messages as M
from . import options


def test_command(argv: list[str]) -> int:
    """``score test CASES``: exit 0 when every case passes, 1 when one fails."""
    made = options.parser("score test", M.HELP_TEST, examples=("score test rules/default.tests.toml",))
    made.add_argument("cases", metavar="CASES", help=M.HELP_CASES.render())
    args = made.parse_args(argv)
    from ..rule_tests import load_cases, render_report, run_cases  # noqa: PLC0415

    results = run_cases(load_cases(args.cases))
    sys.stdout.write(render_report(results))
    return options.EXIT_OK if all(result.passed for result in results) else options.EXIT_INVALID

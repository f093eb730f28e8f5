"""``score check RULES``: validate a rule file, show what it says, warn about what cannot work."""

from __future__ import annotations

from .. import messages as M
from . import options
from .output import emit


def check_command(argv: list[str]) -> int:
    """``score check RULES``."""
    made = options.parser("score check", M.HELP_CHECK, examples=("score check rules/default.toml",))
    made.add_argument("rules", metavar="RULES", help=M.HELP_CHECK_RULES.render())
    args = made.parse_args(argv)
    from ..i18n import visible  # noqa: PLC0415
    from ..rules.analysis import analyse_rules  # noqa: PLC0415
    from ..rules.load import load_rules  # noqa: PLC0415
    from ..rules.summary import summarise_rules  # noqa: PLC0415

    ruleset = load_rules(args.rules)
    findings = analyse_rules(ruleset)
    lines = [*summarise_rules(ruleset), ""]
    if findings:
        lines.append(M.CHECK_WARNINGS.render(count=len(findings)))
        lines.extend(
            visible(f"  {ruleset.source}: {finding.path}: {finding.message}") for finding in findings
        )
    else:
        lines.append(M.CHECK_NO_WARNINGS.render())
    return emit(None, "\n".join(lines) + "\n")

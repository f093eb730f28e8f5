"""The ``score`` entry point: answers ``--version`` at once, and hands the rest to :mod:`commands`.

Kept tiny on purpose: a clerk feels every 100 ms of start-up, and the console
script imports this module before anything else.
"""

from __future__ import annotations

import sys

from ._version import __version__

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``score`` with ``argv`` (default: the process arguments); return the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args == ["--version"]:
        print(f"score {__version__}")
        return 0
    from .commands import run  # noqa: PLC0415 - everything else, only when needed

    return run(args)

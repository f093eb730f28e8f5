"""The ``score`` entry point: answers ``--version`` at once, and hands the rest to :mod:`commands`.

Kept tiny on purpose: a clerk feels every 100 ms of start-up, and the console
script imports this module before anything else.
"""

from __future__ import annotations

import sys

from .._version import __version__

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``score`` with ``argv`` (default: the process arguments); return the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args == ["--version"]:
            print(f"score {__version__}")
            return 0
        from .commands import run  # noqa: PLC0415 - everything else, only when needed

        return run(args)
    except BrokenPipeError:
        # The reader went away (``score … | head``): the output was not all delivered, so
        # exit 1, quietly, as other Unix tools do. Standard output is pointed at the null
        # device so the interpreter's last flush does not raise again.
        import os  # noqa: PLC0415 - only on this path

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1

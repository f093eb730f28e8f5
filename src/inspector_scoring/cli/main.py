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
        try:
            if args == ["--version"] and sys.stdout is not None:
                sys.stdout.write(f"score {__version__}\n")
                code = 0
            else:
                from .commands import run  # noqa: PLC0415 - everything else, only when needed

                code = run(args)
        except SystemExit as done:  # argparse, after --help (0) or a usage error (2)
            code = done.code if isinstance(done.code, int) else 0 if done.code is None else 1
        if sys.stdout is not None:
            sys.stdout.flush()  # (the last of the output: a full disk is said here, not lost)
        return code
    except BrokenPipeError:
        # The reader went away (``score … | head``): the output was not all delivered, so
        # exit 1, quietly, as other Unix tools do.
        from .output import silence_stdout  # noqa: PLC0415 - only on this path

        silence_stdout()
        return 1
    except OSError as error:  # standard output full, or closed (>&-)
        from .output import cannot_write_stdout  # noqa: PLC0415 - only on this path

        return cannot_write_stdout(error)

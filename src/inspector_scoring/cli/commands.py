"""The ``score`` commands: which one runs, in which language, and how it ends.

``score EVIDENCE`` scores and prints the notice (:mod:`.score`); ``annual``,
``check``, ``diff``, ``test``, ``schema`` and ``verify`` are the other commands, one
module each. Each imports only what it needs, so a JSON run never loads Jinja2 or XlsxWriter.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable

from . import options


def _command(name: str) -> Callable[[list[str]], int] | None:
    """The command called ``name``, imported only when it runs."""
    if name == "annual":
        from .annual import annual_command  # noqa: PLC0415

        return annual_command
    if name == "diff":
        from .diff import diff_command  # noqa: PLC0415

        return diff_command
    if name == "check":
        from .check import check_command  # noqa: PLC0415

        return check_command
    if name == "schema":
        from .schema import schema_command  # noqa: PLC0415

        return schema_command
    if name == "test":
        from .cases import test_command  # noqa: PLC0415

        return test_command
    if name == "template":
        from .template import template_command  # noqa: PLC0415

        return template_command
    if name == "import":
        from .import_ import import_command  # noqa: PLC0415

        return import_command
    if name == "verify":
        from .verify import verify_command  # noqa: PLC0415

        return verify_command
    return None


def closed_streams() -> None:
    """Stand in for a standard stream the process was started without (``<&-``, ``>&-``): Python
    leaves it ``None``, and every use would be a traceback; the stand-in refuses every read and
    write as a closed file does, so the command says so as it says any other failure."""
    for name in ("stdin", "stdout", "stderr"):
        if getattr(sys, name) is None:
            from .output import ClosedStream  # noqa: PLC0415 - only without a stream

            setattr(sys, name, ClosedStream())


def run(args: list[str]) -> int:
    """Run one ``score`` command line (without the program name); return the exit code."""
    # A run builds millions of small acyclic records that reference counting frees;
    # the cyclic collector would only keep re-scanning them (it doubled a 20,000
    # inspector run). The process ends with the command, so it is simply off.
    gc.disable()
    closed_streams()
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            # Unencodable characters become escapes rather than a traceback, on any console.
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")
    if hasattr(sys.stdout, "reconfigure"):
        # "\n" as it is, on every platform: the same bytes whether written to standard output
        # or to --output, and whether they were written as text or as UTF-8 already.
        sys.stdout.reconfigure(newline="\n")
    options.speak(args)
    # The command is the first word after any --lang (score --lang zh check RULES).
    first = 0
    while first < len(args) and options.is_lang(args[first]):
        first += 1 if "=" in args[first] else 2
    command = _command(args[first]) if first < len(args) else None
    if command is None:
        from .score import score_command  # noqa: PLC0415

        command = score_command
    else:
        args = args[:first] + args[first + 1 :]
    try:
        return command(args)
    except ValueError as error:  # InvalidInputError is one; importing it here would cost start-up
        from ..errors import InvalidInputError  # noqa: PLC0415

        if not isinstance(error, InvalidInputError):
            raise
        # (in one write: 10^5 problems printed one by one took a second of system calls)
        sys.stderr.write("".join(f"{problem}\n" for problem in error.problems))
        sys.stderr.flush()
        return options.EXIT_INVALID
    except options.Usage as error:
        from .. import messages as M  # noqa: PLC0415

        print(M.USAGE_ERROR.render(message=error), file=sys.stderr)
        return options.EXIT_USAGE
    except KeyboardInterrupt:
        return 130

"""Where the command writes: standard output, or a file written whole or not at all.

Nothing is lost: ``--output`` never names an input (whatever the name it is given
by: a link, standard input's file, the rule folder and the rule files it would
hold); a write to standard output that is cut short or finds the disk full is a
problem, not a quiet success; a reader that goes away early ends the command
quietly; and a file is written beside its target and renamed over it, so that a
failure, an interruption or a signal leaves the old file as it was. A temporary
file is named after the process that writes it (``.NAME.score-PID-XXXX.tmp``),
so that a later run can remove one a killed process left behind.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import signal
import stat
import sys
from typing import NoReturn

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from ..i18n import Text

__all__ = [
    "Refused",
    "StdoutClosed",
    "emit",
    "refuse_inputs",
    "refuse_overwrite",
    "write_atomically",
    "write_stdout",
]

_TEMPORARY = ".score-"


class Refused(Exception):
    """``--output`` names an input (a usage error: the command's arguments are wrong)."""

    def __init__(self, text: Text) -> None:
        super().__init__(str(text))
        self.text = text


class StdoutClosed(BrokenPipeError):
    """The reader of standard output went away before the end (``score … | head``)."""


def _same(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _stat(path: str) -> os.stat_result | None:
    try:
        return os.stat(path)
    except (OSError, ValueError):
        return None


def refuse_inputs(
    output: str | None, inputs: Iterable[str | None], *, rules: str | None = None, stdin: bool = False
) -> None:
    """Raise :class:`Refused` when writing ``output`` would overwrite one of ``inputs``, standard
    input's file (``stdin``: the command reads it), or a rule file of the folder ``rules``."""
    if output is None:
        return
    from .. import messages as M  # noqa: PLC0415 - only when there is an --output

    target = _stat(output)
    for name in inputs:
        if name is None or name == "-":
            continue
        given = _stat(name)
        if (target is not None and given is not None and _same(target, given)) or (
            os.path.realpath(output) == os.path.realpath(name)
        ):
            raise Refused(M.OUTPUT_IS_INPUT(output=output))
    if stdin and target is not None:
        with contextlib.suppress(OSError, ValueError):
            if stat.S_ISREG(os.fstat(sys.stdin.fileno()).st_mode) and _same(
                target, os.fstat(sys.stdin.fileno())
            ):
                raise Refused(M.OUTPUT_IS_STDIN(output=output))
    if rules is not None and os.path.isdir(rules):
        folder = _stat(os.path.dirname(os.path.abspath(output)) or ".")
        here = _stat(rules)
        if folder is not None and here is not None and _same(folder, here) and output.endswith(".toml"):
            raise Refused(M.OUTPUT_IN_RULES(output=output, folder=rules))
        # A rule file of the folder may be a link to a file elsewhere: that file is an input too.
        from ..rules.load import rule_files  # noqa: PLC0415

        with contextlib.suppress(ValueError):  # (InvalidInputError: a folder that cannot be read)
            for path in rule_files(rules):
                given = _stat(str(path))
                if target is not None and given is not None and _same(target, given):
                    raise Refused(M.OUTPUT_IN_RULES(output=output, folder=rules))
    if _is_program_file(output):
        raise Refused(M.OUTPUT_IS_PROGRAM(output=output))


def _is_program_file(output: str) -> bool:
    """Whether ``output`` is inside the installed package (its bundled rules and mapping), or is
    the bundled rule file of a checkout: files every later run reads."""
    from ..rules.load import bundled_rules_path  # noqa: PLC0415

    package = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    real = os.path.realpath(output)
    bundled = bundled_rules_path()
    return real.startswith(package + os.sep) or (bundled is not None and real == os.path.realpath(bundled))


class ClosedStream:
    """A standard stream the process was started without: reads and writes fail as on a closed
    file descriptor (EBADF)."""

    encoding = "utf-8"

    @property
    def buffer(self) -> ClosedStream:
        """Itself: bytes fail as text does."""
        return self

    def _closed(self, *_: object) -> NoReturn:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))

    read = write = fileno = _closed

    def flush(self) -> None:
        """Nothing was written to flush."""

    def isatty(self) -> bool:
        """No terminal."""
        return False


def cannot_write_stdout(error: OSError) -> int:
    """Say that standard output could not be written (on standard error, when there is one),
    as any problem is said; exit 1. For the last flush of ``main``: a full disk, a closed
    standard output."""
    from .. import messages as M  # noqa: PLC0415
    from ..errors import Problem  # noqa: PLC0415
    from ..files import os_reason  # noqa: PLC0415

    problem = Problem.of(M.STANDARD_OUTPUT.render(), "", M.CANNOT_WRITE(reason=os_reason(error)))
    with contextlib.suppress(OSError, AttributeError, ValueError):
        print(problem, file=sys.stderr)
        sys.stderr.flush()
    silence_stdout()
    return 1


def silence_stdout() -> None:
    """Point standard output at the null device, so that the interpreter's own last flush does
    not fail again after a write that did (a closed pipe, a full disk, a closed stream)."""
    with contextlib.suppress(OSError, ValueError, AttributeError, io.UnsupportedOperation):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def write_stdout(pieces: Iterable[str | bytes]) -> None:
    """Write every piece (text, or text already encoded as UTF-8) to standard output, whole.

    Raises :class:`OSError` when the output is cut short or the disk is full, and
    :class:`StdoutClosed` when the reader went away.
    """
    stdout = sys.stdout
    binary = getattr(stdout, "buffer", None)  # (a stream in memory may have none)
    try:
        if binary is None:
            for piece in pieces:
                stdout.write(piece if isinstance(piece, str) else piece.decode("utf-8"))
            stdout.flush()
            return
        stdout.flush()  # whatever was written as text goes first
        for piece in pieces:
            _write_whole(binary, piece if isinstance(piece, bytes) else piece.encode("utf-8"))
        binary.flush()
    except BrokenPipeError:
        raise StdoutClosed from None
    except OSError as error:
        if error.errno == errno.EPIPE:
            raise StdoutClosed from None
        raise


def _write_whole(stream: object, data: bytes) -> None:
    """All of ``data``: an unbuffered stream may take part of it and say how much."""
    view = memoryview(data)
    while view:
        written = stream.write(view)  # type: ignore[attr-defined]
        if written is None:  # a non-blocking stream that took nothing
            raise OSError(errno.EAGAIN, os.strerror(errno.EAGAIN))
        if written == 0:
            raise OSError(errno.EIO, "the output took none of what was written")
        view = view[written:]


def write_atomically(path: str, pieces: Iterable[str | bytes]) -> None:
    """Write the pieces (text, or UTF-8 bytes) to ``path`` whole: through a temporary file beside
    it and a rename, so that a reader never sees half, and a failure, an interruption (Ctrl-C)
    or a signal (SIGTERM, SIGHUP) leaves the old file as it was."""
    if os.path.isdir(path):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), path)
    existing = _stat(path)
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        # A device or a pipe (/dev/null, /dev/stdout): write to it; a rename would replace it.
        with open(path, "wb") as stream:
            for piece in pieces:
                _write_whole(stream, piece if isinstance(piece, bytes) else piece.encode("utf-8"))
        return
    if os.path.islink(path):
        # A link to a file (/dev/stdout redirected to one, or a link the user made): the file
        # it leads to is written, beside itself; the link stays as it was.
        path = os.path.realpath(path)
    folder, name = os.path.split(os.path.abspath(path))
    remove_stale(folder, name)
    import tempfile  # noqa: PLC0415 - only when writing a file

    with _signals_interrupt():
        handle, temporary = tempfile.mkstemp(
            prefix=f".{name}{_TEMPORARY}{os.getpid()}-", suffix=".tmp", dir=folder
        )
        try:
            # mkstemp makes the file private (0600); give it the mode a plain open() would have,
            # or keep the mode of the file it replaces.
            mode = existing.st_mode & 0o7777 if existing is not None else 0o666 & ~_umask()
            os.chmod(temporary, mode)
            with os.fdopen(handle, "wb") as stream:
                for piece in pieces:
                    _write_whole(stream, piece if isinstance(piece, bytes) else piece.encode("utf-8"))
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise


def remove_stale(folder: str, name: str) -> None:
    """Remove the temporary files of ``name`` that a process killed while writing left behind
    (their process is gone)."""
    prefix = f".{name}{_TEMPORARY}"
    try:
        entries = os.listdir(folder)
    except OSError:
        return
    for entry in entries:
        if not (entry.startswith(prefix) and entry.endswith(".tmp")):
            continue
        pid = entry[len(prefix) :].split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            with contextlib.suppress(OSError):
                os.unlink(os.path.join(folder, entry))


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process: leave its file alone
    return True


class _Interrupted(BaseException):
    """A signal that ends the command arrived while a file was being written."""


@contextlib.contextmanager
def _signals_interrupt() -> Iterator[None]:
    """While writing, turn SIGTERM, SIGHUP and SIGQUIT into an exception, so the temporary file is
    removed."""

    def interrupt(number: int, frame: object) -> None:
        raise _Interrupted(number)

    kept = {}
    for name in ("SIGTERM", "SIGHUP", "SIGQUIT"):
        number = getattr(signal, name, None)
        if number is not None:
            with contextlib.suppress(ValueError, OSError):  # (only the main thread may set them)
                kept[number] = signal.signal(number, interrupt)
    try:
        yield
    except _Interrupted as caught:
        # Ended as the signal would have ended it, now that nothing is left behind.
        for number, handler in kept.items():
            signal.signal(number, handler)
        kept.clear()
        os.kill(os.getpid(), caught.args[0])
        raise
    finally:
        for number, handler in kept.items():
            signal.signal(number, handler)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def emit(output: str | None, text: str | Iterable[str] | Iterable[bytes]) -> int:
    """Write ``text`` (or its pieces, in order: text, or text already encoded as UTF-8) to
    standard output or, whole, to ``output``; a write that fails is a problem (exit 1)."""
    from .. import messages as M  # noqa: PLC0415
    from ..errors import fail  # noqa: PLC0415
    from ..files import os_reason  # noqa: PLC0415

    pieces: Iterable[str | bytes] = [text] if isinstance(text, str) else text
    try:
        if output is None or _is_standard_output(output):
            write_stdout(pieces)
        else:
            write_atomically(output, pieces)
    except StdoutClosed:
        raise  # the reader went away: quietly, in main
    except OSError as error:
        where = output if output is not None else M.STANDARD_OUTPUT.render()
        if error.errno == errno.ENOENT and output is not None:
            # (the system says "no such file" of the file it was to make, beside the output: it is
            # the folder, which is not there, or takes no new file, as /proc does)
            from ..i18n import quote  # noqa: PLC0415

            folder = os.path.dirname(output) or "."
            if not os.path.isdir(folder):
                raise fail(where, "", M.NO_SUCH_FOLDER(folder=quote(folder, most=4096))) from None
            raise fail(
                where, "", M.FOLDER_TAKES_NO_FILE(folder=quote(folder, most=4096), reason=os_reason(error))
            ) from None
        raise fail(where, "", M.CANNOT_WRITE(reason=os_reason(error))) from None
    return 0


def _is_standard_output(output: str) -> bool:
    """Whether ``output`` is the file standard output already writes (``--output /dev/stdout``
    sent to a file, ``>> log`` or inside ``{ …; } > out``): written through standard output,
    where the shell put it, never replaced (a new file renamed over it lost what was before)."""
    with contextlib.suppress(OSError, ValueError, AttributeError, io.UnsupportedOperation):
        target = os.stat(output)
        return stat.S_ISREG(target.st_mode) and _same(target, os.fstat(sys.stdout.fileno()))
    return False


def refuse_overwrite(output: str | None, inputs: Iterable[str | None], *, rules: str | None = None) -> None:
    """A usage error when ``--output`` would overwrite one of ``inputs`` (see :func:`refuse_inputs`)."""
    from .options import Usage  # noqa: PLC0415

    inputs = list(inputs)
    try:
        refuse_inputs(output, inputs, rules=rules, stdin="-" in inputs)
    except Refused as error:
        raise Usage(str(error.text)) from None

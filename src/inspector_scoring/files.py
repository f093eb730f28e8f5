"""Reading input files: their bytes, and their text as UTF-8, with a message that helps when it is not.

A clerk's files come from Notepad and Excel: a byte-order mark is accepted,
and a file saved in GBK/GB18030 (the Chinese Windows default) is named as
such, with how to save it as UTF-8.
"""

from __future__ import annotations

import errno
import io
import os
from typing import BinaryIO

from . import messages as M
from .errors import fail
from .i18n import Text

__all__ = [
    "MAX_JSON_BYTES",
    "MAX_TOML_BYTES",
    "check_size",
    "decode_text",
    "os_reason",
    "read_bytes",
    "read_stream",
]

#: the largest evidence or result file read (1 GiB): a province's month of positioning
#: records is some 600 MiB, and reading one takes some five times its size in memory
MAX_JSON_BYTES = 1 << 30
#: the largest rule file or case file read (16 MiB): the bundled scheme is 5 KiB
MAX_TOML_BYTES = 16 << 20

#: the system's reasons a clerk meets, as messages (their English is the system's own wording)
_REASONS = {
    getattr(errno, name): message
    for name, message in (
        ("ENOENT", M.OS_NOT_FOUND),
        ("EACCES", M.OS_PERMISSION),
        ("EPERM", M.OS_NOT_PERMITTED),
        ("EISDIR", M.OS_IS_FOLDER),
        ("ENOTDIR", M.OS_NOT_FOLDER),
        ("ENOSPC", M.OS_DISK_FULL),
        ("EROFS", M.OS_READ_ONLY),
        ("ENAMETOOLONG", M.OS_NAME_TOO_LONG),
        ("ELOOP", M.OS_LINK_LOOP),
        ("EIO", M.OS_IO_ERROR),
        ("EFBIG", M.OS_FILE_TOO_LARGE),
        ("EAGAIN", M.OS_TRY_AGAIN),
        ("ENXIO", M.OS_NO_DEVICE),
        ("ENODEV", M.OS_NO_DEVICE),
        ("EINVAL", M.OS_INVALID),
        ("EBUSY", M.OS_BUSY),
        ("ETXTBSY", M.OS_BUSY),
        ("EMFILE", M.OS_TOO_MANY_FILES),
        ("ENFILE", M.OS_TOO_MANY_FILES),
        ("ENOMEM", M.OS_NO_MEMORY),
        ("EDQUOT", M.OS_QUOTA),
        ("EEXIST", M.OS_EXISTS),
        ("EXDEV", M.OS_CROSS_DEVICE),
        ("ETIMEDOUT", M.OS_TIMED_OUT),
        ("ESTALE", M.OS_STALE),
        ("EINTR", M.OS_INTERRUPTED),
        ("EOPNOTSUPP", M.OS_NOT_SUPPORTED),
        ("EBADF", M.OS_CLOSED),
    )
    if hasattr(errno, name)  # (each system has its own set of numbers)
}


def os_reason(error: OSError) -> Text | str:
    """Why the system refused, as a message: its own where it is a known reason, else the
    system's error number (never the system's words, which are not in the chosen language)."""
    message = _REASONS.get(error.errno) if error.errno is not None else None
    if message is not None:
        return message()
    if error.errno is not None:
        return M.OS_OTHER(number=error.errno)
    return error.strerror or str(error)  # (an OSError raised without a number: Python's words)


def read_bytes(name: str, *, most: int = MAX_JSON_BYTES) -> bytes:
    """The bytes of the file ``name`` (at most ``most``, its size checked before it is read), or
    the error saying why it cannot be read."""
    try:
        with open(name, "rb") as stream:
            return read_stream(stream, name, most=most)
    except OSError as error:
        raise fail(name, "", M.CANNOT_READ(reason=os_reason(error))) from None


def read_stream(stream: BinaryIO, name: str, *, most: int = MAX_JSON_BYTES) -> bytes:
    """What ``stream`` holds (a file, or a pipe read to its end), refused when it is more than
    ``most`` bytes: a file by its size, before reading; a pipe once ``most`` bytes have come."""
    try:
        size = os.fstat(stream.fileno()).st_size
    except (OSError, AttributeError, io.UnsupportedOperation):
        size = 0
    check_size(size, name, most=most)
    try:
        data = stream.read(most + 1)
    except OSError as error:  # (standard input closed, <&-; a device that fails)
        raise fail(name, "", M.CANNOT_READ(reason=os_reason(error))) from None
    check_size(len(data), name, most=most)
    return data


def check_size(size: int, name: str, *, most: int) -> None:
    """Refuse ``name`` when it holds ``size`` bytes (or characters), more than ``most``."""
    if size > most:
        raise fail(name, "", M.FILE_TOO_LARGE(most=f"{most >> 20} MiB"))


def decode_text(data: bytes, name: str) -> str:
    """``data`` as UTF-8 text (a byte-order mark dropped), or the error saying why it is not."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # the mark of UTF-16: Notepad's "Unicode"
            message = M.NOT_UTF8_UTF16
        else:
            message = M.NOT_UTF8_GBK if looks_like_gbk(data) else M.NOT_UTF8
        raise fail(name, "", message(byte=error.start)) from None


def looks_like_gbk(data: bytes) -> bool:
    """Whether bytes that are not UTF-8 read as Chinese text in GBK/GB18030."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    chinese = sum(1 for char in text if "\u4e00" <= char <= "\u9fff")
    # Every byte above 0x7F is part of a character there; most of them Chinese ones.
    high = sum(1 for char in text if ord(char) > 0x7F)
    return chinese > 0 and chinese * 2 >= high

"""Reading input files: their bytes, and their text as UTF-8, with a message that helps when it is not.

A clerk's files come from Notepad and Excel: a byte-order mark is accepted,
and a file saved in GBK/GB18030 (the Chinese Windows default) is named as
such, with how to save it as UTF-8.
"""

from __future__ import annotations

from . import messages as M
from .errors import fail

__all__ = ["decode_text", "read_bytes"]


def read_bytes(name: str) -> bytes:
    """The bytes of the file ``name``, or the error saying why it cannot be read."""
    try:
        with open(name, "rb") as stream:
            return stream.read()
    except OSError as error:
        raise fail(name, "", M.CANNOT_READ(reason=error.strerror or str(error))) from None


def decode_text(data: bytes, name: str) -> str:
    """``data`` as UTF-8 text (a byte-order mark dropped), or the error saying why it is not."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
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

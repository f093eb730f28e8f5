"""A notice in the format asked for: the one choice of view, for the command and a library caller.

Each format's module is imported only when it is asked for (Jinja2 for the page,
XlsxWriter for the score sheet), so choosing costs nothing else.
"""

from __future__ import annotations

from typing import Literal, overload

from .document import Document
from .formats import DEFAULT_WIDTH, MAX_WIDTH, MIN_WIDTH, NOTICE_FORMATS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .notice import Notice

__all__ = ["render_notice"]


@overload
def render_notice(
    document: Document | Notice, /, format: Literal["xlsx"], *, width: int = DEFAULT_WIDTH
) -> bytes: ...


@overload
def render_notice(
    document: Document | Notice,
    /,
    format: Literal["table", "csv", "markdown", "html", "svg"] = "table",
    *,
    width: int = DEFAULT_WIDTH,
) -> str: ...


@overload
def render_notice(
    document: Document | Notice, /, format: str = "table", *, width: int = DEFAULT_WIDTH
) -> str | bytes: ...


def render_notice(
    document: Document | Notice, /, format: str = "table", *, width: int = DEFAULT_WIDTH
) -> str | bytes:
    """A notice as ``score --format FORMAT`` writes it: ``table`` (plain text ``width`` cells wide,
    40 to 1000), ``csv``, ``markdown``, ``html``, ``svg`` as text, ``xlsx`` as the workbook's bytes.

    ``document`` is what :func:`build_notice` returns (a :class:`Notice`) or what
    :func:`build_annual_notice` returns (a :class:`Document`). The same document gives the same
    bytes: the page names this program, and the workbook says it was made on the notice's
    date (:attr:`Document.published`). Write text with ``newline=""`` (or as UTF-8 bytes), so
    that the CSV's own line ends are kept. Raises :class:`ValueError` for another format or
    width, or a workbook of a document with no date, and :class:`TypeError` for a ``document``
    of another kind.
    """
    if not isinstance(document, Document):
        from .notice import Notice  # noqa: PLC0415

        if not isinstance(document, Notice):
            given = type(document).__name__
            raise TypeError(f"render_notice: document must be a Notice or a Document, got {given}")
        document = document.document()
    if format not in NOTICE_FORMATS:
        raise ValueError(f"render_notice: format must be one of {', '.join(NOTICE_FORMATS)}, got {format!r}")
    if isinstance(width, bool) or not isinstance(width, int) or not MIN_WIDTH <= width <= MAX_WIDTH:
        raise ValueError(
            f"render_notice: width must be a whole number from {MIN_WIDTH} to {MAX_WIDTH}, got {width!r}"
        )
    if format == "csv":
        from .csv_notice import render_csv  # noqa: PLC0415 - each format when asked for

        return render_csv(document)
    if format == "markdown":
        from .markdown_notice import render_markdown  # noqa: PLC0415

        return render_markdown(document)
    if format == "html":
        from ..scoring.score import ENGINE  # noqa: PLC0415
        from .html_notice import render_html  # noqa: PLC0415

        return render_html(document, engine=ENGINE)
    if format == "svg":
        from .svg_notice import render_svg  # noqa: PLC0415

        return render_svg(document)
    if format == "xlsx":
        if document.published is None:
            raise ValueError(
                "render_notice: an xlsx workbook is dated by the notice's date: document.published"
            )
        from .xlsx_notice import render_xlsx  # noqa: PLC0415

        return render_xlsx(document, created=document.published)
    if isinstance(width, bool) or not isinstance(width, int) or not MIN_WIDTH <= width <= MAX_WIDTH:
        raise ValueError(
            f"render_notice: width must be a whole number from {MIN_WIDTH} to {MAX_WIDTH}, got {width!r}"
        )
    from .terminal import render_plain  # noqa: PLC0415

    return render_plain(document, width=width)

"""A notice in the format asked for: the one choice of view, for the command and a library caller.

Each format's module is imported only when it is asked for (Jinja2 for the page,
XlsxWriter for the score sheet), so choosing costs nothing else.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .document import Document

__all__ = ["DEFAULT_WIDTH", "MAX_WIDTH", "MIN_WIDTH", "NOTICE_FORMATS", "render_notice"]

#: the formats a notice is written in (the result JSON is no notice: :func:`result_to_json`)
NOTICE_FORMATS = ("table", "csv", "markdown", "html", "svg", "xlsx")
DEFAULT_WIDTH = 130  # cells: the table written to a file or a pipe, when nothing else says
MIN_WIDTH = 40
MAX_WIDTH = 1000  # cells: wider than any screen; the table is laid out in time bounded by it


def render_notice(document: Document, format: str = "table", /, *, width: int = DEFAULT_WIDTH) -> str | bytes:
    """``document`` (:meth:`Notice.document`, or what :func:`build_annual_notice` returns) as
    ``score --format FORMAT`` writes it: ``table`` (plain text ``width`` cells wide, 40 to
    1000), ``csv``, ``markdown``, ``html``, ``svg`` as text, ``xlsx`` as the workbook's bytes.

    The same document gives the same bytes: the page names this program and the workbook
    says it was made on the notice's date (:attr:`Document.published`). Raises
    :class:`ValueError` for another format or width, or an ``xlsx`` of a document with no date.
    """
    if format not in NOTICE_FORMATS:
        raise ValueError(f"render_notice: format must be one of {', '.join(NOTICE_FORMATS)}, got {format!r}")
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

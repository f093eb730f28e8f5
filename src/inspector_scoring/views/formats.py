"""The formats a notice is written in and the widths of its table (no imports: the command reads
them at every start)."""

__all__ = ["DEFAULT_WIDTH", "MAX_WIDTH", "MIN_WIDTH", "NOTICE_FORMATS"]

#: the formats a notice is written in (the result JSON is no notice: ``result_to_json``)
NOTICE_FORMATS = ("table", "csv", "markdown", "html", "svg", "xlsx")
DEFAULT_WIDTH = 130  # cells: the table written to a file or a pipe, when nothing else says
MIN_WIDTH = 40
MAX_WIDTH = 1000  # cells: wider than any screen; the table is laid out in time bounded by it

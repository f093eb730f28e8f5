"""The notice as rich renderables: the terminal table, and the HTML and SVG exports.

Renderables never print; the caller's Console decides width, colour and
destination. Every piece of text goes in as :class:`rich.text.Text`, so a name
like ``[bold]`` or ``<script>`` is shown as it is, never interpreted.
"""

from __future__ import annotations

import io

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text
from rich.theme import Theme

from .document import Column, Document, Part

__all__ = ["THEME", "export_html", "export_svg", "notice_renderable", "render_plain"]

THEME = Theme(
    {
        "notice.title": "bold",
        "notice.header": "bold",
        "notice.name": "bold",
        "notice.veto": "bold red",
        "notice.exhausted": "yellow",
        "notice.footer": "dim",
    }
)


_HEADER_CELLS = 6  # item titles are broken into lines this wide, so score columns stay narrow
_TEXT_MIN_CELLS = 4  # a name or mine folds, but keeps at least two characters a line


def _header(column: Column) -> Text:
    if not column.numeric or not column.note:
        return Text(column.header)
    lines, line = [], ""
    for char in column.header:
        if cell_len(line + char) > _HEADER_CELLS:
            lines.append(line)
            line = ""
        line += char
    lines += [line, column.note]
    return Text("\n".join(lines))


def _column_widths(
    headers: list[Text], rows: list[tuple[str, ...]], numeric: list[bool], width: int
) -> list[int] | None:
    """Widths that fit ``width`` without cutting a number, or ``None`` when there are none."""
    natural = [
        max(cell_len(line) for text in [header.plain, *(row[n] for row in rows)] for line in text.split("\n"))
        for n, header in enumerate(headers)
    ]
    # Each column has one cell of padding either side and one border to its left; one more closes the row.
    available = width - 3 * len(headers) - 1
    fixed = sum(w for w, is_number in zip(natural, numeric, strict=True) if is_number)
    text = [n for n, is_number in enumerate(numeric) if not is_number]
    if fixed + sum(natural[n] for n in text) <= available:
        return natural
    widths = [
        w if is_number else min(w, _TEXT_MIN_CELLS) for w, is_number in zip(natural, numeric, strict=True)
    ]
    if sum(widths) > available:
        return None
    # Share what is left among the text columns a cell at a time, narrowest first.
    spare = available - sum(widths)
    while spare > 0:
        wanting = [n for n in text if widths[n] < natural[n]]
        if not wanting:
            break
        widths[min(wanting, key=lambda k: widths[k])] += 1
        spare -= 1
    return widths


def _table(document: Document | Part, width: int) -> Table | None:
    headers = [_header(column) for column in document.columns]
    numeric = [column.numeric for column in document.columns]
    rows = [row.cells for row in document.rows]
    widths = _column_widths(headers, rows, numeric, width)
    if widths is None:
        return None
    table = Table(box=box.SQUARE, header_style="notice.header")
    for header, is_number, column_width in zip(headers, numeric, widths, strict=True):
        # Numbers never wrap or get cut; text folds onto more lines instead.
        table.add_column(
            header,
            justify="right" if is_number else "left",
            no_wrap=is_number,
            overflow="fold",
            width=column_width,
        )
    for row in document.rows:
        cells = [Text(cell) for cell in row.cells]
        if row.flagged:
            cells[-1].stylize("notice.veto")
        table.add_row(*cells)
    return table


def _cards(document: Document | Part) -> Group:
    """One small table per row, for screens too narrow for the full table."""
    cards: list[RenderableType] = []
    for row in document.rows:
        card = Table(box=box.SIMPLE, title=Text(row.label), show_header=False)
        card.add_column(overflow="fold")
        card.add_column(justify="right", no_wrap=True)
        shown = [
            (column, cell) for column, cell in zip(document.columns, row.cells, strict=True) if column.in_card
        ]
        for n, (column, cell) in enumerate(shown):
            flagged = row.flagged and n == len(shown) - 1
            card.add_row(Text(column.label), Text(cell, style="notice.veto" if flagged else ""))
        cards.append(card)
    return Group(*cards)


def notice_renderable(document: Document, /, *, width: int) -> RenderableType:
    """The whole notice: title, preamble, table, explanations, footer, signature.

    The table is one table when it fits in ``width`` cells, else one small
    table per row, so a number is never cut.
    """
    table: RenderableType = _table(document, width) or _cards(document)
    parts: list[RenderableType] = [Text(document.title, style="notice.title", justify="center"), Text("")]
    parts.extend(Text(paragraph) for paragraph in document.preamble)
    for part in document.parts:  # a corrected notice's 复核结果, before the table
        parts += [Text(""), Text(part.title, style="notice.title"), *(Text(line) for line in part.lines)]
        parts.append(_table(part, width) or _cards(part))
        if part.sections:
            parts.append(Text(part.sections_title, style="notice.header"))
        for section in part.sections:
            parts.append(Text(section.heading, style="notice.name"))
            parts.extend(Text("    " + line) for line in section.lines)
    parts += [Text(""), table, Text("")]
    for section in document.sections:
        parts.append(Text(section.heading, style="notice.name"))
        parts.extend(Text("    " + line, style=_line_style(line)) for line in section.lines)
    parts.append(Text(""))
    parts.extend(Text(line, style="notice.footer") for line in document.footer)
    parts.append(Text(""))
    parts.extend(Text(line, justify="right") for line in document.signature)
    return Group(*parts)


def _line_style(line: str) -> str:
    if line.startswith("【一票否决】"):
        return "notice.veto"
    return "notice.exhausted" if "扣完为止" in line else ""


def _recording_console(width: int) -> Console:
    return Console(
        file=io.StringIO(),
        record=True,
        width=width,
        theme=THEME,
        force_terminal=False,
        color_system="truecolor",
    )


def render_plain(document: Document, /, *, width: int) -> str:
    """The notice as plain text at a fixed width (for files and tests)."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, theme=THEME, color_system=None, force_terminal=False)
    console.print(notice_renderable(document, width=width))
    return buffer.getvalue()


def export_html(document: Document, /, *, width: int) -> str:
    """A standalone HTML page of the notice (text escaped by rich)."""
    console = _recording_console(width)
    console.print(notice_renderable(document, width=width))
    return console.export_html(inline_styles=True)


def export_svg(document: Document, /, *, width: int) -> str:
    """A printable SVG picture of the notice."""
    console = _recording_console(width)
    console.print(notice_renderable(document, width=width))
    return console.export_svg(title=document.title)

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

from .notice import Notice

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


def _header(title: str, points: str) -> Text:
    lines, line = [], ""
    for char in title:
        if cell_len(line + char) > _HEADER_CELLS:
            lines.append(line)
            line = ""
        line += char
    lines += [line, points]
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


def _score_table(notice: Notice, width: int) -> Table | None:
    items = range(3, 3 + len(notice.item_columns))
    headers = [
        _header(title, f"{points}分") if n in items else Text(title)
        for n, (title, points) in enumerate(
            zip(notice.columns, ["", "", "", *notice.item_points, "", "", ""], strict=True)
        )
    ]
    numeric = [n == 0 or n in items or title in {"加分", "总分"} for n, title in enumerate(notice.columns)]
    rows = [notice.row(entry) for entry in notice.entries]
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
    for entry, row in zip(notice.entries, rows, strict=True):
        cells = [Text(cell) for cell in row]
        if entry.veto:
            cells[-1].stylize("notice.veto")
        table.add_row(*cells)
    return table


def _score_cards(notice: Notice) -> Group:
    """One small table per inspector, for screens too narrow for the full table."""
    cards: list[RenderableType] = []
    for entry in notice.entries:
        card = Table(
            box=box.SIMPLE, title=Text(f"{entry.number}. {entry.name}（{entry.mine}）"), show_header=False
        )
        card.add_column(overflow="fold")
        card.add_column(justify="right", no_wrap=True)
        for title, points, score in zip(notice.item_columns, notice.item_points, entry.scores, strict=True):
            card.add_row(Text(f"{title}（{points}分）"), Text(score))
        card.add_row(Text("加分"), Text(entry.bonus))
        card.add_row(Text("总分"), Text(entry.total))
        grade = notice.row(entry)[-1]
        card.add_row(Text("等次"), Text(grade, style="notice.veto" if entry.veto else ""))
        cards.append(card)
    return Group(*cards)


def notice_renderable(notice: Notice, /, *, width: int) -> RenderableType:
    """The whole notice: title, preamble, panel, scores, deductions, footer, signature.

    The scores are one table when it fits in ``width`` cells, else one small
    table per inspector, so a number is never cut.
    """
    table: RenderableType = _score_table(notice, width) or _score_cards(notice)
    parts: list[RenderableType] = [
        Text(notice.title, style="notice.title", justify="center"),
        Text(""),
        Text(notice.preamble),
    ]
    if notice.panel:
        parts.append(Text("考核小组：" + "；".join(notice.panel)))
    parts += [Text(""), table, Text("")]
    for entry in notice.entries:
        parts.append(Text(f"{entry.number}. {entry.name}（{entry.mine}）", style="notice.name"))
        parts.extend(Text("    " + line, style=_line_style(line)) for line in entry.lines)
    parts.append(Text(""))
    parts.extend(Text(line, style="notice.footer") for line in notice.footer)
    parts.append(Text(""))
    parts.extend(Text(line, justify="right") for line in notice.signature)
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


def render_plain(notice: Notice, /, *, width: int) -> str:
    """The notice as plain text at a fixed width (for files and tests)."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, theme=THEME, color_system=None, force_terminal=False)
    console.print(notice_renderable(notice, width=width))
    return buffer.getvalue()


def export_html(notice: Notice, /, *, width: int) -> str:
    """A standalone HTML page of the notice (text escaped by rich)."""
    console = _recording_console(width)
    console.print(notice_renderable(notice, width=width))
    return console.export_html(inline_styles=True)


def export_svg(notice: Notice, /, *, width: int) -> str:
    """A printable SVG picture of the notice."""
    console = _recording_console(width)
    console.print(notice_renderable(notice, width=width))
    return console.export_svg(title=notice.title)

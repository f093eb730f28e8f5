"""The notice's table as a drawing (SVG): title, the table with its cells, the foot and the 落款.

No font is fetched or embedded: the text asks for a list of CJK fonts that
every system with Chinese fonts has one of (Noto Sans CJK / Source Han Sans on
Linux, Microsoft YaHei on Windows, PingFang on macOS, then any sans-serif).
Widths are measured per character class — a CJK or full-width character is
one em, anything else at most 0.6 em — so a column is wide enough in any of
those fonts and nothing overlaps. Numbers are right-aligned
(``text-anchor="end"``). Every text is shown (:func:`.shown.shown`) and
XML-escaped, so the file is valid XML whatever the inputs hold.
"""

from __future__ import annotations

from decimal import Decimal
from unicodedata import east_asian_width
from xml.sax.saxutils import escape, quoteattr

from .document import Document, Part
from .measure import char_cells
from .shown import shown
from .terminal import fold_text

__all__ = ["FONT_FAMILY", "render_svg", "text_width"]

FONT_FAMILY = (
    "'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Microsoft YaHei', "
    "'PingFang SC', 'Hiragino Sans GB', sans-serif"
)
_SIZE = 14  # px: the table's text
_TITLE = 20  # px: the title
_PAD = 8  # px: left and right inside a cell
_ROW = 26  # px: a row's height
_MARGIN = 24  # px: around the drawing
_LINE = 22  # px: between lines of the foot
_INDENT = 2 * _SIZE  # px: the reasons under an inspector's name
_NARROW = Decimal("0.6")  # em: the widest a narrow (Latin, digit) character is drawn


def text_width(text: str, size: int = _SIZE) -> Decimal:
    """How wide ``text`` may be drawn at ``size`` px: 1 em a wide or ambiguous character, 0.6 em
    another."""
    # An ambiguous-width character (→, ①, “”) is drawn a full em wide by a CJK font.
    ems = sum(
        (Decimal(1) if char_cells(char) == 2 or east_asian_width(char) == "A" else _NARROW for char in text),
        Decimal(0),
    )
    return ems * size


def _text(x: Decimal | int, y: Decimal | int, text: str, **attributes: str) -> str:
    extra = "".join(f" {name.replace('_', '-')}={quoteattr(value)}" for name, value in attributes.items())
    return f'<text x="{_n(x)}" y="{_n(y)}"{extra}>{escape(text)}</text>'


def _n(value: Decimal | int) -> str:
    """A coordinate as SVG writes it: at most one decimal, no exponent."""
    return format(Decimal(value).quantize(Decimal("0.1")).normalize(), "f")


def _table(document: Document | Part, left: Decimal, top: Decimal, widths: list[Decimal]) -> list[str]:
    """The table's header background, borders and texts, its top left corner at (left, top)."""
    headers = [shown(column.header) for column in document.columns]
    notes = [shown(column.note) for column in document.columns]
    rows = _rows(document)
    header_rows = 2 if any(notes) else 1
    table_width = sum(widths, Decimal(0))
    height = _ROW * (header_rows + len(rows))
    parts = [
        f'<rect x="{_n(left)}" y="{_n(top)}" width="{_n(table_width)}" height="{_n(_ROW * header_rows)}" '
        'fill="#e8edf3"/>'
    ]
    edges = [left]
    for size in widths:
        edges.append(edges[-1] + size)
    lines = [f'<line x1="{_n(e)}" y1="{_n(top)}" x2="{_n(e)}" y2="{_n(top + height)}"/>' for e in edges]
    for k in [0, *range(header_rows, header_rows + len(rows) + 1)]:
        y = top + _ROW * k
        lines.append(f'<line x1="{_n(left)}" y1="{_n(y)}" x2="{_n(left + table_width)}" y2="{_n(y)}"/>')
    parts.append('<g stroke="#595959" stroke-width="1">' + "".join(lines) + "</g>")
    baseline = Decimal(_ROW) / 2 + Decimal(_SIZE) * Decimal("0.35")
    for n, (header, note) in enumerate(zip(headers, notes, strict=True)):
        middle = (edges[n] + edges[n + 1]) / 2
        parts.append(_text(middle, top + baseline, header, font_weight="bold", text_anchor="middle"))
        if header_rows == 2 and note:
            parts.append(_text(middle, top + _ROW + baseline, note, text_anchor="middle"))
    numeric = [column.numeric for column in document.columns]
    for r, (row, cells) in enumerate(zip(document.rows, rows, strict=True)):
        y = top + _ROW * (header_rows + r) + baseline
        for n, cell in enumerate(cells):
            flagged = row.flagged and n == len(cells) - 1
            attributes = {"fill": "#a4001d", "font_weight": "bold"} if flagged else {}
            if numeric[n]:
                parts.append(_text(edges[n + 1] - _PAD, y, cell, text_anchor="end", **attributes))
            else:
                parts.append(_text(edges[n] + _PAD, y, cell, **attributes))
    return parts


def _rows(document: Document | Part) -> list[list[str]]:
    rows = []
    for row in document.rows:
        cells = [shown(cell) for cell in row.cells]
        if row.mark:
            cells[-1] += f"（{shown(row.mark)}）"
        rows.append(cells)
    return rows


def _widths(document: Document | Part) -> list[Decimal]:
    """Each column's width: its widest header, note or cell, with padding."""
    texts = [
        [shown(column.header), shown(column.note), *(cells[n] for cells in _rows(document))]
        for n, column in enumerate(document.columns)
    ]
    return [max(text_width(text) for text in column) + 2 * _PAD for column in texts]


def _height(document: Document | Part) -> int:
    header_rows = 2 if any(column.note for column in document.columns) else 1
    return _ROW * (header_rows + len(document.rows))


def _part_texts(part: Part, cells: int) -> tuple[list[str], list[tuple[str, bool]]]:
    """A part's lines (``经复核，…``), and its sections (复核依据: who, then why) as lines
    each marked whether it is a heading, folded at ``cells`` (refs and names never split)."""
    lines = [line for text in part.lines for line in fold_text(text, cells)]
    sections: list[tuple[str, bool]] = []
    if part.sections:
        sections.append((shown(part.sections_title), True))
    for section in part.sections:
        sections += [
            (line, True) for line in fold_text(section.heading, cells, whole=(section.name, section.mine))
        ]
        for text in section.lines:  # (drawn indented by _INDENT)
            sections += [(line, False) for line in fold_text(text, cells - 4, whole=section.whole)]
    return lines, sections


def render_svg(document: Document, /) -> str:
    """The notice's title, table, foot and signature as a standalone SVG picture; a corrected
    notice's 复核结果 above the results: what it says, the table of changes and the evidence
    behind each (复核依据)."""
    tables: list[tuple[str, Document | Part]] = [(shown(part.title), part) for part in document.parts]
    if tables:
        tables.append(("考核结果", document))
    else:
        tables.append(("", document))
    widths = [_widths(table) for _, table in tables]
    title = shown(document.title)
    foot = [shown(line) for line in document.footer]
    content: Decimal = max(
        [
            *(sum(columns, Decimal(0)) for columns in widths),
            text_width(title, _TITLE),
            *(text_width(line) for line in foot),
        ]
    )
    # A part's prose is folded to the drawing's width (a cell at most 0.6 em wide), 60 cells at least.
    cells = max(int(content / (_NARROW * _SIZE)), 60)
    texts = [_part_texts(table, cells) if isinstance(table, Part) else ([], []) for _, table in tables]
    content = max([content, *(text_width(line) for lines, sections in texts for line in lines)])
    content = max([content, *(text_width(line) + _INDENT for _, sections in texts for line, _ in sections)])
    width = content + 2 * _MARGIN
    y = Decimal(_MARGIN + _TITLE)
    parts = [_text(width / 2, y, title, font_size=str(_TITLE), font_weight="bold", text_anchor="middle")]
    y += 16
    for (heading, table), columns, (lines, sections) in zip(tables, widths, texts, strict=True):
        if heading:
            y += _LINE
            parts.append(_text(_MARGIN, y - 6, heading, font_weight="bold"))
        for line in lines:
            y += _LINE
            parts.append(_text(_MARGIN, y - 6, line))
        if table.rows or not isinstance(table, Part):  # (no table when nothing changed)
            if lines:
                y += 8
            table_width = sum(columns, Decimal(0))
            parts += _table(table, _MARGIN + (content - table_width) / 2, y, columns)
            y += _height(table)
        for line, bold in sections:  # (bold: a heading)
            y += _LINE
            if bold:
                parts.append(_text(_MARGIN, y - 6, line, font_weight="bold"))
            else:
                parts.append(_text(_MARGIN + _INDENT, y - 6, line))
        y += 8
    y += _LINE
    for line in foot:
        parts.append(_text(_MARGIN, y, line))
        y += _LINE
    y += _LINE
    for line in document.signature:
        parts.append(_text(width - _MARGIN, y, shown(line), text_anchor="end"))
        y += _LINE
    total_height = y - _LINE + _MARGIN
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_n(width)}" height="{_n(total_height)}" '
        f'viewBox="0 0 {_n(width)} {_n(total_height)}" font-family="{FONT_FAMILY}" font-size="{_SIZE}" '
        f'fill="#1a1a1a" role="img" aria-label={quoteattr(title)} xml:lang="zh-CN">\n'
        f"<title>{escape(title)}</title>\n"
        f'<rect width="100%" height="100%" fill="#ffffff"/>\n' + "\n".join(parts) + "\n</svg>\n"
    )

"""The notice as text for a terminal, a file or a pipe, laid out by hand at a given width.

The score table never breaks a name, a mine, a grade or a number: each cell
is one line, as wide as its widest entry. Item columns are headed by the
item's ``short`` title from the rule file, or else by the full title when
every one fits, or else by a label (``项1``) explained in a legend under the
table. A veto is a ``*`` after the grade, explained under the table too. When
the table is wider than the page, each inspector gets a card instead, with
the labels on the left and every number right-aligned in one column.

Prose (preamble, deductions, footer) is folded at the width between
characters of Chinese text and at spaces, never inside a run of digits or
Latin letters, and never before closing or after opening punctuation. Every
piece of text from the inputs is shown (:func:`.shown.shown`), never obeyed.
"""

from __future__ import annotations

import re

import attrs

from .document import Document, Part, Row, Section, pieces
from .measure import text_cells
from .shown import shown

__all__ = ["Line", "fold_text", "notice_lines", "render_ansi", "render_plain"]

_GAP = "  "  # between table columns
_RULE = "─"
_INDENT = "    "  # the deductions under an inspector's name
_VETO_MARK = "*"
# Never at the start of a line (closing punctuation) / never at the end (opening punctuation).
_CLOSING = set("，。、；：！？）」』》〉】”’%,.;:!?)]}…")
_OPENING = set("（「『《〈【“‘([{")
#: after a number, what the next number of a date follows (2021年3月9日)
_DATE_UNITS = ("年", "月")
# A run that must not be broken: Latin letters, digits and ASCII punctuation (a number, a ref,
# a fingerprint, a command), or one character of anything else.
_ATOM = re.compile(r"[!-~]+| +|.", re.DOTALL)


@attrs.frozen(slots=True)
class Line:
    """One output line: its text, and how a terminal may style it (``title``, ``veto``, ``name``,
    ``dim``, or nothing); ``spans`` styles parts of it as (start, end, style) in characters."""

    text: str
    style: str = ""
    spans: tuple[tuple[int, int, str], ...] = ()


# --- prose ----------------------------------------------------------------------------------------


def _atoms(text: str, whole: tuple[str, ...] = ()) -> list[str]:
    """Pieces that stay together on a line: punctuation beside its word, a number with what
    follows it (its unit: ``2分``, ``15次``), a date (``2021年3月9日``), and each of ``whole``
    (the refs a line cites: ``隐患台账#570``, ``仁应急〔2021〕15号``)."""
    atoms: list[str] = []
    glue = False  # the previous atom was opening punctuation, or a number before its unit
    date = False  # the previous atom ends with a year or a month: 2021年, 3月
    for part, kept in pieces(text, whole):
        for piece in (part,) if kept else _ATOM.findall(part):
            joins = glue or piece[0] in _CLOSING or (date and piece[0].isdigit())
            if atoms and not piece.isspace() and joins:
                atoms[-1] += piece
            else:
                atoms.append(piece)
            glue = piece[-1] in _OPENING or (piece[-1].isdigit() and len(piece) == len(piece.strip()))
            date = piece in _DATE_UNITS and atoms[-1][-2:-1].isdigit()
    return atoms


def _split_long(atom: str, width: int) -> list[str]:
    """A piece wider than a whole line (a fingerprint on a narrow screen), cut at the width."""
    parts, part = [], ""
    for char in atom:
        if part and text_cells(part + char) > width:
            parts.append(part)
            part = ""
        part += char
    return [*parts, part] if part else parts


def fold(atoms: list[str], width: int, *, first: str = "", rest: str = "") -> list[str]:
    """Lines of at most ``width`` cells from ``atoms``, each line starting with ``first`` (the
    first) or ``rest`` (the others); spaces at a break are dropped."""
    lines: list[str] = []
    line, used = first, text_cells(first)
    empty = True
    for atom in atoms:
        if atom.isspace() and empty:
            continue
        size = text_cells(atom)
        if used + size > width and not empty:
            lines.append(line.rstrip())
            line, used, empty = rest, text_cells(rest), True
            if atom.isspace():
                continue
        piece = atom
        if used + size > width:
            *whole, piece = _split_long(atom, max(width - used, 1))
            for part in whole:
                lines.append(line + part)
                line, used = rest, text_cells(rest)
            size = text_cells(piece)
        line += piece
        used += size
        empty = False
    if not empty:
        lines.append(line.rstrip())
    return lines


def fold_text(text: str, width: int, *, indent: str = "", whole: tuple[str, ...] = ()) -> list[str]:
    """``text`` shown (never obeyed) and folded into lines of at most ``width`` cells, each
    starting with ``indent``, ``whole`` (names, refs) never split."""
    return fold(_atoms(shown(text), tuple(map(shown, whole))), width, first=indent, rest=indent)


def _paragraph(
    text: str, width: int, *, indent: str = "", style: str = "", whole: tuple[str, ...] = ()
) -> list[Line]:
    return [Line(line, style) for line in fold_text(text, width, indent=indent, whole=whole)]


# --- the table ------------------------------------------------------------------------------------


#: how the table heads its item columns, tried in this order until the table fits: full
#: titles; short titles (项N where an item has none); 项N for every item
_HEADINGS = ("full", "short", "numbered")


def _headers(document: Document | Part, heading: str) -> tuple[list[tuple[str, str]], list[str]]:
    """Each column's two header lines (title, points), and the legend of items headed 项N, for
    one of :data:`_HEADINGS`."""
    headers: list[tuple[str, str]] = []
    legend: list[str] = []
    number = 0
    for column in document.columns:
        header = shown(column.header)
        if column.note and heading != "full":
            number += 1
            if column.short and heading == "short":
                header = shown(column.short)
            else:
                header = f"项{number}"
                legend.append(f"{header}：{shown(column.label)}")
        headers.append((header, shown(column.note)))
    return headers, legend


def _cells(row: Row) -> list[str]:
    cells = [shown(cell) for cell in row.cells]
    if row.mark:
        cells[-1] += _VETO_MARK
    return cells


def _pad(text: str, width: int, *, right: bool) -> str:
    space = " " * (width - text_cells(text))
    return space + text if right else text + space


def _table(document: Document | Part, width: int) -> list[Line] | None:
    """The table, or ``None`` when it is wider than ``width`` even with short item headers."""
    rows = [_cells(row) for row in document.rows]
    numeric = [column.numeric for column in document.columns]
    # (without short titles, the short headings are already 项N throughout)
    headings = _HEADINGS if any(column.short for column in document.columns) else _HEADINGS[:2]
    for heading in headings:
        headers, legend = _headers(document, heading)
        sizes = [
            max(text_cells(text) for text in [*header, *(row[n] for row in rows)])
            for n, header in enumerate(headers)
        ]
        total = sum(sizes) + len(_GAP) * (len(sizes) - 1)
        if total <= width:
            break
    else:
        return None

    def line(cells: list[str]) -> str:
        padded = (
            _pad(cell, size, right=is_number)
            for cell, size, is_number in zip(cells, sizes, numeric, strict=True)
        )
        return _GAP.join(padded).rstrip()

    out = [Line(_RULE * total)]
    if any(note for _, note in headers):
        out.append(Line(line([title for title, _ in headers]), "header"))
        out.append(Line(line([note for _, note in headers]), "header"))
    else:
        out.append(Line(line([title for title, _ in headers]), "header"))
    out.append(Line(_RULE * total))
    for row, cells in zip(document.rows, rows, strict=True):
        text = line(cells)
        # The grade is the last cell: style it by its characters, at the end of the line.
        spans = ((len(text) - len(cells[-1]), len(text), "veto"),) if row.flagged else ()
        out.append(Line(text, spans=spans))
    out.append(Line(_RULE * total))
    notes = list(legend)
    if any(row.mark for row in document.rows):
        marks = sorted({shown(row.mark) for row in document.rows if row.mark})
        notes.append(f"等次后的“{_VETO_MARK}”：{'、'.join(marks)}")
    if notes:
        out += _legend(notes, width)
    return out


def _legend(entries: list[str], width: int) -> list[Line]:
    """Legend entries, as many to a line as fit, each whole where it can be."""
    atoms: list[str] = []
    for entry in entries:
        if atoms:
            atoms.append("  ")
        atoms.append(entry)
    return [Line(text, "dim") for text in fold(atoms, width)]


# --- cards ----------------------------------------------------------------------------------------


def _cards(document: Document | Part, width: int) -> list[Line]:
    """One card per inspector: its label, then each column as label and value; numbers
    right-aligned in one column, words (the grade) starting where that column starts."""
    labels = [shown(column.label) for column in document.columns]
    in_card = [n for n, column in enumerate(document.columns) if column.in_card]
    numeric = [column.numeric for column in document.columns]
    values = [[shown(cell) for cell in row.cells] for row in document.rows]
    for row, cells in zip(document.rows, values, strict=True):
        if row.mark:
            cells[-1] += f"（{shown(row.mark)}）"
    label_size = max(text_cells(labels[n]) for n in in_card)
    number_size = max((text_cells(cells[n]) for cells in values for n in in_card if numeric[n]), default=0)
    indent = "  "
    out: list[Line] = []
    for row, cells in zip(document.rows, values, strict=True):
        out += _paragraph(row.label, width, style="name", whole=row.whole)
        for n in in_card:
            value = _pad(cells[n], number_size, right=True) if numeric[n] else cells[n]
            style = "veto" if row.flagged and n == len(cells) - 1 else ""
            if len(indent) + label_size + len(_GAP) + text_cells(value) <= width:
                text = indent + _pad(labels[n], label_size, right=False) + _GAP + value
                out.append(Line(text.rstrip(), style))
                continue
            # Narrower than label and value: the label, folded, then the value right-aligned under it.
            out += [Line(text) for text in fold(_atoms(labels[n]), width, first=indent, rest=indent)]
            for piece in fold(_atoms(value.strip()), width - len(indent)):
                out.append(Line(_pad(piece, width, right=True), style))
        out.append(Line(""))
    return out[:-1]


# --- the whole notice -----------------------------------------------------------------------------


def notice_lines(document: Document, /, *, width: int) -> list[Line]:
    """The whole notice as lines of at most ``width`` cells: title, preamble, table (or cards),
    deductions, footer and signature."""
    table = _table(document, width)
    body = table if table is not None else _cards(document, width)
    page = min(width, max((text_cells(line.text) for line in body), default=width))
    page = max(page, min(width, max(text_cells(shown(document.title)), 60)))
    out: list[Line] = []
    for text in fold(_atoms(shown(document.title)), width):
        out.append(Line(" " * max((page - text_cells(text)) // 2, 0) + text, "title"))
    out.append(Line(""))
    terms = document.terms
    for paragraph in document.preamble:
        out += _paragraph(paragraph, width, whole=terms)
    for part in document.parts:  # a corrected notice's 复核结果, before the table
        out += [Line(""), *_paragraph(part.title, width, style="title")]
        for paragraph in part.lines:
            out += _paragraph(paragraph, width, whole=terms)
        if part.rows:  # (no table when nothing changed: the line above says so)
            out += _table(part, width) or _cards(part, width)
        if part.sections:
            out += _paragraph(part.sections_title, width, style="name")
            out += _sections(part.sections, width, terms)
    out.append(Line(""))
    out += body
    out.append(Line(""))
    out += _sections(document.sections, width, terms)
    out.append(Line(""))
    for text in document.footer:
        out += _paragraph(text, width, style="dim", whole=terms)
    out.append(Line(""))
    for text in document.signature:
        for piece in fold(_atoms(shown(text)), width):
            out.append(Line(_pad(piece, max(page, text_cells(piece)), right=True)))
    return out


def _sections(sections: tuple[Section, ...], width: int, terms: tuple[str, ...]) -> list[Line]:
    """Each inspector's explanation lines under a heading, ``terms`` and the refs kept whole."""
    out: list[Line] = []
    for section in sections:
        out += _paragraph(section.heading, width, style="name", whole=(section.name, section.mine))
        for text in section.lines:
            style = "veto" if text.startswith("【一票否决】") else ""
            out += _paragraph(text, width, indent=_INDENT, style=style, whole=terms + section.whole)
    return out


def render_plain(document: Document, /, *, width: int) -> str:
    """The notice as plain text at most ``width`` cells wide (for files, pipes and tests)."""
    return "".join(line.text + "\n" for line in notice_lines(document, width=width))


_SGR = {"title": "1", "header": "1", "name": "1", "veto": "1;31", "dim": "2"}


def render_ansi(document: Document, /, *, width: int) -> str:
    """The notice for a terminal: as :func:`render_plain`, with bold titles and names, vetoes in
    red and the footer dim (SGR escapes, which only this program writes)."""
    out = []
    for line in notice_lines(document, width=width):
        text = line.text
        for start, end, style in reversed(line.spans):
            text = f"{text[:start]}\x1b[{_SGR[style]}m{text[start:end]}\x1b[0m{text[end:]}"
        if line.style in _SGR and text:
            text = f"\x1b[{_SGR[line.style]}m{text}\x1b[0m"
        out.append(text + "\n")
    return "".join(out)

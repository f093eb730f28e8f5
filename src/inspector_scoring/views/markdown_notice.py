"""A notice as Markdown, for documents and web pages that take Markdown.

Every piece of text is shown (:func:`.shown.shown`: control characters as
escapes, so a CR cannot split a row), then escaped so that Markdown reads it as
text: a ``|`` cannot end a cell, ``[x](url)`` and ``![x](url)`` are neither a
link nor an image, nor are a bare ``http://…`` or ``www.…``;
a leading ``#``, ``>``, ``-``, ``+`` or ``1.`` is neither a heading, a quote nor
a list, and HTML is shown as typed.
"""

from __future__ import annotations

import re

from .document import Column, Document, Row, Section
from .shown import shown

__all__ = ["render_markdown"]

# Every ASCII punctuation character CommonMark lets a backslash escape that can start markup.
_SPECIAL = str.maketrans(
    {
        "\\": "\\\\",
        "|": r"\|",
        "*": r"\*",
        "_": r"\_",
        "`": r"\`",
        "[": r"\[",
        "]": r"\]",
        "!": r"\!",
        "~": r"\~",
        "<": "&lt;",
        ">": "&gt;",
        "&": "&amp;",
    }
)
# What GitHub-flavoured Markdown makes a link without brackets: www. and scheme://, wherever
# they stand (after a Chinese character or a digit too), broken by an escape, which shows as the
# character itself. (An e-mail address it links even so, as a mailto: link, harmless.)
_BARE_LINK = re.compile(r"(?i)(www)\.|([a-z][a-z0-9+.-]*):(?=//)")


def _unlink(match: re.Match[str]) -> str:
    return f"{match.group(1)}\\." if match.group(1) else f"{match.group(2)}\\:"


# What would start a block at the start of a line: a heading (#), a list (- + 1. 1)), a setext
# underline (= or -, which --- also is: a thematic break), or an indented code block (spaces).
_BLOCK_START = re.compile(r"^( *)(?:([=#-]|\+(?= |$))|(\d{1,9})([.)])(?= |$))?")


def _unblock(match: re.Match[str]) -> str:
    spaces = "&#32;" * len(match.group(1))
    if match.group(2):
        return spaces + "\\" + match.group(2)
    if match.group(3):
        return spaces + match.group(3) + "\\" + match.group(4)
    return spaces


def _text(text: str) -> str:
    """Text shown and escaped, so that Markdown reads it as text wherever it stands."""
    escaped = _BARE_LINK.sub(_unlink, shown(text).translate(_SPECIAL))
    return _BLOCK_START.sub(_unblock, escaped, count=1)


def _table(columns: tuple[Column, ...], rows: tuple[Row, ...]) -> list[str]:
    lines = ["| " + " | ".join(_text(column.label) for column in columns) + " |"]
    lines.append("|" + "|".join("---:" if column.numeric else "---" for column in columns) + "|")
    for row in rows:
        cells = [_text(cell) for cell in row.cells]
        if row.mark:
            cells[-1] += f"（{_text(row.mark)}）"
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _sections(sections: tuple[Section, ...]) -> list[str]:
    lines = []
    for section in sections:
        mine = f"（{_text(section.mine)}）" if section.mine else ""
        lines.append(f"{section.number}. **{_text(section.name)}**{mine}")
        lines.extend(f"    - {_text(line)}" for line in section.lines)
    return lines


def render_markdown(document: Document, /) -> str:
    """Title, preamble, a corrected notice's 复核结果, the table, the explanation sections, the
    footer and the signature."""
    lines = [f"# {_text(document.title)}", ""]
    for paragraph in document.preamble:
        lines += [_text(paragraph), ""]
    for part in document.parts:  # a corrected notice's 复核结果, before the table
        lines += [f"## {_text(part.title)}", ""]
        for paragraph in part.lines:
            lines += [_text(paragraph), ""]
        if part.rows:  # (no table when nothing changed: the line above says so)
            lines += [*_table(part.columns, part.rows), ""]
        if part.sections:
            lines += [f"### {_text(part.sections_title)}", "", *_sections(part.sections), ""]
    if document.parts:
        lines += ["## 考核结果", ""]
    lines += _table(document.columns, document.rows)
    lines += ["", f"## {_text(document.sections_title)}", ""]
    lines += _sections(document.sections)
    lines.append("")
    lines.extend(f"{_text(line)}  " for line in document.footer)
    lines.append("")
    lines.extend(f"{_text(line)}  " for line in document.signature)
    return "\n".join(lines).rstrip() + "\n"

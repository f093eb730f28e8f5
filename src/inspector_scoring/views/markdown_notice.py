"""A notice as Markdown, for documents and web pages that take Markdown."""

from __future__ import annotations

from .document import Column, Document, Row

__all__ = ["render_markdown"]

_SPECIAL = str.maketrans({"|": r"\|", "*": r"\*", "_": r"\_", "<": "&lt;", ">": "&gt;", "`": r"\`"})


def _cell(text: str) -> str:
    # A table cell is one line; escape what Markdown would read as markup.
    return text.translate(_SPECIAL).replace("\n", " ")


def _table(columns: tuple[Column, ...], rows: tuple[Row, ...]) -> list[str]:
    lines = ["| " + " | ".join(_cell(column.label) for column in columns) + " |"]
    lines.append("|" + "|".join("---:" if column.numeric else "---" for column in columns) + "|")
    lines.extend("| " + " | ".join(_cell(cell) for cell in row.cells) + " |" for row in rows)
    return lines


def render_markdown(document: Document, /) -> str:
    """Title, preamble, the table, the explanation sections, the footer and the signature."""
    lines = [f"# {_cell(document.title)}", ""]
    for paragraph in document.preamble:
        lines += [_cell(paragraph), ""]
    for part in document.parts:  # a corrected notice's 复核结果, before the table
        lines += [f"## {_cell(part.title)}", ""]
        for paragraph in part.lines:
            lines += [_cell(paragraph), ""]
        lines += [*_table(part.columns, part.rows), ""]
        if part.sections:
            lines += [f"### {_cell(part.sections_title)}", ""]
            for section in part.sections:
                lines.append(f"{section.number}. **{_cell(section.name)}**（{_cell(section.mine)}）")
                lines.extend(f"    - {_cell(line)}" for line in section.lines)
            lines.append("")
    if document.parts:
        lines += ["## 考核结果", ""]
    lines += _table(document.columns, document.rows)
    lines += ["", f"## {_cell(document.sections_title)}", ""]
    for section in document.sections:
        lines.append(f"{section.number}. **{_cell(section.name)}**（{_cell(section.mine)}）")
        lines.extend(f"    - {_cell(line)}" for line in section.lines)
    lines.append("")
    lines.extend(f"{_cell(line)}  " for line in document.footer)
    lines.append("")
    lines.extend(f"{_cell(line)}  " for line in document.signature)
    return "\n".join(lines).rstrip() + "\n"

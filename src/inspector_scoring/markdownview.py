"""The notice as Markdown, for documents and web pages that take Markdown."""

from __future__ import annotations

from .notice import Notice

__all__ = ["render_markdown"]

_SPECIAL = str.maketrans({"|": r"\|", "*": r"\*", "_": r"\_", "<": "&lt;", ">": "&gt;", "`": r"\`"})


def _cell(text: str) -> str:
    # A table cell is one line; escape what Markdown would read as markup.
    return text.translate(_SPECIAL).replace("\n", " ")


def render_markdown(notice: Notice, /) -> str:
    """Title, preamble, panel, the score table, each inspector's deductions, the footer."""
    lines = [f"# {_cell(notice.title)}", "", _cell(notice.preamble), ""]
    if notice.panel:
        lines += ["考核小组：" + "；".join(_cell(member) for member in notice.panel), ""]
    headers = [
        *notice.columns[:3],
        *(
            f"{title}（{points}分）"
            for title, points in zip(notice.item_columns, notice.item_points, strict=True)
        ),
        *notice.columns[-3:],
    ]
    lines.append("| " + " | ".join(_cell(header) for header in headers) + " |")
    lines.append(
        "|"
        + "|".join("---:" if n == 0 or 3 <= n < len(headers) - 1 else "---" for n in range(len(headers)))
        + "|"
    )
    for entry in notice.entries:
        lines.append("| " + " | ".join(_cell(cell) for cell in notice.row(entry)) + " |")
    lines += ["", "## 扣分、加分说明", ""]
    for entry in notice.entries:
        lines.append(f"{entry.number}. **{_cell(entry.name)}**（{_cell(entry.mine)}）")
        lines.extend(f"    - {_cell(line)}" for line in entry.lines)
    lines.append("")
    lines.extend(f"{_cell(line)}  " for line in notice.footer)
    lines.append("")
    lines.extend(f"{_cell(line)}  " for line in notice.signature)
    return "\n".join(lines).rstrip() + "\n"

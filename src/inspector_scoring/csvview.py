"""The notice as CSV: one row per inspector, UTF-8 with a BOM so spreadsheets read Chinese."""

from __future__ import annotations

import csv
import io

from .notice import Notice

__all__ = ["render_csv"]

BOM = "\ufeff"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _text(value: str) -> str:
    # A spreadsheet would run a cell starting with "=" as a formula; show it as text.
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def render_csv(notice: Notice, /) -> str:
    """序号, 姓名, 所驻煤矿, one column per item, 加分, 总分, 等次, 一票否决, 扣分说明."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(
        [
            "序号",
            "姓名",
            "所驻煤矿",
            *(
                f"{title}（{points}分）"
                for title, points in zip(notice.item_columns, notice.item_points, strict=True)
            ),
            "加分",
            "总分",
            "等次",
            "一票否决",
            "扣分说明",
        ]
    )
    for entry in notice.entries:
        writer.writerow(
            [
                entry.number,
                _text(entry.name),
                _text(entry.mine),
                *entry.scores,
                entry.bonus,
                entry.total,
                entry.grade,
                _text("；".join(entry.vetoes)),
                _text("\n".join(entry.lines)),
            ]
        )
    return BOM + buffer.getvalue()

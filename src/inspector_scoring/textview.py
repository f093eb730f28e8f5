"""A plain-text view of the result, for the terminal: a summary table and each deduction."""

from __future__ import annotations

import unicodedata

from .decimals import format_number as num
from .results import Assessment

__all__ = ["render_text"]


def _width(text: str) -> int:
    # CJK characters take two terminal cells.
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def render_text(assessment: Assessment, /) -> str:
    """The result as plain text: title, one row per inspector, then the deductions."""
    rules = assessment.ruleset
    info = assessment.evidence.assessment
    title = rules.notice.title.format(township=info.township, period=info.period.chinese)
    lines = [title, f"考核细则：{rules.title}（{rules.version}）", ""]
    header = [
        "序号",
        "姓名",
        "所驻煤矿",
        *(item.title for item in rules.items),
        "加分",
        "总分",
        "等次",
    ]
    rows = []
    for n, result in enumerate(assessment.results, start=1):
        grade = result.grade + ("（一票否决）" if result.grade != result.grade_by_total else "")
        rows.append(
            [
                str(n),
                result.inspector.name,
                result.inspector.mine or "",
                *(num(item.score) for item in result.items),
                num(result.bonus.applied),
                f"{result.total:f}",
                grade,
            ]
        )
    widths = [max(_width(row[c]) for row in [header, *rows]) for c in range(len(header))]
    for row in [header, *rows]:
        lines.append("  ".join(_pad(cell, widths[c]) for c, cell in enumerate(row)).rstrip())
    lines.append("")
    for result in assessment.results:
        lines.append(f"{result.inspector.name}（{result.inspector.mine or ''}）：")
        entries = []
        for item in result.items:
            for hit in item.hits:
                entries.append(f"  【{item.title}】{hit.text}：{hit.explanation}")
            if item.exhausted:
                entries.append(f"  【{item.title}】本项{num(item.points)}分扣完为止")
        for hit in result.bonus.hits:
            entries.append(f"  【加分】{hit.text}：{hit.explanation}")
        if result.bonus.raw > result.bonus.applied:
            entries.append(f"  【加分】加分以{num(result.bonus.cap)}分为限")
        for veto in result.vetoes:
            entries.append(f"  【一票否决】{veto.text}")
        lines.extend(entries or ["  无扣分"])
    lines.append("")
    lines.append(f"总分保留{rules.precision}位小数，四舍五入。")
    lines.append(f"规则文件 sha256：{rules.sha256}")
    lines.append(f"证据文件 sha256：{assessment.evidence.sha256}")
    lines.append(f"计分程序：{assessment.engine}")
    return "\n".join(lines) + "\n"

"""A notice as a web page: semantic, self-contained, readable on a phone, printable on A4.

Laid out by the Jinja2 template ``templates/notice.html.j2`` (with its style
sheet ``notice.css`` inlined): a real ``<table>`` with column and row headers,
one card per inspector on a narrow screen, and for printing A4 landscape with
the header row repeated on every page, no row split, and the 落款 with room
for the seal at the foot. Every value is shown (:func:`.shown.shown`), then
HTML-escaped by Jinja2: what the evidence says is data, never markup.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from .document import Column, Document
from .shown import shown

if TYPE_CHECKING:
    import jinja2

__all__ = ["render_html"]


def _finalize(value: Any) -> Any:
    # Every {{ value }} passes here before autoescaping: text is shown, never obeyed.
    return shown(value) if isinstance(value, str) else value


@cache
def _environment() -> jinja2.Environment:
    import jinja2  # noqa: PLC0415 - only for an HTML notice

    return jinja2.Environment(
        loader=jinja2.PackageLoader("inspector_scoring.views", "templates"),
        autoescape=True,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def _name_column(columns: tuple[Column, ...]) -> int:
    """The column that names a row (the row header, and a card's title on a phone)."""
    return next(n for n, column in enumerate(columns) if not column.numeric)


def render_html(document: Document, /, *, engine: str) -> str:
    """The notice as a standalone HTML page (``engine`` names the program in its metadata)."""
    name_column = _name_column(document.columns)
    return (
        _environment()
        .get_template("notice.html.j2")
        .render(
            title=document.title,
            preamble=document.preamble,
            columns=document.columns,
            rows=document.rows,
            name_column=name_column,
            parts=document.parts,
            part_name_columns=[_name_column(part.columns) for part in document.parts],
            sections_title=document.sections_title,
            sections=document.sections,
            footer=document.footer,
            signature=document.signature,
            engine=engine,
        )
    )

"""The HTML notice in a real browser: printed to PDF by headless Chromium and read back with
``pdftotext``, and laid out at a phone's 390 px without horizontal overflow; the SVG drawing
the same way, through Chromium and through librsvg (``rsvg-convert``).

These tests need Debian's ``chromium``, a CJK font (``fonts-noto-cjk``), ``pdftotext``
(``poppler-utils``) and, for librsvg, ``librsvg2-bin``; CI installs them (``.ci/run``). Where
one is missing, each test is skipped and says which.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

import inspector_scoring as isc
from builders import example_year
from conftest import EXAMPLES
from inspector_scoring.views.document import Document
from inspector_scoring.views.html_notice import render_html
from inspector_scoring.views.notice import build_notice
from inspector_scoring.views.svg_notice import render_svg

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PDFTOTEXT = shutil.which("pdftotext")
RSVG = shutil.which("rsvg-convert")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--hide-scrollbars",
)

pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)"),
    pytest.mark.skipif(
        PDFTOTEXT is None, reason="pdftotext is not installed (apt-get install poppler-utils)"
    ),
]


def _chromium(tmp_path: Path, *args: str) -> str:
    assert CHROMIUM is not None
    profile = tmp_path / "profile"
    done = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _month(example: str) -> Document:
    rules = isc.default_rules()
    data = isc.load_evidence(EXAMPLES / f"{example}.json", rules=rules)
    return build_notice(isc.score_evidence(rules, data), publish_on=date(2021, 4, 6)).document()


def _year() -> Document:
    rules = isc.default_rules()
    months = [
        isc.score_evidence(rules, isc.load_evidence(data, rules=rules)) for data in example_year(vetoed=6)
    ]
    return isc.build_annual_notice(isc.assess_year(months), publish_on=date(2022, 1, 5))


def _taiping_with(*changes: tuple[int, str, str]) -> Document:
    """太平乡's month, each change (inspector, key, text) made, as a notice of 2021-04-06."""
    rules = isc.default_rules()
    data = json.loads((EXAMPLES / "taiping-2021-03.json").read_text(encoding="utf-8"))
    for n, key, text in changes:
        data["inspectors"][n][key] = text
    evidence = isc.load_evidence(data, rules=rules)
    return build_notice(isc.score_evidence(rules, evidence), publish_on=date(2021, 4, 6)).document()


def _long_names() -> Document:
    """太平乡's month with the longest texts a page meets: a mine of 26 characters, a name of
    14 with a middle dot, and one of 36 that has no place to break (a formula someone typed)."""
    return _taiping_with(
        (0, "mine", "攀枝花市仁和区大田镇新华村第二煤矿有限责任公司三号井"),
        (1, "name", "阿卜杜热合曼·买买提依明·艾则孜江"),
        (1, "mine", "攀枝花市仁和区大田镇新华村第二煤矿有限责任公司三号井"),
        (2, "name", '=HYPERLINK("http://evil.example","点我")'),
    )


DOCUMENTS = {
    "taiping-2021-03": lambda: _month("taiping-2021-03"),
    "wuben-2021-03": lambda: _month("wuben-2021-03"),
    "long-names": _long_names,
}
DOCUMENTS["wuben-2021"] = _year


def _pdf_text(pdf: Path, *, raw: bool = False) -> str:
    """The PDF's text as laid out on the page, or (``raw``) in the order it was drawn: a table
    cell's lines one after another, however its text folded."""
    assert PDFTOTEXT is not None
    done = subprocess.run(
        [PDFTOTEXT, "-raw" if raw else "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return done.stdout


def _printed(document: Document, tmp_path: Path) -> Path:
    page = tmp_path / "notice.html"
    page.write_text(render_html(document, engine="test"), encoding="utf-8")
    pdf = tmp_path / "notice.pdf"
    _chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    return pdf


def _assert_rows_period_and_signature(document: Document, pdf: Path) -> None:
    """Every inspector's row is on the pages whole, with all its numbers and its grade, rows in
    order (read in drawing order, spaces and line ends taken out: a name or a mine longer than
    its column folds); the notice period and the 落款 (issuer, date) are there too, the 落款 last.
    A row that does not fold is on one line of the page."""
    text = _pdf_text(pdf)
    lines = text.splitlines()
    drawn = re.sub(r"\s+", "", _pdf_text(pdf, raw=True))
    at = 0
    for row in document.rows:
        expected = [cell for cell in row.cells if cell]
        if row.mark:  # the grade, and the veto beside it: 不合格（一票否决）
            expected[-1] += f"（{row.mark}）"
        whole = re.sub(r"\s+", "", "".join(expected))
        found = drawn.find(whole, at)
        assert found >= 0, f"no whole row for {row.cells[1]}: {whole}"
        at = found + len(whole)
        number, person = row.cells[0], row.cells[1]
        line = next(
            (line for line in lines if re.search(rf"(^|\s){number}\s+{re.escape(person)}\s", line)), None
        )
        if line is not None and line.split()[:3] == expected[:3]:  # (the name and the mine whole)
            assert line.split()[: len(expected)] == expected
    period = next(line for line in document.footer if line.startswith("公示期："))
    assert period.removesuffix("。") in text.replace(" ", "")
    issuer, day = document.signature
    tail = [line.strip() for line in lines if line.strip()][-4:]
    assert issuer in tail
    assert day in tail


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_printed_notice_has_every_name_score_total_grade_period_and_signature(
    name: str, tmp_path: Path
) -> None:
    """Printed, the page holds every row whole, the notice period and the 落款."""
    document = DOCUMENTS[name]()
    _assert_rows_period_and_signature(document, _printed(document, tmp_path))


def test_printed_names_and_mines_of_usual_length_stay_on_one_line(tmp_path: Path) -> None:
    """A name of five characters (司马相如五) and a mine of nine (石门坎煤矿有限公司) once folded
    on paper although the item columns had room; names up to 8 characters and mines up to 12
    now keep to one line: each row's number, name and mine are the first three words of one
    line of the page."""
    document = _taiping_with(
        (0, "name", "司马相如五"),
        (1, "mine", "石门坎煤矿有限公司"),
        (2, "name", "欧阳娜仁托娅"),
        (2, "mine", "攀枝花市大田镇新华煤矿"),
    )
    lines = [line.split() for line in _pdf_text(_printed(document, tmp_path)).splitlines()]
    for row in document.rows:
        assert list(row.cells[:3]) in [words[:3] for words in lines], row.cells[1]


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_the_drawing_drawn_by_chromium_holds_every_row_and_the_signature(name: str, tmp_path: Path) -> None:
    """The SVG as Chromium draws it, set in a page and printed (an SVG file printed alone is cut
    at the paper's edge, as any picture wider than the page): each row whole and in order, the
    notice period and the 落款."""
    document = DOCUMENTS[name]()
    page = tmp_path / "drawing.html"
    page.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><style>@page{size:A4 landscape;margin:8mm}"
        "svg{width:100%;height:auto}</style></head><body style='margin:0'>"
        + render_svg(document).split("?>", 1)[1]
        + "</body></html>",
        encoding="utf-8",
    )
    pdf = tmp_path / "drawing.pdf"
    _chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    _assert_rows_period_and_signature(document, pdf)


@pytest.mark.skipif(RSVG is None, reason="rsvg-convert is not installed (apt-get install librsvg2-bin)")
@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_the_drawing_drawn_by_librsvg_holds_every_row_and_the_signature(name: str, tmp_path: Path) -> None:
    """The SVG file as librsvg draws it (the renderer of GNOME, ImageMagick and many servers),
    turned into a PDF whole: each row whole and in order, the notice period and the 落款."""
    assert RSVG is not None
    document = DOCUMENTS[name]()
    drawing = tmp_path / "notice.svg"
    drawing.write_text(render_svg(document), encoding="utf-8")
    pdf = tmp_path / "notice.pdf"
    subprocess.run([RSVG, "-f", "pdf", "-o", str(pdf), str(drawing)], check=True, timeout=60)
    _assert_rows_period_and_signature(document, pdf)


def _overflow(document: Document, tmp_path: Path, width: int) -> tuple[int, int]:
    """The page's scroll width and viewport width when shown ``width`` px wide: measured inside
    an iframe of that width (a headless window is never narrower than 500 px)."""
    page = render_html(document, engine="test")
    probe = tmp_path / "probe.html"
    probe.write_text(
        "<!DOCTYPE html><html><body style='margin:0'>"
        f"<iframe id='f' style='width:{width}px;height:2000px;border:0' srcdoc=\"{html.escape(page)}\" "
        'onload="var d=this.contentDocument.documentElement;'
        "document.body.setAttribute('data-widths', d.scrollWidth + ' ' + d.clientWidth)\"></iframe>"
        "</body></html>",
        encoding="utf-8",
    )
    dom = _chromium(tmp_path, "--dump-dom", "--window-size=800,2000", probe.as_uri())
    found = re.search(r'data-widths="(\d+) (\d+)"', dom)
    assert found, dom[-500:]
    return int(found.group(1)), int(found.group(2))


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_a_phone_sees_no_horizontal_overflow(name: str, tmp_path: Path) -> None:
    """At 390 px the page is exactly as wide as the screen: cards, no sideways scrolling."""
    scroll, client = _overflow(DOCUMENTS[name](), tmp_path, 390)
    assert client == 390
    assert scroll <= client

"""A township's workbook (.xlsx, .xls, .ods) as an evidence file (docs/workbook.md).

The workbook is read with python-calamine (imported here only, so that JSON
scoring never loads it) into its sheets of cells; :meth:`Workbook.evidence`
then turns them, with the rule file that names the sheets of its event kinds,
into the JSON tree of an evidence file, which the one :class:`~.check.Check`
walks like any other. Every problem of the cells is reported at once as
``SHEET!CELL``; a problem the check finds later at a key path
(``inspectors[2].events[5].until``) is reported at the cell it came from.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import posixpath
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any

import attrs

from .. import messages as M
from .._readers import full_width, join, one_edit, suggest
from ..errors import Collector, InvalidInputError, Problem
from ..i18n import REGISTRY, Listing, Text, quote
from ..layout import (
    ASSESSMENT,
    ASSESSMENT_HEADER,
    ASSESSMENT_REQUIRED,
    ASSESSMENT_ROWS,
    COUNTS,
    EVENT_COLUMNS,
    HELP,
    LEAVE,
    LEAVE_COLUMNS,
    PANEL,
    PANEL_COLUMNS,
    PEOPLE,
    PEOPLE_COLUMNS,
    WHO_COLUMNS,
)
from ..periods import Period, parse_period
from ..rules.model import Kind, Ruleset
from .cells import (
    FormulaError,
    blank,
    cell_name,
    read_code,
    read_date,
    read_moment,
    read_number,
    read_text,
    shown_cell,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    import zipfile

    from .positioning import Export

__all__ = ["LeftOut", "Sheet", "Workbook", "is_workbook", "no_period", "read_workbook", "workbook_period"]

#: the first bytes of a workbook: a zip (.xlsx, .ods) or an OLE2 compound file (.xls)
_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
#: separators of several card numbers in one cell
_CARD_SEPARATORS = ("、", ",", "，", ";", "；")
_CHINESE_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def is_workbook(data: bytes) -> bool:
    """Whether ``data`` is a spreadsheet file rather than JSON text (by its first bytes)."""
    return data.startswith(_MAGIC)


@attrs.frozen(slots=True)
class Sheet:
    """One sheet's cells, row by row, from the top-left cell A1."""

    name: str
    rows: tuple[tuple[object, ...], ...]
    #: the first row's place in its file (an export's header may follow title rows)
    offset: int = 0

    def cell(self, row: int, column: int) -> object:
        """The value at (row, column), counted from 0; ``""`` outside the cells given."""
        cells = self.rows[row] if row < len(self.rows) else ()
        return cells[column] if column < len(cells) else ""

    def where(self, row: int, column: int) -> str:
        """``SHEET!CELL`` of (row, column)."""
        return cell_name(self.name, row + self.offset, column)


def _empty(sheet: Sheet) -> bool:
    """Whether a sheet has no cell with anything in it."""
    return all(blank(value) for row in sheet.rows for value in row)


@attrs.frozen(slots=True)
class LeftOut:
    """Rows of an event sheet left out because their card is no inspector's (others' records)."""

    sheet: str
    rows: int
    cards: int


@attrs.frozen(slots=True, eq=False)
class Workbook:
    """A workbook's sheets, its name for messages and the sha256 of its bytes."""

    name: str
    sha256: str
    sheets: tuple[Sheet, ...]

    def sheet(self, name: str) -> Sheet | None:
        """The sheet called ``name``, if there is one."""
        return next((sheet for sheet in self.sheets if sheet.name == name), None)

    def period(self) -> Period | None:
        """The period 考核信息 names, when it can be read (to pick a rule file from a folder)."""
        found = self.period_cell()
        text = _period_text(found[1]) if found is not None else None
        return parse_period(text) if text is not None else None

    def period_cell(self) -> tuple[str, object] | None:
        """``SHEET!CELL`` of the period 考核信息 gives, and its value; ``None`` without one."""
        sheet = self.sheet(ASSESSMENT)
        for n, row in enumerate(sheet.rows if sheet is not None else ()):
            if n and row and isinstance(row[0], str) and row[0].strip() == "考核期" and len(row) > 1:
                assert sheet is not None
                return sheet.where(n, 1), row[1]
        return None

    def evidence(self, rules: Ruleset, exports: Sequence[Export] = ()) -> Evidence:
        """The evidence file's JSON tree, with where each part came from; raises
        :class:`~inspector_scoring.InvalidInputError` with every problem of the cells.
        ``exports`` are positioning exports read as they are, added to their kind's records."""
        named: dict[str, str] = {}
        for export in exports:
            other = named.setdefault(export.name, export.path)
            if other != export.path:  # (refs and cells are told apart by the file's name)
                raise InvalidInputError(
                    [Problem.of(export.path, "", M.EXPORT_SAME_NAME(other=other, name=export.name))]
                )
        reader = _Reader(self, rules, exports)
        tree = reader.read()
        read = Evidence(tree, reader.cells, tuple(reader.left_out), tuple(exports))
        return attrs.evolve(read, problems=tuple(map(read.in_export, reader.problems.problems)))


#: what the checks of a tree say of a value a cell's problem left out of it
_LEFT_OUT = frozenset(message.code for message in (M.MISSING_EVIDENCE, M.KEY_MISSING, M.AT_LEAST_ONE))

#: the placeholders that name another place of the evidence file (a key, a key path), by the
#: code of their message (elsewhere ``other`` and ``first`` name a township or a person)
_PLACES = {
    "value.not_before": "other",
    "evidence.leave_overlaps": "other",
    "evidence.until_before_at": "other",
    "evidence.until_too_late": "other",
    "evidence.same_record": "other",
    "evidence.duplicate_inspector": "first",
}


@attrs.frozen(slots=True, eq=False)
class Evidence:
    """A workbook read as evidence: the JSON tree, the cell of each key path, what was left out."""

    tree: dict[str, Any]
    #: key path (``inspectors[0].events[3].at``) → cell (``下井记录!D5``)
    cells: Mapping[str, str]
    left_out: tuple[LeftOut, ...]
    #: positioning exports read with the workbook: a problem at one of their cells is theirs
    exports: tuple[Export, ...] = ()
    #: what could not be read, at its cell: the tree leaves it out, and is checked all the same
    #: for every other problem (:meth:`report`)
    problems: tuple[Problem, ...] = ()

    def report(self, found: list[Problem]) -> list[Problem]:
        """The problems of the workbook: those of its cells, then ``found`` (by the checks of its
        tree, at their cells already) but for what follows from a cell left out: evidence or a
        key said missing, a place already named."""
        if not self.problems:
            return found
        places = {problem.path for problem in self.problems}
        kept = [problem for problem in found if problem.code not in _LEFT_OUT and problem.path not in places]
        return [*self.problems, *kept]

    def locate(self, problem: Problem) -> Problem:
        """A problem found at a key path of the tree, moved to the cell it came from; a place
        the message names (``must not be before from``, ``overlaps leave[0]``, ``first at
        inspectors[0].id``) is named by its cell too, as the clerk sees it (请假!B2)."""
        cell = self.cell_of(problem.path)
        params = tuple(
            (
                name,
                self._cell_named(problem.path, value)
                if _PLACES.get(problem.code) == name and isinstance(value, str)
                else value,
            )
            for name, value in problem.params
        )
        message = REGISTRY.get(problem.code)
        if params == problem.params or message is None:
            return self.in_export(attrs.evolve(problem, path=cell))
        return self.in_export(Problem.of(problem.file, cell, Text(message, params)))

    def in_export(self, problem: Problem) -> Problem:
        """``problem``, under the export file whose cell it is at, if it is at one."""
        for export in self.exports:
            problem = export.locate(problem)
        return problem

    def _cell_named(self, path: str, place: str) -> str:
        """The cell of ``place``, a key beside ``path`` (``from``), a part of its parent
        (``leave[0]``) or a whole key path; ``place`` itself when the tree has no cell for it."""
        parent = path[: max(path.rfind("."), 0)]
        grandparent = parent[: max(parent.rfind("."), 0)]
        # (``place`` is written as a key path already: put after its parent as it is)
        for candidate in (f"{parent}.{place}", f"{grandparent}.{place}", place):
            found = self.cells.get(candidate)
            if found is not None:
                # (an export's cell as the export file names it: the problem moves there too)
                return next(filter(None, (export.cell(found) for export in self.exports)), found)
        return place

    def cell_of(self, path: str) -> str:
        """The cell of a key path, or of the nearest part that has one (the path itself if none)."""
        probe = path
        while probe:
            found = self.cells.get(probe)
            if found is not None:
                return found
            cut = max(probe.rfind("."), probe.rfind("["))
            if cut <= 0:
                break
            probe = probe[:cut]
        return path


def read_workbook(data: bytes, name: str) -> Workbook:
    """A workbook's sheets from its bytes (.xlsx, .xls or .ods, told apart by their content)."""
    from python_calamine import CalamineWorkbook  # noqa: PLC0415 - only to read a workbook

    problems = Collector(name)
    archive = _zip(data)
    unpacked = sum(info.file_size for info in archive.infolist()) if archive is not None else 0
    if unpacked > MAX_UNPACKED:  # (a zip bomb: kilobytes that unpack to gigabytes)
        problems.add("", M.WORKBOOK_UNPACKS_TOO_LARGE, size=unpacked >> 20, most=MAX_UNPACKED >> 20)
        problems.raise_if_any()
    extents, failed = _scan(archive) if archive is not None else ({}, {})
    for sheet, (rows, columns) in extents.items():
        # python-calamine lays every sheet out as one grid from A1 to its last cell: a value
        # at XFD1048576 would ask for 17 billion cells (the process is killed, no exception)
        _check_extent(problems, sheet, rows, columns)
    problems.raise_if_any()
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        grids = []
        for sheet_name in book.sheet_names:
            grid = book.get_sheet_by_name(sheet_name)
            # (an .xls, which is not read ahead: at most 65,536 × 256 cells, not turned into
            # Python values when there are more than the bound)
            end = grid.end
            if end is not None and not _check_extent(problems, sheet_name, end[0] + 1, end[1] + 1):
                continue
            grids.append((sheet_name, grid))
        problems.raise_if_any()
        sheets = tuple(
            Sheet(
                sheet_name,
                _with_errors(
                    grid.to_python(skip_empty_area=False), failed.get(sheet_name), extents.get(sheet_name)
                ),
            )
            for sheet_name, grid in grids
        )
    except InvalidInputError:
        raise
    except BaseException as error:  # calamine's errors have no common base but Exception
        if not isinstance(error, Exception) and type(error).__module__ != "pyo3_runtime":
            raise  # (KeyboardInterrupt, SystemExit; pyo3's PanicException, a panic in the Rust
            # reader on a damaged file, is a BaseException: reported like its errors)
        # (the reader's own words are English and about its internals: the clerk is told what
        # to do instead)
        problems.add("", M.NOT_A_WORKBOOK)
        raise InvalidInputError(problems.problems) from None
    return Workbook(name, hashlib.sha256(data).hexdigest(), sheets)


def _check_extent(problems: Collector, sheet: str, rows: int, columns: int) -> bool:
    """Whether a sheet spanning ``rows`` × ``columns`` cells from A1 is within the bound; else a
    problem at the sheet."""
    if rows * columns <= MAX_CELLS:
        return True
    problems.add(
        sheet,
        M.SHEET_TOO_LARGE,
        cell=cell_name(sheet, rows - 1, columns - 1).rpartition("!")[2],
        rows=rows,
        columns=columns,
        most=MAX_CELLS,
    )
    return False


#: the most cells a sheet may span, rows × columns counted from A1 (a year's positioning
#: export of a whole mine, 100,000 rows of 10 columns, is a fifth of it)
MAX_CELLS = 5_000_000
# The worksheets' XML is read with regular expressions, not a parser: a sheet of a year's
# positioning export is tens of MB, read in C. Each expression reads one start tag, attribute
# by attribute, so hostile text (``<c <c <c …`` in a comment) costs one pass, never quadratic.
#: an element's name with or without a prefix (``c``, ``x:c``)
_PREFIX = rb"(?:[A-Za-z_][\w.-]*:)?"
#: an attribute's ``=`` and opening quote, spaces allowed around the ``=`` as XML allows
_EQ = rb"\s*=\s*[\"']"
#: a cell's start tag
_CELL_TAG = re.compile(rb"<" + _PREFIX + rb"c(?=[\s/>])")
#: a start tag's attribute, its value quoted either way (a ``>`` or an ``r=`` inside a value is
#: text: the patterns below read a tag attribute by attribute)
_ATTRIBUTE = rb"(?:\s+[\w:.-]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))"
#: a cell's reference in its start tag (``<c r="XFD1048576" …>``)
_CELL_REF = re.compile(
    rb"<" + _PREFIX + rb"c" + _ATTRIBUTE + rb"*?\s+r" + _EQ + rb"([A-Z]{1,3})([0-9]{1,7})[\"']"
)
#: a row's or a cell's start tag, with its attributes (when some cell has no reference: its
#: place is then the next in its row, as in python-calamine)
_TAG = re.compile(rb"<" + _PREFIX + rb"(row|c)(" + _ATTRIBUTE + rb"*)\s*/?>")
#: the start tag of a cell of type ``e`` (a formula's error), its attributes in any order
_ERROR_TAG = re.compile(
    rb"<" + _PREFIX + rb"c(?=" + _ATTRIBUTE + rb"*?\s+t" + _EQ + rb"e[\"'])(" + _ATTRIBUTE + rb"*)\s*/?>"
)
#: one attribute, by name and value
_NAME_VALUE = re.compile(rb"([\w:.-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
#: a row's reference (``3``)
_ROW_REF = re.compile(rb"[0-9]{1,7}")


def _attributes(text: bytes) -> dict[bytes, bytes]:
    """A start tag's attributes (``text``: as :data:`_TAG` gives them) by name."""
    return {found[1]: found[2] if found[2] is not None else found[3] for found in _NAME_VALUE.finditer(text)}


#: where a cell's content ends: its end tag, or the next cell or row
_CELL_END = re.compile(
    rb"</" + _PREFIX + rb"c>|<" + _PREFIX + rb"(?:c|row)(?=[\s/>])|</" + _PREFIX + rb"row>"
)
#: the value a cell holds (``<v>#DIV/0!</v>``, or ``<v xml:space="preserve">``)
_VALUE = re.compile(rb"<" + _PREFIX + rb"v(?:\s[^<>]*)?>([^<]*)</")
_COMMENT = re.compile(rb"<!--.*?-->", re.DOTALL)
_CHARACTER_REFERENCE = re.compile(r"&#(x[0-9A-Fa-f]{1,6}|[0-9]{1,7});")


def _sheet_scan(xml: bytes) -> tuple[tuple[int, int], list[_Failed]]:
    """A worksheet's (rows, columns) from A1 to its farthest cell, and its cells that hold a
    formula's error (python-calamine reads them as empty), from its XML."""
    if b"<!--" in xml:
        xml = _COMMENT.sub(b"", xml)  # (python-calamine reads no cell in a comment)
    refs = [(found[1], found[2]) for found in _CELL_REF.finditer(xml)]
    failed: list[_Failed] = []
    if len(refs) == len(_CELL_TAG.findall(xml)):  # every cell says where it is: the usual
        rows = max((int(row) for _, row in refs), default=0)
        columns = max((_column_number(letters) for letters in {letters for letters, _ in refs}), default=0)
        if b'"e"' in xml or b"'e'" in xml:  # (some cell may be of type e: looked at)
            for found in _ERROR_TAG.finditer(xml):
                place = _CELL_REF.match(xml, found.start())
                if place is not None:
                    failed.append(_failure(xml, found, int(place[2]), _column_number(place[1])))
        return (rows, columns), failed
    rows = columns = 0
    for failure, (row, column) in _cells(xml):
        rows, columns = max(rows, row), max(columns, column)
        if failure is not None:
            failed.append(failure)
    return (rows, columns), failed


def _cells(xml: bytes) -> Iterator[tuple[_Failed | None, tuple[int, int]]]:
    """Each cell's (row, column) from 1, a cell without ``r`` the next of its row (a row
    without ``r`` the next row), with what it holds when it is a formula's error."""
    row = column = 0
    for found in _TAG.finditer(xml):
        if found[1] == b"row":
            ref = _attributes(found[2]).get(b"r", b"")
            row = int(ref) if _ROW_REF.fullmatch(ref) else row + 1
            column = 0
            continue
        cell = _CELL_REF.match(xml, found.start())  # (the usual cell, read in C)
        if cell is not None:
            row, column = int(cell[2]), _column_number(cell[1])
        else:
            row, column = max(row, 1), column + 1
        tag = found[2]
        error = (b'"e"' in tag or b"'e'" in tag) and _attributes(tag).get(b"t") == b"e"
        yield _failure(xml, found, row, column) if error else None, (row, column)


def _failure(xml: bytes, tag: re.Match[bytes], row: int, column: int) -> _Failed:
    """The cell at (row, column) from 1, whose start tag is ``tag``, as a formula's error: with
    the value it holds, up to its end tag (or the next cell or row)."""
    body = b""
    if not tag[0].endswith(b"/>"):
        end = _CELL_END.search(xml, tag.end())
        body = xml[tag.end() : end.start() if end is not None else len(xml)]
    return (row - 1, 1, column - 1, 1, _error_shown(body))


def _error_shown(body: bytes) -> str:
    """What an error cell of an .xlsx shows: its value as XML reads it (``&#35;`` is ``#``);
    empty when it holds none."""
    from xml.sax.saxutils import unescape  # noqa: PLC0415 - only for a workbook with such a cell

    found = _VALUE.search(body)
    if found is None:
        return ""
    text = unescape(found[1].decode("utf-8", "replace"), {"&quot;": '"', "&apos;": "'"})
    return _CHARACTER_REFERENCE.sub(_character, text).strip()


def _character(found: re.Match[str]) -> str:
    code = found[1]
    number = int(code[1:], 16) if code[0] == "x" else int(code)
    return chr(number) if number <= 0x10FFFF else found[0]


#: the most bytes the parts of a workbook's zip (.xlsx, .ods) may unpack to, as its directory says
#: (Python's zip reader stops at that size; a month's workbook unpacks to a few MiB)
MAX_UNPACKED = 1 << 30


def _zip(data: bytes) -> zipfile.ZipFile | None:
    """A workbook's zip (.xlsx, .ods), its directory read; ``None`` for an .xls, or a zip too
    damaged to read (python-calamine says what is wrong with it)."""
    import zipfile  # noqa: PLC0415

    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except Exception:  # (BadZipFile, but also struct and zlib errors of a damaged directory)
        return None


def _with_errors(
    grid: list[list[Any]], failed: list[_Failed] | None, extent: tuple[int, int] | None
) -> tuple[tuple[object, ...], ...]:
    """A sheet's rows, each cell whose formula failed given as :class:`FormulaError`: python-
    calamine reads it as an empty cell, or leaves it out where no other cell reaches. Only
    within the sheet's ``extent`` (rows, columns), checked against the bound already."""
    width = max(map(len, grid), default=0)
    most_rows, most_columns = extent or (0, 0)
    for row, rows, column, columns, shown in failed or ():
        last_row, last_column = min(row + rows, most_rows), min(column + columns, most_columns)
        grid.extend([] for _ in range(last_row - len(grid)))
        width = max(width, last_column)
        for cells in grid[row:last_row]:
            cells.extend("" for _ in range(last_column - len(cells)))
            for at in range(column, last_column):
                if cells[at] == "":
                    cells[at] = FormulaError(shown)
    if failed:  # (as python-calamine lays a sheet out: every row as wide, the header too)
        for cells in grid:
            cells.extend("" for _ in range(width - len(cells)))
    return tuple(map(tuple, grid))


#: cells showing a formula's error: (row, rows, column, columns) from 0 (an .ods repeats a
#: cell), and what they show (``#DIV/0!``)
_Failed = tuple[int, int, int, int, str]
#: each sheet's cells from A1 to its farthest, (rows, columns); its cells whose formula failed
_Scan = tuple[dict[str, tuple[int, int]], dict[str, list[_Failed]]]


def _scan(archive: zipfile.ZipFile) -> _Scan:
    """Each worksheet of an .xlsx read by its XML before python-calamine lays it out: (rows,
    columns) from A1 to its farthest cell, and the cells that show a formula's error
    (``#DIV/0!``, which python-calamine reads as an empty cell); for an .ods its extents only
    (other formats, and parts that cannot be read: nothing)."""
    from xml.etree import ElementTree  # noqa: PLC0415

    try:
        names = {info.filename for info in archive.infolist()}
        if "content.xml" in names and "xl/workbook.xml" not in names:
            return _ods_scan(archive)
        if "xl/workbook.xml" not in names:
            return {}, {}
        titles: dict[str, str] = {}  # worksheet part → sheet name
        try:
            relations = {
                rel.get("Id"): rel.get("Target", "")
                for rel in ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
            }
            for sheet in ElementTree.fromstring(archive.read("xl/workbook.xml")).iter(f"{{{_MAIN}}}sheet"):
                target = relations.get(sheet.get(f"{{{_RELATIONSHIPS}}}id"), "")
                # (a sheet's part is wherever its relationship says: xl/other/s2.xml too)
                part = target.lstrip("/") if target.startswith("/") else posixpath.normpath("xl/" + target)
                titles[part] = sheet.get("name", part)
        except (KeyError, ElementTree.ParseError):
            pass
        extents: dict[str, tuple[int, int]] = {}
        failed: dict[str, list[_Failed]] = {}
        worksheets = {name for name in names if name.startswith("xl/worksheets/") and name.endswith(".xml")}
        for part in sorted(worksheets | (titles.keys() & names)):
            try:
                xml = archive.read(part)
            except Exception:  # (one damaged part: the others are still bounded, calamine says why)
                continue
            extents[titles.get(part, part)], errors = _sheet_scan(xml)
            if errors:
                failed[titles.get(part, part)] = errors
        return extents, failed
    except Exception:  # a damaged zip (zlib, struct, …): calamine says what is wrong
        return {}, {}


def _ods_scan(archive: zipfile.ZipFile) -> _Scan:
    """(rows, columns) from A1 to the farthest cell with a value of each table of an .ods, and
    its cells showing a formula's error, from its ``content.xml`` read as a stream: a row or a
    cell may stand for a million repeated ones (``table:number-rows-repeated``), which
    python-calamine would lay out one by one."""
    extents: dict[str, tuple[int, int]] = {}
    failed: dict[str, list[_Failed]] = {}
    # (damaged: what was read is still bounded; python-calamine says what is wrong)
    with contextlib.suppress(Exception):
        _ods_walk(archive, extents, failed)
    return extents, failed


def _ods_walk(
    archive: zipfile.ZipFile, extents: dict[str, tuple[int, int]], failed: dict[str, list[_Failed]]
) -> None:
    """:func:`_ods_scan`'s walk over ``content.xml``, each table's extent recorded as soon as
    it is known (a table cut short: as far as it was read)."""
    from xml.etree import ElementTree  # noqa: PLC0415

    name, row, rows, columns = "", 0, 0, 0
    row_repeat, column, last = 1, 0, 0
    with archive.open("content.xml") as stream:
        for event, element in ElementTree.iterparse(stream, events=("start", "end")):
            tag = element.tag
            if event == "start":
                if tag == _ODS_TABLE:
                    name, row, rows, columns = element.get(_ODS_NAME, ""), 0, 0, 0
                elif tag == _ODS_ROW:
                    row_repeat, column, last = _repeat(element.get(_ODS_ROWS_REPEATED)), 0, 0
                continue
            if tag in _ODS_CELLS:
                repeat = _repeat(element.get(_ODS_COLUMNS_REPEATED))
                error = element.get(_ODS_CALC_VALUE_TYPE) == "error"
                if error:
                    shown = "".join(element.itertext()).strip()
                    failed.setdefault(name, []).append((row, row_repeat, column, repeat, shown))
                column += repeat
                if element.get(_ODS_VALUE_TYPE) is not None or len(element) or error:
                    last = column  # a value, text in it, or a formula's error
                element.clear()
            elif tag == _ODS_ROW:
                row += row_repeat
                if last:
                    rows, columns = row, max(columns, last)
                    extents[name] = (rows, columns)
                element.clear()
            elif tag == _ODS_TABLE:
                extents[name] = (rows, columns)
                element.clear()


def _repeat(value: str | None) -> int:
    """How many times an .ods row or cell stands (its ``…-repeated`` attribute; an absurd one
    counts as many as a sheet can have)."""
    if value is None:
        return 1
    return int(value) if value.isdigit() and len(value) <= 9 else 1 << 30


_TABLE_NS = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_ODS_TABLE = _TABLE_NS + "table"
_ODS_ROW = _TABLE_NS + "table-row"
_ODS_CELLS = frozenset({_TABLE_NS + "table-cell", _TABLE_NS + "covered-table-cell"})
_ODS_NAME = _TABLE_NS + "name"
_ODS_ROWS_REPEATED = _TABLE_NS + "number-rows-repeated"
_ODS_COLUMNS_REPEATED = _TABLE_NS + "number-columns-repeated"
_ODS_VALUE_TYPE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}value-type"
#: LibreOffice's own type of a cell's value: ``error`` where a formula failed
_ODS_CALC_VALUE_TYPE = "{urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}value-type"

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _column_number(letters: bytes) -> int:
    """A column's number from its letters (``A`` → 1, ``XFD`` → 16384)."""
    number = 0
    for letter in letters:
        number = number * 26 + letter - ord("A") + 1
    return number


def workbook_period(book: Workbook) -> Period | None:
    """The period a workbook assesses, when it says one that can be read."""
    return book.period()


def no_period(book: Workbook, folder: str) -> Problem:
    """The problem of a workbook whose period cannot be read, given a folder of rule files: its
    sheets are read by the rule file in force for the period, so it cannot be read at all."""
    found = book.period_cell()
    if found is not None and type(found[1]) is FormulaError:
        # (the period is a formula that failed: said as such, at its cell)
        problems = Collector(book.name)
        read_text(problems, *found)
        return problems.problems[0]
    return Problem.of(book.name, ASSESSMENT, M.WORKBOOK_NO_PERIOD(folder=folder))


# -- reading ----------------------------------------------------------------------


def _period_text(value: object) -> str | None:
    """``考核期`` as ``2021-03``, ``2021-Q1`` or ``2021``, from any of its written forms."""
    if isinstance(value, float) and value.is_integer():
        value = str(int(value))
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        # A spreadsheet program turns the text 2021-03 into the date 2021-03-01.
        day = getattr(value, "day", None)
        if day == 1 and not hasattr(value, "hour"):
            return f"{value.year:04d}-{value.month:02d}"  # type: ignore[attr-defined]
        return None
    text = value.strip()
    patterns: tuple[tuple[str, Callable[[re.Match[str]], str]], ...] = (
        (r"(\d{4})-(\d{1,2})", lambda m: f"{m[1]}-{int(m[2]):02d}"),
        (r"(\d{4})年(\d{1,2})月份?", lambda m: f"{m[1]}-{int(m[2]):02d}"),
        (r"(\d{4})-?Q([1-4])", lambda m: f"{m[1]}-Q{m[2]}"),
        (r"(\d{4})年第([一二三四1-4])季度", lambda m: f"{m[1]}-Q{_CHINESE_QUARTERS[m[2]]}"),
        (r"(\d{4})(?:年度?)?", lambda m: m[1]),
    )
    for pattern, form in patterns:
        found = re.fullmatch(pattern, text, re.ASCII)  # (２０２１ is no year: said by the caller)
        if found is not None:
            return form(found)
    return None


class _Columns:
    """A sheet's header row: which column holds what."""

    __slots__ = ("at", "extras")

    def __init__(self) -> None:
        #: key → column
        self.at: dict[str, int] = {}
        #: an event sheet's other columns: header → column
        self.extras: dict[str, int] = {}

    def get(self, sheet: Sheet, row: int, key: str) -> tuple[str, object]:
        """The cell name and value of ``key`` in ``row`` (``("", "")`` without the column)."""
        column = self.at.get(key)
        if column is None:
            return "", ""
        return sheet.where(row, column), sheet.cell(row, column)


class _Reader:
    """One workbook read against one rule file (internal)."""

    def __init__(self, book: Workbook, rules: Ruleset, exports: Sequence[Export] = ()) -> None:
        self.book = book
        self.exports = exports
        self.rules = rules
        self.problems = Collector(book.name)
        self.cells: dict[str, str] = {}
        self.left_out: list[LeftOut] = []
        self.inspectors: list[dict[str, Any]] = []
        self.by_id: dict[str, int] = {}
        self.by_name: dict[str, list[int]] = {}
        self.by_card: dict[str, int] = {}
        #: (inspector, metric) of every non-blank 计数 cell, readable or not
        self.tried: set[tuple[int, str]] = set()
        #: whether 人员 could be read (else no row can be told whose it is, and none is blamed)
        self.roster = False
        #: whether the header of 计数 or of an event sheet had a problem: a column passed over,
        #: whose metrics are then not said missing as well
        self.headers_damaged = False
        #: each event kind's sheet title, and the kinds by the names their sheets may have
        self.kinds: dict[str, Kind] = {}
        for kind_id in rules.event_kinds():
            kind = rules.kind(kind_id)
            self.kinds.setdefault(kind.title, kind)
            self.kinds.setdefault(kind_id, kind)

    def read(self) -> dict[str, Any]:
        sheets = self._sheets()
        assessment = self._assessment(sheets.get(ASSESSMENT))
        if PANEL in sheets:
            panel = self._panel(sheets[PANEL])
            if panel:
                assessment["panel"] = panel
        self._people(sheets.get(PEOPLE))
        if LEAVE in sheets:
            self._leave(sheets[LEAVE])
        counted = self._counts(sheets[COUNTS]) if COUNTS in sheets else set()
        present: set[str] = set()
        event_sheets = [
            (sheet, self.kinds[sheet.name]) for sheet in self.book.sheets if sheet.name in self.kinds
        ]
        if event_sheets or self.exports:
            for person in self.inspectors:
                person["events"] = []
        for sheet, kind in event_sheets:
            if kind.id in present:
                self.problems.add(sheet.name, M.SHEET_KIND_TWICE, kind=quote(kind.id))
                continue
            present.add(kind.id)
            self._events(sheet, kind, typos=True)
        kinds = self.rules.event_kinds()
        for export in self.exports:
            kind = export.mapping.as_kind()
            if kind.id not in kinds:
                self.problems.add(
                    export.name, M.EXPORT_KIND, kind=quote(kind.id), mapping=export.mapping.source
                )
                continue
            present.add(kind.id)
            self._events(Sheet(export.name, export.rows, export.first_row), kind, typos=False)
        self._silent_metrics(present, counted)
        return {"schema": 1, "assessment": assessment, "inspectors": self.inspectors}

    def _sheets(self) -> dict[str, Sheet]:
        """The fixed sheets by name; an unknown sheet is a problem (with a suggestion), unless it
        holds nothing at all (the empty Sheet2 a spreadsheet program adds)."""
        fixed = (ASSESSMENT, PANEL, PEOPLE, LEAVE, COUNTS)
        known = [*fixed, *self.kinds]
        sheets: dict[str, Sheet] = {}
        for sheet in self.book.sheets:
            if sheet.name in fixed:
                sheets[sheet.name] = sheet
            elif sheet.name != HELP and sheet.name not in self.kinds and not _empty(sheet):
                self.problems.add(sheet.name, M.SHEET_UNKNOWN, hint=suggest(self.problems, sheet.name, known))
        for name in (ASSESSMENT, PEOPLE):
            if name not in sheets:
                self.problems.add(name, M.SHEET_MISSING)
        return sheets

    # -- headers ------------------------------------------------------------------

    def _header(
        self,
        sheet: Sheet,
        known: Mapping[str, str],
        *,
        required: Sequence[str] = (),
        extras: bool = False,
        typos: bool = True,
        aliases: Mapping[str, str] = {},
        evidence: bool = False,
    ) -> _Columns | None:
        """Read the header row: every header a known one (an event sheet keeps others as fields,
        unless one edit away from a known header); ``None`` when a required column is missing.
        A problem with the header of a sheet of ``evidence`` (计数, an event sheet) marks
        :attr:`headers_damaged`."""
        columns = _Columns()
        header = sheet.rows[0] if sheet.rows else ()
        listed = [*known, *aliases]
        before = len(self.problems.problems)
        for column, value in enumerate(header):
            where = sheet.where(0, column)
            text = read_text(self.problems, where, value)
            if text is None:
                if any(not blank(sheet.cell(row, column)) for row in range(1, len(sheet.rows))):
                    self.problems.add(where, M.COLUMN_NO_HEADER)
                continue
            key = known.get(text) or (known.get(aliases[text]) if text in aliases else None)
            if key is None:
                close = [
                    word for word in listed if typos and text not in _EXPORT_COLUMNS and one_edit(text, word)
                ]
                if extras and not close and text not in _OWN_EVENT_KEYS:
                    key = text
                    target = columns.extras
                else:
                    hint = suggest(self.problems, text, close or listed)
                    self.problems.add(where, M.COLUMN_UNKNOWN, value=quote(text), hint=hint)
                    continue
            else:
                target = columns.at
            if key in columns.at or key in columns.extras:
                self.problems.add(where, M.COLUMN_TWICE, value=quote(text))
                continue
            target[key] = column
        missing = [name for name in required if known[name] not in columns.at]
        for name in missing:
            self.problems.add(sheet.where(0, len(header)), M.COLUMN_MISSING, value=quote(name))
        self.headers_damaged |= evidence and len(self.problems.problems) > before
        # A column not known (or twice) is said and passed over: the others are read all the
        # same, so that every problem of the sheet is said at once.
        return None if missing else columns

    def _rows(self, sheet: Sheet) -> Iterator[int]:
        """The rows after the header, blank rows left out."""
        for row in range(1, len(sheet.rows)):
            if not all(map(blank, sheet.rows[row])):
                yield row

    # -- the header sheets ----------------------------------------------------------

    def _assessment(self, sheet: Sheet | None) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if sheet is None:
            return out
        columns = self._header(
            sheet, dict(zip(ASSESSMENT_HEADER, ("item", "value"), strict=True)), required=ASSESSMENT_HEADER
        )
        if columns is None:
            return out
        seen: dict[str, str] = {}
        for row in self._rows(sheet):
            where, value = columns.get(sheet, row, "item")
            item = read_text(self.problems, where, value)
            if item is None:
                if blank(value):  # (else said already: a formula's error)
                    self.problems.add(where or sheet.where(row, 0), M.EMPTY)
                continue
            key = ASSESSMENT_ROWS.get(item)
            if key is None:
                self.problems.add(
                    where,
                    M.ROW_UNKNOWN,
                    value=quote(item),
                    hint=suggest(self.problems, item, ASSESSMENT_ROWS),
                )
                continue
            if item in seen:
                self.problems.add(where, M.ROW_TWICE, value=quote(item), first=seen[item])
                continue
            seen[item] = where
            cell, content = columns.get(sheet, row, "value")
            path = join("assessment", key)
            self.cells[path] = cell
            if key == "period":
                text = _period_text(content)
                if text is None or parse_period(text) is None:
                    if type(content) is FormulaError:
                        read_text(self.problems, cell, content)  # (said as any cell's error)
                    elif blank(content):
                        self.problems.add(cell, M.EMPTY)
                    elif not full_width(self.problems, cell, content):
                        self.problems.add(cell, M.CELL_NOT_PERIOD, value=shown_cell(content))
                    continue
                out[key] = text
            elif key == "assessed_on":
                day = read_date(self.problems, cell, content)
                if day is not None:
                    out[key] = day
            else:
                text = read_text(self.problems, cell, content)
                if text is not None:
                    out[key] = text
                elif key == "township" and blank(content):
                    self.problems.add(cell, M.EMPTY)
        for item in ASSESSMENT_REQUIRED:
            if item not in seen:
                self.problems.add(sheet.where(len(sheet.rows), 0), M.ROW_MISSING, value=quote(item))
        self.cells.setdefault("assessment", sheet.where(0, 0))
        return {key: out[key] for key in ASSESSMENT_ROWS.values() if key in out}

    def _panel(self, sheet: Sheet) -> list[dict[str, str]]:
        columns = self._header(sheet, PANEL_COLUMNS, required=("姓名",))
        panel: list[dict[str, str]] = []
        if columns is None:
            return panel
        for row in self._rows(sheet):
            member: dict[str, str] = {}
            path = join(join("assessment", "panel"), len(panel))
            self.cells[path] = sheet.where(row, 0)
            for key in PANEL_COLUMNS.values():
                where, value = columns.get(sheet, row, key)
                if where:
                    self.cells[join(path, key)] = where
                    text = read_text(self.problems, where, value)
                    if text is not None:
                        member[key] = text
                    elif key == "name" and blank(value):
                        self.problems.add(where, M.EMPTY)
            panel.append(member)
        return panel

    def _people(self, sheet: Sheet | None) -> None:
        if sheet is None:
            return
        columns = self._header(sheet, PEOPLE_COLUMNS, required=("编号", "姓名"))
        if columns is None:
            return
        self.roster = True
        self.cells["inspectors"] = PEOPLE  # (what is said of the roster as a whole: none listed)
        card_cells: dict[str, str] = {}
        for row in self._rows(sheet):
            n = len(self.inspectors)
            path = join("inspectors", n)
            self.cells[path] = sheet.where(row, 0)
            person: dict[str, Any] = {}
            for key in ("id", "name", "mine"):
                where, value = columns.get(sheet, row, key)
                if not where:
                    continue
                self.cells[join(path, key)] = where
                text = read_text(self.problems, where, value)
                if text is not None:
                    person[key] = text
                elif key != "mine" and blank(value):
                    self.problems.add(where, M.EMPTY)
            first = self.by_id.get(person.get("id", ""))
            if first is not None:
                # The same 编号 twice: rows naming it could be either's, so this one is reported
                # and left out (what else of it cannot be read is said all the same).
                id_cell = self.cells[join(path, "id")]
                first_cell = self.cells[join(join("inspectors", first), "id")]
                self.problems.add(id_cell, M.DUPLICATE_INSPECTOR, value=quote(person["id"]), first=first_cell)
            for key in ("serving_from", "serving_until"):
                where, value = columns.get(sheet, row, key)
                if where:
                    self.cells[join(path, key)] = where
                    day = read_date(self.problems, where, value)
                    if day is not None:
                        person[key] = day
            if first is not None:
                continue
            where, value = columns.get(sheet, row, "cards")
            cards = read_text(self.problems, where, value) if where else None
            # (separators may be full-width, 8001，8002; a card itself may not: ８００１)
            for card in _cards(cards):
                if full_width(self.problems, where, card):
                    continue
                if card in card_cells:
                    self.problems.add(where, M.CARD_TWICE, card=quote(card), first=card_cells[card])
                else:
                    card_cells[card] = where
                    self.by_card[card] = n
            if "id" in person:
                self.by_id[person["id"]] = n
            if "name" in person:
                self.by_name.setdefault(person["name"], []).append(n)
            self.inspectors.append(person)

    # -- who a row is about ---------------------------------------------------------

    def _who(self, sheet: Sheet, row: int, columns: _Columns, *, by_card: bool) -> int | LeftOut | None:
        """The inspector a row names: by 编号, by a name unique in 人员, or (event sheets) by
        card; ``LEFT`` for another person's card; ``None`` after a problem."""
        if not self.roster:
            return None
        id_cell, id_value = columns.get(sheet, row, "id")
        name_cell, name_value = columns.get(sheet, row, "name")
        card_cell, card_value = columns.get(sheet, row, "card")
        given_id = read_text(self.problems, id_cell, id_value) if id_cell else None
        name = read_text(self.problems, name_cell, name_value) if name_cell else None
        card = read_code(self.problems, card_cell, card_value) if card_cell else None
        if card_cell and card is None and not blank(card_value):
            return None  # (a card in full-width digits: said, and no guess whose it is)
        if given_id is not None:
            n = self.by_id.get(given_id)
            if n is None:
                self.problems.add(
                    id_cell,
                    M.NO_SUCH_ID,
                    value=quote(given_id),
                    hint=suggest(self.problems, given_id, self.by_id),
                )
                return None
            listed = self.inspectors[n].get("name")
            # (a roster name that could not be read is said at its cell: nothing to compare)
            if name is not None and listed is not None and name != listed:
                self.problems.add(
                    name_cell, M.ID_OTHER_NAME, id=quote(given_id), name=quote(str(listed)), value=quote(name)
                )
                return None
            if by_card and card is not None and self.by_card.get(card) != n:
                self._card_not_theirs(card_cell, card, n)
                return None
            return n
        if by_card and card is not None:
            n = self.by_card.get(card)
            if n is None and name is not None and name in self.by_name:
                # A listed inspector's name with a card 人员 does not give them: a card missing
                # from the roster, or someone else's (捎卡); never left out as another's record.
                self._card_not_theirs(card_cell, card, self.by_name[name][0])
                return None
            if n is None:
                return _LEFT
            listed = self.inspectors[n].get("name")
            # (a roster name that could not be read is said at its cell: nothing to compare)
            if name is not None and listed is not None and name != listed:
                self.problems.add(
                    name_cell, M.CARD_OTHER_NAME, card=quote(card), name=quote(str(listed)), value=quote(name)
                )
                return None
            return n
        if name is not None:
            found = self.by_name.get(name, [])
            if len(found) == 1:
                return found[0]
            if not found:
                self.problems.add(
                    name_cell,
                    M.NO_SUCH_NAME,
                    value=quote(name),
                    hint=suggest(self.problems, name, self.by_name),
                )
            else:
                ids = Listing(quote(str(self.inspectors[n].get("id"))) for n in found)
                self.problems.add(name_cell, M.NAME_SHARED, value=quote(name), ids=ids)
            return None
        first = id_cell or name_cell or card_cell or sheet.where(row, 0)
        self.problems.add(first, M.NO_WHO_CARD if by_card else M.NO_WHO)
        return None

    def _card_not_theirs(self, where: str, card: str, n: int) -> None:
        """Report a row whose card is not one 人员 lists for the inspector it names (``n``)."""
        person = self.inspectors[n]
        owner = self.by_card.get(card)
        if owner is not None and self.inspectors[owner].get("name") is None:
            return  # (the owner's name could not be read: said at its cell)
        if owner is None:
            self.problems.add(where, M.CARD_NOT_LISTED, card=quote(card), name=quote(str(person.get("name"))))
        else:
            self.problems.add(
                where,
                M.CARD_OTHER_NAME,
                card=quote(card),
                name=quote(str(self.inspectors[owner].get("name"))),
                value=quote(str(person.get("name"))),
            )

    def _who_columns(self, sheet: Sheet, columns: _Columns, *, by_card: bool) -> bool:
        """Whether the sheet has a column saying who (编号 or 姓名, or 卡号 in an event sheet)."""
        keys = ("id", "name", "card") if by_card else ("id", "name")
        if any(key in columns.at for key in keys):
            return True
        self.problems.add(sheet.where(0, 0), M.NO_WHO_COLUMN_CARD if by_card else M.NO_WHO_COLUMN)
        return False

    # -- leave and counts -----------------------------------------------------------

    def _leave(self, sheet: Sheet) -> None:
        columns = self._header(sheet, LEAVE_COLUMNS, required=("开始日期", "结束日期"))
        if columns is None or not self._who_columns(sheet, columns, by_card=False):
            return
        for row in self._rows(sheet):
            n = self._who(sheet, row, columns, by_card=False)
            entry: dict[str, Any] = {}
            cells: dict[str, str] = {}
            for key in ("from", "to"):
                where, value = columns.get(sheet, row, key)
                cells[key] = where
                day = read_date(self.problems, where, value)
                if day is None and blank(value):
                    self.problems.add(where, M.EMPTY)
                elif day is not None:
                    entry[key] = day
            for key in ("reason", "approved_by"):
                where, value = columns.get(sheet, row, key)
                text = read_text(self.problems, where, value) if where else None
                if text is not None:
                    entry[key] = text
                    cells[key] = where
            if not isinstance(n, int):
                continue
            leave = self.inspectors[n].setdefault("leave", [])
            path = join(join(join("inspectors", n), "leave"), len(leave))
            self.cells[path] = sheet.where(row, 0)
            for key, where in cells.items():
                self.cells[join(path, key)] = where
            leave.append(entry)

    def _counts(self, sheet: Sheet) -> set[str]:
        """The 计数 sheet; returns the metrics it has a column for."""
        names = dict(WHO_COLUMNS)
        for metric in self.rules.metrics:
            names.setdefault(metric.id, metric.id)
            names.setdefault(metric.title, metric.id)
        columns = self._header(sheet, names, evidence=True)
        if columns is None or not self._who_columns(sheet, columns, by_card=False):
            return set()
        metrics = [key for key in columns.at if key not in WHO_COLUMNS.values()]
        for row in self._rows(sheet):
            n = self._who(sheet, row, columns, by_card=False)
            for metric_id in metrics:
                where, value = columns.get(sheet, row, metric_id)
                number = read_number(self.problems, where, value)
                if isinstance(n, int) and not blank(value):
                    self.tried.add((n, metric_id))  # (a bad number is not missing evidence too)
                if number is None or not isinstance(n, int):
                    continue
                counts = self.inspectors[n].setdefault("counts", {})
                path = join(join(join("inspectors", n), "counts"), metric_id)
                if metric_id in counts:
                    self.problems.add(where, M.COUNT_TWICE, first=self.cells[path])
                    continue
                counts[metric_id] = number
                self.cells[path] = where
        return set(metrics)

    # -- events -----------------------------------------------------------------------

    def _events(self, sheet: Sheet, kind: Kind, *, typos: bool) -> None:
        known = dict(EVENT_COLUMNS)
        for field, header in kind.fields:
            known[header] = field
        columns = self._header(
            sheet,
            known,
            required=("时间",),
            extras=True,
            typos=typos,
            aliases=dict(kind.aliases),
            evidence=True,
        )
        if columns is None or not self._who_columns(sheet, columns, by_card=True):
            return
        time_of_day = self._needs_time(kind.id)
        fields = [(field, field) for field, _ in kind.fields] + [
            (header, header) for header in columns.extras
        ]
        skipped_rows = 0
        skipped_cards: set[str] = set()
        for row in self._rows(sheet):
            n = self._who(sheet, row, columns, by_card=True)
            if n is _LEFT:  # another person's record: counted, and nothing else of it read
                skipped_rows += 1
                skipped_cards.add(str(read_text(self.problems, *columns.get(sheet, row, "card"))))
                continue
            event, cells = self._event(sheet, row, columns, kind, fields, time_of_day=time_of_day)
            if not isinstance(n, int) or event["at"] is None:
                continue
            events = self.inspectors[n]["events"]
            path = join(join(join("inspectors", n), "events"), len(events))
            self.cells[path] = sheet.where(row, 0)
            for key, where in cells.items():
                self.cells[join(path, key)] = where
            events.append(event)
        if skipped_rows:
            self.left_out.append(LeftOut(sheet.name, skipped_rows, len(skipped_cards)))

    def _event(
        self,
        sheet: Sheet,
        row: int,
        columns: _Columns,
        kind: Kind,
        fields: list[tuple[str, str]],
        *,
        time_of_day: bool,
    ) -> tuple[dict[str, Any], dict[str, str]]:
        """One row as an event (``at`` ``None`` when it cannot be read), and the cell of each key."""
        event: dict[str, Any] = {"kind": kind.id}
        cells: dict[str, str] = {}
        where, value = columns.get(sheet, row, "at")
        at = read_moment(self.problems, where, value, time_of_day=time_of_day)
        if at is None and blank(value):
            self.problems.add(where, M.EMPTY)
        event["at"] = at
        cells["at"] = where
        where, value = columns.get(sheet, row, "until")
        if where:
            until = read_moment(self.problems, where, value, time_of_day=True)
            if until is not None:
                event["until"] = until
                cells["until"] = where
        where, value = columns.get(sheet, row, "ref")
        ref = read_text(self.problems, where, value) if where else None
        event["ref"] = ref if ref is not None else f"{sheet.name}第{row + sheet.offset + 1}行"
        cells["ref"] = where or sheet.where(row, 0)
        where, value = columns.get(sheet, row, "note")
        note = read_text(self.problems, where, value) if where else None
        if note is not None:
            event["note"] = note
            cells["note"] = where
        for field, key in fields:
            column = columns.at.get(key, columns.extras.get(key))
            if column is None:
                continue
            where = sheet.where(row, column)
            text = read_text(self.problems, where, sheet.cell(row, column))
            if text is not None:
                event[field] = text
                cells[field] = where
        return event, cells

    def _needs_time(self, kind: str) -> bool:
        """Whether a metric counts this kind at night or by minutes (its events need a time)."""
        return any(
            metric.count == kind and (metric.during is not None or metric.min_minutes is not None)
            for metric in self.rules.metrics
        )

    def _who_named(self, person: Mapping[str, Any]) -> str | Text:
        """An inspector as a message names them: by name, with the id where another has it too."""
        name = str(person.get("name", person.get("id", "?")))
        if len(self.by_name.get(name, ())) > 1:
            return M.NAME_AND_ID(name=name, id=str(person.get("id")))
        return name

    def _silent_metrics(self, present: set[str], counted: set[str]) -> None:
        """Every metric a rule uses must come from somewhere: its kind's sheet, a 计数 column or
        its default. A metric with a default and no sheet is given its default in counts. (Not
        said after a header's problem: a column misnamed is said there.)"""
        if not self.roster or self.headers_damaged:
            return
        for metric in self.rules.used_metrics():
            if metric.kind is not None and metric.kind in present:
                continue
            lacking = [person for n, person in enumerate(self.inspectors) if (n, metric.id) not in self.tried]
            if not lacking:
                continue
            if metric.default is not None:
                if metric.kind is not None and present:
                    for person in lacking:  # events are listed, so the default must be said
                        person.setdefault("counts", {})[metric.id] = _plain(metric.default)
                continue
            names = Listing(map(self._who_named, lacking[:3]))
            who: Listing | Text = names
            if len(lacking) > 3:
                who = M.WHO_AND_MORE(names=names, count=len(lacking) - 3)
            if metric.kind is None:
                self.problems.add(
                    COUNTS, M.MISSING_IN_COUNTS, metric=quote(metric.id), title=metric.title, who=who
                )
            else:
                sheet = self.rules.kind(metric.kind).title
                self.problems.add(
                    sheet,
                    M.MISSING_SHEET,
                    metric=quote(metric.id),
                    title=metric.title,
                    who=who,
                    sheet=quote(sheet),
                )


_LEFT = LeftOut("", 0, 0)
#: columns positioning exports commonly have, one edit from a listed header (序号 and 卡号) but
#: no typo of it: kept as fields
_EXPORT_COLUMNS = frozenset({"序号", "工号", "班号", "班次", "账号", "帐号", "井号"})
#: an event's keys, which no extra column may take as its field's name
_OWN_EVENT_KEYS = frozenset({"kind", "at", "until", "ref", "note"})


def _plain(value: Decimal) -> int | Decimal:
    return int(value) if value == value.to_integral_value() else value


def _cards(text: str | None) -> list[str]:
    """The card numbers of one cell, split at ``、`` or ``,``."""
    if text is None:
        return []
    for separator in _CARD_SEPARATORS[1:]:
        text = text.replace(separator, _CARD_SEPARATORS[0])
    return [card.strip() for card in text.split(_CARD_SEPARATORS[0]) if card.strip()]

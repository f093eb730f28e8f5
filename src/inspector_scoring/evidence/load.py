"""Where evidence comes from: a file, standard input's bytes, a caller's mapping, or records.

Each becomes a :class:`Source`: the JSON tree the check stage walks, with
the name messages use, the fingerprint a result publishes, and what the
duplicate-key test of a file's text needs. A workbook (.xlsx, .xls, .ods,
told from JSON by its first bytes) is read into its sheets at once, and into
the JSON tree once the rule file that names its sheets is known
(:meth:`Source.with_rules`, :mod:`.workbook`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from .. import messages as M
from .._readers import MAX_DEPTH, check_tree
from ..errors import Collector, InvalidInputError, Problem, fail
from ..files import MAX_JSON_BYTES, check_size, read_bytes
from ..jsontext import plain_sha256, written_sha256
from ..rules.model import Ruleset
from .check import Check
from .model import Evidence
from .read import parse_json, parse_json_exact
from .records import evidence_records, evidence_tree

TYPE_CHECKING = False
if TYPE_CHECKING:  # read only for a workbook
    from .workbook import Evidence as WorkbookEvidence
    from .workbook import Workbook

__all__ = ["EvidenceSource", "Source", "load_evidence", "open_evidence"]

#: what evidence may be given as
EvidenceSource = str | os.PathLike[str] | bytes | Mapping[str, Any] | Evidence


@attrs.frozen(slots=True, eq=False)
class Source:
    """Evidence read into a JSON tree, ready to check."""

    name: str
    tree: object
    #: a file's, or a caller's mapping's canonical JSON's (:func:`_unwritten`); ``None`` until
    #: known, for a mapping that is not plain, worked out once it is valid
    sha256: str | None
    #: the string tokens of the file's text, for the duplicate-key test; ``None`` for a mapping
    strings: int | None = None
    #: the file's bytes again, for the exact parse that names repeated keys
    again: Callable[[], bytes] | None = None
    #: whether the tree is ours to let go of as it is checked
    owned: bool = False
    #: a workbook not yet read into a tree (that needs the rule file): see :meth:`with_rules`
    book: Workbook | None = None
    #: a workbook read into the tree: where each key path came from, and the rows left out
    cells: WorkbookEvidence | None = None

    def with_rules(self, rules: Ruleset) -> Source:
        """The source with its tree: a workbook read with the rule file naming its sheets (raises
        :class:`~inspector_scoring.InvalidInputError` with every problem of its cells); any
        other source as it is."""
        if self.book is None:
            return self
        read = self.book.evidence(rules)
        return Source(self.name, read.tree, self.sha256, owned=True, cells=read)

    def locate(self, problems: list[Problem]) -> list[Problem]:
        """Problems found at key paths of a workbook's tree, at the cells they came from, after
        those of its cells that could not be read."""
        if self.cells is None:
            return problems
        cells = self.cells
        return cells.report(
            [cells.locate(problem) if problem.file == self.name else problem for problem in problems]
        )

    @property
    def unreadable(self) -> bool:
        """Whether a workbook's cell could not be read (its tree is checked, never scored)."""
        return self.cells is not None and bool(self.cells.problems)

    def fingerprint(self) -> str:
        """The sha256 the result publishes."""
        # (no sha256 yet: a caller's tree that is not plain, which _unwritten's walk found so)
        return self.sha256 if self.sha256 is not None else written_sha256(self.tree)

    def exact(self) -> Source | None:
        """The same file read so that repeated keys are named, or ``None`` when it has no text."""
        if self.again is None:
            return None
        tree = parse_json_exact(self.again(), self.name)
        return attrs.evolve(self, tree=tree, owned=False)


def open_evidence(source: EvidenceSource, /, *, name: str | None = None) -> Source:
    """Read evidence from a path, bytes (standard input), a JSON-like mapping or records."""
    if isinstance(source, Evidence):
        label = name or source.source
        if source.sha256:  # loaded from a file, and checked then
            return Source(label, evidence_tree(source), source.sha256)
        return _unwritten(Source(label, evidence_tree(source), None))
    if isinstance(source, bytes):
        data = source
        label = name or M.STANDARD_INPUT.render()
        check_size(len(data), label, most=MAX_JSON_BYTES)
        if _is_workbook(data):
            return _workbook(data, label)
        parsed = parse_json([data], label)
        return Source(label, parsed.tree, parsed.sha256, parsed.strings, lambda: data, owned=True)
    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        label = name or path
        box = [read_bytes(path)]
        if _is_workbook(box[0]):
            return _workbook(box[0], label)
        if path.lower().endswith(WORKBOOK_SUFFIXES):
            # (named as a workbook but not one: a damaged file, or a CSV or web page saved
            # under a spreadsheet's name, as some positioning systems export; not read as JSON)
            raise fail(label, "", M.NOT_A_WORKBOOK())
        again = _again(path, box[0])
        parsed = parse_json(box, label)  # (which lets the bytes go as soon as they are decoded)
        return Source(label, parsed.tree, parsed.sha256, parsed.strings, again, owned=True)
    # A JSON-like value from a Python caller (a mapping, or anything else, which the checks refuse).
    return _unwritten(Source(name or "<evidence>", source, None))


def _unwritten(source: Source) -> Source:
    """``source``, a caller's mapping or records, after the checks a file gets from its parser:
    no key that is no string, no half of a surrogate pair, no nesting beyond the bound. A plain
    tree passes them in the walk that gives its fingerprint; only another is walked again, to
    say where it is not plain (or to find it as fine as a file, and its fingerprint later)."""
    digest = plain_sha256(source.tree, most=MAX_DEPTH)
    if digest is None:
        problems = Collector(source.name, json_file=True)
        check_tree(problems, source.tree)
        problems.raise_if_any()
    return attrs.evolve(source, sha256=digest)


#: the names of spreadsheet files
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")


def _is_workbook(data: bytes) -> bool:
    """A spreadsheet's first bytes (a zip, or an OLE2 file): JSON text never starts so."""
    return data[:4] in (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")


def _workbook(data: bytes, label: str) -> Source:
    """A workbook's source: its sheets read, its tree to come with the rule file."""
    from .workbook import read_workbook  # noqa: PLC0415 - spreadsheets only when given one

    book = read_workbook(data, label)
    return Source(label, None, book.sha256, book=book)


def _again(path: str, data: bytes) -> Callable[[], bytes]:
    """How to read a file's bytes again: from the file, or, for a pipe (which can be read once),
    from the ``data`` read now."""
    if os.path.isfile(path):
        return lambda: read_bytes(path)
    return lambda: data


def load_evidence(
    source: EvidenceSource, /, *, rules: Ruleset | None = None, name: str | None = None
) -> Evidence:
    """Load an evidence file from a path, or evidence given as a JSON-like mapping, as records.

    With ``rules``, the evidence is also checked against that rule file (event
    kinds, metric names, the period, every metric a rule needs), and all
    problems are reported together. ``name`` is what problems call the evidence
    (as for :func:`~inspector_scoring.score_file`). Raises :class:`InvalidInputError`.

    A province's month is scored faster by :func:`~inspector_scoring.score_file`,
    which builds no record per event.
    """
    opened = open_evidence(source, name=name)
    if opened.book is not None:
        from ..rules.load import default_rules  # noqa: PLC0415

        opened = opened.with_rules(rules or default_rules())
    problems = opened.locate(checked(opened, rules))
    if problems:
        raise InvalidInputError(problems)
    assert isinstance(opened.tree, Mapping)
    return evidence_records(opened.tree, source=opened.name, sha256=opened.fingerprint())


def checked(opened: Source, rules: Ruleset | None) -> list[Any]:
    """Every problem of the evidence (against ``rules`` too, when given), in the order reported."""
    check = Check(opened.tree, rules, source=opened.name, owned=False)
    for _ in check.inspectors():
        pass
    problems = check.problems
    if check.needs_exact(opened.strings) and (exact := opened.exact()) is not None:
        # The file again, so that a key given twice is named where it is.
        again = Check(exact.tree, rules, source=exact.name, owned=False)
        for _ in again.inspectors():
            pass
        problems = again.problems
    return problems

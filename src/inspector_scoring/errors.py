"""The one error type: every problem with the input, each tied to its file and place."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from .i18n import REGISTRY, Message, Text, current_language, visible

__all__ = ["Collector", "InvalidInputError", "Problem"]


@attrs.frozen(slots=True, order=True)
class Problem:
    """One thing wrong with an input file, located by file and place.

    ``path`` is the key path inside the file (``items[2].rules[0].per``,
    ``inspectors[3].events[17].at``) or, in a workbook, the cell (``人员!D3``);
    it is empty for a problem with the whole file (unreadable, or a syntax
    error, whose message keeps the line and column). ``message`` is the text in
    the language chosen when the problem was found; ``code`` and ``params`` say
    the same for programs (``number.negative`` with ``value``), and
    :meth:`text` writes it in another language.
    """

    file: str
    path: str
    message: str
    #: the stable code of the message (see :mod:`inspector_scoring.messages`); empty for none
    code: str = attrs.field(default="", order=False)
    #: the values of the message's placeholders, as shown (quoted values stay as they are)
    params: tuple[tuple[str, object], ...] = attrs.field(default=(), order=False, eq=False, repr=False)

    def __str__(self) -> str:
        return self._line(self.message)

    def said(self, language: str) -> str:
        """The message alone, in ``language`` (``zh`` or ``en``)."""
        message = REGISTRY.get(self.code)
        return Text(message, self.params).render(language) if message is not None else self.message

    def text(self, language: str) -> str:
        """``FILE: PATH: message`` with the message in ``language`` (``zh`` or ``en``)."""
        return self._line(self.said(language))

    def _line(self, said: str) -> str:
        # The file's name and the path are shown, never obeyed, like the values in the message
        # (a name holding an ESC or a U+202E is written as \x1b or \u202e).
        if self.path:
            return f"{visible(self.file)}: {visible(self.path)}: {visible(said)}"
        return f"{visible(self.file)}: {visible(said)}"

    @classmethod
    def of(cls, file: str, path: str, text: Text) -> Problem:
        """The problem ``text`` (a message with its values) at ``path`` of ``file``."""
        return cls(file, path, text.render(), text.message.code, text.params)

    def as_dict(self, language: str | None = None) -> dict[str, object]:
        """The problem as plain JSON values, for another system to store, match by ``code`` or
        show in its own words: ``file``, ``path``, ``code``, ``params`` (a value that is itself
        a message, such as a "did you mean" hint, as ``{"code": …, "params": …}``; a list as a
        list; a number as its text) and ``message`` in ``language`` (default: the current one)."""
        return {
            "file": self.file,
            "path": self.path,
            "code": self.code,
            "params": {name: _plain(value) for name, value in self.params},
            "message": self.said(language or current_language()),
        }


def _plain(value: object) -> object:
    """A message's value as JSON holds it (:meth:`Problem.as_dict`)."""
    if isinstance(value, Text):
        return {"code": value.message.code, "params": {name: _plain(item) for name, item in value.params}}
    if isinstance(value, tuple):  # (a Listing: values shown as one list)
        return [_plain(item) for item in value]
    if value is None or isinstance(value, (str, int, bool)):
        return value
    return str(value)  # (a Decimal, a date: as the message shows it)


class InvalidInputError(ValueError):
    """The input cannot be scored; ``problems`` lists every reason found in one pass.

    It is a :class:`ValueError`, so callers that only care that the input was
    bad can catch that. ``str(error)`` is one problem per line, each
    ``FILE: PATH: message``.
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        if not self.problems:
            raise ValueError("InvalidInputError needs at least one problem")
        super().__init__(str(self.problems[0]))  # (the first, for repr(); str() says them all)

    def __str__(self) -> str:
        # (written when asked for: a file with 10^5 problems whose error is only counted, or
        # printed problem by problem, does not pay for one more copy of them all)
        return "\n".join(str(problem) for problem in self.problems)

    def lines(self, language: str | None = None) -> list[str]:
        """Every problem as ``FILE: PATH: message``, in ``language`` (default: the current one)."""
        language = language or current_language()
        return [problem.text(language) for problem in self.problems]


def fail(file: str, path: str, text: Text) -> InvalidInputError:
    """The error of one problem, to raise."""
    return InvalidInputError([Problem.of(file, path, text)])


class Collector:
    """Gathers problems for one file while a loader walks it (internal)."""

    __slots__ = ("_seen", "file", "hints", "json_file", "problems")

    def __init__(self, file: str, *, json_file: bool = False) -> None:
        self.file = file
        #: a JSON file names its mappings "objects"; a TOML file, "tables"
        self.json_file = json_file
        self.problems: list[Problem] = []
        self._seen: set[Problem] = set()
        #: how many "did you mean" hints were asked for (the first ones are given)
        self.hints = 0

    def add(self, path: str, message: Message, /, **params: object) -> None:
        """Record ``message`` with these values at ``path`` (once, however many checks find it)."""
        self.report(path, message(**params))

    def report(self, path: str, text: Text) -> None:
        """Record a message already given its values at ``path`` (once)."""
        self.report_problem(Problem.of(self.file, path, text))

    def report_problem(self, problem: Problem) -> None:
        """Record a problem found by another collector of the same file (once)."""
        if problem not in self._seen:
            self._seen.add(problem)
            self.problems.append(problem)

    def raise_if_any(self) -> None:
        """Raise :class:`InvalidInputError` when anything was recorded."""
        if self.problems:
            raise InvalidInputError(self.problems)

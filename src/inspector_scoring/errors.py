"""The one error type: every problem with the input, each tied to its file and key path."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = ["InvalidInputError", "Problem"]


@attrs.frozen(slots=True, order=True)
class Problem:
    """One thing wrong with an input file, located by file and key path.

    ``path`` is the dotted key path inside the file (``items[2].rules[0].per``,
    ``inspectors[3].events[17].at``); it is empty for a problem with the whole
    file (unreadable, or a syntax error, whose message keeps the line and column).
    """

    file: str
    path: str
    message: str

    def __str__(self) -> str:
        if self.path:
            return f"{self.file}: {self.path}: {self.message}"
        return f"{self.file}: {self.message}"


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
        super().__init__("\n".join(str(problem) for problem in self.problems))


class Collector:
    """Gathers problems for one file while a loader walks it (internal)."""

    __slots__ = ("_seen", "file", "problems")

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self._seen: set[Problem] = set()

    def add(self, path: str, message: str) -> None:
        """Record one problem at ``path`` (once, however many checks find it)."""
        problem = Problem(self.file, path, message)
        if problem not in self._seen:
            self._seen.add(problem)
            self.problems.append(problem)

    def raise_if_any(self) -> None:
        """Raise :class:`InvalidInputError` when anything was recorded."""
        if self.problems:
            raise InvalidInputError(self.problems)

"""The command line's words: argparse in the chosen language, and the options commands share.

argparse writes its own sentences (``usage:``, ``options:``, ``the following
arguments are required``) through :func:`gettext.gettext`; they are looked up
here in this package's catalog instead, under the context ``argparse``, so
that ``score --help`` and every usage error read in Chinese too.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from .. import messages as M
from .._version import __version__
from ..i18n import Message, current_language, translate_argparse, use_language, visible
from ..views.formats import DEFAULT_WIDTH, MAX_WIDTH, MIN_WIDTH, NOTICE_FORMATS
from ..views.measure import char_cells, text_cells

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import NoReturn

    from _typeshed import SupportsWrite

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_MISMATCH = 3
FORMATS = ("table", "json", *NOTICE_FORMATS[1:])
LANG_CHOICES = ("zh", "en")

#: argparse's sentences a person can read, as Python 3.11 to 3.13 write them: each has a
#: translation in the catalog (a test says so).
ARGPARSE_TEXTS = (
    "usage: ",
    "options",
    "positional arguments",
    "show this help message and exit",
    "the following arguments are required: %s",
    "unrecognized arguments: %s",
    "expected one argument",
    "expected at most one argument",
    "expected at least one argument",
    "invalid choice: %(value)r (choose from %(choices)s)",
    "argument %(argument_name)s: %(message)s",
    "%(prog)s: error: %(message)s\n",
    "ambiguous option: %(option)s could match %(matches)s",
    "invalid %(type)s value: %(value)r",
    "not allowed with argument %s",
    "one of the arguments %s is required",
    "ignored explicit argument %r",
    "unexpected option string: %s",
)
ARGPARSE_PLURALS = (("expected %s argument", "expected %s arguments"),)


#: full-width punctuation that must not begin a line: it stays on the character before it
_CLOSING = frozenset("，。；：、）」』》！？")


def cells(text: str) -> int:
    """The columns ``text`` takes on a terminal (a wide character two)."""
    return text_cells(text)


def _tokens(text: str) -> list[str]:
    """``text`` cut where a line may break: at spaces (kept as tokens of their own) and
    around each wide character (with the closing punctuation after it)."""
    tokens: list[str] = []
    for char in text:
        wide = char_cells(char) == 2
        last = tokens[-1] if tokens else ""
        if char.isspace():
            if last.isspace():
                tokens[-1] += char
            else:
                tokens.append(char)
        elif last and not last.isspace() and (char in _CLOSING if wide else char_cells(last[-1]) != 2):
            tokens[-1] += char  # closing punctuation on its character, or the rest of a word
        else:
            tokens.append(char)
    return tokens


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` columns, broken at spaces or between wide characters
    (argparse counts characters, so Chinese help would run past the edge)."""
    lines: list[str] = []
    line = ""
    for token in _tokens(" ".join(text.split())):
        if token.isspace():
            if line:
                line += " "
            continue
        if line and cells(line.rstrip()) + cells(token) > width:
            lines.append(line.rstrip())
            line = ""
        line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _chinese_heading(line: str) -> str:
    """A section heading ending in a wide character takes a full-width colon."""
    if len(line) > 1 and line.endswith(":") and not line[0].isspace() and char_cells(line[-2]) == 2:
        return line[:-1] + "："
    return line


class _Parser(argparse.ArgumentParser):
    """argparse, with two of its habits changed: a failed write of its help, usage or version
    is not passed over in silence (argparse ignores it: ``--help >/dev/full`` said nothing and
    exited 0), and the arguments a usage error echoes are shown, never obeyed (an ESC, a BEL
    or a U+202E typed on the command line is written as an escape)."""

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        if message:
            (file or sys.stderr).write(message)

    def error(self, message: str) -> NoReturn:
        """Print the usage and the (escaped) message on standard error; exit 2."""
        super().error(visible(message))


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """argparse's layout, measured in terminal columns rather than characters."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap(text, width)

    def format_help(self) -> str:
        # argparse ends a section heading with an ASCII colon; a Chinese heading takes "：".
        return "\n".join(map(_chinese_heading, super().format_help().split("\n")))

    def _format_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None,
    ) -> str:
        text = super()._format_usage(usage, actions, groups, prefix)
        said = prefix if prefix is not None else translate_argparse("usage: ")
        wider = cells(said) - len(said)
        if not wider:
            return text
        # Continuation lines are indented by the prefix's length in characters; on screen it is wider.
        return "\n".join(
            " " * wider + line if n and line.startswith(" ") else line
            for n, line in enumerate(text.split("\n"))
        )


class Usage(Exception):
    """A usage error found after parsing (exit 2)."""


def speak(args: list[str]) -> None:
    """Choose the language from ``--lang`` before any parser is built, and make argparse speak it.

    ``--lang`` is read ahead of argparse because the parsers' own help is
    written in the language; a wrong value is left for argparse to refuse.
    """
    for index, arg in enumerate(args):
        if arg == "--":
            break
        value = None
        if is_lang(arg) and "=" not in arg and index + 1 < len(args):
            value = args[index + 1]
        elif is_lang(arg):
            value = arg.partition("=")[2]
        if value in LANG_CHOICES:
            use_language(value)
    # The command's language is settled once: SCORE_LANG and the locale are not read again for
    # every message (50,000 problems read the environment 50,000 times).
    use_language(current_language())
    argparse._ = translate_argparse  # type: ignore[attr-defined]
    argparse.ngettext = _translate_plural  # type: ignore[attr-defined]


def is_lang(arg: str) -> bool:
    """Whether ``arg`` is ``--lang`` (or ``--lang=zh``), as argparse reads it: also shortened
    (``--lan zh``, ``--la=zh``), no other option beginning so."""
    option = arg.partition("=")[0]
    return len(option) >= len("--l") and "--lang".startswith(option)


def _translate_plural(singular: str, plural: str, count: int) -> str:
    return translate_argparse(singular if count == 1 else plural, plural=(singular, plural, count))


def parser(
    prog: str, description: Message, *, examples: tuple[str, ...], more: str = ""
) -> argparse.ArgumentParser:
    """A parser with the description, examples and exit codes in the chosen language."""
    heading = M.HELP_EXAMPLES if len(examples) > 1 else M.HELP_EXAMPLE
    lines = [more, ""] if more else []
    lines += [heading.render(), *(f"  {example}" for example in examples), "", M.HELP_EXIT_CODES.render()]
    made = _Parser(
        prog=prog,
        description=description.render(),
        epilog="\n".join(lines),
        formatter_class=_Formatter,
    )
    made.add_argument("--lang", choices=LANG_CHOICES, default=current_language(), help=M.HELP_LANG.render())
    return made


def version_option(made: argparse.ArgumentParser) -> None:
    """``--version``."""
    made.add_argument(
        "--version", action="version", version=f"%(prog)s {__version__}", help=M.HELP_VERSION.render()
    )


def rules_option(made: argparse.ArgumentParser, *, folder: bool = True) -> None:
    """``--rules PATH``: a rule file, or (where ``folder``) a folder of them."""
    text = M.HELP_RULES if folder else M.HELP_RULES_ONE
    made.add_argument("--rules", metavar="PATH", help=text.render())


def output_option(made: argparse.ArgumentParser) -> None:
    """``--output FILE``."""
    made.add_argument("--output", metavar="FILE", help=M.HELP_OUTPUT.render())


def notice_options(made: argparse.ArgumentParser, *, explain: bool = True) -> None:
    """The options of a notice: format, output, notice period, masking, explanation and width."""
    made.add_argument("--format", choices=FORMATS, default="table", help=M.HELP_FORMAT.render())
    output_option(made)
    made.add_argument("--publish-on", metavar="DATE", type=_date, help=M.HELP_PUBLISH_ON.render())
    made.add_argument("--mask-names", action="store_true", help=M.HELP_MASK_NAMES.render())
    if explain:
        made.add_argument(
            "--explain", choices=("deductions", "all"), default="deductions", help=M.HELP_EXPLAIN.render()
        )
    made.add_argument(
        "--width", type=_width, metavar="CELLS", help=M.HELP_WIDTH.render(default=DEFAULT_WIDTH)
    )


def columns() -> int:
    """The width of text written to a file or a pipe: ``COLUMNS`` when it is a width
    (:data:`MIN_WIDTH` cells or more; at most :data:`MAX_WIDTH`), else :data:`DEFAULT_WIDTH`."""
    import os  # noqa: PLC0415

    text = os.environ.get("COLUMNS", "").strip()
    if not (text.isascii() and text.isdigit()):
        return DEFAULT_WIDTH
    if len(text) > len(str(MAX_WIDTH)):  # (read as a number only once it is known to be short)
        return MAX_WIDTH
    return min(int(text), MAX_WIDTH) if int(text) >= MIN_WIDTH else DEFAULT_WIDTH


def _date(text: str) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(M.NOT_A_DATE_ARGUMENT.render(value=repr(text))) from None
    from ..workdays import LAST_FIRST_DAY  # noqa: PLC0415 - only with --publish-on

    if day > LAST_FIRST_DAY:
        raise argparse.ArgumentTypeError(
            M.PUBLISH_ON_TOO_LATE.render(most=LAST_FIRST_DAY.isoformat(), value=day.isoformat())
        )
    return day


def _width(text: str) -> int:
    if not (text.isascii() and text.isdigit()):
        raise argparse.ArgumentTypeError(M.WIDTH_TOO_SMALL.render(minimum=MIN_WIDTH, value=repr(text)))
    digits = text.lstrip("0") or "0"  # (compared by length first: a million digits is never converted)
    if len(digits) > len(str(MAX_WIDTH)) or int(digits) > MAX_WIDTH:
        shown = text if len(text) <= 20 else text[:17] + "..."
        raise argparse.ArgumentTypeError(M.WIDTH_TOO_LARGE.render(maximum=MAX_WIDTH, value=repr(shown)))
    if int(digits) < MIN_WIDTH:
        raise argparse.ArgumentTypeError(M.WIDTH_TOO_SMALL.render(minimum=MIN_WIDTH, value=repr(text)))
    return int(digits)

"""The language of what a person reads: Simplified Chinese or English, from gettext catalogs.

Every sentence is written once, in English, as a :class:`Message` with a code
(:mod:`inspector_scoring.messages`); the Chinese is in the standard gettext
catalog ``locale/zh/LC_MESSAGES/inspector_scoring.po``, compiled into the
package when it is built. The language is, in this order: the one chosen with
:func:`use_language` (the command's ``--lang``), ``SCORE_LANG``, the locale
(``LC_ALL``, ``LC_MESSAGES``, ``LANG``, ``LANGUAGE``) and, where none of those is
set, the system's user-interface language (Windows). ``zh…`` gives Chinese,
anything else English.

Kept free of heavy imports: ``score --help`` is rendered through it.
"""

from __future__ import annotations

import os
import re
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from gettext import NullTranslations

__all__ = [
    "LANGUAGES",
    "Listing",
    "Message",
    "Text",
    "current_language",
    "language_from_environment",
    "quote",
    "use_language",
    "visible",
]

#: the languages messages exist in
LANGUAGES = ("zh", "en")
DOMAIN = "inspector_scoring"
_chosen: str | None = None
_catalogs: dict[str, NullTranslations] = {}
#: every message by its code, for re-rendering a problem in another language
REGISTRY: dict[str, Message] = {}


def normalise(name: str | None) -> str | None:
    """``zh`` for any Chinese locale name (``zh_CN.UTF-8``, ``zh-Hans``), ``en`` for any other
    non-empty name, ``None`` for nothing."""
    if not name or not name.strip():
        return None
    return "zh" if name.strip().lower().startswith("zh") else "en"


def _windows_language() -> str | None:  # pragma: no cover - only on Windows
    """The user-interface language Windows reports, where no locale variable is set."""
    try:
        import ctypes  # noqa: PLC0415

        language_id = ctypes.windll.kernel32.GetUserDefaultUILanguage()  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return None
    # The primary language is the low 10 bits of a LANGID; 0x04 is Chinese.
    return "zh" if language_id & 0x3FF == 0x04 else "en"


def _macos_language() -> str | None:  # pragma: no cover - only on macOS
    """The first of the user's preferred languages on macOS, where no locale variable is set."""
    import subprocess  # noqa: PLC0415

    try:
        found = subprocess.run(
            ["defaults", "read", "-g", "AppleLanguages"],
            capture_output=True,
            text=True,
            timeout=2,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    for line in found.splitlines():
        name = line.strip().strip('",()')
        if name:
            return normalise(name)
    return None


def language_from_environment(environ: dict[str, str] | None = None, platform: str | None = None) -> str:
    """``SCORE_LANG``, then the locale variables, then the system's UI language; English by default."""
    env = os.environ if environ is None else environ
    for variable in ("SCORE_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        found = normalise(env.get(variable))
        if found is not None:
            # LANGUAGE is a list ("zh_CN:en"); its first entry decides.
            if variable == "LANGUAGE":
                found = normalise(env[variable].split(":")[0]) or "en"
            return found
    system = platform or sys.platform
    if system == "win32":
        return _windows_language() or "en"
    if system == "darwin" and environ is None:
        return _macos_language() or "en"
    return "en"


def use_language(language: str | None) -> None:
    """Choose the language of messages for this process (``zh`` or ``en``); ``None`` goes back to
    the environment's."""
    global _chosen  # noqa: PLW0603 - one setting per process, as gettext's own
    if language is not None and language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, got {language!r}")
    _chosen = language


def current_language() -> str:
    """The language messages are written in now."""
    return _chosen or language_from_environment()


def catalog(language: str) -> NullTranslations:
    """The compiled catalog of ``language`` (English is the text itself)."""
    found = _catalogs.get(language)
    if found is None:
        import gettext  # noqa: PLC0415 - only when a message is written

        if language == "en":
            found = gettext.NullTranslations()
        else:
            folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "locale")
            found = gettext.translation(DOMAIN, folder, languages=[language], fallback=True)
        _catalogs[language] = found
    return found


def translate(code: str, text: str, language: str | None = None) -> str:
    """``text`` (the English of message ``code``) in ``language`` (default: the current one)."""
    language = language or current_language()
    if language == "en":
        return text
    return catalog(language).pgettext(code, text)


class Message:
    """A sentence a person reads: a stable code and its English text, with ``{named}`` placeholders.

    Calling it with the placeholders' values gives a :class:`Text`; the Chinese
    comes from the catalog, found by the code and the English text.
    """

    __slots__ = ("code", "text")

    def __init__(self, code: str, text: str) -> None:
        self.code = code
        self.text = text
        REGISTRY[code] = self

    def __call__(self, **params: object) -> Text:
        return Text(self, tuple(params.items()))

    def __repr__(self) -> str:
        return f"Message({self.code!r}, {self.text!r})"

    def render(self, language: str | None = None, **params: object) -> str:
        """The message in ``language`` with these values."""
        return Text(self, tuple(params.items())).render(language)


class Text:
    """A message with the values of its placeholders: rendered in any language on demand.

    A value that is itself a :class:`Text` (a "did you mean" hint) is rendered in
    the same language; every other value is shown as it is.
    """

    __slots__ = ("message", "params")

    def __init__(self, message: Message, params: tuple[tuple[str, object], ...]) -> None:
        self.message = message
        self.params = params

    def render(self, language: str | None = None) -> str:
        """The text in ``language`` (default: the current one)."""
        language = language or current_language()
        values = {name: _rendered(value, language) for name, value in self.params}
        return translate(self.message.code, self.message.text, language).format_map(values)

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"Text({self.message.code!r}, {dict(self.params)!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Text):
            return NotImplemented
        return self.message.code == other.message.code and self.params == other.params

    def __hash__(self) -> int:
        return hash((self.message.code, self.params))


class Listing(tuple[object, ...]):
    """Values shown as one list: ``a, b, c`` in English, ``a、b、c`` in Chinese (a :class:`Text`
    among them in the same language)."""

    __slots__ = ()

    def render(self, language: str | None = None) -> str:
        """The list in ``language`` (default: the current one)."""
        language = language or current_language()
        return ("、" if language == "zh" else ", ").join(str(_rendered(item, language)) for item in self)

    def __str__(self) -> str:
        return self.render()


def _rendered(value: object, language: str) -> object:
    """A placeholder's value as shown: a :class:`Text` in ``language``, a :class:`Listing` joined
    as the language joins lists, a tuple of texts as sentences, text with its invisible
    characters made visible (:func:`visible`)."""
    if isinstance(value, Text | Listing):
        return value.render(language)
    if isinstance(value, tuple) and value and isinstance(value[0], Text):
        return ("；" if language == "zh" else "; ").join(part.render(language) for part in value)
    if isinstance(value, str):
        return visible(value)
    return value


# -- values shown, never obeyed ---------------------------------------------------

#: Every character Unicode calls a control (Cc), a format character (Cf, which holds the
#: bidirectional marks, overrides and isolates and the zero-width characters), a surrogate
#: (Cs), or a line or paragraph separator (Zl, Zp), as of Unicode 15.1: what a terminal would
#: obey or hide rather than show (ESC starts a colour or an OSC 8 link, U+009B is a CSI, CR
#: and BS rewrite a line, U+202E turns the rest of a line around). A test compares it with
#: :mod:`unicodedata` of the running Python.
HIDDEN = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ud800-\udfff\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f"
    # the noncharacters (never text to show; U+FFFE and U+FFFF are not even allowed in XML)
    "\ufdd0-\ufdef\ufffe\uffff"
    + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(1, 17))
    + "]"
)
#: the longest quoted value a message shows, in characters (more is cut, with "...")
SHOWN = 60


_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(found: re.Match[str]) -> str:
    char = found.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def visible(text: str) -> str:
    """``text`` with every character a terminal would obey or hide written as an escape
    (``\\x1b``, ``\\x9b``, ``\\u202e``, ``\\x00``; a line break, a carriage return and a tab
    as ``\\n``, ``\\r``, ``\\t``): what a message shows of a value."""
    return HIDDEN.sub(_escape, text) if HIDDEN.search(text) else text


def quote(text: str, *, most: int = SHOWN) -> str:
    """A value as a message shows it: in double quotes, with ``"`` and ``\\`` escaped as JSON
    does, invisible characters made visible, and cut to ``most`` characters (``..."``)."""
    cut = len(text) > most
    if cut:
        text = text[: most - 3]
    shown = visible(text.replace("\\", "\\\\").replace('"', '\\"'))
    return f'"{shown}..."' if cut else f'"{shown}"'


def translate_argparse(text: str, plural: tuple[str, str, int] | None = None) -> str:
    """argparse's own sentence ``text`` in the current language (context ``argparse`` in the
    catalog); ``plural`` is ngettext's (singular, plural, count)."""
    language = current_language()
    if language == "en":
        return text
    if plural is not None:
        return catalog(language).npgettext("argparse", *plural)
    return catalog(language).pgettext("argparse", text)

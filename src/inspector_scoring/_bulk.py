"""Building many small records at once, without the cyclic garbage collector (internal)."""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

__all__ = ["bulk", "pause_collector"]


class _Pause:
    """The pause, shared by every thread that calls the library: Python has one cyclic collector
    per process, so the first call to begin pauses it, and the last to end gives it back as the
    first found it (two calls overlapping in threads must not leave it off, nor turn it on under
    the other)."""

    __slots__ = ("lock", "running", "wanted", "was_enabled")

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.running = 0
        self.was_enabled = False
        self.wanted = True


_pause = _Pause()


def pause_collector(enabled: bool, /) -> bool:
    """Whether the library pauses Python's cyclic garbage collector while it builds records.

    It does by default: the records are acyclic and freed by reference counting, and
    the collector would only walk them again and again as they pile up (about a tenth
    of a 20,000-inspector month, loaded, scored and written). The collector is the
    process's, so while a call runs, *other threads* get no cyclic collection either,
    and a ``gc.enable()`` or ``gc.disable()`` made meanwhile is undone when the last
    running call ends. A program for which that matters turns the pause off with
    ``pause_collector(False)``; the results are the same either way. Returns the
    setting it replaces.
    """
    with _pause.lock:
        was, _pause.wanted = _pause.wanted, bool(enabled)
    return was


@contextlib.contextmanager
def bulk() -> Iterator[None]:
    """Pause the cyclic collector while a loader or the scorer builds its records.

    Its previous state is restored when the last overlapping call ends, with what
    was built meanwhile in its oldest generation. Nothing is paused when
    :func:`pause_collector` turned it off (and no other call is running).
    """
    with _pause.lock:
        paused = _pause.wanted or _pause.running > 0
        if paused:
            if _pause.running == 0:
                _pause.was_enabled = gc.isenabled()
                gc.disable()
            _pause.running += 1
    try:
        yield
    finally:
        if paused:
            with _pause.lock:
                _pause.running -= 1
                if _pause.running == 0 and _pause.was_enabled:
                    _resume()


def _resume() -> None:
    if not gc.get_freeze_count():
        # What was built meanwhile goes to the oldest generation as it is: resumed, the
        # collector would first walk every new record (10^5 of a province's results, a tenth
        # of a second) to find no cycle. (Not when the caller keeps objects frozen:
        # unfreezing would hand its objects back too.)
        gc.freeze()
        gc.unfreeze()
    gc.enable()

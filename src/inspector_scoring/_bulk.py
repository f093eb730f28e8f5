"""Building many small records at once, without the cyclic garbage collector (internal)."""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

__all__ = ["bulk", "pause_collector"]


class _Pause:
    """The pause, shared by every thread that calls the library (Python has one cyclic collector
    per process). Only a call that begins while no other runs pauses it, and it gives it back when
    it ends, whatever others are still running: so the collector is never off for longer than
    one call, however the calls of a busy server overlap (calls that joined a running pause kept
    it off for as long as any overlapped: for ever, under steady load)."""

    __slots__ = ("lock", "running", "wanted")

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.running = 0
        self.wanted = True


_pause = _Pause()


def pause_collector(enabled: bool, /) -> bool:
    """Set whether calls of the library pause Python's cyclic garbage collector while they build
    records; returns the setting it replaces.

    They do by default: the records are acyclic and freed by reference counting, and
    the collector would only walk them again and again as they pile up (about a tenth
    of a 20,000-inspector month, loaded, scored and written). The collector is the
    process's: a call that begins while no other call runs turns it off until it
    ends, for every thread, then turns it back on if it was on (even if another
    thread turned it off meanwhile); calls that overlap it run as it is. A program
    whose other threads must collect all the time turns the pause off with
    ``pause_collector(False)``, from the next call on; the results are the same
    either way.
    """
    with _pause.lock:
        was, _pause.wanted = _pause.wanted, bool(enabled)
    return was


@contextlib.contextmanager
def bulk() -> Iterator[None]:
    """Pause the cyclic collector while a loader or the scorer builds its records (when no other
    call runs and :func:`pause_collector` allows), and give it back as it was when this ends,
    with what was built meanwhile in its oldest generation."""
    with _pause.lock:
        pausing = _pause.wanted and _pause.running == 0 and gc.isenabled()
        if pausing:
            gc.disable()
        _pause.running += 1
    try:
        yield
    finally:
        with _pause.lock:
            _pause.running -= 1
            if pausing:
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

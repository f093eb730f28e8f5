"""Building many small records at once, without the cyclic garbage collector (internal)."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["bulk"]


@contextlib.contextmanager
def bulk() -> Iterator[None]:
    """Pause the cyclic collector while a loader or the scorer builds its records.

    The records are acyclic and freed by reference counting; the collector would
    only rescan them as they pile up (half the time of a 20,000-inspector run).
    Its previous state is restored afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()

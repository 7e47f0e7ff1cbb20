"""Pausing Python's cyclic garbage collector while a book is read."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused(*, freeze: bool = False) -> Iterator[None]:
    """Pause the cyclic collector inside.

    Reading a book makes hundreds of thousands of objects and no reference
    cycles; with the collector running, it scans them again and again while
    they are made, and a load or an export takes up to twice as long.
    ``freeze``: move everything that exists afterwards out of later scans
    (a book held for a whole session).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if was_enabled:
            gc.enable()

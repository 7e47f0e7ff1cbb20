"""Work shared with a forked copy of this process, on a second core.

Writing a large book's export is seconds of pure Python, one contact after
another; Python runs one thread at a time, but a forked copy of the process
has the whole book already in memory and a core of its own.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import threading
from collections.abc import Callable, Sequence
from typing import NoReturn, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Below this many items, forking costs more than it saves.
LEAST_TO_SHARE = 1000


def shared_map(
    work: Callable[[Sequence[T]], list[R]], items: Sequence[T], *, least: int = LEAST_TO_SHARE
) -> list[R]:
    """``work(items)``, with the second half of ``items`` done meanwhile by a
    forked copy of this process when that can help: at least ``least``
    items, a second core, and no other thread (a fork copies only the
    calling thread, and locks other threads may hold).

    ``work`` must give the same results in either process, and its results
    must pickle. Should the copy fail in any way, its half is done here.
    """
    if len(items) < max(least, 2) or not _can_fork():
        return work(items)
    half = len(items) // 2
    first, second = items[:half], items[half:]
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:
        _do_in_child(work, second, read_end, write_end)
    os.close(write_end)
    try:
        mine = work(first)
        theirs: list[R] | None = _collect(read_end, child)
    except BaseException:
        with contextlib.suppress(OSError):
            os.kill(child, signal.SIGKILL)
            os.waitpid(child, 0)
        raise
    return mine + (theirs if theirs is not None else work(second))


def _can_fork() -> bool:
    if not hasattr(os, "fork") or threading.active_count() > 1:
        return False
    cores = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    return (len(cores) if cores is not None else os.cpu_count() or 1) > 1


def _do_in_child(
    work: Callable[[Sequence[T]], list[R]], items: Sequence[T], read_end: int, write_end: int
) -> NoReturn:
    """Send ``work(items)`` down the pipe and end, without running anything
    the parent set up to run at exit (or flushing its output twice)."""
    status = 1
    try:
        os.close(read_end)
        with os.fdopen(write_end, "wb") as pipe:
            pickle.dump(work(items), pipe, protocol=pickle.HIGHEST_PROTOCOL)
        status = 0
    finally:
        os._exit(status)


def _collect(read_end: int, child: int) -> list[R] | None:
    """The child's results, or None when it failed."""
    with os.fdopen(read_end, "rb") as pipe:
        try:
            results: list[R] | None = pickle.load(pipe)
        except (EOFError, ValueError, pickle.UnpicklingError):
            results = None
    _, status = os.waitpid(child, 0)
    return results if status == 0 else None

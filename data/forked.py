"""Work shared with a forked copy of this process, on a second core.

Writing a large book's export is seconds of pure Python, one contact after
another; Python runs one thread at a time, but a forked copy of the process
has the parsed book already in memory and a core of its own.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pickle
import signal
import threading
from collections.abc import Callable, Sequence
from types import TracebackType
from typing import Generic, NoReturn, Self, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Below this many items, forking costs more than it saves.
LEAST_TO_SHARE = 1000
# How much of the copy's results a read takes, and a pipe holds where it can
# be set (Linux's F_SETPIPE_SZ; a megabyte is any user's limit by default).
_CHUNK = 1 << 20
_SET_PIPE_SIZE = getattr(fcntl, "F_SETPIPE_SZ", 1031)


class SharedWork(Generic[T, R]):
    """``work(items)``, the last ``there`` of ``items`` done by a forked copy
    of this process while this one does the rest, and anything else, when
    that can help: at least ``least`` items, a second core, and no other
    thread (a fork copies only the calling thread, and locks other threads
    may hold).

        with SharedWork(work, items, there=0.6) as shared:
            ...                                   # meanwhile, here
            results = shared.results(work(shared.here))

    ``work`` must give the same results in either process, and its results
    must pickle. Should the copy fail in any way, its items are done here.
    """

    def __init__(
        self,
        work: Callable[[Sequence[T]], list[R]],
        items: Sequence[T],
        *,
        there: float = 0.5,
        least: int = LEAST_TO_SHARE,
    ) -> None:
        self._work = work
        self._child: int | None = None
        self._read_end = -1
        split = len(items) - round(len(items) * there)
        if len(items) < max(least, 2) or not 0 < split < len(items) or not _can_fork():
            self.here, self._there = items, items[len(items) :]
            return
        self.here, self._there = items[:split], items[split:]
        self._read_end, write_end = os.pipe()
        child = os.fork()
        if child == 0:
            _do_in_child(work, self._there, self._read_end, write_end)
        self._child = child
        os.close(write_end)

    def results(self, mine: list[R]) -> list[R]:
        """``mine`` (the results for ``here``), then those of the copy, or
        of its items done here should it have failed."""
        child, self._child = self._child, None
        if child is None:
            return mine
        theirs: list[R] | None = self._collect(child)
        return mine + (theirs if theirs is not None else self._work(self._there))

    def _collect(self, child: int) -> list[R] | None:
        """The copy's results, once it has ended; None when it failed."""
        received = []
        with contextlib.suppress(OSError):
            while chunk := os.read(self._read_end, _CHUNK):
                received.append(chunk)
        os.close(self._read_end)
        _, status = os.waitpid(child, 0)
        if status != 0:
            return None
        try:
            results: list[R] = pickle.loads(b"".join(received))
        except (EOFError, ValueError, pickle.UnpicklingError):
            return None
        return results

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        # Left early (an error here): the copy's work is not wanted.
        child, self._child = self._child, None
        if child is not None:
            with contextlib.suppress(OSError):
                os.kill(child, signal.SIGKILL)
                os.waitpid(child, 0)
            with contextlib.suppress(OSError):
                os.close(self._read_end)


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
        # Made whole first: written piece by piece, the pickle would wait on
        # every piece for this process to read it.
        payload = pickle.dumps(work(items), protocol=pickle.HIGHEST_PROTOCOL)
        with contextlib.suppress(OSError):
            fcntl.fcntl(write_end, _SET_PIPE_SIZE, _CHUNK)  # fewer, larger reads
        view = memoryview(payload)
        while view:
            view = view[os.write(write_end, view) :]
        os.close(write_end)
        status = 0
    finally:
        os._exit(status)

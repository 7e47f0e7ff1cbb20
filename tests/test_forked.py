"""Work shared with a forked copy of the process gives what the process alone
gives, in order, and falls back to doing it all when the copy fails or
when forking is unsafe."""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path

import pendulum
import pytest

from bchan_tui.data import Store, forked
from bchan_tui.data.export_markdown import export_markdown
from bchan_tui.data.synthetic import write_size


@pytest.fixture
def can_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    """Share even on a one-core machine: what is tested is the result."""
    monkeypatch.setattr(forked, "_can_fork", lambda: True)


def squares_with_pid(items: Sequence[int]) -> list[tuple[int, int]]:
    return [(item * item, os.getpid()) for item in items]


def test_the_second_half_is_done_by_a_copy_and_the_order_is_kept(can_fork: None) -> None:
    results = forked.shared_map(squares_with_pid, range(10), least=2)
    assert [value for value, _ in results] == [item * item for item in range(10)]
    pids = [pid for _, pid in results]
    assert pids[:5] == [os.getpid()] * 5
    assert len(set(pids[5:])) == 1 and pids[5] != os.getpid()


def test_a_failing_copy_leaves_its_half_to_this_process(can_fork: None) -> None:
    parent = os.getpid()

    def fails_in_the_copy(items: Sequence[int]) -> list[int]:
        if os.getpid() != parent:
            raise RuntimeError("the copy fails")
        return [item + 1 for item in items]

    assert forked.shared_map(fails_in_the_copy, range(6), least=2) == list(range(1, 7))


def test_a_copy_that_dies_leaves_its_half_to_this_process(can_fork: None) -> None:
    parent = os.getpid()

    def dies_in_the_copy(items: Sequence[int]) -> list[int]:
        if os.getpid() != parent:
            os._exit(9)
        return list(items)

    assert forked.shared_map(dies_in_the_copy, range(6), least=2) == list(range(6))


def test_nothing_is_forked_while_another_thread_runs() -> None:
    # The dashboard exports from a worker thread: a fork copies only the
    # calling thread, and any lock another thread holds stays held forever.
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        results = forked.shared_map(squares_with_pid, range(10), least=2)
    finally:
        stop.set()
        other.join()
    assert {pid for _, pid in results} == {os.getpid()}


def test_few_items_are_not_shared(can_fork: None) -> None:
    results = forked.shared_map(squares_with_pid, range(10), least=11)
    assert {pid for _, pid in results} == {os.getpid()}


@pytest.mark.parametrize("reveal", [False, True], ids=["redacted", "revealed"])
def test_an_export_written_on_two_cores_is_the_one_written_on_one(
    tmp_path: Path,
    frozen: pendulum.DateTime,
    monkeypatch: pytest.MonkeyPatch,
    reveal: bool,
) -> None:
    db = tmp_path / "book.json"
    write_size(db, "S", frozen)
    forks: list[int] = []
    real_fork = os.fork

    def counted_fork() -> int:
        forks.append(1)
        return real_fork()

    monkeypatch.setattr(os, "fork", counted_fork)
    with Store(db, read_only=True) as reader:
        active = len(reader.contacts())
        monkeypatch.setattr(forked, "_can_fork", lambda: False)
        alone = export_markdown(reader, reveal=reveal, now=frozen)
        assert forks == []
        monkeypatch.setattr(forked, "_can_fork", lambda: True)
        shared = export_markdown(reader, reveal=reveal, now=frozen)
        assert forks == [1]
    assert shared == alone
    assert alone.count("\n### ") == active >= forked.LEAST_TO_SHARE

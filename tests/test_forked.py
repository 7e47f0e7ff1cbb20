"""Work shared with a forked copy of the process gives what the process alone
gives, in order, and falls back to doing it all when the copy fails or
when forking is unsafe."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import pendulum
import pytest

from bchan_tui.data import Store, forked, markdown_text
from bchan_tui.data.export_markdown import export_markdown
from bchan_tui.data.synthetic import write_size

R = TypeVar("R")


@pytest.fixture
def can_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    """Share even on a one-core machine: what is tested is the result."""
    monkeypatch.setattr(forked, "_can_fork", lambda: True)


def squares_with_pid(items: Sequence[int]) -> list[tuple[int, int]]:
    return [(item * item, os.getpid()) for item in items]


def shared(
    work: Callable[[Sequence[int]], list[R]], items: Sequence[int], **options: Any
) -> list[R]:
    with forked.SharedWork(work, items, **options) as share:
        return share.results(work(share.here))


def test_the_second_half_is_done_by_a_copy_and_the_order_is_kept(can_fork: None) -> None:
    results = shared(squares_with_pid, range(10), least=2, there=0.7)
    assert [value for value, _ in results] == [item * item for item in range(10)]
    pids = [pid for _, pid in results]
    assert pids[:3] == [os.getpid()] * 3
    assert len(set(pids[3:])) == 1 and pids[3] != os.getpid()


def test_a_failing_copy_leaves_its_half_to_this_process(can_fork: None) -> None:
    parent = os.getpid()

    def fails_in_the_copy(items: Sequence[int]) -> list[int]:
        if os.getpid() != parent:
            raise RuntimeError("the copy fails")
        return [item + 1 for item in items]

    assert shared(fails_in_the_copy, range(6), least=2) == list(range(1, 7))


def test_a_copy_that_dies_leaves_its_half_to_this_process(can_fork: None) -> None:
    parent = os.getpid()

    def dies_in_the_copy(items: Sequence[int]) -> list[int]:
        if os.getpid() != parent:
            os._exit(9)
        return list(items)

    assert shared(dies_in_the_copy, range(6), least=2) == list(range(6))


def test_nothing_is_forked_while_another_thread_runs() -> None:
    # The dashboard exports from a worker thread: a fork copies only the
    # calling thread, and any lock another thread holds stays held forever.
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        results = shared(squares_with_pid, range(10), least=2)
    finally:
        stop.set()
        other.join()
    assert {pid for _, pid in results} == {os.getpid()}


def test_a_copy_left_early_is_ended(can_fork: None) -> None:
    copies: list[int] = []
    with (
        pytest.raises(RuntimeError),
        forked.SharedWork(squares_with_pid, range(10), least=2) as share,
    ):
        copies.append(share._child or 0)
        raise RuntimeError("an error here, before the copy's results are asked for")
    assert copies[0] > 0
    with pytest.raises(ChildProcessError):
        os.waitpid(copies[0], os.WNOHANG)  # ended and reaped


def test_few_items_are_not_shared(can_fork: None) -> None:
    results = shared(squares_with_pid, range(10), least=11)
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
    # The copy's own results, not those of its share done again here.
    collected: list[object] = []
    real_collect = forked.SharedWork._collect

    def counted_collect(shared: forked.SharedWork[Any, Any], child: int) -> Any:
        collected.append(real_collect(shared, child))
        return collected[-1]

    monkeypatch.setattr(forked.SharedWork, "_collect", counted_collect)
    monkeypatch.setattr(forked, "_can_fork", lambda: False)
    with Store(db, read_only=True) as reader:
        active = len(reader.contacts())
        alone = export_markdown(reader, reveal=reveal, now=frozen)
    assert forks == []
    monkeypatch.setattr(forked, "_can_fork", lambda: True)
    # A session that has not indexed the book: the copy decodes only the
    # part of it about its contacts.
    with Store(db, read_only=True) as reader:
        shared = export_markdown(reader, reveal=reveal, now=frozen)
    assert forks == [1]
    assert len(collected) == 1 and collected[0] is not None
    assert shared == alone
    assert alone.count("\n### ") == active >= forked.LEAST_TO_SHARE
    # Each process lists what needs attention of its own contacts; together,
    # in the one order, that is the whole book's list.
    with Store(db, read_only=True) as reader:
        whole = [markdown_text.inline(item.text) for item in reader.needs_attention(frozen)]
    listed = shared.split("\n## Needs attention\n")[1].split("\n## Contacts\n")[0]
    bullets = [line.split("**: ", 1)[1] for line in listed.splitlines() if line.startswith("- ")]
    if reveal:
        assert bullets == whole
    assert len(bullets) == len(whole) > 100

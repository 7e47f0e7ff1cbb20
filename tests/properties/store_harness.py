"""What the store properties share: a fresh book per example, a reopened
session, and the check that a call fails exactly when an input is refused."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Any

from hypothesis import event
from hypothesis import strategies as st

from bchan_tui.data import (
    Store,
    ValidationError,
)

from .oracles import (
    REFUSED,
)
from .strategies import anything, mostly


@contextmanager
def fresh_store() -> Iterator[Store]:
    """A new book in its own folder: examples never see each other's data."""
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "book.json") as store:
        yield store


def reopened(store: Store) -> Store:
    """The same file after the session closed (which folds its journal into
    the book) and a new one opened it: what a restart reads."""
    store.close()
    return Store(store.path, read_only=True)


def expect(outcomes: Mapping[str, object], call: Callable[[], Any]) -> Any:
    """Run ``call``; it must fail with a readable ``ValidationError`` exactly
    when some field's outcome is ``REFUSED``. Returns what it returned."""
    refused = [name for name, outcome in outcomes.items() if outcome is REFUSED]
    try:
        result = call()
    except ValidationError as error:
        assert refused, f"valid input refused: {error} ({dict(outcomes)!r})"
        assert_readable(error)
        event(f"refused: {error.field}")
        return None
    assert not refused, f"accepted though {refused} should be refused"
    event("accepted")
    return result


def assert_readable(error: ValidationError) -> None:
    message = str(error)
    assert error.field
    assert 0 < len(message) < 200
    assert message.isprintable()
    # The message names the field; it never echoes the (possibly huge) value.
    assert message[:1].isalpha()


line_field = anything


def choice_or_anything(kind: type[StrEnum]) -> st.SearchStrategy[object]:
    """A valid choice (as the enum or as text in any case), now and then anything."""
    valid = st.sampled_from(list(kind))
    as_text = valid.map(lambda member: f" {member.value.upper()} ")
    return mostly(st.one_of(valid, as_text), anything, 6)

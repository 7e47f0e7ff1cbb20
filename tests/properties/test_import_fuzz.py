"""Fuzzed imports: random bytes and mutated real vCard and CSV files (other
encodings, a byte-order mark, truncated, spliced, a 10 MB line) never crash
the import. A file is either refused whole with ``ImportFailedError`` or
imported with a per-record report; and the plan is written whole or not at
all: a failure part way leaves the file byte for byte as it was."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from bchan_tui.data import BchanError, Rung, Store, WriteFailedError
from bchan_tui.data.exchange.import_records import ImportFailedError
from bchan_tui.data.exchange.importing import (
    apply_import,
    import_file,
    plan_import,
    read_import_file,
)

FIXTURES = Path(__file__).parent.parent / "fixtures" / "import"
SOURCES = sorted(p.name for p in FIXTURES.iterdir() if p.suffix in (".vcf", ".csv"))
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "latin-1", "cp1252"]

MUTATED_EXAMPLES = 150
RANDOM_EXAMPLES = 100
HALF_WRITE_EXAMPLES = 60

Mutation = Callable[[bytes], bytes]


@st.composite
def mutation(draw: st.DrawFn) -> Mutation:
    """One change to a file's bytes, at a drawn place."""
    at = draw(st.floats(0, 1))
    junk = draw(st.one_of(st.binary(max_size=40), st.sampled_from(JUNK)))
    kind = draw(st.sampled_from(["truncate", "insert", "delete", "duplicate", "flip"]))

    def apply(data: bytes) -> bytes:
        cut = int(len(data) * at)
        if kind == "truncate":
            return data[:cut]
        if kind == "insert":
            return data[:cut] + junk + data[cut:]
        if kind == "delete":
            return data[:cut] + data[cut + len(junk) + 1 :]
        if kind == "duplicate":
            return data[:cut] + data[cut // 2 : cut] + data[cut:]
        return data[:cut] + bytes([data[cut] ^ 0xFF]) + data[cut + 1 :] if cut < len(data) else data

    return apply


JUNK = [
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xfe\xff",
    b"\x00",
    b"\r",
    b"\r\n ",
    b'"',
    b",,,,",
    b"BEGIN:VCARD\r\n",
    b"END:VCARD\r\n",
    b"VERSION:9.9\r\n",
    b"FN:[@click=app.quit]x[/]\r\n",
    b"EMAIL;TYPE=home:\xc3\x28@example.org\r\n",
    b"TEL:" + b"9" * 400 + b"\r\n",
    b"N:" + b";" * 50 + b"\r\n",
    b"ENCODING=QUOTED-PRINTABLE:=E9=\r\n",
    b"PHOTO;ENCODING=b:!!!notbase64\r\n",
    b" continued\r\n",
]


@st.composite
def mutated_file(draw: st.DrawFn) -> tuple[str, bytes]:
    """A fixture re-encoded, then mutated a few times; with a suffix that may lie."""
    source = draw(st.sampled_from(SOURCES))
    raw = (FIXTURES / source).read_bytes()
    text = raw.decode("cp1252" if source == "outlook.csv" else "utf-8", errors="replace")
    data = text.encode(draw(st.sampled_from(ENCODINGS)), errors="replace")
    for change in draw(st.lists(mutation(), max_size=4)):
        data = change(data)
    suffix = draw(st.sampled_from([Path(source).suffix, Path(source).suffix, ".txt", ".vcf"]))
    return suffix, data


@contextmanager
def book_with_a_contact() -> Iterator[tuple[Store, Path]]:
    """A fresh book holding one contact the fixtures match, and a folder for the file."""
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "book.json") as store:
        marta = store.add_contact("Marta Lindqvist", org="Northwind Logistics")
        store.add_channel(marta.id, Rung.PUBLIC, "email", "marta.lindqvist@northwind.example")
        yield store, Path(folder)


def snapshot(store: Store) -> tuple[object, ...]:
    """Everything the store says it holds."""
    contacts = store.contacts(include_archived=True)
    return (
        sorted(contacts, key=lambda c: c.id),
        sorted(store.channels(), key=lambda c: c.id),
        store.counts(),
    )


def import_must_not_crash(store: Store, file: Path, record: Callable[[str], None] = event) -> None:
    """Import ``file``: a report, or ``ImportFailedError`` and nothing changed.
    ``record`` notes which (hypothesis' statistics, inside a property)."""
    before_bytes = store.path.read_bytes()
    before = snapshot(store)
    try:
        report = import_file(store, file)
    except ImportFailedError as error:
        record("refused whole")
        message = str(error)
        assert message and message.isprintable() and len(message) < 400
        assert store.path.read_bytes() == before_bytes
        assert snapshot(store) == before
        return
    record("imported" if report.added or report.merged else "nothing to import")
    # The report counts what happened, and the file agrees after a reopen.
    with Store(store.path, read_only=True) as again:
        assert len(again.contacts(include_archived=True)) == len(before[0]) + report.added
        assert snapshot(again) == snapshot(store)


@settings(max_examples=MUTATED_EXAMPLES, deadline=None)
@given(mutated_file())
def test_a_mutated_file_is_imported_or_refused_never_a_crash(file: tuple[str, bytes]) -> None:
    suffix, data = file
    with book_with_a_contact() as (store, folder):
        path = folder / f"contacts{suffix}"
        path.write_bytes(data)
        import_must_not_crash(store, path)


@settings(max_examples=RANDOM_EXAMPLES, deadline=None)
@given(
    suffix=st.sampled_from([".vcf", ".csv", ".txt", ""]),
    head=st.sampled_from(
        [b"", b"BEGIN:VCARD\r\n", b"\xef\xbb\xbf", b"\xff\xfe", b"Name,E-mail 1 - Value\n"]
    ),
    data=st.binary(max_size=2000),
)
def test_random_bytes_are_imported_or_refused_never_a_crash(
    suffix: str, head: bytes, data: bytes
) -> None:
    with book_with_a_contact() as (store, folder):
        path = folder / f"contacts{suffix}"
        path.write_bytes(head + data)
        import_must_not_crash(store, path)


@settings(max_examples=HALF_WRITE_EXAMPLES, deadline=None)
@given(file=mutated_file(), fail_after=st.integers(0, 12))
def test_a_failure_part_way_through_an_import_leaves_the_book_as_it_was(
    file: tuple[str, bytes], fail_after: int
) -> None:
    """The plan's writes are cut off after ``fail_after`` store calls, as a
    full disk or any other failure would: nothing of the plan may remain."""
    suffix, data = file
    with book_with_a_contact() as (store, folder):
        path = folder / f"contacts{suffix}"
        path.write_bytes(data)
        try:
            plan = plan_import(store, read_import_file(path), path.name)
        except ImportFailedError:
            event("refused whole")
            return
        before_bytes = store.path.read_bytes()
        before = snapshot(store)
        calls = 0

        def cut_off(real: Callable[..., object]) -> Callable[..., object]:
            def call(*args: object, **kwargs: object) -> object:
                nonlocal calls
                calls += 1
                if calls > fail_after:
                    raise WriteFailedError("could not save: No space left on device")
                return real(*args, **kwargs)

            return call

        with pytest.MonkeyPatch.context() as patch:
            for name in ("add_contact", "update_contact", "add_channel"):
                patch.setattr(store, name, cut_off(getattr(store, name)))
            try:
                apply_import(store, plan)
            except BchanError:
                event("cut off part way")
                assert store.path.read_bytes() == before_bytes
                assert snapshot(store) == before
                return
        event("finished before the cut")
        with Store(store.path, read_only=True) as again:
            assert snapshot(again) == snapshot(store)


@pytest.mark.parametrize("suffix", [".vcf", ".csv"])
def test_a_10_mb_line_is_reported_not_a_crash(tmp_path: Path, suffix: str) -> None:
    if suffix == ".vcf":
        data = (
            b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Long Note\r\nNOTE:"
            + b"x" * 10_000_000
            + b"\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Liu\r\n"
            b"EMAIL:grace@example.org\r\nEND:VCARD\r\n"
        )
    else:
        data = (
            b"Name,E-mail 1 - Value,Notes\r\n"
            + b"Long Note,long@example.org,"
            + b"x" * 10_000_000
            + b"\r\nGrace Liu,grace@example.org,\r\n"
        )
    with book_with_a_contact() as (store, _):
        path = tmp_path / f"long{suffix}"
        path.write_bytes(data)
        import_must_not_crash(store, path, record=lambda outcome: None)
        # The card or row after the long one still comes in.
        assert "Grace Liu" in {c.name for c in store.contacts()}

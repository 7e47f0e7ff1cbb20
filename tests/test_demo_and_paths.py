"""The demo book, the benchmark books, and where the database lives."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import msgspec
import pendulum
import pytest

from bchan_tui.cli import main
from bchan_tui.data import AttentionKind, Band, Rung, Store
from bchan_tui.data.samples.demo_book import build_demo_book
from bchan_tui.data.samples.synthetic import SIZES, generate
from bchan_tui.data.storage.paths import default_db_path, resolve_db_path


def test_the_demo_book_is_alive(store: Store) -> None:
    build_demo_book(store)
    contacts = store.contacts()
    assert 25 <= len(contacts) <= 40
    assert {"analyst", "buyer", "press"} <= {tag for c in contacts for tag in c.tags}
    for contact in contacts:
        rungs = {c.rung for c in store.channels_of(contact.id)}
        assert {Rung.RELATIONSHIP, Rung.PUBLIC} <= rungs
        assert len(store.touches_of(contact.id)) >= 3  # months of history
    kinds = {item.kind for item in store.needs_attention()}
    assert {AttentionKind.OVERDUE, AttentionKind.HOT_PRIVATE, AttentionKind.UNVERIFIED} <= kinds
    rows = store.contact_rows()
    assert any(r.private_band is Band.HOT for r in rows)
    directions = {i.direction.value for i in store.all_intel()}
    assert directions == {"given", "received"}
    assert len(store.accounts()) >= 2


def test_the_benchmark_book_has_the_sizes_of_the_design() -> None:
    now = pendulum.datetime(2026, 11, 23, tz="UTC")
    data = generate(SIZES["S"], now)
    assert {name: len(data[name]) for name in ("contacts", "channels", "touches", "intel")} == {
        "contacts": 1_000,
        "channels": 3_000,
        "touches": 10_000,
        "intel": 1_000,
    }
    assert msgspec.json.encode(generate(SIZES["S"], now)) == msgspec.json.encode(data)


def test_bchan_demo_writes_a_size_that_checks_healthy(tmp_path: Path) -> None:
    db = tmp_path / "s.json"
    assert main(["demo", "--size", "S", "--db", str(db)]) == 0
    assert main(["check", "--db", str(db)]) == 0
    with Store(db, read_only=True) as store:
        assert store.counts()["touches"] == 10_000


def test_bchan_demo_refuses_to_overwrite_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "demo.json"
    assert main(["demo", "--db", str(db)]) == 0
    assert main(["demo", "--db", str(db)]) == 1
    assert "pass --force" in capsys.readouterr().err
    assert main(["demo", "--db", str(db), "--force"]) == 0


def test_db_option_wins_over_the_environment_which_wins_over_the_default(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("BCHAN_DB", raising=False)
    assert resolve_db_path() == default_db_path()
    assert default_db_path().name == "bchan.json"
    monkeypatch.setenv("BCHAN_DB", str(tmp_path / "env.json"))
    assert resolve_db_path() == tmp_path / "env.json"
    assert resolve_db_path(tmp_path / "flag.json") == tmp_path / "flag.json"


def test_help_explains_every_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bchan_tui", "--help"], capture_output=True, text=True, check=True
    )
    for command in ("check", "demo", "--demo", "--db"):
        assert command in result.stdout


def test_db_before_the_command_is_honoured(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "first.json"
    assert main(["--db", str(db), "demo"]) == 0
    assert db.exists()
    assert main(["--db", str(db), "check"]) == 0
    assert str(db) in capsys.readouterr().out

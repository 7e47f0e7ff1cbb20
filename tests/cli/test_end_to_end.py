"""The shell commands in a real process, as a mail client or a script runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bchan_tui.data import Rung, Store

# --- end to end ----------------------------------------------------------------


def run_bchan(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, **(env or {})}
    environment.pop("BCHAN_QUERY_PRIVATE", None)
    return subprocess.run(
        [sys.executable, "-m", "bchan_tui", *argv],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )


@pytest.fixture
def real_time_book(tmp_path: Path) -> Iterator[Path]:
    # Subprocesses run at the real time, so this book's heat does not matter.
    path = tmp_path / "e2e.json"
    with Store(path) as store:
        person = store.add_contact("Mateo García", org="Forrester")
        store.add_channel(person.id, Rung.PUBLIC, "email", "mateo.garcia@forrester.example")
        store.add_channel(person.id, Rung.PRIVATE, "email", "mateo@proton.example")
    yield path


def test_end_to_end_query_for_a_mail_client(real_time_book: Path, tmp_path: Path) -> None:
    env = {"BCHAN_DB": str(real_time_book), "BCHAN_CONFIG": str(tmp_path / "none.toml")}
    result = run_bchan("query", "garcia", env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "bchan found 1 address (1 private left out)",
        "mateo.garcia@forrester.example\tMateo García\tForrester · public",
    ]
    nothing = run_bchan("query", "nobody", env=env)
    assert nothing.returncode == 1
    assert nothing.stdout == "bchan found no address\n"


def test_end_to_end_find_and_reach(real_time_book: Path) -> None:
    found = run_bchan("find", "--json", "mateo", "--db", str(real_time_book))
    assert found.returncode == 0, found.stderr
    assert [item["name"] for item in json.loads(found.stdout)] == ["Mateo García"]
    reach = run_bchan("--db", str(real_time_book), "reach", "garcia", "--urgency", "urgent")
    assert reach.returncode == 0, reach.stderr
    assert "private email  m•••@•••.example  (masked; --reveal shows it)" in reach.stdout


def test_end_to_end_broken_database_gives_no_traceback(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("not json")
    for argv in (["find", "x"], ["log", "x", "--channel", "email"]):
        result = run_bchan(*argv, "--db", str(broken))
        assert result.returncode == 2
        assert "Traceback" not in result.stderr
        assert result.stderr.startswith("bchan: cannot open")
        assert result.stdout == ""


def test_end_to_end_output_into_a_closed_pipe_is_quiet(real_time_book: Path) -> None:
    # The reader is gone before bchan writes a line.
    command = f"{sys.executable} -m bchan_tui find --db {real_time_book} mateo | true"
    result = subprocess.run(["bash", "-c", command], capture_output=True, text=True, check=False)
    assert "Traceback" not in result.stderr
    assert "BrokenPipe" not in result.stderr


def test_end_to_end_a_terminal_without_unicode_gets_question_marks(real_time_book: Path) -> None:
    result = run_bchan(
        "reach", "mateo", "--urgency", "urgent", "--db", str(real_time_book),
        env={"PYTHONIOENCODING": "ascii"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:2] == [
        "Mateo Garc?a (Forrester)",
        "urgent: private email  m???@???.example  (masked; --reveal shows it)",
    ]

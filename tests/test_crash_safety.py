"""A writer killed with SIGKILL at random moments never breaks the file and
never loses a write it acknowledged."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from bchan_tui.data.samples.synthetic import write_size
from bchan_tui.data.storage.atomic import TEMP_SUFFIX
from bchan_tui.data.storage.book_file import read_book
from bchan_tui.data.storage.integrity import check_database

WRITER = Path(__file__).with_name("crash_writer.py")
KILLS = 25


def _run_and_kill(db: Path, rng: random.Random) -> list[str]:
    writer = subprocess.Popen(
        [sys.executable, str(WRITER), str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None
    assert writer.stdout.readline().strip() == "ready", (
        writer.stderr.read() if writer.stderr else ""
    )
    # Let it write for a random moment (several writes at size S), then kill.
    time.sleep(rng.uniform(0.0, 0.25))
    os.kill(writer.pid, signal.SIGKILL)
    out, _ = writer.communicate()
    acknowledged = [line for line in out.split() if line]
    return acknowledged


def test_sigkill_mid_write_never_breaks_the_file_or_loses_an_acknowledged_write(
    tmp_path: Path,
) -> None:
    db = tmp_path / "book.json"
    write_size(db, "S")
    rng = random.Random(1234)
    acknowledged: list[str] = []
    for _ in range(KILLS):
        acknowledged += _run_and_kill(db, rng)
        # What a reader sees: the book, whole, with its journal replayed
        # (which raises on a broken file or a damaged line). Each
        # acknowledged id must be a stored touch's id: a set, so the check
        # does not rescan the whole encoded book once per id.
        stored = {touch["id"] for touch in read_book(db)[0]["touches"].values()}
        missing = [touch_id for touch_id in acknowledged if touch_id not in stored]
        assert missing == []
    assert len(acknowledged) > KILLS  # the writer really wrote between kills
    report = check_database(db)
    assert report.healthy, report.render()
    # Temp files a kill left behind are swept on the next open.
    from bchan_tui.data import Store

    Store(db).close()
    assert list(tmp_path.glob(f"*{TEMP_SUFFIX}")) == []

"""A book whose documents do not all decode ends the dashboard with the
message and status a broken file gets at the start, and is left as it was."""

from __future__ import annotations

from pathlib import Path

import msgspec
import pendulum
import pytest

from bchan_tui.data import Store

from .helpers import make_app, settle


async def test_a_broken_document_found_while_loading_exits_2_and_writes_nothing(
    db_path: Path, frozen: pendulum.DateTime, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store(db_path) as store:
        for name in ["Ada", "Zed"]:
            store.add_contact(name)
    data = msgspec.json.decode(db_path.read_bytes())
    for doc in data["contacts"].values():
        if doc["name"] == "Zed":
            doc["strength"] = "very"
    db_path.write_bytes(msgspec.json.encode(data))
    before = db_path.read_bytes()

    app = make_app(db_path)
    async with app.run_test() as pilot:
        await settle(pilot)
    assert app.return_code == 2
    message = " ".join(capsys.readouterr().err.split())
    assert f"cannot open {db_path}: table 'contacts', document 2" in message
    assert "field 'strength' has the wrong type. The file was left as it is" in message
    assert db_path.read_bytes() == before

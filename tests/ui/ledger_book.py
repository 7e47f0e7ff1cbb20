"""A small book for the intel ledger's tests: two sources, one codenamed,
with intel both ways, confidential and not, and markup in a summary."""

from __future__ import annotations

from pathlib import Path

import pendulum

from bchan_tui.data import Sensitivity, Store

CONFIDENTIAL = "the CFO is leaving in March"
MARKUP = "[bold]budget[/] moves to [@click=app.quit]Q3[/]"


def write_ledger_book(db_path: Path, now: pendulum.DateTime) -> None:
    """Marta (codename HERON) with one touch and no intel yet; Rachel (no
    codename), who told a confidential item three weeks ago and, more
    recently, one with markup in it, and was given one thing."""
    with Store(db_path) as store:
        marta = store.add_contact("Marta Lindqvist", codename="HERON", org="Northwind")
        email = store.add_channel(marta.id, "public", "email", "marta@northwind.example")
        store.log_touch(marta.id, email.id, note="coffee", at=now.subtract(days=2))
        rachel = store.add_contact(
            "Rachel Green", org="Forrester", role="Principal analyst", strength=3
        )
        work = store.add_channel(rachel.id, "public", "email", "rgreen@forrester.example")
        store.add_channel(rachel.id, "private", "signal", "+1 617 555 0199")
        store.log_touch(rachel.id, work.id, note="briefing", at=now.subtract(days=3))
        store.record_intel(
            rachel.id,
            "received",
            CONFIDENTIAL,
            sensitivity=Sensitivity.CONFIDENTIAL,
            at=now.subtract(days=20),
        )
        store.record_intel(
            rachel.id, "given", "early sight of the roadmap", at=now.subtract(days=3)
        )
        store.record_intel(rachel.id, "received", MARKUP, unique=True, at=now.subtract(days=1))

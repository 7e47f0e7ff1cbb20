"""Benchmark books of sizes S, M and L (DESIGN.md section 4), made
deterministically from a fixed seed and written in one go."""

from __future__ import annotations

import random
import uuid
from pathlib import Path
from typing import Any

import msgspec
import pendulum
from pendulum import DateTime

from ..book.schema import RawData, new_database
from ..domain.clock import SECONDS_PER_DAY, format_time
from ..domain.models import DEFAULT_CAPACITY, DEFAULT_HALF_LIFE_DAYS, ChannelKind, Rung
from ..storage.atomic import write_atomically
from ..storage.tinydb_storage import encode


class Size(msgspec.Struct, frozen=True):
    contacts: int
    channels: int
    touches: int
    intel: int


SIZES: dict[str, Size] = {
    "S": Size(1_000, 3_000, 10_000, 1_000),
    "M": Size(10_000, 30_000, 100_000, 10_000),
    "L": Size(50_000, 150_000, 500_000, 50_000),
}
SEED = 20261123

_FIRST = [
    "Ada",
    "Alan",
    "Aisha",
    "Bruno",
    "Chen",
    "Dara",
    "Elena",
    "Farah",
    "Goran",
    "Hana",
    "Ines",
    "Jonas",
    "Kenji",
    "Lena",
    "Malik",
    "Nora",
    "Omar",
    "Priya",
    "Quinn",
    "Rosa",
    "Sven",
    "Tariq",
    "Uma",
    "Vera",
    "Wei",
    "Yara",
    "Zoe",
]
_LAST = [
    "Abbott",
    "Bauer",
    "Castillo",
    "Dubois",
    "Eriksen",
    "Fischer",
    "Garcia",
    "Haddad",
    "Ito",
    "Jensen",
    "Kowalski",
    "Larsen",
    "Moreau",
    "Nakamura",
    "Okafor",
    "Petrov",
    "Quist",
    "Rossi",
    "Schmidt",
    "Tanaka",
    "Ueda",
    "Varga",
    "Weber",
    "Xu",
    "Yilmaz",
    "Zhang",
]
_ORGS = [
    "Northwind",
    "Contoso",
    "Fabrikam",
    "Globex",
    "Initech",
    "Umbrella",
    "Stark",
    "Wayne",
    "Tyrell",
    "Cyberdyne",
    "Gartner",
    "Forrester",
    "IDC",
    "Reuters",
    "Bloomberg",
    "Acme",
    "Hooli",
    "Vandelay",
    "Soylent",
    "Wonka",
]
_ROLES = [
    "CIO",
    "CFO",
    "VP Procurement",
    "Analyst",
    "Senior Analyst",
    "Editor",
    "Reporter",
    "Head of IT",
    "Founder",
    "Partner",
]
_TAGS = ["analyst", "buyer", "press", "champion", "investor", "board", "peer"]
_KINDS = {
    Rung.RELATIONSHIP: [ChannelKind.IN_PERSON, ChannelKind.CALL],
    Rung.PRIVATE: [ChannelKind.PHONE, ChannelKind.SIGNAL, ChannelKind.EMAIL, ChannelKind.WHATSAPP],
    Rung.PUBLIC: [ChannelKind.EMAIL, ChannelKind.LINKEDIN, ChannelKind.X],
}
_RUNG_CYCLE = (Rung.RELATIONSHIP, Rung.PRIVATE, Rung.PUBLIC)


def _uid(rng: random.Random) -> str:
    return uuid.UUID(int=rng.getrandbits(128), version=4).hex


def _put(table: dict[str, Any], doc: dict[str, Any]) -> None:
    table[str(len(table) + 1)] = doc


def generate(size: Size, now: DateTime | None = None, seed: int = SEED) -> RawData:
    """A book of ``size``; the same seed and day give the same book."""
    rng = random.Random(seed)
    anchor = (now or pendulum.now("UTC")).start_of("day")
    anchor_ts = anchor.timestamp()
    data = new_database()
    accounts = data["accounts"]
    account_ids = []
    for number in range(max(1, size.contacts // 200)):
        account_ids.append(_uid(rng))
        _put(
            accounts,
            {
                "id": account_ids[-1],
                "name": f"{_ORGS[number % len(_ORGS)]} deal {number + 1}",
                "official_process": "RFP run by Purchasing",
                "notes": "",
            },
        )

    def stamp(days_ago: float) -> str:
        return format_time(
            DateTime.fromtimestamp(anchor_ts - days_ago * SECONDS_PER_DAY, tz=anchor.tzinfo)
        )

    created = stamp(400)
    contact_ids: list[str] = []
    for number in range(size.contacts):
        first, last = rng.choice(_FIRST), rng.choice(_LAST)
        contact_ids.append(_uid(rng))
        _put(
            data["contacts"],
            {
                "id": contact_ids[-1],
                "name": f"{first} {last} {number}",
                "codename": f"{rng.choice(_LAST).upper()}-{number}",
                "org": rng.choice(_ORGS),
                "role": rng.choice(_ROLES),
                "account_id": rng.choice(account_ids) if rng.random() < 0.3 else None,
                "tags": rng.sample(_TAGS, 2),
                "notes": "",
                "strength": rng.randint(0, 5),
                "cadence_days": rng.choice([14, 30, 60, 90]),
                "intention": "",
                "created_at": created,
                "updated_at": created,
                "archived": False,
            },
        )

    channel_owner: list[tuple[str, str]] = []
    for number in range(size.channels):
        contact_id = contact_ids[number % size.contacts]
        rung = _RUNG_CYCLE[(number // size.contacts) % 3]
        channel_id = _uid(rng)
        channel_owner.append((channel_id, contact_id))
        _put(
            data["channels"],
            {
                "id": channel_id,
                "contact_id": contact_id,
                "rung": rung.value,
                "kind": rng.choice(_KINDS[rung]).value,
                "address": f"user{number}@example.org",
                "label": "",
                "rank": number // (3 * size.contacts),
                "their_preference": rng.random() < 0.1,
                "capacity": DEFAULT_CAPACITY[rung],
                "half_life_days": DEFAULT_HALF_LIFE_DAYS[rung],
                "granted_at": stamp(300) if rung is Rung.PRIVATE else None,
                "terms": "",
                "status": "active",
            },
        )

    touch_ids: list[tuple[str, str]] = []
    for _ in range(size.touches):
        channel_id, contact_id = rng.choice(channel_owner)
        touch_ids.append((_uid(rng), contact_id))
        outgoing = rng.random() < 0.7
        _put(
            data["touches"],
            {
                "id": touch_ids[-1][0],
                "contact_id": contact_id,
                "channel_id": channel_id,
                "at": stamp(rng.expovariate(1 / 60)),
                "direction": "out" if outgoing else "in",
                "urgency": rng.choice(("routine", "routine", "important", "urgent")),
                "reason": "needs an answer today" if outgoing else "",
                "note": "",
                "outcome": "replied",
            },
        )

    for _ in range(size.intel):
        touch_id, contact_id = rng.choice(touch_ids)
        received = rng.random() < 0.6
        _put(
            data["intel"],
            {
                "id": _uid(rng),
                "contact_id": contact_id,
                "touch_id": touch_id,
                "at": stamp(rng.uniform(0, 200)),
                "direction": "received" if received else "given",
                "summary": "budget moves to Q3",
                "status": rng.choice(("unverified", "confirmed", "contradicted"))
                if received
                else "unverified",
                "unique": rng.choice((True, False, None)),
                "sensitivity": rng.choice(("normal", "confidential")),
            },
        )
    return data


def write_size(path: Path, size_name: str, now: DateTime | None = None) -> dict[str, int]:
    """Write a benchmark book to ``path`` atomically; return the table counts."""
    data = generate(SIZES[size_name], now)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, encode(data))
    return {name: len(table) for name, table in data.items() if not name.startswith("_")}

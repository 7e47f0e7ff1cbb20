"""The demo book: a small, believable set of contacts for ``bchan --demo``.

Analysts, buyers and journalists around two deals, with full ladders, months
of touches, some hot back channels, some overdue relationships and intel both
ways. Times are relative to ``now`` so the dashboard is alive on any day.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from pendulum import DateTime

from .clock import now as clock_now
from .models import Direction, IntelDirection, IntelStatus, Rung, Sensitivity, Urgency
from .store import Store


@dataclass(frozen=True)
class Person:
    name: str
    org: str
    role: str
    tags: str
    account: str | None = None
    codename: str = ""
    strength: int = 3
    cadence: int = 30
    intention: str = ""
    private: tuple[str, str] | None = None  # (kind, address)
    public: tuple[tuple[str, str], ...] = ()
    last_seen_days: int = 10  # days since the newest touch
    private_uses: tuple[int, ...] = ()  # days ago the back channel was used


ACCOUNTS = {
    "northwind": (
        "Northwind Logistics",
        "RFP run by Purchasing; shortlist in January, decision in March",
    ),
    "globex": ("Globex Bank", "Steering committee signs off; security review first, budget in Q2"),
    "helios": (
        "Helios Energy",
        "Pilot decided by the CIO's staff; framework agreement via Procurement",
    ),
}

PEOPLE: tuple[Person, ...] = (
    Person(
        "Marta Lindqvist",
        "Northwind Logistics",
        "CIO",
        "buyer,champion",
        "northwind",
        "HERON",
        4,
        21,
        "wants a modern stack on her record before the board review",
        ("signal", "+46 70 555 0142"),
        (
            ("email", "marta.lindqvist@northwind.example"),
            ("linkedin", "linkedin.com/in/mlindqvist"),
        ),
        3,
        (2, 9),
    ),
    Person(
        "Jonas Weber",
        "Northwind Logistics",
        "Head of Purchasing",
        "buyer",
        "northwind",
        strength=2,
        cadence=30,
        public=(("email", "j.weber@northwind.example"),),
        last_seen_days=41,
    ),
    Person(
        "Priya Raman",
        "Northwind Logistics",
        "Enterprise Architect",
        "buyer,champion",
        "northwind",
        "KESTREL",
        3,
        30,
        "a bigger scope for her team",
        ("email", "priya.r@fastmail.example"),
        (("email", "priya.raman@northwind.example"),),
        12,
        (12,),
    ),
    Person(
        "Tom Okafor",
        "Northwind Logistics",
        "CFO",
        "buyer,board",
        "northwind",
        strength=1,
        cadence=60,
        public=(("email", "cfo.office@northwind.example"), ("linkedin", "linkedin.com/in/tokafor")),
        last_seen_days=95,
    ),
    Person(
        "Elena Petrova",
        "Globex Bank",
        "CISO",
        "buyer",
        "globex",
        "OSPREY",
        4,
        30,
        "a reference she can cite at her next conference",
        ("phone", "+44 7700 900321"),
        (("email", "elena.petrova@globex.example"),),
        5,
        (5,),
    ),
    Person(
        "Hiro Tanaka",
        "Globex Bank",
        "VP Digital",
        "buyer,champion",
        "globex",
        "",
        3,
        21,
        "",
        ("whatsapp", "+81 90 5555 0199"),
        (("email", "h.tanaka@globex.example"), ("x", "@hirotanaka")),
        33,
    ),
    Person(
        "Sofia Rossi",
        "Globex Bank",
        "Procurement Lead",
        "buyer",
        "globex",
        strength=2,
        public=(
            ("email", "sofia.rossi@globex.example"),
            ("linkedin", "linkedin.com/in/sofiarossi"),
        ),
        last_seen_days=16,
    ),
    Person(
        "Daniel Cho",
        "Globex Bank",
        "Chief Data Officer",
        "buyer",
        "globex",
        "",
        2,
        45,
        public=(("email", "daniel.cho@globex.example"),),
        last_seen_days=80,
    ),
    Person(
        "Amara Nwosu",
        "Helios Energy",
        "CIO",
        "buyer",
        "helios",
        "LARK",
        3,
        30,
        "air cover for a risky pilot",
        ("signal", "@amara.n"),
        (("email", "amara.nwosu@helios.example"),),
        28,
        (27,),
    ),
    Person(
        "Lars Eriksen",
        "Helios Energy",
        "IT Director",
        "buyer",
        "helios",
        strength=2,
        public=(("email", "lars.eriksen@helios.example"), ("im", "lars.eriksen (Teams)")),
        last_seen_days=7,
    ),
    Person(
        "Rachel Green",
        "Gartner",
        "VP Analyst",
        "analyst",
        None,
        "",
        4,
        45,
        "early sight of the roadmap",
        ("email", "rachel.green@proton.example"),
        (("email", "rachel.green@gartner.example"),),
        20,
        (20,),
    ),
    Person(
        "Ben Adeyemi",
        "Gartner",
        "Senior Director Analyst",
        "analyst",
        strength=2,
        cadence=60,
        public=(
            ("email", "ben.adeyemi@gartner.example"),
            ("linkedin", "linkedin.com/in/benadeyemi"),
        ),
        last_seen_days=130,
    ),
    Person(
        "Claire Dubois",
        "Forrester",
        "Principal Analyst",
        "analyst",
        None,
        "",
        3,
        45,
        "customer stories for her wave",
        ("phone", "+33 6 55 55 01 23"),
        (("email", "cdubois@forrester.example"),),
        50,
        (1,),
    ),
    Person(
        "Mateo García",
        "Forrester",
        "Analyst",
        "analyst",
        strength=1,
        cadence=90,
        public=(("email", "mgarcia@forrester.example"),),
        last_seen_days=40,
    ),
    Person(
        "Yuki Nakamura",
        "IDC",
        "Research Director",
        "analyst",
        strength=2,
        cadence=60,
        public=(("email", "ynakamura@idc.example"), ("x", "@yukinakamura")),
        last_seen_days=15,
    ),
    Person(
        "Grace Liu",
        "Reuters",
        "Technology Correspondent",
        "press",
        None,
        "WREN",
        4,
        30,
        "first word on anything newsworthy",
        ("signal", "+1 415 555 0117"),
        (("email", "grace.liu@reuters.example"), ("x", "@graceliu")),
        2,
        (2, 4),
    ),
    Person(
        "Oliver Hart",
        "Financial Times",
        "Companies Editor",
        "press",
        strength=2,
        cadence=45,
        public=(("email", "oliver.hart@ft.example"), ("x", "@oliverhart")),
        last_seen_days=70,
    ),
    Person(
        "Nadia Haddad",
        "Bloomberg",
        "Reporter",
        "press",
        None,
        "",
        3,
        30,
        "a source on enterprise AI spend",
        ("telegram", "@nadiah"),
        (("email", "nhaddad@bloomberg.example"),),
        18,
        (18,),
    ),
    Person(
        "Sam Whitfield",
        "TechCrunch",
        "Senior Writer",
        "press",
        strength=1,
        cadence=60,
        public=(("email", "sam@techcrunch.example"), ("mastodon", "@sam@mastodon.social")),
        last_seen_days=22,
    ),
    Person(
        "Isabel Costa",
        "The Register",
        "Reporter",
        "press",
        strength=1,
        cadence=90,
        public=(("email", "icosta@theregister.example"),),
        last_seen_days=150,
    ),
    Person(
        "Kwame Mensah",
        "Atlas Ventures",
        "Partner",
        "investor,board",
        None,
        "",
        5,
        14,
        "deal flow and board seat",
        ("phone", "+1 212 555 0188"),
        (("email", "kwame@atlas.example"),),
        9,
        (9, 11),
    ),
    Person(
        "Hannah Berg",
        "Atlas Ventures",
        "Principal",
        "investor",
        strength=3,
        cadence=30,
        public=(("email", "hannah@atlas.example"), ("linkedin", "linkedin.com/in/hannahberg")),
        last_seen_days=25,
    ),
    Person(
        "Victor Moreau",
        "Moreau Advisory",
        "Founder",
        "peer",
        None,
        "",
        4,
        30,
        "introductions both ways",
        ("sms", "+33 7 55 55 07 70"),
        (("email", "victor@moreau.example"),),
        35,
    ),
    Person(
        "Leila Farah",
        "Summit CIO Forum",
        "Programme Director",
        "peer",
        strength=3,
        cadence=45,
        public=(("email", "leila@summitforum.example"), ("linkedin", "linkedin.com/in/leilafarah")),
        last_seen_days=48,
    ),
    Person(
        "Ethan Brooks",
        "Contoso",
        "VP Sales",
        "peer",
        strength=2,
        cadence=60,
        public=(("email", "ethan.brooks@contoso.example"),),
        last_seen_days=10,
    ),
    Person(
        "Zara Ahmed",
        "Initech",
        "Chief Procurement Officer",
        "buyer",
        None,
        "",
        2,
        30,
        "",
        ("email", "zara.ahmed@hey.example"),
        (("email", "z.ahmed@initech.example"),),
        60,
    ),
    Person(
        "Felix Wagner",
        "Initech",
        "IT Manager",
        "buyer",
        strength=2,
        cadence=30,
        public=(("email", "f.wagner@initech.example"), ("im", "felix.w (Slack)")),
        last_seen_days=4,
    ),
    Person(
        "Olga Ivanova",
        "Umbrella Pharma",
        "Head of Digital",
        "buyer",
        strength=1,
        cadence=90,
        public=(("linkedin", "linkedin.com/in/olgaivanova"),),
        last_seen_days=200,
    ),
    Person(
        "Chris Park",
        "Hooli",
        "CTO",
        "buyer,champion",
        None,
        "MAGPIE",
        4,
        21,
        "a partner for his replatforming",
        ("signal", "@chrispark.42"),
        (("email", "chris.park@hooli.example"), ("x", "@cpark")),
        14,
        (6,),
    ),
    Person(
        "Ines Moreno",
        "Hooli",
        "Procurement Analyst",
        "buyer",
        strength=1,
        cadence=60,
        public=(("email", "ines.moreno@hooli.example"),),
        last_seen_days=30,
    ),
)

_INTEL = (
    ("received", "budget moved from Q2 to Q3", "confirmed", True),
    ("received", "a competitor was dropped from the shortlist", "unverified", True),
    ("given", "our roadmap slide for next year", "unverified", None),
    ("received", "the board wants a second vendor", "contradicted", False),
    ("given", "a customer reference in their sector", "unverified", None),
    ("received", "the CFO is leaving in spring", "unverified", False),
)


def build_demo_book(store: Store, now: DateTime | None = None, seed: int = 7) -> None:
    """Fill an empty store with the demo book, in one durable write."""
    moment = now or clock_now()
    rng = random.Random(seed)
    with store.batch():
        accounts = {
            key: store.add_account(name, official_process=process).id
            for key, (name, process) in ACCOUNTS.items()
        }
        for number, person in enumerate(PEOPLE):
            _add_person(store, person, accounts, moment, rng, number)


def _add_person(
    store: Store,
    person: Person,
    accounts: dict[str, str],
    now: DateTime,
    rng: random.Random,
    number: int,
) -> None:
    contact = store.add_contact(
        person.name,
        org=person.org,
        role=person.role,
        tags=person.tags,
        codename=person.codename,
        strength=person.strength,
        cadence_days=person.cadence,
        intention=person.intention,
        account_id=accounts[person.account] if person.account else None,
    )
    meeting = store.add_channel(contact.id, Rung.RELATIONSHIP, "in_person", label="coffee or lunch")
    store.add_channel(contact.id, Rung.RELATIONSHIP, "call")
    private = None
    if person.private:
        kind, address = person.private
        private = store.add_channel(
            contact.id,
            Rung.PRIVATE,
            kind,
            address,
            terms="only when it cannot wait; never forwarded",
        )
    publics = [
        store.add_channel(contact.id, Rung.PUBLIC, kind, address, their_preference=i == 0)
        for i, (kind, address) in enumerate(person.public)
    ]
    # Months of history: a touch every few weeks, ending at last_seen_days.
    day = person.last_seen_days
    history = []
    while day < 240:
        history.append(day)
        day += rng.randint(12, 40)
    for age in sorted(history, reverse=True):
        channel = rng.choice([meeting, *publics]) if publics else meeting
        store.log_touch(
            contact.id,
            channel.id,
            at=now.subtract(days=age, hours=rng.randint(0, 8)),
            note="catch-up",
            outcome="replied",
        )
        if rng.random() < 0.5:
            store.log_touch(
                contact.id,
                channel.id,
                direction=Direction.IN,
                at=now.subtract(days=age, hours=rng.randint(-8, -1)),
                outcome="replied",
            )
    if private is not None:
        for age in person.private_uses:
            store.log_touch(
                contact.id,
                private.id,
                at=now.subtract(days=age, hours=2),
                urgency=Urgency.URGENT,
                reason="could not wait for the public queue",
                note="quick check",
                outcome="replied",
            )
    if publics and person.last_seen_days < 8:
        for hours in (5, 20, 30):
            store.log_touch(
                contact.id, publics[0].id, at=now.subtract(hours=hours), note="follow-up"
            )
    for offset in range(number % 4):
        direction, summary, status, unique = _INTEL[(number + offset) % len(_INTEL)]
        store.record_intel(
            contact.id,
            direction,
            summary,
            status=status,
            unique=unique,
            sensitivity=Sensitivity.CONFIDENTIAL if offset == 1 else Sensitivity.NORMAL,
            at=now.subtract(days=20 + 7 * offset),
        )
    if person.codename == "KESTREL":
        # One source who gives far more than is returned: a one-sided exchange.
        for summary in (
            "the shortlist is two vendors",
            "security sign-off slips a month",
            "Purchasing will push for a 12% discount",
        ):
            store.record_intel(
                contact.id,
                IntelDirection.RECEIVED,
                summary,
                status=IntelStatus.UNVERIFIED,
                at=now.subtract(days=16),
            )

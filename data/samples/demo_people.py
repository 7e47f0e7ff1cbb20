"""The people, accounts and intel of the demo book (see ``demo_book``)."""

from __future__ import annotations

from dataclasses import dataclass


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
    terms: str = "only when it cannot wait; never forwarded"  # of the private channel
    public: tuple[tuple[str, str], ...] = ()
    last_seen_days: int = 10  # days since the newest touch
    private_uses: tuple[int, ...] = ()  # days ago the back channel was used
    # Days ago of meetings and calls this week: a hot relationship sends
    # reach now down the ladder, to a public channel or to its fallback.
    met_days: tuple[int, ...] = ()
    called_days: tuple[int, ...] = ()


# key: (name, official process, notes)
ACCOUNTS = {
    "northwind": (
        "Northwind Logistics",
        "RFP run by Purchasing; shortlist in January, decision in March",
        "Replacing the routing platform; the CIO sponsors it, the CFO signs.",
    ),
    "globex": (
        "Globex Bank",
        "Steering committee signs off; security review first, budget in Q2",
        "Two business units want it; security decides which goes first.",
    ),
    "helios": (
        "Helios Energy",
        "Pilot decided by the CIO's staff; framework agreement via Procurement",
        "",
    ),
}

# fmt: off
PEOPLE: tuple[Person, ...] = (
    Person("Marta Lindqvist", "Northwind Logistics", "CIO", "buyer,champion", account="northwind",
        codename="HERON", strength=4, cadence=21,
        intention="wants a modern stack on her record before the board review",
        private=("signal", "+46 70 555 0142"),
        public=(("email", "marta.lindqvist@northwind.example"),
                ("linkedin", "linkedin.com/in/mlindqvist")),
        last_seen_days=3, private_uses=(2, 9), met_days=(1, 3)),
    Person("Jonas Weber", "Northwind Logistics", "Head of Purchasing", "buyer",
        account="northwind", strength=2, public=(("email", "j.weber@northwind.example"),),
        last_seen_days=41),
    Person("Priya Raman", "Northwind Logistics", "Enterprise Architect", "buyer,champion",
        account="northwind", codename="KESTREL", intention="a bigger scope for her team",
        private=("email", "priya.r@fastmail.example"),
        terms="after hours only; never about the RFP in writing",
        public=(("email", "priya.raman@northwind.example"),), last_seen_days=12,
        private_uses=(12,)),
    Person("Tom Okafor", "Northwind Logistics", "CFO", "buyer,board", account="northwind",
        strength=1, cadence=60,
        public=(("email", "cfo.office@northwind.example"), ("linkedin", "linkedin.com/in/tokafor")),
        last_seen_days=95),
    Person("Elena Petrova", "Globex Bank", "CISO", "buyer", account="globex", codename="OSPREY",
        strength=4, intention="a reference she can cite at her next conference",
        private=("phone", "+44 7700 900321"), terms="calls only, never texts",
        public=(("email", "elena.petrova@globex.example"),),
        last_seen_days=5, private_uses=(5,), met_days=(1, 2), called_days=(1, 3)),
    Person("Hiro Tanaka", "Globex Bank", "VP Digital", "buyer,champion", account="globex",
        cadence=21, private=("whatsapp", "+81 90 5555 0199"),
        public=(("email", "h.tanaka@globex.example"), ("x", "@hirotanaka")), last_seen_days=33),
    Person("Sofia Rossi", "Globex Bank", "Procurement Lead", "buyer", account="globex", strength=2,
        public=(("email", "sofia.rossi@globex.example"),
                ("linkedin", "linkedin.com/in/sofiarossi")),
        last_seen_days=16),
    Person("Daniel Cho", "Globex Bank", "Chief Data Officer", "buyer", account="globex",
        strength=2, cadence=45, public=(("email", "daniel.cho@globex.example"),),
        last_seen_days=80),
    Person("Amara Nwosu", "Helios Energy", "CIO", "buyer", account="helios", codename="LARK",
        intention="air cover for a risky pilot", private=("signal", "@amara.n"),
        public=(("email", "amara.nwosu@helios.example"),), last_seen_days=28, private_uses=(27,)),
    Person("Lars Eriksen", "Helios Energy", "IT Director", "buyer", account="helios", strength=2,
        public=(("email", "lars.eriksen@helios.example"), ("im", "lars.eriksen (Teams)")),
        last_seen_days=7, met_days=(1, 2), called_days=(1, 3)),
    Person("Rachel Green", "Gartner", "VP Analyst", "analyst", strength=4, cadence=45,
        intention="early sight of the roadmap", private=("email", "rachel.green@proton.example"),
        public=(("email", "rachel.green@gartner.example"),), last_seen_days=20,
        private_uses=(20,)),
    Person("Ben Adeyemi", "Gartner", "Senior Director Analyst", "analyst", strength=2, cadence=60,
        public=(("email", "ben.adeyemi@gartner.example"),
                ("linkedin", "linkedin.com/in/benadeyemi")),
        last_seen_days=130),
    Person("Claire Dubois", "Forrester", "Principal Analyst", "analyst", cadence=45,
        intention="customer stories for her wave", private=("phone", "+33 6 55 55 01 23"),
        public=(("email", "cdubois@forrester.example"),), last_seen_days=50, private_uses=(1,)),
    Person("Mateo García", "Forrester", "Analyst", "analyst", strength=1, cadence=90,
        public=(("email", "mgarcia@forrester.example"),), last_seen_days=40),
    Person("Yuki Nakamura", "IDC", "Research Director", "analyst", strength=2, cadence=60,
        public=(("email", "ynakamura@idc.example"), ("x", "@yukinakamura")), last_seen_days=15),
    Person("Grace Liu", "Reuters", "Technology Correspondent", "press", codename="WREN",
        strength=4, intention="first word on anything newsworthy",
        private=("signal", "+1 415 555 0117"), terms="background only, never on the record",
        public=(("email", "grace.liu@reuters.example"), ("x", "@graceliu")), last_seen_days=2,
        private_uses=(2, 4), met_days=(1, 3), called_days=(1, 2)),
    Person("Oliver Hart", "Financial Times", "Companies Editor", "press", strength=2, cadence=45,
        public=(("email", "oliver.hart@ft.example"), ("x", "@oliverhart")), last_seen_days=70),
    Person("Nadia Haddad", "Bloomberg", "Reporter", "press",
        intention="a source on enterprise AI spend", private=("telegram", "@nadiah"),
        public=(("email", "nhaddad@bloomberg.example"),), last_seen_days=18, private_uses=(18,)),
    Person("Sam Whitfield", "TechCrunch", "Senior Writer", "press", strength=1, cadence=60,
        public=(("email", "sam@techcrunch.example"), ("mastodon", "@sam@mastodon.social")),
        last_seen_days=22),
    Person("Isabel Costa", "The Register", "Reporter", "press", strength=1, cadence=90,
        public=(("email", "icosta@theregister.example"),), last_seen_days=150),
    Person("Kwame Mensah", "Atlas Ventures", "Partner", "investor,board", strength=5, cadence=14,
        intention="deal flow and board seat", private=("phone", "+1 212 555 0188"),
        terms="any time for the company; not for other portfolio news",
        public=(("email", "kwame@atlas.example"),), last_seen_days=9, private_uses=(9, 11)),
    Person("Hannah Berg", "Atlas Ventures", "Principal", "investor",
        public=(("email", "hannah@atlas.example"), ("linkedin", "linkedin.com/in/hannahberg")),
        last_seen_days=25),
    Person("Victor Moreau", "Moreau Advisory", "Founder", "peer", strength=4,
        intention="introductions both ways", private=("sms", "+33 7 55 55 07 70"),
        public=(("email", "victor@moreau.example"),), last_seen_days=35),
    Person("Leila Farah", "Summit CIO Forum", "Programme Director", "peer", cadence=45,
        public=(("email", "leila@summitforum.example"), ("linkedin", "linkedin.com/in/leilafarah")),
        last_seen_days=48),
    Person("Ethan Brooks", "Contoso", "VP Sales", "peer", strength=2, cadence=60,
        public=(("email", "ethan.brooks@contoso.example"),)),
    Person("Zara Ahmed", "Initech", "Chief Procurement Officer", "buyer", strength=2,
        private=("email", "zara.ahmed@hey.example"),
        public=(("email", "z.ahmed@initech.example"),), last_seen_days=60),
    Person("Felix Wagner", "Initech", "IT Manager", "buyer", strength=2,
        public=(("email", "f.wagner@initech.example"), ("im", "felix.w (Slack)")),
        last_seen_days=4, met_days=(1, 2), called_days=(1, 3)),
    Person("Olga Ivanova", "Umbrella Pharma", "Head of Digital", "buyer", strength=1, cadence=90,
        public=(("linkedin", "linkedin.com/in/olgaivanova"),), last_seen_days=200),
    Person("Chris Park", "Hooli", "CTO", "buyer,champion", codename="MAGPIE", strength=4,
        cadence=21, intention="a partner for his replatforming",
        private=("signal", "@chrispark.42"),
        public=(("email", "chris.park@hooli.example"), ("x", "@cpark")), last_seen_days=14,
        private_uses=(6,)),
    Person("Ines Moreno", "Hooli", "Procurement Analyst", "buyer", strength=1, cadence=60,
        public=(("email", "ines.moreno@hooli.example"),), last_seen_days=30),
)
# fmt: on

"""The intel of the demo book: what each person gave or was given, in every
status, so the ledger, the track record, the account map and the
needs-attention panel all have something true to show (see ``demo_book``).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.models import IntelDirection, IntelStatus, Sensitivity

GIVEN = IntelDirection.GIVEN
RECEIVED = IntelDirection.RECEIVED
UNVERIFIED = IntelStatus.UNVERIFIED
CONFIRMED = IntelStatus.CONFIRMED
CONTRADICTED = IntelStatus.CONTRADICTED
CONFIDENTIAL = Sensitivity.CONFIDENTIAL
NORMAL = Sensitivity.NORMAL


@dataclass(frozen=True, slots=True)
class DemoIntel:
    """One item of intel, ``days`` before the book's moment."""

    days: int
    direction: IntelDirection
    summary: str
    status: IntelStatus = UNVERIFIED
    unique: bool | None = None
    sensitivity: Sensitivity = NORMAL


# By the person's name (see ``demo_people.PEOPLE``). Received items older
# than 14 days and still unverified show in needs attention; Priya Raman
# (KESTREL) gives far more than she gets: a one-sided exchange.
# fmt: off
INTEL: dict[str, tuple[DemoIntel, ...]] = {
    "Marta Lindqvist": (
        DemoIntel(30, RECEIVED, "the shortlist is down to us and one other", CONFIRMED, True),
        DemoIntel(25, GIVEN, "our roadmap slide for next year", sensitivity=CONFIDENTIAL),
        DemoIntel(5, RECEIVED, "Purchasing wants a fixed price", UNVERIFIED, None),
    ),
    "Priya Raman": (
        DemoIntel(45, GIVEN, "a customer reference in logistics"),
        DemoIntel(40, RECEIVED, "the shortlist is two vendors", CONFIRMED, False),
        DemoIntel(35, RECEIVED, "the board wants a second vendor", CONTRADICTED, False),
        DemoIntel(16, RECEIVED, "security sign-off slips a month", UNVERIFIED, True),
        DemoIntel(16, RECEIVED, "Purchasing will push for a 12% discount", UNVERIFIED, True,
                  CONFIDENTIAL),
    ),
    "Jonas Weber": (
        DemoIntel(50, RECEIVED, "the RFP closes on 15 January", CONFIRMED, False),
        DemoIntel(48, GIVEN, "our answers to the RFP questions"),
    ),
    "Elena Petrova": (
        DemoIntel(22, GIVEN, "our SOC 2 report", sensitivity=CONFIDENTIAL),
        DemoIntel(21, RECEIVED, "the security review starts in January", CONFIRMED, True),
        DemoIntel(18, RECEIVED, "a competitor failed the pen test", UNVERIFIED, True,
                  CONFIDENTIAL),
    ),
    "Hiro Tanaka": (
        DemoIntel(60, RECEIVED, "budget moved from Q2 to Q3", CONTRADICTED, False),
        DemoIntel(30, GIVEN, "an introduction to a peer at another bank"),
    ),
    "Sofia Rossi": (DemoIntel(14, GIVEN, "our standard contract terms"),),
    "Amara Nwosu": (
        DemoIntel(27, RECEIVED, "the pilot budget is approved", CONFIRMED, True),
        DemoIntel(26, GIVEN, "a one-page pilot plan"),
        DemoIntel(20, RECEIVED, "Procurement will reopen the framework", UNVERIFIED, None),
    ),
    "Lars Eriksen": (
        DemoIntel(10, RECEIVED, "the CIO's staff meets on Thursdays", CONFIRMED, False),
    ),
    "Rachel Green": (
        DemoIntel(20, GIVEN, "early sight of the roadmap", sensitivity=CONFIDENTIAL),
        DemoIntel(19, RECEIVED, "two peers are moving to cloud-only vendors", UNVERIFIED, False),
    ),
    "Grace Liu": (
        DemoIntel(3, RECEIVED, "a rival is about to announce layoffs", UNVERIFIED, True,
                  CONFIDENTIAL),
        DemoIntel(2, GIVEN, "a comment on the record"),
    ),
    "Nadia Haddad": (
        DemoIntel(25, RECEIVED, "the CFO is leaving in spring", CONTRADICTED, False),
    ),
    "Kwame Mensah": (
        DemoIntel(40, RECEIVED, "a competitor is raising at a lower valuation", CONFIRMED, True),
        DemoIntel(9, GIVEN, "our pipeline numbers", sensitivity=CONFIDENTIAL),
    ),
    "Chris Park": (
        DemoIntel(15, RECEIVED, "the replatforming is funded for next year", UNVERIFIED, None),
        DemoIntel(14, GIVEN, "a reference architecture"),
    ),
}
# fmt: on

"""How an export protects its sources (DESIGN.md "Protect your sources").

Redacted, the default: a contact with a codename is called by it, and every
address of that contact is masked (a work email such as
``marta.lindqvist@...`` names the person as surely as the name does); the
private rung of everyone is masked; free text (intel, notes, reasons) goes
through the ``Scrubber``, which hides those addresses and the real names of
codenamed contacts however the text writes them.
Revealed: everything is shown as stored.
"""

from __future__ import annotations

from .masking import mask_address, shown_address
from .models import Channel
from .name_scrubbing import WITHHELD, Named
from .scrubber import Scrubber

__all__ = ["A_SOURCE", "WITHHELD", "Named", "Redaction"]

A_SOURCE = "a source"


class Redaction:
    """What an export shows of names, addresses and free text: redacted
    through ``scrubber`` (the store's, which knows every hidden address and
    codenamed name), or revealed, when everything is shown as stored."""

    def __init__(self, scrubber: Scrubber, *, reveal: bool) -> None:
        self.reveal = reveal
        self.scrubber = Scrubber() if reveal else scrubber

    def name(self, contact: Named) -> str:
        """The codename when one is set; else the name, with any hidden address
        in it masked (an imported card without a name is named by its address)."""
        if self.reveal:
            return contact.name
        if contact.codename:
            return contact.codename
        return self.scrubber.addresses(contact.name)

    def address(self, contact: Named, channel: Channel) -> str:
        if not self.reveal and contact.codename:
            return mask_address(channel.address)
        return self.scrubber(shown_address(channel, reveal=self.reveal))

    def text(self, text: str) -> str:
        """Free text as the document shows it (see ``Scrubber``)."""
        return self.scrubber(text)

    def source(self, contact: Named) -> str:
        """Who received intel came from."""
        return self.name(contact) if self.reveal else A_SOURCE

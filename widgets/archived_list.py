"""The archive view's contact list: the dashboard's list, without Open."""

from __future__ import annotations

from .contact_list import ContactList


class ArchivedList(ContactList):
    """Archived contacts, one per line, drawn and sorted as the dashboard's.

    Enter is not offered: the contact screen is for contacts in use (it
    would offer to archive one again, and nothing to restore it), so an
    archived contact is restored from the archive view before it is opened.
    """

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # False, not None: the key is neither run nor shown in the footer.
        return action != "select"

    def empty_message(self) -> str:
        return " No archived contacts."

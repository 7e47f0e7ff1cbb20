"""Screens and modals of the bchan dashboard.

Screens call the store in thread workers; modals return typed results and
leave the saving to the screen that opened them.
"""

# Each screen's module is imported when one of its names is first asked
# for (PEP 562): the dashboard's first frame waits for no form or screen it
# does not show.

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .account_form import AccountEntry, AccountFormModal
    from .accounts import AccountsScreen
    from .archive import ArchiveScreen
    from .channel_form import ChannelEntry, ChannelFormModal
    from .confirm import ConfirmModal
    from .contact import ContactOutcome, ContactScreen
    from .dashboard import DashboardScreen
    from .edit_contact import ContactChanges, EditContactModal
    from .failures import failure_message, report_failure
    from .help import HelpScreen
    from .intel_form import IntelEntry, IntelFormModal
    from .log_touch import LogTouchModal, TouchEntry
    from .quick_add import NewChannel, NewContact, QuickAddModal

# Where each name lives.
_WHERE = {
    "AccountEntry": "account_form",
    "AccountFormModal": "account_form",
    "AccountsScreen": "accounts",
    "ArchiveScreen": "archive",
    "ChannelEntry": "channel_form",
    "ChannelFormModal": "channel_form",
    "ConfirmModal": "confirm",
    "ContactChanges": "edit_contact",
    "ContactOutcome": "contact",
    "ContactScreen": "contact",
    "DashboardScreen": "dashboard",
    "EditContactModal": "edit_contact",
    "HelpScreen": "help",
    "IntelEntry": "intel_form",
    "IntelFormModal": "intel_form",
    "LogTouchModal": "log_touch",
    "NewChannel": "quick_add",
    "NewContact": "quick_add",
    "QuickAddModal": "quick_add",
    "TouchEntry": "log_touch",
    "failure_message": "failures",
    "report_failure": "failures",
}

__all__ = [
    "AccountEntry",
    "AccountFormModal",
    "AccountsScreen",
    "ArchiveScreen",
    "ChannelEntry",
    "ChannelFormModal",
    "ConfirmModal",
    "ContactChanges",
    "ContactOutcome",
    "ContactScreen",
    "DashboardScreen",
    "EditContactModal",
    "HelpScreen",
    "IntelEntry",
    "IntelFormModal",
    "LogTouchModal",
    "NewChannel",
    "NewContact",
    "QuickAddModal",
    "TouchEntry",
    "failure_message",
    "report_failure",
]


def __getattr__(name: str) -> Any:
    """Import the module that holds ``name`` when it is first asked for."""
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f".{module}", __name__), name)

"""Screens and modals of the bchan dashboard.

Screens call the store in thread workers; modals return typed results and
leave the saving to the screen that opened them.
"""

from .account_form import AccountEntry, AccountFormModal
from .accounts import AccountsScreen
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

__all__ = [
    "AccountEntry",
    "AccountFormModal",
    "AccountsScreen",
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

"""Reusable view pieces of the bchan dashboard.

Widgets are given data and post messages; none of them calls the store.
"""

from .account_map import AccountIntel, AccountList, AccountPeople, AccountProcess
from .attention_list import AttentionList
from .contact_list import ContactList, SortKey
from .contact_view import ContactHeader, ReachNow
from .cursor_list import CursorList
from .filter_input import FilterInput
from .footer import KeyFooter
from .heat import HeatIndicator, heat_content
from .intel_list import IntelList
from .ladder import ChannelCard, LadderView
from .touch_list import RecentTouches

__all__ = [
    "AccountIntel",
    "AccountList",
    "AccountPeople",
    "AccountProcess",
    "AttentionList",
    "ChannelCard",
    "ContactHeader",
    "ContactList",
    "CursorList",
    "FilterInput",
    "HeatIndicator",
    "IntelList",
    "KeyFooter",
    "LadderView",
    "ReachNow",
    "RecentTouches",
    "SortKey",
    "heat_content",
]

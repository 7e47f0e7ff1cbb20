"""Reusable view pieces of the bchan dashboard.

Widgets are given data and post messages; none of them calls the store.
"""

# Each widget's module is imported when one of its names is first asked
# for (PEP 562), as Textual's own widgets are: the dashboard's first frame
# waits for no widget it does not show.

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .account_map import AccountIntel, AccountList, AccountPeople, AccountProcess
    from .archived_list import ArchivedList
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

# Where each name lives.
_WHERE = {
    "AccountIntel": "account_map",
    "AccountList": "account_map",
    "AccountPeople": "account_map",
    "AccountProcess": "account_map",
    "ArchivedList": "archived_list",
    "AttentionList": "attention_list",
    "ChannelCard": "ladder",
    "ContactHeader": "contact_view",
    "ContactList": "contact_list",
    "CursorList": "cursor_list",
    "FilterInput": "filter_input",
    "HeatIndicator": "heat",
    "IntelList": "intel_list",
    "KeyFooter": "footer",
    "LadderView": "ladder",
    "ReachNow": "contact_view",
    "RecentTouches": "touch_list",
    "SortKey": "contact_list",
    "heat_content": "heat",
}

__all__ = [
    "AccountIntel",
    "AccountList",
    "AccountPeople",
    "AccountProcess",
    "ArchivedList",
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


def __getattr__(name: str) -> Any:
    """Import the module that holds ``name`` when it is first asked for."""
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f".{module}", __name__), name)

"""The dashboard's keys: the filter, the highlighted contact, sorting."""

from __future__ import annotations

from textual.binding import Binding, BindingType

SORT = Binding.Group("sort", compact=True)

# The keys that move the focus in or out of the filter are priority
# bindings: they act when the key arrives, before the keys typed after it
# are handed to the widget that has the focus. "/lind" typed in one burst
# then filters for "lind" rather than logging, sorting and archiving.
DASHBOARD_BINDINGS: list[BindingType] = [
    Binding(
        "slash",
        "filter",
        "Filter",
        id="dashboard.filter",
        tooltip="Filter contacts by name, org, note, tag:x, @address or number",
        priority=True,
    ),
    Binding(
        "escape",
        "clear_filter",
        "Clear filter",
        id="dashboard.clear-filter",
        tooltip="Clear the filter and show every contact",
        priority=True,
    ),
    Binding(
        "enter",
        "leave_filter",
        "To the list",
        id="dashboard.leave-filter",
        tooltip="From the filter, go to the list",
        show=False,
        priority=True,
    ),
    Binding("l", "log_touch", "Log", id="dashboard.log-touch", tooltip="Log a touch"),
    Binding("e", "edit", "Edit", id="dashboard.edit", tooltip="Edit the contact"),
    Binding("d", "archive", "Archive", id="dashboard.archive", tooltip="Archive the contact"),
    Binding(
        "x",
        "export",
        "Export",
        id="dashboard.export",
        tooltip="Export the contacts shown to Markdown (redacted), with a preview",
    ),
    Binding(
        "A",
        "accounts",
        "Accounts",
        id="dashboard.accounts",
        tooltip="Accounts: the official process and the back channels of each",
    ),
    Binding(
        "v",
        "show_archive",
        "Archived",
        id="dashboard.archived",
        tooltip="Show the archived contacts, to restore one (v again: back)",
        # Found with ? and the palette: beside the rest, the footer would
        # cut "m Mask" at 120 columns, and screen-safe matters more.
        show=False,
    ),
    Binding(
        "u",
        "undo_archive",
        "Undo",
        id="dashboard.undo-archive",
        tooltip="Undo the last archive",
    ),
    Binding(
        "n",
        "sort('name')",
        "name",
        group=SORT,
        id="dashboard.sort-name",
        tooltip="Sort by name (again: reverse)",
    ),
    Binding(
        "t",
        "sort('last touch')",
        "touch",
        group=SORT,
        id="dashboard.sort-last-touch",
        tooltip="Sort by last touch, newest first (again: reverse)",
    ),
    Binding(
        "h",
        "sort('heat')",
        "heat",
        group=SORT,
        id="dashboard.sort-heat",
        tooltip="Sort by heat, hottest first (again: reverse)",
    ),
    Binding(
        "o",
        "sort('overdue')",
        "overdue",
        group=SORT,
        id="dashboard.sort-overdue",
        tooltip="Sort by overdue-ness, most overdue first (again: reverse)",
    ),
]


def dashboard_allows(
    action: str,
    *,
    highlighted: bool,
    filter_text: str,
    filter_focused: bool,
    can_undo: bool,
    previewing: bool,
) -> bool | None:
    """Whether a dashboard key applies now: True, or None to show it dimmed,
    or False to hide it (and let the key through to the focused widget)."""
    if action in {"log_touch", "edit", "archive"}:
        return True if highlighted else None
    if action == "undo_archive":
        return can_undo
    if action == "clear_filter":
        return bool(filter_text) or filter_focused
    if action == "filter":
        # "/" typed in the filter is part of the query.
        return not filter_focused
    if action == "leave_filter":
        return filter_focused
    if action == "sort":
        # Sorting the first rows alone would show a false order.
        return None if previewing else True
    return True

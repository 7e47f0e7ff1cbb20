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

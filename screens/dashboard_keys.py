"""The dashboard's keys: the filter, the highlighted contact, sorting."""

from __future__ import annotations

from textual.binding import Binding, BindingType

SORT = Binding.Group("sort", compact=True)

DASHBOARD_BINDINGS: list[BindingType] = [
    Binding(
        "slash",
        "filter",
        "Filter",
        id="dashboard.filter",
        tooltip="Filter contacts by name, org, note, tag:x, @address or number",
    ),
    Binding(
        "escape",
        "clear_filter",
        "Clear filter",
        id="dashboard.clear-filter",
        tooltip="Clear the filter and show every contact",
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

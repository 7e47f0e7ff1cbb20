"""The contact screen's keys: the contact, its ladder and its intel ledger."""

from __future__ import annotations

from textual.binding import Binding, BindingType

MOVE = Binding.Group("move", compact=True)

LADDER_ACTIONS = {"add_channel", "edit_channel", "retire_channel", "move_channel"}
"""Actions on the ladder: they step aside while the intel ledger or the
touches have focus."""

TOUCH_ACTIONS = {"cycle_outcome", "edit_touch", "delete_touch"}
"""Actions on the highlighted touch, while the touches have focus."""

CONTACT_BINDINGS: list[BindingType] = [
    Binding("escape", "back", "Back", id="contact.back", tooltip="Back to the dashboard"),
    Binding(
        "l",
        "log_touch",
        "Log",
        id="contact.log-touch",
        tooltip="Log a touch (on the highlighted ladder channel, on that one)",
    ),
    Binding("e", "edit", "Edit", id="contact.edit", tooltip="Edit the contact"),
    Binding("d", "archive", "Archive", id="contact.archive", tooltip="Archive the contact"),
    Binding(
        "c",
        "add_channel",
        "New channel",
        id="contact.add-channel",
        tooltip="Add a channel to the ladder",
    ),
    Binding(
        "enter",
        "edit_channel",
        "Edit channel",
        id="contact.edit-channel",
        tooltip="Edit the highlighted channel",
    ),
    Binding(
        "x",
        "retire_channel",
        "Retire",
        id="contact.retire-channel",
        tooltip="Retire the highlighted channel",
    ),
    Binding(
        "K,shift+up",
        "move_channel(-1)",
        "up",
        group=MOVE,
        show=False,
        id="contact.move-up",
        tooltip="Move the highlighted channel up its rung",
    ),
    Binding(
        "J,shift+down",
        "move_channel(1)",
        "down",
        group=MOVE,
        show=False,
        id="contact.move-down",
        tooltip="Move the highlighted channel down its rung",
    ),
    Binding(
        "i",
        "record_intel",
        "Intel",
        id="contact.record-intel",
        tooltip="Record intel given to or received from the contact",
    ),
    Binding(
        "v",
        "cycle_status",
        "Verify",
        id="contact.cycle-status",
        tooltip="Next status: unverified → confirmed → contradicted",
    ),
    Binding(
        "u",
        "cycle_unique",
        "Unique",
        id="contact.cycle-unique",
        tooltip="Next: unique? → only this source → also heard elsewhere",
    ),
    Binding(
        "x",
        "delete_intel",
        "Delete",
        id="contact.delete-intel",
        tooltip="Delete the highlighted intel item (z puts it back)",
    ),
    Binding(
        "o",
        "cycle_outcome",
        "Outcome",
        id="contact.cycle-outcome",
        tooltip="Next outcome of the highlighted touch: pending → replied → no reply",
    ),
    Binding(
        "enter",
        "edit_touch",
        "Edit touch",
        id="contact.edit-touch",
        tooltip="Edit the highlighted touch: when, channel, outcome, note",
    ),
    Binding(
        "x",
        "delete_touch",
        "Delete",
        id="contact.delete-touch",
        tooltip="Delete the highlighted touch (z puts it back)",
    ),
    Binding(
        "z",
        "undo_delete",
        "Undo delete",
        id="contact.undo-delete",
        tooltip="Put back what was last deleted on this screen",
    ),
    Binding(
        "tab",
        "app.focus_next",
        "Pane",
        id="contact.next-pane",
        tooltip="Move between the ladder, the intel and the recent touches",
    ),
]

"""The contact screen's keys: the contact, its ladder and its intel ledger."""

from __future__ import annotations

from textual.binding import Binding, BindingType

MOVE = Binding.Group("move", compact=True)

LADDER_ACTIONS = {"add_channel", "edit_channel", "retire_channel", "move_channel"}
"""Actions on the ladder: they step aside while the intel ledger has focus."""

CONTACT_BINDINGS: list[BindingType] = [
    Binding("escape", "back", "Back", id="contact.back", tooltip="Back to the dashboard"),
    Binding("l", "log_touch", "Log", id="contact.log-touch", tooltip="Log a touch"),
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
        "tab",
        "app.focus_next",
        "Pane",
        id="contact.next-pane",
        tooltip="Move between the ladder, the intel and the recent touches",
    ),
]

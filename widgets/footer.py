"""The footer of every screen: Textual's, rebuilt only when the keys it
shows change."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

# What the footer shows of one active binding, apart from whether it is enabled.
KeyShown = tuple[str, str, str, str | None, str | None]


class KeyFooter(Footer):
    """Textual's ``Footer``, at a fraction of its cost.

    ``Footer`` recomposes all its keys for every change of the screen's
    bindings, tens of milliseconds each time. This one recomposes once for
    all the changes that arrive before the next refresh, not at all when the
    keys it shows are the same, and only dims or brightens the keys when
    nothing but their enabled state changed (a dashboard's sort keys when
    the whole book has been read).
    """

    _recompose_pending = False
    _shown: tuple[KeyShown, ...] | None = None

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
                # A key starts compact and is then bound to the footer's
                # style: two restyles of every key at every recompose.
                # Setting it beforehand leaves nothing to change. (The
                # command palette's key is not bound: it stays compact.)
                widget.set_reactive(FooterKey.compact, self.compact)
                widget.set_class(self.compact, "-compact", update=False)
            yield widget

    def bindings_changed(self, screen: Screen[object]) -> None:
        if self._recompose_pending:
            return
        self._recompose_pending = True
        self.call_after_refresh(self._changed_once, screen)

    def _changed_once(self, screen: Screen[object]) -> None:
        self._recompose_pending = False
        if not (self.is_attached and screen is self.screen and self.app.app_focus):
            super().bindings_changed(screen)  # which leaves the keys as they are
            return
        bindings = [
            (binding, enabled, tooltip)
            for (_, binding, enabled, tooltip) in screen.active_bindings.values()
        ]
        shown = tuple(
            (
                binding.key,
                binding.action,
                binding.description,
                tooltip,
                binding.group.description if binding.group else None,
            )
            for binding, _, tooltip in bindings
            if binding.show or binding.key == self.app.COMMAND_PALETTE_BINDING
        )
        if shown != self._shown:
            self._shown = shown
            super().bindings_changed(screen)
            return
        enabled = {(binding.key, binding.action): on for binding, on, _ in bindings}
        for key in self.query(FooterKey):
            disabled = not enabled.get((key.key, key.action), True)
            if disabled != key._disabled:
                key._disabled = disabled
                key.set_class(disabled, "-disabled")

"""The footer of every screen: Textual's, rebuilt only when the keys it
shows change."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer

# What the footer shows of one active binding: key, action, description,
# whether it is enabled, tooltip, group.
KeyShown = tuple[str, str, str, bool, str | None, str | None]


class KeyFooter(Footer):
    """Textual's ``Footer``, rebuilt less often.

    ``Footer`` recomposes all its keys for every change of the screen's
    bindings, tens of milliseconds each time. This one recomposes once for
    all the changes that arrive before the next refresh, and not at all when
    the keys it shows, enabled or not, are the same.
    """

    _recompose_pending = False
    _shown: tuple[KeyShown, ...] | None = None

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
        shown = tuple(
            (
                binding.key,
                binding.action,
                binding.description,
                enabled,
                tooltip,
                binding.group.description if binding.group else None,
            )
            for (_, binding, enabled, tooltip) in screen.active_bindings.values()
            if binding.show or binding.key == self.app.COMMAND_PALETTE_BINDING
        )
        if shown != self._shown:
            self._shown = shown
            super().bindings_changed(screen)

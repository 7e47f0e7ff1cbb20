"""The footer of every screen: Textual's, recomposed once per batch of
binding changes."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    """Textual's ``Footer`` recomposes all its keys for every change of the
    screen's bindings, even for several changes before the next refresh: a
    focus change, a stack update and a screen's own refresh at start-up make
    three recomposes of the same keys, at tens of milliseconds each. This one
    recomposes once for all the changes that arrive before the refresh.
    """

    _recompose_pending = False

    def bindings_changed(self, screen: Screen[object]) -> None:
        if self._recompose_pending:
            return
        self._recompose_pending = True
        self.call_after_refresh(self._changed_once, screen)

    def _changed_once(self, screen: Screen[object]) -> None:
        self._recompose_pending = False
        super().bindings_changed(screen)

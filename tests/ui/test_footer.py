"""The footer rebuilds its keys once for binding changes that come together,
and still shows what the bindings say."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType

from bchan_tui.widgets import KeyFooter

from .helpers import visible_text


class Keys(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("s", "save", "Save", id="test.save")]
    can_save = True

    def compose(self) -> ComposeResult:
        yield KeyFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.can_save if action == "save" else True

    def action_save(self) -> None:
        return None


async def test_binding_changes_before_a_refresh_rebuild_the_footer_once() -> None:
    app = Keys()
    async with app.run_test() as pilot:
        await pilot.pause()
        footer = app.query_one(KeyFooter)
        rebuilt = 0
        recompose = footer.recompose

        async def counting_recompose() -> None:
            nonlocal rebuilt
            rebuilt += 1
            await recompose()

        footer.recompose = counting_recompose  # type: ignore[method-assign]
        app.can_save = False
        for _ in range(3):
            app.screen.refresh_bindings()
        await pilot.pause()
        await pilot.pause()
        assert rebuilt == 1
        assert "Save" not in visible_text(app)
        app.can_save = True
        app.screen.refresh_bindings()
        await pilot.pause()
        await pilot.pause()
        assert rebuilt == 2
        assert "Save" in visible_text(app)

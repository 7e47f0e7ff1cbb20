"""The footer rebuilds its keys once for binding changes that come together,
not at all when the keys it shows stay the same (enabled or not), and still
shows what the bindings say."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widget import Widget

from bchan_tui.widgets import KeyFooter

from .helpers import visible_text


class Keys(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("s", "save", "Save", id="test.save")]
    # True: shown; None: shown dimmed, pressing it rings the bell; False: hidden.
    can_save: bool | None = True

    def compose(self) -> ComposeResult:
        yield KeyFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.can_save if action == "save" else True

    def action_save(self) -> None:
        return None


class Rebuilds:
    """Counts the footer's recomposes."""

    def __init__(self, footer: KeyFooter) -> None:
        self.count = 0
        recompose = footer.recompose

        async def counting_recompose() -> None:
            self.count += 1
            await recompose()

        footer.recompose = counting_recompose  # type: ignore[method-assign]


def save_key(app: App[None]) -> Widget:
    """The footer's key for "save": the only one besides the command palette's."""
    return app.query_one(KeyFooter).query("FooterKey").exclude(".-command-palette").only_one()


async def test_binding_changes_before_a_refresh_rebuild_the_footer_once() -> None:
    app = Keys()
    async with app.run_test() as pilot:
        await pilot.pause()
        rebuilds = Rebuilds(app.query_one(KeyFooter))
        app.can_save = False
        for _ in range(3):
            app.screen.refresh_bindings()
        await pilot.pause()
        await pilot.pause()
        assert rebuilds.count == 1
        assert "Save" not in visible_text(app)
        app.can_save = True
        app.screen.refresh_bindings()
        await pilot.pause()
        await pilot.pause()
        assert rebuilds.count == 2
        assert "Save" in visible_text(app)


async def test_unchanged_keys_are_not_rebuilt() -> None:
    app = Keys()
    async with app.run_test() as pilot:
        await pilot.pause()
        rebuilds = Rebuilds(app.query_one(KeyFooter))
        app.screen.refresh_bindings()
        await pilot.pause()
        await pilot.pause()
        assert rebuilds.count == 0
        assert "Save" in visible_text(app)


async def test_a_key_is_dimmed_and_brightened() -> None:
    app = Keys()
    async with app.run_test() as pilot:
        await pilot.pause()
        rebuilds = Rebuilds(app.query_one(KeyFooter))
        assert not save_key(app).has_class("-disabled")

        app.can_save = None
        app.screen.refresh_bindings()
        await pilot.pause()
        await pilot.pause()
        assert save_key(app).has_class("-disabled")
        assert "Save" in visible_text(app)
        assert rebuilds.count == 1

        app.can_save = True
        app.screen.refresh_bindings()
        await pilot.pause()
        await pilot.pause()
        assert not save_key(app).has_class("-disabled")
        assert rebuilds.count == 2

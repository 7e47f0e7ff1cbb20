"""The command palette's bchan commands: every action bound to a key on the
screen the palette was opened from, found by name.

Built from the live bindings, so a new key is in the palette the moment it
exists, and an action that does not apply now (nothing to undo, no contact
highlighted) is not offered.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from functools import partial

import msgspec
from textual.command import DiscoveryHit, Hit, Hits, Provider

# Moving a cursor by name is no use; the palette offers what a key does.
_NOT_COMMANDS = {"command_palette"}


class PaletteCommand(msgspec.Struct, frozen=True):
    title: str
    help: str
    run: Callable[[], Awaitable[bool]]


class BchanCommands(Provider):
    """Commands for the bindings active on the calling screen."""

    def commands(self) -> Iterator[PaletteCommand]:
        seen: set[tuple[int, str]] = set()
        # Where two keys run one action, name it after the plainer key: the
        # one in the footer, else the one that is not a priority override.
        bound = sorted(
            self.screen.active_bindings.items(),
            key=lambda item: (not item[1].binding.show, item[1].binding.priority),
        )
        for key, active in bound:
            binding = active.binding
            if not active.enabled or binding.system or binding.action in _NOT_COMMANDS:
                continue
            if not binding.show and not binding.tooltip:
                continue
            identity = (id(active.node), binding.action)
            if identity in seen:
                continue
            seen.add(identity)
            title = binding.tooltip or binding.description
            shown_key = self.app.get_key_display(binding.with_key(key))
            yield PaletteCommand(
                title=title,
                help=f"key: {shown_key}",
                run=partial(self.app.run_action, binding.action, active.node),
            )

    async def discover(self) -> Hits:
        for command in sorted(self.commands(), key=lambda c: c.title):
            yield DiscoveryHit(command.title, command.run, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self.commands():
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(score, matcher.highlight(command.title), command.run, help=command.help)

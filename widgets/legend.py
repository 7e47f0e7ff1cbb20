"""What every mark on screen means: the help screen shows it, and the README
explains the same marks (a test holds the two together)."""

from __future__ import annotations

from bchan_tui.data import Band

from .display import band_mark

LEGEND: tuple[tuple[str, str], ...] = (
    (
        f"{band_mark(Band.COOL)} {band_mark(Band.WARM)} {band_mark(Band.HOT)}",
        "heat of a channel, the same mark everywhere: how much of what it can carry "
        "recent use has spent (warm from a quarter, hot from a half); it cools by itself",
    ),
    ("●●●○○", "strength: how high you stand on their list, 0 to 5"),
    (
        "≠",
        "needs attention: a merge conflict, a field two copies of the book changed "
        "each its own way; enter picks the value that stays",
    ),
    ("●", "needs attention: a relationship due or overdue for a touch"),
    ("▲", "needs attention: a private channel is hot, so rest it"),
    ("?", "needs attention: what a source told you is still unverified"),
    (
        "⇄",
        "needs attention: a one-sided exchange (you received much more than you gave); "
        "on the accounts screen, how many back channels an account has",
    ),
    ("★", "on the ladder: the channel they said to reach them by"),
    ("▲ ▼", "in a column title: the list is sorted by it, values rising (▲) or falling (▼)"),
    ("→ ←", "a touch or intel you gave (out) or received (in)"),
)
"""(mark, meaning) for every mark the screens draw."""

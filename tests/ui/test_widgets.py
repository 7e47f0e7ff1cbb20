"""The pieces on their own: the heat indicator, the display helpers and the
narrowing filter."""

from __future__ import annotations

from pathlib import Path

import msgspec
import pendulum
import pytest
from textual.app import App, ComposeResult

from bchan_tui.data import Band, ChannelHeat, Store
from bchan_tui.data.domain.search import ContactSearch
from bchan_tui.data.domain.search_text import search_text
from bchan_tui.screens.filtering import NarrowingSearch
from bchan_tui.widgets import HeatIndicator, heat_content
from bchan_tui.widgets.display import AGO_WIDTH, ago, band_mark, day, fit, strength_dots

from .helpers import visible_text


def heat(
    band: Band, level: float, used_days_ago: float | None, ready_in_days: float | None
) -> ChannelHeat:
    now = pendulum.now("UTC")
    return ChannelHeat(
        heat=level,
        level=level,
        band=band,
        last_used_at=None
        if used_days_ago is None
        else now.subtract(seconds=round(used_days_ago * 86400)).timestamp(),
        ready_again_at=None
        if ready_in_days is None
        else now.add(seconds=round(ready_in_days * 86400)).timestamp(),
    )


def test_a_hot_channel_reads_hot_with_its_ready_again_date(frozen: pendulum.DateTime) -> None:
    content = heat_content(heat(Band.HOT, 0.9, 2, 14))
    assert content.plain == "█ hot · last used 2 d ago · ready again 7 Dec"
    # Coloured by band through the theme's variables.
    assert any("$error" in str(span.style) for span in content.spans)


def test_a_cool_channel_never_used(frozen: pendulum.DateTime) -> None:
    content = heat_content(heat(Band.COOL, 0.0, None, None))
    assert content.plain == "▁ cool · never used"
    assert any("$success" in str(span.style) for span in content.spans)


def test_a_warm_channel(frozen: pendulum.DateTime) -> None:
    content = heat_content(heat(Band.WARM, 0.3, 9, None))
    assert content.plain == "▄ warm · last used 1 wk ago"
    assert any("$warning" in str(span.style) for span in content.spans)


def test_display_helpers(frozen: pendulum.DateTime) -> None:
    assert band_mark(Band.HOT) == "█ hot"
    assert strength_dots(3) == "●●●○○"
    assert fit("García", 4) == "Gar…"
    assert fit("ab", 4) == "ab  "
    assert fit("日本語", 4) == "日… "
    assert fit("Atlas Ventures", 7) == "Atlas… "
    assert day(frozen.add(days=14)) == "7 Dec"
    assert day(frozen.add(days=60)) == "22 Jan 2027"


def test_a_ready_again_time_today_reads_as_a_time(frozen: pendulum.DateTime) -> None:
    # Noon UTC is frozen; the local zone is UTC in the tests.
    assert day(frozen.add(hours=5, minutes=30)) == "17:30"
    assert day(frozen.add(hours=13)) == "24 Nov"
    content = heat_content(heat(Band.HOT, 0.6, 0.25, 0.1))
    assert content.plain == "█ hot · last used 6 h ago · ready again 14:24"


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [
        (20, "just now"),
        (5 * 60, "5 min ago"),
        (59 * 60 + 59, "59 min ago"),
        (5 * 3600, "5 h ago"),
        (86_400 * 2, "2 d ago"),
        (86_400 * 23, "3 wk ago"),
        (86_400 * 70, "2 mo ago"),
        (86_400 * 340, "11 mo ago"),
        (86_400 * 800, "2 yr ago"),
        (-5 * 60, "in 5 min"),
    ],
)
def test_relative_times_are_short_and_never_wider_than_their_column(
    frozen: pendulum.DateTime, seconds: int, expected: str
) -> None:
    text = ago(frozen.subtract(seconds=seconds))
    assert text == expected
    assert len(text) <= AGO_WIDTH


class HeatApp(App[None]):
    def __init__(self, value: ChannelHeat) -> None:
        super().__init__()
        self.value = value

    def compose(self) -> ComposeResult:
        yield HeatIndicator(self.value)


async def test_the_indicator_reads_the_same_without_colour(
    frozen: pendulum.DateTime, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = HeatApp(heat(Band.HOT, 1.0, 1, 3))
    async with app.run_test(size=(80, 3)) as pilot:
        await pilot.pause()
        assert app.no_color
        assert "█ hot · last used 1 d ago · ready again 26 Nov" in visible_text(app)
        assert app.query_one(HeatIndicator).has_class("-hot")


def test_the_narrowing_search_finds_what_a_full_search_finds(
    demo_db: Path, frozen: pendulum.DateTime
) -> None:
    with Store(demo_db) as store:
        contacts = store.contacts()
        channels = store.channels()
    narrowing = NarrowingSearch.of(contacts, channels)
    full = ContactSearch.of(contacts, channels)
    queries = [
        *("m", "ma", "mar", "mart", "marta", "mart", "m"),
        # Word starts, then only letters in order: the letters-only matches
        # the first query left out are found again.
        *("l", "li", "lin", "lind", "lindqv", "lindqvt", "lindqv"),
        *("g", "gl", "glo x", "globex b"),
        *("t", "ta", "tag:", "tag:a", "tag:an"),
        *("@", "@pro", "@proton", "+46", "+46 7", "+46 70"),
    ]
    for query in queries:
        assert narrowing.scores(query) == full.scores(query), query
    # A changed contact is searched by its new name at once.
    marta = next(c for c in contacts if c.name == "Marta Lindqvist")
    renamed = msgspec.structs.replace(marta, name="Xavia Quill")
    narrowing.matching_ids("xavi")
    narrowing.update(renamed.id, search_text(renamed))
    full.update(renamed.id, search_text(renamed))
    assert marta.id in narrowing.matching_ids("xavia")
    assert narrowing.matching_ids("xavia") == full.matching_ids("xavia")

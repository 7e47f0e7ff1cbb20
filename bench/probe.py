"""One measurement in a fresh process; prints one JSON object.

    python bench/probe.py bare            a bare Textual app to its first frame
    python bench/probe.py parse DB        orjson parsing the database file
    python bench/probe.py app DB          bchan: start-up, filter keystrokes, a durable touch

Start-up is timed from the top of this script, before any import, to the
first frame (bare) or to the contact list's first drawn rows (bchan).
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import asyncio  # noqa: E402
import gc  # noqa: E402
import itertools  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

KEYSTROKE_QUERIES = ("marta", "lin", "ada z", "north", "cio")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bare() -> dict[str, float]:
    from textual.app import App, ComposeResult
    from textual.screen import Screen
    from textual.widgets import Footer, Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("ready")
            yield Footer()

    # Timed like bchan's first rows: at the first frame the screen sends.
    compositor_refresh = Screen._compositor_refresh
    painted: list[float] = []

    def refresh_then_mark(screen: Screen[object]) -> None:
        compositor_refresh(screen)
        painted.append(time.perf_counter() - STARTED)

    Screen._compositor_refresh = refresh_then_mark  # type: ignore[method-assign]

    async def run() -> None:
        async with Bare().run_test(size=(120, 36)) as pilot:
            await pilot.pause()

    asyncio.run(run())
    return {"startup_s": painted[0], "peak_mb": peak_mb()}


def parse(db: Path) -> dict[str, float]:
    import orjson

    payload = db.read_bytes()
    gc.disable()  # the fastest way to parse it: the floor to beat
    began = time.perf_counter()
    orjson.loads(payload)
    return {"parse_s": time.perf_counter() - began}


def _paint_times(screen_class: type) -> dict[str, float]:
    """Record when the dashboard is first painted with the preview rows
    shown, and with every row shown (the filter ready), by wrapping its
    compositor refresh: the moment a terminal would receive the frame.

    ``Pilot.pause`` is no clock for this: it waits for the whole process to
    go idle, and a worker decoding the rest of the book keeps it busy for
    up to its one-second cap."""
    compositor_refresh = screen_class._compositor_refresh
    painted: dict[str, float] = {}

    def refresh_then_mark(dashboard: Any) -> None:
        compositor_refresh(dashboard)
        contact_list = dashboard.contact_list
        if contact_list.loading or not contact_list.total_count:
            return
        now = time.perf_counter() - STARTED
        painted.setdefault("first_rows", now)
        if dashboard.search is not None:
            painted.setdefault("all_rows", now)
            screen_class._compositor_refresh = compositor_refresh  # type: ignore[method-assign]

    screen_class._compositor_refresh = refresh_then_mark  # type: ignore[method-assign]
    return painted


def app(db: Path) -> dict[str, object]:
    from bchan_tui.app import BchanApp
    from bchan_tui.preferences import Preferences
    from bchan_tui.screens import DashboardScreen

    painted = _paint_times(DashboardScreen)

    async def run() -> dict[str, object]:
        bchan = BchanApp(db_path=db, preferences=Preferences(None))
        async with bchan.run_test(size=(120, 36)) as pilot:
            while not isinstance(bchan.screen, DashboardScreen):
                await asyncio.sleep(0.001)
            dashboard = bchan.screen
            # The first rows come from part of the book; sorting and the
            # filter wait for every row.
            while "all_rows" not in painted:
                await asyncio.sleep(0.001)
            await pilot.pause()
            memory_after_start = peak_mb()

            await pilot.press("slash")
            keystrokes = await _time_keystrokes(bchan, dashboard)
            await pilot.press("escape")

            touch_s, blocked_s = await _durable_touch(bchan, dashboard)
            return {
                "startup_s": painted["first_rows"],
                "all_rows_s": painted["all_rows"],
                "keystrokes_s": keystrokes,
                "touch_s": touch_s,
                "blocked_s": blocked_s,
                "peak_mb": max(memory_after_start, peak_mb()),
            }

    return asyncio.run(run())


async def _time_keystrokes(bchan: object, dashboard: object) -> list[float]:
    """Each keystroke in the filter, from the key event entering the app to
    the end of the first screen update after the list took the new filter."""
    from textual import events

    applied = False
    repainted = asyncio.Event()
    apply_filter = dashboard._apply_filter  # type: ignore[attr-defined]
    compositor_refresh = dashboard._compositor_refresh  # type: ignore[attr-defined]

    def filter_then_mark(query: str) -> None:
        nonlocal applied
        apply_filter(query)
        applied = True

    def refresh_then_mark() -> None:
        compositor_refresh()
        if applied:
            repainted.set()

    dashboard._apply_filter = filter_then_mark  # type: ignore[attr-defined]
    dashboard._compositor_refresh = refresh_then_mark  # type: ignore[attr-defined]
    timings: list[float] = []
    for query in KEYSTROKE_QUERIES:
        for key in [*query, *["backspace"] * len(query)]:
            applied = False
            repainted.clear()
            name = "space" if key == " " else key
            began = time.perf_counter()
            bchan._driver.send_message(  # type: ignore[attr-defined]
                events.Key(name, key if len(key) == 1 else None)
            )
            await repainted.wait()
            timings.append(time.perf_counter() - began)
    return timings


async def _durable_touch(bchan: object, dashboard: object) -> tuple[float, float]:
    """Log a touch the way the screens do (a thread worker calling the store),
    timing it to its return (it is fsynced by then) and the longest gap of a
    1 ms heartbeat on the event loop meanwhile."""
    store = bchan.store  # type: ignore[attr-defined]
    row = dashboard.contact_list.highlighted_row  # type: ignore[attr-defined]
    contact_id = row.contact.id if row else store.contacts()[0].id
    channel = store.channels_of(contact_id)[0]
    beats: list[float] = []
    timer = bchan.set_interval(0.001, lambda: beats.append(time.perf_counter()))  # type: ignore[attr-defined]
    await asyncio.sleep(0.05)
    began = time.perf_counter()
    worker = bchan.run_worker(  # type: ignore[attr-defined]
        lambda: store.log_touch(contact_id, channel.id, reason="benchmark", note="benchmark"),
        thread=True,
    )
    await worker.wait()
    touch_s = time.perf_counter() - began
    await asyncio.sleep(0.02)
    timer.stop()
    during = [b for b in beats if b >= began - 0.002]
    gaps = [later - earlier for earlier, later in itertools.pairwise(during)]
    return touch_s, max(gaps, default=0.0)


def main() -> None:
    mode = sys.argv[1]
    if mode == "bare":
        result: dict[str, object] = dict(bare())
    elif mode == "parse":
        result = dict(parse(Path(sys.argv[2])))
    elif mode == "app":
        result = app(Path(sys.argv[2]))
        keys = result["keystrokes_s"]
        assert isinstance(keys, list)
        result["keystroke_median_s"] = statistics.median(keys)
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()

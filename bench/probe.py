"""One measurement in a fresh process; prints one JSON object.

    python bench/probe.py bare            a bare Textual app to its first frame
    python bench/probe.py bare-keys       keystrokes in a bare Textual app's Input
    python bench/probe.py parse DB        orjson parsing the database file
    python bench/probe.py app DB          bchan: start-up, filter keystrokes, a durable touch

Start-up is timed from the top of this script, before any import, to the
first frame (bare) or to the first frame showing rows of the contact list
(bchan). A frame is timed by Textual's public ``App.post_display_hook``,
which runs as soon as an update has been rendered for the terminal; keys are
posted to the app as the terminal driver would post them.
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
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

KEYSTROKE_QUERIES = ("marta", "lin", "ada z", "north", "cio")
TERMINAL_SIZE = (120, 36)
# Far longer than reading a size L book should take: a probe waiting for a
# frame that never comes fails instead of hanging the benchmark.
GIVE_UP_S = 300

# Called at each frame an app renders.
FrameWatchers = list[Callable[[], None]]


def since_start() -> float:
    return time.perf_counter() - STARTED


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Moment(asyncio.Event):
    """An event that remembers when, since the start, it first happened."""

    at = 0.0

    def happen(self) -> None:
        if not self.is_set():
            self.at = since_start()
            self.set()


def frame_watchers(app: Any) -> FrameWatchers:
    """Callbacks to run at each frame ``app`` renders, from its public
    ``post_display_hook`` set on this one app (a subclass would move where
    Textual looks for the app's stylesheet)."""
    watchers: FrameWatchers = []

    def run_watchers() -> None:
        for watcher in list(watchers):
            watcher()

    app.post_display_hook = run_watchers
    return watchers


def bare() -> dict[str, float]:
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("ready")
            yield Footer()

    async def run() -> float:
        app = Bare()
        first_frame = Moment()
        frame_watchers(app).append(first_frame.happen)
        async with app.run_test(size=TERMINAL_SIZE) as pilot:
            await pilot.pause()
        return first_frame.at

    return {"startup_s": asyncio.run(run()), "peak_mb": peak_mb()}


def bare_keys() -> dict[str, Any]:
    """The floor of a filter keystroke: the same keys typed into the Input of
    a bare Textual app, each from the key event to the first frame after the
    Input took it. Textual draws at most 60 frames a second, so a key that
    lands just after a frame waits up to 17 ms for the next."""
    from textual.app import App, ComposeResult
    from textual.widgets import Input

    class BareInput(App[None]):
        def compose(self) -> ComposeResult:
            yield Input()

    async def run() -> list[float]:
        app = BareInput()
        watchers = frame_watchers(app)
        async with app.run_test(size=TERMINAL_SIZE) as pilot:
            await pilot.pause()
            typed = app.query_one(Input)
            return await _time_keys(app, watchers, lambda: typed.value)

    timings = asyncio.run(run())
    return {"keystrokes_s": timings, "keystroke_median_s": statistics.median(timings)}


def parse(db: Path) -> dict[str, float]:
    import orjson

    payload = db.read_bytes()
    gc.disable()  # the fastest way to parse it: the floor to beat
    began = time.perf_counter()
    orjson.loads(payload)
    return {"parse_s": time.perf_counter() - began}


def app(db: Path) -> dict[str, Any]:
    from bchan_tui.app import BchanApp
    from bchan_tui.preferences import Preferences

    async def run() -> dict[str, Any]:
        bchan = BchanApp(db, preferences=Preferences(None))
        watchers = frame_watchers(bchan)
        painted = _watch_loading(bchan, watchers)
        async with bchan.run_test(size=TERMINAL_SIZE) as pilot:
            async with asyncio.timeout(GIVE_UP_S):
                await painted["all_rows"].wait()
            # The attention list is still being worked out: typing waits for it.
            await pilot.pause()

            await pilot.press("slash")
            keystrokes = await _time_keystrokes(bchan, watchers)
            await pilot.press("escape")

            touch_s, blocked_s = await _durable_touch(bchan)
            return {
                "startup_s": painted["first_rows"].at,
                "all_rows_s": painted["all_rows"].at,
                "keystrokes_s": keystrokes,
                "touch_s": touch_s,
                "blocked_s": blocked_s,
                "peak_mb": peak_mb(),
            }

    return asyncio.run(run())


def _watch_loading(bchan: Any, watchers: FrameWatchers) -> dict[str, Moment]:
    """The first frame with the first rows on the dashboard (from part of
    the book), and the first with every row (sorting and the filter ready).

    ``Pilot.pause`` is no clock for this: it waits for the whole process to
    go idle, and workers reading the book keep it busy long after."""
    dashboard = bchan.dashboard
    painted = {"first_rows": Moment(), "all_rows": Moment()}

    def on_frame() -> None:
        if dashboard.search is not None:
            painted["first_rows"].happen()
            painted["all_rows"].happen()
            watchers.remove(on_frame)
        elif dashboard.previewing:
            painted["first_rows"].happen()

    watchers.append(on_frame)
    return painted


async def _time_keystrokes(bchan: Any, watchers: FrameWatchers) -> list[float]:
    """Each keystroke in the filter, from the key event entering the app to
    the first frame rendered after the contact list took the new filter."""
    contact_list = bchan.dashboard.contact_list
    set_matches = contact_list.set_matches
    filters = 0

    def set_matches_then_count(scores: Any, **options: Any) -> None:
        nonlocal filters
        set_matches(scores, **options)
        filters += 1

    contact_list.set_matches = set_matches_then_count
    try:
        return await _time_keys(bchan, watchers, lambda: filters)
    finally:
        del contact_list.set_matches


async def _time_keys(app: Any, watchers: FrameWatchers, state: Callable[[], object]) -> list[float]:
    """Type ``KEYSTROKE_QUERIES`` (each, then a backspace per letter), timing
    each key from its event to the first frame after ``state()`` changed."""
    from textual import events

    before: object = None
    repainted = asyncio.Event()

    def on_frame() -> None:
        if state() != before:
            repainted.set()

    watchers.append(on_frame)
    timings: list[float] = []
    for query in KEYSTROKE_QUERIES:
        for key in [*query, *["backspace"] * len(query)]:
            before = state()
            repainted.clear()
            name = "space" if key == " " else key
            event = events.Key(name, key if len(key) == 1 else None).set_sender(app)
            began = time.perf_counter()
            app.post_message(event)
            async with asyncio.timeout(GIVE_UP_S):
                await repainted.wait()
            timings.append(time.perf_counter() - began)
    watchers.remove(on_frame)
    return timings


async def _durable_touch(bchan: Any) -> tuple[float, float]:
    """Log a touch the way the screens do (a thread worker calling the store),
    timing it to its return (it is fsynced by then) and the longest gap of a
    1 ms heartbeat on the event loop meanwhile."""
    store = bchan.store
    row = bchan.dashboard.contact_list.highlighted_row
    contact_id = row.contact.id if row else store.contacts()[0].id
    channel = store.channels_of(contact_id)[0]
    beats: list[float] = []
    timer = bchan.set_interval(0.001, lambda: beats.append(time.perf_counter()))
    await asyncio.sleep(0.05)
    began = time.perf_counter()
    worker = bchan.run_worker(
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
        result: dict[str, Any] = dict(bare())
    elif mode == "bare-keys":
        result = bare_keys()
    elif mode == "parse":
        result = dict(parse(Path(sys.argv[2])))
    elif mode == "app":
        result = app(Path(sys.argv[2]))
        result["keystroke_median_s"] = statistics.median(result["keystrokes_s"])
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()

"""bchan's benchmark: the figures of the design at sizes S, M and L, with the
floor start-up is judged against measured in the same run.

    python bench/run.py                  # S, M and L, 3 runs each
    python bench/run.py --sizes S --runs 1

Each size's book is made once with ``bchan demo --size``. Every process
that opens it then gets a fresh copy, alone in a folder of its own: nothing
warm beside it, and no journal left by an earlier run's ``bchan log`` or
touch. A user's book carries at most the journal of the touches logged
since their last dashboard session, which folds it in; a fresh copy each
time measures every run on the same book, the one ``bchan demo`` wrote,
rather than on one that grows by a touch a process, and keeps each figure
independent of the order they are taken in. Each dashboard session is
thereby its day's first, and backs the book up once every row is read.

Each figure is a median over runs, each run a fresh process:

- start-up: from the top of the probe script to the first frame showing
  rows, against its floor: a bare Textual app's first frame plus orjson
  parsing the file, both measured in the same run;
- filter keystrokes: from a key posted to the app to the first frame after
  the contact list took the filter (over every run's keystrokes), beside
  their floor: the same keys typed into a bare Textual app's Input, each
  to the first frame after the Input took it;
- a touch logged in the app by a thread worker, durable when it returns,
  and the longest the event loop went without a turn meanwhile;
- ``bchan find``, ``query``, ``reach``, ``log`` and ``export`` (Markdown,
  the whole book, in one process): the command's wall-clock time, shown
  beside their floor: a process that only imports the libraries the data
  layer stands on (msgspec, pendulum, tinydb, platformdirs) and decodes
  the file, timed the same way (it has no target: it says how much of a
  command's time is bchan's own);
- the dashboard's peak memory (the largest of the runs).

Prints one table, marking each figure of S and M against its target (ok or
MISS; L has none), and writes the figures as JSON (bench/results/latest.json
by default).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PROBE = HERE / "probe.py"

# What the shell commands look for, as a user would type it.
QUERY = "marta"

# The most each figure may be; a ratio is start-up over its floor. L is
# measured and reported, with no target but that it works.
TARGETS: dict[str, dict[str, float]] = {
    "S": {
        "ratio": 1.5,
        "keystroke_median_s": 0.020,
        "touch_s": 0.050,
        "find_s": 0.25,
        "query_s": 0.25,
        "reach_s": 0.25,
        "log_s": 0.3,
        "export_s": 0.5,
        "peak_mb": 80,
    },
    "M": {
        "startup_s": 1.0,
        "ratio": 1.6,
        "keystroke_median_s": 0.030,
        "touch_s": 0.150,
        "find_s": 0.6,
        "query_s": 0.6,
        "reach_s": 0.6,
        "log_s": 0.6,
        "export_s": 2.5,
        "peak_mb": 250,
    },
    "L": {},
}


@contextmanager
def fresh_copy(book: Path) -> Iterator[Path]:
    """A copy of ``book`` alone in a folder of its own, removed afterwards
    with whatever was written beside it."""
    with tempfile.TemporaryDirectory(dir=book.parent) as folder:
        copy = Path(folder) / book.name
        shutil.copy2(book, copy)
        # A user's book is at rest on the disk: without this, the first
        # fsync of a writer (bchan log's) also waits for the copy's 43 MB.
        os.sync()
        yield copy


def probe(*args: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, str(PROBE), *args], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"probe {' '.join(args)}: exit {done.returncode}\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def bchan(*args: str) -> list[str]:
    return [sys.executable, "-m", "bchan_tui", *args]


def run_bchan(*args: str) -> tuple[float, str]:
    """Run ``bchan ARGS``; its wall-clock time and output. A failure stops
    the benchmark: a command that fails fast is no figure."""
    began = time.perf_counter()
    done = subprocess.run(bchan(*args), capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - began
    if done.returncode != 0:
        raise SystemExit(f"bchan {' '.join(args)}: exit {done.returncode}\n{done.stderr}")
    return elapsed, done.stdout


def timed_on_copies(book: Path, runs: int, *args: str) -> float:
    """The median time of ``bchan ARGS --db COPY``, each run on a fresh copy."""
    times = []
    for _ in range(runs):
        with fresh_copy(book) as db:
            times.append(run_bchan(*args, "--db", str(db))[0])
    return statistics.median(times)


# What every shell command does before any work of bchan's own: start
# Python, import what the data layer stands on, and decode the file.
SHELL_FLOOR = (
    "import sys, msgspec, pendulum, platformdirs, tinydb; "
    "msgspec.json.decode(open(sys.argv[1], 'rb').read())"
)


def timed_floor(book: Path, runs: int) -> float:
    """The median wall-clock time of ``SHELL_FLOOR``, timed as a command is."""
    times = []
    for _ in range(runs):
        with fresh_copy(book) as db:
            began = time.perf_counter()
            subprocess.run([sys.executable, "-c", SHELL_FLOOR, str(db)], check=True)
            times.append(time.perf_counter() - began)
    return statistics.median(times)


def measure(size: str, runs: int, folder: Path) -> dict[str, Any]:
    book = folder / f"{size}.json"
    generate_s, _ = run_bchan("demo", "--size", size, "--db", str(book), "--force")
    apps = []
    for _ in range(runs):
        with fresh_copy(book) as db:
            apps.append(probe("app", str(db)))
    bares = [probe("bare") for _ in range(runs)]
    parses = [probe("parse", str(book)) for _ in range(runs)]
    keystrokes = sorted(k for a in apps for k in a["keystrokes_s"])
    bare_keystrokes = [k for _ in range(runs) for k in probe("bare-keys")["keystrokes_s"]]
    someone = first_found(book)
    figures: dict[str, Any] = {
        "size": size,
        "file_mb": book.stat().st_size / 1e6,
        "generate_s": generate_s,
        "startup_s": statistics.median(a["startup_s"] for a in apps),
        "bare_textual_s": statistics.median(b["startup_s"] for b in bares),
        "parse_s": statistics.median(p["parse_s"] for p in parses),
        "all_rows_s": statistics.median(a["all_rows_s"] for a in apps),
        "keystroke_median_s": statistics.median(keystrokes),
        "keystroke_p95_s": keystrokes[int(0.95 * (len(keystrokes) - 1))],
        "keystroke_floor_s": statistics.median(bare_keystrokes),
        "keystrokes": len(keystrokes),
        "touch_s": statistics.median(a["touch_s"] for a in apps),
        "blocked_s": max(a["blocked_s"] for a in apps),
        "shell_floor_s": timed_floor(book, runs),
        "find_s": timed_on_copies(book, runs, "find", QUERY),
        "query_s": timed_on_copies(book, runs, "query", QUERY),
        "reach_s": timed_on_copies(book, runs, "reach", someone["name"]),
        "log_s": timed_on_copies(book, runs, *log_argv(someone)),
        "export_s": timed_on_copies(
            book, runs, "export", "-o", str(folder / "export.md"), "--force"
        ),
        "peak_mb": max(a["peak_mb"] for a in apps),
    }
    figures["floor_s"] = figures["bare_textual_s"] + figures["parse_s"]
    figures["ratio"] = figures["startup_s"] / figures["floor_s"]
    return figures


def first_found(book: Path) -> dict[str, Any]:
    """The first contact ``bchan find QUERY`` lists with a channel for
    routine matters, as its JSON gives it: whom ``bchan reach`` and
    ``bchan log`` are timed on."""
    with fresh_copy(book) as db:
        _, out = run_bchan("find", "--json", QUERY, "--db", str(db))
    found: list[dict[str, Any]] = json.loads(out)
    return next(contact for contact in found if contact["routine"] is not None)


def log_argv(contact: dict[str, Any]) -> list[str]:
    """``bchan log`` of a touch to ``contact`` on the channel reach now picks
    for it, with the reason a private one needs, said yes to if it is hot."""
    channel = contact["routine"]["channel_id"]
    touch = ["--note", "benchmark", "--reason", "benchmark", "--yes"]
    return ["log", contact["id"], "--channel", channel, *touch]


ROWS = (
    ("startup_s", "start-up to first rows", "s"),
    ("bare_textual_s", "  floor: bare Textual first frame", "s"),
    ("parse_s", "  floor: orjson parse of the file", "s"),
    ("ratio", "  start-up / (bare + parse)", "x"),
    ("all_rows_s", "every row ready (sort, filter)", "s"),
    ("keystroke_median_s", "filter keystroke, median", "ms"),
    ("keystroke_p95_s", "filter keystroke, 95th pct", "ms"),
    ("keystroke_floor_s", "  floor: bare Textual Input keystroke", "ms"),
    ("touch_s", "touch in the app (durable, worker)", "ms"),
    ("blocked_s", "  longest event-loop block meanwhile", "ms"),
    ("shell_floor_s", "floor: Python, data libraries, parse", "s"),
    ("find_s", f"bchan find {QUERY}", "s"),
    ("query_s", f"bchan query {QUERY}", "s"),
    ("reach_s", "bchan reach NAME", "s"),
    ("log_s", "bchan log (a touch, durable)", "s"),
    ("export_s", "bchan export (markdown, all)", "s"),
    ("peak_mb", "peak memory (dashboard)", "MB"),
)


def cell(value: float, unit: str) -> str:
    if unit == "ms":
        return f"{value * 1000:.0f} ms"
    if unit == "x":
        return f"{value:.2f}x"
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value:.2f} s"


def verdict(size: str, key: str, value: float) -> str:
    target = TARGETS[size].get(key)
    if target is None:
        return ""
    return " ok" if value <= target else " MISS"


def table(results: list[dict[str, Any]]) -> str:
    sizes = [r["size"] for r in results]
    lines = ["| figure | " + " | ".join(sizes) + " |", "|---|" + "---|" * len(sizes)]
    for key, label, unit in ROWS:
        cells = [cell(r[key], unit) + verdict(r["size"], key, r[key]) for r in results]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    books = [
        f"{r['size']}: {r['file_mb']:.0f} MB file, made in {r['generate_s']:.1f} s" for r in results
    ]
    return "\n".join([*lines, "", "; ".join(books)])


def compile_sources() -> None:
    """Compile bchan's modules to bytecode first, as installing a wheel does.

    An editable checkout under PYTHONDONTWRITEBYTECODE (set on some machines)
    would otherwise compile every module again in every process, which is a
    cost no installed copy pays.
    """
    root = HERE.parent
    folders = [str(root / name) for name in ("bchan_tui", "data", "screens", "widgets")]
    subprocess.run([sys.executable, "-m", "compileall", "-q", *folders], check=True)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", nargs="+", default=["S", "M", "L"], choices=["S", "M", "L"])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=HERE / "results" / "latest.json")
    args = parser.parse_args()
    compile_sources()
    with tempfile.TemporaryDirectory(prefix="bchan-bench-") as folder:
        results = []
        for size in args.sizes:
            print(f"measuring {size}...", file=sys.stderr, flush=True)
            results.append(measure(size, args.runs, Path(folder)))
    cores = len(os.sched_getaffinity(0))
    machine = f"{platform.machine()}, Python {platform.python_version()}, {cores} cores"
    print(f"bchan benchmark on {machine}; medians over {args.runs} run(s)\n")
    print(table(results))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    report = {"machine": machine, "runs": args.runs, "targets": TARGETS, "results": results}
    args.out.write_text(json.dumps(report, indent=2))
    print(f"\nfigures written to {args.out}")


if __name__ == "__main__":
    main()

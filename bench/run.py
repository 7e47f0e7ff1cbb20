"""bchan's benchmark: the figures of DESIGN.md section 4 at sizes S, M and L,
with the floors they are judged against measured in the same run.

    python bench/run.py                  # S, M and L, 3 runs each
    python bench/run.py --sizes S --runs 1

Books are made with ``bchan demo --size`` into a temporary folder. Each
figure is a median over runs, each run a fresh process. Start-up is
measured both as it usually is, after a dashboard session that kept the
book's first rows beside it, and after another program changed the book, so
that it is parsed before the first rows; ``find`` and ``query`` the same
way, from the summary those sessions kept and from the book, and the export
from the summary and newest touches they kept and from the book. Prints one table
and writes the figures as JSON (bench/results/latest.json by default).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bchan_tui.data.book_summary import summary_path
from bchan_tui.data.first_rows import first_rows_path

HERE = Path(__file__).resolve().parent
PROBE = HERE / "probe.py"

TARGETS = {
    "S": {},
    "M": {
        "startup_s": 1.0,
        "startup_changed_s": 1.0,
        "ratio": 1.5,
        "ratio_changed": 1.5,
        "keystroke_median_s": 0.030,
        "touch_s": 0.150,
        "blocked_s": 0.050,
        "export_s": 2.0,
        "export_changed_s": 2.0,
        "find_s": 0.5,
        "find_changed_s": 0.5,
        "query_s": 0.5,
        "query_changed_s": 0.5,
        "log_s": 0.5,
        "peak_mb": 250,
    },
    "L": {
        "startup_s": 3.0,
        "startup_changed_s": 3.0,
        "keystroke_median_s": 0.100,
        "touch_s": 1.0,
        "export_s": 10.0,
        "export_changed_s": 10.0,
        "find_s": 2.0,
        "find_changed_s": 2.0,
        "query_s": 2.0,
        "query_changed_s": 2.0,
        "log_s": 2.0,
        "peak_mb": 1024,
    },
}


def probe(*args: str) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, str(PROBE), *args], capture_output=True, text=True, check=True
    ).stdout
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return result


def timed(*command: str) -> float:
    began = time.perf_counter()
    subprocess.run(command, capture_output=True, check=False)
    return time.perf_counter() - began


def bchan(*args: str) -> list[str]:
    return [sys.executable, "-m", "bchan_tui", *args]


def measure(size: str, runs: int, folder: Path) -> dict[str, Any]:
    db = folder / f"{size}.json"
    began = time.perf_counter()
    subprocess.run(
        bchan("demo", "--size", size, "--db", str(db), "--force"), check=True, capture_output=True
    )
    generated = time.perf_counter() - began
    # Start-up after a dashboard session (its first rows kept beside the
    # book), and after another program changed the book (parsed first).
    kept, changed = [], []
    for _ in range(runs):
        first_rows_path(db).unlink(missing_ok=True)
        changed.append(probe("app", str(db)))
        kept.append(probe("app", str(db)))
    apps = kept + changed
    bares = [probe("bare") for _ in range(runs)]
    parses = [probe("parse", str(db)) for _ in range(runs)]
    keystrokes = sorted(k for a in apps for k in a["keystrokes_s"])
    out = folder / "export.md"
    figures: dict[str, Any] = {
        "size": size,
        "file_mb": db.stat().st_size / 1e6,
        "generate_s": generated,
        "startup_s": statistics.median(a["startup_s"] for a in kept),
        "startup_changed_s": statistics.median(a["startup_s"] for a in changed),
        "all_rows_s": statistics.median(a["all_rows_s"] for a in apps),
        "bare_textual_s": statistics.median(b["startup_s"] for b in bares),
        "parse_s": statistics.median(p["parse_s"] for p in parses),
        "keystroke_median_s": statistics.median(keystrokes),
        "keystroke_p95_s": keystrokes[int(0.95 * (len(keystrokes) - 1))],
        "keystrokes": len(keystrokes),
        "touch_s": statistics.median(a["touch_s"] for a in apps),
        "blocked_s": max(a["blocked_s"] for a in apps),
        # From the files the app's sessions kept beside the book (as for
        # find and query below), then after another program changed it.
        "export_s": shell(db, runs, "export", "-o", str(out), "--force"),
        # From the summary the app's sessions kept beside the book, then
        # as after another program changed the book (parsed whole).
        "find_s": shell(db, runs, "find", "marta"),
        "query_s": shell(db, runs, "query", "marta"),
        "log_s": logged(db, runs),
        "find_changed_s": shell(db, runs, "find", "marta", kept=False),
        "query_changed_s": shell(db, runs, "query", "marta", kept=False),
        "export_changed_s": shell(db, runs, "export", "-o", str(out), "--force", kept=False),
        "peak_mb": max(a["peak_mb"] for a in apps),
    }
    figures["floor_s"] = figures["bare_textual_s"] + figures["parse_s"]
    figures["ratio"] = figures["startup_s"] / figures["floor_s"]
    figures["ratio_changed"] = figures["startup_changed_s"] / figures["floor_s"]
    return figures


def shell(db: Path, runs: int, *argv: str, kept: bool = True) -> float:
    """Median time of a shell command on ``db``, with the summary kept
    beside it, or without (``kept=False``)."""
    if kept and not summary_path(db).exists():
        raise SystemExit(f"no summary beside {db}: the app's sessions should have kept one")
    times = []
    for _ in range(runs):
        if not kept:
            summary_path(db).unlink(missing_ok=True)
        times.append(timed(*bchan(*argv, "--db", str(db))))
    return statistics.median(times)


def logged(db: Path, runs: int) -> float:
    """Median time of ``bchan log`` saving a touch durably, to the channel
    reach now picks for the first contact ``bchan find marta`` lists, with
    the summary kept beside the book."""
    found = subprocess.run(
        bchan("find", "--json", "marta", "--db", str(db)), capture_output=True, check=True
    )
    first = json.loads(found.stdout)[0]
    argv = bchan("log", first["id"], "--channel", first["routine"]["channel_id"])
    times = []
    for run in range(runs):
        note = ["--note", f"benchmark {run}", "--yes", "--db", str(db)]
        began = time.perf_counter()
        subprocess.run([*argv, *note], capture_output=True, check=True)
        times.append(time.perf_counter() - began)
    return statistics.median(times)


ROWS = (
    ("startup_s", "start-up to first rows", "s"),
    ("startup_changed_s", "  the same, book changed since", "s"),
    ("bare_textual_s", "  floor: bare Textual start-up", "s"),
    ("parse_s", "  floor: orjson parse of the file", "s"),
    ("ratio", "  start-up / (bare + parse)", "x"),
    ("ratio_changed", "  the same, book changed since", "x"),
    ("all_rows_s", "every row ready (sort, filter)", "s"),
    ("keystroke_median_s", "filter keystroke, median", "ms"),
    ("keystroke_p95_s", "filter keystroke, 95th pct", "ms"),
    ("touch_s", "durable touch (thread worker)", "ms"),
    ("blocked_s", "  longest event-loop block meanwhile", "ms"),
    ("export_s", "bchan export (markdown, all)", "s"),
    ("export_changed_s", "  the same, book changed since", "s"),
    ("find_s", "bchan find marta", "s"),
    ("find_changed_s", "  the same, book changed since", "s"),
    ("query_s", "bchan query marta", "s"),
    ("query_changed_s", "  the same, book changed since", "s"),
    ("log_s", "bchan log (a touch, durable)", "s"),
    ("peak_mb", "peak memory (app)", "MB"),
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
    args.out.write_text(
        json.dumps({"machine": machine, "runs": args.runs, "results": results}, indent=2)
    )
    print(f"\nfigures written to {args.out}")


if __name__ == "__main__":
    main()

"""Starting the dashboard, on a database file or on a fresh demo book."""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from .common import add_db_option, db_path


def add_options(parser: argparse.ArgumentParser) -> None:
    add_db_option(parser)
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open a fresh temporary copy of the demo book (your own book is not touched)",
    )


def run(args: argparse.Namespace) -> int:
    if not args.demo:
        return _run_app(db_path(args))
    from bchan_tui.data import Store
    from bchan_tui.data.samples.demo_book import build_demo_book

    folder = Path(tempfile.mkdtemp(prefix="bchan-demo-"))
    try:
        path = folder / "demo.json"
        with Store(path) as store:
            build_demo_book(store)
        return _run_app(path)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _run_app(path: Path) -> int:
    # Imported here so the shell commands never pay for Textual.
    from bchan_tui.app import BchanApp

    app = BchanApp(db_path=path)
    app.run()
    return app.return_code or 0

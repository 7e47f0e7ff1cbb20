"""The README a newcomer reads: in the promised order, with a screenshot that
is the dashboard as it is drawn today, every mark on screen explained, and
no file named that the repository lacks."""

from __future__ import annotations

import re
from pathlib import Path

from bchan_tui.widgets.legend import LEGEND

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
SCREENSHOT = ROOT / "docs" / "dashboard.svg"
SNAPSHOT = ROOT / "tests" / "ui" / "__snapshots__" / "test_snapshots" / "test_dashboard[120x36].svg"


def test_the_sections_come_in_the_order_a_newcomer_needs() -> None:
    headings = re.findall(r"^## (.+)$", README, flags=re.MULTILINE)
    assert headings == [
        "Set up",
        "The first five minutes",
        "Heat and the ladder",
        "Keys",
        "Commands",
        "Two devices",
        "Development",
        "More",
    ]
    # The screenshot comes before the commands.
    assert README.index("](docs/dashboard.svg)") < README.index("## Set up")


def test_the_screenshot_is_the_dashboard_snapshot() -> None:
    # Regenerate the snapshot, then copy it: cp "<snapshot>" docs/dashboard.svg
    assert SCREENSHOT.read_bytes() == SNAPSHOT.read_bytes()


def test_the_tour_has_ten_steps() -> None:
    tour = README.split("## The first five minutes", 1)[1].split("\n## ", 1)[0]
    assert len(re.findall(r"^\d+\. ", tour, flags=re.MULTILINE)) == 10


def test_every_mark_on_screen_is_explained() -> None:
    legend = README.split("## Heat and the ladder", 1)[1].split("\n## ", 1)[0]
    for marks, _ in LEGEND:
        for mark in marks.split():
            assert mark in legend, mark


def test_the_run_and_test_commands_are_there_as_ci_runs_them() -> None:
    run = "pip install -e . && bchan --demo"
    test = "pip install -e '.[test]' && pytest"
    assert run in README and test in README
    assert test in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    # It says how long the tests take, so a newcomer knows what to expect.
    assert re.search(r"The tests take about \d+ minutes on 2 cores", README)


def test_every_file_the_readme_names_is_in_the_repository() -> None:
    links = re.findall(r"\]\(([^)#:]+)\)", README)
    spans = re.findall(r"`((?:docs|tests|bench|data|screens|widgets)/[^`\s]*)`", README)
    named = [*links, *spans]
    assert "docs/ARCHITECTURE.md" in named
    missing = [name for name in named if not (ROOT / name).exists()]
    assert missing == []

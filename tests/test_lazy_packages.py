"""The screens and widgets packages import a module when one of its names is
first asked for, so starting the dashboard imports no form or screen it
does not show."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest


@pytest.mark.parametrize("package", ["bchan_tui.screens", "bchan_tui.widgets"])
def test_every_name_a_package_offers_is_found_where_it_says(package: str) -> None:
    module = importlib.import_module(package)
    names = set(module.__all__)
    assert names == set(module._WHERE)
    for name in names:
        found = getattr(module, name)
        assert found.__module__ == f"{package}.{module._WHERE[name]}", name
    with pytest.raises(AttributeError, match="no attribute 'Nothing'"):
        module.Nothing  # noqa: B018


def test_starting_the_app_imports_no_form_or_other_screen() -> None:
    code = (
        "import sys, bchan_tui.app\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('bchan_tui.screens.'))))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert "bchan_tui.screens.dashboard" in loaded
    later_ones = ("contact", "accounts", "log_touch", "edit_contact", "quick_add", "help")
    for later in (*later_ones, "conflict_choice", "confirm"):
        assert f"bchan_tui.screens.{later}" not in loaded, later


def test_a_shell_command_loads_no_git_plumbing_nor_hashing() -> None:
    # Every run of bchan builds the whole parser: what one command alone
    # needs (sync's git steps, a merge's hashing) is imported when it runs.
    code = (
        "import sys\n"
        "from bchan_tui.cli import build_parser\n"
        "from bchan_tui.data import Store\n"
        "build_parser()\n"
        "print(' '.join(sorted(sys.modules)))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    for module in ("subprocess", "hashlib", "bchan_tui.cli.git_steps", "bchan_tui.cli.sync_pull"):
        assert module not in loaded, module

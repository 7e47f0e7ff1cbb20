"""ruff and mypy are part of the test run, so the code stays clean without
anyone remembering to run them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ["bchan_tui", "data", "screens", "widgets", "tests", "bench"]


def _run(*command: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)


def test_ruff_finds_nothing() -> None:
    result = _run(sys.executable, "-m", "ruff", "check", *SOURCES)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_applied() -> None:
    result = _run(sys.executable, "-m", "ruff", "format", "--check", *SOURCES)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_is_clean(tmp_path: Path) -> None:
    # The folders install as bchan_tui.* through setuptools' package-dir
    # mapping, which mypy cannot follow; a tree of links gives it the same
    # package layout the wheel has.
    package = tmp_path / "bchan_tui"
    shutil.copytree(ROOT / "bchan_tui", package, symlinks=True)
    for folder in ("data", "screens", "widgets"):
        (package / folder).symlink_to(ROOT / folder, target_is_directory=True)
    result = _run(
        sys.executable,
        "-m",
        "mypy",
        "--config-file",
        str(ROOT / "pyproject.toml"),
        "--cache-dir",
        str(tmp_path / ".mypy_cache"),
        "-p",
        "bchan_tui",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr

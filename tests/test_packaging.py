"""The wheel holds the layout the design card fixes: data/, screens/ and
widgets/ as subpackages of bchan_tui, with the stylesheets."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_wheel_maps_the_folders_into_bchan_tui(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("bchan-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    # Every module of the data layer's subpackages, and no other: a
    # subpackage missing from pyproject.toml, or a stale build, shows here.
    in_tree = {
        f"bchan_tui/data/{module.relative_to(ROOT / 'data').as_posix()}"
        for module in (ROOT / "data").rglob("*.py")
    }
    assert {name for name in names if name.startswith("bchan_tui/data/")} == in_tree
    assert "bchan_tui/screens/__init__.py" in names
    assert "bchan_tui/widgets/__init__.py" in names
    assert "bchan_tui/cli/__init__.py" in names
    for folder in ("bchan_tui", "screens", "widgets"):
        package = "bchan_tui" if folder == "bchan_tui" else f"bchan_tui/{folder}"
        for sheet in sorted((ROOT / folder).glob("*.tcss")):
            assert f"{package}/{sheet.name}" in names
    top_levels = {name.split("/")[0] for name in names}
    assert not top_levels & {"data", "screens", "widgets", "tests"}

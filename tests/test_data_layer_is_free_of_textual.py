"""The data layer must work with Textual absent (DESIGN.md section 3)."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys

class NoTextual:
    def find_spec(self, name, path=None, target=None):
        if name == "textual" or name.startswith("textual."):
            raise ImportError("textual is not allowed here")
        return None

sys.meta_path.insert(0, NoTextual())
import bchan_tui.data
import bchan_tui.data.storage.store
import bchan_tui.data.storage.integrity
import bchan_tui.data.samples.demo_book
import bchan_tui.data.samples.synthetic
import bchan_tui.data.exchange.importing
import bchan_tui.cli
assert not any(m == "textual" or m.startswith("textual.") for m in sys.modules)
print("ok")
"""


def test_data_layer_and_cli_import_without_textual() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_the_probe_does_block_textual() -> None:
    # The guard itself must be able to fail: importing the app trips it.
    probe = PROBE.replace("import bchan_tui.cli\n", "import bchan_tui.app\n")
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    assert "textual is not allowed here" in result.stderr

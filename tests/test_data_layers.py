"""The data layer's parts import one way: the domain rules, then the book
in memory, then the store on disk, then import/export and the sample books
(each package's ``__init__`` says what it may import)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "data"

# What each part may import of the data layer, besides itself.
ALLOWED = {
    "domain": {"errors"},
    "book": {"errors", "domain"},
    "storage": {"errors", "domain", "book"},
    "exchange": {"errors", "settings", "domain", "book", "storage"},
    "samples": {"errors", "domain", "book", "storage"},
}


def _imported_parts(path: Path) -> set[str]:
    """The parts of the data layer a module imports, by their first name."""
    parts: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.level:
            if node.level == 1:
                continue  # its own part
            if node.module:
                parts.add(node.module.split(".")[0])
            else:
                parts.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("bchan_tui.data."):
            parts.add((node.module or "").split(".")[2])
    return parts


@pytest.mark.parametrize("part", sorted(ALLOWED))
def test_each_part_imports_only_what_it_may(part: str) -> None:
    modules = sorted((DATA / part).glob("*.py"))
    assert modules, f"no modules in data/{part}"
    wrong = {
        module.name: sorted(imported - ALLOWED[part])
        for module in modules
        if (imported := _imported_parts(module)) - ALLOWED[part]
    }
    assert wrong == {}


def test_the_check_sees_a_wrong_import(tmp_path: Path) -> None:
    module = tmp_path / "rule.py"
    module.write_text("from ..storage.store import Store\nfrom .models import Contact\n")
    assert _imported_parts(module) == {"storage"}

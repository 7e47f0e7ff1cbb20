"""The import's modules depend one way: the readers build on the records,
and the planner builds on both, so neither reader imports the planner back."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "data" / "exchange"
READERS = ["import_vcard", "import_csv"]


def imported_modules(module: str) -> set[str]:
    """The sibling modules ``data/exchange/<module>.py`` imports (``from .x import ...``),
    in function bodies too: the cycle was once hidden in one."""
    tree = ast.parse((DATA / f"{module}.py").read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module:
            found.add(node.module)
        elif isinstance(node, ast.ImportFrom) and node.level == 1:
            found.update(alias.name for alias in node.names)
    return found


@pytest.mark.parametrize("reader", READERS)
def test_a_reader_does_not_import_the_planner(reader: str) -> None:
    assert "importing" not in imported_modules(reader)
    assert "import_records" in imported_modules(reader)


def test_the_records_import_neither_the_readers_nor_the_planner() -> None:
    assert imported_modules("import_records").isdisjoint({"importing", *READERS})


def test_the_guard_finds_the_planners_own_imports() -> None:
    # Otherwise the checks above would pass on a helper that finds nothing.
    assert {"import_csv", "import_vcard"} <= imported_modules("importing")

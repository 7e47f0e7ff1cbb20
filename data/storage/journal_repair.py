"""Repairing a damaged journal: telling its good lines from its damaged
ones, and keeping the good ones (``bchan check --repair``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .atomic import write_atomically
from .journal import (
    JournalProblem,
    change_in,
    complete_lines,
    generation_in,
    journal_path,
    keep_aside,
    move_aside,
)


@dataclass(frozen=True, slots=True)
class JournalDamage:
    """The damaged lines of a journal that applies to its book, first first,
    and how many changes its good lines hold: what ``repair_journal`` keeps
    (none when the header is damaged)."""

    problems: tuple[JournalProblem, ...]
    good: int


def journal_damage(db_path: Path, generation: str) -> JournalDamage | None:
    """What is damaged in the journal beside ``db_path``, read whole, for
    the book of ``generation``; nothing is written.

    None when there is no journal, none of its complete lines is damaged,
    or it names another generation: not replayed, its lines do not matter.
    """
    journal = journal_path(db_path)
    lines = complete_lines(journal)
    if not lines:
        return None
    found = _sorted_lines(journal, lines)
    if not found.problems or found.generation not in (None, generation):
        return None
    return JournalDamage(tuple(found.problems), len(found.good))


@dataclass(frozen=True, slots=True)
class RepairReport:
    """What ``repair_journal`` did: where the journal as it was is kept, how
    many changes the journal now holds, and the numbers of the damaged lines
    it left out."""

    original: Path
    kept: int
    dropped: tuple[int, ...]

    @property
    def set_aside_whole(self) -> bool:
        """The header was damaged: the whole journal was set aside, and no
        journal is left beside the book."""
        return 1 in self.dropped


def repair_journal(db_path: Path) -> RepairReport | None:
    """Rewrite the journal beside ``db_path`` with every good line in order,
    leaving out the damaged ones (and a last line a kill cut short); None,
    with nothing written, when no line is damaged.

    Every good line is kept, not only those before the first damaged one: a
    line holds the whole of one document, so a later line never builds on
    an earlier one, it replaces its document. Leaving a damaged line out
    loses that one change: its document keeps the state of its last good
    line, or the book's. (A later document may refer to one the damaged
    line added; ``bchan check`` reports such a reference.) Keeping only the
    lines before it would lose every later change as well, for nothing.

    A damaged header cannot tell which book file the journal applies to, so
    none of its changes can be kept: the journal is set aside whole.

    The journal as it was is kept aside first (see ``set_aside``), and the
    new one replaces it atomically, so a crash leaves one or the other.
    The caller holds the book's session lock, so nothing appends meanwhile.
    """
    journal = journal_path(db_path)
    lines = complete_lines(journal)
    if not lines:
        return None
    found = _sorted_lines(journal, lines)
    if not found.problems:
        return None
    dropped = tuple(problem.line for problem in found.problems)
    if found.header is None:
        return RepairReport(move_aside(journal), 0, dropped)
    original = keep_aside(journal)
    write_atomically(journal, b"".join(line + b"\n" for line in [found.header, *found.good]))
    return RepairReport(original, len(found.good), dropped)


@dataclass(frozen=True, slots=True)
class _SortedLines:
    """A journal's complete lines told apart: its header and the generation
    it names (None when damaged), its good change lines, its damaged lines."""

    header: bytes | None
    generation: str | None
    good: list[bytes]
    problems: list[JournalProblem]


def _sorted_lines(journal: Path, lines: list[bytes]) -> _SortedLines:
    try:
        generation = generation_in(journal, lines[0])
    except JournalProblem as problem:
        # Its changes cannot be told to belong to any book: none is good.
        return _SortedLines(None, None, [], [problem])
    good: list[bytes] = []
    problems: list[JournalProblem] = []
    for number, line in enumerate(lines[1:], 2):
        try:
            change_in(journal, number, line)
        except JournalProblem as problem:
            problems.append(problem)
        else:
            good.append(line)
    return _SortedLines(lines[0], generation, good, problems)

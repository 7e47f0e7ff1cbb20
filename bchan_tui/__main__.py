"""``python -m bchan_tui`` runs the same program as ``bchan``."""

from bchan_tui.cli import program

program()

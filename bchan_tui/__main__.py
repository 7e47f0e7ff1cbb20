"""``python -m bchan_tui`` runs the same CLI as ``bchan``."""

from bchan_tui.cli import main

raise SystemExit(main())

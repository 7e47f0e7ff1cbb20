"""The book in memory: its stored documents and their schema, the codec
between documents and records, the index of decoded records, and what the
dashboard and the export derive from an index (rows, details, needs
attention, account maps).

May import ``bchan_tui.data.domain`` and ``bchan_tui.data.errors``; never a
file (that is ``storage``).
"""

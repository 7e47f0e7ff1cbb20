"""Books in and out: importing vCard and CSV files, exporting Markdown and
vCards, and the addresses ``bchan query`` gives a mail client.

May import ``domain``, ``book`` and ``storage`` (through the ``Store``).
"""

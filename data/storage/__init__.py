"""The store: a book's file, its write-ahead journal, its lock and its
backups, and the one ``Store`` that reads and changes a book through them;
``bchan check``'s integrity report; naming a contact from the command line.

May import ``bchan_tui.data.domain``, ``bchan_tui.data.book``, tinydb and
msgspec.
"""

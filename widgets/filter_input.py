"""The dashboard's filter box."""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Input


class FilterInput(Input):
    """An ``Input`` whose keystrokes redraw the box, not the whole screen.

    Textual's ``Input`` sets its virtual size (the width of its text) on
    every change of its value, and a widget's virtual size lays the whole
    screen out again when it changes: each filter keystroke re-rendered
    every pane. This box has a fixed size and scrolls its text within it,
    so how wide the text is needs no layout, only a redraw.
    """

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

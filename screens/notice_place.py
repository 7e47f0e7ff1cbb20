"""Where notifications appear: beside the pane the keys go to, never over it.

Textual stacks notifications at the bottom right of the screen, over
whatever is there, and has no setting for their place. Its documentation
moves them by styling the ``ToastRack`` CSS type (Textualize/textual#4473;
``align`` alone does not, #6382), so the rack is reached by that type name
in a DOM query, never by an attribute of Textual's. The rack is given
padding so that its free part lies beside the focused pane, and toasts fit
that part.
"""

from __future__ import annotations

from textual.geometry import Region
from textual.screen import Screen
from textual.widget import Widget

# Narrower than this, a free strip beside the pane cannot hold a readable
# notification; it goes above or below the pane instead.
LEAST_WIDTH = 24


def working_pane(screen: Screen[object]) -> Widget | None:
    """The outermost widget around the focus that is narrower than the
    screen: the pane being worked in."""
    focused = screen.focused
    if focused is None:
        return None
    pane: Widget = focused
    for node in focused.ancestors_with_self:
        if not isinstance(node, Widget) or isinstance(node, Screen):
            break
        if node.region.width >= screen.size.width:
            break
        pane = node
    return pane


def place_notifications(screen: Screen[object]) -> None:
    """Keep the screen's notifications off the pane the keys go to."""
    racks = screen.query("ToastRack")
    if not racks:
        return
    rack = racks.first()
    pane = working_pane(screen)
    region = pane.region if pane is not None else Region()
    width = screen.size.width
    left_room, right_room = region.x, width - region.right
    if pane is None or max(left_room, right_room) < LEAST_WIDTH:
        # Full width (a stacked narrow layout): keep to the bottom, where the
        # footer is, unless the pane is down there; then go to the top.
        at_bottom = pane is not None and region.bottom >= screen.size.height - 2
        rack.styles.dock = "top" if at_bottom else "bottom"
        rack.styles.padding = 0
        screen.remove_class("-toasts-left")
    elif right_room >= left_room:
        rack.styles.dock = "bottom"
        rack.styles.padding = (0, 0, 0, region.right)
        screen.remove_class("-toasts-left")
    else:
        rack.styles.dock = "bottom"
        rack.styles.padding = (0, width - region.x, 0, 0)
        # Each toast sits in a holder that aligns it (app.tcss).
        screen.add_class("-toasts-left")

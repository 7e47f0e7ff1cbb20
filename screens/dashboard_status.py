"""The dashboard's status line: the book, how many contacts are shown and
how they are sorted, and whether the screen is safe to show."""

from __future__ import annotations

from textual.content import Content

from bchan_tui.widgets import ContactList
from bchan_tui.widgets.contact_list import sort_arrow, sort_order_words


def status_line(
    contact_list: ContactList, book_name: str, previewing: bool, screen_safe: bool
) -> Content:
    total = contact_list.total_count
    shown = contact_list.item_count()
    parts: list[str | tuple[str, str]] = [
        ("bchan", "bold $text-accent"),
        (" · ", "$text-muted"),
        book_name,
        (" · ", "$text-muted"),
    ]
    if contact_list.loading:
        parts.append("loading…")
    elif previewing:
        parts.append(f"the first {total:,} contacts by name; reading the rest…")
    elif shown == total:
        parts.append(f"{total:,} contact" if total == 1 else f"{total:,} contacts")
    else:
        parts.append(f"{shown:,} of {total:,} contacts")
    key, reverse = contact_list.sort_key, contact_list.sort_reverse
    parts += [
        (" · sorted by ", "$text-muted"),
        f"{key.value} {sort_arrow(key, reverse)} {sort_order_words(key, reverse)}",
    ]
    if contact_list.filtered:
        parts.append((", best matches first", "$text-muted"))
    if screen_safe:
        parts += ["  ", (" SCREEN-SAFE ", "bold reverse $warning")]
    return Content.assemble(*parts)

"""The newest few touches of a contact, decoding only those.

``Store.touches_of`` decodes every touch of a contact and
``Store.contact_detail`` its last twenty; an export of a whole book needs
only the last few per contact, and decoding is most of its cost. This reads
the store's touch index the way ``Store.contact_detail`` does.
"""

from __future__ import annotations

from .codec import touch_from_doc
from .models import Touch
from .store import Store


def recent_touches(store: Store, contact_id: str, limit: int) -> list[Touch]:
    """Up to ``limit`` touches of a contact, newest first."""
    if limit <= 0:
        return []
    with store._mutex:
        refs = store._index.touches_by_contact.get(contact_id, ())[-limit:]
        table = store._table("touches")
        return [touch_from_doc(table[str(doc_id)]) for _, doc_id in reversed(refs)]

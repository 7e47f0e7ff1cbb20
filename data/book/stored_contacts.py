"""Searching and naming contacts in the stored contact documents, decoding
only those a question needs: the shell's searches answer in a fraction of
the time decoding every contact takes (see ``search`` for the rules)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from ..domain.models import Contact, Rung
from ..domain.naming import ContactName
from ..domain.search import ContactMatch, Query, Tier, best, ranked
from ..domain.search_text import document_search_text
from .codec import contact_from_doc


def documents_by_id(table: Mapping[str, Any]) -> dict[str, Any]:
    """A stored table's documents by their ``id``, as the index keeps them: a
    repeated id is the last document stored under it, in the place of the first."""
    return {doc["id"]: doc for doc in table.values()}


def contact_names(table: Mapping[str, Any]) -> list[ContactName]:
    """Every contact of a stored contacts table, as ``ContactName``, in stored
    order. Raises ``TypeError`` for an id, a name or a codename that is not text."""
    named = []
    for contact_id, doc in documents_by_id(table).items():
        name, codename, org = doc["name"], doc.get("codename") or "", doc.get("org") or ""
        if not all(isinstance(text, str) for text in (contact_id, name, codename, org)):
            raise TypeError(f"contact {contact_id!r}: id, name, codename and org must be text")
        named.append(ContactName(contact_id, name, codename, bool(doc.get("archived")), org))
    return named


def contacts_among(
    table: Mapping[str, Any], contact_ids: Collection[str], *, include_archived: bool
) -> list[Contact]:
    """The contacts of a stored contacts table with these ids, in stored
    order, decoding only those. Raises as ``search_documents`` does."""
    return [
        contact_from_doc(doc)
        for contact_id, doc in documents_by_id(table).items()
        if contact_id in contact_ids and (include_archived or not doc.get("archived"))
    ]


def search_documents(
    table: Mapping[str, Any],
    query: str,
    *,
    among: Collection[str] | None = None,
    channels: Mapping[str, Any] | None = None,
) -> list[ContactMatch]:
    """``search_contacts`` over the active contacts of a stored contacts table
    (those whose id is in ``among``, when given), decoding only the documents
    that match: the shell answers a search in a fraction of the time decoding
    every contact takes. The stored ``channels`` give the addresses an
    address or a number in the query looks for.

    Raises ``TypeError``, ``KeyError``, ``AttributeError`` or ``SchemaProblem``
    for a document that is not as it should be.
    """
    parsed = Query(query)
    docs = {
        contact_id: doc
        for contact_id, doc in documents_by_id(table).items()
        if not doc.get("archived") and (among is None or contact_id in among)
    }
    addresses = _addresses(channels) if channels is not None and parsed.needs_addresses else {}
    texts = {
        contact_id: document_search_text(doc, addresses.get(contact_id, ()))
        for contact_id, doc in docs.items()
    }
    if parsed.blank:
        tiers = dict.fromkeys(texts, Tier.WORD_PREFIX)
    else:
        tiers = best(parsed.tiers(texts.items()))
    return ranked(ContactMatch(contact_from_doc(docs[cid]), tier) for cid, tier in tiers.items())


def _addresses(channels: Mapping[str, Any]) -> dict[str, list[tuple[Rung, str]]]:
    """The active channels' rungs and addresses, by contact, from the stored
    channel documents."""
    found: dict[str, list[tuple[Rung, str]]] = {}
    for doc in channels.values():
        address = doc.get("address")
        if doc.get("status", "active") != "active" or not isinstance(address, str):
            continue
        found.setdefault(doc["contact_id"], []).append((Rung(doc["rung"]), address))
    return found

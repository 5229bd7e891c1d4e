"""Printing a received return's labels again, at the operator's request: the same plate ids
(the plates already on the items stay valid), each label marked as a reprint."""

from __future__ import annotations

from returndesk.labels.content import LabelData
from returndesk.outbox.model import Kind, NewItem
from returndesk.outbox.senders import load_payload
from returndesk.outbox.store import OutboxStore


def reprint_labels(store: OutboxStore, history_id: str) -> int:
    """Queue the return's labels again; returns how many (0: it printed none)."""
    seen: set[str] = set()
    again = []
    for item in store.items_of(history_id):
        if item.kind is not Kind.LABEL:
            continue
        label = LabelData.from_payload(load_payload(item.payload_json))
        if label.plate_id not in seen:
            seen.add(label.plate_id)
            again.append(NewItem(Kind.LABEL, label.again().as_payload()))
    if again:
        store.enqueue(again, history_id=history_id)
    return len(again)

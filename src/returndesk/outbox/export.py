"""Write outbox items and per-return evidence bundles as JSON files for staff and IT."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from returndesk.core import json_codec
from returndesk.outbox.evidence import photo_dicts
from returndesk.outbox.model import Item, State
from returndesk.outbox.store import OutboxStore


def item_dict(item: Item) -> dict[str, Any]:
    return {
        "id": item.id,
        "seq": item.seq,
        "lane": item.lane.value,
        "kind": item.kind.value,
        "state": item.state.value,
        "attempts": item.attempts,
        "created_at": item.created_at.isoformat(),
        "updated_at": item.updated_at.isoformat(),
        "next_attempt_at": item.next_attempt_at.isoformat(),
        "sent_at": item.sent_at.isoformat() if item.sent_at else None,
        "last_error": item.last_error,
        "history_id": item.history_id,
    }


def export_items(store: OutboxStore, target: Path, *, include_sent: bool) -> int:
    """One JSON file per item, payload included; nothing is removed from the outbox."""
    target.mkdir(parents=True, exist_ok=True)
    states = [] if include_sent else [s for s in State if s is not State.SENT]
    items = store.items(states, limit=1_000_000)
    for item in items:
        record = {**item_dict(item), "payload": json_codec.loads(item.payload_json)}
        path = target / f"{item.seq:08d}-{item.kind.value}-{item.id}.json"
        path.write_text(json_codec.dumps(record), encoding="utf-8")
    return len(items)


def export_evidence(store: OutboxStore, history_id: str, target: Path) -> Path:
    """The evidence bundle of one received return: what was decided and what was sent, the
    photos (with their hashes and public URLs) and WM Tech's analyses of them."""
    entry = store.history_entry(history_id)
    if entry is None:
        raise KeyError(f"no received return {history_id}")
    items = [
        {**item_dict(i), "payload": json_codec.loads(i.payload_json)}
        for i in store.items_of(history_id)
    ]
    target.mkdir(parents=True, exist_ok=True)
    path = target / f"evidence-{entry['return_id']}-{history_id[:8]}.json"
    bundle = {
        **entry,
        "outbox": items,
        "photos": photo_dicts(store.photos_for_return(entry["return_id"])),
        "analyses": store.analyses_for_return(entry["return_id"]),
    }
    path.write_text(json_codec.dumps(bundle), encoding="utf-8")
    return path

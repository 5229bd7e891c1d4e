"""A valid nShift update for tests of the outbox's own mechanics: the outbox takes in only
bodies nShift's documented types allow, so a test that needs "some update" uses this one."""

from __future__ import annotations

from typing import Any


def update_body(return_id: str = "R1", *, items: int = 1) -> dict[str, Any]:
    """One return of ``items`` present, rejected items at 0.00 SEK."""
    lines = [
        {
            "forwardOrderItemId": f"{return_id}-{n}",
            "sku": f"SKU-{n}",
            "isPresent": True,
            "isAccepted": False,
            "netAmount": 0,
            "taxAmount": 0,
            "grossAmount": 0,
        }
        for n in range(items)
    ]
    return {
        "returns": [
            {
                "forwardOrderId": f"FO-{return_id}",
                "returnId": return_id,
                "updatedAt": "2026-11-24T08:00:00Z",
                "currency": "SEK",
                "itemCount": items,
                "items": lines,
            }
        ]
    }

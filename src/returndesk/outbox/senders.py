"""How each kind of outbox item is delivered: one function per kind, over the vendor clients."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from returndesk.core import json_codec
from returndesk.outbox.model import Kind
from returndesk.vendors.nshift import NShiftClient
from returndesk.vendors.returnmate import ReturnMateClient
from returndesk.vendors.wmtech import AnalyzeRequest, WmTechClient

#: takes the frozen payload, returns what the vendor answered (kept only as a digest)
Sender = Callable[[dict[str, Any]], Any]


def build_senders(
    *,
    nshift: NShiftClient | None = None,
    returnmate: ReturnMateClient | None = None,
    wmtech: WmTechClient | None = None,
) -> dict[Kind, Sender]:
    senders: dict[Kind, Sender] = {}
    if nshift is not None:
        senders[Kind.WMS_UPDATE] = lambda payload: nshift.submit(payload).body
    if returnmate is not None:
        senders[Kind.RMA_STATUS] = lambda p: returnmate.update_status(
            str(p["rma_id"]), str(p["status"]), p.get("notes")
        )
        senders[Kind.RMA_NOTE] = lambda p: returnmate.add_note(
            str(p["rma_id"]), str(p["content"]), internal=bool(p.get("internal", True))
        )
    if wmtech is not None:
        senders[Kind.ANALYZE] = lambda p: wmtech.analyze(
            AnalyzeRequest.model_validate(p)
        ).model_dump(mode="json")
    return senders


def load_payload(payload_json: str) -> dict[str, Any]:
    data = json_codec.loads(payload_json)
    if not isinstance(data, dict):
        raise ValueError("an outbox payload is a JSON object")
    return data

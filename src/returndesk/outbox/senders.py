"""How each kind of outbox item is delivered: one function per kind, over the vendor clients."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from returndesk.core import json_codec
from returndesk.outbox.model import Kind
from returndesk.vendors.nshift import NShiftClient
from returndesk.vendors.ratelimit import RateLimit
from returndesk.vendors.returnmate import ReturnMateClient
from returndesk.vendors.wmtech import AnalyzeRequest, WmTechClient


@dataclass(frozen=True, slots=True)
class Delivery:
    #: what the vendor answered (kept only as a digest)
    response: Any
    #: its rate-limit headers, so the lane can pause before it is told to with a 429
    rate_limit: RateLimit


#: takes the frozen payload; raises a VendorError or returns the delivery
Sender = Callable[[dict[str, Any]], Delivery]


def build_senders(
    *,
    nshift: NShiftClient | None = None,
    returnmate: ReturnMateClient | None = None,
    wmtech: WmTechClient | None = None,
) -> dict[Kind, Sender]:
    senders: dict[Kind, Sender] = {}
    if nshift is not None:
        client = nshift

        def wms_update(payload: dict[str, Any]) -> Delivery:
            result = client.submit(payload)
            return Delivery(result.body, result.rate_limit)

        senders[Kind.WMS_UPDATE] = wms_update
    if returnmate is not None:
        rm = returnmate
        senders[Kind.RMA_STATUS] = lambda p: Delivery(
            rm.update_status(str(p["rma_id"]), str(p["status"]), p.get("notes")), rm.rate_limit
        )
        senders[Kind.RMA_NOTE] = lambda p: Delivery(
            rm.add_note(
                str(p["rma_id"]), str(p["content"]), internal=bool(p.get("internal", True))
            ),
            rm.rate_limit,
        )
    if wmtech is not None:
        wm = wmtech
        senders[Kind.ANALYZE] = lambda p: Delivery(
            wm.analyze(AnalyzeRequest.model_validate(p)).model_dump(mode="json"), wm.rate_limit
        )
    return senders


def load_payload(payload_json: str) -> dict[str, Any]:
    data = json_codec.loads(payload_json)
    if not isinstance(data, dict):
        raise ValueError("an outbox payload is a JSON object")
    return data

"""How each kind of outbox item is delivered: one function per kind, over the vendor clients."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from returndesk.core import json_codec
from returndesk.outbox.model import Kind, vendor_body
from returndesk.vendors.nshift import NShiftClient
from returndesk.vendors.ratelimit import RateLimit
from returndesk.vendors.returnmate import ReturnMateClient
from returndesk.vendors.wmtech import AnalyzeRequest, WmTechClient


class PhotoPublisher(Protocol):
    """A photo store (see returndesk.photos.stores): makes a file public, returns its URL."""

    def publish(self, name: str, data: bytes) -> str: ...


@dataclass(frozen=True, slots=True)
class Delivery:
    #: what the vendor answered (kept only as a digest)
    response: Any
    #: its rate-limit headers, so the lane can pause before it is told to with a 429
    rate_limit: RateLimit


#: takes the frozen payload; raises a VendorError or returns the delivery
Sender = Callable[[dict[str, Any]], Delivery]

#: prints one label job's payload (see returndesk.labels); returns what to keep of it
LabelPrint = Callable[[dict[str, Any]], dict[str, Any]]


@dataclass(frozen=True, slots=True)
class BodySender:
    """Posts the request body the outbox froze when it took the item in (``Item.request_body``)
    exactly as it is. Called with a payload instead (an item queued before bodies were
    frozen), it encodes the payload without what follows it, as sending always did."""

    post: Callable[[bytes], Delivery]

    def __call__(self, payload: dict[str, Any]) -> Delivery:
        if not isinstance(payload.get("returns"), list):
            raise ValueError("an nShift update without its list of returns")
        return self.post(json_codec.dumps(vendor_body(payload)).encode())


def build_senders(
    *,
    nshift: NShiftClient | None = None,
    returnmate: ReturnMateClient | None = None,
    wmtech: WmTechClient | None = None,
    photos: PhotoPublisher | None = None,
    labels: LabelPrint | None = None,
) -> dict[Kind, Sender]:
    senders: dict[Kind, Sender] = {}
    if nshift is not None:
        client = nshift

        def wms_update(body: bytes) -> Delivery:
            result = client.submit_body(body)
            return Delivery(result.body, result.rate_limit)

        senders[Kind.WMS_UPDATE] = BodySender(wms_update)
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
            wm.analyze(AnalyzeRequest.model_validate(_without_context(p))).model_dump(mode="json"),
            wm.rate_limit,
        )
    if photos is not None:
        store = photos
        senders[Kind.PHOTO_UPLOAD] = lambda p: Delivery(
            {"url": store.publish(str(p["name"]), _photo_bytes(p))}, RateLimit()
        )
    if labels is not None:
        print_label = labels
        senders[Kind.LABEL] = lambda p: Delivery(print_label(p), RateLimit())
    return senders


def _without_context(payload: dict[str, Any]) -> dict[str, Any]:
    """An analysis item may say which return and item it is for; WM Tech is not told."""
    return {key: value for key, value in payload.items() if key != "context"}


def _photo_bytes(payload: dict[str, Any]) -> bytes:
    """The prepared file, as it was when the photo was taken (or a clear refusal)."""
    path = Path(str(payload["path"]))
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ValueError(f"the photo file {path.name} is gone (retention or cleanup)") from None
    if hashlib.sha256(data).hexdigest() != payload["sha256"]:
        raise ValueError(f"the photo file {path.name} changed after it was taken")
    return data


def load_payload(payload_json: str) -> dict[str, Any]:
    data = json_codec.loads(payload_json)
    if not isinstance(data, dict):
        raise ValueError("an outbox payload is a JSON object")
    return data

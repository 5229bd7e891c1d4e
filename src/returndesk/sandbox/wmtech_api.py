"""WM Tech's analyze endpoint as the sandbox plays it: deterministic simulated decisions.

A photo on the sandbox's own photo host is judged by its pixels (a red damage mark: rejected);
one elsewhere by its name (``damage`` in the URL: rejected). Others are approved with a
confidence and a refund taken from the RMA's price, so the demo shows both. A photo URL on
the photo host that holds no photo is refused, as WM Tech refuses a URL it cannot fetch.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal
from typing import Any

import httpx

from returndesk.sandbox.demo_data import DemoData
from returndesk.sandbox.photos_api import PHOTOS_PREFIX, PhotosApi, looks_damaged
from returndesk.sandbox.protocol import SandboxRequest, SandboxResponse

TEST_KEY_PREFIX = "wmtech_test_"
LIVE_KEY_PREFIX = "wmtech_live_"
MAX_PHOTO_URL = 2000


def error(status: int, code: str, message: str, request_id: str | None = None) -> SandboxResponse:
    body: dict[str, Any] = {"code": code, "message": message}
    if request_id:
        body["request_id"] = request_id
    return SandboxResponse.of_json(status, body)


class WmTechApi:
    def __init__(self, data: DemoData, photos: PhotosApi | None = None) -> None:
        self._data = data
        self._photos = photos

    def handle(self, request: SandboxRequest, path: str) -> SandboxResponse:
        auth = request.headers.get("authorization", "")
        key = auth[7:] if auth.startswith("Bearer ") else ""
        if key.startswith(LIVE_KEY_PREFIX):
            return error(401, "unauthorized", "The sandbox accepts wmtech_test_ keys only")
        if not key.startswith(TEST_KEY_PREFIX) or len(key) <= len(TEST_KEY_PREFIX):
            return error(401, "unauthorized", "Invalid or missing API key")
        if path in ("fraud/score", "tickets/summarize"):
            return error(403, "forbidden", "Your plan does not include this endpoint")
        if path != "returns/analyze" or request.method != "POST":
            return error(404, "not_found", f"No endpoint {request.method} /{path}")
        try:
            body = request.json()
        except ValueError:
            return error(400, "invalid_request", "Body must be JSON")
        if not isinstance(body, dict):
            return error(400, "invalid_request", "Body must be an object")
        for field in ("order_id", "store_id", "photo_url"):
            if not isinstance(body.get(field), str) or not body[field].strip():
                return error(400, "invalid_request", f"{field} is required")
        url = body["photo_url"]
        if not url.startswith("https://") or len(url) > MAX_PHOTO_URL:
            return error(400, "invalid_request", "photo_url must be a public HTTPS URL")
        damaged = "damage" in url.lower()
        path = httpx.URL(url).path
        if self._photos is not None and path.startswith(PHOTOS_PREFIX):
            photo = self._photos.get(path[len(PHOTOS_PREFIX) :])
            if photo is None:
                return error(400, "invalid_request", "photo_url could not be fetched (404)")
            damaged = looks_damaged(photo)
        return SandboxResponse.of_json(200, self._analyze(body, damaged=damaged))

    def _analyze(self, body: dict[str, Any], *, damaged: bool) -> dict[str, Any]:
        digest = hashlib.sha256(f"{body['photo_url']}|{body.get('sku', '')}".encode()).hexdigest()
        request_id = "req_" + digest[:10]
        price, currency = self._price(body["order_id"], body.get("sku"))
        if damaged:
            return {
                "request_id": request_id,
                "decision": "rejected",
                "confidence": Decimal(85 + int(digest[10:12], 16) % 14) / 100,
                "reason": "Visible damage that does not match the stated return reason",
                "refund_amount": Decimal(0),
                "currency": currency,
                "policy_rule_matched": "customer_damage_no_refund",
                "processing_ms": 2900,
            }
        return {
            "request_id": request_id,
            "decision": "approved",
            "confidence": Decimal(80 + int(digest[10:12], 16) % 19) / 100,
            "reason": "Item matches the catalogue photo; no visible wear",
            "refund_amount": price,
            "currency": currency,
            "policy_rule_matched": "unused_item_full_refund",
            "processing_ms": 3100,
        }

    def _price(self, order_id: str, sku: Any) -> tuple[Decimal, str | None]:
        for rma in self._data.rmas.values():
            rec = rma.record
            if order_id not in (rec["order_number"], rec["forward_order_id"], rec["rma_number"]):
                continue
            for item in rec["items"]:
                if item["sku"] == sku:
                    return Decimal(item["unit_price"]), rec["currency"]
            return Decimal(0), rec["currency"]
        return Decimal(0), None

"""ReturnMate's RMA endpoints as the sandbox plays them (envelope, both auth headers)."""

from __future__ import annotations

import hmac
import math
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any
from urllib.parse import unquote

from returndesk.sandbox.custom_fields import served_rma
from returndesk.sandbox.demo_data import DemoData, DemoRma
from returndesk.sandbox.protocol import SandboxRequest, SandboxResponse

API_KEY = "rm_demo_key"
STATUSES = {
    "draft",
    "submitted",
    "approved",
    "label_issued",
    "in_transit",
    "received",
    "inspected",
    "resolved",
    "rejected",
    "pending",
}


def error(status: int, code: str, message: str, details: Any = None) -> SandboxResponse:
    return SandboxResponse.of_json(
        status,
        {"success": False, "error": {"code": code, "message": message, "details": details or {}}},
    )


def ok(data: Any, meta: dict[str, Any] | None = None, status: int = 200) -> SandboxResponse:
    body: dict[str, Any] = {"success": True, "data": data}
    if meta is not None:
        body["meta"] = meta
    return SandboxResponse.of_json(status, body)


class ReturnMateApi:
    def __init__(self, data: DemoData, *, custom_fields: bool = False) -> None:
        self._data = data
        #: serve the example integrator's custom fields too (see sandbox.custom_fields)
        self.custom_fields = custom_fields

    def handle(self, request: SandboxRequest, path: str) -> SandboxResponse:
        if not self._authorized(request.headers):
            return error(401, "AUTHENTICATION_ERROR", "Invalid or missing API key")
        parts = [unquote(p) for p in path.split("/") if p]
        method = request.method
        if parts == ["rmas"] and method == "GET":
            return self._list(request)
        if len(parts) == 2 and parts[0] == "rmas":
            rma = self._get(parts[1])
            if rma is None:
                return error(404, "NOT_FOUND", f"RMA {parts[1]} not found")
            if method == "GET":
                return ok(self._full(rma))
            if method == "PATCH":
                return self._patch(rma, request)
        if len(parts) == 3 and parts[0] == "rmas" and parts[2] == "notes" and method == "POST":
            rma = self._get(parts[1])
            if rma is None:
                return error(404, "NOT_FOUND", f"RMA {parts[1]} not found")
            return self._note(rma, request)
        if len(parts) == 3 and parts[0] == "customers" and parts[2] == "stats" and method == "GET":
            return self._stats(parts[1])
        return error(404, "NOT_FOUND", f"No endpoint {method} /{'/'.join(parts)}")

    def _authorized(self, headers: Any) -> bool:
        auth = headers.get("authorization", "")
        if auth.startswith("Bearer "):
            return hmac.compare_digest(auth[7:], API_KEY)
        return hmac.compare_digest(headers.get("x-api-key", ""), API_KEY)

    def _get(self, rma_id: str) -> DemoRma | None:
        return self._data.rmas.get(rma_id)

    def _full(self, rma: DemoRma) -> dict[str, Any]:
        return served_rma(rma.record, rma.timeline, detail=True, custom_fields=self.custom_fields)

    def _list(self, request: SandboxRequest) -> SandboxResponse:
        try:
            page = int(request.param("page") or 1)
            per_page = min(int(request.param("per_page") or 25), 100)
        except ValueError:
            return error(400, "VALIDATION_ERROR", "page and per_page must be integers")
        if page < 1 or per_page < 1:
            return error(400, "VALIDATION_ERROR", "page and per_page start at 1")
        statuses = set(request.params("status[]"))
        if request.param("status"):
            statuses.add(request.param("status") or "")
        try:
            after = _when(request.param("created_after"))
            before = _when(request.param("created_before"))
        except ValueError:
            return error(400, "VALIDATION_ERROR", "created_after/created_before must be dates")
        email = request.param("customer_email")
        order = request.param("order_number")
        rows = []
        for rma in self._data.rmas.values():
            rec = rma.record
            created = _when(rec["created_at"])
            if statuses and rec["status"] not in statuses:
                continue
            if after and created and created <= after:
                continue
            if before and created and created >= before:
                continue
            if email and rec["customer"]["email"] != email:
                continue
            if order and rec["order_number"] != order:
                continue
            rows.append(rma)
        key = "updated_at" if request.param("sort") == "updated_at" else "created_at"
        rows.sort(
            key=lambda r: (r.record[key], r.record["id"]), reverse=request.param("order") == "desc"
        )
        total = len(rows)
        start = (page - 1) * per_page
        meta = {
            "page": page,
            "per_page": per_page,
            "total": total,
            "total_pages": max(1, math.ceil(total / per_page)),
        }
        shown = [
            served_rma(r.record, r.timeline, detail=False, custom_fields=self.custom_fields)
            for r in rows[start : start + per_page]
        ]
        return ok(shown, meta)

    def _patch(self, rma: DemoRma, request: SandboxRequest) -> SandboxResponse:
        try:
            body = request.json()
        except ValueError:
            return error(400, "VALIDATION_ERROR", "body must be JSON")
        if not isinstance(body, dict):
            return error(400, "VALIDATION_ERROR", "body must be an object")
        status = body.get("status")
        if status is not None and status not in STATUSES:
            return error(400, "VALIDATION_ERROR", f"unknown status {status!r}")
        now = _now()
        if status is not None:
            rma.record["status"] = status
            rma.timeline.append({"type": "status", "status": status, "at": now})
        if isinstance(body.get("notes"), str):
            rma.timeline.append({"type": "note", "content": body["notes"], "at": now})
        rma.record["updated_at"] = now
        return ok(self._full(rma))

    def _note(self, rma: DemoRma, request: SandboxRequest) -> SandboxResponse:
        try:
            body = request.json()
        except ValueError:
            return error(400, "VALIDATION_ERROR", "body must be JSON")
        content = body.get("content") if isinstance(body, dict) else None
        if not isinstance(content, str) or not content.strip():
            return error(400, "VALIDATION_ERROR", "content is required")
        note = {
            "id": f"note_{len(rma.timeline) + 1}",
            "content": content,
            "internal": bool(body.get("internal", True)),
            "created_at": _now(),
        }
        rma.timeline.append({"type": "note", **note})
        return ok(note, status=201)

    def _stats(self, email: str) -> SandboxResponse:
        customer = self._data.customers.get(email)
        if customer is None:
            return error(404, "NOT_FOUND", "customer not found")
        own = [r.record for r in self._data.rmas.values() if r.record["customer"]["email"] == email]
        total_returns = customer["past_returns"] + len(own)
        refunded = sum(
            (
                Decimal(i["unit_price"]) * i["quantity"]
                for r in own
                if r["status"] in ("received", "inspected", "resolved")
                for i in r["items"]
            ),
            Decimal(0),
        )
        last = max((r["created_at"] for r in own), default=None)
        # the reference shows this answer without the envelope
        return SandboxResponse.of_json(
            200,
            {
                "total_returns": total_returns,
                "total_refunded": refunded,
                "return_rate": Decimal(min(95, 5 + total_returns * 3)).quantize(Decimal("0.1")),
                "last_return": last,
            },
        )


def _when(value: str | None) -> datetime | None:
    if not value:
        return None
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

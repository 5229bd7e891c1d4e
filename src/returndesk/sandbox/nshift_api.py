"""nShift Return's wms-update as the sandbox plays it.

The rules are written out here independently of the station's own payload model, so a test
against the sandbox checks the station's output rather than the model against itself.
"""

from __future__ import annotations

import base64
import hmac
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from returndesk.sandbox.demo_data import DemoData
from returndesk.sandbox.protocol import SandboxRequest, SandboxResponse

USERNAME = "station-demo"
PASSWORD = "demo-password"  # noqa: S105 - the sandbox's published demo credential

_REQUIRED_RETURN = ("forwardOrderId", "returnId", "updatedAt", "itemCount", "items")
_REQUIRED_ITEM = (
    "forwardOrderItemId",
    "sku",
    "isAccepted",
    "netAmount",
    "taxAmount",
    "grossAmount",
)


class Rejected(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def error(status: int, message: str) -> SandboxResponse:
    reasons = {400: "Bad Request", 401: "Unauthorized", 404: "Not Found", 405: "Method Not Allowed"}
    return SandboxResponse.of_json(
        status,
        {
            "code": status,
            "error": reasons.get(status, "Error"),
            "message": message,
            "timestamp": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        },
    )


class NShiftApi:
    def __init__(self, data: DemoData) -> None:
        self._data = data
        #: return id -> how many times an update was *applied* (the R2 counter)
        self.processings: dict[str, int] = {}
        self.applied: list[dict[str, Any]] = []

    def handle(self, request: SandboxRequest, path: str) -> SandboxResponse:
        if not self._authorized(request.headers.get("authorization", "")):
            return error(401, "Full authentication is required to access this resource")
        if path == "return-orders":
            if request.method != "GET":
                return error(405, f"{request.method} is not supported")
            return self._return_orders(request)
        if path != "wms-update":
            return error(404, f"No endpoint {path}")
        if request.method != "POST":
            return error(405, f"{request.method} is not supported")
        try:
            body = request.json()
        except ValueError:
            return error(400, "Malformed JSON request")
        try:
            returns = self._check(body)
        except Rejected as exc:
            return error(exc.status, exc.message)
        for ret in returns:
            rma = self._find(ret["returnId"])
            rma.nshift_status = "Processed"
            key = rma.record["nshift_return_id"]  # one counter whichever id was sent
            self.processings[key] = self.processings.get(key, 0) + 1
            self.applied.append(ret)
        return SandboxResponse.of_json(
            200, {"processed": [r["returnId"] for r in returns], "status": "Processed"}
        )

    def status_of(self, return_id: str) -> str | None:
        for rma in self._data.rmas.values():
            if return_id in _ids(rma):
                return rma.nshift_status
        return None

    # ------------------------------------------------------------------ the Pull API
    def _return_orders(self, request: SandboxRequest) -> SandboxResponse:
        bounds = {}
        for name in ("createdAfter", "createdBefore", "updatedAfter", "updatedBefore"):
            value = request.param(name)
            if value:
                try:
                    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
                except ValueError:
                    return error(400, f"{name} must be an ISO date-time")
                bounds[name] = parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
        records = []
        for rma in self._data.rmas.values():
            created = datetime.fromisoformat(rma.record["created_at"].replace("Z", "+00:00"))
            updated = datetime.fromisoformat(rma.record["updated_at"].replace("Z", "+00:00"))
            if ("createdAfter" in bounds and created < bounds["createdAfter"]) or (
                "createdBefore" in bounds and created > bounds["createdBefore"]
            ):
                continue
            if ("updatedAfter" in bounds and updated < bounds["updatedAfter"]) or (
                "updatedBefore" in bounds and updated > bounds["updatedBefore"]
            ):
                continue
            records.append(_return_order(rma))
        return SandboxResponse.of_json(200, {"records": records, "totalRecords": len(records)})

    # ------------------------------------------------------------------ rules
    def _authorized(self, header: str) -> bool:
        if not header.startswith("Basic "):
            return False
        try:
            decoded = base64.b64decode(header[6:], validate=True).decode()
        except (ValueError, UnicodeDecodeError):
            return False
        return hmac.compare_digest(decoded, f"{USERNAME}:{PASSWORD}")

    def _find(self, return_id: str) -> Any:
        for rma in self._data.rmas.values():
            if return_id in _ids(rma):
                return rma
        raise Rejected(404, f"Return {return_id} not found")

    def _check(self, body: Any) -> list[dict[str, Any]]:
        if not isinstance(body, dict) or not isinstance(body.get("returns"), list):
            raise Rejected(400, "returns must be an array")
        if not body["returns"]:
            raise Rejected(400, "returns must not be empty")
        seen: set[str] = set()
        for ret in body["returns"]:
            self._check_return(ret)
            if ret["returnId"] in seen:
                raise Rejected(400, f"Return {ret['returnId']} appears twice")
            seen.add(ret["returnId"])
        return list(body["returns"])

    def _check_return(self, ret: Any) -> None:
        if not isinstance(ret, dict):
            raise Rejected(400, "each return must be an object")
        for key in _REQUIRED_RETURN:
            if ret.get(key) in (None, ""):
                raise Rejected(400, f"{key} is required")
        if not isinstance(ret["returnId"], str) or not isinstance(ret["forwardOrderId"], str):
            raise Rejected(400, "returnId and forwardOrderId must be strings")
        try:
            datetime.fromisoformat(str(ret["updatedAt"]).replace("Z", "+00:00"))
        except ValueError:
            raise Rejected(400, "updatedAt must be a date-time") from None
        items = ret["items"]
        if (
            not isinstance(items, list)
            or isinstance(ret["itemCount"], bool)
            or not isinstance(ret["itemCount"], int)
        ):
            raise Rejected(400, "itemCount must be an integer and items an array")
        for item in items:
            self._check_item(item)
        rma = self._find(ret["returnId"])
        if rma.record["forward_order_id"] != ret["forwardOrderId"]:
            raise Rejected(400, "forwardOrderId does not match the return")
        if rma.nshift_status != "Not Processed":
            raise Rejected(400, f"Return {ret['returnId']} is not in Not Processed status")
        expected = rma.nshift_item_ids
        if ret["itemCount"] != len(items) or len(items) != len(expected):
            raise Rejected(
                400,
                f"The return must contain the exact number of items ({len(expected)}); "
                f"itemCount {ret['itemCount']}, items {len(items)}",
            )
        ids = [str(item["forwardOrderItemId"]) for item in items]
        if sorted(ids) != sorted(expected):
            raise Rejected(400, f"Items {ids} do not match the return's items {expected}")

    def _check_item(self, item: Any) -> None:
        if not isinstance(item, dict):
            raise Rejected(400, "each item must be an object")
        for key in _REQUIRED_ITEM:
            if item.get(key) is None:
                raise Rejected(400, f"item field {key} is required")
        if not isinstance(item["isAccepted"], bool):
            raise Rejected(400, "isAccepted must be a boolean")
        amounts = []
        for key in ("netAmount", "taxAmount", "grossAmount"):
            value = item[key]
            if isinstance(value, bool) or not isinstance(value, int | Decimal):
                raise Rejected(400, f"{key} must be a number")
            if Decimal(value) < 0:
                raise Rejected(400, f"{key} must not be negative")
            amounts.append(Decimal(value))
        if amounts[0] + amounts[1] != amounts[2]:
            raise Rejected(400, "netAmount + taxAmount must equal grossAmount")


def _ids(rma: Any) -> tuple[str, str]:
    """A return is known by its returnOrderId and by its external id (printed on the parcel);
    nShift does not say which one wms-update's returnId takes, so the sandbox takes both."""
    return rma.record["nshift_return_order_id"], rma.record["nshift_return_id"]


#: how the Pull API words the sandbox's two states (nShift documents no value for either)
PULL_STATUS = {"Not Processed": "not_processed", "Processed": "processed"}


def _return_order(rma: Any) -> dict[str, Any]:
    record = rma.record
    order_id = int(record["nshift_return_order_id"])
    return {
        "returnOrderId": order_id,
        "returnOrderExtId": record["nshift_return_id"],
        "orderId": record["forward_order_id"],
        "createdAt": record["created_at"],
        "updatedAt": record["updated_at"],
        "marketCode": record["market_code"],
        "customerId": record["customer"]["email"],
        "status": PULL_STATUS.get(rma.nshift_status, rma.nshift_status),
        "currency": record["currency"],
        "items": [
            {
                "returnOrderId": order_id,
                "returnOrderItemId": 900_000 + order_id * 10 + n,
                "originalOrderItemId": item["order_item_id"],
                "productId": item["product_id"],
                "productVariantId": item["product_variant_id"],
            }
            for n, item in enumerate(record["items"], start=1)
        ],
    }

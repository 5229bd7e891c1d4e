"""nShift Return ``POST /public-api/v3/wms-update`` and the Pull API, with HTTP Basic auth.

The base URL includes ``/public-api/v3`` (staging ``https://staging.returnado.com/public-api/v3``;
production is believed to be ``https://new-prod.returnado.com/public-api/v3``, so it is a
setting). nShift applies an update only while the return is *Not Processed*; that gate is the
only duplicate protection the vendor offers, and the outbox relies on it.

The Pull API (``GET /public-api/v3/return-orders``, help-center article 7671935091484, same
credentials) lists return orders with their forward ``orderId``, status and items: the station
asks it which nShift return belongs to an RMA's order. It documents no paging and no filter by
order; the station asks for a window of creation dates and picks the order itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import httpx
from pydantic import AliasChoices, BaseModel, ConfigDict, Field

from returndesk.core.wms_update import WmsUpdate
from returndesk.vendors.ratelimit import RateLimit
from returndesk.vendors.transport import ErrorInfo, Transport, error_message_of

VENDOR = "nShift"
WMS_UPDATE_PATH = "wms-update"
RETURN_ORDERS_PATH = "return-orders"
STAGING_BASE_URL = "https://staging.returnado.com/public-api/v3"
PRODUCTION_BASE_URL = "https://new-prod.returnado.com/public-api/v3"


def parse_error(data: Any) -> ErrorInfo:
    """``{"code": 400, "error": "Bad Request", "message": "...", "timestamp": "..."}``"""
    return ErrorInfo(
        code=error_message_of(data, "error", "code"),
        message=error_message_of(data, "message", "error"),
    )


class _PullModel(BaseModel):
    # ids are numbers in the article's example (56373) and strings elsewhere: keep them text
    model_config = ConfigDict(
        extra="ignore", frozen=True, coerce_numbers_to_str=True, str_max_length=2000
    )


class ReturnOrderItem(_PullModel):
    return_order_item_id: str | None = Field(default=None, alias="returnOrderItemId")
    original_order_item_id: str | None = Field(default=None, alias="originalOrderItemId")
    product_id: str | None = Field(default=None, alias="productId")
    product_variant_id: str | None = Field(default=None, alias="productVariantId")
    #: not in the excerpt the article shows; read where nShift sends it
    sku: str | None = Field(default=None, validation_alias=AliasChoices("sku", "SKU"))


class ReturnOrder(_PullModel):
    return_order_id: str = Field(alias="returnOrderId", min_length=1)
    return_order_ext_id: str | None = Field(default=None, alias="returnOrderExtId")
    #: the forward order (wms-update ``forwardOrderId``)
    order_id: str | None = Field(default=None, alias="orderId")
    status: str | None = None
    market_code: str | None = Field(default=None, alias="marketCode")
    currency: str | None = None
    created_at: datetime | None = Field(default=None, alias="createdAt")
    updated_at: datetime | None = Field(default=None, alias="updatedAt")
    items: list[ReturnOrderItem] = Field(default_factory=list, max_length=1000)


class _ReturnOrders(_PullModel):
    records: list[ReturnOrder] = Field(default_factory=list)
    total_records: int | None = Field(default=None, alias="totalRecords")


@dataclass(frozen=True, slots=True)
class WmsUpdateResult:
    status: int
    #: whatever nShift answered; the documentation only promises "HTTP 200"
    body: Any
    rate_limit: RateLimit


class NShiftClient:
    def __init__(self, transport: Transport) -> None:
        self._transport = transport

    @classmethod
    def create(
        cls,
        base_url: str,
        username: str,
        password: str,
        *,
        transport: httpx.BaseTransport | None = None,
        **options: Any,
    ) -> NShiftClient:
        return cls(
            Transport(
                vendor=VENDOR,
                base_url=base_url,
                error_parser=parse_error,
                auth=httpx.BasicAuth(username, password),
                secrets=[password, f"{username}:{password}"],
                transport=transport,
                **options,
            )
        )

    def submit(self, update: WmsUpdate | dict[str, Any]) -> WmsUpdateResult:
        """Send a body; a ``dict`` is validated first (the outbox stores frozen JSON)."""
        if not isinstance(update, WmsUpdate):
            update = WmsUpdate.model_validate(update)
        # the vendor only promises "HTTP 200": any 2xx body, JSON or not, means delivered
        response = self._transport.request(
            "POST", WMS_UPDATE_PATH, json=update.to_wire(), expect_json=False
        )
        return WmsUpdateResult(response.status, response.data, response.rate_limit)

    def submit_body(self, body: bytes) -> WmsUpdateResult:
        """Send an update body exactly as it was validated and encoded (the outbox freezes
        every update it takes in, see ``outbox.model.check_new_item``): not parsed, validated
        or encoded again."""
        response = self._transport.request(
            "POST",
            WMS_UPDATE_PATH,
            content=body,
            content_type="application/json",
            expect_json=False,
        )
        return WmsUpdateResult(response.status, response.data, response.rate_limit)

    def return_orders(
        self,
        *,
        created_after: datetime | None = None,
        created_before: datetime | None = None,
        updated_after: datetime | None = None,
        updated_before: datetime | None = None,
    ) -> list[ReturnOrder]:
        """The Pull API's return orders in a window (all its documented filters)."""
        params = [
            (name, value.isoformat())
            for name, value in (
                ("createdAfter", created_after),
                ("createdBefore", created_before),
                ("updatedAfter", updated_after),
                ("updatedBefore", updated_before),
            )
            if value is not None
        ]
        response = self._transport.request("GET", RETURN_ORDERS_PATH, params=params)
        return self._transport.parse(_ReturnOrders, response.data).records

    def check_credentials(self) -> int:
        """Post an update that names no return: nothing can be processed by it, but the
        credentials are checked first. Returns the status nShift answered (400 expected);
        a refusal of the credentials raises :class:`~returndesk.vendors.errors.AuthError`."""
        return self._transport.refusal_status("POST", WMS_UPDATE_PATH, json={"returns": []})

    @property
    def rate_limit(self) -> RateLimit:
        """Rate-limit headers of this client's latest answer."""
        return self._transport.last_rate_limit

    def close(self) -> None:
        self._transport.close()

    def on_answer(self, listener: Callable[[], None]) -> None:
        """``listener()`` runs after every answer from the vendor: it is reachable."""
        self._transport.on_answer(listener)

    def on_unreachable(self, listener: Callable[[], None]) -> None:
        """``listener()`` runs when the vendor could not be reached at all."""
        self._transport.on_unreachable(listener)

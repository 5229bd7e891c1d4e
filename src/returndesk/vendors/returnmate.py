"""ReturnMate RMAs: where the *expected* return comes from, and where receipt is recorded.

Responses come in an envelope ``{success, data, meta}``; errors as
``{success: false, error: {code, message, details}}``. Two auth header styles exist in
ReturnMate's own pages (``Authorization: Bearer`` in the API reference, ``X-Api-Key`` on the
webhooks page); the station supports both by setting.

The models hold only what the API reference documents. ReturnMate documents no nShift return
id, price, tax rate, GTIN or order item id: where an integrator's ReturnMate carries them, the
``[returnmate.fields]`` mapping names them, read from the raw record by
:mod:`returndesk.vendors.rma_fields`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any
from urllib.parse import quote

import httpx
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from returndesk.vendors.budget import Budget
from returndesk.vendors.errors import ConfigurationError, InvalidResponse, PermanentError
from returndesk.vendors.ratelimit import RateLimit
from returndesk.vendors.transport import ErrorInfo, Transport, VendorResponse, error_message_of

VENDOR = "ReturnMate"
BASE_URL = "https://api.returnmate.io/v1"
SANDBOX_BASE_URL = "https://api.sandbox.returnmate.io/v1"
MAX_PER_PAGE = 100
#: a server that ignores ``page`` would otherwise be paged forever
MAX_PAGES = 10_000


class AuthStyle(StrEnum):
    BEARER = "bearer"
    X_API_KEY = "x-api-key"


def parse_error(data: Any) -> ErrorInfo:
    error = data.get("error") if isinstance(data, dict) else None
    if isinstance(error, dict):
        return ErrorInfo(
            code=error_message_of(error, "code"), message=error_message_of(error, "message")
        )
    return ErrorInfo(message=error_message_of(data, "message", "error"))


class _Model(BaseModel):
    # built at the first answer (the cache refresh, off the GUI thread), not at start
    model_config = ConfigDict(extra="ignore", frozen=True, str_max_length=2000, defer_build=True)


class Customer(_Model):
    email: str | None = None
    name: str | None = None


class RmaItem(_Model):
    """An RMA item as documented: ``sku``, ``quantity``, ``reason``, ``notes``.

    Anything else an integrator's ReturnMate carries (prices, GTIN, order item id) is read
    from the raw record through the ``[returnmate.fields]`` mapping (see ``rma_fields``).
    """

    sku: str = Field(min_length=1)
    quantity: int = Field(default=1, ge=1, le=10_000)
    reason: str | None = None
    notes: str | None = None


class Rma(_Model):
    """An RMA as the API reference documents it, and the whole record as it was received.

    ``shipments`` and ``timeline`` come with ``GET /v1/rmas/{id}``; the list's items may be
    abbreviated. ``record`` keeps every field of the answer, documented or not, so an
    integrator's mapping can name fields this model does not know.
    """

    id: str = Field(min_length=1)
    rma_number: str = Field(min_length=1)
    status: str
    order_number: str | None = None
    customer: Customer | None = None
    items: list[RmaItem] = Field(default_factory=list, max_length=1000)
    created_at: datetime | None = None
    shipments: list[dict[str, Any]] = Field(default_factory=list, max_length=50)
    timeline: list[dict[str, Any]] = Field(default_factory=list, max_length=1000)
    record: dict[str, Any] = Field(default_factory=dict, exclude=True, repr=False)

    @model_validator(mode="before")
    @classmethod
    def _keep_record(cls, data: Any) -> Any:
        if isinstance(data, dict) and "record" not in data:
            return {**data, "record": dict(data)}
        return data

    @field_validator("items", mode="before")
    @classmethod
    def _items_or_none(cls, value: Any) -> Any:
        # a list answer may abbreviate items ("items": [...]); only objects are items
        if isinstance(value, list):
            return [item for item in value if isinstance(item, dict)]
        return [] if value is None else value

    @field_validator("shipments", "timeline", mode="before")
    @classmethod
    def _objects_only(cls, value: Any) -> Any:
        if isinstance(value, list):
            return [entry for entry in value if isinstance(entry, dict)]
        return [] if value is None else value


class PageMeta(_Model):
    page: int = Field(default=1, ge=1)
    per_page: int = Field(default=25, ge=1)
    total: int | None = Field(default=None, ge=0)
    total_pages: int | None = Field(default=None, ge=0)


class CustomerStats(_Model):
    total_returns: int = Field(ge=0)
    total_refunded: Decimal = Field(ge=0, allow_inf_nan=False)
    return_rate: Decimal = Field(ge=0, allow_inf_nan=False)
    last_return: datetime | None = None


@dataclass(frozen=True, slots=True)
class RmaPage:
    rmas: list[Rma]
    meta: PageMeta


@dataclass(frozen=True, slots=True)
class RmaFilter:
    status: str | Sequence[str] | None = None
    created_after: datetime | None = None
    created_before: datetime | None = None
    customer_email: str | None = None
    order_number: str | None = None
    sort: str | None = None
    order: str | None = None

    def params(self) -> list[tuple[str, str]]:
        params: list[tuple[str, str]] = []
        if isinstance(self.status, str):
            params.append(("status", self.status))
        elif self.status is not None:
            params.extend(("status[]", s) for s in self.status)
        for key in ("created_after", "created_before"):
            value = getattr(self, key)
            if value is not None:
                params.append((key, value.isoformat()))
        for key in ("customer_email", "order_number", "sort", "order"):
            value = getattr(self, key)
            if value is not None:
                params.append((key, value))
        return params


class _Envelope(_Model):
    success: bool = True
    data: Any = None
    meta: PageMeta | None = None


class ReturnMateClient:
    def __init__(self, transport: Transport) -> None:
        self._transport = transport

    @classmethod
    def create(
        cls,
        base_url: str,
        api_key: str,
        *,
        auth_style: AuthStyle = AuthStyle.BEARER,
        transport: httpx.BaseTransport | None = None,
        **options: Any,
    ) -> ReturnMateClient:
        if auth_style is AuthStyle.X_API_KEY:
            headers = {"X-Api-Key": api_key}
        else:
            headers = {"Authorization": f"Bearer {api_key}"}
        return cls(
            Transport(
                vendor=VENDOR,
                base_url=base_url,
                error_parser=parse_error,
                headers=headers,
                secrets=[api_key],
                transport=transport,
                **options,
            )
        )

    # ------------------------------------------------------------------ RMAs
    def list_rmas(
        self, filters: RmaFilter | None = None, *, page: int = 1, per_page: int = MAX_PER_PAGE
    ) -> RmaPage:
        per_page = max(1, min(per_page, MAX_PER_PAGE))
        params = (filters or RmaFilter()).params()
        params += [("page", str(page)), ("per_page", str(per_page))]
        envelope = self._envelope(self._transport.request("GET", "rmas", params=params))
        if not isinstance(envelope.data, list):
            raise InvalidResponse("RMA list is not a list", vendor=VENDOR)
        rmas = [self._transport.parse(Rma, item) for item in envelope.data]
        meta = envelope.meta or PageMeta(page=page, per_page=per_page)
        return RmaPage(rmas, meta)

    def iter_rmas(
        self, filters: RmaFilter | None = None, *, per_page: int = MAX_PER_PAGE
    ) -> Iterator[Rma]:
        """Every RMA matching ``filters``, page after page."""
        previous_ids: list[str] | None = None
        for page_number in range(1, MAX_PAGES + 1):
            page = self.list_rmas(filters, page=page_number, per_page=per_page)
            ids = [r.id for r in page.rmas]
            if ids and ids == previous_ids:
                raise InvalidResponse("the server returned the same page twice", vendor=VENDOR)
            previous_ids = ids
            yield from page.rmas
            if not page.rmas:
                return
            if page.meta.total_pages is not None:
                if page_number >= page.meta.total_pages:
                    return
            elif len(page.rmas) < page.meta.per_page:
                return
        raise InvalidResponse(f"more than {MAX_PAGES} pages of RMAs", vendor=VENDOR)

    def get_rma(self, rma_id: str) -> Rma:
        envelope = self._envelope(self._transport.request("GET", f"rmas/{_segment(rma_id)}"))
        return self._transport.parse(Rma, envelope.data)

    def update_status(self, rma_id: str, status: str, notes: str | None = None) -> Any:
        body: dict[str, Any] = {"status": status}
        if notes is not None:
            body["notes"] = notes
        response = self._transport.request("PATCH", f"rmas/{_segment(rma_id)}", json=body)
        return self._envelope(response).data

    def add_note(self, rma_id: str, content: str, *, internal: bool = True) -> Any:
        response = self._transport.request(
            "POST",
            f"rmas/{_segment(rma_id)}/notes",
            json={"content": content, "internal": internal},
        )
        return self._envelope(response).data

    def customer_stats(self, email: str) -> CustomerStats:
        response = self._transport.request("GET", f"customers/{_segment(email)}/stats")
        data = response.data
        # the reference shows this one answer without the envelope; accept both
        if isinstance(data, dict) and "data" in data and "success" in data:
            data = self._envelope(response).data
        return self._transport.parse(CustomerStats, data)

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

    def use_budget(self, budget: Budget) -> None:
        """Every request takes one from ``budget`` first (see vendors.budget)."""
        self._transport.set_gate(budget.take)

    # ------------------------------------------------------------------ internals
    def _envelope(self, response: VendorResponse) -> _Envelope:
        envelope = self._transport.parse(_Envelope, response.data, status=response.status)
        if not envelope.success:
            info = parse_error(response.data)
            raise PermanentError(
                info.message or "request not successful",
                vendor=VENDOR,
                status=response.status,
                code=info.code,
            )
        return envelope


def _segment(value: str) -> str:
    """One path segment; ids and e-mail addresses must never change the path."""
    if value.strip() in ("", ".", ".."):
        raise ConfigurationError(f"{value!r} is not an id", vendor=VENDOR)
    return quote(value, safe="@")

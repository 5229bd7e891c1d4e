"""nShift Return's ``wms-update`` body: the document the station exists to deliver.

The shape follows the vendor's *example request*, which is what a working call looked like.
Where the vendor page contradicts itself we follow the example and say so here:

* the parameter table names the field ``alternativeOrderIds``; the example sends
  ``altForwardOrderIds`` as ``[{type, value}]`` (see :data:`ALT_ORDER_IDS_FIELD`);
* the example carries a per-item ``quantity`` the table lacks;
* the example's ``itemCount`` (1) does not match its two items, and both items share
  ``forwardOrderItemId`` "1" — this model refuses both.
"""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime
from decimal import Decimal
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_serializer,
    model_validator,
)
from pydantic.alias_generators import to_camel

from returndesk.core import json_codec
from returndesk.core.money import MoneyError, check_amount

#: The one place the alternative-order-ids field name is spelled (see module docstring).
ALT_ORDER_IDS_FIELD = "altForwardOrderIds"

#: validation context: a body from outside, typed exactly as nShift documents (no coercion)
EXACT = "exact"
#: deeper than any wms-update body (five levels) by far, far below any parser's limit
MAX_DEPTH = 16
#: control, format (bidi overrides, zero-width), private-use and unassigned characters,
#: line and paragraph separators: never part of an id, and they forge lines where echoed
_INVISIBLE = frozenset({"Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"})


def _visible(value: str) -> str:
    for position, char in enumerate(value):
        if unicodedata.category(char) in _INVISIBLE:
            raise ValueError(
                f"contains an invisible or control character U+{ord(char):04X} at position "
                f"{position + 1}"
            )
    return value


def _json_number(value: object, info: ValidationInfo) -> object:
    """Amounts are JSON numbers (nShift: Double), read exactly: an int or a Decimal. In a
    body from outside (:meth:`WmsUpdate.from_json`) a string, a bool or a binary float is
    refused, never converted; the station's own data is converted as pydantic does."""
    if isinstance(value, bool):
        raise ValueError("an amount must be a JSON number, not a boolean")
    if isinstance(value, int):
        return Decimal(value)
    if (
        isinstance(info.context, dict)
        and info.context.get(EXACT)
        and not isinstance(value, Decimal)
    ):
        raise ValueError(f"an amount must be a JSON number, not {_json_type(value)}")
    return value


def _timestamp(value: object) -> object:
    """ISO 8601 text (the body's own form) becomes a datetime; the model checks the zone."""
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            raise ValueError("updatedAt must be an ISO 8601 date and time") from None
    return value


def _json_type(value: object) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, str):
        return f"the string {value[:40]!r}"
    if isinstance(value, float):
        return "a binary floating-point number"
    return type(value).__name__


Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
    AfterValidator(_visible),
]
Amount = Annotated[
    Decimal, BeforeValidator(_json_number), Field(allow_inf_nan=False, ge=0, max_digits=18)
]
Timestamp = Annotated[AwareDatetime, BeforeValidator(_timestamp)]


class _WireModel(BaseModel):
    model_config = ConfigDict(
        alias_generator=to_camel,
        populate_by_name=True,
        extra="forbid",
        frozen=True,
        str_max_length=500,
        # validators are built at the first submission (on a background thread), not when
        # the station starts
        defer_build=True,
    )


class AltOrderId(_WireModel):
    type: Text
    value: Text


class WmsItem(_WireModel):
    forward_order_item_id: Text
    return_item_id: Text | None = None
    sku: Text
    product_id: Text | None = None
    product_variant_id: Text | None = None
    quantity: int | None = Field(default=None, ge=1, le=10_000)
    is_present: bool | None = None
    is_accepted: bool
    return_reason_code: Text | None = None
    return_condition_code: Text | None = None
    net_amount: Amount
    tax_amount: Amount
    gross_amount: Amount

    @model_validator(mode="after")
    def _amounts_consistent(self) -> WmsItem:
        if self.net_amount + self.tax_amount != self.gross_amount:
            raise ValueError(
                f"item {self.forward_order_item_id}: netAmount {self.net_amount} + taxAmount "
                f"{self.tax_amount} != grossAmount {self.gross_amount}"
            )
        if not self.is_accepted and self.gross_amount != 0:
            raise ValueError(
                f"item {self.forward_order_item_id}: not accepted but refunds {self.gross_amount}"
            )
        if self.is_present is False and self.is_accepted:
            raise ValueError(f"item {self.forward_order_item_id}: accepted but not present")
        return self


class WmsReturn(_WireModel):
    market_code: Text | None = None
    forward_order_id: Text
    updated_at: Timestamp
    alt_forward_order_ids: list[AltOrderId] = Field(
        default_factory=list, alias=ALT_ORDER_IDS_FIELD, max_length=50
    )
    return_id: Text
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")] | None = None
    item_count: int = Field(ge=1)
    items: list[WmsItem] = Field(min_length=1, max_length=1000)

    @model_validator(mode="after")
    def _vendor_rules(self) -> WmsReturn:
        if self.item_count != len(self.items):
            raise ValueError(
                f"return {self.return_id}: itemCount is {self.item_count} but "
                f"{len(self.items)} items are sent; nShift needs the exact number"
            )
        seen: set[str] = set()
        for item in self.items:
            if item.forward_order_item_id in seen:
                raise ValueError(
                    f"return {self.return_id}: forwardOrderItemId "
                    f"{item.forward_order_item_id!r} appears twice"
                )
            seen.add(item.forward_order_item_id)
        if self.currency is not None:
            for item in self.items:
                for amount in (item.net_amount, item.tax_amount, item.gross_amount):
                    try:
                        check_amount(amount, self.currency)
                    except MoneyError as exc:
                        raise ValueError(f"item {item.forward_order_item_id}: {exc}") from None
        return self

    @field_serializer("updated_at")
    def _utc_z(self, value: datetime) -> str:
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class WmsUpdate(_WireModel):
    returns: list[WmsReturn] = Field(min_length=1, max_length=100)

    def to_wire(self) -> dict[str, Any]:
        """The body as plain data; amounts stay ``Decimal`` at the currency's exponent."""
        data: dict[str, Any] = self.model_dump(by_alias=True, exclude_none=True)
        for ret, model in zip(data["returns"], self.returns, strict=True):
            if model.currency is not None:
                for item in ret["items"]:
                    for key in ("netAmount", "taxAmount", "grossAmount"):
                        item[key] = check_amount(item[key], model.currency)
        return data

    def to_json(self) -> str:
        return json_codec.dumps(self.to_wire())

    @classmethod
    def from_json(cls, text: str | bytes) -> WmsUpdate:
        """Parse and validate a body with the types nShift documents and no coercion: a
        Boolean is true/false (never "yes"), an Integer is 2 (never "2" or 2.0), an amount
        is a number. Raises ``ValueError`` (incl. ``ValidationError`` and ``TooDeep``)."""
        if isinstance(text, bytes):
            text = text.decode("utf-8")
        json_codec.check_depth(text, MAX_DEPTH)
        return cls.model_validate(json_codec.loads(text), strict=True, context={EXACT: True})

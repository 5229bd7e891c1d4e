"""Reading the values the station needs out of an RMA record, by an integrator's mapping.

ReturnMate documents an RMA's ``id``, ``rma_number``, ``status``, ``order_number``,
``customer``, ``items [sku, quantity, reason, notes]``, ``created_at`` and, from
``GET /v1/rmas/{id}``, ``shipments`` and ``timeline``. Everything else the station may use —
the nShift return id, the market, an item's price, tax rate, GTIN, order item id — exists only
where an integrator put it. The ``[returnmate.fields]`` settings say where: each value is a
field name or a dotted path (``order_number``, ``metadata.nshift_id``); a path through a list
collects from each entry (``shipments.tracking_number``). Item paths are read inside each
entry of ``items``. An empty path means "not mapped"; a path that names nothing in an answer,
or names something of the wrong type, is reported in :attr:`ExpectedReturn.problems`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, Protocol

from returndesk.core.field_path import MISSING, resolve
from returndesk.vendors.returnmate import Rma


class FieldMap(Protocol):
    """The ``[returnmate.fields]`` settings (``settings.model.ReturnMateFields``)."""

    nshift_return_id: str
    forward_order_id: str
    market: str
    currency: str
    tracking_numbers: str
    item_sku: str
    item_quantity: str
    item_reason: str
    item_description: str
    item_unit_price: str
    item_tax_rate: str
    item_gtin: str
    item_order_item_id: str
    item_return_item_id: str
    item_product_id: str
    item_product_variant_id: str


@dataclass(frozen=True, slots=True)
class ExpectedItem:
    """One RMA item with every value the mapping found (None: not mapped or not there)."""

    index: int
    sku: str
    quantity: int
    reason: str | None
    description: str | None = None
    unit_price: Decimal | None = None
    tax_rate: Decimal | None = None
    gtin: str | None = None
    order_item_id: str | None = None
    return_item_id: str | None = None
    product_id: str | None = None
    product_variant_id: str | None = None


@dataclass(frozen=True, slots=True)
class ExpectedReturn:
    """An RMA read through the mapping: what the join and the case are built from."""

    rma: Rma
    items: list[ExpectedItem]
    nshift_return_id: str | None = None
    forward_order_id: str | None = None
    market: str | None = None
    currency: str | None = None
    tracking_numbers: tuple[str, ...] = ()
    #: mapped paths that named nothing or the wrong type in this answer, for the operator/log
    problems: list[str] = field(default_factory=list)

    def codes(self) -> set[str]:
        """Every code a parcel of this return may carry, upper case."""
        found = {
            self.rma.rma_number,
            self.rma.order_number,
            self.nshift_return_id,
            self.forward_order_id,
            *self.tracking_numbers,
        }
        return {c.strip().upper() for c in found if c and c.strip()}


class _Reader:
    def __init__(self, rma: Rma) -> None:
        self.rma = rma
        self.problems: list[str] = []

    def _where(self, setting: str, path: str, item: int | None) -> str:
        place = f"items[{item}]" if item is not None else self.rma.rma_number
        return f"[returnmate.fields] {setting} = {path!r} ({place})"

    def text(self, data: Any, setting: str, path: str, item: int | None = None) -> str | None:
        if not path:
            return None
        value = resolve(data, path)
        if value is MISSING or value is None:
            self.problems.append(self._where(setting, path, item) + " names nothing")
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | Decimal | float):
            self.problems.append(self._where(setting, path, item) + " is not a text or number")
            return None
        text = str(value).strip()
        return text or None

    def texts(self, data: Any, setting: str, path: str) -> tuple[str, ...]:
        if not path:
            return ()
        value = resolve(data, path)
        if value is MISSING:
            return ()  # a return without shipments yet is normal, not a mapping problem
        values = value if isinstance(value, list) else [value]
        return tuple(str(v).strip() for v in values if isinstance(v, str | int) and str(v).strip())

    def number(self, data: Any, setting: str, path: str, item: int) -> Decimal | None:
        text = self.text(data, setting, path, item)
        if text is None:
            return None
        try:
            value = Decimal(text)
        except InvalidOperation:
            value = Decimal("NaN")
        if not value.is_finite() or value < 0:
            self.problems.append(self._where(setting, path, item) + f" is not an amount: {text!r}")
            return None
        return value


def read_rma(rma: Rma, fields: FieldMap) -> ExpectedReturn:
    """``rma`` through ``fields``; never raises for a mapping that does not fit the answer."""
    reader = _Reader(rma)
    record = rma.record or rma.model_dump(mode="json")
    listed = record.get("items")
    raw_items: list[Any] = listed if isinstance(listed, list) else []
    items = []
    for index, documented in enumerate(rma.items):
        raw = raw_items[index] if index < len(raw_items) else {}
        sku = reader.text(raw, "item_sku", fields.item_sku, index) or documented.sku
        quantity_text = reader.text(raw, "item_quantity", fields.item_quantity, index)
        quantity = documented.quantity
        if quantity_text is not None:
            try:
                quantity = max(1, int(quantity_text))
            except ValueError:
                reader.problems.append(f"[returnmate.fields] item_quantity: {quantity_text!r}")
        tax_rate = reader.number(raw, "item_tax_rate", fields.item_tax_rate, index)
        if tax_rate is not None and tax_rate > 1:
            reader.problems.append(
                f"[returnmate.fields] item_tax_rate: {tax_rate} is not a rate (0.25 for 25 %)"
            )
            tax_rate = None
        items.append(
            ExpectedItem(
                index=index,
                sku=sku,
                quantity=quantity,
                reason=reader.text(raw, "item_reason", fields.item_reason, index),
                description=reader.text(raw, "item_description", fields.item_description, index),
                unit_price=reader.number(raw, "item_unit_price", fields.item_unit_price, index),
                tax_rate=tax_rate,
                gtin=reader.text(raw, "item_gtin", fields.item_gtin, index),
                order_item_id=reader.text(
                    raw, "item_order_item_id", fields.item_order_item_id, index
                ),
                return_item_id=reader.text(
                    raw, "item_return_item_id", fields.item_return_item_id, index
                ),
                product_id=reader.text(raw, "item_product_id", fields.item_product_id, index),
                product_variant_id=reader.text(
                    raw, "item_product_variant_id", fields.item_product_variant_id, index
                ),
            )
        )
    currency = reader.text(record, "currency", fields.currency)
    return ExpectedReturn(
        rma=rma,
        items=items,
        nshift_return_id=reader.text(record, "nshift_return_id", fields.nshift_return_id),
        forward_order_id=reader.text(record, "forward_order_id", fields.forward_order_id),
        market=(reader.text(record, "market", fields.market) or "").upper() or None,
        currency=currency.upper() if currency else None,
        tracking_numbers=reader.texts(record, "tracking_numbers", fields.tracking_numbers),
        problems=reader.problems,
    )

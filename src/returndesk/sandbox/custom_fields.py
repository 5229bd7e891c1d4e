"""What the sandbox's ReturnMate serves: documented fields, or an integrator's custom fields.

ReturnMate's API reference documents an RMA's ``id``, ``rma_number``, ``status``,
``order_number``, ``customer {email, name}``, ``items [sku, quantity, reason, notes]`` and
``created_at``; ``GET /v1/rmas/{id}`` adds ``shipments`` and ``timeline``. That is all the
sandbox serves by default.

Opted in (``SandboxConfig.custom_fields``, ``sandbox serve --custom-fields``, and the demo
station), it also plays **an example integrator** who keeps what the station needs in
ReturnMate's RMAs under ``metadata``: the nShift return id, market and currency on the RMA, and
each item's order item id, description, price, tax rate and GTIN. Nothing here is ReturnMate's;
every undocumented field name the station or the sandbox uses is spelled in this module only,
and :data:`DEMO_FIELDS` is the ``[returnmate.fields]`` mapping such an integrator would write.
"""

from __future__ import annotations

from typing import Any

#: the documented fields of an RMA in a list answer (and of its items)
DOCUMENTED_RMA = ("id", "rma_number", "status", "order_number", "customer", "created_at")
DOCUMENTED_ITEM = ("sku", "quantity", "reason", "notes")

#: the example integrator's object on RMAs and on items
METADATA = "metadata"

#: ``[returnmate.fields]`` for the example integrator (the demo station's settings)
DEMO_FIELDS: dict[str, str] = {
    "nshift_return_id": "metadata.nshift_return_id",
    "forward_order_id": "order_number",
    "market": "metadata.market",
    "currency": "metadata.currency",
    "tracking_numbers": "metadata.tracking_numbers",
    "item_description": "metadata.description",
    "item_unit_price": "metadata.unit_price",
    "item_tax_rate": "metadata.tax_rate",
    "item_gtin": "metadata.gtin",
    "item_order_item_id": "metadata.order_item_id",
    "item_return_item_id": "metadata.id",
    "item_product_id": "metadata.product_id",
    "item_product_variant_id": "metadata.product_variant_id",
}


def served_rma(
    record: dict[str, Any],
    timeline: list[dict[str, Any]],
    *,
    detail: bool,
    custom_fields: bool,
) -> dict[str, Any]:
    """The RMA as ReturnMate's API shows it, from the sandbox's own record."""
    served: dict[str, Any] = {key: record[key] for key in DOCUMENTED_RMA}
    served["items"] = []
    for item in record["items"]:
        shown = {key: item.get(key) for key in DOCUMENTED_ITEM}
        if custom_fields:
            shown[METADATA] = {
                key: item[key]
                for key in (
                    "id",
                    "order_item_id",
                    "description",
                    "unit_price",
                    "tax_rate",
                    "gtin",
                    "product_id",
                    "product_variant_id",
                )
            }
        served["items"].append(shown)
    if custom_fields:
        served[METADATA] = {
            "nshift_return_id": record["nshift_return_id"],
            "market": record["market_code"],
            "currency": record["currency"],
            "tracking_numbers": list(record["tracking_numbers"]),
        }
    if detail:
        served["shipments"] = [
            {
                "id": f"shp_{record['id']}_{n}",
                "direction": "return",
                "carrier": "ups" if code.startswith("1Z") else "dhl_freight",
                "tracking_number": code,
            }
            for n, code in enumerate(record["tracking_numbers"], start=1)
        ]
        served["timeline"] = timeline
    return served

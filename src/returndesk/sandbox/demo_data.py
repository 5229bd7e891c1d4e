"""Deterministic demo data: RMAs, their nShift returns, customers and their histories.

A :class:`DemoRma`'s ``record`` is the sandbox's own truth about a return, beyond what any one
vendor serves: ReturnMate's answer shows only its documented fields (or, opted in, the
example integrator's custom fields of :mod:`returndesk.sandbox.custom_fields`), and nShift's
Pull API shows its own view.

The same seed always gives the same data, so training material and tests can name RMAs.
Edge cases are listed in :data:`EDGE_CASES` for the demo guide and the tests.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from returndesk.core.gs1 import with_check_digit

SEED = 20261124
#: a fixed clock for the data; the sandbox's own clock is separate
BASE_TIME = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)

#: market -> (currency, tax rate); the same as the station's default markets
MARKETS = {
    "SE": ("SEK", Decimal("0.25")),
    "DE": ("EUR", Decimal("0.19")),
    "FI": ("EUR", Decimal("0.255")),
    "JP": ("JPY", Decimal("0.10")),
}

#: (sku, description, price in SEK, EUR, JPY)
PRODUCTS = [
    ("TEE-BLK-M", "Organic tee, black, M", "249.00", "24.95", "2900"),
    ("TEE-WHT-L", "Organic tee, white, L", "249.00", "24.95", "2900"),
    ("HOOD-GRY-S", "Hoodie, grey, S", "699.00", "69.95", "8900"),
    ("HOOD-NVY-XL", "Hoodie, navy, XL", "699.00", "69.95", "8900"),
    ("JEANS-32-32", "Slim jeans 32/32", "899.00", "89.00", "11900"),
    ("JEANS-34-30", "Slim jeans 34/30", "899.00", "89.00", "11900"),
    ("SNK-RUN-42", "Running shoe, EU 42", "1299.00", "129.00", "16500"),
    ("SNK-RUN-44", "Running shoe, EU 44", "1299.00", "129.00", "16500"),
    ("JKT-RAIN-M", "Rain jacket, M", "1499.00", "149.00", "19800"),
    ("SCARF-WOOL", "Wool scarf", "399.00", "39.00", "4900"),
    ("CAP-LOGO", "Logo cap", "199.00", "19.90", "2400"),
    ("SOCK-3PK", "Socks, 3-pack", "149.00", "14.90", "1800"),
    ("DRESS-LIN-38", "Linen dress, 38", "999.00", "99.00", "12800"),
    ("BAG-TOTE", "Canvas tote bag", "299.00", "29.90", "3600"),
    ("BELT-LTH-90", "Leather belt, 90 cm", "549.00", "54.90", "6800"),
    ("GLOVE-KNIT", "Knitted gloves", "229.00", "22.90", "2800"),
    ("SHIRT-OX-40", "Oxford shirt, 40", "599.00", "59.90", "7400"),
    ("SHORTS-CHN", "Chino shorts", "449.00", "44.90", "5600"),
]

CUSTOMERS = [
    ("anna.lindqvist@example.com", "Anna Lindqvist", "SE"),
    ("erik.johansson@example.com", "Erik Johansson", "SE"),
    ("sara.nilsson@example.com", "Sara Nilsson", "SE"),
    ("oskar.berg@example.com", "Oskar Berg", "SE"),
    ("lena.schmidt@example.com", "Lena Schmidt", "DE"),
    ("jonas.weber@example.com", "Jonas Weber", "DE"),
    ("mia.fischer@example.com", "Mia Fischer", "DE"),
    ("aino.virtanen@example.com", "Aino Virtanen", "FI"),
    ("mikko.korhonen@example.com", "Mikko Korhonen", "FI"),
    ("yuki.tanaka@example.com", "Yuki Tanaka", "JP"),
    ("haruto.sato@example.com", "Haruto Sato", "JP"),
    ("frequent.returner@example.com", "Frida Frekvent", "SE"),
]

REASONS = ["BAD_FIT", "DEFECTIVE", "NOT_AS_DESCRIBED", "CHANGED_MIND", "WRONG_ITEM"]
RECEIVABLE = ["approved", "label_issued", "in_transit"]


@dataclass
class DemoRma:
    record: dict[str, Any]
    #: nShift's view of the same return: "Not Processed" or "Processed"
    nshift_status: str
    nshift_item_ids: list[str]
    timeline: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class DemoData:
    rmas: dict[str, DemoRma]
    customers: dict[str, dict[str, Any]]
    unknown_codes: list[str]

    def by_rma_number(self, number: str) -> DemoRma | None:
        for rma in self.rmas.values():
            if rma.record["rma_number"] == number:
                return rma
        return None


#: what the demo guide and the tests can rely on (filled by :func:`build_demo_data`)
EDGE_CASES: dict[str, str] = {
    "RMA-2026-000003": "already processed at nShift: a submission is refused by the vendor",
    "RMA-2026-000007": "already received in ReturnMate (status received)",
    "RMA-2026-000011": "still a draft: not receivable yet",
    "RMA-2026-000013": "frequent returner (customer statistics hint)",
}


def _price(product: tuple[str, str, str, str, str], currency: str) -> Decimal:
    return Decimal({"SEK": product[2], "EUR": product[3], "JPY": product[4]}[currency])


def _gtin(index: int) -> str:
    return with_check_digit(f"735000{index:06d}")


def _sscc(serial: int) -> str:
    return with_check_digit(f"0735000{serial:010d}")


def build_demo_data(count: int = 48, seed: int = SEED) -> DemoData:
    rng = random.Random(seed)  # noqa: S311 - reproducible demo data, not secrets
    customers = {
        email: {
            "email": email,
            "name": name,
            "market": market,
            "past_returns": rng.randint(0, 4),
            "past_refunded": Decimal(0),
        }
        for email, name, market in CUSTOMERS
    }
    customers["frequent.returner@example.com"]["past_returns"] = 27
    rmas: dict[str, DemoRma] = {}
    for n in range(1, count + 1):
        email, name, market = CUSTOMERS[rng.randrange(len(CUSTOMERS) - 1)]
        if n == 13:
            email, name, market = CUSTOMERS[-1]
        currency, tax_rate = MARKETS[market]
        items: list[dict[str, Any]] = []
        for i in range(rng.randint(1, 6)):
            index = rng.randrange(len(PRODUCTS))
            product = PRODUCTS[index]
            items.append(
                {
                    "id": f"rmi_{n:03d}_{i + 1}",
                    "order_item_id": str(i + 1),
                    "sku": product[0],
                    "description": product[1],
                    "gtin": _gtin(index + 1),
                    "quantity": 2 if rng.random() < 0.1 else 1,
                    "reason": rng.choice(REASONS),
                    "notes": None,
                    "product_id": f"P{index + 1:04d}",
                    "product_variant_id": product[0].lower(),
                    "unit_price": _price(product, currency),
                    "tax_rate": tax_rate,
                }
            )
        status = RECEIVABLE[n % len(RECEIVABLE)]
        if n == 7:
            status = "received"
        if n == 11:
            status = "draft"
        created = BASE_TIME - timedelta(days=count - n, hours=rng.randint(0, 9))
        order_number = f"#{10000 + n * 7}"
        record: dict[str, Any] = {
            "id": f"rma_{n:04d}{rng.randrange(16**4):04x}",
            "rma_number": f"RMA-2026-{n:06d}",
            "status": status,
            "order_number": order_number,
            "customer": {"email": email, "name": name},
            "items": items,
            "created_at": created.isoformat().replace("+00:00", "Z"),
            "updated_at": created.isoformat().replace("+00:00", "Z"),
            "currency": currency,
            "market_code": market,
            "nshift_return_id": f"NSR{n:08d}",
            # nShift's numeric returnOrderId beside the id printed on the parcel (NSR…)
            "nshift_return_order_id": str(56300 + n),
            # nShift knows the return by its forward order: the shop's order number
            "forward_order_id": order_number,
            "tracking_numbers": [_sscc(n), f"1Z999AA1{n:010d}"],
        }
        processed = n in (3, 7)
        rmas[record["id"]] = DemoRma(
            record=record,
            nshift_status="Processed" if processed else "Not Processed",
            nshift_item_ids=[item["order_item_id"] for item in items],
        )
    unknown = [_sscc(999_001), "1Z999AA10000999999", "RMA-2026-999999"]
    return DemoData(rmas=rmas, customers=customers, unknown_codes=unknown)

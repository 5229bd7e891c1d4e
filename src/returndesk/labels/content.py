"""What a label says: a licence plate per accepted unit, and the RMA plate for the parcel.

A :class:`LabelData` is the whole of a label job's payload in the outbox, so a label printed
tomorrow (the printer was off) says what was decided today; how it is drawn (ZPL, PDF) is the
printer's business.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, replace
from datetime import datetime
from typing import Any, Literal

from returndesk.core.disposition import DispositionRules, ItemFacts, choose
from returndesk.core.plates import ITEM_PREFIX, RETURN_PREFIX, new_plate_id
from returndesk.core.return_case import ReturnCase

Mode = Literal["off", "item", "return"]


@dataclass(frozen=True, slots=True)
class LabelData:
    #: "item": a licence plate on one unit; "return": the RMA plate on the parcel
    kind: Literal["item", "return"]
    plate_id: str
    return_id: str
    rma_number: str | None
    station: str
    #: when the return was received (timezone-aware UTC, ISO 8601)
    received_at: str
    order_item_id: str | None = None
    sku: str = ""
    description: str = ""
    grade: str | None = None
    #: the disposition's label ("Restock") and its destination ("BIN-R1")
    disposition: str | None = None
    destination: str | None = None
    #: "1/2": which unit of the line this plate is on
    unit: str = ""
    #: the RMA plate: how many item plates the return got
    items: int = 0
    #: printed again at the operator's request (the plate id is the same)
    reprint: bool = False

    @property
    def title(self) -> str:
        """The line in the largest type: where the item goes, or the RMA number."""
        if self.kind == "return":
            return self.rma_number or self.return_id
        return (self.disposition or "—").upper()

    def received_local(self) -> str:
        stamp = datetime.fromisoformat(self.received_at)
        return stamp.astimezone().strftime("%Y-%m-%d %H:%M")

    def as_payload(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> LabelData:
        known = set(cls.__dataclass_fields__)
        unknown = sorted(set(payload) - known)
        if unknown:
            raise ValueError(f"a label job with unknown fields: {', '.join(unknown)}")
        try:
            return cls(**payload)
        except TypeError as exc:
            raise ValueError(f"a label job is incomplete: {exc}") from None

    def again(self) -> LabelData:
        return replace(self, reprint=True)


def labels_for(
    case: ReturnCase,
    mode: Mode,
    *,
    station: str,
    received_at: datetime,
    new_id: Callable[[str], str] = new_plate_id,
) -> list[LabelData]:
    """The labels a submission prints: one plate per accepted unit (``item`` mode), then the
    parcel's RMA plate (``item`` and ``return`` modes); none when off."""
    if mode == "off":
        return []
    if received_at.tzinfo is None:
        raise ValueError("received_at must be timezone-aware")
    # the RMA plate; each item plate is this with the item's fields
    parcel = LabelData(
        kind="return",
        plate_id=new_id(RETURN_PREFIX),
        return_id=case.return_id,
        rma_number=case.rma_number,
        station=station,
        received_at=received_at.isoformat(),
    )
    labels = []
    if mode == "item":
        for line in case.lines:
            if not (line.present and line.accepted):
                continue
            route = case.route(line)
            units = max(min(line.units, line.expected_qty), 1)
            for unit in range(1, units + 1):
                labels.append(
                    replace(
                        parcel,
                        kind="item",
                        plate_id=new_id(ITEM_PREFIX),
                        order_item_id=line.order_item_id,
                        sku=line.sku,
                        description=line.description,
                        grade=line.grade,
                        disposition=route.disposition.label if route else None,
                        destination=route.disposition.destination if route else None,
                        unit=f"{unit}/{units}",
                    )
                )
    labels.append(replace(parcel, items=len(labels)))
    return labels


#: the plate of the test label: a valid plate id no return ever gets (all zeros is not random)
TEST_PLATE = "LP0000000000"


def test_label(rules: DispositionRules, *, station: str, now: datetime) -> LabelData:
    """A label like a real one (the first grade and where the rules send it), for the
    Settings preview and *Print test label*."""
    grade = rules.grades[0].code
    route = choose(rules, ItemFacts(accepted=True, grade=grade)).disposition
    return LabelData(
        kind="item",
        plate_id=TEST_PLATE,
        return_id="TEST",
        rma_number="RMA-TEST",
        station=station,
        received_at=now.isoformat(),
        order_item_id="1",
        sku="TEST-LABEL",
        description="Test label",
        grade=grade,
        disposition=route.label,
        destination=route.destination,
        unit="1/1",
    )

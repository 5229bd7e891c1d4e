"""A return being received: its lines, the operator's decisions and the refund amounts.

One line is one item of the nShift return (one ``forwardOrderItemId``). A line whose order
item had a quantity above one stays one line: nShift counts items, and its ``isPresent`` is a
yes/no per item. The operator decides the line; the refund defaults to the unit price times the
units scanned (at most the expected quantity) and can be edited.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from returndesk.core.money import Amounts, MoneyError, check_amount

if TYPE_CHECKING:
    from returndesk.core.ai_advice import Verdict


class CaseSource(StrEnum):
    RMA = "rma"
    #: received without an RMA: manual lines, flagged in history and in the ReturnMate note
    MANUAL = "manual"


#: the return id of a case received without an RMA (nShift knows nothing of it)
UNMATCHED_PREFIX = "MANUAL-"


@dataclass
class ReturnLine:
    order_item_id: str
    sku: str
    description: str
    expected_qty: int
    unit_gross: Decimal
    gtin: str | None = None
    return_item_id: str | None = None
    product_id: str | None = None
    product_variant_id: str | None = None
    reason_code: str | None = None
    condition_code: str | None = None
    scanned_qty: int = 0
    #: None means "not decided yet"; the submission refuses undecided lines
    present: bool | None = None
    accepted: bool | None = None
    #: set when the operator typed an amount; otherwise the default refund applies
    amounts_override: Amounts | None = None
    #: added by the operator on a case received without an RMA: nothing was expected
    manual: bool = False

    def default_gross(self) -> Decimal:
        units = min(max(self.scanned_qty, 1 if self.present else 0), self.expected_qty)
        return self.unit_gross * units


@dataclass
class Problem:
    """A reason the case cannot be submitted, tied to a line where there is one."""

    message: str
    order_item_id: str | None = None


@dataclass
class ReturnCase:
    return_id: str
    forward_order_id: str
    currency: str
    tax_rate: Decimal
    lines: list[ReturnLine]
    market_code: str | None = None
    alt_order_ids: list[tuple[str, str]] = field(default_factory=list)
    rma_id: str | None = None
    rma_number: str | None = None
    source: CaseSource = CaseSource.RMA
    #: per order item: what the operator did with WM Tech's advice (see core.ai_advice)
    verdicts: dict[str, Verdict] = field(default_factory=dict)

    def line(self, order_item_id: str) -> ReturnLine:
        for line in self.lines:
            if line.order_item_id == order_item_id:
                return line
        raise KeyError(order_item_id)

    @property
    def sent_to_nshift(self) -> bool:
        """False for a case received without an RMA: it is kept in history only."""
        return self.source is CaseSource.RMA

    def add_manual_line(self, code: str) -> ReturnLine:
        """Count an item on a case without an RMA: a new line, or one more of the same code.

        Only a manual case takes new lines; on an RMA an unknown item stays *unexpected*.
        """
        if self.source is not CaseSource.MANUAL:
            raise ValueError("only a return received without an RMA takes new lines")
        sku = code.strip().upper()
        if not sku:
            raise ValueError("an item needs its code or SKU")
        for line in self.lines:
            if line.sku == sku:
                line.expected_qty += 1
                line.scanned_qty += 1
                return line
        line = ReturnLine(
            order_item_id=f"M{len(self.lines) + 1}",
            sku=sku,
            description="",
            expected_qty=1,
            unit_gross=Decimal(0),
            gtin=sku if sku.isdigit() else None,
            scanned_qty=1,
            present=True,
            accepted=True,
            manual=True,
        )
        self.lines.append(line)
        return line

    def decide(self, order_item_id: str, *, present: bool, accepted: bool) -> None:
        line = self.line(order_item_id)
        line.present = present
        line.accepted = accepted and present
        if not line.accepted:
            line.amounts_override = None

    def set_gross(self, order_item_id: str, gross: Decimal) -> Amounts:
        amounts = Amounts.from_gross(gross, self.tax_rate, self.currency)
        self.line(order_item_id).amounts_override = amounts
        return amounts

    def set_net(self, order_item_id: str, net: Decimal) -> Amounts:
        amounts = Amounts.from_net(net, self.tax_rate, self.currency)
        self.line(order_item_id).amounts_override = amounts
        return amounts

    def refund(self, line: ReturnLine) -> Amounts:
        """What this line refunds: zero unless present and accepted."""
        if not (line.present and line.accepted):
            return Amounts.zero(self.currency)
        if line.amounts_override is not None:
            return line.amounts_override
        return Amounts.from_gross(
            check_amount(line.default_gross(), self.currency), self.tax_rate, self.currency
        )

    def total_refund(self) -> Decimal:
        return sum((self.refund(line).gross for line in self.lines), Decimal(0))

    def accepted_count(self) -> int:
        return sum(1 for line in self.lines if line.present and line.accepted)

    def problems(self) -> list[Problem]:
        found: list[Problem] = []
        if not self.lines:
            found.append(Problem("the return has no items"))
        for line in self.lines:
            if line.present is None or (line.present and line.accepted is None):
                found.append(Problem("not decided yet", line.order_item_id))
                continue
            try:
                self.refund(line)
            except MoneyError as exc:
                found.append(Problem(str(exc), line.order_item_id))
                continue
            if line.manual and line.accepted and line.amounts_override is None:
                # nothing says what it cost: the operator types the refund, even if it is 0
                found.append(Problem("enter its refund (net or gross)", line.order_item_id))
        return found

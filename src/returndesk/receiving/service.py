"""Receiving: look a parcel up, and submit what the operator decided.

Both run on a worker thread (the UI's background task), never on the GUI thread: a lookup
may reach ReturnMate, and a submission writes SQLite with full durability.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from returndesk.cache.expected_returns import ExpectedReturnsCache
from returndesk.core.ai_advice import disagrees
from returndesk.core.codes import CodeKind, ParcelCode, classify
from returndesk.core.return_case import CaseSource, ReturnCase
from returndesk.core.wms_builder import CaseNotReady, build_wms_update
from returndesk.outbox.model import Capture, Counts, Kind, NewItem
from returndesk.outbox.store import OutboxStore
from returndesk.receiving.manual_case import ManualCaseError, manual_case
from returndesk.settings.model import Settings
from returndesk.vendors.errors import VendorError
from returndesk.vendors.returnmate import ReturnMateClient, Rma, RmaFilter

#: from this many returns on, the operator sees a "frequent returner" hint
FREQUENT_RETURNER = 10


@dataclass(frozen=True, slots=True)
class CustomerHint:
    """What the screen says of the customer (the UI words it in the station's language)."""

    total_returns: int
    #: per cent of the customer's orders returned
    return_rate: Decimal
    frequent: bool


@dataclass
class Lookup:
    code: ParcelCode
    matches: list[Rma] = field(default_factory=list)
    #: "cache" or "returnmate"; None when nothing matched
    source: str | None = None
    #: why ReturnMate could not be asked (offline, refused), for the operator
    problem: str | None = None
    #: return ids among the matches that this station already submitted
    already_submitted: set[str] = field(default_factory=set)


class ReceivingService:
    def __init__(
        self,
        settings: Settings,
        store: OutboxStore,
        cache: ExpectedReturnsCache,
        returnmate: ReturnMateClient,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._settings = settings
        self._store = store
        self._cache = cache
        self._returnmate = returnmate
        self._clock = clock

    def lookup(self, raw: str) -> Lookup:
        """Cache first, then ReturnMate; raises ``CodeError`` for input that is no code."""
        result = Lookup(classify(raw, self._settings.scanner.parse.code_patterns()))
        result.matches = self._cache.find(result.code.text)
        if result.matches:
            result.source = "cache"
        else:
            try:
                result.matches = self._ask_returnmate(result.code)
            except VendorError as exc:
                result.problem = str(exc)
            if result.matches:
                result.source = "returnmate"
                self._cache.upsert(result.matches)
        for rma in result.matches:
            if rma.nshift_return_id and self._store.history_for_return(rma.nshift_return_id):
                result.already_submitted.add(rma.nshift_return_id)
        return result

    def _ask_returnmate(self, code: ParcelCode) -> list[Rma]:
        # ReturnMate documents only an order-number filter; other kinds come from the cache
        if CodeKind.ORDER in code.kinds:
            page = self._returnmate.list_rmas(RmaFilter(order_number=code.text))
            return page.rmas
        return []

    def customer_hint(self, email: str) -> CustomerHint | None:
        """The customer's return history for the operator; None when ReturnMate can't say."""
        try:
            stats = self._returnmate.customer_stats(email)
        except VendorError:
            return None
        return CustomerHint(
            stats.total_returns, stats.return_rate, stats.total_returns >= FREQUENT_RETURNER
        )

    def start_manual(self, code: str, *, order_number: str, market_code: str | None) -> ReturnCase:
        """A case without an RMA for the parcel ``code``; refused if already received."""
        case = manual_case(
            classify(code, self._settings.scanner.parse.code_patterns()),
            order_number=order_number,
            market_code=market_code,
            settings=self._settings,
        )
        earlier = self._store.history_for_return(case.return_id)
        if earlier:
            when = earlier[-1]["captured_at"].astimezone().strftime("%Y-%m-%d %H:%M")
            raise ManualCaseError(
                f"{case.return_id} was already received at this station ({when}); "
                "it is not received twice"
            )
        return case

    def counts(self) -> Counts:
        return self._store.counts()

    def submit(self, case: ReturnCase, *, operator: str | None) -> str:
        """One transaction: the history row, the wms-update and the ReturnMate updates.

        A case without an RMA goes into history only (flagged by its source): there is no
        vendor record to update.
        """
        items = []
        if case.sent_to_nshift:
            update = build_wms_update(case, self._clock())
            items.append(NewItem(Kind.WMS_UPDATE, update.to_wire()))
        elif problems := case.problems():
            raise CaseNotReady(problems)
        rm = self._settings.returnmate
        if case.rma_id and rm.received_status:
            items.append(
                NewItem(Kind.RMA_STATUS, {"rma_id": case.rma_id, "status": rm.received_status})
            )
        if case.rma_id and rm.add_inspection_note:
            items.append(
                NewItem(
                    Kind.RMA_NOTE,
                    {
                        "rma_id": case.rma_id,
                        "internal": True,
                        "content": inspection_note(case, operator, self._settings),
                    },
                )
            )
        history_id, _ = self._store.capture(
            Capture(
                return_id=case.return_id,
                source=case.source.value,
                summary=case_summary(case),
                rma_id=case.rma_id,
                rma_number=case.rma_number,
                operator=operator,
            ),
            items,
        )
        return history_id


def case_summary(case: ReturnCase) -> dict[str, Any]:
    """What history keeps of a received return (amounts stay exact)."""
    return {
        "return_id": case.return_id,
        "rma_number": case.rma_number,
        "source": case.source.value,
        "forward_order_id": case.forward_order_id,
        "alt_order_ids": [list(pair) for pair in case.alt_order_ids],
        "currency": case.currency,
        "tax_rate": case.tax_rate,
        "total_refund": case.total_refund(),
        "accepted": case.accepted_count(),
        "lines": [
            {
                "order_item_id": line.order_item_id,
                "sku": line.sku,
                "description": line.description,
                "manual": line.manual,
                "expected_qty": line.expected_qty,
                "scanned_qty": line.scanned_qty,
                "present": line.present,
                "accepted": line.accepted,
                "reason_code": line.reason_code,
                "condition_code": line.condition_code,
                "gross": case.refund(line).gross,
                **_ai_record(case, line.order_item_id),
            }
            for line in case.lines
        ],
    }


def _ai_record(case: ReturnCase, order_item_id: str) -> dict[str, Any]:
    """The advice and what the operator did with it; nothing when no advice was shown."""
    verdict = case.verdicts.get(order_item_id)
    if verdict is None:
        return {}
    return {
        "ai": {
            "advice": verdict.advice.as_record(),
            "action": verdict.action,
            "override_reason": verdict.override_reason,
            "disagrees": disagrees(case, order_item_id, verdict.advice),
        }
    }


def inspection_note(case: ReturnCase, operator: str | None, settings: Settings) -> str:
    missing = [line.sku for line in case.lines if line.present is False]
    rejected = [line.sku for line in case.lines if line.present and not line.accepted]
    parts = [
        f"Received at {settings.station.name} by {operator or 'unknown operator'}:",
        f"{case.accepted_count()} of {len(case.lines)} items accepted,",
        f"refund {case.total_refund()} {case.currency}.",
    ]
    if case.source is CaseSource.MANUAL:
        parts.insert(0, "RECEIVED WITHOUT RMA.")
    if missing:
        parts.append("Missing: " + ", ".join(missing) + ".")
    if rejected:
        parts.append("Rejected: " + ", ".join(rejected) + ".")
    return " ".join(parts)

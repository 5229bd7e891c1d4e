"""Receiving: look a parcel up, and submit what the operator decided.

Both run on a worker thread (the UI's background task), never on the GUI thread: a lookup
may reach ReturnMate, and a submission writes SQLite with full durability.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from returndesk.cache.expected_returns import ExpectedReturnsCache
from returndesk.core.codes import CodeKind, ParcelCode, classify
from returndesk.core.operator_text import Say
from returndesk.core.return_case import ReturnCase
from returndesk.core.wms_builder import CaseNotReady, build_wms_update
from returndesk.labels.content import labels_for
from returndesk.outbox.model import THEN, Capture, Counts, Kind, NewItem
from returndesk.outbox.store import OutboxStore
from returndesk.receiving.case_from_rma import case_from_rma, missing_at_nshift
from returndesk.receiving.join import Join, NotReceivable, find_join
from returndesk.receiving.manual_case import ManualCaseError, manual_case
from returndesk.receiving.set_aside import set_aside
from returndesk.receiving.summaries import case_summary, inspection_note
from returndesk.settings.model import JoinSource, Settings
from returndesk.vendors.errors import NotFound, VendorError
from returndesk.vendors.nshift import NShiftClient
from returndesk.vendors.returnmate import ReturnMateClient, Rma, RmaFilter
from returndesk.vendors.rma_fields import ExpectedReturn, read_rma

if TYPE_CHECKING:
    from returndesk.fleet.desk import FleetDesk

log = logging.getLogger(__name__)

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
    #: one match, opened: the case the operator works on
    case: ReturnCase | None = None
    #: one match that cannot be received; what ReturnMate, nShift or this station says
    refusal: str | None = None
    #: one match whose nShift return no source found: the operator scans its id
    awaiting_return_id: ExpectedReturn | None = None
    #: the RMA's status could not be re-read (offline): the cache's copy is from then
    status_as_of: datetime | None = None
    #: what the mapping and the join noticed (logged; shown where it explains a refusal)
    notes: list[str] = field(default_factory=list)
    #: RMA items nShift's return does not have (shown, never sent)
    not_at_nshift: list[str] = field(default_factory=list)


class ReceivingService:
    def __init__(
        self,
        settings: Settings,
        store: OutboxStore,
        cache: ExpectedReturnsCache,
        returnmate: ReturnMateClient,
        *,
        nshift: NShiftClient | None = None,
        fleet: FleetDesk | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._settings = settings
        #: the fleet's leases and ledger; None: a station on its own
        self.fleet = fleet
        #: who opens returns now (named in the lease another station sees)
        self.operator: str | None = None
        self._store = store
        self._cache = cache
        self._returnmate = returnmate
        self._nshift = nshift
        self._clock = clock

    def lookup(self, code: ParcelCode | str, *, awaiting: ExpectedReturn | None = None) -> Lookup:
        """Cache first, then ReturnMate; one match is opened at once (see :meth:`_open`).

        ``code``: a scan as the router classified it (never classified again), or text typed
        or named elsewhere (a reopened RMA), classified here.
        ``awaiting``: an RMA whose nShift return id the operator was asked to scan; a scanned
        nShift return id completes it, any other code is looked up as usual.
        Raises ``CodeError`` for input that is no code.
        """
        if isinstance(code, str):
            code = classify(code, self._settings.scanner.parse.code_patterns())
        result = Lookup(code)
        if awaiting is not None and CodeKind.NSHIFT_RETURN in result.code.kinds:
            return self.with_return_id(awaiting, code.text)
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
        if len(result.matches) == 1:
            self._open(result, result.matches[0])
        return result

    def _ask_returnmate(self, code: ParcelCode) -> list[Rma]:
        # ReturnMate documents only an order-number filter; other kinds come from the cache
        if CodeKind.ORDER in code.kinds:
            page = self._returnmate.list_rmas(RmaFilter(order_number=code.text))
            return page.rmas
        return []

    def _open(self, result: Lookup, rma: Rma) -> None:
        """Re-read the RMA, refuse what is not receivable, join it to nShift, build the case."""
        fields = self._settings.returnmate.fields
        earlier = self._store.submission_of(rma_id=rma.id)
        if earlier is not None:
            result.refusal = self._submitted_here(rma.rma_number, earlier)
            return
        try:
            # the list's items may be abbreviated, and shipments come only with the details
            rma = self._returnmate.get_rma(rma.id)
        except NotFound:
            self._cache.remove(rma.id)
            result.refusal = Say(
                "{rma} is no longer in ReturnMate; it cannot be received", rma=rma.rma_number
            )
            return
        except VendorError as exc:
            result.status_as_of = self._cache.fetched_at(rma.id) or self._clock()
            result.notes.append(f"ReturnMate could not be asked: {exc}")
        else:
            self._cache.upsert([rma])
        if rma.status not in self._settings.returnmate.receivable_statuses:
            self._cache.remove(rma.id)
            result.refusal = self._not_receivable(rma)
            return
        expected = read_rma(rma, fields)
        result.notes += expected.problems
        try:
            attempt = find_join(expected, self._settings, self._nshift, now=self._clock())
        except NotReceivable as exc:
            result.refusal = str(exc)
            return
        result.notes += attempt.notes
        for note in result.notes:
            log.info("opening %s: %s", rma.rma_number, note)
        if attempt.join is None:
            result.awaiting_return_id = expected
            return
        self._build(result, expected, attempt.join)

    def with_return_id(self, expected: ExpectedReturn, code: str) -> Lookup:
        """The operator scanned the nShift return id from the parcel: open the case with it."""
        parcel = classify(code, self._settings.scanner.parse.code_patterns())
        result = Lookup(parcel, matches=[expected.rma], source="scan")
        if CodeKind.NSHIFT_RETURN not in parcel.kinds:
            result.refusal = Say(
                "{code} is not an nShift return id; scan the nShift label on the parcel",
                code=parcel.text,
            )
            return result
        if not expected.forward_order_id:
            result.refusal = Say(
                "{rma}: the RMA names no forward order ([returnmate.fields] forward_order_id)",
                rma=expected.rma.rma_number,
            )
            return result
        join = Join(parcel.text, expected.forward_order_id, JoinSource.SCAN)
        self._build(result, expected, join)
        return result

    def _build(self, result: Lookup, expected: ExpectedReturn, join: Join) -> None:
        earlier = self._store.submission_of(return_id=join.return_id)
        if earlier is not None:
            result.refusal = self._submitted_here(expected.rma.rma_number, earlier)
            return
        try:
            result.case = case_from_rma(expected, join, self._settings)
        except NotReceivable as exc:
            result.refusal = str(exc)
            return
        if self.fleet is not None:
            refusal = self.fleet.open(join.return_id, expected.rma.rma_number, self.operator)
            if refusal is not None:
                result.case, result.refusal = None, refusal
                return
        result.not_at_nshift = missing_at_nshift(expected, join)

    def _submitted_here(self, rma_number: str, earlier: dict[str, Any]) -> Say:
        when = earlier["captured_at"].astimezone().strftime("%Y-%m-%d %H:%M")
        return Say(
            "{rma} was already submitted from this station ({when}); it is not processed twice",
            rma=rma_number,
            when=when,
        )

    def _not_receivable(self, rma: Rma) -> Say:
        """What ReturnMate says of an RMA that left the receivable states."""
        changed = _status_changed_at(rma)
        if rma.status == self._settings.returnmate.received_status:
            if changed is not None:
                return Say(
                    "{rma} was received on {when} (ReturnMate says {status}), at another "
                    "station or by hand; it is not received twice",
                    rma=rma.rma_number,
                    when=changed.astimezone().strftime("%Y-%m-%d %H:%M"),
                    status=rma.status,
                )
            return Say(
                "{rma} is already {status} in ReturnMate; it is not received twice",
                rma=rma.rma_number,
                status=rma.status,
            )
        return Say(
            "{rma} is {status} in ReturnMate, not receivable; keep the parcel aside for "
            "customer service",
            rma=rma.rma_number,
            status=rma.status,
        )

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
        if self.fleet is not None:
            elsewhere = self.fleet.received_elsewhere(case.return_id, case.return_id)
            if elsewhere is not None:
                raise ManualCaseError(elsewhere)
        return case

    def set_aside(self, code: str, reason: str, *, operator: str | None) -> str:
        """The parcel goes on the exceptions shelf, recorded in History (see set_aside)."""
        return set_aside(self._store, code, reason, operator=operator)

    def counts(self) -> Counts:
        return self._store.counts()

    def close(self, case: ReturnCase) -> None:
        """The operator left the Items screen without submitting: the lease is given back."""
        if self.fleet is not None:
            self.fleet.close(case.return_id)

    def renew_leases(self) -> list[str]:
        """Renew the leases of what is open here; what was taken over meanwhile, said."""
        return [] if self.fleet is None else list(self.fleet.renew())

    def submit(self, case: ReturnCase, *, operator: str | None, anyway: bool = False) -> str:
        """One transaction: the history row and the wms-update, carrying what follows it.

        ReturnMate is told "received" (and gets the inspection note) only once nShift has
        accepted the wms-update: those items ride in the wms-update's ``then`` and are queued
        in the transaction that records it as sent. A refused wms-update tells ReturnMate
        nothing; the return can be corrected and submitted again.
        A case without an RMA goes into history only (flagged by its source), with its
        ReturnMate items, if any, queued at once: there is no nShift return to wait for.
        ``case`` should be a snapshot (:func:`copy.deepcopy`): it is read on this thread.
        In a fleet, a return whose lease another station took over meanwhile raises
        :class:`~returndesk.fleet.desk.TakenOver` unless submitted ``anyway``.
        """
        if self.fleet is not None:
            self.fleet.before_submit(case.return_id, anyway=anyway)
        follow_ups = self._returnmate_items(case, operator)
        received_at = self._clock()
        labels = labels_for(
            case,
            self._settings.labels.print,
            station=self._settings.station.name,
            received_at=received_at,
        )
        items = []
        if case.sent_to_nshift:
            update = build_wms_update(case, received_at)
            items.append(
                NewItem(
                    Kind.WMS_UPDATE,
                    {
                        **update.to_wire(),
                        THEN: [{"kind": i.kind.value, **i.payload} for i in follow_ups],
                    },
                )
            )
        elif problems := case.problems():
            raise CaseNotReady(problems)
        else:
            items = follow_ups
        # labels print at once, whatever nShift says later: the item is on the bench now
        items += [NewItem(Kind.LABEL, label.as_payload()) for label in labels]
        summary = case_summary(case)
        summary["plates"] = [
            {"plate_id": x.plate_id, "kind": x.kind, "order_item_id": x.order_item_id}
            for x in labels
        ]
        history_id, _ = self._store.capture(
            Capture(
                return_id=case.return_id,
                source=case.source.value,
                summary=summary,
                rma_id=case.rma_id,
                rma_number=case.rma_number,
                operator=operator,
            ),
            items,
        )
        if self.fleet is not None:
            entry = self._store.history_entry(history_id)
            if entry is not None:
                self.fleet.submitted(case.return_id, {**entry, "rma_id": case.rma_id})
        return history_id

    def _returnmate_items(self, case: ReturnCase, operator: str | None) -> list[NewItem]:
        rm = self._settings.returnmate
        items = []
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
        return items


def _status_changed_at(rma: Rma) -> datetime | None:
    """When the RMA's timeline says it entered its present status, where it says so."""
    for event in reversed(rma.timeline):
        if event.get("status") == rma.status:
            stamp = event.get("at") or event.get("created_at")
            if isinstance(stamp, str):
                try:
                    parsed = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
                except ValueError:
                    return None
                return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return None

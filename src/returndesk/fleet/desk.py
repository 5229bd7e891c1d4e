"""The fleet at the receiving bench: a return is opened here only if no other station has it
open or received it, its lease is held while the Items screen is open, and a lease taken over
meanwhile is said before the return is submitted. On the receiving thread.

The database away never stops a parcel: the return opens unleased (logged; the header says
the fleet is away) and nShift's "Not Processed" rule stays the last guard.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from returndesk.core.operator_text import Say
from returndesk.fleet import ledger
from returndesk.fleet.database import FleetDatabase
from returndesk.fleet.errors import FleetUnavailable, TakenOver
from returndesk.fleet.leases import Lease, LeaseHeld, LeaseLost, Leases

log = logging.getLogger(__name__)


def _at(moment: datetime) -> str:
    return moment.astimezone().strftime("%H:%M")


def _day_at(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _who(station: str, operator: str | None) -> str:
    return f"{station} ({operator})" if operator else station


class FleetDesk:
    def __init__(self, db: FleetDatabase, lease_seconds: int) -> None:
        self.db = db
        self._leases = Leases(db, lease_seconds)
        #: the leases held here, and the RMA number each is said by
        self._held: dict[str, tuple[Lease, str]] = {}

    @property
    def station(self) -> str:
        return self.db.station

    def open(self, return_id: str, rma_number: str | None, operator: str | None) -> Say | None:
        """Take the return's lease; the refusal to show when it is received or open
        elsewhere, else None (also when the database is away: the return opens unleased)."""
        shown = rma_number or return_id
        try:
            received = self._received_elsewhere(return_id, shown)
            if received is not None:
                return received
            self._held[return_id] = (self._leases.take(return_id, operator), shown)
        except LeaseHeld as held:
            holder = held.holder
            return Say(
                "{rma} is open at {who} since {since}; it opens here once it is submitted or "
                "closed there, or after {until} if that station stops",
                rma=shown,
                who=_who(holder.station, holder.operator),
                since=_at(holder.opened_at),
                until=_at(holder.expires_at),
            )
        except FleetUnavailable as exc:
            log.warning("%s opened without a lease: %s", shown, exc)
        return None

    def received_elsewhere(self, return_id: str, shown: str) -> Say | None:
        """Where the ledger has this return received at another station (a parcel received
        without an RMA, which is never leased); None also when the database is away."""
        try:
            return self._received_elsewhere(return_id, shown)
        except FleetUnavailable as exc:
            log.warning("%s not checked in the fleet's ledger: %s", shown, exc)
            return None

    def _received_elsewhere(self, return_id: str, shown: str) -> Say | None:
        receipts = [
            r for r in ledger.receipts_of(self.db, return_id=return_id) if r.station != self.station
        ]
        if not receipts:
            return None
        first = receipts[-1]
        return Say(
            "{rma} was already received at {station} on {when} by {operator}; it is "
            "not received twice",
            rma=shown,
            station=first.station,
            when=_day_at(first.received_at),
            operator=first.operator or "—",
        )

    def renew(self) -> list[Say]:
        """Renew every lease held here; what was lost meanwhile, said."""
        lost = []
        for return_id, (lease, shown) in list(self._held.items()):
            try:
                self._held[return_id] = (self._leases.renew(lease), shown)
            except LeaseLost as exc:
                del self._held[return_id]
                lost.append(self._taken(exc, shown))
            except FleetUnavailable as exc:
                log.info("lease of %s not renewed: %s", return_id, exc)
                break  # the database is away: the others would fail too
        return lost

    def before_submit(self, return_id: str, *, anyway: bool = False) -> None:
        """Raises :class:`TakenOver` when the lease is no longer this station's, unless the
        operator, told so, submits ``anyway``."""
        held = self._held.get(return_id)
        if held is None or anyway:
            return
        lease, shown = held
        try:
            self._leases.confirm(lease)
        except LeaseLost as exc:
            del self._held[return_id]  # said now; the renewals say it no more
            raise TakenOver(self._taken(exc, shown)) from None
        except FleetUnavailable as exc:
            log.warning("lease of %s not confirmed before submitting: %s", return_id, exc)

    def submitted(self, return_id: str, entry: dict[str, Any]) -> None:
        """The return is received: into the ledger at once, and its lease given back (the
        station's ledger catch-up repeats the receipt if the database is away now)."""
        try:
            ledger.record(self.db, entry)
        except FleetUnavailable as exc:
            log.info("receipt of %s waits for the fleet database: %s", return_id, exc)
        self.close(return_id)

    def close(self, return_id: str) -> None:
        """Esc on the Items screen, or submitted: the lease is given back."""
        held = self._held.pop(return_id, None)
        if held is None:
            return
        try:
            self._leases.release(held[0])
        except FleetUnavailable as exc:
            log.info("lease of %s runs out by itself: %s", return_id, exc)

    @staticmethod
    def _taken(exc: LeaseLost, shown: str) -> Say:
        holder = exc.holder
        if holder is None:
            return Say(
                "{rma}: this station's lease ran out and was given back elsewhere; check "
                "History before submitting again",
                rma=shown,
            )
        return Say(
            "{rma} was taken over by {who} at {since} after this station's lease ran out; "
            "press Submit again only if this parcel is really here",
            rma=shown,
            who=_who(holder.station, holder.operator),
            since=_at(holder.opened_at),
        )

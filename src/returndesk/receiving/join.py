"""The join this product exists to make: which nShift return a ReturnMate RMA is.

ReturnMate documents no nShift field, so the station tries the sources the settings name
(``[receiving] join_sources``), in order:

* ``mapping``: the ``[returnmate.fields] nshift_return_id`` mapping names a field of the RMA;
* ``nshift``: nShift's Pull API lists the return orders of the RMA's forward order; the
  unprocessed one is the return, with its own item ids. A return nShift has only as processed
  is refused here, before the operator works on the parcel;
* ``scan``: the operator scans the nShift return id from the parcel.

Runs on a worker thread: the Pull API is a network call.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from returndesk.core.operator_text import Say
from returndesk.settings.model import JoinSource, Settings
from returndesk.vendors.errors import VendorError
from returndesk.vendors.nshift import NShiftClient, ReturnOrder, ReturnOrderItem
from returndesk.vendors.rma_fields import ExpectedItem, ExpectedReturn

log = logging.getLogger(__name__)


class NotReceivable(ValueError):
    """The RMA cannot become an nShift wms-update; the message says why."""


@dataclass(frozen=True, slots=True)
class Join:
    return_id: str
    forward_order_id: str
    source: JoinSource
    #: nShift's items, when nShift was asked; the case's lines are exactly these
    nshift_items: tuple[ReturnOrderItem, ...] = ()
    market_code: str | None = None
    currency: str | None = None


@dataclass
class JoinAttempt:
    """What the sources found: a join, or why not (for the operator and the log)."""

    join: Join | None = None
    #: no source found the return, and the operator may scan its id
    ask_for_scan: bool = False
    notes: list[str] = field(default_factory=list)


def find_join(
    expected: ExpectedReturn,
    settings: Settings,
    nshift: NShiftClient | None,
    *,
    now: datetime | None = None,
) -> JoinAttempt:
    """Try each join source in order; raises :class:`NotReceivable` for a processed return."""
    attempt = JoinAttempt()
    rma = expected.rma
    for source in settings.receiving.join_sources:
        if source is JoinSource.MAPPING:
            if expected.nshift_return_id and expected.forward_order_id:
                attempt.join = Join(
                    expected.nshift_return_id, expected.forward_order_id, JoinSource.MAPPING
                )
                return attempt
            if settings.returnmate.fields.nshift_return_id:
                attempt.notes.append(
                    f"{rma.rma_number}: the mapped nShift return id is not in the RMA"
                )
        elif source is JoinSource.NSHIFT:
            if nshift is None or not expected.forward_order_id:
                continue
            try:
                orders = _orders_for(expected, settings, nshift, now or datetime.now(UTC))
            except VendorError as exc:
                attempt.notes.append(f"nShift could not be asked: {exc}")
                continue
            join = _pick(orders, expected, settings)
            if join is not None:
                attempt.join = join
                return attempt
            attempt.notes.append(f"nShift lists no return for order {expected.forward_order_id}")
        elif source is JoinSource.SCAN:
            attempt.ask_for_scan = True
            return attempt
    if attempt.join is None and not attempt.ask_for_scan:
        raise NotReceivable(
            Say(
                "{rma}: no nShift return was found ({why}); receive it without an RMA (F8)",
                rma=rma.rma_number,
                why="; ".join(attempt.notes) or "no join source is configured",
            )
        )
    return attempt


def _orders_for(
    expected: ExpectedReturn, settings: Settings, nshift: NShiftClient, now: datetime
) -> list[ReturnOrder]:
    created = expected.rma.created_at or now
    window = timedelta(days=settings.nshift.pull_window_days)
    orders = nshift.return_orders(created_after=created - window)
    wanted = (expected.forward_order_id or "").strip().casefold()
    return [o for o in orders if (o.order_id or "").strip().casefold() == wanted]


def _pick(orders: list[ReturnOrder], expected: ExpectedReturn, settings: Settings) -> Join | None:
    if not orders:
        return None
    unprocessed = {s.casefold() for s in settings.nshift.unprocessed_statuses}
    open_orders = [o for o in orders if (o.status or "").casefold() in unprocessed]
    if not open_orders:
        statuses = ", ".join(sorted({o.status or "no status" for o in orders}))
        raise NotReceivable(
            Say(
                "{rma}: nShift has the return of order {order} only as processed ({statuses}); "
                "it was received already and is not received twice",
                rma=expected.rma.rma_number,
                order=expected.forward_order_id or "",
                statuses=statuses,
            )
        )
    if len(open_orders) > 1:
        # more than one unprocessed return for one order: the parcel's own id decides
        log.info(
            "order %s has %d unprocessed nShift returns: the parcel's id decides",
            expected.forward_order_id,
            len(open_orders),
        )
        return None
    order = open_orders[0]
    if settings.nshift.pull_return_id == "returnOrderExtId" and order.return_order_ext_id:
        return_id = order.return_order_ext_id
    else:
        return_id = order.return_order_id
    return Join(
        return_id=return_id,
        forward_order_id=order.order_id or expected.forward_order_id or "",
        source=JoinSource.NSHIFT,
        nshift_items=tuple(order.items),
        market_code=order.market_code,
        currency=order.currency,
    )


def pair_items(
    items: list[ExpectedItem], nshift_items: tuple[ReturnOrderItem, ...]
) -> list[tuple[ExpectedItem | None, ReturnOrderItem | None]]:
    """RMA items beside nShift's: by SKU (or product variant), else in order when the counts
    agree. Every nShift item is in the result (nShift needs its exact items); an RMA item
    nShift does not have comes last, without a partner."""
    if not nshift_items:
        return [(item, None) for item in items]
    left = list(items)
    pairs: list[tuple[ExpectedItem | None, ReturnOrderItem | None]] = []
    unmatched: list[ReturnOrderItem] = []
    for theirs in nshift_items:
        keys = {k.casefold() for k in (theirs.sku, theirs.product_variant_id) if k}
        ours = next((i for i in left if i.sku.casefold() in keys), None)
        if ours is None:
            unmatched.append(theirs)
            pairs.append((None, theirs))
        else:
            left.remove(ours)
            pairs.append((ours, theirs))
    if unmatched and len(unmatched) == len(left):
        # nShift's items carry no SKU we know: the order of both lists pairs them
        by_position = iter(left)
        pairs = [(ours or next(by_position), theirs) for ours, theirs in pairs]
        left = []
    return pairs + [(item, None) for item in left]

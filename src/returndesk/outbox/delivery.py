"""One delivery attempt of one outbox item: send it, and say what came of it.

:func:`deliver` never raises for anything a sender does: every exception becomes an outcome the
store records. :func:`process_one` is the whole per-item logic, synchronous (tests use it; the
drainer adds threads, pacing and group commits around :func:`deliver`).
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime

from pydantic import ValidationError

from returndesk.outbox.model import Item, Kind, Lane, State
from returndesk.outbox.policy import MAX_RATE_PAUSE, Outcome, after_failure, after_unexpected
from returndesk.outbox.senders import BodySender, Sender, load_payload
from returndesk.outbox.store import OutboxStore, Settlement, utcnow
from returndesk.vendors.errors import ConnectFailed, VendorError
from returndesk.vendors.transport import idempotency_key, sanitize

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Attempt:
    """What one delivery attempt did (always truthy, so ``while process_one(...)`` works)."""

    item_id: str
    state: State
    #: False when the vendor could not be reached at all (no connection)
    reached: bool
    #: a message for the operator, raised once (e.g. the vendor refused the credentials)
    alert: str | None = None
    #: the sender raised something no rule expects (a bug, a full disk, a locked file)
    unexpected: bool = False


def deliver(
    item: Item,
    senders: Mapping[Kind, Sender],
    *,
    rng: random.Random,
    clock: Callable[[], datetime] = utcnow,
) -> tuple[Settlement, Attempt]:
    """Send one claimed item and say what came of it; writes nothing. Never raises for
    anything the sender does: every exception becomes an outcome the store records."""
    sender = senders.get(item.kind)
    try:
        if sender is None:
            raise LookupError(f"{item.kind.value} is not configured on this station")
        with idempotency_key(item.id):
            if isinstance(sender, BodySender) and item.request_body is not None:
                delivery = sender.post(item.request_body.encode())
            else:
                delivery = sender(load_payload(item.payload_json))
    except VendorError as exc:
        outcome = after_failure(
            item.kind,
            exc,
            attempts=item.attempts,
            was_unknown=item.was_unknown,
            created_at=item.created_at,
            now=clock(),
            rng=rng,
        )
        log.info(
            "outbox %s %s: %s -> %s",
            item.lane.value,
            item.id[:8],
            exc.kind.value,
            outcome.state.value,
        )
        reached = not isinstance(exc, ConnectFailed)
        alert = None
        if outcome.lane_auth_blocked:  # raised only if this newly blocks the lane
            alert = (
                f"{exc.vendor} refused the station's credentials ({exc}); sending to "
                f"{exc.vendor} is paused. Check the settings; nothing is lost."
            )
        return Settlement(item, outcome), Attempt(item.id, outcome.state, reached, alert)
    except (ValidationError, ValueError, LookupError) as exc:
        # the frozen payload itself is unusable: sending it again can never work
        message = sanitize(str(exc).splitlines()[0] if str(exc) else type(exc).__name__, ())
        outcome = Outcome(
            State.FAILED, clock(), f"invalid item: {message}", was_unknown=item.was_unknown
        )
        return Settlement(item, outcome), Attempt(item.id, State.FAILED, reached=False)
    except Exception as exc:
        log.exception("outbox %s %s: unexpected error while sending", item.lane.value, item.id[:8])
        outcome = after_unexpected(exc, was_unknown=item.was_unknown, now=clock())
        return Settlement(item, outcome), Attempt(
            item.id,
            outcome.state,
            reached=False,
            alert=f"Sending stopped on an unexpected error ({outcome.error}); the item needs "
            "attention in the Queue and the other items go on. Tell IT.",
            unexpected=True,
        )
    pause = None
    wait = delivery.rate_limit.wait_hint(clock())
    if wait:  # the vendor's quota is used up: pause before it has to answer 429
        pause = clock() + min(wait, MAX_RATE_PAUSE)
    return (
        Settlement(item, response=delivery.response, pause_until=pause),
        Attempt(item.id, State.SENT, reached=True),
    )


def process_one(
    store: OutboxStore,
    lane: Lane,
    senders: Mapping[Kind, Sender],
    *,
    rng: random.Random,
    clock: Callable[[], datetime] = utcnow,
) -> Attempt | None:
    """Claim and deliver the lane's next due item; None if there was nothing to do."""
    item = store.claim_next(lane)
    if item is None:
        return None
    settlement, attempt = deliver(item, senders, rng=rng, clock=clock)
    if store.settle(settlement) or attempt.unexpected:
        return attempt
    return replace(attempt, alert=None)

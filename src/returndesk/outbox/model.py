"""Outbox states, kinds and lanes: the vocabulary the store, drainer and views share.

::

    waiting ──claim──▶ sending ──▶ sent
       ▲                 │ ├─────▶ failed            (permanent 4xx, validation)
       │                 │ ├─────▶ needs_attention   (a human must look)
       └──retry/429/auth─┘ └─────▶ unknown ──claim──▶ sending …   (re-send is safe)
                                                  └─▶ needs_attention (re-send is not)

A crash while ``sending`` leaves the row ``sending``; the next start turns it into ``unknown``.
Staff may close a failed or needs-attention row as ``resolved``, with a reason.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from returndesk.core import json_codec
from returndesk.core.wms_update import WmsUpdate


class State(StrEnum):
    WAITING = "waiting"
    SENDING = "sending"
    SENT = "sent"
    UNKNOWN = "unknown"
    FAILED = "failed"
    NEEDS_ATTENTION = "needs_attention"
    #: staff checked it with the vendor and closed it, with a recorded reason (never sent
    #: again by the station)
    RESOLVED = "resolved"


#: states the drainer picks up when they are due
CLAIMABLE = (State.WAITING, State.UNKNOWN)
#: states that staff may send again with "retry"
RETRYABLE_BY_STAFF = (State.FAILED, State.NEEDS_ATTENTION, State.WAITING, State.UNKNOWN)
#: states staff may close with "mark resolved"
RESOLVABLE = (State.FAILED, State.NEEDS_ATTENTION)
#: not delivered and not closed: what the Queue lists first
UNSENT = (State.WAITING, State.SENDING, State.UNKNOWN, State.FAILED, State.NEEDS_ATTENTION)


class Lane(StrEnum):
    NSHIFT = "nshift"
    RETURNMATE = "returnmate"
    WMTECH = "wmtech"
    #: photo uploads to the station's photo store
    PHOTOS = "photos"
    #: licence-plate labels to the station's label printer
    PRINTER = "printer"

    @property
    def tells_of_the_network(self) -> bool:
        """Whether an attempt here says the network is up or down: a label printer that is
        off says nothing of it (its waiting jobs are shown on their own)."""
        return self is not Lane.PRINTER


class Kind(StrEnum):
    WMS_UPDATE = "wms_update"
    RMA_STATUS = "rma_status"
    RMA_NOTE = "rma_note"
    ANALYZE = "analyze"
    PHOTO_UPLOAD = "photo_upload"
    LABEL = "label"

    @property
    def lane(self) -> Lane:
        return _LANES[self]

    @property
    def resend_after_unknown(self) -> bool:
        """May this request be sent again when an earlier attempt's outcome is unknown?

        nShift applies a wms-update only while the return is Not Processed, so a repeat cannot
        apply twice; a status PATCH sets the same value again. A note would be duplicated, and
        a WM Tech analysis has no idempotency key and may trigger real actions. A photo
        upload writes the same bytes under the same name again. A label whose bytes all went
        out may be on the bench already: printed again only when the operator asks.
        """
        return self in (Kind.WMS_UPDATE, Kind.RMA_STATUS, Kind.PHOTO_UPLOAD)


_LANES = {
    Kind.WMS_UPDATE: Lane.NSHIFT,
    Kind.RMA_STATUS: Lane.RETURNMATE,
    Kind.RMA_NOTE: Lane.RETURNMATE,
    Kind.ANALYZE: Lane.WMTECH,
    Kind.PHOTO_UPLOAD: Lane.PHOTOS,
    Kind.LABEL: Lane.PRINTER,
}


#: a payload's key for the items to queue once it is delivered (they are never sent with it):
#: ``[{"kind": "rma_status", ...payload}, ...]`` on a wms-update (see outbox.evidence)
THEN = "then"


@dataclass(frozen=True, slots=True)
class NewItem:
    kind: Kind
    payload: dict[str, object]


def check_new_item(item: NewItem) -> str | None:
    """The door every item passes into the outbox; returns the request body frozen here,
    for the kinds whose body is sent exactly as it was taken in (else None).

    An nShift update is validated here, once, with the types nShift documents, and encoded
    once: what the outbox holds is byte for byte what nShift gets, the sender neither parses
    nor rebuilds it (decoding and encoding each body again cost a sixth of a send on a fast
    link), and a body nShift would refuse is refused while someone is still there to see it."""
    if item.kind is not Kind.WMS_UPDATE:
        return None
    body = vendor_body(item.payload)
    WmsUpdate.model_validate(body)
    return json_codec.dumps(body)


def vendor_body(payload: Mapping[str, Any]) -> dict[str, Any]:
    """A payload without what follows it (its "then" items are the outbox's, not the vendor's)."""
    return {key: value for key, value in payload.items() if key != THEN}


@dataclass(frozen=True, slots=True)
class Capture:
    """One received return: the history row written together with its outbox items."""

    return_id: str
    source: str
    summary: dict[str, object]
    rma_id: str | None = None
    rma_number: str | None = None
    operator: str | None = None


@dataclass(frozen=True, slots=True)
class Item:
    seq: int
    id: str
    history_id: str | None
    lane: Lane
    kind: Kind
    payload_json: str
    state: State
    attempts: int
    created_at: datetime
    updated_at: datetime
    next_attempt_at: datetime
    sent_at: datetime | None
    last_error: str | None
    was_unknown: bool
    #: the exact request body frozen when the item was taken in (see check_new_item); None
    #: for kinds built from their payload, once sent, and for items queued before bodies
    #: were frozen (their payload is encoded at sending, as it always was)
    request_body: str | None = None


@dataclass(frozen=True, slots=True)
class LaneState:
    lane: Lane
    paused_until: datetime | None
    reason: str | None
    auth_blocked: bool


@dataclass(frozen=True, slots=True)
class Counts:
    waiting: int = 0
    sending: int = 0
    unknown: int = 0
    sent: int = 0
    failed: int = 0
    needs_attention: int = 0
    resolved: int = 0
    #: of the above, the label printer's: not printed yet, and needing a human
    labels_pending: int = 0
    labels_attention: int = 0

    @property
    def vendor_pending(self) -> int:
        """Waiting for a vendor (the header's queue; labels are shown on their own)."""
        return self.pending - self.labels_pending

    @property
    def pending(self) -> int:
        """Not yet delivered and not waiting for a human."""
        return self.waiting + self.sending + self.unknown

    @property
    def attention(self) -> int:
        return self.failed + self.needs_attention


@dataclass(frozen=True, slots=True)
class QueueRow:
    """An outbox item as the Queue lists it: with what it is for (the RMA or return)."""

    item: Item
    #: the RMA number, else the return id, else the photo's name; "" when none is known
    subject: str
    #: a resolved item's reason and who gave it
    resolution: str | None = None


@dataclass(frozen=True, slots=True)
class RetryPlan:
    """What "Retry all" would do: items per kind, and those it leaves for one-by-one review
    because a repeat may duplicate (a note or analysis whose first attempt may have landed)."""

    per_kind: dict[Kind, int]
    risky: int

    @property
    def total(self) -> int:
        return sum(self.per_kind.values())

"""A parcel that cannot be received now goes on the exceptions shelf, and History says so.

Nothing is sent to any vendor: the row records the parcel's code, why it was set aside and
who did it, so a team lead finds it on the shelf and in History ("SET ASIDE") alike.
"""

from __future__ import annotations

from returndesk.core.codes import checked_text
from returndesk.core.operator_text import Say
from returndesk.outbox.model import Capture
from returndesk.outbox.store import OutboxStore

#: the source History shows for a parcel set aside
SOURCE = "set_aside"
MAX_REASON = 200


class SetAsideError(ValueError):
    """The reason or the code cannot be recorded; ``str(exc)`` says why."""


def set_aside(store: OutboxStore, code: str, reason: str, *, operator: str | None) -> str:
    """Record ``code`` as set aside for ``reason``; returns the History row's id."""
    parcel = checked_text(code)
    why = " ".join(reason.split())
    if not why:
        raise SetAsideError(Say("Say why the parcel is set aside (a few words)."))
    if len(why) > MAX_REASON or any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in why):
        raise SetAsideError(
            Say("The reason is at most {limit} printable characters.", limit=MAX_REASON)
        )
    summary: dict[str, object] = {"parcel": parcel, "reason": why, "lines": []}
    history_id, _ = store.capture(
        Capture(f"SET-ASIDE-{parcel}", SOURCE, summary, operator=operator), []
    )
    return history_id

"""The outbox's states as people read them, in the station's language (Queue, Support)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def state_labels() -> dict[str, str]:
    """The outbox states as the Queue shows them (made once per reload, not per row)."""
    return {
        "waiting": QCoreApplication.translate("RecordsFlow", "waiting"),
        "sending": QCoreApplication.translate("RecordsFlow", "sending"),
        "sent": QCoreApplication.translate("RecordsFlow", "sent"),
        "unknown": QCoreApplication.translate("RecordsFlow", "outcome unknown"),
        "failed": QCoreApplication.translate("RecordsFlow", "failed"),
        "needs_attention": QCoreApplication.translate("RecordsFlow", "needs attention"),
        "resolved": QCoreApplication.translate("RecordsFlow", "resolved"),
    }

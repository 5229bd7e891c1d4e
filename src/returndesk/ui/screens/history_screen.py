"""The History screen: what this station received today, searchable; and how its columns
read a return's summary (the AI column, the source, what staff resolved)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from returndesk.outbox.model import Kind
from returndesk.ui.screens.list_screen import ListScreen
from returndesk.ui.screens.queue_screen import kind_label


def history_headers() -> list[str]:
    return [
        QCoreApplication.translate("RecordsFlow", "Time"),
        QCoreApplication.translate("RecordsFlow", "Return"),
        "RMA",
        QCoreApplication.translate("RecordsFlow", "Accepted"),
        QCoreApplication.translate("RecordsFlow", "Refund"),
        QCoreApplication.translate("RecordsFlow", "AI"),
        QCoreApplication.translate("RecordsFlow", "Operator"),
        QCoreApplication.translate("RecordsFlow", "Source"),
        QCoreApplication.translate("RecordsFlow", "Notes"),
    ]


HISTORY_WIDTHS = [100, 150, 190, 124, 140, 110, 130, 90]


def resolved_note(kind: Kind, reason: str, operator: str | None) -> str:
    """An item staff closed, as History shows it: "rma note resolved: <reason> (Ada)"."""
    text = QCoreApplication.translate("RecordsFlow", "{what} resolved: {reason}").format(
        what=kind_label(kind), reason=reason
    )
    return f"{text} ({operator})" if operator else text


def source_label(source: str) -> str:
    if source == "manual":
        return QCoreApplication.translate("RecordsFlow", "WITHOUT RMA")
    if source == "set_aside":
        return QCoreApplication.translate("RecordsFlow", "SET ASIDE")
    return "RMA" if source == "rma" else source


def ai_column(lines: list[dict[str, Any]]) -> str:
    """How the operator used WM Tech's advice on a return: "2 applied · 1 overridden ≠1"."""
    verdicts = [line["ai"] for line in lines if isinstance(line.get("ai"), dict)]
    if not verdicts:
        return ""
    applied = sum(1 for v in verdicts if v.get("action") == "applied")
    parts = (
        [QCoreApplication.translate("RecordsFlow", "{n} applied").format(n=applied)]
        if applied
        else []
    )
    if len(verdicts) - applied:
        parts.append(
            QCoreApplication.translate("RecordsFlow", "{n} overridden").format(
                n=len(verdicts) - applied
            )
        )
    disagreed = sum(1 for v in verdicts if v.get("disagrees"))
    return " · ".join(parts) + (f" ≠{disagreed}" if disagreed else "")


class HistoryScreen(ListScreen):
    def __init__(self) -> None:
        super().__init__(
            QCoreApplication.translate("RecordsFlow", "Received today"),
            history_headers(),
            widths=HISTORY_WIDTHS,
            searchable=True,
        )
